"""
One-page leaflets to print, and QR codes alone, for health visitors' own handouts.

A leaflet is a public page like any other (it extends base.html); its print style prints the
leaflet alone, on one A4 sheet. It holds what a parent needs on paper: the page's title and key
points, the three most urgent lines where they live (or the UK-wide ones), a QR code of the
page's short link, who reviewed it and when, and the charity's name.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core import kinds
from core.richtext import html_to_text
from guidance.models import Article, Nation, Resource, ResourceKind, Urgency
from tips.models import Tip, TipPage

from . import addresses, qr

URGENT_LINES = 3
# What fits on the sheet beside the rest (the print style cuts off anything longer).
IN_BRIEF_POINTS = 5
TIPS = 3
MORE_LINES = 7


def _nation(value):
    """The ``Nation`` called ``value``, or ``None`` for any other value."""
    return Nation(value) if value in Nation.values else None


def _chosen_nation(request):
    """``?nation=`` of an article or tip leaflet: an unknown one gives the UK-wide lines, as no
    nation does (website/pagecache.py reads it the same way)."""
    return _nation(request.GET.get("nation"))


def _urgent_lines(resources):
    """The first ``URGENT_LINES`` of ``resources`` (in urgency order) that are urgent, one per
    phone number: "999 when you cannot speak" adds nothing to 999 on paper."""
    lines, numbers = [], set()
    for resource in resources:
        if resource.urgency > Urgency.TODAY:
            break
        if resource.phone and resource.phone in numbers:
            continue
        numbers.add(resource.phone)
        lines.append(resource)
        if len(lines) == URGENT_LINES:
            break
    return lines


def _nation_resources(nation):
    return list(Resource.objects.published().for_nation(nation))


def _leaflet(request, item, nation, **parts):
    """Render ``sharing/leaflet.html`` for ``item``; ``parts`` adds ``lead``, ``points``..."""
    path = addresses.short_path(item)
    address = addresses.absolute(request, path)
    urgent = _urgent_lines(_nation_resources(nation)) if nation is not None else []
    leaflet = addresses.leaflet_path(item)
    context = {
        "title": item.title,
        "back_url": item.get_absolute_url(),
        "address": address,
        "qr": qr.svg(address, title=_("QR code of this page's link")),
        "nation": nation,
        "urgent": urgent,
        "nation_choices": [(choice, f"{leaflet}?nation={choice.value}") for choice in Nation],
        "uk_wide_url": leaflet,
        "reviewed": item.last_reviewed,
        "reviewed_by": item.reviewed_by,
        "updated": item.updated_at,
        **parts,
    }
    return render(request, "sharing/leaflet.html", context)


def article_leaflet(request, slug):
    """``/guidance/<slug>/leaflet/``: an article on one A4 page, with ``?nation=`` for the
    urgent lines of a nation. Template: ``sharing/leaflet.html``; context: ``title``,
    ``lead``, ``points`` (in brief), ``urgent`` (resources; empty for the UK-wide lines),
    ``nation``, ``address`` (the absolute short link), ``qr`` (its code as SVG), ``reviewed``.
    """
    article = get_object_or_404(Article.objects.published().defer("body", "body_text"), slug=slug)
    return _leaflet(
        request,
        article,
        _chosen_nation(request),
        lead=article.summary,
        points=article.in_brief_points[:IN_BRIEF_POINTS],
    )


def tip_page_leaflet(request, slug):
    """``/tips/<slug>/leaflet/``: a tip page's intro and its first tips on one A4 page.
    Template and context as ``article_leaflet``, with ``tips`` (baby says, try this) for
    ``points``."""
    tip_page = get_object_or_404(TipPage.objects.published(), slug=slug)
    # One more than is shown, to know whether the leaflet should say there are more.
    found = list(Tip.objects.filter(page=tip_page).only("baby_says", "try_this")[: TIPS + 1])
    tips = [
        {"baby_says": tip.baby_says, "try_this": html_to_text(tip.try_this)} for tip in found[:TIPS]
    ]
    return _leaflet(
        request,
        tip_page,
        _chosen_nation(request),
        kicker=_("If your baby could speak…"),
        lead=tip_page.intro,
        tips=tips,
        more_tips=len(found) > TIPS,
    )


def help_leaflet(request, nation=None):
    """``/help/<nation>/leaflet/`` (``/help/leaflet/`` for the whole UK): where to get help,
    on one A4 page. Template: ``sharing/leaflet.html``; context: ``urgent``, ``more_lines``
    (further services with a number to ring or text, and health professionals), ``nation``,
    ``address`` (the help page's own address) and ``qr``."""
    chosen = None
    if nation is not None and (chosen := _nation(nation)) is None:
        raise Http404(_("There is no such nation."))
    if chosen is not None:
        resources = _nation_resources(chosen)
    else:
        everywhere = Q(**{each.field_name: True for each in Nation})
        resources = list(Resource.objects.published().filter(everywhere))
    urgent = _urgent_lines(resources) if chosen is not None else []
    more = [
        resource
        for resource in resources
        if resource not in urgent
        and resource.urgency > Urgency.NOW
        and (resource.phone or resource.text_number or resource.kind == ResourceKind.PROFESSIONAL)
    ][:MORE_LINES]
    address = addresses.absolute(request, addresses.help_path(chosen))
    context = {
        "title": addresses.help_title(chosen),
        "back_url": addresses.help_path(chosen),
        "address": address,
        "qr": qr.svg(address, title=_("QR code of this page's link")),
        "nation": chosen,
        "urgent": urgent,
        "more_lines": more,
        "nation_choices": [(each, addresses.leaflet_path(nation=each)) for each in Nation],
        "uk_wide_url": addresses.leaflet_path(),
        "help_leaflet": True,
    }
    return render(request, "sharing/leaflet.html", context)


def page_qr(request, kind, pk, fmt):
    """``/a/<id>/qr.svg``, ``/t/<id>/qr.png``...: the QR code of a published page's short link,
    as an SVG or PNG file. 404 for a page that is not published."""
    found = kinds.named(kind)
    if found is None or not found.model.objects.published().filter(pk=pk).exists():
        raise Http404
    path = addresses.short_path(found.model(pk=pk))
    filename = f"qr-{found.short_link}-{pk}"
    return qr.qr_response(addresses.absolute(request, path), fmt, filename=filename)


def help_qr(request, fmt, nation=None):
    """``/help/qr.svg``, ``/help/<nation>/qr.png``...: the QR code of a help page."""
    chosen = None
    if nation is not None and (chosen := _nation(nation)) is None:
        raise Http404
    filename = f"qr-help-{chosen.value}" if chosen is not None else "qr-help"
    return qr.qr_response(
        addresses.absolute(request, addresses.help_path(chosen)), fmt, filename=filename
    )
