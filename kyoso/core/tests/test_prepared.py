"""Prepared queries: compiled once, run with new parameters, values converted as the ORM does."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyoso.core.prepared import Prepared, instance
from kyoso.regions.models import Municipality
from kyoso.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_runs_with_new_parameters_and_converts_values():
    from kyoso.accounts.models import User

    first, second = UserFactory(display_name="一人目"), UserFactory(display_name="二人目")
    by_id = Prepared(
        lambda pk: User.objects.filter(pk=pk).values_list("id", "display_name", "date_joined")
    )
    assert by_id.rows(first.pk)[0][:2] == (first.pk, "一人目")
    row = by_id.rows(second.pk)[0]
    assert row[:2] == (second.pk, "二人目")
    assert isinstance(row[2], datetime.datetime) and row[2].tzinfo is not None  # SQLite: converted
    assert by_id.rows(0) == []
    assert by_id.dicts(first.pk)[0]["display_name"] == "一人目"


def test_compiles_once():
    query = Prepared(lambda code: Municipality.objects.filter(prefecture_id="13").filter(
        lg_code__gte=str(code)).values_list("lg_code"))  # fmt: skip
    with pytest.raises(ValueError, match="each parameter"):
        query.rows(131016)  # a parameter that does not reach the SQL as itself
    from kyoso.accounts.models import User

    counted = Prepared(lambda n: User.objects.filter(pk__gt=n).order_by("id").values_list("id"))
    users = [UserFactory().pk for _ in range(3)]
    with CaptureQueriesContext(connection) as queries:
        assert [r[0] for r in counted.rows(users[0])] == users[1:]
        compiled = counted._compiled
        assert [r[0] for r in counted.rows(users[1])] == users[2:]
    assert counted._compiled is compiled and len(queries) == 2


def test_text_parameters_in_lists_of_a_fixed_length():
    """With text=True, text parameters change: an IN list of strings, compiled once per length;
    a text lookup that rewrites its value (icontains adds %…%) is refused when compiling."""
    from kyoso.accounts.models import User

    a, b, c = (UserFactory(display_name=n) for n in ("青木", "伊藤", "上田"))
    named = Prepared(
        lambda x, y: User.objects.filter(display_name__in=[x, y]).order_by("id").values_list("id"),
        text=True,
    )
    assert [r[0] for r in named.rows("青木", "上田")] == [a.pk, c.pk]
    assert [r[0] for r in named.rows("伊藤", "伊藤")] == [b.pk]  # the same value twice
    assert named.rows("' OR 1=1 --", "") == []  # parameters, never SQL
    rewritten = Prepared(
        lambda x: User.objects.filter(display_name__icontains=x).values_list("id"), text=True
    )
    with pytest.raises(ValueError, match="each parameter"):
        rewritten.rows("青")


def test_instance_defers_the_columns_not_given():
    from kyoso.accounts.models import User

    user = UserFactory(display_name="名前", email="x@example.jp")
    built = instance(User, ["display_name", "id"], ["名前", user.pk])
    assert built.pk == user.pk and built.public_name == "名前"
    assert "email" in built.get_deferred_fields()
    assert built.email == "x@example.jp"  # read when asked, like .only()


def test_instance_without_init_is_what_from_db_gives():
    """The fast path (no Model.__init__) and from_db build the same instance; models whose
    fields take over assignment (file fields) still go through from_db."""
    from django.db.models import DEFERRED

    from kyoso.accounts.models import User
    from kyoso.board.models import PostAttachment
    from kyoso.core.prepared import _plain

    user = UserFactory(display_name="名前", email="x@example.jp")
    names, values = ["id", "display_name"], [user.pk, "名前"]
    built = instance(User, names, values)
    given = dict(zip(names, values, strict=True))
    reference = User.from_db(
        "default", names, [given.get(f.attname, DEFERRED) for f in User._meta.concrete_fields]
    )
    assert _plain(User) and not _plain(PostAttachment)
    assert {k: v for k, v in built.__dict__.items() if k != "_state"} == {
        k: v for k, v in reference.__dict__.items() if k != "_state"
    }
    assert (built._state.adding, built._state.db) == (False, "default")
    assert built.get_deferred_fields() == reference.get_deferred_fields()
    assert built == reference and hash(built) == hash(reference)
    built.display_name = "新しい名前"
    built.save(update_fields=["display_name"])
    user.refresh_from_db()
    assert user.display_name == "新しい名前"
