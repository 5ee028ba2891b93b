"""HTTP caching headers, conditional requests, and the page cache's invalidation."""

import datetime

import pytest
from django.contrib.sitemaps import Sitemap
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.db import connection
from django.shortcuts import render
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import contentversion
from core.models import Status
from guidance import views
from tests.support import pages
from tests.support.factories import make_article
from website import pagecache
from website.middleware import ANSWERED_HEADER
from website.sitemaps import Sitemaps

# Every test here runs in the test world (tests/support/world.py), built once for the module.
pytestmark = pytest.mark.usefixtures("world")

# Every page type a reader is shown, in every state: each is cached for the public.
PUBLIC_PAGES = [page_type for page_type in pages.HTML_PAGE_TYPES if page_type.status == 200]
ARTICLE = "/guidance/crying-newborn/"  # the world's article
CACHED_PAGES = [*PUBLIC_PAGES, *pages.named("sitemap", "feed", "robots")]


def count_queries(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response, len(queries)


@pytest.mark.parametrize("page_type", pages.params(PUBLIC_PAGES))
def test_public_pages_can_be_cached_briefly_by_browsers_and_cdns(
    client, world, page_type, settings
):
    response = client.get(page_type.url(world))

    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {
        "public",
        f"max-age={settings.PAGE_MAX_AGE}",
        f"stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE}",
    }
    assert response["ETag"]
    assert response["Last-Modified"]


@pytest.mark.parametrize("page_type", pages.params(PUBLIC_PAGES))
def test_a_repeat_visit_with_the_etag_gets_304(client, world, page_type):
    path = page_type.url(world)
    first = client.get(path)

    again = client.get(path, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_a_repeat_visit_with_last_modified_gets_304(client, world):
    first = client.get(ARTICLE)

    again = client.get(ARTICLE, headers={"if-modified-since": first["Last-Modified"]})

    assert again.status_code == 304


def test_a_cached_page_is_served_without_touching_the_database(client, world):
    first, first_queries = count_queries(client, ARTICLE)
    again, again_queries = count_queries(client, ARTICLE)

    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.parametrize("page_type", pages.params(CACHED_PAGES))
@pytest.mark.parametrize("accept_encoding", ["", "gzip", "br"])
def test_a_cached_page_has_every_header_the_whole_stack_gave_it(
    client, world, page_type, accept_encoding
):
    path = page_type.url(world)
    rendered, rendered_queries = count_queries(client, path, accept_encoding=accept_encoding)
    cached, cached_queries = count_queries(client, path, accept_encoding=accept_encoding)

    assert rendered_queries > 0 and cached_queries == 0
    assert cached.status_code == rendered.status_code == 200
    assert cached.content == rendered.content
    assert rendered.has_header("Content-Security-Policy")
    # Each request has its own id, and says how it was answered; every other header is the same.
    assert rendered["X-Request-ID"] != cached["X-Request-ID"]
    assert (rendered["X-Page-Cache"], cached["X-Page-Cache"]) == ("miss", "hit")
    assert stored_headers(cached) == stored_headers(rendered)


def stored_headers(response):
    return {
        name: value
        for name, value in response.items()
        if name not in ("X-Request-ID", "X-Page-Cache")
    }


def test_the_page_cache_can_be_turned_off(client, world, settings, monkeypatch):
    settings.PAGE_CACHE = False
    client.get(ARTICLE)
    # The page is rendered again (its own row and parts are still kept: no query is needed).
    rendered = []
    monkeypatch.setattr(views, "render", lambda *args: rendered.append(args) or render(*args))

    again = client.get(ARTICLE)

    assert len(rendered) == 1
    assert again[ANSWERED_HEADER] == "miss"
    assert "public" in again["Cache-Control"]


def test_an_edit_shows_at_once(client, world, django_capture_on_commit_callbacks):
    assert b"Crying" in client.get(ARTICLE).content

    with django_capture_on_commit_callbacks(execute=True):
        world.article.title = "Crying and soothing"
        world.article.save()

    assert b"Crying and soothing" in client.get(ARTICLE).content


def test_an_edit_to_a_linked_resource_shows_on_the_article(
    client, world, django_capture_on_commit_callbacks
):
    client.get(ARTICLE)
    resource = world.parent_line

    with django_capture_on_commit_callbacks(execute=True):
        resource.name = "Parent helpline"
        resource.save()

    assert b"Parent helpline" in client.get(ARTICLE).content


def test_unpublishing_takes_a_page_off_every_cached_page(
    client, world, django_capture_on_commit_callbacks
):
    for path in ("/", "/guidance/", ARTICLE):
        assert client.get(path).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        world.article.status = Status.DRAFT
        world.article.save()

    assert client.get(ARTICLE).status_code == 404
    assert ARTICLE.encode() not in client.get("/guidance/").content
    assert ARTICLE.encode() not in client.get("/").content


def test_publishing_and_relinking_shows_at_once(client, world, django_capture_on_commit_callbacks):
    draft = make_article(slug="new", title="Brand new", status=Status.DRAFT)
    assert b"Brand new" not in client.get("/guidance/").content

    with django_capture_on_commit_callbacks(execute=True):
        draft.status = Status.PUBLISHED
        draft.save()
    assert b"Brand new" in client.get("/guidance/").content

    with django_capture_on_commit_callbacks(execute=True):
        world.article.related.add(draft)
    assert b"Brand new" in client.get(ARTICLE).content


def test_scheduled_content_appears_at_its_time_without_an_edit(client, world, monkeypatch):
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    make_article(slug="later", title="Coming later", published_at=publish_at)
    assert b"Coming later" not in client.get("/guidance/").content

    later = publish_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert b"Coming later" in client.get("/guidance/").content


def test_staff_are_never_cached(admin_client, world):
    response = admin_client.get(ARTICLE)

    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]


def test_staff_never_see_a_page_cached_for_the_public(
    admin_client, client, world, django_capture_on_commit_callbacks
):
    client.get(ARTICLE)

    # A change made without signals (e.g. raw SQL) leaves the public cache as it was...
    type(world.article).objects.filter(pk=world.article.pk).update(title="Changed quietly")

    assert b"Changed quietly" not in client.get(ARTICLE).content
    # ...but staff always get a fresh render.
    assert b"Changed quietly" in admin_client.get(ARTICLE).content


def test_admin_pages_are_not_public(admin_client):
    response = admin_client.get("/admin/")

    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_not_found_pages_are_not_cached(client, world):
    response = client.get("/guidance/nothing-here/")

    assert response.status_code == 404
    assert "public" not in response["Cache-Control"]


def test_different_query_strings_are_cached_separately(client, world):
    everywhere = client.get("/help/")
    wales = client.get("/help/?nation=wales")  # after /help/ is cached, still its own answer

    assert everywhere.status_code == 200
    assert wales.status_code == 301


def test_a_cached_page_is_never_served_to_a_disallowed_host(client, world):
    client.get(ARTICLE)

    response = client.get(ARTICLE, headers={"host": "evil.example"})

    assert response.status_code == 400


def test_each_allowed_host_gets_its_own_copy(client, world, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]

    first = client.get(ARTICLE, headers={"host": "a.example"})
    second = client.get(ARTICLE, headers={"host": "b.example"})

    assert f"http://a.example{ARTICLE}".encode() in first.content
    assert f"http://b.example{ARTICLE}".encode() in second.content


def test_a_head_request_gets_the_same_caching_headers_as_get(client, world):
    got = client.get(ARTICLE)
    head = client.head(ARTICLE)

    assert head.status_code == 200
    assert head["Cache-Control"] == got["Cache-Control"]
    assert head["ETag"] == got["ETag"]


# Query strings: only the parameters a page reads make a separate copy.


@pytest.mark.parametrize("page_type", pages.params(CACHED_PAGES))
def test_parameters_a_page_does_not_read_are_served_from_the_cache(client, world, page_type):
    path = page_type.url(world)
    first = client.get(path)

    joiner = "&" if "?" in path else "?"
    again, queries = count_queries(client, f"{path}{joiner}x=8f14e45f&utm_source=newsletter")

    assert first.status_code == again.status_code == 200
    assert queries == 0
    assert again.content == first.content


def test_the_sitemap_and_feed_are_served_from_the_cache_the_second_time(client, world):
    for path in ("/sitemap.xml", "/feed/"):
        first, first_queries = count_queries(client, path)
        again, again_queries = count_queries(client, path)

        assert first_queries > 0, path
        assert again_queries == 0, path
        assert again.content == first.content


def test_a_random_query_string_does_not_render_the_sitemap_again(client, world, monkeypatch):
    rendered = []
    get_urls = Sitemap.get_urls

    def counting_get_urls(sitemap, *args, **kwargs):
        rendered.append(type(sitemap))
        return get_urls(sitemap, *args, **kwargs)

    monkeypatch.setattr(Sitemap, "get_urls", counting_get_urls)

    for number in range(5):
        assert client.get(f"/sitemap.xml?x={number}").status_code == 200

    assert sorted(rendered, key=str) == sorted(Sitemaps().values(), key=str)  # once, not five times


@pytest.fixture
def filtered_site(world):
    make_article(
        slug="night-feeds", title="Night feeds", stages=[world.newborn], topics=[world.sleep]
    )
    make_article(slug="tantrums", title="Tantrums", stages=[world.toddler])


def test_the_parameters_a_page_reads_still_give_different_pages(client, filtered_site):
    newborn = client.get("/guidance/?stage=newborn").content
    toddler = client.get("/guidance/?stage=toddler").content
    sleep = client.get("/guidance/?topic=sleep").content
    toddler_sleep = client.get("/guidance/?stage=toddler&topic=sleep").content

    assert b"Night feeds" in newborn and b"Tantrums" not in newborn
    assert b"Tantrums" in toddler and b"Night feeds" not in toddler
    assert b"Night feeds" in sleep and b"Tantrums" not in sleep
    assert b"Night feeds" not in toddler_sleep and b"Tantrums" not in toddler_sleep


def test_an_extra_parameter_gives_the_same_page_as_without_it(client, filtered_site):
    plain = client.get("/guidance/?stage=newborn")

    tracked, queries = count_queries(client, "/guidance/?utm_campaign=spring&stage=newborn")

    assert queries == 0
    assert tracked.content == plain.content


def test_the_order_of_parameters_does_not_matter(client, filtered_site):
    first = client.get("/guidance/?stage=newborn&topic=sleep")

    again, queries = count_queries(client, "/guidance/?topic=sleep&stage=newborn")

    assert queries == 0
    assert again.content == first.content


def test_a_repeated_parameter_counts_as_the_page_reads_it_the_last_one(client, filtered_site):
    newborn = client.get("/guidance/?stage=newborn")

    same, queries = count_queries(client, "/guidance/?stage=toddler&stage=newborn")
    toddler = client.get("/guidance/?stage=newborn&stage=toddler")

    assert queries == 0
    assert same.content == newborn.content
    assert b"Tantrums" in toddler.content and b"Night feeds" not in toddler.content


@pytest.mark.parametrize("query", ["?page=1", "?page=", "?page=first", "?stage=&topic=&page=01"])
def test_page_numbers_that_mean_the_first_page_share_its_copy(client, filtered_site, query):
    first = client.get("/guidance/")

    again, queries = count_queries(client, f"/guidance/{query}")

    assert queries == 0
    assert again.content == first.content


def test_search_keeps_a_copy_per_query_nation_and_spelling(client, world):
    crying = client.get("/search/?q=crying")
    soothing = client.get("/search/?q=soothing")
    _, repeat_queries = count_queries(client, "/search/?ref=home&q=crying")
    exact = client.get("/search/?q=crying&spell=off")
    _, unknown_nation_queries = count_queries(client, "/search/?q=crying&nation=atlantis")

    assert crying.content != soothing.content
    assert repeat_queries == unknown_nation_queries == 0
    assert exact.status_code == 200
    assert count_queries(client, "/search/?spell=off&q=crying")[1] == 0


def test_a_sitemap_page_that_does_not_exist_is_not_served_the_first_page(client, world):
    assert client.get("/sitemap.xml").status_code == 200

    assert client.get("/sitemap.xml?p=1").status_code == 200
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=two").status_code == 404


def test_the_sitemap_loads_no_article_bodies(client, world):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200

    article_queries = [q["sql"] for q in queries if 'FROM "guidance_article"' in q["sql"]]
    assert article_queries
    assert not any('"body"' in sql for sql in article_queries)


def test_every_page_named_in_the_cache_parameters_exists():
    # Leaflets take a page's slug; the other pages take nothing.
    slugs = {"sharing:article_leaflet", "sharing:tip_page_leaflet"}
    for name in pagecache.PAGE_PARAMETERS:
        assert reverse(name, kwargs={"slug": "x"} if name in slugs else None)


def test_a_page_kept_before_a_deploy_is_not_served_after_it(client, world, monkeypatch):
    """A new release names new static files: its pages and their parts are kept anew."""
    monkeypatch.setattr("core.contentversion.release", lambda: "release-one")
    first = client.get(ARTICLE)
    assert client.get(ARTICLE)["X-Page-Cache"] == "hit"

    monkeypatch.setattr("core.contentversion.release", lambda: "release-two")
    after = client.get(ARTICLE)

    assert (first["X-Page-Cache"], after["X-Page-Cache"]) == ("miss", "miss")
    assert client.get(ARTICLE)["X-Page-Cache"] == "hit"


def test_the_release_is_the_code_and_the_collected_static_files_manifest(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    staticfiles_storage._setup()

    code, manifest, _static_url = contentversion.release().split("-")
    assert manifest == staticfiles_storage.manifest_hash != ""
    assert code == contentversion._code_digest()


def test_the_release_changes_with_a_template_or_module_but_not_with_tests(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "views.py").write_text("ANSWER = 1\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_app.py").write_text("first\n")
    digest = contentversion._code_digest.__wrapped__

    first = digest()
    (tmp_path / "tests" / "test_app.py").write_text("second\n")
    (tmp_path / "app" / "notes.md").write_text("not code\n")
    (tmp_path / "venv" / "lib").mkdir(parents=True)
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (tmp_path / "venv" / "lib" / "package.py").write_text("installed\n")
    assert digest() == first

    (tmp_path / "app" / "page.html").write_text("<p>new</p>\n")
    with_template = digest()
    (tmp_path / "app" / "views.py").write_text("ANSWER = 2\n")

    assert len({first, with_template, digest()}) == 3
