"""Many articles at once: the pipeline in worker processes, results in input order.

    >>> from claimcheck.batch import extract_many
    >>> from claimcheck.load import iter_inputs
    >>> for doc in extract_many(iter_inputs(["archive/"], jobs=4), jobs=4):  # doctest: +SKIP
    ...     print(doc.source, len(doc.claims))

How it is built, and why:

- Reading stays in the caller's threads (`load_inputs`): files and web pages are I/O.
  Text goes to the workers and documents come back without their text, which the parent
  still holds, or, given a `render` function, as what it makes of them (a report's text),
  so the parent only writes; small inputs travel in chunks, one round trip per chunk.
- At most `2 x jobs` chunks are out at once and results are yielded as soon as they are
  next in input order: memory stays bounded whatever the size of the corpus.
- Workers are started by a fork server where the platform has one (Linux, macOS), else
  spawned. Not plain fork: the parent runs reader threads and an HTTP client when the
  workers start, and forking a threaded process can leave a child holding a lock forever.
  The fork server imports the pipeline and builds its lazy tables once (`warm_up`), and forks
  every worker from it: workers start with the tables, none builds them again.
- `jobs=1`, a single input, or a batch smaller than IN_PROCESS_FIRST characters runs in
  this process: no pool. A larger batch goes to the workers whole, from its first input,
  as soon as its inputs are seen to exceed that. This process does not work on the first
  ones meanwhile: it would import the pipeline and build its tables a second time, next to
  the fork server (2 MB bench corpus, --jobs 2: 1.63 G instructions in this process, against
  0.74 G without).
- A bug in the pipeline on one input becomes an `ExtractionError` in that input's place.
  A worker that dies (a crash, the out-of-memory killer) is replaced, and the input that
  killed it is found by retrying the unfinished inputs one at a time.
- Ctrl-C: the fork server and its workers are started ignoring it (a terminal sends it to
  the whole process group); the parent stops them. What was yielded stays yielded.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
from collections import deque
from contextlib import contextmanager
from itertools import chain
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, NamedTuple, Sequence, TypeVar, Union, overload

from .errors import ClaimcheckError, InputError, UsageError
from .load import Input
from .model import Claim, DateValue, Document, RefDateOrigin, Source

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

    from .check import CheckedDocument, Config, ConfigFinder
    from .check.engine import LedgerMode
    from .ledger import Ledger

T = TypeVar("T")
R = TypeVar("R")

# A chunk is sent when it holds this much text or this many inputs, or at once when a worker is idle.
CHUNK_CHARS = 50_000
CHUNK_ITEMS = 64
# Inputs that each kill a fresh worker, one after another, before the pool is deemed unusable.
_CRASHES_IN_A_ROW = 3
# A batch of fewer characters than this is done in this process: workers would cost it more than
# they save, the fork server importing and warming up for a third of a second first.
IN_PROCESS_FIRST = 50_000
# Modules every worker needs: the fork server imports them once, so that workers forked from
# it start with them; a spawned worker imports them itself.
_PRELOAD = ["claimcheck.pipeline", "claimcheck.extract", "claimcheck.attribute", "claimcheck.segment"]
# Imported by the fork server alone, after _PRELOAD: it builds the pipeline's lazy tables there,
# once for every worker, and makes the fork server leave at once when the command ends.
_FORK_SERVER_ONLY = "claimcheck.warm"
# True in a worker process: results are then packed for the trip back.
_IN_WORKER = False
# Held back while a worker starts: Ctrl-C, and SIGTERM (which the command turns into an exit).
_DEFERRED = (signal.SIGINT, signal.SIGTERM)
# Texts that take most of the pipeline's paths, so that its lazily compiled patterns are built
# once (in the fork server) and not again by each worker on its first inputs. Two texts: the
# date patterns come in two forms, with spelled-out years ("two thousand and nine") and without.
_WARM_TEXTS = (
    "WASHINGTON, March 1, 2023 — About 1,200 people, or 12%, left on Tuesday, officials said.\n\n"
    "\"We spent $4.5 million, up from 3 million euros a year earlier,\" Mayor Ana Ruiz told reporters on Wednesday, "
    "adding that the 45-year-old clerk had walked 12 km in 3 hours.\n\n"
    "Two years ago, in the second quarter of 2021, sales rose by a third; in the late 1990s they fell. Since January "
    "2022, and again last week, early this month and next summer, the first half of fiscal 2024 looked better, "
    "according to the report of 2023-03-01. By mid-2025, or on 3/1/2023, or the 5th of May, the agency said, prices "
    "had doubled for the third time in a decade.\n",
    "In two thousand and nine, some fifteen thousand people, nineteen percent of the town, left in the spring of "
    "nineteen ninety-eight; a decade ago, on March 3 and in the first quarter of two thousand twenty, early last week, "
    "the mayor said.\n",
)


class ExtractionError(InputError):
    """The pipeline failed on this input (a bug in claimcheck, or a worker that died); the batch went on."""


class WorkerError(ClaimcheckError):
    """Worker processes die before they finish any input: the batch cannot go on in them."""


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it), at least 1."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


class _Failure(NamedTuple):
    """What a worker sends back instead of an exception: exceptions with extra fields do not unpickle.

    This module's records are named tuples, not dataclasses: ~6 times cheaper to create at import.
    """

    reason: str
    # The input itself was refused (an InputError such as a LimitError), not a fault of ours.
    refused: bool = False


def _describe(error: BaseException) -> str:
    message = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _run_chunk(work: Callable[[Any], Any], payloads: Sequence[Any]) -> list[Any]:
    """In a worker: `work` over a chunk; a failing input gives a `_Failure`, a usage error stops the batch."""
    results: list[Any] = []
    for payload in payloads:
        try:
            results.append(work(payload))
        except UsageError:
            raise
        except InputError as error:
            results.append(_Failure(error.reason, refused=True))
        except Exception as error:
            results.append(_Failure(_describe(error)))
    return results


def _start_worker(preload: Sequence[str]) -> None:
    """Worker initialiser: Ctrl-C is the parent's to handle; the pipeline's lazy tables are built once.

    A worker forked from a fork server that preloaded `claimcheck.warm` has them already (`warm_up`
    costs a millisecond then); a spawned worker builds them here, not in its first input.
    """
    global _IN_WORKER
    _IN_WORKER = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for module in preload:
        __import__(module)
    warm_up()


def warm_up() -> None:
    """Run the pipeline on short texts: its lazy tables (patterns, word lists) are built."""
    from .pipeline import extract

    for text in _WARM_TEXTS:
        extract(text)


def _source_of(payload: Any) -> str:
    return str(getattr(payload, "source", "<input>"))


def _failed(payload: Any, failure: _Failure) -> InputError:
    if failure.refused:
        return InputError(_source_of(payload), failure.reason)
    return ExtractionError(
        _source_of(payload),
        f"claimcheck failed on this input ({failure.reason}); the batch goes on. Please report it with this file",
    )


def _context(preload: Sequence[str]) -> multiprocessing.context.BaseContext:
    """A fork server's context where the platform has one, started with Ctrl-C ignored; else spawn."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_unshadowed([*preload, _FORK_SERVER_ONLY]))
    # A process started with SIGINT ignored keeps ignoring it, and so do the workers it forks:
    # Ctrl-C in a terminal reaches the whole process group, but only the parent should act on it.
    with _handled((signal.SIGINT,), signal.SIG_IGN):
        forkserver.ensure_running()
    return context


