"""`claimcheck diff OLD NEW`: the claims added, removed and changed between two versions of a draft.

Like diff(1): exit 0 when no claim changed, 1 when some did, 2 when a version could not be read.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Optional, TextIO

import typer

# At the top only what the command's signature needs: `claimcheck --help` lists every
# command; the alignment, the loaders and the pipeline wait until `diff` runs.
from ..errors import InputError, UsageError
from ..report.text import one_line
from .coercion import Command
from .common import Environment, ExitCode, app, parse_reference_date

if TYPE_CHECKING:
    from ..align import Alignment, Pair
    from ..load import Input

DIFF_SCHEMA_VERSION = 1


class DiffFormat(str, enum.Enum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"

    def __str__(self) -> str:
        return self.value


def visible(alignment: Alignment, ignore_rewording: bool) -> Alignment:
    """The alignment without claims whose only change is the wording around them, when asked."""
    if not ignore_rewording:
        return alignment
    from ..align import Alignment

    reworded = tuple(p for p in alignment.changed if p.changes == ("sentence",))
    return Alignment(
        unchanged=alignment.unchanged + reworded,
        changed=tuple(p for p in alignment.changed if p.changes != ("sentence",)),
        removed=alignment.removed,
        added=alignment.added,
    )


def diff_dict(old: str, new: str, alignment: Alignment) -> dict:
    """What `--format json` prints (documented in docs/ledger.md, "claimcheck diff")."""
    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "old": old,
        "new": new,
        "summary": {
            "changed": len(alignment.changed),
            "added": len(alignment.added),
            "removed": len(alignment.removed),
            "unchanged": len(alignment.unchanged),
        },
        "changed": [{"changes": list(p.changes), "old": p.old.to_dict(), "new": p.new.to_dict()} for p in alignment.changed],
        "added": [r.to_dict() for r in alignment.added],
        "removed": [r.to_dict() for r in alignment.removed],
    }


def _what(pair: Pair) -> str:
    from ..align import describe_change

    parts = [f"{name} {before} → {after}" for name, before, after in describe_change(pair.old, pair.new, pair.changes) if name not in ("text", "sentence")]
    if not parts:
        parts = ["the sentence around it" if pair.changes == ("sentence",) else "wording"]
    return "; ".join(parts)


def _rows(alignment: Alignment) -> list[tuple[int, str, str, str, str, str]]:
    """(order, change, where, kind, claim, what changed), in the new version's order; removed by old line."""
    rows = [(p.new.line, "changed", f"{p.old.line} → {p.new.line}", p.new.kind, f"“{one_line(p.old.text)}” → “{one_line(p.new.text)}”" if p.old.text != p.new.text else f"“{one_line(p.new.text)}”", _what(p)) for p in alignment.changed]
    rows += [(r.line, "added", f"{r.line}", r.kind, f"“{one_line(r.text)}”", one_line(r.sentence)) for r in alignment.added]
    rows += [(r.line, "removed", f"{r.line} (old)", r.kind, f"“{one_line(r.text)}”", one_line(r.sentence)) for r in alignment.removed]
    return sorted(rows, key=lambda row: (row[0], row[1]))


def write_table(env: Environment, out: TextIO, old: str, new: str, alignment: Alignment) -> None:
    from rich.table import Table
    from rich.text import Text

    console = env.console(out, env.stdout_is_terminal)
    if not alignment.has_changes:
        console.print(Text(f"no claim changed from {one_line(old)} to {one_line(new)} ({len(alignment.unchanged)} claims)"))
        return
    table = Table(title=Text(f"{one_line(old)} → {one_line(new)}"), title_justify="left", expand=False)
    for heading in ("change", "line", "kind", "claim", "what changed / sentence"):
        table.add_column(heading, overflow="fold")
    styles = {"changed": "yellow", "added": "green", "removed": "red"}
    for _, change, where, kind, claim, what in _rows(alignment):
        table.add_row(Text(change, style=styles[change]), Text(where), Text(kind), Text(claim), Text(what))
    console.print(table)


def _md(text: str) -> str:
    """Document text safe inside a Markdown list item: markup characters escaped."""
    return "".join("\\" + c if c in "\\`*_[]<|" else c for c in one_line(text))


