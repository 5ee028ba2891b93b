"""What the browser tests share: where the tools are, the viewports, the page types, and the
JavaScript that reads a page."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
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

# Every public page type; the article and tip page are picked from the starter content.
PAGE_TYPES = {
    "home": "/",
    "guidance": "/guidance/",
    "guidance-newborn": "/guidance/?stage=newborn",
    "article": None,
    "tips": "/tips/",
    "tip-page": None,
    "help": "/help/",
    "help-wales": "/help/?nation=wales",
    "search": "/search/?q=crying",
    "search-crisis": "/search/?q=i+cant+cope",
    "search-corrected": "/search/?q=postnatel+depresion",
    "search-nothing": "/search/?q=xylophone",
    "search-empty": "/search/?q=",
    "about": "/about/",
    "not-found": "/no-such-page/",
}

# docs/quality-and-benchmarks.md: total first-visit transfer of an article page, no images, at most
# 45 KB. Every page type is held to the same budget.
TRANSFER_BUDGET = 45 * 1024

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
