"""The subject of a numeric claim: the noun it counts, or the person an age belongs to.

No tagger: news English puts the counted noun right after the number ("5,000
civilians", "some 140 children", "three-day trip"), so a few words after it, read with
tables of words that are never nouns, find it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Words that end a noun phrase: determiners, pronouns, prepositions, conjunctions,
# auxiliaries and the commonest verbs and adverbs of news copy.
NOT_NOUNS: frozenset[str] = frozenset("""
a an the this that these those its it it's his her hers their theirs our ours my your
yours he she they we you i me him them us who whom whose which what where when why how
of in on at to for from by with without within into onto over under above below about
around across along among amid between behind beyond during since until till than as per
via after before against toward towards through throughout upon off out up down near
and or but nor so yet if unless because while whereas although though whether then also
is are was were be been being am has have had having do does did done will would shall
should can could may might must ought said says say told tells tell added adds according
including include includes included remain remains remained stay stays stayed came come
comes went go goes gone got get gets make makes made take takes took become became
becomes seem seems seemed left leave leaves died die dies killed hurt injured wounded
more most less least fewer many much few several some any all each every both either
neither no not none only just even still already again ago later earlier here there
now today yesterday tomorrow tonight alone too very really nearly almost about roughly
away back ever never always often once twice per cent percent
mostly mainly largely
""".split())

IRREGULAR_PLURALS: frozenset[str] = frozenset("""
people children men women police staff personnel feet teeth mice geese cattle data
media crew troops livestock clergy faculty brethren offspring aircraft sheep deer fish
""".split())

# Adjectives that sit between a single count and its noun ("one other man", "its second
# straight year"); a singular subject skips them and takes the next word as the head.
SINGULAR_MODIFIERS: frozenset[str] = frozenset("""
other new more additional extra single straight consecutive successive whole full final
big small major key top same different separate further last previous record
""".split())

_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "’s", "news", "series", "species")
_WORD = re.compile(r"(?:[^\S\n]+|\n(?![^\S\n]*\n))[^\S\n]*([A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*)(?![\w-])")
_OF = re.compile(r"[^\S\n]+of(?=\s)")
_DETERMINER = re.compile(r"[^\S\n]+(?:the|a|an|its|their|his|her|our|this|that|these|those)(?=\s)", re.IGNORECASE)
_NAME_BEFORE_COMMA = re.compile(
    r"(?<![\w'’.-])((?:[A-Z][\w'’.-]*[^\S\n]+(?:(?:de|van|von|der|da|di|du|le|la|al|bin|dos|del)[^\S\n]+)*){0,3}[A-Z][\w'’.-]*),[^\S\n]*\Z"
)


@dataclass(slots=True)
class Subject:
    """A subject and the offset where its words end in the text.

    Not frozen: a frozen dataclass pays a setattr call per field, for every number read.
    """

    text: str
    end: int


def is_plural(word: str) -> bool:
    """A plural noun by its form: "civilians", "counties", "people", "fishermen"."""
    return _plural(word.lower())


def _plural(lower: str) -> bool:
    if lower in IRREGULAR_PLURALS or (lower.endswith("men") and len(lower) > 4):
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(_NOT_PLURAL_ENDINGS)


def _noun_like(word: str) -> bool:
    return _noun_like_lower(word.lower())


def _noun_like_lower(lower: str) -> bool:
    return lower not in NOT_NOUNS and not lower.endswith("ly")


def _participle(word: str) -> bool:
    """A past participle ("recorded", "reported"): a modifier or a verb, never the head."""
    return _participle_lower(word.lower())


def _participle_lower(lower: str) -> bool:
    return len(lower) > 4 and lower.endswith("ed") and not lower.endswith("eed")


# What a word after a number is to counted_noun, by its form: a word that ends the noun
# phrase, a participle (read past), else a noun, with flags for a plural and a singular
# modifier. Remembered per word as written (news repeats its words; each test is a method
# call), up to a bound so a long run of distinct words cannot grow it without end.
_STOP, _PARTICIPLE, _NOUN, _PLURAL_NOUN, _MODIFIER = 1, 2, 4, 8, 16


@lru_cache(maxsize=20_000)
def _classify(word: str) -> int:
    lower = word.lower()
    if not _noun_like_lower(lower):
        return _STOP
    if _participle_lower(lower):
        return _PARTICIPLE
    return _NOUN | (_PLURAL_NOUN if _plural(lower) else 0) | (_MODIFIER if lower in SINGULAR_MODIFIERS else 0)


def counted_noun(text: str, pos: int, *, singular: bool, max_words: int = 4) -> Subject | None:
    """The noun counted by the number that ends at `pos`.

    For a plural count, the words up to the first plural within a few words
    ("700 heart transplants"); for one thing, the next noun after any of
    SINGULAR_MODIFIERS ("one other man", "second year").
    """
    words: list[str] = []
    end = pos
    for _ in range(max_words):
        m = _WORD.match(text, end)
        if m is None:
            return None
        word = m.group(1)
        code = _classify(word)
        if code == _STOP:
            return None
        words.append(word)
        end = m.end()
        if code == _PARTICIPLE:
            continue
        if not code & _MODIFIER if singular else code & _PLURAL_NOUN:
            return Subject(" ".join(words), end)
    return None


def next_noun(text: str, pos: int) -> Subject | None:
    """The single noun right after `pos` ("three-day trip" -> trip), if any."""
    return counted_noun(text, pos, singular=True, max_words=2)


def of_phrase(text: str, pos: int) -> int | None:
    """Where " of" right after `pos` ends ("hundreds of troops"), else None."""
    m = _OF.match(text, pos)
    return m.end() if m else None


def share_phrase_end(text: str, pos: int, max_words: int = 3) -> int:
    """The end of what a share divides ("half of the parks budget", "half the town"),
    else `pos`."""
    start = of_phrase(text, pos)
    m = _DETERMINER.match(text, pos if start is None else start)
    if start is None and m is None:
        return pos
    end = m.end() if m else start
    last = pos
    for _ in range(max_words):
        word = _WORD.match(text, end)
        if word is None or not _noun_like(word.group(1)) or _participle(word.group(1)):
            break
        end = last = word.end()
    return last


def name_before_comma(text: str, pos: int) -> str | None:
    """The capitalised name right before ", " at `pos` ("Maria Lopez, 44" -> Maria Lopez)."""
    m = _NAME_BEFORE_COMMA.search(text, max(0, pos - 60), pos)
    return m.group(1) if m else None
