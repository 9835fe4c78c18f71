"""A review session: one draft, its claims and its ledger, decided one claim at a time.

The terminal front end (`claimcheck review`) and scripts (`--non-interactive`) both go
through `ReviewSession.decide`, which writes the ledger before it returns: a decision the
session has acknowledged is on disk.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .ledger import (
    ClaimStatus,
    Decision,
    Ledger,
    Reconciliation,
    State,
    Status,
    ledger_path,
    now,
    read_ledger,
    reconcile,
    record_decision,
    remove_decisions,
)
from .load import read_file
from .model import Document
from .pipeline import extract


@dataclass
class ReviewSession:
    """The claims of one draft with where each stands; the one mutable object of a review."""

    draft: str
    ledger_file: Path
    document: Document
    reconciliation: Reconciliation
    reviewer: str | None = None

    @classmethod
    def open(
        cls,
        draft: str,
        ledger: str | os.PathLike[str] | None = None,
        *,
        reviewer: str | None = None,
        reference_date: dt.date | None = None,
        day_first: bool = False,
    ) -> "ReviewSession":
        """Read the draft and its ledger (by default `DRAFT.claims.json`); errors name the file."""
        article = read_file(draft)
        document = extract(article.text, source=draft, reference_date=reference_date, day_first=day_first, metadata=article.metadata.to_dict())
        ledger_file = Path(ledger) if ledger is not None else ledger_path(draft)
        current = read_ledger(ledger_file, _draft_name(draft, ledger_file))
        return cls(draft, ledger_file, document, reconcile(document.claims, current), reviewer)

    @property
    def items(self) -> tuple[ClaimStatus, ...]:
        return self.reconciliation.claims

    def __len__(self) -> int:
        return len(self.items)

    def find(self, reference: str) -> int:
        """The index of a claim given as its number in the draft (1-based) or its id (or a unique prefix)."""
        wanted = reference.strip().lower().lstrip("#")
        if wanted.isdigit() and len(wanted) < 8:
            number = int(wanted)
            if 1 <= number <= len(self.items):
                return number - 1
            raise UsageError(f"there is no claim {number} in {self.draft} (it has {len(self.items)})")
        matches = [i for i, item in enumerate(self.items) if item.claim.id.startswith(wanted)] if wanted else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise UsageError(f"no claim of {self.draft} has the id {reference!r} (claimcheck review {self.draft} --list shows them)")
        raise UsageError(f"{reference!r} starts the ids of {len(matches)} claims of {self.draft}; give more of it")

    def decide(self, index: int, status: Status, note: str | None = None, evidence: str | None = None) -> ClaimStatus:
        """Record a decision about claim `index` in the ledger now, and return where it stands."""
        item = self.items[index]
        decision = Decision(
            claim=item.record,
            status=status,
            decided_at=now(),
            note=note or None,
            evidence=evidence or None,
            reviewer=self.reviewer,
        )
        earlier = item.decision.claim_id if item.decision is not None else None
        written = record_decision(self.ledger_file, _draft_name(self.draft, self.ledger_file), decision, replaces=earlier)
        self._refresh(written)
        return self.items[index]

    def annotate(self, index: int, note: str | None = None, evidence: str | None = None) -> ClaimStatus:
        """Change the note or evidence of a decided claim, keeping its status."""
        decision = self.items[index].decision
        if decision is None or self.items[index].state in (State.UNREVIEWED, State.CHANGED):
            raise UsageError("decide about this claim first (verified, wrong or skipped), then add a note or evidence")
        return self.decide(
            index,
            decision.status,
            note=decision.note if note is None else note,
            evidence=decision.evidence if evidence is None else evidence,
        )

    def prune(self) -> int:
        """Remove the decisions about claims no longer in the draft; returns how many there were."""
        gone = [decision.claim_id for decision in self.reconciliation.gone]
        if gone:
            self._refresh(remove_decisions(self.ledger_file, _draft_name(self.draft, self.ledger_file), gone))
        return len(gone)

    def _refresh(self, ledger: Ledger) -> None:
        self.reconciliation = reconcile(self.document.claims, ledger)


def evidence_warning(evidence: str | None, draft: str) -> str | None:
    """A word for the reviewer when evidence is neither a web address nor a file one can find."""
    if not evidence or "://" in evidence:
        return None
    path = Path(evidence).expanduser()
    if path.exists() or (Path(draft).parent / path).exists():
        return None
    return f"evidence {evidence!r} is not a web address or an existing file; saved as written"


def _draft_name(draft: str, ledger_file: Path) -> str:
    """The draft as the ledger names it: relative to the ledger's folder when it can be."""
    try:
        return Path(os.path.abspath(draft)).relative_to(Path(os.path.abspath(ledger_file)).parent).as_posix()
    except ValueError:
        return Path(draft).as_posix()


__all__ = ["ReviewSession", "evidence_warning"]
