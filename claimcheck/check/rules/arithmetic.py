"""CC004, CC005, CC006, CC011: arithmetic the text states and gets wrong."""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from ...model import Claim, Kind, Severity, frozen
from ...report.text import format_number
from ..context import CheckContext, claims_by_sentence
from ...lazy import on_first_use
from ..language import content_words
from ..numbers import written_interval
from ..quantities import Interval, interval
from ..registry import Hit, Rule, quote

_UP = (
    r"ros[e]|risen|rises?|rising|increas\w*|up|jump\w*|climb\w*|gain\w*|grew|grown|grows?|growth|surg\w*|"
    r"soar\w*|rais\w*|boost\w*|higher|more|doubl\w*|accelerat\w*|rall(?:y|ied|ies)|advanc\w*|expand\w*"
)
_DOWN = (
    r"fell|fallen|falls?|falling|drop\w*|decreas\w*|declin\w*|down|cut|cuts|lower\w*|less|fewer|reduc\w*|"
    r"plung\w*|slump\w*|shr[iau]nk\w*|slid\w*|sank|sunk|lost|loss|slow\w*|eas(?:e|ed|es|ing)|dipp?(?:ed|s|ing)?|"
    r"shed|weaken\w*|tumbl\w*|retreat\w*|contract\w*"
)
_up_word = on_first_use(rf"\b(?:{_UP})\b", re.I)
_down_word = on_first_use(rf"\b(?:{_DOWN})\b", re.I)
_change_word = on_first_use(rf"\b(?:{_UP}|{_DOWN}|change\w*|swing)\b", re.I)
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|from|of)\s+\Z", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)
_TO_BEFORE = re.compile(r"\bto\s+\Z", re.I)
_TO_BETWEEN = re.compile(r"\A\s+to\s+\Z", re.I)
_FROM_BETWEEN = re.compile(r"\A\s*,?\s+from\s+\Z", re.I)
_RANGE_FROM_TO = re.compile(r"\A\s*from\b.+\bto\b", re.I | re.S)

_EXHAUSTIVE = re.compile(r"\A[^.;]{0,40}?(?::|—|–|\bmade up of\b|\bconsist(?:ing|s|ed) of\b|\bsplit (?:between|among)\b|\bbroken down into\b|\bdivided (?:between|among|into)\b)", re.I)
_INCLUSIVE = re.compile(r"\A[^.;:]{0,40}?\b(?:including|includ(?:es|ed)|of whom|of which|among them|among whom)\b", re.I)
_PART_GAP = re.compile(r"\A[^.;:()]{0,60}\Z")
_PART_JOIN = re.compile(r"(?:,|\band\b|\bplus\b|\bwhile\b)", re.I)

_share_cue = on_first_use(
    r"\b(?:polls?|surveys?|surveyed|respondents?|voters?|votes?|ballots?|shares?|split|undecided|breakdown|"
    r"of (?:the|those|all|its|their|his|her)\b)",
    re.I,
)
_not_a_share = on_first_use(
    rf"\b(?:{_UP}|{_DOWN}|change\w*|than|from|rate|rates|interest|inflation|yield\w*|margin|annual\w*|"
    r"year|quarter|month|week|turnout|chance|probability|likely|odds|return\w*|tax\w*|tariff\w*|discount\w*|"
    r"stake|owns?|owned|points?)\b",
    re.I,
)
_whole_of = on_first_use(r"\s+of\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)(?=\s+(?:through|in|on|at|for|by|with|from|to|and|or|while|but|were|was|is|are|had|has|have|held|backed|voted|said)\b|\s*[,.;:)]|\s*\Z)", re.I)
_ARITHMETIC_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.MEASURE, Kind.PERCENT})


@frozen
class Change:
    """A stated move of one quantity: "from 40 to 50" or "to 50 from 40"."""

    before: float
    after: float
    claims: tuple[Claim, ...]
    start: int
    end: int

    @property
    def anchor(self) -> Claim:
        """The claim a finding about the change is reported at: the first in the text."""
        return min(self.claims, key=lambda claim: claim.start)

    @property
    def is_percent(self) -> bool:
        return self.claims[0].kind is Kind.PERCENT


def _plain(claim: Claim) -> bool:
    return claim.kind in _ARITHMETIC_KINDS and claim.value is not None and not claim.vague


def _same_scale(a: Claim, b: Claim) -> bool:
    return a.kind is b.kind and (a.unit or "") == (b.unit or "")


