"""Reference data (prefectures, fields, municipalities) held in memory per process: list pages
read it on every request and it changes only when `load_reference_data` runs. Saves in this
process clear it (signals); other processes pick a change up on restart, as after a deploy."""

import threading

_cache: dict[str, object] = {}
_lock = threading.Lock()


def clear(*args, **kwargs) -> None:
    with _lock:
        _cache.clear()


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
