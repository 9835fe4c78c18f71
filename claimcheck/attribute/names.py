"""Names: turn a speaker as written ("he", "Zelensky", "the minister") into who it is.

People resolve to the fullest name the document uses for them; organisations and plural
bodies ("officials", "the Institute for the Study of War") stay as written. Lookups search
backwards from the mention over a bounded window, so the cost does not grow with the
length of the document.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Iterator, Sequence

from ..model import Span

from .cues import (
    BODY_NOUNS,
    CALENDAR_WORDS,
    COMMON_SOURCE_WORDS,
    FIRST_PERSON,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    TITLE_WORDS,
)

_CAP = r"[A-Z][\w'’&.-]*"
_PARTICLE_WORDS = "de|van|von|der|den|bin|al|da|di|du|la|le|del"
_PARTICLES = rf"(?:{_PARTICLE_WORDS})"
_CONNECT = rf"(?:of|for|the|{_PARTICLE_WORDS})"
# A capitalised run: "Volodymyr Zelensky", "Institute for the Study of War". The test of
# the character before it comes after the capital, so that the pattern starts with a
# character set and the regex engine skips ahead to capitals. It is two look-behinds,
# not [\w'’-]: a class with a character past U+00FF and three runs costs re about 1.4 M
# instructions to compile (a 64K-entry bitmap); [\w'-] and ’ alone cost little.
NAME_RUN = re.compile(rf"[A-Z](?<![\w'-].)(?<!’.)[\w'’&.-]*(?:[ \t]+(?:{_CONNECT}[ \t]+){{0,2}}{_CAP})*")
_GAP = re.compile(r"[ \t]+")
_ABBREVIATION_MAX = 4
_DETERMINERS = frozenset("the a an".split())
_PREPOSITIONS = frozenset("in at for from of with by on near within".split())
# Words after the head of a description that only qualify it.
_QUALIFIER_STARTS = frozenset("with who whom whose which that".split())
_PARENTHESIS = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,4}")
# What follows a single name when the writer introduces a person: "Ingrid, 38," "Valerii, a resident".
_APPOSITION = re.compile(r",[ \t]+(?:\d|(?:a|an|the|who|whose)\b)")
_POSSESSIVE = ("'s", "’s", "'", "’")
_ARTICLES = frozenset("the a an".split())
_HEADLINE_MAX_CHARS = 200
_MID_SENTENCE = frozenset("abcdefghijklmnopqrstuvwxyz,;")
_WINDOW = 1500  # characters looked back for the person a pronoun stands for
_FULL_NAME_LOOKUPS = 40  # occurrences of a surname inspected for the full name
_SINGULAR_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON


# A plain slotted class, never changed once built: cheaper to define and build than a
# frozen dataclass.
class Name:
    """A capitalised run of words, its tokens and what it looks like it names."""

    __slots__ = ("start", "end", "tokens", "is_person", "possessive")

    def __init__(self, start: int, end: int, tokens: tuple[str, ...], is_person: bool, possessive: bool) -> None:
        self.start = start
        self.end = end
        self.tokens = tokens
        self.is_person = is_person
        self.possessive = possessive


def _bare(token: str) -> str:
    for suffix in _POSSESSIVE:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)]
    token = token.rstrip(",")
    # A full stop after a long word ends a sentence; after a short one it abbreviates (Inc.).
    return token[:-1] if token.endswith(".") and len(token) > _ABBREVIATION_MAX else token


def read_name(text: str, start: int, end: int) -> Name | None:
    """The run text[start:end] with titles and sentence openers taken off its front."""
    read = _read_run(text[start:end])
    if read is None:
        return None
    name_start, name_end, words, is_person, possessive = read
    return Name(start + name_start, start + name_end, words, is_person, possessive)


@lru_cache(maxsize=4096)
def _read_run(run: str) -> tuple[int, int, tuple[str, ...], bool, bool] | None:
    """read_name on the run's own text, offsets relative to it (cached: names recur)."""
    tokens = run.split()
    first = 0
    while first < len(tokens) and tokens[first].lower() in NOT_NAMES:
        first += 1
    last = len(tokens)
    while last > first and tokens[last - 1].lower() in NOT_NAMES:
        last -= 1
    lowered = {_bare(t).rstrip(".").lower() for t in tokens[first:last]}
    is_org = not lowered.isdisjoint(ORGANISATION_WORDS)
    if not is_org:
        # "Ukrainian Foreign Minister Dmytro Kuleba": the name follows the last title word.
        titles = [i for i in range(first, last - 1) if _bare(tokens[i]).rstrip(".").lower() in TITLE_WORDS]
        first = titles[-1] + 1 if titles else first
    if first == last or not tokens[first][0].isupper():
        return None
    kept = tokens[first:last]
    words = tuple(_bare(t) for t in kept)
    lowered = {w.lower() for w in words}
    is_org = is_org or (len(words) == 1 and _ACRONYM.fullmatch(words[0]) is not None)
    is_calendar = not lowered.isdisjoint(CALENDAR_WORDS)
    possessive = kept[-1].endswith(_POSSESSIVE) and kept[-1] not in _POSSESSIVE
    name_start = _offset_of_token(run, first)
    name_end = _offset_of_token(run, last - 1) + len(kept[-1])
    return name_start, name_end, words, not is_org and not is_calendar, possessive


