"""Share cards: drawn here, once for what they show, kept where every app server finds them, and
cached by browsers and CDNs for a year because the address changes with what is drawn."""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from PIL import Image, ImageDraw

from core.models import Status
from sharing import cards
from tests.support.factories import make_article, make_page, make_tip_page
from website import pagecache

pytestmark = pytest.mark.django_db

YEAR = "max-age=31536000"


SITE = "Little Voices"


def card_address(item, kind="article", site_name=SITE):
    return cards.card_path(item, site_name)


def site_card_address(client):
    return client.get("/share-card/site-0.png")["Location"]


def picture(response):
    return Image.open(io.BytesIO(response.content))


@pytest.fixture
def drawings(monkeypatch):
    """How many cards were drawn (rather than read from storage)."""
    drawn = []
    draw = cards.draw

    def counting(card):
        drawn.append(card)
        return draw(card)

    monkeypatch.setattr(cards, "draw", counting)
    return drawn


@pytest.mark.parametrize("kind", ["article", "tip_page"])
def test_a_published_page_has_a_1200_by_630_png_card_kept_for_a_year(client, kind):
    item = make_article(title="Why newborns cry") if kind == "article" else make_tip_page()

    response = client.get(card_address(item, kind))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert picture(response).format == "PNG"
    assert picture(response).size == (1200, 630)
    assert int(response["Content-Length"]) == len(response.content)
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert control == {"public", YEAR, "immutable"}
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_the_site_card_is_a_png_kept_for_a_year(client):
    address = site_card_address(client)
    response = client.get(address)

    assert address.startswith("/share-card/site-")
    assert response.status_code == 200
    assert picture(response).size == (1200, 630)
    assert "immutable" in response["Cache-Control"]


def test_a_card_is_drawn_once_and_kept_in_the_shared_storage(client, drawings):
    article = make_article(title="Drawn once")
    first = client.get(card_address(article))
    cache.clear()  # another app server: nothing in its memory, the same storage
    second = client.get(card_address(article))

    assert len(drawings) == 1
    assert first.content == second.content
    digest = cards.card_for(article, SITE).digest
    name = cards.storage_name(f"article-{article.pk}-{digest}")
    assert name == f"share-cards/article-{article.pk}-{digest}.png"
    assert default_storage.exists(name)
    with default_storage.open(name, "rb") as stored:
        assert stored.read() == first.content


def test_the_site_card_is_drawn_once(client, drawings):
    address = site_card_address(client)
    client.get(address)
    client.get(address)

    assert len(drawings) == 1


def test_a_new_title_gets_a_new_card_and_the_old_address_leads_to_it(
    client, drawings, django_capture_on_commit_callbacks
):
    article = make_article(title="First title")
    old = card_address(article)
    assert client.get(old).status_code == 200
    article.title = "Second title"
    with django_capture_on_commit_callbacks(execute=True):
        article.save()

    redirected = client.get(old)
    new = client.get(card_address(article))

    assert card_address(article) != old
    assert redirected.status_code == 302
    assert redirected["Location"] == card_address(article)
    # The old address must not be kept by a CDN as if it were the new card.
    assert "immutable" not in redirected.get("Cache-Control", "")
    assert new.status_code == 200
    assert [card.title for card in drawings] == ["First title", "Second title"]


def test_a_save_that_changes_nothing_drawn_keeps_the_card_and_its_address(
    client, drawings, django_capture_on_commit_callbacks
):
    article = make_article(title="Kept as it is", summary="The first summary.")
    address = card_address(article)
    first = client.get(address)
    version = article.version
    article.summary = "Another summary: not on the card."
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    with django_capture_on_commit_callbacks(execute=True):
        article.save()

    again = client.get(address)

    assert article.version > version
    assert card_address(article) == address
    assert again.status_code == 200 and again.content == first.content
    assert len(drawings) == 1


