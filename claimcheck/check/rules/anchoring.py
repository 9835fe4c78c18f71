"""CC008: relative dates ("Tuesday", "last week") in a document that gives no date of its own."""
from __future__ import annotations

from typing import Iterator

from ...model import Kind, Severity
from ..context import CheckContext
from ..registry import Hit, Rule
from .calendar_days import impossible_day


def unanchored_dates(context: CheckContext) -> Iterator[Hit]:
    if context.document.reference_date is not None:
        return
    relative = [
        c
        for c in context.claims
        if c.kind is Kind.DATE
        and c.date is not None
        and c.date.value is None
        and not c.date.anchored
        and impossible_day(c.text) is None
    ]
    if relative:
        others = len(relative) - 1
        more = f" and {others} other relative date{'s' if others != 1 else ''}" if others else ""
        yield Hit(relative[0], {"more": more})


RULE = Rule(
    code="CC008",
    name="unanchored-relative-date",
    severity=Severity.WARNING,
    summary="Relative dates in a document with no dateline or date, so they cannot be checked.",
    message="{claim}{more} cannot be checked: the document has no date (add a dateline or a front matter date:)",
    rationale=(
        "\"Tuesday\" and \"last week\" mean nothing without the day the story was written."
        " Reported once per document, at the first relative date."
    ),
    bad="The council voted on Tuesday to close the library.",
    good="March 1, 2023\n\nThe council voted on Tuesday to close the library.",
    run=unanchored_dates,
)
