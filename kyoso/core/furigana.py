"""ふりがな on demand: kanji in a page's text get `<ruby>` readings from SudachiPy.

The switch is a cookie (`kyoso_furigana=on`) set by a plain form POST, like the text size; the
middleware rewrites the finished HTML, so the site's own text and what members wrote are treated
alike, and the page cache keeps the two versions apart. Kana, numbers and Latin are untouched;
script, style, form options, titles, code and existing ruby are left alone. An element that
carries `data-yomi` (an organisation's name with its registered 読み) is read with that reading
instead of the dictionary's. Readings are kept per text and process (an LRU), so a list page
re-renders from the cache after its first visit."""

import functools
import html
import re

from kyoso.regions.reference import to_hiragana

FURIGANA_COOKIE = "kyoso_furigana"

_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
_HAS_KANJI = re.compile(f"[{_KANJI}]")
# Runs of Japanese script (kanji and kana) inside a text node: only these are analysed.
# (Digits too: 11月 is がつ and 30日 is にち only when Sudachi sees the number before them.)
_JAPANESE_RUN = re.compile(f"[{_KANJI}\u3041-\u309f\u30a1-\u30faー0-9０-９]+")
_KANJI_OR_NOT = re.compile(f"[{_KANJI}]+|[^{_KANJI}]+")
_TAG_OR_TEXT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
_YOMI = re.compile(r'\sdata-yomi="([^"]*)"')
# Text inside these is never given readings.
_SKIPPED = {
    "script",
    "style",
    "textarea",
    "title",
    "option",
    "select",
    "ruby",
    "rt",
    "code",
    "pre",
    "svg",
    "template",
    "head",
}
# Legal forms and trailing notes that a registered reading usually leaves out.
_NAME_PREFIXES = re.compile(
    r"^(特定非営利活動法人|NPO法人|社会福祉法人|一般社団法人|公益社団法人|一般財団法人|"
    r"公益財団法人|株式会社|有限会社|合同会社|医療法人|学校法人|生活協同組合|"
    r"農業協同組合)\s*"
)
_NAME_SUFFIXES = re.compile(r"\s*(（[^）]*）|株式会社)$")


def _tokenizer():
    from kyoso.search.analysis import tokenizer_b

    return tokenizer_b()


def _align(surface: str, reading: str) -> list[tuple[str, str | None]] | None:
    """Split a word's reading over its kanji runs: 申し込む + もうしこむ → 申/もう し 込/こ む."""
    runs = _KANJI_OR_NOT.findall(surface)
    pattern = "".join(
        "(.+?)" if _HAS_KANJI.match(run) else f"({re.escape(to_hiragana(run))})" for run in runs
    )
    match = re.fullmatch(pattern, reading)
    if match is None:
        return None
    return [
        (run, match.group(i + 1) if _HAS_KANJI.match(run) else None) for i, run in enumerate(runs)
    ]


def _ruby(parts: list[tuple[str, str | None]]) -> str:
    return "".join(f"<ruby>{base}<rt>{rt}</rt></ruby>" if rt else base for base, rt in parts)


def _word(surface: str, reading: str) -> str:
    if not _HAS_KANJI.search(surface) or not reading or reading == surface:
        return surface
    parts = _align(surface, reading)
    return _ruby(parts) if parts is not None else _ruby([(surface, reading)])


def _words(text: str) -> list[tuple[str, str]]:
    """(surface, reading or "") of each word; no reading for kana, numbers and unknown words."""
    words = []
    for m in _tokenizer().tokenize(text):
        surface = m.surface()
        reading = "" if m.is_oov() else to_hiragana(m.reading_form())
        # A reading must be kana only (Sudachi returns the surface for words it cannot read).
        if not _HAS_KANJI.search(surface) or not re.fullmatch("[ぁ-ゖー]+", reading):
            reading = ""
        words.append((surface, reading))
    return words


@functools.lru_cache(maxsize=50_000)
def _run(text: str) -> str:
    return "".join(_word(surface, reading) for surface, reading in _words(text))


@functools.lru_cache(maxsize=50_000)
def ruby_text(text: str) -> str:
    """HTML text (already escaped) with readings over its kanji."""
    if not _HAS_KANJI.search(text):
        return text
    return _JAPANESE_RUN.sub(
        lambda m: _run(m.group(0)) if _HAS_KANJI.search(m.group(0)) else m.group(0), text
    )


@functools.lru_cache(maxsize=20_000)
def ruby_name(name: str, yomi: str) -> str:
    """A name read with its registered reading where that reading fits the name once legal forms
    (NPO法人, 社会福祉法人 …) are set aside; otherwise as any text."""
    yomi = to_hiragana(yomi).replace(" ", "").replace("\u3000", "")
    prefix = _NAME_PREFIXES.search(name)
    head = prefix.group(0) if prefix else ""
    suffix = _NAME_SUFFIXES.search(name[len(head) :])
    tail = suffix.group(0) if suffix else ""
    core = name[len(head) : len(name) - len(tail)]
    for core_part, rest in ((core, ""), *_trailing_words(core)):
        parts = _align(core_part, yomi) if yomi and _HAS_KANJI.search(core_part) else None
        if parts is not None:
            return ruby_text(head) + _name_parts(parts) + ruby_text(rest) + ruby_text(tail)
    return ruby_text(name)


def _name_parts(parts: list[tuple[str, str | None]]) -> str:
    """Ruby per word where the dictionary's words read exactly as the registered reading (愛知県
    社会福祉協議会 word by word), else over the whole run of kanji."""
    out = []
    for base, rt in parts:
        words = _words(base) if rt else []
        if words and "".join(r or to_hiragana(s) for s, r in words) == rt:
            out.append("".join(_word(s, r) for s, r in words))
        else:
            out.append(_ruby([(base, rt)]))
    return "".join(out)


def _trailing_words(core: str):
    """The name without a trailing の会 / 会 / ネット… that readings often leave out."""
    for ending in ("の会", "会"):
        if core.endswith(ending) and len(core) > len(ending):
            yield core[: -len(ending)], ending


def add_readings(document: str) -> str:
    """The HTML document with ruby over the kanji of its body text."""
    pieces = _TAG_OR_TEXT.split(document)
    skipped: dict[str, int] = {}
    in_body = "<body" not in document
    yomi = None
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        if i % 2:  # a tag or a comment
            if piece.startswith("<!--"):
                continue
            match = _TAG_NAME.match(piece)
            if match is None:
                continue
            name = match.group(1).lower()
            if name == "body":
                in_body = not piece.startswith("</")
            elif name in _SKIPPED:
                closing = piece.startswith("</")
                skipped[name] = max(0, skipped.get(name, 0) + (-1 if closing else 1))
            found = _YOMI.search(piece)
            yomi = html.unescape(found.group(1)) if found else None
            continue
        if not in_body or any(skipped.values()) or not _HAS_KANJI.search(piece):
            continue
        if yomi:
            before, after = _padding(piece)
            pieces[i] = before + ruby_name(piece.strip(), yomi) + after
        else:
            pieces[i] = ruby_text(piece)
    return "".join(pieces)


def _padding(piece: str) -> tuple[str, str]:
    stripped = piece.strip()
    start = piece.index(stripped[0]) if stripped else 0
    return piece[:start], piece[start + len(stripped) :]


class FuriganaMiddleware:
    """Adds readings to HTML responses for visitors who switched ふりがな on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.furigana = request.COOKIES.get(FURIGANA_COOKIE) == "on"
        response = self.get_response(request)
        if (
            request.furigana
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and response.content
        ):
            charset = response.charset or "utf-8"
            response.content = add_readings(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
