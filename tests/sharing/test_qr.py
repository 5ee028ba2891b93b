"""QR codes alone, as SVG and PNG files (sharing/leaflets.py, sharing/qr.py): each holds a
page's permanent address, absolute, and only a published page has one."""

import io
import xml.etree.ElementTree as ElementTree

import pytest
import segno
from PIL import Image

from sharing import qr

SVG_NS = "{http://www.w3.org/2000/svg}"


def _own_code(address):
    """segno's own code for ``address``, made as sharing/qr.py makes it (it cannot decode)."""
    return segno.make(address, error=qr.ERROR, micro=False)


def _svg_path_data(markup):
    """The dark modules of an SVG code, as path data (the light background path left out)."""
    root = ElementTree.fromstring(markup)
    found = [path.get("d") for path in root.iter(f"{SVG_NS}path") if path.get("stroke")]
    assert found, "no dark modules in the SVG"
    return found


def _expected_path_data(address):
    out = io.BytesIO()
    _own_code(address).save(out, kind="svg", scale=qr.SVG_SCALE, border=qr.BORDER, lineclass=None)
    return _svg_path_data(out.getvalue())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "address"),
    [
        ("/a/{article.pk}/qr.svg", "http://testserver/a/{article.pk}/"),
        ("/t/{tip_page.pk}/qr.svg", "http://testserver/t/{tip_page.pk}/"),
        ("/help/wales/qr.svg", "http://testserver/help/wales/"),
        ("/help/qr.svg", "http://testserver/help/"),
    ],
)
def test_svg_code_is_a_standalone_svg_of_the_absolute_address(client, world, path, address):
    response = client.get(path.format(article=world.article, tip_page=world.tip_page))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SVG_NS}svg"
    expected = address.format(article=world.article, tip_page=world.tip_page)
    assert _svg_path_data(response.content) == _expected_path_data(expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/a/{article.pk}/qr.png", "/t/{tip_page.pk}/qr.png", "/help/northern-ireland/qr.png"]
)
def test_png_code_opens_as_an_image_of_the_right_size(client, world, path):
    response = client.get(path.format(article=world.article, tip_page=world.tip_page))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.verify()
    address = "http://testserver" + path.format(
        article=world.article, tip_page=world.tip_page
    ).removesuffix("qr.png")
    assert image.format == "PNG"
    assert image.size == _own_code(address).symbol_size(scale=10, border=qr.BORDER)
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert response["Content-Disposition"].endswith('.png"')


@pytest.mark.django_db
def test_png_pixels_are_segnos_own_code(client, world):
    response = client.get(f"/a/{world.article.pk}/qr.png")

    address = f"http://testserver/a/{world.article.pk}/"
    ours = Image.open(io.BytesIO(response.content)).convert("1")
    out = io.BytesIO()
    _own_code(address).save(out, kind="png", scale=10, border=qr.BORDER)
    theirs = Image.open(io.BytesIO(out.getvalue())).convert("1")
    assert ours.tobytes() == theirs.tobytes()


@pytest.mark.django_db
def test_codes_of_short_links_are_cached_for_a_long_time(client, world):
    response = client.get(f"/a/{world.article.pk}/qr.svg")

    assert "public" in response["Cache-Control"]
    assert f"max-age={qr.MAX_AGE}" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/a/{world.draft_article.pk}/qr.svg",
        "/a/{world.scheduled_article.pk}/qr.png",
        "/t/{world.draft_tip_page.pk}/qr.svg",
        "/a/999999/qr.svg",
        "/t/999999/qr.png",
        "/help/atlantis/qr.svg",
        "/help/wales/qr.gif",
        "/a/{world.article.pk}/qr.jpeg",
        "/a/-1/qr.svg",
        "/a/99999999999999999999999999/qr.png",
    ],
)
def test_no_code_for_a_page_that_is_not_public(client, world, path):
    response = client.get(path.format(world=world))

    assert response.status_code == 404


@pytest.mark.django_db
def test_code_names_its_host_as_the_canonical_link_does(client, world, settings):
    settings.ALLOWED_HOSTS = ["littlevoices.example.org"]
    response = client.get(
        f"/a/{world.article.pk}/qr.svg", HTTP_HOST="littlevoices.example.org", secure=True
    )

    expected = f"https://littlevoices.example.org/a/{world.article.pk}/"
    assert _svg_path_data(response.content) == _expected_path_data(expected)


def test_inline_svg_scales_and_is_named_when_titled():
    markup = qr.svg("https://example.org/a/1/", title="QR code <of> this")

    assert markup.startswith("<svg ")
    assert 'viewBox="0 0 ' in markup
    assert 'role="img"' in markup
    assert "<title>QR code &lt;of&gt; this</title>" in markup
    assert 'role="img"' not in qr.svg("https://example.org/a/1/")


def test_qr_response_refuses_an_unknown_format():
    with pytest.raises(ValueError):
        qr.qr_response("https://example.org/a/1/", "gif")
