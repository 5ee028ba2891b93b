"""
Keeps the search index up to date, so a search never reads whole pages.

The index is one table of *postings* (``search_posting``): for each page and each word stem it
uses, how strongly the page is about that stem. A page is read as three parts of plain text,
made here the same way for every database (``KINDS``): its title; what sums it up (summary, key
points, topics, headings); and the rest of its text. The score is BM25's shape with fixed
constants: the stem's count in each part, weighted 5, 2 and 1, grows with diminishing returns,
and counts a little less in a long page than in a short one. Words and stems come from
``guidance.words`` (the Snowball English stemmer, as PostgreSQL's "english" search), so SQLite
and PostgreSQL index exactly the same stems with the same scores, and a search ranks the same on
both. Stop words ("the", "my") are not indexed.

Beside the postings the index keeps a *vocabulary* (``search_vocabulary``): every word of three
letters or more that a page has used, as written, so a misspelt search can be corrected to a
word the site really uses. PostgreSQL finds close words with ``pg_trgm`` (a trigram index);
SQLite with an FTS5 table of the same words and the ``trigram`` tokenizer. Words are only ever
added between rebuilds: a word whose page has gone leads nowhere, and search only offers a
correction that finds something.

Everything is written with plain SQL and these functions, so the same code serves migrations and
saves; ``rebuild`` (``manage.py rebuild_search_index``) writes it all again.
"""

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection

from .richtext import html_to_text
from .words import STOP_WORDS, split, stem

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


@dataclass(frozen=True)
class Kind:
    table: str
    # SQL for the values a page's text is made of, in terms of the table's columns.
    columns: tuple[str, ...]
    # Those values -> the three parts of plain text, most important first.
    parts: Callable[..., tuple[str, str, str]]


def _topics(table, link_table, link_column):
    """The titles of a page's topics: what an editor says the page is about."""
    return (
        f"(SELECT {{agg(guidance_topic.title)}} FROM guidance_topic JOIN {link_table} "
        f"ON {link_table}.topic_id = guidance_topic.id "
        f"WHERE {link_table}.{link_column} = {table}.id)"
    )


HEADING = re.compile(r"<h[23][^>]*>(.*?)</h[23]>", re.IGNORECASE | re.DOTALL)


def _article_parts(title, summary, in_brief, topics, body, body_text):
    headings = " ".join(html_to_text(found) for found in HEADING.findall(body))
    return title, " ".join((summary, in_brief, topics, headings)), body_text


def _tip_page_parts(title, intro, topics, tips):
    return title, f"{intro} {topics}", html_to_text(tips)


def _resource_parts(name, when_to_use, kind):
    return name, html_to_text(when_to_use), kind


KINDS = {
    "article": Kind(
        "guidance_article",
        (
            "title",
            "summary",
            "in_brief",
            _topics("guidance_article", "guidance_article_topics", "article_id"),
            "body",
            "body_text",
        ),
        _article_parts,
    ),
    "tip_page": Kind(
        "tips_tippage",
        (
            "title",
            "intro",
            _topics("tips_tippage", "tips_tippage_topics", "tippage_id"),
            "(SELECT {agg(tips_tip.baby_says || ' ' || tips_tip.try_this || ' ' || "
            "tips_tip.why_it_helps)} FROM tips_tip WHERE tips_tip.page_id = tips_tippage.id)",
        ),
        _tip_page_parts,
    ),
    "resource": Kind("guidance_resource", ("name", "when_to_use", "kind"), _resource_parts),
}

AGGREGATE = re.compile(r"\{agg\((.+?)\)\}")


def _column_sql(column, vendor):
    """``column`` with each ``{agg(expression)}`` written as this database joins texts."""
    function = "string_agg({}, ' ')" if vendor == "postgresql" else "group_concat({}, ' ')"
    return AGGREGATE.sub(lambda found: function.format(found.group(1)), column)


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


def create_structures(conn, headings=True):
    """Create the index's tables (run by migrations; ``headings`` is kept for old ones)."""
    _TABLES_FOUND.pop(conn.settings_dict["NAME"], None)
    with conn.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {POSTINGS} (kind varchar(20) NOT NULL, "
            "page_id integer NOT NULL, stem varchar(40) NOT NULL, score real NOT NULL, "
            "parts smallint NOT NULL, PRIMARY KEY (stem, kind, page_id))"
        )
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {POSTINGS}_page_idx ON {POSTINGS} (kind, page_id)"
        )
        # A stem on thousands of pages is read strongest first, a few hundred rows at most.
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {POSTINGS}_strongest_idx ON {POSTINGS} (stem, score)"
        )
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {VOCABULARY} (word varchar(30) PRIMARY KEY)")
        if conn.vendor == "sqlite" and _sqlite_has_fts5(cursor):
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY_FTS} "
                "USING fts5(word, tokenize = 'trigram')"
            )


def create_trigram_index(conn):
    """PostgreSQL: what finds words close to a misspelt one (needs the pg_trgm extension)."""
    if conn.vendor == "postgresql":
        with conn.cursor() as cursor:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {VOCABULARY}_trigram_idx "
                f"ON {VOCABULARY} USING gin (word gin_trgm_ops)"
            )


def drop_trigram_index(conn):
    if conn.vendor == "postgresql":
        with conn.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {VOCABULARY}_trigram_idx")


def drop_structures(conn):
    _TABLES_FOUND.pop(conn.settings_dict["NAME"], None)
    with conn.cursor() as cursor:
        for table in (POSTINGS, VOCABULARY, VOCABULARY_FTS):
            cursor.execute(f"DROP TABLE IF EXISTS {table}")


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


def refresh(kind_name, ids=None, conn=None, headings=True):
    """Index ``ids`` (all rows when ``None``) of one kind again. (``headings``: old migrations.)"""
    conn = conn or connection
    if POSTINGS not in _tables(conn):
        return
    kind = KINDS[kind_name]
    if ids is not None:
        ids = sorted({int(pk) for pk in ids})
        if not ids:
            return
    where, params = "", []
    if ids is not None:
        where = f" WHERE id IN ({', '.join(['%s'] * len(ids))})"
        params = ids
    columns = ", ".join(
        f"coalesce({_column_sql(column, conn.vendor)}, '')" for column in kind.columns
    )
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT id, {columns} FROM {kind.table}{where}", params)
        pages = [(pk, kind.parts(*values)) for pk, *values in cursor.fetchall()]
        cursor.execute(
            f"DELETE FROM {POSTINGS} WHERE kind = %s" + where.replace("WHERE id", "AND page_id"),
            [kind_name, *params],
        )
        rows = [
            (kind_name, pk, word_stem, score, parts)
            for pk, texts in pages
            for word_stem, (score, parts) in sorted(postings(texts).items())
        ]
        _insert(cursor, POSTINGS, ("kind", "page_id", "stem", "score", "parts"), rows)
    add_words(set().union(*(vocabulary_words(" ".join(texts)) for _pk, texts in pages)), conn)


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
        for kind_name, kind in KINDS.items():
            cursor.execute(
                f"DELETE FROM {POSTINGS} WHERE kind = %s "
                f"AND page_id NOT IN (SELECT id FROM {kind.table})",
                [kind_name],
            )


def rebuild(conn=None, headings=True):
    """Write the whole index again, vocabulary included."""
    conn = conn or connection
    tables = _tables(conn)
    with conn.cursor() as cursor:
        for table in (POSTINGS, VOCABULARY, VOCABULARY_FTS):
            if table in tables:
                cursor.execute(f"DELETE FROM {table}")
    for kind_name in KINDS:
        refresh(kind_name, conn=conn)
