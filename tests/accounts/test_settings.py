"""Production settings, checked in a fresh interpreter with a production-like environment.

The module's commands start together (see tests/support/processes.py); each test reads its own.
"""

import json
import secrets
import sys

import pytest

from tests.support.processes import Started, environment, stop_all

PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DJANGO_LOG_LEVEL": "WARNING",
}


def manage(*args, **env_overrides):
    """``manage.py`` with DEBUG off and none of this machine's DJANGO_* variables."""
    env = environment(lambda name: name.startswith("DJANGO_"), {**PRODUCTION, **env_overrides})
    return Started([sys.executable, "manage.py", *args], env)


def evaluate(expression, **env_overrides):
    """A Python expression's value, printed as JSON, with Django set up in a fresh interpreter."""
    code = f"import json; print('RESULT=' + json.dumps({expression}))"
    return manage("shell", "--no-imports", "-c", code, **env_overrides)


def value(started):
    result = started.result()
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT="))
    return json.loads(line.removeprefix("RESULT="))


SECURE_SETTINGS = (
    "[getattr(settings, name) for name in ('SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', "
    "'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
    "'SECURE_HSTS_PRELOAD')]"
)
IMPORT_SETTINGS = "__import__('django.conf').conf.settings"
ADMIN_URLS = (
    "[__import__('django.urls').urls.reverse(name) for name in "
    "('admin:index', 'accounts:login', 'accounts:verify')]"
)
CLIENT_ADDRESS = (
    "__import__('axes.helpers').helpers.get_client_ip_address("
    "__import__('django.test').test.RequestFactory().post('/', REMOTE_ADDR='10.0.0.2', "
    "HTTP_X_FORWARDED_FOR='6.6.6.6, 81.2.69.160'))"
)


def secure_settings(**env_overrides):
    return evaluate(SECURE_SETTINGS.replace("settings", IMPORT_SETTINGS, 1), **env_overrides)


@pytest.fixture(scope="module")
def started():
    commands = {
        "deploy check": manage("check", "--deploy", "--fail-level", "WARNING"),
        "secure": secure_settings(),
        "secure, no preload": secure_settings(DJANGO_SECURE_HSTS_PRELOAD="0"),
        "secure 0": secure_settings(DJANGO_SECURE="0"),
        "secure, debug": secure_settings(DJANGO_DEBUG="1"),
        "admin urls": evaluate(ADMIN_URLS, DJANGO_ADMIN_PATH="/staff-7f3k/"),
        "broken admin path": manage("check", DJANGO_ADMIN_PATH="<script>/"),
        "client": evaluate(CLIENT_ADDRESS),
        "client behind a proxy": evaluate(CLIENT_ADDRESS, DJANGO_BEHIND_PROXY="1"),
        "client behind two proxies": evaluate(
            CLIENT_ADDRESS, DJANGO_BEHIND_PROXY="1", DJANGO_PROXY_COUNT="2"
        ),
    }
    yield commands
    stop_all(commands)


def test_production_settings_pass_the_deploy_check(started):
    result = started["deploy check"].result()

    assert result.returncode == 0, result.stdout + result.stderr


def test_https_only_is_the_default_without_debug(started):
    assert value(started["secure"]) == [True, True, True, 31536000, True, True]


def test_preload_can_be_turned_off(started):
    assert value(started["secure, no preload"])[-1] is False


def test_secure_0_turns_https_only_off_for_local_runs(started):
    assert value(started["secure 0"]) == [False, False, False, 0, False, False]


def test_debug_turns_https_only_off(started):
    assert value(started["secure, debug"])[:4] == [False, False, False, 0]


def test_the_admin_path_moves_the_admin_and_the_staff_login(started):
    urls = value(started["admin urls"])

    assert urls == ["/staff-7f3k/", "/staff-7f3k/account/login/", "/staff-7f3k/account/login/code/"]


def test_a_broken_admin_path_is_refused(started):
    result = started["broken admin path"].result()

    assert result.returncode != 0
    assert "DJANGO_ADMIN_PATH" in result.stderr


def test_lock_out_ignores_x_forwarded_for_by_default(started):
    assert value(started["client"]) == "10.0.0.2"


def test_behind_a_proxy_the_lock_out_uses_the_address_the_proxy_saw(started):
    # The proxy appended 81.2.69.160; the 6.6.6.6 before it came from the client, maybe forged.
    assert value(started["client behind a proxy"]) == "81.2.69.160"
    assert value(started["client behind two proxies"]) == "6.6.6.6"
