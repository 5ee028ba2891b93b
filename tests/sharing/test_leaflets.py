"""One-page leaflets (sharing/leaflets.py): what each holds for a parent on paper, which pages
have one, and that no query string can break one. Printing to one A4 sheet is checked in a real
browser (tests/browser/test_leaflet_print.py)."""

import re

import pytest
import segno
from pytest_django.asserts import assertContains, assertNotContains

from core import contentversion
from guidance.models import Nation, ResourceKind, Urgency
from sharing import qr
from tests.support.factories import make_article, make_resource
from tests.support.markup import assert_public_page, elements, links_to
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


def _leaflet(response):
    html = response.content.decode()
    start = html.index('<article class="leaflet">')
    return html[start : html.index("</article>", start)]


def _urgent(response):
    leaflet = _leaflet(response)
    start = leaflet.index('<section class="leaflet__urgent"')
    return leaflet[start : leaflet.index("</section>", start)]


def _dark_modules(address):
    """The path data of segno's own code for ``address`` (segno cannot decode a code)."""
    markup = segno.make(address, error=qr.ERROR, micro=False).svg_inline(
        scale=qr.SVG_SCALE, border=qr.BORDER, dark="#000", lineclass=None
    )
    return re.search(r'<path [^>]*stroke="#000" d="([^"]+)"', markup)[1]


def test_article_leaflet_holds_title_in_brief_and_review(client, world):
    response = client.get("/guidance/crying-newborn/leaflet/")

    assert response.status_code == 200
    assert_public_page(response)
    leaflet = _leaflet(response)
    assert "<h1" in leaflet and "Why newborns cry" in leaflet
    assert "Crying is how newborns talk to you." in leaflet
    assert "<li>Crying peaks around 6 weeks</li>" in leaflet
    assert "<li>You cannot spoil a newborn</li>" in leaflet
    assert "Dr Sam Lee, clinical psychologist" in leaflet
    assert "15 January 2025" in leaflet
    assert "Little Voices" in leaflet
    # The body is for the page itself, not the leaflet.
    assert "Your baby is telling you something." not in leaflet


def test_leaflet_code_holds_the_absolute_short_link(client, world):
    response = client.get("/guidance/crying-newborn/leaflet/")

    address = f"http://testserver/a/{world.article.pk}/"
    leaflet = _leaflet(response)
    assert f'd="{_dark_modules(address)}"' in leaflet
    assert links_to(leaflet, address)
    (code,) = elements(leaflet, "svg", role="img")
    assert "viewbox" in code  # as the parser spells it


def test_leaflet_code_follows_the_host(client, world, settings):
    settings.ALLOWED_HOSTS = ["littlevoices.example.org"]
    response = client.get(
        "/guidance/crying-newborn/leaflet/", HTTP_HOST="littlevoices.example.org", secure=True
    )

    address = f"https://littlevoices.example.org/a/{world.article.pk}/"
    assert f'd="{_dark_modules(address)}"' in _leaflet(response)


def test_leaflet_without_a_nation_gives_the_uk_wide_lines(client, world):
    response = client.get("/guidance/crying-newborn/leaflet/")

    urgent = _urgent(response)
    assert links_to(urgent, "tel:999")
    assert links_to(urgent, "tel:111")
    assert "Your GP or health visitor" in urgent
    assert "in Northern Ireland, call your GP practice" in urgent
    assert urgent.count("<li>") == 3
    assert "NHS 111 England" not in urgent


