"""Japanese search quality on a small fixture set, run on SQLite and on PostgreSQL."""

import pytest

from kyoso.search.analysis import index_text, terms
from kyoso.search.engine import Query, count, search, snippet
from kyoso.testing.factories import NoticeFactory

pytestmark = pytest.mark.django_db

DOCS = {
    "kaimono": ("買物支援の取組", "移動販売車で高齢者の買物を支えています。"),
    "kodomo": ("子ども食堂", "こども食堂と多世代の交流の場です。"),
    "mimamori": ("見守り活動", "新聞配達員による見守りです。"),
    "sim": ("移動手段のシミュレーション", "デマンド交通の運行をシミュレーションしました。"),
    "kaigo": ("介護予防教室", "介護予防・日常生活支援総合事業の通いの場です。"),
    "iryo": ("在宅医療の連携", "医療と介護の専門職がつながります。"),
    "kotsu": ("地域公共交通会議", "交通事業者と住民の話し合い。"),
    "tokyo": ("東京都港区の居場所", "港区で居場所づくりに取り組んでいます。"),
    "npo": ("ＮＰＯ法人ｻﾎﾟｰﾄ", "半角カタカナと全角英字の名前です。"),
}


@pytest.fixture
def docs(national, django_capture_on_commit_callbacks):
    from kyoso.search.engine import index_object

    created = {}
    for key, (title, body) in DOCS.items():
        notice = NoticeFactory(published=True, title=title, body=body, platform=national)
        index_object(notice)
        created[key] = notice
    return created


def found(text: str, docs) -> set[str]:
    result = search(Query(text=text), limit=50)
    ids = {hit.object_id for hit in result.hits}
    return {key for key, notice in docs.items() if str(notice.pk) in ids}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("買い物", {"kaimono"}),  # 買物 / 買い物
        ("かいもの", {"kaimono"}),
        ("子供", {"kodomo"}),  # 子ども / こども / 子供
        ("こども", {"kodomo"}),
        ("みまもり", {"mimamori"}),
        ("シュミレーション", {"sim"}),  # the common misspelling finds シミュレーション
        ("介護", {"kaigo", "iryo"}),  # 2-character words
        ("医療", {"iryo"}),
        ("交通", {"sim", "kotsu"}),
        ("東京", {"tokyo"}),
        ("港区", {"tokyo"}),
        ("NPO", {"npo"}),  # full-width ＮＰＯ in the document
        ("サポート", {"npo"}),  # half-width ｻﾎﾟｰﾄ in the document
        ("介護 医療", {"iryo"}),  # all words must match
    ],
)
def test_japanese_queries_find_what_a_person_means(docs, query, expected):
    assert found(query, docs) == expected


def test_kyoto_does_not_match_tokyo_to(docs):
    """京都 is not inside 東京都 as a word: a substring match there would mislead."""
    assert found("京都", docs) == set()


def test_particles_alone_find_nothing(docs):
    assert found("の", docs) == set()
    assert count(Query(text="の"))[0] == 0


def test_title_matches_rank_first(docs):
    result = search(Query(text="見守り"), limit=5)
    assert result.hits[0].title == "見守り活動"


def test_unpublished_content_is_not_indexed(national):
    from kyoso.search.engine import index_object

    notice = NoticeFactory(pending=True, title="非公開の見守り", platform=national)
    index_object(notice)
    assert count(Query(text="非公開"))[0] == 0


def test_snippet_highlights_and_escapes():
    words = [form for term in terms("みまもり") for form in term.forms()]
    html = snippet("<b>見守り</b>の活動", words)
    assert "&lt;b&gt;<mark>見守り</mark>&lt;/b&gt;" in html


def test_analysis_keeps_surface_and_normalised_forms():
    assert index_text("買物") == "買物 買い物"
    assert [t.surface for t in terms("東京都港区で")] == ["東京", "都", "港", "区"]


def test_hostile_queries_do_not_break_the_engine(docs):
    for text in ['"', "AND OR NOT", "* ( ) :", "'; drop table x; --", "NEAR(a b)", "\\", "^"]:
        search(Query(text=text))


