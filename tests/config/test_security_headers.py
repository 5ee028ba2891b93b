"""Security headers on every public page type, the admin, the staff login and static files."""

import pytest

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


def assert_secure_headers(response):
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
