"""``{% share_links item nation as share %}``: what the share buttons need for a page.

No tracking: every link is a plain address with the page's title and short link filled in, so
nothing is asked of any other site until a reader taps one.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django import template

from sharing import addresses

register = template.Library()


def _encoded(text):
    # Everything encoded, spaces as %20: mail and SMS apps do not read "+" as a space.
    return quote(text, safe="")


@dataclass(frozen=True)
class ShareLinks:
    title: str
    address: str
    leaflet: str | None
    qr: dict | None

    @property
    def whatsapp(self):
        return "https://wa.me/?text=" + _encoded(f"{self.title} {self.address}")

    @property
    def sms(self):
        # "?&body=" is the form both iPhones and Android phones read.
        return "sms:?&body=" + _encoded(f"{self.title} {self.address}")

    @property
    def email(self):
        body = f"{self.title}\r\n{self.address}"
        return f"mailto:?subject={_encoded(self.title)}&body={_encoded(body)}"


@register.simple_tag(takes_context=True)
def share_links(context, item=None, nation=None):
    """The ``ShareLinks`` of ``item`` (an article, a tip page), or with no item of the help
    page of ``nation`` (a ``Nation`` or ``None`` for the whole UK)."""
    request = context.get("request")
    # A name missing from the context comes in as "".
    item, nation = item or None, nation or None
    if item is not None:
        path = addresses.short_path(item) or item.get_absolute_url()
        title = item.title
    else:
        path = addresses.help_path(nation)
        title = addresses.help_title(nation)
    return ShareLinks(
        title=title,
        address=addresses.absolute(request, path),
        leaflet=addresses.leaflet_path(item, nation),
        qr=addresses.qr_paths(item, nation),
    )
