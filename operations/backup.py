"""
Whole-site backups: every row of the database, in Django's portable JSON, and every uploaded file,
in one ``.tar.gz``. A backup taken on SQLite restores into PostgreSQL and back.

Archive layout::

    manifest.json   what is inside: format version, when, Django version, rows per model
    data.exactjson  ``dumpdata``, ids kept and datetimes to the microsecond (content types
                    and permissions are rebuilt by ``migrate``, so they are left out and
                    referred to by name)
    media/images/…  the uploaded pictures, read and written through Django's storage API

The archive is written readable by its owner only. A restore trusts nothing in it: see
``restore_backup``.
"""

import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import FileField
from django.utils import timezone

from core.uploads import media_type

from . import derived

serializers.register_serializer("exactjson", "operations.serializers")

FORMAT_VERSION = 1
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]
# Rows created by migrations themselves; a freshly migrated database may already hold them.
CREATED_BY_MIGRATIONS = {"auth.group"}
# Far more than a manifest or a site's pictures need; the rest are settings (DJANGO_BACKUP_MAX_*).
MAX_MANIFEST_BYTES = 10_000_000
MAX_MEMBERS = 100_000


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


def backed_up_media():
    """Names of the uploaded files a backup keeps: the pictures our uploads make, nothing else."""
    return [name for name in media_files() if media_type(name)]


def write_backup(path):
    """Write the database and media to the archive at ``path``; return the manifest.

    The archive holds password hashes and two-factor keys, so only its owner may read it: it is
    written to a private temporary file next to ``path`` and renamed only once complete.
    """
    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        data_path = Path(tmp) / "data.exactjson"
        data_path.touch(mode=0o600)
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
        files = backed_up_media()
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "django": django.get_version(),
            "rows": counts,
            "media": files,
        }
        # mkstemp makes the file readable by its owner only (0600), whatever the umask.
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        try:
            with (
                os.fdopen(handle, "wb") as output,
                tarfile.open(fileobj=output, mode="w:gz") as tar,
            ):
                _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
                tar.add(data_path, arcname="data.exactjson")
                for name in files:
                    with default_storage.open(name, "rb") as media:
                        _add_bytes(tar, f"media/{name}", media.read())
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return manifest


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def database_is_empty():
    """True when nothing but what migrations create is in the database."""
    return all(
        count == 0 for label, count in row_counts().items() if label not in CREATED_BY_MIGRATIONS
    )


@dataclass
class Restored:
    manifest: dict
    rows: int
    files: int


def restore_backup(path, *, force=False):
    """Load the archive at ``path`` into this (migrated, empty) database and media storage.

    Nothing in the archive is trusted. Every member is checked (names, types, sizes) while it is
    unpacked into a private temporary folder; every row is checked by its model's own field rules
    as it is loaded, in one transaction; the pictures are written last, and removed again (with
    any file they replaced put back) if anything fails. Returns what was really restored.
    """
    if not force and not database_is_empty():
        raise BackupError(
            "The database already holds content. Restore into an empty, migrated database "
            "(or pass --force to load on top of what is there)."
        )
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        manifest, media = _unpack(path, tmp)
        try:
            with transaction.atomic():
                # Groups made by a migration come back from the backup, with their own rows.
                for label in CREATED_BY_MIGRATIONS:
                    apps.get_model(label)._base_manager.all().delete()
                # The backup holds the revisions: loading rows must not write new ones.
                with history_paused():
                    rows = _load_rows(tmp / "data.exactjson")
                # Rows are loaded raw: derive them, and write the search index (which backups
                # leave out) afresh.
                derived.refresh_all()
                _write_media(media, tmp)
        except (DeserializationError, ValidationError, DatabaseError, UnicodeDecodeError) as error:
            reason = "; ".join(error.messages) if isinstance(error, ValidationError) else error
            raise BackupError(
                f"Nothing was restored: this backup holds data the site cannot accept ({reason})."
            ) from error
    return Restored(manifest, rows, len(media))


