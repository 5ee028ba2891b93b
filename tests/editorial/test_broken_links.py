"""Broken links found by ``check_links``: listed on the dashboard and on each page's form."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from core.checkedlinks import CheckedLink
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tests.support.formdata import change_url, form_data

pytestmark = pytest.mark.django_db

DASHBOARD = "editorial:dashboard"
BROKEN_SINCE = timezone.make_aware(datetime.datetime(2026, 3, 14, 9, 0))


def record(page, url, *, place="body", text="a link", status=404, error=""):
    """A row as check_links writes it."""
    broken = error or status >= 400
    return CheckedLink.objects.create(
        content_type=ContentType.objects.get_for_model(page),
        object_id=page.pk,
        place=place,
        text=text,
        url=url,
        status=status,
        error=error,
        checked_at=timezone.now(),
        first_broken_at=BROKEN_SINCE if broken else None,
    )


def listed(response):
    found = response.context["broken_page_links"]
    return [(row.title, row.place, row.text, row.url, row.problem) for row in found.rows]


def test_the_dashboard_lists_broken_links_by_page(admin_client):
    article = make_article(title="Crying")
    tip_page = make_tip_page(title="Bedtime")
    resource = make_resource(name="Helpline", url="https://help.example/")
    record(article, "https://gone.example/", text="old leaflet")
    record(article, "https://ok.example/", status=200)
    record(tip_page, "https://slow.example/", place="tip 3", status=None, error="timed out")
    # A resource's own web address has its section above; links in its text belong here.
    record(resource, "https://help.example/", place="web address", text="Helpline")
    record(resource, "https://other.example/", place="when to use it", text="their leaflet")

    response = admin_client.get(reverse(DASHBOARD))

    assert response.status_code == 200
    assert listed(response) == [
        ("Bedtime", "tip 3", "a link", "https://slow.example/", "timed out"),
        (
            "Crying",
            "body",
            "old leaflet",
            "https://gone.example/",
            "the site answered with error 404",
        ),
        (
            "Helpline",
            "when to use it",
            "their leaflet",
            "https://other.example/",
            "the site answered with error 404",
        ),
    ]
    content = response.content.decode()
    assert f'<a href="{change_url(article)}">Crying</a>' in content
    assert "14 Mar 2026" in content
    assert "<strong>3</strong> broken links on pages" in " ".join(content.split())


def test_the_dashboard_skips_pages_deleted_since_the_check_and_escapes_what_it_shows(
    admin_client,
):
    gone = make_page(title="Gone")
    record(gone, "https://gone.example/")
    gone.delete()
    page = make_page(title="About us")
    record(page, "https://x.example/", text="<script>alert(1)</script>")

    response = admin_client.get(reverse(DASHBOARD))

    assert [row[0] for row in listed(response)] == ["About us"]
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content


def test_with_no_broken_links_the_dashboard_says_so(admin_client):
    record(make_article(), "https://ok.example/", status=200)

    response = admin_client.get(reverse(DASHBOARD))

    assert listed(response) == []
    assert b"Every link on published pages worked when it was last checked." in response.content


@pytest.mark.parametrize("make", [make_article, make_tip_page, make_page])
def test_a_pages_form_shows_its_broken_links(admin_client, make):
    page = make(title="Has a broken link")
    other = make(title="Another page")
    record(page, "https://gone.example/leaflet", place="source: Leaflet", text="Leaflet")
    record(page, "https://fine.example/", status=200, text="Fine")
    record(other, "https://other.example/", text="Not this page's")

    response = admin_client.get(change_url(page))

    content = response.content.decode()
    assert "Broken links" in content
    assert (
        "<li><strong>source: Leaflet</strong>: Leaflet (https://gone.example/leaflet): "
        "the site answered with error 404, since 14 Mar 2026</li>"
    ) in content
    assert "fine.example" not in content
    assert "other.example" not in content


def test_a_form_with_no_broken_links_has_no_such_section_and_still_saves(admin_client):
    article = make_article(title="All fine")
    record(article, "https://fine.example/", status=200)

    response = admin_client.get(change_url(article))

    assert response.status_code == 200
    assert "Broken links" not in response.content.decode()
    saved = admin_client.post(change_url(article), form_data(response))
    assert saved.status_code == 302


def test_a_form_with_broken_links_still_saves(admin_client):
    article = make_article(title="Needs fixing")
    record(article, "https://gone.example/")

    response = admin_client.get(change_url(article))
    saved = admin_client.post(change_url(article), form_data(response))

    assert saved.status_code == 302
