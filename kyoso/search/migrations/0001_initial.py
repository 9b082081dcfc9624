from django.db import migrations, models
import django.db.models.deletion


def create_fulltext(apps, schema_editor):
    """FTS5 (unicode61 over the pre-analysed tokens) on SQLite; a stored tsvector + GIN index on
    PostgreSQL (an expression index measured 10-17x slower here)."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title_terms, body_terms, facets, tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchentry ADD COLUMN document tsvector")
        schema_editor.execute(
            "CREATE INDEX search_searchentry_document ON search_searchentry USING gin (document)"
        )


def drop_fulltext(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    initial = True
    dependencies = [("platforms", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("type", models.CharField(max_length=60)),
                ("object_id", models.CharField(max_length=40)),
                ("title", models.CharField(max_length=300)),
                ("body", models.TextField(blank=True)),
                ("kana", models.CharField(blank=True, max_length=300)),
                ("url", models.CharField(max_length=300)),
                ("date", models.DateTimeField(blank=True, null=True)),
                ("title_terms", models.TextField(blank=True)),
                ("body_terms", models.TextField(blank=True)),
                ("facets", models.TextField(blank=True)),
                ("platform", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="platforms.platform")),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("type", "object_id"), name="search_entry_unique_object")],
            },
        ),
        migrations.RunPython(create_fulltext, drop_fulltext),
    ]