def test_leaflet_for_a_nation_gives_its_three_most_urgent_lines(client, world):
    make_resource(
        slug="silent-999",
        name="Silent Solution",
        kind=ResourceKind.EMERGENCY,
        urgency=Urgency.NOW,
        phone="999",
    )
    make_resource(
        slug="welsh-crisis",
        name="Welsh crisis text",
        kind=ResourceKind.TEXT,
        urgency=Urgency.TODAY,
        text_number="85258",
        nations=["wales"],
    )
    make_resource(
        slug="welsh-late",
        name="Fourth line in Wales",
        kind=ResourceKind.HELPLINE,
        urgency=Urgency.TODAY,
        phone="0808 801 0800",
        order=99,
        nations=["wales"],
    )

    response = client.get("/guidance/crying-newborn/leaflet/?nation=wales")

    urgent = _urgent(response)
    assert "in Wales" in urgent
    assert urgent.count("<li>") == 3
    assert "Emergency services" in urgent
    # The same number again adds nothing on paper.
    assert "Silent Solution" not in urgent
    assert "NHS 111 England" in urgent and links_to(urgent, "tel:111")
    assert "Welsh crisis text" in urgent and "text 85258" in urgent
    assert "Fourth line in Wales" not in urgent
    assert "Scottish" not in urgent


def test_leaflet_nation_links_point_at_each_nation(client, world):
    response = client.get("/guidance/crying-newborn/leaflet/?nation=scotland")

    for nation in Nation:
        assert links_to(response, f"/guidance/crying-newborn/leaflet/?nation={nation.value}")
    assert links_to(response, "/guidance/crying-newborn/leaflet/")
    assert links_to(
        response, "/guidance/crying-newborn/leaflet/?nation=scotland", **{"aria-current": "page"}
    )


def test_leaflet_page_cache_keeps_each_nation_apart(client, world, settings):
    settings.PAGE_CACHE = True
    uk_wide = client.get("/guidance/crying-newborn/leaflet/")
    welsh = client.get("/guidance/crying-newborn/leaflet/?nation=wales")
    unknown = client.get("/guidance/crying-newborn/leaflet/?nation=atlantis")

    assert "NHS 111 England" not in _urgent(uk_wide)
    assert "NHS 111 England" in _urgent(welsh)
    assert _urgent(unknown) == _urgent(uk_wide)


def test_leaflet_prints_the_button_with_a_hint_for_no_javascript(client, world):
    response = client.get("/guidance/crying-newborn/leaflet/")

    (button,) = elements(response, "button", type="button")
    assert "data-print" in button and "hidden" in button
    assertContains(response, "use your browser's Print command")
    # A printable copy: search engines are sent to the page itself rather than told to skip it.
    assertContains(
        response,
        '<link rel="canonical" href="http://testserver/guidance/crying-newborn/">',
        html=True,
    )
    assertNotContains(response, 'name="robots"')
    assert links_to(response, "/guidance/crying-newborn/")


def test_tip_page_leaflet_holds_intro_and_first_tips(client, world):
    response = client.get("/tips/settling/leaflet/")

    assert response.status_code == 200
    assert_public_page(response)
    leaflet = _leaflet(response)
    assert "Settling your baby" in leaflet
    assert "What your baby might tell you at bedtime." in leaflet
    assert "When your voice is slow and soft, my body starts to settle." in leaflet
    assert "Hum a low, slow tune while you hold me." in leaflet
    assert "<p>" not in leaflet.split("Try this:")[1].split("</li>")[0]
    assert f'd="{_dark_modules(f"http://testserver/t/{world.tip_page.pk}/")}"' in leaflet
    assert "Scan the QR code for all the tips." not in leaflet


def test_tip_page_leaflet_says_when_there_are_more_tips(client, world):
    from tests.support.factories import make_tip_page

    make_tip_page(slug="many-tips", title="Many tips", tips=5)

    response = client.get("/tips/many-tips/leaflet/")

    assert _leaflet(response).count('class="leaflet__says"') == 3
    assertContains(response, "Scan the QR code for all the tips.")


@pytest.mark.parametrize("nation", list(Nation))
def test_help_leaflet_of_each_nation(client, world, nation):
    response = client.get(f"/help/{nation.value}/leaflet/")

    assert response.status_code == 200
    assert_public_page(response)
    leaflet = _leaflet(response)
    assert f"Where to get help in {nation.label}" in leaflet
    assert f"If you need help now in {nation.label}" in leaflet
    assert "Emergency services" in _urgent(response)
    assert f'd="{_dark_modules(f"http://testserver/help/{nation.value}/")}"' in leaflet
    assert "Draft Line" not in leaflet


