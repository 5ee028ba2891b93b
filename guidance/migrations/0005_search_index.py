"""
Made the first search index (PostgreSQL tsvector and SQLite FTS5 documents). That search was
replaced by the postings index of 0009, which makes everything it needs itself, so this step
does nothing now: the search before it is gone from the code and no database still needs it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0004_editorial"),
        ("tips", "0002_editorial"),
    ]

    operations = []
