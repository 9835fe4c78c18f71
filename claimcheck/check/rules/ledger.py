"""CC012, CC013: claims the review ledger does not cover: not verified, changed since, or marked wrong.

They read the draft's ledger (`DRAFT.claims.json`, written by `claimcheck review`) and stay
silent when a draft has none, unless `check --ledger` asks for one for every draft.
"""
from __future__ import annotations

from typing import Iterator

from ...ledger import ClaimStatus, State
from ...model import Severity
from ...report.text import one_line
from ..context import CheckContext
from ..registry import Hit, Rule


def _changed(item: ClaimStatus) -> str:
    from ...align import describe_change  # `align` is loaded with the first ledger, not for every check

    assert item.decision is not None
    what = [f"{name} {before} → {after}" for name, before, after in describe_change(item.decision.claim, item.record, item.changes) if name not in ("text", "sentence")]
    if not what:
        what = ["reworded" if "text" in item.changes else "its sentence was edited"]
    return f"changed since it was marked {item.decision.status.value} ({'; '.join(what)}): review it again"


def unverified_claims(context: CheckContext) -> Iterator[Hit]:
    if context.ledger is None:
        return
    for item in context.ledger.claims:
        if item.state is State.UNREVIEWED:
            yield Hit(item.claim, {"why": "has not been verified: review it (claimcheck review)"})
        elif item.state is State.SKIPPED:
            yield Hit(item.claim, {"why": "was skipped in review and is not verified yet"})
        elif item.state is State.CHANGED:
            yield Hit(item.claim, {"why": _changed(item)})


def wrong_claims(context: CheckContext) -> Iterator[Hit]:
    if context.ledger is None:
        return
    for item in context.ledger.claims:
        if item.state is State.WRONG and item.decision is not None:
            note = f" ({one_line(item.decision.note)})" if item.decision.note else ""
            yield Hit(item.claim, {"note": note})


UNVERIFIED = Rule(
    code="CC012",
    name="unverified-claim",
    severity=Severity.WARNING,
    summary="A claim the review ledger does not mark verified: never reviewed, skipped, or changed since.",
    message="{claim} {why}",
    rationale=(
        "A story should not run with figures nobody has checked. The ledger claimcheck review"
        " writes beside the draft records each decision; a figure edited after it was verified"
        " needs checking again."
    ),
    bad="The bridge repairs will cost $6.5 million.",
    good="The bridge repairs will cost $6.5 million.",
    run=unverified_claims,
    needs_ledger=True,
)

WRONG = Rule(
    code="CC013",
    name="claim-marked-wrong",
    severity=Severity.ERROR,
    summary="A claim a reviewer marked wrong that is still in the draft as it was.",
    message="{claim} was marked wrong in review{note}: correct it, or review it again",
    rationale=(
        "The reviewer found the figure wrong and it has not been touched since. Once it is"
        " corrected it no longer matches the wrong one and CC012 asks for it to be verified."
    ),
    bad="The bridge repairs will cost $6.5 million.",
    good="The bridge repairs will cost $7.2 million.",
    run=wrong_claims,
    needs_ledger=True,
)
