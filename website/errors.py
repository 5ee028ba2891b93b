"""Error pages that still help a parent find their way, and urgent help."""

import logging

from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader

from core.logging import request_id_var

logger = logging.getLogger(__name__)

FALLBACK_500 = (
    "<!doctype html><html lang='en-GB'><title>Something went wrong</title>"
    "<h1>Something went wrong</h1><p>Sorry, this page is not working right now. "
    "If you need urgent help, call 111, or 999 in an emergency.</p>"
    "<p><a href='/help/'>Where to get help</a> · <a href='/'>Home</a></p>"
)


def page_not_found(request, exception):
    """404 page. Template: ``404.html``."""
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    """500 page. Template: ``500.html``, rendered without anything that needs the database."""
    try:
        context = {"site_name": settings.SITE_NAME, "request_id": request_id_var.get()}
        body = loader.render_to_string("500.html", context)
    except Exception:
        logger.exception("The 500 page could not be rendered")
        body = FALLBACK_500
    return HttpResponseServerError(body)
