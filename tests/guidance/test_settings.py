import os
import subprocess
import sys

from django.conf import settings

PROJECT_ROOT = settings.BASE_DIR


def start_django(**env_overrides):
    """Set up Django in a fresh interpreter with production-like environment variables."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_DEBUG", "DJANGO_SECRET_KEY"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = start_django()

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_an_empty_secret_key_counts_as_missing():
    result = start_django(DJANGO_SECRET_KEY="")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = start_django(DJANGO_SECRET_KEY="a-long-random-production-like-secret-key")

    assert result.returncode == 0, result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = start_django(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr


def manage(*args, **env_overrides):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_DEBUG", "DJANGO_SECRET_KEY"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_missing_migrations_check_needs_no_secret_key():
    result = manage("makemigrations", "--check", "--dry-run")

    assert result.returncode == 0, result.stderr


def test_commands_that_touch_data_still_refuse_without_a_secret_key():
    result = manage("migrate", "--plan")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
