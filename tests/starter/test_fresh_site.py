"""``load_starter_content`` on a site where nothing has been loaded yet."""

import pytest

from guidance.models import Page
from tests.support.starter import counts, load

pytestmark = pytest.mark.django_db


def test_an_editors_own_page_with_a_starter_slug_is_left_alone():
    Page.objects.create(slug="about", title="About our charity", body="<p>Ours.</p>")

    load()

    page = Page.objects.get(slug="about")
    assert page.title == "About our charity"
    assert not page.is_starter


def test_dry_run_writes_nothing():
    before = counts()

    output = load("--dry-run")

    assert counts() == before
    assert all(count == 0 for count in before.values())
    assert "Dry run" in output
    assert "Would create" in output
