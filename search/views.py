"""The search results page."""

from django.shortcuts import render

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
    """
    form = SearchForm(request.GET or None)
    nation = request.GET.get("nation")
    nation = Nation(nation) if nation in Nation.values else None
    query, results = "", None
    if form.is_valid() and (query := form.cleaned_data["q"]):
        results = search_site(query, nation, correct=request.GET.get("spell") != "off")
        if results.count < searchlog.FEW and not results.failed:
            searchlog.record(query, results.count)
    elif form.is_bound and not form.is_valid():
        results = search_site("", nation)  # no words: the help lines only
    context = {"form": form, "query": query, "results": results, "nation": nation}
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
