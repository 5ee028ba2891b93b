from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals

        signals.connect()
        post_migrate.connect(analyse_sqlite, sender=self)
        post_migrate.connect(forget_orphan_postings, sender=self)


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


def forget_orphan_postings(using, **kwargs):
    """After a migration or a flush (which empties tables without signals), the search index
    must not keep postings of pages that are gone."""
    from django.db import connections

    from . import searchindex

    searchindex.forget_orphans(connections[using])
