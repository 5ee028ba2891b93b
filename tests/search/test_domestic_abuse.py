"""
A parent who is not safe at home, searching in their own words, on a new site with the starter
content: the danger panel opens with each nation's domestic abuse helpline and the Silent
Solution, and the page about domestic abuse is among the results.
"""

import pytest
from django.urls import reverse

from search.engine import search_site

URL = reverse("search:search")
HELPLINES = {
    "england": "national-domestic-abuse-helpline",
    "scotland": "scotland-domestic-abuse-helpline",
    "wales": "live-fear-free",
    "northern-ireland": "domestic-and-sexual-abuse-helpline",
}
ARTICLE = "if-you-do-not-feel-safe-at-home"


def panel_slugs(results):
    return [resource.slug for resource in results.crisis_resources]


@pytest.mark.parametrize(
    "query",
    [
        "my partner hurts me",
        "My partner hurts me!",
        "scared of my partner",
        "domestic abuse",
        "Domestic Violence",
        "partner hits me",
        "not safe at home",
        "i don't feel safe at home",
        "controlling partner",
        "DV",
        "abusive relationship",
        "coercive control",
    ],
)
def test_a_search_about_abuse_at_home_opens_with_the_domestic_abuse_lines(starter, query):
    results = search_site(query)

    assert results.crisis
    panel = panel_slugs(results)
    assert set(HELPLINES.values()) | {"silent-solution", "emergency"} <= set(panel)
    assert ARTICLE in [item.obj.slug for item in results.items[:5]]


def test_the_silent_solution_comes_straight_after_999(starter):
    panel = panel_slugs(search_site("my partner hurts me"))

    assert panel[:2] == ["emergency", "silent-solution"]


@pytest.mark.parametrize("nation", HELPLINES)
def test_a_parent_who_chose_a_nation_sees_only_that_nations_domestic_abuse_line(starter, nation):
    panel = set(panel_slugs(search_site("my partner hurts me", nation=nation)))

    assert panel & set(HELPLINES.values()) == {HELPLINES[nation]}
    assert "silent-solution" in panel


def test_the_search_page_gives_each_domestic_abuse_line_a_call_button(starter, client):
    html = client.get(URL, {"q": "my partner hurts me"}).content.decode()
    panel = html[html.index("crisis-panel") : html.index("</section>", html.index("crisis-panel"))]

    for number in ("+448082000247", "+448000271234", "+448088010800", "+448088021414"):
        assert f'href="tel:{number}"' in panel
    assert 'href="sms:+447860077333"' in panel
    assert "Silent Solution" in panel


@pytest.mark.parametrize(
    "query",
    [
        "my partner is struggling since the baby was born",
        "sharing night feeds with my partner",
        "home start",
    ],
)
def test_everyday_searches_about_partners_and_home_are_not_crisis(starter, query):
    assert not search_site(query).crisis
