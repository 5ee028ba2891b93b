"""Production settings, checked in a fresh interpreter with a production-like environment."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

PROJECT_ROOT = settings.BASE_DIR
PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DJANGO_LOG_LEVEL": "WARNING",
}


def manage(*args, **env_overrides):
    """``manage.py`` with DEBUG off and none of this machine's DJANGO_* variables."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(PRODUCTION, **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def evaluate(expression, **env_overrides):
    """The value of a Python expression (as JSON) with Django set up in a fresh interpreter."""
    code = f"import json; print('RESULT=' + json.dumps({expression}))"
    result = manage("shell", "--no-imports", "-c", code, **env_overrides)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT="))
    return json.loads(line.removeprefix("RESULT="))


SECURE_SETTINGS = (
    "[getattr(settings, name) for name in ('SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', "
    "'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
    "'SECURE_HSTS_PRELOAD')]"
)
IMPORT_SETTINGS = "__import__('django.conf').conf.settings"


def secure_settings(**env_overrides):
    return evaluate(SECURE_SETTINGS.replace("settings", IMPORT_SETTINGS, 1), **env_overrides)


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr


def test_https_only_is_the_default_without_debug():
    assert secure_settings() == [True, True, True, 31536000, True, True]


def test_preload_can_be_turned_off():
    assert secure_settings(DJANGO_SECURE_HSTS_PRELOAD="0")[-1] is False


def test_secure_0_turns_https_only_off_for_local_runs():
    assert secure_settings(DJANGO_SECURE="0") == [False, False, False, 0, False, False]


def test_debug_turns_https_only_off():
    assert secure_settings(DJANGO_DEBUG="1")[:4] == [False, False, False, 0]


def test_the_admin_path_moves_the_admin_and_the_staff_login():
    urls = evaluate(
        "[__import__('django.urls').urls.reverse(name) for name in "
        "('admin:index', 'accounts:login', 'accounts:verify')]",
        DJANGO_ADMIN_PATH="/staff-7f3k/",
    )

    assert urls == ["/staff-7f3k/", "/staff-7f3k/account/login/", "/staff-7f3k/account/login/code/"]


def test_a_broken_admin_path_is_refused():
    result = manage("check", DJANGO_ADMIN_PATH="<script>/")

    assert result.returncode != 0
    assert "DJANGO_ADMIN_PATH" in result.stderr


CLIENT_ADDRESS = (
    "__import__('axes.helpers').helpers.get_client_ip_address("
    "__import__('django.test').test.RequestFactory().post('/', REMOTE_ADDR='10.0.0.2', "
    "HTTP_X_FORWARDED_FOR='6.6.6.6, 81.2.69.160'))"
)


def test_lock_out_ignores_x_forwarded_for_by_default():
    assert evaluate(CLIENT_ADDRESS) == "10.0.0.2"


def test_behind_a_proxy_the_lock_out_uses_the_address_the_proxy_saw():
    # The proxy appended 81.2.69.160; the 6.6.6.6 before it came from the client, maybe forged.
    assert evaluate(CLIENT_ADDRESS, DJANGO_BEHIND_PROXY="1") == "81.2.69.160"
    assert evaluate(CLIENT_ADDRESS, DJANGO_BEHIND_PROXY="1", DJANGO_PROXY_COUNT="2") == "6.6.6.6"
