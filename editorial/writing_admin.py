"""
Accessibility checks on the change form of every kind of page with rich text.

``WritingChecksAdmin`` is mixed into a content admin (before the others, so its box comes first
on the form). It runs ``core.writingchecks`` on the saved page: the page's summary (the kind's
``summary_field`` in ``core.kinds``), its rich-text fields (the admin's ``rich_text_fields``) and
those of its inlines, such as each tip of a tip page. It lists what it found in an
"Accessibility checks" box at the top of the form and, after a save, says in a warning how many
problems there are. It never stops a save: the checks are advice.
"""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import kinds
from core.writingchecks import Text, check

# The level of the heading just above each field on the public page, for the heading-level
# check: a help entry's "when to use it" sits under its name, an h3 (includes/cards.html); a
# tip's "what to try" and "why it helps" under h3 labels (tips/tip_page_detail.html). Any other
# field, such as an article's or a page's body, sits under the page title, the h1.
HEADING_ABOVE = {"when_to_use": 3, "try_this": 3, "why_it_helps": 3}


class WritingChecksAdmin:
    """Mix into a ``ModelAdmin`` that has ``rich_text_fields`` (``editorial.widgets``)."""

    writing_checks_fieldset = (
        gettext_lazy("Accessibility checks"),
        {
            "fields": ("accessibility_checks",),
            "description": gettext_lazy(
                "Checked on the saved page each time you save. They help parents who use a "
                "screen reader, and everyone reading on a phone. You can still save and "
                "publish: they are advice, not rules."
            ),
        },
    )

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "accessibility_checks")

    def get_fieldsets(self, request, obj=None):
        return [self.writing_checks_fieldset, *super().get_fieldsets(request, obj)]

    @admin.display(description=gettext_lazy("what we found"))
    def accessibility_checks(self, obj):
        if obj is None or obj.pk is None:
            return _("Checked when you save.")
        findings = check(self.writing_texts(obj))
        if not findings.total:
            return _("No problems found.")
        summary = ngettext(
            "%(count)d problem found.", "%(count)d problems found.", findings.total
        ) % {"count": findings.total}
        if findings.total > len(findings.listed):
            summary += " " + _("The first %(listed)d are listed here.") % {
                "listed": len(findings.listed)
            }
        items = format_html_join(
            "",
            "<li><strong>{}</strong>, “{}”: {} {}</li>",
            (
                (problem.where, problem.quote, problem.problem, problem.fix)
                for problem in findings.listed
            ),
        )
        return format_html('<p>{}</p><ul class="writing-checks">{}</ul>', summary, items)

    def writing_texts(self, obj):
        """What editors wrote on ``obj`` and its inlines, in the order parents read it."""
        texts = []
        kind = kinds.for_model(obj)
        summary = kind.summary_field if kind is not None else ""
        if summary and summary not in self.rich_text_fields:
            texts.append(Text.plain(_label(obj, summary), getattr(obj, summary)))
        texts += _rich_texts(obj, self.rich_text_fields, "")
        for inline in self.inlines:
            rich = getattr(inline, "rich_text_fields", {})
            rows = _rows_of(obj, inline) if rich else ()
            for number, row in enumerate(rows, start=1):
                prefix = f"{row._meta.verbose_name.capitalize()} {number}: "
                texts += _rich_texts(row, rich, prefix)
        return texts

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        self.warn_of_writing_problems(request, obj)
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        self.warn_of_writing_problems(request, obj)
        return response

    def warn_of_writing_problems(self, request, obj):
        # Tips are saved after their page, and before this runs, so they are checked as saved.
        total = check(self.writing_texts(obj)).total
        if total:
            self.message_user(
                request,
                ngettext(
                    "The accessibility checks found %(count)d problem. It is listed, with how "
                    "to fix it, under 'Accessibility checks' at the top of the page's form.",
                    "The accessibility checks found %(count)d problems. They are listed, with "
                    "how to fix each one, under 'Accessibility checks' at the top of the page's "
                    "form.",
                    total,
                )
                % {"count": total},
                messages.WARNING,
            )


def _label(obj, name):
    return str(obj._meta.get_field(name).verbose_name).capitalize()


def _rich_texts(obj, rich_text_fields, prefix):
    return [
        Text.rich(prefix + _label(obj, name), getattr(obj, name), HEADING_ABOVE.get(name, 1))
        for name in rich_text_fields
        if name in {field.name for field in obj._meta.concrete_fields}
    ]


def _rows_of(obj, inline):
    """The saved rows of ``inline`` that belong to ``obj``, in their usual order."""
    for field in inline.model._meta.get_fields():
        belongs = field.many_to_one and field.related_model is type(obj)
        if belongs and inline.fk_name in (None, field.name):
            return inline.model._default_manager.filter(**{field.name: obj})
    return ()
