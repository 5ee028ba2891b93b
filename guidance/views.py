"""Public pages of the guidance app: articles, the help page and simple pages."""

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core import fragments

from . import catalogue
from .models import Article, Nation, Page, Resource, Stage, Topic, Urgency
from .nations import urgent_lines

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
    """Published pages of every catalogued kind (articles, tip pages), filtered by ``?stage=``
    and ``?topic=``, in editors' order then by title, 20 a page (see ``guidance.catalogue``).

    Template: ``guidance/article_list.html``; context: ``stages``, ``topics``, the chosen
    ``stage`` and ``topic`` (or ``None``), and ``page_obj``, whose items are
    ``catalogue.Entry``s. An empty list also gets ``other_stages`` and ``other_topics`` (ones
    that do have pages, to go on to) and ``start_here`` (the article to start with, or
    ``None``): never a dead end.
    """
    stages, topics = list(Stage.objects.all()), list(Topic.objects.all())
    stage = _pick(stages, request.GET.get("stage"))
    topic = _pick(topics, request.GET.get("topic"))
    page_obj = Paginator(catalogue.rows(stage, topic), ARTICLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    page_obj.object_list = catalogue.entries(page_obj.object_list, stages)
    context = {
        "stages": stages,
        "topics": topics,
        "stage": stage,
        "topic": topic,
        "page_obj": page_obj,
    }
    if not page_obj.object_list:
        context.update(_ways_on(stages, topics, stage, topic))
    return render(request, "guidance/article_list.html", context)


def _ways_on(stages, topics, stage, topic):
    """Where an empty list can send a parent: the other stages and topics that have pages."""
    stage_ids, topic_ids = catalogue.filled(stage, topic)
    return {
        "other_stages": [item for item in stages if item.pk in stage_ids],
        "other_topics": [item for item in topics if item.pk in topic_ids],
        "start_here": catalogue.start_here(),
    }


def _article_details():
    """What the article page shows besides the article's own row (only published links)."""
    return (
        "stages",
        "sources",
        Prefetch("resources", queryset=published_resources()),
        Prefetch("related", queryset=Article.objects.published().only("title", "slug", "summary")),
    )


def with_article_details(articles):
    """``articles`` with what the article page shows; staff previews load the same."""
    return articles.prefetch_related(*_article_details())


def article_detail(request, slug):
    """One article. Template: ``guidance/article_detail.html``; context: ``article`` and
    ``article_content``, the page's main part, which comes from the fragment cache
    (``core.fragments``) until any content changes: its four queries and most of the rendering
    happen only when it does not.
    """
    article = get_object_or_404(Article.objects.published().defer("body_text"), slug=slug)

    def render_content():
        prefetch_related_objects([article], *_article_details())
        return render_to_string("guidance/article_content.html", {"article": article}, request)

    content = fragments.cached(
        request, "article", article.pk, article.version, render=render_content
    )
    context = {"article": article, "article_content": content}
    return render(request, "guidance/article_detail.html", context)


def help_page(request):
    """Signposting in urgency tiers for the whole UK, each nation's urgent lines side by side.

    Template: ``guidance/help.html``; context: ``tiers`` (urgency, resources) pairs,
    ``urgent`` (``guidance.nations.UrgentLines``), ``nations`` and ``nation`` (``None``).
    Old links with ``?nation=`` are sent on for good to the nation's own address.
    """
    if nation_value := request.GET.get("nation"):
        return redirect("guidance:help_nation", nation=_nation(nation_value).value, permanent=True)
    resources = list(published_resources())
    context = {"urgent": urgent_lines(resources), **_help_context(resources, None)}
    return render(request, "guidance/help.html", context)


def help_for_nation(request, nation):
    """``/help/scotland/``: the services of one UK nation, UK-wide ones included.

    Template: ``guidance/help.html``; context: ``tiers``, ``nations`` and the chosen ``nation``.
    Each nation has an address of its own, so the page is the same for everyone who opens it.
    """
    chosen = _nation(nation)
    resources = published_resources().for_nation(chosen)
    return render(request, "guidance/help.html", _help_context(resources, chosen))


def _nation(value):
    """The ``Nation`` called ``value``, 404 for any other value."""
    if value not in Nation.values:
        raise Http404(_("There is no such nation."))
    return Nation(value)


def _help_context(resources, nation):
    by_urgency = {}
    for resource in resources:
        by_urgency.setdefault(resource.urgency, []).append(resource)
    tiers = [(Urgency(urgency), items) for urgency, items in sorted(by_urgency.items())]
    return {"tiers": tiers, "nations": Nation, "nation": nation}


def page_detail(request, slug):
    """A simple page such as /about/. Template: ``guidance/page.html``; context: ``page``."""
    page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(request, "guidance/page.html", {"page": page})
