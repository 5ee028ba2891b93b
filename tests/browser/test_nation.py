"""The nation a parent chose, kept in their browser by static/js/nation.js, puts that nation's
services first; without JavaScript every nation shows and every link works.

Each test opens a browser context of its own, so its choice (localStorage) starts empty and
never reaches another test.
"""

import pytest

from tests.support.browser import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

STORED_JS = "() => window.localStorage.getItem('littlevoices.nation')"
GROUPS_JS = """() => [...document.querySelectorAll('[data-nation-groups] [data-nation]')]
  .map(group => ({nation: group.dataset.nation, hidden: group.hidden}))"""
CRISIS_LINES_JS = """() => [...document.querySelectorAll('.crisis-panel .crisis-line')]
  .map(line => ({name: line.querySelector('.crisis-line__name a').innerText,
                 nations: line.dataset.nations.split(' ')}))"""
HELP_LINKS_JS = """() => [...document.querySelectorAll('[data-help-link]')]
  .map(link => link.getAttribute('href'))"""


@pytest.fixture
def tab(browser, live_site):
    """A new page in a browser context of its own, with ``tab.go(path)`` to open a path."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.go = lambda path: page.goto(live_site.url + path, wait_until="load")
    yield page
    context.close()


@pytest.fixture
def no_script_tab(browser, live_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.go = lambda path: page.goto(live_site.url + path, wait_until="load")
    yield page
    context.close()


def test_opening_scotlands_help_page_puts_scotland_first_at_home(tab):
    tab.go("/help/scotland/")
    tab.go("/")

    groups = tab.evaluate(GROUPS_JS)
    assert groups[0] == {"nation": "scotland", "hidden": False}
    assert all(group["hidden"] for group in groups[1:])
    assert tab.locator(".urgent-help").get_attribute("href") == "/help/scotland/"
    assert set(tab.evaluate(HELP_LINKS_JS)) == {"/help/scotland/"}
    assert tab.locator("[data-nation-chosen]").is_visible()
    assert tab.locator(".nation-group", has_text="NHS 24").is_visible()


def test_the_choice_is_kept_in_local_storage_and_never_in_a_cookie(tab):
    tab.go("/help/scotland/")
    tab.go("/")

    assert tab.evaluate(STORED_JS) == "scotland"
    assert tab.context.cookies() == []


def test_choosing_a_nation_at_home_opens_its_help_page_and_remembers_it(tab):
    tab.go("/")
    tab.locator(".nation-group [data-nation-choose=wales]").click()

    tab.wait_for_url("**/help/wales/")
    assert tab.evaluate(STORED_JS) == "wales"


def test_the_search_crisis_panel_puts_the_chosen_nations_lines_first(tab):
    tab.go("/help/scotland/")
    tab.go("/search/?q=i+cant+cope")

    lines = tab.evaluate(CRISIS_LINES_JS)
    serves = [("scotland" in line["nations"]) for line in lines]
    assert serves == sorted(serves, reverse=True), lines
    assert not all(serves), "every line serves Scotland: nothing to order"
    names = [line["name"] for line in lines]
    assert names.index("NHS 24") < names.index("NHS 111") < names.index("Lifeline")
    assert tab.get_by_role("link", name="More places to get help").get_attribute("href") == (
        "/help/scotland/"
    )


def test_forgetting_the_choice_shows_every_nation_again(tab):
    tab.go("/help/scotland/")
    tab.get_by_role("link", name="Change nation or forget my choice").click()
    tab.wait_for_url("**/help/")

    assert tab.evaluate(STORED_JS) is None
    assert not any(group["hidden"] for group in tab.evaluate(GROUPS_JS))
    assert tab.locator(".urgent-help").get_attribute("href") == "/help/"
    tab.go("/")
    assert [group["nation"] for group in tab.evaluate(GROUPS_JS)] == [
        "england",
        "scotland",
        "wales",
        "northern-ireland",
    ]


def test_without_javascript_every_nation_shows_and_its_link_works(no_script_tab):
    no_script_tab.go("/help/scotland/")
    no_script_tab.go("/")

    for nation in ("England", "Scotland", "Wales", "Northern Ireland"):
        assert no_script_tab.get_by_role("heading", name=nation, exact=True).is_visible()
    assert not no_script_tab.locator("[data-nation-chosen]").is_visible()
    assert no_script_tab.locator(".urgent-help").get_attribute("href") == "/help/"
    no_script_tab.locator(".nation-group [data-nation-choose=northern-ireland]").click()
    no_script_tab.wait_for_url("**/help/northern-ireland/")
    assert no_script_tab.get_by_role("heading", level=1).inner_text() == (
        "Where to get help: Northern Ireland"
    )
