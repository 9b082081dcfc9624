"""全国地方公共団体コード (local government codes) and region keys used for filtering."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LG_CODE_RE = re.compile(r"^\d{6}$")
PREF_CODE_RE = re.compile(r"^(0[1-9]|[1-3]\d|4[0-7])$")

NATIONWIDE_KEY = "JP"


def lg_check_digit(first_five: str) -> int:
    """The check digit: weights 6,5,4,3,2 on the first five digits, (11 - S mod 11) mod 10."""
    total = sum(int(d) * w for d, w in zip(first_five, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def is_valid_lg_code(code: str) -> bool:
    return bool(LG_CODE_RE.match(code or "")) and lg_check_digit(code[:5]) == int(code[5])


def validate_lg_code(value: str) -> None:
    if not LG_CODE_RE.match(value or ""):
        raise ValidationError(
            _("地方公共団体コードは6桁の数字で入力してください。"), code="lg_format"
        )
    if not is_valid_lg_code(value):
        raise ValidationError(
            _("地方公共団体コードの検査数字が正しくありません。"), code="lg_check_digit"
        )


def is_valid_pref_code(code: str) -> bool:
    return bool(PREF_CODE_RE.match(code or ""))


# Region keys (DESIGN §6): JP nationwide, P13 all of Tokyo, M131016 one municipality,
# IN13 somewhere inside Tokyo. A filter becomes one indexed IN lookup.
def pref_key(pref_code: str) -> str:
    return f"P{pref_code}"


def inside_pref_key(pref_code: str) -> str:
    return f"IN{pref_code}"


def muni_key(lg_code: str) -> str:
    return f"M{lg_code}"


def keys_matching_pref(pref_code: str) -> list[str]:
    """Stored keys that a `pref=NN` filter matches: national, the whole prefecture, inside it."""
    return [NATIONWIDE_KEY, pref_key(pref_code), inside_pref_key(pref_code)]


def keys_matching_muni(lg_code: str, parent_lg_code: str | None = None) -> list[str]:
    """Stored keys that a `muni=NNNNNN` filter matches: national, its prefecture, itself (and
    the designated city a ward belongs to)."""
    keys = [NATIONWIDE_KEY, pref_key(lg_code[:2]), muni_key(lg_code)]
    if parent_lg_code:
        keys.append(muni_key(parent_lg_code))
    return keys
