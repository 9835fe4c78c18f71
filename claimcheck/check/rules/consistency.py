"""CC003 and CC009: one quantity given two different values, or vaguely where it is known."""
from __future__ import annotations

from typing import Iterator

from ...model import Claim, Severity
from ..context import CheckContext
from ..quantities import Comparison, interval, subject_key
from ..registry import Hit, Rule, quote


def _groups(context: CheckContext) -> dict[tuple[str, str, str], list[Claim]]:
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in context.claims:
        key = subject_key(claim)
        if key is not None:
            groups.setdefault(key, []).append(claim)
    return groups


def inconsistent_figures(context: CheckContext) -> Iterator[Hit]:
    groups = _groups(context)
    comparison = Comparison.of(context, (c for claims in groups.values() for c in claims))
    for claims in groups.values():
        for index, later in enumerate(claims):
            later_values = interval(later)
            if later_values is None:
                continue
            for earlier in claims[:index]:
                earlier_values = interval(earlier)
                if earlier_values is None or not earlier_values.disjoint(later_values):
                    continue
                if comparison.same_quantity(earlier, later):
                    yield Hit(later, {"other": quote(earlier.text), "line": str(earlier.line)})
                    break


def vague_with_exact(context: CheckContext) -> Iterator[Hit]:
    groups = _groups(context)
    comparison = Comparison.of(context, (c for claims in groups.values() for c in claims))
    for claims in groups.values():
        exact = [c for c in claims if interval(c) is not None]
        for claim in claims:
            if not claim.vague:
                continue
            for known in exact:
                if comparison.same_quantity(claim, known):
                    yield Hit(claim, {"other": quote(known.text), "line": str(known.line)})
                    break


INCONSISTENT = Rule(
    code="CC003",
    name="inconsistent-figure",
    severity=Severity.WARNING,
    summary="The same quantity is given two values that cannot both be true.",
    message="{claim} disagrees with {other} on line {line}",
    rationale=(
        "When a story gives one quantity twice with different values, at least one is"
        " wrong. The rule compares claims with the same subject and unit in matching"
        " wording, and stays quiet where the text marks a change, a comparison or another date."
    ),
    bad="The town has 70,000 residents.\n\nFlooding reached the homes of the town's 75,000 residents.",
    good="The town has 70,000 residents.\n\nFlooding reached the homes of the town's 70,000 residents.",
    run=inconsistent_figures,
)

VAGUE = Rule(
    code="CC009",
    name="vague-with-exact",
    severity=Severity.INFO,
    summary="A vague quantity (\"hundreds of\") where the document gives the exact figure elsewhere.",
    message="vague {claim} where the text gives {other} on line {line}: use the figure",
    rationale=(
        "If the story knows the number, \"hundreds\" or \"dozens\" withholds it from the"
        " reader, and the two wordings may drift apart in editing."
    ),
    bad="The storm forced 750 residents from the valley.\n\nHundreds of residents were forced from the valley by the storm.",
    good="The storm forced 750 residents from the valley.\n\nAll 750 residents were forced from the valley by the storm.",
    run=vague_with_exact,
)
