"""
Words as search sees them, for a page being indexed and for a search alike.

Text is put in Unicode's compatibility form and lower case, apostrophes are dropped (so "can't"
and "cant" are one word, and "baby's" is "babys"), and anything that is not a letter or a digit
separates words. Stems come from the Snowball English stemmer, the one PostgreSQL's "english"
search uses, so "suicidal" and "suicide", or "cries" and "crying", are one stem on every
database. Nothing here knows about pages or parents.
"""

import functools
import re
import unicodedata

import snowballstemmer

WORD = re.compile(r"[^\W_]+")
APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")

# PostgreSQL's English stop words (its "english.stop" list).
_STOP_WORDS = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


def fold(text):
    """Compatibility form, lower case, no apostrophes: the text every other step starts from."""
    return APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())


def split(text):
    """Every word of ``text``, folded."""
    return WORD.findall(fold(text))


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=50_000)
def stem(word):
    return _stemmer().stemWord(word)
