"""
Reading the search index (``search.index``) for a plan: which published pages hold which
stems, how strongly, and how rare each stem is. The same plain SQL on every database.

A stem on few pages is read in full; a stem on very many pages (on a big site, "baby") is read
only for the pages the rarer stems found, or, when every stem is that common, for its strongest
pages; and at most ``CANDIDATES`` pages, those the rarer stems score highest, go on to be
ranked. So a search reads a bounded number of rows however big the site grows.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connection

from core import kinds

from . import index

# A stem on more pages than this is "common": read only where other stems point.
COMMON = 400
# Pages read for a search of only common stems, per stem; pages ranked in the end, at most.
STRONGEST = 200
CANDIDATES = 200
TITLE_PART = 1


def frequencies(stems):
    """``({stem: pages holding it}, pages in the index)``, in one statement."""
    stems = sorted(stems)
    placeholders = ", ".join(["%s"] * len(stems))
    sql = (
        f"SELECT stem, count(*) FROM {index.POSTINGS} "
        f"WHERE stem IN ({placeholders}) GROUP BY stem UNION ALL "
        + "SELECT '', "
        + " + ".join(
            f"(SELECT count(*) FROM {kind.model._meta.db_table})"
            for kind in kinds.where(searched=True)
        )
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, stems)
        counts = dict(cursor.fetchall())
    pages = counts.pop("", 0)
    return counts, pages


def read(stems, counts, weights):
    """``{(kind, id): {stem: (score, parts)}}`` for the pages worth ranking, at most
    ``CANDIDATES`` of them: those the rarer stems score highest (``weights``: each stem's rarity).
    """
    rare = sorted(stem for stem in stems if counts.get(stem, 0) <= COMMON)
    common = sorted(stem for stem in stems if counts.get(stem, 0) > COMMON)
    found = {}
    columns = f"SELECT kind, page_id, stem, score, parts FROM {index.POSTINGS}"
    with connection.cursor() as cursor:
        if rare:
            cursor.execute(f"{columns} WHERE stem IN ({_marks(rare)})", rare)
        elif common:
            select = f"SELECT * FROM ({columns} WHERE stem = %s ORDER BY score DESC LIMIT %s) s"
            cursor.execute(" UNION ALL ".join([select] * len(common)), _pairs(common, STRONGEST))
        _collect(found, cursor.fetchall())
        found = _strongest(found, weights)
        if rare and common and found:
            ids = sorted({pk for _kind, pk in found})
            cursor.execute(
                f"{columns} WHERE stem IN ({_marks(common)}) AND page_id IN ({_marks(ids)})",
                [*common, *ids],
            )
            _collect(found, cursor.fetchall(), only=set(found))
    return found


def _strongest(found, weights):
    """The ``CANDIDATES`` pages with the highest score so far (ties by kind and id)."""
    if len(found) <= CANDIDATES:
        return found

    def score(key):
        return sum(weights[stem] * value for stem, (value, _parts) in found[key].items())

    best = sorted(found, key=lambda key: (-score(key), key))[:CANDIDATES]
    return {key: found[key] for key in best}


def _marks(values):
    return ", ".join(["%s"] * len(values))


def _pairs(stems, limit):
    return [value for stem in stems for value in (stem, limit)]


def _collect(found, rows, only=None):
    for kind, pk, stem, score, parts in rows:
        if only is None or (kind, pk) in only:
            found.setdefault((kind, pk), {})[stem] = (score, parts)


def published_titles(keys):
    """``{(kind, id): title}`` for the published pages among ``keys``, in one statement."""
    ids = {}
    for kind, pk in keys:
        ids.setdefault(kind, []).append(pk)
    selects, params = [], []
    for kind, kind_ids in ids.items():
        found = kinds.named(kind)
        title = found.title_field
        queryset = found.model.objects.published().filter(pk__in=kind_ids)
        try:
            sql, query_params = queryset.values_list("pk", title).order_by().query.sql_with_params()
        except EmptyResultSet:
            continue
        # The kind is one of our own fixed words, so it can sit in the SQL as it is.
        selects.append(f"SELECT '{kind}', sub.* FROM ({sql}) sub")
        params += query_params
    if not selects:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return {(kind, pk): title for kind, pk, title in cursor.fetchall()}
