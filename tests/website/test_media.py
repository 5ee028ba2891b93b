"""Uploaded pictures served by the app: only the picture types our uploads make, sandboxed."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db

SCRIPT = b"<script>alert(document.cookie)</script>"


@pytest.mark.parametrize(
    "name",
    [
        "images/2026/11/page.html",
        "images/2026/11/page.htm",
        "images/2026/11/app.js",
        "images/2026/11/drawing.svg",
        "images/2026/11/notes.txt",
        "images/2026/11/no-extension",
        "images/2026/11/.hidden.jpg",
        "images/2026/11/page.html.JPG",
    ],
)
def test_files_our_uploads_never_make_are_not_served(client, name):
    default_storage.save(name, ContentFile(SCRIPT))

    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("images/2026/11/0123abcd.jpg", "image/jpeg"),
        ("images/2026/11/0123abcd.jpeg", "image/jpeg"),
        ("images/2026/11/0123abcd.png", "image/png"),
        ("images/2026/11/0123abcd-320w-1a2b3c4d.webp", "image/webp"),
    ],
)
def test_pictures_are_served_as_pictures_in_a_sandbox(client, name, content_type):
    # Even a script saved under a picture's name is only ever a picture to the browser.
    default_storage.save(name, ContentFile(SCRIPT))

    response = client.get(f"/media/{name}")
    response.close()

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_picture_not_modified_is_answered_with_304(client):
    default_storage.save("images/2026/11/0123abcd.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    first = client.get("/media/images/2026/11/0123abcd.png")
    first.close()

    again = client.get(
        "/media/images/2026/11/0123abcd.png", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )

    assert again.status_code == 304
