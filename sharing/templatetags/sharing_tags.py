"""What a page says about itself to link previews and search engines (docs/sharing.md).

``{% capture as name %}…{% endcapture %}`` keeps what a block renders (a page's title or
description) to use more than once in the head. ``{% absolute_url path name=value… %}`` is a
page's full address, ``{% share_card_meta item %}`` the share-card tags of a page (the site card
without an item), and ``{% structured_data item %}``, ``{% help_structured_data %}`` and
``{% site_structured_data %}`` its JSON-LD block; ``{% head_key as name %}`` is what decides
them, for keeping the end of a page's head in the fragment cache (templates/base.html). Without
a request (the 500 page) they give nothing, and need nothing from the database.
"""

import hashlib
import html

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from core import fragments, kinds
from core.templatenodes import HoldingNode
from sharing import cards, structured

register = template.Library()


@register.tag
def capture(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError(f"Use {{% {bits[0]} as name %}}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class CaptureNode(HoldingNode):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # What the blocks inside rendered is escaped already; runs of spaces and new lines
        # from template tags are folded, as a title or a meta description needs.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


def _origin(request):
    # Asked for several times a page (the page's address, its preview, data-site): once is enough.
    if (origin := getattr(request, "_sharing_origin", None)) is None:
        origin = request._sharing_origin = f"{request.scheme}://{request.get_host()}"
    return origin


def _absolute(request, path):
    return _origin(request) + escape_uri_path(path)


@register.simple_tag(takes_context=True)
def absolute_url(context, path, **params):
    """``path`` as a full address on this host, with the ``params`` that have a value (in the
    order given) as its query; "" without a request."""
    request = context.get("request")
    if request is None:
        return ""
    query = urlencode([(name, value) for name, value in params.items() if value not in (None, "")])
    return _absolute(request, path) + (f"?{query}" if query else "")


@register.simple_tag(takes_context=True)
def head_key(context):
    """What decides the end of a page's head in ``base.html`` (its canonical address, link
    preview and JSON-LD), besides the content version, host and language the fragment cache adds:
    the page's template, the address, title and description it captured, and the scheme. Not
    the path itself: a page's address holds it, and pages without one (any unknown address, a
    404) share one head rather than each storing its own. A hash, so that a long title or
    search makes a key of the same short length."""
    request = context.get("request")
    template_name = getattr(context.template, "name", None) if context.template else None
    parts = (
        template_name or "",
        request.scheme if request is not None else "",
        str(context.get("page_url", "")),
        str(context.get("page_title", "")),
        str(context.get("page_description", "")),
    )
    return hashlib.md5("\0".join(parts).encode(), usedforsecurity=False).hexdigest()


def _text(markup):
    """Plain text from what a block rendered (escaped for HTML), for JSON."""
    return html.unescape(str(markup))


def _site_name(context):
    return str(context.get("site_name") or settings.SITE_NAME)


def _card(context, item):
    """``(card, full address)`` of ``item``'s share card, or of the site card."""
    request, site_name = context["request"], _site_name(context)
    if item is not None and (card := cards.card_for(item, site_name)) is not None:
        return card, _absolute(request, cards.card_path(item, site_name))
    return cards.site_card(site_name), _absolute(request, cards.site_card_path(site_name))


@register.simple_tag(takes_context=True)
def share_card_meta(context, item=None):
    """The Open Graph and Twitter tags of the picture a link preview shows."""
    if context.get("request") is None:
        return ""
    card, url = _card(context, item)
    alt = cards.alt_text(card)
    return format_html(
        '<meta property="og:image" content="{url}">\n'
        '<meta property="og:image:type" content="image/png">\n'
        '<meta property="og:image:width" content="{width}">\n'
        '<meta property="og:image:height" content="{height}">\n'
        '<meta property="og:image:alt" content="{alt}">\n'
        '<meta name="twitter:image:alt" content="{alt}">',
        url=url,
        width=cards.WIDTH,
        height=cards.HEIGHT,
        alt=alt,
    )


def _cached(context, name, *parts, render):
    """``render()``, kept in the fragment cache under the content version; a staff preview
    always renders afresh, so a draft is never stored."""
    if context.get("preview"):
        return render()
    return fragments.cached(context["request"], name, *parts, render=render)


@register.simple_tag(takes_context=True)
def structured_data(context, item):
    """An article's or tip page's JSON-LD (``sharing.structured.reviewed_page``)."""
    request = context.get("request")
    kind = kinds.for_model(item)
    if request is None or kind is None or not kind.reviewed:
        return ""

    def render():
        image = _card(context, item)[1]
        sources = getattr(item, "sources", None)
        data = structured.reviewed_page(
            item,
            url=_absolute(request, item.get_absolute_url()),
            image={"url": image, "width": cards.WIDTH, "height": cards.HEIGHT},
            site_name=_site_name(context),
            home_url=_absolute(request, reverse("home")),
            sources=list(sources.all()) if sources is not None else [],
        )
        return structured.script(data)

    # Its addresses are absolute: the fragment's key holds the host, and here the scheme too.
    parts = (kind.name, item.pk, item.version, request.scheme)
    return _cached(context, "structured-data", *parts, render=render)


@register.simple_tag(takes_context=True)
def help_structured_data(context, title, description):
    """The help page's JSON-LD: the services it lists (``tiers`` in its context)."""
    request = context.get("request")
    if request is None:
        return ""
    resources = [resource for _urgency, items in context.get("tiers", ()) for resource in items]
    data = structured.help_page(
        resources,
        url=_absolute(request, request.path),
        title=_text(title),
        description=_text(description),
        site_name=_site_name(context),
        home_url=_absolute(request, reverse("home")),
    )
    return structured.script(data)


@register.simple_tag(takes_context=True)
def site_structured_data(context, description):
    """The home page's JSON-LD: the site, its publisher and its search."""
    request = context.get("request")
    if request is None:
        return ""
    data = structured.website(
        home_url=_absolute(request, reverse("home")),
        site_name=_site_name(context),
        description=_text(description),
        search_url=_absolute(request, reverse("search:search")),
    )
    return structured.script(data)
