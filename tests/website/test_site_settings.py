"""The charity's own details: one record, edited by site administrators, shown on every page."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import contentversion
from editorial import roles
from tests.support.formdata import admin_url, form_data
from website.context_processors import site
from website.models import DEFAULT_HOME_HEADING, DEFAULT_QUICK_EXIT_URL, SiteSettings

pytestmark = pytest.mark.django_db


def save_settings(**values):
    record = SiteSettings.load()
    for name, value in values.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    return record


def change_form(client):
    return client.get(admin_url(SiteSettings, "change", SiteSettings.load().pk))


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, len(queries)


# Defaults and the one record ------------------------------------------------------------------


def test_before_anyone_saves_them_pages_show_the_defaults_and_nothing_is_written(client):
    response = client.get("/")

    page = response.content.decode()
    assert DEFAULT_HOME_HEADING.replace("'", "&#x27;") in page
    assert "<title>Little Voices</title>" in page
    assert not SiteSettings.objects.exists()


def test_the_record_is_made_on_demand_with_the_agreed_defaults(settings):
    settings.SITE_NAME = "Little Voices"

    record = SiteSettings.load()

    assert record.charity_name == "Little Voices"
    assert record.charity_number == record.contact_email == record.contact_phone == ""
    assert record.postal_address == ""
    assert record.footer_statement
    assert record.home_heading == DEFAULT_HOME_HEADING
    assert record.quick_exit_url == DEFAULT_QUICK_EXIT_URL == "https://www.bbc.co.uk/weather"


def test_a_deployment_s_own_site_name_is_the_name_until_the_charity_sets_one(settings):
    settings.SITE_NAME = "Small Steps"

    assert SiteSettings.current().name == "Small Steps"
    assert save_settings(charity_name="").name == "Small Steps"
    assert save_settings(charity_name="Tiny Voices Trust").name == "Tiny Voices Trust"


def test_there_is_only_ever_one_record():
    SiteSettings.load()

    SiteSettings(charity_name="Another").save()

    assert SiteSettings.objects.count() == 1
    assert SiteSettings.objects.get().charity_name == "Another"


def test_the_admin_list_goes_straight_to_the_record_making_it_if_need_be(client_for):
    site_admin = client_for(roles.SITE_ADMINISTRATOR)

    response = site_admin.get(admin_url(SiteSettings, "changelist"))

    record = SiteSettings.objects.get()
    assert response.status_code == 302
    assert response["Location"] == admin_url(SiteSettings, "change", record.pk)


def test_the_record_cannot_be_added_again_or_deleted_even_by_a_site_administrator(client_for):
    site_admin = client_for(roles.SITE_ADMINISTRATOR)
    record = SiteSettings.load()

    form = change_form(site_admin)
    added = site_admin.post(admin_url(SiteSettings, "add"), {"charity_name": "Second"})
    deleted = site_admin.post(admin_url(SiteSettings, "delete", record.pk), {"post": "yes"})

    assert not form.context["has_delete_permission"]
    assert (added.status_code, deleted.status_code) == (403, 403)
    assert list(SiteSettings.objects.all()) == [record]


# Who may change them --------------------------------------------------------------------------


def test_a_site_administrator_can_change_the_details(client_for):
    site_admin = client_for(roles.SITE_ADMINISTRATOR)
    data = form_data(change_form(site_admin))

    response = site_admin.post(
        admin_url(SiteSettings, "change", SiteSettings.load().pk),
        {**data, "charity_number": "1234567", "contact_phone": "02079460000"},
    )

    assert response.status_code == 302
    record = SiteSettings.objects.get()
    assert record.charity_number == "1234567"
    assert record.contact_phone == "020 7946 0000"  # kept as a reader writes it


@pytest.mark.parametrize("role", [roles.EDITOR, roles.CLINICAL_REVIEWER, roles.PUBLISHER])
def test_no_other_role_can_change_the_details(client_for, role):
    record = SiteSettings.load()
    data = {"charity_name": "Changed", "home_heading": "Changed", "home_introduction": "Changed"}

    response = client_for(role).post(admin_url(SiteSettings, "change", record.pk), data)

    assert response.status_code == 403
    assert SiteSettings.objects.get().charity_name == record.charity_name


# Validation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_email", "not an e-mail"),
        ("contact_phone", "Call us on 020 7946 0000"),
        ("contact_phone", "020 7946"),
        ("quick_exit_url", "http://www.bbc.co.uk/weather"),
        ("quick_exit_url", "javascript:alert(1)"),
        ("quick_exit_url", "https://localhost/guidance/"),
        ("quick_exit_url", "https://127.0.0.1:8000/"),
        ("quick_exit_url", "https://someone:secret@www.bbc.co.uk/weather"),
        ("quick_exit_url", ""),
        ("home_heading", ""),
    ],
)
def test_details_that_would_not_work_are_refused(field, value):
    record = SiteSettings.load()
    setattr(record, field, value)

    with pytest.raises(ValidationError) as refused:
        record.full_clean()

    assert field in refused.value.message_dict


def test_a_quick_exit_to_the_site_s_own_public_address_is_refused(settings):
    settings.SITE_URL = "https://littlevoices.example.org"
    record = SiteSettings.load()
    record.quick_exit_url = "https://littlevoices.example.org/"

    with pytest.raises(ValidationError, match="another website"):
        record.full_clean()


def test_good_details_are_accepted():
    record = save_settings(
        contact_email="hello@example.org",
        contact_phone="0808 808 8000",
        quick_exit_url="https://www.google.co.uk/",
        charity_number="SC012345",
    )

    assert record.phone_href == "tel:+448088088000"


def test_the_admin_shows_what_is_wrong_and_saves_nothing(client_for):
    site_admin = client_for(roles.SITE_ADMINISTRATOR)
    data = form_data(change_form(site_admin))

    response = site_admin.post(
        admin_url(SiteSettings, "change", SiteSettings.load().pk),
        {**data, "quick_exit_url": "http://example.com/"},
    )

    assert response.status_code == 200
    assert "https://" in str(response.context["adminform"].form.errors["quick_exit_url"])
    assert SiteSettings.objects.get().quick_exit_url == DEFAULT_QUICK_EXIT_URL


# What parents see -----------------------------------------------------------------------------


def test_the_contact_page_shows_the_details_that_are_filled_in_as_links(client):
    save_settings(
        contact_email="hello@example.org",
        contact_phone="020 7946 0000",
        postal_address="1 Example Street\n\nExampletown\nEX1 2AB",
        charity_number="1234567",
    )

    page = client.get("/contact/").content.decode()

    assert 'href="mailto:hello@example.org"' in page
    assert 'href="tel:+442079460000">020 7946 0000</a>' in page
    assert "1 Example Street<br>Exampletown<br>EX1 2AB" in page
    assert "registered charity, number 1234567" in page


def test_the_contact_page_leaves_out_what_is_empty(client):
    save_settings(contact_email="hello@example.org")

    page = client.get("/contact/").content.decode()

    assert "mailto:hello@example.org" in page
    assert "tel:" not in page.split("<main")[1].split("</main>")[0]
    assert "<dt>Post</dt>" not in page


def test_the_contact_page_says_so_when_there_are_no_details_yet(client):
    page = client.get("/contact/").content.decode()

    assert "Our contact details will be here soon." in page
    assert "<address" not in page


def test_every_page_s_footer_shows_the_charity_and_a_contact_link(client):
    save_settings(
        charity_name="Tiny Voices Trust",
        charity_number="1234567",
        footer_statement="We help parents hear what their baby is telling them.",
    )

    for path in ("/", "/guidance/", "/contact/"):
        footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
        assert "We help parents hear what their baby is telling them." in footer, path
        assert "Tiny Voices Trust. Registered charity number 1234567" in footer, path
        assert 'href="/contact/"' in footer, path


def test_page_titles_the_home_page_and_the_feed_use_the_charity_s_name(client):
    save_settings(
        charity_name="Tiny Voices Trust",
        home_heading="Welcome",
        home_introduction="Help for new parents.",
    )

    home = client.get("/").content.decode()
    contact = client.get("/contact/").content.decode()
    feed = client.get("/feed/").content.decode()

    assert "<title>Tiny Voices Trust</title>" in home
    assert '<h1>Welcome</h1>\n  <p class="lead">Help for new parents.</p>' in home
    assert "<title>Contact us \N{EN DASH} Tiny Voices Trust</title>" in contact
    assert "<title>Tiny Voices Trust</title>" in feed


def test_the_feed_falls_back_to_the_site_name(client, settings):
    settings.SITE_NAME = "Small Steps"
    save_settings(charity_name="")

    assert "<title>Small Steps</title>" in client.get("/feed/").content.decode()


# Caching and queries --------------------------------------------------------------------------


def test_a_cached_page_changes_as_soon_as_the_details_are_saved(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    save_settings(home_heading="Before")
    assert "Before" in client.get("/").content.decode()
    assert "Before" in client.get("/").content.decode()  # now from the page cache

    with django_capture_on_commit_callbacks(execute=True):
        save_settings(home_heading="After")

    assert "After" in client.get("/").content.decode()


def test_a_save_in_the_admin_ends_the_content_version(
    client_for, django_capture_on_commit_callbacks
):
    site_admin = client_for(roles.SITE_ADMINISTRATOR)
    data = form_data(change_form(site_admin))
    before = contentversion.content_version()["token"]
    assert SiteSettings.current().name == "Little Voices"

    with django_capture_on_commit_callbacks(execute=True):
        site_admin.post(
            admin_url(SiteSettings, "change", SiteSettings.load().pk),
            {**data, "charity_name": "Tiny Voices Trust"},
        )

    assert contentversion.content_version()["token"] != before
    assert SiteSettings.current().name == "Tiny Voices Trust"


def test_the_details_cost_one_query_per_content_version_not_one_per_page(client, settings):
    settings.PAGE_CACHE = False  # every request renders its page
    save_settings(charity_name="Tiny Voices Trust")
    cache.clear()
    contentversion.content_version()

    _, first = count_queries(client, "/contact/")
    _, again = count_queries(client, "/contact/")

    assert first == again + 1


def test_a_page_from_the_page_cache_costs_no_query(client, settings):
    settings.PAGE_CACHE = True
    client.get("/contact/")

    response, queries = count_queries(client, "/contact/")

    assert queries == 0
    assert "Contact us" in response.content.decode()


def test_pages_that_do_not_show_the_details_do_not_read_them(rf):
    cache.clear()
    contentversion.content_version()

    with CaptureQueriesContext(connection) as unused:
        context = site(rf.get("/admin/"))
    with CaptureQueriesContext(connection) as used:
        name = str(context["site_name"])

    assert len(unused) == 0
    assert len(used) == 1
    assert name == "Little Voices"
