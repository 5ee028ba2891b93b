"""
Search moves from each database's own full-text search to one index of word stems for every
database (``search.index``), with a vocabulary that corrects misspelt searches.

The tables are written out here as they were made, so that this migration never changes with the
code; the search app fills them after every migrate (``search.index.index_missing``).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# The FTS5 tables of the search before this one (SQLite only).
OLD_FTS_TABLES = ("guidance_article_fts", "tips_tippage_fts", "guidance_resource_fts")

TABLES = [
    "CREATE TABLE IF NOT EXISTS search_posting (kind varchar(20) NOT NULL, "
    "page_id integer NOT NULL, stem varchar(40) NOT NULL, score real NOT NULL, "
    "parts smallint NOT NULL, PRIMARY KEY (stem, kind, page_id))",
    "CREATE INDEX IF NOT EXISTS search_posting_page_idx ON search_posting (kind, page_id)",
    "CREATE INDEX IF NOT EXISTS search_posting_strongest_idx ON search_posting (stem, score)",
    "CREATE TABLE IF NOT EXISTS search_vocabulary (word varchar(30) PRIMARY KEY)",
]
SQLITE_TRIGRAMS = "CREATE VIRTUAL TABLE IF NOT EXISTS search_vocabulary_fts USING fts5(word, tokenize = 'trigram')"
POSTGRESQL_TRIGRAMS = (
    "CREATE INDEX IF NOT EXISTS search_vocabulary_trigram_idx "
    "ON search_vocabulary USING gin (word gin_trgm_ops)"
)


def create_tables(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table in OLD_FTS_TABLES:
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in TABLES:
            cursor.execute(statement)
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
            if cursor.fetchone()[0]:
                cursor.execute(SQLITE_TRIGRAMS)


def drop_tables(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for table in ("search_posting", "search_vocabulary", "search_vocabulary_fts"):
            cursor.execute(f"DROP TABLE IF EXISTS {table}")


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(POSTGRESQL_TRIGRAMS)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_vocabulary_trigram_idx")


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
        migrations.RunPython(create_tables, drop_tables),
        # pg_trgm is a trusted extension: the database's owner may enable it (PostgreSQL 13+).
        # Only PostgreSQL runs it; elsewhere the operation does nothing.
        TrigramExtension(),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
