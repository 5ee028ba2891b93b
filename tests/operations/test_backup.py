"""backup_site and restore_site: a round trip keeps every row and every uploaded file, and a
restore refuses (changing nothing) an archive that holds anything a backup would not."""

import gzip
import io
import json
import os
import shutil
import stat
import tarfile
import tracemalloc

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from PIL import Image

from guidance.models import Resource
from operations.backup import backed_up_media, backed_up_models, media_files
from tests.support.factories import (
    make_article,
    make_page,
    make_resource,
    make_stage,
    make_tip_page,
)

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot():
    """Every row of every backed-up model, as plain values, in a stable order."""
    rows = {}
    for model in backed_up_models():
        rows[model._meta.label_lower] = sorted(
            model._base_manager.values_list(), key=lambda row: tuple(map(str, row))
        )
        for field in model._meta.local_many_to_many:
            # A link row's own id means nothing (serialisation stores the links, not their ids;
            # PostgreSQL hands out new ones), so links are compared by the rows they join.
            # Permissions too are compared by name: migrate makes them, with ids that depend on
            # the order it made them in (editorial's roles migration makes some early).
            through = field.remote_field.through
            joined = [
                name
                for f in through._meta.fields
                if not f.primary_key
                for name in (
                    [f"{f.name}__content_type__app_label", f"{f.name}__codename"]
                    if f.related_model is Permission
                    else [f.attname]
                )
            ]
            rows[through._meta.label_lower] = sorted(through.objects.values_list(*joined))
    return rows


def media_snapshot():
    files = {}
    for name in media_files():
        with default_storage.open(name) as handle:
            files[name] = handle.read()
    return files


def empty_database():
    call_command("flush", interactive=False, verbosity=0)
    Group.objects.all().delete()


def empty_site():
    empty_database()
    for name in media_files():
        default_storage.delete(name)


def picture():
    output = io.BytesIO()
    Image.new("RGB", (400, 300), (120, 160, 140)).save(output, format="JPEG")
    return SimpleUploadedFile("photo.jpg", output.getvalue(), content_type="image/jpeg")


def make_full_site():
    """Content of every kind, a picture with its renditions, and a member of staff in a group."""
    stage = make_stage(title="Newborn")
    resource = make_resource(name="Samaritans", serves_scotland=False)
    related = make_article(title="Bonding")
    article = make_article(
        title="Crying “and” soothing ☺",
        body="<h2>Why</h2><p>Babies cry.</p>",
        stages=[stage],
        resources=[resource],
        related=[related],
        sources=[("Harvard", "https://example.org/")],
    )
    article.image, article.image_alt = picture(), "A parent rocking a baby"
    article.save()  # the original and its WebP renditions
    make_tip_page(title="Newborn days", tips=4, stages=[stage])
    make_page(slug="about", title="About")
    editors = Group.objects.create(name="Editors")
    user = User.objects.create_user("editor", password="a-long-password-1234", is_staff=True)
    user.groups.add(editors)


@pytest.fixture
def full_site():
    make_full_site()


def test_backup_and_restore_keep_every_row_and_file(full_site, tmp_path):
    before, files = snapshot(), media_snapshot()
    assert len(files) == 3  # the original and two renditions (it is 400 pixels wide)
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive), verbosity=0)
    empty_site()
    assert snapshot() != before and media_snapshot() == {}

    call_command("restore_site", str(archive), verbosity=0)

    assert snapshot() == before
    assert media_snapshot() == files


def test_a_restored_site_can_take_new_content(full_site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)
    empty_database()
    call_command("restore_site", str(archive), verbosity=0)

    # Sequences were moved on, so a new row does not collide with a restored one.
    make_article(title="Written after the restore")


def test_restore_refuses_a_database_with_content(full_site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)

    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore_site", str(archive), verbosity=0)


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    not_a_backup = tmp_path / "other.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as archive:
        archive.add(__file__, arcname="manifest.json")

    with pytest.raises(CommandError, match="not a Little Voices backup"):
        call_command("restore_site", str(not_a_backup), verbosity=0)


