"""Query budgets (docs/quality-and-benchmarks.md): few queries a page, and no more with 10x the
content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import contentversion
from guidance.models import Urgency
from tests.factories import make_article, make_resource, make_stage, make_tip_page, make_topic

pytestmark = pytest.mark.django_db

# (address, most queries allowed)
BUDGETS = [
    ("/", 6),
    ("/guidance/", 5),
    ("/guidance/?stage=stage-a&topic=topic-a", 5),
    ("/guidance/article-a/", 6),
    ("/tips/", 5),
    ("/tips/tips-a/", 4),
    ("/help/", 4),
    ("/help/?nation=wales", 4),
    # Search: the staff word lists (read once per process, and again after staff change them),
    # one statement finding candidates of every kind, one placing the words on them, and one a
    # kind of result shown; a savepoint around it, as the tests run inside a transaction.
    ("/search/?q=guidance", 9),
]


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


@pytest.fixture
def linked_content():
    """The pages the budgets name, each linked to stages, topics, resources and sources."""
    stage, topic = make_stage(slug="stage-a"), make_topic(slug="topic-a")
    resources = [make_resource(urgency=urgency) for urgency in Urgency]
    related = [make_article(stages=[stage]) for _ in range(3)]
    make_article(
        slug="article-a",
        stages=[stage],
        topics=[topic],
        resources=resources,
        related=related,
        sources=["Source one", "Source two"],
    )
    make_tip_page(slug="tips-a", stages=[stage], resources=resources, sources=["Source"])


@pytest.fixture(autouse=True)
def render_every_time(settings):
    """Measure what rendering costs: no page cache, and its content version already known."""
    settings.PAGE_CACHE = False
    contentversion.content_version()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(("url", "budget"), BUDGETS)
def test_page_stays_within_its_query_budget(client, linked_content, url, budget):
    add_content(1)

    assert count_queries(client, url) <= budget


@pytest.mark.parametrize(("url", "budget"), BUDGETS)
def test_page_makes_no_more_queries_with_ten_times_the_content(client, linked_content, url, budget):
    add_content(1, suffix="small-")
    small = count_queries(client, url)

    add_content(9, suffix="large-")
    large = count_queries(client, url)

    if url.startswith("/search/"):
        # Search looks at titles and summaries first and reads the text only when they give
        # too few results: more content can save that query, never add one.
        assert large <= small
    else:
        assert large == small
