"""
Which page an answer is about, as one short key: ``article:12``, ``tip_page:3`` (a kind with a
short link and the page's id), ``help`` (the help page for the whole UK) or ``help:wales`` (one
nation's help page). Keys are checked against what is published before an answer is kept.
"""

import re

from django.urls import reverse
from django.utils.translation import gettext as _

from core import kinds
from guidance.models import Nation

HELP = "help"
KEY = re.compile(r"^(?P<kind>[a-z_]{1,20}):(?P<id>[1-9]\d{0,11})$")


def page_kinds():
    """The kinds of page that ask the question: those with a short link (articles, tip pages)."""
    return [kind for kind in kinds.all_kinds() if kind.short_link]


def key_for(item=None, nation=None):
    """The key of a page (``item``) or of the help page (with its ``nation``, if any)."""
    if item is not None:
        return f"{kinds.for_model(item).name}:{item.pk}"
    value = getattr(nation, "value", nation)
    return f"{HELP}:{value}" if value else HELP


def _parse(key):
    """``(kind, id)`` for a page, ``(None, nation or "")`` for the help page, else ``None``."""
    if not isinstance(key, str):
        return None
    if key == HELP:
        return None, ""
    if key.startswith(HELP + ":"):
        nation = key[len(HELP) + 1 :]
        return (None, nation) if nation in Nation.values else None
    match = KEY.match(key)
    if not match:
        return None
    kind = kinds.named(match["kind"])
    if kind is None or kind not in page_kinds():
        return None
    return kind, int(match["id"])


def is_known(key):
    """Is ``key`` a page that may be answered about now: the help page or a published page?"""
    parsed = _parse(key)
    if parsed is None:
        return False
    kind, pk = parsed
    if kind is None:
        return True
    return kind.model.objects.published().filter(pk=pk).exists()


def describe(keys):
    """``{key: (title, address or "", kind of page)}``: one query per kind of page."""
    wanted = {}
    for key in keys:
        parsed = _parse(key)
        if parsed and parsed[0] is not None:
            wanted.setdefault(parsed[0], set()).add(parsed[1])
    found = {}
    for kind, ids in wanted.items():
        for page in kind.model.objects.filter(pk__in=ids):
            found[f"{kind.name}:{page.pk}"] = (
                getattr(page, kind.title_field),
                page.get_absolute_url(),
                str(kind.public_name),
            )
    described = {}
    for key in keys:
        parsed = _parse(key)
        if key in found:
            described[key] = found[key]
        elif parsed and parsed[0] is None:
            nation = parsed[1]
            if nation:
                described[key] = (
                    _("Where to get help in %(nation)s") % {"nation": Nation(nation).label},
                    reverse("guidance:help_nation", args=[nation]),
                    _("Help page"),
                )
            else:
                described[key] = (_("Where to get help"), reverse("guidance:help"), _("Help page"))
        else:
            gone = _("A page no longer on the site (%(key)s)") % {"key": key}
            described[key] = (gone, "", "")
    return described
