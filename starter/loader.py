"""
Reading the starter content in ``starter/content/`` (described in docs/starter-content.md).

Everything is checked before anything is loaded: a misspelt field, a missing title or a link to
a slug that no file defines stops the load with an error naming the file, instead of quietly
loading a page with a gap in it.

The items come back as dictionaries keyed by model field, plus the links (``stages``,
``topics``, ``resources``, ``related``: lists of slugs), ``sources`` (``(title, url)`` pairs) and
a tip page's ``tips``, for ``load_starter_content`` to create.
"""

import datetime
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guidance.models import Nation, ResourceKind, Urgency

from . import markdown

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FRONT_MATTER = re.compile(
    r"\A\+\+\+[ \t]*\n(?P<fields>.*?)^\+\+\+[ \t]*$\n?(?P<body>.*)\Z", re.DOTALL | re.MULTILINE
)
TRY_THIS = "**Try this:**"
WHY_IT_HELPS = "**Why it helps:**"


class StarterContentError(Exception):
    """A content file that cannot be loaded; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Content:
    stages: list
    topics: list
    resources: list
    articles: list
    tip_pages: list
    pages: list


@dataclass(frozen=True)
class Kind:
    """What a field's value must be, in words for the error message."""

    description: str
    accepts: Callable


def one_of(values):
    values = list(values)
    return Kind("one of " + ", ".join(f'"{value}"' for value in values), values.__contains__)


def is_text(value):
    return isinstance(value, str) and bool(value.strip())


TEXT = Kind("some text", is_text)
TEXTS = Kind("a list of texts", lambda v: isinstance(v, list) and all(map(is_text, v)))
SLUGS = Kind(
    "a list of slugs",
    lambda v: isinstance(v, list) and all(isinstance(s, str) and SLUG.fullmatch(s) for s in v),
)
SLUG_KIND = Kind(
    "a slug: small letters, numbers and single hyphens",
    lambda v: isinstance(v, str) and bool(SLUG.fullmatch(v)),
)
FLAG = Kind("true or false", lambda v: isinstance(v, bool))
# TOML's true and false are not numbers here, though Python counts them as 1 and 0.
WHOLE_NUMBER = Kind(
    "a whole number such as -1, 0 or 2",
    lambda v: isinstance(v, int) and not isinstance(v, bool) and -100 <= v <= 100,
)
# TOML gives a datetime for "2026-11-01T10:00"; a review date is a day.
DATE = Kind(
    "a date such as 2026-11-01",
    lambda v: isinstance(v, datetime.date) and not isinstance(v, datetime.datetime),
)
TABLES = Kind(
    "a list of tables", lambda v: isinstance(v, list) and all(isinstance(t, dict) for t in v)
)
NATIONS = Kind(
    "a list of nations from " + ", ".join(f'"{nation}"' for nation in Nation.values),
    lambda v: isinstance(v, list) and bool(v) and set(v) <= set(Nation.values),
)
# The urgency tiers by name ("now", "today", "soon", "any-time") rather than number.
URGENCIES = {urgency.name.lower().replace("_", "-"): urgency for urgency in Urgency}

# Each schema: field -> (kind of value, required?).
CATALOGUE = {"stages": (TABLES, True), "topics": (TABLES, True), "resources": (TABLES, True)}
STAGE = {
    "slug": (SLUG_KIND, True),
    "title": (TEXT, True),
    "age_range": (TEXT, False),
    "description": (TEXT, False),
}
TOPIC = {key: STAGE[key] for key in ("slug", "title", "description")}
RESOURCE = {
    "slug": (SLUG_KIND, True),
    "name": (TEXT, True),
    "kind": (one_of(ResourceKind.values), True),
    "urgency": (one_of(URGENCIES), True),
    "nations": (NATIONS, True),
    "when_to_use": (TEXT, True),
    "phone": (TEXT, False),
    "phone_note": (TEXT, False),
    "text_number": (TEXT, False),
    "text_message": (TEXT, False),
    "url": (TEXT, False),
    "opening_hours": (TEXT, False),
    "crisis_panel": (FLAG, False),
    "last_checked": (DATE, False),
}
SOURCE = {"title": (TEXT, True), "url": (TEXT, False)}
LINKS = {"stages": (SLUGS, False), "topics": (SLUGS, False), "resources": (SLUGS, False)}
AUTHORSHIP = {"author": (TEXT, False), "reviewed_by": (TEXT, False), "last_reviewed": (DATE, False)}
ARTICLE = {
    "title": (TEXT, True),
    "summary": (TEXT, True),
    "in_brief": (TEXTS, False),
    **LINKS,
    "related": (SLUGS, False),
    "order": (WHOLE_NUMBER, False),
    "start_here": (FLAG, False),
    **AUTHORSHIP,
    "sources": (TABLES, False),
}
TIP_PAGE = {
    "title": (TEXT, True),
    "featured": (FLAG, False),
    "order": (WHOLE_NUMBER, False),
    **LINKS,
    **AUTHORSHIP,
    "sources": (TABLES, False),
}
PAGE = {"title": (TEXT, True), "summary": (TEXT, False)}


