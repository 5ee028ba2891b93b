import datetime

import pytest
from django.utils import timezone


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a fresh folder per test, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_static_storage(settings, tmp_path):
    """Serve static names unhashed: tests must not depend on a prior collectstatic."""
    # WhiteNoise warns (an error here) when STATIC_ROOT is missing, as it is in a fresh clone.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def past():
    return timezone.now() - datetime.timedelta(days=1)


@pytest.fixture
def future():
    return timezone.now() + datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Staff users are made per test; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def isolated_cache(settings):
    """Each test gets an empty in-memory cache, so cached pages never leak between tests."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def verified_client(user):
    """A test client signed in as ``user`` with both factors, as the admin requires."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    device = TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


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
    """The role groups as the migrations make them (a test that empties the database drops them)."""
    from django.contrib.auth.models import Group, Permission

    from editorial import roles

    roles.grant_roles(Group, Permission)


@pytest.fixture
def client_for(django_user_model, staff_client, role_groups):
    """``client_for(role)``: a two-factor signed-in member of staff in that group only."""
    from django.contrib.auth.models import Group

    def make(role):
        username = role.lower().replace(" ", "_")
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "a long test password", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        return staff_client(user)

    return make
