"""After a change, each page is rendered once, not by every worker asking for it at that moment."""

import threading
import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from core import contentversion
from core.models import Status
from tests.support.factories import make_article
from website import middleware, pagecache
from website.middleware import PublicPageCacheMiddleware

ARTICLE = "/guidance/waiting/"


@pytest.fixture
def article(db):
    return make_article(slug="waiting", title="Waiting")


def keys_for(path, encoding=""):
    """The keys of ``path``'s copy and its render lock, in the current version."""
    page = pagecache.page_key(RequestFactory().get(path))
    version = contentversion.content_version()
    return version, pagecache.copy_key(page, encoding), pagecache.render_lock_key(page, version)


@pytest.fixture
def other_worker(monkeypatch):
    """
    Another worker rendering ARTICLE: it holds the render lock now, and ``other_worker.finish``
    (a function of the version, the copy's key and the lock's key) runs while this request waits,
    at its first pause.
    """
    version, key, lock = keys_for(ARTICLE)
    assert cache.add(lock, True)
    worker = SimpleNamespace(finish=None, pauses=0)

    def pause(seconds):
        worker.pauses += 1
        if worker.pauses == 1 and worker.finish:
            worker.finish(version, key, lock)

    monkeypatch.setattr(middleware.time, "sleep", pause)
    return worker


def test_a_request_waits_for_the_copy_another_worker_is_rendering(client, article, other_worker):
    def finish(version, key, lock):
        cache.set(key, (version["token"], b"rendered by the other worker", [("X-Test", "1")]))
        cache.delete(lock)

    other_worker.finish = finish

    with CaptureQueriesContext(connection) as queries:
        response = client.get(ARTICLE)

    assert response.content == b"rendered by the other worker"
    assert response["X-Test"] == "1"
    assert len(queries) == 0  # nothing rendered here


def test_a_request_renders_itself_when_the_other_worker_stores_nothing(
    client, article, other_worker
):
    other_worker.finish = lambda version, key, lock: cache.delete(lock)  # say, a 404 page

    response = client.get(ARTICLE)

    assert response.status_code == 200
    assert b"Waiting" in response.content
    assert other_worker.pauses == 1  # it stopped waiting at once


def test_a_copy_from_before_an_unpublish_is_never_served_to_a_waiting_request(
    client, article, other_worker, django_capture_on_commit_callbacks
):
    def finish(version, key, lock):
        # The other worker stores its copy just as an editor unpublishes the page.
        cache.set(key, (version["token"], b"the page before it was unpublished", []))
        with django_capture_on_commit_callbacks(execute=True):
            article.status = Status.DRAFT
            article.save()

    other_worker.finish = finish

    response = client.get(ARTICLE)

    assert response.status_code == 404
    assert b"before it was unpublished" not in response.content


def test_a_request_waits_only_so_long_then_renders_itself(
    client, article, other_worker, monkeypatch
):
    monkeypatch.setattr(middleware, "RENDER_WAIT_SECONDS", 0)  # the lock is never let go

    response = client.get(ARTICLE)

    assert response.status_code == 200
    assert b"Waiting" in response.content


@pytest.mark.django_db(transaction=True)
def test_many_requests_at_once_after_a_change_render_each_page_once(monkeypatch):
    make_article(slug="waiting", title="Waiting")
    paths = [ARTICLE, "/guidance/", "/"]
    readers_per_page = 4
    renders = []
    render = PublicPageCacheMiddleware.render

    def slow_counted_render(self, request, *args):
        renders.append(request.path)
        time.sleep(0.3)  # long enough for every other reader to ask meanwhile
        return render(self, request, *args)

    monkeypatch.setattr(PublicPageCacheMiddleware, "render", slow_counted_render)
    for path in paths:
        Client().get(path)  # cached in the first version
    contentversion.invalidate()  # a change: every copy is now out of date
    renders.clear()

    start = threading.Barrier(len(paths) * readers_per_page, timeout=10)
    answers = []

    def read(path):
        start.wait()  # all at once
        try:
            answers.append(Client().get(path, headers={"accept-encoding": "gzip"}).status_code)
        finally:
            # Not connections.close_all(): on an in-memory SQLite database that does nothing,
            # lest the database vanish; this thread's own connection can go (the test keeps one).
            for own in connections.all(initialized_only=True):
                BaseDatabaseWrapper.close(own)

    readers = [
        threading.Thread(target=read, args=(path,))
        for path in paths
        for _ in range(readers_per_page)
    ]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(10)

    assert answers == [200] * len(readers)
    assert sorted(renders) == sorted(paths)  # once each, by one of its readers


@pytest.mark.django_db
def test_workers_finding_the_version_gone_agree_on_the_next():
    first = contentversion.renew(None)
    second = contentversion.renew(None)  # another worker, a moment later

    assert second["token"] == first["token"]


@pytest.mark.django_db
def test_workers_finding_the_version_ended_agree_on_the_next():
    ended = {**contentversion.content_version(), "next_change": contentversion.timezone.now()}
    cache.set(contentversion.VERSION_KEY, ended)

    first = contentversion.renew(ended)
    second = contentversion.renew(ended)  # another worker that read the ended version too

    assert first["token"] == second["token"] != ended["token"]
