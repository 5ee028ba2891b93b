"""ETags of rendered pages: SHA-1 of the body (config.middleware.ConditionalGetMiddleware), and
the 304 that a matching one gets."""

import hashlib

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered(settings):
    settings.PAGE_CACHE = False  # each response rendered, its ETag worked out afresh


def test_a_rendered_page_has_the_sha1_of_its_body_as_etag(client):
    response = client.get("/help/")

    assert response.status_code == 200
    assert response["ETag"] == f'"{hashlib.sha1(response.content).hexdigest()}"'


def test_the_etag_brings_a_304_and_a_changed_one_the_page(client):
    etag = client.get("/help/")["ETag"]

    assert client.get("/help/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/help/", headers={"if-none-match": '"other"'}).status_code == 200


def test_a_post_gets_no_etag(client):
    response = client.post("/search/", {"q": "sleep"})

    assert not response.has_header("ETag")
