"""~300 fictional but realistic supporting members across every region and field (marked demo)."""

import random

from django.utils import timezone

from kyoso.accounts.models import User
from kyoso.moderation.models import Status
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field, Municipality, Prefecture

from .actions import refresh_region_keys
from .models import Membership, Organisation

# (name stem, reading, field slugs, a sentence about the work)
THEMES = [
    (
        "買い物支援",
        "かいものしえん",
        ["shopping", "mobility"],
        "移動販売車と買い物代行で、近くに店のない地域の高齢者の買い物を支えています。",
    ),
    (
        "見守りネット",
        "みまもりねっと",
        ["watching-over", "volunteering"],
        "新聞・郵便・配達事業者と連携し、ひとり暮らしの高齢者をさりげなく見守っています。",
    ),
    (
        "配食サービス",
        "はいしょくさーびす",
        ["meals", "cooking", "watching-over"],
        "栄養バランスに配慮したお弁当を毎日届け、受け渡しの際に安否を確認しています。",
    ),
    (
        "おでかけ応援",
        "おでかけおうえん",
        ["mobility", "places-to-belong"],
        "乗合タクシーとボランティア運転による移動支援で、通院や買い物の外出を支えています。",
    ),
    (
        "地域の茶の間",
        "ちいきのちゃのま",
        ["places-to-belong", "intergenerational"],
        "空き店舗を活用した居場所で、子どもから高齢者までが集う多世代交流を行っています。",
    ),
    (
        "健康づくり推進",
        "けんこうづくりすいしん",
        ["health", "sports-recreation"],
        "体操教室やウォーキングの会を通じて、介護予防と健康づくりに取り組んでいます。",
    ),
    (
        "住まい安心",
        "すまいあんしん",
        ["housing", "cleaning"],
        "住まいの片付けや小さな修繕、住み替えの相談に応じています。",
    ),
    (
        "家事サポート",
        "かじさぽーと",
        ["cleaning", "laundry", "cooking"],
        "掃除・洗濯・調理などの家事を、有償ボランティアがお手伝いしています。",
    ),
    (
        "学びあい",
        "まなびあい",
        ["learning", "culture-arts"],
        "スマートフォン教室や地域の歴史講座など、生涯学習の場をつくっています。",
    ),
    (
        "農と福祉",
        "のうとふくし",
        ["farmland", "employment"],
        "耕作放棄地を活用し、高齢者の就労的活動と地域の農地保全を両立させています。",
    ),
    (
        "防災まちづくり",
        "ぼうさいまちづくり",
        ["disaster-crime-prevention", "community-building"],
        "避難行動要支援者の名簿づくりと防災訓練を、町内会と一緒に進めています。",
    ),
    (
        "シニア就労支援",
        "しにあしゅうろうしえん",
        ["employment", "successors"],
        "経験豊かなシニアの就労と、地域の担い手・後継者づくりを支援しています。",
    ),
    (
        "在宅医療連携",
        "ざいたくいりょうれんけい",
        ["medical", "care"],
        "医療・介護の専門職と地域の支え合いをつなぎ、在宅での暮らしを支えています。",
    ),
    (
        "環境と暮らし",
        "かんきょうとくらし",
        ["environment", "volunteering"],
        "ごみ出し支援と地域の清掃・緑化活動を、住民ボランティアと行っています。",
    ),
    (
        "文化の輪",
        "ぶんかのわ",
        ["culture-arts", "intergenerational"],
        "合唱や手芸、郷土芸能の活動で、高齢者の生きがいと交流の場をつくっています。",
    ),
    (
        "介護予防サロン",
        "かいごよぼうさろん",
        ["care", "health", "places-to-belong"],
        "通いの場としてのサロンを運営し、介護予防・日常生活支援総合事業と連携しています。",
    ),
]

COMPANIES = [
    ("みらい", "みらい"),
    ("ひだまり", "ひだまり"),
    ("さくら", "さくら"),
    ("あおば", "あおば"),
    ("つばさ", "つばさ"),
    ("ことぶき", "ことぶき"),
    ("なごみ", "なごみ"),
    ("かけはし", "かけはし"),
]

