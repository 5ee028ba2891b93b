"""
Derived data, worked out again for every page: clean HTML, plain text, reading age, numbers in
their usual layout (each model's ``derive()``), then the search index.

``save()`` derives a page as an editor saves it; this is for everything that writes rows
without saving them one by one: a restore, bench data, a change to how something is derived.
"""

from django.db import transaction

from core import kinds
from search import index

BATCH_SIZE = 200


def derived_models():
    """Every model with derived fields, parts (tips) before the pages made of them."""
    pages = [kind.model for kind in kinds.all_kinds() if kind.model.derived_fields]
    parts = [
        field.related_model
        for model in pages
        for field in model._meta.related_objects
        if field.one_to_many and getattr(field.related_model, "derived_fields", ())
    ]
    return [*dict.fromkeys(parts), *pages]


def refresh(model, queryset=None):
    """Derive every row of ``queryset`` (all of ``model``) again; returns how many changed.

    Rows are written with ``bulk_update``: deriving is not an edit, so it makes no revision
    and no new version, and sends no signals.
    """
    queryset = model._default_manager.all() if queryset is None else queryset
    fields = list(model.derived_fields)
    changed = 0
    batch = []
    for row in queryset.order_by("pk").iterator(chunk_size=BATCH_SIZE):
        before = [getattr(row, name) for name in fields]
        row.derive()
        if [getattr(row, name) for name in fields] != before:
            batch.append(row)
        if len(batch) >= BATCH_SIZE:
            changed += _write(model, batch, fields)
            batch = []
    return changed + _write(model, batch, fields)


def _write(model, rows, fields):
    if rows:
        model._default_manager.bulk_update(rows, fields, batch_size=BATCH_SIZE)
    return len(rows)


def refresh_all(dry_run=False):
    """Derive every row of every model again, then rebuild the search index.

    Returns ``{model: rows changed}``; with ``dry_run`` the changes are counted, then undone.
    """
    with transaction.atomic():
        changed = {model: refresh(model) for model in derived_models()}
        index.rebuild()
        transaction.set_rollback(dry_run)
    return changed
