"""Only a superuser may make a superuser; every change of access is logged."""

import logging

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from editorial import roles

pytestmark = pytest.mark.django_db


def change_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def user_form(user, **overrides):
    data = {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
        "initial-date_joined_0": "2026-01-01",
        "initial-date_joined_1": "09:00:00",
        "groups": [group.pk for group in user.groups.all()],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def site_admin(django_user_model, role_groups):
    user = django_user_model.objects.create_user(
        "site_admin", "site_admin@example.org", "a long test password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=roles.SITE_ADMINISTRATOR))
    return user


def test_a_site_administrator_cannot_make_themselves_a_superuser(site_admin, staff_client):
    client = staff_client(site_admin)

    response = client.post(change_url(site_admin), user_form(site_admin, is_superuser="on"))

    site_admin.refresh_from_db()
    assert response.status_code in (200, 302)
    assert not site_admin.is_superuser


def test_a_site_administrator_cannot_change_a_superuser(site_admin, staff_client, admin_user):
    client = staff_client(site_admin)

    response = client.post(change_url(admin_user), user_form(admin_user, is_staff=None))

    admin_user.refresh_from_db()
    assert response.status_code == 403
    assert admin_user.is_staff


def test_a_superuser_may_make_a_superuser_and_it_is_logged(admin_client, django_user_model, caplog):
    user = django_user_model.objects.create_user("sam", "sam@example.org", is_staff=True)

    with caplog.at_level(logging.WARNING, logger="littlevoices.security"):
        response = admin_client.post(change_url(user), user_form(user, is_superuser="on"))

    user.refresh_from_db()
    assert response.status_code == 302
    assert user.is_superuser
    records = [
        record for record in caplog.records if getattr(record, "event", "") == "access_changed"
    ]
    assert len(records) == 1
    assert "is_superuser" in records[0].fields
