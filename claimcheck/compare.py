"""Compare a draft with its sources: is each claim of the draft backed by a source, contradicted, or absent?

    >>> import claimcheck
    >>> from claimcheck.compare import compare
    >>> draft = claimcheck.extract("The plan protects nearly 70,000 residents.")
    >>> release = claimcheck.extract("The plan will protect 69,412 residents.", source="release.md")
    >>> [(c.label.value, c.reason) for c in compare(draft, [release])]
    [('supported', 'rounded: “nearly 70,000 residents” ~ “69,412 residents” (release.md:1)')]

Two claims are about the same thing when they have the same kind and a compatible unit
and their subjects agree: the same head noun ("residents"), or, for claims without a
subject (money, measures, dates), mostly the same content words around them in their
sentences. Values agree when they are equal after normalisation ("1.2 million" is
1,200,000; kilometres are 1,000 metres) or within the rounding the draft's wording
allows (see `tolerance`). A draft claim is

- SUPPORTED when some source has a claim about the same thing whose value agrees and
  which is not given to a different named person or body;
- CONFLICTING when no source supports it but one states the same thing with another
  value ("75,000" against "69,412"), or gives the same figure to someone else
  ("attributed to Ana Ruiz in the draft, Tom Becker in the source": the quote is wrong
  even though the number is right);
- NOT_FOUND otherwise.
"""
from __future__ import annotations

import bisect
import enum
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterable, Iterator, Sequence

from .check.language import STOPWORDS, WORD, singular
from .check.quantities import Interval
from .model import Claim, Document, Kind, Number, Source

# How many content words each side of a claim describe what it is about.
_FRAME_WORDS = 6
# Similarity (0..1) a source claim needs to back a draft claim (a distinctive figure
# needs only one shared word), and to contradict it: contradicting asks for more,
# since a false "conflicting" costs an editor more time.
SUPPORT_SIMILARITY = 0.3
CONFLICT_SIMILARITY = 0.6
# "about 800" allows 10% either way, as the consistency rules do; an unqualified round
# figure ("70,000") stands for any value that rounds to it, but never for more than 5% off.
_APPROXIMATE = 0.1
_ROUNDING_CAP = 0.05
_MAX_MATCHES = 5
_BOUNDS = frozenset({">", ">=", "<", "<="})
# Day and month names say when, not what: two dates of one sentence would look alike.
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_BELOW = re.compile(r"^\W*(?:nearly|almost|approaching|close\s+to|just\s+(?:under|below|short\s+of)|not\s+quite)\b", re.I)

# Units of one dimension, as the number of base units each holds.
_UNIT_SCALE: dict[str, tuple[str, float]] = {
    "kilometre": ("metre", 1000.0),
    "centimetre": ("metre", 0.01),
    "millimetre": ("metre", 0.001),
    "kilogram": ("gram", 1000.0),
    "milligram": ("gram", 0.001),
    "tonne": ("gram", 1_000_000.0),
    "millilitre": ("litre", 0.001),
    "square kilometre": ("square metre", 1_000_000.0),
    "hectare": ("square metre", 10_000.0),
}


class Label(str, enum.Enum):
    """What the sources say about one claim of the draft. The string values are the JSON `label`."""

    SUPPORTED = "supported"
    CONFLICTING = "conflicting"
    NOT_FOUND = "not-found"

    def __str__(self) -> str:
        return self.value