def _offset_of_token(run: str, index: int) -> int:
    """Where the index-th token of a run (tokens separated by spaces or tabs) starts."""
    if index == 0:
        return 0
    for count, gap in enumerate(_GAP.finditer(run), 1):
        if count == index:
            return gap.end()
    return len(run)


class NameBook:
    """Resolves speakers as written to canonical names within one document."""

    def __init__(self, prose: str, paragraphs: Sequence[Span], in_quotation: Callable[[int], bool]) -> None:
        self._prose = prose
        self._paragraphs = paragraphs
        self._paragraph_starts = [p.start for p in paragraphs]
        self._in_quotation = in_quotation
        self._fullest: dict[tuple[tuple[str, ...], bool], str] = {}
        self._runs: dict[int, list[Name]] = {}
        self._acronyms: dict[str, str | None] = {}
        self._proper: dict[str, bool] = {}
        self._by_phrase: dict[str, str | None] = {}
        self._common: dict[str, bool] = {}
        self._lowered: str | None = None

    def canonical(self, phrase: str, start: int, sentence_start: int) -> str | None:
        """The canonical name for a speaker phrase written at `start`."""
        phrase, acronym = _split_parenthesis(phrase)
        words = phrase.split()
        if not words:
            return phrase
        if len(words) == 1:
            lowered = phrase.lower()
            if lowered in PLURAL_PRONOUNS:
                return None  # "they said": the speakers named last, which the attributor knows
            if lowered in _SINGULAR_PRONOUNS:
                return self.pronoun(lowered, start) or phrase
            if self._at_sentence_start(start) and self._is_common_word(words[0]):
                return self._as_written(phrase, start)
        named = self._named(phrase)
        if named is not None:
            return named
        if words[0].lower() == "the" and len(words) <= 4:
            head = words[-1].lower()
            if head not in BODY_NOUNS:
                found = self.described(words[-1], start)
            elif len(words) == 2:
                found = self.organisation(head, start, sentence_start)
            else:
                found = None
            if found:
                return found
        return self._as_written(phrase, start)

    def _as_written(self, phrase: str, start: int) -> str:
        """A description as written, without what only qualifies it ("Diplomats briefed on
        the talks" -> "diplomats") and without a capital it has only for starting a sentence."""
        words = phrase.split()
        cut = next((i for i, w in enumerate(words) if i and (w in _QUALIFIER_STARTS or (w.islower() and w.endswith("ed")))), len(words))
        phrase = " ".join(words[:cut])
        first = words[0]
        if first in ("A", "An", "The") or (first[0].isupper() and self._at_sentence_start(start) and self._is_common_word(first)):
            return first.lower() + phrase[len(first):]
        return phrase

    def _named(self, phrase: str) -> str | None:
        """The canonical name of a phrase that ends with a name (cached: it does not
        depend on where the phrase stands)."""
        if phrase not in self._by_phrase:
            name = _trailing_name(phrase)
            if name is None:
                self._by_phrase[phrase] = None
            elif name.is_person:
                self._by_phrase[phrase] = self.fullest(name, 0)
            else:
                expanded = self.expand_acronym(name.tokens[0]) if len(name.tokens) == 1 else None
                self._by_phrase[phrase] = expanded or " ".join(name.tokens)
        return self._by_phrase[phrase]

    def fullest(self, name: Name, offset: int) -> str:
        """The longest form of a name the document uses ("Zelensky" -> "Volodymyr Zelensky")."""
        if len(name.tokens) > 1:
            return " ".join(name.tokens)
        key = (name.tokens, name.is_person)
        if key not in self._fullest:
            self._fullest[key] = self._find_fullest(name)
        return self._fullest[key]

    def _find_fullest(self, name: Name) -> str:
        best = name.tokens
        surname = name.tokens[-1]
        pattern = _full_name_pattern(surname, name.is_person)
        seen = 0
        position = self._prose.find(surname)
        while position != -1 and seen < _FULL_NAME_LOOKUPS:
            seen += 1
            m = pattern.search(self._prose, max(0, position - 80), position + len(surname))
            if m and m.end() == position + len(surname) and not self._in_headline(position):
                found = read_name(self._prose, m.start(), m.end())
                if found and found.is_person == name.is_person and found.tokens[-len(best):] == best and len(found.tokens) > len(best):
                    best = found.tokens
            position = self._prose.find(surname, position + len(surname))
        return " ".join(best)

    def _in_headline(self, offset: int) -> bool:
        """Headlines capitalise every word, so their runs are not names."""
        return self.is_headline(self._paragraphs[self._paragraph_index(offset)])

    def is_headline(self, para: Span) -> bool:
        """A short single line that does not end like a sentence."""
        return para.end - para.start <= _HEADLINE_MAX_CHARS and self._prose[para.end - 1] not in ".!?:;\"”" and self._prose.find("\n", para.start, para.end) == -1

    def expand_acronym(self, acronym: str) -> str | None:
        """ "ISW" -> "Institute for the Study of War" where the document spells it out."""
        if acronym not in self._acronyms:
            expansion = None
            at = self._prose.find(f"({acronym})")
            if at > 0:
                runs = list(NAME_RUN.finditer(self._prose, max(0, at - 120), at))
                if runs:
                    name = read_name(self._prose, runs[-1].start(), runs[-1].end())
                    expansion = " ".join(name.tokens) if name else None
            self._acronyms[acronym] = expansion
        return self._acronyms[acronym]

    def names_before(self, offset: int) -> Iterator[Name]:
        """Names outside quotations before `offset`, nearest first, within a window.

        Paragraphs are read only as far back as needed: most pronouns point into the
        same or the previous paragraph.
        """
        lower = max(0, offset - _WINDOW)
        index = self._paragraph_index(offset)
        while index >= 0 and self._paragraphs[index].end > lower:
            for name in reversed(self._paragraph_names(index)):
                if name.end <= offset and name.start >= lower:
                    yield name
            index -= 1

    def _paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def _paragraph_names(self, index: int) -> list[Name]:
        """The names of one paragraph outside quotations (cached); none in a headline, whose
        capitals are style ("Bridge Repairs Delayed"), and whose names the story repeats."""
        if index not in self._runs:
            para = self._paragraphs[index]
            names: list[Name] = []
            runs = () if self.is_headline(para) else NAME_RUN.finditer(self._prose, para.start, para.end)
            for m in runs:
                if self._in_quotation(m.start()):
                    continue
                name = read_name(self._prose, m.start(), m.end())
                if name is not None and not name.possessive:
                    names.append(name)
            self._runs[index] = names
        return self._runs[index]

    def person_before(self, offset: int) -> str | None:
        """The person named last before `offset` (an interview's subject before its turns)."""
        return self.pronoun("he", offset)

    def pronoun(self, pronoun: str, offset: int) -> str | None:
        """Who "he", "she" or "it" most likely stands for at `offset`."""
        if pronoun in FIRST_PERSON or pronoun in PLURAL_PRONOUNS:
            return None
        wants_person = pronoun in PERSON_PRONOUNS
        for name in self.names_before(offset):
            if wants_person and name.is_person and self._is_person_mention(name, offset):
                return self.fullest(name, offset)
            if not wants_person and not name.is_person and not (set(w.lower() for w in name.tokens) & CALENDAR_WORDS):
                return " ".join(name.tokens)
            if not wants_person and name.is_person and len(name.tokens) == 1 and not self._is_person_mention(name, offset):
                return name.tokens[0]
        return None

    def _is_person_mention(self, name: Name, offset: int) -> bool:
        """Two or more words, a surname seen in full, or a single name in apposition."""
        if len(name.tokens) > 1 or self.fullest(name, offset) != name.tokens[0]:
            return True
        return _APPOSITION.match(self._prose, name.end) is not None

    def of_age(self, age: str, offset: int) -> str | None:
        """The person introduced with this age ("Ana Ruiz, 52," or "52-year-old Ana Ruiz")."""
        lower = max(0, offset - 8 * _WINDOW)
        best: tuple[int, Name] | None = None
        after = self._prose.rfind(f"{age}-year-old ", lower, offset)
        if after != -1:
            run = NAME_RUN.match(self._prose, after + len(age) + 10)
            name = read_name(self._prose, run.start(), run.end()) if run else None
            if name and name.is_person:
                best = (after, name)
        before = self._prose.rfind(f", {age},", lower, offset)
        if before != -1 and (best is None or before > best[0]):
            name = self._run_ending_at(before)
            if name and name.is_person:
                best = (before, name)
        return self.fullest(best[1], best[0]) if best else None

    def organisation(self, head: str, offset: int, sentence_start: int) -> str | None:
        """The body "the club" or "the council" points back to.

        The sentence's own subject when it is a name ("Rovers will ..., the club said"),
        else the nearest name with the noun in it ("Lowland secretariat"), else the nearest
        name that reads as an organisation's ("Brightwater Energy Inc.").
        """
        opening = NAME_RUN.match(self._prose, sentence_start, offset)
        if opening:
            name = read_name(self._prose, opening.start(), opening.end())
            if name and name.start == opening.start() and self._is_proper(name) and not name.possessive:
                return self.fullest(name, offset)
        for position in self._occurrences_before(head, offset, max(0, offset - 4 * _WINDOW)):
            if self._in_quotation(position):
                continue
            inside = NAME_RUN.match(self._prose, position)
            if inside and self._prose[position].isupper():
                name = self._run_ending_at(inside.end())
            else:
                name = self._run_ending_at(position - 1) if self._prose[position - 1:position] == " " else None
                if name is not None:
                    return " ".join(name.tokens) + " " + head
            if name is not None:
                return " ".join(name.tokens)
        for name in self.names_before(offset):
            if not name.is_person and not CALENDAR_WORDS.intersection(w.lower() for w in name.tokens):
                return self.fullest(name, offset)
        return None

    def _run_ending_at(self, end: int) -> Name | None:
        """The capitalised run that ends exactly at `end` ("Ana Ruiz" before ", 52,")."""
        runs = list(NAME_RUN.finditer(self._prose, max(0, end - 80), end))
        if not runs or runs[-1].end() != end:
            return None
        return read_name(self._prose, runs[-1].start(), runs[-1].end())

    def _occurrences_before(self, word: str, offset: int, lower: int) -> Iterator[int]:
        """Where `word` stands as a whole word before `offset`, nearest first, any case."""
        if self._lowered is None:
            self._lowered = self._prose.lower()
        word = word.lower()
        position = self._lowered.rfind(word, lower, offset)
        while position != -1:
            end = position + len(word)
            if (position == 0 or not self._lowered[position - 1].isalnum()) and (end >= len(self._lowered) or not self._lowered[end].isalnum()):
                yield position
            position = self._lowered.rfind(word, lower, position)

    def _is_proper(self, name: Name) -> bool:
        """Not a common word capitalised only because it starts a sentence."""
        if len(name.tokens) > 1 or not self._at_sentence_start(name.start):
            return True
        return self._is_proper_word(name.tokens[0])

    def _is_common_word(self, word: str) -> bool:
        """A word capitalised only for starting a sentence: a known common noun of sources,
        or one the document also writes in lower case."""
        lowered = word.lower()
        if lowered in COMMON_SOURCE_WORDS:
            return True
        if lowered not in self._common:
            self._common[lowered] = _has_word(self._prose, lowered)
        return self._common[lowered]

    def _is_proper_word(self, token: str) -> bool:
        """Is the word capitalised somewhere a sentence does not start?"""
        if token not in self._proper:
            self._proper[token] = _has_word_mid_sentence(self._prose, token)
        return self._proper[token]

    def _at_sentence_start(self, offset: int) -> bool:
        before = self._prose[max(0, offset - 3):offset].rstrip(" \t\"'“‘")
        return not before or before[-1] in ".!?:\n"

    def described(self, head: str, offset: int) -> str | None:
        """The person a definite description ("the minister") points back to."""
        for position in self._occurrences_before(head, offset, max(0, offset - 4 * _WINDOW)):
            if self._in_quotation(position):
                continue
            name = self._name_beside(position, position + len(head))
            if name is not None:
                return self.fullest(name, position)
        return None

    def _name_beside(self, start: int, end: int) -> Name | None:
        """The person named right after a title or in apposition to it."""
        after = NAME_RUN.match(self._prose, end + 1) if self._prose[end:end + 1] == " " else None
        if after is None and self._prose.startswith(", ", end):
            after = NAME_RUN.match(self._prose, end + 2)
        if after is not None:
            name = read_name(self._prose, after.start(), after.end())
            if name is not None and name.is_person:
                return name
        return None


