"""
Site search: one ranked list of articles, tip pages and help, for words typed the way parents
type them.

1. The words become a plan (``search.plan``): groups of ways to say each thing, crisis words
   noticed, synonyms added.
2. The index (``search.postings``) says which pages hold which stems, how strongly (title,
   then summary, then text), and how rare each stem is. Pages with every group come first;
   when fewer than ``FEW`` pages have them all, pages with some of the groups follow, ranked by
   score (``match`` and ``rank_key``).
3. When no page holds every group and a word is not one the site uses, each such word is
   corrected to the closest word the site does use, and the corrected search is shown at once,
   if it finds something.

Everything after reading the index is the same Python on every database, and so are the index's
contents, so SQLite and PostgreSQL answer every search alike. Help cards come after guidance that
matches as well, unless the search is about getting help, speaks of danger or names the service.
See docs/search.md.
"""

import contextlib
import html
import logging
import math
import re
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from core import kinds
from core.richtext import BLOCK_END
from core.words import WORD
from guidance.models import Nation, Resource

from . import index as search_index
from . import postings, text, wordlists
from .plan import make_plan
from .searchlog import FEW

logger = logging.getLogger("search")

MAX_RESULTS = 20
# A stem on more than this share of pages does not have to be held for "every word".
COMMON_SHARE = 0.5
SYNONYM_SHARE = 0.8
EXCERPT_WORDS = 28
BLOCK_BREAK = re.compile(r"(?<=[^\s.!?:;,])[ \t]*\n\s*")
WORD_OR_OTHER = re.compile(r"([^\W_]+(?:['\u2019][^\W_]+)*)")


@dataclass
class Result:
    kind: str
    obj: object
    match: "Match"
    excerpt: str = ""

    @property
    def matched(self):
        return self.match.matched

    @property
    def only_in_text(self):
        """Found only beyond the title and summary, so the excerpt comes from the text."""
        return not any(parts & 3 for parts in self.match.groups if parts is not None)

    @property
    def registered(self):
        return kinds.named(self.kind)

    @property
    def title(self):
        return getattr(self.obj, self.registered.title_field)

    @property
    def label(self):
        """What parents call this kind of page, above the result."""
        return self.registered.public_name

    @property
    def is_help(self):
        """A place to get help, with its numbers to ring or text."""
        return self.registered.contact_details

    @property
    def url(self):
        return self.obj.get_absolute_url()


@dataclass
class SearchResults:
    query: str
    plan: object = None
    items: list = field(default_factory=list)
    crisis: bool = False
    crisis_resources: list = field(default_factory=list)
    corrected: str | None = None
    failed: bool = False

    @property
    def count(self):
        return len(self.items)


def search_site(query, nation=None, correct=True):
    """Search every kind of page for ``query``; ``nation`` (a ``Nation``) picks crisis lines.

    ``correct=False`` searches the words as typed, even if the site never uses one of them.
    """
    lists = wordlists.current()
    plan = make_plan(query, lists)
    results = SearchResults(query=query, plan=plan, crisis=plan.crisis)
    if plan.groups:
        # Inside a caller's transaction a failed query would break it: a savepoint keeps it.
        guard = transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext()
        try:
            with guard:
                results.items = _ranked(plan)
                # Words that speak of danger are never second-guessed.
                if correct and not plan.crisis and not _all_matched(results.items, plan):
                    _try_correction(lists, results)
                _add_excerpts(results.items, results.plan)
        except DatabaseError as error:
            # Nothing typed reaches the database as syntax; if anything still fails, the
            # parent gets the calm page with the help lines, and we hear of it in one line.
            logger.warning(
                "search failed (%s: %s) for a query of %d characters",
                type(error).__name__,
                str(error)[:200],
                len(query),
            )
            results.items, results.corrected, results.failed = [], None, True
    if results.crisis or not results.items:
        results.crisis_resources = crisis_resources(nation)
    return results


def crisis_resources(nation=None):
    """The published lines staff chose for the crisis panel, for ``nation`` if one is chosen."""
    resources = Resource.objects.published().filter(crisis_panel=True)
    if nation:
        resources = resources.for_nation(Nation(nation))
    # Lines for everyone (999, Samaritans, Shout) before each nation's own, most urgent first.
    return sorted(
        resources, key=lambda line: (line.urgency, len(line.nations) < len(Nation), line.order)
    )