# -- Reading everything -----------------------------------------------------------------------


def read(directory=None):
    """All the starter content in ``directory`` (starter/content/), checked.

    Raises StarterContentError naming the file at the first mistake."""
    directory = directory or CONTENT_DIR
    known = catalogue(directory)
    article_files = content_files(directory / "articles")
    slugs = {kind: {item["slug"] for item in known[kind]} for kind in known}
    slugs["related"] = {path.stem for path in article_files}
    return Content(
        **known,
        articles=[read_article(path, slugs) for path in article_files],
        tip_pages=[read_tip_page(path, slugs) for path in content_files(directory / "tips")],
        pages=[read_page(path) for path in content_files(directory / "pages")],
    )


def catalogue(directory=None):
    """The stages, topics and resources in ``catalogue.toml``, as lists of model fields."""
    path = (directory or CONTENT_DIR) / "catalogue.toml"
    data = parse_toml(path.read_text(encoding="utf-8"), path)
    check(data, CATALOGUE, path)
    # Stages and topics are shown in the order of the file.
    stages = [
        {**checked(table, STAGE, label(path, "stages", n, table)), "order": n}
        for n, table in enumerate(data["stages"], start=1)
    ]
    topics = [
        {**checked(table, TOPIC, label(path, "topics", n, table)), "order": n}
        for n, table in enumerate(data["topics"], start=1)
    ]
    resources = [
        resource(table, label(path, "resources", n, table))
        for n, table in enumerate(data["resources"], start=1)
    ]
    for kind, items in (("stages", stages), ("topics", topics), ("resources", resources)):
        check_unique(items, kind, path)
    place_in_tiers(resources)
    return {"stages": stages, "topics": topics, "resources": resources}


def content_files(folder):
    """The Markdown files in ``folder``, in name order; each file's name is its slug."""
    paths = sorted(folder.glob("*.md"))
    for path in paths:
        if not SLUG.fullmatch(path.stem):
            raise StarterContentError(
                f"{path}: the file name is the page's slug, so it may only have small letters, "
                "numbers and single hyphens"
            )
    return paths


# -- Catalogue entries ------------------------------------------------------------------------


def checked(table, schema, where):
    check(table, schema, where)
    return plain(table)


def resource(table, where):
    """A resource's fields: the urgency tier by number and a yes or no for each nation."""
    item = checked(table, RESOURCE, where)
    item["urgency"] = URGENCIES[item["urgency"]].value
    served = set(item.pop("nations"))
    for nation in Nation:
        item[nation.field_name] = nation.value in served
    return item


def label(path, kind, number, table):
    """How an error names one table of the catalogue."""
    return f"{path}, [[{kind}]] number {number} ({table.get('slug', 'no slug')})"


def check_unique(items, kind, path):
    seen = set()
    for item in items:
        if item["slug"] in seen:
            raise StarterContentError(f"{path}: two [[{kind}]] have the slug {item['slug']!r}")
        seen.add(item["slug"])


def place_in_tiers(resources):
    """A resource's order is its place among the resources of its urgency tier in the file."""
    places = {}
    for item in resources:
        places[item["urgency"]] = places.get(item["urgency"], 0) + 1
        item["order"] = places[item["urgency"]]


# -- Pages ------------------------------------------------------------------------------------


def read_article(path, slugs):
    fields, body = front_matter(path, ARTICLE, slugs)
    return {
        "slug": path.stem,
        "title": fields["title"],
        "summary": fields["summary"],
        "in_brief": "\n".join(fields.get("in_brief", [])),
        "body": body_html(body, path),
        **links(fields, ("stages", "topics", "resources", "related")),
        "order": fields.get("order", 0),
        "start_here": fields.get("start_here", False),
        **authorship(fields),
        "sources": sources(fields, path),
    }


def read_tip_page(path, slugs):
    fields, body = front_matter(path, TIP_PAGE, slugs)
    intro, tips = intro_and_tips(body, path)
    return {
        "slug": path.stem,
        "title": fields["title"],
        "intro": intro,
        "featured": fields.get("featured", False),
        "order": fields.get("order", 0),
        "tips": tips,
        **links(fields, ("stages", "topics", "resources")),
        **authorship(fields),
        "sources": sources(fields, path),
    }


def read_page(path):
    fields, body = front_matter(path, PAGE, {})
    return {"slug": path.stem, **fields, "body": body_html(body, path)}


