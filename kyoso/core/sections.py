"""The site's sections, in the three corners of the real national site: つながる・知る・うまれる.

A section that a later issue builds names its URL here; until then it shows an honest 準備中
page."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Corner:
    key: str
    title: Promise
    lead: Promise


@dataclass(frozen=True)
class Section:
    key: str
    corner: str
    title: Promise
    description: Promise
    # URL names of the built section (national list, platform-narrowed list); None = 準備中.
    url_name: str | None = None
    platform_url_name: str | None = None

    @property
    def is_ready(self) -> bool:
        return self.url_name is not None

    def url(self, platform=None) -> str:
        if platform is not None and not platform.is_national:
            name = self.platform_url_name or f"platforms:section_{self.key}"
            return reverse(name, kwargs={"slug": platform.slug})
        return reverse(self.url_name or f"core:section_{self.key}")


CORNERS = [
    Corner(
        "connect",
        _("つながる"),
        _("掲示板やイベント、シンポジウム動画で、地域や分野を越えて出会う"),
    ),
    Corner(
        "know", _("知る"), _("賛同団体、各省庁の施策・予算、関連リンクから、取組のヒントを知る")
    ),
    Corner(
        "create", _("うまれる"), _("官・民・住民の共創事例や地域課題から、新しい取組がうまれる")
    ),
]

SECTIONS = [
    Section(
        "board",
        "connect",
        _("交流掲示板"),
        _("分野ごと・地域ごとに、同じ悩みを持つ人と話し合えます。"),
        url_name="board:index",
        platform_url_name="board:platform_board",
    ),
    Section(
        "events",
        "connect",
        _("イベント情報"),
        _("団体や自治体が開催する研修・セミナー・交流会の情報です。"),
        url_name="events:list",
        platform_url_name="events:platform_list",
    ),
    Section(
        "videos",
        "connect",
        _("シンポジウム動画"),
        _(
            "オンラインシンポジウムのアーカイブと、コーディネーター向けの研修をいつでも視聴できます。"
        ),
        url_name="videos:list",
        platform_url_name="videos:platform_list",
    ),
    Section(
        "news",
        "connect",
        _("お知らせ"),
        _("プラットフォームからのお知らせです。"),
        url_name="news:list",
        platform_url_name="news:platform_list",
    ),
    Section(
        "directory",
        "know",
        _("賛同団体・官公庁一覧"),
        _("趣旨に賛同いただいた団体・行政機関を、キーワードや地域で探せます。"),
        url_name="directory:list",
        platform_url_name="directory:platform_list",
    ),
    Section(
        "measures",
        "know",
        _("各省庁の関連施策・予算情報"),
        _("国の施策・予算、構築マニュアルや支援ツールをまとめています。"),
        url_name="measures:list",
        platform_url_name="measures:platform_list",
    ),
    Section(
        "links",
        "know",
        _("関連リンク"),
        _("府省庁・自治体・関係団体などのサイトへのリンク集です。"),
        url_name="links:list",
        platform_url_name="links:platform_list",
    ),
    Section(
        "cases",
        "create",
        _("共創事例"),
        _("官・民・住民の共創による地域づくりの実践事例を紹介します。"),
        url_name="cases:list",
        platform_url_name="cases:platform_list",
    ),
    Section(
        "local-issues",
        "create",
        _("地域課題とマッチング"),
        _("生活支援コーディネーターが地域課題を共有し、連携先を探します。"),
        url_name="local:list",
        platform_url_name="local:platform_list",
    ),
]

SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


def corners_with_sections(platform=None) -> list[dict]:
    return [
        {
            "corner": corner,
            "sections": [
                {"section": s, "url": s.url(platform)} for s in SECTIONS if s.corner == corner.key
            ],
        }
        for corner in CORNERS
    ]