def _unshadowed(preload: Sequence[str]) -> list[str]:
    """The modules the fork server can preload: those the working directory does not shadow.

    The fork server runs `python -c`, so the working directory comes first on its path (and
    Python 3.11 ignores the path it is handed): a `claimcheck` checkout or a claimcheck.py
    there would be imported instead of this one, and every worker would run it. A module
    left out is imported by each worker, which is given this process's path.
    """
    import sys
    from importlib.machinery import PathFinder

    kept = []
    for name in preload:
        top = name.partition(".")[0]
        found = PathFinder.find_spec(top, [os.getcwd()])
        loaded = getattr(sys.modules.get(top), "__file__", None)
        if found is None or found.origin is None or found.origin == loaded:  # origin None: a namespace portion, which shadows nothing
            kept.append(name)
    return kept


@contextmanager
def _handled(signums: Sequence[int], handler: Any) -> Iterator[dict[int, Any]]:
    """`signums` handled by `handler` for a moment, where this is the main thread (elsewhere,
    unchanged); gives the handlers they had."""
    try:
        previous = {signum: signal.signal(signum, handler) for signum in signums}
    except ValueError:  # not the main thread
        yield {}
        return
    try:
        yield previous
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back while a worker is handed its pipes: cut halfway, the fork server prints a traceback.

    Each is caught by a handler and passed on once the block ends. Blocking the signals
    would not do: the kernel hands them to another thread (the pool's), and Python still
    runs their handlers in the main thread at once.
    """
    caught: list[tuple[int, Any]] = []
    previous: dict[int, Any] = {}
    try:
        with _handled(_DEFERRED, lambda signum, frame: caught.append((signum, frame))) as previous:
            yield
    finally:
        for signum, frame in caught[:1]:
            handler = previous[signum]
            if callable(handler):
                handler(signum, frame)
            elif handler != signal.SIG_IGN:
                signal.raise_signal(signum)


class _Slot:
    """One chunk of the input stream: its items in order, and the worker's answer once asked."""

    __slots__ = ("items", "future", "results")

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.future: Future[list[Any]] | None = None
        self.results: list[Any] | None = None


class _Pool:
    """A process pool that can be replaced when a worker dies, and stopped at once on Ctrl-C.

    multiprocessing and concurrent.futures are imported here, not with the module: a run
    that starts no pool (one article, --jobs 1) is spared their ~25 ms.
    """

    def __init__(self, jobs: int, preload: Sequence[str]) -> None:
        self.jobs = jobs
        self.preload = list(preload)
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.jobs, mp_context=_context(self.preload), initializer=_start_worker, initargs=(self.preload,))

    def submit(self, work: Callable[[Any], Any], payloads: list[Any]) -> "Future[list[Any]]":
        """The chunk's future; when the pool is already broken, a future that says so."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            with _signals_deferred():  # submit() starts a worker when none is idle
                return self.executor.submit(_run_chunk, work, payloads)
        except BrokenProcessPool as broken:
            failed: "Future[list[Any]]" = Future()
            failed.set_exception(broken)
            return failed

    def replace(self) -> None:
        self.stop()
        self.executor = self._new()

    def stop(self) -> None:
        """Cancel what has not started and end the workers now, not after their current chunk.

        The workers end before the pool is shut down: a worker still starting up when the
        pool's queues are released finds their semaphores gone and prints a traceback;
        terminated first, it ends silently. With its workers gone, the shutdown is waited
        for: left running, the pool's thread can write to pipes closed at interpreter exit.
        A worker ended while it wrote a result leaves half a message in the results pipe, and
        the pool's thread waiting for the rest, for ever: this process's own copy of the pipe's
        writing end is closed first, so that the thread reads the end of the pipe instead.
        """
        import time

        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        for process in processes:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + 2
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():  # SIGTERM not acted on: the wait below must not hang
                process.kill()
                process.join()
        results = getattr(self.executor, "_result_queue", None)
        if processes and results is not None:
            results._writer.close()
        self.executor.shutdown(wait=True, cancel_futures=True)


def map_in_order(
    work: Callable[[T], R],
    items: Iterable[Union[T, InputError]],
    *,
    jobs: int,
    size: Callable[[T], int] = lambda _: 1,
    preload: Sequence[str] = (),
    in_process_first: int = 0,
) -> Iterator[Union[R, InputError]]:
    """`work(item)` for each item in `jobs` worker processes, yielded in item order as they are ready.

    `work` must be a module-level function (it is pickled by name). `InputError` items pass
    through untouched; an item on which `work` raises becomes an `ExtractionError`, except a
    `UsageError`, which stops the batch. `size(item)` (say, its length in characters) decides
    how many items travel together. A batch whose sizes add up to `in_process_first` before
    its last item is worked on by the workers alone, forked from a fork server that imported
    `preload`; a smaller batch, a single item, or `jobs <= 1` is worked on in this process
    and starts no worker at all.
    """
    stream = iter(items)
    if jobs <= 1:
        for item in stream:
            yield _in_process(work, item)
        return
    # Items are read until their sizes reach in_process_first: a batch that ends there is done
    # here and starts nothing (a fork server would cost it a tenth of a second); a longer one
    # goes to the workers whole.
    read: list[Union[T, InputError]] = []
    done = 0
    for item in stream:
        if read and done >= in_process_first:
            yield from _in_pool(work, [*read, item], stream, jobs, size, preload)
            return
        read.append(item)
        if not isinstance(item, InputError):
            done += size(item)
    for item in read:
        yield _in_process(work, item)


def _in_process(work: Callable[[T], R], item: Union[T, InputError]) -> Union[R, InputError]:
    if isinstance(item, InputError):
        return item
    (result,) = _run_chunk(work, [item])
    return _failed(item, result) if isinstance(result, _Failure) else result


def _in_pool(
    work: Callable[[Any], Any], head: list[Any], stream: Iterator[Any], jobs: int, size: Callable[[Any], int], preload: Sequence[str]
) -> Iterator[Any]:
    pool = _Pool(jobs, preload)
    window: deque[_Slot] = deque()
    chunk: list[Any] = []
    weight = 0

    def send() -> None:
        nonlocal chunk, weight
        payloads = [item for item in chunk if not isinstance(item, InputError)]
        slot = _Slot(chunk)
        if payloads:
            slot.future = pool.submit(work, payloads)
        else:
            slot.results = []
        window.append(slot)
        chunk, weight = [], 0

    def busy() -> int:
        return sum(1 for slot in window if slot.future is not None and not slot.future.done())

    try:
        for item in chain(head, stream):
            chunk.append(item)
            if not isinstance(item, InputError):
                weight += size(item)
            if weight >= CHUNK_CHARS or len(chunk) >= CHUNK_ITEMS or busy() < jobs:
                send()
            while window and (len(window) >= 2 * jobs or _ready(window[0])):
                yield from _harvest(window, pool, work)
        if chunk:
            send()
        while window:
            yield from _harvest(window, pool, work)
    finally:
        pool.stop()


def _ready(slot: _Slot) -> bool:
    return slot.results is not None or (slot.future is not None and slot.future.done())


def _harvest(window: deque[_Slot], pool: _Pool, work: Callable[[Any], Any]) -> Iterator[Any]:
    """Yield the oldest chunk's outcomes in order, waiting for it if need be."""
    from concurrent.futures.process import BrokenProcessPool

    slot = window[0]
    if slot.results is None:
        assert slot.future is not None
        try:
            slot.results = slot.future.result()
        except BrokenProcessPool:
            _recover(window, pool, work)
    window.popleft()
    answers = iter(slot.results or [])
    for item in slot.items:
        if isinstance(item, InputError):
            yield item
            continue
        result = next(answers)
        yield _failed(item, result) if isinstance(result, _Failure) else result


