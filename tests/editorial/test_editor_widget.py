"""The rich-text editor in the admin: which fields get it, what it offers, and what is kept."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from core.richtext import render_rich_text
from editorial.widgets import RichTextWidget
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tests.support.markup import elements
from tips.models import Tip

pytestmark = pytest.mark.django_db

DANGEROUS = (
    '<p onclick="steal()">Hold me <strong>close</strong> '
    '<a href="javascript:alert(1)">bad</a> <a href="https://www.nhs.uk/">NHS</a></p>'
    '<script>alert(1)</script><img src="x" onerror="steal()"><h1>Big</h1>'
    '<p style="color: red">Styled</p><table><tr><td>Table</td></tr></table>'
)


def editors(response):
    """``{field name: extension names}`` for every rich-text textarea on the page."""
    return {
        textarea["name"]: set(json.loads(textarea["data-rich-text"])["extensions"])
        for textarea in elements(response, "textarea")
        if "data-rich-text" in textarea
    }


def change_form(client, obj):
    opts = obj._meta
    return client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))


@pytest.mark.parametrize("make", [make_article, make_page])
def test_bodies_get_the_full_toolbar(admin_client, make):
    response = change_form(admin_client, make())

    body = editors(response)["body"]
    assert {"Heading", "Bold", "Italic", "Link", "BulletList", "OrderedList"} <= body
    assert not body & {"Table", "Strike", "Underline", "Blockquote", "HorizontalRule", "Image"}
    (textarea,) = [t for t in elements(response, "textarea") if t["name"] == "body"]
    config = json.loads(textarea["data-rich-text"])["extensions"]
    assert config["Heading"] == {"levels": [2, 3]}
    assert config["Link"]["enableTarget"] is False
    assert config["OrderedList"]["enableListAttributes"] is False


def test_tips_and_resources_get_the_short_toolbar(admin_client):
    tip_page = make_tip_page(tips=1)
    tip_editors = editors(change_form(admin_client, tip_page))
    resource_editors = editors(change_form(admin_client, make_resource()))

    for toolbar in (tip_editors["tips-0-try_this"], tip_editors["tips-0-why_it_helps"]):
        assert {"Bold", "Italic", "Link"} <= toolbar
        assert "Heading" not in toolbar
    assert "Heading" not in resource_editors["when_to_use"]
    assert "baby_says" not in {name.split("-")[-1] for name in tip_editors}


def test_the_editor_loads_from_our_own_files_with_no_inline_script_or_style(admin_client):
    response = change_form(admin_client, make_article())
    html = response.content.decode()

    scripts = elements(response, "script")
    assert {"type": "module", "src": "/static/editorial/prose-editor.js"} in scripts
    # Every script comes from our own site (JSON data blocks are not run, so CSP allows them).
    run = [script.get("src", "") for script in scripts if script.get("type") != "application/json"]
    assert all(src.startswith("/") and not src.startswith("//") for src in run), run
    assert 'type="importmap"' not in html
    assert "<style" not in html
    stylesheets = {link["href"] for link in elements(response, "link", rel="stylesheet")}
    assert "/static/editorial/prose-editor.css" in stylesheets
    assert "/static/django_prose_editor/editor.css" in stylesheets
    (textarea,) = [t for t in elements(response, "textarea") if t["name"] == "body"]
    assert textarea["data-editor-module"] == "/static/django_prose_editor/editor.js"


def test_the_editor_files_are_found_by_collectstatic():
    for path in (
        "django_prose_editor/editor.js",
        "django_prose_editor/editor.css",
        "django_prose_editor/material-icons.woff2",
        "editorial/prose-editor.js",
        "editorial/prose-editor.css",
        "editorial/preview-admin.css",
    ):
        assert finders.find(path), path


def test_our_start_up_script_turns_off_style_injection_and_needs_no_import_map():
    with open(finders.find("editorial/prose-editor.js")) as script:
        source = script.read()
    assert "injectCSS: false" in source
    assert 'from "django-prose-editor' not in source


def test_the_widget_still_works_as_a_plain_textarea():
    html = RichTextWidget("short").render("try_this", "<p>Hello</p>")

    assert html.startswith("<textarea")
    assert "&lt;p&gt;Hello&lt;/p&gt;" in html
    assert "required" not in html


@pytest.mark.parametrize(
    ("model", "field"),
    [("article", "body"), ("page", "body"), ("tip", "try_this"), ("tip", "why_it_helps")],
)
def test_saved_html_keeps_only_simple_formatting(model, field):
    if model == "tip":
        obj = Tip.objects.create(page=make_tip_page(tips=0), baby_says="x", **{field: DANGEROUS})
    else:
        obj = {"article": make_article, "page": make_page}[model](**{field: DANGEROUS})
    obj.refresh_from_db()
    saved = getattr(obj, field)

    for unwanted in ("onclick", "javascript:", "<script", "<img", "onerror", "style=", "<table"):
        assert unwanted not in saved, unwanted
    assert "<strong>close</strong>" in saved
    assert 'href="https://www.nhs.uk/"' in saved
    assert 'rel="noopener noreferrer"' in saved


def test_resource_descriptions_are_sanitised_on_save():
    resource = make_resource(when_to_use=DANGEROUS)
    resource.refresh_from_db()

    assert "<script" not in resource.when_to_use and "onclick" not in resource.when_to_use
    assert "<strong>close</strong>" in resource.when_to_use


def test_plain_text_is_shown_as_paragraphs():
    assert render_rich_text("Hold me close.") == "<p>Hold me close.</p>"
    assert render_rich_text("One.\n\nTwo,\nthree.") == "<p>One.</p><p>Two,<br>three.</p>"
    assert render_rich_text("Tom & Jo <3") == "<p>Tom &amp; Jo &lt;3</p>"
    assert render_rich_text("<p>Already</p><ul><li>a list</li></ul>") == (
        "<p>Already</p><ul><li>a list</li></ul>"
    )
    assert render_rich_text("") == ""


def test_tip_pages_show_rich_and_plain_tips_alike(client):
    make_tip_page(
        slug="songs",
        tips=[
            {"baby_says": "Sing to me.", "try_this": "Hum a slow tune."},
            {
                "baby_says": "Read to me.",
                "try_this": "<p>Try <em>one</em> book:</p><ul><li>at bedtime</li></ul>",
                "why_it_helps": '<p>See <a href="https://www.nhs.uk/">the NHS</a>.</p>',
            },
        ],
    )

    response = client.get("/tips/songs/")

    assertContains(response, "<p>Hum a slow tune.</p>", html=True)
    assertContains(response, "<p>Try <em>one</em> book:</p>", html=True)
    assertContains(response, "<li>at bedtime</li>", html=True)
    assertContains(response, 'href="https://www.nhs.uk/"')
    assertNotContains(response, "&lt;p&gt;")


def test_resource_descriptions_render_as_rich_text_on_the_help_page(client):
    make_resource(name="Sleep line", when_to_use="<p>Call <strong>any time</strong>.</p>")
    make_resource(name="Plain line", when_to_use="For tired parents & carers.")

    response = client.get("/help/")

    assertContains(response, "<p>Call <strong>any time</strong>.</p>", html=True)
    assertContains(response, "<p>For tired parents &amp; carers.</p>", html=True)
    assertNotContains(response, "&lt;strong&gt;")
