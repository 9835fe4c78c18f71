"""`claimcheck check`: editorial CI. Rules over the claims of drafts, with linter exit codes."""

import datetime as dt
import io
from collections import Counter
from contextlib import ExitStack
from typing import TYPE_CHECKING, List, Optional, Sequence, TextIO

import typer

# At the top only what the command's signature needs: `claimcheck --help` lists every
# command, and the engine and the rules (~220 M instructions) wait until `check` runs.
from ..check.config import FailOn
from ..errors import ClaimcheckError, InputError
from ..load.limits import ERRORS
from ..model import Document, Finding, Severity, frozen
from ..report.ci import FindingsFormat
from .coercion import Command
from .common import Environment, ExitCode, app, parse_reference_date

if TYPE_CHECKING:
    from ..check import Baseline, CheckedDocument, ConfigFinder, LedgerMode


def _split(values: Optional[List[str]]) -> list[str]:
    return [code.strip() for value in values or [] for code in value.split(",") if code.strip()]


def _summary(findings: Counter[Severity], documents: int, new_only: bool) -> str:
    total = sum(findings.values())
    files = f"{documents} file{'s' if documents != 1 else ''}"
    if not total:
        return f"no {'new ' if new_only else ''}findings in {files}"
    parts = [f"{findings[s]} {s.value}{'s' if findings[s] != 1 and s is not Severity.INFO else ''}" for s in reversed(Severity) if findings[s]]
    return f"{total} {'new ' if new_only else ''}finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files}"


def list_rules(out: TextIO) -> None:
    from ..check.rules import RULES

    for rule in RULES:
        out.write(f"{rule.code}  {rule.name:<26} {rule.severity.value:<8} {rule.summary}\n")


def run_check(
    env: Environment,
    paths: List[str],
    fmt: FindingsFormat = FindingsFormat.TEXT,
    fail_on: Optional[FailOn] = None,
    select: Optional[List[str]] = None,
    ignore: Optional[List[str]] = None,
    config_file: Optional[str] = None,
    baseline: Optional[str] = None,
    write_baseline_to: Optional[str] = None,
    output_file: Optional[str] = None,
    reference_date: Optional[str] = None,
    day_first: Optional[bool] = None,
    ledgers: "Optional[LedgerMode]" = None,
    against: Sequence[str] = (),
    *,
    jobs: Optional[int] = None,
    max_bytes: Optional[str] = None,
    max_claims: Optional[int] = None,
    encoding: Optional[str] = None,
    errors: str = "strict",
) -> ExitCode:
    """What `claimcheck check` does, with the environment passed in.

    `jobs` worker processes (default: the usable cores); `max_bytes` and `max_claims`
    left as None come from each file's configuration; `ledgers` None is `LedgerMode.AUTO`.
    """
    from ..batch import usable_cores
    from ..check import ConfigFinder, LedgerMode, load_config
    from ..load.limits import check_encoding, check_errors, parse_size

    try:
        read = _Reading(
            parse_size(max_bytes) if max_bytes is not None else None,
            max_claims,
            check_encoding(encoding) if encoding else None,
            check_errors(errors),
        )
        option_date = parse_reference_date(reference_date)
        fixed = load_config(config_file) if config_file else None
        finder = ConfigFinder(fixed, _split(select) or None, _split(ignore), fail_on)
        known = None
        if baseline:
            from ..check.baseline import load_baseline  # only a run with --baseline reads one

            known = load_baseline(baseline)
    except ClaimcheckError as exc:
        env.say(f"error: {exc}")
        return ExitCode.ERROR
    if "-" in against and (not paths or "-" in paths):
        env.say("error: standard input (-) can be read only once: give it as a draft or as an --against source")
        return ExitCode.ERROR
    sources, unread = _sources(env, against, bool(day_first))
    if against and not sources:
        env.say("error: no source given with --against could be read")
        return ExitCode.ERROR
    if not paths:
        if env.stdin.isatty() if hasattr(env.stdin, "isatty") else False:
            env.say("error: no input; name a file, a directory, or - to read standard input (see --help)")
            return ExitCode.ERROR
        paths = ["-"]
    run = _Run(finder, known, option_date, day_first, read, usable_cores() if jobs is None else jobs, ledgers or LedgerMode.AUTO, sources,
               keep_all=bool(write_baseline_to))
    try:  # the report file appears whole when the run ends, or not at all
        with ExitStack() as stack:
            if output_file:
                from ..report.atomic import atomic_writer  # with tempfile: only a run that writes a file

                out = stack.enter_context(atomic_writer(output_file))
            else:
                out = env.stdout
            status = run.report(env, out, paths, fmt)
    except OSError as exc:
        if not output_file:
            raise
        env.say(f"error: {output_file}: cannot write: {exc.strerror or exc}")
        return ExitCode.ERROR
    if status is ExitCode.ERROR and run.aborted:
        return status
    if write_baseline_to:
        from ..check.baseline import BaselineError, write_baseline  # only a run that writes a baseline

        try:
            written = write_baseline(write_baseline_to, run.all_findings)
        except BaselineError as exc:
            env.say(f"error: {exc}")
            return ExitCode.ERROR
        env.say(f"wrote {written} finding{'s' if written != 1 else ''} to the baseline {write_baseline_to}")
        return ExitCode.ERROR if status is ExitCode.ERROR else ExitCode.OK
    env.say(_summary(run.counts, run.documents, known is not None))
    return ExitCode.ERROR if unread else status


