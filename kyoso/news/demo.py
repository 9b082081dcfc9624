"""Demo notices on the national and some prefectural platforms (already published)."""

import datetime

from django.utils import timezone

from kyoso.accounts.models import User
from kyoso.moderation.models import Status
from kyoso.platforms.models import Platform

from .models import Notice

NOTICES = [
    (
        "national",
        2026,
        11,
        20,
        "第2回オンラインシンポジウムの動画を公開しました",
        "官・民・住民の共創による地域づくりをテーマにした第2回オンラインシンポジウムの動画を公開しました。\n"
        "買い物支援や移動支援に取り組む自治体・企業の実践報告と、専門家による対話を収録しています。",
    ),
    (
        "national",
        2026,
        11,
        1,
        "生活支援共創プラットフォーム（全国版）の本格運用を開始しました",
        "全国規模の団体・行政機関が集い、高齢者の生活支援の取組を共創するためのプラットフォームの本格運用を開始しました。\n"
        "賛同団体の登録、イベント情報の掲載、交流掲示板を順次ご利用いただけます。",
    ),
    (
        "national",
        2026,
        10,
        15,
        "都道府県向けプラットフォーム構築マニュアル（改訂版）を掲載しました",
        "都道府県版プラットフォームの構築手順、関係部局・団体との連携の進め方をまとめたマニュアルの改訂版を掲載しました。",
    ),
    (
        "national",
        2026,
        9,
        30,
        "賛同団体の募集について",
        "プラットフォームの趣旨に賛同いただける全国規模の団体・企業・行政機関を募集しています。\n"
        "登録いただいた団体は、団体一覧に掲載し、希望により団体ホームページへのリンクを掲載します。",
    ),
    (
        "tokyo",
        2026,
        11,
        10,
        "東京都版プラットフォーム 区市町村向け説明会のご案内",
        "区市町村の生活支援体制整備事業のご担当者と生活支援コーディネーターを対象に、説明会を開催します。",
    ),
    (
        "tokyo",
        2026,
        4,
        1,
        "東京都版プラットフォームを開設しました",
        "東京都内の多様な主体がつながり、高齢者の暮らしを支える取組を共につくるための場を開設しました。",
    ),
    (
        "osaka",
        2026,
        10,
        20,
        "大阪府内の共創事例を募集しています",
        "民間企業や住民団体と連携した生活支援の取組を募集しています。優れた事例は府の研修で紹介します。",
    ),
    (
        "hokkaido",
        2026,
        10,
        5,
        "冬季の見守り・除雪支援に関する情報交換会を開催します",
        "積雪期の高齢者の見守りと除雪支援について、市町村と地域の団体の情報交換会を開催します。",
    ),
    (
        "fukuoka",
        2026,
        8,
        1,
        "福岡県版プラットフォーム 運用開始のお知らせ",
        "福岡県版の生活支援共創プラットフォームの運用を開始しました。県内の団体の皆さまのご参加をお待ちしています。",
    ),
    (
        "nagano",
        2026,
        10,
        1,
        "移動支援（交通）の取組事例集を作成しました",
        "中山間地域における移動支援の取組を事例集にまとめました。地域の実情に合わせた仕組みづくりにご活用ください。",
    ),
    (
        "kanagawa",
        2026,
        11,
        5,
        "神奈川県版プラットフォーム 参加団体の交流会を開きます",
        "県内の社会福祉協議会・企業・NPOの皆さまの交流会を12月に開きます。詳しくはイベント情報をご覧ください。",
    ),
    (
        "shimane",
        2026,
        8,
        1,
        "島根県版プラットフォームの運用を始めました",
        "中山間地域の買い物・移動の課題に、県・市町村・事業者・住民が一緒に取り組むための場です。",
    ),
    (
        "kochi",
        2026,
        9,
        1,
        "高知県版プラットフォームの運用を始めました",
        "集落活動センターや社会福祉協議会と連携し、地域の支え合いの取組を共有していきます。",
    ),
]


def load() -> str:
    author = User.objects.filter(email="admin@demo.kyoso.example").first()
    created = 0
    for slug, year, month, day, title, body in NOTICES:
        when = timezone.make_aware(datetime.datetime(year, month, day, 10, 0))
        _notice, was_created = Notice.objects.get_or_create(
            title=title,
            platform=Platform.objects.get(slug=slug),
            defaults={
                "body": body,
                "status": Status.PUBLISHED,
                "published_at": when,
                "submitted_at": when,
                "reviewed_at": when,
                "submitted_by": author,
                "reviewed_by": author,
                "is_demo": True,
            },
        )
        created += was_created
    return f"{len(NOTICES)} notices ({created} new)"
