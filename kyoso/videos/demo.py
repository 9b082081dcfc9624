"""Demo videos (marked demo): two online symposiums with talks, captions, chapters and
transcripts (a short generated test video, `demo/symposium.webm`), an interview on YouTube, and a
training series for coordinators with self-check lists."""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from kyoso.accounts.models import User
from kyoso.cases.models import Case
from kyoso.directory.models import Organisation
from kyoso.moderation.models import Status
from kyoso.platforms.models import Platform

from . import media
from .models import Chapter, Material, Series, Speaker, Video

DEMO_VIDEO = Path(__file__).resolve().parent / "demo" / "symposium.webm"
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# (start, end, text) cues of the demo talk; the test video is 24 seconds long.
CUES = [
    (0, 4, "みなさん、こんにちは。生活支援共創プラットフォームのシンポジウムへようこそ。"),
    (4, 8, "今日は、官・民・住民の共創による地域づくりについてお話しします。"),
    (8, 12, "まず、中山間地の買い物の課題です。移動販売車が集落を回っています。"),
    (12, 16, "スーパーと社会福祉協議会が協定を結び、見守りも一緒に行っています。"),
    (16, 20, "次に、住民と大学がつくる居場所の取組を紹介します。"),
    (20, 24, "最後に、都道府県版プラットフォームの役割についてまとめます。"),
]
CHAPTERS = [
    (0, "開会あいさつ"),
    (8, "買い物支援の事例"),
    (16, "居場所づくりの事例"),
    (20, "まとめ"),
]


def _vtt() -> str:
    def clock(s):
        return f"00:00:{s:02d}.000"

    lines = ["WEBVTT", ""]
    for i, (start, end, text) in enumerate(CUES, start=1):
        lines += [str(i), f"{clock(start)} --> {clock(end)}", text, ""]
    return "\n".join(lines)


def _video(series, position, title, *, speakers, description, source="file", url="",
           check="", published_days=30, recorded=None):  # fmt: skip
    admin = User.objects.filter(email="admin@demo.kyoso.example").first()
    reviewer = User.objects.filter(email="mhlw@demo.kyoso.example").first()
    published = timezone.now() - datetime.timedelta(days=published_days)
    video = Video.objects.create(
        platform=series.platform,
        series=series,
        position=position,
        title=title,
        recorded_on=recorded or series.held_on,
        description=description,
        source=source,
        url=url,
        captions=_vtt() if source == "file" else "",
        file_type="video/webm" if source == "file" else "",
        self_check=check,
        duration=24 if source == "file" else 1800,
        status=Status.PUBLISHED,
        submitted_by=admin,
        submitted_at=published,
        reviewed_by=reviewer,
        reviewed_at=published,
        published_at=published,
        is_demo=True,
    )
    if source == "file":
        video.file.save("video", ContentFile(DEMO_VIDEO.read_bytes()), save=True)
        paragraphs = [(s, t) for s, _e, t in CUES]
    else:
        paragraphs = [
            (
                0,
                "（インタビューの文字起こし・デモ）地域の見守りは、特別なことではなく、"
                "毎日の仕事のついでにできることから始まります。",
            ),
            (
                600,
                "新聞販売店の方が「いつもと違う」と気づいたことが、救急搬送につながった例もあります。",
            ),
        ]
    chapters = CHAPTERS if source == "file" else [(0, "はじめに"), (600, "見守りの実際")]
    for start, heading, text in media.split_by_chapter(chapters, paragraphs):
        Chapter.objects.create(video=video, start=start, title=heading, transcript=text)
    for i, (name, affiliation) in enumerate(speakers):
        org = Organisation.objects.filter(name=affiliation, status="published").first()
        Speaker.objects.create(
            video=video, name=name, affiliation=affiliation, organisation=org, position=i
        )
    return video


