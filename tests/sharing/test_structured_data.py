"""Structured data (JSON-LD): articles and tip pages as reviewed medical web pages, the help page
as a list of services with their phone numbers, the home page as the site."""

import datetime
import json
from types import SimpleNamespace

import pytest
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext

from guidance.models import Resource
from sharing import structured
from tests.sharing.test_previews import ORIGIN, SITE, local, read_head

MEDICAL_PAGE = {"MedicalWebPage", "Article"}


def json_ld(response):
    blocks = read_head(response).json_ld
    assert len(blocks) == 1, blocks
    assert blocks[0]["@context"] == "https://schema.org"
    return blocks[0]


def is_iso_datetime(text):
    return datetime.datetime.fromisoformat(text).tzinfo is not None


@pytest.mark.parametrize("name", ["article", "tip_page"])
def test_a_reviewed_page_is_a_medical_web_page_and_an_article(world, client, name):
    item = getattr(world, name)
    response = client.get(item.get_absolute_url())
    data, meta = json_ld(response), read_head(response).meta

    assert set(data["@type"]) == MEDICAL_PAGE
    assert data["url"] == data["@id"] == meta["og:url"] == ORIGIN + item.get_absolute_url()
    assert data["headline"] == data["name"] == item.title == meta["og:title"]
    assert data["description"] == meta["description"]
    assert data["inLanguage"] == "en-GB"
    assert data["image"]["url"] == meta["og:image"]
    assert (data["image"]["width"], data["image"]["height"]) == (1200, 630)
    assert is_iso_datetime(data["datePublished"])
    assert is_iso_datetime(data["dateModified"])
    assert datetime.datetime.fromisoformat(data["datePublished"]) == item.published_at
    assert data["publisher"] == {"@type": "Organization", "name": SITE, "url": f"{ORIGIN}/"}
    assert data["audience"]["@type"] == "PeopleAudience"
    assert len(data["citation"]) == item.sources.count() > 0
    assert [work["name"] for work in data["citation"]] == [s.title for s in item.sources.all()]


def test_an_article_says_who_reviewed_it_when_and_what_it_rests_on(world, client):
    data = json_ld(client.get(world.article.get_absolute_url()))

    assert data["lastReviewed"] == "2025-01-15"
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Sam Lee",
        "jobTitle": "clinical psychologist",
    }
    assert data["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "NICE guideline on postnatal care",
            "url": "https://www.nice.org.uk/",
        },
        {"@type": "CreativeWork", "name": "Unicef"},
    ]


def test_a_page_with_no_review_recorded_claims_none(world, client):
    data = json_ld(client.get(world.tip_page.get_absolute_url()))

    assert "reviewedBy" not in data and "lastReviewed" not in data


def test_the_structured_data_of_a_page_reads_nothing_more_once_cached(world, client, settings):
    settings.PAGE_CACHE = False  # the whole page is rendered each time; its parts are kept
    address = world.article.get_absolute_url()
    client.get(address)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)

    assert set(json_ld(response)["@type"]) == MEDICAL_PAGE
    assert len(json_ld(response)["citation"]) == 2
    assert not [query for query in queries if "source" in query["sql"]]


def test_an_editor_s_words_cannot_end_the_data_block(
    world, client, django_capture_on_commit_callbacks
):
    title = "</script><script>alert(1)</script><!-- & more"
    world.article.title = title
    with django_capture_on_commit_callbacks(execute=True):
        world.article.save()

    response = client.get(world.article.get_absolute_url())
    page = response.content.decode()

    assert json_ld(response)["headline"] == title
    assert "<script>alert(1)" not in page
    assert page.count("</script>") == page.count("<script")


def test_the_help_page_lists_its_services_with_their_phone_numbers(world, client):
    response = client.get("/help/")
    data = json_ld(response)
    items = data["mainEntity"]["itemListElement"]
    services = [item["item"] for item in items]
    published = list(Resource.objects.published())

    assert data["@type"] == "WebPage"
    assert data["url"] == f"{ORIGIN}/help/"
    assert data["name"] == "Where to get help"
    assert data["publisher"]["name"] == SITE
    assert data["mainEntity"]["@type"] == "ItemList"
    assert data["mainEntity"]["numberOfItems"] == len(items) == len(published)
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert {service["name"] for service in services} == {r.name for r in published}
    assert "Unchecked Draft Line" not in {service["name"] for service in services}
    by_name = {service["name"]: service for service in services}
    assert by_name["Emergency services"]["telephone"] == "999"
    assert by_name["NHS 111 England"]["telephone"] == "111"
    assert by_name["Emergency services"]["areaServed"] == {
        "@type": "Country",
        "name": "United Kingdom",
    }
    assert [area["name"] for area in by_name["NHS 111 England"]["areaServed"]] == [
        "England",
        "Wales",
    ]
    # Most urgent first, as on the page.
    assert services[0]["name"] == "Emergency services"


