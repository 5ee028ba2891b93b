"""
What the editorial workflow adds to the content admins (used by guidance/admin.py, tips/admin.py).

- ``RevisionsAdmin``: the History page lists every revision (who, when, why, which fields);
  two revisions can be compared field by field; one save is one revision, links included.
- ``EditorialAdmin`` (for pages with a draft/published status) adds: restoring an old revision,
  protection against two people overwriting each other (optimistic locking with ``version``),
  the roles of ``editorial.roles`` enforced on the server, pending changes to live pages
  (``editorial.pending``: saved, previewed, compared, published or discarded here) and the
  review box above the form (``editorial.workflow``).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.forms.formsets import all_valid
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core import kinds
from core.models import Status

from . import history, workflow
from . import pending as pending_changes
from .forms import CompareVersionsForm, PendingActionForm, RestoreVersionForm
from .models import PendingChange, ReviewState, StepKind, WorkflowStep
from .preview import render_preview, wants_preview
from .workflow import person

PUBLISHING_FIELDS = ("status", "published_at")
# What marks a page as clinically reviewed; only people with review_<model> may change them.
CLINICAL_REVIEW_FIELDS = ("reviewed_by", "last_reviewed", "next_review_due")
VERSION_FIELD = "base_version"
REASON_FIELD = "change_reason"
# The pending change's own version in the form (0: there was none when the form was opened).
PENDING_VERSION_FIELD = "pending_version"
# The value of the "_save" button a publisher presses to keep a live page's change pending.
PENDING_BUTTON = "pending"
# A picture is uploaded with the save that uses it: a pending change keeps the form's words.
UPLOAD_FIELDS = ("image",)
STEPS_SHOWN = 100


class EditConflict(Exception):
    """Someone else saved the page between our check and our save."""


class RevisionsAdmin(SimpleHistoryAdmin):
    """History, compare and one-revision-per-save for any admin whose model keeps history."""

    object_history_template = "editorial/object_history.html"
    history_list_per_page = 50

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/history/<int:history_id>/restore/",
                view(self.restore_view),
                name=f"{prefix}_restore",
            ),
            *super().get_urls(),
        ]

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # simple-history's own version calls select_related() with no fields for a model
        # without foreign keys (stages, topics), which Django 6.1 deprecates.
        object_id = self._valid_pk(object_id)
        return history_manager.filter(**{pk_name: object_id}).select_related("history_user")

    def _valid_pk(self, object_id):
        """``object_id`` from a URL as a primary key, or 404: ids in URLs can be anything."""
        try:
            return self.opts.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None

    def history_view(self, request, object_id, extra_context=None):
        # The History page's button comes from our form pack, like every form of ours.
        extra_context = {"compare_form": CompareVersionsForm(), **(extra_context or {})}
        return super().history_view(request, object_id, extra_context)

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        """Name the fields each revision changed, in the words of the form."""
        for record in historical_records:
            record.changed_labels = history.changed_field_labels(record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """simple-history's own revert form skips our checks: show the comparison instead."""
        if not str(version_id).isdigit():
            raise Http404
        url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_compare",
            args=[self._valid_pk(object_id)],
        )
        return HttpResponseRedirect(f"{url}?old={int(version_id)}")

    def save_model(self, request, obj, form, change):
        obj._change_reason = getattr(form, "cleaned_data", {}).get(REASON_FIELD) or None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # One save, one revision: links set after the page was saved update that revision
        # rather than adding one revision per link.
        obj = form.instance
        obj.skip_history_when_saving = True
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del obj.skip_history_when_saving
        history.refresh_m2m_snapshot(obj)

    # Compare ----------------------------------------------------------------------------

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        records = history.records_of(obj)
        old = self._record_from(records, request.GET.get("old"))
        new = self._record_from(records, request.GET.get("new"))
        if old is None:
            old = records[1] if len(records) > 1 else records.first()
        if old is None:
            raise Http404
        changes = history.changes_between(self.model, old, new or obj)
        changes += history.children_changes(
            self.model, obj.pk, history.moment_of(old), history.moment_of(new)
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of “%(page)s”") % {"page": obj},
            "subtitle": str(obj),
            "opts": self.opts,
            "object": obj,
            "original": obj,
            "old": old,
            "new": new,
            "old_who": person(old.history_user),
            "new_who": person(new.history_user) if new else "",
            "changes": changes,
            "can_restore": self.can_restore(request, obj) and old is not None,
            "restore_form": RestoreVersionForm(self.opts, obj.pk, old.history_id),
            "history_url": reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_history",
                args=[obj.pk],
            ),
        }
        return TemplateResponse(request, "editorial/compare.html", context)

    @staticmethod
    def _record_from(records, history_id):
        if not history_id or not str(history_id).isdigit():
            return None
        return records.filter(history_id=int(history_id)).first()

    # Restore ----------------------------------------------------------------------------

    def can_restore(self, request, obj):
        return False

    def restore_view(self, request, object_id, history_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.can_restore(request, obj):
            raise PermissionDenied
        record = get_object_or_404(history.records_of(obj), history_id=history_id)
        history.restore_revision(obj, record, request.user)
        self.log_change(request, obj, [{"changed": {"fields": ["restored"]}}])
        self.message_user(
            request,
            _(
                "The version from %(when)s is back, as a new version. Publishing, the address "
                "and the clinical review details were left as they were."
            )
            % {"when": history.value_text(record.history_date)},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[obj.pk],
            )
        )


