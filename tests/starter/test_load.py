"""
``load_starter_content`` on a site that has the starter content: what it creates, how the pages
look, and the rules for loading again.

Loading takes a while, so it happens once for the module, in a transaction rolled back at the
end; each test runs inside it and whatever a test changes is undone after it. The tests that need
a site with nothing loaded are in test_fresh_site.py.
"""

import pytest
from django.db import transaction
from django.utils.html import escape
from pytest_django.asserts import assertContains

from core.models import Status
from guidance.models import Article, Nation, Page, Resource, StarterItem
from starter import loader
from tests.support.markup import links_to
from tests.support.search import grouped as search_site
from tests.support.starter import counts, load
from tips.models import TipPage

pytestmark = pytest.mark.django_db

CONTENT = loader.read()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The output of loading the starter content, once for the module (rolled back after it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


@pytest.fixture
def starter(loaded, db):
    return loaded


def test_starter_content_has_enough_published_articles(starter):
    articles = Article.objects.published()

    assert articles.count() >= 8
    assert all(article.is_starter for article in articles)
    assert not Article.objects.exclude(status=Status.PUBLISHED).exists()


def test_starter_articles_are_complete(starter):
    for article in Article.objects.all():
        assert article.summary, article
        assert len(article.in_brief_points) >= 3, article
        assert "<h2>" in article.body, article
        assert article.sources.exists(), article
        assert article.resources.exists(), article
        assert article.stages.exists() or article.topics.exists(), article


def test_starter_pages_are_within_the_reading_age_target(starter, settings):
    for folder, model in (("articles", Article), ("tips", TipPage)):
        for page in model.objects.all():
            where = f"starter/content/{folder}/{page.slug}.md"
            assert page.word_count > 100, where
            assert page.reading_age <= settings.READING_AGE_TARGET, where


def test_starter_content_has_tip_pages_of_five_to_eight_tips(starter):
    tip_pages = TipPage.objects.published()

    assert tip_pages.count() >= 3
    for tip_page in tip_pages:
        assert 5 <= tip_page.tips.count() <= 8, tip_page
        assert all(tip.baby_says and tip.try_this for tip in tip_page.tips.all()), tip_page


def test_starter_content_features_a_tip_page_on_the_home_page(starter, client):
    featured = TipPage.objects.published().filter(featured=True)

    assert featured.exists()
    assert client.get("/").context["featured_tip_page"] in featured


@pytest.mark.parametrize("nation", list(Nation))
def test_starter_resources_serve_every_uk_nation(starter, nation):
    resources = Resource.objects.published().for_nation(nation)
    own = [resource for resource in resources if len(resource.nations) < len(Nation)]

    assert own, f"no resource just for {nation.label}"
    assert resources.filter(urgency=1).exists(), f"no emergency contact for {nation.label}"


@pytest.mark.parametrize("slug", ["about", "accessibility", "privacy", "for-professionals"])
def test_starter_content_has_the_simple_pages(starter, client, slug):
    page = Page.objects.published().get(slug=slug)

    response = client.get(f"/{slug}/")

    assert response.status_code == 200
    assertContains(response, page.title)


def test_the_page_for_professionals_explains_sharing_and_is_linked_from_the_site(starter, client):
    response = client.get("/for-professionals/")

    for href in ("/p/new/", "/feed/", "/privacy/", "/help/"):
        assert links_to(response, href), href
    for words in ("/a/12/", "/t/3/", "/a/12/qr.svg", "/help/wales/leaflet/", "personal data"):
        assertContains(response, words)
    assertContains(response, "Nothing on this site tracks who opens a link")
    assert links_to(client.get("/about/"), "/for-professionals/")
    footer = client.get("/").text.split('<footer class="site-footer">')[1]
    assert links_to(footer, "/for-professionals/")
    assert "http://testserver/for-professionals/</loc>" in client.get("/sitemap.xml").text


def test_starter_content_records_every_item_it_loaded(starter):
    keys = set(StarterItem.objects.values_list("key", flat=True))

    assert {f"article:{item['slug']}" for item in CONTENT.articles} <= keys
    assert {f"tippage:{item['slug']}" for item in CONTENT.tip_pages} <= keys
    assert {f"resource:{item['slug']}" for item in CONTENT.resources} <= keys
    assert {f"page:{item['slug']}" for item in CONTENT.pages} <= keys


def test_loading_reports_what_it_created(starter):
    first_article = CONTENT.articles[0]

    assert f"Created article:{first_article['slug']} ({first_article['title']})" in starter
    assert f"Created {len(StarterItem.objects.all())}, skipped 0" in starter


def test_loading_twice_creates_nothing_more(starter):
    before = counts()

    output = load()

    assert counts() == before
    assert "Created 0" in output


def test_loading_again_keeps_an_editors_changes(starter):
    article = Article.objects.order_by("pk").first()
    article.title = "Our own title"
    article.body = "<p>Rewritten by our editor.</p>"
    article.save()
    resource = Resource.objects.get(slug="samaritans")
    resource.phone = "116 123 (edited)"
    resource.save()

    load()

    article.refresh_from_db()
    resource.refresh_from_db()
    assert article.title == "Our own title"
    assert article.body == "<p>Rewritten by our editor.</p>"
    assert resource.phone == "116 123 (edited)"


def test_loading_again_keeps_an_editors_unpublishing(starter):
    article = Article.objects.order_by("pk").first()
    article.status = Status.DRAFT
    article.save()

    load()

    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_a_deleted_starter_article_is_not_recreated(starter):
    article = Article.objects.order_by("pk").first()
    slug = article.slug
    article.delete()
    tip_page = TipPage.objects.order_by("pk").first()
    tip_page.delete()
    before = counts()

    load()

    assert not Article.objects.filter(slug=slug).exists()
    assert not TipPage.objects.filter(slug=tip_page.slug).exists()
    assert counts() == before


def test_dry_run_after_loading_would_create_nothing(starter):
    before = counts()

    output = load("--dry-run")

    assert counts() == before
    assert "Would create 0" in output


def test_every_starter_article_renders(starter, client):
    for article in Article.objects.published():
        response = client.get(article.get_absolute_url())

        assert response.status_code == 200, article.slug
        assertContains(response, escape(article.summary))
        assertContains(response, "Not yet clinically reviewed")
        for point in article.in_brief_points:
            assertContains(response, escape(point))


def test_every_starter_tip_page_renders(starter, client):
    for tip_page in TipPage.objects.published():
        response = client.get(tip_page.get_absolute_url())

        assert response.status_code == 200, tip_page.slug
        for tip in tip_page.tips.all():
            assertContains(response, escape(tip.baby_says))
            # Rich text: stored already sanitised, and shown as it is stored.
            assertContains(response, tip.try_this)


def test_every_public_page_type_renders_with_starter_content(starter, client):
    for url in ["/", "/guidance/", "/tips/", "/help/", "/sitemap.xml", "/feed/"]:
        assert client.get(url).status_code == 200, url
    for kind, items in (("stage", CONTENT.stages), ("topic", CONTENT.topics)):
        for item in items:
            url = f"/guidance/?{kind}={item['slug']}"
            assert client.get(url).status_code == 200, url
    for nation in Nation:
        assert client.get(f"/help/{nation.value}/").status_code == 200, nation


def test_help_page_with_starter_content_shows_every_tier(starter, client):
    response = client.get("/help/")

    tiers = [urgency for urgency, _ in response.context["tiers"]]
    assert tiers == sorted(tiers)
    assert len(tiers) == 4
    for urgency in tiers:
        assertContains(response, urgency.label)


def test_search_finds_starter_content(starter):
    articles = search_site("cries")["articles"]
    resources = search_site("samaritans")["resources"]

    assert "understanding-your-babys-cues-and-cries" in [article.slug for article in articles]
    assert [resource.slug for resource in resources][:1] == ["samaritans"]
