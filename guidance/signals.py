"""Content changes end the page cache's content version (see pagecache.py)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import pagecache

CONTENT_APPS = {"guidance", "tips"}
NOT_CONTENT = {"starteritem"}


def content_changed(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.model_name not in NOT_CONTENT:
        pagecache.invalidate()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{signal}")
