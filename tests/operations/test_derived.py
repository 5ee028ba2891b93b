"""``refresh_derived``: rows written without save() are derived as a save would derive them."""

import io

import pytest
from django.core.management import call_command

from guidance.models import Article, Resource
from operations import derived
from search.engine import search_site
from tests.support.factories import make_article, make_resource, make_tip_page
from tips.models import Tip, TipPage

pytestmark = pytest.mark.django_db

PLAIN = "<p>Babies cry. It is how they talk to you. Hold them close and speak softly.</p>"


def refresh(*args):
    out = io.StringIO()
    call_command("refresh_derived", *args, stdout=out)
    return out.getvalue()


def test_pages_measured_before_get_a_reading_age():
    article = make_article(body=PLAIN)
    page = make_tip_page()
    Article.objects.filter(pk=article.pk).update(reading_age=None, word_count=0)
    TipPage.objects.filter(pk=page.pk).update(reading_age=None, word_count=0)

    out = refresh()

    article.refresh_from_db()
    page.refresh_from_db()
    assert article.reading_age is not None and article.word_count > 0
    assert page.reading_age is not None and page.word_count > 0
    assert "Articles: 1 changed." in out and "Tip pages: 1 changed." in out


def test_a_dry_run_counts_and_stores_nothing():
    article = make_article(body=PLAIN)
    Article.objects.filter(pk=article.pk).update(reading_age=None, word_count=0)

    out = refresh("--dry-run")

    article.refresh_from_db()
    assert article.reading_age is None
    assert "Articles: 1 would change." in out


def test_rows_written_raw_are_cleaned_as_a_save_would():
    article = make_article(body=PLAIN)
    resource = make_resource(phone="08088088000")
    tip = Tip.objects.create(page=make_tip_page(), baby_says="Hold me.", try_this="<p>Hug.</p>")
    Article.objects.filter(pk=article.pk).update(
        body="<p onclick='x()'>Hello</p><script>x</script>"
    )
    Resource.objects.filter(pk=resource.pk).update(phone="0808 808 8000 option 2")
    Tip.objects.filter(pk=tip.pk).update(try_this="<p style='color:red'>Hug.</p>")

    refresh()

    article.refresh_from_db()
    resource.refresh_from_db()
    tip.refresh_from_db()
    assert article.body == "<p>Hello</p>"
    assert article.body_text == "Hello"
    assert (resource.phone, resource.phone_note) == ("0808 808 8000", "option 2")
    assert tip.try_this == "<p>Hug.</p>"


def test_deriving_is_not_an_edit():
    article = make_article(body=PLAIN)
    Article.objects.filter(pk=article.pk).update(reading_age=None)
    version, revisions = article.version, article.history.count()

    refresh()

    article.refresh_from_db()
    assert (article.version, article.history.count()) == (version, revisions)


def test_the_search_index_is_rebuilt_from_what_the_rows_say():
    article = make_article(title="Settling", body=PLAIN)
    Article.objects.filter(pk=article.pk).update(title="Swaddling blankets explained")
    assert search_site("swaddling").items == []

    refresh()

    assert [item.obj.pk for item in search_site("swaddling").items] == [article.pk]


def test_parts_are_derived_before_the_pages_made_of_them():
    models = derived.derived_models()
    assert models.index(Tip) < models.index(TipPage)