def _ranked(plan):
    """The published pages for ``plan``, best first, at most ``MAX_RESULTS``."""
    ways = [[tuple(text.stem(word) for word in way) for way in group.ways] for group in plan.groups]
    stems = {stem for group in ways for way in group for stem in way}
    counts, pages = postings.frequencies(stems)
    weights = {stem: _rarity(counts.get(stem, 0), pages) for stem in stems}
    found = postings.read(stems, counts, weights)
    if not found:
        return []
    titles = postings.published_titles(found)
    # Words on most pages ("baby" on a baby site) cannot tell pages apart: a page need not hold
    # them to count as holding "every word", though they still add to its score.
    required = [
        index
        for index, group in enumerate(ways)
        if any(counts.get(stem, 0) <= pages * COMMON_SHARE for way in group for stem in way)
    ] or list(range(len(ways)))
    matches = {key: match(ways, weights, found[key]) for key in titles}
    matches = {key: found_match for key, found_match in matches.items() if found_match.score}
    whole = [key for key, found_match in matches.items() if found_match.holds(required)]
    keys = whole if len(whole) >= FEW else list(matches)
    keys.sort(key=lambda key: rank_key(plan, key[0], matches[key], titles[key], required))
    return _load([(kind, pk, matches[kind, pk]) for kind, pk in keys[:MAX_RESULTS]])


def _rarity(holding, pages):
    """BM25's inverse document frequency: high for a rare stem, near zero for one on every page."""
    return math.log(1 + (pages - holding + 0.5) / (holding + 0.5))


@dataclass
class Match:
    score: float
    groups: list  # per group: None, or the parts (bits) its best way was found in

    @property
    def matched(self):
        return sum(1 for parts in self.groups if parts is not None)

    def holds(self, indexes):
        return all(self.groups[index] is not None for index in indexes)


def match(ways, weights, page):
    """How well one page (``{stem: (score, parts)}``) answers the groups of ``ways``."""
    total, groups = 0.0, []
    for group in ways:
        best, best_parts = 0.0, None
        for position, way in enumerate(group):
            if all(stem in page for stem in way):
                way_score = sum(weights[stem] * page[stem][0] for stem in way)
                if position:  # what it also means counts a little less than what was typed
                    way_score *= SYNONYM_SHARE
                if way_score > best or best_parts is None:
                    parts = ~0
                    for stem in way:
                        parts &= page[stem][1]
                    best, best_parts = way_score, parts
        total += best
        groups.append(best_parts)
    return Match(total, groups)


def rank_key(plan, kind, found_match, title, required):
    """Sorts best first: every word held, then guidance or help, then the score, then title.

    Help cards come after guidance unless the search is about getting help (or speaks of
    danger) or names the service.
    """
    in_title = sum(
        1 for parts in found_match.groups if parts is not None and parts & postings.TITLE_PART
    )
    is_help = kinds.named(kind).contact_details
    named = is_help and in_title * 2 >= len(found_match.groups)
    help_last = is_help and not (plan.about_help or plan.crisis or named)
    return (
        not found_match.holds(required),
        help_last,
        -round(found_match.score, 6),
        _kind_order(kind),
        title.casefold(),
    )


def _kind_order(name):
    """Guidance first, then the other kinds as registered, places to get help last."""
    searched = kinds.where(searched=True)
    kind = kinds.named(name)
    return (kind.contact_details, searched.index(kind))


def _all_matched(items, plan):
    return any(item.matched == len(plan.groups) for item in items)


def _load(ranked):
    """The pages for ``[(kind, id, match), ...]``, in that order, with what cards show."""
    loaded = {}
    for kind in kinds.where(searched=True):
        ids = [pk for item_kind, pk, _match in ranked if item_kind == kind.name]
        if not ids:
            continue
        for obj in kind.model.objects.published().for_lists().filter(pk__in=ids):
            loaded[kind.name, obj.pk] = obj
    return [
        Result(kind, loaded[kind, pk], found_match)
        for kind, pk, found_match in ranked
        if (kind, pk) in loaded
    ]


# -- Spelling ------------------------------------------------------------------------------------


def _try_correction(lists, results):
    """Search again with unknown words corrected, and keep that if it finds more."""
    plan = results.plan
    corrections = corrected_words(plan, lists)
    if not corrections:
        return
    corrected_query = WORD.sub(
        lambda found: corrections.get(text.fold(found.group()), found.group()), plan.query
    )
    corrected_plan = make_plan(corrected_query, lists)
    # A misspelt crisis word still shows the help lines, whatever else is found.
    results.crisis = results.crisis or corrected_plan.crisis
    items = _ranked(corrected_plan)
    better = _all_matched(items, corrected_plan) or (
        items and (not results.items or items[0].matched > results.items[0].matched)
    )
    if better:
        results.items, results.corrected, results.plan = items, corrected_query, corrected_plan


def corrected_words(plan, lists):
    """``{typed: corrected}`` for words of 4+ letters neither the site nor its lists use."""
    typed = {
        word
        for group in plan.groups
        for word in group.ways[0]
        if len(word) >= 4 and word.isalpha() and len(group.ways) == 1
    }
    typed -= lists.known_words
    if not typed:
        return {}
    known = _known_words(typed)
    corrections = {}
    for word in sorted(typed - known):
        candidates = set(_similar_words(word)) | lists.known_words
        if best := closest(word, candidates):
            corrections[word] = best
    return corrections


