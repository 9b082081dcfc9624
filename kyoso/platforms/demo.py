"""Demo: some prefectural platforms already running, with their admins and moderators."""

import datetime

from kyoso.accounts.models import User

from .models import Part, Platform, PlatformRole

ACTIVE = {
    "hokkaido": datetime.date(2026, 4, 1),
    "miyagi": datetime.date(2026, 6, 1),
    "tokyo": datetime.date(2026, 4, 1),
    "kanagawa": datetime.date(2026, 7, 1),
    "nagano": datetime.date(2026, 10, 1),
    "aichi": datetime.date(2026, 5, 1),
    "osaka": datetime.date(2026, 4, 1),
    "hiroshima": datetime.date(2026, 9, 1),
    "fukuoka": datetime.date(2026, 6, 1),
    "okinawa": datetime.date(2026, 11, 1),
    "shimane": datetime.date(2026, 8, 1),
    "kochi": datetime.date(2026, 9, 1),
}

# What five of the running platforms are made of (構成) and whom to contact (fictional).
PARTS = {
    "tokyo": (
        ["東京都 福祉局 高齢者施策推進部（デモ）", "東京都 産業労働局（デモ）"],
        ["社会福祉法人東京都社会福祉協議会（デモ）", "東京都生活協同組合連合会（デモ）"],
        "東京都 福祉局 高齢者施策推進部 在宅支援課（デモ）\n電話 03-0000-0000（平日 9時〜17時）",
    ),
    "osaka": (
        ["大阪府 福祉部 高齢介護室（デモ）", "大阪府 都市整備部 交通道路室（デモ）"],
        ["社会福祉法人大阪府社会福祉協議会（デモ）", "大阪府商工会連合会（デモ）"],
        "大阪府 福祉部 高齢介護室 介護支援課（デモ）\n電話 06-0000-0000",
    ),
    "kanagawa": (
        ["神奈川県 福祉子どもみらい局（デモ）", "神奈川県 政策局（デモ）"],
        ["社会福祉法人神奈川県社会福祉協議会（デモ）", "神奈川県農業協同組合中央会（デモ）"],
        "神奈川県 福祉子どもみらい局 高齢福祉課（デモ）\n電話 045-000-0000",
    ),
    "shimane": (
        ["島根県 健康福祉部 高齢者福祉課（デモ）", "島根県 地域振興部（デモ）"],
        ["社会福祉法人島根県社会福祉協議会（デモ）", "島根県商工会連合会（デモ）"],
        "島根県 健康福祉部 高齢者福祉課（デモ）\n電話 0852-00-0000",
    ),
    "kochi": (
        ["高知県 子ども・福祉政策部（デモ）", "高知県 中山間振興・交通部（デモ）"],
        ["社会福祉法人高知県社会福祉協議会（デモ）", "高知県農業協同組合（デモ）"],
        "高知県 子ども・福祉政策部 長寿社会課（デモ）\n電話 088-000-0000",
    ),
}

ROLES = [
    ("tokyo-admin@demo.kyoso.example", "tokyo", PlatformRole.Role.ADMIN),
    ("osaka-moderator@demo.kyoso.example", "osaka", PlatformRole.Role.MODERATOR),
    ("osaka-admin@demo.kyoso.example", "osaka", PlatformRole.Role.ADMIN),
    ("kanagawa-admin@demo.kyoso.example", "kanagawa", PlatformRole.Role.ADMIN),
    ("shimane-admin@demo.kyoso.example", "shimane", PlatformRole.Role.ADMIN),
    ("kochi-admin@demo.kyoso.example", "kochi", PlatformRole.Role.ADMIN),
]


def load() -> str:
    for slug, launched in ACTIVE.items():
        platform = Platform.objects.select_related("prefecture").get(slug=slug)
        if not platform.is_active:
            platform.is_active = True
            platform.launched_on = launched
            platform.description = (
                f"{platform.prefecture.name}内の市町村、社会福祉協議会、民間企業、NPO、"
                "生活支援コーディネーターが集い、高齢者の暮らしを支える取組を共につくるための場です。（デモ）"
            )
            platform.save()
    for email, slug, role in ROLES:
        user = User.objects.filter(email=email).first()
        if user is not None:
            PlatformRole.objects.get_or_create(
                user=user, platform=Platform.objects.get(slug=slug), role=role
            )
    for slug, (departments, organisations, contact) in PARTS.items():
        platform = Platform.objects.get(slug=slug)
        if platform.parts.exists():
            continue
        for i, name in enumerate(departments):
            Part.objects.create(platform=platform, kind=Part.Kind.DEPARTMENT, name=name, position=i)
        for i, name in enumerate(organisations):
            Part.objects.create(
                platform=platform, kind=Part.Kind.ORGANISATION, name=name, position=i
            )
        platform.contact = contact
        platform.save(update_fields=["contact"])
    return f"{len(ACTIVE)} active platforms, {len(ROLES)} roles"
