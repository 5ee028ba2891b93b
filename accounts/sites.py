"""The admin site: Django's own, except that every page needs a second factor besides a password."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request):
        # is_verified() comes from django_otp's OTPMiddleware: without it, nobody gets in.
        is_verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and callable(is_verified) and is_verified()

    def login(self, request, extra_context=None):
        """Send everyone to the two-step staff login (accounts.views.login), keeping ``next``."""
        url = reverse("accounts:login")
        if next_url := request.GET.get(REDIRECT_FIELD_NAME):
            url = f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
        return redirect(url)
