"""A WSGI app for ``test_gunicorn_preload``: it answers with the id of the process that imported it.

Under a preloading gunicorn that is the master, which forks the workers with the app already
loaded; without preloading, each worker imports it for itself.
"""

import os

IMPORTED_IN = os.getpid()


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"{IMPORTED_IN} {os.getpid()}".encode()]
