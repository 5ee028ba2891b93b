"""What the browser tests share: where the tools are, the viewports, the transfer budget, a tab
that opens page types, and the JavaScript that reads a page and runs axe-core in it. The page
types are in pages.py."""

from dataclasses import dataclass
from pathlib import Path

from .tools import REPO

CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"

# Headless Debian Chromium that cannot reach anything but this machine: every host name other
# than localhost fails to resolve, so a stray third-party request shows up as an error here.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NARROWEST = {"width": 320, "height": 640}
VIEWPORTS = {"390x844": PHONE, "1280x800": DESKTOP}
SCHEMES = ("light", "dark")

# docs/quality-and-benchmarks.md: total first-visit transfer of an article page, no images, at most
# 45 KB. Every page type is held to the same budget but one: the help page for the whole UK lists
# every service of all four nations (each nation's own page keeps to 45 KB). Counted as sent over
# the wire: headers and the body as encoded. Public pages come compressed (website/compression.py)
# and static files as production sends them: collected, hashed and precompressed, WhiteNoise
# picking Brotli or gzip by the Accept-Encoding Chromium sends (tests/browser/conftest.py).
TRANSFER_BUDGET = 45 * 1024
TRANSFER_BUDGETS = {"help": 56 * 1024}

# Describes an element for a failure message: tag, id, classes, text and size.
DESCRIBE_JS = """
function describe(el) {
  const rect = el.getBoundingClientRect();
  let name = el.tagName.toLowerCase();
  if (el.id) name += "#" + el.id;
  for (const cls of el.classList) name += "." + cls;
  const text = (el.innerText || el.value || el.getAttribute("aria-label") || "")
    .trim().replace(/\\s+/g, " ").slice(0, 40);
  const size = Math.round(rect.width) + "x" + Math.round(rect.height);
  const where = " (" + size + " at x=" + Math.round(rect.left) + ")";
  return name + (text ? ' "' + text + '"' : "") + where;
}
"""

# How many scripts a page has besides quick-exit.js, nation.js, share.js and pack.js (names
# hashed or not): none reads the window's size or colour scheme (nation.js orders nation groups
# once, on load; share.js and pack.js show their buttons once, on load; offline.js registers the
# service worker; saved-pages.js lists saved pages on the offline page once, on load).
# Structured data (application/ld+json) is a data block that never runs.
SCRIPTS_OTHER_THAN_QUICK_EXIT_JS = r"""() => [...document.scripts]
  .filter(script => script.type !== "application/ld+json")
  .filter(script =>
    !/\/js\/(quick-exit|nation|share|pack|offline|feedback|saved-pages)\.(\w+\.)?js$/.test(script.src)
  ).length"""

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN_AXE_JS = "tags => axe.run(document, {runOnly: tags, resultTypes: ['violations']})"

# The innermost elements that stick out past the right (or left) edge of the window.
OVERFLOW_JS = (
    """() => {
  const limit = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= limit) return null;
  const wide = [...document.querySelectorAll("body *")].filter(el => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && (rect.right > limit + 0.5 || rect.left < -0.5);
  });
  const innermost = wide.filter(el => !wide.some(other => other !== el && el.contains(other)));
  return {scrollWidth, limit, elements: innermost.slice(0, 10).map(describe)};
}"""
).replace("() => {", "() => {" + DESCRIBE_JS, 1)


def format_violation(where, violation):
    lines = [f"[{where}] {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        target = " ".join(
            " > ".join(part) if isinstance(part, list) else part for part in node["target"]
        )
        summary = node.get("failureSummary", "").replace("\n", " ").strip()
        lines.append(f"    {target}  — {summary}")
    return "\n".join(lines)


@dataclass
class Visit:
    """A page as opened, with what it asked for and what it logged as errors."""

    page: object
    url: str
    status: int
    requests: list
    console_errors: list

    def show_as(self, viewport, scheme="light"):
        """The same page at another size and colour scheme, without loading it again.

        Public pages run no script of their own that changes what they show (quick-exit.js
        only waits for the exit link or Shift), so the page re-laid out is what a fresh load at
        that size and scheme shows; the check below keeps that true.
        """
        assert not self.page.evaluate(SCRIPTS_OTHER_THAN_QUICK_EXIT_JS), (
            f"{self.url} runs a script: open it afresh at each size instead"
        )
        self.page.set_viewport_size(viewport)
        self.page.emulate_media(color_scheme=scheme)
        return self


class Tab:
    """A tab of its own browser context, opening one page type after another."""

    def __init__(self, browser, live_site):
        self.live_site = live_site
        self.context = browser.new_context(viewport=PHONE, color_scheme="light")
        self.page = self.context.new_page()
        self.requests, self.console_errors = [], []
        self.page.on("request", lambda request: self.requests.append(request))
        self.page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message),
        )
        self.page.on("pageerror", lambda error: self.console_errors.append(error))

    def open(self, page_type, viewport=PHONE, scheme="light"):
        """Open ``page_type`` at that size and colour scheme, as a new visit.

        The tab is resized and its colour scheme switched (the same media emulation as the
        context's ``color_scheme`` option): a fresh renderer per visit would make the suite
        several times slower.
        """
        self.requests, self.console_errors = [], []
        self.page.set_viewport_size(viewport)
        self.page.emulate_media(color_scheme=scheme)
        url = self.live_site.page_url(page_type)
        response = self.page.goto(url, wait_until="load")
        return Visit(self.page, url, response.status, self.requests, self.console_errors)

    def close(self):
        self.context.close()
