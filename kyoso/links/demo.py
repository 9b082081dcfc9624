"""Demo related links: real public sites of ministries and national bodies (marked demo)."""

from kyoso.platforms.models import Platform

from .models import Link

LINKS = [
    (
        "ministry",
        "厚生労働省 地域包括ケアシステム",
        "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/hukushi_kaigo/kaigo_koureisha/chiiki-houkatsu/",
        "地域包括ケアシステムの考え方と関連施策",
    ),
    (
        "ministry",
        "厚生労働省 介護予防・日常生活支援総合事業",
        "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000192992.html",
        "総合事業のガイドラインと関連資料",
    ),
    (
        "ministry",
        "国土交通省 地域公共交通",
        "https://www.mlit.go.jp/sogoseisaku/transport/",
        "地域公共交通の活性化と再生",
    ),
    (
        "ministry",
        "農林水産省 食品アクセス（買い物困難者）対策",
        "https://www.maff.go.jp/j/shokusan/eat/syoku_akusesu.html",
        "買い物困難者対策の取組事例",
    ),
    ("ministry", "デジタル庁", "https://www.digital.go.jp/", "デジタル社会の実現に向けた施策"),
    (
        "national_org",
        "全国社会福祉協議会",
        "https://www.shakyo.or.jp/",
        "全国の社会福祉協議会の連絡調整",
    ),
    (
        "research",
        "e-Stat 政府統計の総合窓口",
        "https://www.e-stat.go.jp/",
        "高齢化率など地域の統計を調べる",
    ),
    (
        "research",
        "地域包括ケア「見える化」システム",
        "https://mieruka.mhlw.go.jp/",
        "介護保険の地域の現状を比較する",
    ),
    (
        "learning",
        "厚生労働省 生活支援コーディネーター研修",
        "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000192996.html",
        "生活支援体制整備事業の研修資料",
    ),
]


def load() -> str:
    national = Platform.objects.national()
    created = 0
    for order, (category, title, url, description) in enumerate(LINKS, start=1):
        _link, was_created = Link.objects.get_or_create(
            title=title,
            platform=national,
            defaults={
                "category": category,
                "url": url,
                "description": description,
                "order": order,
                "is_demo": True,
            },
        )
        created += was_created
    tokyo = Platform.objects.get(slug="tokyo")
    Link.objects.get_or_create(
        title="東京都 福祉局",
        platform=tokyo,
        defaults={
            "category": "prefecture",
            "url": "https://www.fukushi.metro.tokyo.lg.jp/",
            "description": "東京都の高齢者福祉施策",
            "is_demo": True,
        },
    )
    return f"{len(LINKS) + 1} links ({created} new)"
