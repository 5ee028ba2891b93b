"""Working offline and installing like an app: the manifest, its icons, the service worker at
/sw.js and the offline page (website/offline.py). The worker's behaviour in a real browser is in
tests/browser/test_offline.py."""

import gzip
import io
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.templatetags.static import static
from django.urls import reverse
from PIL import Image

from guidance.models import Nation, Resource, Urgency
from tests.support.markup import assert_public_page, elements, links_to
from website import offline

pytestmark = pytest.mark.usefixtures("world")

ARTICLE = "/guidance/crying-newborn/"  # the world's article


def worker_config(response):
    """The settings the worker is given, read back from its text."""
    body = response.content.decode()
    found = re.search(r"^const CONFIG = (\{.*?\n\});$", body, re.S | re.M)
    assert found, "no CONFIG in the worker"
    return json.loads(found.group(1))


def version_of(response):
    return re.search(r'^const VERSION = "(\w+)";$', response.content.decode(), re.M).group(1)


def test_the_manifest_is_valid_json_and_every_page_links_to_it(client):
    response = client.get(reverse("manifest"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] and data["short_name"]
    assert data["start_url"] == data["scope"] == "/"
    assert data["display"] == "standalone"
    assert data["theme_color"] == data["background_color"] == "#f6f3ee"
    home = client.get("/")
    assert elements(home, "link", rel="manifest", href="/manifest.webmanifest")
    assert elements(client.get(ARTICLE), "link", rel="manifest", href="/manifest.webmanifest")


def test_the_manifest_icons_exist_at_their_sizes_and_one_is_maskable(client):
    icons = json.loads(client.get(reverse("manifest")).content)["icons"]

    assert {icon["purpose"] for icon in icons} == {"any", "maskable"}
    assert {icon["sizes"] for icon in icons if icon["purpose"] == "any"} == {"192x192", "512x512"}
    for icon in icons:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, f"{icon['src']} is not a static file"
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_the_maskable_icon_fills_its_square_and_the_others_are_round():
    with Image.open(finders.find("img/icon-maskable-512.png")) as image:
        assert image.convert("RGBA").getpixel((2, 2))[3] == 255  # the mask decides the shape
    with Image.open(finders.find("img/icon-512.png")) as image:
        assert image.convert("RGBA").getpixel((2, 2))[3] == 0  # a circle, clear corners


def test_the_icon_command_draws_the_committed_icons(settings, tmp_path):
    (tmp_path / "static" / "img").mkdir(parents=True)
    settings.BASE_DIR = tmp_path
    call_command("make_app_icons", stdout=io.StringIO())
    for name in ("icon-192.png", "icon-512.png", "icon-maskable-512.png"):
        with (
            Image.open(tmp_path / "static" / "img" / name) as made,
            Image.open(finders.find(f"img/{name}")) as committed,
        ):
            assert made.size == committed.size
            assert made.convert("RGBA").tobytes() == committed.convert("RGBA").tobytes(), (
                f"{name} is not what make_app_icons draws: run it and commit the PNGs"
            )


def test_the_worker_is_javascript_that_browsers_must_check_before_reusing(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert response["ETag"] == f'"{version_of(response)}"'
    assert "unsafe" not in response["Content-Security-Policy"]
    # Not a page for the page cache: a browser's check comes back as a 304.
    assert "X-Page-Cache" not in response
    again = client.get("/sw.js", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_the_worker_version_stays_the_same_until_something_changes(client):
    assert version_of(client.get("/sw.js")) == version_of(client.get("/sw.js"))


def test_a_new_static_file_name_makes_a_new_worker_version(client, monkeypatch):
    before = version_of(client.get("/sw.js"))
    monkeypatch.setattr(
        offline, "static", lambda name: static(name).replace(".css", ".0123456789ab.css")
    )

    assert version_of(client.get("/sw.js")) != before


def test_a_changed_static_file_with_a_plain_name_makes_a_new_worker_version(
    client, monkeypatch, tmp_path
):
    css = tmp_path / "site.css"
    css.write_text("body { color: black }")
    real_find = finders.find
    monkeypatch.setattr(
        offline.finders, "find", lambda name: css if name == "css/site.css" else real_find(name)
    )
    before = version_of(client.get("/sw.js"))
    css.write_text("body { color: navy }")

    assert version_of(client.get("/sw.js")) != before


def test_a_changed_urgent_line_makes_a_new_worker_version(
    client, django_capture_on_commit_callbacks
):
    before = version_of(client.get("/sw.js"))
    resource = Resource.objects.published().filter(urgency__lte=Urgency.TODAY, phone__gt="").first()
    assert resource is not None
    resource.name = "A renamed helpline"
    with django_capture_on_commit_callbacks(execute=True):
        resource.save()

    assert version_of(client.get("/sw.js")) != before


def test_the_worker_keeps_every_help_page_the_offline_page_and_the_hashed_files(
    client, settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)

    precache = worker_config(client.get("/sw.js"))["precache"]

    assert "/offline/" in precache
    assert "/help/" in precache
    for nation in Nation.values:
        assert f"/help/{nation}/" in precache
    css = [url for url in precache if url.startswith("/static/css/site.")]
    assert len(css) == 1 and re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", css[0])
    # Every script a page loads is kept, under the name the page asks for.
    scripts = [each.get("src") for each in elements(client.get(ARTICLE), "script")]
    assert [src for src in scripts if src] and all(src in precache for src in scripts if src)


def test_the_worker_never_touches_the_staff_pages(client):
    response = client.get("/sw.js")
    config = worker_config(response)
    body = response.content.decode()

    assert config["never"] == [reverse("admin:index")]
    assert reverse("accounts:login").startswith(config["never"][0])
    # Checked before the worker answers anything, and again before it keeps a page.
    assert "isNever(url.pathname)) {\n    return;" in body
    assert "isNever(url.pathname)) return false;" in body
    # Never a page marked private or no-store, nor one with search words.
    assert "!/private|no-store/.test(control)" in body
    assert "q" not in config["parameters"]
    assert config["keep"] == offline.KEEP_PAGES == 30


def test_the_admin_login_page_may_not_be_stored(client):
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_member_of_staff_reading_a_public_page_gets_a_private_copy(client_for):
    staff = client_for("Editor")

    for path in (ARTICLE, "/help/", "/offline/"):
        response = staff.get(path)
        assert response.status_code == 200
        # The worker never keeps a page marked private (see above).
        assert "private" in response["Cache-Control"], path


def test_the_offline_page_shows_the_urgent_numbers_and_passes_the_public_checks(client):
    response = client.get("/offline/")

    assert response.status_code == 200
    assert_public_page(response)
    html = response.content.decode()
    assert "You are offline" in html
    main = html[html.index("<main") : html.index("</main>")]
    assert links_to(main, "tel:999") and links_to(main, "tel:111")
    for nation in Nation:
        assert f'data-nation="{nation.value}"' in main
        assert links_to(main, f"/help/{nation.value}/")
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in html
    # The saved pages are listed by the script; without it the section stays hidden.
    assert elements(response, "section", hidden="")


@pytest.mark.parametrize("path", ["/sw.js", "/offline/", "/manifest.webmanifest"])
@pytest.mark.parametrize(
    "query",
    ["?v=2", "?q=" + "x" * 5000, "?%00=%ff", "?page=-1&stage=<script>"],
    ids=["version", "huge", "bytes", "markup"],
)
def test_odd_query_strings_change_nothing(client, path, query):
    plain = client.get(path)
    odd = client.get(path + query)

    assert odd.status_code == 200
    assert odd.content == plain.content


def test_the_offline_script_is_small(client):
    script = finders.find("js/offline.js")
    with open(script, "rb") as file:
        assert len(gzip.compress(file.read())) <= 5 * 1024
    assert elements(client.get("/"), "script", src="/static/js/offline.js", defer="")
