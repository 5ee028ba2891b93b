"""Share buttons without tracking (templates/sharing/share_buttons.html, static/js/share.js):
plain links with the page's title and absolute short link filled in, a leaflet and QR codes,
no script from anywhere else, and the same bytes for every visitor."""

import gzip
import re
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest

from tests.support.factories import make_article
from tests.support.markup import elements, links_to
from tests.support.tools import REPO

SHARE_JS = REPO / "static" / "js" / "share.js"


def _panel(response):
    html = response.content.decode()
    start = html.index('<section class="share"')
    return html[start : html.index("</section>", start) + len("</section>")]


def _href(panel, prefix):
    (found,) = [
        element["href"] for element in elements(panel, "a") if element["href"].startswith(prefix)
    ]
    return found


@pytest.fixture
def odd_article(world):
    return make_article(slug="odd-title", title="Crying & you: 100% normal? Yes/no #1 “quotes”")


@pytest.mark.django_db
def test_share_links_carry_the_encoded_title_and_short_link(client, odd_article):
    response = client.get("/guidance/odd-title/")

    panel = _panel(response)
    title, address = odd_article.title, f"http://testserver/a/{odd_article.pk}/"
    whatsapp = _href(panel, "https://wa.me/")
    assert whatsapp == "https://wa.me/?text=" + quote(f"{title} {address}", safe="")
    assert unquote(urlsplit(whatsapp).query.removeprefix("text=")) == f"{title} {address}"

    sms = _href(panel, "sms:")
    assert sms.startswith("sms:?&body=")
    assert unquote(sms.removeprefix("sms:?&body=")) == f"{title} {address}"

    mail = _href(panel, "mailto:")
    fields = parse_qs(urlsplit(mail).query)
    assert fields == {"subject": [title], "body": [f"{title}\r\n{address}"]}
    # Spaces as %20 and nothing left that a mail or SMS app could read as a separator.
    for link in (whatsapp, sms, mail):
        assert "+" not in link and " " not in link and "#" not in link
        assert "%25" in link  # the title's own "%"
    assert "&amp;body=" in panel  # the & between fields escaped in the HTML


@pytest.mark.django_db
def test_share_panel_links_to_the_leaflet_and_codes(client, world):
    response = client.get("/guidance/crying-newborn/")

    panel = _panel(response)
    assert links_to(panel, "/guidance/crying-newborn/leaflet/")
    assert links_to(panel, f"/a/{world.article.pk}/qr.svg")
    assert links_to(panel, f"/a/{world.article.pk}/qr.png")
    assert links_to(panel, f"http://testserver/a/{world.article.pk}/", **{"data-share-address": ""})
    assert "Print a one-page leaflet" in panel


@pytest.mark.django_db
def test_tip_page_shares_its_short_link(client, world):
    panel = _panel(client.get("/tips/settling/"))

    address = f"http://testserver/t/{world.tip_page.pk}/"
    (section,) = elements(panel, "section", class_="share")
    assert section["data-share-url"] == address
    assert section["data-share-title"] == "Settling your baby"
    assert links_to(panel, "/tips/settling/leaflet/")
    assert links_to(panel, f"/t/{world.tip_page.pk}/qr.png")
    assert _href(panel, "https://wa.me/").endswith(quote(address, safe=""))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "address", "leaflet", "title"),
    [
        ("/help/", "http://testserver/help/", "/help/leaflet/", "Where to get help"),
        (
            "/help/wales/",
            "http://testserver/help/wales/",
            "/help/wales/leaflet/",
            "Where to get help in Wales",
        ),
    ],
)
def test_help_page_shares_its_own_address(client, world, path, address, leaflet, title):
    panel = _panel(client.get(path))

    (section,) = elements(panel, "section", class_="share")
    assert section["data-share-url"] == address
    assert section["data-share-title"] == title
    assert links_to(panel, leaflet)
    assert links_to(panel, path + "qr.svg")
    assert links_to(panel, path + "qr.png")


@pytest.mark.django_db
def test_javascript_buttons_are_hidden_until_the_script_shows_them(client, world):
    panel = _panel(client.get("/guidance/crying-newborn/"))

    (js_part,) = elements(panel, "p", class_="share__js")
    assert "hidden" in js_part
    (native,) = [button for button in elements(panel, "button") if "data-share-native" in button]
    assert "hidden" in native
    # Without JavaScript the short link is there as text to select.
    assert re.search(r"data-share-address>http://testserver/a/\d+/</a>", panel)


@pytest.mark.django_db
def test_share_panel_is_csp_safe_and_calls_no_one(client, world):
    response = client.get("/guidance/crying-newborn/")
    html = response.content.decode()
    panel = _panel(response)

    assert "<script" not in panel
    assert not re.search(r"\son[a-z]+=", panel)
    assert "style=" not in panel
    for script in elements(html, "script"):
        if script.get("type") == "application/ld+json":
            continue
        assert script["src"].startswith("/static/"), script
    assert elements(html, "script", src="/static/js/share.js", defer="")
    # Sharing links go elsewhere only when tapped: no image, frame or style from another site.
    for tag, attribute in (("img", "src"), ("iframe", "src"), ("link", "href")):
        for element in elements(html, tag):
            address = element.get(attribute, "")
            assert address.startswith(("/", "http://testserver/")), element
            assert not address.startswith("//"), element


@pytest.mark.django_db
def test_share_panel_is_the_same_for_every_visitor(client, world):
    first = _panel(client.get("/guidance/crying-newborn/"))
    client.cookies["someone"] = "else"
    second = _panel(client.get("/guidance/crying-newborn/?utm_source=whatsapp"))

    assert first == second


def test_share_script_is_small_deferred_and_strict():
    source = SHARE_JS.read_text(encoding="utf-8")

    assert len(gzip.compress(source.encode())) <= 5 * 1024
    assert '"use strict"' in source
    # It sends nothing anywhere and writes no markup.
    for word in ("fetch(", "XMLHttpRequest", "sendBeacon", "innerHTML", "eval(", "cookie"):
        assert word not in source
