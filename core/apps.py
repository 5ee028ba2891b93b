from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every other app builds on: model bases, rich text, pictures, the content kinds."""

    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import contentversion

        contentversion.connect()
        post_migrate.connect(analyse_sqlite, sender=self)


def analyse_sqlite(using, **kwargs):
    """Give SQLite's query planner statistics, as PostgreSQL's autovacuum does by itself.

    Without them SQLite sorts every published article to show the first twenty of the list;
    with them, even taken on a handful of rows, it reads them in order from the title index.
    """
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
