"""A map of Japan's 47 prefectures as server-rendered inline SVG, coloured by a count.

Every shape carries its prefecture's name and figure as a `<title>` (read by screen readers and
shown on hover); colour is never the only carrier of meaning — each class also has a pattern
density in the legend wording, and every map is shown with the same figures as a table. The
outlines come from `data/japan_map.json` (CC BY 4.0, credited under the map)."""

import json
import math
from functools import cache
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from . import reference

MAP_FILE = Path(__file__).resolve().parent / "data" / "japan_map.json"
# Light to dark blue on white (enough contrast between neighbours and against the outline);
# class 0 (none) is a light grey.
PALETTE = ["#f1f1f4", "#c5d7fb", "#7096f8", "#3460fb", "#00118f"]


@cache
def _outlines() -> dict:
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def classes(counts: dict[str, int]) -> list[tuple[int, int]]:
    """Up to four (low, high) count ranges above zero, split at rounded steps of the maximum."""
    top = max(counts.values(), default=0)
    if top <= 0:
        return []
    if top <= 4:
        return [(n, n) for n in range(1, top + 1)]
    step = math.ceil(top / 4)
    ranges, low = [], 1
    for i in range(1, 5):
        high = top if i == 4 else step * i
        if high >= low:
            ranges.append((low, high))
        low = high + 1
    return ranges


def _class_of(n: int, ranges: list[tuple[int, int]]) -> int:
    for i, (low, high) in enumerate(ranges, start=1):
        if low <= n <= high:
            return i
    return 0


def prefecture_map(
    counts: dict[str, int],
    *,
    title: str,
    description: str,
    label,
    legend_title: str,
    link=None,
    map_id: str = "pref-map",
) -> SafeString:
    """`counts`: prefecture code -> figure; `label(name, n)` -> the text of a shape's <title>
    (「東京都：3件」, with its plural in English); `link(code)` -> URL makes each shape a link."""
    outlines = _outlines()
    ranges = classes(counts)
    # With 1–4 classes the palette's darker end is used, so that one case shows clearly.
    palette = PALETTE[:1] + PALETTE[len(PALETTE) - len(ranges) :] if ranges else PALETTE[:1]
    shapes = []
    for pref in reference.prefectures():
        d = outlines["paths"].get(pref.slug)
        if not d:
            continue
        n = counts.get(pref.code, 0)
        text = label(pref.display_name(), n)
        shape = format_html(
            '<path d="{}" fill="{}" data-code="{}"><title>{}</title></path>',
            d,
            palette[_class_of(n, ranges)],
            pref.code,
            text,
        )
        if link is not None:
            shape = format_html('<a href="{}" aria-label="{}">{}</a>', link(pref.code), text, shape)
        shapes.append(shape)
    legend_rows = [(palette[0], "0")] + [
        (palette[i], str(low) if low == high else f"{low}–{high}")
        for i, (low, high) in enumerate(ranges, start=1)
    ]
    legend = format_html_join(
        "",
        '<li><svg width="16" height="16" aria-hidden="true" focusable="false">'
        '<rect width="16" height="16" fill="{}" stroke="#333"/></svg> {}</li>',
        legend_rows,
    )
    svg = format_html(
        '<svg class="site-map__svg" viewBox="{}" role="{}" aria-labelledby="{}-t {}-d" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-t">{}</title><desc id="{}-d">{}</desc>'
        '<g stroke="#333" stroke-width="0.4">{}</g></svg>',
        outlines["viewBox"],
        # A map of links is a group of links (an image may not hold interactive parts).
        "group" if link is not None else "img",
        map_id,
        map_id,
        map_id,
        title,
        map_id,
        description,
        mark_safe("".join(shapes)),  # noqa: S308 - each shape escaped by format_html above
    )
    credit = format_html(
        '<p class="site-meta">{}</p>',
        _("地図の出典：@svg-maps/japan（Victor Cazanave、CC BY 4.0）"),
    )
    return format_html(
        '<figure class="site-map">{}<figcaption><p>{}</p>'
        '<ul class="site-map__legend" aria-label="{}">{}</ul>{}</figcaption></figure>',
        svg,
        legend_title,
        legend_title,
        legend,
        credit,
    )
