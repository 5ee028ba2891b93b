"""Query budgets (docs/quality-and-benchmarks.md): few queries a page, and no more with 10x the
content.

The content is built once for the module, first small and then ten times bigger, and every page
is measured at each size; the tests then hold each page to its budget and its two counts to each
other.
"""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from core import contentversion
from guidance.models import Urgency
from tests.support import pages
from tests.support.factories import (
    make_article,
    make_resource,
    make_stage,
    make_tip_page,
    make_topic,
)
from website.models import SiteSettings

pytestmark = pytest.mark.django_db

# Page type -> most queries allowed.
BUDGETS = {
    "home": 6,
    "guidance": 5,
    "guidance-stage-and-topic": 5,
    "article": 6,
    "tips": 5,
    "tip-page": 4,
    "help": 4,
    "help-nation": 4,
    # Search: the staff word lists (read once per process, and again after staff change them),
    # one statement finding candidates of every kind, one placing the words on them, and one a
    # kind of result shown; a savepoint around it, as the tests run inside a transaction.
    "search": 9,
}
MEASURED = pages.named(*BUDGETS)


def add_content(times, suffix=""):
    """``times`` of everything, each linked to several others, as editors would link them."""
    for number in range(times):
        label = f"{suffix}{number}"
        stages = [make_stage(), make_stage()]
        topics = [make_topic(), make_topic()]
        resources = [make_resource(urgency=urgency) for urgency in Urgency]
        for _ in range(3):
            make_article(
                summary="Guidance for parents.",
                in_brief="One\nTwo\nThree",
                stages=stages,
                topics=topics,
                resources=resources,
                sources=["Source one", "Source two"],
            )
        make_tip_page(
            title=f"Tips {label}", tips=6, featured=True, stages=stages, resources=resources
        )


def linked_content():
    """The pages the budgets name, each linked to stages, topics, resources and sources."""
    stage, topic = make_stage(slug="stage-a"), make_topic(slug="topic-a")
    resources = [make_resource(urgency=urgency) for urgency in Urgency]
    related = [make_article(stages=[stage]) for _ in range(3)]
    article = make_article(
        slug="article-a",
        stages=[stage],
        topics=[topic],
        resources=resources,
        related=related,
        sources=["Source one", "Source two"],
    )
    tip_page = make_tip_page(slug="tips-a", stages=[stage], resources=resources, sources=["Source"])
    # A world for the page types: every article's summary holds the words searched for.
    return SimpleNamespace(
        stage=stage, topic=topic, article=article, tip_page=tip_page, search_words="guidance"
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def first_visit(client, url):
    """Queries for ``url`` as a test's first request: an empty cache, the content version known.

    Measure what rendering costs: the page cache is off (see ``counts``), and the version and the
    site settings, which a request would otherwise read once per version, are read beforehand.
    """
    cache.clear()
    contentversion.content_version()
    SiteSettings.current()
    return count_queries(client, url)


def visit_again(client, url):
    """Queries for ``url`` on its second request, rendered afresh: what the process keeps from
    the first is kept, but the cache (and with it the pages' cached parts, ``core.fragments``)
    is emptied again, so the page is built from the database as after any change."""
    client.get(url)
    return first_visit(client, url)


@pytest.fixture(scope="module")
def counts(module_db, django_db_blocker):
    """``{page type: (queries with the content, queries with ten times as much)}``.

    The second count is a page's second visit, as when one test measured both sizes in turn.
    """
    client = Client()
    with django_db_blocker.unblock(), override_settings(PAGE_CACHE=False):
        world = linked_content()
        add_content(1, suffix="small-")
        small = {
            page_type.name: first_visit(client, page_type.url(world)) for page_type in MEASURED
        }
        add_content(9, suffix="large-")
        large = {
            page_type.name: visit_again(client, page_type.url(world)) for page_type in MEASURED
        }
        cache.clear()
    return {name: (small[name], large[name]) for name in BUDGETS}


@pytest.mark.parametrize("page_type", pages.params(MEASURED))
def test_page_stays_within_its_query_budget(counts, page_type):
    small, _ = counts[page_type.name]

    assert small <= BUDGETS[page_type.name]


@pytest.mark.parametrize("page_type", pages.params(MEASURED))
def test_page_makes_no_more_queries_with_ten_times_the_content(counts, page_type):
    small, large = counts[page_type.name]

    if page_type.name == "search":
        # Search looks at titles and summaries first and reads the text only when they give
        # too few results: more content can save that query, never add one.
        assert large <= small
    else:
        assert large == small
