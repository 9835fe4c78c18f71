"""`claimcheck extract`: list the claims of each article, from files, standard input or the web."""

import enum
from contextlib import closing, contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Iterator, List, Optional, Sequence, Union, cast

import typer

from ..errors import InputError, UsageError
from ..load import STDIN, FetchOptions, Input, ReadOptions, load_inputs, plan_inputs, read_input_list
from ..load.limits import DEFAULT_MAX_CLAIMS, ERRORS, check_encoding, check_errors, parse_size
from ..model import Document, Kind
from ..report import Format, Rendered, TextReporter, document_renderer, make_reporter
from ..report.safe import terminal_text, visible
from .coercion import Command
from .common import Environment, ExitCode, app, parse_reference_date

# Without --jobs, at least this many inputs are read or fetched at once, however few the cores.
DEFAULT_READERS = 4


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


def _arguments(paths: Sequence[str], input_lists: Sequence[str], env: Environment) -> list[str]:
    """The command-line inputs followed by those of each input list, in order."""
    if STDIN in input_lists and STDIN in paths:
        raise UsageError("standard input cannot be both an --input-list and an article (-)")
    arguments = list(paths)
    for location in input_lists:
        try:
            arguments.extend(read_input_list(location, env.stdin))
        except InputError as exc:
            raise UsageError(f"--input-list {exc}") from None
    return arguments


def _prepare_cache(cache_dir: Optional[Path]) -> None:
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        probe = cache_dir / ".claimcheck-write-test"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"--cache-dir {cache_dir}: cannot write there ({exc.strerror or exc}); choose another folder") from None


class Tally:
    """What a run has done so far (a plain class: a dataclass costs 2 M instructions at every start)."""

    __slots__ = ("processed", "failed", "claims")

    def __init__(self) -> None:
        self.processed = 0
        self.failed = 0
        self.claims = 0

    def line(self, with_claims: bool) -> str:
        counted = f"{self.processed} processed, {self.failed} failed"
        return f"{counted}, {self.claims} claims" if with_claims else counted


class BatchProgress:
    """A progress bar on stderr for a batch on a terminal; nothing at all in pipes and CI logs.

    Messages go through it so they print above the bar, and output to a terminal stdout
    is written while the bar is paused, so the two never garble each other.
    """

    def __init__(self, env: Environment, total: int) -> None:
        self.env = env
        self._progress = None
        if env.stderr_is_terminal and total > 1:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=env.console(env.stderr, True), transient=True,
            )
            self._task = self._progress.add_task("checking", total=total)

    def __enter__(self) -> "BatchProgress":
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def say(self, message: str) -> None:
        if self._progress is None:
            self.env.say(message)
        else:
            self._progress.console.print(f"claimcheck: {visible(message)}", markup=False, highlight=False, soft_wrap=True)

    @contextmanager
    def paused(self, needed: bool) -> Iterator[None]:
        if self._progress is None or not needed:
            yield
            return
        self._progress.stop()
        try:
            yield
        finally:
            self._progress.start()


def _show_text(env: Environment, item: Input, with_header: bool, first: bool) -> None:
    """The text that was checked, so `text[start:end]` of any claim can be looked up in it."""
    text = item.text if not env.stdout_is_terminal else terminal_text(item.text)
    if with_header:
        env.stdout.write(("" if first else "\n") + f"==> {visible(item.source)} <==\n")
    env.stdout.write(text if text.endswith("\n") else text + "\n")
    env.stdout.flush()


def run_extract(
    env: Environment,
    paths: List[str],
    fmt: Optional[Format],
    kinds: Optional[List[str]],
    reference_date: Optional[str],
    day_first: bool,
    group_by: GroupBy = GroupBy.DOCUMENT,
    *,
    input_lists: Sequence[str] = (),
    jobs: Optional[int] = None,
    fetch: FetchOptions | None = None,
    show_text: bool = False,
    read: ReadOptions | None = None,
    max_claims: int | None = DEFAULT_MAX_CLAIMS,
) -> ExitCode:
    """What `claimcheck extract` does, with the environment passed in.

    `jobs` worker processes extract (default: the usable cores) and as many inputs are read
    at once (without `jobs`, at least DEFAULT_READERS), results in input order.
    """
    # Here, not at the top: `claimcheck --help` needs no workers and no JSON writers.
    from ..batch import extract_many, usable_cores
    from ..report.machine import utf8_renderer

    fetch = fetch or FetchOptions()
    read = read or ReadOptions(max_bytes=fetch.max_bytes)
    try:
        wanted = _parse_kinds(kinds)
        option_date = parse_reference_date(reference_date)
        arguments = _arguments(paths, input_lists, env)
        _prepare_cache(fetch.cache_dir)
    except UsageError as exc:
        env.say(f"error: {exc}")
        return ExitCode.ERROR
    if not arguments:
        if input_lists:
            env.say("error: the input list names no inputs")
            return ExitCode.ERROR
        if env.stdin.isatty() if hasattr(env.stdin, "isatty") else False:
            env.say("error: no input; name a file, a directory, an address, or - to read standard input (see --help)")
            return ExitCode.ERROR
        arguments = [STDIN]
    planned = plan_inputs(arguments)
    processes = usable_cores() if jobs is None else jobs
    readers = max(processes, DEFAULT_READERS) if jobs is None else jobs
    fetch = replace(fetch, connections=max(fetch.connections, readers))
    if fmt is None:
        fmt = Format.TABLE if env.stdout_is_terminal else Format.JSON
    reporter = None
    if not show_text:
        # The table's strings are ours (line:column, kinds, counts); the article's text goes in as rich Text.
        console = env.console(env.stdout, env.stdout_is_terminal, emoji=False) if fmt is Format.TABLE else None
        reporter = make_reporter(fmt, env.stdout, console, group_by_source=group_by is GroupBy.SOURCE)
        reporter.start()
    tally = Tally()
    inputs = load_inputs(planned, env.stdin, fetch=fetch, jobs=readers, read_options=read)
    # Machine formats are written by the workers, each document as it is made (as UTF-8 where stdout takes it
    # as such); the parent writes their texts in order.
    render = utf8_renderer(document_renderer(fmt), env.stdout)
    # Closed on the way out, Ctrl-C included, so that worker processes stop at once.
    results: Iterator[Union[Input, Document, Rendered, InputError]] = inputs if reporter is None else extract_many(
        inputs, jobs=processes, render=render, reference_date=option_date, day_first=day_first, kinds=wanted, max_claims=max_claims,
    )
    with BatchProgress(env, len(planned)) as progress, closing(results):  # type: ignore[type-var]
        for item in results:
            if isinstance(item, InputError):
                tally.failed += 1
                progress.say(f"error: {item}")
                if reporter is not None:
                    reporter.error(item)
            else:
                tally.processed += 1
                with progress.paused(env.stdout_is_terminal):
                    if isinstance(item, Rendered):
                        tally.claims += item.claims
                        cast(TextReporter, reporter).rendered(item.text)
                    elif isinstance(item, Document) and reporter is not None:
                        tally.claims += len(item.claims)
                        reporter.document(item)
                    elif isinstance(item, Input):
                        _show_text(env, item, len(planned) > 1, tally.processed == 1)
            progress.advance()
    if reporter is not None:
        reporter.finish()
    if len(planned) > 1:
        env.say(tally.line(with_claims=reporter is not None))
    return ExitCode.ERROR if tally.failed else ExitCode.OK