def changes(context: CheckContext, claims: Sequence[Claim]) -> list[Change]:
    """Every "from A to B" (one range claim or two claims) and "to B from A" in a sentence."""
    found: list[Change] = []
    prose = context.prose
    for index, claim in enumerate(claims):
        if not _plain(claim):
            continue
        before = prose[max(0, claim.start - 12):claim.start]
        if claim.value_high is not None and (_RANGE_FROM_TO.match(claim.text) or _FROM_BEFORE.search(before)):
            found.append(Change(float(claim.value), float(claim.value_high), (claim,), claim.start, claim.end))
            continue
        if index + 1 >= len(claims) or claim.value_high is not None:
            continue
        following = claims[index + 1]
        if not _plain(following) or following.value_high is not None or not _same_scale(claim, following):
            continue
        between = prose[claim.end:following.start]
        lead_from, lead_to = _FROM_BEFORE.search(before), _TO_BEFORE.search(before)
        if lead_from and _TO_BETWEEN.match(between):
            start = claim.start - len(before) + lead_from.start()
            found.append(Change(float(claim.value), float(following.value), (claim, following), start, following.end))
        elif lead_to and _FROM_BETWEEN.match(between):
            start = claim.start - len(before) + lead_to.start()
            found.append(Change(float(following.value), float(claim.value), (following, claim), start, following.end))
    return found


def _stated_change(context: CheckContext, change: Change, claims: Sequence[Claim]) -> Claim | None:
    """The percentage in the sentence that states the size of `change`, if one does."""
    best: Claim | None = None
    for claim in claims:
        if claim in change.claims or claim.kind is not Kind.PERCENT or not _plain(claim) or claim.value_high is not None:
            continue
        if claim.qualifier not in ("=", "~", "up", "down") or _LEVEL_BEFORE.search(context.prose, max(0, claim.start - 8), claim.start):
            continue  # "up to 4.8%", "to 4.8%", "at 4.8%" give a level, not the size of a change
        window = context.prose[max(0, claim.start - 30):min(len(context.prose), claim.end + 25)]
        if claim.qualifier not in ("up", "down") and not _change_word().search(window):
            continue
        if best is None or abs(claim.start - change.start) < abs(best.start - change.start):
            best = claim
    return best


def _direction(text: str) -> int:
    """+1 for words of rising, -1 for falling, 0 when the words say neither or both."""
    up, down = bool(_up_word().search(text)), bool(_down_word().search(text))
    return 0 if up == down else (1 if up else -1)


def _change_interval(change: Change, stated: Claim) -> Interval | None:
    """What the stated percentage should be, given how precisely before and after are written."""
    before = written_interval(change.claims[0], change.before)
    after = written_interval(change.claims[-1], change.after)
    if stated.unit and "point" in stated.unit:
        if not change.is_percent:
            return None
        if change.after == change.before:
            return None
        candidates = [abs(a - b) for a in (after.low, after.high) for b in (before.low, before.high)]
        return Interval(min(candidates), max(candidates))
    if before.low <= 0:
        return None
    candidates = [abs(a - b) / b * 100 for a in (after.low, after.high) for b in (before.low, before.high)]
    return Interval(min(candidates), max(candidates))


def _percent(value: float) -> str:
    return format_number(round(value, 1))


def change_arithmetic(context: CheckContext) -> Iterator[Hit]:
    for claims in claims_by_sentence(context).values():
        for change in changes(context, claims):
            stated = _stated_change(context, change, claims)
            if stated is None or stated.value is None:
                continue
            should_be = _change_interval(change, stated)
            if should_be is None:
                continue
            written = written_interval(stated, float(stated.value))
            if stated.qualifier == "~":
                written = Interval(written.low * 0.9, written.high * 1.1)
            if written.disjoint(should_be):
                points = bool(stated.unit and "point" in stated.unit)
                actual = abs(change.after - change.before) if points else abs(change.after - change.before) / change.before * 100
                span = context.prose[change.start:change.end]
                unit = (" percentage point" if actual == 1 else " percentage points") if points else "%"
                yield Hit(stated, {"change": quote(span), "actual": _percent(actual) + unit})


def change_direction(context: CheckContext) -> Iterator[Hit]:
    for claims in claims_by_sentence(context).values():
        for change in changes(context, claims):
            if change.after == change.before:
                continue
            moved = 1 if change.after > change.before else -1
            lead = context.prose[max(context.sentence(change.start).start, change.start - 25):change.start]
            said = _direction(" ".join(lead.split()[-2:]))
            stated = _stated_change(context, change, claims)
            if stated is not None and said == 0:
                window = context.prose[stated.start:min(len(context.prose), stated.end + 25)]
                said = {"up": 1, "down": -1}.get(stated.qualifier, 0) or _direction(window)
            if said and said != moved:
                yield Hit(
                    change.anchor,
                    {
                        "change": quote(context.prose[change.start:change.end]),
                        "said": "a rise" if said > 0 else "a fall",
                        "moved": "falls" if moved < 0 else "rises",
                    },
                )


def _parts_after(context: CheckContext, total: Claim, claims: Sequence[Claim]) -> list[Claim]:
    parts: list[Claim] = []
    last = total
    for claim in claims:
        if claim.start < total.end:
            continue
        if not _plain(claim) or not _same_scale(total, claim) or claim.value_high is not None:
            break
        gap = context.prose[last.end:claim.start]
        if parts and not (_PART_GAP.match(gap) and _PART_JOIN.search(gap)):
            break
        parts.append(claim)
        last = claim
    return parts


