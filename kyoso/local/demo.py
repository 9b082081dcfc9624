"""Demo local issues, answers, meeting records and coordinator profiles (fictional, marked demo)."""

import datetime

from django.utils import timezone

from kyoso.accounts.models import User, Verification
from kyoso.directory.models import Membership
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field, Municipality

from .models import Answer, LocalIssue, Meeting, Message

# More verified coordinators, so that the coordinators' directory and counts have people.
COORDINATORS = [
    (
        "coord-yokohama@demo.kyoso.example",
        "横浜 まどか（デモ）",
        "1",
        "141003",
        "",
        "横浜市社会福祉協議会",
    ),
    (
        "coord-osaka@demo.kyoso.example",
        "大阪 ひかり（デモ）",
        "2",
        "271004",
        "北部圏域",
        "大阪市社会福祉協議会",
    ),
    (
        "coord-unnan@demo.kyoso.example",
        "雲南 たけし（デモ）",
        "2",
        "322091",
        "掛合地区",
        "雲南市社会福祉協議会",
    ),
    (
        "coord-shimanto@demo.kyoso.example",
        "四万十 みのり（デモ）",
        "1",
        "392103",
        "",
        "四万十市社会福祉協議会",
    ),
    (
        "coord-hachioji@demo.kyoso.example",
        "八王子 ゆう（デモ）",
        "2",
        "132012",
        "めじろ台圏域",
        "八王子市社会福祉協議会",
    ),
]

# (author email, municipality, title, fields, description, partner kinds, needs, days to deadline,
#  state)
ISSUES = [
    (
        "coordinator2@demo.kyoso.example",
        "132012",
        "団地の買い物の足がない",
        ["shopping", "mobility"],
        "駅から離れた団地で、近くのスーパーが閉店しました。坂が多く、車を運転しない高齢者が食品を買いに行けません。",
        ["company", "coop"],
        "移動販売車の運行、または宅配の仕組み",
        90,
        "open",
    ),
    (
        "coordinator2@demo.kyoso.example",
        "132012",
        "ひとり暮らし高齢者の見守りの担い手",
        ["watching-over", "volunteering"],
        "民生委員だけでは、増えるひとり暮らしの高齢者を見守りきれません。日常の仕事のついでの見守りを広げたい。",
        ["company", "npo"],
        "配達・検針などの仕事のついでの声かけと、異変の連絡",
        120,
        "open",
    ),
    (
        "staff@demo.kyoso.example",
        "131016",
        "昼間の居場所が足りない",
        ["places-to-belong", "intergenerational"],
        "オフィス街で、日中に高齢者が集まれる場所がありません。空き店舗を使った居場所を考えています。",
        ["residents", "university", "npo"],
        "運営を担う住民団体、学生ボランティア",
        60,
        "open",
    ),
    (
        "staff@demo.kyoso.example",
        "131016",
        "災害時に支援が必要な人の把握",
        ["disaster-crime-prevention", "watching-over"],
        "マンションの高齢者のうち、災害時に助けが必要な人を平時から把握する仕組みがありません。",
        ["residents", "shakyo"],
        "管理組合・町会との名簿づくり",
        None,
        "in_progress",
    ),
    (
        "coordinator@demo.kyoso.example",
        "202029",
        "中山間地の通院の足",
        ["mobility", "medical"],
        "集落から市街地の病院まで、公共交通が1日2便しかありません。通院をあきらめる人がいます。",
        ["company", "residents"],
        "乗合の送迎、ボランティア運転の仕組み",
        150,
        "open",
    ),
    (
        "coordinator@demo.kyoso.example",
        "202029",
        "配食と安否確認を一緒に",
        ["meals", "watching-over"],
        "調理が難しくなった高齢者が増えています。配食と合わせて安否確認ができる事業者を探しています。",
        ["company", "coop", "care"],
        "夕食の宅配と手渡し",
        45,
        "open",
    ),
    (
        "coord-yokohama@demo.kyoso.example",
        "141003",
        "坂の上の住宅地のごみ出し",
        ["cleaning", "housing"],
        "坂の上の住宅地で、ごみを集積所まで運べない高齢者が増えています。",
        ["company", "npo"],
        "ごみ出しの支援と、そのついでの見守り",
        30,
        "open",
    ),
    (
        "coord-osaka@demo.kyoso.example",
        "271004",
        "商店街の空き店舗で健康づくり",
        ["health", "places-to-belong"],
        "商店街の空き店舗を使って、体操や健康相談ができる場をつくりたい。",
        ["care", "company"],
        "看護師・薬剤師による健康相談、場所の提供",
        75,
        "open",
    ),
    (
        "coord-unnan@demo.kyoso.example",
        "322091",
        "雪の日の生活支援",
        ["housing", "volunteering"],
        "冬の雪かきができず、外出できなくなる高齢者がいます。",
        ["residents", "company"],
        "雪かきの担い手、除雪機の貸し出し",
        20,
        "open",
    ),
    (
        "coord-shimanto@demo.kyoso.example",
        "392103",
        "移動スーパーの空白地区",
        ["shopping", "mobility"],
        "移動スーパーが回っていない集落が残っています。",
        ["company", "coop"],
        "移動販売ルートの延長",
        100,
        "open",
    ),
    (
        "coord-hachioji@demo.kyoso.example",
        "132012",
        "スマホで困っている高齢者",
        ["learning", "intergenerational"],
        "オンラインの手続きや家族との連絡で、スマートフォンの使い方に困る高齢者が多い。",
        ["university", "company"],
        "スマホ教室の講師（学生・通信事業者）",
        60,
        "open",
    ),
    (
        "coord-hachioji@demo.kyoso.example",
        "132012",
        "団地の集会所で配食のお試し",
        ["meals"],
        "配食の試行を団地の集会所で行い、利用者の声を集めました。",
        ["coop"],
        "試行の継続",
        None,
        "solved",
    ),
]

