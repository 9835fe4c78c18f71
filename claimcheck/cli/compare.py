"""`claimcheck compare`: each claim of a draft against press releases, reports or an earlier story."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional, Sequence

import typer

# At the top only what the command's signature needs: `claimcheck --help` lists every
# command; the comparison, the loaders and the pipeline wait until `compare` runs.
from ..errors import InputError, UsageError
from ..model import Document
from ..report.compare import CompareFormat
from .coercion import Command
from .common import Environment, ExitCode, app, parse_reference_date

if TYPE_CHECKING:
    from ..compare import Comparison
    from ..load import FetchOptions, Input

JOBS = 4


class FailOn(str, enum.Enum):
    """The least label that makes `compare` exit 1."""

    NOT_FOUND = "not-found"
    CONFLICTING = "conflicting"
    NEVER = "never"

    def fails(self, comparisons: Sequence[Comparison]) -> bool:
        from ..compare import Label

        if self is FailOn.NEVER:
            return False
        failing = {Label.CONFLICTING} if self is FailOn.CONFLICTING else {Label.CONFLICTING, Label.NOT_FOUND}
        return any(c.label in failing for c in comparisons)

    def __str__(self) -> str:
        return self.value


def _planned(draft: str, against: Sequence[str]) -> list:
    """The draft's one input, then the sources'; a usage error when they cannot be read that way."""
    from ..load import STDIN, plan_inputs

    if not against:
        raise UsageError("name at least one source with --against (a file, a directory, an address or -)")
    if [draft, *against].count(STDIN) > 1:
        raise UsageError("standard input (-) can be read only once: give it as the draft or as one source")
    planned_draft = plan_inputs([draft])
    if len(planned_draft) != 1:
        raise UsageError(f"{draft} names {len(planned_draft)} articles; compare one draft at a time")
    return planned_draft + plan_inputs(against)


def _document(item: Input, reference_date=None, day_first: bool = False) -> Document:
    from ..pipeline import extract

    return extract(item.text, reference_date=reference_date, source=item.source, day_first=day_first, metadata=item.metadata.to_dict())


def run_compare(
    env: Environment,
    draft: str,
    against: Sequence[str],
    fmt: Optional[CompareFormat] = None,
    *,
    fail_on: FailOn = FailOn.NOT_FOUND,
    reference_date: Optional[str] = None,
    day_first: bool = False,
    fetch: FetchOptions | None = None,
) -> ExitCode:
    """What `claimcheck compare` does, with the environment passed in."""
    from dataclasses import replace

    from ..compare import compare
    from ..load import FetchOptions, load_inputs
    from ..report.compare import comparison_report, summary_line, write_json, write_markdown, write_table

    try:
        option_date = parse_reference_date(reference_date)
        planned = _planned(draft, against)
    except UsageError as exc:
        env.say(f"error: {exc}")
        return ExitCode.ERROR
    fetch = replace(fetch or FetchOptions(), connections=JOBS)
    loaded = iter(load_inputs(planned, env.stdin, fetch=fetch, jobs=JOBS))
    first = next(loaded)
    if isinstance(first, InputError):
        env.say(f"error: {first} (the draft; nothing to compare)")
        return ExitCode.ERROR
    draft_doc = _document(first, option_date, day_first)
    sources: list[Document] = []
    errors: list[InputError] = []
    for item in loaded:
        if isinstance(item, InputError):
            env.say(f"error: {item}")
            errors.append(item)
        else:
            # A source keeps its own date: its "Tuesday" is the Tuesday before it was published.
            sources.append(_document(item, None, day_first))
    if not sources:
        env.say("error: no source could be read; nothing to compare the draft with")
        return ExitCode.ERROR
    comparisons = compare(draft_doc, sources)
    if fmt is None:
        fmt = CompareFormat.TABLE if env.stdout_is_terminal else CompareFormat.JSON
    if fmt is CompareFormat.JSON:
        write_json(env.stdout, comparison_report(draft_doc, sources, comparisons, errors))
    elif fmt is CompareFormat.MARKDOWN:
        write_markdown(env.stdout, draft_doc, sources, comparisons)
    else:
        write_table(env.console(env.stdout, env.stdout_is_terminal), draft_doc, sources, comparisons)
    if fmt is not CompareFormat.TABLE:
        env.say(summary_line(comparisons))
    if errors:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if fail_on.fails(comparisons) else ExitCode.OK


@app.command("compare", cls=Command)
def compare_command(
    draft: str = typer.Argument(..., metavar="DRAFT", help="The draft: a file (.md, .txt, .html), an http(s) address, or - for stdin."),
    against: List[str] = typer.Option(..., "--against", "-a", metavar="SOURCE", help="A source to check the draft against: a file, a directory of them, an http(s) address, or - for stdin. Repeat for more."),
    fmt: Optional[CompareFormat] = typer.Option(None, "--format", "-f", help="table (default on a terminal), json (default in a pipe) or markdown.", case_sensitive=False),
    fail_on: FailOn = typer.Option(FailOn.NOT_FOUND, "--fail-on", help="Exit 1 when a claim is conflicting or not found (not-found, the default), only when one is conflicting, or never.", case_sensitive=False),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Resolve the draft's relative dates against this day; sources keep their own dates."),
    day_first: bool = typer.Option(False, "--day-first", help="Read 03/01/2023 as 3 January (non-US style), in the draft and the sources."),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, metavar="SECONDS", help="Seconds to wait for a site to connect or to send more."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", metavar="DIR", help="Keep fetched pages in an HTTP cache here and reuse them while the site says they are fresh."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour, even on a terminal (NO_COLOR is honoured too)."),
) -> None:
    """Check each claim of a draft against its sources: supported, conflicting or not found.

    A claim is supported when a source states the same thing (same kind, unit and subject) with a value that agrees within the rounding the draft's wording allows ("nearly 70,000" for 69,412; "1.2 million" for 1,200,000); conflicting when a source gives it another value, or gives the figure to a different named person; not found otherwise.

    Exit status: 0 every claim supported, 1 a claim conflicting or not found (see --fail-on), 2 usage error or an input that could not be read.

    Examples:

      claimcheck compare draft.md --against press-release.md

      claimcheck compare draft.md -a https://example.org/news/release.html -a report.txt

      claimcheck compare draft.md --against earlier-stories/ --fail-on conflicting

      claimcheck compare draft.md --against release.md --format json > comparison.json

      claimcheck compare draft.md --against release.md --format markdown >> review.md
    """
    from ..load import FetchOptions

    env = Environment.from_process(no_color=no_color)
    fetch = FetchOptions(timeout=timeout, cache_dir=cache_dir)
    status = run_compare(
        env, draft, against, fmt, fail_on=fail_on, reference_date=reference_date, day_first=day_first, fetch=fetch,
    )
    raise typer.Exit(int(status))


__all__ = ["FailOn", "run_compare"]
