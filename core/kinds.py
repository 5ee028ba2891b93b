"""
The content kinds: one registry that says what each kind of page is and what it takes part in.

Each content app registers its kinds in its ``AppConfig.ready()``; search, preview, the audit
screens, the dashboard, review reminders, the page cache, the sitemap, the feed and short links
read this registry instead of keeping lists of their own. So adding a kind of page touches its
own app only (see docs/architecture.md, "Adding a kind of content").

A kind's model is a ``core.models.Publishable``. What the registry cannot say the model says
itself: ``derive()`` and ``derived_fields`` (fields worked out from what editors write),
``search_parts()`` and ``search_prefetch`` (its search document), ``search_summary()`` and
``search_passages()`` (what a result's excerpt is taken from), ``get_absolute_url()``.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

_KINDS = {}


def _unchanged(queryset):
    return queryset


@dataclass(frozen=True)
class Kind:
    """One kind of content and what it takes part in."""

    model: type
    # A short, stable name: the search index files postings under it ("article", "tip_page").
    name: str
    # What parents call this kind of page, e.g. above a search result ("Guidance").
    public_name: str = ""
    # The public page's template and the name of the object in it ("" if it has no page).
    template: str = ""
    context_name: str = ""
    # Adds to a queryset what the public page loads with each object (staff previews too).
    with_details: Callable = _unchanged
    # The field that names a page ("title"; a resource's "name") and the one lists and feeds
    # show under it ("summary", "intro").
    title_field: str = "title"
    summary_field: str = ""
    # Found by the site search (its model has ``search_parts()``).
    searched: bool = False
    # Clinically reviewed: review dates on the dashboard, reminders, a review permission.
    reviewed: bool = False
    # The URL name of the page that lists this kind ("guidance:article_list"), for the sitemap.
    list_url_name: str = ""
    # Can be brought back from "Deleted pages".
    restorable: bool = True
    # Its publish time may lie ahead, so the page cache must end at that time.
    schedulable: bool = True
    # Listed in the sitemap and in the Atom feed.
    in_sitemap: bool = False
    in_feed: bool = False
    # A letter for short, permanent links: "a" gives /a/<id>/.
    short_link: str = ""
    # Has phone numbers and a web address that staff check (the dashboard lists problems).
    contact_details: bool = False
    # Listed by stage and topic beside the other catalogued kinds (/guidance/?topic=sleep), in
    # editors' ``order`` then title order. Its model has ``stages``, ``topics``, ``order``, a
    # ``slug`` and a ``summary_field``.
    in_catalogue: bool = False

    @property
    def label(self):
        return self.model._meta.label_lower

    @property
    def app_label(self):
        return self.model._meta.app_label

    @property
    def model_name(self):
        return self.model._meta.model_name

    @property
    def previewable(self):
        return bool(self.template)


def register(kind):
    """Add ``kind`` (called from a content app's ``AppConfig.ready()``)."""
    for other in _KINDS.values():
        if other.name == kind.name or other.model is kind.model:
            raise ValueError(f"A kind named {kind.name!r} or for {kind.label} is registered.")
    _KINDS[kind.label] = kind


def unregister(kind):
    _KINDS.pop(kind.label, None)


@contextmanager
def registered(kind):
    """``kind`` registered for the length of a ``with`` block (for tests)."""
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind)


def all_kinds():
    """Every kind, in the order the apps registered them."""
    return list(_KINDS.values())


def where(**flags):
    """The kinds whose attributes have the given values, e.g. ``where(searched=True)``."""
    return [
        kind
        for kind in _KINDS.values()
        if all(getattr(kind, name) == value for name, value in flags.items())
    ]


def for_model(model):
    """The kind of ``model`` (a class or an instance), or ``None``."""
    return _KINDS.get(model._meta.label_lower)


def named(name):
    """The kind called ``name``, or ``None``."""
    return next((kind for kind in _KINDS.values() if kind.name == name), None)


def with_model_name(model_name):
    """The kind whose model is called ``model_name`` ("article", "tippage"), or ``None``."""
    return next((kind for kind in _KINDS.values() if kind.model_name == model_name), None)


def content_apps():
    """The labels of the apps that hold content kinds."""
    return {kind.app_label for kind in _KINDS.values()}
