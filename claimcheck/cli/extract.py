"""`claimcheck extract`: list the claims of each article."""
from __future__ import annotations

import datetime as dt
import enum
from typing import List, Optional

import typer

from ..errors import InputError, UsageError
from ..load import iter_inputs
from ..model import Kind
from ..pipeline import extract
from ..report import Format, make_reporter
from .common import Environment, ExitCode, app


class GroupBy(str, enum.Enum):
    DOCUMENT = "document"
    SOURCE = "source"


def _parse_kinds(values: Optional[List[str]]) -> Optional[set[Kind]]:
    if not values:
        return None
    kinds: set[Kind] = set()
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if not name:
                continue
            try:
                kinds.add(Kind(name))
            except ValueError:
                choices = ", ".join(k.value for k in Kind)
                raise UsageError(f"--kind {name!r} is not a kind; choose from {choices}") from None
    return kinds


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--reference-date {value!r} is not a date; write it as YYYY-MM-DD") from None


def run_extract(
    env: Environment,
    paths: List[str],
    fmt: Optional[Format],
    kinds: Optional[List[str]],
    reference_date: Optional[str],
    day_first: bool,
    group_by: GroupBy = GroupBy.DOCUMENT,
) -> ExitCode:
    """What `claimcheck extract` does, with the environment passed in."""
    try:
        wanted = _parse_kinds(kinds)
        option_date = _parse_date(reference_date)
    except UsageError as exc:
        env.say(f"error: {exc}")
        return ExitCode.ERROR
    if not paths:
        if env.stdin.isatty() if hasattr(env.stdin, "isatty") else False:
            env.say("error: no input; name a file, a directory, or - to read standard input (see --help)")
            return ExitCode.ERROR
        paths = ["-"]
    if fmt is None:
        fmt = Format.TABLE if env.stdout_is_terminal else Format.JSON
    console = env.console(env.stdout, env.stdout_is_terminal) if fmt is Format.TABLE else None
    reporter = make_reporter(fmt, env.stdout, console, group_by_source=group_by is GroupBy.SOURCE)
    status = ExitCode.OK
    reporter.start()
    for item in iter_inputs(paths, env.stdin):
        if isinstance(item, InputError):
            env.say(f"error: {item}")
            reporter.error(item)
            status = ExitCode.ERROR
            continue
        doc = extract(item.text, reference_date=option_date, source=item.source, day_first=day_first, kinds=wanted)
        reporter.document(doc)
    reporter.finish()
    return status


FORMAT_HELP = "Output format. Default: table on a terminal, json in a pipe."


@app.command("extract")
def extract_command(
    paths: List[str] = typer.Argument(None, metavar="[PATH|URL|-]...", help="Articles: files, directories (searched for *.md, *.txt), or - for stdin."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help=FORMAT_HELP, case_sensitive=False),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help="Keep only these kinds (repeat or comma-separate): count, percent, money, measure, duration, age, ordinal, date."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Resolve relative dates against this day; wins over the dateline or front matter."),
    day_first: bool = typer.Option(False, "--day-first", help="Read 03/01/2023 as 3 January (non-US style)."),
    group_by: GroupBy = typer.Option(GroupBy.DOCUMENT, "--group-by", help="table and markdown: one table per document, or per source within each document (what did each source claim?).", case_sensitive=False),
    no_color: bool = typer.Option(False, "--no-color", help="No colour, even on a terminal (NO_COLOR is honoured too)."),
) -> None:
    """List every numeric and dated claim of each article with its place, value, unit and source.

    Examples:

      claimcheck extract data/flood-relief-wire.md

      claimcheck extract drafts/ --kind count,money --format csv > claims.csv

      cat story.md | claimcheck extract - --reference-date 2023-03-01 --format jsonl

      claimcheck extract draft.md --group-by source
    """
    env = Environment.from_process(no_color=no_color)
    raise typer.Exit(int(run_extract(env, paths or [], fmt, kind, reference_date, day_first, group_by)))
