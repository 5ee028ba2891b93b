"""
Keeps the search index up to date, so a search never reads whole pages.

The index is one table of *postings* (``search_posting``): for each page and each word stem it
uses, how strongly the page is about that stem. A page is read as three parts of plain text,
which its model gives (``search_parts()``; the searched kinds are in ``core.kinds``): its
title; what sums it up (summary, key points, topics, headings); and the rest of its text. The
score is BM25's shape with fixed constants: the stem's count in each part, weighted 5, 2 and
1, grows with diminishing returns, and counts a little less in a long page than in a short one.
Words and stems come from ``core.words`` (the Snowball English stemmer, as PostgreSQL's
"english" search), so SQLite and PostgreSQL index exactly the same stems with the same scores,
and a search ranks the same on both. Stop words ("the", "my") are not indexed.

Beside the postings the index keeps a *vocabulary* (``search_vocabulary``): every word of three
letters or more that a page has used, as written, so a misspelt search can be corrected to a
word the site really uses. PostgreSQL finds close words with ``pg_trgm`` (a trigram index);
SQLite with an FTS5 table of the same words and the ``trigram`` tokenizer. Words are only ever
added between rebuilds: a word whose page has gone leads nowhere, and search only offers a
correction that finds something.

The tables are made by a migration (guidance 0009) and written with plain SQL here; after every
migrate, pages not in the index yet are indexed (``index_missing``), and ``rebuild``
(``manage.py refresh_derived``) writes it all again.
"""

import re
from collections import defaultdict

from django.db import connection

from core import kinds
from core.words import STOP_WORDS, split, stem

POSTINGS = "search_posting"
VOCABULARY = "search_vocabulary"
VOCABULARY_FTS = "search_vocabulary_fts"

# How much a stem counts in the title, the summing-up part and the rest of the text.
PART_WEIGHTS = (5, 2, 1)
# BM25's constants, and the length of a typical page, in words (articles are 500 to 1,200).
K1 = 1.2
B = 0.75
TYPICAL_WORDS = 500
LONGEST_STEM = 40
VOCABULARY_WORD = re.compile(r"[^\W\d_]{3,30}")
INSERT_BATCH = 500
# Pages read from the database at a time when indexing many.
REFRESH_BATCH = 500


# -- What a page says ----------------------------------------------------------------------------


def postings(parts):
    """``{stem: (score, parts)}`` for a page's three parts; ``parts`` has bit n for part n."""
    counts = defaultdict(lambda: [0, 0, 0])
    length = 0
    for index, part in enumerate(parts):
        words = split(part)
        length += len(words)
        for word in words:
            if word not in STOP_WORDS and len(word) <= LONGEST_STEM:
                counts[stem(word)][index] += 1
    saturation = K1 * (1 - B + B * length / TYPICAL_WORDS)
    found = {}
    for word_stem, in_parts in counts.items():
        weighted = sum(weight * count for weight, count in zip(PART_WEIGHTS, in_parts, strict=True))
        score = weighted * (K1 + 1) / (weighted + saturation)
        found[word_stem] = (
            round(score, 4),
            sum(1 << index for index, n in enumerate(in_parts) if n),
        )
    return found


def vocabulary_words(text):
    """The distinct words of ``text`` worth keeping in the vocabulary."""
    return {word for word in split(text) if VOCABULARY_WORD.fullmatch(word)} - STOP_WORDS


# -- Tables --------------------------------------------------------------------------------------


def _sqlite_has_fts5(cursor):
    cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
    return bool(cursor.fetchone()[0])


def has_trigram_table(conn=None):
    """Does this SQLite database have the FTS5 trigram table of the vocabulary?"""
    conn = conn or connection
    return conn.vendor == "sqlite" and VOCABULARY_FTS in _tables(conn)


def _tables(conn):
    database = conn.settings_dict["NAME"]
    if database not in _TABLES_FOUND:
        found = set(conn.introspection.table_names())
        if POSTINGS not in found:
            return found  # not remembered: a migration may create them in this process
        _TABLES_FOUND[database] = found
    return _TABLES_FOUND[database]


_TABLES_FOUND = {}


# -- Writing -------------------------------------------------------------------------------------


