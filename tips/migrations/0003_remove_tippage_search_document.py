from django.db import migrations


class Migration(migrations.Migration):
    """Tip pages are indexed in ``search_posting`` now (see guidance 0009)."""

    dependencies = [
        ("tips", "0002_editorial"),
        ("guidance", "0009_search_postings"),
    ]

    operations = [migrations.RemoveField(model_name="tippage", name="search_document")]
