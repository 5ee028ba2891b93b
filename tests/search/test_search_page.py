"""The search page as a parent meets it: crisis lines first, no dead ends, calm with bad input."""

import logging

import pytest
from django.db import DatabaseError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from core.models import Status
from search import postings
from search.models import CrisisPhrase
from tests.support.factories import make_article, make_resource, make_stage, make_tip_page

pytestmark = pytest.mark.django_db

URL = reverse("search:search")


@pytest.fixture
def lines():
    """Crisis lines as staff tick them, one for Wales only, and one not ticked."""
    return {
        "999": make_resource(name="Emergency", phone="999", crisis_panel=True, order=1),
        "samaritans": make_resource(name="Samaritans", phone="116 123", crisis_panel=True),
        "shout": make_resource(
            name="Shout", text_number="85258", text_message="SHOUT", crisis_panel=True
        ),
        "wales": make_resource(
            name="NHS 111 Wales", phone="111", crisis_panel=True, nations=["wales"]
        ),
        "other": make_resource(name="Baby Buddy app"),
        "draft": make_resource(name="Draft line", crisis_panel=True, status=Status.DRAFT),
    }


@pytest.fixture
def crisis_words():
    for phrase in ("suicide", "kill myself", "cant cope"):
        CrisisPhrase.objects.create(phrase=phrase)


def main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("query", ["Suicidal", "i want to kill myself", "I can\u2019t cope"])
def test_a_crisis_search_opens_with_the_danger_panel_before_any_result(
    client, lines, crisis_words, query
):
    make_article(title="Looking after yourself", summary="When you cannot cope, or feel low.")

    response = client.get(URL, {"q": query})

    page = main(response)
    assert "If you or your baby are in danger now" in page
    panel_at = page.index("crisis-panel")
    assert panel_at < page.index("search-form")
    if "result__title" in page:
        assert panel_at < page.index("result__title")
    panel = page[panel_at : page.index("</section>", panel_at)]
    assert 'href="tel:999"' in panel
    assert 'href="tel:116123"' in panel
    assert 'href="sms:85258?&amp;body=SHOUT"' in panel
    assert "Baby Buddy app" not in panel
    assert "Draft line" not in page


def test_the_crisis_panel_shows_every_nation_side_by_side_unless_one_is_chosen(
    client, lines, crisis_words
):
    everyone = main(client.get(URL, {"q": "suicide"}))
    assert "NHS 111 Wales" in everyone
    assert "(Wales)" in everyone

    england = main(client.get(URL, {"q": "suicide", "nation": "england"}))
    assert "NHS 111 Wales" not in england
    assert "Samaritans" in england

    unknown = client.get(URL, {"q": "suicide", "nation": "atlantis"})
    assert unknown.status_code == 200
    assert "NHS 111 Wales" in main(unknown)


def test_an_everyday_search_has_no_danger_panel(client, lines, crisis_words):
    make_article(title="Crying at night")

    page = main(client.get(URL, {"q": "crying"}))

    assert "in danger now" not in page
    assert "If you need help now" not in page


def test_a_search_that_finds_nothing_shows_help_lines_and_ways_to_browse(client, lines):
    make_stage(title="Newborn")

    response = client.get(URL, {"q": "xylophone"})

    page = main(response)
    assert response.status_code == 200
    assert "We could not find a page for that" in page
    assert "If you need help now" in page
    assert 'href="tel:999"' in page
    assert reverse("guidance:help") in page
    assert reverse("tips:tip_page_list") in page
    assert "Newborn" in page


def test_results_are_one_list_labelled_by_kind_with_the_words_marked(client):
    make_article(title="Colic and crying", summary="Why colic happens.")
    make_tip_page(title="Soothing colic", intro="What your baby says about colic.")

    page = main(client.get(URL, {"q": "colic"}))

    assert page.count('class="result ') == 2
    assert "Guidance" in page
    assert "If your baby could speak" in page
    assert "<mark>colic</mark>" in page


def test_an_excerpt_is_escaped(client):
    make_article(title="Colic", summary="Colic & <script>alert(1)</script> crying.")

    page = main(client.get(URL, {"q": "colic"}))

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_excerpt_comes_from_the_body_when_only_the_body_matches(client):
    make_article(
        title="Evenings",
        summary="The end of the day.",
        body="<p>Many things happen. Some babies cry in a long colic spell after feeds.</p>",
    )

    page = main(client.get(URL, {"q": "colic"}))

    assert "<mark>colic</mark> spell after feeds" in page


def test_a_misspelt_search_shows_corrected_results_at_once(client):
    article = make_article(title="Postnatal depression", summary="Feeling low after birth.")

    response = client.get(URL, {"q": "postnatel depresion"})

    page = main(response)
    assert response.context["results"].corrected == "postnatal depression"
    assert "Showing results for <strong>postnatal depression</strong>" in page
    assert article.get_absolute_url() in page
    assert "spell=off" in page
    exact = client.get(URL, {"q": "postnatel depresion", "spell": "off"})
    assert exact.context["results"].corrected is None
    assert exact.context["results"].count == 0


