"""Reported speech: the stretch of a sentence each reporting cue governs.

A cue's subject speaks for the clause after the verb ("Officials said 5,000 remain") or,
when the attribution trails ("5,000 remain, officials said"), for the sentence before it.
"according to X" and hedges ("reportedly") cover the whole sentence. Relative clauses and
ages set off by commas inside what is governed are the writer's background, not the
speaker's claim.
"""
from __future__ import annotations

import re
from typing import Callable

from ..lazy import on_first_use
from ..model import Source, Span
from .cues import DOCUMENT_NOUNS, EVIDENCE_VERBS, HEDGES, NOUN_LIKE_VERBS, OBJECT_VERBS, PRONOUNS, Cue, find_cues
from .subjects import clause_chunks, inverted_in, sentence_subject, subject_after, subject_before, subject_in


# The small records below are plain slotted classes, never changed after they are built:
# a frozen dataclass costs about a millisecond to define at import and several times as
# much to build, and frames are built per cue.


class Speaker:
    """Who a frame's claims come from: a phrase to resolve, or a source already known.

    Phrases are resolved only for the frames that end up governing a claim.
    """

    __slots__ = ("phrase", "cue", "source")

    def __init__(self, phrase: Span | None, cue: str, source: Source | None = None) -> None:
        self.phrase = phrase
        self.cue = cue
        self.source = source


class Frame:
    """Characters [start, end) whose claims come from `speaker` (None: the text's own)."""

    __slots__ = ("start", "end", "speaker")

    def __init__(self, start: int, end: int, speaker: Speaker | None) -> None:
        self.start = start
        self.end = end
        self.speaker = speaker


class Sentence:
    """What the frame finder needs to know about one sentence: its span, and where speech
    ends inside it (clause_starts: after quotations and semicolons)."""

    __slots__ = ("span", "clause_starts")

    def __init__(self, span: Span, clause_starts: tuple[int, ...]) -> None:
        self.span = span
        self.clause_starts = clause_starts


_MAX_TRAILING_WORDS = 6
# A sentence of news has a handful of cues; a run of "said said said" must not cost more.
_MAX_CUES_PER_SENTENCE = 12
_THAT = re.compile(r"(?:[ \t]+[^\s,;:]+){0,4}?[ \t]+that\b")
# The speaker after "according to": up to twelve words, ended by punctuation (see _phrase_after).
_MAX_PHRASE_WORDS = 12
_PHRASE_WORD = re.compile(r"[^\s,;:!?()]+")
_PHRASE_END = re.compile(r"[ \t]*(?:[,;:!?(]|\.(?:\s|$)|$)")
_BLANKS = re.compile(r"[ \t]+")
_NEXT_BREAK = re.compile(r"[,;:]|$")
# Asides that explain a name ("Acme, the parts maker that employs 850 people,", "Smith,
# who has run the shop for 30 years,", "Jones, 44,"): the writer's, wherever they stand.
_NAME_ASIDE_PATTERN = r"(?P<name>[A-Z][\w'’.-]*),[ \t]+(?:(?:the|a|an|who|whom|whose)\b[^,;—–]*,|(?:aged[ \t]+)?\d{1,3},)"
# The pattern alone, for text without a dash: starting with a capital, it lets the regex
# engine skip ahead to capitals instead of trying every position.
_NAME_ASIDE = re.compile(_NAME_ASIDE_PATTERN)
# In reported speech a relative clause is background too ("said the library, which opened in
# 1931, had 52,000 visits"); under a trailing "according to" it is part of the account.
_RELATIVE = re.compile(r",[ \t]+which\b[^,;—–]*(?:,|(?=[;—–]))")


# Patterns of rarer frames, compiled on first use: each costs 0.3-4 M instructions to
# compile at start-up, and many documents never need them.
# A clause after the verb without "that": a subject and then a finite verb within a few
# words (asked only of verbs that also take an object: "added").
_clause_ahead = on_first_use(
    r"(?:[ \t]+[^\s,;:.]+){1,5}?[ \t]+(?:would|will|was|were|is|are|had|has|have|could|should|might|may|can|did|does|must)\b"
)
# "X was quoted by Interfax as saying".
_passive = on_first_use(r"\b(?:was|were|is|are|been|being)[ \t]+$")
# "quoted X as saying (that)": where X's words begin.
_as_saying = on_first_use(r"\bas saying(?:[ \t]+that)?\b")
# The name asides, or a dash opening "who ..." up to the closing dash (text with a dash).
_aside = on_first_use(_NAME_ASIDE_PATTERN + r"|[—–][ \t]*who\b[^—–]*[—–]")