FORMAT_HELP = "Output format. Default: table on a terminal, json in a pipe."


@app.command("extract", cls=Command)
def extract_command(
    paths: List[str] = typer.Argument(None, metavar="[PATH|URL|-]...", help="Articles: files (.md, .txt, .html), directories (searched for them), http(s) addresses, or - for stdin."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help=FORMAT_HELP, case_sensitive=False),
    kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", help="Keep only these kinds (repeat or comma-separate): count, percent, money, measure, duration, age, ordinal, date."),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD", help="Resolve relative dates against this day; wins over the page's publication date, the dateline or front matter."),
    day_first: bool = typer.Option(False, "--day-first", help="Read 03/01/2023 as 3 January (non-US style)."),
    group_by: GroupBy = typer.Option(GroupBy.DOCUMENT, "--group-by", help="table and markdown: one table per document, or per source within each document (what did each source claim?).", case_sensitive=False),
    input_list: Optional[List[str]] = typer.Option(None, "--input-list", "-i", metavar="FILE", help="Read more inputs from FILE (or - for stdin): one path or address a line, # for comments. Repeatable."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, max=256, help="Worker processes that extract, and inputs read or fetched at once (default: the usable cores; at least 4 reads). Results still come in input order."),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, metavar="SECONDS", help="Seconds to wait for a site to connect or to send more; a whole download may take 3 times that."),
    max_bytes: str = typer.Option("10M", "--max-bytes", metavar="SIZE", help="Refuse an input (file, stdin or page) larger than this (bytes, or with k, M, G: 500k, 10M)."),
    max_claims: int = typer.Option(DEFAULT_MAX_CLAIMS, "--max-claims", min=1, metavar="N", help="Refuse a document with more claims than this."),
    encoding: Optional[str] = typer.Option(None, "--encoding", metavar="NAME", help="Read files and stdin in this encoding (cp1252, latin-1, utf-16...) instead of UTF-8."),
    errors: str = typer.Option("strict", "--errors", metavar="|".join(ERRORS), help="replace: read bytes that do not fit the encoding as U+FFFD instead of refusing the file."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", metavar="DIR", help="Keep fetched pages in an HTTP cache here and reuse them while the site says they are fresh."),
    show_text: bool = typer.Option(False, "--show-text", help="Print the text that is checked (for a web page: the article found in it) instead of the claims; claim offsets, lines and columns refer to this text."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour, even on a terminal (NO_COLOR is honoured too)."),
) -> None:
    """List every numeric and dated claim of each article with its place, value, unit and source.

    Examples:

      claimcheck extract data/flood-relief-wire.md

      claimcheck extract https://example.org/news/story.html --format json

      claimcheck extract --input-list urls.txt --jobs 8 --cache-dir ~/.cache/claimcheck --format jsonl

      claimcheck extract saved-page.html --show-text

      claimcheck extract drafts/ --kind count,money --format csv > claims.csv

      cat story.md | claimcheck extract - --reference-date 2023-03-01 --format jsonl

      claimcheck extract draft.md --group-by source

      claimcheck extract old-archive/ --encoding cp1252 --max-bytes 50M
    """
    env = Environment.from_process(no_color=no_color)
    try:
        fetch = FetchOptions(timeout=timeout, max_bytes=parse_size(max_bytes), cache_dir=cache_dir)
        read = ReadOptions(fetch.max_bytes, check_encoding(encoding) if encoding else None, check_errors(errors))
    except UsageError as exc:
        env.say(f"error: {exc}")
        raise typer.Exit(int(ExitCode.ERROR))
    status = run_extract(
        env, paths or [], fmt, kind, reference_date, day_first, group_by,
        input_lists=input_list or [], jobs=jobs, fetch=fetch, show_text=show_text, read=read, max_claims=max_claims,
    )
    raise typer.Exit(int(status))
