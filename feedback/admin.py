"""
Page feedback in the admin (docs/feedback.md): the answers, the comments (newest first, marked
"dealt with" by an action), a report per page (``report/``: "Yes" and "No" over 30 and 90 days)
and CSV downloads. Answers and comments come only from the public form: nobody adds one here.
Who may do what is in editorial/roles.py.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import pages, report
from .models import Answer, Comment


class PageFilter(admin.SimpleListFilter):
    """By page: the pages that have answers, by title."""

    title = _("page")
    parameter_name = "page"
    field = "page"

    def lookups(self, request, model_admin):
        keys = list(Answer.objects.order_by().values_list("page", flat=True).distinct())
        described = pages.describe(keys)
        return sorted(
            ((key, f"{described[key][0]} ({described[key][2] or key})") for key in keys),
            key=lambda choice: choice[1].lower(),
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: self.value()})
        return queryset


class CommentPageFilter(PageFilter):
    field = "answer__page"


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return report.write_csv(response, header, rows)


def _stamp():
    return timezone.localtime().strftime("%Y-%m-%d")


class ReadOnlyFeedbackAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False  # from the public form only

    def get_queryset(self, request):
        # Page titles are looked up once per page for each list, not once per row.
        self._described = {}
        return super().get_queryset(request)

    def _page_link(self, key):
        described = getattr(self, "_described", {})
        if key not in described:
            described.update(pages.describe([key]))
        title, url, _kind = described[key]
        return format_html('<a href="{}">{}</a>', url, title) if url else title


@admin.register(Answer)
class AnswerAdmin(ReadOnlyFeedbackAdmin):
    list_display = ("page_title", "helpful", "created_at", "has_comment")
    list_filter = (PageFilter, "helpful", "created_at")
    date_hierarchy = "created_at"
    fields = ("page", "page_title", "helpful", "created_at")
    readonly_fields = fields
    actions = ["export_csv"]
    change_list_template = "admin/feedback/answer/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("comment")

    def has_change_permission(self, request, obj=None):
        return False  # an answer is what someone said: it is only seen, or deleted

    @admin.display(description=_("page"), ordering="page")
    def page_title(self, obj):
        return self._page_link(obj.page)

    @admin.display(boolean=True, description=_("comment"))
    def has_comment(self, obj):
        return hasattr(obj, "comment")

    @admin.action(permissions=["view"], description=_("Download the selected answers (CSV)"))
    def export_csv(self, request, queryset):
        answers = list(queryset.order_by("-created_at"))
        described = pages.describe({answer.page for answer in answers})
        return csv_response(
            f"feedback-answers-{_stamp()}.csv",
            [_("Page"), _("Address"), _("Helpful"), _("When")],
            [
                [
                    described[a.page][0],
                    described[a.page][1],
                    _("Yes") if a.helpful else _("No"),
                    timezone.localtime(a.created_at).isoformat(timespec="minutes"),
                ]
                for a in answers
            ],
        )

    # The report per page ------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("report/", wrap(self.report_view), name="feedback_answer_report"),
            path("report/csv/", wrap(self.report_csv_view), name="feedback_answer_report_csv"),
            *super().get_urls(),
        ]

    def _check_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied

    def report_view(self, request):
        """Each page's "Yes" and "No" over 30 and 90 days (``admin/feedback/report.html``)."""
        self._check_view(request)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Page feedback: report by page"),
            "opts": self.model._meta,
            "reports": report.page_reports(),
            "may_see_comments": request.user.has_perm("feedback.view_comment"),
        }
        return TemplateResponse(request, "admin/feedback/report.html", context)

    def report_csv_view(self, request):
        self._check_view(request)
        header, rows = report.report_csv_rows(report.page_reports())
        return csv_response(f"feedback-report-{_stamp()}.csv", header, rows)


@admin.register(Comment)
class CommentAdmin(ReadOnlyFeedbackAdmin):
    list_display = ("text", "page_title", "helpful", "created_at", "dealt_with")
    list_filter = (CommentPageFilter, "dealt_with", "created_at", "answer__helpful")
    date_hierarchy = "created_at"
    search_fields = ("text",)
    fields = ("text", "page_title", "helpful", "created_at", "dealt_with")
    readonly_fields = ("text", "page_title", "helpful", "created_at")
    actions = ["mark_dealt_with", "mark_not_dealt_with", "export_csv"]
    ordering = ("-created_at", "-pk")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("answer")

    @admin.display(description=_("page"), ordering="answer__page")
    def page_title(self, obj):
        return self._page_link(obj.answer.page)

    @admin.display(boolean=True, description=_("helpful"), ordering="answer__helpful")
    def helpful(self, obj):
        return obj.answer.helpful

    def _mark(self, request, queryset, dealt_with):
        changed = list(queryset.filter(dealt_with=not dealt_with))
        for comment in changed:
            comment.dealt_with = dealt_with
            comment.save(update_fields=["dealt_with"])
            self.log_change(
                request, comment, "Marked dealt with" if dealt_with else "Marked not dealt with"
            )
        return len(changed)

    @admin.action(permissions=["change"], description=_("Mark the selected comments dealt with"))
    def mark_dealt_with(self, request, queryset):
        count = self._mark(request, queryset, True)
        self.message_user(
            request,
            ngettext("%d comment marked dealt with.", "%d comments marked dealt with.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(
        permissions=["change"], description=_("Mark the selected comments not dealt with")
    )
    def mark_not_dealt_with(self, request, queryset):
        count = self._mark(request, queryset, False)
        self.message_user(
            request,
            ngettext(
                "%d comment marked not dealt with.", "%d comments marked not dealt with.", count
            )
            % count,
            messages.SUCCESS,
        )

    @admin.action(permissions=["view"], description=_("Download the selected comments (CSV)"))
    def export_csv(self, request, queryset):
        comments = list(queryset.select_related("answer").order_by("-created_at"))
        described = pages.describe({c.answer.page for c in comments})
        return csv_response(
            f"feedback-comments-{_stamp()}.csv",
            [_("When"), _("Page"), _("Address"), _("Helpful"), _("Comment"), _("Dealt with")],
            [
                [
                    timezone.localtime(c.created_at).isoformat(timespec="minutes"),
                    described[c.answer.page][0],
                    described[c.answer.page][1],
                    _("Yes") if c.answer.helpful else _("No"),
                    c.text,
                    _("Yes") if c.dealt_with else _("No"),
                ]
                for c in comments
            ],
        )
