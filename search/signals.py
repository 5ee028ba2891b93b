"""
Search's own word lists are read once per process and forgotten when staff change them; its
starter words load with the rest of the starter content.
"""

from django.db.models.signals import post_delete, post_save


def word_lists_changed(sender, **kwargs):
    from guidance import pagecache

    from . import wordlists

    wordlists.forget()
    # Cached result pages were made with the old lists.
    pagecache.invalidate()


def load_starter_words(sender, dry_run, stdout, verbosity, **kwargs):
    from . import starter

    return starter.load(dry_run=dry_run, stdout=stdout, verbosity=verbosity)


def connect():
    from guidance.signals import starter_content_loading

    from .models import CrisisPhrase, Synonym

    starter_content_loading.connect(load_starter_words, dispatch_uid="search-starter-words")
    for model in (CrisisPhrase, Synonym):
        for signal in (post_save, post_delete):
            signal.connect(
                word_lists_changed, sender=model, dispatch_uid=f"search-{model.__name__}-{signal}"
            )
