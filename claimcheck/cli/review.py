"""`claimcheck review`: decide about each claim of a draft at a terminal; every decision is saved at once.

The screen is drawn with rich from `Text` objects (document text is never read as
markup, and control characters are removed); keys are read one at a time in raw mode.
All decisions go through `ReviewSession`, which writes the ledger before returning.
"""

from __future__ import annotations

import enum
import os
import select
import sys
from typing import TYPE_CHECKING, Callable, List, Optional, TextIO

import typer

# The review session (and with it the pipeline) is imported where it is used: `claimcheck
# --help` needs only this command's signature.
from ..errors import ClaimcheckError, UsageError
from ..ledger import ClaimStatus, State, Status
from ..report.text import format_value, one_line, printable
from .coercion import Command
from .common import Environment, ExitCode, app, parse_reference_date

if TYPE_CHECKING:
    from ..review import ReviewSession
    from rich.console import Console
    from rich.text import Text

_STATE_STYLE = {
    State.UNREVIEWED: "bold",
    State.VERIFIED: "bold green",
    State.WRONG: "bold red",
    State.SKIPPED: "bold yellow",
    State.CHANGED: "bold magenta",
}
_KEYS_HELP = "v verified · w wrong · s skip · n note · e evidence · ←/b back · →/f forward · u next open · j jump · q quit"
_CONTEXT_LINES = 2


class ListFormat(str, enum.Enum):
    TEXT = "text"
    JSON = "json"


# Screen -------------------------------------------------------------------------------


def _summary(session: ReviewSession) -> str:
    counts = session.reconciliation.counts()
    parts = [f"{counts[state]} {state.value}" for state in (State.VERIFIED, State.WRONG, State.SKIPPED, State.CHANGED, State.UNREVIEWED)]
    gone = len(session.reconciliation.gone)
    return " · ".join(parts) + (f" · {gone} gone (see --list)" if gone else "")


def _in_context(item: ClaimStatus, text: str) -> "Text":
    """The claim marked in its sentence, with a few lines of the draft around it dimmed."""
    from rich.text import Text

    claim = item.claim
    start = claim.sentence_start
    end = start + len(claim.sentence)
    if text[start:end] != claim.sentence or not start <= claim.start <= claim.end <= end:
        start, end = claim.start, claim.end
    before = start
    for _ in range(_CONTEXT_LINES + 1):
        before = text.rfind("\n", 0, max(before - 1, 0)) + 1 if before > 0 else 0
    after = end
    for _ in range(_CONTEXT_LINES):
        found = text.find("\n", after + 1)
        after = len(text) if found < 0 else found
    block = Text()
    block.append(printable(text[before:start]), style="dim")
    block.append(printable(text[start:claim.start]))
    block.append(printable(text[claim.start:claim.end]), style="bold reverse")
    block.append(printable(text[claim.end:end]))
    block.append(printable(text[end:after]).rstrip(), style="dim")
    return block


def _decision_lines(item: ClaimStatus) -> "Text":
    from rich.text import Text

    out = Text()
    out.append("Status: ")
    out.append(item.state.value.upper(), style=_STATE_STYLE[item.state])
    decision = item.decision
    if decision is None:
        return out
    if item.state is State.CHANGED:
        out.append(f" since it was marked {decision.status.value} on {decision.decided_at}")
        old = decision.claim
        from ..align import describe_change

        changes = [f"{name} {before} → {after}" for name, before, after in describe_change(old, item.record, item.changes) if name != "sentence"]
        if changes:
            out.append("\n  what changed: " + one_line("; ".join(changes)))
        if decision.note:
            out.append("\n  note then: " + one_line(decision.note))
        out.append("\n  then: " + one_line(old.sentence), style="dim")
        return out
    out.append(f" on {decision.decided_at}")
    if decision.reviewer:
        out.append(f" by {one_line(decision.reviewer)}")
    if decision.note:
        out.append("\n  note: " + one_line(decision.note))
    if decision.evidence:
        out.append("\n  evidence: " + one_line(decision.evidence))
    return out


