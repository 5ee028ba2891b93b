"""
Clinical review and plain English in the admin of articles and tip pages.

``ReviewedContentAdmin`` is mixed into the admin of every reviewed kind (``core.kinds``). It adds:

- the "Mark as clinically reviewed today" action, offered only to people with the model's
  ``review_<model>`` permission (the Clinical reviewer role) and refused on the server to
  anyone else; each page is saved normally, so the review is a new revision in its history;
- the reading age and word count (measured on save by ``core.readability``) at the top of
  the form and as a column, and a warning after saving when the reading age is above
  ``settings.READING_AGE_TARGET``;
- a confirmation before a page no clinician has reviewed goes live: the change form asks for a
  tick in "Publish without a clinical review", and the publish action leaves such pages out
  and names them, since each needs that tick on its own form.
"""

from crispy_forms.layout import Hidden
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import Status, add_months

from .forms import WayOut, staff_form_helper

REVIEW_CHANGE_REASON = "Marked clinically reviewed"
# The tick a publisher gives to make live a page that has never been clinically reviewed.
UNREVIEWED_FIELD = "publish_unreviewed"
# The name of the action menu on a change form (Django prefixes it with the location).
CHANGE_FORM_ACTION = f"{admin.ActionLocation.CHANGE_FORM.value}-action"


def format_target():
    """The target as people write it: "11", not "11.0" or "1.1E+1"."""
    return f"{settings.READING_AGE_TARGET.normalize():f}"


def is_above_target(reading_age):
    return reading_age is not None and reading_age > settings.READING_AGE_TARGET


class MarkReviewedForm(forms.Form):
    """
    The confirmation step of the review action: who reviewed. It posts back to the page the
    action came from with the chosen ``pages``, the action (in ``action_field``, which the
    change form's action menu prefixes) and "apply", so the admin runs the action again.
    """

    reviewed_by = forms.CharField(
        label=_("Clinical reviewer"),
        max_length=200,
        help_text=_(
            "The name and role parents will see, e.g. 'Dr Sam Lee, clinical psychologist'."
        ),
        error_messages={
            "required": _("Enter the name and role of the clinical reviewer"),
            "max_length": _("Enter a name and role of %(limit_value)d characters or fewer"),
        },
    )

    def __init__(self, *args, pages=(), action_field="action", back_url="", **kwargs):
        super().__init__(*args, **kwargs)
        chosen = [Hidden(helpers.ACTION_CHECKBOX_NAME, page.pk) for page in pages]
        self.helper = staff_form_helper(
            "reviewed_by",
            *chosen,
            Hidden(action_field, "mark_clinically_reviewed"),
            Hidden("apply", "yes"),
            button=_("Mark as reviewed today"),
            button_id="mark-reviewed",
            way_out=WayOut(back_url, _("Go back without changing anything")),
        )


def mark_reviewed(pages, reviewed_by, user):
    """
    Record a clinical review today on each page, and the next one due after the usual interval.

    Each page is saved in full, so it gets a new version (an editor who had it open is warned
    rather than overwriting the review) and a revision that says who marked it and why.
    """
    today = timezone.localdate()
    with transaction.atomic():
        for page in pages:
            page.last_reviewed = today
            page.reviewed_by = reviewed_by
            page.next_review_due = None  # worked out again from today on save
            page._change_reason = REVIEW_CHANGE_REASON
            page._history_user = user
            page.save()
    return len(pages)


def unreviewed_field():
    return forms.BooleanField(
        label=_("Publish without a clinical review"),
        required=False,
        help_text=_(
            "Needed only to publish a page that no clinician has reviewed yet. Parents will see "
            "that it has not been clinically reviewed."
        ),
    )


class ConfirmUnreviewedFormMixin:
    """Refuses to make a never-reviewed page live unless the publisher ticked the confirmation.

    Only a save that changes the status to published asks: a page that is live already can be
    edited without the tick every time."""

    def clean(self):
        cleaned = super().clean()
        if self.publishes_unreviewed(cleaned) and not cleaned.get(UNREVIEWED_FIELD):
            self.add_error(
                UNREVIEWED_FIELD,
                _(
                    "This page has not had a clinical review yet. Tick 'Publish without a "
                    "clinical review' to publish it anyway, or keep it as a draft until it has "
                    "been reviewed."
                ),
            )
        return cleaned

    def publishes_unreviewed(self, cleaned):
        # Until the form is saved the instance holds the page as it was; a field the user may
        # not change is not in the form, so its value is the one saved before.
        instance = self.instance
        goes_live = (
            cleaned.get("status", instance.status) == Status.PUBLISHED
            and instance.status != Status.PUBLISHED
        )
        return goes_live and cleaned.get("last_reviewed", instance.last_reviewed) is None


