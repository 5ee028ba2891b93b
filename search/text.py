"""
What a parent types, as words: split and stemmed as pages are (``core.words``), with
contractions spelled out ("cant" and "can't" are "can not"), so that a crisis phrase such as
"can't cope" matches however it was typed.
"""

import re
import unicodedata

from core.words import APOSTROPHES, STOP_WORDS, WORD, fold, stem

__all__ = ["STOP_WORDS", "edit_distance", "fold", "is_stop_word", "stem", "stems", "words"]

MAX_QUERY_WORDS = 30

# Written without the apostrophe, as many people type them on a phone.
CONTRACTIONS = {
    "aint": "am not",
    "arent": "are not",
    "cant": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "didnt": "did not",
    "doesnt": "does not",
    "dont": "do not",
    "hadnt": "had not",
    "hasnt": "has not",
    "havent": "have not",
    "hes": "he is",
    "id": "i would",
    "ill": "i will",
    "im": "i am",
    "isnt": "is not",
    "itll": "it will",
    "ive": "i have",
    "shes": "she is",
    "shouldnt": "should not",
    "thats": "that is",
    "theyre": "they are",
    "wasnt": "was not",
    "werent": "were not",
    "whats": "what is",
    "wont": "will not",
    "wouldnt": "would not",
    "youre": "you are",
    "youve": "you have",
}
# Forms that are also ordinary words ("ill", "id"): spelled out only when typed with the apostrophe.
AMBIGUOUS_CONTRACTIONS = frozenset({"ill", "id"})


def words(text, limit=MAX_QUERY_WORDS):
    """The words of ``text``, contractions spelled out, at most ``limit`` of them."""
    found = []
    for raw in re.split(r"\s+", unicodedata.normalize("NFKC", text).casefold()):
        had_apostrophe = bool(APOSTROPHES.search(raw))
        for word in WORD.findall(APOSTROPHES.sub("", raw)):
            expanded = CONTRACTIONS.get(word)
            if expanded and (had_apostrophe or word not in AMBIGUOUS_CONTRACTIONS):
                found.extend(expanded.split())
            else:
                found.append(word)
            if len(found) >= limit:
                return found[:limit]
    return found


def is_stop_word(word):
    return word in STOP_WORDS


def stems(text, limit=MAX_QUERY_WORDS):
    return [stem(word) for word in words(text, limit)]


def edit_distance(a, b, limit=3):
    """Damerau-Levenshtein distance (adjacent swaps count once), or ``limit + 1`` if beyond it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous2 is not None
                and i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
