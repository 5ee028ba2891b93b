"""
Two staff screens built on the revisions that django-simple-history keeps:

- "Recent changes": every change to every kind of content, newest first, who and what, with
  the steps of the review workflow (``editorial.models.WorkflowStep``) among them.
- "Deleted pages": articles, tip pages, resources and simple pages that were deleted, with a
  button that brings one back (``editorial.history.restore_deleted``).
"""

import heapq
from dataclasses import dataclass

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import kinds

from . import history
from .forms import BringBackForm, RecentChangesForm
from .models import WorkflowStep

PER_PAGE = 50
# What happened: the history's record types, and the review workflow's steps.
REVIEW_STEP = "review"
ACTIONS = {
    "+": _("Created"),
    "~": _("Changed"),
    "-": _("Deleted"),
    REVIEW_STEP: _("Review or pending change"),
}


def content_models():
    """Every content model that keeps a history, in a stable order."""
    return [
        model
        for app_label in sorted(kinds.content_apps())
        for model in apps.get_app_config(app_label).get_models()
        if history.history_manager(model) is not None
    ]


def restorable():
    """The labels of the kinds of page that can be brought back from "Deleted pages"."""
    return [kind.label for kind in kinds.where(restorable=True)]


def model_label(model):
    return model._meta.label_lower


def may_view(user, model):
    """As in the admin, permission to change a kind of content includes seeing it."""
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
        for action in ("view", "change")
    )


@dataclass
class HistoryLine:
    """A historical record and the content model it belongs to."""

    record: object
    model: type

    @property
    def kind(self):
        return capfirst(self.model._meta.verbose_name)


class Change(HistoryLine):
    """One line of "Recent changes"."""

    @property
    def action(self):
        return ACTIONS.get(self.record.history_type, "")

    @property
    def title(self):
        return str(self.record.instance)

    @property
    def url(self):
        """Where to see the object now: its admin page, its page's, or Deleted pages."""
        target = self.model
        pk = self.record.id
        parent = _parent_relation(self.model)
        if parent is not None:
            target = parent.related_model
            pk = getattr(self.record, parent.attname)
        if target._default_manager.filter(pk=pk).exists():
            try:
                return reverse(
                    f"admin:{target._meta.app_label}_{target._meta.model_name}_change", args=[pk]
                )
            except NoReverseMatch:
                return None
        if model_label(target) in restorable():
            return reverse("editorial:deleted")
        return None

    @property
    def fields(self):
        if self.record.history_type != "~":
            return []
        return history.changed_field_labels(self.record)


@dataclass
class StepRecord:
    """A workflow step, with the names a history record has, for the same table."""

    step: WorkflowStep

    @property
    def history_date(self):
        return self.step.at

    @property
    def history_user(self):
        return self.step.user

    @property
    def history_change_reason(self):
        return self.step.note


@dataclass
class StepChange:
    """One line of "Recent changes" for a workflow step."""

    record: StepRecord
    model: type

    @property
    def kind(self):
        return capfirst(self.model._meta.verbose_name)

    @property
    def action(self):
        return self.record.step.get_kind_display()

    # The page the step is about, or None if it was deleted: set for a whole list at once by
    # ``_attach_pages``, so the list reads each kind of page once rather than once a line.
    page: object = None

    @property
    def title(self):
        return str(self.page) if self.page is not None else _("(deleted)")

    @property
    def url(self):
        if self.page is None:
            return None
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.page.pk])

    fields = ()


def _attach_pages(changes):
    """Give each workflow step in ``changes`` its page, one query per kind of page."""
    wanted = {}
    for change in changes:
        if isinstance(change, StepChange):
            wanted.setdefault(change.model, set()).add(change.record.step.object_id)
    pages = {model: model._default_manager.in_bulk(ids) for model, ids in wanted.items()}
    for change in changes:
        if isinstance(change, StepChange):
            change.page = pages[change.model].get(change.record.step.object_id)


def _steps(models, chosen):
    """The workflow steps about ``models``, newest first, filtered as ``chosen`` says."""
    if chosen.get("action", REVIEW_STEP) != REVIEW_STEP:
        return []
    types = ContentType.objects.get_for_models(*models)
    steps = WorkflowStep.objects.filter(content_type__in=types.values()).select_related(
        "user", "content_type"
    )
    if "person" in chosen:
        steps = steps.filter(user_id=chosen["person"])
    return [steps.order_by("-at", "-pk")]


def _parent_relation(model):
    """For a tip or a source: the foreign key to the page it belongs to."""
    for field in model._meta.concrete_fields:
        if field.many_to_one and history.history_manager(field.related_model) is not None:
            return field
    return None