@pytest.mark.parametrize("content", [b"", b"not gzip at all", gzip.compress(b"not a tar")])
def test_restore_refuses_a_damaged_archive(tmp_path, content):
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(content)

    with pytest.raises(CommandError, match="could not be read"):
        call_command("restore_site", str(damaged), verbosity=0)


def test_dry_run_writes_nothing(full_site, tmp_path, settings, capsys):
    settings.VAR_DIR = tmp_path

    call_command("backup_site", dry_run=True)

    assert "Would back up" in capsys.readouterr().out
    assert not (tmp_path / "backups").exists()


def test_backup_goes_to_var_backups_by_default(full_site, tmp_path, settings):
    settings.VAR_DIR = tmp_path

    call_command("backup_site", verbosity=0)

    [archive] = (tmp_path / "backups").glob("littlevoices-*.tar.gz")
    with tarfile.open(archive) as opened:
        names = set(opened.getnames())
    assert {"manifest.json", "data.exactjson"} | {f"media/{n}" for n in backed_up_media()} == names


def test_a_backup_is_readable_only_by_its_owner(full_site, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    previous = os.umask(0o022)
    try:
        call_command("backup_site", verbosity=0)
    finally:
        os.umask(previous)

    [archive] = (tmp_path / "backups").glob("*")
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700


def test_a_backup_to_a_missing_folder_is_a_plain_error(full_site, tmp_path):
    with pytest.raises(CommandError, match="Could not write the backup"):
        call_command("backup_site", str(tmp_path / "missing" / "site.tar.gz"), verbosity=0)

    assert not (tmp_path / "missing").exists()


def test_a_backup_leaves_out_files_our_uploads_never_make(full_site, tmp_path):
    default_storage.save("images/page.html", ContentFile(b"<script>alert(1)</script>"))
    default_storage.save("notes.txt", ContentFile(b"notes"))
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive), verbosity=0)

    with tarfile.open(archive) as opened:
        names = set(opened.getnames())
    assert "media/images/page.html" not in names and "media/notes.txt" not in names
    assert {f"media/{name}" for name in backed_up_media()} <= names


# Refused archives: made from a real backup with one member changed or added.


@pytest.fixture(scope="module")
def full_site_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real backup of the full site, made once for the module: the tests change only copies.

    Made and emptied again outside any test, as this module's transactional tests would: what
    it writes is committed, and its files go to a folder of its own.
    """
    folder = tmp_path_factory.mktemp("backup")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=folder / "media"):
        make_full_site()
        call_command("backup_site", str(folder / "site.tar.gz"), verbosity=0)
        empty_site()
    return folder / "site.tar.gz"


@pytest.fixture
def backup(full_site_backup, tmp_path):
    """A copy of the full site's backup, and a site emptied ready for a restore."""
    archive = tmp_path / "site.tar.gz"
    shutil.copyfile(full_site_backup, archive)
    empty_site()
    return archive


def members(archive):
    with tarfile.open(archive) as opened:
        return [(member, opened.extractfile(member).read()) for member in opened.getmembers()]


def rewrite(archive, changed=None, extra=()):
    """The archive again, with ``changed`` {name: bytes} replaced and ``extra`` members added.

    ``extra`` holds (TarInfo, bytes) pairs; bytes may be None for links and devices.
    """
    changed = changed or {}
    with tarfile.open(archive, "w:gz") as output:
        for member, data in [*members(archive.with_suffix(".orig")), *extra]:
            data = changed.get(member.name, data)
            if data is not None:
                member.size = len(data)
            output.addfile(member, io.BytesIO(data) if data is not None else None)


def crafted(backup, changed=None, extra=()):
    backup.rename(backup.with_suffix(".orig"))
    rewrite(backup, changed, extra)
    return backup


