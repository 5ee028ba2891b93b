"""Link previews: every public page says what it is in its own words, with its own address and
a picture, as a messaging app reads them (the <head>, parsed as a browser would)."""

import io
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.template.loader import render_to_string
from PIL import Image

from sharing import cards
from website.models import DEFAULT_HOME_HEADING, DEFAULT_HOME_INTRODUCTION, SiteSettings

ORIGIN = "http://testserver"
SITE = "Little Voices"
DASH = "\N{EN DASH}"  # between a page's title and the site's name


@dataclass
class Head:
    """What a link preview reads from a page's <head>."""

    title: str = ""
    meta: dict = field(default_factory=dict)  # name or property -> content
    links: dict = field(default_factory=dict)  # rel -> href
    json_ld: list = field(default_factory=list)  # each block, parsed
    repeated: list = field(default_factory=list)  # meta names given twice


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head, self.in_head, self.text_of = Head(), False, None
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        elif not self.in_head:
            return
        if tag == "meta" and (key := attrs.get("property") or attrs.get("name")):
            if key in self.head.meta and key != "theme-color":  # one for each colour scheme
                self.head.repeated.append(key)
            self.head.meta[key] = attrs.get("content", "")
        elif tag == "link" and "rel" in attrs:
            self.head.links[attrs["rel"]] = attrs.get("href", "")
        elif tag in ("title", "script"):
            self.text_of, self.buffer = (tag, attrs.get("type", "")), []

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if self.text_of and tag == self.text_of[0]:
            text = "".join(self.buffer)
            if tag == "title":
                self.head.title = text
            elif self.text_of[1] == "application/ld+json":
                self.head.json_ld.append(json.loads(text))
            self.text_of = None

    def handle_data(self, data):
        if self.text_of:
            self.buffer.append(data)


def read_head(response):
    parser = _HeadParser()
    parser.feed(response.content.decode())
    return parser.head


