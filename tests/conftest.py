import copy
import datetime
import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from editorial import roles
from tests.support.accounts import verified_client
from tests.support.world import build_world, starter_world


def plain_static_files(root):
    """Static files served unhashed from ``root``: tests must not depend on a prior collectstatic.

    WhiteNoise warns (an error here) when STATIC_ROOT is missing, as it is in a fresh clone.
    """
    root.mkdir()
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return {"STATIC_ROOT": root, "STORAGES": storages}


@pytest.fixture(scope="session", autouse=True)
def suite_settings(tmp_path_factory):
    """What every test runs with, set before any data is built for a module or the session.

    An in-memory cache, never var/cache or Redis. Uploads and static files in throwaway
    folders, never var/. A fast password hasher: staff users are made in many tests, and the
    production hasher is slow on purpose.
    """
    folder = tmp_path_factory.mktemp("session")
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "tests",
            }
        },
        MEDIA_ROOT=folder / "media",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        **plain_static_files(folder / "static"),
    ):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_static_storage(settings, tmp_path):
    """A fresh static folder per test, for tests that write into it."""
    for name, value in plain_static_files(tmp_path / "static").items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def isolated_cache():
    """Each test starts with an empty cache, so cached pages never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def past():
    return timezone.now() - datetime.timedelta(days=1)


@pytest.fixture
def future():
    return timezone.now() + datetime.timedelta(days=1)


@pytest.fixture
def admin_client(admin_user):
    """
    pytest-django's ``admin_client``, logged in with both factors: the admin refuses a session
    that gave only a password (accounts/sites.py). A client of its own, as pytest-django's is.
    """
    return verified_client(admin_user)


@pytest.fixture
def staff_client():
    """``staff_client(user)``: a two-factor signed-in client for any staff user (roles tests)."""
    return verified_client


@pytest.fixture
def role_groups():
    """The role groups as the migrations make them. A transactional test empties the database,
    which drops them; tests that run after one, or run them, ask for the groups here."""
    if Group.objects.filter(name__in=roles.ROLES).count() < len(roles.ROLES):
        roles.grant_roles(Group, Permission)


@pytest.fixture
def client_for(django_user_model, staff_client, role_groups):
    """``client_for(role)``: a two-factor signed-in member of staff in that group only."""

    def make(role):
        username = role.lower().replace(" ", "_")
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "a long test password", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        return staff_client(user)

    return make


# Data built once for a module. A module's tests that only read data share one copy of it: it is
# made in a transaction around the module, each test runs in a savepoint inside it (as
# pytest-django's ``db`` gives every test), and the transaction is rolled back after the last
# test, so nothing reaches the next module. pytest-django runs no class-level set-up that would
# close the connection between tests (its ``_django_db_helper``), on SQLite or PostgreSQL.


def _may_use_the_database(item):
    marker = item.get_closest_marker("django_db")
    return marker is not None or {"db", "transactional_db", "live_server"} & set(item.fixturenames)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    in_marker = marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    return in_marker or {"transactional_db", "live_server"} & set(item.fixturenames)


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker):
    """A transaction around the module's tests, for the data fixtures below.

    Every test of the module that may use the database must ask for it (through those
    fixtures), since all of them see the module's data; a transactional test cannot run inside
    it at all. Either mistake stops the module with a message rather than leaving tests that
    pass or fail by their order.
    """
    for item in request.session.items:
        if item.module is not request.module:
            continue
        if not _may_use_the_database(item):
            if "module_db" in item.fixturenames:
                # pytest-django makes the test database only for tests that ask for one.
                pytest.fail(f"{item.nodeid} uses the module's data: mark it django_db")
            continue
        if _is_transactional(item):
            pytest.fail(f"{item.nodeid} is transactional: it cannot share the module's data")
        if "module_db" not in item.fixturenames:
            pytest.fail(
                f"{item.nodeid} would see the data built for its module without asking for it: "
                "move it to a module of its own"
            )
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_world(module_db, django_db_blocker):
    with django_db_blocker.unblock():
        return build_world()


@pytest.fixture
def world(module_world, db):
    """The test world (tests/support/world.py), built once for the module.

    What a test writes is rolled back after it; a copy of the namespace keeps what it changes
    in memory (``world.article.title = ...``) from reaching the next test too.
    """
    return copy.deepcopy(module_world)


@pytest.fixture(scope="module")
def module_starter_world(module_db, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_starter_content", stdout=io.StringIO())
        return starter_world()


@pytest.fixture
def starter(module_starter_world, db):
    """The starter content, loaded once for the module, as a world (tests/support/world.py)."""
    return copy.deepcopy(module_starter_world)