def test_a_nation_s_help_page_lists_only_what_serves_that_nation(world, client):
    data = json_ld(client.get("/help/wales/"))
    names = {item["item"]["name"] for item in data["mainEntity"]["itemListElement"]}

    assert data["name"] == data["mainEntity"]["name"] == "Where to get help in Wales"
    assert "Llinell Gymorth Wales" in names
    assert "Scottish Parent Line" not in names
    assert data["url"] == f"{ORIGIN}/help/wales/"


def test_the_home_page_describes_the_site_and_its_search(world, client):
    response = client.get("/")
    data = json_ld(response)

    assert data["@type"] == "WebSite"
    assert data["name"] == SITE
    assert data["url"] == f"{ORIGIN}/"
    assert data["description"] == read_head(response).meta["description"]
    assert data["publisher"]["name"] == SITE
    target = data["potentialAction"]["target"]
    assert local(target.replace("{search_term_string}", "x")) == "/search/?q=x"


@pytest.mark.parametrize("address", ["/guidance/", "/tips/", "/about/", "/contact/"])
def test_other_pages_have_no_structured_data_to_be_wrong(world, client, address):
    assert read_head(client.get(address)).json_ld == []


def test_a_staff_preview_of_a_draft_is_never_kept_in_the_cache(world, client, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a preview was about to be cached")

    template = engines["django"].from_string("{% load sharing_tags %}{% structured_data article %}")
    request = client.get("/").wsgi_request
    monkeypatch.setattr("core.fragments.cached", refuse)

    html = template.render({"article": world.draft_article, "preview": {"state": "draft"}}, request)

    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body)["headline"] == "Secret draft guidance"


def test_script_escapes_what_could_end_the_block():
    html = structured.script(
        {
            "a": "</script><!--&-->",
            "b": "Café \N{LEFT SINGLE QUOTATION MARK}quotes\N{RIGHT SINGLE QUOTATION MARK}",
        }
    )

    assert html.startswith('<script type="application/ld+json">')
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {
        "a": "</script><!--&-->",
        "b": "Café \N{LEFT SINGLE QUOTATION MARK}quotes\N{RIGHT SINGLE QUOTATION MARK}",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr Sam Lee, clinical psychologist",
            {"name": "Dr Sam Lee", "jobTitle": "clinical psychologist"},
        ),
        ("Jo Bloggs", {"name": "Jo Bloggs"}),
        (
            "Ann Rees, health visitor, Cardiff",
            {"name": "Ann Rees", "jobTitle": "health visitor, Cardiff"},
        ),
    ],
)
def test_a_reviewer_is_a_person_with_a_role_where_one_is_written(text, expected):
    assert structured.person_and_role(text) == {"@type": "Person", **expected}


def test_an_author_is_the_charity_a_team_or_a_person():
    publisher = structured.organisation(SITE, f"{ORIGIN}/")

    assert structured.author("", SITE, publisher) is publisher
    assert structured.author(SITE, SITE, publisher) is publisher
    assert structured.author("Little Voices editorial team", SITE, publisher) == {
        "@type": "Organization",
        "name": "Little Voices editorial team",
    }
    assert structured.author("Jo Bloggs, midwife", SITE, publisher)["@type"] == "Person"


def test_each_kind_of_help_has_a_fitting_type():
    def resource(kind, **fields):
        values = {
            "name": kind,
            "kind": kind,
            "when_to_use": "<p>Call us &amp; talk.</p>",
            "phone": "",
            "url": "",
            "nations": [],
        }
        return SimpleNamespace(**(values | fields))

    assert structured.service(resource("helpline", phone="116 123"))["telephone"] == "116 123"
    assert structured.service(resource("helpline"))["description"] == "Call us & talk."
    assert structured.service(resource("app"))["@type"] == "SoftwareApplication"
    assert structured.service(resource("leaflet"))["@type"] == "CreativeWork"
    assert structured.service(resource("video"))["@type"] == "VideoObject"
    assert "telephone" not in structured.service(resource("leaflet"))
