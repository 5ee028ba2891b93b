"""Reading a rendered form as our template pack writes it (docs/forms.md), for form tests."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Bootstrap's own names: layout, spacing, grid, form, button and alert classes, and the ones
# crispy-bootstrap5 added itself.
BOOTSTRAP_CLASS = re.compile(
    r"^(form-(control|label|text|select|check|check-\w+|group|floating|switch|range)"
    r"|[mp][trblxys]?-\d|col|col-.+|row|row-cols-.+|g-\d|gap-\d|d-.+|flex-.+"
    r"|btn|btn-.+|input-group|input-group-.+|invalid-feedback|valid-feedback|is-(in)?valid"
    r"|alert|alert-.+|text-.+|fs-\d|fw-.+|visually-hidden-focusable"
    r"|asteriskField|requiredField|controls|ctrlHolder|buttonHolder)$"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""
    children: list = field(default_factory=list)

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    def described_by(self):
        return self.attrs.get("aria-describedby", "").split()


class _Parser(HTMLParser):
    """Every element in document order, each with all the text inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.open = [], []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        if self.open:
            self.open[-1].children.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open and self.open.pop().tag != tag:
            pass

    def handle_data(self, data):
        for element in self.open:
            element.text += data


class Markup:
    def __init__(self, html):
        self.html = html
        parser = _Parser()
        parser.feed(html)
        self.elements = parser.elements

    def all(self, tag, **attrs):
        return [
            element
            for element in self.elements
            if element.tag == tag and all(element.attrs.get(k) == v for k, v in attrs.items())
        ]

    def one(self, tag, **attrs):
        found = self.all(tag, **attrs)
        assert len(found) == 1, f"{len(found)} <{tag} {attrs}> in:\n{self.html}"
        return found[0]

    def by_id(self, element_id):
        found = [element for element in self.elements if element.attrs.get("id") == element_id]
        assert len(found) == 1, f"{len(found)} elements with id {element_id!r} in:\n{self.html}"
        return found[0]

    def with_class(self, name):
        return [element for element in self.elements if name in element.classes]

    def class_names(self):
        return {name for element in self.elements for name in element.classes}


def text(element):
    return " ".join(element.text.split())


def assert_field_group(markup, bound_field):
    """Label for the input; hint and error message by id, both named by aria-describedby."""
    field_id = bound_field.auto_id
    control = markup.by_id(field_id)
    assert text(markup.one("label", **{"for": field_id})) == str(bound_field.label)
    group = next(g for g in markup.with_class("field") if control in flatten(g))
    if bound_field.help_text:
        hint = markup.by_id(f"{field_id}_helptext")
        assert "field__hint" in hint.classes
        assert text(hint) == str(bound_field.help_text)
        assert f"{field_id}_helptext" in control.described_by()
    if bound_field.errors:
        message = markup.by_id(f"{field_id}_error")
        assert "field__error" in message.classes
        for error in bound_field.errors:
            assert error in text(message)
        assert text(message).startswith("Error:")
        assert f"{field_id}_error" in control.described_by()
        assert control.attrs.get("aria-invalid") == "true"
        assert "field--error" in group.classes
    else:
        assert "aria-invalid" not in control.attrs
        assert f"{field_id}_error" not in control.described_by()
        assert "field--error" not in group.classes


def flatten(element):
    yield element
    for child in element.children:
        yield from flatten(child)


def assert_error_summary(markup, title, links):
    """Before every field: a focusable alert, its heading, and ``links`` (href, text) in order,
    each to an element on the page."""
    summary = markup.one("div", **{"class": "error-summary"})
    first_field = markup.with_class("field")[0]
    assert markup.elements.index(summary) < markup.elements.index(first_field)
    assert summary.attrs["role"] == "alert"
    assert summary.attrs["tabindex"] == "-1"
    assert text(markup.one("h2", **{"class": "error-summary__title"})) == title
    found = [(a.attrs["href"], text(a)) for a in flatten(summary) if a.tag == "a"]
    assert found == links
    for href, _ in links:
        markup.by_id(href.removeprefix("#"))