def front_matter(path, schema, slugs):
    """The checked fields between the ``+++`` lines of ``path``, and the Markdown after them."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        raise StarterContentError(
            f"{path}: a content file starts with a line of +++, then its fields, then another "
            "line of +++"
        )
    # One newline first, so TOML's line numbers are the file's.
    fields = parse_toml("\n" + match["fields"], path)
    check(fields, schema, path)
    for kind in ("stages", "topics", "resources", "related"):
        missing = [slug for slug in fields.get(kind, []) if slug not in slugs[kind]]
        if missing:
            defined_in = "articles/" if kind == "related" else "catalogue.toml"
            raise StarterContentError(
                f"{path}: {kind}: nothing in {defined_in} has the slug "
                + ", ".join(repr(slug) for slug in missing)
            )
    if not match["body"].strip():
        raise StarterContentError(f"{path}: there is nothing after the second +++ line")
    return plain(fields), match["body"]


def body_html(body, path):
    try:
        return markdown.to_html(body)
    except markdown.MarkdownError as error:
        raise StarterContentError(f"{path}: {error}") from None


def intro_and_tips(body, path):
    """A tip page's body: an introduction, then a ``##`` heading in the baby's words per tip."""
    intro, tips = [], []
    for block in markdown.blocks(body):
        heading = markdown.HEADING.fullmatch(block[0])
        if heading and len(block) == 1:
            tips.append({"baby_says": markdown.unwrap(heading["text"])})
        elif not tips:
            intro.append(block)
        else:
            add_to_tip(tips[-1], block, path)
    if len(intro) != 1:
        raise StarterContentError(
            f"{path}: a tip page starts with its introduction, one paragraph before the first tip"
        )
    if not tips:
        raise StarterContentError(f"{path}: a tip page needs at least one ## tip")
    for tip in tips:
        if "try_this" not in tip:
            raise StarterContentError(
                f"{path}: the tip {tip['baby_says']!r} has no paragraph starting {TRY_THIS}"
            )
    return markdown.unwrap("\n".join(intro[0])), tips


def add_to_tip(tip, block, path):
    """One paragraph under a tip: what to try, or why it helps (both rich text, so Markdown)."""
    text = "\n".join(block)
    for prefix, field in ((TRY_THIS, "try_this"), (WHY_IT_HELPS, "why_it_helps")):
        if text.startswith(prefix) and field not in tip:
            try:
                tip[field] = markdown.inline(markdown.unwrap(text.removeprefix(prefix)))
            except markdown.MarkdownError as error:
                raise StarterContentError(f"{path}: {error}") from None
            return
    raise StarterContentError(
        f"{path}: under the tip {tip['baby_says']!r}, write one paragraph starting {TRY_THIS} "
        f"and at most one starting {WHY_IT_HELPS}; found {markdown.shorten(text)!r}"
    )


# -- Fields -----------------------------------------------------------------------------------


def parse_toml(text, path):
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StarterContentError(f"{path}: not valid TOML: {error}") from None


def check(table, schema, where):
    """Raise a StarterContentError naming ``where`` if ``table`` does not fit ``schema``."""
    unknown = sorted(set(table) - set(schema))
    if unknown:
        raise StarterContentError(
            f"{where}: unknown field {', '.join(unknown)} (the fields are {', '.join(schema)})"
        )
    missing = [key for key, (_kind, required) in schema.items() if required and key not in table]
    if missing:
        raise StarterContentError(f"{where}: missing {', '.join(missing)}")
    for key, value in table.items():
        kind = schema[key][0]
        if not kind.accepts(value):
            raise StarterContentError(f"{where}: {key} should be {kind.description}")


def plain(table):
    """``table`` with its texts unwrapped: a long text may be written over several lines."""
    return {key: unwrapped(value) for key, value in table.items()}


def unwrapped(value):
    if isinstance(value, str):
        return markdown.unwrap(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [markdown.unwrap(item) for item in value]
    return value


def links(fields, kinds):
    return {kind: fields.get(kind, []) for kind in kinds}


def authorship(fields):
    # With no reviewer the site says the page has not yet been clinically reviewed, as it must
    # until the charity's own clinical reviewer has read it.
    return {
        "author": fields.get("author", ""),
        "reviewed_by": fields.get("reviewed_by", ""),
        "last_reviewed": fields.get("last_reviewed"),
    }


def sources(fields, path):
    """The ``[[sources]]`` as ``(title, url)`` pairs; a source may have no known address."""
    pairs = []
    for number, table in enumerate(fields.get("sources", []), start=1):
        check(table, SOURCE, f"{path}, [[sources]] number {number}")
        pairs.append((markdown.unwrap(table["title"]), table.get("url", "")))
    return pairs