def parts_and_total(context: CheckContext) -> Iterator[Hit]:
    for claims in claims_by_sentence(context).values():
        for index, total in enumerate(claims):
            if not _plain(total) or total.kind is Kind.PERCENT or total.value_high is not None:
                continue
            rest = claims[index + 1:]
            if not rest:
                continue
            gap = context.prose[total.end:rest[0].start]
            exhaustive, inclusive = _EXHAUSTIVE.match(gap), _INCLUSIVE.match(gap)
            if not exhaustive and not inclusive:
                continue
            parts = _parts_after(context, total, rest)
            if len(parts) < (2 if exhaustive else 1):
                continue
            whole = interval(total)
            spans = [interval(part) for part in parts]
            if whole is None or any(span is None for span in spans):
                continue
            low = sum(span.low for span in spans if span)
            high = sum(span.high for span in spans if span)
            too_many = low > whole.high + 1e-9
            if too_many or (exhaustive and high < whole.low - 1e-9):
                yield Hit(
                    parts[-1],
                    {
                        "parts": ", ".join(quote(p.text) for p in parts),
                        "sum": format_number(sum(float(p.value) for p in parts if p.value is not None)),
                        "total": quote(total.text),
                        "relation": "more than" if too_many else "not",
                    },
                )


def shares_over_100(context: CheckContext) -> Iterator[Hit]:
    for start, claims in claims_by_sentence(context).items():
        shares = [c for c in claims if c.kind is Kind.PERCENT and c.unit == "%"]
        if len(shares) < 2 or any(not _plain(c) or c.value_high is not None or c.qualifier not in ("=", "~") for c in shares):
            continue
        sentence = context.sentence(start)
        if not _share_cue().search(context.prose, sentence.start, sentence.end):
            continue
        if _not_a_share().search(context.prose, sentence.start, sentence.end):
            continue
        wholes = {_whole(context, c) for c in shares} - {None}
        if len(wholes) > 1:
            continue
        low = sum(written_interval(c, float(c.value)).low for c in shares if c.value is not None)
        if low > 100 + 1e-9 and all(c.value is not None and c.value <= 100 for c in shares):
            total = sum(float(c.value) for c in shares if c.value is not None)
            yield Hit(shares[-1], {"shares": ", ".join(quote(c.text) for c in shares), "sum": format_number(total)})


def _whole(context: CheckContext, share: Claim) -> str | None:
    """What a share is a share of, when the text says so: "33% of its voting rights" -> "right"."""
    inside = share.text.lower().find(" of ")
    m = (_whole_of().match(share.text[inside:]) if inside >= 0 else None) or _whole_of().match(context.prose, share.end, min(len(context.prose), share.end + 60))
    if not m:
        return None
    words = content_words(m.group(1))
    return words[-1] if words else None


PARTS = Rule(
    code="CC004",
    name="parts-total-mismatch",
    severity=Severity.ERROR,
    summary="A total and the parts the same sentence breaks it into do not add up.",
    message="{parts} add up to {sum}, {relation} the total {total}",
    rationale=(
        "When a sentence gives a total and then its breakdown (after a colon, \"made up of\","
        " \"including\"), readers add them up. Parts after \"including\" may be fewer than"
        " the total but never more; a breakdown after a colon should add up exactly."
    ),
    bad="Twelve people were killed: five soldiers and four civilians.",
    good="Twelve people were killed: eight soldiers and four civilians.",
    run=parts_and_total,
)

CHANGE = Rule(
    code="CC005",
    name="change-arithmetic",
    severity=Severity.ERROR,
    summary="A stated percentage change that does not follow from the before and after values the text gives.",
    message="{claim} does not match {change}: that is a change of {actual}",
    rationale=(
        "A change from 40 to 50 is 25%, not 20%. The check allows for the rounding the"
        " figures are written with, and compares percentage points with points."
    ),
    bad="Ticket sales rose from 40,000 to 50,000, a 20% increase.",
    good="Ticket sales rose from 40,000 to 50,000, a 25% increase.",
    run=change_arithmetic,
)

SHARES = Rule(
    code="CC006",
    name="shares-over-100",
    severity=Severity.ERROR,
    summary="Percentages of one whole, given in one sentence, that add up to more than 100%.",
    message="shares of one whole add up to {sum}%: {shares}",
    rationale=(
        "Shares of one whole (a poll, a vote, a budget) cannot add up to more than 100%,"
        " beyond a point or so of rounding. The rule only reads sentences about shares"
        " and skips rates, changes and comparisons."
    ),
    bad="In the poll, 55% of voters backed Smith, 40% backed Jones and 10% were undecided.",
    good="In the poll, 52% of voters backed Smith, 40% backed Jones and 8% were undecided.",
    run=shares_over_100,
)

DIRECTION = Rule(
    code="CC011",
    name="change-direction",
    severity=Severity.ERROR,
    summary="The text says a figure rose where its own numbers fall, or the other way round.",
    message="{change} {moved}, but the text calls it {said}",
    rationale=(
        "\"Rose from 50 to 40\" contradicts itself: one of the words or one of the"
        " numbers is wrong."
    ),
    bad="Membership fell from 1,200 to 1,500 in 2023.",
    good="Membership rose from 1,200 to 1,500 in 2023.",
    run=change_direction,
)
