import datetime
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from core.models import Status
from guidance.models import Article, ResourceKind, Urgency
from guidance.views import ARTICLES_PER_PAGE
from tests.factories import (
    make_article,
    make_page,
    make_resource,
    make_stage,
    make_tip_page,
    make_topic,
)
from tests.markup import elements, links_to
from website import errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    """A small site: published, draft and scheduled content of every kind."""
    future = timezone.now() + datetime.timedelta(days=3)
    newborn = make_stage(slug="newborn", title="Newborn", age_range="0 to 3 months")
    toddler = make_stage(slug="toddler", title="Toddler")
    crying = make_topic(slug="crying", title="Crying and settling")
    sleep = make_topic(slug="sleep", title="Sleep")
    emergency = make_resource(
        slug="emergency-999",
        name="Emergency services",
        kind=ResourceKind.EMERGENCY,
        urgency=Urgency.NOW,
        phone="999",
    )
    nhs_111 = make_resource(
        slug="nhs-111",
        name="NHS 111 England",
        kind=ResourceKind.URGENT,
        urgency=Urgency.TODAY,
        phone="111",
        nations=["england", "wales"],
    )
    parent_line = make_resource(slug="parent-line", name="Parent Helpline UK")
    welsh_line = make_resource(slug="welsh-line", name="Llinell Gymorth Wales", nations=["wales"])
    scottish_line = make_resource(
        slug="scottish-line", name="Scottish Parent Line", nations=["scotland"]
    )
    draft_resource = make_resource(
        slug="draft-line", name="Unchecked Draft Line", status=Status.DRAFT
    )
    article = make_article(
        slug="crying-newborn",
        title="Why newborns cry",
        summary="Crying is how newborns talk to you.",
        in_brief="Crying peaks around 6 weeks\nYou cannot spoil a newborn",
        body="<h2>What crying means</h2><p>Your baby is telling you something.</p>",
        reviewed_by="Dr Sam Lee, clinical psychologist",
        last_reviewed=datetime.date(2025, 1, 15),
        stages=[newborn],
        topics=[crying],
        resources=[emergency, parent_line, draft_resource],
        sources=[("NICE guideline on postnatal care", "https://www.nice.org.uk/"), "Unicef"],
    )
    toddler_sleep = make_article(
        slug="toddler-sleep",
        title="Toddler sleep battles",
        summary="Bedtime can be hard.",
        stages=[toddler],
        topics=[sleep],
    )
    draft_article = make_article(
        slug="draft-article", title="Secret draft guidance", status=Status.DRAFT, stages=[newborn]
    )
    scheduled_article = make_article(
        slug="scheduled-article",
        title="Scheduled future guidance",
        published_at=future,
        stages=[newborn],
    )
    article.related.set([toddler_sleep, draft_article])
    tip_page = make_tip_page(
        slug="settling",
        title="Settling your baby",
        intro="What your baby might tell you at bedtime.",
        featured=True,
        tips=[
            {
                "baby_says": "When your voice is slow and soft, my body starts to settle.",
                "try_this": "Hum a low, slow tune while you hold me.",
                "why_it_helps": "Slow sounds calm a baby's heart rate.",
            },
            {
                "baby_says": "I like to see your face up close.",
                "try_this": "Hold me about 30 cm from your face.",
            },
        ],
        sources=["Brazelton Touchpoints"],
    )
    draft_tip_page = make_tip_page(slug="draft-tips", title="Draft tip page", status=Status.DRAFT)
    scheduled_tip_page = make_tip_page(
        slug="scheduled-tips", title="Scheduled tip page", published_at=future
    )
    about = make_page(slug="about", title="About Little Voices", body="<p>We are a charity.</p>")
    draft_page = make_page(slug="draft-page", title="Draft simple page", status=Status.DRAFT)
    scheduled_page = make_page(slug="later", title="Scheduled simple page", published_at=future)
    return SimpleNamespace(**locals())


