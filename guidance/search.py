"""
Site search across articles, tip pages and resources.

PostgreSQL does real full-text search with stemming and ranking (``django.contrib.postgres``);
SQLite, used for small sites and local runs, falls back to matching every word somewhere in
the text, titles first. Both return the same shape, so the results page does not care.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Q,
    StringAgg,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat

from tips.models import Tip, TipPage

from .models import Article, Resource

MAX_RESULTS = 20
MAX_TERMS = 8
SEARCH_CONFIG = "english"

# For each kind of result: the fields to search, most important first (PostgreSQL weights A, B, C).
ARTICLE_FIELDS = ("title", "summary", "body_text")
TIP_PAGE_FIELDS = ("title", "intro", "tips_text")
RESOURCE_FIELDS = ("name", "when_to_use", "kind")


def uses_full_text_search():
    return connection.vendor == "postgresql"


def search_site(query):
    """Return ``{"articles": [...], "tip_pages": [...], "resources": [...]}`` for ``query``."""
    tip_pages = TipPage.objects.published().annotate(tips_text=_tips_text())
    searches = {
        "articles": (Article.objects.published(), ARTICLE_FIELDS),
        "tip_pages": (tip_pages, TIP_PAGE_FIELDS),
        "resources": (Resource.objects.published(), RESOURCE_FIELDS),
    }
    matcher = _full_text if uses_full_text_search() else _word_match
    return {
        name: list(matcher(queryset, fields, query)[:MAX_RESULTS])
        for name, (queryset, fields) in searches.items()
    }


def _tips_text():
    """All of a tip page's tips as one string, for searching."""
    tips = (
        Tip.objects.filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(
            text=StringAgg(
                Concat(
                    "baby_says",
                    Value(" "),
                    "try_this",
                    Value(" "),
                    "why_it_helps",
                    output_field=TextField(),
                ),
                delimiter=Value(" "),
            )
        )
        .values("text")
    )
    return Coalesce(Subquery(tips), Value(""), output_field=TextField())


def _full_text(queryset, fields, query):
    vector = SearchVector(fields[0], weight="A", config=SEARCH_CONFIG)
    for field, weight in zip(fields[1:], "BC", strict=False):
        vector += SearchVector(field, weight=weight, config=SEARCH_CONFIG)
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    return (
        queryset.annotate(search=vector, rank=SearchRank(vector, search_query))
        .filter(search=search_query)
        .order_by("-rank", fields[0])
    )


def _word_match(queryset, fields, query):
    terms = [term for term in query.split() if len(term) > 1 or term.isalnum()][:MAX_TERMS]
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
    return queryset.annotate(rank=title_hits).order_by(F("rank").desc(), title)