def _unpack(path, folder):
    """Check every member of the archive and copy it into ``folder``; nothing else is touched.

    Returns the manifest and the names of the pictures, each saved under ``folder/media``.
    """
    limits = {
        "file": settings.BACKUP_MAX_FILE_BYTES,
        "data": settings.BACKUP_MAX_DATA_BYTES,
        "total": settings.BACKUP_MAX_TOTAL_BYTES,
    }
    seen, media, total = set(), [], 0
    try:
        with tarfile.open(path, "r:gz") as archive:
            # One pass, member by member: a .tar.gz cannot be read out of order cheaply.
            for member in archive:
                name = member.name
                if name in seen:
                    raise BackupError(f"The backup holds {name!r} twice.")
                seen.add(name)
                if len(seen) > MAX_MEMBERS:
                    raise BackupError(f"The backup holds more than {MAX_MEMBERS} files.")
                if not member.isreg():
                    raise BackupError(
                        f"The backup holds {name!r}, which is not a plain file (a link, folder "
                        "or device): a backup made by backup_site never does."
                    )
                if name == "manifest.json":
                    limit, target = MAX_MANIFEST_BYTES, folder / name
                elif name == "data.exactjson":
                    limit, target = limits["data"], folder / name
                elif name.startswith("media/") and media_type(name.removeprefix("media/")):
                    limit, target = limits["file"], folder / name
                    media.append(name.removeprefix("media/"))
                else:
                    raise BackupError(
                        f"The backup holds {name!r}, which is not a file backup_site writes "
                        "(only the manifest, the data and JPEG, PNG or WebP pictures under "
                        "media/images/)."
                    )
                if member.size > limit:
                    raise BackupError(
                        f"{name!r} in the backup is {member.size:,} bytes, over the limit of "
                        f"{limit:,} bytes (see the DJANGO_BACKUP_MAX_* settings)."
                    )
                total += member.size
                if total > limits["total"]:
                    raise BackupError(
                        f"The backup's files add up to more than {limits['total']:,} bytes "
                        "(DJANGO_BACKUP_MAX_TOTAL_BYTES)."
                    )
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as source, target.open("xb") as copy:
                    shutil.copyfileobj(source, copy)
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise BackupError(
            f"This backup could not be read (damaged, or not a .tar.gz): {error}"
        ) from error
    if "manifest.json" not in seen:
        raise BackupError("This is not a Little Voices backup (no readable manifest).")
    manifest = read_manifest(folder / "manifest.json")
    if "data.exactjson" not in seen:
        raise BackupError("This backup has no data file (data.exactjson).")
    for name in media:
        if not _looks_like(folder / "media" / name, media_type(name)):
            raise BackupError(f"media/{name} in the backup is not the picture its name says.")
    return manifest, media


def read_manifest(manifest_path):
    try:
        manifest = json.loads(manifest_path.read_bytes())
    except (ValueError, RecursionError) as error:
        raise BackupError("This is not a Little Voices backup (no readable manifest).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        format_ = manifest.get("format") if isinstance(manifest, dict) else None
        raise BackupError(f"Unknown backup format {format_!r}.")
    return manifest


def _looks_like(file_path, content_type):
    """Does the file start as a file of ``content_type`` does?"""
    with file_path.open("rb") as handle:
        start = handle.read(12)
    if content_type == "image/jpeg":
        return start.startswith(b"\xff\xd8\xff")
    if content_type == "image/png":
        return start.startswith(b"\x89PNG\r\n\x1a\n")
    return start[:4] == b"RIFF" and start[8:12] == b"WEBP"


def _load_rows(data_path):
    """Load the rows as ``loaddata`` does, checking each by its model's own rules first."""
    allowed = {model._meta.label_lower for model in backed_up_models()}
    connection = connections[DEFAULT_DB_ALIAS]
    models, deferred, count = set(), [], 0
    with data_path.open(encoding="utf-8") as data, connection.constraint_checks_disabled():
        objects = serializers.deserialize("exactjson", data, handle_forward_references=True)
        for obj in objects:
            row = obj.object
            if row._meta.label_lower not in allowed:
                raise ValidationError(f"rows of {row._meta.label_lower} are never backed up")
            _check_row(row)
            obj.save()
            models.add(type(row))
            count += 1
            if obj.deferred_fields:
                deferred.append(obj)
        for obj in deferred:
            obj.save_deferred_fields()
    # Constraint checks were off (rows may point forwards), so check every table's links now.
    connection.check_constraints(table_names=[model._meta.db_table for model in models])
    if models:
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    return count


def _check_row(row):
    """Each field's own validation (a web address must be one, a choice one of the choices...).

    Empty values are left alone: code (a migration, a revision) may save a required field empty,
    and an empty value carries nothing harmful. Links to other rows are left to the database's
    constraint check, as they may point forwards.
    """
    errors = {}
    for field in row._meta.fields:
        value = getattr(row, field.attname)
        if field.is_relation or value in field.empty_values:
            continue
        try:
            field.clean(value, row)
        except ValidationError as error:
            errors[field.name] = error.messages
        if isinstance(field, FileField) and not media_type(value.name):
            errors[field.name] = [f"{value.name!r} is not a picture name our uploads make"]
    if errors:
        raise ValidationError(f"{row._meta.label_lower} {row.pk}: {errors}")


def _write_media(names, folder):
    """Save the unpacked pictures; if one fails, undo them all (putting replaced files back)."""
    written, replaced = [], []
    try:
        for name in names:
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as old:
                    kept = folder / "replaced" / name
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    kept.write_bytes(old.read())
                default_storage.delete(name)
                replaced.append(name)
            with (folder / "media" / name).open("rb") as picture:
                saved = default_storage.save(name, File(picture))
            written.append(saved)
            if saved != name:
                raise BackupError(f"Could not save media/{name} under its own name.")
    except BaseException:
        for name in written:
            default_storage.delete(name)
        for name in replaced:
            with (folder / "replaced" / name).open("rb") as kept:
                default_storage.save(name, File(kept))
        raise