@lru_cache(maxsize=1024)
def _full_name_pattern(surname: str, is_person: bool) -> re.Pattern[str]:
    """Up to three capitalised words before `surname` (cached: one compile per surname).

    The first word is written out rather than as {1,3}: starting with a capital, the
    pattern lets the regex engine skip ahead to capitals.
    """
    connect = _PARTICLES if is_person else _CONNECT
    word = rf"{_CAP}[ \t]+(?:{connect}[ \t]+)?"
    return re.compile(rf"{word}(?:{word}){{0,2}}{re.escape(surname)}\b")


@lru_cache(maxsize=4096)
def _trailing_name(phrase: str) -> Name | None:
    """The name a phrase ends with ("agency spokeswoman Lena Marsh"), if it ends with one
    (cached: speaker phrases recur; a Name is never changed, so sharing it is safe)."""
    last: re.Match[str] | None = None
    for m in NAME_RUN.finditer(phrase):
        last = m
    if last is None or phrase[last.end():].strip(" \"'”’"):
        return None
    before = [w.lower() for w in phrase[:last.start()].split()[-2:]]
    if before and before[-1] in _DETERMINERS:
        before.pop()
    if before and before[-1] in _PREPOSITIONS:
        return None  # "officials in Kherson": the name only says where they are
    name = read_name(phrase, last.start(), last.end())
    return None if name is None or name.possessive else name


