"""
What the editorial workflow adds to the content admins (used by guidance/admin.py, tips/admin.py).

- ``RevisionsAdmin``: the History page lists every revision (who, when, why, which fields);
  two revisions can be compared field by field; one save is one revision, links included.
- ``EditorialAdmin`` (for pages with a draft/published status) adds: restoring an old revision,
  protection against two people overwriting each other (optimistic locking with ``version``),
  and the roles of ``editorial.roles`` enforced on the server.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.models import Status

from . import history
from .forms import CompareVersionsForm, RestoreVersionForm

PUBLISHING_FIELDS = ("status", "published_at")
# What marks a page as clinically reviewed; only people with review_<model> may change them.
CLINICAL_REVIEW_FIELDS = ("reviewed_by", "last_reviewed", "next_review_due")
VERSION_FIELD = "base_version"
REASON_FIELD = "change_reason"


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
    """Restore, conflict protection and roles, for pages that are drafted and published."""

    delete_confirmation_template = "editorial/delete_confirmation.html"
    delete_selected_confirmation_template = "editorial/delete_selected_confirmation.html"

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
        if self._reviews_only(request):
            return True
        if self._is_live(obj) and not self.has_publish_permission(request):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._is_live(obj) and not self.has_publish_permission(request):
            return False
        return super().has_delete_permission(request, obj)

    def can_restore(self, request, obj):
        return self._perm(request, "change") and self.has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._reviews_only(request):
            editable = set(CLINICAL_REVIEW_FIELDS) | {VERSION_FIELD, REASON_FIELD}
            everything = flatten_fieldsets(self.get_fieldsets(request, obj))
            return [*readonly, *(f for f in everything if f not in editable and f not in readonly)]
        if not self.has_publish_permission(request):
            readonly += [f for f in PUBLISHING_FIELDS if f not in readonly]
        if not self.has_review_permission(request):
            names = {field.name for field in self.opts.fields}
            readonly += [f for f in CLINICAL_REVIEW_FIELDS if f in names and f not in readonly]
        return readonly

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if (
            request.method == "GET"
            and self._is_live(obj)
            and self._perm(request, "change")
            and not self.has_publish_permission(request)
        ):
            self.message_user(
                request,
                _(
                    "This page is live on the site, so only a publisher can change it. You can "
                    "read it here and look at its history, or ask a publisher to make your change "
                    "or to unpublish it so you can work on it as a draft."
                ),
                messages.INFO,
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_deleted_objects(self, objs, request):
        """Used by "Delete" and "Delete selected": a live page needs someone who may publish."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not self.has_publish_permission(request) and any(self._is_live(o) for o in objs):
            perms_needed = {
                *perms_needed,
                _("published %(name)s") % {"name": self.opts.verbose_name_plural},
            }
        return deleted, counts, perms_needed, protected

    # Conflict protection -----------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        (name, options), *rest = fieldsets
        first = (name, {**options, "fields": (*options["fields"], VERSION_FIELD)})
        note = (_("Note for the history"), {"fields": (REASON_FIELD,)})
        return [first, *rest, note]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            base = kwargs.get("form", self.form)
            readonly = self.get_readonly_fields(request, obj)
            attrs = dict.fromkeys(f for f in readonly if f in base.declared_fields)
            attrs.update(VersionCheckedFormMixin.fields())
            kwargs["form"] = type(base.__name__, (VersionCheckedFormMixin, base), attrs)
        return super().get_form(request, obj, change=change, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between our check and our save (the transaction was rolled back):
            # going through the form again shows the editor what they changed.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
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


class VersionCheckedFormMixin:
    """The hidden version number in a change form, and the check that nobody saved since."""

    @staticmethod
    def fields():
        return {
            VERSION_FIELD: forms.IntegerField(widget=forms.HiddenInput, required=False),
            REASON_FIELD: forms.CharField(
                label=gettext_lazy("What did you change? (optional)"),
                required=False,
                max_length=100,
                help_text=gettext_lazy(
                    "A few words for the page's history, e.g. 'Updated the helpline number'."
                ),
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault(VERSION_FIELD, self.instance.version)

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
        return cleaned


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


def person(user):
    """How a member of staff is named on these screens."""
    if user is None:
        return _("the system")
    return user.get_full_name() or user.get_username()
