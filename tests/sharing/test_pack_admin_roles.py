"""
Share packs in the admin: every staff role against every admin screen of a pack, and the
retire action. Publishers and site administrators see packs and may retire them; editors,
clinical reviewers and staff with no role may not open them. Nobody adds or deletes a pack
in the admin: packs are made by the public form and retired rather than deleted.
"""

import pytest
from django.contrib.auth.models import Group

from editorial import roles
from sharing.models import Pack
from tests.support.factories import make_article
from tests.support.formdata import admin_url

pytestmark = pytest.mark.django_db

NO_ROLE = "no role"
MAY_RETIRE = {roles.PUBLISHER, roles.SITE_ADMINISTRATOR}
# Screen -> the roles that may open it (200); everyone else gets 403.
SCREENS = {
    "changelist": MAY_RETIRE,
    "change": MAY_RETIRE,
    "history": MAY_RETIRE,
    "add": set(),
    "delete": set(),
}


@pytest.fixture
def clients(client_for, staff_client, django_user_model):
    made = {role: client_for(role) for role in roles.ROLES}
    nobody = django_user_model.objects.create_user("nobody", "nobody@example.org", is_staff=True)
    made[NO_ROLE] = staff_client(nobody)
    return made


@pytest.fixture
def pack():
    article = make_article(title="Crying at night")
    return Pack.objects.create(
        code="abcdefgh", title="Nights", items=[{"kind": "article", "id": article.pk}]
    )


def screen_url(pack, screen):
    if screen in ("changelist", "add"):
        return admin_url(Pack, screen)
    return admin_url(pack, screen, pack.pk)


def test_each_role_opens_or_is_refused_each_pack_screen(clients, pack):
    seen, expected = {}, {}
    for screen, allowed in SCREENS.items():
        for role, client in clients.items():
            seen[screen, role] = client.get(screen_url(pack, screen)).status_code
            expected[screen, role] = 200 if role in allowed else 403
    assert seen == expected


def test_the_groups_hold_the_pack_permissions_of_the_table(role_groups):
    held = {
        group.name: set(
            group.permissions.filter(content_type__app_label="sharing").values_list(
                "codename", flat=True
            )
        )
        for group in Group.objects.filter(name__in=roles.ROLES)
    }
    assert held == {
        roles.EDITOR: set(),
        roles.CLINICAL_REVIEWER: set(),
        roles.PUBLISHER: {"change_pack", "view_pack"},
        roles.SITE_ADMINISTRATOR: {"add_pack", "change_pack", "delete_pack", "view_pack"},
    }


def test_the_list_shows_code_title_pages_and_whether_retired(clients, pack):
    html = clients[roles.PUBLISHER].get(admin_url(Pack, "changelist")).content.decode()
    assert "abcdefgh" in html
    assert "Nights" in html
    assert "Retire the selected share packs" in html
    assert "Delete selected" not in html


def retire(client, pack, action="retire"):
    return client.post(
        admin_url(Pack, "changelist"),
        {"action": action, "_selected_action": [pack.pk]},
    )


@pytest.mark.parametrize("role", sorted(MAY_RETIRE))
def test_publishers_and_site_administrators_retire_and_bring_back_a_pack(
    clients, pack, role, client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    public = client.get(pack.get_absolute_url()).content.decode()
    assert "has been retired" not in public

    with django_capture_on_commit_callbacks(execute=True):
        assert retire(clients[role], pack).status_code == 302
    pack.refresh_from_db()
    assert pack.is_retired
    public = client.get(pack.get_absolute_url()).content.decode()
    assert "has been retired" in public  # not the cached copy from before
    assert "Crying at night" in public
    assert "Nights" not in public  # a pack may be retired for its title

    with django_capture_on_commit_callbacks(execute=True):
        retire(clients[role], pack, "unretire")
    pack.refresh_from_db()
    assert not pack.is_retired
    public = client.get(pack.get_absolute_url()).content.decode()
    assert "has been retired" not in public
    assert "<h1>Nights</h1>" in public


@pytest.mark.parametrize("role", [roles.EDITOR, roles.CLINICAL_REVIEWER, NO_ROLE])
def test_other_staff_cannot_retire_a_pack(clients, pack, role):
    assert retire(clients[role], pack).status_code == 403
    pack.refresh_from_db()
    assert not pack.is_retired
