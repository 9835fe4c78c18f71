"""Report: documents to tables, JSON, JSON lines, CSV or Markdown.

Every reporter has the same four calls, so documents can be written as they finish:
`start()`, `document(doc)` for each, `error(exc)` for each input that failed, `finish()`.
The machine formats also take `rendered(text)`: a document's text made by `document_renderer`'s
function where the document was made (a worker process), so that the parent only writes.
"""
from __future__ import annotations

import enum
from functools import partial
from typing import TYPE_CHECKING, Callable, NamedTuple, Protocol, TextIO

from ..errors import InputError
from ..lazy import lazy_getattr
from ..model import Document

if TYPE_CHECKING:
    from rich.console import Console

    from .machine import SCHEMA_VERSION


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


class TextReporter(Reporter, Protocol):
    """A reporter that also takes a document's text made by `document_renderer`."""

    def rendered(self, text: str | bytes) -> None: ...


class Rendered(NamedTuple):
    """A document as its reporter writes it, and what the run's summary counts of it: text, or
    UTF-8 bytes where the output takes them (`report.machine.utf8_renderer`)."""

    text: str | bytes
    claims: int


def _render(text_of: Callable[[Document], str], doc: Document) -> Rendered:
    return Rendered(text_of(doc), len(doc.claims))


def _document_text(fmt: Format) -> Callable[[Document], str] | None:
    """The function that writes one document, for the formats whose reporter writes each on its own."""
    from .machine import document_json, document_lines, document_rows

    return {Format.JSON: document_json, Format.JSONL: document_lines, Format.CSV: document_rows}.get(fmt)


def document_renderer(fmt: Format) -> Callable[[Document], Rendered] | None:
    """`fmt`'s text of one document, by a function a worker process can run (it pickles by name);
    its reporter then takes the text with `rendered(text)`. None where the reporter needs the
    document itself (table, Markdown)."""
    text_of = _document_text(fmt)
    return None if text_of is None else partial(_render, text_of)


def make_reporter(fmt: Format, out: TextIO, console: "Console | None" = None, group_by_source: bool = False) -> Reporter:
    """The reporter for `fmt`; `group_by_source` splits table and Markdown output by source."""
    if fmt is Format.TABLE:
        from .table import TableReporter

        if console is None:
            from rich.console import Console

            console = Console(file=out)
        return TableReporter(console, group_by_source)
    if fmt is Format.MARKDOWN:
        from .markdown import MarkdownReporter

        return MarkdownReporter(out, group_by_source)
    from .machine import CsvReporter, JsonLinesReporter, JsonReporter

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


# The machine formats (json, csv) are imported on first use: `claimcheck check` and `--help` need
# only `Format` and the package of the findings reporters.
__getattr__ = lazy_getattr(__name__, {"SCHEMA_VERSION": ".machine"}, globals())

__all__ = ["Format", "Rendered", "Reporter", "SCHEMA_VERSION", "TextReporter", "document_renderer", "make_reporter", "schema"]
