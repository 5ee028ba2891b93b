"""
Honest dates: a reviewed page past its review date tells parents so, from the very day after
that date, even when nobody edits it and the page cache holds it; and a page no clinician has
reviewed goes live only when a publisher confirms it.

``timezone.now`` is moved in place of waiting (the clock ``timezone.localdate`` reads too).
"""

import datetime

import pytest
from django.utils import timezone

from core import contentversion
from core.models import Status
from editorial import roles
from guidance.models import Article
from tests.support.factories import make_article, make_tip_page
from tests.support.formdata import admin_url, change_url, form_data
from tests.support.vnu import vnu_command, vnu_messages
from tips.models import TipPage

pytestmark = pytest.mark.django_db

LAST_REVIEWED = datetime.date(2025, 3, 3)
DUE = datetime.date(2026, 3, 3)
DUE_NOTICE = "It is now due for a fresh check"
WHO_TO_ASK = "talk to your health visitor, GP or midwife"
CONFIRM = "publish_unreviewed"


def at(day, hour=0, minute=0, second=0):
    """A moment on ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute, second)))


def move_clock_to(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def reviewed_page(make, **fields):
    """A live page of ``make``'s kind, last reviewed on ``LAST_REVIEWED`` and due on ``DUE``."""
    return make(
        published_at=at(LAST_REVIEWED),
        reviewed_by="Dr Sam Lee, clinical psychologist",
        last_reviewed=LAST_REVIEWED,
        next_review_due=DUE,
        **fields,
    )


@pytest.fixture(params=[make_article, make_tip_page], ids=["article", "tip page"])
def make(request):
    return request.param


# What parents see ------------------------------------------------------------------------------


@pytest.mark.parametrize("moment", [at(DUE - datetime.timedelta(days=30)), at(DUE, 23, 59)])
def test_a_page_not_yet_past_its_review_date_says_nothing_of_it(client, make, moment, monkeypatch):
    page = reviewed_page(make)
    move_clock_to(monkeypatch, moment)

    content = client.get(page.get_absolute_url()).content.decode()

    assert DUE_NOTICE not in content


def test_a_page_past_its_review_date_says_so_with_the_date_it_was_last_checked(
    client, make, monkeypatch
):
    page = reviewed_page(make)
    move_clock_to(monkeypatch, at(DUE + datetime.timedelta(days=1), 9))

    content = client.get(page.get_absolute_url()).content.decode()

    assert "We last checked this page on 3 March 2025." in content
    assert DUE_NOTICE in content
    assert WHO_TO_ASK in content
    assert "Last reviewed" in content  # the details under the page keep the date too


def test_a_page_due_for_review_but_never_reviewed_still_says_it_is_due(client, monkeypatch):
    article = make_article(published_at=at(LAST_REVIEWED), next_review_due=DUE)
    move_clock_to(monkeypatch, at(DUE + datetime.timedelta(days=2)))

    content = client.get(article.get_absolute_url()).content.decode()

    assert "This page is now due for a fresh check" in content
    assert "We last checked" not in content


def test_the_notice_is_valid_html(client, monkeypatch, tmp_path):
    # The starter content that the site-wide HTML check reads has no page due for review.
    command = vnu_command()
    move_clock_to(monkeypatch, at(DUE + datetime.timedelta(days=1)))
    files = []
    for make in (make_article, make_tip_page):
        page = reviewed_page(make)
        content = client.get(page.get_absolute_url()).content
        assert DUE_NOTICE in content.decode()
        files.append(tmp_path / f"{page.slug}.html")
        files[-1].write_bytes(content)

    assert vnu_messages(command, files) == []


# The page cache ------------------------------------------------------------------------------


def test_the_content_version_ends_at_the_start_of_the_day_after_the_due_date(make):
    reviewed_page(make)

    assert contentversion.next_review_overdue(at(DUE, 10)) == at(DUE + datetime.timedelta(days=1))
    assert contentversion.next_change(at(DUE, 10)) == at(DUE + datetime.timedelta(days=1))
    # Once that day has come, nothing else is still to fall due.
    assert contentversion.next_review_overdue(at(DUE + datetime.timedelta(days=1))) is None


