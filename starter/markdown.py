"""
The small part of Markdown that starter content is written in, turned into the HTML the site's
sanitiser keeps (core.richtext). Nothing more: a file that uses anything else gets an error, not a
page that looks wrong.

- ``## Heading`` for a heading (h2), on one line.
- Paragraphs separated by a blank line. Line breaks inside a paragraph are kept as they are, and
  the browser shows them as spaces.
- ``- item`` for a bulleted list and ``1. item`` for a numbered one. A list item carries on over
  lines indented by spaces.
- ``**bold**``, ``*italic*`` and ``[link text](/guidance/some-page/)``, inside any of these.
"""

import html
import re

HEADING = re.compile(r"## (?P<text>\S.*)")
BULLET = re.compile(r"- (?P<text>\S.*)")
NUMBER = re.compile(r"\d+\. (?P<text>\S.*)")
BLANK_LINES = re.compile(r"\n[ \t]*\n")
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s\"]+)\)")
STRONG = re.compile(r"\*\*(?P<text>\S(?:.*?\S)?)\*\*", re.DOTALL)
EMPHASIS = re.compile(r"\*(?P<text>\S(?:.*?\S)?)\*", re.DOTALL)
LEFT_OVER = re.compile(r"\*|\]\(|^#", re.MULTILINE)


class MarkdownError(ValueError):
    """Text that is not in the small Markdown this module reads; the message says where."""


def to_html(text):
    """The HTML of ``text``: blocks one to a line, with a blank line before each heading."""
    parts = []
    for block in blocks(text):
        markup = block_html(block)
        if parts and markup.startswith("<h2>"):
            parts.append("")
        parts.append(markup)
    return "\n".join(parts)


def blocks(text):
    """The blocks of ``text`` (headings, paragraphs, lists), each a list of its lines."""
    return [
        [line.rstrip() for line in chunk.strip("\n").splitlines()]
        for chunk in BLANK_LINES.split(text.replace("\r\n", "\n"))
        if chunk.strip()
    ]


def block_html(lines):
    first = lines[0]
    if heading := HEADING.fullmatch(first):
        if len(lines) > 1:
            raise MarkdownError(f"a heading must be one line with a blank line after it: {first!r}")
        return f"<h2>{inline(heading['text'])}</h2>"
    if first.startswith("#"):
        raise MarkdownError(f"only ## headings are allowed (the title is the page's h1): {first!r}")
    if BULLET.fullmatch(first):
        return list_html("ul", BULLET, lines)
    if NUMBER.fullmatch(first):
        return list_html("ol", NUMBER, lines)
    for line in lines[1:]:
        if BULLET.fullmatch(line) or NUMBER.fullmatch(line):
            raise MarkdownError(f"leave a blank line before a list: {line!r}")
    return "<p>" + inline("\n".join(line.strip() for line in lines)) + "</p>"


def list_html(tag, marker, lines):
    """A list: each item starts with ``marker``; indented lines carry the item on."""
    items = []
    for line in lines:
        if item := marker.fullmatch(line):
            items.append([item["text"]])
        elif line.startswith((" ", "\t")):
            items[-1].append(line.strip())
        else:
            raise MarkdownError(
                f"in a list, each line starts a new item or is indented to carry one on: {line!r}"
            )
    entries = "\n".join("<li>" + inline("\n".join(item)) + "</li>" for item in items)
    return f"<{tag}>\n{entries}\n</{tag}>"


def inline(text):
    """``text`` escaped, with its bold, italic and links as HTML."""
    markup = html.escape(text, quote=False)
    markup = LINK.sub(r'<a href="\g<url>">\g<text></a>', markup)
    markup = STRONG.sub(r"<strong>\g<text></strong>", markup)
    markup = EMPHASIS.sub(r"<em>\g<text></em>", markup)
    if left_over := LEFT_OVER.search(markup):
        raise MarkdownError(
            f"unfinished bold, italic or link ({left_over[0]!r}) in: {shorten(text)!r}"
        )
    return markup


def unwrap(text):
    """Plain text written over several lines, as one line: every run of spaces becomes one."""
    return " ".join(text.split())


def shorten(text, length=60):
    flat = unwrap(text)
    return flat if len(flat) <= length else flat[: length - 3] + "..."
