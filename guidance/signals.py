"""
Content changes end the page cache's content version (see pagecache.py) and rewrite the
search documents they touch (see searchindex.py).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import pagecache, searchindex

CONTENT_APPS = {"guidance", "tips"}
NOT_CONTENT = {"starteritem"}


def content_changed(sender, **kwargs):
    meta = sender._meta
    if (
        meta.app_label in CONTENT_APPS
        and meta.model_name not in NOT_CONTENT
        and not meta.model_name.startswith("historical")
    ):
        pagecache.invalidate()


# label of a searched model -> its search kind. (A tip's page is refreshed by tips/signals.py.)
SEARCHED = {
    "guidance.article": "article",
    "guidance.resource": "resource",
    "tips.tippage": "tip_page",
}


def searched_page_saved(sender, instance, raw=False, **kwargs):
    # Rows loaded raw (fixtures, restores) are indexed all at once afterwards.
    if not raw and (kind := SEARCHED.get(sender._meta.label_lower)):
        searchindex.refresh(kind, [instance.pk])


def searched_page_deleted(sender, instance, **kwargs):
    if kind := SEARCHED.get(sender._meta.label_lower):
        searchindex.forget(kind, instance.pk)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{signal}")
    post_save.connect(searched_page_saved, dispatch_uid="searchindex-save")
    post_delete.connect(searched_page_deleted, dispatch_uid="searchindex-delete")
