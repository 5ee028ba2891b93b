from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import Status
from editorial.admin_mixins import PUBLISHING_FIELDS, EditorialAdmin, RevisionsAdmin
from editorial.link_admin import BrokenLinksAdminMixin
from editorial.preview import PreviewAdminMixin
from editorial.reviews import ReviewedContentAdmin
from editorial.widgets import RichTextAdminMixin
from editorial.writing_admin import WritingChecksAdmin

from .models import Article, ArticleSource, Nation, Page, Redirect, Resource, Stage, Topic

admin.site.site_header = format_lazy(_("{site} admin"), site=settings.SITE_NAME)
admin.site.site_title = admin.site.site_header
admin.site.index_title = _("Content and settings")

# Who wrote a page, who reviewed it clinically, and who looks after it.
AUTHORSHIP_FIELDS = ("owner", "author", "reviewed_by", "last_reviewed", "next_review_due")
IMAGE_FIELDS = ("image", "image_alt", "image_decorative")


class ListOrderField(forms.IntegerField):
    """A place in a list: left empty, or missing from a form made before it existed, it is 0."""

    def clean(self, value):
        return super().clean(value) or 0


class PublishableAdmin(RichTextAdminMixin, PreviewAdminMixin, EditorialAdmin):
    """Shared behaviour for everything with a draft/published status."""

    actions = ["publish", "unpublish"]
    readonly_fields = ("created_at", "updated_at", "is_starter")
    save_on_top = True
    # Short texts a parent reads in full get a small text box rather than a one-line input.
    short_text_fields = ("summary",)
    # Written with the rich-text editor (editorial/widgets.py); sanitised again on save.
    rich_text_fields = {"body": "full", "when_to_use": "short"}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.short_text_fields:
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        if db_field.name == "order":
            kwargs.update(form_class=ListOrderField, required=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # A shared link must keep working: when a published page's address changes, the old
        # address is recorded and sends readers on to the new one.
        old_url = None
        if change and "slug" in form.changed_data:
            original = type(obj)._default_manager.get(pk=obj.pk)
            if original.status == Status.PUBLISHED:
                old_url = original.get_absolute_url()
        super().save_model(request, obj, form, change)
        if old_url and urlsplit(old_url).path != urlsplit(obj.get_absolute_url()).path:
            Redirect.record_move(old_url, obj.get_absolute_url())
            self.message_user(
                request,
                _("The old address %(old)s now sends readers to the new one.") % {"old": old_url},
                messages.INFO,
            )

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.status == Status.PUBLISHED:
            return {}
        # A field shown read-only (the address, to a clinical reviewer) is not in the form, and
        # the admin fails on a prepopulated field it cannot find.
        readonly = set(self.get_readonly_fields(request, obj))
        return {
            field: sources
            for field, sources in super().get_prepopulated_fields(request, obj).items()
            if field not in readonly
        }

    @admin.display(boolean=True, description=_("live"))
    def is_live(self, obj):
        return obj.is_public

    def ready_to_publish(self, request, queryset):
        """The pages the publish action may make live (a reviewed kind holds some back)."""
        return queryset

    @admin.action(permissions=["publish"], description=_("Publish the selected items now"))
    def publish(self, request, queryset):
        count = 0
        for obj in self.ready_to_publish(request, queryset.exclude(status=Status.PUBLISHED)):
            obj.status = Status.PUBLISHED
            obj._change_reason = "Published"
            obj.save()
            count += 1
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        permissions=["publish"], description=_("Unpublish the selected items (back to draft)")
    )
    def unpublish(self, request, queryset):
        count = 0
        for obj in queryset.filter(status=Status.PUBLISHED):
            obj.status = Status.DRAFT
            obj._change_reason = "Unpublished"
            obj.save()
            count += 1
        self.message_user(
            request,
            ngettext("%d item unpublished.", "%d items unpublished.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Stage)
class StageAdmin(RevisionsAdmin):
    list_display = ("title", "age_range", "order")
    list_editable = ("order",)
    search_fields = ("title", "description")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Topic)
class TopicAdmin(RevisionsAdmin):
    list_display = ("title", "order")
    list_editable = ("order",)
    search_fields = ("title", "description")
    prepopulated_fields = {"slug": ("title",)}


class ArticleSourceInline(admin.TabularInline):
    model = ArticleSource
    extra = 1
    fields = ("title", "url", "order")


@admin.register(Article)
class ArticleAdmin(
    BrokenLinksAdminMixin, WritingChecksAdmin, ReviewedContentAdmin, PublishableAdmin
):
    list_display = (
        "title",
        "status",
        "is_live",
        "published_at",
        "next_review_due",
        "reading_age_column",
        "order",
        "start_here",
        "updated_at",
    )
    actions = [*PublishableAdmin.actions, "mark_clinically_reviewed"]
    list_filter = ("status", "stages", "topics", "is_starter")
    search_fields = ("title", "summary", "body")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("stages", "topics", "resources", "related")
    inlines = [ArticleSourceInline]
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "in_brief", "body")}),
        (_("Picture"), {"fields": IMAGE_FIELDS}),
        (_("Who wrote and reviewed it"), {"fields": AUTHORSHIP_FIELDS}),
        (
            _("Where it appears"),
            {"fields": ("stages", "topics", "resources", "related", "order", "start_here")},
        ),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
        (
            _("Advanced"),
            {"classes": ["collapse"], "fields": ("created_at", "updated_at", "is_starter")},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Ticking "start here" unticks it on the live article that had it, so it is a
        # publisher's choice, like publishing itself.
        readonly = super().get_readonly_fields(request, obj)
        if self.has_publish_permission(request) or "start_here" in readonly:
            return readonly
        return [*readonly, "start_here"]


class NationFilter(admin.SimpleListFilter):
    title = _("nation")
    parameter_name = "nation"

    def lookups(self, request, model_admin):
        return Nation.choices

    def queryset(self, request, queryset):
        if self.value() in Nation.values:
            return queryset.for_nation(Nation(self.value()))
        return queryset


class NeedsCheckingFilter(admin.SimpleListFilter):
    title = _("checked")
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [("no", _("Needs checking")), ("yes", _("Checked"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(last_checked__isnull=True)
        if self.value() == "yes":
            return queryset.filter(last_checked__isnull=False)
        return queryset


class BrokenLinkFilter(admin.SimpleListFilter):
    title = _("web address")
    parameter_name = "link"

    def lookups(self, request, model_admin):
        return [("broken", _("Broken")), ("unchecked", _("Not checked yet"))]

    def queryset(self, request, queryset):
        if self.value() == "broken":
            return queryset.filter(Q(link_status__gte=400) | ~Q(link_error=""))
        if self.value() == "unchecked":
            return queryset.exclude(url="").filter(link_checked_at__isnull=True)
        return queryset


@admin.register(Resource)
class ResourceAdmin(BrokenLinksAdminMixin, WritingChecksAdmin, PublishableAdmin):
    list_display = (
        "name",
        "kind",
        "urgency",
        "phone",
        "nations_label",
        "last_checked",
        "web_address",
        "status",
    )
    list_filter = (
        "status",
        "kind",
        "urgency",
        NationFilter,
        NeedsCheckingFilter,
        BrokenLinkFilter,
        "numbers_need_fixing",
        "is_starter",
    )
    readonly_fields = (
        *PublishableAdmin.readonly_fields,
        "numbers_need_fixing",
        "link_status",
        "link_error",
        "link_checked_at",
    )
    search_fields = ("name", "when_to_use", "phone", "url")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = [
        (None, {"fields": ("name", "slug", "kind", "urgency", "when_to_use")}),
        (
            _("How to reach it"),
            {
                "fields": (
                    "phone",
                    "phone_note",
                    "text_number",
                    "text_message",
                    "numbers_need_fixing",
                    "url",
                    "opening_hours",
                )
            },
        ),
        (
            _("Which UK nations it serves"),
            {
                "fields": (
                    "serves_england",
                    "serves_scotland",
                    "serves_wales",
                    "serves_northern_ireland",
                ),
                "description": _("Tick all four for a UK-wide service."),
            },
        ),
        (
            _("Checking and order"),
            {
                "fields": ("last_checked", "order", "link_status", "link_error", "link_checked_at"),
                "description": _(
                    "The web address is checked automatically every day; the phone number and "
                    "opening hours need a person: set 'last checked' when you have confirmed them."
                ),
            },
        ),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
        (
            _("Advanced"),
            {"classes": ["collapse"], "fields": ("created_at", "updated_at", "is_starter")},
        ),
    ]

    @admin.display(description=_("nations"))
    def nations_label(self, obj):
        return obj.nations_label

    @admin.display(description=_("web address"))
    def web_address(self, obj):
        if not obj.url:
            return _("no web address")
        if obj.link_checked_at is None:
            return _("not checked yet")
        if obj.link_is_broken:
            return _("broken (%(problem)s)") % {
                "problem": obj.link_error or f"HTTP {obj.link_status}"
            }
        return _("works")


@admin.register(Page)
class PageAdmin(BrokenLinksAdminMixin, WritingChecksAdmin, PublishableAdmin):
    list_display = ("title", "slug", "status", "is_live", "updated_at")
    list_filter = ("status",)
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Publishing"), {"fields": PUBLISHING_FIELDS}),
        (
            _("Advanced"),
            {"classes": ["collapse"], "fields": ("created_at", "updated_at", "is_starter")},
        ),
    ]


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ("old_path", "new_path", "automatic", "created_at")
    list_filter = ("automatic",)
    search_fields = ("old_path", "new_path")
    readonly_fields = ("automatic", "created_at")
