"""backup_site and restore_site: a round trip keeps every row and every uploaded file."""

import tarfile

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError

from guidance.backup import backed_up_models
from tests.factories import make_article, make_page, make_resource, make_stage, make_tip_page

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


def empty_database():
    call_command("flush", interactive=False, verbosity=0)
    Group.objects.all().delete()


@pytest.fixture
def full_site():
    stage = make_stage(title="Newborn")
    resource = make_resource(name="Samaritans", serves_scotland=False)
    related = make_article(title="Bonding")
    make_article(
        title="Crying “and” soothing ☺",
        body="<h2>Why</h2><p>Babies cry.</p>",
        stages=[stage],
        resources=[resource],
        related=[related],
        sources=[("Harvard", "https://example.org/")],
    )
    make_tip_page(title="Newborn days", tips=4, stages=[stage])
    make_page(slug="about", title="About")
    editors = Group.objects.create(name="Editors")
    user = User.objects.create_user("editor", password="a-long-password-1234", is_staff=True)
    user.groups.add(editors)
    default_storage.save("images/baby.txt", ContentFile(b"not really a picture"))


def test_backup_and_restore_keep_every_row_and_file(full_site, tmp_path):
    before = snapshot()
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive), verbosity=0)
    empty_database()
    default_storage.delete("images/baby.txt")
    assert snapshot() != before

    call_command("restore_site", str(archive), verbosity=0)

    assert snapshot() == before
    with default_storage.open("images/baby.txt") as restored:
        assert restored.read() == b"not really a picture"


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
        archive.add(__file__, arcname="notes.txt")

    with pytest.raises(CommandError, match="not a Little Voices backup"):
        call_command("restore_site", str(not_a_backup), verbosity=0)


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
    assert {"manifest.json", "data.exactjson", "media/images/baby.txt"} <= names
