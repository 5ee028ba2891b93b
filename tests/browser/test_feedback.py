"""
"Was this page helpful?" in a real Chromium: with JavaScript the answer and the comment are sent
in place (the page stays, the thanks replaces the buttons); without it the same form posts,
redirects and shows the thank-you page. Both end with the comment kept, without the phone
number typed in it, and with axe-core finding nothing wrong at 390 px or 320 px.
"""

import io

import pytest
from django.core.management import call_command

from feedback.models import Answer
from guidance.models import Article
from tests.support.browser import (
    AXE_TAGS,
    NARROWEST,
    OVERFLOW_JS,
    PHONE,
    RUN_AXE_JS,
    format_violation,
)

# These tests make the live server write. A test's own transaction would lock it out (SQLite
# in memory), so they run without one (transaction=True), which empties the database after
# each test: the starter content is loaded again before each test and after the module, for the
# modules that follow.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def load_content():
    if not Article.objects.exists():
        call_command("load_starter_content", stdout=io.StringIO())


@pytest.fixture(scope="module", autouse=True)
def content_back_afterwards(live_site, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        load_content()


@pytest.fixture(autouse=True)
def content(live_site):
    load_content()


@pytest.fixture
def new_tab(browser):
    contexts = []

    def make(**options):
        # No service worker: its background fetches would share the live server's one
        # database connection with the posts under test.
        context = browser.new_context(
            viewport=PHONE, color_scheme="light", service_workers="block", **options
        )
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def kept():
    """``kept()``: the one answer the test made, with its comment."""
    return lambda: Answer.objects.select_related("comment").get()


# On an article or tip page, the feedback box only: the rest of the page has tests of its own.
RUN_AXE_ON_FEEDBACK_JS = RUN_AXE_JS.replace("axe.run(document", "axe.run('.feedback'")


def axe_violations(page, axe_source, script=RUN_AXE_JS):
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source)
    found = page.evaluate(script, AXE_TAGS)["violations"]
    return [format_violation(page.url, violation) for violation in found]


def test_with_javascript_the_answer_and_comment_are_sent_in_place(
    new_tab, live_site, axe_source, kept
):
    page = new_tab()
    url = live_site.page_url("article")
    page.goto(url)
    box = page.locator("[data-feedback]")
    box.scroll_into_view_if_needed()
    assert axe_violations(page, axe_source, RUN_AXE_ON_FEEDBACK_JS) == []

    page.get_by_role("button", name="No", exact=True).click()
    thanks = box.locator(".feedback-thanks")
    thanks.wait_for()
    assert "sorry it did not help" in thanks.inner_text()
    assert page.url == url  # no new page
    assert page.evaluate("document.activeElement.classList.contains('feedback-thanks')")
    assert page.evaluate(OVERFLOW_JS) is None
    assert axe_violations(page, axe_source, RUN_AXE_ON_FEEDBACK_JS) == []

    page.get_by_label("What were you looking for?").fill("Naps. Ring me on 07700 900123")
    page.get_by_role("button", name="Send").click()
    box.get_by_text("Thank you for your comment").wait_for()
    assert page.url == url
    assert page.errors == []

    answer = kept()
    assert answer.helpful is False and answer.page.startswith("article:")
    assert answer.comment.text == "Naps. Ring me on [phone number removed]"
    assert page.context.cookies() == []


def test_without_javascript_the_form_posts_and_the_thank_you_page_follows(
    new_tab, live_site, axe_source, kept
):
    page = new_tab(java_script_enabled=False)
    url = live_site.page_url("tip-page")
    page.goto(url)
    page.get_by_role("button", name="Yes", exact=True).click()
    page.wait_for_url("**/feedback/thanks/?t=*")
    assert "glad it helped" in page.locator("main").inner_text()
    assert page.locator("main a", has_text="Back to").get_attribute("href") in url

    page.get_by_label("What were you looking for?").fill("All good, mail me a@b.org")
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/feedback/thanks/?t=*")
    assert "Thank you for your comment" in page.locator("main").inner_text()
    assert page.context.cookies() == []

    answer = kept()
    assert answer.helpful is True and answer.page.startswith("tip_page:")
    assert answer.comment.text == "All good, mail me [e-mail address removed]"


def test_the_thank_you_page_fits_the_narrowest_screen_and_passes_axe(
    new_tab, live_site, axe_source
):
    page = new_tab(java_script_enabled=True)
    page.set_viewport_size(NARROWEST)
    page.goto(live_site.url + "/help/")
    page.get_by_role("button", name="No", exact=True).click()
    page.locator(".feedback-thanks").wait_for()
    # An empty comment is asked for again, in place, with the error summary.
    page.get_by_role("button", name="Send").click()
    page.get_by_text("There is a problem with your comment").wait_for()
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert page.locator("#feedback-comment").get_attribute("aria-invalid") == "true"
    assert axe_violations(page, axe_source) == []
    assert page.evaluate(OVERFLOW_JS) is None
