"""Text hygiene for names and titles: no bidirectional overrides or invisible characters."""

import re
import unicodedata

# Bidi embeddings/overrides/isolates and marks, zero-width characters, the BOM, soft hyphen.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad]")


def clean_name(value: str) -> str:
    """A name or title as people see it: invisible and direction-changing characters removed,
    other control characters removed, surrounding spaces trimmed."""
    value = INVISIBLE.sub("", value or "")
    value = (
        "".join(ch for ch in value if unicodedata.category(ch) != "Cc" or ch in "\n\t")
        .replace("\n", " ")
        .replace("\t", " ")
    )
    return value.strip()


def clean_param(value: str, limit: int = 200) -> str:
    """A free-text query-string value: no control characters (PostgreSQL refuses NUL), no
    invisible ones, trimmed and bounded."""
    value = INVISIBLE.sub("", value or "")
    value = "".join(ch if unicodedata.category(ch) != "Cc" else " " for ch in value)
    return value.strip()[:limit]
