"""Import of the 自治体標準オープンデータセット「イベント一覧」 layout, as municipalities publish
it: UTF-8 (with or without BOM) or Shift_JIS (CP932); dates as 2026-12-05 or 2026/12/05; times as
10:00 or 10:00:00; 料金(基本) with or without commas or 円. Each row goes through the same form
(and so the same rules and messages) as an event typed in by hand; re-importing a file updates
the events it created (keyed by code + NO) instead of adding them twice."""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kyoso.regions import reference
from kyoso.regions.codes import is_valid_lg_code
from kyoso.regions.reference import to_hiragana

from .models import Event
from .opendata import COLUMNS

REQUIRED = ["イベント名", "イベント名_カナ", "開始日", "終了日", "開始時間", "終了時間", "説明",
            "場所名称", "住所"]  # fmt: skip
MAX_ROWS = 1000
MAX_BYTES = 2 * 1024 * 1024


@dataclass
class Row:
    line: int
    code: str
    no: str
    title: str
    data: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    existing: Event | None = None


def decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(_("文字コードを読み取れません。UTF-8 か Shift_JIS の CSV にしてください。"))


def _date(value: str) -> str:
    value = unicodedata.normalize("NFKC", value or "").strip()
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
    return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}" if match else value


def _time(value: str) -> str:
    value = unicodedata.normalize("NFKC", value or "").strip()
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", value)
    return f"{int(match[1]):02d}:{match[2]}" if match else value


def _yen(value: str) -> str:
    value = unicodedata.normalize("NFKC", value or "").strip()
    return re.sub(r"[,円¥\\\s]", "", value)


def _municipality(code: str, pref_name: str, muni_name: str, address: str) -> str:
    """An LG code from the code column, or from the names (都道府県名 + 市区町村名, or an
    address that starts with them)."""
    code = unicodedata.normalize("NFKC", code or "").strip()
    labels = reference.municipality_labels()
    if is_valid_lg_code(code) and code in labels:
        return code
    by_label = {label: c for c, label in labels.items()}
    if pref_name and muni_name and f"{pref_name}{muni_name}" in by_label:
        return by_label[f"{pref_name}{muni_name}"]
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", address or ""))
    best = ""
    for label, c in by_label.items():
        if text.startswith(label) and len(label) > len(best):
            best, code = label, c
    return code if best else ""


def read(raw: bytes) -> list[dict]:
    if len(raw) > MAX_BYTES:
        raise ValueError(_("ファイルが大きすぎます（2MBまで）。"))
    reader = csv.DictReader(io.StringIO(decode(raw)))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValueError(
            _("「イベント一覧」の形式ではありません。見つからない列：%(cols)s")
            % {"cols": "、".join(missing)}
        )
    reader.fieldnames = header
    rows = []
    for index, raw_row in enumerate(reader):
        if index >= MAX_ROWS:
            raise ValueError(_("1回に読み込めるのは%(n)d行までです。") % {"n": MAX_ROWS})
        rows.append({k: (v or "").strip() for k, v in raw_row.items() if k in COLUMNS})
    if not rows:
        raise ValueError(_("イベントの行がありません。"))
    return rows


def form_data(values: dict, platform) -> tuple[dict, list[str]]:
    """One CSV row as the event form's POST data; problems the form cannot name."""
    problems = []
    for column in REQUIRED:
        if column in ("場所名称", "住所"):
            continue
        if not values.get(column) and column not in ("開始時間", "終了時間"):
            problems.append(_("「%(col)s」が空です。") % {"col": column})
    municipality = _municipality(
        values.get("都道府県コード又は市区町村コード", ""),
        values.get("都道府県名", ""),
        values.get("市区町村名", ""),
        values.get("住所", ""),
    )
    venue = values.get("場所名称", "")
    notes = values.get("備考", "")
    online_url = next(iter(re.findall(r"https?://\S+", notes)), "")
    if venue and "オンライン" in notes:
        fmt = Event.Format.HYBRID
    elif venue or values.get("住所"):
        fmt = Event.Format.VENUE
    else:
        fmt = Event.Format.ONLINE
    fee = _yen(values.get("料金(基本)", ""))
    deadline = _date(values.get("参加申込終了日", ""))
    contact = "\n".join(
        values.get(c, "")
        for c in ("連絡先名称", "連絡先電話番号", "連絡先内線番号")
        if values.get(c)
    )
    description = values.get("説明", "")
    if values.get("開始日時特記事項"):
        description = f"{values['開始日時特記事項']}\n\n{description}"
    data = {
        "platform": platform.pk,
        "title": values.get("イベント名", ""),
        "title_kana": to_hiragana(values.get("イベント名_カナ", "")),
        "title_en": values.get("イベント名_英語", ""),
        "start_date": _date(values.get("開始日", "")),
        "start_time": _time(values.get("開始時間", "")),
        "end_date": _date(values.get("終了日", "")),
        "end_time": _time(values.get("終了時間", "")),
        "format": fmt,
        "venue_name": venue,
        "address": values.get("住所", ""),
        "municipality": municipality,
        "online_url": online_url,
        "description": "".join(f"<p>{line}</p>" for line in description.splitlines() if line),
        "audiences": ["anyone"],
        "fee_free": "on" if fee in ("", "0") else "",
        "fee_amount": "" if fee in ("", "0") else fee,
        "fee_details": values.get("料金(詳細)", ""),
        "capacity": values.get("定員", ""),
        "apply_method": values.get("参加申込方法", ""),
        "deadline_date": deadline,
        "organiser": values.get("主催者", ""),
        "contact": contact,
    }
    if (venue or values.get("住所")) and not municipality:
        problems.append(_("会場の市区町村がわかりません（コードか住所を確かめてください）。"))
    return data, problems
