"""Plain helpers that make content for tests: published by default, with unique slugs.

Each ``make_*`` takes the fields a test cares about as keyword arguments and fills in the rest.
"""

import itertools

from core.models import Status
from guidance.models import (
    Article,
    ArticleSource,
    Page,
    Resource,
    ResourceKind,
    Stage,
    Topic,
    Urgency,
)
from tips.models import Tip, TipPage, TipPageSource

_counter = itertools.count(1)


def _unique(prefix):
    return f"{prefix}-{next(_counter)}"


def make_stage(**fields):
    slug = fields.pop("slug", None) or _unique("stage")
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    return Stage.objects.create(slug=slug, **fields)


def make_topic(**fields):
    slug = fields.pop("slug", None) or _unique("topic")
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    return Topic.objects.create(slug=slug, **fields)


def make_resource(**fields):
    """A UK-wide helpline unless told otherwise; ``nations=["wales"]`` limits where it serves."""
    slug = fields.pop("slug", None) or _unique("resource")
    nations = fields.pop("nations", None)
    if nations is not None:
        for field in ("england", "scotland", "wales", "northern_ireland"):
            fields[f"serves_{field}"] = field.replace("_", "-") in nations
    fields.setdefault("name", slug.replace("-", " ").capitalize())
    fields.setdefault("kind", ResourceKind.HELPLINE)
    fields.setdefault("urgency", Urgency.ANY_TIME)
    fields.setdefault("when_to_use", "For any parent who wants to talk things through.")
    fields.setdefault("status", Status.PUBLISHED)
    return Resource.objects.create(slug=slug, **fields)


def make_article(*, stages=(), topics=(), resources=(), related=(), sources=(), **fields):
    """An article; ``sources`` is a list of titles (or ``(title, url)`` pairs)."""
    slug = fields.pop("slug", None) or _unique("article")
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    fields.setdefault("summary", f"A short summary of {fields['title']}.")
    fields.setdefault("body", "<p>Some plain guidance for parents.</p>")
    fields.setdefault("status", Status.PUBLISHED)
    article = Article.objects.create(slug=slug, **fields)
    article.stages.set(stages)
    article.topics.set(topics)
    article.resources.set(resources)
    article.related.set(related)
    for order, source in enumerate(sources):
        title, url = source if isinstance(source, tuple) else (source, "")
        ArticleSource.objects.create(article=article, title=title, url=url, order=order)
    return article


def make_tip_page(*, tips=3, stages=(), topics=(), resources=(), sources=(), **fields):
    """A tip page with ``tips``: a number of generated tips, or a list of dicts of tip fields."""
    slug = fields.pop("slug", None) or _unique("tip-page")
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    fields.setdefault("intro", f"What your baby might tell you about {fields['title']}.")
    fields.setdefault("status", Status.PUBLISHED)
    tip_page = TipPage.objects.create(slug=slug, **fields)
    tip_page.stages.set(stages)
    tip_page.topics.set(topics)
    tip_page.resources.set(resources)
    if isinstance(tips, int):
        tips = [
            {
                "baby_says": f"Baby voice {tip_page.pk}.{number}",
                "try_this": f"Parent action {tip_page.pk}.{number}",
            }
            for number in range(1, tips + 1)
        ]
    for order, tip in enumerate(tips):
        Tip.objects.create(**{"page": tip_page, "order": order, **tip})
    for order, title in enumerate(sources):
        TipPageSource.objects.create(page=tip_page, title=title, order=order)
    return tip_page


def make_page(**fields):
    slug = fields.pop("slug", None) or _unique("page")
    fields.setdefault("title", slug.replace("-", " ").capitalize())
    fields.setdefault("body", f"<p>The {fields['title']} page.</p>")
    fields.setdefault("status", Status.PUBLISHED)
    return Page.objects.create(slug=slug, **fields)
