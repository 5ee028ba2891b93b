from django.conf import settings

from .forms import SearchForm


def site(request):
    """The site's name and the header search form, on every page."""
    return {
        "site_name": settings.SITE_NAME,
        "header_search_form": SearchForm(prefix=None, auto_id="header-%s", in_header=True),
    }
