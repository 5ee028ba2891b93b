"""Public 'If your baby could speak' pages."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from guidance.models import Resource

from .models import TipPage


def tip_page_list(request):
    """All published tip pages, in editors' order then by title. Template:
    ``tips/tip_page_list.html``; context: ``tip_pages``."""
    tip_pages = TipPage.objects.published().prefetch_related("stages").order_by("order", "title")
    return render(request, "tips/tip_page_list.html", {"tip_pages": tip_pages})


def with_tip_page_details(tip_pages):
    """``tip_pages`` with what the tip page shows; staff previews load the same."""
    return tip_pages.prefetch_related(
        "tips", "sources", Prefetch("resources", queryset=Resource.objects.published())
    )


def tip_page_detail(request, slug):
    """One tip page and its tips. Template: ``tips/tip_page_detail.html``; context: ``tip_page``."""
    tip_page = get_object_or_404(with_tip_page_details(TipPage.objects.published()), slug=slug)
    return render(request, "tips/tip_page_detail.html", {"tip_page": tip_page})