def _is_word_char(text: str, index: int) -> bool:
    """A character re's \\w matches (alphanumeric or "_"); none outside the text."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _boundary(text: str, index: int) -> bool:
    """re's \\b at `index`."""
    return _is_word_char(text, index - 1) != _is_word_char(text, index)


def _has_word(text: str, word: str) -> bool:
    """re.search(rf"\\b{word}\\b", text) without compiling a pattern per word."""
    position = text.find(word)
    while position != -1:
        if _boundary(text, position) and _boundary(text, position + len(word)):
            return True
        position = text.find(word, position + 1)
    return False


def _has_word_mid_sentence(text: str, token: str) -> bool:
    """re.search(rf"(?<=[a-z,;] ){token}\\b", text) without compiling a pattern per token."""
    position = text.find(token, 2)
    while position != -1:
        if text[position - 1] == " " and text[position - 2] in _MID_SENTENCE and _boundary(text, position + len(token)):
            return True
        position = text.find(token, position + 1)
    return False


def _split_parenthesis(phrase: str) -> tuple[str, str | None]:
    if ")" not in phrase:
        return phrase.strip(), None  # most phrases: no search through every position
    m = _PARENTHESIS.search(phrase)
    if m:
        return phrase[: m.start()].rstrip(), m.group(1)
    return phrase.strip(), None
