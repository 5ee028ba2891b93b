"""``item|pack_kind``: the kind name a share pack files a page under ("article", "tip_page"),
or "" for a page that cannot go in a pack (see sharing/packs.py)."""

from django import template

from core import kinds

register = template.Library()


@register.filter
def pack_kind(item):
    kind = kinds.for_model(item) if item is not None and hasattr(item, "_meta") else None
    return kind.name if kind is not None and kind.short_link else ""
