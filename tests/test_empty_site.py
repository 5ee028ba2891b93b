"""A brand-new site, with nothing in it yet: every public page type that names no content loads,
with its skip link, urgent help and main landmark."""

import pytest

from tests.support import pages
from tests.support.markup import assert_public_page

pytestmark = pytest.mark.django_db

NEEDING_NO_CONTENT = [
    page_type
    for page_type in pages.HTML_PAGE_TYPES
    if page_type.status == 200 and not page_type.reads
]


@pytest.mark.parametrize("page_type", pages.params(NEEDING_NO_CONTENT))
def test_public_pages_load_on_an_empty_site(client, page_type):
    response = client.get(page_type.url())

    assert response.status_code == 200
    assert_public_page(response)
