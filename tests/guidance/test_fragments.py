"""The cached parts of public pages (core/fragments.py): cheaper pages, never stale, never a draft.

An article's or tip page's main part, and every page's footer, are kept until any content
changes. The page cache is off here, so each request goes through the views.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from core import fragments
from core.models import Status
from guidance.models import Article
from tests.support.factories import make_article, make_resource, make_tip_page
from tips.models import TipPage
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("maker", [make_article, make_tip_page])
def test_a_page_seen_again_reads_nothing_until_it_changes(
    client, maker, django_capture_on_commit_callbacks
):
    page = maker(resources=[make_resource()], sources=["A source"])
    first = queries_for(client, page.get_absolute_url())

    # Its own row is kept with its parts (``PublishedBySlug.kept``).
    assert queries_for(client, page.get_absolute_url()) == 0 < first

    page.status = Status.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        page.save()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_a_long_part_is_kept_under_a_short_key(rf):
    request = rf.get("/")
    long_one, other = "a" * 300, "a" * 299 + "b"

    assert fragments.value(request, "row", long_one, compute=lambda: 1) == 1
    assert fragments.value(request, "row", other, compute=lambda: 2) == 2
    assert fragments.value(request, "row", long_one) == 1
    assert len(fragments._key(request, "value", "row", [long_one])) <= fragments.LONGEST_KEY


def test_a_change_to_a_linked_resource_shows_at_once(client, django_capture_on_commit_callbacks):
    resource = make_resource(name="Old helpline")
    article = make_article(resources=[resource])
    assertContains(client.get(article.get_absolute_url()), "Old helpline")

    with django_capture_on_commit_callbacks(execute=True):
        resource.name = "New helpline"
        resource.save()

    response = client.get(article.get_absolute_url())
    assertContains(response, "New helpline")
    assertNotContains(response, "Old helpline")


def test_an_unpublished_resource_disappears_at_once(client, django_capture_on_commit_callbacks):
    resource = make_resource(name="Closing helpline")
    tip_page = make_tip_page(resources=[resource])
    assertContains(client.get(tip_page.get_absolute_url()), "Closing helpline")

    with django_capture_on_commit_callbacks(execute=True):
        resource.status = "draft"
        resource.save()

    assertNotContains(client.get(tip_page.get_absolute_url()), "Closing helpline")


def test_a_new_footer_statement_shows_at_once(client, django_capture_on_commit_callbacks):
    article = make_article()
    client.get(article.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        site = SiteSettings.load()
        site.footer_statement = "We are here for every family."
        site.save()

    assertContains(client.get("/"), "We are here for every family.")


@pytest.mark.parametrize(
    ("model", "maker", "kind", "field"),
    [(Article, make_article, "article", "body"), (TipPage, make_tip_page, "tippage", "intro")],
)
def test_a_preview_neither_uses_nor_stores_what_parents_are_shown(
    client, admin_client, model, maker, kind, field
):
    page = maker(**{field: "Words parents see."})
    assertContains(client.get(page.get_absolute_url()), "Words parents see.")
    # Changed behind the content version's back: only a page rendered afresh shows it.
    model.objects.filter(pk=page.pk).update(**{field: "Words only staff see."})

    preview = admin_client.get(reverse("editorial:preview", kwargs={"kind": kind, "pk": page.pk}))
    assertContains(preview, "Words only staff see.")
    model.objects.filter(pk=page.pk).update(**{field: "Words parents see."})

    response = client.get(page.get_absolute_url())
    assertContains(response, "Words parents see.")
    assertNotContains(response, "Words only staff see.")
