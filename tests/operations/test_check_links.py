"""``manage.py check_links``: every outbound link on published pages, checked against a local
test server (never the internet), politely and once per address."""

import contextlib
import itertools
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.checkedlinks import CheckedLink
from core.models import Status
from guidance.models import ArticleSource, Resource
from operations import linkcheck
from operations.linkcheck import any_address, check_urls
from operations.pagelinks import links_in_html
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tips.models import TipPageSource

pytestmark = pytest.mark.django_db

# Other names for 127.0.0.1: to the checker each is a different site.
LOOPBACK_NAMES = ["127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001"]


class Server:
    """A test web server that notes every request: which, when, and how many at once."""

    def __init__(self):
        self.requests = []  # (method, path, when it came)
        self.lock = threading.Lock()
        self.busy = 0
        self.most_at_once = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_HEAD(self):
                server.answer(self)

            def do_GET(self):
                server.answer(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]

    def url(self, path, host="127.0.0.1"):
        return f"http://{host}:{self.port}{path}"

    def answer(self, handler):
        # Noted before answering: the checker may be done as soon as the answer is sent.
        with self.lock:
            self.requests.append((handler.command, handler.path, time.monotonic()))
            self.busy += 1
            self.most_at_once = max(self.most_at_once, self.busy)
        path = handler.path.split("?", 1)[0]
        if path.startswith("/slow"):
            time.sleep(0.2)
        with self.lock:
            self.busy -= 1
        handler.send_response(404 if path.startswith("/gone") else 200)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def paths(self):
        return sorted(path for _, path, _ in self.requests)


@pytest.fixture
def server():
    server = Server()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture(autouse=True)
def allow_test_server(settings):
    settings.LINKCHECK_ALLOW_PRIVATE = True


def check_links(**options):
    call_command("check_links", timeout=2, per_host_rate=1000, **options)


def rows():
    return {(str(row.page), row.place, row.text, row.url) for row in CheckedLink.objects.all()}


def test_links_are_found_in_bodies_tips_sources_and_resources(server):
    make_article(
        title="Crying",
        body=f'<p>See <a href="{server.url("/nhs")}">the NHS</a>.</p>',
        sources=[("NHS crying guide", server.url("/source"))],
    )
    tip_page = make_tip_page(
        title="Sleep",
        intro=f'<p><a href="{server.url("/intro")}">Intro link</a></p>',
        tips=[
            {"baby_says": "Hold me", "try_this": "<p>Rock gently.</p>"},
            {
                "baby_says": "Sing to me",
                "try_this": f'<p>Try <a href="{server.url("/gone/song")}">a song</a>.</p>',
                "why_it_helps": f'<p><a href="{server.url("/why")}">Why</a></p>',
            },
        ],
    )
    TipPageSource.objects.create(page=tip_page, title="Sleep study", url=server.url("/study"))
    make_page(title="About", body=f'<p><a href="{server.url("/about")}">Us</a></p>')
    make_resource(name="Helpline", url=server.url("/help"))

    check_links()

    assert rows() == {
        ("Crying", "body", "the NHS", server.url("/nhs")),
        ("Crying", "source: NHS crying guide", "NHS crying guide", server.url("/source")),
        ("Sleep", "introduction", "Intro link", server.url("/intro")),
        ("Sleep", "tip 2", "a song", server.url("/gone/song")),
        ("Sleep", "tip 2", "Why", server.url("/why")),
        ("Sleep", "source: Sleep study", "Sleep study", server.url("/study")),
        ("About", "body", "Us", server.url("/about")),
        ("Helpline", "web address", "Helpline", server.url("/help")),
    }
    broken = CheckedLink.objects.broken().get()
    assert (broken.page, broken.status, broken.first_broken_at) == (
        tip_page,
        404,
        broken.checked_at,
    )
    assert broken.problem == "the site answered with error 404"
    assert CheckedLink.objects.exclude(pk=broken.pk).filter(status=200).count() == 7
    # The resource screens still get the status of its web address.
    assert Resource.objects.get(name="Helpline").link_status == 200


