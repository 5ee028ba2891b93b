"""
The rich-text editor staff write with: django-prose-editor, as an admin form widget.

The editor's own start-up script needs an inline import map and lets its editor library inject
a ``<style>`` element, and our Content-Security-Policy allows neither. So
``editorial/prose-editor.js`` starts the same editor itself: it imports the library from the
(hashed) address this widget writes on the textarea, and turns the style injection off; the few
rules that ``<style>`` held are in ``editorial/prose-editor.css``. Everything comes from our own
static files.

What the toolbar offers matches what ``core.richtext.sanitise_html`` keeps on save.
"""

import json

from django import forms
from django.forms.widgets import Script
from django.templatetags.static import static
from django_prose_editor.config import expand_extensions

LINK = {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]}
# Numbered lists, without the dialog for numbering styles and start numbers (not kept on save).
ORDERED_LIST = {"enableListAttributes": False}

# Tips and signposting: a sentence or two, so emphasis, links and lists only.
SHORT = {
    "Bold": True,
    "Italic": True,
    "Link": LINK,
    "BulletList": True,
    "OrderedList": ORDERED_LIST,
    "ListItem": True,
}

# Article and simple page bodies: short sections with plain headings, and all of the above.
FULL = {"Heading": {"levels": [2, 3]}, **SHORT, "HardBreak": True}

TOOLBARS = {"full": FULL, "short": SHORT}


class RichTextWidget(forms.Textarea):
    """A textarea that becomes a rich-text editor once ``editorial/prose-editor.js`` runs.

    Without JavaScript it stays a plain textarea of HTML, which is still saved and sanitised.
    """

    def __init__(self, toolbar="full", attrs=None):
        self.toolbar = toolbar
        super().__init__(attrs={"rows": 10 if toolbar == "full" else 4, **(attrs or {})})

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "editorial/prose-editor.css",
            ]
        }
        js = [Script("editorial/prose-editor.js", type="module")]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        config = {"extensions": expand_extensions(TOOLBARS[self.toolbar])}
        context["widget"]["attrs"].update(
            {
                "data-rich-text": json.dumps(config, separators=(",", ":")),
                "data-editor-module": static("django_prose_editor/editor.js"),
            }
        )
        return context

    def use_required_attribute(self, initial):
        # The editor hides the textarea, so a browser could not show its "required" message;
        # the form's own error does the job instead.
        return False


class RichTextAdminMixin:
    """For a ``ModelAdmin`` or inline: ``rich_text_fields`` maps field names to a toolbar."""

    rich_text_fields = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if toolbar := self.rich_text_fields.get(db_field.name):
            kwargs["widget"] = RichTextWidget(toolbar)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
