"""The reading age in the admin: shown on the form and in the lists, warned about on save."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.readability import (
    HIGHEST_READING_AGE,
    LOWEST_READING_AGE,
)
from tests.support.factories import make_article, make_tip_page
from tests.support.formdata import change_url, form_data
from tests.support.texts import HARD, LONG_LIST_OF_SHORT_ITEMS, ONE_LONG_WORD, PLAIN

pytestmark = pytest.mark.django_db


def test_change_form_shows_reading_age_and_word_count(admin_client):
    article = make_article(body=PLAIN)
    article.refresh_from_db()

    response = admin_client.get(reverse("admin:guidance_article_change", args=[article.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Plain English" in content
    assert f"{article.reading_age} (target: 11 or under), {article.word_count} words" in content


def _post_article(client, article, body):
    """Change the body in the admin form, as an editor would, and save and continue editing."""
    url = change_url(article)
    data = form_data(client.get(url))
    data.update({"body": body, "_continue": "1"})
    return client.post(url, data, follow=True)


def test_saving_a_hard_page_warns_that_the_reading_age_is_above_target(admin_client, settings):
    settings.READING_AGE_TARGET = Decimal(11)
    article = make_article(body=PLAIN)

    response = _post_article(admin_client, article, HARD)

    article.refresh_from_db()
    assert article.reading_age > 11
    warning = (
        f"Reading age {article.reading_age} is above the target of 11: try shorter sentences "
        "and everyday words."
    )
    assert warning in response.content.decode().replace("&#x27;", "'")


def test_saving_a_plain_page_gives_no_reading_age_warning(admin_client):
    article = make_article(body=HARD)

    response = _post_article(admin_client, article, PLAIN)

    assert response.status_code == 200
    assert "is above the target" not in response.content.decode()


def test_changelists_show_a_reading_age_column(admin_client):
    make_article(title="Hard article", body=HARD)
    make_tip_page(title="Plain tips")

    for model in ("guidance_article", "tips_tippage"):
        response = admin_client.get(reverse(f"admin:{model}_changelist"))
        assert "column-reading_age_column" in response.content.decode()
    response = admin_client.get(reverse("admin:guidance_article_changelist"))
    assert "(above target)" in response.content.decode()


@pytest.mark.parametrize(
    ("body", "lowest", "highest"),
    [
        (ONE_LONG_WORD, HIGHEST_READING_AGE, HIGHEST_READING_AGE),
        (LONG_LIST_OF_SHORT_ITEMS, LOWEST_READING_AGE, Decimal(9)),
    ],
)
def test_any_body_saves_through_the_admin_with_a_sensible_reading_age(
    admin_client, body, lowest, highest
):
    """These once overflowed the reading age field: a database error, and a 500, on save."""
    article = make_article(body=PLAIN)

    response = _post_article(admin_client, article, body)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.body == body
    assert lowest <= article.reading_age <= highest
