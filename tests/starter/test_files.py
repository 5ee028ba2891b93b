"""
The files in starter/content/: every one is read, links only to slugs that exist, and turns into
HTML the site's sanitiser keeps as it is. A mistake in a file stops the load with an error that
names the file.
"""

import re
import shutil

import pytest
from django.core.management import CommandError

from core.richtext import sanitise_html
from guidance.models import Stage, Topic
from starter import loader
from tests.support.starter import counts, load

CONTENT = loader.read()
# The sanitiser adds this to every link; anything else it changed would be a loss.
LINK_REL = ' rel="noopener noreferrer"'


def test_every_file_is_read_and_named_by_its_slug():
    for folder, items in (
        ("articles", CONTENT.articles),
        ("tips", CONTENT.tip_pages),
        ("pages", CONTENT.pages),
    ):
        names = sorted(path.stem for path in (loader.CONTENT_DIR / folder).iterdir())
        assert [item["slug"] for item in items] == names, folder


def test_every_link_is_to_a_slug_that_exists():
    slugs = {
        kind: {item["slug"] for item in getattr(CONTENT, kind)}
        for kind in ("stages", "topics", "resources", "articles")
    }
    for item in [*CONTENT.articles, *CONTENT.tip_pages]:
        for kind in ("stages", "topics", "resources"):
            assert set(item[kind]) <= slugs[kind], (item["slug"], kind)
    for article in CONTENT.articles:
        assert set(article["related"]) <= slugs["articles"], article["slug"]


def rich_texts():
    """(where, HTML) for every rich text the files give the site."""
    for folder, items in (("articles", CONTENT.articles), ("pages", CONTENT.pages)):
        for item in items:
            yield f"{folder}/{item['slug']}.md", item["body"]
    for page in CONTENT.tip_pages:
        for tip in page["tips"]:
            for field in ("try_this", "why_it_helps"):
                yield f"tips/{page['slug']}.md: {tip['baby_says']}", tip.get(field, "")


def test_the_html_survives_the_sanitiser_unchanged():
    for where, markup in rich_texts():
        assert sanitise_html(markup).replace(LINK_REL, "") == markup, where


def test_bodies_use_only_the_tags_the_writing_guide_allows():
    for where, markup in rich_texts():
        tags = set(re.findall(r"</?([a-z0-9]+)", markup))
        assert tags <= {"h2", "p", "ul", "ol", "li", "a", "strong", "em"}, where


def test_the_catalogue_gives_model_fields_for_stages_and_topics():
    stage_fields = {field.name for field in Stage._meta.fields}
    topic_fields = {field.name for field in Topic._meta.fields}
    starter = loader.catalogue()

    assert all(set(stage) <= stage_fields for stage in starter["stages"])
    assert all(set(topic) <= topic_fields for topic in starter["topics"])
    assert [stage["order"] for stage in starter["stages"]] == [1, 2, 3, 4, 5]


def test_resources_are_ordered_within_their_urgency_tier():
    today = [item for item in CONTENT.resources if item["urgency"] == 2]

    assert [item["order"] for item in today] == list(range(1, len(today) + 1))


# -- Mistakes ---------------------------------------------------------------------------------


@pytest.fixture
def content(tmp_path):
    """A copy of starter/content/ to spoil."""
    copy = tmp_path / "content"
    shutil.copytree(loader.CONTENT_DIR, copy)
    return copy


def spoil(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


ARTICLE = "articles/what-is-infant-mental-health.md"
TIP_PAGE = "tips/newborn-days.md"
PAGE = "pages/privacy.md"
CATALOGUE = "catalogue.toml"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (ARTICLE, "author = ", "authr = ", "unknown field authr"),
        (ARTICLE, 'title = "What is infant mental health?"\n', "", "missing title"),
        (ARTICLE, 'stages = ["', 'stages = ["newbron", "', "nothing in catalogue.toml has the "),
        (ARTICLE, "related = [\n", 'related = [\n    "no-such-article",\n', "no-such-article"),
        (ARTICLE, 'title = "What', "title = What", "not valid TOML"),
        (ARTICLE, "+++\n", "", "starts with a line of +++"),
        (ARTICLE, "## What it means", "### What it means", "only ## headings"),
        (
            ARTICLE,
            'topics = ["bonding-and-connection", "feelings-and-behaviour"]',
            'topics = "bonding-and-connection"',
            "topics should be a list of slugs",
        ),
        (PAGE, "**A security cookie**", "**A security cookie", "unfinished bold"),
        (TIP_PAGE, "**Try this:**", "**Try that:**", "write one paragraph starting"),
        (TIP_PAGE, "featured = false", 'featured = "no"', "featured should be true or false"),
        (CATALOGUE, 'urgency = "now"', 'urgency = "urgent"', 'urgency should be one of "now"'),
        (CATALOGUE, 'age_range = "Before', 'ages = "Before', "unknown field ages"),
        (CATALOGUE, 'slug = "newborn"', 'slug = "pregnancy"', "two [[stages]]"),
        (CATALOGUE, 'nations = ["england"', 'nations = ["englnd"', "nations should be"),
    ],
)
def test_a_mistake_gives_an_error_naming_the_file(content, file, old, new, message):
    spoil(content / file, old, new)

    with pytest.raises(loader.StarterContentError) as error:
        loader.read(content)

    assert str(content / file) in str(error.value)
    assert message in str(error.value)


def test_a_resource_with_a_mistake_is_named_in_the_error(content):
    spoil(content / CATALOGUE, 'kind = "urgent"', 'kind = "urgnet"')

    with pytest.raises(loader.StarterContentError, match=r"\[\[resources\]\] number 2 \(nhs-111\)"):
        loader.read(content)


def test_a_file_name_that_is_not_a_slug_is_refused(content):
    (content / ARTICLE).rename(content / "articles" / "What_is.md")

    with pytest.raises(loader.StarterContentError, match=r"What_is\.md: the file name is the"):
        loader.read(content)


@pytest.mark.django_db
def test_the_command_stops_on_a_mistake_and_writes_nothing(content, monkeypatch):
    spoil(content / ARTICLE, "author = ", "authr = ")
    monkeypatch.setattr(loader, "CONTENT_DIR", content)

    with pytest.raises(CommandError, match=r"what-is-infant-mental-health\.md: unknown field"):
        load()

    assert not any(counts().values())