NATIONAL_ORGS = [
    (
        "全国買い物支援事業者協会",
        "ぜんこくかいものしえんじぎょうしゃきょうかい",
        ["shopping", "mobility"],
    ),
    ("日本地域見守り推進機構", "にほんちいきみまもりすいしんきこう", ["watching-over"]),
    ("全国配食事業者連絡会", "ぜんこくはいしょくじぎょうしゃれんらくかい", ["meals", "cooking"]),
    ("日本移動支援ネットワーク", "にほんいどうしえんねっとわーく", ["mobility"]),
    (
        "全国居場所づくり協議会",
        "ぜんこくいばしょづくりきょうぎかい",
        ["places-to-belong", "intergenerational"],
    ),
    ("日本シニア就労協会", "にほんしにあしゅうろうきょうかい", ["employment", "successors"]),
    ("全国住まいサポート協会", "ぜんこくすまいさぽーときょうかい", ["housing"]),
    (
        "日本コミュニティ防災協会",
        "にほんこみゅにてぃぼうさいきょうかい",
        ["disaster-crime-prevention"],
    ),
    (
        "全国多世代交流ネットワーク",
        "ぜんこくたせだいこうりゅうねっとわーく",
        ["intergenerational", "learning"],
    ),
    (
        "日本生活支援コーディネーター協会",
        "にほんせいかつしえんこーでぃねーたーきょうかい",
        ["community-building", "care"],
    ),
]


