"""CC014 and CC015: with `check --against SOURCE`, claims the sources contradict or do not give.

The comparison is `claimcheck.compare.compare`, run once per document when the check
starts (`CheckContext.comparisons`); without sources both rules stay quiet.
"""
from __future__ import annotations

from typing import Iterator

from ...model import Severity
from ..context import CheckContext
from ..registry import Hit, Rule

_RELEASE = "RIVERSIDE, March 14, 2024 - The council approved a plan to protect 69,412 residents, Mayor Ana Ruiz said."


# `claimcheck.compare` reads the check package's word lists, so it is imported when a rule
# runs with sources to compare, not when the rule table is built nor for a check without them.


def conflicting(context: CheckContext) -> Iterator[Hit]:
    if not context.comparisons:
        return
    from ...compare import Label

    for comparison in context.comparisons:
        if comparison.label is Label.CONFLICTING:
            yield Hit(comparison.claim, {"reason": comparison.reason})


def not_found(context: CheckContext) -> Iterator[Hit]:
    if not context.comparisons:
        return
    from ...compare import Label

    for comparison in context.comparisons:
        if comparison.label is Label.NOT_FOUND:
            yield Hit(comparison.claim)


CONFLICTING = Rule(
    code="CC014",
    name="conflicts-with-source",
    severity=Severity.WARNING,
    summary="A claim that a source given with --against states with another value, or gives to someone else.",
    message="{claim} disagrees with the sources: {reason}",
    rationale=(
        "A figure copied from a press release, a report or an earlier story should say what the"
        " source says. The rule compares claims of the same kind, unit and subject; rounding the"
        " draft's wording allows (\"nearly 70,000\" for 69,412) is not a conflict, and neither is a"
        " source that does not name who gave the figure."
    ),
    bad="RIVERSIDE, March 14, 2024 - The council approved a plan to protect 75,000 residents, Mayor Ana Ruiz said.",
    good="RIVERSIDE, March 14, 2024 - The council approved a plan to protect nearly 70,000 residents, Mayor Ana Ruiz said.",
    run=conflicting,
    against=_RELEASE,
)

NOT_FOUND = Rule(
    code="CC015",
    name="not-in-sources",
    severity=Severity.INFO,
    summary="A claim that no source given with --against states, with any value.",
    message="{claim} is not in the sources",
    rationale=(
        "A figure the sources do not give needs a source of its own, or a check by hand. Drafts"
        " add background the press release lacks, so this is information, not a warning."
    ),
    bad="RIVERSIDE, March 14, 2024 - The council approved a plan to protect 69,412 residents and create 250 jobs, Mayor Ana Ruiz said.",
    good="RIVERSIDE, March 14, 2024 - The council approved a plan to protect 69,412 residents, Mayor Ana Ruiz said.",
    run=not_found,
    against=_RELEASE,
)