def test_a_word_the_site_uses_is_never_corrected(client):
    make_article(title="Heath walks", summary="Walking on the heath with a pram.")
    make_article(title="Health visitors")

    results = client.get(URL, {"q": "heath"}).context["results"]

    assert results.corrected is None
    assert [item.title for item in results.items] == ["Heath walks"]


def test_a_correction_is_only_offered_when_it_finds_something(client):
    make_article(title="Sleep")

    results = client.get(URL, {"q": "qwertyuiop"}).context["results"]

    assert results.corrected is None
    assert results.count == 0


def test_a_misspelt_crisis_word_still_shows_the_panel(client, lines, crisis_words):
    page = main(client.get(URL, {"q": "suicde"}))

    assert "If you or your baby are in danger now" in page


def test_a_help_card_comes_first_only_when_the_search_is_about_help(client):
    article = make_article(title="Feeling low", summary="Low mood after a baby.")
    line = make_resource(name="Low mood line", when_to_use="For anyone feeling low.")

    plain = client.get(URL, {"q": "feeling low"}).context["results"]
    about_help = client.get(URL, {"q": "feeling low helpline"}).context["results"]

    assert [item.obj for item in plain.items] == [article, line]
    assert about_help.items[0].obj == line


def test_a_tip_page_can_come_first(client):
    tip_page = make_tip_page(title="Bath time", intro="Bath time together.")
    make_article(title="Sleep", body="<p>A warm bath can help before bed.</p>")

    results = client.get(URL, {"q": "bath time"}).context["results"]

    assert results.items[0].obj == tip_page


@pytest.mark.parametrize(
    "query",
    [
        "-" * 33,
        "- " * 33,
        "-(" * 40,
        '"',
        '"unclosed',
        "NEAR(baby crying, 2)",
        "{a b} : baby",
        "baby*",
        "^baby",
        "a AND OR NOT b",
        "baby:*",
        "'; DROP TABLE guidance_article; --",
        "\x00baby",
        "baby\x00crying",
        "😀😀 baby 👶",
        "מה לעשות כשהתינוק בוכה",
        "\u202ebaby crying\u202c",
        "\ufb01nd \uff42\uff41\uff42\uff59",
        "%_%",
        "a" * 200,
    ],
)
def test_hostile_or_odd_queries_get_a_calm_page(client, lines, query):
    make_article(title="Baby crying")

    response = client.get(URL, {"q": query})

    assert response.status_code == 200
    assert "Search" in main(response)


def test_a_very_long_query_gets_a_calm_page_with_the_help_lines(client, lines):
    response = client.get(URL, {"q": "baby " * 2000})

    assert response.status_code == 400
    page = main(response)
    assert "There is a problem with your search" in page
    assert 'href="tel:999"' in page


def test_a_database_error_in_search_gives_the_calm_page_and_one_warning(
    client, lines, monkeypatch, caplog
):
    def refuse(*args, **kwargs):
        raise DatabaseError("tsquery stack too small")

    monkeypatch.setattr(postings, "read", refuse)

    with caplog.at_level(logging.WARNING, logger="search"):
        response = client.get(URL, {"q": "crying"})

    assert response.status_code == 200
    assert "If you need help now" in main(response)
    warnings = [record for record in caplog.records if record.name == "search"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING


def test_search_pages_are_the_same_for_everyone_and_cacheable(client, lines, crisis_words):
    make_article(title="Crying")

    for query in ("crying", "suicide", "xylophone"):
        response = client.get(URL, {"q": query})
        assert not response.cookies
        assert "Cookie" not in response.get("Vary", "")
        assert "public" in response["Cache-Control"]


def test_a_search_asks_the_same_number_of_queries_however_big_the_site(
    client, django_assert_max_num_queries
):
    make_article(title="Crying at night")
    client.get(URL, {"q": "warm up"})  # word lists and the page cache's version, read once
    with django_assert_max_num_queries(14) as small:
        client.get(URL, {"q": "crying night"})
    for number in range(40):
        make_article(title=f"Crying {number}", body="<p>Crying at night.</p>")
    make_tip_page(title="Crying")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL, {"q": "crying night"})
    assertNotContains(client.get(URL, {"q": "crying night"}), "Traceback")
    assertContains(client.get(URL, {"q": "crying night"}), "Crying at night")


def test_an_excerpt_from_the_text_keeps_headings_apart_from_sentences(client):
    make_article(
        title="Evenings",
        summary="The end of the day.",
        body="<h2>The baby blues</h2><p>Some parents feel low\nfor a while after the birth.</p>",
    )

    page = main(client.get(URL, {"q": "low"}))

    assert "The baby blues. Some parents feel <mark>low</mark> for a while" in page
