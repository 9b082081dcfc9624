"""Japanese text analysis for the search index: SudachiPy (sudachidict-core), split mode A.

Both the surface form and the normalised form of every content word are kept, so 買物/買い物,
子ども/子供/こども, みまもり/見守り and シュミレーション/シミュレーション meet in the index, while
mode A keeps compounds apart (東京都港区 → 東京/都/港/区, so 東京 finds it and 京都 does not).
Particles, auxiliary verbs, symbols and spaces are dropped; NFKC folds half-width kana and
full-width Latin; Latin words are lower-cased."""

import functools
import threading
import unicodedata
from dataclasses import dataclass

from sudachipy import Dictionary, SplitMode

DROPPED_POS = {"助詞", "助動詞", "補助記号", "空白"}
_local = threading.local()


def _tokenizer(mode: str = "A"):
    # A Sudachi tokenizer is not safe to share between threads; one per thread and mode is cheap.
    tokenizers = getattr(_local, "tokenizers", None)
    if tokenizers is None:
        tokenizers = _local.tokenizers = {}
    tok = tokenizers.get(mode)
    if tok is None:
        split = {"A": SplitMode.A, "B": SplitMode.B, "C": SplitMode.C}[mode]
        tok = tokenizers[mode] = Dictionary(dict="core").tokenizer(mode=split)
    return tok


def tokenizer_b():
    """Mode B (middle-sized words), for readings (kyoso.core.furigana)."""
    return _tokenizer("B")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


@dataclass(frozen=True)
class Term:
    surface: str
    normalised: str

    def forms(self) -> list[str]:
        return (
            [self.surface] if self.surface == self.normalised else [self.surface, self.normalised]
        )


def terms(text: str) -> list[Term]:
    """Content words of `text`, in order."""
    text = normalise(text)
    if not text.strip():
        return []
    result = []
    # Sudachi has an input size limit; long bodies are analysed in chunks at line breaks.
    for chunk in _chunks(text):
        for m in _tokenizer().tokenize(chunk):
            if m.part_of_speech()[0] in DROPPED_POS:
                continue
            surface = m.surface().strip()
            if not surface:
                continue
            result.append(Term(surface, normalise(m.normalized_form())))
    return result


def _chunks(text: str, size: int = 4000):
    while text:
        if len(text) <= size:
            yield text
            return
        cut = text.rfind("\n", 0, size)
        cut = cut if cut > 0 else size
        yield text[:cut]
        text = text[cut:]


def _literal_safe(form: str) -> bool:
    """A form that can be looked for as a plain substring without marking parts of unrelated
    words: two or more characters, and not a short run of hiragana (かい in かいもの)."""
    if len(form) < 2:
        return False
    return len(form) >= 3 or any(not ("\u3041" <= ch <= "\u309f") for ch in form)


def matching_spans(text: str, forms: set[str]) -> list[tuple[int, int]]:
    """(start, end) offsets in normalise(text) of the words whose surface or normalised form is
    one of `forms`: highlighting by words, so a search for みまもり marks 見守り.

    Where a form occurs literally, its occurrences are found by substring search: analysing a
    text costs about 0.2 ms, and at 100,000 organisations almost every line of a result page is
    a text never analysed before. Only when no form occurs literally (a conjugated verb, a
    one-character word) is the text analysed."""
    text = normalise(text)
    found = []
    for form in forms:
        if not _literal_safe(form):
            continue
        start = text.find(form)
        while start != -1:
            found.append((start, start + len(form)))
            start = text.find(form, start + len(form))
    if found:
        found.sort(key=lambda span: (span[0], -span[1]))
        spans: list[tuple[int, int]] = []
        for start, end in found:
            if spans and start < spans[-1][1]:
                continue  # inside (or overlapping) the previous mark
            spans.append((start, end))
        return spans
    return [
        (start, end)
        for start, end, surface, normalised in _content_words(text)
        if surface in forms or normalised in forms
    ]


@functools.lru_cache(maxsize=20_000)
def _content_words(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """The content words of an (already normalised) text with their offsets, kept per process:
    the same descriptions are highlighted again and again in result lists."""
    words, base = [], 0
    for chunk in _chunks(text):
        for m in _tokenizer().tokenize(chunk):
            if m.part_of_speech()[0] in DROPPED_POS:
                continue
            words.append(
                (base + m.begin(), base + m.end(), m.surface(), normalise(m.normalized_form()))
            )
        base += len(chunk)
    return tuple(words)


def index_text(text: str) -> str:
    """Space-separated tokens for the index: surface and normalised forms of every term."""
    return " ".join(form for term in terms(text) for form in term.forms())
