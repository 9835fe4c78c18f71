"""Report: documents to tables, JSON, JSON lines, CSV or Markdown.

Every reporter has the same four calls, so documents can be written as they finish:
`start()`, `document(doc)` for each, `error(exc)` for each input that failed, `finish()`.
"""
from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Protocol, TextIO

from ..errors import InputError
from ..model import Document
from .machine import SCHEMA_VERSION, CsvReporter, JsonLinesReporter, JsonReporter
from .markdown import MarkdownReporter

if TYPE_CHECKING:
    from rich.console import Console


class Format(str, enum.Enum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"


class Reporter(Protocol):
    def start(self) -> None: ...
    def document(self, doc: Document) -> None: ...
    def error(self, error: InputError) -> None: ...
    def finish(self) -> None: ...


def make_reporter(fmt: Format, out: TextIO, console: "Console | None" = None, group_by_source: bool = False) -> Reporter:
    """The reporter for `fmt`; `group_by_source` splits table and Markdown output by source."""
    if fmt is Format.TABLE:
        from .table import TableReporter

        if console is None:
            from rich.console import Console

            console = Console(file=out)
        return TableReporter(console, group_by_source)
    if fmt is Format.MARKDOWN:
        return MarkdownReporter(out, group_by_source)
    return {
        Format.JSON: JsonReporter,
        Format.JSONL: JsonLinesReporter,
        Format.CSV: CsvReporter,
    }[fmt](out)


def schema() -> dict:
    """The JSON Schema of `--format json` output (shipped as claimcheck/report/schema.json)."""
    import json
    from importlib.resources import files

    return json.loads(files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


__all__ = ["Format", "Reporter", "SCHEMA_VERSION", "make_reporter", "schema"]
