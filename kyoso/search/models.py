"""One row per searchable object. The full-text index itself lives beside it: an FTS5 table on
SQLite, a stored tsvector column with a GIN index on PostgreSQL (see migrations and engine.py)."""

from django.db import models


class SearchEntry(models.Model):
    type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    platform = models.ForeignKey(
        "platforms.Platform", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)  # plain text, for snippets
    kana = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=300)
    date = models.DateTimeField(null=True, blank=True)
    # Indexed text: analysed title (+ kana reading), analysed body, filter tokens.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    label_terms = models.TextField(blank=True)
    facets = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["type", "object_id"], name="search_entry_unique_object")
        ]
        # A filtered list in あいうえお order or newest first walks an index and stops after a page.
        indexes = [
            models.Index(fields=["kana", "id"], name="search_entry_kana"),
            models.Index(fields=["-date", "-id"], name="search_entry_date"),
        ]

    def __str__(self) -> str:
        return f"{self.type}:{self.object_id} {self.title}"


class IndexState(models.Model):
    """One row whose `version` changes in the same transaction as every index write, so each
    process knows, with one primary-key read, whether its in-memory lists (kyoso.search.memory)
    are still current. Random values rather than a counter: a rolled-back write never makes an
    old version number mean new content."""

    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.version)


class TypeVersion(models.Model):
    """The content version of one searchable type ("directory.organisation"), and of "*" (what
    every type depends on: reference data, platforms). Bumped with the global version, so a board
    post invalidates the board's in-memory lists but not the directory's, the measures' or the
    cases' (each reads its own type's version)."""

    key = models.CharField(max_length=60, primary_key=True)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}={self.version}"