def _clause_start(sentence: Sentence, offset: int) -> int:
    start = sentence.span.start
    for boundary in sentence.clause_starts:
        if boundary <= offset:
            start = boundary
    return start


def _trails(prose: str, sentence: Span, phrase: Span, verb_end: int, has_claim: Callable[[int, int], bool]) -> bool:
    """Is the attribution at the end of what it governs ("..., officials said in a statement")?"""
    if not any(ch.isalnum() for ch in prose[sentence.start:phrase.start]):
        return False
    stop = _NEXT_BREAK.search(prose, verb_end, sentence.end).start()
    words = prose[verb_end:stop].split(None, _MAX_TRAILING_WORDS)  # one piece more than allowed is enough to tell
    if len(words) > _MAX_TRAILING_WORDS or "that" in words:
        return False
    return not has_claim(verb_end, stop)


class Lookups:
    """What the frame finder asks the attributor about the rest of the document."""

    __slots__ = ("in_quotation", "speaker_before", "has_claim", "sentence")

    def __init__(
        self,
        in_quotation: Callable[[int], bool],
        speaker_before: Callable[[int], Source | None],
        has_claim: Callable[[int, int], bool],
        sentence: Callable[[Span], Sentence],
    ) -> None:
        self.in_quotation = in_quotation
        self.speaker_before = speaker_before
        self.has_claim = has_claim
        self.sentence = sentence


def find_frames(prose: str, span: Span, lookups: Lookups) -> list[Frame]:
    """The frames of one sentence, in the order of their cues."""
    frames: list[Frame] = []
    last_speaker: Speaker | None = None
    sentence: Sentence | None = None
    for cue in find_cues(prose, span.start, span.end)[:_MAX_CUES_PER_SENTENCE]:
        if lookups.in_quotation(cue.start):
            continue
        if sentence is None:
            sentence = lookups.sentence(span)  # most sentences have no cue: their clauses are never needed
        found = _CUE_FRAMES[cue.kind](prose, sentence, cue, lookups, last_speaker)
        if found and cue.kind == "verb":
            last_speaker = found[0].speaker
        frames.extend(found)
    return frames


def _according_frames(prose: str, sentence: Sentence, cue: Cue, lookups: Lookups, last: Speaker | None) -> list[Frame]:
    """ "according to X" speaks for the whole sentence, asides about names excepted."""
    span = sentence.span
    phrase = _phrase_after(prose, cue.end, span.end)
    if phrase is None:
        return []
    frame = Frame(span.start, span.end, Speaker(phrase, "according to"))
    return [frame, *_background(prose, frame, forward=False)]


def _phrase_after(prose: str, start: int, end: int) -> Span | None:
    """The words after "according to" up to the first that ends the phrase (punctuation, a
    full stop before a space, or the sentence's end), within twelve words.

    Word by word in linear time. It gives what the pattern
    [ \\t]+((?:W+[ \\t]*?){1,12}?)(?=[ \\t]*(?:[,;:!?(]|\\.(?:\\s|$)|$)) found, which
    backtracked through every way of cutting the words into twelve pieces (seconds on one
    long sentence): when no word ends the phrase, the cut it reached first is before the
    full stop of the last word that ends in one ("Reuters. Officials").
    """
    blanks = _BLANKS.match(prose, start, end)
    if blanks is None:
        return None
    first = blanks.end()
    words: list[re.Match[str]] = []
    position = first
    for _ in range(_MAX_PHRASE_WORDS):
        word = _PHRASE_WORD.match(prose, position, end)
        if word is None:
            break
        if _PHRASE_END.match(prose, word.end(), end):
            return Span(first, word.end())
        words.append(word)
        blanks = _BLANKS.match(prose, word.end(), end)
        if blanks is None:
            break
        position = blanks.end()
    for word in reversed(words):
        stop = word.end() - 1
        if stop > word.start() and prose[stop] == "." and _PHRASE_END.match(prose, stop, end):
            return Span(first, stop)
    return None


def _hedge_frames(prose: str, sentence: Sentence, cue: Cue, lookups: Lookups, last: Speaker | None) -> list[Frame]:
    """ "reportedly": the claim comes from reports nobody is named for."""
    word = cue.word.lower()
    return [Frame(sentence.span.start, sentence.span.end, Speaker(None, word, Source(HEDGES[word], word, word)))]


