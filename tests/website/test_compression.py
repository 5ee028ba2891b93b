"""Public pages are sent compressed to browsers that accept it; nothing holding a secret is."""

import gzip

import brotli
import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import cache_control

from config.urls import urlpatterns as site_urlpatterns
from tests.support import pages
from website import compression

pytestmark = pytest.mark.usefixtures("world")

ARTICLE = "/guidance/crying-newborn/"  # the world's article
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}
# Every page type served to the public, HTML, XML and Atom alike.
PUBLIC = [
    page_type
    for page_type in pages.PAGE_TYPES
    if page_type.status == 200 and not page_type.content_type.startswith("text/plain")
]
LONG_TEXT = "A page long enough to be worth compressing. " * 40


def get(client, path, accept_encoding, **headers):
    return client.get(path, headers={"accept-encoding": accept_encoding, **headers})


@pytest.fixture
def plain_article(client):
    return client.get(ARTICLE).content


@pytest.mark.parametrize("page_type", pages.params(PUBLIC))
@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_public_pages_are_sent_compressed(client, world, page_type, encoding):
    url = page_type.url(world)
    plain = client.get(url)

    for _ in ("rendered", "from the cache"):
        response = get(client, url, encoding)

        assert response["Content-Encoding"] == encoding
        assert DECODE[encoding](response.content) == plain.content
        assert len(response.content) < len(plain.content) / 2
        assert int(response["Content-Length"]) == len(response.content)
        assert "Accept-Encoding" in response["Vary"]


@pytest.mark.parametrize(
    ("accept_encoding", "expected"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("BR;Q=0.0,GZIP;q=0.5", "gzip"),
        ("gzip;q=0.4, br;q=0.8", "br"),
        ("gzip;q=0.9, br;q=0.5", "gzip"),
        ("*", "br"),
        ("*;q=0.5, br;q=0", "gzip"),
        ("gzip;q=0, br;q=0", ""),
        ("*;q=0", ""),
        ("identity", ""),
        ("deflate", ""),
        ("", ""),
        ("gzip;q=nonsense", ""),
        ("br;q=nan, gzip;q=0", ""),
        (", ;;;=,==", ""),
        ("gzip, " * 200, ""),  # no browser sends this: not parsed
    ],
)
def test_the_encoding_is_the_one_the_browser_prefers(accept_encoding, expected):
    assert compression.negotiate(accept_encoding) == expected


@pytest.mark.parametrize("accept_encoding", ["", "identity", "gzip;q=0, br;q=0", "deflate"])
def test_a_browser_accepting_neither_gets_the_page_uncompressed(
    client, plain_article, accept_encoding
):
    for _ in ("rendered", "from the cache"):
        response = get(client, ARTICLE, accept_encoding)

        assert not response.has_header("Content-Encoding")
        assert response.content == plain_article
        assert "Accept-Encoding" in response["Vary"]


def test_each_encoding_has_its_own_etag(client):
    etags = {encoding: get(client, ARTICLE, encoding)["ETag"] for encoding in ("", "gzip", "br")}

    assert len(set(etags.values())) == 3
    assert etags["br"] == etags[""][:-1] + '-br"'


@pytest.mark.parametrize("encoding", ["", "gzip", "br"])
def test_a_revalidation_gets_304_for_its_own_encoding_only(client, encoding):
    first = get(client, ARTICLE, encoding)
    other = {"": "br", "gzip": "", "br": "gzip"}[encoding]

    again = get(client, ARTICLE, encoding, if_none_match=first["ETag"])
    switched = get(client, ARTICLE, other, if_none_match=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert switched.status_code == 200
    assert switched.get("Content-Encoding", "") == other


def test_a_revalidation_right_after_a_change_is_answered_from_a_full_render(
    client, world, django_capture_on_commit_callbacks
):
    first = get(client, ARTICLE, "br")
    with django_capture_on_commit_callbacks(execute=True):
        world.article.save()  # the same page, in a new content version

    again = get(client, ARTICLE, "br", if_none_match=first["ETag"])
    plain = get(client, ARTICLE, "")

    assert again.status_code == 304
    assert plain.status_code == 200 and plain.content  # the stored copy is the whole page


def test_a_head_request_gets_the_headers_of_the_compressed_page(client):
    got = get(client, ARTICLE, "br")
    head = client.head(ARTICLE, headers={"accept-encoding": "br"})

    assert head.status_code == 200
    assert head.content == b""
    for name in ("Content-Encoding", "Content-Length", "ETag", "Vary", "Cache-Control"):
        assert head[name] == got[name]


def test_small_bodies_are_left_alone(client):
    response = get(client, "/robots.txt", "br, gzip")

    assert len(response.content) < compression.MIN_SIZE
    assert not response.has_header("Content-Encoding")


def test_staff_pages_are_never_compressed(admin_client):
    for url in ("/admin/", ARTICLE):
        response = get(admin_client, url, "br, gzip")

        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url


def test_pages_that_are_not_public_are_not_compressed(client):
    response = get(client, "/guidance/nothing-here/", "br, gzip")

    assert response.status_code == 404
    assert not response.has_header("Content-Encoding")


# Views that carry something of the reader's own, for the tests below.


def sets_a_cookie(request):
    response = HttpResponse(LONG_TEXT)
    response.set_cookie("seen", "yes")
    return response


def shows_a_csrf_token(request):
    return HttpResponse(f"{LONG_TEXT}<input name=csrfmiddlewaretoken value={get_token(request)}>")


@cache_control(private=True)
def private_page(request):
    return HttpResponse(LONG_TEXT)


urlpatterns = [
    path("test/cookie/", sets_a_cookie),
    path("test/csrf/", shows_a_csrf_token),
    path("test/private/", private_page),
    *site_urlpatterns,
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/test/cookie/", "/test/csrf/", "/test/private/"])
def test_a_response_with_something_of_the_readers_own_is_never_compressed_nor_stored(client, url):
    for _ in range(2):
        response = get(client, url, "br, gzip")

        assert response.status_code == 200
        assert not response.has_header("Content-Encoding")
        assert "public" not in response["Cache-Control"]
        assert response.cookies or "private" in response["Cache-Control"]


def test_pages_are_compressed_with_the_page_cache_off(client, plain_article, settings):
    settings.PAGE_CACHE = False

    response = get(client, ARTICLE, "gzip")

    assert gzip.decompress(response.content) == plain_article
