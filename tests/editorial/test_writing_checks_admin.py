"""The accessibility checks on the change forms: listed at the top, warned of after a save, never
in the way of saving."""

import re

import pytest

from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tests.support.formdata import admin_url, change_url, form_data

pytestmark = pytest.mark.django_db

CLEAN_BODY = "<h2>Why babies cry</h2><p>Crying is how your baby talks to you.</p>"
BODY_WITH_PROBLEMS = (
    "<h3>Why babies cry</h3>"
    '<p>For more, <a href="https://www.nhs.uk/">click here</a>. NEVER SHAKE A BABY.</p>'
)
CHECKS = re.compile(r'<ul class="writing-checks">(.*?)</ul>', re.DOTALL)


def checks_box(response):
    """The list of problems in the "Accessibility checks" box, as HTML, or ``""``."""
    found = CHECKS.search(response.content.decode())
    return found.group(1) if found else ""


def test_the_form_lists_each_problem_with_where_it_is_and_how_to_fix_it(admin_client):
    article = make_article(body=BODY_WITH_PROBLEMS)

    response = admin_client.get(change_url(article))

    content = response.content.decode()
    assert content.index("Accessibility checks") < content.index("Plain English")
    assert "3 problems found." in content
    box = checks_box(response)
    assert "<strong>Body</strong>, “Why babies cry”: This Heading 3 comes after a Heading 1" in box
    assert "“click here”: These link words do not say where the link goes." in box
    assert "“NEVER SHAKE A BABY.”: These words are all in capitals." in box
    assert "Use link words that say where it goes" in box


def test_a_clean_page_shows_that_no_problems_were_found(admin_client):
    article = make_article(body=CLEAN_BODY)

    response = admin_client.get(change_url(article))

    assert "No problems found." in response.content.decode()
    assert checks_box(response) == ""


def test_a_new_page_is_checked_when_it_is_saved(admin_client):
    response = admin_client.get(admin_url("guidance.article", "add"))

    assert "Checked when you save." in response.content.decode()


def test_a_tip_page_is_checked_with_its_introduction_and_every_tip(admin_client):
    page = make_tip_page(
        intro="WHAT YOUR BABY MIGHT TELL YOU.",
        tips=[
            {"baby_says": "Hold me.", "try_this": "Pick me up."},
            {
                "baby_says": "Talk to me.",
                "try_this": '<p><a href="https://a.example/">here</a></p>',
            },
        ],
    )

    box = checks_box(admin_client.get(change_url(page)))

    assert "<strong>Introduction</strong>, “WHAT YOUR BABY MIGHT TELL YOU.”" in box
    assert "<strong>Tip 2: What to try</strong>, “here”" in box
    assert "Tip 1" not in box


@pytest.mark.parametrize(
    ("make", "field", "markup", "expected"),
    [
        (
            make_resource,
            "when_to_use",
            '<p>Call them. <a href="https://a.example/">Read more</a></p>',
            "<strong>When to use it</strong>, “Read more”: These link words",
        ),
        (
            make_page,
            "body",
            '<p><a href="https://a.example/">https://a.example/</a></p>',
            "<strong>Body</strong>, “https://a.example/”: The link words are a web address",
        ),
    ],
)
def test_help_entries_and_simple_pages_are_checked(admin_client, make, field, markup, expected):
    obj = make(**{field: markup})

    box = checks_box(admin_client.get(change_url(obj)))

    assert expected in box
    assert box.count("<li>") == 1


def test_a_help_entry_may_use_a_heading_below_its_name(admin_client):
    # On the help page a help entry's name is a Heading 3.
    resource = make_resource(when_to_use="<h4>When</h4><p>At any time.</p>")

    response = admin_client.get(change_url(resource))

    assert "No problems found." in response.content.decode()


def test_saving_a_page_with_problems_works_and_says_how_many_there_are(admin_client):
    article = make_article(body=CLEAN_BODY)
    data = form_data(admin_client.get(change_url(article)))
    data.update({"body": BODY_WITH_PROBLEMS, "_continue": "1"})

    response = admin_client.post(change_url(article), data, follow=True)

    assert response.status_code == 200
    article.refresh_from_db()
    assert "NEVER SHAKE A BABY." in article.body
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        message.startswith("The accessibility checks found 3 problems.") for message in messages
    )
    assert "3 problems found." in response.content.decode()


def test_saving_a_clean_page_gives_no_warning(admin_client):
    article = make_article(body=BODY_WITH_PROBLEMS)
    data = form_data(admin_client.get(change_url(article)))
    data.update({"body": CLEAN_BODY, "_continue": "1"})

    response = admin_client.post(change_url(article), data, follow=True)

    assert not any("accessibility checks" in str(m) for m in response.context["messages"])
    assert "No problems found." in response.content.decode()


def test_a_new_tip_is_checked_as_soon_as_the_page_is_saved(admin_client):
    page = make_tip_page(tips=[{"baby_says": "Hold me.", "try_this": "Pick me up."}])
    data = form_data(admin_client.get(change_url(page)))
    data["tips-0-try_this"] = '<p><a href="https://a.example/">click here</a></p>'

    response = admin_client.post(change_url(page), data, follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert any(
        message.startswith("The accessibility checks found 1 problem.") for message in messages
    )


def test_what_editors_wrote_is_shown_escaped(admin_client):
    body = '<p><a href="https://a.example/">www.&lt;script&gt;alert(1)&lt;/script&gt;</a></p>'
    article = make_article(summary="<B>BOLD</B> AND LOUD <script>alert(2)</script>", body=body)

    response = admin_client.get(change_url(article))

    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "<script>alert(2)</script>" not in content
    box = checks_box(response)
    assert "“www.&lt;script&gt;alert(1)&lt;/script&gt;”" in box
    assert "<strong>Summary</strong>, “&lt;B&gt;BOLD&lt;/B&gt; AND LOUD”" in box
