"""Every public page type, in one list that the cross-cutting tests read.

Each page type is a URL template filled in from a world (``tests/support/world.py``): the test
world, the starter content read as a world, or a world a module builds for itself. Templates
read only the names every world has: ``stage`` and ``topic`` (a pair with guidance),
``unmatched_stage`` and ``unmatched_topic`` (a pair with none), ``article``, ``tip_page``,
``page`` (a simple page) and ``search_words`` (the ``q`` of an everyday search, as sent).

A *variant* is another state of a page type listed before it: a further filter, a later page,
a message. Checks that cost seconds a page (a real browser) take the page types without their
variants; checks that cost milliseconds take them all.

The load test (bench/run.py) keeps a shorter list of its own: it runs outside pytest, on
generated data, and each page type there costs minutes of load.
"""

from dataclasses import dataclass
from string import Formatter

import pytest


class _Names:
    """A world as the mapping ``str.format_map`` reads (``{article.slug}`` reads an attribute)."""

    def __init__(self, world):
        self.world = world

    def __getitem__(self, name):
        return getattr(self.world, name)


@dataclass(frozen=True)
class PageType:
    name: str
    template: str
    status: int = 200
    content_type: str = "text/html"
    variant: bool = False

    def url(self, world=None):
        return self.template.format_map(_Names(world))

    @property
    def reads(self):
        """The names the address reads from a world: none for a page every site has."""
        fields = (field for _, field, _, _ in Formatter().parse(self.template) if field)
        return {field.split(".")[0] for field in fields}

    def can_show(self, world):
        """Whether ``world`` has everything the address names."""
        return all(hasattr(world, name) for name in self.reads)

    @property
    def html(self):
        return self.content_type == "text/html"


PAGE_TYPES = [
    PageType("home", "/"),
    PageType("guidance", "/guidance/"),
    PageType("guidance-stage", "/guidance/?stage={stage.slug}"),
    PageType("guidance-topic", "/guidance/?topic={topic.slug}", variant=True),
    PageType(
        "guidance-stage-and-topic",
        "/guidance/?stage={stage.slug}&topic={topic.slug}",
        variant=True,
    ),
    PageType(
        "guidance-nothing-yet",
        "/guidance/?stage={unmatched_stage.slug}&topic={unmatched_topic.slug}",
        variant=True,
    ),
    PageType("guidance-page-2", "/guidance/?page=2", variant=True),
    PageType("article", "/guidance/{article.slug}/"),
    PageType("tips", "/tips/"),
    PageType("tip-page", "/tips/{tip_page.slug}/"),
    PageType("help", "/help/"),
    PageType("help-nation", "/help/wales/"),
    PageType("help-england", "/help/england/", variant=True),
    PageType("help-scotland", "/help/scotland/", variant=True),
    PageType("help-wales", "/help/wales/", variant=True),
    PageType("help-northern-ireland", "/help/northern-ireland/", variant=True),
    PageType(
        "help-old-nation-link", "/help/?nation=wales", status=301, content_type="", variant=True
    ),
    PageType("search", "/search/?q={search_words}"),
    PageType("search-crisis", "/search/?q=i+cant+cope"),
    PageType("search-corrected", "/search/?q=postnatel+depresion"),
    PageType("search-nothing", "/search/?q=xylophone"),
    PageType("search-empty", "/search/?q="),
    PageType("search-form", "/search/", variant=True),
    PageType("search-too-long", "/search/?q=" + "a" * 201, status=400, variant=True),
    PageType("simple-page", "/{page.slug}/"),
    PageType("contact", "/contact/"),
    PageType("offline", "/offline/"),
    PageType("not-found", "/no-such-page/", status=404),
    PageType("short-link-not-found", "/a/999999/", status=404, variant=True),
    PageType("feed", "/feed/", content_type="application/atom+xml"),
    PageType("sitemap", "/sitemap.xml", content_type="application/xml"),
    PageType("robots", "/robots.txt", content_type="text/plain"),
    PageType("article-leaflet", "/guidance/{article.slug}/leaflet/"),
    PageType(
        "article-leaflet-nation", "/guidance/{article.slug}/leaflet/?nation=wales", variant=True
    ),
    PageType("tip-page-leaflet", "/tips/{tip_page.slug}/leaflet/"),
    PageType("help-leaflet", "/help/scotland/leaflet/"),
    PageType("help-uk-leaflet", "/help/leaflet/", variant=True),
]
BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}
assert len(BY_NAME) == len(PAGE_TYPES), "two page types share a name"

# What a real browser opens: each page type once, in its first state.
BROWSER_PAGE_TYPES = [
    page_type for page_type in PAGE_TYPES if page_type.html and not page_type.variant
]
HTML_PAGE_TYPES = [page_type for page_type in PAGE_TYPES if page_type.html]


def named(*names):
    return [BY_NAME[name] for name in names]


def params(page_types=PAGE_TYPES):
    """``page_types`` for ``pytest.mark.parametrize``, each test named after its page type."""
    return [pytest.param(page_type, id=page_type.name) for page_type in page_types]
