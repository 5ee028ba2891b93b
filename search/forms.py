import functools

from crispy_forms.bootstrap import FieldWithButtons
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _


class SearchTextField(forms.CharField):
    """Free text with control characters (NUL included) turned into spaces, and spaces squeezed.

    Cleaning happens before validation, so pasted junk is quietly tidied rather than refused.
    """

    def to_python(self, value):
        text = "".join(ch if ch.isprintable() else " " for ch in super().to_python(value))
        return " ".join(text.split())


class SearchForm(forms.Form):
    """The site search, sent with GET so results can be shared and bookmarked."""

    q = SearchTextField(
        label=_("Search guidance, tips and help"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Please use %(limit_value)d letters or fewer.")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def __init__(self, *args, in_header=False, **kwargs):
        super().__init__(*args, **kwargs)
        # The helper is the same for every form with these settings (rendering only reads it),
        # so each process makes it once: it cost more than the rest of the search view.
        self.helper = _helper(in_header, self.auto_id, get_script_prefix())


@functools.cache
def _helper(in_header, auto_id, script_prefix):
    helper = FormHelper()
    helper.form_method = "get"
    helper.form_action = reverse("search:search")
    helper.disable_csrf = True
    helper.form_class = "search-form"
    helper.form_error_title = _("There is a problem with your search")
    if in_header:
        helper.form_class += " search-form--header"
        helper.label_class = "visually-hidden"
        helper.attrs = {"role": "search", "aria-label": _("Site search")}
    else:
        helper.attrs = {"role": "search"}
    # No name on the button, so the address of the results holds the words alone; the id
    # follows the form's, as the header and the results page both have a search box.
    button = Submit("", _("Search"), css_id=auto_id % "search")
    helper.layout = Layout(FieldWithButtons("q", button))
    return helper
