"""Reference data (prefectures, fields, municipalities) held in memory per process: list pages
read it on every request and it changes only when `load_reference_data` runs. Saves in this
process clear it (signals); other processes pick a change up on restart, as after a deploy."""

import threading

_cache: dict[str, object] = {}
_lock = threading.Lock()
_generation = [0]


def clear(*args, **kwargs) -> None:
    with _lock:
        _cache.clear()
        _generation[0] += 1


def generation() -> int:
    """Changes whenever this process's reference data is cleared: part of the key of anything
    built from it and kept elsewhere (kyoso.core.facets_html)."""
    return _generation[0]


def _get(name: str, load):
    value = _cache.get(name)
    if value is None:
        value = load()
        with _lock:
            _cache[name] = value
    return value


def prefectures() -> list:
    from .models import Prefecture

    return _get("prefectures", lambda: list(Prefecture.objects.all()))


def fields() -> list:
    from .models import Field

    return _get("fields", lambda: list(Field.objects.all()))


def prefecture_codes() -> list[str]:
    return _get("prefecture_codes", lambda: [p.code for p in prefectures()])


def field_slugs() -> list[str]:
    return _get("field_slugs", lambda: [f.slug for f in fields()])


def prefecture_names() -> list[tuple[str, str]]:
    """(code, name in the active language) of the 47 prefectures: kept per language, for the
    filters of every list (Model.display_name asks for the language once per prefecture)."""
    from django.utils.translation import get_language

    return _get(
        f"prefecture_names:{get_language()}",
        lambda: [(p.code, p.display_name()) for p in prefectures()],
    )


def field_names() -> list[tuple[str, str]]:
    """(slug, name in the active language) of the 23 fields, kept per language."""
    from django.utils.translation import get_language

    return _get(
        f"field_names:{get_language()}", lambda: [(f.slug, f.display_name()) for f in fields()]
    )


def prefecture_name_map() -> dict[str, str]:
    """{code: name in the active language}, kept per language."""
    from django.utils.translation import get_language

    return _get(f"prefecture_name_map:{get_language()}", lambda: dict(prefecture_names()))


def field_name_map() -> dict[str, str]:
    """{slug: name in the active language}, kept per language."""
    from django.utils.translation import get_language

    return _get(f"field_name_map:{get_language()}", lambda: dict(field_names()))


def fields_by_slug() -> dict:
    return _get("fields_by_slug", lambda: {f.slug: f for f in fields()})


def prefectures_by_code() -> dict:
    return _get("prefectures_by_code", lambda: {p.code: p for p in prefectures()})


def municipality_labels() -> dict[str, str]:
    """LG code -> 東京都千代田区 (prefecture name + municipality name)."""
    from .models import Municipality

    return _get(
        "municipality_labels",
        lambda: {
            code: f"{pref}{name}"
            for code, pref, name in Municipality.objects.values_list(
                "lg_code", "prefecture__name", "name"
            )
        },
    )


def municipalities_of(pref_code: str) -> list[tuple[str, str]]:
    """(LG code, name) of a prefecture's active municipalities and wards, in kana order."""
    from .models import Municipality

    def load():
        by_pref: dict[str, list[tuple[str, str]]] = {}
        for code, pref, name in (
            Municipality.objects.filter(is_active=True)
            .order_by("name_kana", "lg_code")
            .values_list("lg_code", "prefecture_id", "name")
        ):
            by_pref.setdefault(pref, []).append((code, name))
        return by_pref

    return _get("municipalities_of", load).get(pref_code, [])


def to_hiragana(text: str) -> str:
    """NFKC (half-width kana become full-width), then katakana to hiragana."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text or "")
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


# Among equal matches, cities and Tokyo's wards before wards of a city, towns and villages.
_KIND_RANK = {"city": 0, "special_ward": 0, "ward": 1, "town": 2, "village": 3}


def _municipality_rows() -> list[tuple[str, str, str, str, str, str]]:
    """(LG code, prefecture code, prefecture name, name, reading, kind) of active municipalities."""
    from .models import Municipality

    return _get(
        "municipality_rows",
        lambda: list(
            Municipality.objects.filter(is_active=True)
            .order_by("lg_code")
            .values_list(
                "lg_code", "prefecture_id", "prefecture__name", "name", "name_kana", "kind"
            )
        ),
    )


def search_municipalities(query: str, limit: int = 20) -> list[tuple[str, str, str]]:
    """Municipalities whose name or reading matches `query`, best first: (LG code, prefecture
    code, 東京都千代田区). ちよだ, チヨダ, 千代田 and 千代田区 all find 千代田区; 東京都千代田 too;
    府中 finds the 府中市 of Tokyo and of Hiroshima (and 府中町); a 6-digit code finds its own."""
    q = "".join(to_hiragana(query).split())
    if not q:
        return []
    scored = []
    for code, pref_code, pref, name, kana, kind in _municipality_rows():
        label = pref + name
        if q == code:
            score = 0
        elif q in (name, label) or name[:-1] == q:
            score = 1
        elif name.startswith(q) or label.startswith(q):
            score = 2
        elif kana.startswith(q):
            score = 3
        elif q in name:
            score = 4
        elif len(q) >= 3 and q in kana:
            score = 5
        else:
            continue
        scored.append((score, _KIND_RANK.get(kind, 4), code, pref_code, label))
    scored.sort()
    return [(code, pref_code, label) for _s, _k, code, pref_code, label in scored[:limit]]