def render(session: ReviewSession, index: int, pending: dict[str, str], message: str) -> list["Text"]:
    """The screen for claim `index`: where it is, what it says, what was decided, the keys."""
    from rich.text import Text

    item = session.items[index]
    claim = item.claim
    head = Text()
    head.append(f"claimcheck review  {one_line(session.draft)}", style="bold")
    head.append(f"   claim {index + 1} of {len(session)}   ")
    head.append(_summary(session), style="dim")
    what = Text()
    what.append(f"#{index + 1}  {claim.kind.value}  ")
    what.append("“" + one_line(claim.text) + "”", style="bold")
    what.append(f"  = {one_line(format_value(claim))}   line {claim.line}, column {claim.column}   id {claim.id}")
    source = Text("Source: ")
    if claim.source is None:
        source.append("none named (the text's own voice)", style="dim")
    else:
        source.append(one_line(claim.source.name), style="bold")
        source.append(f" ({one_line(claim.source.cue)}{', in a quotation' if claim.source.quoted else ''})")
    lines = [head, Text(""), what, source, _decision_lines(item), Text(""), _in_context(item, session.document.text), Text("")]
    for name in ("note", "evidence"):
        if pending.get(name):
            lines.append(Text(f"{name} for the next decision: {one_line(pending[name])}", style="italic"))
    if message:
        lines.append(Text(one_line(message), style="bold cyan"))
    lines.append(Text(_KEYS_HELP, style="dim"))
    return lines


# Keys ---------------------------------------------------------------------------------

_ARROWS = {b"\x1b[D": "left", b"\x1b[C": "right", b"\x1bOD": "left", b"\x1bOC": "right"}


