"""
The lists by stage and topic: published pages of every catalogued kind (articles and tip pages
today), side by side, in the order editors give them and then by title.

Which kinds take part is the registry's to say (``Kind.in_catalogue``): this app lists tip pages
without importing the tips app, which sits above it. A list reads small rows rather than whole
pages, so its cost does not grow with the content: one statement counts the rows and one reads a
page of them across every kind, and one more finds the stages of the pages shown, for their tags.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, F, Value

from core import kinds

from .models import Article


@dataclass
class Entry:
    """One page in a list, with what its card shows."""

    kind: kinds.Kind
    pk: int
    slug: str
    title: str
    summary: str
    stages: list = field(default_factory=list)

    @property
    def label(self):
        """What parents call this kind of page ("Guidance", "If your baby could speak")."""
        return self.kind.public_name

    @property
    def url(self):
        return self.kind.model(pk=self.pk, slug=self.slug).get_absolute_url()


def catalogued_kinds():
    return kinds.where(in_catalogue=True)


def rows(stage=None, topic=None):
    """The rows of the published pages for ``stage`` and ``topic`` (either may be ``None``),
    in list order, as one query of every kind for a ``Paginator``."""
    parts = [_rows_of(kind, stage, topic) for kind in catalogued_kinds()]
    first, *others = parts
    # The kind and id break ties, so a page of the list never shifts between two visits.
    return first.union(*others, all=True).order_by(
        "entry_order", "entry_title", "entry_kind", "entry_pk"
    )


def _rows_of(kind, stage, topic):
    # No order of its own: a part of a UNION may not have one (the whole list is ordered).
    pages = _published(kind, stages=stage, topics=topic).order_by()
    return pages.values(
        entry_kind=Value(kind.name, output_field=CharField()),
        entry_pk=F("pk"),
        entry_slug=F("slug"),
        entry_title=F(kind.title_field),
        entry_summary=F(kind.summary_field),
        entry_order=F("order"),
    )


def _published(kind, **relations):
    """Published pages of ``kind``, linked to each relation's object that is not ``None``."""
    pages = kind.model.objects.published()
    for name, obj in relations.items():
        if obj is not None:
            pages = pages.filter(**{name: obj})
    return pages


def entries(page_rows, stages):
    """The ``Entry`` of each of ``page_rows`` (one page of ``rows()``), tagged with its stages
    from ``stages`` (all of them, in their own order)."""
    found = [
        Entry(
            kinds.named(row["entry_kind"]),
            row["entry_pk"],
            row["entry_slug"],
            row["entry_title"],
            row["entry_summary"],
        )
        for row in page_rows
    ]
    links = _stage_links(found)
    for entry in found:
        linked = links.get((entry.kind.name, entry.pk), set())
        entry.stages = [stage for stage in stages if stage.pk in linked]
    return found


def _stage_links(found):
    """``{(kind name, page id): {stage id, ...}}`` for the pages ``found``, in one query."""
    ids = {}
    for entry in found:
        ids.setdefault(entry.kind, []).append(entry.pk)
    parts = [
        _links_of(kind, "stages", pks, link_kind=Value(kind.name, output_field=CharField()))
        for kind, pks in ids.items()
    ]
    if not parts:
        return {}
    first, *others = parts
    links = {}
    for row in first.union(*others, all=True):
        links.setdefault((row["link_kind"], row["link_page"]), set()).add(row["link_to"])
    return links


def _links_of(kind, relation_name, pages, **extra):
    """Rows of the links from ``pages`` (ids, or a query of them) of ``kind`` to its
    ``relation_name``: ``link_page`` and ``link_to`` (the stage's or topic's id), after the
    ``extra`` columns."""
    relation = kind.model._meta.get_field(relation_name)
    page_field, other_field = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    return relation.remote_field.through.objects.filter(**{f"{page_field}__in": pages}).values(
        **extra, link_page=F(f"{page_field}_id"), link_to=F(f"{other_field}_id")
    )


def filled(stage=None, topic=None):
    """``(stage ids, topic ids)`` worth offering when a list is empty: the stages that have
    published pages on ``topic``, and the topics that have them for ``stage`` (with no stage or
    topic, any that have pages at all). One query, however many kinds there are."""
    parts = []
    for kind in catalogued_kinds():
        for relation_name, other in (("stages", {"topics": topic}), ("topics", {"stages": stage})):
            pages = _published(kind, **other).values("pk")
            which = Value(relation_name, output_field=CharField())
            parts.append(_links_of(kind, relation_name, pages, link_kind=which))
    first, *others = parts
    found = {"stages": set(), "topics": set()}
    for row in first.union(*others):
        found[row["link_kind"]].add(row["link_to"])
    return found["stages"], found["topics"]


def start_here():
    """The published article editors chose as the place to start, or ``None``."""
    return Article.objects.published().for_lists().filter(start_here=True).first()