class Agreement(str, enum.Enum):
    """How one source claim stands to the draft claim. The string values are the JSON `agreement`."""

    SAME = "same"  # equal after normalisation
    ROUNDED = "rounded"  # within the rounding the wording allows
    DIFFERENT_SOURCE = "different-source"  # the value agrees, but a different person or body gives it
    DIFFERENT_VALUE = "different-value"  # the same thing, another value

    @property
    def supports(self) -> bool:
        return self in (Agreement.SAME, Agreement.ROUNDED)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Match:
    """A claim of a source document that is about what the draft claim is about."""

    document: str
    claim: Claim
    agreement: Agreement
    reason: str
    similarity: float

    def to_dict(self) -> dict[str, object]:
        return {
            "document": self.document,
            "agreement": self.agreement.value,
            "reason": self.reason,
            "similarity": round(self.similarity, 3),
            "claim": self.claim.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """One claim of the draft, its label, why, and the source claims that decided it (best first)."""

    claim: Claim
    label: Label
    reason: str
    matches: tuple[Match, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "label": self.label.value,
            "reason": self.reason,
            "claim": self.claim.to_dict(),
            "matches": [m.to_dict() for m in self.matches],
        }


# -- values -----------------------------------------------------------------------------


def precision(value: Number) -> float:
    """The place of the last significant digit as written: 70,000 -> 10,000; 2.5 -> 0.1; 69,412 -> 1."""
    exponent = Decimal(repr(value) if isinstance(value, float) else str(value)).normalize().as_tuple().exponent
    return 10.0 ** int(exponent) if isinstance(exponent, int) else 1.0


def _base(claim: Claim) -> tuple[str | None, float]:
    """The claim's unit in base units (kilometre -> metre) and the factor its values are multiplied by.

    Money keeps only its currency: "$15,320 per pupil" (USD/pupil) and "spending per pupil
    is $15,320" (USD) are compared, the "pupil" going into the topic instead.
    """
    unit = claim.unit
    if unit in _UNIT_SCALE:
        return _UNIT_SCALE[unit]
    if claim.kind is Kind.MONEY and unit:
        return unit.split("/", 1)[0], 1.0
    return unit, 1.0


def tolerance(claim: Claim, *, as_source: bool = False) -> Interval | None:
    """The values a claim's wording allows, in its base unit; None when it gives no number.

    "nearly 70,000" is 63,000-70,000; "about 800" 720-880; "more than 1,700" 1,700-1,870;
    an exact "70,000" anything that rounds to it, but at most 5% off; "312" only 312.
    A source's own exact figure is taken as exact (`as_source`): the draft must agree with it.
    """
    if claim.value is None:
        return None
    _, factor = _base(claim)
    low, high = float(claim.value), float(claim.value_high if claim.value_high is not None else claim.value)
    step = precision(claim.value)
    if claim.vague:
        return Interval(low * factor, high * 10 * factor)
    qualifier = claim.qualifier
    if qualifier == "~":
        spread = max(step / 2, _APPROXIMATE * abs(high))
        if _BELOW.match(claim.text):
            return Interval((low - spread) * factor, high * factor)
        return Interval((low - spread) * factor, (high + spread) * factor)
    if qualifier in (">", ">="):
        return Interval(low * factor, (high + max(step, _APPROXIMATE * abs(high))) * factor)
    if qualifier in ("<", "<="):
        return Interval((low - max(step, _APPROXIMATE * abs(low))) * factor, high * factor)
    if as_source:
        return Interval(low * factor, high * factor)
    # An exact figure under 1,000 is taken at its word ("250 jobs", "20%" still rounds 19.6).
    if step > 1 and abs(high) < 1000:
        step = 1.0
    half = step / 2
    if step > 1:
        half = min(half, _ROUNDING_CAP * abs(high))
    return Interval((low - half) * factor, (high + half) * factor)


def distinctive(claim: Claim) -> bool:
    """A figure unlikely to agree by chance ("£86m", "4,300"): one shared word is then enough to match it."""
    if claim.kind is Kind.DATE or claim.value is None or claim.vague:
        return False
    value = abs(float(claim.value))
    return value >= 100 and value / precision(claim.value) >= 10


def _date_days(claim: Claim) -> Interval | None:
    date = claim.date
    if date is None or date.start is None or date.end is None:
        return None
    return Interval(float(date.start.toordinal()), float(date.end.toordinal()))


def _same_value(draft: Claim, source: Claim) -> bool:
    if draft.kind is Kind.DATE:
        return draft.date is not None and source.date is not None and draft.date.value == source.date.value
    (_, f1), (_, f2) = _base(draft), _base(source)
    values = ((draft.value, source.value), (draft.value_high, source.value_high))
    return all(
        (a is None and b is None) or (a is not None and b is not None and math.isclose(a * f1, b * f2, rel_tol=1e-9))
        for a, b in values
    ) and draft.qualifier in ("=", source.qualifier)


def _values_agree(draft: Claim, source: Claim) -> bool | None:
    """Do the values agree? None when either gives none to compare."""
    if draft.kind is Kind.DATE:
        mine, theirs = _date_days(draft), _date_days(source)
        if mine is None or theirs is None:
            if draft.date is not None and source.date is not None and draft.date.value is None and source.date.value is None:
                return _fold(draft.text) == _fold(source.text)
            return None
        return mine.overlaps(theirs)
    if {draft.qualifier, source.qualifier} == {"up", "down"}:
        return False
    if draft.qualifier == source.qualifier and draft.qualifier in _BOUNDS:
        # Two bounds of one direction are two figures: "more than 5,000" claims more than "more than 4,000".
        draft, source = replace(draft, qualifier="="), replace(source, qualifier="=")
    mine, theirs = tolerance(draft), tolerance(source, as_source=True)
    if mine is None or theirs is None:
        return None
    return mine.overlaps(theirs)


# -- what a claim is about --------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _words(text: str) -> list[str]:
    return [
        singular(w) for w in WORD.findall(text)
        if len(w) > 1 and w.lower() not in STOPWORDS and w.lower().rstrip(".") not in _CALENDAR_WORDS
    ]


def _name_words(source: Source | None) -> frozenset[str]:
    if source is None:
        return frozenset()
    return frozenset(w.lower() for w in WORD.findall(f"{source.name} {source.mention}"))


@dataclass(frozen=True, slots=True)
class Topic:
    """What a claim is about: the head of its subject and the content words around it."""

    head: str | None
    words: frozenset[str]


def topic(claim: Claim) -> Topic:
    """The subject's head noun and up to six content words each side of the claim in its sentence.

    Numbers, the claim's own words and its speaker's name are left out: the name says
    who gives the figure, not what it counts, and is compared on its own.
    """
    sentence, base = claim.sentence, claim.sentence_start
    begin, end = claim.start - base, claim.end - base
    if not (0 <= begin <= end <= len(sentence)):
        begin = end = len(sentence)
    speaker = _name_words(claim.source)
    before = [w for w in _words(sentence[:begin]) if w not in speaker][-_FRAME_WORDS:]
    after = [w for w in _words(sentence[end:]) if w not in speaker][:_FRAME_WORDS]
    subject = _words(claim.subject) if claim.subject else []
    if claim.kind is Kind.MONEY and claim.unit and "/" in claim.unit:
        subject += _words(claim.unit.split("/", 1)[1])
    head = subject[-1] if subject else None
    return Topic(head, frozenset(before + after + subject))


def similarity(a: Topic, b: Topic) -> float:
    """0..1: the same head noun counts half, shared context words the rest; different heads halve it.

    When only one claim names what it counts, the words alone decide, at three quarters.
    """
    overlap = len(a.words & b.words) / min(len(a.words), len(b.words)) if a.words and b.words else 0.0
    if a.head is None and b.head is None:
        return overlap
    if a.head is None or b.head is None:
        return 0.75 * overlap
    if a.head == b.head:
        return 0.5 + 0.5 * overlap
    return 0.5 * overlap


# -- sources ----------------------------------------------------------------------------


def _named(source: Source | None) -> frozenset[str]:
    """The capitalised words of a source's name: a named person or body, not "officials"."""
    if source is None:
        return frozenset()
    return frozenset(w.lower() for w in WORD.findall(source.name) if w[0].isupper() and w.lower() not in STOPWORDS)


def different_speaker(draft: Claim, source: Claim) -> bool:
    """Both claims are given to a named person or body, and they share no name."""
    mine, theirs = _named(draft.source), _named(source.source)
    return bool(mine and theirs and not mine & theirs)


# -- the index over the sources ---------------------------------------------------------


def _bucket(claim: Claim) -> tuple[Kind, str | None]:
    return claim.kind, _base(claim)[0]


@dataclass(frozen=True, slots=True)
class _Entry:
    document: str
    claim: Claim
    topic: Topic


class SourceIndex:
    """The claims of the source documents by kind and unit, then by topic word and by value.

    A draft claim is compared only with source claims that share a word of its topic or
    whose value falls near its own, so long sources are not compared claim by claim.
    """

    def __init__(self, sources: Iterable[Document]) -> None:
        self._entries: list[_Entry] = []
        self._by_word: dict[tuple[Kind, str | None], dict[str, list[int]]] = {}
        lows: dict[tuple[Kind, str | None], list[tuple[float, int]]] = {}
        for document in sources:
            for claim in document.claims:
                index = len(self._entries)
                entry = _Entry(document.source, claim, topic(claim))
                self._entries.append(entry)
                bucket = _bucket(claim)
                words = self._by_word.setdefault(bucket, {})
                for word in entry.topic.words:
                    words.setdefault(word, []).append(index)
                values = _date_days(claim) if claim.kind is Kind.DATE else tolerance(claim, as_source=True)
                if values is not None:
                    lows.setdefault(bucket, []).append((values.low, index))
        self._lows = {bucket: sorted(pairs) for bucket, pairs in lows.items()}
        # The widest value interval in a bucket bounds how far left a search must start.
        self._widths = {
            bucket: max(self._interval(i).high - low for low, i in pairs) for bucket, pairs in self._lows.items()
        }

    def _interval(self, index: int) -> Interval:
        claim = self._entries[index].claim
        found = _date_days(claim) if claim.kind is Kind.DATE else tolerance(claim, as_source=True)
        assert found is not None
        return found

    def candidates(self, claim: Claim, about: Topic) -> Iterator[_Entry]:
        bucket = _bucket(claim)
        seen: set[int] = set()
        words = self._by_word.get(bucket, {})
        for word in about.words:
            seen.update(words.get(word, ()))
        values = _date_days(claim) if claim.kind is Kind.DATE else tolerance(claim)
        pairs = self._lows.get(bucket)
        if values is not None and pairs:
            first = bisect.bisect_left(pairs, (values.low - self._widths[bucket], -1))
            last = bisect.bisect_right(pairs, (values.high, math.inf))
            seen.update(index for _, index in pairs[first:last])
        for index in sorted(seen):
            yield self._entries[index]


# -- comparing --------------------------------------------------------------------------


def quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def _within(draft: Claim, source: Claim) -> str:
    """Why two values that are not equal still agree, in the words an editor would use."""
    mine, theirs = quote(draft.text), quote(source.text)
    if draft.vague:
        return f"vague: {mine} covers {theirs}"
    if draft.kind is Kind.DATE:
        return f"same period: {mine} ~ {theirs}"
    if source.value_high is not None and draft.value_high is None:
        return f"within the source's range: {mine} ~ {theirs}"
    if draft.qualifier in (">", ">=", "<", "<="):
        return f"within the bound: {mine} allows {theirs}"
    return f"rounded: {mine} ~ {theirs}"


def _judge(claim: Claim, about: Topic, entry: _Entry) -> Match | None:
    """How one source claim stands to a draft claim, or None when it is about something else."""
    other = entry.claim
    score = similarity(about, entry.topic)
    agree = _values_agree(claim, other)
    if agree is None:
        return None
    if agree:
        if score == 0.0 or (score < SUPPORT_SIMILARITY and not distinctive(claim)):
            return None
        if different_speaker(claim, other):
            assert claim.source is not None and other.source is not None
            reason = f"attributed to {claim.source.name} in the draft, {other.source.name} in the source"
            return Match(entry.document, other, Agreement.DIFFERENT_SOURCE, reason, score)
        if _same_value(claim, other):
            same = "same value" if _fold(claim.text) == _fold(other.text) else f"same value: {quote(claim.text)} = {quote(other.text)}"
            return Match(entry.document, other, Agreement.SAME, same, score)
        return Match(entry.document, other, Agreement.ROUNDED, _within(claim, other), score)
    if score < CONFLICT_SIMILARITY:
        return None
    if {claim.qualifier, other.qualifier} == {"up", "down"}:
        moved = {"up": "a rise", "down": "a fall"}
        reason = f"{moved[claim.qualifier]} in the draft, {moved[other.qualifier]} in the source: {quote(claim.text)} vs {quote(other.text)}"
    else:
        reason = f"different value: {quote(claim.text)} vs {quote(other.text)}"
    return Match(entry.document, other, Agreement.DIFFERENT_VALUE, reason, score)


_ORDER = {Agreement.SAME: 0, Agreement.ROUNDED: 1, Agreement.DIFFERENT_SOURCE: 2, Agreement.DIFFERENT_VALUE: 3}


def _matches(claim: Claim, index: SourceIndex) -> list[Match]:
    about = topic(claim)
    found = [m for entry in index.candidates(claim, about) if (m := _judge(claim, about, entry)) is not None]
    found.sort(key=lambda m: (_ORDER[m.agreement], -m.similarity, m.document, m.claim.start))
    return found


def _misattributed(claim: Claim, found: Sequence[Match]) -> bool:
    """The draft names who gives the figure, no source confirms it, and a source names someone else."""
    named = _named(claim.source)
    return (
        bool(named)
        and any(m.agreement is Agreement.DIFFERENT_SOURCE for m in found)
        and not any(m.agreement.supports and named & _named(m.claim.source) for m in found)
    )


def _decide(claim: Claim, found: Sequence[Match]) -> Comparison:
    """The label from the matches, best first: a figure backed by one source is supported,
    unless its named speaker is contradicted by another source and confirmed by none."""
    ordered = list(found)
    if _misattributed(claim, ordered):
        ordered.sort(key=lambda m: m.agreement is not Agreement.DIFFERENT_SOURCE)
    if ordered and ordered[0].agreement.supports:
        # A document that backs the figure is not also listed against it.
        backing = {m.document for m in ordered if m.agreement.supports}
        ordered = [m for m in ordered if m.agreement is not Agreement.DIFFERENT_VALUE or m.document not in backing]
    matches = tuple(ordered[:_MAX_MATCHES])
    if not matches:
        return Comparison(claim, Label.NOT_FOUND, _not_found(claim))
    best = matches[0]
    reason = f"{best.reason} ({best.document}:{best.claim.line})"
    if best.agreement.supports:
        against = next((m for m in matches if m.agreement is Agreement.DIFFERENT_VALUE), None)
        if against is not None:
            reason += f"; {against.document}:{against.claim.line} gives {quote(against.claim.text)}"
        return Comparison(claim, Label.SUPPORTED, reason, matches)
    return Comparison(claim, Label.CONFLICTING, reason, matches)


def _not_found(claim: Claim) -> str:
    if claim.kind is Kind.DATE and claim.date is not None and claim.date.value is None:
        return "no source gives this date in these words, and it cannot be resolved: the draft has no reference date"
    what = f" about {claim.subject}" if claim.subject else ""
    return f"no {claim.kind.value}{what} in the sources agrees or disagrees"


def compare(draft: Document, sources: Sequence[Document]) -> tuple[Comparison, ...]:
    """Every claim of `draft`, in order, labelled against the claims of `sources`.

    A source claim whose value agrees with one claim of a draft sentence is not held
    against the other claims of that sentence: the dateline's "March 14" does not
    contradict the "Tuesday" next to it.
    """
    index = SourceIndex(sources)
    judged = [(claim, _matches(claim, index)) for claim in draft.claims]
    taken: dict[int, set[tuple[str, int]]] = {}
    for claim, found in judged:
        for match in found:
            if match.agreement is not Agreement.DIFFERENT_VALUE:
                taken.setdefault(claim.sentence_start, set()).add((match.document, match.claim.start))
    return tuple(
        _decide(claim, [
            m for m in found
            if m.agreement is not Agreement.DIFFERENT_VALUE or (m.document, m.claim.start) not in taken.get(claim.sentence_start, ())
        ])
        for claim, found in judged
    )


def tally(comparisons: Iterable[Comparison]) -> dict[Label, int]:
    """How many claims got each label, every label present."""
    counts = {label: 0 for label in Label}
    for comparison in comparisons:
        counts[comparison.label] += 1
    return counts


__all__ = [
    "Agreement",
    "Comparison",
    "Interval",
    "Label",
    "Match",
    "SourceIndex",
    "compare",
    "precision",
    "similarity",
    "tally",
    "tolerance",
    "topic",
]
