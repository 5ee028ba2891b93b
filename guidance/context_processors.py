import functools

from django.conf import settings
from django.template.loader import render_to_string

from .forms import SearchForm


def site(request):
    """The site's name and the header search form, on every page."""
    return {"site_name": settings.SITE_NAME, "header_search": header_search_html()}


@functools.cache
def header_search_html():
    """The header's search form (crispy), rendered once per process: it never changes."""
    form = SearchForm(prefix=None, auto_id="header-%s", in_header=True)
    return render_to_string("includes/header_search.html", {"form": form})
