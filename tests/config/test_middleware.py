import json
import logging
import re

import pytest
from django.db import connection
from django.db.utils import OperationalError
from django.test import Client

from core.logging import JSONFormatter, RequestIdFilter
from website import errors

pytestmark = pytest.mark.django_db


def test_healthz_reports_a_reachable_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_a_load_balancer_that_uses_an_ip_address(client):
    response = client.get("/healthz", headers={"host": "10.0.0.7:8000"})

    assert response.status_code == 200


def test_healthz_says_unavailable_without_detail_when_the_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused by 10.1.2.3 for user secret")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert b"10.1.2.3" not in response.content


def test_every_response_carries_a_request_id(client):
    first = client.get("/help/")
    second = client.get("/help/")

    assert len(first["X-Request-ID"]) >= 8
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_a_proxys_request_id_is_kept_when_it_is_sane(client):
    response = client.get("/help/", headers={"x-request-id": "abc-123-def-456"})

    assert response["X-Request-ID"] == "abc-123-def-456"


@pytest.mark.parametrize("sane", ["a" * 8, "a" * 64, "req.2026-12-02_0001"])
def test_a_request_id_of_8_to_64_safe_characters_is_kept(client, sane):
    response = client.get("/help/", headers={"x-request-id": sane})

    assert response["X-Request-ID"] == sane


ODD_REQUEST_IDS = [
    "<script>",
    "a" * 200,
    "a" * 65,
    "short",
    "id with spaces",
    "abc-123-def-456\n",
    "abc-123-def-456\r\n",
    "abc-123-def-456\r\nSet-Cookie: session=stolen",
    "abc%0d%0a123456",
    "ünïcödé-12345",
    "".join(chr(0xFF11 + n) for n in range(9)),  # full-width digits 1 to 9
    "abc/123;456=789",
]


@pytest.mark.parametrize("bad", ODD_REQUEST_IDS)
def test_an_odd_request_id_is_replaced(client, bad):
    response = client.get("/help/", headers={"x-request-id": bad})

    assert response.status_code == 200
    assert response["X-Request-ID"] != bad
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("bad", ODD_REQUEST_IDS)
def test_an_odd_request_id_never_reaches_the_log(client, caplog, bad):
    with caplog.at_level(logging.INFO, logger="littlevoices.request"):
        response = client.get("/help/", headers={"x-request-id": bad})

    record = next(r for r in caplog.records if r.name == "littlevoices.request")
    assert record.request_id == response["X-Request-ID"] != bad


def test_requests_are_logged_with_their_id_status_and_duration(client, caplog):
    with caplog.at_level(logging.INFO, logger="littlevoices.request"):
        response = client.get("/help/?page=2")

    record = next(r for r in caplog.records if r.name == "littlevoices.request")
    assert record.status == 200
    assert record.path == "/help/"
    assert record.method == "GET"
    assert record.duration_ms >= 0
    assert RequestIdFilter().filter(record)
    assert json.loads(JSONFormatter().format(record))["status"] == 200
    assert response["X-Request-ID"]


def test_json_log_lines_are_valid_json_with_the_exception():
    try:
        raise ValueError("bad thing")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "it %s", ("broke",), sys.exc_info()
        )
    record.request_id = "req-12345678"

    line = json.loads(JSONFormatter().format(record))

    assert line["message"] == "it broke"
    assert line["level"] == "ERROR"
    assert line["request_id"] == "req-12345678"
    assert "ValueError: bad thing" in line["exception"]


def test_a_server_error_shows_a_helpful_page_and_logs_the_request_id(monkeypatch):
    def broken(query, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("search.views.search_site", broken)
    captured = []

    class Capture(logging.Handler):
        def emit(self, record):
            captured.append(record)

    handler = Capture(level=logging.ERROR)
    handler.addFilter(RequestIdFilter())
    logging.getLogger("django.request").addHandler(handler)
    try:
        response = Client(raise_request_exception=False).get("/search/?q=crying")
    finally:
        logging.getLogger("django.request").removeHandler(handler)

    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert request_id.encode() in response.content
    assert b"tel:999" in response.content
    assert b'href="/help/"' in response.content
    assert [record.request_id for record in captured] == [request_id]
    assert "boom" in str(captured[0].exc_info[1])


def test_the_server_error_handler_works_without_a_request_id():
    response = errors.server_error(None)

    assert response.status_code == 500
    assert b"reference" not in response.content
