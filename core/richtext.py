"""Sanitising the HTML that staff write, in one place."""

import html
import re

import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|ul|ol|blockquote)>|<br\s*/?>", re.IGNORECASE)
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
BLOCK_START = re.compile(r"<(?:p|h[1-6]|ul|ol|blockquote)\b", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def sanitise_html(markup):
    """Return ``markup`` with everything but simple formatting and safe links removed."""
    if not markup:
        return ""
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def render_rich_text(markup):
    """Sanitised HTML for a page. Plain text (typed before the editor, or starter content)
    has no paragraphs of its own, so blank lines start paragraphs and line ends become breaks."""
    clean = sanitise_html(markup)
    if not clean or BLOCK_START.search(clean):
        return clean
    paragraphs = [part.strip() for part in PARAGRAPH_BREAK.split(clean) if part.strip()]
    return "".join(
        "<p>" + "<br>".join(line.strip() for line in part.splitlines()) + "</p>"
        for part in paragraphs
    )


def html_to_text(markup):
    """Plain text of ``markup``, with block ends kept as spaces, for searching and counting."""
    spaced = BLOCK_END.sub(" ", markup)
    return " ".join(html.unescape(strip_tags(spaced)).split())