MEETINGS = [
    (
        "coordinator2@demo.kyoso.example",
        "132012",
        "town",
        "めじろ台地区 タウンミーティング（デモ）",
        40,
        "集会所",
        {"residents": 28, "welfare_commissioners": 4, "shakyo": 2, "government": 2, "company": 1},
        "・駅前スーパーの閉店で買い物に困る人が多い\n・坂道で重い荷物を運べない\n・見守りの担い手が足りない",
        "移動販売車の誘致、宅配と見守りの組み合わせ",
        "スーパーと社協に相談する。次回は1月。",
    ),
    (
        "coordinator@demo.kyoso.example",
        "202029",
        "council",
        "第2層協議体 中央地区（デモ）",
        25,
        "公民館",
        {"residents": 10, "shakyo": 2, "government": 1, "care": 2, "npo": 1},
        "・通院の足がない\n・調理が難しくなった人の食事",
        "乗合送迎の試行、配食事業者との連携",
        "交通事業者と市の担当課を次回に招く。",
    ),
]


def load() -> str:
    if LocalIssue.objects.filter(is_demo=True).exists():
        return f"{LocalIssue.objects.filter(is_demo=True).count()} local issues (already loaded)"
    now = timezone.now()
    for email, name, layer, muni, area, org in COORDINATORS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "persona": User.Persona.COORDINATOR}
        )
        if created:
            user.set_unusable_password()
            user.save()
        Verification.objects.get_or_create(
            user=user,
            status=Verification.Status.APPROVED,
            defaults={
                "role": Verification.Role.COORDINATOR,
                "layer": layer,
                "municipality_id": muni,
                "area_name": area,
                "organisation_name": org,
                "decided_at": now,
                "is_demo": True,
            },
        )
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.kyoso.example")}
    platforms = {p.prefecture_id: p for p in Platform.objects.exclude(prefecture=None)}
    fields = {f.slug: f for f in Field.objects.all()}
    meetings = []
    for i, (email, muni, kind, title, days, place, people, found, ideas, steps) in enumerate(
        MEETINGS
    ):
        municipality = Municipality.objects.get(lg_code=muni)
        meetings.append(
            Meeting.objects.create(
                platform=platforms[municipality.prefecture_id],
                author=users.get(email),
                kind=kind,
                title=title,
                held_on=timezone.localdate() - datetime.timedelta(days=days + i),
                municipality=municipality,
                place=place,
                participants=[{"kind": k, "count": n} for k, n in people.items()],
                issues_found=found,
                ideas=ideas,
                next_steps=steps,
                is_demo=True,
            )
        )
    issues = []
    for i, row in enumerate(ISSUES):
        email, muni, title, slugs, description, kinds, needs, days, state = row
        municipality = Municipality.objects.get(lg_code=muni)
        issue = LocalIssue.objects.create(
            platform=platforms[municipality.prefecture_id],
            author=users.get(email),
            title=f"{title}（デモ）",
            municipality=municipality,
            description=description,
            partner_kinds=kinds,
            partner_needs=needs,
            deadline=timezone.localdate() + datetime.timedelta(days=days) if days else None,
            state=state,
            meeting=meetings[0] if i == 0 else (meetings[1] if i == 4 else None),
            is_demo=True,
        )
        LocalIssue.objects.filter(pk=issue.pk).update(
            created_at=now - datetime.timedelta(days=3 * i)
        )
        issue.fields.set([fields[s] for s in slugs])
        issues.append(issue)
    # Answers from organisations that serve the area, with a short exchange.
    from .matching import organisations_for

    answered = 0
    for issue in issues[:8]:
        for suggestion in organisations_for(issue, limit=2):
            org = suggestion.obj
            member = Membership.objects.filter(organisation=org).select_related("user").first()
            author = member.user if member else users.get("npo@demo.kyoso.example")
            answer = Answer.objects.create(issue=issue, organisation=org, author=author)
            Message.objects.create(
                answer=answer,
                author=author,
                body=f"{org.name}です。{issue.partner_needs}について、協力できます。一度お話しできればと思います。",
            )
            if issue.author:
                Message.objects.create(
                    answer=answer,
                    author=issue.author,
                    body="ありがとうございます。来週、地域の方も交えてお話ししましょう。",
                )
            answered += 1
    from kyoso.search.engine import index_object

    for issue in issues:
        index_object(issue)
    return f"{len(issues)} local issues, {answered} answers, {len(meetings)} meetings"
