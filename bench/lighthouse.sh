#!/usr/bin/env bash
# Lighthouse scores for the main page types, measured against a throwaway copy of the site.
#
# Starts the site as `make run` does (gunicorn, DEBUG off, plain HTTP on 127.0.0.1, the starter
# content) with its own SQLite database and static files in a temporary folder, runs Lighthouse
# in headless Chromium on each page (mobile, plus desktop for two pages) three times, prints each
# page's median scores and every audit that scored below 1, asks Chromium whether the site can be
# installed as an app, then stops the server and deletes the folder.
#
# Not run by CI: it takes a few minutes and its performance figures depend on the machine.
# Needs Chromium (CHROME_PATH, default /usr/bin/chromium) and Node.js with npm. Lighthouse is
# installed into the temporary folder, never into the project's package.json, unless
# LIGHTHOUSE points at an installed `lighthouse` command.
#
#   bench/lighthouse.sh                    # every page
#   bench/lighthouse.sh /help/ /tips/      # just these pages (mobile)
#   RUNS=1 bench/lighthouse.sh             # one run per page instead of three
#   KEEP=1 bench/lighthouse.sh             # keep the temporary folder and its JSON reports
#
# Environment: PORT (default 8610), RUNS (default 3), CHROME_PATH, LIGHTHOUSE, LIGHTHOUSE_VERSION
# (default 12.8.2).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-8610}"
BASE="http://127.0.0.1:${PORT}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"
PY="${REPO}/.venv/bin/python"
RUNS="${RUNS:-3}"

WORK="$(mktemp -d -t lighthouse.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [[ -n "${SERVER_PID}" ]]; then
        kill "${SERVER_PID}" 2>/dev/null || true
        wait "${SERVER_PID}" 2>/dev/null || true
    fi
    if [[ -n "${KEEP:-}" ]]; then
        echo "Reports kept in ${WORK}"
    else
        rm -rf "${WORK}"
    fi
}
trap cleanup EXIT

# Chromium as the project always runs it headless: nothing beyond 127.0.0.1, no background traffic.
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync --disable-default-apps \
--disable-domain-reliability --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'"

if [[ -z "${LIGHTHOUSE:-}" ]]; then
    echo "Installing lighthouse@${LIGHTHOUSE_VERSION} into ${WORK}/npm"
    npm install --prefix "${WORK}/npm" --no-audit --no-fund --silent "lighthouse@${LIGHTHOUSE_VERSION}"
    LIGHTHOUSE="${WORK}/npm/node_modules/.bin/lighthouse"
fi

export DATABASE_URL="sqlite:///${WORK}/db.sqlite3"
export DJANGO_SECRET_KEY="$("${PY}" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_DEBUG=0 DJANGO_SECURE=0
export DJANGO_VAR_DIR="${WORK}/var" DJANGO_STATIC_ROOT="${WORK}/static" DJANGO_MEDIA_ROOT="${WORK}/media"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_LOG_LEVEL=WARNING
mkdir -p "${WORK}/var" "${WORK}/reports"

cd "${REPO}"
echo "Setting up the site in ${WORK}"
"${PY}" manage.py migrate --noinput -v0
"${PY}" manage.py load_starter_content >/dev/null
"${PY}" manage.py collectstatic --noinput -v0

if curl -s -o /dev/null "${BASE}/"; then
    echo "Something already answers on port ${PORT}: stop it or choose another PORT."
    exit 1
fi
PORT="${PORT}" "${REPO}/.venv/bin/gunicorn" -c gunicorn.conf.py --bind "127.0.0.1:${PORT}" \
    >"${WORK}/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do
    curl -fs -o /dev/null "${BASE}/" && break
    sleep 0.2
done
curl -fs -o /dev/null "${BASE}/" || { echo "The server did not start:"; cat "${WORK}/gunicorn.log"; exit 1; }

# One page of each kind that has one (the first article, tip page and leaflet the site links to).
first_link() { curl -fs "${BASE}$1" | grep -o "href=\"$2[^\"?#]*/\"" | head -1 | cut -d'"' -f2; }
ARTICLE="$(first_link /guidance/ '/guidance/[a-z0-9-]')"
TIP_PAGE="$(first_link /tips/ '/tips/[a-z0-9-]')"

