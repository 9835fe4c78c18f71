"""Claims from an archive on a Dask cluster: the recipe of docs/dask.md, tested in tests/test_dask.py.

claimcheck is plain Python, so Dask is the engine: a `dask.bag` of file paths (or of JSON
records holding the text) is mapped through `claimcheck.extract` on the cluster's workers,
and the claims are written as JSON lines, each exactly as `claimcheck extract --format
jsonl` writes it, or as Parquet. Needs `pip install 'claimcheck[dask]'` (and
`claimcheck[parquet]` for Parquet).

    from dask.distributed import Client
    from claimcheck.contrib.dask import extract_paths, write_jsonl

    client = Client("tcp://scheduler:8786")        # or Client() for the cores of this machine
    outcomes = extract_paths(paths, reference_date=None).persist()
    write_jsonl(outcomes, "claims/")               # claims/0.jsonl, claims/1.jsonl, ...
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import dask.bag as db

from ..errors import InputError
from ..load import Input, read_file
from ..pipeline import extract
from ..report.machine import JsonLinesReporter

# Partitions of about this many inputs: each is one task, so a task is seconds of work, not milliseconds.
INPUTS_PER_PARTITION = 200


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input after extraction: its claims as JSON lines, or why it could not be read."""

    source: str
    lines: tuple[str, ...] = ()
    error: str | None = None


def _outcome(item: Input, options: Mapping[str, Any]) -> Outcome:
    document = extract(item.text, source=item.source, metadata=item.metadata.to_dict(), **options)
    buffer = io.StringIO()
    JsonLinesReporter(buffer).document(document)  # the very lines the command line writes
    return Outcome(item.source, tuple(buffer.getvalue().splitlines()))


def extract_file(path: str, options: Mapping[str, Any]) -> Outcome:
    """A file (Markdown, text or a saved page) as `claimcheck extract` reads it, extracted."""
    try:
        return _outcome(read_file(path), options)
    except InputError as error:  # sent back as text: exceptions with extra fields do not unpickle
        return Outcome(path, error=error.reason)


def extract_record(record: Mapping[str, Any], options: Mapping[str, Any], text: str = "text", source: str = "source") -> Outcome:
    """A JSON record holding an article's text (an archive exported as JSON lines), extracted."""
    return _outcome(Input(str(record[source]), str(record[text])), options)


def extract_paths(paths: Iterable[str | Path], partition_size: int = INPUTS_PER_PARTITION, **options: Any) -> db.Bag:
    """A bag of `Outcome`s, one per file, in the order of `paths`; `options` are those of `extract()`."""
    listed = [str(path) for path in paths]
    partitions = max(1, -(-len(listed) // partition_size))
    return db.from_sequence(listed, npartitions=partitions).map(extract_file, options)


def extract_records(pattern: str, text: str = "text", source: str = "source", **options: Any) -> db.Bag:
    """A bag of `Outcome`s from JSON-lines files (`pattern` may be a glob or a remote URL fsspec reads)."""
    return db.read_text(pattern).map(json.loads).map(extract_record, options, text=text, source=source)


def write_jsonl(outcomes: db.Bag, directory: str | Path) -> list[str]:
    """The claims as JSON lines, one file per partition (`directory/0.jsonl`, ...), in input order."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    lines = outcomes.map(lambda outcome: outcome.lines).flatten()
    return lines.to_textfiles(str(Path(directory) / "*.jsonl"), last_endline=True)


def errors(outcomes: db.Bag) -> list[tuple[str, str]]:
    """The inputs that could not be read, with why, as (source, reason)."""
    return outcomes.filter(lambda outcome: outcome.error is not None).map(lambda o: (o.source, o.error)).compute()


def parquet_schema() -> Any:
    """One row per claim, the fields of a JSON line; numbers as doubles so that every file agrees."""
    import pyarrow as pa

    date = pa.struct([("value", pa.string()), ("start", pa.string()), ("end", pa.string()), ("anchored", pa.bool_())])
    source = pa.struct([("name", pa.string()), ("mention", pa.string()), ("cue", pa.string()), ("quoted", pa.bool_())])
    return pa.schema([
        ("document", pa.string()), ("reference_date", pa.string()), ("id", pa.string()), ("kind", pa.string()),
        ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("line", pa.int64()),
        ("column", pa.int64()), ("value", pa.float64()), ("value_high", pa.float64()), ("qualifier", pa.string()),
        ("vague", pa.bool_()), ("unit", pa.string()), ("subject", pa.string()), ("date", date),
        ("sentence", pa.string()), ("source", source),
    ])


def _write_partition(outcomes: list[Outcome], directory: str, index: int) -> list[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for outcome in outcomes for line in outcome.lines]
    path = str(Path(directory) / f"part-{index:05d}.parquet")
    pq.write_table(pa.Table.from_pylist(rows, schema=parquet_schema()), path)
    return [path]


def write_parquet(outcomes: db.Bag, directory: str | Path) -> list[str]:
    """The claims as Parquet, one file per partition (`directory/part-00000.parquet`, ...); needs pyarrow."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    parts = outcomes.to_delayed()
    from dask import compute, delayed

    written = compute(*[delayed(_write_partition)(part, str(directory), i) for i, part in enumerate(parts)])
    return [path for paths in written for path in paths]


__all__ = [
    "INPUTS_PER_PARTITION", "Outcome", "errors", "extract_file", "extract_paths", "extract_record",
    "extract_records", "parquet_schema", "write_jsonl", "write_parquet",
]
