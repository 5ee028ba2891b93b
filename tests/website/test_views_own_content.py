"""robots.txt and the feed's order, on a site holding only what each test makes."""

import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains

from tests.support.factories import make_article, make_tip_page

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assertContains(response, "User-agent: *")
    assertContains(response, "Disallow: /admin/")
    assertContains(response, "Sitemap: http://testserver/sitemap.xml")


def test_feed_puts_the_newest_item_first(client):
    now = timezone.now()
    make_article(title="Older article", published_at=now - datetime.timedelta(days=2))
    make_tip_page(title="Newest tips", published_at=now - datetime.timedelta(hours=1))
    make_article(title="Middle article", published_at=now - datetime.timedelta(days=1))

    content = client.get("/feed/").content.decode()

    assert content.index("Newest tips") < content.index("Middle article")
    assert content.index("Middle article") < content.index("Older article")