def info(name, kind=tarfile.REGTYPE, linkname=""):
    member = tarfile.TarInfo(name)
    member.type, member.linkname = kind, linkname
    return member


def jpeg():
    output = io.BytesIO()
    Image.new("RGB", (8, 8)).save(output, format="JPEG")
    return output.getvalue()


def assert_nothing_restored():
    assert Resource.objects.count() == 0
    assert User.objects.count() == 0
    assert media_snapshot() == {}


SCRIPT = b"<script>alert(document.cookie)</script>"


@pytest.mark.parametrize(
    ("member", "data"),
    [
        (info("media/images/2026/11/page.html"), SCRIPT),
        (info("media/images/2026/11/app.js"), b"alert(1)"),
        (info("media/images/2026/11/fake.jpg"), SCRIPT),  # a script with a picture's name
        (info("media/notes.txt"), b"notes"),
        (info("media/images/../../config/settings.jpg"), jpeg()),
        (info("media/images/a b.jpg"), jpeg()),
        (info("media/images/.hidden.jpg"), jpeg()),
        (info("media/"), jpeg()),
        (info("extra.json"), b"{}"),
        (info("media/images/link.jpg", tarfile.SYMTYPE, "/etc/passwd"), None),
        (info("media/images/hard.jpg", tarfile.LNKTYPE, "manifest.json"), None),
        (info("media/images/dev.jpg", tarfile.CHRTYPE), None),
        (info("media/images/folder", tarfile.DIRTYPE), None),
        (info("media/images/fifo.jpg", tarfile.FIFOTYPE), None),
        (info("manifest.json"), b'{"format": 1}'),  # twice
    ],
)
def test_restore_refuses_an_archive_with_a_file_a_backup_never_holds(backup, member, data):
    crafted(backup, extra=[(member, data)])

    with pytest.raises(CommandError) as refused:
        call_command("restore_site", str(backup), verbosity=0)

    assert member.name in str(refused.value)
    assert_nothing_restored()


def change_rows(archive, change):
    rows = json.loads(dict((m.name, d) for m, d in members(archive))["data.exactjson"])
    for row in rows:
        change(row)
    return json.dumps(rows).encode()


# Pictures with their sizes, as saved: a picture without them would be opened to measure it.
SIZES = {"image_width": 400, "image_height": 300}


@pytest.mark.parametrize(
    ("model", "values", "match"),
    [
        ("guidance.resource", {"url": "javascript:alert(document.cookie)"}, "url"),
        ("guidance.resource", {"kind": "not-a-kind"}, "kind"),
        ("guidance.article", {"image": "images/2026/11/page.html", **SIZES}, "image"),
        ("guidance.article", {"image": "../../config/settings.py"}, "image|outside"),
        ("auth.user", {"email": "not an address"}, "email"),
    ],
)
def test_restore_refuses_a_row_the_site_would_not_accept(backup, model, values, match):
    def change(row):
        if row["model"] == model:
            row["fields"].update(values)

    crafted(backup, {"data.exactjson": change_rows(backup, change)})

    with pytest.raises(CommandError, match=f"Nothing was restored.*({match})"):
        call_command("restore_site", str(backup), verbosity=0)

    assert_nothing_restored()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{}",
        b"[1, 2]",
        b"[{}",
        b"\xff\xfe not text",
        b"[" * 100_000,
        b'[{"model": "guidance.stage", "pk": 1, "fields": {"title": ' + b"[" * 100_000,
        b'[{"model": "sessions.session", "pk": "x", "fields": {}}]',
        b'[{"model": "no.such", "pk": 1, "fields": {}}]',
    ],
)
def test_restore_refuses_a_data_file_that_is_not_rows(backup, data):
    crafted(backup, {"data.exactjson": data})

    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore_site", str(backup), verbosity=0)

    assert_nothing_restored()


