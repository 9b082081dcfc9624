"""The Digital Agency's 自治体標準オープンデータセット「イベント一覧」 layout: the columns of the
CSV export (and of the JSON items), and the reading of the same layout for the import."""

import re

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from .models import Event

COLUMNS = [
    "都道府県コード又は市区町村コード",
    "NO",
    "都道府県名",
    "市区町村名",
    "イベント名",
    "イベント名_カナ",
    "イベント名_英語",
    "開始日",
    "終了日",
    "開始時間",
    "終了時間",
    "開始日時特記事項",
    "説明",
    "料金(基本)",
    "料金(詳細)",
    "連絡先名称",
    "連絡先電話番号",
    "連絡先内線番号",
    "主催者",
    "場所名称",
    "住所",
    "方書",
    "緯度",
    "経度",
    "アクセス方法",
    "駐車場情報",
    "定員",
    "参加申込終了日",
    "参加申込終了時間",
    "参加申込方法",
    "URL",
    "備考",
]
PHONE = re.compile(r"0\d{1,4}-\d{1,4}-\d{3,4}")


def katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text or "")


def row(event: Event) -> dict:
    start, end = event.local_start(), event.local_end()
    muni = event.municipality if event.has_venue else None
    prefecture = muni.prefecture if muni else event.platform.prefecture
    code = muni.lg_code if muni else (prefecture.lg_code if prefecture else "")
    deadline = timezone.localtime(event.apply_deadline) if event.apply_deadline else None
    phone = PHONE.search(event.contact or "")
    notes = [str(event.get_format_display())]
    if event.is_online and event.online_url:
        notes.append(event.online_url)
    return {
        "都道府県コード又は市区町村コード": code,
        "NO": event.source_no or str(event.pk),
        "都道府県名": prefecture.name if prefecture else "",
        "市区町村名": muni.name if muni else "",
        "イベント名": event.title,
        "イベント名_カナ": katakana(event.title_kana),
        "イベント名_英語": event.title_en,
        "開始日": start.date().isoformat(),
        "終了日": end.date().isoformat(),
        "開始時間": "" if event.all_day else start.strftime("%H:%M"),
        "終了時間": "" if event.all_day else end.strftime("%H:%M"),
        "開始日時特記事項": (
            f"{event.get_state_display()}：{event.state_note}"
            if event.state != Event.State.SCHEDULED
            else ""
        ),
        "説明": strip_tags(event.description).strip(),
        "料金(基本)": 0 if event.fee_free else (event.fee_amount or 0),
        "料金(詳細)": event.fee_details,
        "連絡先名称": (event.contact or "").splitlines()[0] if event.contact else "",
        "連絡先電話番号": phone.group(0) if phone else "",
        "連絡先内線番号": "",
        "主催者": event.organiser,
        "場所名称": event.venue_name if event.has_venue else "",
        "住所": (
            f"{prefecture.name if prefecture else ''}{muni.name if muni else ''}{event.address}"
            if event.has_venue
            else ""
        ),
        "方書": "",
        "緯度": event.lat if event.lat is not None else "",
        "経度": event.lng if event.lng is not None else "",
        "アクセス方法": "",
        "駐車場情報": "",
        "定員": event.capacity or "",
        "参加申込終了日": deadline.date().isoformat() if deadline else "",
        "参加申込終了時間": deadline.strftime("%H:%M") if deadline else "",
        "参加申込方法": event.apply_method,
        "URL": settings.SITE_URL + event.get_absolute_url(),
        "備考": " ".join(notes),
    }
