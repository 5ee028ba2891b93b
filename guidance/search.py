"""
Site search across articles, tip pages and resources.

Each page's words are kept in a search document written when it is saved (``searchindex``), so
a search never reads whole bodies. PostgreSQL searches it with ``django.contrib.postgres``:
stemming, websearch syntax, ranking by weight (title, then summary, then text). SQLite, used for
small sites and local runs, searches an FTS5 table with bm25 ranking and the same weights; where
SQLite lacks FTS5, it falls back to matching every word somewhere in the text, titles first.
All three return the same shape, so the results page does not care.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

from tips.models import TipPage

from . import searchindex
from .models import Article, Resource

MAX_RESULTS = 20
MAX_TERMS = 8
# On SQLite, how many ranked matches of each kind to consider before dropping unpublished ones.
FTS_CANDIDATES = 60
# bm25 weights for the title, summary and text columns (PostgreSQL's A, B, C weights).
FTS_WEIGHTS = (10.0, 4.0, 1.0)

# For each kind of result: its search-index kind, and the fields the fallback match reads.
KINDS = {
    "articles": ("article", ("title", "summary", "body_text")),
    "tip_pages": ("tip_page", ("title", "intro", "tips__baby_says", "tips__try_this")),
    "resources": ("resource", ("name", "when_to_use", "kind")),
}


def uses_full_text_search():
    return connection.vendor == "postgresql"


def _querysets():
    return {
        "articles": Article.objects.published().for_lists(),
        "tip_pages": TipPage.objects.published(),
        "resources": Resource.objects.published(),
    }


def search_site(query):
    """Return ``{"articles": [...], "tip_pages": [...], "resources": [...]}`` for ``query``."""
    querysets = _querysets()
    if uses_full_text_search():
        search_query = SearchQuery(query, search_type="websearch", config=searchindex.SEARCH_CONFIG)
        return {
            "articles": _full_text_headings_first(querysets["articles"], search_query),
            "tip_pages": list(_full_text(querysets["tip_pages"], search_query)[:MAX_RESULTS]),
            "resources": list(_full_text(querysets["resources"], search_query)[:MAX_RESULTS]),
        }
    if searchindex.fts_available():
        return _fts(querysets, query)
    return {
        name: list(_word_match(qs, KINDS[name][1], query)[:MAX_RESULTS])
        for name, qs in querysets.items()
    }


def _full_text(queryset, search_query, document="search_document"):
    title = "name" if queryset.model is Resource else "title"
    return (
        queryset.filter(**{document: search_query})
        .annotate(rank=SearchRank(F(document), search_query))
        .order_by("-rank", title)
    )


def _full_text_headings_first(queryset, search_query):
    """Articles whose title and summary match, ranked; then, only if too few, the rest.

    Ranking reads each matching document, and on a big site nearly every article mentions
    "baby": the small title-and-summary documents keep the usual search cheap.
    """
    results = list(_full_text(queryset, search_query, "search_heading")[:MAX_RESULTS])
    if len(results) < MAX_RESULTS:
        rest = _full_text(queryset, search_query).exclude(pk__in=[item.pk for item in results])
        results += rest[: MAX_RESULTS - len(results)]
    return results


def _terms(query):
    words = re.findall(r"\w+", query)
    return [word for word in words if len(word) > 1 or word.isalnum()][:MAX_TERMS]


def _fts(querysets, query):
    """SQLite FTS5: the best matches of every kind in one or two queries, then one query a kind.

    Pages with every word in their title or summary come first, ranked among themselves; only
    when they are too few is the text searched as well. Ranking every page that mentions
    "baby" somewhere would cost the most exactly when the site is biggest.
    """
    terms = _terms(query)
    if not terms:
        return {name: [] for name in querysets}
    # Every word must match (stemmed, like PostgreSQL's); quoting keeps FTS5 syntax inert.
    words = " AND ".join('"{}"'.format(term.replace('"', '""')) for term in terms)
    ranked = _fts_ranked(querysets, f"{{a b}} : ({words})")
    if short := [name for name in querysets if len(ranked[name]) < MAX_RESULTS]:
        more = _fts_ranked(short, words)
        for name in short:
            seen = set(ranked[name])
            ranked[name] += [pk for pk in more[name] if pk not in seen][:FTS_CANDIDATES]
    results = {}
    for name, queryset in querysets.items():
        if not ranked[name]:
            results[name] = []
            continue
        found = {item.pk: item for item in queryset.filter(pk__in=ranked[name])}
        results[name] = [found[pk] for pk in ranked[name] if pk in found][:MAX_RESULTS]
    return results


def _fts_ranked(names, match):
    """``{name: [id, ...]}``, best first, for the FTS5 ``match`` in each kind named."""
    weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
    selects = []
    for name in names:
        table = searchindex.KINDS[KINDS[name][0]].fts_table
        selects.append(
            f"SELECT * FROM (SELECT '{name}', rowid FROM {table} WHERE {table} MATCH %s "
            f"ORDER BY bm25({table}, {weights}) LIMIT {FTS_CANDIDATES})"
        )
    ranked = {name: [] for name in names}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), [match] * len(selects))
        for name, pk in cursor.fetchall():
            ranked[name].append(pk)
    return ranked


def _word_match(queryset, fields, query):
    terms = _terms(query)
    if not terms:
        return queryset.none()
    for term in terms:
        matches_term = Q()
        for field in fields:
            matches_term |= Q(**{f"{field}__icontains": term})
        queryset = queryset.filter(matches_term)
    title = fields[0]
    title_hits = sum(
        (
            Case(
                When(**{f"{title}__icontains": term}, then=1),
                default=0,
                output_field=IntegerField(),
            )
            for term in terms
        ),
        start=Value(0),
    )
    return queryset.annotate(rank=title_hits).order_by(F("rank").desc(), title).distinct()