def refresh(kind_name, ids=None, conn=None):
    """Index ``ids`` (all pages when ``None``) of one searched kind again."""
    conn = conn or connection
    if POSTINGS not in _tables(conn):
        return
    model = kinds.named(kind_name).model
    if ids is not None:
        ids = sorted({int(pk) for pk in ids})
        if not ids:
            return
    for start in range(0, len(ids) if ids is not None else 1, REFRESH_BATCH):
        _refresh_batch(
            kind_name, model, None if ids is None else ids[start : start + REFRESH_BATCH], conn
        )


def _refresh_batch(kind_name, model, ids, conn):
    pages = model._default_manager.using(conn.alias).prefetch_related(*model.search_prefetch)
    if ids is not None:
        pages = pages.filter(pk__in=ids)
    texts = [(page.pk, tuple(part or "" for part in page.search_parts())) for page in pages]
    where, params = "", []
    if ids is not None:
        where = f" AND page_id IN ({', '.join(['%s'] * len(ids))})"
        params = ids
    with conn.cursor() as cursor:
        cursor.execute(f"DELETE FROM {POSTINGS} WHERE kind = %s{where}", [kind_name, *params])
        rows = [
            (kind_name, pk, word_stem, score, parts)
            for pk, page_texts in texts
            for word_stem, (score, parts) in sorted(postings(page_texts).items())
        ]
        _insert(cursor, POSTINGS, ("kind", "page_id", "stem", "score", "parts"), rows)
    add_words(set().union(*(vocabulary_words(" ".join(parts)) for _pk, parts in texts)), conn)


def _insert(cursor, table, columns, rows):
    """Insert ``rows`` a few hundred to a statement: far quicker than one at a time."""
    placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start : start + INSERT_BATCH]
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
            + ", ".join([placeholder] * len(batch)),
            [value for row in batch for value in row],
        )


def add_words(words, conn=None):
    """Add the ``words`` the vocabulary does not have yet (a few hundred per page saved)."""
    conn = conn or connection
    if not words or VOCABULARY not in _tables(conn):
        return
    words = sorted(words)
    with conn.cursor() as cursor:
        known = set()
        for start in range(0, len(words), INSERT_BATCH):
            chunk = words[start : start + INSERT_BATCH]
            cursor.execute(
                f"SELECT word FROM {VOCABULARY} WHERE word IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            known.update(word for (word,) in cursor.fetchall())
        new = [(word,) for word in words if word not in known]
        _insert(cursor, VOCABULARY, ("word",), new)
        if new and has_trigram_table(conn):
            for start in range(0, len(new), INSERT_BATCH):
                chunk = [word for (word,) in new[start : start + INSERT_BATCH]]
                cursor.execute(
                    f"INSERT INTO {VOCABULARY_FTS} (rowid, word) SELECT rowid, word "
                    f"FROM {VOCABULARY} WHERE word IN ({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )


def forget(kind_name, pk, conn=None):
    """Drop a deleted page's postings."""
    conn = conn or connection
    if POSTINGS in _tables(conn):
        with conn.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {POSTINGS} WHERE kind = %s AND page_id = %s", [kind_name, pk]
            )


def forget_orphans(conn=None):
    """Drop postings of pages that no longer exist (rows deleted without signals, a flush)."""
    conn = conn or connection
    if POSTINGS not in _tables(conn):
        return
    with conn.cursor() as cursor:
        for kind in kinds.where(searched=True):
            cursor.execute(
                f"DELETE FROM {POSTINGS} WHERE kind = %s "
                f"AND page_id NOT IN (SELECT id FROM {kind.model._meta.db_table})",
                [kind.name],
            )


def index_missing(conn=None):
    """Index the pages the index has never seen (after a migration, or rows loaded raw)."""
    conn = conn or connection
    if POSTINGS not in _tables(conn):
        return
    for kind in kinds.where(searched=True):
        with conn.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {kind.model._meta.db_table} WHERE id NOT IN "
                f"(SELECT page_id FROM {POSTINGS} WHERE kind = %s)",
                [kind.name],
            )
            missing = [pk for (pk,) in cursor.fetchall()]
        refresh(kind.name, missing, conn)


def rebuild(conn=None):
    """Write the whole index again, vocabulary included."""
    conn = conn or connection
    tables = _tables(conn)
    with conn.cursor() as cursor:
        for table in (POSTINGS, VOCABULARY, VOCABULARY_FTS):
            if table in tables:
                cursor.execute(f"DELETE FROM {table}")
    for kind in kinds.where(searched=True):
        refresh(kind.name, conn=conn)