def test_help_leaflet_lists_more_places_of_that_nation_only(client, world):
    make_resource(name="Welsh Parent Phone", phone="0808 801 0800", nations=["wales"])
    make_resource(name="Scots Parent Phone", phone="0808 801 0801", nations=["scotland"])
    make_resource(name="Text For Parents", text_number="85258")
    make_resource(name="Your health visitor", kind=ResourceKind.PROFESSIONAL)
    make_resource(name="An app", kind=ResourceKind.APP, urgency=Urgency.ANY_TIME)

    response = client.get("/help/wales/leaflet/")

    leaflet = _leaflet(response)
    more = leaflet[leaflet.index("More places to get help") :]
    assert "Welsh Parent Phone" in more and links_to(more, "tel:+448088010800")
    assert "Text For Parents" in more and "text 85258" in more
    assert "Your health visitor" in more
    # Only what a parent can reach from paper: a number, or a professional they know.
    assert "An app" not in more
    assert "Scots Parent Phone" not in leaflet


def test_uk_help_leaflet_gives_uk_wide_lines_and_services(client, world):
    make_resource(name="UK Parent Phone", phone="0808 801 0802")
    make_resource(name="Welsh Parent Phone", phone="0808 801 0800", nations=["wales"])

    response = client.get("/help/leaflet/")

    assert response.status_code == 200
    leaflet = _leaflet(response)
    assert "Where to get help" in leaflet
    assert "Your GP or health visitor" in _urgent(response)
    assert "UK Parent Phone" in leaflet
    assert "Welsh Parent Phone" not in leaflet
    assert f'd="{_dark_modules("http://testserver/help/")}"' in leaflet


def test_leaflet_without_review_says_when_it_was_updated(client, world):
    article = make_article(slug="unreviewed", title="Not reviewed yet")

    response = client.get("/guidance/unreviewed/leaflet/")

    assertContains(response, f"Last updated on {article.updated_at:%-d %B %Y}")
    assertNotContains(response, "Clinically reviewed by")


@pytest.mark.parametrize(
    "path",
    [
        "/guidance/draft-article/leaflet/",
        "/guidance/scheduled-article/leaflet/",
        "/guidance/no-such-article/leaflet/",
        "/tips/draft-tips/leaflet/",
        "/tips/scheduled-tips/leaflet/",
        "/tips/no-such-tips/leaflet/",
        "/help/atlantis/leaflet/",
        "/help/England/leaflet/",
    ],
)
def test_no_leaflet_for_what_is_not_public(client, world, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "nation=",
        "nation=atlantis",
        "nation=wales&nation=scotland",
        "nation=" + "x" * 5000,
        "nation=%FF%FE",
        "nation=%00",
        "nation[]=wales",
        "nation=<script>alert(1)</script>",
        "nation=wales'--",
        "utm_source=whatsapp&nation=northern-ireland",
        "%%%",
    ],
)
@pytest.mark.parametrize("path", ["/guidance/crying-newborn/leaflet/", "/tips/settling/leaflet/"])
def test_odd_query_strings_never_break_a_leaflet(client, world, path, query):
    response = client.get(f"{path}?{query}")

    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_leaflets_read_few_queries(client, world, settings, django_assert_max_num_queries):
    """What rendering a leaflet costs, as tests/guidance/test_queries.py measures pages: the
    content version and site settings (read once per version) read beforehand."""
    settings.PAGE_CACHE = False
    contentversion.content_version()
    SiteSettings.current()
    for path in (
        "/guidance/crying-newborn/leaflet/?nation=wales",
        "/tips/settling/leaflet/",
        "/help/scotland/leaflet/",
    ):
        with django_assert_max_num_queries(2):
            assert client.get(path).status_code == 200
