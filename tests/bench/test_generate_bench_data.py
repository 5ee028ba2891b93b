import importlib
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.urls import NoReverseMatch, clear_url_caches, reverse

from bench.views import TRIVIAL_PAGE
from core.richtext import html_to_text, sanitise_html
from guidance.models import Article, ArticleSource, Resource, Stage, Topic, Urgency
from tests.support import pages
from tests.support.factories import make_article
from tips.models import Tip, TipPage

pytestmark = pytest.mark.django_db


def generate(**options):
    options = {"articles": 6, "tip_pages": 2, "resources": 8, "seed": 3, **options}
    out = StringIO()
    call_command("generate_bench_data", stdout=out, **options)
    return out.getvalue()


def test_creates_published_content_of_the_chosen_size():
    generate()

    assert Stage.objects.count() == 5
    assert Topic.objects.count() == 8
    assert Article.objects.published().count() == 6
    assert TipPage.objects.published().count() == 2
    assert Tip.objects.count() == 12
    assert Resource.objects.published().count() == 8
    assert {resource.urgency for resource in Resource.objects.all()} == set(Urgency.values)
    assert Resource.objects.filter(serves_scotland=False).exists()
    assert TipPage.objects.filter(featured=True).count() == 1
    for article in Article.objects.all():
        assert article.slug.startswith("bench-article-0000")
        assert 3 <= article.sources.count() <= 5
        assert article.stages.exists() and article.topics.exists()
        assert article.resources.exists() and article.related.exists()


def test_article_bodies_are_sanitised_and_about_1200_words():
    generate()

    for article in Article.objects.all():
        assert article.body == sanitise_html(article.body)
        assert article.body_text == html_to_text(article.body)
        assert 1000 <= len(article.body_text.split()) <= 1400


def test_same_seed_gives_the_same_text():
    generate(seed=7)
    first = list(Article.objects.order_by("slug").values_list("title", "body"))
    generate(seed=7)
    assert list(Article.objects.order_by("slug").values_list("title", "body")) == first


def test_running_again_replaces_the_earlier_bench_content():
    generate(articles=6)
    generate(articles=3)

    assert Article.objects.count() == 3
    assert not ArticleSource.objects.filter(article__slug="bench-article-00006").exists()
    assert Stage.objects.count() == 5


def test_dry_run_writes_nothing():
    out = generate(dry_run=True)

    assert "Dry run" in out
    assert not Article.objects.exists()
    assert not Stage.objects.exists()


def test_refuses_a_database_with_real_articles_unless_forced():
    make_article(slug="real-article")

    with pytest.raises(CommandError, match="not bench data"):
        generate()
    assert Article.objects.count() == 1

    generate(force=True)
    assert Article.objects.count() == 7
    assert Article.objects.filter(slug="real-article").exists()


def test_generated_pages_render(client):
    generate()
    # The generated data as a world for the page types: no simple pages among it.
    world = SimpleNamespace(
        stage=Stage.objects.get(slug="newborn"),
        topic=Topic.objects.order_by("slug").first(),
        article=Article.objects.order_by("slug").first(),
        tip_page=TipPage.objects.order_by("slug").first(),
        search_words="crying+baby",
    )

    for page_type in pages.PAGE_TYPES:
        if page_type.status == 200 and page_type.can_show(world):
            response = client.get(page_type.url(world))
            assert response.status_code == 200, page_type.name
    assert world.article.title.encode() in client.get("/guidance/").content


@pytest.fixture
def reload_urls(settings):
    """Re-read config.urls with the current settings; put the usual URLs back afterwards."""

    def reload():
        importlib.reload(importlib.import_module("config.urls"))
        clear_url_caches()

    yield reload
    settings.BENCH_TRIVIAL_VIEW = False
    reload()


def test_trivial_view_is_not_served_by_default(client, settings, reload_urls):
    settings.BENCH_TRIVIAL_VIEW = False
    reload_urls()

    with pytest.raises(NoReverseMatch):
        reverse("bench_trivial")
    assert client.get("/_bench/trivial/").status_code == 404


def test_trivial_view_serves_a_fixed_10_kb_page_when_turned_on(client, settings, reload_urls):
    settings.BENCH_TRIVIAL_VIEW = True
    reload_urls()

    response = client.get(reverse("bench_trivial"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content == TRIVIAL_PAGE
    assert len(response.content) == 10 * 1024
