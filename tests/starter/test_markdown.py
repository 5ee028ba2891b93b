"""The small Markdown that starter content is written in (starter/markdown.py)."""

import pytest

from starter.markdown import MarkdownError, inline, to_html, unwrap

PAGE = """\
## Why it matters

Your baby learns from *you*, in
everyday moments.

- **Talk.** Tell your baby about
  your day.
- Read [our guide](/guidance/what-is-infant-mental-health/).

## What to do next

1. Rest.
2. Ask for help & support.
"""


def test_a_page_becomes_html_blocks_one_to_a_line():
    assert to_html(PAGE) == (
        "<h2>Why it matters</h2>\n"
        "<p>Your baby learns from <em>you</em>, in\neveryday moments.</p>\n"
        "<ul>\n"
        "<li><strong>Talk.</strong> Tell your baby about\nyour day.</li>\n"
        '<li>Read <a href="/guidance/what-is-infant-mental-health/">our guide</a>.</li>\n'
        "</ul>\n"
        "\n"
        "<h2>What to do next</h2>\n"
        "<ol>\n<li>Rest.</li>\n<li>Ask for help &amp; support.</li>\n</ol>"
    )


def test_text_is_escaped_not_taken_as_html():
    assert inline('<script>alert("x")</script>') == '&lt;script&gt;alert("x")&lt;/script&gt;'


def test_a_link_may_break_over_lines():
    assert inline("see [the help\npage](/help/)") == 'see <a href="/help/">the help\npage</a>'


def test_unwrap_turns_line_breaks_into_single_spaces():
    assert unwrap("  one\ntwo   three\n") == "one two three"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("### Small heading", "only ## headings"),
        ("# Title", "only ## headings"),
        ("## Heading\nstraight on", "a heading must be one line"),
        ("- item\nnot indented", "in a list"),
        ("A paragraph\n- then a list", "leave a blank line before a list"),
        ("Some **bold text", "unfinished bold"),
        ("A [link](/help/ with a space)", "unfinished bold, italic or link"),
    ],
)
def test_what_it_cannot_read_is_an_error(text, message):
    with pytest.raises(MarkdownError, match=message):
        to_html(text)
