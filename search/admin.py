"""
Search's screens in the admin: the crisis words, the synonyms, and the report of searches that
found little or nothing (which replaces the usual list of rows for ``MissedSearch``).
"""

import csv
import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max, Min, Sum
from django.db.models.functions import Lower
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.forms import WayOut, staff_form_helper

from .models import CrisisPhrase, MissedSearch, Synonym

# The periods the report offers, in days; anything else in ?days= means the default.
PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
PER_PAGE = 100
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ADVANCED = (
    gettext_lazy("Advanced"),
    {"classes": ["collapse"], "fields": ("is_starter", "updated_at")},
)


@admin.register(CrisisPhrase)
class CrisisPhraseAdmin(admin.ModelAdmin):
    list_display = ("phrase", "note", "is_starter", "updated_at")
    search_fields = ("phrase",)
    readonly_fields = ("is_starter", "updated_at")
    fieldsets = [(None, {"fields": ("phrase", "note")}), ADVANCED]


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    # ?term=... on the add form fills in the term (the report's "Add a synonym for this").
    list_display = ("term", "also_means", "both_ways", "is_starter")
    list_filter = ("both_ways", "is_starter")
    search_fields = ("term", "also_means")
    readonly_fields = ("is_starter", "updated_at")
    fieldsets = [(None, {"fields": ("term", "also_means", "both_ways")}), ADVANCED]


class RemoveSearchWordsForm(forms.Form):
    """The "Yes, delete" button of ``MissedSearchAdmin.remove_view``, with the words to delete
    (which the view reads itself) and a way back to the report."""

    query = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, query, report_url):
        super().__init__(initial={"query": query})
        self.helper = staff_form_helper(
            "query",
            button=_("Yes, delete"),
            button_id="remove-search-words",
            way_out=WayOut(report_url, _("No, take me back")),
        )


@admin.register(MissedSearch)
class MissedSearchAdmin(admin.ModelAdmin):
    """
    Rows come only from parents' searches (``search.searchlog``), so nobody adds or changes
    them. Site administrators may delete them, e.g. words that say who someone is.
    """

    report_template = "admin/search/missedsearch/report.html"
    remove_template = "admin/search/missedsearch/remove.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("csv/", view(self.csv_view), name=f"{prefix}_csv"),
            path("remove/", view(self.remove_view), name=f"{prefix}_remove"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        """
        The report "Searches that found little or nothing": one row per search words over the
        last 7, 30 or 90 days (``?days=``), most frequent first, 100 to a page.

        Template ``admin/search/missedsearch/report.html``; context: ``days``, ``periods``
        (days, link, chosen), ``page`` (of ``ReportRow``), ``total``, ``csv_url``,
        ``can_remove``, and the admin's own.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        days = chosen_period(request)
        page = Paginator(report_rows(days), PER_PAGE).get_page(request.GET.get("page"))
        page.object_list = self._with_links(request, page.object_list)
        since = first_day(days)
        total = MissedSearch.objects.filter(day__gte=since).aggregate(total=Sum("count"))["total"]
        periods = [
            {"days": n, "link": f"?{urlencode({'days': n})}", "chosen": n == days} for n in PERIODS
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": capfirst(self.opts.verbose_name_plural),
            "days": days,
            "since": since,
            "periods": periods,
            "page": page,
            "total": total or 0,
            "csv_url": f"{reverse('admin:search_missedsearch_csv')}?{urlencode({'days': days})}",
            "can_remove": self.has_delete_permission(request),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.report_template, context)

    def csv_view(self, request):
        """The report's rows for the chosen period, as a spreadsheet (CSV) to download."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        days = chosen_period(request)
        filename = f"searches-that-found-little-{days}-days-to-{timezone.localdate()}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, filename)
        # The byte-order mark tells Excel the file is UTF-8, so accents and emoji survive.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([_("search words"), _("times"), _("fewest results"), _("last seen")])
        for row in report_rows(days).iterator():
            writer.writerow(
                [
                    spreadsheet_safe(row["query"]),
                    row["times"],
                    row["fewest"],
                    row["last_seen"].isoformat(),
                ]
            )
        return response

    def remove_view(self, request):
        """
        Delete every day's count of some search words (``?query=``), after a confirmation page
        (template ``admin/search/missedsearch/remove.html``; context ``query``, ``times``,
        ``form``).
        """
        if not self.has_delete_permission(request):
            raise PermissionDenied
        query = request.POST.get("query", request.GET.get("query", ""))
        rows = MissedSearch.objects.filter(query=query)
        report = reverse("admin:search_missedsearch_changelist")
        if not query or not rows.exists():
            return HttpResponseRedirect(report)
        if request.method == "POST":
            self.log_deletions(request, rows)
            rows.delete()
            self.message_user(
                request,
                _("Deleted every count of “%(query)s”.") % {"query": query},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(report)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Delete these search words?"),
            "query": query,
            "times": rows.aggregate(times=Sum("count"))["times"],
            "report_url": report,
            "form": RemoveSearchWordsForm(query, report),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.remove_template, context)

    def _with_links(self, request, rows):
        """Each row with where to add a synonym for it, or see the one there already is."""
        synonyms = self.admin_site.get_model_admin(Synonym)
        can_add = synonyms.has_add_permission(request)
        can_see = synonyms.has_view_or_change_permission(request)
        queries = [row["query"] for row in rows]
        existing = dict(
            Synonym.objects.annotate(lowered=Lower("term"))
            .filter(lowered__in=queries)
            .values_list("lowered", "pk")
        )
        remove_url = reverse("admin:search_missedsearch_remove")
        add_url = reverse("admin:search_synonym_add")
        linked = []
        for row in rows:
            synonym = existing.get(row["query"])
            linked.append(
                {
                    **row,
                    "synonym_url": (
                        reverse("admin:search_synonym_change", args=[synonym])
                        if synonym is not None and can_see
                        else None
                    ),
                    "add_synonym_url": (
                        f"{add_url}?{urlencode({'term': row['query']})}"
                        if synonym is None and can_add
                        else None
                    ),
                    "remove_url": f"{remove_url}?{urlencode({'query': row['query']})}",
                }
            )
        return linked


def chosen_period(request):
    """The report's period in days from ``?days=``: one of ``PERIODS``, or the default."""
    days = request.GET.get("days", "")
    return int(days) if days in {str(n) for n in PERIODS} else DEFAULT_PERIOD


def first_day(days):
    """The first day of "the last ``days`` days", today being the last."""
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def report_rows(days):
    """One dict per search words over the period: query, times, fewest, last_seen."""
    return (
        MissedSearch.objects.filter(day__gte=first_day(days))
        .values("query")
        .annotate(times=Sum("count"), fewest=Min("found"), last_seen=Max("day"))
        .order_by("-times", "query")
    )


def spreadsheet_safe(text):
    """``text`` for a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
