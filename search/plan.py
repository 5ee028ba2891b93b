"""
What a parent's words ask for: the groups of words to look for, whether they speak of danger,
and whether they are about getting help.

A *group* stands for one thing the parent typed (a word, or a phrase a synonym knows, such as
"baby blues") and lists the ways of saying it: what was typed and what it also means. A page
matches a group when it holds every word of any one of its ways. Stop words ("the", "my", "not")
are left out of groups, as PostgreSQL leaves them out of its index; they still count for crisis
phrases, where "hurt my baby" must not match "my baby hurt his hand".
"""

from dataclasses import dataclass, field

from . import text
from .wordlists import LONGEST_TERM

MAX_GROUPS = 10
CRISIS_WORDS = 250  # more than a search box's 200 characters can hold

# Words and phrases that make a search about getting help: then help cards may come before
# guidance. "help" alone is not one of them: "help my baby sleep" asks for guidance.
_HELP_WORDS = (
    "helpline helplines hotline number numbers phone call ring contact service services "
    "urgent emergency advice text line lines crisis 111 999"
)
HELP_STEMS = frozenset(text.stem(word) for word in _HELP_WORDS.split())
HELP_PHRASES = [
    tuple(text.stems(phrase))
    for phrase in ("get help", "need help", "help now", "talk to someone", "someone to talk to")
]


@dataclass(frozen=True)
class Group:
    label: str  # the words as typed, for messages
    ways: tuple[tuple[str, ...], ...]  # each a tuple of words (not stems), stop words left out

    @property
    def words(self):
        return {word for way in self.ways for word in way}


@dataclass
class Plan:
    query: str
    words: list[str]  # every word typed, contractions spelled out
    groups: list[Group] = field(default_factory=list)
    crisis: bool = False
    about_help: bool = False

    @property
    def stems(self):
        """Every stem a page may match on, for highlighting."""
        return {text.stem(word) for group in self.groups for word in group.words}


def make_plan(query, lists):
    # Danger is looked for in every word a long message holds; what to search for in the first.
    every_stem = [text.stem(word) for word in text.words(query, limit=CRISIS_WORDS)]
    words = text.words(query)
    stems = every_stem[: len(words)]
    plan = Plan(query=query, words=words)
    plan.crisis = any(_contains(every_stem, phrase) for phrase in lists.crisis)
    plan.about_help = any(item in HELP_STEMS for item in stems) or any(
        _contains(stems, phrase) for phrase in HELP_PHRASES
    )

    seen = set()
    position = 0
    while position < len(words) and len(plan.groups) < MAX_GROUPS:
        span, others = _synonym_at(stems, position, lists.synonyms)
        typed = tuple(filter(_worth_looking_for, words[position : position + span]))
        ways = [typed] if typed else []
        for other in others:
            way = tuple(word for word in other if _worth_looking_for(word))
            if way and way not in ways:
                ways.append(way)
        position += span
        key = frozenset(ways)
        if ways and key not in seen:
            seen.add(key)
            plan.groups.append(Group(" ".join(words[position - span : position]), tuple(ways)))
    return plan


def _worth_looking_for(word):
    return not text.is_stop_word(word) and (len(word) > 1 or word.isdigit())


def _synonym_at(stems, position, synonyms):
    """The longest synonym term starting at ``position``: (its length in words, its others)."""
    for length in range(min(LONGEST_TERM, len(stems) - position), 0, -1):
        if others := synonyms.get(tuple(stems[position : position + length])):
            return length, others
    return 1, []


def _contains(stems, phrase):
    length = len(phrase)
    return any(
        tuple(stems[start : start + length]) == phrase for start in range(len(stems) - length + 1)
    )
