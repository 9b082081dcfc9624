"""Demo: some prefectural platforms already running, with their admins and moderators."""

import datetime

from kyoso.accounts.models import User

from .models import Platform, PlatformRole

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
}

ROLES = [
    ("tokyo-admin@demo.kyoso.example", "tokyo", PlatformRole.Role.ADMIN),
    ("osaka-moderator@demo.kyoso.example", "osaka", PlatformRole.Role.MODERATOR),
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
        PlatformRole.objects.get_or_create(
            user=User.objects.get(email=email), platform=Platform.objects.get(slug=slug), role=role
        )
    return f"{len(ACTIVE)} active platforms, {len(ROLES)} roles"
