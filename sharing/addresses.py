"""
The addresses a page is shared by: its short, permanent link (absolute, for a QR code or a
message), its one-page leaflet and its QR code files.

An article or tip page is shared by its short link (``/a/<id>/``, ``/t/<id>/``), which survives
any rename; the help page of a nation by its own address (``/help/wales/``), which never changes.
Absolute addresses are made the way the canonical link in base.html is: the request's scheme
and host. Pages that show them are cached per host (the page cache and ``core.fragments``).
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core import kinds


def short_path(item):
    """The short link of ``item`` (``/a/12/``), or ``None`` if its kind has none."""
    kind = kinds.for_model(item)
    if kind is None or not kind.short_link:
        return None
    return reverse(f"{kind.name}_short", args=[item.pk])


def help_path(nation=None):
    """The help page of ``nation`` (a ``Nation``), or of the whole UK."""
    if nation is None:
        return reverse("guidance:help")
    return reverse("guidance:help_nation", kwargs={"nation": nation.value})


def help_title(nation=None):
    """The title of the help page of ``nation``, or of the whole UK (as guidance/help.html)."""
    if nation is None:
        return _("Where to get help")
    return _("Where to get help in %(nation)s") % {"nation": nation.label}


def absolute(request, path):
    """``path`` on this site, as the canonical link gives it (``settings.SITE_URL`` with no
    request)."""
    if request is None:
        return settings.SITE_URL + path
    return f"{request.scheme}://{request.get_host()}{path}"


def leaflet_path(item=None, nation=None):
    """The leaflet of ``item``, or of the help page of ``nation`` (or the UK) with no item;
    ``None`` for a kind that has no leaflet."""
    if item is None:
        kwargs = {"nation": nation.value} if nation is not None else {}
        return reverse("sharing:help_leaflet", kwargs=kwargs)
    kind = kinds.for_model(item)
    try:
        return reverse(f"sharing:{kind.name}_leaflet", kwargs={"slug": item.slug})
    except (AttributeError, NoReverseMatch):
        return None


def qr_paths(item=None, nation=None):
    """``{"svg": ..., "png": ...}``: the QR code files of ``item`` or of the help page of
    ``nation`` (or the UK); ``None`` for a kind with no short link."""
    if item is None:
        kwargs = {"nation": nation.value} if nation is not None else {}
    else:
        kind = kinds.for_model(item)
        if kind is None or not kind.short_link:
            return None
        kwargs = {"kind": kind.name, "pk": item.pk}
    return {fmt: reverse(f"sharing:qr_{fmt}", kwargs=kwargs) for fmt in ("svg", "png")}
