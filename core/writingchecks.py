"""
Accessibility checks on what editors write, shown in the admin as advice (never a reason to
refuse a save).

Parents read these pages on phones, often tired, and some with a screen reader, which can jump
from heading to heading or list a page's links on their own. So the checks look for:

- headings that skip a level (a Heading 4 straight after a Heading 2, or a body that starts at
  Heading 3 under the page title, which is the Heading 1): a screen reader's list of headings
  then looks as if part of the page were missing;
- link words that make no sense on their own ("click here", "read more") or that are a web
  address, which a screen reader reads out character by character;
- three or more words in a row in CAPITALS, which are hard to read and which some screen
  readers spell out letter by letter (a word or two, such as "NHS" or "call 111", is fine);
- paragraphs of more than ``LONG_PARAGRAPH_WORDS`` words: the editor guide asks for two or
  three sentences, and at about 20 words a sentence 100 words is already five;
- pictures with no ``alt`` text and tables with no header cells. ``core.richtext`` removes both
  on save today, so they only appear if it ever keeps them; the checks are ready for then.

The checks read HTML as parents get it: ``Text.rich`` renders editor HTML with
``core.richtext.render_rich_text``, ``Text.plain`` shows plain text as a template does. The work
is one pass of ``html.parser`` over the text, and at most ``MOST_LISTED`` problems are kept
however many there are, so a huge page costs time in proportion to its length and no more.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.html import format_html

from .richtext import render_rich_text

LONG_PARAGRAPH_WORDS = 100
# A run of this many words in capitals reads as shouting; one or two are usually an acronym.
CAPITALS_RUN_WORDS = 3
MOST_LISTED = 30
QUOTE_LENGTH = 60
# Link words that say nothing about where the link goes, compared by their words alone, in
# lower case ("Read more…" is "read more").
VAGUE_LINK_TEXT = frozenset(
    {
        "click",
        "click here",
        "click this link",
        "find out more",
        "here",
        "learn more",
        "link",
        "more",
        "more info",
        "more information",
        "read more",
        "see here",
        "this",
        "this link",
        "this page",
    }
)
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# The elements whose text is read as one piece: for capitals and length, and a heading's words.
BLOCKS = {"p", "li", "blockquote", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6"}
HEADINGS = {f"h{level}": level for level in range(1, 7)}
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Text:
    """Something an editor wrote, as HTML the way the page shows it, with a name editors know
    it by ("Body", "Tip 2: What to try") and the level of the heading above it on the page."""

    label: str
    markup: str
    heading_above: int = 1

    @classmethod
    def rich(cls, label, markup, heading_above=1):
        """Text written with the rich-text editor."""
        return cls(label, render_rich_text(markup or ""), heading_above)

    @classmethod
    def plain(cls, label, text):
        """Plain text, which a template shows escaped in one paragraph."""
        return cls(label, format_html("<p>{}</p>", text or ""))


@dataclass(frozen=True)
class Problem:
    """One problem: the name of the field, a short quote, what is wrong and how to fix it."""

    where: str
    quote: str
    problem: str
    fix: str


@dataclass
class Findings:
    """Every problem counted; only the first ``most`` kept to list."""

    most: int = MOST_LISTED
    listed: list = field(default_factory=list)
    total: int = 0

    def add(self, problem):
        self.total += 1
        if len(self.listed) < self.most:
            self.listed.append(problem)


def check(texts, most=MOST_LISTED):
    """The ``Findings`` for ``texts`` (``Text``), in the order they come."""
    findings = Findings(most)
    for text in texts:
        reader = _Reader(text, findings)
        reader.feed(text.markup)
        reader.close()
    return findings


def quote(text):
    """``text`` short enough to show: whole words, cut with "…" after ``QUOTE_LENGTH``."""
    text = " ".join(text.split())
    if len(text) <= QUOTE_LENGTH:
        return text
    cut = text[:QUOTE_LENGTH].rsplit(" ", 1)[0] or text[:QUOTE_LENGTH]
    return cut + "…"


class _Reader(HTMLParser):
    """Reads one text once, reporting each problem to ``findings`` as it is seen."""

    def __init__(self, text, findings):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.findings = findings
        self.last_heading = text.heading_above
        self.seen_heading = False
        # Open blocks, innermost last, each [tag, pieces of text]; the first holds loose text.
        self.blocks = [["", []]]
        self.open_blocks = Counter()
        self.link = None
        # Open tables, innermost last, each {"headers": seen a <th>, "quote": first cell}.
        self.tables = []

    def report(self, found, problem, fix):
        self.findings.add(Problem(self.text.label, quote(found), problem, fix))

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.blocks.append([tag, []])
            self.open_blocks[tag] += 1
        if tag == "br":
            self.add_text(" ")
        elif tag == "a":
            self.end_link()
            self.link = {"href": dict(attrs).get("href") or "", "pieces": []}
        elif tag == "img":
            self.check_image(dict(attrs))
        elif tag == "table":
            self.tables.append({"headers": False, "quote": ""})
        elif tag == "th" and self.tables:
            self.tables[-1]["headers"] = True

    def handle_endtag(self, tag):
        if tag == "a":
            self.end_link()
        elif tag == "table" and self.tables:
            self.check_table(self.tables.pop())
        elif tag in BLOCKS:
            self.end_block(tag)

    def handle_data(self, data):
        self.add_text(data)

    def add_text(self, data):
        self.blocks[-1][1].append(data)
        if self.link is not None:
            self.link["pieces"].append(data)

    def close(self):
        super().close()
        self.end_link()
        while len(self.blocks) > 1:
            self.end_block(self.blocks[-1][0])
        self.check_block("", "".join(self.blocks[0][1]))

    def end_block(self, tag):
        # An end tag with no open block to match (broken HTML) is ignored; one that closes an
        # outer block closes the blocks left open inside it too.
        if not self.open_blocks[tag]:
            return
        while True:
            open_tag, pieces = self.blocks.pop()
            self.open_blocks[open_tag] -= 1
            self.check_block(open_tag, "".join(pieces))
            if open_tag == tag:
                return

    def check_block(self, tag, text):
        if tag in {"td", "th"} and self.tables and not self.tables[-1]["quote"]:
            self.tables[-1]["quote"] = text
        if tag in HEADINGS:
            self.check_heading(HEADINGS[tag], text)
        self.check_capitals(text)
        words = len(text.split())
        if tag in {"", "p"} and words > LONG_PARAGRAPH_WORDS:
            self.report(
                text,
                f"This paragraph is {words} words long.",
                f"Split it into paragraphs of two or three sentences, under "
                f"{LONG_PARAGRAPH_WORDS} words each: a long block of text is hard to follow "
                f"on a phone or with a screen reader.",
            )

    def check_heading(self, level, text):
        before = self.last_heading
        first = not self.seen_heading
        self.last_heading, self.seen_heading = level, True
        if level <= before + 1:
            return
        above = " (the heading above this text on the page)" if first else ""
        self.report(
            text or f"Heading {level}",
            f"This Heading {level} comes after a Heading {before}{above}, so it skips a level.",
            f"Make it a Heading {before + 1}. Screen readers list the headings by level, and a "
            "skipped level makes it sound as if part of the page is missing.",
        )

    def check_capitals(self, text):
        """Report each run of ``CAPITALS_RUN_WORDS`` or more words written in capitals.

        A number or a one-letter capital ("111", "A") neither counts towards a run nor ends it."""
        run, capitals, end = [], 0, 0
        for word in text.split():
            letters = [char for char in word if char.isalpha()]
            if len(letters) > 1 and all(char.isupper() for char in letters):
                run.append(word)
                capitals, end = capitals + 1, len(run)
            elif run and (not letters or (len(letters) == 1 and letters[0].isupper())):
                run.append(word)
            else:
                self.report_capitals(run[:end], capitals)
                run, capitals, end = [], 0, 0
        self.report_capitals(run[:end], capitals)

    def report_capitals(self, words, capitals):
        if capitals >= CAPITALS_RUN_WORDS:
            self.report(
                " ".join(words),
                "These words are all in capitals.",
                "Write them in ordinary sentence case, and use bold for the one thing a parent "
                "must not miss: capitals are hard to read, and some screen readers spell them "
                "out letter by letter.",
            )

    def end_link(self):
        if self.link is None:
            return
        link, self.link = self.link, None
        text = " ".join("".join(link["pieces"]).split())
        words = " ".join(WORD.findall(text.lower()))
        if not words:
            self.report(
                link["href"],
                "This link has no words, so a screen reader reads out its web address.",
                "Add words that say where it goes, or remove the link.",
            )
        elif words in VAGUE_LINK_TEXT:
            self.report(
                text,
                "These link words do not say where the link goes.",
                "Use link words that say where it goes, such as “the NHS guide to baby "
                "sleep”: screen readers can read out a page's links on their own, without "
                "the words around them.",
            )
        elif WEB_ADDRESS.fullmatch(text):
            self.report(
                text,
                "The link words are a web address, which a screen reader reads out character "
                "by character.",
                "Use link words that say where it goes instead, such as the name of the page or "
                "service.",
            )

    def check_image(self, attrs):
        if "alt" not in attrs:
            self.report(
                attrs.get("src") or "picture",
                "This picture has no description (alt text).",
                "Describe what it shows for parents who cannot see it, or mark it as decorative "
                "if it adds nothing to the words.",
            )

    def check_table(self, table):
        if not table["headers"]:
            self.report(
                table["quote"] or "table",
                "This table has no header cells.",
                "Make the first row (or column) header cells, so a screen reader can say which "
                "column or row each cell belongs to.",
            )
