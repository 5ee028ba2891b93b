"""
Whole-site backups: every row of the database, in Django's portable JSON, and every uploaded file,
in one ``.tar.gz``. A backup taken on SQLite restores into PostgreSQL and back.

Archive layout::

    manifest.json   what is inside: format version, when, Django version, rows per model
    data.exactjson  ``dumpdata``, ids kept and datetimes to the microsecond (content types
                    and permissions are rebuilt by ``migrate``, so they are left out and
                    referred to by name)
    media/...       the uploaded files, read and written through Django's storage API
"""

import io
import json
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from . import searchindex

serializers.register_serializer("exactjson", "guidance.serializers")

FORMAT_VERSION = 1
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]
# Rows created by migrations themselves; a freshly migrated database may already hold them.
CREATED_BY_MIGRATIONS = {"auth.group"}


class BackupError(Exception):
    pass


@contextmanager
def history_paused():
    """Stop django-simple-history recording revisions (it reads this setting on every save)."""
    previous = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = previous


def backed_up_models():
    excluded = {label.lower() for label in EXCLUDED}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in excluded and model._meta.label_lower not in excluded
    ]


def row_counts():
    return {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}


def media_files(storage=default_storage, folder=""):
    """Every file name under ``folder`` in ``storage``, recursively."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from media_files(storage, f"{folder}/{sub}" if folder else sub)


def write_backup(path):
    """Write the database and media to the archive at ``path``; return the manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        data_path = Path(tmp) / "data.exactjson"
        with transaction.atomic():  # one consistent snapshot
            call_command(
                "dumpdata",
                # Content types and permissions by name (migrate rebuilds them with other ids);
                # every other row keeps its own id, so links and short links stay the same.
                natural_foreign=True,
                exclude=EXCLUDED,
                format="exactjson",
                output=str(data_path),
                verbosity=0,
            )
            counts = row_counts()
        files = list(media_files())
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "django": django.get_version(),
            "rows": counts,
            "media": files,
        }
        with tarfile.open(path, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
            archive.add(data_path, arcname="data.exactjson")
            for name in files:
                with default_storage.open(name, "rb") as handle:
                    _add_bytes(archive, f"media/{name}", handle.read())
    return manifest


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def read_manifest(archive):
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("This is not a Little Voices backup (no readable manifest).") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def database_is_empty():
    """True when nothing but what migrations create is in the database."""
    return all(
        count == 0 for label, count in row_counts().items() if label not in CREATED_BY_MIGRATIONS
    )


def restore_backup(path, *, force=False):
    """Load the archive at ``path`` into this (migrated, empty) database and media storage."""
    if not force and not database_is_empty():
        raise BackupError(
            "The database already holds content. Restore into an empty, migrated database "
            "(or pass --force to load on top of what is there)."
        )
    with tarfile.open(path, "r:gz") as archive:
        manifest = read_manifest(archive)
        with tempfile.TemporaryDirectory() as tmp:
            data_path = Path(tmp) / "data.exactjson"
            data_path.write_bytes(archive.extractfile("data.exactjson").read())
            with transaction.atomic():
                # Groups made by a migration come back from the backup, with their own rows.
                for label in CREATED_BY_MIGRATIONS:
                    apps.get_model(label)._base_manager.all().delete()
                # The backup holds the revisions: loading rows must not write new ones.
                with history_paused():
                    call_command("loaddata", str(data_path), verbosity=0)
                # Search documents are derived, so backups leave them out: write them afresh.
                searchindex.rebuild()
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith("media/"):
                continue
            name = str(PurePosixPath(member.name).relative_to("media"))
            if ".." in PurePosixPath(name).parts or name.startswith("/"):
                raise BackupError(f"Refusing an unsafe file name in the backup: {member.name}")
            if default_storage.exists(name):
                default_storage.delete(name)
            default_storage.save(name, ContentFile(archive.extractfile(member).read()))
    return manifest
