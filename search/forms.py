from crispy_forms.bootstrap import FieldWithButtons
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.urls import reverse
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
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = reverse("search:search")
        self.helper.disable_csrf = True
        self.helper.form_class = "search-form"
        self.helper.form_error_title = _("There is a problem with your search")
        if in_header:
            self.helper.form_class += " search-form--header"
            self.helper.label_class = "visually-hidden"
            self.helper.attrs = {"role": "search", "aria-label": _("Site search")}
        else:
            self.helper.attrs = {"role": "search"}
        # No name on the button, so the address of the results holds the words alone; the id
        # follows the form's, as the header and the results page both have a search box.
        button = Submit("", _("Search"), css_id=self.auto_id % "search")
        self.helper.layout = Layout(FieldWithButtons("q", button))
