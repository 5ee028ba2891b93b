import datetime

import pytest
from django.utils import timezone

from core.models import Status
from guidance.models import Article, ResourceKind
from search.engine import FEW, MAX_RESULTS
from tests.support.factories import make_article, make_resource, make_tip_page
from tests.support.search import grouped as search_site

pytestmark = pytest.mark.django_db


def titles(results, kind):
    return [getattr(item, "name", None) or item.title for item in results[kind]]


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Colic and your baby"},
        {"summary": "What to do about colic."},
        {"body": "<p>Some babies have colic in the evening.</p>"},
    ],
    ids=["title", "summary", "body"],
)
def test_search_finds_an_article_by_title_summary_or_body(fields):
    article = make_article(**fields)
    make_article(title="Something else entirely")

    assert search_site("colic")["articles"] == [article]


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Bathtime together"},
        {"intro": "What your baby feels at bathtime."},
        {"tips": [{"baby_says": "Bathtime water feels strange.", "try_this": "Go slowly."}]},
        {"tips": [{"baby_says": "I am cold.", "try_this": "Warm the towel before bathtime."}]},
        {"tips": [{"baby_says": "x", "try_this": "y", "why_it_helps": "Bathtime builds trust."}]},
    ],
    ids=["title", "intro", "baby-says", "try-this", "why-it-helps"],
)
def test_search_finds_a_tip_page_by_its_title_intro_or_tips(fields):
    tip_page = make_tip_page(**fields)
    make_tip_page(title="Feeding cues")

    assert search_site("bathtime")["tip_pages"] == [tip_page]


def test_search_finds_a_tip_page_once_however_many_tips_match():
    tip_page = make_tip_page(
        tips=[
            {"baby_says": "Peekaboo makes me laugh.", "try_this": "Play peekaboo."},
            {"baby_says": "More peekaboo!", "try_this": "Again."},
        ]
    )

    assert search_site("peekaboo")["tip_pages"] == [tip_page]


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "Samaritans"},
        {"when_to_use": "Call Samaritans any time, day or night."},
    ],
    ids=["name", "when-to-use"],
)
def test_search_finds_a_resource_by_name_or_when_to_use(fields):
    resource = make_resource(**fields)
    make_resource(name="Home-Start")

    assert search_site("samaritans")["resources"] == [resource]


def test_search_finds_a_resource_by_kind():
    app = make_resource(name="Mood tracker", kind=ResourceKind.APP)
    make_resource(name="Helpline", kind=ResourceKind.HELPLINE)

    assert search_site("app")["resources"] == [app]


def test_search_is_case_insensitive():
    article = make_article(title="Postnatal Depression")

    assert search_site("POSTNATAL depression")["articles"] == [article]


def test_search_puts_pages_with_every_word_first_then_pages_with_some():
    both = make_article(title="Crying at night", summary="Night waking.")
    some = make_article(title="Crying in the day")
    make_article(title="Feeding")

    assert search_site("crying night")["articles"] == [both, some]


def test_search_leaves_out_pages_with_some_words_when_enough_have_them_all():
    every = [make_article(title=f"Crying at night {n}") for n in range(FEW)]
    make_article(title="Crying in the day")

    assert search_site("crying night")["articles"] == every


def test_search_ranks_title_matches_first():
    in_body = make_article(title="A guide for new parents", body="<p>Talk about teething.</p>")
    in_summary = make_article(title="Another guide", summary="All about teething.")
    in_title = make_article(title="Teething", body="<p>Sore gums.</p>")

    results = search_site("teething")["articles"]

    assert results[0] == in_title
    assert set(results) == {in_title, in_summary, in_body}


def test_search_ranks_tip_page_and_resource_titles_first():
    tip_in_tips = make_tip_page(
        title="A tip page", tips=[{"baby_says": "I like swaddling.", "try_this": "Wrap me."}]
    )
    tip_in_title = make_tip_page(title="Swaddling")
    resource_in_text = make_resource(name="A helpline", when_to_use="Help with swaddling.")
    resource_in_name = make_resource(name="Swaddling club")

    results = search_site("swaddling")

    assert results["tip_pages"] == [tip_in_title, tip_in_tips]
    assert results["resources"] == [resource_in_name, resource_in_text]


def test_search_excludes_drafts_and_scheduled_content():
    future = timezone.now() + datetime.timedelta(days=1)
    live = make_article(title="Reflux explained")
    make_article(title="Reflux draft", status=Status.DRAFT)
    make_article(title="Reflux scheduled", published_at=future)
    make_tip_page(title="Reflux tips draft", status=Status.DRAFT)
    make_tip_page(title="Reflux tips scheduled", published_at=future)
    make_resource(name="Reflux line draft", status=Status.DRAFT)

    results = search_site("reflux")

    assert results == {"articles": [live], "tip_pages": [], "resources": []}


def test_search_returns_at_most_the_maximum_number_of_results():
    for number in range(MAX_RESULTS + 5):
        make_article(title=f"Sleep article {number}")

    assert len(search_site("sleep")["articles"]) == MAX_RESULTS


@pytest.mark.parametrize(
    "query",
    [
        "-",
        "'",
        '"',
        "%",
        "_",
        "\\",
        "!",
        "&|:*",
        "'; DROP TABLE guidance_article; --",
        "<script>alert(1)</script>",
        "or and not",
        '"unclosed quote',
        "a" * 200,
    ],
)
def test_search_handles_odd_queries_without_error(query):
    article = make_article(title="Ordinary article")

    results = search_site(query)

    assert set(results) == {"articles", "tip_pages", "resources"}
    assert all(isinstance(items, list) for items in results.values())
    assert Article.objects.filter(pk=article.pk).exists()


def test_search_does_not_treat_like_wildcards_as_wildcards():
    make_article(title="Feeding 1000 times")

    assert search_site("10%")["articles"] == []
    assert search_site("1_00")["articles"] == []


@pytest.mark.parametrize("query", ["crying", "cry", "cries", "cried"])
def test_search_matches_other_forms_of_a_word(query):
    cries = make_article(title="When your baby cries")
    crying = make_tip_page(tips=[{"baby_says": "My crying is how I talk.", "try_this": "Hold me."}])

    results = search_site(query)

    assert results["articles"] == [cries]
    assert results["tip_pages"] == [crying]


def test_search_ignores_html_tags_and_link_addresses_in_the_body():
    make_article(
        title="Plain", body='<p><strong>Bold</strong> <a href="https://nhs.uk/">words</a>.</p>'
    )

    assert search_site("strong")["articles"] == []
    assert search_site("nhs")["articles"] == []
    assert [a.title for a in search_site("bold words")["articles"]] == ["Plain"]


def test_search_page_shows_results_in_groups(client):
    make_article(title="Sleep and your newborn")
    make_tip_page(title="Sleep cues")
    make_resource(name="Sleep helpline")

    response = client.get("/search/", {"q": "sleep"})

    assert response.status_code == 200
    assert response.context["results"].count == 3
    content = response.content.decode()
    for title in ("Sleep and your newborn", "Sleep cues", "Sleep helpline"):
        assert title in content