def _recover(window: deque[_Slot], pool: _Pool, work: Callable[[Any], Any]) -> None:
    """A worker died: every unfinished chunk is redone one input at a time, so the culprit alone fails."""
    from concurrent.futures.process import BrokenProcessPool

    for slot in window:
        future = slot.future
        if slot.results is None and future is not None and future.done() and not future.cancelled() and future.exception() is None:
            slot.results = future.result()
    pool.replace()
    crashes = 0
    for slot in window:
        if slot.results is not None:
            continue
        results: list[Any] = []
        for item in slot.items:
            if isinstance(item, InputError):
                continue
            try:
                results.extend(pool.submit(work, [item]).result())
                crashes = 0
            except BrokenProcessPool as broken:
                crashes += 1
                if crashes >= _CRASHES_IN_A_ROW:
                    raise WorkerError(f"worker processes keep stopping ({broken}); run with --jobs 1 to work in one process") from None
                results.append(_Failure("the worker process reading it stopped: a crash, or out of memory"))
                pool.replace()
        slot.results = results


# -- the pipeline over many inputs ---------------------------------------------------------


class _ExtractJob(NamedTuple):
    source: str
    text: str
    metadata: dict[str, str]
    options: dict[str, Any]
    render: Callable[[Document], Any] | None = None


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_DATE_AT, _SOURCE_AT = _CLAIM_FIELDS.index("date"), _CLAIM_FIELDS.index("source")


