"""Working offline in a real browser: our service worker (/sw.js, website/offline.py) keeps the
help pages and the pages read, shows the offline page for the rest, never keeps a staff page,
and a new version of it clears the old one's files."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from tests.support.browser import PHONE
from website import offline

# django_db: pytest-django makes the test database, which the live server reads (see conftest).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CACHES_JS = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    found[name] = (await (await caches.open(name)).keys()).map(request => request.url);
  }
  return found;
}"""
CONTROLLED_JS = "() => navigator.serviceWorker.controller !== null"
UPDATE_JS = "async () => { await (await navigator.serviceWorker.getRegistration()).update(); }"


def wait_until(check, seconds=15, what="the condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def saved_urls(page):
    """Every address kept in the worker's caches, by cache."""
    return page.evaluate(CACHES_JS)


def read_pages(page):
    return saved_urls(page).get(offline.PAGES_CACHE, [])


@pytest.fixture
def phone(browser, live_site):
    """A tab of a new browser context (nothing saved yet) whose home page has installed the
    worker and is controlled by it."""
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    page.goto(live_site.url + "/")
    page.wait_for_function(CONTROLLED_JS, timeout=15_000)
    yield page
    context.close()


def precache_of(page):
    names = [name for name in saved_urls(page) if name.startswith("lv-precache-")]
    assert len(names) == 1, names
    return names[0]


def test_help_pages_and_pages_read_open_offline_and_the_rest_show_the_offline_page(
    phone, live_site
):
    article = live_site.page_url("article")
    login = live_site.url + reverse("accounts:login")
    phone.goto(article)
    article_title = phone.title()
    wait_until(lambda: article in read_pages(phone), what="the article to be kept")
    assert phone.goto(login).status == 200  # read online first

    phone.context.set_offline(True)

    for path, heading in (("/help/", "Where to get help"), ("/help/wales/", "Wales")):
        response = phone.goto(live_site.url + path)
        assert response.status == 200 and response.from_service_worker, path
        assert heading in phone.locator("h1").inner_text(), path
    response = phone.goto(article)
    assert response.from_service_worker
    assert phone.title() == article_title
    assert phone.locator("link[rel=stylesheet]").count() == 1
    # Styled: the stylesheet came from the worker's cache too.
    assert phone.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"
    # A page saved before a deploy names the stylesheet's old hashed name: the current one does.
    old_name = "/static/css/site.0123456789ab.css"
    assert phone.evaluate(f"fetch('{old_name}').then(response => response.text())").startswith(
        phone.evaluate("fetch('/static/css/site.css').then(response => response.text())")[:200]
    )

    unvisited = live_site.page_url("tips")
    response = phone.goto(unvisited)
    assert response.status == 200 and response.from_service_worker
    assert phone.url == unvisited
    assert phone.locator("h1").inner_text() == "You are offline"
    main = phone.locator("main")
    assert main.locator("a[href='tel:999']").count() >= 1
    assert main.locator("a[href='tel:111']").count() >= 1
    assert main.locator(".nation-group").count() == 4
    # With JavaScript, the pages read are listed, the article among them.
    saved = phone.locator("[data-offline-saved]")
    saved.wait_for(state="visible")
    listed = saved.locator(f"a[href='{article}']").inner_text()
    assert listed and article_title.startswith(listed)

    # The staff login page was read online, but is never kept: offline it does not open at all.
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        phone.goto(login)
    reader = phone.context.new_page()  # caches are read from one of our pages
    reader.goto(live_site.url + "/help/")
    admin = live_site.url + "/" + settings.ADMIN_PATH
    assert not [url for urls in saved_urls(reader).values() for url in urls if admin in url]


def test_pages_read_by_someone_signed_in_are_never_kept(phone, live_site):
    tip_page, simple_page = live_site.page_url("tip-page"), live_site.page_url("simple-page")
    # Any session cookie makes every page private, as it is for a member of staff signed in.
    phone.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": "a-staff-session", "url": live_site.url}]
    )
    assert "private" in phone.goto(tip_page).headers["cache-control"]
    phone.context.clear_cookies()
    phone.goto(simple_page)
    # The worker keeps pages in the order they were read: once the later one is kept, the
    # earlier one would have been.
    wait_until(lambda: simple_page in read_pages(phone), what="the simple page to be kept")
    assert tip_page not in read_pages(phone)


def test_a_new_worker_version_replaces_the_old_precache_and_keeps_the_pages_read(
    phone, live_site, monkeypatch
):
    article = live_site.page_url("article")
    phone.goto(article)
    wait_until(lambda: article in read_pages(phone), what="the article to be kept")
    old = precache_of(phone)

    # Any change to what the worker says makes a new version (a deploy, in real life).
    monkeypatch.setattr(offline, "WAIT_MS", offline.WAIT_MS + 1)
    phone.evaluate(UPDATE_JS)

    wait_until(lambda: old not in saved_urls(phone), what="the old precache to be deleted")
    new = precache_of(phone)
    assert new != old
    assert live_site.url + "/help/" in saved_urls(phone)[new]
    assert article in read_pages(phone)
