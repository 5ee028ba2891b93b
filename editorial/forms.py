"""
Our staff forms on the admin's own pages, drawn by our template pack like every form of ours
(docs/forms.md): the filters of "Recent changes", and the buttons that restore an old version,
bring back a deleted page and compare two versions. ``staff_form_helper`` and ``WayOut`` are
shared with the other staff forms (``editorial.reviews``, ``search.admin``).
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_LENGTH, NOTE_LENGTH

# No row can have a larger id (a bigger number in the address would crash SQLite's lookup).
MAX_ID = 2**63 - 1


class WayOut:
    """
    A crispy-forms layout object: a link beside the button that leaves without doing anything,
    as the admin's own confirmation pages have. It is drawn here rather than by a template so
    that no part of the address (which people can type) is ever read as template code.
    """

    def __init__(self, url, text):
        self.url = url
        self.text = text

    def render(self, form, context, template_pack=None, **kwargs):
        return format_html('<a class="button-group__link" href="{}">{}</a>', self.url, self.text)


def staff_form_helper(*fields, button, button_id, way_out=None, action="", method="post", **attrs):
    """
    The helper of a staff form: ``fields`` (names or layout objects), then the button group with
    our button and, if given, a ``WayOut``. The button has no name, so it adds nothing to what
    is sent; its id must be unique on the page, as some pages have a form per row. ``attrs``
    become the button's attributes (``aria_label`` is ``aria-label``).
    """
    helper = FormHelper()
    helper.form_method = method
    helper.form_action = action
    helper.form_class = "staff-form"
    group = [Submit("", button, css_id=button_id, **attrs)]
    if way_out is not None:
        group.append(way_out)
    helper.layout = Layout(*fields, Div(*group, css_class="button-group"))
    return helper


# Recent changes -------------------------------------------------------------------------------


class PageField(forms.IntegerField):
    """The page of the list, from the links under it. Nobody types it, so anything that is not a
    page number quietly means the first page rather than an error."""

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError:
            return None


class RecentChangesForm(forms.Form):
    """
    The filters above "Recent changes" (``editorial.audit.recent_changes``), sent with GET so a
    filtered list can be bookmarked. A value that is not valid (from an edited address) is
    reported in the error summary and left out, so the list shows as if it was not asked for.
    """

    # Any person's id, not only staff on the list: people who have left still made changes.
    person = forms.IntegerField(
        label=_("Person"),
        required=False,
        min_value=0,
        max_value=MAX_ID,
        widget=forms.Select,
        error_messages={
            key: _("Choose a person from the list") for key in ("invalid", "min_value", "max_value")
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind of content"),
        required=False,
        error_messages={"invalid_choice": _("Choose a kind of content from the list")},
    )
    action = forms.ChoiceField(
        label=_("What happened"),
        required=False,
        error_messages={"invalid_choice": _("Choose what happened from the list")},
    )
    page = PageField(min_value=1, required=False)  # not drawn: the links under the list set it

    def __init__(self, data=None, *, people, kinds, actions):
        """``people``: users to offer; ``kinds``: (label, name) pairs; ``actions``: {code: name}."""
        super().__init__(data, auto_id="filter-%s")
        self.fields["person"].widget.choices = [
            ("", _("Everyone")),
            *((person.pk, person.get_full_name() or person.get_username()) for person in people),
        ]
        self.fields["kind"].choices = [("", _("Everything")), *kinds]
        self.fields["action"].choices = [("", _("Anything")), *actions.items()]
        self.helper = staff_form_helper(
            "person", "kind", "action", button=_("Show"), button_id="filter-show", method="get"
        )
        self.helper.form_class += " editorial-filters"

    def filters(self):
        """The valid values only (person, kind, action, page), each missing when not chosen."""
        if not self.is_bound:
            return {}
        self.is_valid()  # cleaned_data keeps the valid values even when another one is not
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}


# Buttons --------------------------------------------------------------------------------------


class RestoreVersionForm(forms.Form):
    """No fields: the compare page's button that saves the older version again as a new one."""

    def __init__(self, opts, object_id, history_id):
        super().__init__()
        action = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_restore", args=[object_id, history_id]
        )
        self.helper = staff_form_helper(
            button=_("Restore the older version"), button_id="restore-version", action=action
        )


