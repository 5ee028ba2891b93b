"""
The content version: what the page cache files pages under, so it is never stale after an edit.

Any change to content (a save, a delete, a change of links, in any content app) throws the
version away once its transaction commits, so the next request renders afresh. A page scheduled
to go live also ends the version at its publish time, and a reviewed page ends it on the day its
review falls overdue (its page then says so), so both show on time with no background worker.
The version lives in Django's cache, which all app servers share when it is Redis (or, on one
machine, the file cache), so an editor's change reaches every worker at once. The page cache
itself is ``website.pagecache``.
"""

import contextlib
import contextvars
import datetime
import functools
import hashlib
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from . import kinds
from .models import Status

VERSION_KEY = "pagecache:version"
# The version the page being rendered is rendered in (see ``rendering_in``), if any.
_rendering_in = contextvars.ContextVar("rendering_in", default=None)
# Models of the content apps that no page shows.
NOT_CONTENT = {"starteritem"}


def content_version():
    """The current version: ``{"token", "changed_at", "next_change"}``, made anew if needed."""
    if (held := _rendering_in.get()) is not None:
        return held
    version = cache.get(VERSION_KEY)
    return version if is_current(version) else renew(version)


@contextlib.contextmanager
def rendering_in(version):
    """Render a page in ``version``: inside the block, ``content_version()`` is ``version``
    without asking the cache again. The page cache reads the version before rendering a public
    page, and the page's parts and the site settings then ask for it up to three more times;
    one version for the whole page is also the consistent answer."""
    token = _rendering_in.set(version)
    try:
        yield
    finally:
        _rendering_in.reset(token)


def release():
    """Which release of the code is serving: a digest of its Python modules, templates and
    translations, and the hash of the collected static files' manifest (empty where static files
    are not hashed, as in development). Kept pages and parts are filed under it as well, so that
    after a deploy no page or part is served that the old code rendered: one that names the old
    stylesheet, or shows what an old template showed, for up to ``PAGE_CACHE_SECONDS``. Where
    static files are served from (``STATIC_URL``) is part of it too."""
    manifest = getattr(staticfiles_storage, "manifest_hash", "") or ""
    return f"{_code_digest()}-{manifest}-{_static_digest(settings.STATIC_URL)}"


@functools.lru_cache(maxsize=4)
def _static_digest(static_url):
    return hashlib.sha256(static_url.encode()).hexdigest()[:8]


# What the code that renders pages is made of, and the folders of the project that are not it.
CODE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".js", ".mo")
NOT_CODE = frozenset({"tests", "docs", "static", "var", "node_modules", "__pycache__"})


@functools.cache
def _code_digest():
    """Worked out once per process (gunicorn's master, before it forks: config/wsgi.py), in
    about 30 ms; a deploy starts new processes. Installed packages (a virtual environment kept
    in the project's folder, under any name) and build leftovers are not read."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in NOT_CODE
            and not name.startswith(".")
            and not name.endswith(".egg-info")
            and not Path(folder, name, "pyvenv.cfg").exists()
        )
        for name in sorted(files):
            if name.endswith(CODE_SUFFIXES):
                path = Path(folder, name)
                digest.update(path.relative_to(base).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def is_current(version):
    """Is ``version`` (as read from the cache, perhaps ``None``) still the current one?"""
    return version is not None and not (
        version["next_change"] and timezone.now() >= version["next_change"]
    )


def renew(ended):
    """
    The version after ``ended`` (``None`` when an edit threw it away). Every worker that finds
    it gone at the same moment must agree on one new version, or each would file its pages under
    its own token and the others would render them again: the first to add one wins. A new
    version is always a new random token, so no copy rendered before it was made can be served.
    """
    if ended is not None:
        current = cache.get(VERSION_KEY)
        if current is not None and current["token"] != ended["token"] and is_current(current):
            return current  # another worker has renewed it already
        cache.delete(VERSION_KEY)
    now = timezone.now()
    version = {"token": uuid.uuid4().hex, "changed_at": now, "next_change": next_change(now)}
    if cache.add(VERSION_KEY, version, None):
        return version
    return cache.get(VERSION_KEY) or version


def next_change(now):
    """When the version must end by itself, with no edit: the sooner of the two below."""
    times = [time for time in (next_scheduled_publish(now), next_review_overdue(now)) if time]
    return min(times, default=None)


def next_scheduled_publish(now):
    """The earliest publish time still to come, over every schedulable kind, or ``None``."""
    return _earliest(kinds.where(schedulable=True), "published_at", "gt", now)


def next_review_overdue(now):
    """
    The start of the next day on which a published page's review date has just passed (its
    page then says it is due for review, see ``ClinicallyReviewed.is_due_for_review``), over
    every reviewed kind, or ``None``.
    """
    due = _earliest(kinds.where(reviewed=True), "next_review_due", "gte", timezone.localdate(now))
    if due is None:
        return None
    overdue_from = due + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(overdue_from, datetime.time.min))


def _earliest(of_kinds, field, lookup, bound):
    """The smallest ``field`` of a published page of ``of_kinds`` that is ``lookup`` (``gt``,
    ``gte``) ``bound``, or ``None``: one query per kind."""
    found = [
        kind.model.objects.filter(
            status=Status.PUBLISHED, **{f"{field}__{lookup}": bound}
        ).aggregate(first=Min(field))["first"]
        for kind in of_kinds
    ]
    return min((value for value in found if value is not None), default=None)


def invalidate():
    """Forget the content version once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def content_changed(sender, **kwargs):
    meta = sender._meta
    if (
        meta.app_label in kinds.content_apps()
        and meta.model_name not in NOT_CONTENT
        and not meta.model_name.startswith("historical")
    ):
        invalidate()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"contentversion-{signal}")
