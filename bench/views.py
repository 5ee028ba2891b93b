"""The baseline for ``make bench``: the cheapest page Django can serve (see bench/README.md).

Mounted at ``/_bench/trivial/`` only when ``DJANGO_BENCH_TRIVIAL_VIEW`` is on, which only the
benchmark does. Every page's throughput is quoted as a share of this view's, measured through the
same gunicorn, middleware and load generator in the same run, so the machine's speed cancels out.
"""

from django.http import HttpResponse

BODY_SIZE = 10 * 1024


def _fixed_page():
    head = (
        '<!doctype html>\n<html lang="en-GB">\n<head><meta charset="utf-8">'
        "<title>Trivial page</title></head>\n<body>\n<h1>Trivial page</h1>\n"
    )
    tail = "</body>\n</html>\n"
    line = (
        "<p>A fixed paragraph that pads the page to ten kilobytes, as a real page would be.</p>\n"
    )
    filler = line * ((BODY_SIZE - len(head) - len(tail)) // len(line) + 1)
    padding = BODY_SIZE - len(head) - len(tail)
    return (head + filler[:padding] + tail).encode()


TRIVIAL_PAGE = _fixed_page()
assert len(TRIVIAL_PAGE) == BODY_SIZE


def trivial(request):
    """A fixed 10 KB HTML page, built once at import; no template, no database."""
    return HttpResponse(TRIVIAL_PAGE, content_type="text/html; charset=utf-8")
