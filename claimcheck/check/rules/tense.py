"""CC007: a date after the story's reference date, told in the past tense."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Kind, Severity
from ..context import CheckContext
from ..language import WORD, future_marker, is_past_tense
from ..registry import Hit, Rule

_VERB_WINDOW = 6
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]")


def future_in_past_tense(context: CheckContext) -> Iterator[Hit]:
    reference = context.document.reference_date
    if reference is None:
        return
    for claim in context.claims:
        date = claim.date
        # Only dates written out in full: a year the extractor inferred is its guess, not the writer's.
        if claim.kind is not Kind.DATE or date is None or date.anchored or date.start is None or date.start <= reference:
            continue
        sentence = context.sentence(claim.start)
        if future_marker().search(context.prose, sentence.start, sentence.end) or context.in_quotation(claim.start):
            continue
        clause = context.prose[sentence.start:claim.start]
        breaks = list(_CLAUSE_BREAK.finditer(clause))
        if breaks:
            clause = clause[breaks[-1].end():]
        verbs = [w for w in WORD.findall(clause)[-_VERB_WINDOW:] if is_past_tense(w)]
        if verbs:
            yield Hit(claim, {"verb": verbs[-1], "reference": reference.isoformat()})


RULE = Rule(
    code="CC007",
    name="future-date-past-tense",
    severity=Severity.WARNING,
    summary="A date written with its year, after the story's own date, told in the past tense.",
    message="{claim} is after the story's date ({reference}) but is told in the past tense (\"{verb}\")",
    rationale=(
        "A story dated March 1 cannot report that something happened on March 10. Either"
        " the date, the year or the tense is wrong; often it is last year's date."
    ),
    bad="March 1, 2023\n\nThe council approved the budget on March 10, 2023.",
    good="March 1, 2023\n\nThe council approved the budget on Feb. 10, 2023.",
    run=future_in_past_tense,
)
