"""CC010: a date that does not exist, such as February 30 or April 31."""
from __future__ import annotations

import calendar
import re
from typing import Iterator

from ...load import LineIndex
from ...model import Claim, DateValue, Kind, Severity, claim_id
from ..context import CheckContext
from ..registry import Hit, Rule

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)\b)?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}")


def _days_in(month: int, year: int | None) -> int:
    if month == 2 and year is None:
        return 29
    return calendar.monthrange(year or 2001, month)[1]


def impossible_day(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year) of the first date in `text` whose day is past the end of its month."""
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            month = _MONTHS[m.group("month").lower()]
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else None
            if _days_in(month, year) < day <= 31:
                return month, day, year
    return None


def nonexistent_dates(context: CheckContext) -> Iterator[Hit]:
    """Date claims the extractor could give no value, and dates it did not take for claims at all."""
    dates = [c for c in context.claims if c.kind is Kind.DATE]
    for claim in dates:
        found = impossible_day(claim.text) if claim.date is None or claim.date.value is None else None
        if found:
            yield Hit(claim, {"days": str(_days_in(found[0], found[2]))})
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(context.prose):
            found = impossible_day(m.group(0))
            if not found or any(c.start <= m.start() < c.end for c in dates):
                continue
            yield Hit(_pseudo_claim(context, m.start(), m.end()), {"days": str(_days_in(found[0], found[2]))})


def _pseudo_claim(context: CheckContext, start: int, end: int) -> Claim:
    """A date the extractor rightly refused is still a place to report: a claim-shaped record of it."""
    text = context.text[start:end]
    sentence_span = context.sentence(start)
    sentence = context.text[sentence_span.start:sentence_span.end]
    line, column = LineIndex(context.text).position(start)
    return Claim(
        id=claim_id(Kind.DATE, text, sentence),
        kind=Kind.DATE,
        text=text,
        start=start,
        end=end,
        line=line,
        column=column,
        sentence=sentence,
        date=DateValue(None),
    )


RULE = Rule(
    code="CC010",
    name="nonexistent-date",
    severity=Severity.ERROR,
    summary="A calendar date that does not exist, such as February 30 or April 31.",
    message="{claim} does not exist: that month has {days} days",
    rationale=(
        "A day past the end of its month is a typing slip in the day or the month. The"
        " extractor cannot read it as a date, so without this rule it would pass unnoticed."
    ),
    bad="The match ended on February 30, 2023.",
    good="The match ended on February 28, 2023.",
    run=nonexistent_dates,
)
