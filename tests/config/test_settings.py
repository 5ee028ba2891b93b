"""Settings read in a fresh interpreter: production refuses to start without a secret key, and
the commands that need none still run. The module's commands start together (see
tests/support/processes.py)."""

import sys

import pytest

from tests.support.processes import Started, django_started, environment, stop_all


def manage_started(*args, **env_overrides):
    env = environment(lambda name: name in {"DJANGO_DEBUG", "DJANGO_SECRET_KEY"}, env_overrides)
    return Started([sys.executable, "manage.py", *args], env)


@pytest.fixture(scope="module")
def started():
    commands = {
        "no key": django_started(),
        "empty key": django_started(DJANGO_SECRET_KEY=""),
        "a key": django_started(DJANGO_SECRET_KEY="a-long-random-production-like-secret-key"),
        "debug": django_started(DJANGO_DEBUG="1"),
        "migrations check": manage_started("makemigrations", "--check", "--dry-run"),
        "migrate plan": manage_started("migrate", "--plan"),
    }
    yield commands
    stop_all(commands)


def test_production_settings_refuse_to_start_without_a_secret_key(started):
    result = started["no key"].result()

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_an_empty_secret_key_counts_as_missing(started):
    result = started["empty key"].result()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_start_with_a_secret_key(started):
    result = started["a key"].result()

    assert result.returncode == 0, result.stderr


def test_debug_mode_starts_without_a_secret_key(started):
    result = started["debug"].result()

    assert result.returncode == 0, result.stderr


def test_the_missing_migrations_check_needs_no_secret_key(started):
    result = started["migrations check"].result()

    assert result.returncode == 0, result.stderr


def test_commands_that_touch_data_still_refuse_without_a_secret_key(started):
    result = started["migrate plan"].result()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
