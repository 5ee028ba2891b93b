"""The guidance pages as a parent meets them: lists, filters, articles, help and simple pages,
read from the test world (tests/support/world.py)."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from guidance.models import Article, Urgency
from tests.support.markup import links_to

# Article list


def test_article_list_shows_published_articles_only(client, world):
    response = client.get("/guidance/")

    assertContains(response, "Why newborns cry")
    assertContains(response, "Toddler sleep battles")
    assertNotContains(response, "Secret draft guidance")
    assertNotContains(response, "Scheduled future guidance")
    assert links_to(response, "/guidance/crying-newborn/")


def test_article_list_filters_by_stage(client, world):
    response = client.get("/guidance/?stage=newborn")

    assert response.context["stage"] == world.newborn
    assertContains(response, "Why newborns cry")
    assertNotContains(response, "Toddler sleep battles")
    assertNotContains(response, "Secret draft guidance")


def test_article_list_filters_by_topic(client, world):
    response = client.get("/guidance/?topic=sleep")

    assert response.context["topic"] == world.sleep
    assertContains(response, "Toddler sleep battles")
    assertNotContains(response, "Why newborns cry")


def test_article_list_filters_by_stage_and_topic(client, world):
    shown = client.get("/guidance/?stage=newborn&topic=crying").context["page_obj"]
    assert [entry.title for entry in shown] == [world.article.title]
    response = client.get("/guidance/?stage=newborn&topic=sleep")
    assert list(response.context["page_obj"]) == []
    assertContains(response, "There is no guidance for this choice yet.")


@pytest.mark.parametrize("query", ["stage=no-such-stage", "topic=no-such-topic"])
def test_article_list_with_an_unknown_filter_is_not_found(client, world, query):
    response = client.get(f"/guidance/?{query}")

    assert response.status_code == 404
    assert links_to(response, "/help/")


@pytest.mark.parametrize("page", ["999", "abc", "0", "-1", ""])
def test_article_list_with_a_bad_page_number_still_shows_a_page(client, world, page):
    response = client.get(f"/guidance/?page={page}")

    assert response.status_code == 200
    assertContains(response, "Why newborns cry")


# Article page


def test_article_page_shows_everything_a_parent_needs(client, world):
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


def test_article_page_hides_draft_resources_and_related_articles(client, world):
    response = client.get("/guidance/crying-newborn/")

    assertNotContains(response, "Unchecked Draft Line")
    assertNotContains(response, "Secret draft guidance")
    assertContains(response, "Toddler sleep battles")


def test_article_page_says_when_not_clinically_reviewed(client, world):
    response = client.get("/guidance/toddler-sleep/")

    assertContains(response, "Not yet clinically reviewed")


def test_article_body_is_sanitised_again_when_shown(client, world):
    # Written straight to the database, as a bad import or old data might be.
    Article.objects.filter(pk=world.article.pk).update(
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
def test_draft_and_scheduled_content_is_not_found(client, world, url):
    response = client.get(url)

    assert response.status_code == 404


def test_draft_article_is_not_public_even_for_staff(admin_client, world):
    # Staff see drafts in the admin; the public address answers the same for everyone.
    assert admin_client.get("/guidance/draft-article/").status_code == 404


# Help


def test_help_page_groups_resources_under_urgency_tiers(client, world):
    response = client.get("/help/")
    # The tiers, after the urgent lines grouped by nation (tests/guidance/test_help_nations.py).
    content = response.content.decode().partition('<section class="tier ')[2]

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


def test_help_page_for_wales_shows_welsh_and_uk_wide_resources_only(client, world):
    response = client.get("/help/wales/")

    assert response.status_code == 200
    assert response.context["nation"] == "wales"
    assertContains(response, "Llinell Gymorth Wales")
    assertContains(response, "Parent Helpline UK")
    assertContains(response, "NHS 111 England")
    assertNotContains(response, "Scottish Parent Line")
    assertNotContains(response, "Unchecked Draft Line")


def test_help_page_links_to_every_nation(client, world):
    response = client.get("/help/")

    for nation in ("england", "scotland", "wales", "northern-ireland"):
        assert links_to(response, f"/help/{nation}/")


@pytest.mark.parametrize("nation", ["france", "WALES", "wales%00"])
def test_help_page_for_an_unknown_nation_is_not_found(client, world, nation):
    assert client.get(f"/help/?nation={nation}").status_code == 404


# Simple pages


def test_simple_page_shows_its_title_and_body(client, world):
    response = client.get("/about/")

    assertContains(response, "<h1>About Little Voices</h1>", html=True)
    assertContains(response, "<p>We are a charity.</p>", html=True)
