"""The search results page."""

import hashlib

from django.shortcuts import render
from django.utils.http import urlencode

from core import fragments
from guidance import catalogue
from guidance.models import Nation, Stage, Topic

from . import searchlog
from .engine import search_site
from .forms import SearchForm


def search(request):
    """Results for ``?q=``, best first, across articles, tip pages and help.

    ``?nation=`` picks the crisis lines for one UK nation; ``?spell=off`` searches the words
    exactly as typed, without correcting them. Template: ``search/results.html``; context:
    ``form``, ``query``, ``results`` (a ``SearchResults``, or ``None`` before a search),
    ``nation``, and when nothing was found ``stages``, ``topics`` and ``start_here`` (an
    article, or ``None``), to browse instead.
    A search that found little is counted, anonymously (``search.searchlog``).

    The results part of the page is kept in the fragment cache (``core.fragments``) until any
    content changes, under ``search_key`` (the query as sent, the nation, the spelling choice):
    the same search again is not run again, and its context then has no ``results``. A search
    that failed, or a form with errors, is never kept.
    """
    form = SearchForm(request.GET or None)
    nation = request.GET.get("nation")
    nation = Nation(nation) if nation in Nation.values else None
    correct = request.GET.get("spell") != "off"
    query, results = "", None
    context = {"form": form, "nation": nation}
    if form.is_valid() and (query := form.cleaned_data["q"]):
        # Hashed: the query may be long or hold any character, and a cache key may not.
        asked = urlencode(
            [
                ("q", request.GET["q"]),
                ("nation", nation.value if nation else ""),
                ("spell", "" if correct else "off"),
            ]
        )
        context["search_key"] = key = hashlib.sha256(
            asked.encode("utf-8", "surrogateescape")
        ).hexdigest()[:32]
        count = fragments.value(request, "search-count", key)
        if count is not None and fragments.has(request, "search", key):
            searchlog.record(query, count)
            context["query"] = query
            return render(request, "search/results.html", context)
        results = search_site(query, nation, correct=correct)
        if results.count < searchlog.FEW and not results.failed:
            searchlog.record(query, results.count)
        if results.failed:
            context["fragments_off"] = True
        else:
            fragments.value(request, "search-count", key, compute=lambda: results.count)
    elif form.is_bound and not form.is_valid():
        results = search_site("", nation)  # no words: the help lines only
        context["fragments_off"] = True
    else:
        context["fragments_off"] = True
    context.update(query=query, results=results)
    if results is not None and not results.items:
        context.update(_ways_on())
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "search/results.html", context, status=status)


def _ways_on():
    """Where a search that found nothing can go on to: the article to start with, and every
    stage and topic (an empty one offers the ones with pages in turn)."""
    return {
        "stages": Stage.objects.all(),
        "topics": Topic.objects.all(),
        "start_here": catalogue.start_here(),
    }
