"""The load test's editor: content changes every few seconds, and unpublished pages go at once."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.models import Status
from guidance.models import Article
from tests.support.factories import make_article


def publish(live_server, **options):
    port = int(live_server.url.rsplit(":", 1)[1])
    out = StringIO()
    call_command("publish_during_load", port=port, stdout=out, **options)
    ready, done = out.getvalue().splitlines()
    assert ready == "ready"
    return json.loads(done)


def test_changes_content_and_checks_an_unpublished_page_is_gone_at_once(live_server):
    edited = make_article(slug="bench-article-00002", summary="Under load.")
    toggled = make_article(slug="bench-article-00001", title="Taken off and back")

    done = publish(live_server, every=0.1, duration=0.45, article=edited.slug)

    assert done == {"changes": 4, "checks": 2, "stale": []}
    edited.refresh_from_db()
    assert edited.summary == "Under load. (change 2)"
    toggled.refresh_from_db()
    assert toggled.status == Status.PUBLISHED


@pytest.mark.django_db
def test_refuses_an_article_that_does_not_exist():
    with pytest.raises(CommandError, match="No article"):
        call_command(
            "publish_during_load", port=1, every=1, duration=1, article="nothing", stdout=StringIO()
        )
    assert not Article.objects.exists()
