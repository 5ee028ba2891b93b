"""Search's admin: the report of searches that found little, its CSV, and the word lists."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial import roles
from search.models import CrisisPhrase, MissedSearch, Synonym

pytestmark = pytest.mark.django_db

REPORT = "admin:search_missedsearch_changelist"
CSV = "admin:search_missedsearch_csv"
REMOVE = "admin:search_missedsearch_remove"


def missed(query, days_ago=0, count=1, found=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return MissedSearch.objects.create(query=query, day=day, found=found, count=count)


def report(client, **params):
    response = client.get(reverse(REPORT), params)
    assert response.status_code == 200
    return response


def rows(response):
    return [
        (row["query"], row["times"], row["fewest"], row["last_seen"])
        for row in response.context["page"].object_list
    ]


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def searches():
    missed("colic", days_ago=0, count=2, found=1)
    missed("colic", days_ago=10, count=3, found=0)
    missed("sleep regression", days_ago=3, count=5, found=2)
    missed("anxious dad", days_ago=6, count=1, found=0)
    missed("anxious dad", days_ago=7, count=1, found=0)
    missed("tongue tie", days_ago=40, count=100, found=1)


# The report ---------------------------------------------------------------------------------


def test_the_report_adds_up_the_last_30_days_most_frequent_first(admin_client, searches):
    response = report(admin_client)

    assert response.context["days"] == 30
    assert rows(response) == [
        ("colic", 5, 0, days_ago(0)),
        ("sleep regression", 5, 2, days_ago(3)),
        ("anxious dad", 2, 0, days_ago(6)),
    ]
    assert response.context["total"] == 12
    assert "Searches that found little or nothing" in response.content.decode()


def test_the_last_7_days_are_today_and_the_6_before(admin_client, searches):
    response = report(admin_client, days=7)

    assert rows(response) == [
        ("sleep regression", 5, 2, days_ago(3)),
        ("colic", 2, 1, days_ago(0)),
        ("anxious dad", 1, 0, days_ago(6)),
    ]


def test_the_last_90_days_include_older_searches(admin_client, searches):
    response = report(admin_client, days=90)

    assert [row[:2] for row in rows(response)] == [
        ("tongue tie", 100),
        ("colic", 5),
        ("sleep regression", 5),
        ("anxious dad", 2),
    ]


def test_equal_counts_are_in_alphabetical_order(admin_client):
    for words in ("weaning", "biting", "rash"):
        missed(words, count=4)

    assert [row[0] for row in rows(report(admin_client))] == ["biting", "rash", "weaning"]


@pytest.mark.parametrize("days", ["", "14", "abc", "-7", "0", "7.0", "30 OR 1=1", "9" * 30])
def test_a_period_the_report_does_not_offer_shows_the_last_30_days(admin_client, days):
    missed("colic", days_ago=20)

    response = report(admin_client, days=days)

    assert response.context["days"] == 30
    assert rows(response) == [("colic", 1, 0, days_ago(20))]


def test_the_periods_are_plain_links_and_the_chosen_one_is_marked(admin_client):
    html = report(admin_client, days=7).content.decode()

    assert 'href="?days=30"' in html
    assert 'href="?days=90"' in html
    assert 'href="?days=7"' not in html
    assert '<strong aria-current="page">last 7 days</strong>' in html


def test_an_empty_period_says_so(admin_client):
    missed("colic", days_ago=60)

    html = report(admin_client).content.decode()

    assert "found fewer than three results" in html
    assert "colic" not in html


def test_the_report_is_split_into_pages_of_100(admin_client):
    for n in range(101):
        missed(f"search {n:03}", count=1000 - n)

    first = report(admin_client, days=90)
    second = report(admin_client, days=90, page=2)

    assert len(rows(first)) == 100
    assert rows(second) == [("search 100", 900, 0, days_ago(0))]
    assert 'href="?days=90&amp;page=2"' in first.content.decode()


def test_the_report_is_never_cached(admin_client):
    for response in (report(admin_client), admin_client.get(reverse(CSV))):
        cache_control = response["Cache-Control"]
        assert "private" in cache_control
        assert "no-store" in cache_control


def test_the_words_parents_typed_are_escaped(admin_client):
    missed("<script>alert(1)</script>")

    html = report(admin_client).content.decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_report_has_no_inline_scripts_or_styles(admin_client, searches):
    html = report(admin_client).content.decode()

    assert "style=" not in html
    assert "<style" not in html
    assert "<script>" not in html


# Adding a synonym from the report -------------------------------------------------------------


def test_each_row_links_to_a_new_synonym_for_its_words(admin_client):
    missed("baby & sleep?")

    html = report(admin_client).content.decode()

    link = reverse("admin:search_synonym_add") + "?term=baby+%26+sleep%3F"
    assert f'href="{link}"' in html
    assert "Add a synonym for this" in html


def test_the_synonym_form_starts_with_the_words_from_the_report(admin_client):
    response = admin_client.get(reverse("admin:search_synonym_add"), {"term": "baby & sleep?"})

    assert response.status_code == 200
    assert response.context["adminform"].form.initial["term"] == "baby & sleep?"
    assert 'value="baby &amp; sleep?"' in response.content.decode()


def test_a_synonym_added_from_the_report_is_saved(admin_client):
    response = admin_client.post(
        reverse("admin:search_synonym_add") + "?term=pnd",
        {"term": "pnd", "also_means": "postnatal depression"},
    )

    assert response.status_code == 302
    assert Synonym.objects.get().meanings == ["postnatal depression"]


def test_words_that_already_have_a_synonym_link_to_it_instead(admin_client):
    synonym = Synonym.objects.create(term="PND", also_means="postnatal depression")
    missed("pnd")

    html = report(admin_client).content.decode()

    assert reverse("admin:search_synonym_change", args=[synonym.pk]) in html
    assert "Add a synonym for this" not in html


def test_the_synonym_link_is_only_for_people_who_may_add_one(client_for):
    missed("colic")

    reviewer = report(client_for(roles.CLINICAL_REVIEWER)).content.decode()
    editor = report(client_for(roles.EDITOR)).content.decode()

    assert "colic" in reviewer
    assert "Add a synonym for this" not in reviewer
    assert "Add a synonym for this" in editor


# CSV ------------------------------------------------------------------------------------------


def download(client, **params):
    response = client.get(reverse(CSV), params)
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so Excel reads it as UTF-8
    return response, list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_csv_holds_the_report_s_rows_for_the_period(admin_client, searches):
    response, lines = download(admin_client, days=7)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert f"searches-that-found-little-7-days-to-{days_ago(0)}.csv" in disposition
    assert lines == [
        ["search words", "times", "fewest results", "last seen"],
        ["sleep regression", "5", "2", days_ago(3).isoformat()],
        ["colic", "2", "1", days_ago(0).isoformat()],
        ["anxious dad", "1", "0", days_ago(6).isoformat()],
    ]


def test_the_csv_falls_back_to_30_days_like_the_report(admin_client, searches):
    _response, lines = download(admin_client, days="nonsense")

    assert [line[0] for line in lines[1:]] == ["colic", "sleep regression", "anxious dad"]


@pytest.mark.parametrize(
    ("words", "cell"),
    [
        ("=hyperlink(1)", "'=hyperlink(1)"),
        ("+44 helpline", "'+44 helpline"),
        ("-2 months", "'-2 months"),
        ("@sum(a1)", "'@sum(a1)"),
        ("colic = crying", "colic = crying"),
        ("café", "café"),
    ],
)
def test_the_csv_never_lets_a_spreadsheet_run_a_search_as_a_formula(admin_client, words, cell):
    missed(words)

    _response, lines = download(admin_client)

    assert lines[1][0] == cell


# Who may do what --------------------------------------------------------------------------------


def test_nobody_adds_or_changes_a_count_by_hand(admin_client):
    row = missed("colic")
    change = reverse("admin:search_missedsearch_change", args=[row.pk])

    assert admin_client.get(reverse("admin:search_missedsearch_add")).status_code == 403
    assert admin_client.get(change).status_code == 200  # read only
    posted = admin_client.post(change, {"query": "changed", "day": "2026-01-01", "count": "1"})
    assert posted.status_code == 403
    row.refresh_from_db()
    assert row.query == "colic"


def test_a_site_administrator_can_delete_every_count_of_some_words(admin_client):
    missed("jo bloggs 12 acacia avenue", days_ago=0)
    missed("jo bloggs 12 acacia avenue", days_ago=5)
    missed("colic")
    remove = reverse(REMOVE) + "?query=jo+bloggs+12+acacia+avenue"
    assert f'href="{remove}"' in report(admin_client).content.decode()

    confirm = admin_client.get(remove)
    assert confirm.status_code == 200
    assert MissedSearch.objects.count() == 3
    deleted = admin_client.post(reverse(REMOVE), {"query": "jo bloggs 12 acacia avenue"})

    assert deleted.status_code == 302
    assert deleted["Location"] == reverse(REPORT)
    assert list(MissedSearch.objects.values_list("query", flat=True)) == ["colic"]


def test_a_publisher_cannot_delete_counts(client_for):
    missed("colic")
    publisher = client_for(roles.PUBLISHER)

    html = report(publisher).content.decode()
    refused = publisher.post(reverse(REMOVE), {"query": "colic"})

    assert reverse(REMOVE) not in html
    assert refused.status_code == 403
    assert MissedSearch.objects.exists()


# The word lists ---------------------------------------------------------------------------------


def test_the_crisis_words_list_says_what_they_do(admin_client):
    CrisisPhrase.objects.create(phrase="hurt my baby", note="Starter list", is_starter=True)

    response = admin_client.get(reverse("admin:search_crisisphrase_changelist"), {"q": "hurt"})

    html = response.content.decode()
    assert "hurt my baby" in html
    assert "in danger now" in html


def test_synonyms_can_be_searched_and_filtered(admin_client):
    Synonym.objects.create(term="knackered", also_means="tired, exhaustion", both_ways=False)
    Synonym.objects.create(term="anxious", also_means="anxiety", both_ways=True)
    changelist = reverse("admin:search_synonym_changelist")

    searched = admin_client.get(changelist, {"q": "exhaustion"})
    filtered = admin_client.get(changelist, {"both_ways__exact": "1"})

    assert [s.term for s in searched.context["cl"].result_list] == ["knackered"]
    assert [s.term for s in filtered.context["cl"].result_list] == ["anxious"]
