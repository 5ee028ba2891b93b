"""
Search moves from each database's own full-text search to one index of word stems for every
database (``guidance.searchindex``), with a vocabulary that corrects misspelt searches.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from guidance import searchindex

# The FTS5 tables of the search before this one (SQLite only).
OLD_FTS_TABLES = ("guidance_article_fts", "tips_tippage_fts", "guidance_resource_fts")


def build(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for table in OLD_FTS_TABLES:
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
    searchindex.create_structures(connection)
    searchindex.rebuild(connection)


def add_trigram_index(apps, schema_editor):
    searchindex.create_trigram_index(schema_editor.connection)


def drop_trigram_index(apps, schema_editor):
    searchindex.drop_trigram_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0008_resource_crisis_panel"),
        ("tips", "0002_editorial"),
    ]

    operations = [
        migrations.RemoveField(model_name="article", name="search_document"),
        migrations.RemoveField(model_name="article", name="search_heading"),
        migrations.RemoveField(model_name="resource", name="search_document"),
        # Going back leaves the old search's documents empty; nothing reads them any more.
        migrations.RunPython(build, migrations.RunPython.noop),
        # pg_trgm is a trusted extension: the database's owner may enable it (PostgreSQL 13+).
        # Only PostgreSQL runs it; elsewhere the operation does nothing.
        TrigramExtension(),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