@pytest.mark.parametrize("manifest", [b"[]", b"null", b"\xff", b"[" * 100_000, b'{"format": 2}'])
def test_restore_refuses_a_manifest_that_is_not_ours(backup, manifest):
    crafted(backup, {"manifest.json": manifest})

    with pytest.raises(CommandError, match=r"not a Little Voices backup|Unknown backup format"):
        call_command("restore_site", str(backup), verbosity=0)

    assert_nothing_restored()


def test_restore_refuses_rows_a_backup_never_holds(backup):
    session = {
        "model": "sessions.session",
        "pk": "x" * 32,
        "fields": {"session_data": "e30:1:x", "expire_date": "2099-01-01T00:00:00Z"},
    }
    data = dict((m.name, d) for m, d in members(backup))["data.exactjson"]
    crafted(backup, {"data.exactjson": json.dumps([*json.loads(data), session]).encode()})

    with pytest.raises(CommandError, match="never backed up"):
        call_command("restore_site", str(backup), verbosity=0)

    assert_nothing_restored()


@pytest.mark.parametrize(
    ("setting", "match"),
    [
        ("BACKUP_MAX_FILE_BYTES", "over the limit"),
        ("BACKUP_MAX_DATA_BYTES", "over the limit"),
        ("BACKUP_MAX_TOTAL_BYTES", "add up to more than"),
    ],
)
def test_restore_refuses_an_archive_over_the_size_limits(backup, settings, setting, match):
    setattr(settings, setting, 100)

    with pytest.raises(CommandError, match=match):
        call_command("restore_site", str(backup), verbosity=0)

    assert_nothing_restored()


def test_a_failed_restore_removes_the_files_it_wrote(backup, monkeypatch):
    save = FileSystemStorage.save
    calls = []

    def fails_on_the_second_file(self, name, content, **kwargs):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        return save(self, name, content, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", fails_on_the_second_file)

    with pytest.raises(CommandError, match="disk full"):
        call_command("restore_site", str(backup), verbosity=0)

    assert len(calls) == 2
    assert_nothing_restored()


def test_the_summary_counts_what_was_restored_not_what_the_manifest_says(backup, capsys):
    manifest = json.loads(dict((m.name, d) for m, d in members(backup))["manifest.json"])
    manifest["rows"] = {"guidance.article": 99999}
    manifest["media"] = ["images/x.jpg"] * 500
    crafted(backup, {"manifest.json": json.dumps(manifest).encode()})

    call_command("restore_site", str(backup))

    output = capsys.readouterr().out
    assert "99999" not in output and "500 files" not in output
    rows = sum(model._base_manager.count() for model in backed_up_models())
    assert f"Restored {rows} rows and 3 files" in output


def test_a_data_file_over_the_limit_is_refused_before_it_is_read(backup, settings, tmp_path):
    # 60 MB of rows that compress to almost nothing: without the limit, reading them in takes
    # hundreds of megabytes.
    big = b"[" + b",".join([b'{"model": "guidance.stage", "pk": 1, "fields": {}}'] * 1_200_000)
    crafted(backup, {"data.exactjson": big + b"]"})
    settings.BACKUP_MAX_DATA_BYTES = 10_000_000

    tracemalloc.start()
    try:
        with pytest.raises(CommandError, match="over the limit"):
            call_command("restore_site", str(backup), verbosity=0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 5_000_000


def test_the_data_file_is_read_one_row_at_a_time(backup, settings):
    data = dict((m.name, d) for m, d in members(backup))["data.exactjson"]
    padded = data.replace(b"},", b"}," + b" " * 1_000_000)  # 30 MB or more, mostly white space
    assert len(padded) > 30_000_000
    crafted(backup, {"data.exactjson": padded})
    settings.BACKUP_MAX_DATA_BYTES = 100_000_000

    tracemalloc.start()
    try:
        call_command("restore_site", str(backup), verbosity=0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert User.objects.count() == 1
    assert peak < 10_000_000
