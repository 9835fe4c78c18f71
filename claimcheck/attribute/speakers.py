"""Speakers of direct quotations: who is named right after or right before a quote.

    "...," Zelensky said.       "...," said Marcus Bell, chief executive.
    Zelensky said: "..."        Yuki Tanaka struck a defiant tone: "..."
    Okafor: We employ 2,400 people.   (a transcript turn)
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..lazy import on_first_use
from ..model import Span
from .cues import REPORTING_VERBS, Cue, headline_speech_verb, speech_verbs, word_trie
from .subjects import is_inverted, sentence_subject, subject_after, subject_before

_AFTER_QUOTE_CHARS = 160
_BEFORE_QUOTE_CHARS = 240
_MAX_WORDS_BEFORE_VERB = 10
_MAX_WORDS_AFTER_VERB = 6
_LEAD = re.compile(r"[ \t]*[,;]?[ \t]*")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|[.!?]$")
_ABBREVIATED = re.compile(r"\b(?:[A-Z]|[A-Z][a-z]{1,3}|[a-z]\.[a-z])\.$")
_INTRODUCER = re.compile(r"(?::|—|–|\s--?)\s*$")
_INTERVIEWER_LABELS = frozenset(("Q", "Question", "Interviewer"))
_INTERVIEWEE_LABELS = frozenset(("A", "Answer"))


# A plain slotted class, never changed once built: cheaper to define and build than a
# frozen dataclass.
class Attribution:
    """A speaker phrase as written and the cue that introduced it."""

    __slots__ = ("phrase", "cue")

    def __init__(self, phrase: Span, cue: str) -> None:
        self.phrase = phrase
        self.cue = cue


def _word_count(text: str) -> int:
    return len(text.split())


def _quote_marks(text: str) -> int:
    """More than a pair (a nickname: "Fox") means another quotation stands in between."""
    return text.count('"') + text.count("“") + text.count("”")


def _has_sentence_end(text: str) -> bool:
    """A full stop, question or exclamation mark that is not an abbreviation's."""
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] != "." or not _ABBREVIATED.search(text, 0, m.end()):
            return True
    return False


def speaker_after(prose: str, quote_end: int, limit: int, ends_sentence: bool, headline: bool) -> Attribution | None:
    """ `," Zelensky said` / `," said Zelensky` right after a quotation."""
    limit = min(limit, quote_end + _AFTER_QUOTE_CHARS)
    start = _LEAD.match(prose, quote_end, limit).end()
    verb = _first_speech_verb(prose, start, limit, headline)
    if verb is None:
        return None
    between = prose[start:verb.start]
    if _word_count(between) > _MAX_WORDS_BEFORE_VERB or _has_sentence_end(between) or _quote_marks(between) > 2:
        return None
    if not between.strip():
        if headline:
            return None
        phrase = subject_after(prose, verb.end, limit)
    else:
        if ends_sentence and not between.lstrip()[0].islower():
            return None
        phrase = subject_before(prose, start, verb.start)
    return Attribution(phrase, verb.word.lower()) if phrase else None


def _first_speech_verb(prose: str, start: int, limit: int, headline: bool) -> Cue | None:
    """The first reporting verb of prose[start:limit]."""
    if headline:
        m = headline_speech_verb().search(prose, start, limit)
        return Cue(m.start(), m.end(), m.group(), "verb") if m else None
    verbs = speech_verbs(prose, start, limit)
    return verbs[0] if verbs else None


def speaker_before(prose: str, quote_start: int, lower: int, sentence_start: int) -> Attribution | None:
    """ `Zelensky said: "` or a colon or dash after the speaker's own sentence."""
    lower = max(lower, quote_start - _BEFORE_QUOTE_CHARS)
    head = prose[lower:quote_start].rstrip()
    if not head:
        return None
    verbs = speech_verbs(prose, lower, quote_start)
    if verbs:
        verb = verbs[-1]
        rest = prose[verb.end:quote_start].strip()
        if rest.endswith((":", ",")) and _word_count(rest) <= _MAX_WORDS_AFTER_VERB and not _has_sentence_end(rest[:-1]):
            clause_start = max(lower, sentence_start)
            if is_inverted(prose, clause_start, verb.start):
                return None
            phrase = subject_before(prose, clause_start, verb.start)
            if phrase:
                return Attribution(phrase, verb.word.lower())
    if _INTRODUCER.search(head):
        phrase = sentence_subject(prose, max(lower, sentence_start), quote_start)
        return Attribution(phrase, ":") if phrase else None
    return None


def inner_attribution(prose: str, start: int, end: int) -> int | None:
    """Where an unclosed quotation really ends: at ", said X" inside it, if there is one."""
    m = _inner_attribution().search(prose, start, end)
    return m.start() + 1 if m else None


@lru_cache(maxsize=1)
def _inner_attribution() -> re.Pattern[str]:
    """Inside a quotation left open: ", said Rosa Delgado" or ", Rosa Delgado said" ends it.

    Compiled on first use: only quotations left open need it.
    """
    speech = word_trie(REPORTING_VERBS)
    return re.compile(rf",[ \t]+(?:(?:{speech})[ \t]+(?:[A-Z]|the\b|a\b)|(?:[\w'’-]+[ \t]+){{1,4}}(?:{speech})\b)")


# A speaker label opening a paragraph: "Q: ", "Okafor: ", "Maria Lopez: ". Compiled on
# first use: it costs 3 M instructions to compile, and few texts have a paragraph
# _may_open_with_label lets through.
_label = on_first_use(r"(Q|A|[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}):[ \t]+\S")


def _may_open_with_label(prose: str, para: Span) -> bool:
    """What a label needs, by string methods: a capital first, then the paragraph's first
    colon (a label has none) within three words and before a blank."""
    if not "A" <= prose[para.start] <= "Z":
        return False
    colon = prose.find(":", para.start, para.end)
    if colon == -1 or prose[colon + 1:colon + 2] not in (" ", "\t"):
        return False
    return prose.count(" ", para.start, colon) + prose.count("\t", para.start, colon) <= 2


class Turn:
    """A transcript turn: a paragraph that opens with a speaker label ("Okafor: ...")."""

    __slots__ = ("paragraph", "label", "interviewer", "interviewee")

    def __init__(self, paragraph: int, label: Span, interviewer: bool, interviewee: bool) -> None:
        self.paragraph = paragraph
        self.label = label
        self.interviewer = interviewer
        self.interviewee = interviewee


def transcript_turns(prose: str, paragraphs: Sequence[Span]) -> dict[int, Turn]:
    """Labelled paragraphs of an interview, by paragraph index.

    A label counts when it is used for two turns or more; the interviewer is "Q" or the
    label whose turns mostly end in a question.
    """
    found: dict[str, list[tuple[int, Span]]] = {}
    for index, para in enumerate(paragraphs):
        m = _label().match(prose, para.start, para.end) if _may_open_with_label(prose, para) else None
        if m:
            found.setdefault(m.group(1), []).append((index, Span(m.start(1), m.end(1))))
    turns: dict[int, Turn] = {}
    for label, uses in found.items():
        if len(uses) < 2:
            continue
        questions = sum(1 for index, _ in uses if prose[paragraphs[index].end - 1] == "?")
        interviewer = label in _INTERVIEWER_LABELS or questions * 2 > len(uses)
        for index, span in uses:
            turns[index] = Turn(index, span, interviewer, label in _INTERVIEWEE_LABELS)
    return turns
