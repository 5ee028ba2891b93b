"""
The two small forms of "Was this page helpful?": the answer (two buttons) and the comment.

Both sit on pages cached for everyone, so they carry no CSRF token (``feedback.views`` refuses
posts from other sites instead), and both have a trap field that people never see: a robot
that fills in every box fills it in and is refused.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.forms import SearchTextField

from .models import COMMENT_MAX_LENGTH, PAGE_MAX_LENGTH

YES, NO = "yes", "no"
TRAP = "website"


class TrapMixin:
    """A field hidden from people and screen readers by the stylesheet (``.feedback-trap``
    is ``display: none``); anything in it marks the post as a robot's."""

    def add_trap(self):
        self.fields[TRAP] = forms.CharField(
            label=_("Leave this empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_trapped(self):
        return bool(self.data.get(TRAP))


def _helper(action, form_id):
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_action = reverse(action)
    helper.form_id = form_id
    helper.form_class = "feedback-form"
    helper.attrs = {"data-feedback-form": ""}
    # Cached pages hold no token (see the module's docstring).
    helper.disable_csrf = True
    return helper


class AnswerForm(TrapMixin, forms.Form):
    """Which page, and the button pressed: "Yes" or "No"."""

    page = forms.CharField(max_length=PAGE_MAX_LENGTH, widget=forms.HiddenInput)
    answer = forms.CharField(max_length=10, required=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)
        self.add_trap()
        self.helper = _helper("feedback:answer", "feedback-answer-form")
        self.helper.layout = Layout("page", Div(TRAP, css_class="feedback-trap"))
        self.helper.form_class = "feedback-form feedback-form--answer"
        self.helper.add_input(Submit("answer", _("Yes"), css_id="feedback-yes"))
        self.helper.add_input(Submit("answer", _("No"), css_id="feedback-no"))

    def clean_answer(self):
        # The button's value is its label.
        value = self.cleaned_data["answer"].strip().lower()
        if value not in (YES, NO):
            raise forms.ValidationError(_("Choose Yes or No."), code="invalid")
        return value == YES


class CommentForm(TrapMixin, forms.Form):
    """What the person was looking for, after their answer (``token`` names the answer)."""

    token = forms.CharField(max_length=200, widget=forms.HiddenInput)
    comment = SearchTextField(
        label=_("What were you looking for?"),
        help_text=_(
            "Please do not include names, contact details or anything about your own or "
            "your baby's health. We cannot reply to comments. If you need help now, use the "
            "urgent help link at the top of the page."
        ),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": _(
                "Write what you were looking for, or leave this page: your answer is saved."
            ),
            "max_length": _("Use %(limit_value)d characters or fewer (you used %(show_value)d)."),
        },
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "feedback-%s")
        super().__init__(*args, **kwargs)
        self.add_trap()
        self.helper = _helper("feedback:comment", "feedback-comment-form")
        self.helper.layout = Layout("token", "comment", Div(TRAP, css_class="feedback-trap"))
        self.helper.form_error_title = _("There is a problem with your comment")
        self.helper.add_input(Submit("", _("Send"), css_id="feedback-send"))