def _sources(env: Environment, against: Sequence[str], day_first: bool) -> tuple[tuple[Document, ...], bool]:
    """The --against sources as documents (CC014, CC015); each one that cannot be read is named."""
    from ..load import iter_inputs
    from ..pipeline import extract

    documents: list[Document] = []
    unread = False
    for item in iter_inputs(against, env.stdin):
        if isinstance(item, InputError):
            env.say(f"error: --against {item}")
            unread = True
        else:
            documents.append(extract(item.text, source=item.source, day_first=day_first, metadata=item.metadata.to_dict()))
    return tuple(documents), unread


@frozen
class _Reading:
    """How drafts are read; a cap left as None comes from each draft's configuration."""

    max_bytes: Optional[int]
    max_claims: Optional[int]
    encoding: Optional[str]
    errors: str


class _Run:
    """The state of one `check` run: what was found, what counts, whether to fail.

    A plain class: a dataclass compiles its methods at every start (~4 M instructions).
    """

    def __init__(
        self, finder: "ConfigFinder", known: "Optional[Baseline]", reference_date: Optional[dt.date], day_first: Optional[bool],
        read: _Reading, jobs: int, ledgers: "LedgerMode", sources: tuple[Document, ...] = (), keep_all: bool = False,
    ) -> None:
        self.finder = finder
        self.known = known
        self.reference_date = reference_date
        self.day_first = day_first
        self.read = read
        self.jobs = jobs
        self.ledgers = ledgers
        self.sources = sources
        self.keep_all = keep_all  # only a baseline being written needs every finding at the end
        self.counts: Counter[Severity] = Counter()
        self.documents = 0
        self.all_findings: list[Finding] = []
        self.aborted = False

    def report(self, env: Environment, out: TextIO, paths: List[str], fmt: FindingsFormat) -> ExitCode:
        from ..check import RULES, check_paths
        from ..report.ci import make_findings_reporter

        reporter = make_findings_reporter(fmt, out, RULES)
        status, failing = ExitCode.OK, False
        reporter.start()
        items = check_paths(
            paths, finder=self.finder, stdin=env.stdin, reference_date=self.reference_date, day_first=self.day_first,
            ledgers=self.ledgers, sources=self.sources, jobs=self.jobs,
            encoding=self.read.encoding, errors=self.read.errors, max_bytes=self.read.max_bytes, max_claims=self.read.max_claims,
        )
        try:
            for item in items:
                if isinstance(item, InputError):
                    env.say(f"error: {item}")
                    reporter.error(item)
                    status = ExitCode.ERROR
                    continue
                findings = self._new(item)
                self.documents += 1
                if self.keep_all:
                    self.all_findings.extend(item.findings)
                self.counts.update(f.severity for f in findings)
                failing = failing or any(item.config.fail_on.fails(f.severity) for f in findings)
                reporter.document(item.source, findings)
        except ClaimcheckError as exc:  # a configuration file found on the way is broken
            env.say(f"error: {exc}")
            self.aborted = True
            status = ExitCode.ERROR
        finally:
            items.close()  # on the way out, Ctrl-C included, worker processes stop at once
        reporter.finish()
        return ExitCode.FINDINGS if status is ExitCode.OK and failing else status

    def _new(self, item: "CheckedDocument") -> list[Finding]:
        return self.known.new_findings(item.findings) if self.known is not None else list(item.findings)