def _known_words(words):
    words = sorted(words)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {search_index.VOCABULARY} "
            f"WHERE word IN ({', '.join(['%s'] * len(words))})",
            words,
        )
        return {word for (word,) in cursor.fetchall()}


def closest(word, candidates):
    """The candidate closest to ``word``, or ``None`` if none is close enough.

    Fewest edits first (one for words of up to five letters, two for longer ones), then the
    most trigrams in common, then alphabetical: the same choice on every database.
    """
    limit = 1 if len(word) <= 5 else 2
    best = None
    for candidate in candidates:
        distance = text.edit_distance(word, candidate, limit)
        if distance > limit or distance == 0:
            continue
        key = (distance, -trigram_similarity(word, candidate), candidate)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _similar_words(word, limit=20):
    """Words sharing trigrams with ``word``, most alike first, from the vocabulary's index."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT word FROM {search_index.VOCABULARY} WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word, limit],
            )
        elif search_index.has_trigram_table():
            table = search_index.VOCABULARY_FTS
            grams = sorted({word[i : i + 3] for i in range(len(word) - 2)})
            cursor.execute(
                f"SELECT word FROM {table} WHERE {table} MATCH %s ORDER BY rank LIMIT %s",
                [" OR ".join(f'"{gram}"' for gram in grams), limit * 3],
            )
        else:
            cursor.execute(
                f"SELECT word FROM {search_index.VOCABULARY} WHERE length(word) BETWEEN %s AND %s",
                [len(word) - 2, len(word) + 2],
            )
        return [found for (found,) in cursor.fetchall()]


def trigram_similarity(a, b):
    """pg_trgm's similarity: shared trigrams of the padded words over all their trigrams."""

    def grams(word):
        padded = f"  {word} "
        return {padded[i : i + 3] for i in range(len(padded) - 2)}

    first, second = grams(a), grams(b)
    return len(first & second) / len(first | second)


# -- Excerpts ------------------------------------------------------------------------------------


def _add_excerpts(items, plan):
    """A short passage of each result with the words that matched marked, all escaped."""
    stems = plan.stems
    texts = _long_texts([item for item in items if item.only_in_text])
    for item in items:
        summary = item.obj.search_summary()
        excerpt = highlight(summary, stems)
        if not excerpt[1] and (long_text := texts.get((item.kind, item.obj.pk))):
            passage = highlight(long_text, stems, window=EXCERPT_WORDS)
            if passage[1]:
                excerpt = passage
        if not excerpt[1]:
            excerpt = highlight(summary, stems, window=EXCERPT_WORDS * 2)
        item.excerpt = excerpt[0]


def _long_texts(items):
    """Longer texts of each result (an article's body, a tip page's tips), for results matched
    only there: ``{(kind, id): text}``."""
    texts = {}
    for kind in kinds.where(searched=True):
        ids = [item.obj.pk for item in items if item.kind == kind.name]
        if ids:
            for pk, passages in kind.model.search_passages(ids).items():
                texts[kind.name, pk] = "\n".join(_lines(markup) for markup in passages)
    return texts


def _lines(markup):
    """Plain text of ``markup`` with each paragraph, heading or list item on a line of its own."""
    return html.unescape(strip_tags(BLOCK_END.sub("\n", " ".join(markup.split()))))


def highlight(passage, stems, window=None):
    """``(safe_html, found)``: ``passage`` escaped, words whose stem is wanted in ``<mark>``.

    With ``window``, only about that many words from a little before the first match (or from
    the start) are kept.
    """
    # A heading or list item with no full stop would run into the next line: end it with one.
    passage = BLOCK_BREAK.sub(". ", passage.strip())
    parts = WORD_OR_OTHER.split(" ".join(passage.split()))
    # Words sit at odd indexes, with what lies between them at even ones.
    prefixes = {stem[:2] for stem in stems}
    matches = [
        index
        for index in range(1, len(parts), 2)
        if text.fold(parts[index])[:2] in prefixes and text.stem(text.fold(parts[index])) in stems
    ]
    start, end = 0, len(parts)
    if window is not None:
        if matches:
            start = max(0, _best_start(parts, matches, window) - 2 * (window // 4))
            start -= start % 2
        end = min(len(parts), start + 2 * window)
    shown = [index for index in matches if start <= index < end]
    html = []
    for index in range(start, end):
        piece = escape(parts[index])
        html.append(f"<mark>{piece}</mark>" if index in shown else piece)
    body = "".join(html).strip()
    if start > 0:
        body = "… " + body
    if end < len(parts) and body:
        body = body.rstrip(" ,;:") + " …"
    return mark_safe(body), bool(shown)


def _best_start(parts, matches, window):
    """The match that begins the window holding the most different matched words."""
    best, best_count = matches[0], 0
    for position, first in enumerate(matches):
        inside = {
            text.fold(parts[index])
            for index in matches[position:]
            if index < first + 2 * (window * 3 // 4)
        }
        if len(inside) > best_count:
            best, best_count = first, len(inside)
    return best
