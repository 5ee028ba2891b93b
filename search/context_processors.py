import functools

from django.template.loader import render_to_string

from .forms import SearchForm


def header_search(request):
    """The header search form, on every page."""
    return {"header_search": header_search_html()}


@functools.cache
def header_search_html():
    """The header's search form (crispy), rendered once per process: it never changes."""
    form = SearchForm(prefix=None, auto_id="header-%s", in_header=True)
    return render_to_string("includes/header_search.html", {"form": form})
