"""The home page, the contact page, and short links to any kind of page that has them."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string

from core import fragments, kinds
from guidance.models import Article, Resource, Stage, Topic, Urgency
from guidance.nations import urgent_lines
from tips.models import Tip, TipPage


def home(request):
    """The home page. Template: ``website/home.html``; context: ``home_content``, the page's
    main part (``website/home_content.html``), which comes from the fragment cache
    (``core.fragments``) until any content changes: its queries and rendering happen only when
    it does not."""

    def render_content():
        return render_to_string("website/home_content.html", _home_context(), request)

    content = fragments.cached(request, "home", render=render_content)
    return render(request, "website/home.html", {"home_content": content})


def _home_context():
    featured = (
        TipPage.objects.published()
        .filter(featured=True)
        .order_by("-published_at")
        .prefetch_related(Prefetch("tips", queryset=Tip.objects.all()))
        .first()
    )
    return {
        "stages": Stage.objects.all(),
        "topics": Topic.objects.all(),
        "featured_tip_page": featured,
        **_start_and_latest(),
        "urgent": urgent_lines(Resource.objects.published().filter(urgency__lte=Urgency.TODAY)),
    }


def contact(request):
    """How to reach the charity: what a site administrator filled in (``site_settings``).
    Template: ``website/contact.html``."""
    return render(request, "website/contact.html")


def _start_and_latest(latest=4):
    """The article editors chose to start with (``start_here``, or ``None``) and the
    ``latest_articles`` besides it, read together: the start sorts first when there is one."""
    articles = Article.objects.published().for_lists().order_by("-start_here", "-published_at")
    found = list(articles[: latest + 1])
    if found and found[0].start_here:
        return {"start_here": found[0], "latest_articles": found[1:]}
    return {"start_here": None, "latest_articles": found[:latest]}


def short_link(request, kind, pk):
    """``/a/<id>/``, ``/t/<id>/``...: short, permanent links that survive any rename."""
    found = kinds.named(kind)
    if found is None:
        raise Http404
    obj = get_object_or_404(found.model.objects.published().only("slug"), pk=pk)
    return redirect(obj.get_absolute_url(), permanent=True)
