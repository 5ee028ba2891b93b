from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as OTPStaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as OTPTOTPConfig


class AccountsConfig(AppConfig):
    """Staff login with a second factor, lock-out after repeated failures, and their logs."""

    name = "accounts"
    verbose_name = _("Staff accounts")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_login_failed

        from .securitylog import log_failed_login, log_lockout

        user_login_failed.connect(log_failed_login, dispatch_uid="accounts.log_failed_login")
        user_locked_out.connect(log_lockout, dispatch_uid="accounts.log_lockout")


class StaffAdminConfig(AdminConfig):
    """
    Django's admin with ``StaffAdminSite`` as ``admin.site``, so that ``@admin.register`` in
    every app registers on the site that asks for a second factor.
    """

    default_site = "accounts.sites.StaffAdminSite"


# django-axes and django-otp under names a charity's site administrator recognises in the admin.


class LoginAttemptsConfig(AxesConfig):
    verbose_name = _("Login attempts and lock-outs")


class AuthenticatorAppsConfig(OTPTOTPConfig):
    verbose_name = _("Two-factor login: authenticator apps")


class BackupCodesConfig(OTPStaticConfig):
    verbose_name = _("Two-factor login: backup codes")
