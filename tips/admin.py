from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.admin_mixins import PUBLISHING_FIELDS
from editorial.link_admin import BrokenLinksAdminMixin
from editorial.reviews import ReviewedContentAdmin
from editorial.widgets import RichTextAdminMixin
from editorial.writing_admin import WritingChecksAdmin
from guidance.admin import AUTHORSHIP_FIELDS, IMAGE_FIELDS, PublishableAdmin

from .models import Tip, TipPage, TipPageSource


class TipInline(RichTextAdminMixin, admin.StackedInline):
    model = Tip
    rich_text_fields = {"try_this": "short", "why_it_helps": "short"}
    extra = 1
    fields = ("order", "baby_says", "try_this", "why_it_helps")


class TipPageSourceInline(admin.TabularInline):
    model = TipPageSource
    extra = 1
    fields = ("title", "url", "order")


@admin.register(TipPage)
class TipPageAdmin(
    BrokenLinksAdminMixin, WritingChecksAdmin, ReviewedContentAdmin, PublishableAdmin
):
    list_display = (
        "title",
        "status",
        "is_live",
        "featured",
        "published_at",
        "next_review_due",
        "reading_age_column",
        "order",
    )
    actions = [*PublishableAdmin.actions, "mark_clinically_reviewed"]
    list_filter = ("status", "featured", "stages", "topics", "is_starter")
    search_fields = ("title", "intro", "tips__baby_says", "tips__try_this")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("stages", "topics", "resources")
    inlines = [TipInline, TipPageSourceInline]
    fieldsets = [
        (None, {"fields": ("title", "slug", "intro")}),
        (_("Picture"), {"fields": IMAGE_FIELDS}),
        (_("Who wrote and reviewed it"), {"fields": AUTHORSHIP_FIELDS}),
        (
            _("Where it appears"),
            {"fields": ("stages", "topics", "resources", "order", "featured")},
        ),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
        (
            _("Advanced"),
            {"classes": ["collapse"], "fields": ("created_at", "updated_at", "is_starter")},
        ),
    ]
