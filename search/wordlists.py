"""
The crisis words and synonyms staff keep in the admin, made ready for matching.

Each process keeps the lists it last read, filed under a version kept in the shared cache; saving
or deleting a crisis word or synonym in any process ends that version, so every app server reads
the lists again on its next search.
"""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

from . import text
from .models import CrisisPhrase, Synonym

VERSION_KEY = "search:wordlists:version"
LONGEST_TERM = 4  # words in the longest synonym term looked for in a query


@dataclass
class WordLists:
    # Each crisis phrase as a tuple of stems.
    crisis: list[tuple[str, ...]] = field(default_factory=list)
    # Stems of a term -> the other ways of saying it, each a tuple of words.
    synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)
    # Every word in either list: a search never "corrects" one of them.
    known_words: set[str] = field(default_factory=set)


_loaded = {"version": None, "lists": None}


def current():
    """The word lists, read from the database only when staff have changed them."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    if _loaded["version"] != version:
        _loaded["lists"] = build(
            CrisisPhrase.objects.values_list("phrase", flat=True),
            Synonym.objects.values_list("term", "also_means", "both_ways"),
        )
        _loaded["version"] = version
    return _loaded["lists"]


def forget():
    """End the current version once the change is committed (called by search.signals)."""
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))
    _loaded["version"] = None


def build(phrases, synonyms):
    lists = WordLists()
    for phrase in phrases:
        stems = tuple(text.stems(phrase))
        lists.known_words.update(text.words(phrase))
        if stems:
            lists.crisis.append(stems)
            if len(stems) > 1:
                # "self harm" is also typed "selfharm".
                lists.crisis.append((text.stem("".join(text.words(phrase))),))
    for term, also_means, both_ways in synonyms:
        ways = [term, *(part for part in also_means.split(",") if part.strip())]
        ways = [tuple(text.words(way)) for way in ways]
        ways = [way for way in ways if way]
        lists.known_words.update(word for way in ways for word in way)
        if len(ways) < 2:
            continue
        for index, way in enumerate(ways):
            if index > 0 and not both_ways:
                break
            key = tuple(text.stem(word) for word in way)
            if len(key) > LONGEST_TERM:
                continue
            others = lists.synonyms.setdefault(key, [])
            others.extend(other for other in ways if other != way and other not in others)
    return lists
