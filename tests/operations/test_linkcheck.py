"""The resource link checker, run against a local test server (never the internet).

The checker refuses addresses on this machine and in private networks unless told otherwise,
so these tests allow the test server explicitly; nothing here connects anywhere else.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.core.management import call_command

from core.models import Status
from guidance.models import Resource
from operations.linkcheck import check_url, public_address
from tests.support.factories import make_resource

pytestmark = pytest.mark.django_db


def on_this_machine(address, port):
    return address.is_loopback


def check(url, **kwargs):
    """Check ``url`` allowing this machine, where the test server is."""
    return check_url(url, allowed=on_this_machine, **kwargs)


@pytest.fixture
def allow_test_server(settings):
    settings.LINKCHECK_ALLOW_PRIVATE = True


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, head):
        path, query = self.path.split("?", 1) if "?" in self.path else (self.path, "")
        if path == "/ok":
            self.reply(200)
        elif path == "/gone":
            self.reply(404)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/moved-to-gone":
            self.send_response(302)
            self.send_header("Location", "/gone")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/no-head":
            self.reply(405 if head else 200)
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/error":
            self.reply(500)
        elif path == "/slow":
            time.sleep(2)
            self.reply(200)
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", parse_qs(query)["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/drip":
            self.drip()
        else:
            self.reply(404)

    def drip(self):
        """A status line, then a header one byte every 2 seconds (for at most 12 seconds)."""
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self.wfile.flush()
            for byte in b"X-Slow: yes\r\n"[:6]:
                time.sleep(2)
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        except OSError:
            pass  # the checker hung up
        self.close_connection = True

    def reply(self, status):
        body = b"hello"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("path", "status", "ok"),
    [
        ("/ok", 200, True),
        ("/moved", 200, True),
        ("/no-head", 200, True),
        ("/gone", 404, False),
        ("/moved-to-gone", 404, False),
        ("/error", 500, False),
    ],
)
def test_check_url_reports_the_final_status(server, path, status, ok):
    result = check(server + path, timeout=2)

    assert result.status == status
    assert result.ok is ok


def test_a_slow_server_times_out(server):
    result = check(server + "/slow", timeout=0.3)

    assert result.error == "timed out"
    assert not result.ok


def test_a_closed_port_is_connection_refused():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = check(f"http://127.0.0.1:{port}/", timeout=1)

    assert result.error == "connection refused"


def test_only_web_addresses_are_fetched():
    assert check_url("file:///etc/passwd").error == "not a web address"


def test_the_command_records_each_resources_status(server, allow_test_server, capsys):
    good = make_resource(name="Good", url=server + "/ok")
    bad = make_resource(name="Bad", url=server + "/gone")
    no_url = make_resource(name="Phone only", url="")
    draft = make_resource(name="Draft", url=server + "/gone", status=Status.DRAFT)

    call_command("check_resource_links", timeout=2)

    good, bad, no_url, draft = (Resource.objects.get(pk=r.pk) for r in (good, bad, no_url, draft))
    assert (good.link_status, good.link_is_broken) == (200, False)
    assert (bad.link_status, bad.link_is_broken) == (404, True)
    assert good.link_checked_at and bad.link_checked_at
    assert no_url.link_checked_at is None
    assert draft.link_checked_at is None
    output = capsys.readouterr().out
    assert "Bad" in output and "HTTP 404" in output
    assert "2 web addresses: 1 need attention" in output


def test_dry_run_records_nothing(server, allow_test_server):
    resource = make_resource(name="Bad", url=server + "/gone")

    call_command("check_resource_links", timeout=2, dry_run=True)

    assert Resource.objects.get(pk=resource.pk).link_checked_at is None


def test_a_redirect_loop_is_reported(server):
    result = check(server + "/loop", timeout=2)

    assert result.error == "too many redirects"


def test_the_admin_lists_broken_web_addresses(admin_client, server, allow_test_server):
    make_resource(name="Works fine", url=server + "/ok")
    make_resource(name="Gone away", url=server + "/gone")
    call_command("check_resource_links", timeout=2)

    response = admin_client.get("/admin/guidance/resource/?link=broken")

    assert response.status_code == 200
    assert b"Gone away" in response.content
    assert b"Works fine" not in response.content
    assert b"broken (HTTP 404)" in response.content


# Addresses inside our own network: refused at every hop, after the name is resolved.

PRIVATE = [
    "http://127.0.0.1:1/",
    "http://localhost:1/",
    "http://[::1]:1/",
    "http://[::ffff:127.0.0.1]:1/",
    "http://0.0.0.0:1/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://224.0.0.1/",
    "http://2130706433:1/",  # 127.0.0.1 written as one number
]


@pytest.mark.parametrize("url", PRIVATE)
def test_private_and_local_addresses_are_refused(url):
    result = check_url(url, timeout=1)

    assert result.error == "not a public address"
    assert result.status is None


@pytest.mark.parametrize("url", PRIVATE)
def test_a_redirect_into_a_private_network_is_refused(server, url):
    port = int(server.rsplit(":", 1)[1])

    def public_or_the_test_server(address, where):
        # The first hop (the test server) is let through; every other address must be public.
        return public_address(address, where) or (address.is_loopback and where == port)

    result = check_url(f"{server}/redirect?to={url}", timeout=1, allowed=public_or_the_test_server)

    assert result.error == "not a public address"
    assert result.status is None


def test_the_command_refuses_the_test_server_unless_told_to_allow_it(server, capsys):
    resource = make_resource(name="Inside", url=server + "/ok")

    call_command("check_resource_links", timeout=2)

    resource.refresh_from_db()
    assert (resource.link_status, resource.link_error) == (None, "not a public address")


def test_a_server_dripping_its_headers_is_cut_off_at_the_deadline(server):
    started = time.monotonic()
    result = check(server + "/drip", timeout=3, deadline=1)
    took = time.monotonic() - started

    assert result.error == "timed out"
    assert took < 2.5


def test_the_deadline_covers_every_redirect(server):
    started = time.monotonic()
    result = check(server + "/redirect?to=/slow", timeout=3, deadline=0.5)
    took = time.monotonic() - started

    assert result.error == "timed out"
    assert took < 1.5
