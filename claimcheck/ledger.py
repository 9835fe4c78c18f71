"""The review ledger: what a person decided about each claim of a draft, kept next to it.

A ledger is a JSON file (`story.md.claims.json` beside `story.md`, see docs/ledger.md)
with one decision per claim: verified, wrong or skipped, a note, evidence, when, and a
record of the claim as it stood. `reconcile` lines a ledger up with the draft as it is
now (through `align`), so a figure edited after it was verified shows as changed.

Writes are atomic (a temporary file in the same folder, flushed, synced, renamed over
the ledger) and done under a lock, each one re-reading the file first: a crash or a
second reviewer never loses a decision already written. A ledger that cannot be read
raises `LedgerError` and is never overwritten.
"""
from __future__ import annotations

import datetime as dt
import enum
import math
import os
from contextlib import contextmanager
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterator, Mapping, Sequence

from .errors import ClaimcheckError
from .model import Claim, Kind, frozen

if TYPE_CHECKING:
    from .align import ClaimRecord, Pair

LEDGER_FORMAT = "claimcheck-ledger"
LEDGER_VERSION = 1
LEDGER_SUFFIX = ".claims.json"


class LedgerError(ClaimcheckError):
    """A ledger that cannot be read, is not a ledger, or cannot be written; `path` names it."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason


class Status(str, enum.Enum):
    """A reviewer's decision about one claim."""

    VERIFIED = "verified"
    WRONG = "wrong"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return self.value


@frozen
class Decision:
    """One decision about one claim, with the claim as it stood when it was made."""

    claim: ClaimRecord
    status: Status
    decided_at: str
    note: str | None = None
    evidence: str | None = None
    reviewer: str | None = None

    @property
    def claim_id(self) -> str:
        return self.claim.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim.id,
            "status": self.status.value,
            "note": self.note,
            "evidence": self.evidence,
            "reviewer": self.reviewer,
            "decided_at": self.decided_at,
            "claim": {k: v for k, v in self.claim.to_dict().items() if k != "id"},
        }


