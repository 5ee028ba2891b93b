"""
Keeps each page's search document up to date, so a search never reads whole bodies.

On PostgreSQL the document is a weighted ``tsvector`` in the row's ``search_document`` column
(title A, summary B, text C), with a GIN index. On SQLite it is a row in an FTS5 table per kind
(``<table>_fts``, rowid = the page's id), ranked with bm25 and the same weights. Without FTS5
(a rare SQLite build) nothing is stored and search falls back to matching words in the text.

The documents are written with plain SQL, so the same code serves migrations and saves.
"""

from dataclasses import dataclass

from django.db import connection

from .richtext import html_to_text

SEARCH_CONFIG = "english"


@dataclass(frozen=True)
class Kind:
    table: str
    # SQL for the three weighted parts, most important first, in terms of the table's columns.
    parts: tuple[str, str, str]
    # PostgreSQL: a second, small document of the first two parts (``search_heading``).
    has_heading: bool = False

    @property
    def fts_table(self):
        return f"{self.table}_fts"


_TIPS_TEXT = "(SELECT {agg} FROM tips_tip WHERE tips_tip.page_id = tips_tippage.id)"
KINDS = {
    "article": Kind("guidance_article", ("title", "summary", "body_text"), has_heading=True),
    "tip_page": Kind("tips_tippage", ("title", "intro", _TIPS_TEXT)),
    "resource": Kind("guidance_resource", ("name", "when_to_use", "kind")),
}
WEIGHTS = "ABC"


def _tips_aggregate(vendor):
    text = "tips_tip.baby_says || ' ' || tips_tip.try_this || ' ' || tips_tip.why_it_helps"
    if vendor == "postgresql":
        return f"string_agg({text}, ' ')"
    return f"group_concat({text}, ' ')"


def _part_sql(part, vendor):
    return part.format(agg=_tips_aggregate(vendor))


def fts_available(conn=None):
    """Does this SQLite database have the FTS5 tables? (Asked once per database file.)"""
    conn = conn or connection
    if conn.vendor != "sqlite":
        return False
    database = conn.settings_dict["NAME"]
    if database not in _FTS_TABLES_FOUND:
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = %s",
                [KINDS["article"].fts_table],
            )
            found = cursor.fetchone()[0] == 1
        if not found:
            return False  # not remembered: a migration may create them in this process
        _FTS_TABLES_FOUND.add(database)
    return True


_FTS_TABLES_FOUND = set()


def create_structures(conn, headings=True):
    """Create what the index needs on this database (run by a migration)."""
    with conn.cursor() as cursor:
        for kind in KINDS.values():
            if conn.vendor == "postgresql":
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {kind.table}_search_idx "
                    f"ON {kind.table} USING gin (search_document)"
                )
                if kind.has_heading and headings:
                    cursor.execute(
                        f"CREATE INDEX IF NOT EXISTS {kind.table}_heading_idx "
                        f"ON {kind.table} USING gin (search_heading)"
                    )
            elif conn.vendor == "sqlite" and _sqlite_has_fts5(cursor):
                cursor.execute(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {kind.fts_table} USING fts5("
                    "a, b, c, tokenize = 'porter unicode61 remove_diacritics 2')"
                )


def drop_structures(conn):
    _FTS_TABLES_FOUND.discard(conn.settings_dict["NAME"])
    with conn.cursor() as cursor:
        for kind in KINDS.values():
            if conn.vendor == "postgresql":
                cursor.execute(f"DROP INDEX IF EXISTS {kind.table}_search_idx")
                cursor.execute(f"DROP INDEX IF EXISTS {kind.table}_heading_idx")
            elif conn.vendor == "sqlite":
                cursor.execute(f"DROP TABLE IF EXISTS {kind.fts_table}")


def _sqlite_has_fts5(cursor):
    cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
    return bool(cursor.fetchone()[0])


def refresh(kind_name, ids=None, conn=None, headings=True):
    """Rewrite the documents of ``ids`` (all rows when ``None``) of one kind.

    ``headings=False`` only for migrations that run before the ``search_heading`` column exists.
    """
    conn = conn or connection
    kind = KINDS[kind_name]
    if ids is not None:
        ids = [int(pk) for pk in ids]
        if not ids:
            return
    where, params = "", []
    if ids is not None:
        where = f" WHERE id IN ({', '.join(['%s'] * len(ids))})"
        params = ids
    parts = [_part_sql(part, conn.vendor) for part in kind.parts]
    with conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            weighted = [
                f"setweight(to_tsvector('{SEARCH_CONFIG}', coalesce({part}, '')), '{weight}')"
                for part, weight in zip(parts, WEIGHTS, strict=True)
            ]
            columns = f"search_document = {' || '.join(weighted)}"
            if kind.has_heading and headings:
                columns += f", search_heading = {' || '.join(weighted[:2])}"
            cursor.execute(f"UPDATE {kind.table} SET {columns}{where}", params)
        elif fts_available(conn):
            cursor.execute(
                f"DELETE FROM {kind.fts_table}"
                + (f" WHERE rowid IN ({', '.join(['%s'] * len(ids))})" if ids else ""),
                params,
            )
            columns = ", ".join(f"coalesce({part}, '')" for part in parts)
            cursor.execute(f"SELECT id, {columns} FROM {kind.table}{where}", params)
            # Tip and resource texts hold the editor's HTML: FTS5 would index tag names and
            # link addresses, so only the words go in (PostgreSQL's parser skips tags itself).
            rows = [
                (pk, *(html_to_text(text) for text in texts)) for pk, *texts in cursor.fetchall()
            ]
            cursor.executemany(
                f"INSERT INTO {kind.fts_table} (rowid, a, b, c) VALUES (%s, %s, %s, %s)", rows
            )


def forget(kind_name, pk, conn=None):
    """Drop a deleted page's document (PostgreSQL's goes with its row)."""
    conn = conn or connection
    if fts_available(conn):
        with conn.cursor() as cursor:
            cursor.execute(f"DELETE FROM {KINDS[kind_name].fts_table} WHERE rowid = %s", [pk])


def rebuild(conn=None, headings=True):
    for kind_name in KINDS:
        refresh(kind_name, conn=conn, headings=headings)
