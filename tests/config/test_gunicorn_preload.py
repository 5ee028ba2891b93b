"""gunicorn.conf.py loads the app once in the master and recycles workers rarely, one at a time.

Restarting every worker every ~2,000 requests, each importing the whole app again, stalled
requests for seconds under load (issue 13); these tests keep that from coming back.
"""

import contextlib
import http.client
import os
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

CONF = settings.BASE_DIR / "gunicorn.conf.py"
START_TIMEOUT = 30


def conf_values(monkeypatch, **env):
    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_the_app_is_preloaded_in_the_master(monkeypatch):
    assert conf_values(monkeypatch)["preload_app"] is True


def test_workers_are_recycled_rarely_and_far_apart(monkeypatch):
    values = conf_values(monkeypatch)
    # At a thousand requests a second over five workers, each lives for minutes, not seconds.
    assert values["max_requests"] >= 50_000
    # Wide jitter: workers reach their limits at different times, never all together.
    assert values["max_requests_jitter"] >= values["max_requests"] // 2


def test_recycling_can_be_switched_off(monkeypatch):
    values = conf_values(monkeypatch, GUNICORN_MAX_REQUESTS="0")
    assert values["max_requests"] == 0
    assert values["max_requests_jitter"] == 0


def free_port():
    """A free port in 8100-8199, the range the project's tests may listen on."""
    for port in range(8100, 8200):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 8100-8199")


def ask(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/")
        return connection.getresponse().read().decode()
    finally:
        connection.close()


@pytest.fixture
def gunicorn_server(tmp_path):
    """gunicorn with gunicorn.conf.py and two workers, serving ``preload_probe``."""
    port = free_port()
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "GUNICORN_")) and name != "WEB_CONCURRENCY"
    }
    env.update(
        PORT=str(port),
        WEB_CONCURRENCY="2",
        # The hooks close Django's database connections; a project with no database will do.
        DJANGO_SETTINGS_MODULE="bench.bare.settings",
        PYTHONPATH=os.pathsep.join([str(settings.BASE_DIR), str(Path(__file__).parent)]),
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-c", str(CONF), "preload_probe:application"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield process, first_answer(process, port)
    finally:
        process.terminate()
        process.wait(30)


def first_answer(process, port):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "gunicorn exited"
        with contextlib.suppress(OSError):
            return ask(port)
        time.sleep(0.1)
    pytest.fail(f"gunicorn did not answer within {START_TIMEOUT} s")


def test_workers_fork_from_a_master_that_has_loaded_the_app(gunicorn_server):
    master, answer = gunicorn_server
    imported_in, worker = (int(pid) for pid in answer.split())
    assert imported_in == master.pid
    assert worker != master.pid
    # A worker is the master's child: it got the app by forking, not by importing it.
    stat = Path(f"/proc/{worker}/stat")
    if stat.exists():
        assert int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master.pid


LOADING_OPENS = """
import threading
import config.wsgi
from django.core.cache import caches
from django.db import connections
opened = [db for db in connections.all(initialized_only=True) if db.connection is not None]
print(len(opened), len(caches.all(initialized_only=True)), threading.active_count())
"""


def test_loading_the_app_opens_nothing_the_forked_workers_would_share(tmp_path):
    """No database or cache connection and no thread at import: each would be shared by every
    worker forked from the preloaded master (``when_ready`` closes database ones regardless)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY="not-a-secret-only-for-this-test",
        DJANGO_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PYTHONPATH=str(settings.BASE_DIR),
    )
    done = subprocess.run(
        [sys.executable, "-c", LOADING_OPENS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert done.stdout.split() == ["0", "0", "1"]