def test_drafts_and_other_kinds_of_link_are_not_fetched(server):
    make_article(
        body=(
            '<p><a href="mailto:help@example.org">Email</a> <a href="tel:08001234567">Ring</a> '
            '<a href="/guidance/sleep/">Sleep</a> <a href="#top">Top</a></p>'
        )
    )
    make_article(status=Status.DRAFT, body=f'<p><a href="{server.url("/draft")}">Draft</a></p>')
    make_resource(status=Status.DRAFT, url=server.url("/draft-resource"))
    make_resource(url="", phone="0800 123 4567")

    check_links()

    assert server.requests == []
    assert not CheckedLink.objects.exists()


def test_each_address_is_fetched_once_however_many_pages_link_to_it(server):
    shared = server.url("/shared")
    for number in range(3):
        make_article(
            body=f'<p><a href="{shared}">Link {number}</a> <a href="{shared}">again</a></p>'
        )
    make_resource(url=shared)
    make_article(body="<p>No links</p>", sources=[("Shared", shared)])

    check_links()

    assert server.paths() == ["/shared"]
    assert CheckedLink.objects.filter(url=shared).count() == 5


def gaps(starts):
    starts = sorted(starts)
    return [later - earlier for earlier, later in itertools.pairwise(starts)]


@pytest.fixture
def turns(monkeypatch):
    """When the pacer let each request go, as it reckoned it. The server's clock would also
    count how late a busy machine ran each thread, so the pace is read where it is kept."""
    granted = []
    turn = linkcheck.HostPacer.turn

    @contextlib.contextmanager
    def recorded(self, host, ends):
        with turn(self, host, ends) as allowed:
            if allowed:
                next_allowed = self._hosts[host.lower()][1]
                granted.append(next_allowed - self.interval)
            yield allowed

    monkeypatch.setattr(linkcheck.HostPacer, "turn", recorded)
    return granted


def test_a_site_gets_one_request_at_a_time_whatever_the_number_of_workers(server):
    urls = [server.url(f"/slow/{number}") for number in range(4)]

    check_urls(urls, timeout=2, workers=4, allowed=any_address, per_host_rate=1000)

    assert len(server.requests) == 4
    assert server.most_at_once == 1


def test_a_site_gets_no_more_than_the_set_number_of_requests_a_second(server, turns):
    # Quick answers: without the pace they would all come within milliseconds.
    urls = [server.url(f"/ok/{number}") for number in range(4)]
    # A HEAD refused with 404, then the GET retry: both count.
    urls.append(server.url("/gone/retried"))

    check_urls(urls, timeout=2, workers=4, allowed=any_address, per_host_rate=4)

    assert len(server.requests) == len(turns) == 6
    # Four a second is a quarter of a second apart.
    assert min(gaps(turns)) >= 0.25 - 1e-9


def test_different_sites_are_checked_at_once_up_to_the_number_of_workers(server):
    urls = [server.url(f"/slow/{n}", host) for host in LOOPBACK_NAMES for n in range(2)]

    results = check_urls(urls, timeout=2, workers=3, allowed=any_address, per_host_rate=1000)

    assert all(result.status == 200 for result in results.values())
    assert len(server.requests) == 10
    assert server.most_at_once == 3


def test_the_command_takes_its_pace_and_workers_from_its_options(server, turns):
    for number in range(3):
        make_resource(url=server.url(f"/ok/{number}"))

    call_command("check_links", timeout=2, per_host_rate=4, workers=4)

    assert len(server.requests) == len(turns) == 3
    assert min(gaps(turns)) >= 0.25 - 1e-9


