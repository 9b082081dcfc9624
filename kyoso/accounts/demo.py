"""Demo accounts, one per persona. Their password is printed in the README (demo only)."""

from .models import User

DEMO_PASSWORD = "kyoso-demo-2026"  # noqa: S105 - a published demo password, never used in production

DEMO_USERS = [
    ("admin@demo.kyoso.example", "全国版 管理者（デモ）", User.Persona.OFFICIAL, None, True),
    ("tokyo-admin@demo.kyoso.example", "東京都 管理者（デモ）", User.Persona.OFFICIAL, "13", False),
    (
        "osaka-moderator@demo.kyoso.example",
        "大阪府 モデレーター（デモ）",
        User.Persona.OFFICIAL,
        "27",
        False,
    ),
    (
        "coordinator@demo.kyoso.example",
        "山田 さくら（デモ）",
        User.Persona.COORDINATOR,
        "20",
        False,
    ),
    (
        "npo@demo.kyoso.example",
        "NPO法人 みまもりネット（デモ）",
        User.Persona.ORGANISATION,
        "14",
        False,
    ),
    ("resident@demo.kyoso.example", "佐藤 一郎（デモ）", User.Persona.RESIDENT, "04", False),
    ("mhlw@demo.kyoso.example", "厚生労働省 担当者（デモ）", User.Persona.OFFICIAL, "13", False),
    (
        "coordinator2@demo.kyoso.example",
        "鈴木 健太（デモ）",
        User.Persona.COORDINATOR,
        "13",
        False,
    ),
    ("osaka-admin@demo.kyoso.example", "大阪府 管理者（デモ）", User.Persona.OFFICIAL, "27", False),
    (
        "kanagawa-admin@demo.kyoso.example",
        "神奈川県 管理者（デモ）",
        User.Persona.OFFICIAL,
        "14",
        False,
    ),
    (
        "shimane-admin@demo.kyoso.example",
        "島根県 管理者（デモ）",
        User.Persona.OFFICIAL,
        "32",
        False,
    ),
    ("kochi-admin@demo.kyoso.example", "高知県 管理者（デモ）", User.Persona.OFFICIAL, "39", False),
    (
        "staff@demo.kyoso.example",
        "千代田区 高齢介護課 田中（デモ）",
        User.Persona.OFFICIAL,
        "13",
        False,
    ),
]


def load() -> str:
    from allauth.account.models import EmailAddress

    created = 0
    for email, name, persona, pref, superuser in DEMO_USERS:
        user, was_created = User.objects.get_or_create(
            email=email,
            defaults={
                "display_name": name,
                "persona": persona,
                "home_prefecture_id": pref,
                "is_demo": True,
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if was_created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            created += 1
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return f"{len(DEMO_USERS)} users ({created} new)"
