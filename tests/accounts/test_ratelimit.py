"""The per-address limit on login POSTs: cheap refusals, shared counts, no address kept."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache
from django.urls import reverse

from accounts import ratelimit
from tests.support.accounts import enter_code, enter_password

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limit(settings, monkeypatch):
    settings.LOGIN_RATE_LIMIT = 3
    settings.LOGIN_RATE_WINDOW = 60
    # The clock stands still at the start of a window: a test's posts can never straddle two
    # windows (a test may move the clock itself).
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_000.0)


@pytest.fixture
def hashing(monkeypatch):
    """Counts password hashes: a refused attempt must not cost one."""
    calls = []
    original = PBKDF2PasswordHasher.encode

    def counted(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PBKDF2PasswordHasher, "encode", counted)
    return calls


def test_login_posts_over_the_limit_get_429_before_any_password_is_hashed(
    client, settings, staff, hashing
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    answers = [enter_password(client, username=f"made-up-{n}").status_code for n in range(5)]
    hashed = len(hashing)

    refused = enter_password(client, username="made-up-again")

    assert answers[:3] == [200, 200, 200]
    assert answers[3:] == [429, 429]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "no-store" in refused["Cache-Control"]
    assert len(hashing) == hashed  # the refused attempt hashed nothing


def test_the_code_step_shares_the_limit(client, staff):
    for _ in range(3):
        enter_password(client, password="wrong")

    assert enter_code(client, "123456").status_code == 429


def test_each_address_has_its_own_count(client, staff):
    for _ in range(3):
        enter_password(client, password="wrong", REMOTE_ADDR="192.0.2.1")

    assert enter_password(client, password="wrong", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert enter_password(client, password="wrong", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_reading_the_login_page_is_never_limited(client):
    for _ in range(10):
        assert client.get(reverse("accounts:login")).status_code == 200


def test_the_count_starts_again_in_the_next_window(client, staff, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    for _ in range(3):
        enter_password(client, password="wrong")
    assert enter_password(client, password="wrong").status_code == 429

    now[0] += 60

    assert enter_password(client, password="wrong").status_code == 200


def test_no_address_is_kept_in_the_cache(client, staff):
    enter_password(client, password="wrong", REMOTE_ADDR="198.51.100.7")

    keys = list(cache._cache.keys())  # the tests' in-memory cache
    assert keys
    assert not any("198.51.100.7" in key for key in keys)


def test_a_post_from_someone_not_signed_in_is_limited_anywhere(client):
    statuses = [client.post("/search/", {"q": "x"}).status_code for _ in range(5)]

    assert statuses[-1] == 429
    assert 429 not in statuses[:3]


def test_staff_working_in_the_admin_are_not_limited(admin_client):
    url = reverse("admin:search_synonym_add")
    statuses = [
        admin_client.post(url, {"term": f"word{n}", "also_means": "parent"}).status_code
        for n in range(6)
    ]

    assert 429 not in statuses


def test_a_limit_of_zero_turns_it_off(client, settings, staff):
    settings.LOGIN_RATE_LIMIT = 0

    # Different names each time, so django-axes' own lock-out (also a 429) stays out of it.
    statuses = [enter_password(client, username=f"name-{n}").status_code for n in range(6)]

    assert 429 not in statuses
