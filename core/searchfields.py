"""
The column that held a page's PostgreSQL search document, before search moved to the postings
table of ``search.index``. Only the migrations that made and removed it still use it.
"""

from django.contrib.postgres.search import SearchVectorField


class SearchDocumentField(SearchVectorField):
    """A ``tsvector`` on PostgreSQL (``text`` elsewhere); no model has one any more.

    It is derived data: never edited, never serialised into backups (it is rebuilt after a
    restore), never kept in revisions.
    """

    description = "Search document"

    def __init__(self, *args, **kwargs):
        kwargs.update(null=True, blank=True, editable=False, serialize=False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key in ("null", "blank", "editable", "serialize"):
            kwargs.pop(key, None)
        return name, path, args, kwargs

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"