class EditorialAdmin(RevisionsAdmin):
    """Restore, conflict protection, roles, pending changes to live pages and the review
    workflow's panel, for pages that are drafted and published."""

    change_form_template = "editorial/change_form.html"
    delete_confirmation_template = "editorial/delete_confirmation.html"
    delete_selected_confirmation_template = "editorial/delete_selected_confirmation.html"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/pending/publish/",
                view(self.publish_pending_view),
                name=f"{prefix}_publish_pending",
            ),
            path(
                "<path:object_id>/pending/discard/",
                view(self.discard_pending_view),
                name=f"{prefix}_discard_pending",
            ),
            path(
                "<path:object_id>/pending/preview/",
                view(self.preview_pending_view),
                name=f"{prefix}_preview_pending",
            ),
            path(
                "<path:object_id>/pending/compare/",
                view(self.compare_pending_view),
                name=f"{prefix}_compare_pending",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        # The review steps and pending changes, beside the saved versions (the newest 100).
        steps = WorkflowStep.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=self._valid_pk(object_id),
        ).select_related("user")[:STEPS_SHOWN]
        extra_context = {"workflow_steps": steps, **(extra_context or {})}
        return super().history_view(request, object_id, extra_context)

    def _url(self, name, obj):
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{name}",
            args=[obj.pk],
        )

    # Roles -------------------------------------------------------------------------------

    def _perm(self, request, action):
        return request.user.has_perm(f"{self.opts.app_label}.{action}_{self.opts.model_name}")

    def has_publish_permission(self, request):
        """Used by the publish and unpublish actions (``permissions=["publish"]``)."""
        return self._perm(request, "publish")

    def has_review_permission(self, request):
        return any(
            field.name in CLINICAL_REVIEW_FIELDS for field in self.opts.fields
        ) and self._perm(request, "review")

    def _reviews_only(self, request):
        """A clinical reviewer: may record a review, and change nothing else."""
        return self.has_review_permission(request) and not self._perm(request, "change")

    def _is_live(self, obj):
        return obj is not None and obj.status == Status.PUBLISHED

    def has_change_permission(self, request, obj=None):
        # An editor may change a live page too: the change waits for a publisher (pending).
        if self._reviews_only(request):
            return True
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._is_live(obj) and not self.has_publish_permission(request):
            return False
        return super().has_delete_permission(request, obj)

    def can_restore(self, request, obj):
        # Restoring saves the page at once, so on a live page it is a publisher's decision.
        if self._is_live(obj) and not self.has_publish_permission(request):
            return False
        return self._perm(request, "change") and self.has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._reviews_only(request):
            editable = set(CLINICAL_REVIEW_FIELDS) | {VERSION_FIELD, REASON_FIELD}
            everything = flatten_fieldsets(self.get_fieldsets(request, obj))
            return [*readonly, *(f for f in everything if f not in editable and f not in readonly)]
        if not self.has_publish_permission(request):
            readonly += [f for f in PUBLISHING_FIELDS if f not in readonly]
            if self._is_live(obj):
                names = {field.name for field in self.opts.fields}
                readonly += [f for f in UPLOAD_FIELDS if f in names and f not in readonly]
        if not self.has_review_permission(request):
            names = {field.name for field in self.opts.fields}
            readonly += [f for f in CLINICAL_REVIEW_FIELDS if f in names and f not in readonly]
        return readonly

    def get_deleted_objects(self, objs, request):
        """Used by "Delete" and "Delete selected": a live page needs someone who may publish."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not self.has_publish_permission(request) and any(self._is_live(o) for o in objs):
            perms_needed = {
                *perms_needed,
                _("published %(name)s") % {"name": self.opts.verbose_name_plural},
            }
        return deleted, counts, perms_needed, protected

    # The change form ---------------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        (name, options), *rest = fieldsets
        hidden = (VERSION_FIELD, PENDING_VERSION_FIELD)
        first = (name, {**options, "fields": (*options["fields"], *hidden)})
        note = (_("Note for the history"), {"fields": (REASON_FIELD,)})
        return [first, *rest, note]

    def saves_pending(self, request, obj):
        """Whether saving ``obj`` now keeps the change pending rather than making it live."""
        if not self._is_live(obj) or getattr(request, "replaying_pending", False):
            return False
        if self._reviews_only(request):
            return False  # recording a review changes no words: it applies to the live page
        return (
            not self.has_publish_permission(request) or request.POST.get("_save") == PENDING_BUTTON
        )

    def shows_pending(self, request, obj):
        """Whether the form holds the pending change: for anyone who may change the page."""
        return (
            request.method == "GET"
            and not self._reviews_only(request)
            and self.has_change_permission(request, obj)
        )

    def approval_problem(self, obj):
        """Why ``obj`` may not go live yet under ``settings.REQUIRE_CLINICAL_APPROVAL``."""
        return workflow.approval_problem(obj, pending_changes.pending_for(obj))

    def get_form(self, request, obj=None, change=False, **kwargs):
        if settings.REQUIRE_CLINICAL_APPROVAL and not self._is_live(obj):
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(base.__name__, (ApprovalRequiredFormMixin, base), {})
        if obj is not None:
            base = kwargs.get("form", self.form)
            readonly = self.get_readonly_fields(request, obj)
            pending = pending_changes.pending_for(obj)
            attrs = dict.fromkeys(f for f in readonly if f in base.declared_fields)
            attrs.update(VersionCheckedFormMixin.fields())
            attrs["saves_pending"] = self.saves_pending(request, obj)
            attrs["pending_shown"] = None
            if pending is not None and self.shows_pending(request, obj):
                attrs["pending_shown"] = pending
                request.pending_shown = pending  # the rows edited inside it, too
            kwargs["form"] = type(base.__name__, (VersionCheckedFormMixin, base), attrs)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        formset_kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        pending = getattr(request, "pending_shown", None)
        if pending is not None:
            formset_kwargs.update(data=pending_changes.as_query_dict(pending.data), files={})
        return formset_kwargs

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between our check and our save (the transaction was rolled back):
            # going through the form again shows the editor what they changed.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if obj is not None:
            context["workflow"] = self.workflow_panel(request, obj)
        if (
            obj is not None
            and request.method == "GET"
            and self.saves_pending(request, obj)
            and self._perm(request, "change")
        ):
            self.message_user(
                request,
                _(
                    "This page is live on the site. What you save here is kept as a pending "
                    "change: parents see the live page until a publisher publishes it."
                ),
                messages.INFO,
            )
        return super().change_view(request, object_id, form_url, context)

    def workflow_panel(self, request, obj):
        """What the box above the form says and offers: the pending change and the review."""
        pending = pending_changes.pending_for(obj)
        review = workflow.request_for(obj)
        may_change = self._perm(request, "change") and self.has_change_permission(request, obj)
        panel = {
            "pending": pending,
            "pending_by": person(pending.updated_by) if pending else "",
            "review": review,
            "review_current": workflow.covers(review, obj, pending),
            "submitted_by": person(review.submitted_by) if review else "",
            "decided_by": person(review.decided_by) if review and review.decided_by else "",
            "can_submit": may_change
            and workflow.is_draft_or_pending(obj, pending)
            and not (
                review
                and review.state in (ReviewState.IN_REVIEW, ReviewState.APPROVED)
                and workflow.covers(review, obj, pending)
            ),
            "can_decide": review is not None
            and review.state == ReviewState.IN_REVIEW
            and workflow.may_decide(request.user, self.model),
            # A publisher's Save makes a live page's change live at once; this keeps it pending.
            "offers_pending": self._is_live(obj) and self.has_publish_permission(request),
            "submit_url": reverse(
                "editorial:submit_for_review", args=[self.opts.model_name, obj.pk]
            ),
            "decide_url": reverse("editorial:decide_review", args=[self.opts.model_name, obj.pk]),
        }
        if pending is not None:
            panel["preview_url"] = self._url("preview_pending", obj)
            panel["compare_url"] = self._url("compare_pending", obj)
            if self.has_publish_permission(request):
                panel["publish_form"] = PendingActionForm(
                    self._url("publish_pending", obj),
                    button=_("Publish the pending change"),
                    button_id="publish-pending",
                )
            if may_change:
                panel["discard_form"] = PendingActionForm(
                    self._url("discard_pending", obj),
                    button=_("Discard the pending change"),
                    button_id="discard-pending",
                )
        return panel

    # Saving ------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change and self.saves_pending(request, obj):
            request.saved_pending = self.save_pending(request, obj, form)
            return
        if change:
            expected = getattr(form, "checked_version", obj.version)
            # Compare and increment in one statement: of two saves at the same moment only
            # one can match the number it started from.
            won = (
                type(obj)
                ._default_manager.filter(pk=obj.pk, version=expected)
                .update(version=F("version") + 1)
            )
            if not won:
                raise EditConflict
            obj.version = expected  # save() adds the one
        super().save_model(request, obj, form, change)
        if change and not getattr(request, "replaying_pending", False):
            self.absorb_pending(request, obj, form)

    def save_pending(self, request, obj, form):
        """Keep the form as the page's pending change (the live page is not touched)."""
        data = pending_changes.sent_data(request.POST)
        data[VERSION_FIELD] = [str(form.checked_version)]
        model_fields = {field.name for field in self.opts.get_fields()}
        fields = [name for name in form.fields if name in model_fields]
        if any(request.FILES.values()):
            self.message_user(
                request,
                _(
                    "The new picture was not kept: a picture is changed on the live page, by a "
                    "publisher saving the page itself."
                ),
                messages.WARNING,
            )
        current = form.pending_current
        if current is None:
            pending = PendingChange.objects.create(
                content_type=pending_changes.content_type_of(obj),
                object_id=obj.pk,
                data=data,
                fields=fields,
                base_version=form.checked_version,
                created_by=request.user,
                updated_by=request.user,
            )
        else:
            current.data, current.fields = data, fields
            current.base_version = form.checked_version
            current.version += 1
            current.updated_by = request.user
            current.save()
            pending = current
        note = form.cleaned_data.get(REASON_FIELD) or ""
        pending_changes.record_step(obj, StepKind.PENDING_SAVED, request.user, note)
        return pending

    def absorb_pending(self, request, obj, form):
        """A publisher who saved the form that held the pending change made it live."""
        current = getattr(form, "pending_current", None)
        if current is not None and form.cleaned_data.get(PENDING_VERSION_FIELD) == current.version:
            review = workflow.request_for(obj)
            pending_changes.forget(obj)
            if review is not None and review.pending:
                workflow.apply_approved_review(obj, review, request.user)
            pending_changes.record_step(obj, StepKind.PENDING_PUBLISHED, request.user)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "saved_pending", None) is None:
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        # A pending change saved no rows, and the admin's log of changes is for saved ones.
        if getattr(request, "saved_pending", None) is not None:
            return []
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "saved_pending", None) is None:
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        if getattr(request, "saved_pending", None) is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Saved as a pending change. Parents still see the live page until a publisher "
                "publishes your change. Submit it for review when it is ready."
            ),
            messages.SUCCESS,
        )
        if wants_preview(request):
            return HttpResponseRedirect(self._url("preview_pending", obj))
        return HttpResponseRedirect(self._url("change", obj))

    # Pending changes ---------------------------------------------------------------------

    def _page_and_pending(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        pending = pending_changes.pending_for(obj)
        if pending is None:
            raise Http404
        return obj, pending

    def apply_pending(self, request, obj, pending, *, user=None, quiet=False):
        """Save ``pending`` onto ``obj`` through this admin's form, as its author's form would.
        Returns the saved page, or ``None`` if the form is no longer valid (the change form,
        which shows the pending change, says why)."""
        replay = pending_changes.replay_request(request, pending.data, user=user, quiet=quiet)
        # Only fields the page still has: a pending change may be older than the last upgrade.
        names = {field.name for field in self.opts.get_fields()}
        fields = [name for name in pending.fields if name in names]
        form_class = self.get_form(replay, obj, change=True, fields=fields)
        form = form_class(replay.POST, replay.FILES, instance=obj)
        formsets, _inlines = self._create_formsets(replay, form.instance, change=True)
        if not (form.is_valid() and all_valid(formsets)):
            return None
        saved = self.save_form(replay, form, change=True)
        self.save_model(replay, saved, form, True)
        self.save_related(replay, form, formsets, True)
        return saved

    def _author(self, request, pending):
        """Preview and compare replay the change with its author's rights, so what it may
        change does not depend on who looks at it."""
        author = pending.updated_by
        return author if author is not None and author.is_active else request.user

    def publish_pending_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj, pending = self._page_and_pending(request, object_id)
        if not self.has_publish_permission(request):
            raise PermissionDenied
        problem = workflow.approval_problem(obj, pending)
        if problem:
            self.message_user(request, problem, messages.ERROR)
            return HttpResponseRedirect(self._url("change", obj))
        review = workflow.request_for(obj)
        with transaction.atomic():
            saved = self.apply_pending(request, obj, pending)
            if saved is not None:
                pending_changes.forget(obj)
                if review is not None and review.pending:
                    workflow.apply_approved_review(saved, review, request.user)
                pending_changes.record_step(saved, StepKind.PENDING_PUBLISHED, request.user)
                self.log_change(request, saved, [{"changed": {"fields": ["pending change"]}}])
        if saved is None:
            self.message_user(
                request,
                _(
                    "The pending change was not published: something in it needs attention "
                    "first. The form below shows what."
                ),
                messages.ERROR,
            )
        else:
            self.message_user(
                request, _("The pending change is live: parents see it now."), messages.SUCCESS
            )
        return HttpResponseRedirect(self._url("change", obj))

    def discard_pending_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj, _pending = self._page_and_pending(request, object_id)
        if not (self._perm(request, "change") and self.has_change_permission(request, obj)):
            raise PermissionDenied
        with transaction.atomic():
            pending_changes.forget(obj)
            pending_changes.record_step(obj, StepKind.PENDING_DISCARDED, request.user)
        self.message_user(
            request,
            _("The pending change was discarded. The form shows the live page again."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._url("change", obj))

    def preview_pending_view(self, request, object_id):
        """The page as parents will see it once the pending change is published."""
        obj, pending = self._page_and_pending(request, object_id)
        kind = kinds.for_model(self.model)
        if kind is None or not kind.previewable:
            raise Http404
        response = None
        with pending_changes.rolled_back():
            saved = self.apply_pending(
                request, obj, pending, user=self._author(request, pending), quiet=True
            )
            if saved is not None:
                page = kind.with_details(self.model.objects.all()).get(pk=obj.pk)
                response = render_preview(
                    request, kind, page, state="pending", change_url=self._url("change", obj)
                )
        if response is None:
            self.message_user(
                request,
                _("The pending change cannot be previewed: the form shows what needs attention."),
                messages.ERROR,
            )
            return HttpResponseRedirect(self._url("change", obj))
        return response

    def compare_pending_view(self, request, object_id):
        """What the pending change would change on the live page: compare "live ↔ pending"."""
        obj, pending = self._page_and_pending(request, object_id)
        live = history.records_of(obj).first()
        changes = None
        with pending_changes.rolled_back():
            saved = self.apply_pending(
                request, obj, pending, user=self._author(request, pending), quiet=True
            )
            if saved is not None:
                changes = history.changes_between(self.model, live, saved)
                changes += history.children_changes(
                    self.model, obj.pk, history.moment_of(live), history.moment_of(None)
                )
        if changes is None:
            self.message_user(
                request,
                _("The pending change cannot be compared: the form shows what needs attention."),
                messages.ERROR,
            )
            return HttpResponseRedirect(self._url("change", obj))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Live page and pending change of “%(page)s”") % {"page": obj},
            "subtitle": str(obj),
            "opts": self.opts,
            "object": obj,
            "original": obj,
            "old": live,
            "new": None,
            "old_who": person(live.history_user) if live else "",
            "new_who": person(pending.updated_by),
            "pending": pending,
            "changes": changes,
            "can_restore": False,
            "history_url": self._url("history", obj),
        }
        return TemplateResponse(request, "editorial/compare.html", context)


class ApprovalRequiredFormMixin:
    """With ``settings.REQUIRE_CLINICAL_APPROVAL``: a draft goes live from its form only once
    a clinical reviewer has approved it as it is saved now."""

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        # Until the form is saved the instance holds the page as it was.
        goes_live = (
            cleaned.get("status", instance.status) == Status.PUBLISHED
            and instance.status != Status.PUBLISHED
        )
        if goes_live and (problem := workflow.approval_problem(instance)):
            self.add_error("status" if "status" in self.fields else None, problem)
        return cleaned


class VersionCheckedFormMixin:
    """The hidden version numbers in a change form (the page's and its pending change's), and
    the checks that nobody saved either since the form was opened."""

    saves_pending = False
    pending_shown = None

    @staticmethod
    def fields():
        return {
            VERSION_FIELD: forms.IntegerField(widget=forms.HiddenInput, required=False),
            PENDING_VERSION_FIELD: forms.IntegerField(widget=forms.HiddenInput, required=False),
            REASON_FIELD: forms.CharField(
                label=gettext_lazy("What did you change? (optional)"),
                required=False,
                max_length=100,
                help_text=gettext_lazy(
                    "A few words for the page's history, e.g. 'Updated the helpline number'."
                ),
            ),
        }

    def __init__(self, data=None, *args, **kwargs):
        shown = self.pending_shown
        if data is None and shown is not None:
            data = pending_changes.as_query_dict(shown.data).copy()
            data[PENDING_VERSION_FIELD] = str(shown.version)
        super().__init__(data, *args, **kwargs)
        self.pending_current = pending_changes.pending_for(self.instance)
        self.initial.setdefault(VERSION_FIELD, self.instance.version)
        self.initial.setdefault(
            PENDING_VERSION_FIELD, self.pending_current.version if self.pending_current else 0
        )
        if shown is not None:
            # Fields its author's form did not have (a publisher's publishing fields) show the
            # page as it is.
            for name in self.fields:
                if name not in shown.fields and name not in VersionCheckedFormMixin.fields():
                    for key, values in pending_changes.initial_data(self[name]).items():
                        self.data.setlist(key, values)

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        expected = cleaned.get(VERSION_FIELD)
        if expected is None:
            expected = instance.version  # a client that sent no version: as loaded now
        current = (
            type(instance)
            ._default_manager.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        self.checked_version = expected
        if current is not None and current != expected:
            # Saving again now means "keep mine": the form carries the version just shown.
            self.data = self.data.copy()
            self.data[self.add_prefix(VERSION_FIELD)] = current
            raise ValidationError(conflict_message(instance, expected), code="conflict")
        if self.saves_pending:
            self.check_pending_version(cleaned)
        return cleaned

    def check_pending_version(self, cleaned):
        """Two people saving the same pending change: the second is told, as for a page."""
        current = (
            PendingChange.objects.select_for_update()
            .filter(
                content_type=pending_changes.content_type_of(self.instance),
                object_id=self.instance.pk,
            )
            .first()
        )
        self.pending_current = current
        have = current.version if current is not None else 0
        expected = cleaned.get(PENDING_VERSION_FIELD)
        if expected is None or expected == have:
            return
        self.data = self.data.copy()
        self.data[self.add_prefix(PENDING_VERSION_FIELD)] = have
        who = person(current.updated_by) if current is not None else _("someone")
        raise ValidationError(
            format_html(
                "{} {}",
                _("%(who)s saved the pending change of this page after you opened it.")
                % {"who": who},
                _(
                    "Your changes are still in the form below. Open the page again to see "
                    "theirs, or press Save again to keep yours (it replaces theirs)."
                ),
            ),
            code="conflict",
        )


def conflict_message(instance, expected):
    """What the other person changed since this editor opened the page, who and when."""
    records = history.records_of(instance)
    latest = records.first()
    seen = records.filter(version=expected).first()
    people = sorted(
        {
            person(record.history_user)
            for record in records.filter(version__gt=expected)
            if record.history_user_id
        }
    ) or [_("someone")]
    when = history.value_text(latest.history_date) if latest else ""
    changes = []
    if seen is not None and latest is not None:
        changes = history.changes_between(type(instance), seen, latest)
        changes += history.children_changes(
            type(instance), instance.pk, history.moment_of(seen), history.moment_of(None)
        )
    intro = format_html(
        "{} {}",
        _("%(people)s saved this page at %(when)s, after you opened it.")
        % {"people": ", ".join(people), "when": when},
        _("Your changes have not been saved yet: they are still in the form below."),
    )
    if changes:
        listed = format_html_join(
            "", "<li><strong>{}</strong>: {}</li>", ((c.label, c.new) for c in changes)
        )
        intro = format_html("{} {}<ul>{}</ul>", intro, _("They changed:"), listed)
    return format_html(
        "{}{}",
        intro,
        _(
            "Check their changes, then press Save again to keep your version (it replaces "
            "theirs), or open the page again to start from theirs."
        ),
    )
