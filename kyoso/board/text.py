"""Post bodies: a small Markdown subset (paragraphs, line breaks, **bold**, *emphasis*, lists,
> quotes and links) rendered with markdown-it-py and then sanitised with nh3, and the checks a
post passes before it is published (NG words, personal information, links)."""

import functools
import re
import unicodedata

import nh3
from django.utils.safestring import SafeString

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "a"}


@functools.lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero", {"breaks": True, "html": False, "linkify": True})
    md.enable(["emphasis", "list", "blockquote", "link", "newline", "autolink", "linkify"])
    return md


@functools.lru_cache(maxsize=4096)
def _render(text: str) -> SafeString:
    html = _markdown().render(text)
    return SafeString(  # sanitised by nh3 just here; kept marked safe (no mark_safe per post)
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="nofollow ugc noopener",
        )
    )


def render_markdown(text: str) -> SafeString:
    return _render(text or "")


def quote(author: str, body: str) -> str:
    """The start of a quote-reply: the quoted post as Markdown quote lines."""
    lines = (body or "").strip().splitlines()[:12]
    quoted = "\n".join("> " + line for line in lines)
    return f"> {author}さん:\n{quoted}\n\n"


LINK = re.compile(r"https?://|www\.|\]\(", re.IGNORECASE)


def has_link(text: str) -> bool:
    return bool(LINK.search(unicodedata.normalize("NFKC", text or "")))


_PHONE = re.compile(r"(?<!\d)0\d{1,4}[-(（ ]?\d{1,4}[-)） ]?\d{3,4}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_POSTAL = re.compile(r"〒?\s?\d{3}-\d{4}")
_MYNUMBER = re.compile(r"(?<!\d)\d{4}\s?\d{4}\s?\d{4}(?!\d)")
_ADDRESS = re.compile(r"(都|道|府|県)?\S{1,6}(市|区|町|村)\S{1,10}\d{1,4}(丁目|-|－|番)\d{1,4}")


def personal_info(text: str) -> list[str]:
    """What in the text looks like personal information, as labels for the confirmation."""
    from django.utils.translation import gettext as _

    text = unicodedata.normalize("NFKC", text or "")
    found = []
    if _MYNUMBER.search(text):
        found.append(_("マイナンバーのような12桁の数字"))
    if _PHONE.search(_MYNUMBER.sub("", text)):
        found.append(_("電話番号"))
    if _EMAIL.search(text):
        found.append(_("メールアドレス"))
    if _POSTAL.search(text) or _ADDRESS.search(text):
        found.append(_("住所"))
    return found


def ng_words_in(text: str, words: list[str]) -> list[str]:
    folded = unicodedata.normalize("NFKC", text or "").lower()
    return [w for w in words if w and unicodedata.normalize("NFKC", w).lower() in folded]