def local(url):
    """The path and query of an address on the test server (it must be one)."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == ORIGIN, url
    return parts.path + (f"?{parts.query}" if parts.query else "")


def assert_card(client, url):
    """``url`` is a 1200 by 630 PNG made here."""
    response = client.get(local(url))
    assert response.status_code == 200, url
    assert response["Content-Type"] == "image/png"
    picture = Image.open(io.BytesIO(response.content))
    assert (picture.format, picture.size) == ("PNG", (1200, 630))


@dataclass(frozen=True)
class Expected:
    """What one page's preview must say. ``title`` is the page's own title (the og:title)."""

    address: str
    title: str
    description: str  # a part of the description, specific to the page
    canonical: str  # the path of og:url; "" for none
    og_type: str = "website"
    own_card: bool = False


def expectations(world):
    return {
        "home": Expected("/", f"{SITE}: {DEFAULT_HOME_HEADING}", DEFAULT_HOME_INTRODUCTION, "/"),
        "guidance": Expected(
            "/guidance/", "Guidance", "by your baby's age and by topic", "/guidance/"
        ),
        "guidance-topic": Expected(
            "/guidance/?topic=crying",
            "Guidance: Crying and settling",
            "Crying and settling: calm guidance and tips for parents.",
            "/guidance/?topic=crying",
        ),
        "guidance-stage": Expected(
            "/guidance/?stage=newborn",
            "Guidance: Newborn",
            "Newborn (0 to 3 months): calm guidance and tips for parents.",
            "/guidance/?stage=newborn",
        ),
        "guidance-stage-and-topic": Expected(
            "/guidance/?topic=crying&stage=newborn&utm_source=text",
            "Guidance: Newborn, Crying and settling",
            "Newborn (0 to 3 months), Crying and settling:",
            "/guidance/?stage=newborn&topic=crying",
        ),
        "article": Expected(
            f"/guidance/{world.article.slug}/",
            "Why newborns cry",
            "Crying is how newborns talk to you.",
            f"/guidance/{world.article.slug}/",
            og_type="article",
            own_card=True,
        ),
        "tips": Expected("/tips/", "If your baby could speak", "in your baby's voice", "/tips/"),
        "tip-page": Expected(
            f"/tips/{world.tip_page.slug}/",
            "Settling your baby",
            "What your baby might tell you at bedtime.",
            f"/tips/{world.tip_page.slug}/",
            og_type="article",
            own_card=True,
        ),
        "help": Expected("/help/", "Where to get help", "for each UK nation", "/help/"),
        "help-nation": Expected(
            "/help/wales/",
            "Where to get help in Wales",
            "Who to contact in Wales about your baby or yourself",
            "/help/wales/",
        ),
        "help-old-nation-link": Expected(
            "/help/?nation=scotland",
            "Where to get help in Scotland",
            "Who to contact in Scotland",
            "/help/scotland/",
        ),
        "search": Expected(
            "/search/?q=crying",
            "Search results for “crying”",
            "What Little Voices has on “crying”",
            "/search/?q=crying",
        ),
        "simple-page": Expected(
            "/about/", "About Little Voices", "About Little Voices: from Little Voices", "/about/"
        ),
        "contact": Expected("/contact/", "Contact us", "How to get in touch", "/contact/"),
        "not-found": Expected("/no-such-page/", "Page not found", "", ""),
    }


PAGES = [
    "home",
    "guidance",
    "guidance-topic",
    "guidance-stage",
    "guidance-stage-and-topic",
    "article",
    "tips",
    "tip-page",
    "help",
    "help-nation",
    "help-old-nation-link",
    "search",
    "simple-page",
    "contact",
    "not-found",
]


@pytest.fixture
def previews(world, client):
    """``{page: (expected, head)}`` for every page, each fetched once (redirects followed)."""
    found = {}
    for name, expected in expectations(world).items():
        response = client.get(expected.address, follow=True)
        assert response.status_code == (404 if name == "not-found" else 200), name
        found[name] = (expected, read_head(response))
    return found


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_a_preview_of_its_own(world, client, name):
    expected = expectations(world)[name]
    response = client.get(expected.address, follow=True)
    head = read_head(response)
    meta = head.meta

    assert meta["og:title"] == expected.title
    if name != "home":
        assert head.title == f"{expected.title} {DASH} {SITE}"
    assert expected.description in meta["description"]
    assert meta["og:description"] == meta["description"]
    assert meta["og:type"] == expected.og_type
    assert meta["og:site_name"] == SITE
    assert meta["twitter:card"] == "summary_large_image"
    assert not head.repeated, head.repeated
    if expected.canonical:
        assert meta["og:url"] == ORIGIN + expected.canonical
        assert head.links["canonical"] == meta["og:url"]
    else:
        assert "og:url" not in meta and "canonical" not in head.links


@pytest.mark.parametrize("name", PAGES)
def test_every_preview_picture_is_a_share_card_made_here(world, client, name):
    expected = expectations(world)[name]
    meta = read_head(client.get(expected.address, follow=True)).meta

    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:type"] == "image/png"
    assert meta["og:image:alt"] == meta["twitter:image:alt"]
    if expected.own_card:
        assert local(meta["og:image"]).startswith("/share-card/")
        assert expected.title in meta["og:image:alt"]
    else:
        assert local(meta["og:image"]).startswith("/share-card/site-")
        assert SITE in meta["og:image:alt"]
    assert_card(client, meta["og:image"])


def test_every_page_type_is_checked(world):
    assert list(expectations(world)) == PAGES


def test_no_two_pages_share_a_title_or_a_description(previews):
    titles = [head.meta["og:title"] for _, head in previews.values()]
    descriptions = [head.meta["description"] for _, head in previews.values()]

    assert len(set(titles)) == len(titles), titles
    assert len(set(descriptions)) == len(descriptions), descriptions


def test_pages_without_a_card_of_their_own_share_the_site_card(previews):
    pictures = {
        head.meta["og:image"] for expected, head in previews.values() if not expected.own_card
    }
    own = [head.meta["og:image"] for expected, head in previews.values() if expected.own_card]

    assert len(pictures) == 1
    assert len(set(own)) == 2 and not pictures & set(own)


def test_an_article_card_names_its_page_and_what_is_drawn_on_it(world, client):
    meta = read_head(client.get(f"/guidance/{world.article.slug}/")).meta
    card = cards.card_for(world.article, SITE)

    assert local(meta["og:image"]) == f"/share-card/article/{world.article.pk}-{card.digest}.png"
    assert re.fullmatch(r"[0-9a-f]{12}", card.digest)


@pytest.mark.parametrize("address", ["article", "tip-page"])
def test_a_save_that_changes_nothing_keeps_the_card_address_and_the_page(
    world, client, django_capture_on_commit_callbacks, address
):
    item = world.article if address == "article" else world.tip_page
    path = expectations(world)[address].address
    before = client.get(path)
    version = item.version
    with django_capture_on_commit_callbacks(execute=True):
        item.save()

    after = client.get(path)

    assert item.version > version
    assert read_head(after).meta["og:image"] == read_head(before).meta["og:image"]
    assert after.content == before.content


def test_an_edit_of_the_title_gives_the_page_a_new_card_address(
    world, client, django_capture_on_commit_callbacks
):
    before = read_head(client.get(f"/tips/{world.tip_page.slug}/")).meta["og:image"]
    world.tip_page.title = "Settling your baby at night"
    with django_capture_on_commit_callbacks(execute=True):
        world.tip_page.save()

    after = read_head(client.get(f"/tips/{world.tip_page.slug}/")).meta

    assert after["og:image"] != before
    assert after["og:title"] == "Settling your baby at night"
    assert client.get(local(before))["Location"] == local(after["og:image"])
    assert_card(client, after["og:image"])


def test_a_later_page_of_a_list_says_which_page_it_is(world, client, monkeypatch):
    monkeypatch.setattr("guidance.views.ARTICLES_PER_PAGE", 1)

    head = read_head(client.get("/guidance/?page=2"))

    assert head.meta["og:title"] == "Guidance (page 2)"
    assert head.meta["og:url"] == f"{ORIGIN}/guidance/?page=2"


def test_the_charity_s_own_name_is_in_every_preview(
    world, client, django_capture_on_commit_callbacks
):
    before = read_head(client.get("/help/")).meta["og:image"]
    article = f"/guidance/{world.article.slug}/"
    article_before = read_head(client.get(article)).meta["og:image"]
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings(charity_name="Small Steps").save()

    head = read_head(client.get("/help/"))
    article_head = read_head(client.get(article))

    assert head.meta["og:site_name"] == "Small Steps"
    assert head.title == f"Where to get help {DASH} Small Steps"
    assert "Small Steps" in head.meta["og:image:alt"]
    # A card shows the name, so a new name is a new card at a new address.
    assert head.meta["og:image"] != before
    assert_card(client, head.meta["og:image"])
    # An article's card shows the name too: a new address, and the old one leads to it.
    assert "Small Steps" in article_head.meta["og:image:alt"]
    assert article_head.meta["og:image"] != article_before
    assert client.get(local(article_before))["Location"] == local(article_head.meta["og:image"])
    images = [block["image"]["url"] for block in article_head.json_ld if "image" in block]
    assert images == [article_head.meta["og:image"]]
    assert_card(client, article_head.meta["og:image"])


def test_odd_search_words_stay_words_in_the_preview(world, client):
    words = '"><script>alert(1)</script> & more'
    response = client.get("/search/", {"q": words})
    head = read_head(response)

    assert words in head.title
    assert words in head.meta["description"]
    assert local(head.meta["og:url"]).startswith("/search/?q=")
    assert b"<script>alert(1)" not in response.content


def test_the_error_page_needs_no_request_for_its_head():
    html = render_to_string("500.html", {"site_name": SITE})
    head = read_head(type("Response", (), {"content": html.encode()}))

    assert head.title == f"Something went wrong {DASH} {SITE}"
    assert "og:url" not in head.meta and "og:image" not in head.meta
    assert not head.json_ld