def test_index_follows_publication(national, moderator, osaka, django_capture_on_commit_callbacks):
    from kyoso.moderation.actions import publishable_approve, publishable_archive

    notice = NoticeFactory(pending=True, title="承認で検索に出る", platform=osaka)
    with django_capture_on_commit_callbacks(execute=True):
        publishable_approve(actor=moderator, obj=notice)
    assert count(Query(text="承認"))[0] == 1
    with django_capture_on_commit_callbacks(execute=True):
        publishable_archive(actor=moderator, obj=notice)
    assert count(Query(text="承認"))[0] == 0


def test_rebuild_command(docs, capsys):
    from django.core.management import call_command

    from kyoso.search.models import SearchEntry

    SearchEntry.objects.filter(title="介護予防教室").update(title="古い")
    call_command("rebuild_search_index")
    assert SearchEntry.objects.filter(title="介護予防教室").exists()
    assert "news.notice" in capsys.readouterr().out


def test_ticked_fields_are_found_but_rank_below_written_words(national):
    """Field labels are their own, lower-weighted part: a keyword finds every member of the 見守り
    field, but one that says 見守り in its name, then in its text, comes before one that only
    ticked the field — on the search page and in the directory's relevance order."""
    from kyoso.directory.selectors import Results, parse_filters
    from kyoso.testing.factories import make_organisation

    ticked = make_organisation(
        name="あおば福祉会", kana="あおばふくしかい", description="配食と買い物の支援です。"
    )
    written = make_organisation(
        name="いろは会",
        kana="いろはかい",
        fields=("shopping",),
        description="ひとり暮らしの見守りと声かけをしています。",
    )
    named = make_organisation(
        name="うみべ見守りネット",
        kana="うみべみまもりねっと",
        fields=("shopping",),
        description="海辺の町の活動です。",
    )
    from django.http import QueryDict

    hits = [h.object_id for h in search(Query(text="見守り"), limit=10).hits]
    assert hits == [str(named.pk), str(written.pk), str(ticked.pk)]

    results = Results(parse_filters(QueryDict("q=見守り&sort=relevance")))
    assert [row.pk for row in results.page(limit=3, offset=0)] == [named.pk, written.pk, ticked.pk]


def test_snippet_marks_literal_words_and_analyses_only_when_needed():
    def words(text):
        return [form for term in terms(text) for form in term.forms()]

    # Found literally: marked without analysing the text, inside a longer word too.
    assert "<mark>交流</mark>会" in snippet("毎月の交流会です。", words("交流"))
    # A short run of hiragana is not looked for as a substring (かい in かいもの)…
    assert "<mark>" not in snippet("かいものの手伝い", ["かい"])
    # …and a conjugated verb is found by its normalised form, through analysis.
    assert "<mark>" in snippet("地域で見守っています", words("見守る"))


def test_facet_counts_agree_for_few_and_many_entries():
    """memory.counts gathers per-entry values for small masks and tests every pair for large
    ones; both give the same counts."""
    import numpy as np

    from kyoso.search.memory import TypeIndex

    index = TypeIndex.__new__(TypeIndex)
    rng = np.random.default_rng(7)
    index.n = 500
    index.postings = {
        f"f:{v}": np.unique(rng.integers(0, 500, size=120)).astype(np.int32) for v in "abcd"
    }
    index._pairs = {}
    values = {v: [f"f:{v}"] for v in "abcd"}
    for size in (3, 40, 400):
        mask = np.zeros(500, dtype=bool)
        mask[rng.choice(500, size=size, replace=False)] = True
        expected = {v: int(mask[index.postings[f"f:{v}"]].sum()) for v in "abcd"}
        assert index.counts(mask, values) == expected


def test_a_word_split_by_the_analyser_is_marked_whole():
    """見守り is analysed as 見 + 守り: the one-character part is never looked for on its own,
    so the query's own words are marked too (not 見<mark>守り</mark>)."""
    words = Query(text="見守り　交流").highlight_words()
    assert "<mark>見守り</mark>の分野" in snippet("全国で見守りの分野", words)
    assert "<mark>交流</mark>会" in snippet("交流会", words)
    # A reading still marks the written word, as before.
    reading = Query(text="みまもり").highlight_words()
    assert "<mark>見守り</mark>" in snippet("見守りの活動", reading)