if [[ $# -gt 0 ]]; then
    MOBILE=("$@")
    DESKTOP=()
else
    MOBILE=(/ /guidance/ "${ARTICLE}" /tips/ "${TIP_PAGE}" /help/ /help/scotland/
        "/search/?q=crying" /offline/ /about/ "${ARTICLE}leaflet/")
    DESKTOP=(/ "${ARTICLE}")
fi

run() {
    local form="$1" path="$2" i attempt name preset=()
    [[ "${form}" == desktop ]] && preset=(--preset=desktop)
    for ((i = 1; i <= RUNS; i++)); do
        name="$(echo "${form}${path}" | tr -c 'a-zA-Z0-9\n' '_')-${i}"
        # A first request warms the page cache, as it mostly is in production; the browser's own
        # cache starts empty on every run, as on a reader's first visit.
        curl -fs -o /dev/null "${BASE}${path}"
        # Lighthouse now and then fails to record a trace on a busy machine: try once more.
        for attempt in 1 2; do
            "${LIGHTHOUSE}" "${BASE}${path}" "${preset[@]}" --quiet --output=json \
                --output-path="${WORK}/reports/${name}.json" \
                --only-categories=performance,accessibility,best-practices,seo \
                --chrome-flags="${CHROME_FLAGS}" && break
            rm -f "${WORK}/reports/${name}.json"
            echo "Lighthouse failed on ${form} ${path} (attempt ${attempt})"
        done
    done
}

for path in "${MOBILE[@]}"; do run mobile "${path}"; done
for path in "${DESKTOP[@]}"; do run desktop "${path}"; done

"${PY}" - "${WORK}/reports" "${RUNS}" <<'PYTHON'
"""Print each page's median scores over its runs, and the audits that did not pass in some run."""
import json
import statistics
import sys
from pathlib import Path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
runs = int(sys.argv[2])
scores, failures, report = {}, {}, None
for report_path in sorted(Path(sys.argv[1]).glob("*.json"), key=lambda p: p.stat().st_mtime):
    report = json.loads(report_path.read_text())
    key = (report["configSettings"]["formFactor"], "/" + report["finalDisplayedUrl"].split("/", 3)[3])
    for category in CATEGORIES:
        score = report["categories"][category]["score"]
        if score is not None:
            scores.setdefault(key, {}).setdefault(category, []).append(score * 100)
    # Every audit that counts towards a score (in Performance, only the weighted metrics).
    counted = {ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
               if ref["weight"] > 0 or c != "performance"}
    for audit in report["audits"].values():
        score, mode = audit.get("score"), audit.get("scoreDisplayMode")
        if audit["id"] in counted and mode in ("binary", "numeric", "metricSavings") and score is not None and score < 1:
            pages = failures.setdefault(f"{audit['id']}: {audit['title']}", {})
            pages[key] = pages.get(key, 0) + 1

if report is None:
    sys.exit("No Lighthouse reports")
print(f"\nLighthouse {report['lighthouseVersion']}, {report['environment']['hostUserAgent'].split(') ')[-1]}, "
      f"median of {runs} run(s) per page")
print(f"{'form':8} {'page':52} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}")
for (form, page), by_category in scores.items():
    cells = [round(statistics.median(by_category[c])) if c in by_category else "-" for c in CATEGORIES]
    print(f"{form:8} {page:52} " + " ".join(f"{cell:>4}" for cell in cells))
if failures:
    print("\nAudits below 1 (in how many runs):")
    for audit, pages in sorted(failures.items()):
        print(f"  {audit}\n      " + ", ".join(f"{form} {page} ({n}/{runs})" for (form, page), n in pages.items()))
PYTHON

# Lighthouse 12 no longer checks that the site can be installed, so ask Chromium directly. It
# needs a profile on disk (Chromium never offers to install from an incognito window), and
# Playwright for Python, which the test extras install.
"${PY}" - "${BASE}" "${WORK}/profile" <<'PYTHON' 2>"${WORK}/installable.log" \
    || echo "Installability not checked (is Playwright installed?): see ${WORK}/installable.log (KEEP=1)"
"""Print what Chromium says stops the home page from being installed as an app."""
import sys
import time

from playwright.sync_api import sync_playwright

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

base, profile = sys.argv[1:]
with sync_playwright() as playwright:
    browser = playwright.chromium.launch_persistent_context(
        profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    page = browser.new_page()
    page.goto(base + "/", wait_until="load")
    # The service worker is registered once the page has loaded; then look again as a return visit.
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload(wait_until="load")
    time.sleep(1)
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    manifest = cdp.send("Page.getAppManifest")
    browser.close()
print(f"\nInstallable (Chromium's own check): {'yes' if not errors else 'no'}")
for error in errors + manifest.get("errors", []):
    print(f"  {error}")
PYTHON
