"""gunicorn settings; each can be overridden by an environment variable."""

import gc
import multiprocessing
import os

from gunicorn.http import wsgi as gunicorn_wsgi

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load Django once, in the master, and fork the workers from it: a worker starts in milliseconds
# instead of importing the whole app, and the imported code is shared between workers. The
# catch: a new release needs a restart (``systemctl restart``), not a HUP, which would fork the
# old code again.
preload_app = True
# Recycle each worker now and then so a slow leak never grows without bound, but rarely and far
# apart: every ~2,000 requests (as before) restarted all workers together every few seconds under
# load, and each restart stalled its queued requests (p99 in seconds). With a jitter of half the
# limit, workers restart one at a time, hours apart at ordinary traffic.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 2
# The app logs every request itself (JSON, with a request id); set GUNICORN_ACCESS_LOG=- to
# have gunicorn's own access log as well.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def _behind_proxy():
    """``DJANGO_BEHIND_PROXY``, read as config/settings.py reads it (its env_bool)."""
    return os.environ.get("DJANGO_BEHIND_PROXY", "").strip().lower() in {"1", "true", "yes", "on"}


# A client may send X-Forwarded-Proto (or -Ssl, -Protocol) itself, and a local proxy that does not
# overwrite them passes them on: believing them would make plain HTTP look like HTTPS and skip the
# redirect to HTTPS. So, as in the Django settings, nothing forwarded is trusted unless
# DJANGO_BEHIND_PROXY says a proxy we run sets it, and then only X-Forwarded-Proto (the header
# Django reads), so gunicorn and Django never disagree about the scheme. gunicorn trusts any peer
# on a unix socket, which is why the list of headers is emptied as well as the list of addresses.
if _behind_proxy():
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
wsgi_app = "config.wsgi:application"


def when_ready(server):
    """In the preloaded master, just before the first workers are forked."""
    # A database connection or socket opened while loading would be shared by every forked
    # worker, which corrupts it; nothing opens one at import today, and this keeps it so.
    from django.db import connections

    connections.close_all()
    # Objects made while loading live for ever: freezing them keeps the collector from touching
    # (and so copying) the pages that workers share with the master.
    gc.freeze()


def post_fork(server, worker):
    """In each new worker: never use a connection the master opened (see ``when_ready``)."""
    from django.db import connections

    connections.close_all()


class ResponseWithoutServerHeader(gunicorn_wsgi.Response):
    """gunicorn always names itself in a Server header; we tell attackers nothing."""

    def default_headers(self):
        return [header for header in super().default_headers() if not header.startswith("Server:")]


gunicorn_wsgi.Response = ResponseWithoutServerHeader
