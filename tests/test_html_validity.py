"""Every public page type is valid HTML, as the Nu HTML Checker (vnu) sees it.

The pages are those of the starter content, for realistic text on every page type, and every
HTML page type is checked, its variants too. The checker is the npm package ``vnu-jar`` (``npm
ci``), run on the machine's Java. When either is missing the test is skipped with a message saying
what to install, except on CI (``CI=true``), where it fails instead.
"""

from pathlib import Path

from django.test import RequestFactory

from guidance.models import Page
from tests.support import pages
from tests.support.factories import make_article
from tests.support.vnu import vnu_command, vnu_messages
from website.errors import server_error


def pages_to_check(starter):
    """Page type -> (path, status): every HTML page type, and each starter simple page."""
    checked = {
        page_type.name: (page_type.url(starter), page_type.status)
        for page_type in pages.HTML_PAGE_TYPES
    }
    for simple_page in Page.objects.published().exclude(pk=starter.page.pk):
        checked[f"simple-page-{simple_page.slug}"] = (simple_page.get_absolute_url(), 200)
    return checked


def test_every_public_page_type_is_valid_html(client, starter, tmp_path):
    command = vnu_command()
    # Enough articles for a second page of the list, so the pagination is checked too.
    for number in range(25):
        make_article(title=f"Extra article {number}")
    checked = pages_to_check(starter)

    files = {}
    for page_type, (path, status) in checked.items():
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
        path = checked.get(page_type, ("(the 500 page)",))[0]
        problems.append(
            f"{page_type} {path} line {message.get('lastLine', '?')}: {message['message']}"
            f"\n    {' '.join(message.get('extract', '').split())}"
        )
    assert not problems, "The Nu HTML Checker found errors:\n" + "\n".join(problems)
