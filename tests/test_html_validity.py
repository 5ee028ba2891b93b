"""Every public page type is valid HTML, as the Nu HTML Checker (vnu) sees it.

The checker is the npm package ``vnu-jar`` (``npm ci``), run on the machine's Java. When either is
missing the test is skipped with a message saying what to install, except on CI (``CI=true``),
where it fails instead.
"""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from guidance.models import Article
from tips.models import TipPage
from website.errors import server_error

from .factories import make_article

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[1]
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Page type -> path, status. The article and tip page come from the starter content.
PAGES = {
    "home": ("/", 200),
    "guidance": ("/guidance/", 200),
    "guidance-newborn": ("/guidance/?stage=newborn", 200),
    "guidance-topic-and-stage": ("/guidance/?stage=newborn&topic=sleep", 200),
    "guidance-page-2": ("/guidance/?page=2", 200),
    "guidance-nothing-yet": ("/guidance/?stage=pregnancy&topic=nursery-and-childcare", 200),
    "tips": ("/tips/", 200),
    "help": ("/help/", 200),
    "help-wales": ("/help/?nation=wales", 200),
    "search": ("/search/?q=crying", 200),
    "search-empty": ("/search/?q=", 200),
    "search-no-results": ("/search/?q=zzzzzz", 200),
    "search-crisis": ("/search/?q=i+want+to+hurt+myself", 200),
    "search-corrected": ("/search/?q=postnatel+depresion", 200),
    "search-too-long": ("/search/?q=" + "a" * 201, 400),
    "about": ("/about/", 200),
    "accessibility": ("/accessibility/", 200),
    "privacy": ("/privacy/", 200),
    "not-found": ("/no-such-page/", 404),
}


def missing_tool(message):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true, so this fails rather than skips)", pytrace=False)
    pytest.skip(message)


def vnu_command():
    """The checker's command line, less the files; skips (or fails on CI) when it cannot run."""
    java = shutil.which("java")
    if java is None:
        missing_tool(
            "Java is not installed, so the HTML checker cannot run: "
            "apt-get install default-jre-headless"
        )
    if not VNU_JAR.exists():
        missing_tool(f"The Nu HTML Checker is not installed at {VNU_JAR}: run npm ci in {REPO}")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]


def vnu_messages(command, files):
    """The checker's error messages for ``files``, as dicts (``url``, ``lastLine``, ``message``)."""
    result = subprocess.run(
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"vnu gave no JSON report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return [message for message in report["messages"] if message.get("type") != "info"]


def test_every_public_page_type_is_valid_html(client, tmp_path):
    command = vnu_command()
    call_command("load_starter_content", stdout=io.StringIO())
    # Enough articles for a second page of the list, so the pagination is checked too.
    for number in range(25):
        make_article(title=f"Extra article {number}")
    pages = dict(PAGES)
    article = max(Article.objects.published(), key=lambda article: len(article.body))
    pages["article"] = (article.get_absolute_url(), 200)
    tip_page = max(TipPage.objects.published(), key=lambda tip_page: tip_page.tips.count())
    pages["tip-page"] = (tip_page.get_absolute_url(), 200)

    files = {}
    for page_type, (path, status) in pages.items():
        response = client.get(path)
        assert response.status_code == status, f"{path} answered {response.status_code}"
        files[page_type] = tmp_path / f"{page_type}.html"
        files[page_type].write_bytes(response.content)
    files["server-error"] = tmp_path / "server-error.html"
    files["server-error"].write_bytes(server_error(RequestFactory().get("/")).content)

    messages = vnu_messages(command, files.values())

    problems = []
    for message in messages:
        page_type = Path(message.get("url", "unknown")).stem  # each file is named for its page
        path = pages.get(page_type, ("(the 500 page)",))[0]
        problems.append(
            f"{page_type} {path} line {message.get('lastLine', '?')}: {message['message']}"
            f"\n    {' '.join(message.get('extract', '').split())}"
        )
    assert not problems, "The Nu HTML Checker found errors:\n" + "\n".join(problems)
