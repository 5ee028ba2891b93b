"""Security headers on every public page type, the admin, the staff login and static files."""

import pytest
from django.db import connection
from django.db.utils import OperationalError

from guidance.models import Redirect
from tests.factories import make_article, make_page, make_stage, make_tip_page

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/",
    "/guidance/",
    "/guidance/?stage=newborn",
    "/guidance/crying/",
    "/tips/",
    "/tips/newborn-days/",
    "/help/",
    "/help/?nation=wales",
    "/search/?q=crying",
    "/about/",
    "/sitemap.xml",
    "/robots.txt",
    "/feed/",
    "/no-such-page/",
    "/a/999999/",
]
EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


@pytest.fixture
def site():
    make_stage(slug="newborn")
    make_article(slug="crying", title="Crying")
    make_tip_page(slug="newborn-days")
    make_page(slug="about")


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


@pytest.mark.parametrize("path", PUBLIC)
def test_every_public_page_type_sends_the_security_headers(client, site, path):
    response = client.get(path)

    assert response.status_code in (200, 404)
    assert_secure_headers(response)


@pytest.mark.parametrize("path", PUBLIC[:4])
def test_a_page_served_from_the_page_cache_keeps_its_headers(client, site, path):
    client.get(path)

    assert_secure_headers(client.get(path))


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/guidance/article/", "/admin/guidance/article/add/"]
)
def test_the_admin_sends_the_same_strict_headers(admin_client, path):
    response = admin_client.get(path)

    assert response.status_code == 200
    assert_secure_headers(response)


def test_the_staff_login_sends_the_same_strict_headers(client):
    response = client.get("/admin/", follow=True)

    assert response.status_code == 200
    assert_secure_headers(response)


def test_readers_get_no_cookies(client, site):
    for path in PUBLIC:
        assert not client.get(path).cookies, path


def test_the_health_check_sends_the_security_headers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert_secure_headers(response)


def test_the_health_check_sends_the_security_headers_when_the_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

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


def test_a_recorded_redirect_sends_the_security_headers(client, site):
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
