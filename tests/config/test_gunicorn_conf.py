"""gunicorn.conf.py: which forwarded headers gunicorn believes, checked by its own parser."""

import runpy

import pytest
from django.conf import settings
from gunicorn.config import Config
from gunicorn.http.parser import RequestParser

CONF = settings.BASE_DIR / "gunicorn.conf.py"
LOCAL_PEER = ("127.0.0.1", 50000)


def gunicorn_config(monkeypatch, **env):
    monkeypatch.delenv("DJANGO_BEHIND_PROXY", raising=False)
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    names = runpy.run_path(str(CONF))
    config = Config()
    for name, value in names.items():
        if name in config.settings:
            config.set(name, value)
    return config


def scheme_seen(config, *headers, peer=LOCAL_PEER):
    raw = b"GET / HTTP/1.1\r\nHost: example.org\r\n"
    raw += b"".join(f"{header}\r\n".encode() for header in headers) + b"\r\n"
    return next(iter(RequestParser(config, iter([raw]), peer))).scheme


@pytest.mark.parametrize(
    "header", ["X-Forwarded-Proto: https", "X-Forwarded-Ssl: on", "X-Forwarded-Protocol: ssl"]
)
def test_without_a_proxy_no_forwarded_header_makes_a_request_https(monkeypatch, header):
    config = gunicorn_config(monkeypatch)

    assert config.secure_scheme_headers == {}
    assert config.forwarded_allow_ips == []
    assert scheme_seen(config, header) == "http"


def test_behind_a_proxy_its_x_forwarded_proto_is_believed(monkeypatch):
    config = gunicorn_config(monkeypatch, DJANGO_BEHIND_PROXY="1")

    assert scheme_seen(config, "X-Forwarded-Proto: https") == "https"
    assert scheme_seen(config, "X-Forwarded-Proto: http") == "http"


@pytest.mark.parametrize("header", ["X-Forwarded-Ssl: on", "X-Forwarded-Protocol: ssl"])
def test_behind_a_proxy_only_the_header_django_reads_counts(monkeypatch, header):
    config = gunicorn_config(monkeypatch, DJANGO_BEHIND_PROXY="1")

    # A client's extra header next to the proxy's own is ignored, not a 400 or an upgrade.
    assert scheme_seen(config, "X-Forwarded-Proto: http", header) == "http"


def test_behind_a_proxy_only_the_proxys_address_is_believed(monkeypatch):
    config = gunicorn_config(monkeypatch, DJANGO_BEHIND_PROXY="1", FORWARDED_ALLOW_IPS="10.0.0.2")

    assert scheme_seen(config, "X-Forwarded-Proto: https", peer=("10.0.0.2", 1)) == "https"
    assert scheme_seen(config, "X-Forwarded-Proto: https", peer=("10.0.0.9", 1)) == "http"