class _PackedDocument(NamedTuple):
    """A document as plain tuples for the trip back from a worker: a third cheaper to pickle than the
    dataclasses, and the parent, which unpickles for every worker, is where the time counts."""

    source: str
    reference_date: dt.date | None
    origin: RefDateOrigin
    metadata: dict[str, Any]
    claims: list[tuple[Any, ...]]

    @classmethod
    def of(cls, document: Document) -> "_PackedDocument":
        claims = []
        for claim in document.claims:
            values = [getattr(claim, name) for name in _CLAIM_FIELDS]
            date, source = values[_DATE_AT], values[_SOURCE_AT]
            values[_DATE_AT] = None if date is None else (date.value, date.start, date.end, date.anchored)
            values[_SOURCE_AT] = None if source is None else (source.name, source.mention, source.cue, source.quoted)
            claims.append(tuple(values))
        return cls(document.source, document.reference_date, document.reference_date_origin, dict(document.metadata), claims)

    def unpack(self, text: str) -> Document:
        claims = []
        for values in self.claims:
            row = list(values)
            if row[_DATE_AT] is not None:
                row[_DATE_AT] = DateValue(*row[_DATE_AT])
            if row[_SOURCE_AT] is not None:
                row[_SOURCE_AT] = Source(*row[_SOURCE_AT])
            claims.append(Claim(*row))
        return Document(self.source, text, tuple(claims), self.reference_date, self.origin, self.metadata)