def test_an_address_from_the_time_cards_were_named_by_version_leads_to_the_card(client):
    article = make_article()

    response = client.get(f"/share-card/article/{article.pk}-{article.version}.png")

    assert response.status_code == 302
    assert response["Location"] == card_address(article)


def test_the_digest_covers_exactly_what_is_drawn(monkeypatch):
    card = cards.Card("Settling your baby", "Guidance", SITE, "article")
    others = [
        cards.Card("Settling your baby at night", "Guidance", SITE, "article"),
        cards.Card("Settling your baby", "If your baby could speak", SITE, "article"),
        cards.Card("Settling your baby", "Guidance", "Small Steps", "article"),
        cards.Card("Settling your baby", "Guidance", SITE, "tip_page"),
    ]

    assert len(card.digest) == 12 and int(card.digest, 16) >= 0
    assert card.digest == cards.Card("Settling your baby", "Guidance", SITE, "article").digest
    assert len({card.digest, *(other.digest for other in others)}) == 1 + len(others)
    english = card.digest
    with translation.override("cy"):
        assert card.digest != english
    monkeypatch.setattr(cards, "DESIGN", cards.DESIGN + 1)
    assert card.digest != english


def test_a_renamed_charity_gives_each_card_a_new_address(client):
    article = make_article()
    before = card_address(article)

    after = card_address(article, site_name="Small Steps")

    assert after != before
    # Asked on a site still called Little Voices, the new name's address is not the card.
    assert client.get(after)["Location"] == before


def test_two_servers_drawing_at_once_leave_one_stored_card(client, monkeypatch):
    article = make_article()
    client.get(card_address(article))
    # The second server looked just before the first had stored its card.
    storage_class = type(default_storage._wrapped)
    exists, looked = storage_class.exists, []

    def not_yet(storage, name):
        if not looked:
            looked.append(name)
            return False
        return exists(storage, name)

    monkeypatch.setattr(storage_class, "exists", not_yet)
    response = client.get(card_address(article))

    assert response.status_code == 200 and looked

    name = cards.storage_name(
        cards.page_card_name("article", article.pk, cards.card_for(article, SITE))
    )
    folder, file_name = name.rsplit("/", 1)
    assert [
        found for found in default_storage.listdir(folder)[1] if found.startswith("article-")
    ] == [file_name]


@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=2)},
    ],
    ids=["draft", "scheduled"],
)
def test_a_page_not_yet_public_has_no_card(client, drawings, state):
    article = make_article(title="Not for parents yet", **state)

    response = client.get(card_address(article))
    guessed = client.get(f"/share-card/article/{article.pk}-0123456789ab.png")

    assert response.status_code == 404
    assert guessed.status_code == 404
    assert not drawings


def test_an_unpublished_page_loses_its_card(client, django_capture_on_commit_callbacks):
    article = make_article()
    address = card_address(article)
    assert client.get(address).status_code == 200
    article.status = Status.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        article.save()

    assert client.get(address).status_code == 404
    assert client.get(card_address(article)).status_code == 404


@pytest.mark.parametrize(
    "address",
    [
        "/share-card/article/999999-0123456789ab.png",  # no such article
        "/share-card/page/{page}-0123456789ab.png",  # simple pages share the site card
        "/share-card/resource/1-1.png",
        "/share-card/nothing/1-1.png",
        "/share-card/article/abc-1.png",
        "/share-card/article/1.png",
        "/share-card/article/-1-1.png",
        "/share-card/article/1-1.jpg",
        "/share-card/article/99999999999999999999999999999-1.png",
        "/share-card/article/999999-99999999999999999999999999999.png",
        "/share-card/article/999999-" + "a" * 5000 + ".png",
        "/share-card/article/%00-1.png",
        "/share-card/article/999999-%00.png",
        "/share-card/article/999999-%3Cscript%3E.png",
        "/share-card/site-.png",
        "/share-card/site-%3Cscript%3E.png",
        "/share-card/",
    ],
)
def test_unknown_or_garbled_card_addresses_are_not_found(client, drawings, address):
    page = make_page()

    response = client.get(address.format(page=page.pk))

    assert response.status_code == 404
    assert not drawings