def write_markdown(out: TextIO, old: str, new: str, alignment: Alignment) -> None:
    out.write(f"## Claims changed from `{one_line(old)}` to `{one_line(new)}`\n\n")
    if not alignment.has_changes:
        out.write(f"No claim changed ({len(alignment.unchanged)} claims).\n")
        return
    for pair in alignment.changed:
        label = "Reworded around" if pair.changes == ("sentence",) else "Changed"
        out.write(f"- {label} “{_md(pair.old.text)}”" + (f" → “{_md(pair.new.text)}”" if pair.old.text != pair.new.text else ""))
        out.write(f" (line {pair.new.line}): {_md(_what(pair))}\n")
    for record in alignment.removed:
        out.write(f"- Removed “{_md(record.text)}” (line {record.line} of the old version): {_md(record.sentence)}\n")
    for record in alignment.added:
        out.write(f"- Added “{_md(record.text)}” (line {record.line}): {_md(record.sentence)}\n")


def _read_both(env: Environment, old: str, new: str) -> list[Input] | None:
    from pathlib import Path

    from ..load import STDIN, load_inputs, plan_inputs

    if old == STDIN and new == STDIN:
        raise UsageError("only one of OLD and NEW can be standard input (-)")
    for argument in (old, new):
        if argument != STDIN and Path(argument).is_dir():
            raise UsageError(f"{argument} is a directory; diff compares two versions of one draft")
    read: list[Input] = []
    failed = False
    for item in load_inputs(plan_inputs([old, new]), env.stdin):
        if isinstance(item, InputError):
            env.say(f"error: {item}")
            failed = True
        else:
            read.append(item)
    return None if failed else read


def run_diff(
    env: Environment,
    old: str,
    new: str,
    fmt: Optional[DiffFormat] = None,
    ignore_rewording: bool = False,
    reference_date: Optional[str] = None,
    day_first: bool = False,
) -> ExitCode:
    """What `claimcheck diff` does, with the environment passed in."""
    import json

    from ..align import diff_documents
    from ..pipeline import extract

    try:
        option_date = parse_reference_date(reference_date)
        inputs = _read_both(env, old, new)
    except UsageError as exc:
        env.say(f"error: {exc}")
        return ExitCode.ERROR
    if inputs is None:
        return ExitCode.ERROR
    before, after = (
        extract(item.text, source=item.source, reference_date=option_date, day_first=day_first, metadata=item.metadata.to_dict())
        for item in inputs
    )
    alignment = visible(diff_documents(before, after), ignore_rewording)
    fmt = fmt or (DiffFormat.TABLE if env.stdout_is_terminal else DiffFormat.JSON)
    if fmt is DiffFormat.JSON:
        json.dump(diff_dict(before.source, after.source, alignment), env.stdout, ensure_ascii=False, indent=1)
        env.stdout.write("\n")
    elif fmt is DiffFormat.MARKDOWN:
        write_markdown(env.stdout, before.source, after.source, alignment)
    else:
        write_table(env, env.stdout, before.source, after.source, alignment)
    counts = f"{len(alignment.changed)} changed, {len(alignment.added)} added, {len(alignment.removed)} removed, {len(alignment.unchanged)} unchanged"
    env.say(f"claims: {counts}")
    return ExitCode.FINDINGS if alignment.has_changes else ExitCode.OK


@app.command("diff", cls=Command)
def diff_command(
    old: str = typer.Argument(..., metavar="OLD", help="The earlier version: a file, an address, or - for stdin."),
    new: str = typer.Argument(..., metavar="NEW", help="The later version: a file, an address, or - for stdin."),
    fmt: Optional[DiffFormat] = typer.Option(None, "--format", "-f", help="table (default on a terminal), json (default in a pipe), markdown (for an update note).", case_sensitive=False),
    ignore_rewording: bool = typer.Option(False, "--ignore-rewording", help="Leave out claims whose only change is the wording of their sentence."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Resolve relative dates of both versions against this day."),
    day_first: bool = typer.Option(False, "--day-first", help="Read 03/01/2023 as 3 January."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour (also NO_COLOR)."),
) -> None:
    """Claims added, removed and changed (value, qualifier, unit, date, source, wording) from OLD to NEW.

    Exit status: 0 no claim changed, 1 some did, 2 a version could not be read.

    Examples:

      claimcheck diff story-v1.md story-v2.md

      claimcheck diff published.md draft.md --format markdown > update-note.md

      git show HEAD~1:drafts/bridge.md | claimcheck diff - drafts/bridge.md --format json
    """
    env = Environment.from_process(no_color=no_color)
    raise typer.Exit(int(run_diff(env, old, new, fmt, ignore_rewording, reference_date, day_first)))


__all__ = ["DiffFormat", "diff_dict", "run_diff", "visible", "write_markdown"]
