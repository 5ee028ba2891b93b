"""The home page, and short links to any kind of page that has them."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core import kinds
from guidance.models import Article, Resource, Stage, Topic, Urgency
from tips.models import Tip, TipPage


def home(request):
    """The home page. Template: ``website/home.html``."""
    featured = (
        TipPage.objects.published()
        .filter(featured=True)
        .order_by("-published_at")
        .prefetch_related(Prefetch("tips", queryset=Tip.objects.all()))
        .first()
    )
    context = {
        "stages": Stage.objects.all(),
        "topics": Topic.objects.all(),
        "featured_tip_page": featured,
        "latest_articles": Article.objects.published().for_lists().order_by("-published_at")[:4],
        "urgent_resources": Resource.objects.published().filter(urgency__lte=Urgency.TODAY)[:3],
    }
    return render(request, "website/home.html", context)


def short_link(request, kind, pk):
    """``/a/<id>/``, ``/t/<id>/``...: short, permanent links that survive any rename."""
    found = kinds.named(kind)
    if found is None:
        raise Http404
    obj = get_object_or_404(found.model.objects.published().only("slug"), pk=pk)
    return redirect(obj.get_absolute_url(), permanent=True)