@frozen
class Ledger:
    """Every decision about one draft, in the draft's order as each was made."""

    draft: str
    decisions: tuple[Decision, ...] = ()

    def by_id(self) -> dict[str, Decision]:
        return {d.claim_id: d for d in self.decisions}

    def with_decision(self, decision: Decision, replaces: str | None = None) -> "Ledger":
        """This ledger with `decision` in place of any earlier one about the same claim.

        `replaces` names the id of an earlier version of the claim (a changed claim
        re-decided): its decision gives way too, so the ledger keeps one per claim.
        """
        gone = {decision.claim_id, replaces}
        kept = [d for d in self.decisions if d.claim_id not in gone]
        kept.append(decision)
        return replace(self, decisions=tuple(sorted(kept, key=_order)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": LEDGER_FORMAT,
            "version": LEDGER_VERSION,
            "draft": self.draft,
            "decisions": [d.to_dict() for d in self.decisions],
        }

    def dumps(self) -> str:
        """The file's text: fixed key order, one field a line, so a change is a small diff."""
        import json  # here and in parse_ledger: `check` of a draft without a ledger needs no JSON

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _order(decision: Decision) -> tuple[int, int, str]:
    return (decision.claim.line, decision.claim.column, decision.claim.id)


def ledger_path(draft: str | os.PathLike[str]) -> Path:
    """Where a draft's ledger lives by convention: `story.md` -> `story.md.claims.json`."""
    path = Path(draft)
    return path.with_name(path.name + LEDGER_SUFFIX)


def now() -> str:
    """The time of a decision: UTC, to the second, ISO 8601."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# Reading ------------------------------------------------------------------------------

_DECISION_KEYS = ("claim_id", "status", "note", "evidence", "reviewer", "decided_at", "claim")
_CLAIM_KEYS = ("kind", "text", "value", "value_high", "qualifier", "unit", "subject", "date", "source", "line", "column", "sentence")
_KINDS = frozenset(k.value for k in Kind)


class _Bad(Exception):
    """What is wrong inside a ledger, before the file name is put in front."""


def _text(entry: Mapping[str, Any], key: str, where: str, optional: bool = False) -> str | None:
    value = entry.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not optional and not value):
        raise _Bad(f"{where}: {key!r} must be {'text or null' if optional else 'non-empty text'}")
    return value


def _number(entry: Mapping[str, Any], key: str, where: str) -> int | float | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Bad(f"{where}: {key!r} must be a number or null")
    return value


def _position(entry: Mapping[str, Any], key: str, where: str) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _Bad(f"{where}: {key!r} must be a whole number from 1")
    return value


def _unknown(entry: Mapping[str, Any], known: Sequence[str], where: str) -> None:
    for key in entry:
        if key not in known:
            raise _Bad(f"{where}: unknown field {key!r} (known: {', '.join(known)})")


def _decision(entry: Any, number: int) -> Decision:
    where = f"decision {number}"
    if not isinstance(entry, dict):
        raise _Bad(f"{where} is not an object")
    _unknown(entry, _DECISION_KEYS, where)
    claim_id = _text(entry, "claim_id", where)
    where = f"decision {number} ({claim_id})"
    try:
        status = Status(entry.get("status"))
    except ValueError:
        raise _Bad(f"{where}: status {entry.get('status')!r} is not verified, wrong or skipped") from None
    decided_at = _text(entry, "decided_at", where)
    try:
        dt.datetime.fromisoformat(str(decided_at).replace("Z", "+00:00"))
    except ValueError:
        raise _Bad(f"{where}: decided_at {decided_at!r} is not an ISO 8601 time") from None
    claim = entry.get("claim")
    if not isinstance(claim, dict):
        raise _Bad(f"{where}: 'claim' must be an object")
    _unknown(claim, _CLAIM_KEYS, f"{where}.claim")
    kind = _text(claim, "kind", f"{where}.claim")
    if kind not in _KINDS:
        raise _Bad(f"{where}.claim: kind {kind!r} is not one of {', '.join(sorted(_KINDS))}")
    from .align import ClaimRecord  # here, not at import: `check` imports this module for drafts without a ledger

    record = ClaimRecord(
        id=str(claim_id),
        kind=str(kind),
        text=str(_text(claim, "text", f"{where}.claim")),
        sentence=str(_text(claim, "sentence", f"{where}.claim")),
        value=_number(claim, "value", f"{where}.claim"),
        value_high=_number(claim, "value_high", f"{where}.claim"),
        qualifier=str(_text(claim, "qualifier", f"{where}.claim")),
        unit=_text(claim, "unit", f"{where}.claim", optional=True),
        subject=_text(claim, "subject", f"{where}.claim", optional=True),
        date=_text(claim, "date", f"{where}.claim", optional=True),
        source=_text(claim, "source", f"{where}.claim", optional=True),
        line=_position(claim, "line", f"{where}.claim"),
        column=_position(claim, "column", f"{where}.claim"),
    )
    return Decision(
        claim=record,
        status=status,
        decided_at=str(decided_at),
        note=_text(entry, "note", where, optional=True),
        evidence=_text(entry, "evidence", where, optional=True),
        reviewer=_text(entry, "reviewer", where, optional=True),
    )


def _no_constant(name: str) -> float:
    raise _Bad(f"{name} is not a number a ledger may hold")


def parse_ledger(text: str) -> Ledger:
    """A ledger from its file's text; `_Bad` says what is wrong (see `read_ledger`)."""
    if not text.strip():
        raise _Bad("the file is empty")
    import json

    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("format") != LEDGER_FORMAT:
        raise _Bad(f"not a claimcheck ledger (no \"format\": \"{LEDGER_FORMAT}\")")
    version = data.get("version")
    if version != LEDGER_VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > LEDGER_VERSION:
            raise _Bad(f"ledger version {version} was written by a newer claimcheck (this one reads version {LEDGER_VERSION})")
        raise _Bad(f"version {version!r} is not a ledger version (expected {LEDGER_VERSION})")
    _unknown(data, ("format", "version", "draft", "decisions"), "the ledger")
    draft = data.get("draft")
    if not isinstance(draft, str):
        raise _Bad("'draft' must name the draft the ledger belongs to")
    entries = data.get("decisions")
    if not isinstance(entries, list):
        raise _Bad("'decisions' must be a list")
    decisions = tuple(_decision(entry, number) for number, entry in enumerate(entries, start=1))
    seen: set[str] = set()
    for decision in decisions:
        if decision.claim_id in seen:
            raise _Bad(f"claim {decision.claim_id} is decided twice; keep one of its decisions")
        seen.add(decision.claim_id)
    return Ledger(draft=draft, decisions=decisions)


def read_ledger(path: str | os.PathLike[str], draft: str | None = None) -> Ledger:
    """The ledger at `path`; an empty one for `draft` when there is no file yet.

    Anything wrong with the file is a `LedgerError` naming it and saying what is wrong.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return Ledger(draft=draft if draft is not None else _default_draft(file))
    except IsADirectoryError:
        raise LedgerError(file, "is a directory, not a ledger") from None
    except OSError as exc:
        raise LedgerError(file, f"cannot read the ledger: {exc.strerror or exc}") from None
    try:
        return parse_ledger(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise LedgerError(file, "broken ledger: not UTF-8 text; fix it or move it away (it is never overwritten)") from None
    except _Bad as exc:
        raise LedgerError(file, f"broken ledger: {exc}; fix it or move it away (it is never overwritten)") from None


def _default_draft(file: Path) -> str:
    return file.name[: -len(LEDGER_SUFFIX)] if file.name.endswith(LEDGER_SUFFIX) else file.name


# Writing ------------------------------------------------------------------------------


@contextmanager
def _locked(file: Path) -> Iterator[None]:
    """Hold an exclusive lock for a read-change-write of `file`'s ledger (POSIX; elsewhere none)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: one reviewer at a time
        yield
        return
    directory = os.open(file.parent, os.O_RDONLY)
    try:
        fcntl.flock(directory, fcntl.LOCK_EX)
        yield
    finally:
        os.close(directory)  # closing releases the lock


def _mode(file: Path) -> int:
    try:
        return file.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(file: Path, text: str) -> None:
    """Replace `file` with `text` so that a reader sees either the old or the new file, whole."""
    import tempfile  # only a review that saves a decision writes

    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode(file))
        os.replace(temporary, file)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    try:
        directory = os.open(file.parent, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder that cannot be opened still renamed the file
        return
    try:
        os.fsync(directory)
    except OSError:  # pragma: no cover - some file systems cannot sync a folder
        pass
    finally:
        os.close(directory)


def _remove_leftovers(file: Path) -> None:
    """Temporary files a killed writer left behind; only called under the lock, so none is live."""
    for leftover in file.parent.glob(f".{file.name}.*.tmp"):
        try:
            leftover.unlink()
        except OSError:
            pass


def _update(path: str | os.PathLike[str], draft: str, change: Callable[[Ledger], Ledger]) -> Ledger:
    """Read the ledger under the lock, apply `change`, write the result atomically, return it."""
    file = Path(path)
    if not file.parent.is_dir():
        raise LedgerError(file, f"cannot write the ledger: no folder {file.parent}")
    try:
        with _locked(file):
            ledger = change(replace(read_ledger(file, draft), draft=draft))
            _remove_leftovers(file)
            write_atomically(file, ledger.dumps())
    except OSError as exc:
        raise LedgerError(file, f"cannot write the ledger: {exc.strerror or exc}") from None
    return ledger


def record_decision(path: str | os.PathLike[str], draft: str, decision: Decision, replaces: str | None = None) -> Ledger:
    """Add `decision` to the ledger at `path` at once, and return the ledger as written.

    The file is read again under the lock first, so decisions written meanwhile by
    another reviewer are kept; a broken file raises `LedgerError` and stays as it is.
    """
    return _update(path, draft, lambda ledger: ledger.with_decision(decision, replaces))


def remove_decisions(path: str | os.PathLike[str], draft: str, claim_ids: Collection[str]) -> Ledger:
    """Remove the decisions about `claim_ids` (claims no longer in the draft), the same safe way."""
    wanted = frozenset(claim_ids)
    return _update(path, draft, lambda ledger: replace(ledger, decisions=tuple(d for d in ledger.decisions if d.claim_id not in wanted)))


# Lining up with the draft -------------------------------------------------------------


class State(str, enum.Enum):
    """Where a claim of the draft stands against its ledger."""

    UNREVIEWED = "unreviewed"
    VERIFIED = "verified"
    WRONG = "wrong"
    SKIPPED = "skipped"
    CHANGED = "changed"  # decided about, then edited: the decision no longer covers it

    def __str__(self) -> str:
        return self.value


@frozen
class ClaimStatus:
    """One claim of the draft with its decision; for a changed claim, the decision and the old claim."""

    claim: Claim
    record: ClaimRecord
    state: State
    decision: Decision | None = None
    changes: tuple[str, ...] = ()

    @property
    def previous(self) -> ClaimRecord | None:
        """The claim as it stood when it was decided, when it has changed since."""
        return self.decision.claim if self.decision is not None and self.state is State.CHANGED else None


@frozen
class Reconciliation:
    """A draft's claims with their standing, and the decisions about claims no longer in it."""

    claims: tuple[ClaimStatus, ...]
    gone: tuple[Decision, ...] = field(default_factory=tuple)

    def counts(self) -> dict[State, int]:
        counts = {state: 0 for state in State}
        for item in self.claims:
            counts[item.state] += 1
        return counts


def reconcile(claims: Sequence[Claim], ledger: Ledger) -> Reconciliation:
    """Each claim of the draft with the decision that covers it, if any (see `State`)."""
    from .align import ClaimRecord, align

    decisions = ledger.by_id()
    old = sorted((d.claim for d in ledger.decisions), key=lambda r: (r.line, r.column, r.id))
    new = [ClaimRecord.of(claim) for claim in claims]
    alignment = align(old, new)
    by_new: dict[int, Pair] = {}
    position = {id(record): index for index, record in enumerate(new)}
    for pair in (*alignment.unchanged, *alignment.changed):
        by_new[position[id(pair.new)]] = pair
    items: list[ClaimStatus] = []
    for index, (claim, record) in enumerate(zip(claims, new)):
        pair = by_new.get(index)
        if pair is None:
            items.append(ClaimStatus(claim, record, State.UNREVIEWED))
            continue
        decision = decisions[pair.old.id]
        state = State.CHANGED if pair.changes else State(decision.status.value)
        items.append(ClaimStatus(claim, record, state, decision, pair.changes))
    gone = tuple(decisions[record.id] for record in alignment.removed)
    return Reconciliation(tuple(items), gone)


__all__ = [
    "ClaimStatus",
    "Decision",
    "LEDGER_SUFFIX",
    "Ledger",
    "LedgerError",
    "Reconciliation",
    "State",
    "Status",
    "ledger_path",
    "now",
    "parse_ledger",
    "read_ledger",
    "reconcile",
    "record_decision",
    "remove_decisions",
]
