"""Two people editing the same page: the second save is refused, and nothing is lost."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory

from core.models import Status
from editorial.admin_mixins import EditConflict
from guidance.models import Article
from tests.support.factories import make_article, make_tip_page
from tests.support.formdata import admin_url, change_url, form_data
from tips.models import TipPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(django_user_model, staff_client):
    """Two superusers with their own signed-in browsers."""

    def make(username, first_name):
        user = django_user_model.objects.create_superuser(
            username, f"{username}@example.org", "a long test password"
        )
        user.first_name = first_name
        user.save()
        return staff_client(user)

    return make("alice", "Alice"), make("bob", "Bob")


def test_the_second_save_is_refused_and_shows_what_the_first_changed(two_editors):
    alice, bob = two_editors
    article = make_article(title="Settling your baby", summary="The first summary.")
    alice_form = form_data(alice.get(change_url(article)))
    bob_form = form_data(bob.get(change_url(article)))

    alice_form["summary"] = "Alice's better summary."
    assert alice.post(change_url(article), alice_form).status_code == 302

    bob_form["title"] = "Bob's new title"
    response = bob.post(change_url(article), bob_form)

    assert response.status_code == 200  # the form again, not a redirect
    errors = response.context["adminform"].form.non_field_errors()
    message = str(errors)
    assert "Alice saved this page" in message
    assert "Summary" in message and "Alice&#x27;s better summary." in message
    assert "not been saved yet" in message
    # Bob's typing is still in the form, and Alice's save is untouched.
    assert "Bob&#x27;s new title" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Settling your baby"
    assert article.summary == "Alice's better summary."


def test_saving_again_after_the_warning_keeps_the_second_editors_version(two_editors):
    alice, bob = two_editors
    article = make_article(title="Crying")
    alice_form = form_data(alice.get(change_url(article)))
    bob_form = form_data(bob.get(change_url(article)))
    alice_form["summary"] = "Alice's summary."
    alice.post(change_url(article), alice_form)
    bob_form["title"] = "Crying and colic"
    refused = bob.post(change_url(article), bob_form)

    # Bob has now seen Alice's change; the form he is shown carries the new version number.
    again = form_data(refused)
    response = bob.post(change_url(article), again)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Crying and colic"


def test_each_save_adds_one_to_the_version(admin_client):
    article = make_article()
    start = article.version
    data = form_data(admin_client.get(change_url(article)))
    assert data["base_version"] == str(start)

    admin_client.post(change_url(article), data)

    article.refresh_from_db()
    assert article.version == start + 1


def test_publishing_from_the_list_is_a_new_version_so_an_open_form_is_behind(admin_client):
    # Reviewed: the list's publish action leaves out pages never clinically reviewed.
    article = make_article(status=Status.DRAFT, last_reviewed=datetime.date(2026, 1, 5))
    data = form_data(admin_client.get(change_url(article)))

    admin_client.post(
        admin_url(Article, "changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    data["title"] = "Changed after it was published"
    response = admin_client.post(change_url(article), data)

    assert response.status_code == 200
    assert "saved this page" in str(response.context["adminform"].form.non_field_errors())
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.title != "Changed after it was published"


def test_a_tip_change_by_someone_else_is_named_in_the_warning(two_editors):
    alice, bob = two_editors
    page = make_tip_page(tips=[{"baby_says": "Hold me close.", "try_this": "Pick me up."}])
    alice_form = form_data(alice.get(change_url(page)))
    bob_form = form_data(bob.get(change_url(page)))
    alice_form["tips-0-try_this"] = "Pick me up slowly."
    assert alice.post(change_url(page), alice_form).status_code == 302

    response = bob.post(change_url(page), bob_form)

    message = str(response.context["adminform"].form.non_field_errors())
    assert "Tips" in message
    assert "Pick me up slowly." in message
    assert TipPage.objects.get().tips.get().try_this == "Pick me up slowly."


def test_a_save_that_loses_the_race_at_the_last_moment_is_refused(admin_user):
    """The compare-and-increment: if the number moved after the form was checked, no save."""
    article = make_article(title="Before")
    model_admin = admin.site._registry[Article]
    request = RequestFactory().post("/")
    request.user = admin_user
    form = model_admin.get_form(request, article)(
        instance=article, data={"title": "Mine", "base_version": article.version}
    )
    form.checked_version = article.version
    Article.objects.filter(pk=article.pk).update(version=article.version + 1, title="Theirs")

    with pytest.raises(EditConflict):
        model_admin.save_model(request, article, form, change=True)

    assert Article.objects.get(pk=article.pk).title == "Theirs"
