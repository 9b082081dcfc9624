"""Charts drawn on the server as inline SVG: a horizontal bar per row, each bar labelled with its
name and number in text (no colour-only meaning, no script). Every chart is shown with the same
figures as a table and a CSV download; these helpers draw only the picture."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

ROW = 26
BAR_WIDTH = 360


def bar_chart(
    rows: list[tuple[str, int]], *, title: str, description: str, chart_id: str
) -> SafeString:
    """`rows`: (label, value). The picture is one role="img" with its title and description;
    each bar also carries its figure as a <title>."""
    top = max((v for _l, v in rows), default=0) or 1
    height = ROW * len(rows) + 8
    # Room for the longest label (a full-width character is about 13 units at this size).
    label_width = min(460, max(120, 14 * max((len(str(label)) for label, _v in rows), default=0)))

    def bar(value: int) -> int:
        return max(1, round(BAR_WIDTH * value / top)) if value else 0

    bars = format_html_join(
        "",
        '<g transform="translate(0,{})"><text x="{}" y="17" text-anchor="end">{}</text>'
        '<rect x="{}" y="4" width="{}" height="18" fill="#3460fb"><title>{}: {}</title></rect>'
        '<text x="{}" y="17">{}</text></g>',
        (
            (
                i * ROW,
                label_width - 8,
                label,
                label_width,
                bar(value),
                label,
                value,
                label_width + bar(value) + 6,
                value,
            )
            for i, (label, value) in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="site-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d" '
        'xmlns="http://www.w3.org/2000/svg" font-size="13"><title id="{}-t">{}</title>'
        '<desc id="{}-d">{}</desc>{}</svg>',
        label_width + BAR_WIDTH + 60,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        bars,
    )
