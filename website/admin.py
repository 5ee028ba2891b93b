"""
The site settings in the admin: one record, changed only by those who may (Site administrators).

There is nothing to list, add or delete: the list goes straight to the record, which is made with
its defaults the first time anyone opens it.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["charity_name", "charity_number", "footer_statement"]}),
        (
            _("Contact details"),
            {
                "fields": ["contact_email", "contact_phone", "postal_address"],
                "description": _("Shown on the contact page. Anything left empty is not shown."),
            },
        ),
        (_("Home page"), {"fields": ["home_heading", "home_introduction"]}),
        (_("Quick exit"), {"fields": ["quick_exit_url"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        record = SiteSettings.load()
        return redirect(reverse("admin:website_sitesettings_change", args=[record.pk]))
