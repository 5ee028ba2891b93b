"""Marking pages as clinically reviewed: only for reviewers, recorded in the history."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from core.models import add_months
from editorial.reviews import REVIEW_CHANGE_REASON
from guidance.models import Article
from tests.support.factories import make_article, make_tip_page
from tests.support.formdata import admin_url, change_url
from tests.support.processes import start_django
from tips.models import TipPage

pytestmark = pytest.mark.django_db

MAKERS = {"guidance.article": make_article, "tips.tippage": make_tip_page}
ACTION = "mark_clinically_reviewed"


def make_staff(username, *codenames, first_name="", last_name=""):
    user = User.objects.create_user(
        username, password="x", is_staff=True, first_name=first_name, last_name=last_name
    )
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def reviewer(staff_client):
    user = make_staff(
        "sam",
        "view_article",
        "view_tippage",
        "review_article",
        "review_tippage",
        first_name="Sam",
        last_name="Lee",
    )
    return user, staff_client(user)


@pytest.fixture
def editor(staff_client):
    user = make_staff("alex", "view_article", "change_article", "view_tippage", "change_tippage")
    return user, staff_client(user)


def action_choices(client, label):
    response = client.get(admin_url(label, "changelist"))
    assert response.status_code == 200
    action_form = response.context["action_form"]  # None when no action is offered at all
    return [name for name, _ in action_form.fields["action"].choices] if action_form else []


def run_action(client, label, pages, **extra):
    data = {"action": ACTION, ACTION_CHECKBOX_NAME: [page.pk for page in pages], **extra}
    return client.post(admin_url(label, "changelist"), data)


@pytest.mark.parametrize("label", MAKERS)
def test_reviewers_are_offered_the_action(reviewer, label):
    _user, client = reviewer

    assert ACTION in action_choices(client, label)


@pytest.mark.parametrize("label", MAKERS)
def test_the_action_is_hidden_from_staff_without_the_review_permission(editor, label):
    _user, client = editor

    assert ACTION not in action_choices(client, label)


@pytest.mark.parametrize("label", MAKERS)
def test_staff_without_the_review_permission_cannot_post_the_action(editor, label):
    page = MAKERS[label]()
    _user, client = editor

    # As from the changelist's action bar, and as from the confirmation page.
    from_list = run_action(client, label, [page], index="0", apply="yes", reviewed_by="Alex")
    confirmed = run_action(client, label, [page], apply="yes", reviewed_by="Alex")

    assert from_list.status_code in {200, 302}
    assert confirmed.status_code in {200, 302}
    page.refresh_from_db()
    assert page.last_reviewed is None
    assert page.reviewed_by == ""


@pytest.mark.parametrize("label", MAKERS)
def test_the_action_first_asks_for_the_reviewer_and_changes_nothing(reviewer, label):
    page = MAKERS[label](title="Soothing")
    _user, client = reviewer

    response = run_action(client, label, [page], index="0")

    assert response.status_code == 200
    assert response.templates[0].name == "editorial/mark_reviewed.html"
    html = response.content.decode()
    assert "Soothing" in html
    assert 'value="Sam Lee"' in html  # the reviewer's own name, ready to be corrected
    assert f'href="{admin_url(label, "changelist")}"' in html  # back without changing anything
    page.refresh_from_db()
    assert page.last_reviewed is None


@pytest.mark.parametrize("label", MAKERS)
def test_marking_reviewed_records_today_the_reviewer_and_the_next_due_date(reviewer, label):
    long_ago = datetime.date(2020, 1, 1)
    page = MAKERS[label](
        last_reviewed=long_ago,
        reviewed_by="Someone else",
        next_review_due=datetime.date(2099, 1, 1),
    )
    other = MAKERS[label]()
    _user, client = reviewer

    response = run_action(
        client, label, [page], apply="yes", reviewed_by="Dr Sam Lee, clinical psychologist"
    )

    assert response.status_code == 302
    page.refresh_from_db()
    today = timezone.localdate()
    assert page.last_reviewed == today
    assert page.reviewed_by == "Dr Sam Lee, clinical psychologist"
    assert page.next_review_due == add_months(today, 12)
    other.refresh_from_db()
    assert other.last_reviewed is None


@pytest.mark.parametrize("label", MAKERS)
def test_marking_reviewed_is_a_revision_in_the_history(reviewer, label):
    page = MAKERS[label]()
    version = type(page).objects.get(pk=page.pk).version
    user, client = reviewer

    run_action(client, label, [page], apply="yes", reviewed_by="Dr Sam Lee")

    latest = page.history.latest()
    assert latest.history_change_reason == REVIEW_CHANGE_REASON
    assert latest.history_user == user
    assert latest.reviewed_by == "Dr Sam Lee"
    assert latest.last_reviewed == timezone.localdate()
    # A new version, so an editor who had the page open cannot silently undo the review.
    assert type(page).objects.get(pk=page.pk).version == version + 1


def test_the_interval_comes_from_the_settings(reviewer, settings):
    settings.REVIEW_INTERVAL_MONTHS = 36
    page = make_article()
    _user, client = reviewer

    run_action(client, "guidance.article", [page], apply="yes", reviewed_by="Dr Sam Lee")

    page.refresh_from_db()
    assert page.next_review_due == add_months(timezone.localdate(), 36)


def test_an_empty_reviewer_name_is_asked_for_again(reviewer):
    page = make_article()
    _user, client = reviewer

    response = run_action(client, "guidance.article", [page], apply="yes", reviewed_by="  ")

    assert response.status_code == 200
    assert "Enter the name and role of the clinical reviewer" in response.content.decode()
    page.refresh_from_db()
    assert page.last_reviewed is None


def test_several_pages_are_marked_at_once(reviewer):
    pages = [make_article(), make_article(), make_article()]
    _user, client = reviewer

    run_action(client, "guidance.article", pages, apply="yes", reviewed_by="Dr Sam Lee")

    today = timezone.localdate()
    assert Article.objects.filter(last_reviewed=today).count() == 3


def test_a_page_can_be_marked_from_its_change_form(reviewer):
    page = make_tip_page()
    _user, client = reviewer
    url = change_url(page)

    first = client.post(url, {"CHANGE_FORM-action": ACTION, ACTION_CHECKBOX_NAME: page.pk})
    assert first.status_code == 200
    assert 'name="CHANGE_FORM-action"' in first.content.decode()

    client.post(
        url,
        {
            "CHANGE_FORM-action": ACTION,
            ACTION_CHECKBOX_NAME: page.pk,
            "apply": "yes",
            "reviewed_by": "Dr Sam Lee",
        },
    )

    assert TipPage.objects.get(pk=page.pk).last_reviewed == timezone.localdate()


def test_parents_see_the_new_review_dates(reviewer, client):
    page = make_article(title="Crying")
    _user, staff = reviewer

    run_action(staff, "guidance.article", [page], apply="yes", reviewed_by="Dr Sam Lee")

    html = client.get(page.get_absolute_url()).content.decode()
    today = timezone.localdate()
    assert "Dr Sam Lee" in html
    assert f"{today.day} {today:%B %Y}" in html
    due = add_months(today, 12)
    assert f"{due.day} {due:%B %Y}" in html


def test_a_review_interval_over_three_years_is_refused():
    result = start_django(DJANGO_DEBUG="1", DJANGO_REVIEW_INTERVAL_MONTHS="48")

    assert result.returncode != 0
    assert "DJANGO_REVIEW_INTERVAL_MONTHS" in result.stderr


def test_the_form_gives_the_real_review_interval(admin_client, settings):
    settings.REVIEW_INTERVAL_MONTHS = 24
    page = make_article()

    response = admin_client.get(change_url(page))

    assert "Leave empty to set it 24 months after the last review." in response.content.decode()
