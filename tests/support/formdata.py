"""What a browser sends from an admin form: read from the page's HTML, or filled in by hand."""

from html.parser import HTMLParser

from django.urls import reverse

from core.models import Status


class _FormReader(HTMLParser):
    """Collects the values of the inputs, selects and textareas inside the first <form>."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "__prefix__" in attrs.get("name", ""):
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, value = self.textarea
            self.data.append((name, value.removeprefix("\n")))
            self.textarea = None


def form_data(response, form_id=None):
    """
    The admin change form of ``response`` as a dict for ``client.post`` (lists for repeats), as
    a browser sends it when someone presses Save.
    """
    opts = response.context["opts"]
    return html_form_data(response.content.decode(), form_id or f"{opts.model_name}_form")


def html_form_data(html, form_id):
    """``form_data`` read from the HTML alone, for a page fetched from a running server."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data = {"_save": "Save"}  # the button a person presses
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def admin_url(obj_or_label, view, *args):
    """``admin:<app>_<model>_<view>`` for a model instance, class or "app.model" label."""
    if isinstance(obj_or_label, str):
        app_label, model_name = obj_or_label.split(".")
    else:
        app_label, model_name = obj_or_label._meta.app_label, obj_or_label._meta.model_name
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def change_url(obj):
    return admin_url(obj, "change", obj.pk)


def article_form_data(**overrides):
    """A new article's add form as filled in by hand: a draft with one source, and a body
    holding markup the site must clean."""
    data = {
        "title": "Crying at night",
        "slug": "crying-at-night",
        "summary": "Why babies cry at night.",
        "in_brief": "It is normal\nIt passes",
        "body": (
            '<h2>Why</h2><p onclick="steal()">Babies wake.</p>'
            '<script>alert(1)</script><a href="javascript:alert(1)">x</a>'
        ),
        "author": "Editorial team",
        "reviewed_by": "",
        "last_reviewed": "",
        "next_review_due": "",
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-title": "NHS: soothing a crying baby",
        "sources-0-url": "https://www.nhs.uk/",
        "sources-0-order": "0",
    }
    data.update(overrides)
    return data