@pytest.mark.parametrize(
    "digest",
    ["0", "0123456789ab", "a" * 5000, "x-y_z", "%3Cscript%3E", "%00", "%C3%A9", "..%2F..%2Fetc"],
)
def test_an_odd_digest_of_a_real_card_leads_to_the_card_or_is_not_found(client, drawings, digest):
    article = make_article()

    response = client.get(f"/share-card/article/{article.pk}-{digest}.png")

    assert response.status_code in (302, 404)
    if response.status_code == 302:
        assert response["Location"] == card_address(article)
    assert not drawings


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_a_card_can_only_be_read(client, method):
    article = make_article()

    response = client.generic(method, card_address(article))

    assert response.status_code == 405


def test_a_head_request_gets_the_card_s_headers(client):
    article = make_article()

    response = client.head(card_address(article))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_a_wrong_site_card_address_leads_to_the_current_one(client):
    response = client.get("/share-card/site-0123abcdef99.png")

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_the_page_cache_leaves_cards_alone(client, settings):
    """Cards are not pages: the page cache neither stores them nor changes their headers (their
    address names what is drawn, so they cannot go stale)."""
    settings.PAGE_CACHE = True
    article = make_article()
    address = card_address(article)

    first, second = client.get(address), client.get(address)

    for response in (first, second):
        assert response["Cache-Control"] == cards.CACHE_CONTROL
        assert "Content-Encoding" not in response
        assert response.get("X-Page-Cache") is None
    request = client.get(address).wsgi_request
    page = pagecache.page_key(request)
    assert cache.get(pagecache.copy_key(page, "")) is None


def test_long_titles_wrap_and_end_with_an_ellipsis_when_they_cannot_fit():
    pen = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    width = cards.WIDTH - 2 * cards.MARGIN

    short_font, short = cards.fit_title(pen, "Settling your baby", width)
    words = "When you feel you cannot cope " * 12
    long_font, long = cards.fit_title(pen, words, width)
    one_word_font, one_word = cards.fit_title(pen, "a" * 300, width)

    assert short == ["Settling your baby"]
    assert short_font.size == max(cards.TITLE_SIZES)
    assert len(long) == cards.TITLE_LINES and long[-1].endswith("…")
    assert long_font.size == min(cards.TITLE_SIZES)
    for typeface, lines in ((long_font, long), (one_word_font, one_word)):
        assert all(pen.textlength(line, font=typeface) <= width for line in lines)


def test_a_machine_without_dejavu_still_draws_cards(monkeypatch):
    monkeypatch.setattr(cards, "FONT_FILES", {True: ("/no/such/font.ttf",), False: ()})
    cards.font.cache_clear()
    try:
        png = cards.draw(cards.Card("Settling your baby", "Guidance", "Little Voices"))
    finally:
        cards.font.cache_clear()

    assert Image.open(io.BytesIO(png)).size == (1200, 630)


def test_a_card_shows_the_title_in_the_site_s_colours():
    png = cards.draw(cards.Card("Settling your baby", "Guidance", "Little Voices"))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = {colour for _, colour in image.getcolors(maxcolors=1_000_000)}

    assert (0x24, 0x5F, 0x5A) in colours  # --brand: the band with the charity's name
    assert (0xF6, 0xF3, 0xEE) in colours  # --bg
    assert (0x1F, 0x23, 0x28) in colours  # --text: the title


def test_the_alt_text_says_what_the_card_shows():
    card = cards.Card("Why newborns cry", "Guidance", "Little Voices")
    question = cards.Card("What is infant mental health?", "Guidance", "Little Voices")

    assert cards.alt_text(card) == "Why newborns cry. Guidance, Little Voices"
    assert cards.alt_text(question) == "What is infant mental health? Guidance, Little Voices"
