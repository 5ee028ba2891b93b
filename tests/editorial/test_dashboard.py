"""The editorial dashboard: what needs a person's attention, for staff only."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import Status
from guidance.models import Article, Resource
from tests.support.factories import make_article, make_resource, make_tip_page
from tests.support.formdata import change_url
from tips.models import TipPage

pytestmark = pytest.mark.django_db

DASHBOARD = "editorial:dashboard"


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def section(response, slug):
    """Titles listed in one section of the dashboard."""
    found = next(s for s in response.context["all_sections"] if s.slug == slug)
    return [getattr(row, "title", None) or row.name for row in found.rows]


@pytest.fixture
def content():
    make_article(title="Overdue article", last_reviewed=days(-400), next_review_due=days(-3))
    make_tip_page(title="Overdue tips", last_reviewed=days(-500), next_review_due=days(-30))
    make_article(title="Due soon", last_reviewed=days(-340), next_review_due=days(20))
    make_article(title="Due later", last_reviewed=days(-10), next_review_due=days(200))
    make_article(title="Never reviewed", status=Status.DRAFT)
    make_tip_page(title="Never reviewed tips")
    make_resource(name="Broken site", url="https://a.example/", link_status=404)
    make_resource(name="Unreachable", url="https://b.example/", link_error="timed out")
    make_resource(
        name="Working site",
        url="https://c.example/",
        link_status=200,
        link_checked_at=timezone.now(),
    )
    make_resource(name="Unchecked site", url="https://d.example/")
    make_resource(name="Old number", phone="0800 000 0001", last_checked=days(-200))
    make_resource(name="Never rung", text_number="85258")
    make_resource(name="Fresh number", phone="0800 000 0002", last_checked=days(-20))


def test_overdue_reviews_are_listed_most_overdue_first(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    assert response.status_code == 200
    assert section(response, "overdue") == ["Overdue tips", "Overdue article"]


def test_reviews_due_within_30_days_are_listed(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    assert section(response, "due-soon") == ["Due soon"]


def test_pages_never_reviewed_are_listed_drafts_included(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    assert section(response, "never-reviewed") == ["Never reviewed", "Never reviewed tips"]
    assert "(draft)" in response.content.decode()


def test_pages_are_listed_by_reading_age_with_the_target_marked(admin_client, settings):
    settings.READING_AGE_TARGET = Decimal(11)
    make_article(title="Plain")
    make_tip_page(title="Middling")
    Article.objects.filter(title="Plain").update(reading_age=Decimal("8.5"))
    TipPage.objects.filter(title="Middling").update(reading_age=Decimal("13.2"))
    make_article(title="Hard")
    Article.objects.filter(title="Hard").update(reading_age=Decimal("16.0"))

    response = admin_client.get(reverse(DASHBOARD))

    assert section(response, "reading-age") == ["Hard", "Middling", "Plain"]
    html = response.content.decode()
    listing = html[html.index('id="reading-age"') :]
    target_line = listing.index("Target: reading age 11.")
    assert listing.index(">Middling<") < target_line < listing.index(">Plain<")
    assert response.context["above_target_count"] == 2


def test_broken_and_unchecked_web_addresses_are_listed(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    # In the order of the help page: urgency, then order, then name.
    assert section(response, "broken-links") == ["Broken site", "Unchecked site", "Unreachable"]
    html = response.content.decode()
    assert "broken: the site answered with error 404" in html
    assert "broken: timed out" in html


def test_numbers_not_checked_in_six_months_are_listed(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    assert section(response, "numbers-to-check") == ["Never rung", "Old number"]


def test_every_row_links_to_its_admin_change_page(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    html = response.content.decode()
    for page in [*Article.objects.all(), *TipPage.objects.all()]:
        assert f'href="{change_url(page)}"' in html
    for name in ("Broken site", "Old number"):
        assert f'href="{change_url(Resource.objects.get(name=name))}"' in html


def test_counts_are_shown_at_the_top(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    html = response.content.decode()
    counts = html[html.index('class="dashboard-counts"') : html.index("</ul>")]
    assert '<a href="#overdue">' in counts
    assert "<strong>2</strong> clinical review overdue" in " ".join(counts.split())


def test_an_empty_site_says_there_is_nothing_to_do(admin_client):
    response = admin_client.get(reverse(DASHBOARD))

    html = response.content.decode()
    assert "No page is overdue for review." in html
    assert "Every web address worked when it was last checked." in html


def test_the_admin_home_page_links_to_the_dashboard(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert f'href="{reverse(DASHBOARD)}"' in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse(DASHBOARD))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_people_who_are_not_staff_cannot_see_it(staff_client):
    user = User.objects.create_user("parent", password="x", is_staff=False)

    response = staff_client(user).get(reverse(DASHBOARD))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_staff_must_give_their_second_factor(client):
    user = User.objects.create_user("half", password="x", is_staff=True)
    client.force_login(user)

    response = client.get(reverse(DASHBOARD))

    assert response.status_code == 302


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(DASHBOARD))
    assert response.status_code == 200
    return len(captured)


def test_the_query_count_does_not_grow_with_the_content(
    admin_client, django_assert_max_num_queries
):
    make_article(last_reviewed=days(-400), next_review_due=days(-1))
    make_resource(url="https://a.example/", link_status=500, phone="0800")
    few = _queries(admin_client)

    for number in range(15):
        make_article(
            title=f"Article {number}", last_reviewed=days(-400), next_review_due=days(number - 5)
        )
        make_tip_page(title=f"Tips {number}", tips=2)
        make_resource(url=f"https://{number}.example/", link_error="refused", phone="0800")

    with django_assert_max_num_queries(few):
        admin_client.get(reverse(DASHBOARD))
    # Sessions, the user, the two-factor device, three reads of content, the checked links and
    # the review requests at most.
    assert few <= 11


def test_the_dashboard_keeps_the_strict_content_security_policy(admin_client, content):
    response = admin_client.get(reverse(DASHBOARD))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    html = response.content.decode()
    assert " style=" not in html
    assert "<style" not in html
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_numbers_that_are_not_one_clear_number_are_listed_to_fix(admin_client):
    unclear = make_resource(name="Unclear line", phone="Call 111 or 999", text_number="85258")
    make_resource(name="Clear line", phone="116 123")

    response = admin_client.get(reverse(DASHBOARD))

    rows = response.context["numbers_to_fix"].rows
    assert [row.name for row in rows] == ["Unclear line"]
    assert rows[0].problem.startswith("Phone: Give one number only")
    html = response.content.decode()
    assert "Phone numbers that need fixing (1)" in html
    assert f'href="{change_url(unclear)}"' in html
    assert "Call 111 or 999" in html