def _list_rules_callback(value: bool) -> None:
    if value:
        buffer = io.StringIO()
        list_rules(buffer)
        typer.echo(buffer.getvalue(), nl=False)
        raise typer.Exit()


@app.command("check", cls=Command)
def check_command(
    paths: List[str] = typer.Argument(None, metavar="[PATH|-]...", help="Drafts: files, directories (searched for *.md, *.txt), or - for stdin."),
    fmt: FindingsFormat = typer.Option(FindingsFormat.TEXT, "--format", "-f", help="text (path:line:col: CODE message), github (workflow annotations), sarif, gitlab (Code Quality), json.", case_sensitive=False),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 on findings at or above this severity: error, warning, info, never. Default: the configuration's fail-on, else warning.", case_sensitive=False),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="CODES", help="Run only these rules (codes or prefixes, comma-separated); replaces the configuration's select."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="CODES", help="Skip these rules, on top of the configuration's ignore."),
    config_file: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Use this .claimcheck.toml or pyproject.toml for every file instead of searching upwards."),
    baseline: Optional[str] = typer.Option(None, "--baseline", metavar="FILE", help="Report only findings that are not in this baseline."),
    write_baseline_to: Optional[str] = typer.Option(None, "--write-baseline", metavar="FILE", help="Record every current finding in FILE and exit 0 (2 if an input could not be read)."),
    output_file: Optional[str] = typer.Option(None, "--output-file", "-o", metavar="FILE", help="Write the report to FILE instead of standard output."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Resolve relative dates against this day; wins over the dateline or front matter."),
    day_first: Optional[bool] = typer.Option(None, "--day-first/--month-first", help="Read 03/01/2023 as 3 January (or as March 1); default from the configuration."),
    require_ledger: bool = typer.Option(False, "--ledger", help="Every draft needs a review ledger (DRAFT.claims.json): CC012/CC013 report claims not verified, changed since, or marked wrong. Without it, only ledgers found beside drafts are read."),
    against: Optional[List[str]] = typer.Option(None, "--against", "-a", metavar="SOURCE", help="Compare the claims with this source (a file, directory or http(s) address; repeatable): CC014 reports conflicts, CC015 claims not in the sources."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, max=256, help="Worker processes that check files (default: the usable cores); results still come in input order."),
    max_bytes: Optional[str] = typer.Option(None, "--max-bytes", metavar="SIZE", help="Refuse a draft larger than this (bytes, or 500k, 10M). Default: the configuration's max-bytes, else 10M."),
    max_claims: Optional[int] = typer.Option(None, "--max-claims", min=1, metavar="N", help="Refuse a draft with more claims than this. Default: the configuration's max-claims, else 10000."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="NAME", help="Read drafts in this encoding (cp1252, latin-1, utf-16...) instead of UTF-8."),
    errors: str = typer.Option("strict", "--errors", metavar="|".join(ERRORS), help="replace: read bytes that do not fit the encoding as U+FFFD instead of refusing the draft."),
    show_rules: bool = typer.Option(False, "--list-rules", callback=_list_rules_callback, is_eager=True, help="List every rule with its code, name and default severity, and exit."),
) -> None:
    """Check drafts for claims that contradict themselves, the calendar or each other.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.

    Examples:

      claimcheck check drafts/

      claimcheck check drafts/ --format github --fail-on error

      claimcheck check story.md --select CC002,CC005 --format sarif -o claimcheck.sarif

      claimcheck check archive/ --write-baseline .claimcheck-baseline.json

      claimcheck check drafts/bridge.md --ledger --select CC012,CC013

      claimcheck check draft.md --against press-release.md --select CC014

      claimcheck check archive/ --jobs 4

      claimcheck check old-drafts/ --encoding cp1252 --errors replace
    """
    from ..check import LedgerMode

    env = Environment.from_process()
    raise typer.Exit(
        int(
            run_check(
                env, paths or [], fmt, fail_on, select, ignore, config_file, baseline,
                write_baseline_to, output_file, reference_date, day_first,
                LedgerMode.REQUIRED if require_ledger else LedgerMode.AUTO, against or (), jobs=jobs,
                max_bytes=max_bytes, max_claims=max_claims, encoding=encoding, errors=errors,
            )
        )
    )


__all__ = ["list_rules", "run_check"]