def load() -> str:
    if Series.objects.filter(is_demo=True).exists():
        return f"{Video.objects.filter(is_demo=True).count()} videos (already loaded)"
    national = Platform.objects.national()
    first = Series.objects.create(
        platform=national,
        kind=Series.Kind.SYMPOSIUM,
        title="第1回 生活支援共創オンラインシンポジウム（デモ）",
        description="官・民・住民の共創による地域づくりをテーマに、各地の実践者が取組を紹介しました。",
        held_on=datetime.date(2025, 3, 14),
        is_demo=True,
    )
    second = Series.objects.create(
        platform=national,
        kind=Series.Kind.SYMPOSIUM,
        title="第2回 生活支援共創オンラインシンポジウム（デモ）",
        description="都道府県版プラットフォームの立ち上げと、生活支援コーディネーターの役割を考えました。",
        held_on=datetime.date(2026, 2, 20),
        is_demo=True,
    )
    interviews = Series.objects.create(
        platform=national,
        kind=Series.Kind.INTERVIEW,
        title="共創の現場から インタビュー（デモ）",
        description="事例に関わった方へのインタビューです。",
        held_on=datetime.date(2026, 6, 1),
        is_demo=True,
    )
    training = Series.objects.create(
        platform=national,
        kind=Series.Kind.TRAINING,
        title="生活支援コーディネーター 基礎研修（デモ）",
        description="はじめて生活支援コーディネーターになった方のための、地域資源の把握から協議体の運営までの基礎研修です。",
        held_on=datetime.date(2026, 4, 1),
        audiences=["tier1", "tier2", "municipal"],
        is_demo=True,
    )
    demo_cases = list(Case.objects.filter(is_demo=True).order_by("-published_at")[:3])
    first.cases.set(demo_cases[:2])
    second.cases.set(demo_cases[1:3])
    videos = [
        _video(
            first,
            1,
            "基調講演 共創による地域づくり（デモ）",
            speakers=[("厚生 太郎", "厚生労働省 老健局（デモ）")],
            description="生活支援体制整備事業のねらいと、官・民・住民の共創の考え方を紹介します。",
            published_days=600,
        ),
        _video(
            first,
            2,
            "事例報告 移動販売と見守り（デモ）",
            speakers=[("山田 さくら", "生活支援コーディネーター")],
            description="スーパーと社会福祉協議会による移動販売と見守りの取組の報告です。",
            published_days=600,
        ),
        _video(
            second,
            1,
            "基調講演 都道府県版プラットフォームの役割（デモ）",
            speakers=[("地域 花子", "全国居場所づくり協議会")],
            description="都道府県版プラットフォームの立ち上げ方と、関係部局・団体の巻き込み方を話しました。",
            published_days=200,
        ),
        _video(
            interviews,
            1,
            "新聞販売店の見守り（インタビュー・デモ）",
            speakers=[("見守 次郎", "新聞販売店組合（デモ）")],
            description="配達のついでの見守りについて伺いました。",
            source="youtube",
            url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            published_days=90,
        ),
        _video(
            training,
            1,
            "単元1 地域資源を知る（デモ）",
            speakers=[("研修 講師", "全国居場所づくり協議会")],
            description="地域の通いの場・買い物先・移動手段を洗い出す方法を学びます。",
            check="担当地域の通いの場を3つ以上挙げられる\n地域資源マップの使い方を説明できる",
            published_days=120,
        ),
        _video(
            training,
            2,
            "単元2 協議体を運営する（デモ）",
            speakers=[("研修 講師", "全国居場所づくり協議会")],
            description="協議体の構成員の選び方と、会議の進め方を学びます。",
            check="協議体に参加してほしい主体を5つ挙げられる\n会議の記録の残し方を説明できる",
            published_days=110,
        ),
        _video(
            training,
            3,
            "単元3 民間企業と連携する（デモ）",
            speakers=[("研修 講師", "全国買い物支援事業者協会")],
            description="企業との協定の結び方と、役割分担の決め方を学びます。",
            check="協定書に入れるべき項目を挙げられる",
            published_days=100,
        ),
    ]
    store = Organisation.objects.filter(name="株式会社みらい買い物支援", status="published").first()
    if store is not None:
        own = Series.objects.create(
            platform=store.platform,
            kind=Series.Kind.ORGANISATION,
            organisation=store,
            title=f"{store.name}の動画",
            description="移動販売の現場を紹介します。（デモ）",
            is_demo=True,
        )
        videos.append(
            _video(
                own,
                1,
                "移動販売車の一日（デモ）",
                speakers=[("販売 担当", store.name)],
                description="朝の積み込みから、集落での販売と見守りまで。",
                source="youtube",
                url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                published_days=40,
                recorded=datetime.date(2026, 9, 1),
            )
        )
    material = Material(video=videos[0], title="基調講演 資料（デモ）", size=len(DEMO_PDF))
    material.file.save("material.pdf", ContentFile(DEMO_PDF), save=True)
    from kyoso.search.engine import index_object

    for video in videos:
        index_object(video)
        for chapter in video.chapters.all():
            index_object(chapter)
    return f"{len(videos)} videos in {Series.objects.filter(is_demo=True).count()} series"
