"""Subjects: the words that name who speaks, found beside a reporting verb.

The subject of "said" is the noun phrase before it in its clause, past appositions and
relative clauses set off by commas or dashes ("Valerii, a Bakhmut resident, told" ->
"Valerii"), or the phrase after it when the order is inverted ("..., said Marcus Bell").
"""
from __future__ import annotations

import re

from ..model import Span
from .cues import AUXILIARIES, CLAUSE_OPENERS, RELATIVE_PRONOUNS, TITLE_WORDS

# Commas and dashes set off appositions; colons and semicolons end clauses. What it
# matches is r"\s*(?:,|—|–|\s--?\s)\s*", written to start with one character set (the
# separator or the first of the blanks before it) so that the regex engine skips ahead
# to those characters instead of trying every position.
_SEPARATOR = re.compile(r"[\s,—–](?:(?<=[,—–])|(?<=\s)\s*(?:[,—–]|--?\s))\s*")
_AGE = re.compile(r"(?:aged\s+|both\s+)?\d{1,3}")
_MAX_SUBJECT_WORDS = 12
_MAX_APPOSITION_WORDS = 6
# Words after an inverted verb up to the first comma or full stop: "said Marcus Bell,".
_INVERTED = re.compile(
    r"[ \t]+((?:[^\s,.;:!?()]+[ \t]+){0,7}?[^\s,.;:!?()]+"
    # "said the spokesman, Dmitry Peskov": the name in apposition is the speaker's.
    r"(?:,[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3}(?=[ \t]*(?:[.;:!?]|$)))?)[ \t]*(?=[,.;:!?(]|$)"
)
_OPENING_WORDS = frozenset(("the", "a", "an"))


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The whitespace-separated words of text[start:end] with their offsets.

    str.split and str.find split on the same whitespace as \\S+ and cost less than a
    match object per word.
    """
    chunk = text[start:end]
    words: list[tuple[int, int, str]] = []
    position = 0
    for word in chunk.split():
        position = chunk.find(word, position)
        words.append((start + position, start + position + len(word), word))
        position += len(word)
    return words


def clause_chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans between commas and dashes, last one possibly empty (one list serves both
    subject_in and inverted_in)."""
    clause = text[start:end]
    if "," not in clause and "—" not in clause and "–" not in clause and "-" not in clause:
        return [(start, end)]  # no separator can match: most subjects stand alone ("Officials said")
    spans: list[tuple[int, int]] = []
    last = start
    for m in _SEPARATOR.finditer(text, start, end):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, end))
    return spans


def _is_parenthetical(words: list[str], has_previous: bool) -> bool:
    """A relative clause, participle, age or description standing beside a name."""
    first = words[0].lower().strip("\"'“‘")
    if first in RELATIVE_PRONOUNS or _AGE.fullmatch(" ".join(words)):
        return True
    if first.endswith(("ing", "ed")) and words[0][0].islower():
        return True  # "citing two people", "published by the IMF on Tuesday"
    return has_previous and first in _OPENING_WORDS


def subject_before(text: str, clause_start: int, verb_start: int) -> Span | None:
    """The subject of the verb at `verb_start`, searched back to `clause_start`.

    None when the verb directly follows a comma or quotation (inverted order) or no
    plausible subject stands before it.
    """
    return subject_in(text, clause_chunks(text, clause_start, verb_start))


def subject_in(text: str, chunks: list[tuple[int, int]]) -> Span | None:
    """subject_before on the clause's chunks.

    Words are plain str.split tokens; only the subject's own first and last word are
    located in the text, from the end of the chunk (a clause can be a whole sentence long).
    """
    last_chunk = len(chunks) - 1
    for index in range(last_chunk, -1, -1):
        start, end = chunks[index]
        words = text[start:end].split()
        count = len(words)
        while count and words[count - 1].lower() in AUXILIARIES:
            count -= 1
        if not count:
            continue
        if index < last_chunk and _is_parenthetical(words[:count], index > 0):
            continue
        opener = count - 1
        while opener >= 0 and words[opener].lower() not in CLAUSE_OPENERS:
            opener -= 1
        if opener == count - 1 or count - opener - 1 > _MAX_SUBJECT_WORDS:
            return None
        return _token_span(text, start, end, words, opener + 1, count)
    return None


def _token_span(text: str, start: int, end: int, words: list[str], first: int, stop: int) -> Span:
    """The span from words[first] to words[stop - 1], the str.split tokens of text[start:end].

    Searched backwards from the end: between a token and the next one there is only white
    space, so rfind before the next token's start finds the token itself.
    """
    position = end
    for index in range(len(words) - 1, first - 1, -1):
        position = text.rfind(words[index], start, position)
        if index == stop - 1:
            last_end = position + len(words[index])
    return Span(position, last_end)


def is_inverted(text: str, clause_start: int, verb_start: int) -> bool:
    """Does the verb open its attribution ("..., said Marcus Bell")?

    So when a comma or closing quote stands right before the verb and what precedes it is
    a statement rather than a subject set off by commas ("Clara Voss, said").
    """
    return inverted_in(text, clause_chunks(text, clause_start, verb_start))


def inverted_in(text: str, chunks: list[tuple[int, int]]) -> bool:
    """is_inverted on the clause's chunks."""
    if text[chunks[-1][0]:chunks[-1][1]].strip(" \t\"'”’»"):
        return False
    nonempty = [c for c in chunks[:-1] if text[c[0]:c[1]].strip(" \t\"'”’»")]
    if not nonempty:
        return True
    words = text[nonempty[-1][0]:nonempty[-1][1]].split()
    if _is_parenthetical(words, len(nonempty) > 1):
        return False
    return len(words) > _MAX_APPOSITION_WORDS or any(w.lower() in CLAUSE_OPENERS for w in words)


def subject_after(text: str, verb_end: int, limit: int) -> Span | None:
    """The subject after an inverted verb: "..., said Marcus Bell, chief executive"."""
    m = _INVERTED.match(text, verb_end, limit)
    if not m:
        return None
    return Span(m.start(1), m.end(1))


def sentence_subject(text: str, start: int, end: int) -> Span | None:
    """The name or noun phrase a sentence opens with ("Chief executive Yuki Tanaka")."""
    words = _words(text, start, end)
    taken: list[tuple[int, int, str]] = []
    for word in words:
        bare = word[2].strip(",\"'“‘")
        if not bare:
            break
        if bare[0].isupper() or bare.lower() in TITLE_WORDS or (not taken and bare.lower() in _OPENING_WORDS):
            taken.append(word)
            if word[2].endswith(","):
                break
            continue
        break
    if not taken:
        return None
    return Span(taken[0][0], taken[-1][1] - (1 if taken[-1][2].endswith(",") else 0))
