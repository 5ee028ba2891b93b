"""
Every staff role against every admin screen of every kind of page, draft and live: each opens
(200) or is refused (403), never fails. A role's screens are where its people work, so a crash
there (as a clinical reviewer once met on every draft) stops the charity's review work.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from core import kinds
from core.models import Status
from editorial import roles, workflow
from editorial.preview import preview_url
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tests.support.formdata import admin_url, form_data

pytestmark = pytest.mark.django_db

MAKERS = {
    "article": make_article,
    "tippage": make_tip_page,
    "resource": make_resource,
    "page": make_page,
}
NO_ROLE = "no role"
STATES = (Status.DRAFT, Status.PUBLISHED)

# Screens for one page: which roles may open them, by state. The rest get 403.
EVERYONE = set(roles.ROLES)
MAY_CHANGE = {roles.EDITOR, roles.PUBLISHER, roles.SITE_ADMINISTRATOR}
PAGE_SCREENS = {
    "change": {Status.DRAFT: EVERYONE, Status.PUBLISHED: EVERYONE},
    "history": {Status.DRAFT: EVERYONE, Status.PUBLISHED: EVERYONE},
    "compare": {Status.DRAFT: EVERYONE, Status.PUBLISHED: EVERYONE},
    "preview": {Status.DRAFT: EVERYONE, Status.PUBLISHED: EVERYONE},
    # A live page is deleted only by someone who may publish.
    "delete": {
        Status.DRAFT: MAY_CHANGE,
        Status.PUBLISHED: {roles.PUBLISHER, roles.SITE_ADMINISTRATOR},
    },
}
# Screens for a kind as a whole.
KIND_SCREENS = {"changelist": EVERYONE, "add": MAY_CHANGE}


def test_the_matrix_covers_every_kind_of_page():
    assert set(MAKERS) == {kind.model_name for kind in kinds.all_kinds()}


@pytest.fixture
def clients(client_for, staff_client, django_user_model):
    """One signed-in client per role, and one for staff in no group."""
    made = {role: client_for(role) for role in roles.ROLES}
    nobody = django_user_model.objects.create_user("nobody", "nobody@example.org", is_staff=True)
    made[NO_ROLE] = staff_client(nobody)
    return made


def page_screen_url(obj, screen):
    if screen == "preview":
        return preview_url(obj)
    if screen == "compare":
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_compare", args=[obj.pk])
    return admin_url(obj, screen, obj.pk)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_each_role_opens_or_is_refused_each_screen_of_a_page(clients, kind, state):
    obj = MAKERS[kind](status=state)
    seen, expected = {}, {}
    for screen, allowed in PAGE_SCREENS.items():
        url = page_screen_url(obj, screen)
        if url is None:  # a kind with no public page has no preview
            continue
        for role, client in clients.items():
            seen[screen, role] = client.get(url).status_code
            expected[screen, role] = 200 if role in allowed[state] else 403
    assert seen == expected


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_each_role_opens_or_is_refused_the_list_and_add_screens(clients, kind):
    model = kinds.with_model_name(kind).model
    seen, expected = {}, {}
    for screen, allowed in KIND_SCREENS.items():
        for role, client in clients.items():
            seen[screen, role] = client.get(admin_url(model, screen)).status_code
            expected[screen, role] = 200 if role in allowed else 403
    assert seen == expected


# The workflow's screens, on a page in review (live pages with a pending change).
REVIEWED = {"article", "tippage"}


def workflow_expectations(kind, state):
    may_decide = {roles.PUBLISHER, roles.SITE_ADMINISTRATOR}
    if kind in REVIEWED:
        may_decide.add(roles.CLINICAL_REVIEWER)
    expected = {
        "submit_for_review": {role: 200 if role in MAY_CHANGE else 403 for role in EVERYONE},
        "decide_review": {role: 200 if role in may_decide else 403 for role in EVERYONE},
    }
    if state == Status.PUBLISHED:
        expected["compare_pending"] = dict.fromkeys(EVERYONE, 200)
        previewable = kinds.with_model_name(kind).previewable
        expected["preview_pending"] = dict.fromkeys(EVERYONE, 200 if previewable else 404)
    for screen in expected.values():
        screen[NO_ROLE] = 403
    return expected


def editor_user():
    return get_user_model().objects.get(username="editor")


def workflow_url(obj, screen):
    opts = obj._meta
    if screen.endswith("_pending"):
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{screen}", args=[obj.pk])
    return reverse(f"editorial:{screen}", args=[opts.model_name, obj.pk])


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_each_role_opens_or_is_refused_each_workflow_screen(clients, kind, state):
    obj = MAKERS[kind](status=state)
    editor = clients[roles.EDITOR]
    if state == Status.PUBLISHED:  # an unchanged form, saved: a pending change
        url = admin_url(obj, "change", obj.pk)
        assert editor.post(url, form_data(editor.get(url))).status_code == 302
    workflow.submit(obj, editor_user(), "")
    seen, expected = {}, {}
    for screen, by_role in workflow_expectations(kind, state).items():
        for role, client in clients.items():
            seen[screen, role] = client.get(workflow_url(obj, screen)).status_code
            expected[screen, role] = by_role[role]
    assert seen == expected
