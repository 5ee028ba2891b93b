"""
A page's broken links, shown on its change form.

``manage.py check_links`` records every outbound link it checks (``core.checkedlinks``); an
editor opening a page sees the ones that failed, in a section of their own at the top of the
form, so they can fix them while they are there. Pages with no broken links show nothing.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.checkedlinks import CheckedLink

BROKEN_LINKS_FIELD = "broken_links"
# A page shows at most this many (the dashboard lists them all).
BROKEN_LINKS_SHOWN = 50


class BrokenLinksAdminMixin:
    """Adds a read-only "Broken links" section to the change form of a page that has some."""

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), BROKEN_LINKS_FIELD)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not _broken_links(obj):
            return fieldsets
        section = (
            _("Broken links"),
            {
                "fields": (BROKEN_LINKS_FIELD,),
                "description": _(
                    "The last link check could not open these links. Fix or remove each one, "
                    "then save: the next check (usually overnight) will confirm it."
                ),
            },
        )
        return [section, *fieldsets]

    @admin.display(description=_("Links to fix"))
    def broken_links(self, obj):
        links = _broken_links(obj)
        rows = format_html_join(
            "",
            "<li><strong>{}</strong>: {} ({}): {}, {}</li>",
            (
                (
                    link.place,
                    link.text or link.url,
                    link.url,
                    link.problem,
                    _("since %(date)s")
                    % {"date": date_format(timezone.localtime(link.first_broken_at), "j M Y")}
                    if link.first_broken_at
                    else _("since the last check"),
                )
                for link in links[:BROKEN_LINKS_SHOWN]
            ),
        )
        more = _("More are listed on the editorial dashboard.")
        if len(links) > BROKEN_LINKS_SHOWN:
            return format_html('<ul class="broken-links">{}</ul><p>{}</p>', rows, more)
        return format_html('<ul class="broken-links">{}</ul>', rows)


def _broken_links(obj):
    """The page's broken links, read once per page object (the form asks more than once)."""
    if not hasattr(obj, "_broken_links"):
        obj._broken_links = list(
            CheckedLink.objects.on_page(obj)
            .broken()
            .order_by("place", "url")[: BROKEN_LINKS_SHOWN + 1]
        )
    return obj._broken_links
