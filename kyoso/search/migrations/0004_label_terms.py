"""Labels (field names, kind, areas) become their own, lower-weighted part of the index.

SQLite: the FTS5 table gains a label_terms column (recreated, then refilled from the entries).
PostgreSQL: the tsvector gains weight-C lexemes when an entry is next written. Entries written
before keep their labels in the body until `manage.py rebuild_search_index` runs."""

from django.db import migrations, models


def recreate_fts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "title_terms, body_terms, label_terms, facets, tokenize = 'unicode61 remove_diacritics 0')"
    )
    schema_editor.execute(
        "INSERT INTO search_fts (rowid, title_terms, body_terms, label_terms, facets) "
        "SELECT id, title_terms, body_terms, label_terms, facets FROM search_searchentry"
    )


def restore_fts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "title_terms, body_terms, facets, tokenize = 'unicode61 remove_diacritics 0')"
    )
    schema_editor.execute(
        "INSERT INTO search_fts (rowid, title_terms, body_terms, facets) "
        "SELECT id, title_terms, body_terms || ' ' || label_terms, facets FROM search_searchentry"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_index_state")]
    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="label_terms",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(recreate_fts, restore_fts),
    ]