class Keyboard:
    """Single key presses from a terminal: raw mode only while a key is read, so output stays normal."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def key(self) -> str:
        import termios
        import tty

        saved = termios.tcgetattr(self.fd)
        try:
            tty.setraw(self.fd)
            data = os.read(self.fd, 1)
            if data == b"\x1b":
                while len(data) < 6 and select.select([self.fd], [], [], 0.05)[0]:
                    data += os.read(self.fd, 1)
                    if data[-1:].isalpha() and len(data) > 2:
                        break
        finally:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)
        if data in _ARROWS:
            return _ARROWS[data]
        if data in (b"\x03", b"\x04", b""):
            return "quit"
        return data.decode("utf-8", "replace").lower()

    def line(self, prompt: str, out: TextIO) -> str:
        """A line typed after `prompt` (Enter ends it; an empty line or Ctrl-D leaves things as they are)."""
        out.write(prompt)
        out.flush()
        raw = b""
        while True:
            chunk = os.read(self.fd, 1)
            if chunk in (b"", b"\n", b"\r"):
                break
            raw += chunk
        return raw.decode("utf-8", "replace").strip()


class TerminalReview:
    """The interactive loop: draw the current claim, read a key, act; quit leaves everything saved.

    A plain class: a dataclass compiles its methods at every start, `claimcheck --help` included.
    """

    def __init__(self, session: ReviewSession, console: "Console", keyboard: Keyboard, out: TextIO) -> None:
        self.session = session
        self.console = console
        self.keyboard = keyboard
        self.out = out
        self.pending: dict[str, str] = {}
        self.message = ""
        open_items = [i for i, item in enumerate(self.session.items) if item.state in (State.UNREVIEWED, State.CHANGED)]
        self.index = open_items[0] if open_items else 0

    def run(self) -> None:
        actions: dict[str, Callable[[], bool]] = {
            "v": lambda: self._decide(Status.VERIFIED),
            "w": lambda: self._decide(Status.WRONG),
            "s": lambda: self._decide(Status.SKIPPED),
            "n": lambda: self._annotate("note", "Note: "),
            "e": lambda: self._annotate("evidence", "Evidence (URL or file): "),
            "b": lambda: self._move(-1),
            "left": lambda: self._move(-1),
            "f": lambda: self._move(1),
            "right": lambda: self._move(1),
            " ": lambda: self._move(1),
            "u": self._next_open,
            "j": self._jump,
            "q": lambda: False,
            "quit": lambda: False,
        }
        while True:
            self.console.clear()
            for line in render(self.session, self.index, self.pending, self.message):
                self.console.print(line)
            self.message = ""
            key = self.keyboard.key()
            action = actions.get(key)
            if action is None:
                self.message = f"unknown key {key!r}: {_KEYS_HELP}"
                continue
            if not action():
                return

    def _decide(self, status: Status) -> bool:
        try:
            self.session.decide(self.index, status, self.pending.get("note"), self.pending.get("evidence"))
        except ClaimcheckError as exc:
            self.message = f"NOT saved: {exc}"
            return True
        from ..review import evidence_warning

        warning = evidence_warning(self.pending.get("evidence"), self.session.draft)
        self.pending.clear()
        self.message = f"saved: claim {self.index + 1} {status.value}" + (f" ({warning})" if warning else "")
        if self.index + 1 < len(self.session):
            self.index += 1
        else:
            self.message += " (that was the last claim; q quits)"
        return True

    def _annotate(self, name: str, prompt: str) -> bool:
        text = self.keyboard.line(prompt, self.out)
        if not text:
            self.message = f"{name} unchanged"
            return True
        item = self.session.items[self.index]
        if item.state in (State.UNREVIEWED, State.CHANGED):
            self.pending[name] = text
            self.message = f"{name} kept for the next decision on this claim"
            return True
        try:
            self.session.annotate(self.index, **{name: text})
        except ClaimcheckError as exc:
            self.message = f"NOT saved: {exc}"
            return True
        from ..review import evidence_warning

        warning = evidence_warning(text, self.session.draft) if name == "evidence" else None
        self.message = f"saved: {name} on claim {self.index + 1}" + (f" ({warning})" if warning else "")
        return True

    def _move(self, step: int) -> bool:
        target = self.index + step
        if 0 <= target < len(self.session):
            self.index = target
            self.pending.clear()
        else:
            self.message = "that was the first claim" if step < 0 else "that was the last claim"
        return True

    def _next_open(self) -> bool:
        count = len(self.session)
        for offset in range(1, count + 1):
            candidate = (self.index + offset) % count
            if self.session.items[candidate].state in (State.UNREVIEWED, State.CHANGED):
                self.index = candidate
                self.pending.clear()
                return True
        self.message = "every claim has a decision"
        return True

    def _jump(self) -> bool:
        wanted = self.keyboard.line("Jump to (claim number or id): ", self.out)
        if wanted:
            try:
                self.index = self.session.find(wanted)
                self.pending.clear()
            except UsageError as exc:
                self.message = str(exc)
        return True


# Lists and scripts --------------------------------------------------------------------


def status_dict(session: ReviewSession) -> dict:
    """What `--list --format json` prints: every claim with its standing, and decisions now gone."""
    claims = []
    for number, item in enumerate(session.items, start=1):
        claims.append(
            {
                "number": number,
                "id": item.claim.id,
                "state": item.state.value,
                "kind": item.claim.kind.value,
                "text": item.claim.text,
                "line": item.claim.line,
                "column": item.claim.column,
                "changes": list(item.changes),
                "decision": item.decision.to_dict() if item.decision is not None else None,
            }
        )
    counts = session.reconciliation.counts()
    return {
        "schema_version": 1,
        "draft": session.draft,
        "ledger": str(session.ledger_file),
        "claims": claims,
        "gone": [decision.to_dict() for decision in session.reconciliation.gone],
        "summary": {state.value: counts[state] for state in State} | {"gone": len(session.reconciliation.gone)},
    }


def write_list(session: ReviewSession, out: TextIO, fmt: ListFormat) -> None:
    if fmt is ListFormat.JSON:
        import json  # here, not at the top: `claimcheck --help` needs no JSON

        json.dump(status_dict(session), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    for number, item in enumerate(session.items, start=1):
        claim = item.claim
        changed = f" ({', '.join(item.changes)} changed)" if item.state is State.CHANGED else ""
        out.write(f"{number}\t{claim.id}\t{item.state.value}{changed}\t{claim.line}:{claim.column}\t{claim.kind.value}\t{one_line(claim.text)}\n")
    for decision in session.reconciliation.gone:
        out.write(f"-\t{decision.claim_id}\tgone (was {decision.status.value})\t{decision.claim.line}:{decision.claim.column}\t{decision.claim.kind}\t{one_line(decision.claim.text)}\n")


def run_review(
    env: Environment,
    draft: str,
    *,
    ledger: Optional[str] = None,
    non_interactive: bool = False,
    mark: Optional[Status] = None,
    claims: Optional[List[str]] = None,
    note: Optional[str] = None,
    evidence: Optional[str] = None,
    list_claims: bool = False,
    list_format: ListFormat = ListFormat.TEXT,
    prune: bool = False,
    reviewer: Optional[str] = None,
    reference_date: Optional[str] = None,
    day_first: Optional[bool] = None,
    stdin_fd: Optional[int] = None,
) -> ExitCode:
    """What `claimcheck review` does, with the environment passed in."""
    from ..review import ReviewSession, evidence_warning

    try:
        if draft == "-":
            raise UsageError("review needs a file to keep its ledger beside; save the draft and name it")
        scripted = non_interactive or list_claims or prune
        if mark is not None and not non_interactive:
            raise UsageError("--mark is for scripts: add --non-interactive (and --claim ID)")
        if non_interactive and not list_claims and not prune and (mark is None or not claims):
            raise UsageError("--non-interactive needs --mark verified|wrong|skipped and at least one --claim ID")
        interactive_ok = env.stdout_is_terminal and stdin_fd is not None and os.isatty(stdin_fd)
        if not scripted and not interactive_ok:
            raise UsageError(
                "review is interactive and needs a terminal; in scripts use"
                f" claimcheck review {draft} --non-interactive --mark verified --claim ID (--list shows the ids)"
            )
        if day_first is None:
            from ..check.config import ConfigFinder

            day_first = ConfigFinder().for_path(draft).day_first
        session = ReviewSession.open(
            draft, ledger, reviewer=reviewer or os.environ.get("CLAIMCHECK_REVIEWER") or None,
            reference_date=parse_reference_date(reference_date), day_first=day_first,
        )
        if non_interactive and mark is not None:
            targets = [session.find(reference) for reference in claims or []]
            warning = evidence_warning(evidence, draft)
            if warning:
                env.say(f"warning: {warning}")
            for index in targets:
                item = session.decide(index, mark, note, evidence)
                env.say(f"claim {index + 1} {item.claim.id} “{one_line(item.claim.text)}”: {mark.value}")
        if prune:
            removed = session.prune()
            env.say(f"removed {removed} decision{'s' if removed != 1 else ''} about claims no longer in {draft}")
        if list_claims:
            write_list(session, env.stdout, list_format)
            return ExitCode.OK
        if not scripted and not len(session):
            env.say(f"{draft} has no numeric or dated claims; nothing to review")
            return ExitCode.OK
        if not scripted:
            console = env.console(env.stdout, True)
            TerminalReview(session, console, Keyboard(stdin_fd), env.stdout).run()  # type: ignore[arg-type]
        env.say(f"{_summary(session)}; decisions are in {session.ledger_file}")
    except ClaimcheckError as exc:
        env.say(f"error: {exc}")
        return ExitCode.ERROR
    return ExitCode.OK


def _fileno(stream: TextIO) -> Optional[int]:
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):  # replaced or closed standard input: not a terminal
        return None


@app.command("review", cls=Command)
def review_command(
    draft: str = typer.Argument(..., metavar="FILE", help="The draft to review (Markdown or plain text)."),
    ledger: Optional[str] = typer.Option(None, "--ledger", metavar="LEDGER", help="The ledger file. Default: FILE.claims.json beside the draft."),
    non_interactive: bool = typer.Option(False, "--non-interactive", help="Do not ask: record --mark for each --claim and exit (for scripts)."),
    mark: Optional[Status] = typer.Option(None, "--mark", help="With --non-interactive: verified, wrong or skipped.", case_sensitive=False),
    claims: Optional[List[str]] = typer.Option(None, "--claim", metavar="ID", help="With --non-interactive: the claim to mark, by id, unique id prefix or number (repeatable)."),
    note: Optional[str] = typer.Option(None, "--note", help="With --non-interactive: a note saved with the decision."),
    evidence: Optional[str] = typer.Option(None, "--evidence", metavar="URL|FILE", help="With --non-interactive: where the figure was checked."),
    list_claims: bool = typer.Option(False, "--list", help="Print every claim with its number, id and standing (after any --mark), and exit."),
    list_format: ListFormat = typer.Option(ListFormat.TEXT, "--format", "-f", help="For --list: text (tab-separated) or json.", case_sensitive=False),
    prune: bool = typer.Option(False, "--prune", help="Remove the decisions about claims no longer in the draft (listed as gone), and exit."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", metavar="NAME", help="Who decides, saved with each decision. Default: $CLAIMCHECK_REVIEWER."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Resolve relative dates against this day (use the same for check)."),
    day_first: Optional[bool] = typer.Option(None, "--day-first/--month-first", help="Read 03/01/2023 as 3 January (or March 1); default from the configuration."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also NO_COLOR)."),
) -> None:
    """Review a draft's claims one at a time; each decision is saved at once to its ledger.

    Keys: v verified, w wrong, s skip, n note, e evidence, ←/b back, →/f forward,
    u next undecided, j jump (number or id), q quit. Quitting or a crash loses nothing.

    Exit status: 0 done, 2 usage error, unreadable draft or broken ledger.

    Examples:

      claimcheck review drafts/bridge.md

      claimcheck review drafts/bridge.md --list

      claimcheck review drafts/bridge.md --non-interactive --mark verified --claim 8baa9c86 --evidence https://example.org/count
    """
    env = Environment.from_process(no_color=no_color)
    raise typer.Exit(
        int(
            run_review(
                env, draft, ledger=ledger, non_interactive=non_interactive, mark=mark, claims=claims, note=note,
                evidence=evidence, list_claims=list_claims, list_format=list_format, prune=prune, reviewer=reviewer,
                reference_date=reference_date, day_first=day_first, stdin_fd=_fileno(sys.stdin),
            )
        )
    )


__all__ = ["ListFormat", "TerminalReview", "render", "run_review", "status_dict"]
