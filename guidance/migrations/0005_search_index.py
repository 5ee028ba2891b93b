from django.db import migrations

from guidance import searchindex


def create(apps, schema_editor):
    # The article's search_heading column comes in 0007, which indexes it.
    searchindex.create_structures(schema_editor.connection, headings=False)
    searchindex.rebuild(schema_editor.connection, headings=False)


def drop(apps, schema_editor):
    searchindex.drop_structures(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0004_editorial"),
        ("tips", "0002_editorial"),
    ]

    operations = [migrations.RunPython(create, drop)]