@pytest.mark.parametrize(
    "options", [{"workers": 0}, {"per_host_rate": 0}, {"max_links_per_page": 0}]
)
def test_impossible_limits_are_refused(options):
    with pytest.raises(CommandError):
        call_command("check_links", **options)


def test_links_gone_from_published_pages_are_forgotten(server):
    kept = make_article(
        title="Kept",
        body=f'<p><a href="{server.url("/a")}">A</a> <a href="{server.url("/b")}">B</a></p>',
    )
    unpublished = make_tip_page(
        title="Unpublished", intro=f'<p><a href="{server.url("/c")}">C</a></p>'
    )
    deleted = make_page(title="Deleted", body=f'<p><a href="{server.url("/d")}">D</a></p>')
    source = ArticleSource.objects.create(article=kept, title="Gone", url=server.url("/e"))
    check_links()
    assert CheckedLink.objects.count() == 5

    kept.body = f'<p><a href="{server.url("/a")}">A</a></p>'
    kept.save()
    source.delete()
    unpublished.status = Status.DRAFT
    unpublished.save()
    deleted.delete()
    check_links()

    assert rows() == {("Kept", "body", "A", server.url("/a"))}


def test_a_link_keeps_the_time_it_first_broke_until_it_works(server):
    article = make_article(body=f'<p><a href="{server.url("/gone/x")}">X</a></p>')
    check_links()
    first = CheckedLink.objects.get()

    check_links()
    again = CheckedLink.objects.get()
    assert again.checked_at > first.checked_at
    assert again.first_broken_at == first.first_broken_at

    article.body = f'<p><a href="{server.url("/x")}">X</a></p>'
    article.save()
    check_links()
    fixed = CheckedLink.objects.get()
    assert (fixed.status, fixed.first_broken_at, fixed.is_broken) == (200, None, False)


def test_a_page_with_thousands_of_links_is_checked_only_up_to_the_limit(server, capsys):
    links = "".join(f'<a href="{server.url(f"/many/{n}")}">{n}</a> ' for n in range(5000))
    make_article(title="Link farm", body=f"<p>{links}</p>")

    started = time.monotonic()
    check_links(max_links_per_page=20)

    assert time.monotonic() - started < 10
    assert len(server.requests) == 20
    assert CheckedLink.objects.count() == 20
    assert "Link farm: more than 20 links" in capsys.readouterr().out


def test_a_run_checks_at_most_the_set_number_of_addresses(server, capsys):
    for number in range(4):
        make_resource(url=server.url(f"/r/{number}"))

    check_links(max_urls=3)

    assert len(server.requests) == 3
    assert "1 links not checked: more than 3 addresses" in capsys.readouterr().out


def test_a_dry_run_records_nothing(server):
    make_article(body=f'<p><a href="{server.url("/gone/y")}">Y</a></p>')

    call_command("check_links", timeout=2, dry_run=True)

    assert [method for method, *_ in server.requests] == ["HEAD", "GET"]
    assert not CheckedLink.objects.exists()


def test_the_old_command_name_checks_every_link_too(server):
    make_article(title="Old name", body=f'<p><a href="{server.url("/old")}">Old</a></p>')

    call_command("check_resource_links", timeout=2)

    assert rows() == {("Old name", "body", "Old", server.url("/old"))}


def test_links_in_html_keeps_each_web_address_once_with_its_first_text():
    markup = (
        '<p><a href="https://a.example/x?y=1&amp;z=2"> First\n text </a>'
        '<a href="https://a.example/x?y=1&amp;z=2">second</a>'
        '<a href="HTTPS://b.example/">B</a><a>no address</a><a href="ftp://c.example/">C</a>'
        '<a href="https://d.example/">unclosed'
    )

    assert links_in_html(markup, 10) == {
        "https://a.example/x?y=1&z=2": "First text",
        "HTTPS://b.example/": "B",
        "https://d.example/": "unclosed",
    }
    assert list(links_in_html(markup, 1)) == ["https://a.example/x?y=1&z=2"]
