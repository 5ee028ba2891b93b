"""
Content changes end the page cache's content version (see pagecache.py) and rewrite the
search documents they touch (see searchindex.py).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from . import pagecache, searchindex

CONTENT_APPS = {"guidance", "tips"}

# Sent by ``load_starter_content`` inside its transaction, so apps above this one can load their
# own starter content by the same rules. Arguments: ``dry_run``, ``stdout``, ``verbosity``; each
# receiver returns ``(created, skipped)``.
starter_content_loading = Signal()
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


def searched_page_topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    # A page's topics are part of its search document (see searchindex.KINDS).
    if not action.startswith("post_") or not sender._meta.db_table.endswith("_topics"):
        return
    if reverse:  # topic.articles.add(...): the pages are in pk_set
        label = sender._meta.get_field(
            next(f.name for f in sender._meta.fields if f.name != "topic" and f.name != "id")
        ).related_model._meta.label_lower
        if (kind := SEARCHED.get(label)) and pk_set:
            searchindex.refresh(kind, pk_set)
    elif kind := SEARCHED.get(instance._meta.label_lower):
        searchindex.refresh(kind, [instance.pk])


def topic_saved(sender, instance, raw=False, **kwargs):
    # A renamed topic changes the documents of its pages.
    if raw or sender._meta.label_lower != "guidance.topic":
        return
    searchindex.refresh("article", list(instance.articles.values_list("pk", flat=True)))
    searchindex.refresh("tip_page", list(instance.tip_pages.values_list("pk", flat=True)))


def searched_page_deleted(sender, instance, **kwargs):
    if kind := SEARCHED.get(sender._meta.label_lower):
        searchindex.forget(kind, instance.pk)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{signal}")
    post_save.connect(searched_page_saved, dispatch_uid="searchindex-save")
    post_save.connect(topic_saved, dispatch_uid="searchindex-topic-save")
    m2m_changed.connect(searched_page_topics_changed, dispatch_uid="searchindex-topics")
    post_delete.connect(searched_page_deleted, dispatch_uid="searchindex-delete")