def recent_changes(request):
    """
    Every change to content, newest first, 50 at a time, filtered by person, kind and what
    happened (``RecentChangesForm``; template ``editorial/recent_changes.html``). Only the kinds
    of content the person may view are listed; staff who may view none (no role) are refused,
    as the page names every member of staff.
    """
    models = [model for model in content_models() if may_view(request.user, model)]
    if not models:
        raise PermissionDenied
    kinds = {model_label(model): model for model in models}
    kind_names = [
        (label, capfirst(model._meta.verbose_name_plural)) for label, model in kinds.items()
    ]
    people = get_user_model().objects.filter(is_staff=True).order_by("username")
    form = RecentChangesForm(request.GET or None, people=people, kinds=kind_names, actions=ACTIONS)
    chosen = form.filters()

    querysets = []
    shown_models = [kinds[chosen["kind"]]] if "kind" in chosen else models
    for model in shown_models if chosen.get("action") != REVIEW_STEP else []:
        records = history.history_manager(model).select_related("history_user")
        if "person" in chosen:
            records = records.filter(history_user_id=chosen["person"])
        if "action" in chosen:
            records = records.filter(history_type=chosen["action"])
        querysets.append((model, records.order_by("-history_date", "-history_id")))

    step_querysets = _steps(shown_models, chosen)
    total = sum(records.count() for _model, records in querysets)
    total += sum(steps.count() for steps in step_querysets)
    pages = max(1, -(-total // PER_PAGE))
    page = min(chosen.get("page", 1), pages)
    # The newest PER_PAGE * page records of each kind are enough to know the newest of all of them.
    wanted = PER_PAGE * page
    streams = [
        [Change(record, model) for record in records[:wanted]] for model, records in querysets
    ]
    streams += [
        [StepChange(StepRecord(step), step.content_type.model_class()) for step in steps[:wanted]]
        for steps in step_querysets
    ]
    merged = heapq.merge(*streams, key=lambda change: change.record.history_date, reverse=True)
    changes = list(merged)[wanted - PER_PAGE : wanted]
    _attach_pages(changes)

    context = {
        **admin.site.each_context(request),
        "title": _("Recent changes"),
        "changes": changes,
        "kinds": kind_names,
        "form": form,
        "page": page,
        "pages": pages,
        "total": total,
        "query": _query_without_page(request),
    }
    return TemplateResponse(request, "editorial/recent_changes.html", context)


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# Deleted pages ---------------------------------------------------------------------------------


class DeletedPage(HistoryLine):
    """One line of "Deleted pages"."""

    @property
    def title(self):
        return str(self.record.instance)

    @property
    def label(self):
        return model_label(self.model)

    @property
    def was_published(self):
        return getattr(self.record, "status", "") == "published"

    @property
    def bring_back_form(self):
        return BringBackForm(self)


def deleted_pages(request):
    """
    Pages that were deleted and are not back, newest deletion first (template
    ``editorial/deleted_pages.html``): only the kinds the person may view, and none at all
    refused.
    """
    viewable = [apps.get_model(label) for label in restorable()]
    viewable = [model for model in viewable if may_view(request.user, model)]
    if not viewable:
        raise PermissionDenied
    found = []
    for model in viewable:
        live = model._default_manager.values_list("pk", flat=True)
        deletions = (
            history.history_manager(model)
            .filter(history_type="-")
            .exclude(id__in=live)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        seen = set()
        for record in deletions:
            if record.id not in seen:
                seen.add(record.id)
                found.append(DeletedPage(record, model))
    found.sort(key=lambda page: page.record.history_date, reverse=True)
    context = {
        **admin.site.each_context(request),
        "title": _("Deleted pages"),
        "deleted": [
            (
                page,
                request.user.has_perm(
                    f"{page.model._meta.app_label}.add_{page.model._meta.model_name}"
                ),
            )
            for page in found
        ],
    }
    return TemplateResponse(request, "editorial/deleted_pages.html", context)


@require_POST
def restore_deleted(request, kind, history_id):
    """Bring one deleted page back (as a draft, unless the person may publish)."""
    if kind not in restorable():
        raise Http404
    model = apps.get_model(kind)
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
        raise PermissionDenied
    record = get_object_or_404(
        history.history_manager(model), history_id=history_id, history_type="-"
    )
    if model._default_manager.filter(pk=record.id).exists():
        messages.info(request, _("“%(page)s” is already back.") % {"page": record.instance})
        return HttpResponseRedirect(reverse("editorial:deleted"))
    can_publish = request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")
    obj = history.restore_deleted(record, request.user, can_publish)
    text = _("“%(page)s” is back.") % {"page": obj}
    if getattr(obj, "status", None) == "draft" and getattr(record, "status", "") == "published":
        text += " " + _("It is a draft for now: a publisher can publish it again.")
    if getattr(obj, "slug", None) and obj.slug != record.slug:
        text += " " + _("Another page now uses its old address, so it has a new one: %(slug)s.") % {
            "slug": obj.slug
        }
    messages.success(request, text)
    return HttpResponseRedirect(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    )
