"""Public 'If your baby could speak' pages."""

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import render
from django.template.loader import render_to_string

from core import fragments
from guidance.models import Resource
from guidance.views import PublishedBySlug

from .models import TipPage


def tip_page_list(request):
    """All published tip pages, in editors' order then by title. Template:
    ``tips/tip_page_list.html``; context: ``tip_pages``."""
    tip_pages = TipPage.objects.published().prefetch_related("stages").order_by("order", "title")
    return render(request, "tips/tip_page_list.html", {"tip_pages": tip_pages})


def _tip_page_details():
    """What the tip page shows besides its own row (only published resources)."""
    return ("tips", "sources", Prefetch("resources", queryset=Resource.objects.published()))


def with_tip_page_details(tip_pages):
    """``tip_pages`` with what the tip page shows; staff previews load the same."""
    return tip_pages.prefetch_related(*_tip_page_details())


# Its SQL compiled once per process (see ``PublishedBySlug``).
_published_tip_page = PublishedBySlug("tip-page-row", lambda: TipPage.objects.published())


def tip_page_detail(request, slug):
    """One tip page and its tips. Template: ``tips/tip_page_detail.html``; context:
    ``tip_page`` and ``tip_page_content``, the page's main part, from the fragment cache
    (``core.fragments``) until any content changes.
    """
    tip_page = _published_tip_page.kept(request, slug)

    def render_content():
        prefetch_related_objects([tip_page], *_tip_page_details())
        return render_to_string("tips/tip_page_content.html", {"tip_page": tip_page}, request)

    content = fragments.cached(
        request, "tip_page", tip_page.pk, tip_page.version, render=render_content
    )
    context = {"tip_page": tip_page, "tip_page_content": content}
    return render(request, "tips/tip_page_detail.html", context)