def _extract_job(job: _ExtractJob) -> Any:
    from .pipeline import extract

    document = extract(job.text, source=job.source, metadata=job.metadata, **job.options)
    if job.render is not None:
        return job.render(document)
    return _PackedDocument.of(document) if _IN_WORKER else document  # packed without its text: the parent has it


@overload
def extract_many(
    inputs: Iterable[Union[Input, InputError]], *, jobs: int | None = None, render: None = None, **options: Any,
) -> Iterator[Union[Document, InputError]]: ...


@overload
def extract_many(
    inputs: Iterable[Union[Input, InputError]], *, jobs: int | None = None, render: Callable[[Document], R], **options: Any,
) -> Iterator[Union[R, InputError]]: ...


def extract_many(
    inputs: Iterable[Union[Input, InputError]],
    *,
    jobs: int | None = None,
    render: Callable[[Document], Any] | None = None,
    **options: Any,
) -> Iterator[Any]:
    """`claimcheck.extract` over many inputs in `jobs` worker processes, in input order.

    `inputs` is what `load_inputs` / `iter_inputs` yield; `options` are those of
    `extract()` (`reference_date`, `day_first`, `kinds`, ...). Failed inputs are yielded
    as `InputError`s in their place. `jobs` defaults to the usable cores.

    With `render` (a module-level function: it is pickled by name), each document is
    passed to it where it was made, and what it returns is yielded instead: a report's
    text, say. The parent, which receives from every worker, is then spared rebuilding
    and rendering each document, the work that kept it from keeping up with more workers.
    """
    sent: deque[Union[Input, InputError]] = deque()  # what is out, in order: at most the pool's window

    def jobs_of() -> Iterator[Union[_ExtractJob, InputError]]:
        for item in inputs:
            sent.append(item)
            yield item if isinstance(item, InputError) else _ExtractJob(item.source, item.text, item.metadata.to_dict(), options, render)

    preload = _PRELOAD if render is None else [*_PRELOAD, _module_of(render)]
    outcomes = map_in_order(_extract_job, jobs_of(), jobs=usable_cores() if jobs is None else jobs, size=_text_size, preload=preload, in_process_first=IN_PROCESS_FIRST)
    for outcome in outcomes:
        item = sent.popleft()
        yield outcome.unpack(item.text) if isinstance(outcome, _PackedDocument) and isinstance(item, Input) else outcome


