import functools

from django.urls import get_script_prefix, reverse
from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def site(request):
    """
    The charity's details (``site_settings``) and name (``site_name``) on every page. Read only
    when a template uses them, and at most once a request: the admin's pages never do.
    """
    settings = SimpleLazyObject(SiteSettings.current)
    return {
        "site_settings": settings,
        "site_name": SimpleLazyObject(lambda: settings.name),
        "nav_section": SimpleLazyObject(lambda: nav_section(request.path)),
    }


# The main menu's sections, by URL name: a page at or below the address is in the section.
NAV_SECTIONS = {
    "guidance": ("guidance:article_list", True),
    "tips": ("tips:tip_page_list", True),
    "help": ("guidance:help", False),  # /help/ itself: a nation's page is not marked
}


@functools.cache
def _section_addresses(script_prefix):
    return [(name, reverse(url_name), below) for name, (url_name, below) in NAV_SECTIONS.items()]


def nav_section(path):
    """The section of the main menu ``path`` is in ("guidance", "tips", "help"), or "": the
    menu marks its link as the current page. It is all the header varies on, so the header is
    kept in the fragment cache once per section (templates/base.html)."""
    for name, address, below in _section_addresses(get_script_prefix()):
        if path == address or (below and path.startswith(address)):
            return name
    return ""