class BringBackForm(forms.Form):
    """No fields: a row's button on "Deleted pages"; its label names the page, as each row has
    one and a screen reader may list the buttons alone."""

    def __init__(self, page):
        super().__init__()
        history_id = page.record.history_id
        self.helper = staff_form_helper(
            button=_("Bring it back"),
            button_id=f"bring-back-{history_id}",
            action=reverse("editorial:restore_deleted", args=[page.label, history_id]),
            aria_label=_("Bring back “%(title)s”") % {"title": page.title},
        )


class CompareVersionsForm(forms.Form):
    """
    The History page's "Compare" button. The two versions to compare are radio buttons in the
    table of versions, which the template draws with the form tag (docs/forms.md says why), so
    the pack draws the button only.
    """

    def __init__(self):
        super().__init__()
        self.helper = staff_form_helper(
            button=_("Compare the chosen versions"), button_id="compare-versions", method="get"
        )
        self.helper.form_tag = False


class PendingActionForm(forms.Form):
    """No fields: "Publish the pending change" or "Discard the pending change", above a page's
    change form (outside it, so Enter in a field never presses them)."""

    def __init__(self, action, *, button, button_id):
        super().__init__()
        self.helper = staff_form_helper(button=button, button_id=button_id, action=action)


# Review workflow ------------------------------------------------------------------------------


class SubmitForReviewForm(forms.Form):
    """Hands a draft, or a pending change to a live page, to the reviewers and publishers."""

    note = forms.CharField(
        label=_("Note for the reviewer (optional)"),
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("What changed and what you would like checked, e.g. 'New sleep section'."),
        error_messages={"max_length": _("Keep the note to %(limit_value)d characters or fewer")},
    )

    def __init__(self, *args, back_url, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = staff_form_helper(
            "note",
            button=_("Submit for review"),
            button_id="submit-for-review",
            way_out=WayOut(back_url, _("Go back without submitting")),
        )


APPROVE, SEND_BACK = "approve", "send_back"


class ReviewDecisionForm(forms.Form):
    """Approve, or send back with a comment. Someone who may record a clinical review names the
    reviewer too: approving records it (on a draft now, on a pending change when published)."""

    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[(APPROVE, _("Approve")), (SEND_BACK, _("Send it back for changes"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to approve it or send it back")},
    )
    comment = forms.CharField(
        label=_("Comment for the editor"),
        required=False,
        max_length=COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_("Needed when you send it back: say what to change."),
        error_messages={"max_length": _("Keep the comment to %(limit_value)d characters or fewer")},
    )
    reviewed_by = forms.CharField(
        label=_("Clinical reviewer"),
        max_length=200,
        required=False,
        help_text=_(
            "Your name and role as parents will see them, e.g. 'Dr Sam Lee, clinical "
            "psychologist'. Approving records your clinical review."
        ),
        error_messages={
            "max_length": _("Enter a name and role of %(limit_value)d characters or fewer")
        },
    )

    def __init__(self, *args, clinical, clinical_required, may_approve, back_url, **kwargs):
        """``clinical``: the reviewer's name is asked for; ``clinical_required``: approving
        needs it (a clinical reviewer's approval is their review; someone who may also publish
        can approve without one); ``may_approve``: otherwise they may only send it back."""
        super().__init__(*args, **kwargs)
        self.clinical_required = clinical and clinical_required
        fields = ["decision", "comment"]
        if clinical and may_approve:
            fields.append("reviewed_by")
        else:
            del self.fields["reviewed_by"]
        if not clinical_required and "reviewed_by" in self.fields:
            self.fields["reviewed_by"].help_text = _(
                "If you reviewed it clinically, your name and role as parents will see them, "
                "e.g. 'Dr Sam Lee, clinical psychologist'. Leave empty to approve without "
                "recording a clinical review."
            )
        if not may_approve:
            self.fields["decision"].choices = [(SEND_BACK, _("Send it back for changes"))]
        self.helper = staff_form_helper(
            *fields,
            button=_("Send my decision"),
            button_id="review-decision",
            way_out=WayOut(back_url, _("Go back without deciding")),
        )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == SEND_BACK and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Say what needs changing, so the editor knows"))
        if (
            decision == APPROVE
            and self.clinical_required
            and not cleaned.get("reviewed_by", "").strip()
        ):
            self.add_error("reviewed_by", _("Enter the name and role of the clinical reviewer"))
        return cleaned
