"""
A page cache for anonymous readers that is never stale after an edit.

Every cached page is filed under the current *content version*. Any change to content (save,
delete, or a change of links, in any app) throws the version away once its transaction commits,
so the next request renders afresh. A page scheduled to go live also ends the version at its
publish time, so scheduled content appears on time with no background worker.

The version lives in Django's cache, which all app servers share when it is Redis (or, on one
machine, the file cache), so an editor's change reaches every worker at once.
"""

import hashlib
import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from .models import Status

VERSION_KEY = "pagecache:version"

# Models whose published rows can be scheduled, and so end a content version on their own.
SCHEDULABLE_MODELS = ("guidance.Article", "guidance.Resource", "guidance.Page", "tips.TipPage")


def content_version():
    """The current version: ``{"token", "changed_at", "next_change"}``, made anew if needed."""
    version = cache.get(VERSION_KEY)
    now = timezone.now()
    if version is None or (version["next_change"] and now >= version["next_change"]):
        version = {
            "token": uuid.uuid4().hex,
            "changed_at": now,
            "next_change": next_scheduled_publish(now),
        }
        cache.set(VERSION_KEY, version, None)
    return version


def next_scheduled_publish(now):
    """The earliest publish time still to come, over every schedulable model, or ``None``."""
    times = []
    for label in SCHEDULABLE_MODELS:
        model = apps.get_model(label)
        upcoming = model.objects.filter(status=Status.PUBLISHED, published_at__gt=now).aggregate(
            first=Min("published_at")
        )["first"]
        if upcoming:
            times.append(upcoming)
    return min(times, default=None)


def invalidate():
    """Forget the content version once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def page_key(version, request):
    # get_host() refuses a host not in ALLOWED_HOSTS (400) before anything is served, and
    # pages name their own address, so each host has its own copy.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"pagecache:page:{version['token']}:{digest}"
