"""Django's SQLite backend, with each query's placeholders converted once per process.

Django's SQLite cursor turns every query's "%s" placeholders into "?" with a regular expression
on each execute: for the long SELECTs of list and thread pages (kyoso.core.prepared runs the same
few texts with new parameters) that scan was ~4% of a thread page's instructions. The converted
text depends only on the query text, so it is kept (bounded); queries with named parameters are
converted as Django does."""

import functools

from django.db.backends.sqlite3 import base


@functools.lru_cache(maxsize=2_048)
def _qmark(query: str) -> str:
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


class CursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query, *, param_names=None):
        if param_names is None:
            return _qmark(query)
        return super().convert_query(query, param_names=param_names)


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name=None):
        return self.connection.cursor(factory=CursorWrapper)
