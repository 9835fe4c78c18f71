"""CC002: a weekday written next to a date that falls on another day of the week."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Kind, Severity
from ..context import CheckContext
from ..registry import Hit, Rule

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"\b(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?", re.I
)
# The date itself follows the weekday: "Tuesday, March 1", "Tue. 1 March"; not "Tuesday and March 1".
_FOLLOWED_BY_DATE = re.compile(r"[\s,.(]*(?:the\s+)?(?:\d|[A-Z][a-z]{2})")


def _weekday_index(word: str) -> int:
    """Monday is 0, as `date.weekday()` counts; the first three letters name the day."""
    return [name[:3] for name in _WEEKDAYS].index(word[:3].lower())


def weekday_mismatches(context: CheckContext) -> Iterator[Hit]:
    for claim in context.claims:
        date = claim.date
        if claim.kind is not Kind.DATE or date is None or date.start is None or date.start != date.end:
            continue
        m = _WEEKDAY.search(claim.text)
        if not m or not _FOLLOWED_BY_DATE.match(claim.text, m.end()):
            continue
        written = _weekday_index(m.group(0))
        actual = date.start.weekday()
        if written == actual:
            continue
        yield Hit(
            claim,
            {
                "written": _WEEKDAYS[written].capitalize(),
                "day": date.start.isoformat(),
                "actual": _WEEKDAYS[actual].capitalize(),
            },
        )


RULE = Rule(
    code="CC002",
    name="weekday-mismatch",
    severity=Severity.ERROR,
    summary="A weekday written with a date that falls on a different day of the week.",
    message="weekday does not match the date in {claim}: {day} is a {actual}, not a {written}",
    rationale=(
        "A wrong weekday means either the weekday or the date is wrong, and readers"
        " cannot tell which. Check the calendar and fix one of them."
    ),
    bad="The council voted on Tuesday, March 1, 2023.",
    good="The council voted on Wednesday, March 1, 2023.",
    run=weekday_mismatches,
)
