"""Recent changes: who changed what and when, for every kind of content."""

import pytest
from django.urls import reverse

from editorial import audit, roles
from guidance.models import Article, Stage
from tests.support.factories import make_article, make_resource, make_stage
from tests.support.formdata import change_url, form_data

pytestmark = pytest.mark.django_db


def test_recent_changes_lists_every_kind_newest_first_with_who_and_fields(admin_client, admin_user):
    make_stage(title="Toddler")
    make_resource(name="Helpline")
    article = make_article(title="Words")
    data = form_data(admin_client.get(change_url(article)))
    admin_client.post(change_url(article), {**data, "summary": "Changed summary."})

    response = admin_client.get(reverse("editorial:recent_changes"))

    changes = response.context["changes"]
    assert changes[0].title == "Words"
    assert changes[0].action == "Changed"
    assert changes[0].fields == ["Summary"]
    assert changes[0].record.history_user == admin_user
    assert changes[0].url == change_url(article)
    kinds = {change.kind for change in changes}
    assert {"Stage", "Resource", "Article"} <= kinds
    dates = [change.record.history_date for change in changes]
    assert dates == sorted(dates, reverse=True)


def test_recent_changes_filters_by_person_and_kind(admin_client, admin_user):
    make_stage()
    article = make_article()
    data = form_data(admin_client.get(change_url(article)))
    admin_client.post(change_url(article), {**data, "title": "By the admin"})

    mine = admin_client.get(reverse("editorial:recent_changes"), {"person": admin_user.pk})
    stages = admin_client.get(reverse("editorial:recent_changes"), {"kind": "guidance.stage"})

    assert [change.title for change in mine.context["changes"]] == ["By the admin"]
    assert {change.kind for change in stages.context["changes"]} == {"Stage"}


def test_recent_changes_pages_through_everything(admin_client, monkeypatch):
    monkeypatch.setattr(audit, "PER_PAGE", 3)
    for number in range(4):
        make_stage(title=f"Stage {number}")
    make_article()

    total = Stage.history.count() + Article.history.count()
    assert total > 3  # more than one page

    pages = [
        admin_client.get(reverse("editorial:recent_changes"), {"page": number}) for number in (1, 2)
    ]

    assert pages[0].context["total"] == total
    seen = [change.record for page in pages for change in page.context["changes"]]
    assert len({(type(record), record.history_id) for record in seen}) == total
    dates = [record.history_date for record in seen]
    assert dates == sorted(dates, reverse=True)


def test_a_deleted_item_links_to_deleted_pages(admin_client):
    article = make_article()
    article.delete()

    response = admin_client.get(reverse("editorial:recent_changes"), {"action": "-"})

    assert response.context["changes"][0].url == reverse("editorial:deleted")


def test_the_admin_home_page_links_to_both_screens(admin_client):
    content = admin_client.get(reverse("admin:index")).content.decode()

    assert reverse("editorial:recent_changes") in content
    assert reverse("editorial:deleted") in content


def test_recent_changes_needs_a_signed_in_member_of_staff(client):
    response = client.get(reverse("editorial:recent_changes"))

    assert response.status_code == 302


# Staff with no role (no group, no permission) may sign in but see no content ------------------


@pytest.fixture
def no_role_client(django_user_model, staff_client):
    user = django_user_model.objects.create_user(
        "newcomer", "newcomer@example.org", "a long test password", is_staff=True
    )
    return staff_client(user)


def editorial_requests():
    """Every URL of editorial/urls.py, with the method it answers."""
    article = make_article(title="Secret draft plan", status="draft")
    deleted = make_article(title="Deleted draft")
    deleted.delete()
    record = Article.history.filter(history_type="-").get()
    return [
        ("get", reverse("editorial:dashboard")),
        ("get", reverse("editorial:preview", kwargs={"kind": "article", "pk": article.pk})),
        ("get", reverse("editorial:recent_changes")),
        ("get", reverse("editorial:deleted")),
        (
            "post",
            reverse(
                "editorial:restore_deleted",
                kwargs={"kind": "guidance.article", "history_id": record.history_id},
            ),
        ),
    ]


def test_every_editorial_screen_refuses_staff_with_no_role(no_role_client):
    for method, url in editorial_requests():
        response = getattr(no_role_client, method)(url)

        assert response.status_code == 403, url
        assert "Secret draft plan" not in response.content.decode()
        assert "newcomer@example.org" not in response.content.decode()
    assert not Article.objects.filter(title="Deleted draft").exists()


def test_the_admin_home_page_offers_staff_with_no_role_nothing(no_role_client):
    response = no_role_client.get(reverse("admin:index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["app_list"] == []
    assert reverse("editorial:dashboard") not in content
    assert reverse("editorial:recent_changes") not in content


@pytest.mark.parametrize("role", roles.ROLES)
def test_every_role_still_opens_the_editorial_screens(client_for, role):
    client = client_for(role)
    requests = editorial_requests()

    for method, url in requests[:4]:
        assert getattr(client, method)(url).status_code == 200, url
    assert reverse("editorial:dashboard") in client.get(reverse("admin:index")).content.decode()


def test_recent_changes_lists_only_the_kinds_a_person_may_view(django_user_model, staff_client):
    from django.contrib.auth.models import Permission

    make_article(title="An article")
    make_resource(name="A helpline")
    user = django_user_model.objects.create_user("resources", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_resource"))

    response = staff_client(user).get(reverse("editorial:recent_changes"))

    assert [change.kind for change in response.context["changes"]] == ["Resource"]
    assert [label for label, _name in response.context["kinds"]] == ["guidance.resource"]
