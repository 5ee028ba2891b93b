"""
Pending changes: edits to a live page that parents do not see until a publisher publishes them.

A pending change is the page's change form as it was sent. Showing it again binds the form to
that data; publishing it replays the same form through the admin's own save (checks, history,
redirects for a new address, the page cache); previewing and comparing it replay it inside a
transaction that is then rolled back, so they show exactly what publishing would give and leave
nothing behind (the page cache is only told of changes that commit, ``core.contentversion``).
"""

import copy
from contextlib import contextmanager

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.base import BaseStorage
from django.db import transaction
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from core import kinds

from .models import PendingChange, ReviewRequest, WorkflowStep

# Parts of a sent form that are not the page: the button pressed, the security token.
NOT_DATA = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", "_saveasnew"}


class Replay(Exception):
    """Rolls back a replay made only to look at its result."""


class _DiscardedMessages(BaseStorage):
    """Messages of a replay nobody will see (a new address, a reading age) go nowhere."""

    def _get(self, *args, **kwargs):
        return [], True

    def _store(self, messages, response, *args, **kwargs):
        return []


def content_type_of(obj):
    return ContentType.objects.get_for_model(type(obj))


def pending_for(obj):
    """The pending change of ``obj``, or ``None``."""
    if obj is None or obj.pk is None:
        return None
    return (
        PendingChange.objects.filter(content_type=content_type_of(obj), object_id=obj.pk)
        .select_related("updated_by", "created_by")
        .first()
    )


def sent_data(post):
    """A sent form as ``{name: [values]}``, without the button and the security token."""
    return {name: post.getlist(name) for name in post if name not in NOT_DATA}


def as_query_dict(data):
    query = QueryDict(mutable=True)
    for name, values in data.items():
        query.setlist(name, [str(value) for value in values])
    query._mutable = False
    return query


def replay_request(request, data, *, user=None, quiet=False):
    """A copy of ``request`` that sends ``data`` as its form, marked as a replay."""
    replay = copy.copy(request)
    replay.method = "POST"
    replay.POST = as_query_dict(data)
    replay._files = MultiValueDict()
    replay.replaying_pending = True
    if user is not None:
        replay.user = user
    if quiet:
        replay._messages = _DiscardedMessages(replay)
    return replay


@contextmanager
def rolled_back():
    """Run a replay whose changes are looked at, then undone."""
    try:
        with transaction.atomic():
            yield
            raise Replay
    except Replay:
        pass


def initial_data(bound_field):
    """A form field's initial value as a browser would send it (for fields a pending change's
    form did not have, such as the publishing fields only a publisher sees)."""
    field, name = bound_field.field, bound_field.html_name
    value = field.prepare_value(bound_field.initial)
    widget = field.widget
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, (list, tuple)) else widget.decompress(value)
        data = {}
        for suffix, part_widget, part in zip(
            widget.widgets_names, widget.widgets, parts, strict=False
        ):
            formatted = part_widget.format_value(part)
            data[f"{name}{suffix}"] = [] if formatted is None else [formatted]
        return data
    if isinstance(widget, forms.CheckboxInput):
        return {name: ["on"] if widget.check_test(value) else []}
    if isinstance(value, (list, tuple)):
        return {name: [str(item) for item in value]}
    formatted = widget.format_value(value)
    if isinstance(formatted, list):  # a select gives the chosen values as a list
        return {name: [str(item) for item in formatted if item is not None]}
    return {name: [] if formatted is None else [str(formatted)]}


def record_step(obj, kind, user, note=""):
    return WorkflowStep.objects.create(
        content_type=content_type_of(obj), object_id=obj.pk, kind=kind, user=user, note=note
    )


def forget(obj, *, pending_only=True):
    """Remove the pending change of ``obj`` and the review that was about it."""
    content_type = content_type_of(obj)
    PendingChange.objects.filter(content_type=content_type, object_id=obj.pk).delete()
    reviews = ReviewRequest.objects.filter(content_type=content_type, object_id=obj.pk)
    if pending_only:
        reviews = reviews.filter(pending=True)
    reviews.delete()


def page_deleted(sender, instance, **kwargs):
    """A deleted page takes its pending change and its review with it (the steps stay, as the
    record of what happened)."""
    if kinds.for_model(sender) is not None:
        forget(instance, pending_only=False)