class ReviewedContentAdmin:
    """Mix into the admin of a ``ClinicallyReviewed`` and ``Readable`` model, before
    ``PublishableAdmin``, whose ``has_review_permission`` the review action relies on."""

    plain_english_fieldset = (
        _("Plain English"),
        {
            "fields": ("plain_english",),
            "description": _(
                "Measured each time you save. Aim for a reading age of %(target)s or under: "
                "short sentences and everyday words bring it down."
            ),
        },
    )

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "plain_english")

    def get_fieldsets(self, request, obj=None):
        name, options = self.plain_english_fieldset
        options = {**options, "description": options["description"] % {"target": format_target()}}
        fieldsets = [(name, options), *super().get_fieldsets(request, obj)]
        if self.may_publish_unreviewed(request, obj):
            fieldsets = [_with_unreviewed_field(fieldset) for fieldset in fieldsets]
        return fieldsets

    def may_publish_unreviewed(self, request, obj):
        """Whether the form offers the tick: to a publisher, on a page not live and not reviewed
        (a new page may have its review recorded in the same form; the form checks that)."""
        return self.has_publish_permission(request) and (
            obj is None or (obj.status != Status.PUBLISHED and obj.last_reviewed is None)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self.may_publish_unreviewed(request, obj):
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(
                base.__name__,
                (ConfirmUnreviewedFormMixin, base),
                {UNREVIEWED_FIELD: unreviewed_field()},
            )
        return super().get_form(request, obj, change=change, **kwargs)

    def ready_to_publish(self, request, queryset):
        """The publish action leaves out, and names, pages never clinically reviewed: each needs
        the confirmation on its own change form."""
        queryset = super().ready_to_publish(request, queryset)
        unreviewed = [str(page) for page in queryset.filter(last_reviewed__isnull=True)]
        if unreviewed:
            self.message_user(
                request,
                ngettext(
                    "Not published, because it has not had a clinical review: %(titles)s. To "
                    "publish it anyway, open it and tick 'Publish without a clinical review'.",
                    "Not published, because they have not had a clinical review: %(titles)s. To "
                    "publish one anyway, open it and tick 'Publish without a clinical review'.",
                    len(unreviewed),
                )
                % {"titles": "; ".join(sorted(unreviewed))},
                messages.WARNING,
            )
        queryset = queryset.filter(last_reviewed__isnull=False)
        waiting = [page for page in queryset if self.approval_problem(page)]
        if waiting:
            self.message_user(
                request,
                _(
                    "Not published, because a clinical reviewer has not approved them as they "
                    "are now: %(titles)s. Submit them for review first."
                )
                % {"titles": "; ".join(sorted(str(page) for page in waiting))},
                messages.WARNING,
            )
        return queryset.exclude(pk__in=[page.pk for page in waiting])

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The model's help text says 12 months; the interval is a setting, so say the real one.
        if db_field.name == "next_review_due":
            kwargs["help_text"] = ngettext(
                "Leave empty to set it %(months)d month after the last review. It is also reset "
                "when you record a newer review.",
                "Leave empty to set it %(months)d months after the last review. It is also reset "
                "when you record a newer review.",
                settings.REVIEW_INTERVAL_MONTHS,
            ) % {"months": settings.REVIEW_INTERVAL_MONTHS}
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("reading age"), ordering="reading_age")
    def reading_age_column(self, obj):
        if obj.reading_age is None:
            return "-"
        if is_above_target(obj.reading_age):
            return _("%(age)s (above target)") % {"age": obj.reading_age}
        return str(obj.reading_age)

    @admin.display(description=_("reading age and length"))
    def plain_english(self, obj):
        if obj is None or obj.pk is None or obj.reading_age is None:
            return _("Measured when you save.")
        return ngettext(
            "%(age)s (target: %(target)s or under), %(words)d word",
            "%(age)s (target: %(target)s or under), %(words)d words",
            obj.word_count,
        ) % {"age": obj.reading_age, "target": format_target(), "words": obj.word_count}

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        self.warn_if_hard_to_read(request, obj)
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        self.warn_if_hard_to_read(request, obj)
        return response

    def warn_if_hard_to_read(self, request, obj):
        # Read back from the database: a tip page is measured again after its tips are saved.
        reading_age = (
            type(obj)._default_manager.filter(pk=obj.pk).values_list("reading_age", flat=True)
        ).first()
        if is_above_target(reading_age):
            self.message_user(
                request,
                _(
                    "Reading age %(age)s is above the target of %(target)s: try shorter "
                    "sentences and everyday words."
                )
                % {"age": reading_age, "target": format_target()},
                messages.WARNING,
            )

    @admin.action(
        permissions=["review"],
        description=_("Mark as clinically reviewed today"),
        location=[admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM],
    )
    def mark_clinically_reviewed(self, request, queryset):
        """Ask for the reviewer's name and role, then record today's review on each page."""
        # The admin already hides and refuses this action without the permission; checked again
        # here because it changes what parents are told about a page.
        if not self.has_review_permission(request):
            raise PermissionDenied
        pages = list(queryset)
        form = MarkReviewedForm(
            request.POST if "apply" in request.POST else None,
            initial={"reviewed_by": request.user.get_full_name()},
            pages=pages,
            # The change form's action menu has a prefix; the confirmation posts back to it.
            action_field=CHANGE_FORM_ACTION if CHANGE_FORM_ACTION in request.POST else "action",
            back_url=request.get_full_path(),
        )
        if form.is_valid():
            count = mark_reviewed(pages, form.cleaned_data["reviewed_by"], request.user)
            self.message_user(
                request,
                ngettext(
                    "%(count)d page marked as clinically reviewed today.",
                    "%(count)d pages marked as clinically reviewed today.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Mark as clinically reviewed today"),
            "opts": self.opts,
            "form": form,
            "pages": pages,
            "review_interval_months": settings.REVIEW_INTERVAL_MONTHS,
            "next_due": _next_due_from_today(),
        }
        return TemplateResponse(request, "editorial/mark_reviewed.html", context)


def _with_unreviewed_field(fieldset):
    """The publishing fieldset with the tick after the status and publish time."""
    name, options = fieldset
    if "status" not in options["fields"]:
        return fieldset
    return name, {**options, "fields": (*options["fields"], UNREVIEWED_FIELD)}


def _next_due_from_today():
    return add_months(timezone.localdate(), settings.REVIEW_INTERVAL_MONTHS)
