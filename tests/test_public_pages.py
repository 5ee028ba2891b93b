"""Every public page type of the test world (tests/support/world.py) answers as it should, and
every HTML one offers a skip link, urgent help and a main landmark."""

import pytest

from tests.support import pages
from tests.support.markup import assert_public_page


@pytest.mark.parametrize("page_type", pages.params(pages.HTML_PAGE_TYPES))
def test_public_page_loads_with_skip_link_and_urgent_help(client, world, page_type):
    response = client.get(page_type.url(world))

    assert response.status_code == page_type.status
    assert response["Content-Type"].startswith("text/html")
    assert_public_page(response)


@pytest.mark.parametrize("page_type", pages.params())
def test_every_page_type_answers_with_its_status_and_type(client, world, page_type):
    response = client.get(page_type.url(world))

    assert response.status_code == page_type.status
    assert response["Content-Type"].startswith(page_type.content_type)