def load() -> str:
    if Organisation.objects.filter(is_demo=True).exists():
        return f"{Organisation.objects.filter(is_demo=True).count()} organisations (already loaded)"
    rng = random.Random(20261127)  # noqa: S311 - reproducible demo data, not security
    fields = {f.slug: f for f in Field.objects.all()}
    national = Platform.objects.national()
    platforms = {p.prefecture_id: p for p in Platform.objects.prefectural()}
    owner = User.objects.get(email="npo@demo.kyoso.example")
    reviewer = User.objects.filter(email="admin@demo.kyoso.example").first()
    now = timezone.now()
    created = []

    def make(
        name, kana, kind, scale, slugs, description, platform, area, prefs=(), munis=(), **extra
    ):
        published = now - timezone.timedelta(days=rng.randint(1, 400))
        org = Organisation.objects.create(
            name=name,
            name_kana=kana,
            kind=kind,
            scale=scale,
            area_kind=area,
            description=description,
            platform=platform,
            status=Status.PUBLISHED,
            published_at=published,
            submitted_at=published,
            reviewed_at=published,
            submitted_by=owner,
            reviewed_by=reviewer,
            is_demo=True,
            private_contact="事務局 担当：デモ太郎 03-0000-0000",
            # Demo agencies are confirmed by the demo national admin, as a real admin would.
            agency_verified=kind in (Organisation.Kind.MINISTRY, Organisation.Kind.PREFECTURE),
            agency_verified_by=reviewer,
            agency_verified_at=published,
            **extra,
        )
        org.fields.set([fields[s] for s in slugs])
        org.area_prefectures.set(prefs)
        org.area_municipalities.set(munis)
        refresh_region_keys(org)
        created.append(org)
        return org

    for name, kana, slugs in NATIONAL_ORGS:
        make(
            f"一般社団法人{name}",
            kana,
            Organisation.Kind.NATIONAL_ORG,
            Organisation.Scale.NATIONAL,
            slugs,
            f"全国の会員とともに、{fields[slugs[0]].name}の分野で高齢者の生活を支える取組を広げています。"
            "研修会の開催や事例集の発行を通じて、地域の実践を後押ししています。",
            national,
            Organisation.AreaKind.NATIONWIDE,
            homepage="https://example.jp/",
            homepage_consent=True,
            public_contact="info@example.jp",
        )
    make(
        "厚生労働省 老健局（デモ）",
        "こうせいろうどうしょうろうけんきょく",
        Organisation.Kind.MINISTRY,
        Organisation.Scale.NATIONAL,
        ["care", "community-building"],
        "地域包括ケアシステムの深化・推進と、生活支援体制整備事業を所管しています。",
        national,
        Organisation.AreaKind.NATIONWIDE,
    )
    make(
        "国土交通省 総合政策局（デモ）",
        "こくどこうつうしょうそうごうせいさくきょく",
        Organisation.Kind.MINISTRY,
        Organisation.Scale.NATIONAL,
        ["mobility", "housing"],
        "地域公共交通の確保・維持と、住まいの確保に関する施策を担当しています。",
        national,
        Organisation.AreaKind.NATIONWIDE,
    )
    for i, (company, ckana) in enumerate(COMPANIES):
        theme = THEMES[i * 2 % len(THEMES)]
        make(
            f"株式会社{company}{theme[0]}",
            f"{ckana}{theme[1]}",
            Organisation.Kind.COMPANY,
            Organisation.Scale.NATIONAL,
            theme[2],
            theme[3] + "全国の店舗網を生かして自治体と協定を結んでいます。",
            national,
            Organisation.AreaKind.NATIONWIDE,
            homepage="https://example.com/",
            homepage_consent=i % 2 == 0,
        )

    prefectures = list(Prefecture.objects.all())
    for pref in prefectures:
        platform = platforms[pref.code]
        munis = list(
            Municipality.objects.filter(prefecture=pref, is_active=True)
            .exclude(kind="city", wards__isnull=False)
            .distinct()
        )
        # A prefectural council of social welfare for the whole prefecture.
        make(
            f"社会福祉法人{pref.name}社会福祉協議会（デモ）",
            f"{pref.name_kana}しゃかいふくしきょうぎかい",
            Organisation.Kind.SOCIAL_WELFARE_COUNCIL,
            Organisation.Scale.PREFECTURE,
            ["volunteering", "community-building", "care"],
            f"{pref.name}全域で、生活支援コーディネーターの養成と協議体の運営を支援しています。",
            platform,
            Organisation.AreaKind.PREFECTURES,
            prefs=[pref],
        )
        for _n in range(5):
            theme = rng.choice(THEMES)
            town = rng.choice(munis)
            kind, legal, scale = rng.choice(
                [
                    (Organisation.Kind.NPO, "NPO法人", Organisation.Scale.MUNICIPALITY),
                    (Organisation.Kind.RESIDENTS, "", Organisation.Scale.MUNICIPALITY),
                    (Organisation.Kind.COOPERATIVE, "生活協同組合", Organisation.Scale.PREFECTURE),
                    (Organisation.Kind.COMPANY, "株式会社", Organisation.Scale.MUNICIPALITY),
                    (
                        Organisation.Kind.SOCIAL_WELFARE_CORP,
                        "社会福祉法人",
                        Organisation.Scale.MUNICIPALITY,
                    ),
                ]
            )
            short = (
                town.name.removesuffix("市")
                .removesuffix("町")
                .removesuffix("村")
                .removesuffix("区")
            )
            short_kana = town.name_kana
            for suffix in ("ちょう", "まち", "むら", "そん", "し", "く"):
                if short_kana.endswith(suffix) and len(short_kana) > len(suffix) + 1:
                    short_kana = short_kana[: -len(suffix)]
                    break
            name = (
                f"{legal}{short}{theme[0]}の会"
                if kind == Organisation.Kind.RESIDENTS
                else f"{legal}{short}{theme[0]}"
            )
            if scale == Organisation.Scale.PREFECTURE:
                make(
                    f"{legal}{pref.name.removesuffix('県').removesuffix('府').removesuffix('都')}{theme[0]}",
                    f"{pref.name_kana}{theme[1]}",
                    kind,
                    scale,
                    theme[2],
                    theme[3] + f"{pref.name}内の各地で活動しています。",
                    platform,
                    Organisation.AreaKind.PREFECTURES,
                    prefs=[pref],
                )
            else:
                nearby = [town, *rng.sample(munis, k=min(len(munis), rng.randint(0, 2)))]
                make(
                    name,
                    f"{short_kana}{theme[1]}",
                    kind,
                    scale,
                    theme[2],
                    theme[3] + f"{town.name}を中心に活動しています。",
                    platform,
                    Organisation.AreaKind.MUNICIPALITIES,
                    munis=set(nearby),
                )
        Membership.objects.get_or_create(
            organisation=created[-1], user=owner, defaults={"role": "owner"}
        )
    from kyoso.search.engine import index_object

    for org in created:
        index_object(org)
    _demo_revision(created[-1], owner)
    return f"{len(created)} organisations"


def _demo_revision(org: Organisation, owner) -> None:
    """One member's change waiting for review, so the queue shows a before/after diff."""
    from django.contrib.contenttypes.models import ContentType

    from kyoso.moderation.models import PendingRevision

    description = org.description + "毎月第2土曜日に、地域の集会所で相談会を開いています。"
    PendingRevision.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=org.pk,
        platform=org.platform,
        proposed_by=owner,
        base_version=org.version,
        data={"description": description},
        changes={"description": ["団体の紹介", org.description, description]},
        note="相談会の案内を追加",
    )
