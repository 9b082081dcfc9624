"""Demo measures: budgets, grants, fund menus, the construction manual and tools (fictional)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from kyoso.accounts.models import User
from kyoso.directory.models import Membership, Organisation
from kyoso.moderation.models import Status
from kyoso.platforms.models import Platform
from kyoso.regions.models import Field

from .models import Attachment, Measure

# A one-page PDF written by hand, so the demo needs no PDF library.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 58>>stream\n"
    b"BT /F1 18 Tf 72 760 Td (Kyoso demo attachment) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

MEASURES = [
    (
        "都道府県向け 生活支援共創プラットフォーム構築マニュアル（デモ）",
        "manual",
        None,
        ["prefecture"],
        ["community-building"],
        "都道府県版プラットフォームの立ち上げ手順、関係部局・団体との連携の進め方、運営体制の例をまとめた手引きです。",
        True,
        None,
    ),
    (
        "地域づくり支援ツール「地域資源マップ」（デモ）",
        "tool",
        None,
        ["municipality", "organisation"],
        ["community-building", "places-to-belong"],
        "地域の通いの場・買い物先・移動手段を地図にまとめ、協議体で共有するためのツールです。",
        True,
        None,
    ),
    (
        "生活支援体制整備事業（デモ）",
        "budget",
        24_000_000_000,
        ["municipality"],
        ["care", "community-building"],
        "生活支援コーディネーターの配置と協議体の運営を支援し、多様な主体による生活支援の充実を図ります。",
        False,
        None,
    ),
    (
        "住民参画・官民連携推進事業（デモ）",
        "budget",
        1_200_000_000,
        ["municipality", "organisation"],
        ["community-building", "shopping", "mobility"],
        "タウンミーティング等で地域課題を洗い出し、民間企業等と連携した生活支援の事業化を支援します。",
        False,
        45,
    ),
    (
        "地域医療介護総合確保基金（介護人材確保分）担い手養成メニュー（デモ）",
        "fund_menu",
        13_700_000_000,
        ["prefecture", "municipality"],
        ["care", "volunteering"],
        "高齢者を含む生活支援の担い手の養成に係る経費を助成します。",
        False,
        20,
    ),
    (
        "買い物困難地域の移動販売支援補助金（デモ）",
        "grant",
        350_000_000,
        ["municipality", "organisation"],
        ["shopping", "mobility"],
        "移動販売車の導入や買い物代行の立ち上げに要する経費の一部を補助します。",
        False,
        12,
    ),
    (
        "地域公共交通確保維持改善事業（デモ）",
        "grant",
        20_700_000_000,
        ["municipality", "organisation"],
        ["mobility"],
        "デマンド交通や乗合タクシーなど、地域の移動手段の確保・維持を支援します。",
        False,
        None,
    ),
    (
        "見守り活動における個人情報の取扱いについて（事務連絡）（デモ）",
        "notice",
        None,
        ["prefecture", "municipality"],
        ["watching-over"],
        "民間事業者と連携した見守り活動での個人情報の取扱いの考え方を示した事務連絡です。",
        False,
        None,
    ),
    (
        "高齢者の居場所づくりに関する調査研究報告書（デモ）",
        "research",
        None,
        ["municipality", "organisation", "resident"],
        ["places-to-belong", "intergenerational"],
        "全国の通いの場・居場所の運営実態と、継続のための工夫を調査しました。",
        False,
        None,
    ),
    (
        "介護予防・日常生活支援総合事業のガイドライン（デモ）",
        "policy",
        None,
        ["municipality"],
        ["care", "health"],
        "総合事業の実施に当たっての基本的な考え方と、多様なサービスの類型を示しています。",
        False,
        None,
    ),
]


def load() -> str:
    # The demo ministry account registers measures for the demo 厚生労働省 organisation.
    org = Organisation.objects.filter(name="厚生労働省 老健局（デモ）").first()
    official = User.objects.filter(email="mhlw@demo.kyoso.example").first()
    if org and official:
        Membership.objects.get_or_create(
            organisation=org, user=official, defaults={"role": "owner"}
        )
        if not org.agency_verified:
            Organisation.objects.filter(pk=org.pk).update(agency_verified=True)
    if Measure.objects.filter(is_demo=True).exists():
        return f"{Measure.objects.filter(is_demo=True).count()} measures (already loaded)"
    national = Platform.objects.national()
    fields = {f.slug: f for f in Field.objects.all()}
    today = timezone.localdate()
    now = timezone.now()
    created = []
    for i, (title, kind, amount, audiences, slugs, summary, featured, open_days) in enumerate(
        MEASURES
    ):
        measure = Measure.objects.create(
            title=title,
            agency="厚生労働省" if "交通" not in title else "国土交通省",
            bureau="老健局 認知症施策・地域介護推進課"
            if "交通" not in title
            else "総合政策局 地域交通課",
            organisation=org,
            kind=kind,
            fiscal_year=2026 if i % 3 else 2025,
            budget_amount=amount,
            summary=summary,
            body=f"<h2>概要</h2><p>{summary}</p><h2>対象</h2><ul><li>詳しくは資料をご覧ください。</li></ul>",
            audiences=audiences,
            contact="厚生労働省 老健局（デモ） 03-0000-0000",
            is_featured=featured,
            announced_on=today - datetime.timedelta(days=10 + i * 7),
            call_start=today - datetime.timedelta(days=10) if open_days else None,
            call_end=today + datetime.timedelta(days=open_days) if open_days else None,
            platform=national,
            status=Status.PUBLISHED,
            published_at=now - datetime.timedelta(days=i),
            submitted_by=None,
            is_demo=True,
        )
        measure.fields.set([fields[s] for s in slugs])
        attachment = Attachment(
            measure=measure,
            title="概要資料",
            original_name="概要資料.pdf",
            format="pdf",
            size=len(DEMO_PDF),
        )
        attachment.file.save("demo.pdf", ContentFile(DEMO_PDF), save=False)
        attachment.save()
        created.append(measure)
    created[3].related.set([created[2], created[4]])
    from kyoso.search.engine import index_object

    for measure in created:
        index_object(measure)
    return f"{len(created)} measures"
