from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import devices


def form_helper(button):
    """Our template pack (templates/littlevoices/) gives the button the site's own look."""
    helper = FormHelper()
    helper.add_input(Submit("submit", button))
    return helper


class StaffAuthenticationForm(AuthenticationForm):
    """
    Step one: username and password, checked through ``authenticate(request, ...)`` so that
    django-axes counts every attempt. Only staff may go on to the second step.
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.helper = form_helper(_("Continue"))
        # An error message says what to do, not that something is wrong.
        self.fields["username"].error_messages["required"] = _("Enter your username")
        self.fields["password"].error_messages["required"] = _("Enter your password")

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # The same words as a wrong password: nobody learns which accounts are staff.
        if not user.is_staff:
            raise self.get_invalid_login_error()


class CodeField(forms.CharField):
    default_error_messages = {"required": _("Enter the code from your authenticator app")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "autocomplete": "one-time-code",
            "autocapitalize": "off",
            "spellcheck": "false",
            "autofocus": True,
        }


class VerifyForm(forms.Form):
    """Step two: a code from the authenticator app, or one of the backup codes."""

    code = CodeField(
        label=_("Code"),
        help_text=_(
            "The 6-digit code your authenticator app shows now, or one of your backup codes."
        ),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.helper = form_helper(_("Log in"))

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = devices.verify_code(self.user, code)
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "That code did not work. App codes change every 30 seconds: wait for a new "
                    "one and try again. Each backup code works only once."
                ),
                code="wrong_code",
            )
        return code


class EnrolForm(forms.Form):
    """Confirms the authenticator app has the secret: the code it shows must match ours."""

    code = CodeField(
        label=_("6-digit code from the app"),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, user, key, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.key = key
        self.device = None
        self.helper = form_helper(_("Confirm"))

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = devices.confirm_app(self.user, self.key, code)
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "That code did not match. Check that you scanned the code on this page "
                    "(or typed the key exactly), then enter the newest code the app shows."
                ),
                code="wrong_code",
            )
        return code


class ReplaceBackupCodesForm(forms.Form):
    """No fields: only the button that replaces every backup code, rendered like our other forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(_("Make new backup codes"))
