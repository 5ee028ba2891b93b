from crispy_forms.bootstrap import FieldWithButtons, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
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
        if in_header:
            self.helper.form_class += " search-form--header"
            self.helper.label_class = "visually-hidden"
            self.helper.attrs = {"role": "search", "aria-label": _("Site search")}
        else:
            self.helper.attrs = {"role": "search"}
        self.helper.layout = Layout(
            FieldWithButtons("q", StrictButton(_("Search"), type="submit", css_class="button"))
        )
