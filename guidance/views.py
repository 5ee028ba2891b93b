"""Public pages of the guidance app: articles, the help page and simple pages."""

import functools
import time

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connections, router
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.expressions import Col
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
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
    ``stage`` and ``topic`` (or ``None``) and their ``stage_slug`` and ``topic_slug``, and
    ``page_obj``, whose items are
    ``catalogue.Entry``s. An empty list also gets ``other_stages`` and ``other_topics`` (ones
    that do have pages, to go on to) and ``start_here`` (the article to start with, or
    ``None``): never a dead end.
    """
    # The stages and topics, and how many pages the list has, are kept under the content
    # version too (core.fragments): the page's head and the page number need them.
    stages = fragments.value(request, "stages", compute=lambda: list(Stage.objects.all()))
    topics = fragments.value(request, "topics", compute=lambda: list(Topic.objects.all()))
    stage = _pick(stages, request.GET.get("stage"))
    topic = _pick(topics, request.GET.get("topic"))
    paginator = Paginator(_Rows(lambda: catalogue.rows(stage, topic)), ARTICLES_PER_PAGE)
    paginator.count = fragments.value(
        request,
        "catalogue-size",
        stage and stage.pk,
        topic and topic.pk,
        compute=lambda: paginator.count,
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    # The list itself is part of the page's main part, which comes from the fragment cache
    # until any content changes (core.fragments): its pages are read only when it is rendered.
    rows = page_obj.object_list
    page_obj.object_list = fragments.lazy(lambda: catalogue.entries(rows, stages))
    ways_on = functools.cache(lambda: _ways_on(stages, topics, stage, topic))
    context = {
        "stages": stages,
        "topics": topics,
        "stage": stage,
        "topic": topic,
        # For the page's address and its part's key: cheaper than asking None for a slug.
        "stage_slug": stage and stage.slug,
        "topic_slug": topic and topic.slug,
        "page_obj": page_obj,
        # Shown only when the list is empty.
        **{name: fragments.lazy(lambda name=name: ways_on()[name]) for name in WAYS_ON},
    }
    return render(request, "guidance/article_list.html", context)


WAYS_ON = ("other_stages", "other_topics", "start_here")


class _Rows:
    """``catalogue.rows()`` for the paginator, built only when its count or a page of it is
    read: not at all when the list comes from the fragment cache. It is always ordered."""

    ordered = True

    def __init__(self, build):
        self.build = functools.cache(build)

    def count(self):
        return self.build().count()

    def __getitem__(self, index):
        return fragments.lazy(lambda: self.build()[index])


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


class PublishedBySlug:
    """
    ``get_object_or_404(queryset(), slug=slug)`` for a public page's own row, its one query per
    request, without building and compiling the same SQL every time (about 0.25 ms, more than
    running it) or going through a queryset to read one row: the SQL, its columns and their
    converters are worked out once per process and database, and each request fills in its slug
    and the time now (``published()`` reads the current time), runs the SQL and makes the
    object from the row as the ORM would (``Model.from_db``).

    How: the query is compiled twice, a moment apart, with two made-up slugs; the only values
    that may differ are the slug's and one time's (a ``published_at`` bound). A query of any
    other shape (a join, an annotation, a third changing value) is left to the ORM, as is
    anything on a database that cannot be prepared.
    """

    MARKERS = ("\x00slug-one", "\x00slug-two")

    def __init__(self, name, queryset):
        self.name = name
        self.queryset = queryset
        self.prepared = {}

    @functools.cached_property
    def model(self):
        return self.queryset().model

    def kept(self, request, slug):
        """``get(slug)``, kept in the fragment cache (``fragments.value``) until any content
        changes, as the page's parts are: a page viewed again reads no row at all. Each request
        gets a copy of the object of its own. A slug no page could have is not looked for.
        Anyone signed in (staff) gets the row as it is now, as the page cache never answers them
        either."""
        if len(slug) > self.model._meta.get_field("slug").max_length:
            raise Http404
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self.get(slug)
        return fragments.value(request, self.name, slug, compute=lambda: self.get(slug))

    def get(self, slug):
        if "\x00" in slug:
            # No slug holds a NUL, and PostgreSQL refuses one in a text value.
            raise Http404
        model = self.model
        db = router.db_for_read(model)
        if (prepared := self.prepared.get(db)) is None:
            prepared = self.prepared[db] = self.prepare(db)
        if prepared is False:
            return get_object_or_404(self.queryset().using(db), slug=slug)
        sql, params, slug_at, now_at, names, converters = prepared
        params = list(params)
        params[slug_at] = slug
        params[now_at] = self.now_value(db)
        connection = connections[db]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchmany(2)
        if len(rows) != 1:
            raise Http404(f"No {model._meta.object_name} matches the given query.")
        row = list(rows[0])
        for at, (functions, column) in converters:
            for convert in functions:
                row[at] = convert(row[at], column, connection)
        return model.from_db(db, names, row)

    def now_value(self, db):
        field = self.model._meta.get_field("published_at")
        return field.get_db_prep_value(timezone.now(), connections[db], prepared=False)

    def prepare(self, db):
        compiled = []
        for marker in self.MARKERS:
            compiler = self.queryset().using(db).filter(slug=marker)[:2].query.get_compiler(db)
            compiled.append(compiler.as_sql())
            time.sleep(0.001)  # a different time now for the second
        (sql, first), (other_sql, second) = compiled
        if sql != other_sql or len(first) != len(second):
            return False
        changed = [
            at for at, (one, two) in enumerate(zip(first, second, strict=True)) if one != two
        ]
        slug_at = [at for at in changed if (first[at], second[at]) == self.MARKERS]
        now_at = [at for at in changed if at not in slug_at]
        if len(slug_at) != 1 or len(now_at) != 1:
            return False
        if type(first[now_at[0]]) is not type(self.now_value(db)):
            return False
        columns = [column for column, _sql, _alias in compiler.select]
        if compiler.klass_info.get("related_klass_infos") or not all(
            isinstance(column, Col) and column.target.model is self.model for column in columns
        ):
            return False
        names = [column.target.attname for column in columns]
        converters = list(compiler.get_converters(columns).items())
        return sql, first, slug_at[0], now_at[0], names, converters


_published_article = PublishedBySlug(
    "article-row", lambda: Article.objects.published().defer("body_text")
)


def article_detail(request, slug):
    """One article. Template: ``guidance/article_detail.html``; context: ``article`` and
    ``article_content``, the page's main part, which comes from the fragment cache
    (``core.fragments``) until any content changes: its four queries and most of the rendering
    happen only when it does not.
    """
    article = _published_article.kept(request, slug)

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
    resources = fragments.lazy(lambda: list(published_resources()))
    context = {
        "urgent": fragments.lazy(lambda: urgent_lines(resources)),
        **_help_context(resources, None),
    }
    return render(request, "guidance/help.html", context)


def help_for_nation(request, nation):
    """``/help/scotland/``: the services of one UK nation, UK-wide ones included.

    Template: ``guidance/help.html``; context: ``tiers``, ``nations`` and the chosen ``nation``.
    Each nation has an address of its own, so the page is the same for everyone who opens it.
    """
    chosen = _nation(nation)
    # Not even the query is built unless the page's main part is rendered (it costs more
    # than the rest of the view).
    resources = fragments.lazy(lambda: published_resources().for_nation(chosen))
    return render(request, "guidance/help.html", _help_context(resources, chosen))


def _nation(value):
    """The ``Nation`` called ``value``, 404 for any other value."""
    if value not in Nation.values:
        raise Http404(_("There is no such nation."))
    return Nation(value)


def _help_context(resources, nation):
    """The help page's context. Its main part comes from the fragment cache until any content
    changes, so ``resources`` are read only when a template uses ``tiers`` (or ``urgent``)."""
    return {"tiers": fragments.lazy(lambda: _tiers(resources)), "nations": Nation, "nation": nation}


def _tiers(resources):
    by_urgency = {}
    for resource in resources:
        by_urgency.setdefault(resource.urgency, []).append(resource)
    return [(Urgency(urgency), items) for urgency, items in sorted(by_urgency.items())]


def page_detail(request, slug):
    """A simple page such as /about/. Template: ``guidance/page.html``; context: ``page``."""
    page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(request, "guidance/page.html", {"page": page})
