"""Attribute: who the text says each claim comes from (quotations, reported speech).

A claim inside a direct quotation comes from the quotation's speaker; elsewhere from the
reporting cue whose frame covers it (see reported.py); otherwise from the text itself.
Work is done only for sentences and quotations that hold a claim, so the stage costs
little on text without claims.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Sequence

from ..model import Kind, Mention, Source, Span
from ..segment import Quotation, Segmentation
from .names import NameBook
from .reported import Frame, Lookups, Sentence, Speaker, find_frames, innermost
from .speakers import Attribution, Turn, inner_attribution, speaker_after, speaker_before, transcript_turns

__all__ = ["attribute"]

_AGE_DESCRIPTION = re.compile(r"(?:the|a|an)\s+(\d{1,3})-year-old", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]")
_LOOKBACK_PARAGRAPHS = 4
_LOOKBACK_CHARS = 3000
_MAX_DEPTH = 2
_NEIGHBOUR_QUOTES = 3
# A quotation of a few words without closing punctuation is a term or a nickname ("Fox"),
# not speech: it does not end the clause around it.
_SPEECH_MIN_WORDS = 4
_HANDING_OVER = (",", ".", "?", "!", "—", "–", "-", ":", ";")
# Enum attribute access goes through a descriptor on Python 3.11: look it up once.
_DATE = Kind.DATE


def attribute(prose: str, segmentation: Segmentation, mentions: Sequence[Mention]) -> list[Source | None]:
    """One source (or None for the text's own voice) per mention, in the same order."""
    attributor = _Attributor(prose, segmentation, mentions)
    source_at = attributor.source_at
    return [None if m.kind is _DATE else source_at(m.start) for m in mentions]


class _Attributor:
    """Per-document state: caches of frames, quotation speakers and names."""

    def __init__(self, prose: str, segmentation: Segmentation, mentions: Sequence[Mention]) -> None:
        self.prose = prose
        self.seg = segmentation
        self.quotes = _effective_quotations(prose, segmentation.quotations)
        self.quote_starts = [q.start for q in self.quotes]
        self.claim_starts = sorted([m.start for m in mentions if m.kind is not _DATE])
        self.names = NameBook(prose, segmentation.paragraphs, self.in_quotation)
        self._frames: dict[int, list[Frame]] = {}
        self._speakers: dict[int, Source | None] = {}
        self._own: dict[int, Source | None] = {}
        self._resolved: dict[tuple[int, int, str], Source | None] = {}
        self._turns: dict[int, Turn] | None = None
        self._depth = 0
        self._lookups = Lookups(self.in_quotation, self.speaker_ending_before, self.has_claim, self._sentence)

    # -- lookups -------------------------------------------------------------------

    def quotation_at(self, offset: int) -> int | None:
        index = bisect_right(self.quote_starts, offset) - 1
        if index >= 0 and offset < self.quotes[index].end:
            return index
        return None

    def in_quotation(self, offset: int) -> bool:
        return self.quotation_at(offset) is not None

    def has_claim(self, start: int, end: int) -> bool:
        index = bisect_left(self.claim_starts, start)
        return index < len(self.claim_starts) and self.claim_starts[index] < end

    # -- sources -------------------------------------------------------------------

    def source_at(self, offset: int) -> Source | None:
        """The source of a claim starting at `offset`."""
        quote = self.quotation_at(offset)
        if quote is not None:
            speaker = self.quote_speaker(quote)
            if speaker is not None:
                return speaker
        frame = innermost(self.frames(self.seg.sentence_index(offset)), offset)
        if frame is None:
            return self.turn_source(offset)
        source = self.speaker_source(frame.speaker)
        if source is not None and quote is not None and not source.quoted:
            return _quoted(source)
        return source

    def speaker_source(self, speaker: Speaker | None) -> Source | None:
        """The source of a frame's speaker, resolved on first use."""
        if speaker is None or speaker.phrase is None:
            return speaker.source if speaker else None
        key = (speaker.phrase.start, speaker.phrase.end, speaker.cue)
        if key not in self._resolved:
            self._resolved[key] = self.resolve(speaker.phrase, speaker.cue)
        return self._resolved[key]

    def resolve(self, phrase: Span, cue: str, quoted: bool = False) -> Source | None:
        """A speaker phrase as written, resolved to its canonical name."""
        mention = self.prose[phrase.start:phrase.end].strip(" \t,.\"'“”‘’")
        if not mention:
            return None
        age = _AGE_DESCRIPTION.fullmatch(mention)
        if age:
            name = self.names.of_age(age.group(1), phrase.start)
        else:
            sentence = self.seg.sentences[self.seg.sentence_index(phrase.start)]
            name = self.names.canonical(mention, phrase.start, sentence.start)
        if name is None:
            # An age description or "they": whoever was speaking last.
            previous = self.speaker_before_offset(phrase.start)
            name = previous.name if previous else mention
        return Source(name, mention, cue, quoted)

    def frames(self, index: int) -> list[Frame]:
        """Frames of reported speech in sentence `index` (cached)."""
        cached = self._frames.get(index)
        if cached is not None:
            return cached
        if not self.seg.sentences or self._depth > _MAX_DEPTH:
            return []
        self._frames[index] = []  # a look-back from inside this sentence must not come here again
        self._depth += 1
        try:
            self._frames[index] = find_frames(self.prose, self.seg.sentences[index], self._lookups)
        finally:
            self._depth -= 1
        return self._frames[index]

    def _sentence(self, span: Span) -> Sentence:
        boundaries = [q.end for q in self._quotes_between(span.start, span.end) if self._is_speech(q)]
        text = self.prose[span.start:span.end]
        if ";" in text or ":" in text:  # most sentences have neither: no scan for them
            boundaries += [m.end() for m in _CLAUSE_BREAK.finditer(self.prose, span.start, span.end)]
        return Sentence(span, tuple(sorted(boundaries)))

    def _quotes_between(self, start: int, end: int) -> list[Quotation]:
        first = bisect_left(self.quote_starts, start)
        last = bisect_left(self.quote_starts, end)
        return self.quotes[first:last]

    def _is_speech(self, quote: Quotation) -> bool:
        inner = self.prose[quote.start + 1:quote.end - 1].rstrip()
        return len(inner.split()) >= _SPEECH_MIN_WORDS or inner.endswith((",", ".", "?", "!"))

    # -- quotation speakers ---------------------------------------------------------

    def quote_speaker(self, index: int) -> Source | None:
        """Who speaks the quotation part `index` (cached)."""
        if index not in self._speakers:
            self._speakers[index] = None
            speaker = self._find_quote_speaker(index)
            self._speakers[index] = _quoted(speaker) if speaker else None
        return self._speakers[index]

    def _find_quote_speaker(self, index: int) -> Source | None:
        own = self.own_speaker(index)
        if own is not None:
            return own
        chained = self._chain_speaker(index)
        if chained is not None:
            return chained
        neighbour = self._neighbour_speaker(index)
        if neighbour is not None:
            return neighbour
        quote = self.quotes[index]
        frame = innermost(self.frames(self.seg.sentence_index(quote.start)), quote.start)
        if frame is not None:
            return self.speaker_source(frame.speaker)
        if self._stands_alone(quote):
            return self.speaker_before_offset(quote.start)
        return None

    def own_speaker(self, index: int) -> Source | None:
        """The speaker named right beside quotation part `index`, if any (cached)."""
        if index not in self._own:
            self._own[index] = None  # a lookup back from this speaker must not come here again
            self._own[index] = self._adjacent_speaker(index)
        return self._own[index]

    def _adjacent_speaker(self, index: int) -> Source | None:
        quote = self.quotes[index]
        para = self.seg.paragraphs[self.seg.paragraph_index(quote.start)]
        inner_end = self.prose[quote.start:quote.end].rstrip("\"'”’»")
        found: Attribution | None = None
        # Speech handed to an attribution after it ends in punctuation: `...," she said`;
        # a quoted nickname or term (`"Fox" told AFP`) does not.
        if (quote.closed or quote.end < para.end) and inner_end.endswith(_HANDING_OVER):
            headline = self.names.is_headline(para)
            found = speaker_after(self.prose, quote.end, para.end, inner_end.endswith("."), headline)
        if found is None:
            previous = self.quotes[index - 1].end if index > 0 and self.quotes[index - 1].end > para.start else para.start
            sentence = self.seg.sentences[self.seg.sentence_index(quote.start)] if self.seg.sentences else para
            found = speaker_before(self.prose, quote.start, max(previous, para.start), max(sentence.start, para.start))
        if found is None and quote.start == para.start and not quote.continued:
            found = self._introduced_by_previous_paragraph(para)
        return self.resolve(found.phrase, found.cue, True) if found else None

    def _introduced_by_previous_paragraph(self, para: Span) -> Attribution | None:
        """A paragraph ending in a colon introduces the quotation that opens the next one."""
        index = self.seg.paragraph_index(para.start)
        if index == 0:
            return None
        previous = self.seg.paragraphs[index - 1]
        if self.prose[previous.end - 1] != ":":
            return None
        last_sentence = self.seg.sentences[self.seg.sentence_index(previous.end - 1)]
        return speaker_before(self.prose, previous.end, previous.start, last_sentence.start)

    def _chain_speaker(self, index: int) -> Source | None:
        """A quotation running over paragraphs keeps one speaker."""
        back = index
        while back > 0 and self.quotes[back].continued:
            back -= 1
            own = self.own_speaker(back)
            if own is not None:
                return own
        ahead = index
        while ahead + 1 < len(self.quotes) and self.quotes[ahead].continues:
            ahead += 1
            own = self.own_speaker(ahead)
            if own is not None:
                return own
        return None

    def _neighbour_speaker(self, index: int) -> Source | None:
        """Another quotation of the same paragraph with a named speaker."""
        para_index = self.seg.paragraph_index(self.quotes[index].start)
        for step in range(1, _NEIGHBOUR_QUOTES + 1):
            for other in (index - step, index + step):
                if 0 <= other < len(self.quotes) and self.seg.paragraph_index(self.quotes[other].start) == para_index:
                    own = self.own_speaker(other)
                    if own is not None:
                        return own
        return None

    def _stands_alone(self, quote: Quotation) -> bool:
        """A quotation that is a sentence of its own, not a phrase quoted inside one."""
        sentence = self.seg.sentences[self.seg.sentence_index(quote.start)] if self.seg.sentences else None
        return sentence is None or quote.start <= sentence.start or self._is_speech(quote)

    # -- the speaker before a point ------------------------------------------------------

    def speaker_before_offset(self, offset: int) -> Source | None:
        """The last speaker named before `offset`, looking back a few paragraphs."""
        if self._depth > _MAX_DEPTH:
            return None
        self._depth += 1
        try:
            para = self.seg.paragraph_index(offset)
            for index in range(para, max(-1, para - _LOOKBACK_PARAGRAPHS), -1):
                found = self._last_speaker_in(self.seg.paragraphs[index], offset)
                if found is not None:
                    return found
            return None
        finally:
            self._depth -= 1

    def speaker_ending_before(self, offset: int) -> Source | None:
        """The speaker of a quotation that ends before `offset` in the same sentence."""
        sentence = self.seg.sentences[self.seg.sentence_index(offset)]
        index = bisect_left(self.quote_starts, offset) - 1
        if index >= 0 and self.quotes[index].start >= sentence.start and self.quotes[index].end <= offset:
            return self.quote_speaker(index)
        return None

    def _last_speaker_in(self, para: Span, offset: int) -> Source | None:
        """The last speaker named in `para` before `offset`, within a bounded window."""
        lower = max(para.start, offset - _LOOKBACK_CHARS)
        upper = min(offset, para.end)
        found: list[tuple[int, Source]] = []
        index = bisect_left(self.quote_starts, upper) - 1
        while index >= 0 and self.quotes[index].start >= lower:
            own = self.own_speaker(index)
            if own is not None:
                found.append((self.quotes[index].start, own))
                break
            index -= 1
        sentence = self.seg.sentence_index(upper - 1) if upper > lower else -1
        while sentence >= 0 and self.seg.sentences[sentence].end > lower:
            named = [(_named_at(f), f.speaker) for f in self.frames(sentence) if f.speaker is not None and _named_at(f) < offset]
            source = self.speaker_source(max(named, key=lambda item: item[0])[1]) if named else None
            if source is not None:
                found.append((max(item[0] for item in named), source))
                break
            sentence -= 1
        return max(found, key=lambda item: item[0])[1] if found else None

    # -- interviews ------------------------------------------------------------

    def turn_source(self, offset: int) -> Source | None:
        """In a transcript, the answer's speaker; questions are the text's own."""
        if self._turns is None:
            self._turns = transcript_turns(self.prose, self.seg.paragraphs)
        if not self._turns:
            return None
        turn = self._turns.get(self.seg.paragraph_index(offset))
        if turn is None or turn.interviewer or offset < turn.label.end:
            return None
        if turn.interviewee:
            first = min(self._turns)
            name = self.names.person_before(self.seg.paragraphs[first].start)
            return Source(name, "A", ":", True) if name else None
        return self.resolve(turn.label, ":", True)


def _quoted(source: Source) -> Source:
    """The source as a quotation's speaker (built directly: dataclasses.replace is slow)."""
    return source if source.quoted else Source(source.name, source.mention, source.cue, True)


def _named_at(frame: Frame) -> int:
    """Where a frame's speaker is named (its start when the source is already known)."""
    phrase = frame.speaker.phrase if frame.speaker else None
    return phrase.end if phrase else frame.start


def _effective_quotations(prose: str, quotations: Sequence[Quotation]) -> list[Quotation]:
    """Quotations with those left open cut where an attribution inside them begins."""
    out: list[Quotation] = []
    for quote in quotations:
        if not quote.closed and not quote.continues:
            end = inner_attribution(prose, quote.start, quote.end)
            if end is not None:
                quote = replace(quote, end=end)
        out.append(quote)
    return out
