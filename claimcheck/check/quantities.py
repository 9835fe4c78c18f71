"""When do two claims state the same quantity? Shared by the consistency rules.

Two claims are taken to count the same thing only on strong evidence: same kind, unit
and subject, in different sentences, in frames (the words around each claim) that
share a name or mostly agree and do not pit one verb against another ("killed",
"injured"), with nothing in either sentence that marks a change over time, a
comparison or another date. Editors forgive a missed inconsistency more readily than
a false alarm on every story that mentions "people" twice.
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Mapping

from ..model import Claim, Kind, frozen
from .context import CheckContext
from .language import STOPWORDS, WORD, is_past_tense, singular

LEVEL_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.MEASURE, Kind.DURATION, Kind.AGE})
_APPROXIMATE = 0.1
_FRAME_WORDS = 5
_POSSESSIVE = re.compile(r"['’]s?\Z")
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# A sentence that talks about change, comparison or another time states more than one
# value of the same thing on purpose.
_CHANGE = re.compile(
    r"""\b(?:rose|risen|rise[sn]?|rising|increas\w*|fell|fallen|falls?|falling|drop\w*|declin\w*|
    grew|grown|grows?|growth|jump\w*|climb\w*|surg\w*|plung\w*|slump\w*|doubl\w*|tripl\w*|halv\w*|
    cut|cuts|reduc\w*|rais\w*|lower\w*|higher|more|fewer|less|than|compared|versus|vs|previous\w*|
    last|earlier|initial\w*|original\w*|revis\w*|updat\w*|now|once|former\w*|ago|before|after|
    then|until|since|total|overall|combined|another|additional|other|each|per|every|
    average|median|record|estimat\w*)\b""",
    re.I | re.X,
)


@frozen
class Interval:
    """The values a figure can stand for, from `low` to `high`."""

    low: float
    high: float

    def disjoint(self, other: "Interval") -> bool:
        slack = 1e-9 * max(1.0, abs(self.high), abs(other.high))
        return self.high + slack < other.low or other.high + slack < self.low

    def overlaps(self, other: "Interval") -> bool:
        return not self.disjoint(other)


def interval(claim: Claim) -> Interval | None:
    """The values a claim allows: "about 800" is 720-880, "more than 5,000" is 5,000 up."""
    if claim.value is None or claim.vague or claim.qualifier in ("up", "down"):
        return None
    low, high = float(claim.value), float(claim.value_high if claim.value_high is not None else claim.value)
    if claim.qualifier == "~":
        return Interval(low * (1 - _APPROXIMATE), high * (1 + _APPROXIMATE))
    if claim.qualifier in (">", ">="):
        return Interval(low, math.inf)
    if claim.qualifier in ("<", "<="):
        return Interval(0.0, high)
    return Interval(low, high)


def subject_key(claim: Claim) -> tuple[str, str, str] | None:
    """Claims that may state the same quantity share this key: kind, unit, subject head."""
    if claim.kind not in LEVEL_KINDS or not claim.subject:
        return None
    head = claim.subject.split()[-1]
    return (claim.kind.value, claim.unit or "", singular(head))


@frozen
class Frame:
    """The words around a claim: content words, the names among them, and past-tense verbs."""

    words: frozenset[str]
    names: frozenset[str]
    verbs: frozenset[str]
    first: str | None = None


def frame(context: CheckContext, claim: Claim) -> Frame:
    """Content words just before and after the claim in its sentence.

    `names` are capitalised words other than calendar words; a sentence's first word
    counts only if the other frame has it too (checked in `same_quantity`).
    """
    sentence = context.sentence(claim.start)
    before = WORD.findall(context.prose, sentence.start, claim.start)
    after = WORD.findall(context.prose, claim.end, sentence.end)
    before = [_POSSESSIVE.sub("", w) for w in before]
    near = [w for w in before if w.lower() not in STOPWORDS][-_FRAME_WORDS:] + [
        _POSSESSIVE.sub("", w) for w in after if w.lower() not in STOPWORDS
    ][:_FRAME_WORDS]
    words = frozenset(singular(w) for w in near if len(w) > 1)
    names = frozenset(w for w in near if w[0].isupper() and len(w) > 1 and w.lower() not in _CALENDAR_WORDS)
    first = before[0] if before and before[0] in names else None
    verbs = frozenset(w.lower() for w in near if is_past_tense(w))
    return Frame(words, names - {first} if first and near.count(first) == 1 else names, verbs, first)


@frozen
class Comparison:
    """What `same_quantity` needs about every comparable claim, computed once per document.

    Keeps the pairwise test to a few set operations, so a long document with hundreds of
    claims about "people" stays fast.
    """

    context: CheckContext
    frames: Mapping[int, Frame]
    sentences: Mapping[int, int]
    changing: frozenset[int]
    dates: Mapping[int, frozenset[str]]

    @classmethod
    def of(cls, context: CheckContext, claims: Iterable[Claim]) -> "Comparison":
        dates: dict[int, set[str]] = {}
        for c in context.claims:
            if c.kind is Kind.DATE and c.date is not None and c.date.value:
                dates.setdefault(context.sentence(c.start).start, set()).add(c.date.value)
        frames: dict[int, Frame] = {}
        sentences: dict[int, int] = {}
        changing: set[int] = set()
        for claim in claims:
            sentence = context.sentence(claim.start)
            frames[claim.start] = frame(context, claim)
            sentences[claim.start] = sentence.start
            if _CHANGE.search(context.prose, sentence.start, sentence.end):
                changing.add(sentence.start)
        return cls(context, frames, sentences, frozenset(changing), {k: frozenset(v) for k, v in dates.items()})

    def same_quantity(self, first: Claim, second: Claim) -> bool:
        """Do two claims with the same subject key describe one quantity at one time?"""
        one, two = self.sentences[first.start], self.sentences[second.start]
        if one == two or one in self.changing or two in self.changing:
            return False
        if first.source and second.source and first.source.name != second.source.name:
            return False
        first_dates, second_dates = self.dates.get(one), self.dates.get(two)
        if first_dates and second_dates and first_dates != second_dates:
            return False
        return frames_agree(self.frames[first.start], self.frames[second.start])


def frames_agree(a: Frame, b: Frame) -> bool:
    if a.verbs and b.verbs and not a.verbs & b.verbs:
        return False  # "300 killed" and "1,000 injured" count different people
    names_a = a.names | ({a.first} if a.first and a.first in b.names | {b.first} else set())
    names_b = b.names | ({b.first} if b.first and b.first in a.names | {a.first} else set())
    shared_names = names_a & names_b
    if names_a and names_b and not shared_names:
        return False  # "StatesWest serves 10 cities", "Mesa flies to 42 cities"
    if shared_names and len(shared_names) * 2 > max(len(names_a), len(names_b)):
        return True
    shared = a.words & b.words
    return bool(shared) and len(shared) * 2 > min(len(a.words), len(b.words))