def _quoted_as_frames(prose: str, sentence: Sentence, cue: Cue, lookups: Lookups, last: Speaker | None) -> list[Frame]:
    """ "Interfax quoted X as saying" and "X was quoted by Interfax as saying": X speaks."""
    span = sentence.span
    saying = _as_saying().search(prose, cue.end, span.end)
    if not saying:
        return []
    passive = _passive().search(prose, max(span.start, cue.start - 12), cue.start)
    if passive:
        quoted = subject_before(prose, _clause_start(sentence, cue.start), passive.start())
    else:
        quoted = Span(cue.end + 1, saying.start() - 1)
    return [Frame(saying.end(), span.end, Speaker(quoted, "quoted"))] if quoted else []


def _participle_frames(prose: str, sentence: Sentence, cue: Cue, lookups: Lookups, last: Speaker | None) -> list[Frame]:
    """ ", adding that ...": the speaker of the clause before goes on speaking."""
    span = sentence.span
    if not prose[max(span.start, cue.start - 4):cue.start].rstrip().endswith(","):
        return []
    speaker = last or _known(lookups.speaker_before(cue.start))
    if speaker is None:
        opening = sentence_subject(prose, span.start, cue.start)
        speaker = Speaker(opening, cue.word) if opening else None
    return [Frame(cue.end, span.end, speaker)] if speaker else []


def _verb_frames(prose: str, sentence: Sentence, cue: Cue, lookups: Lookups, last: Speaker | None) -> list[Frame]:
    """A reporting verb: its subject speaks for the clause it governs."""
    frame = _verb_frame(prose, sentence, cue, lookups.has_claim)
    if frame is None:
        return []
    return [frame, *_background(prose, frame, forward=frame.start > cue.start)]


def _known(source: Source | None) -> Speaker | None:
    return Speaker(None, source.cue, source) if source else None


def _verb_frame(prose: str, sentence: Sentence, cue: Cue, has_claim: Callable[[int, int], bool]) -> Frame | None:
    span = sentence.span
    verb = cue.word.lower()
    chunks = clause_chunks(prose, _clause_start(sentence, cue.start), cue.start)
    inverted = inverted_in(prose, chunks)
    phrase = subject_after(prose, cue.end, span.end) if inverted else subject_in(prose, chunks)
    if phrase is None:
        return None
    words = prose[phrase.start:phrase.end].split()
    that = _THAT.match(prose, cue.end, span.end)  # "said Tuesday that ...": the clause starts after it
    followed_by_that = that is not None
    trails = not inverted and _trails(prose, span, phrase, cue.end, has_claim)
    if verb in EVIDENCE_VERBS:
        if not DOCUMENT_NOUNS.intersection(w.lower() for w in words[:4]) or (verb.startswith("f") and not followed_by_that):
            return None
    if verb in NOUN_LIKE_VERBS and not followed_by_that and not _names_someone(words):
        return None
    if verb in OBJECT_VERBS and not (followed_by_that or trails or inverted or _clause_ahead().match(prose, cue.end, span.end)):
        return None
    speaker = Speaker(phrase, verb)
    if inverted:
        return Frame(span.start, cue.start, speaker)
    if trails:
        return Frame(span.start, phrase.start, speaker)
    return Frame(that.end() if that else cue.end, span.end, speaker)


_CUE_FRAMES = {
    "according": _according_frames,
    "hedge": _hedge_frames,
    "quoted_as": _quoted_as_frames,
    "participle": _participle_frames,
    "verb": _verb_frames,
}


def _names_someone(words: list[str]) -> bool:
    """A pronoun or a short capitalised name: a subject, not a noun's modifiers."""
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    return len(words) <= 3 and all(w[0].isupper() for w in words)


def _background(prose: str, frame: Frame, forward: bool) -> list[Frame]:
    """The writer's own asides inside what a speaker is reported to have said."""
    start, end = frame.start, frame.end
    text = prose[start:end]  # `in` on a slice: str.find with bounds parses its arguments slowly
    dash = "—" in text or "–" in text
    if not dash and "," not in text:
        return []  # every aside needs a comma or a dash: most frames have none to scan for
    asides = [Frame(m.end("name") if m.group("name") else m.start(), m.end(), None) for m in (_aside() if dash else _NAME_ASIDE).finditer(prose, start, end)]
    if forward:
        asides += [Frame(m.start(), m.end(), None) for m in _RELATIVE.finditer(prose, start, end)]
    return asides


def innermost(frames: list[Frame], offset: int) -> Frame | None:
    """The frame that governs `offset`: the latest to start, then the shortest."""
    best: Frame | None = None
    for frame in frames:
        if frame.start <= offset < frame.end and (
            best is None or frame.start > best.start or (frame.start == best.start and frame.end < best.end)
        ):
            best = frame
    return best
