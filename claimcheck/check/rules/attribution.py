"""CC001: a figure the text states in its own voice in a paragraph that names no source."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Kind, Severity
from ..context import CheckContext, claims_by_paragraph
from ..language import LINK, REPORTING_CUE
from ..registry import Hit, Rule

_FIGURES = frozenset({Kind.COUNT, Kind.MONEY, Kind.PERCENT})
# "the two sides", "its three members": a count that points back to things already named.
_DEFINITE = re.compile(r"\b(?:the|its|their|his|her|our|both|these|those|all)\s+\Z", re.I)


def unattributed_figures(context: CheckContext) -> Iterator[Hit]:
    for start, claims in claims_by_paragraph(context).items():
        if any(claim.source is not None for claim in claims):
            continue
        span = context.paragraph(start)
        if LINK.search(context.text, span.start, span.end) or REPORTING_CUE.search(context.prose, span.start, span.end):
            continue
        for claim in claims:
            if claim.kind not in _FIGURES or context.in_quotation(claim.start):
                continue
            if _DEFINITE.search(context.prose, max(span.start, claim.start - 12), claim.start):
                continue
            yield Hit(claim)


RULE = Rule(
    code="CC001",
    name="unattributed-figure",
    severity=Severity.INFO,
    summary="A count, sum of money or percentage stated in the text's own voice, with no source or link in its paragraph.",
    message="unattributed figure {claim}: name a source or link one in this paragraph",
    rationale=(
        "Readers and editors need to know where a number comes from. Many figures are common"
        " knowledge or sourced nearby, so this is information, not a warning."
    ),
    bad="The new bridge cost $48 million and carries 30,000 cars a day.",
    good="The new bridge cost $48 million and carries 30,000 cars a day, according to the transport department.",
    run=unattributed_figures,
)
