"""What a rule is: a stable code, a name, a default severity, a message and its reasons.

The rule functions live in `rules/`; this module only describes them, so reporters
(SARIF's rule table, the docs test) can list rules without running any.
"""
from __future__ import annotations

from dataclasses import field
from typing import Callable, Iterable, Mapping

from ..model import Claim, Severity, frozen
from .context import CheckContext


@frozen
class Hit:
    """A rule's raw result: the claim it is about and the words its message needs."""

    claim: Claim
    values: Mapping[str, str] = field(default_factory=dict)


@frozen
class Rule:
    """A check with a stable identity; `message` is a `str.format` template over `Hit.values`.

    `against` is the source text a rule's examples are compared with, for rules that
    read the sources given with `check --against`.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    message: str
    rationale: str
    bad: str
    good: str
    run: Callable[[CheckContext], Iterable[Hit]]
    # Reads the review ledger (CheckContext.ledger): silent on drafts that have none.
    needs_ledger: bool = False
    against: str = ""

    def format(self, hit: Hit) -> str:
        return self.message.format(claim=quote(hit.claim.text), **hit.values)


def quote(text: str) -> str:
    """Words of the document as a message shows them: quoted, white space folded."""
    return "“" + " ".join(text.split()) + "”"
