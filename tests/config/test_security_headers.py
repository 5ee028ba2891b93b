"""Security headers on every public page type, the admin, the staff login and static files."""

import pytest
from django.db import connection
from django.db.utils import OperationalError

from editorial import roles
from guidance.models import Redirect
from tests.support import pages

# Every test here runs in the test world, built once for the module (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("world")

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def assert_secure_headers(response, *, hsts=False):
    csp = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    for directive, value in EXPECTED_CSP.items():
        assert csp[directive] == value, directive
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    assert "Server" not in response
    if hsts:
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize("page_type", pages.params())
def test_every_public_page_type_sends_the_security_headers(client, world, page_type):
    response = client.get(page_type.url(world))

    assert response.status_code == page_type.status
    assert_secure_headers(response)


@pytest.mark.parametrize("page_type", pages.params())
def test_a_page_served_from_the_page_cache_keeps_its_headers(client, world, page_type):
    client.get(page_type.url(world))

    assert_secure_headers(client.get(page_type.url(world)))


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/guidance/article/", "/admin/guidance/article/add/"]
)
def test_the_admin_sends_the_same_strict_headers(admin_client, path):
    response = admin_client.get(path)

    assert response.status_code == 200
    assert_secure_headers(response)


@pytest.mark.parametrize("role", roles.ROLES)
def test_the_admin_sends_the_same_strict_headers_to_every_role(staff_client, world, role):
    response = staff_client(world.staff[role]).get("/admin/")

    assert response.status_code == 200
    assert_secure_headers(response)


def test_the_staff_login_sends_the_same_strict_headers(client):
    response = client.get("/admin/", follow=True)

    assert response.status_code == 200
    assert_secure_headers(response)


def test_readers_get_no_cookies(client, world):
    for page_type in pages.PAGE_TYPES:
        assert not client.get(page_type.url(world)).cookies, page_type.name


def test_the_health_check_sends_the_security_headers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert_secure_headers(response)


def test_the_health_check_sends_the_security_headers_when_the_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    # Put back before the test's savepoint is rolled back, which needs a cursor.
    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")

    assert response.status_code == 503
    assert_secure_headers(response)


def test_the_health_check_sends_hsts_over_https_and_still_answers_by_ip_over_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000

    over_https = client.get("/healthz", secure=True)
    by_ip = client.get("/healthz", headers={"host": "10.0.0.7:8000"})

    assert over_https.status_code == 200
    assert_secure_headers(over_https, hsts=True)
    assert by_ip.status_code == 200
    assert_secure_headers(by_ip)


def test_a_recorded_redirect_sends_the_security_headers(client, world):
    Redirect.objects.create(old_path="/old-about/", new_path="/about/")

    response = client.get("/old-about/")

    assert response.status_code == 301
    assert response["Location"] == "/about/"
    assert_secure_headers(response)


def test_the_redirect_to_https_sends_the_security_headers(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/help/")

    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert_secure_headers(response)


def test_a_static_file_sends_the_security_headers(client, settings):
    # WhiteNoise serves what is in STATIC_ROOT when the client's first request loads it.
    (settings.STATIC_ROOT / "site.css").write_text("body { margin: 0 }")

    response = client.get(f"{settings.STATIC_URL}site.css")
    response.close()

    assert response.status_code == 200
    assert_secure_headers(response)
