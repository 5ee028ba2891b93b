"""The resource link checker, run against a local test server (never the internet)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from guidance.linkcheck import check_url
from guidance.models import Resource, Status
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def answer(self, head):
        path = self.path
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
        else:
            self.reply(404)

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
    result = check_url(server + path, timeout=2)

    assert result.status == status
    assert result.ok is ok


def test_a_slow_server_times_out(server):
    result = check_url(server + "/slow", timeout=0.3)

    assert result.error == "timed out"
    assert not result.ok


def test_a_closed_port_is_connection_refused():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = check_url(f"http://127.0.0.1:{port}/", timeout=1)

    assert result.error == "connection refused"


def test_only_web_addresses_are_fetched():
    assert check_url("file:///etc/passwd").error == "not a web address"


def test_the_command_records_each_resources_status(server, capsys):
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


def test_dry_run_records_nothing(server):
    resource = make_resource(name="Bad", url=server + "/gone")

    call_command("check_resource_links", timeout=2, dry_run=True)

    assert Resource.objects.get(pk=resource.pk).link_checked_at is None


def test_a_redirect_loop_is_reported(server):
    result = check_url(server + "/loop", timeout=2)

    assert result.error == "too many redirects"


def test_the_admin_lists_broken_web_addresses(admin_client, server):
    make_resource(name="Works fine", url=server + "/ok")
    make_resource(name="Gone away", url=server + "/gone")
    call_command("check_resource_links", timeout=2)

    response = admin_client.get("/admin/guidance/resource/?link=broken")

    assert response.status_code == 200
    assert b"Gone away" in response.content
    assert b"Works fine" not in response.content
    assert b"broken (HTTP 404)" in response.content
