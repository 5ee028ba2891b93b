"""Every public page type in a real Chromium: axe-core, reflow, keyboard, focus and tap targets.

Each test checks one page type in every viewport and colour scheme it names and reports every
problem it finds, not just the first.
"""

import pytest

from tests.support.browser import (
    AXE_TAGS,
    DESCRIBE_JS,
    NARROWEST,
    OVERFLOW_JS,
    PHONE,
    RUN_AXE_JS,
    SCHEMES,
    VIEWPORTS,
    format_violation,
)
from tests.support.pages import BROWSER_PAGE_TYPES

# django_db: pytest-django makes the test database, which the live server reads (see conftest).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGE_TYPES = [page_type.name for page_type in BROWSER_PAGE_TYPES]

DOUBLE_TEXT_JS = "() => { document.documentElement.style.fontSize = '200%'; }"

FOCUSED_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    description: describe(el),
    id: el.id,
    classes: [...el.classList],
    href: el.getAttribute("href"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    visible: rect.width > 1 && rect.height > 1 && rect.bottom > 0 && rect.right > 0
      && rect.top < window.innerHeight && rect.left < window.innerWidth,
  };
}""".replace("() => {", "() => {" + DESCRIBE_JS, 1)

# Targets outside running text (WCAG 2.5.8 exempts links inside a sentence): the header, every
# navigation, buttons, form fields, pills, tags, stage tiles and the footer's link list.
TARGETS = ", ".join(
    [
        "header a",
        "header button",
        "nav a",
        "a.button",
        "button",
        "input:not([type=hidden])",
        "select",
        "textarea",
        "a.tag",
        ".pill-list a",
        ".stage-list a",
        ".site-footer__links a",
    ]
)
SMALL_TARGETS_JS = """selector => {
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest(".visually-hidden") || el.matches(".skip-link:not(:focus)")) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.width < 24 || rect.height < 24) small.push(describe(el));
  }
  return small;
}""".replace("selector => {", "selector => {" + DESCRIBE_JS, 1)

# How many Tab presses the urgent-help link may take (skip link, "Leave this site quickly", site
# name, urgent help), and how many tab stops are checked for a visible focus indicator.
URGENT_HELP_WITHIN = 4
FOCUS_CHECKED_STOPS = 8


def combinations():
    for viewport_name, viewport in VIEWPORTS.items():
        for scheme in SCHEMES:
            yield f"{viewport_name} {scheme}", viewport, scheme


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_axe_violations(visit, axe_source, page_type):
    problems = []
    opened = visit(page_type)
    # Evaluated through the DevTools protocol, so the page's strict CSP (no inline scripts)
    # does not block it, and the page itself is tested as served.
    opened.page.evaluate(axe_source)
    for where, viewport, scheme in combinations():
        opened.show_as(viewport, scheme)
        results = opened.page.evaluate(RUN_AXE_JS, AXE_TAGS)
        assert results["testEngine"]["name"] == "axe-core", results.get("testEngine")
        problems += [
            format_violation(f"{page_type} {opened.url} {where}", violation)
            for violation in results["violations"]
        ]
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_reflows_at_320px_and_with_text_at_200_percent(visit, page_type):
    problems = []
    looks = [(f"320px {scheme}", NARROWEST, scheme, False) for scheme in SCHEMES]
    # A phone's largest text setting: the root font size doubled (through the CSSOM, which
    # the page's CSP allows), at the phone's own width.
    looks.append(("390px text 200%", PHONE, "light", True))
    opened = visit(page_type)
    for where, viewport, scheme, large_text in looks:  # the larger text last: it stays
        opened.show_as(viewport, scheme)
        if large_text:
            opened.page.evaluate(DOUBLE_TEXT_JS)
        overflow = opened.page.evaluate(OVERFLOW_JS)
        if overflow:
            problems.append(
                f"[{page_type} {opened.url} {where}] the page is {overflow['scrollWidth']}px "
                f"wide in a {overflow['limit']}px window; sticking out: "
                + "; ".join(overflow["elements"])
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_keyboard_reaches_skip_link_then_urgent_help_with_visible_focus(visit, page_type):
    problems = []
    for where, viewport, scheme in combinations():
        opened = visit(page_type, viewport, scheme)
        label = f"[{page_type} {opened.url} {where}]"
        stops = []
        for _ in range(FOCUS_CHECKED_STOPS):
            opened.page.keyboard.press("Tab")
            stops.append(opened.page.evaluate(FOCUSED_JS))

        first = stops[0]
        if "skip-link" not in first["classes"] or first["href"] != "#main":
            problems.append(
                f"{label} the first Tab focuses {first['description']}, not the skip link"
            )
        first_few = stops[:URGENT_HELP_WITHIN]
        if not any("urgent-help" in stop["classes"] for stop in first_few):
            problems.append(
                f"{label} the urgent-help link is not within the first {URGENT_HELP_WITHIN} "
                f"Tab presses: {', '.join(stop['description'] for stop in first_few)}"
            )
        for number, stop in enumerate(stops, 1):
            outlined = stop["outlineStyle"] != "none" and stop["outlineWidth"] >= 1
            shadowed = stop["boxShadow"] not in ("", "none")
            if not (outlined or shadowed):
                problems.append(f"{label} Tab {number}: no visible focus on {stop['description']}")
            if not stop["visible"]:
                problems.append(f"{label} Tab {number}: {stop['description']} is off screen")

        opened.page.goto(opened.url)
        opened.page.keyboard.press("Tab")
        opened.page.keyboard.press("Enter")
        focused = opened.page.evaluate(FOCUSED_JS)
        if focused["id"] != "main":
            problems.append(
                f"{label} Enter on the skip link focuses {focused['description']}, not #main"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_tap_targets_are_at_least_24px(visit, page_type):
    problems = []
    opened = visit(page_type)
    for viewport_name, viewport in VIEWPORTS.items():
        opened.show_as(viewport)
        problems += [
            f"[{page_type} {opened.url} {viewport_name}] {target}"
            for target in opened.page.evaluate(SMALL_TARGETS_JS, TARGETS)
        ]
    assert not problems, "tap targets smaller than 24x24 CSS px:\n" + "\n".join(problems)
