"""
Staff accounts in the admin: only a superuser may make a superuser, or change one.

A Site administrator holds every permission, but a superuser also passes every future check and
cannot be limited, so nobody below a superuser may tick "superuser status", on their own account
or anyone's, or change a superuser's account. Every change to who is staff or superuser, or to
anyone's groups or permissions, is written to the security log.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .securitylog import log_access_change

User = get_user_model()
# What decides what someone may do in the admin.
ACCESS_FIELDS = ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")

admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly.append("is_superuser")
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if changed := [name for name in ACCESS_FIELDS if name in form.changed_data]:
            log_access_change(request, form.instance, changed)
