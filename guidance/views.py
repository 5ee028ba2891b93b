"""Public pages of the guidance app: articles, the help page and simple pages."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from .models import Article, Nation, Page, Resource, Stage, Topic, Urgency

ARTICLES_PER_PAGE = 20


def published_resources():
    return Resource.objects.published()


def _pick(queryset, slug):
    """The object with ``slug`` from ``queryset``, ``None`` for no slug, 404 for an unknown one."""
    if not slug:
        return None
    obj = next((item for item in queryset if item.slug == slug), None)
    if obj is None:
        raise Http404(_("There is no such stage or topic."))
    return obj


def article_list(request):
    """All published articles, filtered by ``?stage=`` and ``?topic=``, 20 a page.

    Template: ``guidance/article_list.html``; context: ``stages``, ``topics``, the chosen
    ``stage`` and ``topic`` (or ``None``) and ``page_obj``.
    """
    stages, topics = list(Stage.objects.all()), list(Topic.objects.all())
    stage = _pick(stages, request.GET.get("stage"))
    topic = _pick(topics, request.GET.get("topic"))
    articles = Article.objects.published().for_lists().prefetch_related("stages").order_by("title")
    if stage:
        articles = articles.filter(stages=stage)
    if topic:
        articles = articles.filter(topics=topic)
    page_obj = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "stages": stages,
        "topics": topics,
        "stage": stage,
        "topic": topic,
        "page_obj": page_obj,
    }
    return render(request, "guidance/article_list.html", context)


def with_article_details(articles):
    """``articles`` with what the article page shows; staff previews load the same."""
    return articles.prefetch_related(
        "stages",
        "sources",
        Prefetch("resources", queryset=published_resources()),
        Prefetch("related", queryset=Article.objects.published().only("title", "slug", "summary")),
    )


def article_detail(request, slug):
    """One article. Template: ``guidance/article_detail.html``; context: ``article``."""
    article = get_object_or_404(with_article_details(Article.objects.published()), slug=slug)
    return render(request, "guidance/article_detail.html", {"article": article})


def help_page(request):
    """Signposting in urgency tiers, optionally for one UK nation (``?nation=wales``).

    Template: ``guidance/help.html``; context: ``tiers`` (urgency, resources) pairs,
    ``nations`` and the chosen ``nation`` (or ``None``).
    """
    resources = published_resources()
    nation = None
    if nation_value := request.GET.get("nation"):
        if nation_value not in Nation.values:
            raise Http404(_("There is no such nation."))
        nation = Nation(nation_value)
        resources = resources.for_nation(nation)
    by_urgency = {}
    for resource in resources:
        by_urgency.setdefault(resource.urgency, []).append(resource)
    tiers = [(Urgency(urgency), items) for urgency, items in sorted(by_urgency.items())]
    context = {"tiers": tiers, "nations": Nation, "nation": nation}
    return render(request, "guidance/help.html", context)


def page_detail(request, slug):
    """A simple page such as /about/. Template: ``guidance/page.html``; context: ``page``."""
    page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(request, "guidance/page.html", {"page": page})
