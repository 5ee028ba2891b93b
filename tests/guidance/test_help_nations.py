"""Help that fits the UK nation a parent lives in, with every page the same for every visitor.

The server never knows a parent's nation: each nation has its own help page, and pages that
show urgent lines show every nation's, grouped (static/js/nation.js orders them in the browser).
Read from the starter content, whose urgent lines differ in each nation.
"""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from guidance.models import Nation
from tests.support.markup import elements, links_to

NATION_PAGES = {
    "england": "Where to get help: England",
    "scotland": "Where to get help: Scotland",
    "wales": "Where to get help: Wales",
    "northern-ireland": "Where to get help: Northern Ireland",
}

# The urgent-advice line a parent in each nation should see in that nation's group.
URGENT_LINE = {
    "england": "NHS 111",
    "scotland": "NHS 24",
    "wales": "NHS 111 Wales",
    "northern-ireland": "GP out-of-hours (Northern Ireland)",
}

# A group ends with its link to the nation's help page.
GROUP = re.compile(r'<li class="nation-group" data-nation="([a-z-]+)">(.*?</p>)\s*</li>', re.S)


def nation_groups(response):
    """``{nation: the group's HTML}`` from a page's urgent lines by nation."""
    return dict(GROUP.findall(response.content.decode()))


@pytest.mark.parametrize("nation", list(NATION_PAGES))
def test_each_nation_has_its_own_help_page(client, starter, nation):
    response = client.get(f"/help/{nation}/")

    assert response.status_code == 200
    assertContains(response, NATION_PAGES[nation])
    assertContains(response, URGENT_LINE[nation])
    # Opening it is how the script learns the parent's choice.
    assert elements(response, "h1", **{"data-nation-page": nation})


def test_a_nation_page_leaves_out_other_nations_lines(client, starter):
    response = client.get("/help/scotland/")

    assertContains(response, "NHS 24")
    assertContains(response, "Breathing Space")
    assertNotContains(response, "NHS 111 Wales")
    assertNotContains(response, "Lifeline")


def test_the_nation_chooser_is_plain_links_with_a_way_to_forget(client, starter):
    response = client.get("/help/wales/")

    for nation in Nation:
        assert links_to(response, f"/help/{nation.value}/", **{"data-nation-choose": nation.value})
    assert links_to(response, "/help/", **{"data-nation-forget": ""})
    assert links_to(response, "/help/wales/", **{"aria-current": "true"})


@pytest.mark.parametrize("nation", list(NATION_PAGES))
def test_old_nation_links_move_for_good_to_the_nation_page(client, starter, nation):
    response = client.get(f"/help/?nation={nation}&utm_source=leaflet")

    assert response.status_code == 301
    assert response["Location"] == f"/help/{nation}/"


@pytest.mark.parametrize("url", ["/help/?nation=atlantis", "/help/atlantis/", "/help/WALES/"])
def test_an_unknown_nation_is_not_found(client, starter, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/", "/help/"])
def test_with_no_choice_every_nation_has_its_urgent_line(client, starter, url):
    response = client.get(url)
    groups = nation_groups(response)

    assert list(groups) == [nation.value for nation in Nation]
    for nation, line in URGENT_LINE.items():
        assert line in groups[nation], nation
        assert f'href="/help/{nation}/"' in groups[nation], nation
    # 999 is the same everywhere, so it is shown once, not in each nation's group.
    assertContains(response, "Emergency: 999 or A&amp;E")
    assert all("tel:999" not in group for group in groups.values())


def test_the_home_page_never_gives_one_nations_line_as_everyones(client, starter):
    groups = nation_groups(client.get("/"))

    assert "NHS 111" not in groups["scotland"]
    assert "NHS 24" not in groups["england"]
    assert "111" not in groups["northern-ireland"]
    assert "tel:111" in groups["scotland"]
    assert "tel:111" in groups["wales"]


@pytest.mark.parametrize("url", ["/", "/help/", "/help/scotland/", "/search/?q=i+cant+cope"])
def test_pages_with_nation_parts_are_the_same_for_every_visitor(client, starter, url):
    first = client.get(url)
    client.cookies.clear()
    second = client.get(url, headers={"accept-language": "cy", "user-agent": "another phone"})

    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    for response in (first, second):
        assert "Set-Cookie" not in response
        assert "cookie" not in response.get("Vary", "").lower()


@pytest.mark.parametrize("url", ["/", "/help/", "/help/wales/"])
def test_help_links_and_the_script_are_on_every_page(client, starter, url):
    response = client.get(url)

    assert links_to(response, "/help/", class_="urgent-help", **{"data-help-link": ""})
    assert elements(response, "script", src="/static/js/nation.js", defer="")


def test_the_crisis_panel_says_which_nations_each_line_serves(client, starter):
    response = client.get("/search/?q=i+cant+cope")

    assert elements(response, "ul", class_="crisis-lines", **{"data-nation-order": ""})
    assert elements(response, "li", class_="crisis-line", **{"data-nations": "scotland"})
    assert elements(
        response,
        "li",
        class_="crisis-line",
        **{"data-nations": "england scotland wales northern-ireland"},
    )