def test_a_draft_falling_due_does_not_end_the_content_version(make):
    reviewed_page(make, status=Status.DRAFT)

    assert contentversion.next_review_overdue(at(DUE, 10)) is None


def test_a_cached_page_changes_by_itself_the_day_after_its_due_date(
    client, make, monkeypatch, settings
):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 7 * 24 * 3600
    page = reviewed_page(make)
    move_clock_to(monkeypatch, at(DUE, 8))
    first = client.get(page.get_absolute_url())
    assert DUE_NOTICE not in first.content.decode()

    # Late on the due date a reader still gets the cached copy...
    move_clock_to(monkeypatch, at(DUE, 23, 59, 59))
    assert client.get(page.get_absolute_url()).content == first.content

    # ...and the first reader the next day gets the page saying it is due, with no edit.
    move_clock_to(monkeypatch, at(DUE + datetime.timedelta(days=1), 0, 0, 1))
    assert DUE_NOTICE in client.get(page.get_absolute_url()).content.decode()


# Publishing a page no clinician has reviewed ---------------------------------------------------


def publish_from_form(client, page, **extra):
    data = form_data(client.get(change_url(page)))
    return client.post(change_url(page), {**data, "status": Status.PUBLISHED, **extra})


def test_publishing_a_never_reviewed_page_asks_for_a_confirmation(admin_client, make):
    page = make(status=Status.DRAFT)

    response = publish_from_form(admin_client, page)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "has not had a clinical review yet" in str(errors[CONFIRM])
    page.refresh_from_db()
    assert page.status == Status.DRAFT


def test_the_confirmation_publishes_a_never_reviewed_page(admin_client, make):
    page = make(status=Status.DRAFT)

    response = publish_from_form(admin_client, page, **{CONFIRM: "on"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED


def test_a_reviewed_page_publishes_without_the_confirmation(admin_client, make):
    page = reviewed_page(make, status=Status.DRAFT)

    response = publish_from_form(admin_client, page)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED


def test_a_live_never_reviewed_page_can_be_edited_without_the_confirmation(admin_client, make):
    page = make(title="Live and never reviewed")
    data = form_data(admin_client.get(change_url(page)))

    assert CONFIRM not in data
    response = admin_client.post(change_url(page), {**data, "title": "Live, improved"})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Live, improved"


@pytest.mark.parametrize(
    ("role", "asked"),
    [(roles.EDITOR, False), (roles.PUBLISHER, True), (roles.SITE_ADMINISTRATOR, True)],
)
def test_only_people_who_may_publish_are_offered_the_confirmation(client_for, role, asked):
    client = client_for(role)
    article = make_article(status=Status.DRAFT)

    response = client.get(change_url(article))

    assert (f'name="{CONFIRM}"' in response.content.decode()) is asked


def test_a_publisher_publishes_a_never_reviewed_page_with_the_confirmation(client_for):
    publisher = client_for(roles.PUBLISHER)
    article = make_article(status=Status.DRAFT)

    refused = publish_from_form(publisher, article)
    confirmed = publish_from_form(publisher, article, **{CONFIRM: "on"})

    assert refused.status_code == 200
    assert confirmed.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


@pytest.mark.parametrize("model", [Article, TipPage])
def test_the_publish_action_leaves_out_never_reviewed_pages_and_names_them(admin_client, model):
    make = make_article if model is Article else make_tip_page
    reviewed = reviewed_page(make, title="Checked page", status=Status.DRAFT)
    unreviewed = make(title="Unchecked page", status=Status.DRAFT)

    response = admin_client.post(
        admin_url(model, "changelist"),
        {"action": "publish", "_selected_action": [reviewed.pk, unreviewed.pk]},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert any(
        "Unchecked page" in text and "Publish without a clinical review" in text
        for text in messages
    )
    assert "1 item published." in messages
    reviewed.refresh_from_db()
    unreviewed.refresh_from_db()
    assert reviewed.status == Status.PUBLISHED
    assert unreviewed.status == Status.DRAFT
