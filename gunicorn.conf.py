"""gunicorn settings; each can be overridden by an environment variable."""

import multiprocessing
import os

from gunicorn.http import wsgi as gunicorn_wsgi

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# The app logs every request itself (JSON, with a request id); set GUNICORN_ACCESS_LOG=- to
# have gunicorn's own access log as well.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "config.wsgi:application"


class ResponseWithoutServerHeader(gunicorn_wsgi.Response):
    """gunicorn always names itself in a Server header; we tell attackers nothing."""

    def default_headers(self):
        return [header for header in super().default_headers() if not header.startswith("Server:")]


gunicorn_wsgi.Response = ResponseWithoutServerHeader
