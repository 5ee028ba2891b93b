"""
The search index follows every change to a searched page, found through the registry
(``core.kinds``): the page itself, and what its model's ``search_prefetch`` names (topics whose
links or titles change, tips saved after their page). Search's own word lists are read once per
process and forgotten when staff change them; its starter words load with the starter content.
"""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from core import contentversion, kinds
from core.signals import starter_content_loading


def page_saved(sender, instance, raw=False, **kwargs):
    # Rows loaded raw (fixtures, restores) are indexed all at once afterwards.
    if raw:
        return
    from . import index

    if (kind := kinds.for_model(sender)) and kind.searched:
        index.refresh(kind.name, [instance.pk])
    for kind, pages in _pages_holding(sender, instance):
        index.refresh(kind.name, pages)


def page_deleted(sender, instance, **kwargs):
    from . import index

    if (kind := kinds.for_model(sender)) and kind.searched:
        index.forget(kind.name, instance.pk)
    for kind, pages in _pages_holding(sender, instance):
        index.refresh(kind.name, pages)


def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A page's links to what its search document reads (its topics) changed."""
    if not action.startswith("post_"):
        return
    from . import index

    for kind in kinds.where(searched=True):
        for name in kind.model.search_prefetch:
            field = kind.model._meta.get_field(name)
            if not field.many_to_many or field.remote_field.through is not sender:
                continue
            if reverse:  # topic.articles.add(...): the pages are in pk_set
                index.refresh(kind.name, pk_set or [])
            else:
                index.refresh(kind.name, [instance.pk])


def _pages_holding(sender, instance):
    """``(kind, page ids)`` for searched pages whose document reads ``instance``: a topic
    linked to pages, or a tip that belongs to one."""
    found = []
    for kind in kinds.where(searched=True):
        for name in kind.model.search_prefetch:
            field = kind.model._meta.get_field(name)
            if field.related_model is not sender:
                continue
            if field.many_to_many:
                accessor = field.remote_field.get_accessor_name()
                found.append((kind, list(getattr(instance, accessor).values_list("pk", flat=True))))
            elif field.one_to_many:
                found.append((kind, [getattr(instance, field.field.attname)]))
    return found


def after_migrate(using, **kwargs):
    """After a migration or a flush (which empties tables without signals): no postings of
    pages that are gone, and every page that is there indexed."""
    from django.db import connections

    from . import index

    index.forget_orphans(connections[using])
    index.index_missing(connections[using])


def word_lists_changed(sender, **kwargs):
    from . import wordlists

    wordlists.forget()
    # Cached result pages were made with the old lists.
    contentversion.invalidate()


def load_starter_words(sender, dry_run, stdout, verbosity, **kwargs):
    from . import starter

    return starter.load(dry_run=dry_run, stdout=stdout, verbosity=verbosity)


def connect(app_config):
    from .models import CrisisPhrase, Synonym

    post_save.connect(page_saved, dispatch_uid="search-page-saved")
    post_delete.connect(page_deleted, dispatch_uid="search-page-deleted")
    m2m_changed.connect(links_changed, dispatch_uid="search-links-changed")
    post_migrate.connect(after_migrate, sender=app_config, dispatch_uid="search-after-migrate")
    starter_content_loading.connect(load_starter_words, dispatch_uid="search-starter-words")
    for model in (CrisisPhrase, Synonym):
        for signal in (post_save, post_delete):
            signal.connect(
                word_lists_changed, sender=model, dispatch_uid=f"search-{model.__name__}-{signal}"
            )
