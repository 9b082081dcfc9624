"""ORM queries compiled once per process and then run as plain SQL with new parameters.

Building the SQL of a queryset (joins, select_related, ordering) costs the ORM 0.5–1.5 ms here,
far more than SQLite or PostgreSQL take to run it; a thread page made six such queries for every
view. A `Prepared` query is written with the ORM as usual, compiled on first use with marker
values in place of its parameters, and afterwards only its parameters change: the rows come back
through the compiler's own converters (dates on SQLite, etc.), as values_list() would give them.

    by_number = Prepared(lambda thread, lo, hi: Post.objects.filter(
        thread_id=thread, number__gt=lo, number__lte=hi).values_list("id", "body"))
    rows = by_number.rows(thread.pk, 20, 40)

Only integer parameters (ids, numbers) can change, or, with `text=True`, only text parameters
(compared with `=` or `IN`, which pass text through unchanged); write `IN (…)` of varying length
as a subquery on scalar parameters, or keep one Prepared per length (`prepared_for`). Whatever
the queryset fixes apart from its parameters (ordering, columns, joins) is fixed for the
process."""

import functools
from collections.abc import Callable

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model
from django.db.models.base import ModelState

# Parameters are replaced by 2147461000, 2147461001, … while compiling: unlikely values that
# are still inside every integer column's range (the ORM drops lookups outside it). Text
# parameters by strings no content holds.
_MARK = 2_147_461_000
_TEXT_MARK = "\x1fkyoso-prepared-{}\x1f"


class Prepared:
    def __init__(self, build: Callable, *, using: str = DEFAULT_DB_ALIAS, text: bool = False):
        self.build, self.using, self.text = build, using, text
        self._compiled = None

    def _compile(self, count: int):
        if self.text:
            markers = [_TEXT_MARK.format(i) for i in range(count)]
        else:
            markers = [_MARK + i for i in range(count)]
        queryset = self.build(*markers)
        compiler = queryset.query.get_compiler(using=self.using)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # e.g. a slice [0:0]: never any rows, whatever the parameters
            self._compiled = (None, None, [], [], [], [])
            return self._compiled
        kind = str if self.text else int
        slots = [markers.index(p) if isinstance(p, kind) and p in markers else None for p in params]
        if sorted(s for s in slots if s is not None) != list(range(count)):
            raise ValueError("each parameter of a prepared query must appear once in its SQL")
        columns = compiler.select[: compiler.col_count]
        query = queryset.query
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        if not names:  # a queryset without values(): the model's columns
            names = [c[0].target.attname for c in columns]
        converters = compiler.get_converters([c[0] for c in columns])
        self._compiled = (compiler, sql, list(params), slots, converters, names)
        return self._compiled

    @property
    def names(self) -> list[str]:
        return self._compiled[5] if self._compiled else []

    def rows(self, *args) -> list[tuple]:
        compiled = self._compiled or self._compile(len(args))
        compiler, sql, params, slots, converters, _names = compiled
        if sql is None:
            return []
        values = [p if s is None else args[s] for p, s in zip(params, slots, strict=True)]
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, values)
            found = cursor.fetchall()
        if converters:
            found = [tuple(r) for r in compiler.apply_converters(found, converters)]
        return found

    def dicts(self, *args) -> list[dict]:
        rows = self.rows(*args)
        names = self._compiled[5]
        return [dict(zip(names, row, strict=True)) for row in rows]


def instance(model, names: list[str], values, using: str = DEFAULT_DB_ALIAS):
    """A model instance from some of its columns (attnames, in any order): the others are
    deferred, as with .only(). What `Model.from_db` gives, without `Model.__init__`'s walk over
    every field (a thread page builds 40-60 instances): the values go straight into the
    instance's __dict__, as __init__'s setattr puts them there for plain fields. Models with
    init signal receivers, or fields whose descriptors take over assignment, go through
    `from_db`."""
    if _plain(model):
        obj = model.__new__(model)
        obj.__dict__.update(zip(names, values, strict=True))
        state = obj._state = ModelState()
        state.adding, state.db = False, using
        return obj
    from django.db.models import DEFERRED

    given = dict(zip(names, values, strict=True))
    return model.from_db(
        using,
        names,
        [given.get(f.attname, DEFERRED) for f in model._meta.concrete_fields],
    )


@functools.cache
def _plain(model) -> bool:
    from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
    from django.db.models.query_utils import DeferredAttribute
    from django.db.models.signals import post_init, pre_init

    if pre_init.has_listeners(model) or post_init.has_listeners(model):
        return False
    if any("__init__" in klass.__dict__ for klass in model.__mro__[:-1] if klass is not Model):
        return False
    return all(
        type(getattr(model, f.attname, None)) in (DeferredAttribute, ForeignKeyDeferredAttribute)
        for f in model._meta.concrete_fields
    )


_kept: dict[tuple, Prepared] = {}
KEPT = 2_000  # prepared queries kept by `prepared_for` (per process)


def prepared_for(key: tuple, build: Callable, *, text: bool = False) -> Prepared:
    """The prepared query kept under `key` (module name first, then what varies: sort, page,
    viewer kind…), made from `build` the first time: for queries whose shape varies with a few
    choices, one Prepared per shape."""
    query = _kept.get(key)
    if query is None:
        if len(_kept) >= KEPT:
            _kept.clear()
        query = _kept[key] = Prepared(build, text=text)
    return query
