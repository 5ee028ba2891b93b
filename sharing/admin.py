"""
Share packs in the admin: staff see every pack (code, title, pages, when it was made) and may
retire one (its page then says so and shows only what is still published) or bring it back.
Packs are made only by the public form and are never deleted, so a printed QR code never
breaks. Who may do what is in editorial/roles.py: publishers and site administrators.
"""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import contentversion

from .models import Pack


@admin.register(Pack)
class PackAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "page_count", "created_on", "is_retired")
    list_filter = ("created_on", ("retired_at", admin.EmptyFieldListFilter))
    search_fields = ("code", "title")
    fields = ("code", "title", "pages", "created_on", "retired_at", "public_page")
    readonly_fields = fields
    actions = ["retire", "unretire"]
    date_hierarchy = "created_on"

    def has_add_permission(self, request):
        return False  # made by the public form only

    def has_delete_permission(self, request, obj=None):
        return False  # retired instead, so a printed QR code keeps working

    @admin.display(description=_("pages"))
    def page_count(self, obj):
        return len(obj.page_ids())

    @admin.display(boolean=True, description=_("retired"), ordering="retired_at")
    def is_retired(self, obj):
        return obj.is_retired

    @admin.display(description=_("pages"))
    def pages(self, obj):
        return ", ".join(f"{kind} {pk}" for kind, pk in obj.page_ids()) or "-"

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    def _set_retired(self, request, queryset, retired_at, message):
        changed = list(queryset.filter(retired_at__isnull=retired_at is not None))
        for pack in changed:
            pack.retired_at = retired_at
            pack.save(update_fields=["retired_at"])
            self.log_change(request, pack, message)
        if changed:
            contentversion.invalidate()  # cached pack pages show the change at once
        return len(changed)

    @admin.action(permissions=["change"], description=_("Retire the selected share packs"))
    def retire(self, request, queryset):
        count = self._set_retired(request, queryset, timezone.now(), "Retired")
        self.message_user(
            request,
            ngettext("%d share pack retired.", "%d share packs retired.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(permissions=["change"], description=_("Bring the selected share packs back"))
    def unretire(self, request, queryset):
        count = self._set_retired(request, queryset, None, "Brought back")
        self.message_user(
            request,
            ngettext("%d share pack brought back.", "%d share packs brought back.", count) % count,
            messages.SUCCESS,
        )
