"""Per-type content versions: a save renews the in-memory lists of its own type (and of every
type when reference data or platforms change), never the others' — a board post does not make
every process rebuild the directory's index."""

import pytest

from kyoso.platforms.models import Platform
from kyoso.search.engine import current_version
from kyoso.search.memory import index_for
from kyoso.search.models import SearchEntry
from kyoso.testing.factories import make_organisation

pytestmark = pytest.mark.django_db


def versions() -> dict[str, int]:
    keys = ("directory.organisation", "board.thread", "measures.measure", "cases.case")
    return {key: current_version(key) for key in keys} | {"global": current_version()}


def test_a_board_entry_renews_only_the_boards_lists(tokyo):
    make_organisation(platform=tokyo)
    directory_index = index_for("directory.organisation")
    before = versions()
    SearchEntry.objects.create(type="board.thread", object_id="1", title="相談", url="/board/x/1/")
    after = versions()
    assert after["board.thread"] != before["board.thread"]
    assert after["global"] != before["global"]
    for key in ("directory.organisation", "measures.measure", "cases.case"):
        assert after[key] == before[key], key
    assert index_for("directory.organisation") is directory_index  # not rebuilt


def test_an_organisation_renews_the_directory_and_a_platform_renews_every_type(tokyo):
    before = versions()
    make_organisation(platform=tokyo)
    middle = versions()
    assert middle["directory.organisation"] != before["directory.organisation"]
    assert middle["board.thread"] == before["board.thread"]
    Platform.objects.filter(pk=tokyo.pk).first().save()
    after = versions()
    assert all(after[key] != middle[key] for key in after)


def test_a_type_holding_most_entries_finds_the_same_matches_without_its_type_token(tokyo):
    from kyoso.search.engine import Query

    for name in ("見守りの会", "買い物支援の会", "見守りと配食の会"):
        make_organisation(
            platform=tokyo,
            name=name,
            kana="かい",
            description="活動しています。",
            fields=("health",),
        )
    SearchEntry.objects.create(type="board.thread", object_id="1", title="見守り", url="/b/1/")
    index = index_for("directory.organisation")
    query = Query(text="見守り")
    with_token = index.keyword_mask(query).copy()
    index._keywords.clear()
    index.most_entries = True  # as at 100,000 organisations: other types' matches are dropped
    assert (index.keyword_mask(query) == with_token).all() and with_token.sum() == 2


def test_a_ranking_of_few_matches_is_kept_until_the_content_changes(tokyo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kyoso.search.engine import Query, ranked_ids

    make_organisation(platform=tokyo, name="配食の会", kana="はいしょく")
    query = Query(text="配食", types=["directory.organisation"])
    first = ranked_ids(query, limit=20)
    with CaptureQueriesContext(connection) as queries:
        assert ranked_ids(Query(text="配食", types=["directory.organisation"]), limit=20) == first
    assert not [q for q in queries if "bm25" in q["sql"] or "ts_rank" in q["sql"]]  # no ranking
    make_organisation(platform=tokyo, name="配食サービス", kana="はいしょくさーびす")
    assert len(ranked_ids(Query(text="配食", types=["directory.organisation"]), limit=20)) == 2


def test_words_answered_from_memory_match_the_full_text_index(tokyo):
    """A keyword's entries come from the in-memory word index; they are the entries the
    full-text index gives for the same word (SQLite FTS5, PostgreSQL tsvector)."""
    import numpy as np
    from django.db import connection

    from kyoso.search.analysis import terms
    from kyoso.search.memory import _text_match

    texts = [
        ("見守りネット", "高齢者の見守りと買い物支援。NPO法人です。"),
        ("Smile Kitchen", "子ども食堂・配食サービス（週3回）を e-mail で受付。"),
        ("移動販売の会", "移動販売車で買い物を支える。3.11以降の防災活動も。"),
        ("サロン『ひだまり』", "居場所づくり、体操、認知症カフェ／ボランティア募集"),
    ]
    for i, (name, description) in enumerate(texts):
        make_organisation(
            platform=tokyo, name=name, kana=f"かな{i}", description=description, fields=("health",)
        )
    index = index_for("directory.organisation")
    words = ["見守り", "買い物", "npo", "NPO法人", "smile", "kitchen", "配食", "e", "mail"]
    words += ["3", "防災", "ひだまり", "体操", "認知症", "ボランティア", "週", "健康"]
    words += ["存在しない", "e-mail", "3.11"]
    if connection.vendor == "postgresql":
        # PostgreSQL's parser keeps "3.11" as one word; in memory it is "3" and "11" (as in
        # FTS5), so "3" also finds the entry that says 3.11 there: a known, wider answer.
        words.remove("3")
    for word in words:
        for term in terms(word):
            forms = tuple(term.forms())
            memory = index._word_mask(forms, False)
            sql, params = _text_match(forms, "directory.organisation")
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                ids = {row[0] for row in cursor.fetchall()}
            expected = np.isin(index.entry_ids, list(ids))
            assert (memory == expected).all(), (word, forms)


def test_warming_builds_every_types_index(tokyo):
    from kyoso.search import memory, registry

    make_organisation(platform=tokyo)
    memory._indexes.clear()
    memory.warm()
    keys = {s.key for s in registry.all_types()}
    assert keys <= set(memory._indexes)
    for key in keys:
        assert memory._indexes[key].version == current_version(key)


def test_one_types_build_never_waits_for_anothers(monkeypatch):
    """While a worker builds the directory's index (seconds at scale), another type's list
    builds at once. Builds are stubbed: the point is the locking, not the database."""
    import threading

    from kyoso.search import memory

    class Built:
        def __init__(self, type_key, version):
            self.type_key, self.version, self.n = type_key, version, 1

    monkeypatch.setattr(memory, "TypeIndex", Built)
    monkeypatch.setattr(memory, "current_version", lambda key: 7)
    monkeypatch.setattr(memory, "_indexes", {})
    directory_lock = memory._build_locks.setdefault("directory.organisation", threading.Lock())
    done = threading.Event()
    with directory_lock:  # the directory's build in progress
        thread = threading.Thread(
            target=lambda: memory.index_for("measures.measure") and done.set()
        )
        thread.start()
        thread.join(timeout=10)
    assert done.is_set()
    assert memory.index_for("directory.organisation").version == 7
