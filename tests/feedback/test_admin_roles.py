"""
Page feedback in the admin: every staff role against every feedback admin screen and action.
Editors and clinical reviewers read answers and comments and mark comments dealt with;
publishers and site administrators may also delete them; staff with no role see nothing.
Nobody adds an answer or a comment in the admin: they come from the public form only.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial import roles
from feedback.models import Answer, Comment
from tests.support.formdata import admin_url

pytestmark = pytest.mark.django_db

NO_ROLE = "no role"
READERS = set(roles.ROLES)
MAY_DELETE = {roles.PUBLISHER, roles.SITE_ADMINISTRATOR}
# Screen -> the roles that may open it (200); everyone else gets 403.
SCREENS = {
    ("answer", "changelist"): READERS,
    ("answer", "change"): READERS,
    ("answer", "history"): READERS,
    ("answer", "add"): set(),
    ("answer", "delete"): MAY_DELETE,
    ("answer", "report"): READERS,
    ("answer", "report_csv"): READERS,
    ("comment", "changelist"): READERS,
    ("comment", "change"): READERS,
    ("comment", "history"): READERS,
    ("comment", "add"): set(),
    ("comment", "delete"): MAY_DELETE,
}


@pytest.fixture
def clients(client_for, staff_client, django_user_model):
    made = {role: client_for(role) for role in roles.ROLES}
    nobody = django_user_model.objects.create_user("nobody", "nobody@example.org", is_staff=True)
    made[NO_ROLE] = staff_client(nobody)
    return made


@pytest.fixture
def kept():
    answer = Answer.objects.create(page="help", helpful=False)
    return {"answer": answer, "comment": Comment.objects.create(answer=answer, text="Naps")}


def screen_url(kept, model, screen):
    obj = kept[model]
    if screen in ("changelist", "add", "report", "report_csv"):
        return admin_url(f"feedback.{model}", screen)
    return admin_url(obj, screen, obj.pk)


def test_each_role_opens_or_is_refused_each_feedback_screen(clients, kept):
    seen, expected = {}, {}
    for (model, screen), allowed in SCREENS.items():
        for role, client in clients.items():
            seen[model, screen, role] = client.get(screen_url(kept, model, screen)).status_code
            expected[model, screen, role] = 200 if role in allowed else 403
    assert seen == expected


def act(client, action, comment):
    return client.post(
        reverse("admin:feedback_comment_changelist"),
        {"action": action, "_selected_action": [comment.pk]},
    )


def test_each_role_may_or_may_not_mark_a_comment_dealt_with(clients, kept):
    seen = {}
    for role, client in clients.items():
        Comment.objects.update(dealt_with=False)
        response = act(client, "mark_dealt_with", kept["comment"])
        seen[role] = (response.status_code, Comment.objects.get().dealt_with)
    assert seen == {
        **{role: (302, True) for role in roles.ROLES},
        NO_ROLE: (403, False),
    }


def test_each_role_may_or_may_not_download_comments(clients, kept):
    seen = {
        role: act(client, "export_csv", kept["comment"]).status_code
        for role, client in clients.items()
    }
    assert seen == {**{role: 200 for role in roles.ROLES}, NO_ROLE: 403}


def test_only_the_dealt_with_box_can_be_changed_on_a_comment(clients, kept):
    url = admin_url(kept["comment"], "change", kept["comment"].pk)
    response = clients[roles.EDITOR].post(url, {"dealt_with": "on", "text": "Changed!"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.dealt_with and comment.text == "Naps"


def test_the_groups_hold_the_feedback_permissions_of_the_table(role_groups):
    held = {
        group.name: set(
            group.permissions.filter(content_type__app_label="feedback").values_list(
                "codename", flat=True
            )
        )
        for group in Group.objects.filter(name__in=roles.ROLES)
    }
    read_and_mark = {"view_answer", "view_comment", "change_comment"}
    every = {f"{action}_{model}" for action in roles.ALL for model in ("answer", "comment")}
    assert held == {
        roles.EDITOR: read_and_mark,
        roles.CLINICAL_REVIEWER: read_and_mark,
        roles.PUBLISHER: every,
        roles.SITE_ADMINISTRATOR: every,
    }
    table = roles.role_permissions()
    for role in (roles.EDITOR, roles.CLINICAL_REVIEWER, roles.PUBLISHER):
        assert {name.split(".")[1] for name in table[role] if name.startswith("feedback.")} == (
            held[role]
        )