def _module_of(function: Callable[..., Any]) -> str:
    """The module that defines `function` (or the function a `functools.partial` wraps): the fork server preloads it."""
    return getattr(function, "func", function).__module__


class _CheckJob(NamedTuple):
    source: str
    text: str
    config: "Config"
    reference_date: dt.date | None
    day_first: bool
    ledger: "Ledger | None" = None
    sources: tuple[Document, ...] = ()
    max_claims: int | None = None


def _check_job(job: _CheckJob) -> "CheckedDocument":
    from .check import CheckedDocument, check
    from .pipeline import extract

    document = extract(
        job.text, source=job.source, reference_date=job.reference_date, day_first=job.day_first, max_claims=job.max_claims,
    )
    findings = check(document, job.config, job.ledger, job.sources)
    return CheckedDocument(job.source, tuple(findings), job.config, len(job.text.split()))


def check_many(
    inputs: Iterable[Union[Input, InputError]],
    finder: "ConfigFinder",
    *,
    jobs: int | None = None,
    reference_date: dt.date | None = None,
    day_first: bool | None = None,
    ledgers: "LedgerMode | None" = None,
    sources: tuple[Document, ...] = (),
    max_claims: int | None = None,
) -> Iterator[Union["CheckedDocument", InputError]]:
    """The rules of `claimcheck check` over many inputs in `jobs` worker processes, in input order.

    Each input's configuration and review ledger are found here, in the parent (a broken
    configuration file raises `ConfigError` as it is met, a broken ledger is an error for
    its draft); extraction and the rules run in the workers. `sources` are the documents
    given with --against; `max_claims`, when given, wins over each configuration's.
    """
    from .check.engine import LedgerMode, ledger_for
    from .ledger import LedgerError

    ledgers = ledgers or LedgerMode.AUTO

    broken: list[ClaimcheckError] = []

    def jobs_of() -> Iterator[Union[_CheckJob, InputError]]:
        for item in inputs:
            if isinstance(item, InputError):
                yield item
                continue
            try:
                settings = finder.for_path(None if item.source.startswith("<") else item.source)
            except ClaimcheckError as error:  # raised in its place, once the inputs before it are out
                broken.append(error)
                return
            path = None if item.source.startswith("<") else item.source
            required = ledgers is LedgerMode.REQUIRED or settings.ledger_required(path)
            try:
                ledger = ledger_for(item.source, LedgerMode.REQUIRED if required else LedgerMode.AUTO)
            except LedgerError as exc:
                yield InputError(exc.path, exc.reason)
                continue
            chosen = settings.day_first if day_first is None else day_first
            cap = max_claims or settings.max_claims
            yield _CheckJob(item.source, item.text, settings, reference_date, chosen, ledger, sources, cap)

    count = usable_cores() if jobs is None else jobs
    yield from map_in_order(_check_job, jobs_of(), jobs=count, size=_text_size,
                             preload=[*_PRELOAD, "claimcheck.check"], in_process_first=IN_PROCESS_FIRST)
    if broken:
        raise broken[0]


def _text_size(job: Any) -> int:
    return len(job.text)


__all__ = ["CHUNK_CHARS", "CHUNK_ITEMS", "IN_PROCESS_FIRST", "ExtractionError", "WorkerError", "check_many", "extract_many", "map_in_order", "usable_cores"]