def assert_public_page(response):
    """Every public page offers a skip link, urgent help and a main landmark."""
    assert links_to(response, "#main", class_="skip-link"), "no skip link"
    assert links_to(response, "/help/", class_="urgent-help"), "no urgent-help link to /help/"
    assert elements(response, "main", id="main"), "no <main id=main>"


PUBLIC_URLS = [
    "/",
    "/guidance/",
    "/guidance/?stage=newborn",
    "/guidance/?topic=crying",
    "/guidance/?stage=newborn&topic=crying",
    "/guidance/crying-newborn/",
    "/tips/",
    "/tips/settling/",
    "/help/",
    "/help/?nation=wales",
    "/search/",
    "/search/?q=crying",
    "/about/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_loads_with_skip_link_and_urgent_help(client, site, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert_public_page(response)


@pytest.mark.parametrize("url", ["/", "/guidance/", "/tips/", "/help/", "/search/?q=x"])
def test_public_pages_load_on_an_empty_site(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert_public_page(response)


# Home


def test_home_shows_stages_topics_latest_articles_and_urgent_help(client, site):
    response = client.get("/")

    assertContains(response, "Newborn")
    assertContains(response, "0 to 3 months")
    assertContains(response, "Crying and settling")
    assertContains(response, "Why newborns cry")
    assertContains(response, "Emergency services")
    assertContains(response, "NHS 111 England")
    assertNotContains(response, "Parent Helpline UK")  # not urgent: it lives on /help/
    assert links_to(response, "/guidance/?stage=newborn")
    assert links_to(response, "/guidance/?topic=crying")


def test_home_features_the_featured_tip_page_and_its_first_tip(client, site):
    response = client.get("/")

    assertContains(response, "Settling your baby")
    assertContains(response, "When your voice is slow and soft, my body starts to settle.")
    assert links_to(response, "/tips/settling/")


def test_home_hides_draft_and_scheduled_content(client, site):
    make_tip_page(title="Draft featured tips", featured=True, status=Status.DRAFT)

    response = client.get("/")

    assertNotContains(response, "Secret draft guidance")
    assertNotContains(response, "Scheduled future guidance")
    assertNotContains(response, "Draft featured tips")


# Article list


def test_article_list_shows_published_articles_only(client, site):
    response = client.get("/guidance/")

    assertContains(response, "Why newborns cry")
    assertContains(response, "Toddler sleep battles")
    assertNotContains(response, "Secret draft guidance")
    assertNotContains(response, "Scheduled future guidance")
    assert links_to(response, "/guidance/crying-newborn/")


def test_article_list_filters_by_stage(client, site):
    response = client.get("/guidance/?stage=newborn")

    assert response.context["stage"] == site.newborn
    assertContains(response, "Why newborns cry")
    assertNotContains(response, "Toddler sleep battles")
    assertNotContains(response, "Secret draft guidance")


def test_article_list_filters_by_topic(client, site):
    response = client.get("/guidance/?topic=sleep")

    assert response.context["topic"] == site.sleep
    assertContains(response, "Toddler sleep battles")
    assertNotContains(response, "Why newborns cry")


def test_article_list_filters_by_stage_and_topic(client, site):
    assert list(client.get("/guidance/?stage=newborn&topic=crying").context["page_obj"]) == [
        site.article
    ]
    response = client.get("/guidance/?stage=newborn&topic=sleep")
    assert list(response.context["page_obj"]) == []
    assertContains(response, "There is no guidance for this choice yet.")


@pytest.mark.parametrize("query", ["stage=no-such-stage", "topic=no-such-topic"])
def test_article_list_with_an_unknown_filter_is_not_found(client, site, query):
    response = client.get(f"/guidance/?{query}")

    assert response.status_code == 404
    assert links_to(response, "/help/")


@pytest.mark.parametrize("page", ["999", "abc", "0", "-1", ""])
def test_article_list_with_a_bad_page_number_still_shows_a_page(client, site, page):
    response = client.get(f"/guidance/?page={page}")

    assert response.status_code == 200
    assertContains(response, "Why newborns cry")


def test_article_list_is_paginated(client):
    for number in range(ARTICLES_PER_PAGE + 3):
        make_article(title=f"Article {number:02d}")

    first = client.get("/guidance/")
    last = client.get("/guidance/?page=999")

    assert len(first.context["page_obj"]) == ARTICLES_PER_PAGE
    assert last.context["page_obj"].number == 2
    assert len(last.context["page_obj"]) == 3
    assert links_to(first, "?page=2")


# Article page


def test_article_page_shows_everything_a_parent_needs(client, site):
    response = client.get("/guidance/crying-newborn/")

    assert response.status_code == 200
    assertContains(response, "<h1>Why newborns cry</h1>", html=True)
    assertContains(response, "Crying is how newborns talk to you.")
    assertContains(response, "<li>Crying peaks around 6 weeks</li>", html=True)
    assertContains(response, "<li>You cannot spoil a newborn</li>", html=True)
    assertContains(response, "<h2>What crying means</h2>", html=True)
    assertContains(response, "<p>Your baby is telling you something.</p>", html=True)
    assertContains(response, "NICE guideline on postnatal care")
    assertContains(response, "Unicef")
    assertContains(response, "Emergency services")
    assertContains(response, "Parent Helpline UK")
    assertContains(response, "Dr Sam Lee, clinical psychologist")
    assertNotContains(response, "Not yet clinically reviewed")
    assert links_to(response, "/guidance/?stage=newborn")


def test_article_page_hides_draft_resources_and_related_articles(client, site):
    response = client.get("/guidance/crying-newborn/")

    assertNotContains(response, "Unchecked Draft Line")
    assertNotContains(response, "Secret draft guidance")
    assertContains(response, "Toddler sleep battles")


def test_article_page_says_when_not_clinically_reviewed(client, site):
    response = client.get("/guidance/toddler-sleep/")

    assertContains(response, "Not yet clinically reviewed")


def test_article_body_is_sanitised_again_when_shown(client, site):
    # Written straight to the database, as a bad import or old data might be.
    Article.objects.filter(pk=site.article.pk).update(
        body='<p onclick="steal()">Safe text</p><script>alert("x")</script>'
    )

    response = client.get("/guidance/crying-newborn/")

    assertContains(response, "Safe text")
    assertNotContains(response, "<script>alert")
    assertNotContains(response, "steal()")


# Drafts and scheduled content are not public


@pytest.mark.parametrize(
    "url",
    [
        "/guidance/draft-article/",
        "/guidance/scheduled-article/",
        "/tips/draft-tips/",
        "/tips/scheduled-tips/",
        "/draft-page/",
        "/later/",
    ],
)
def test_draft_and_scheduled_content_is_not_found(client, site, url):
    response = client.get(url)

    assert response.status_code == 404


def test_draft_article_is_not_public_even_for_staff(admin_client, site):
    # Staff see drafts in the admin; the public address answers the same for everyone.
    assert admin_client.get("/guidance/draft-article/").status_code == 404


# Help


def test_help_page_groups_resources_under_urgency_tiers(client, site):
    response = client.get("/help/")
    content = response.content.decode()

    tiers = [urgency for urgency, _ in response.context["tiers"]]
    assert tiers == [Urgency.NOW, Urgency.TODAY, Urgency.ANY_TIME]
    for urgency in tiers:
        assertContains(response, f">{urgency.label}</h2>")
    assertNotContains(response, str(Urgency.SOON.label))
    # Each resource is shown under its own tier's heading.
    assert (
        content.index(str(Urgency.NOW.label))
        < content.index("Emergency services")
        < content.index(str(Urgency.TODAY.label))
        < content.index("NHS 111 England")
        < content.index(str(Urgency.ANY_TIME.label))
        < content.index("Parent Helpline UK")
    )
    assertContains(response, "Scottish Parent Line")
    assertContains(response, "Llinell Gymorth Wales")
    assertNotContains(response, "Unchecked Draft Line")
    assert links_to(response, "tel:999")


def test_help_page_for_wales_shows_welsh_and_uk_wide_resources_only(client, site):
    response = client.get("/help/?nation=wales")

    assert response.status_code == 200
    assert response.context["nation"] == "wales"
    assertContains(response, "Llinell Gymorth Wales")
    assertContains(response, "Parent Helpline UK")
    assertContains(response, "NHS 111 England")
    assertNotContains(response, "Scottish Parent Line")
    assertNotContains(response, "Unchecked Draft Line")


def test_help_page_links_to_every_nation(client, site):
    response = client.get("/help/")

    for nation in ("england", "scotland", "wales", "northern-ireland"):
        assert links_to(response, f"/help/?nation={nation}")


@pytest.mark.parametrize("nation", ["france", "WALES", "wales%00"])
def test_help_page_for_an_unknown_nation_is_not_found(client, site, nation):
    assert client.get(f"/help/?nation={nation}").status_code == 404


def test_help_page_for_a_nation_with_no_resources_says_where_to_go(client):
    response = client.get("/help/?nation=scotland")

    assert response.status_code == 200
    assertContains(response, "999")


# Simple pages


def test_simple_page_shows_its_title_and_body(client, site):
    response = client.get("/about/")

    assertContains(response, "<h1>About Little Voices</h1>", html=True)
    assertContains(response, "<p>We are a charity.</p>", html=True)


# Not found and server error pages


@pytest.mark.parametrize(
    "url", ["/no-such-page/", "/guidance/no-such-article/", "/tips/no-such-tips/", "/a/b/c/"]
)
def test_unknown_address_gives_a_helpful_not_found_page(client, site, url):
    response = client.get(url)

    assert response.status_code == 404
    assert_public_page(response)
    assertContains(response, "find that page", status_code=404)
    assert len(links_to(response, "/help/")) > 1, "only the header links to help"
    assert links_to(response, "/guidance/")
    assert links_to(response, "/search/")


def test_server_error_page_links_to_help():
    request = RequestFactory().get("/guidance/broken/")

    response = errors.server_error(request)

    assert response.status_code == 500
    assert links_to(response, "/help/")
    assert links_to(response, "tel:999")


def test_server_error_page_names_the_site(settings):
    response = errors.server_error(RequestFactory().get("/"))

    assert f">{settings.SITE_NAME}</a>" in response.text
    assert f"<title>Something went wrong \N{EN DASH} {settings.SITE_NAME}</title>" in response.text


def test_server_error_page_falls_back_to_plain_html_if_the_template_breaks(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("template engine down")

    monkeypatch.setattr(errors.loader, "render_to_string", broken)

    response = errors.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert response.content.decode() == errors.FALLBACK_500
    assert "The 500 page could not be rendered" in caplog.text


def test_an_unhandled_error_gets_the_server_error_page(client, site, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr("guidance.views.Stage.objects.all", explode)
    client.raise_request_exception = False

    response = client.get("/guidance/")

    assert response.status_code == 500
    assert links_to(response, "/help/")


# Search


def test_search_finds_published_content(client, site):
    response = client.get("/search/", {"q": "newborns"})

    assert response.status_code == 200
    assertContains(response, "Why newborns cry")
    assertNotContains(response, "Secret draft guidance")
    assert links_to(response, "/guidance/crying-newborn/")


def test_search_with_an_empty_query_shows_the_form_without_results(client, site):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    assert response.context["results"] is None
    assert elements(response, "input", name="q")


def test_search_with_no_results_suggests_where_to_go(client, site):
    response = client.get("/search/", {"q": "zyxwvut"})

    assert response.status_code == 200
    assert response.context["results"].count == 0
    assert links_to(response, "/help/")
    assert links_to(response, "/guidance/")


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%27%3B+DROP+TABLE+guidance_article%3B+--",
        "q=%25%25%25",
        "q=%5C%5C",
        "q=%E2%80%9Ccrying%E2%80%9D",
        "q=-",
        "q=%FF%FE",
        "q=a&q=b",
        "q=!%26%7C():*",
    ],
)
def test_search_survives_junk_queries(client, site, query_string):
    response = client.get(f"/search/?{query_string}")

    assert response.status_code == 200
    assert Article.objects.count() == 4  # nothing dropped


@pytest.mark.parametrize("query_string", ["q=%00", "q=crying%00baby", "q=%01%1F%7F"])
def test_search_with_control_characters_is_never_a_server_error(client, site, query_string):
    response = client.get(f"/search/?{query_string}")

    assert response.status_code < 500
    assert_public_page(response)


@pytest.mark.parametrize("query_string", ["q=%00", "q=crying%00baby"])
def test_search_drops_nul_characters(client, site, query_string):
    response = client.get(f"/search/?{query_string}")

    assert response.status_code == 200


def test_search_escapes_the_query_it_shows(client, site):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")


def test_search_shows_a_quoted_query_safely(client, site):
    response = client.get("/search/", {"q": "'; DROP TABLE guidance_article; --"})

    assert response.status_code == 200
    assertContains(response, "&#x27;; DROP TABLE guidance_article; --")
    assert Article.objects.count() == 4


def test_search_with_an_over_long_query_is_a_bad_request_with_a_message(client, site):
    response = client.get("/search/", {"q": "crying " * 40})

    assert response.status_code == 400
    assertContains(response, "200 letters or fewer", status_code=400)
    assert_public_page(response)


def test_search_accepts_a_query_of_the_maximum_length(client, site):
    assert client.get("/search/", {"q": "a" * 200}).status_code == 200


# Sitemap, robots.txt and feed


def test_sitemap_lists_public_pages_only(client, site):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    for path in (
        "/",
        "/guidance/",
        "/tips/",
        "/help/",
        "/guidance/crying-newborn/",
        "/guidance/toddler-sleep/",
        "/tips/settling/",
        "/about/",
    ):
        assertContains(response, f"<loc>http://testserver{path}</loc>")
    for path in (
        "/guidance/draft-article/",
        "/guidance/scheduled-article/",
        "/tips/draft-tips/",
        "/tips/scheduled-tips/",
        "/draft-page/",
        "/later/",
    ):
        assertNotContains(response, path)


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assertContains(response, "User-agent: *")
    assertContains(response, "Disallow: /admin/")
    assertContains(response, "Sitemap: http://testserver/sitemap.xml")


def test_feed_lists_newest_public_articles_and_tip_pages(client, site):
    response = client.get("/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assertContains(response, "<title>Why newborns cry</title>")
    assertContains(response, "<title>Settling your baby</title>")
    assertContains(response, "Crying is how newborns talk to you.")
    assertContains(response, "What your baby might tell you at bedtime.")
    assertContains(response, "http://testserver/guidance/crying-newborn/")
    for hidden in (
        "Secret draft guidance",
        "Scheduled future guidance",
        "Draft tip page",
        "Scheduled tip page",
    ):
        assertNotContains(response, hidden)


def test_feed_puts_the_newest_item_first(client):
    now = timezone.now()
    make_article(title="Older article", published_at=now - datetime.timedelta(days=2))
    make_tip_page(title="Newest tips", published_at=now - datetime.timedelta(hours=1))
    make_article(title="Middle article", published_at=now - datetime.timedelta(days=1))

    content = client.get("/feed/").content.decode()

    assert content.index("Newest tips") < content.index("Middle article")
    assert content.index("Middle article") < content.index("Older article")
