"""Reporters for programs: JSON, JSON lines and CSV. Formats are documented in the README."""
from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from ..errors import InputError
from ..model import Claim, Document
from .safe import csv_cell, json_text

SCHEMA_VERSION = 1


def _dumps(obj: Any) -> str:
    return json_text(json.dumps(obj, ensure_ascii=False))


class JsonReporter:
    """`{"schema_version": 1, "documents": [...], "errors": [...]}`, written as documents finish."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        self.errors: list[dict[str, str]] = []

    def start(self) -> None:
        self.out.write(f'{{"schema_version": {SCHEMA_VERSION}, "documents": [')

    def document(self, doc: Document) -> None:
        self.out.write((",\n" if self.count else "\n") + _dumps(doc.to_dict()))
        self.count += 1
        self.out.flush()

    def error(self, error: InputError) -> None:
        self.errors.append({"source": error.source, "message": error.reason})

    def finish(self) -> None:
        self.out.write("\n], \"errors\": " + _dumps(self.errors) + "}\n")
        self.out.flush()


class JsonLinesReporter:
    """One claim per line, each with its document's source and reference date."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        ref = doc.reference_date.isoformat() if doc.reference_date else None
        for claim in doc.claims:
            row = {"document": doc.source, "reference_date": ref, **claim.to_dict()}
            self.out.write(_dumps(row) + "\n")
        self.out.flush()

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        pass


CSV_COLUMNS = (
    "document", "id", "line", "column", "kind", "text", "value", "value_high", "qualifier", "vague",
    "unit", "subject", "date", "date_start", "date_end", "source", "source_mention", "cue", "quoted",
    "sentence",
)


def neutralise(cell: str) -> str:
    """Keep a spreadsheet from reading a cell of document text as a formula (see `safe.csv_cell`)."""
    return csv_cell(cell)


def csv_row(doc: Document, claim: Claim) -> list[Any]:
    date, source = claim.date, claim.source
    text_cells = [
        doc.source, claim.id, claim.line, claim.column, claim.kind.value, claim.text,
        "" if claim.value is None else claim.value,
        "" if claim.value_high is None else claim.value_high,
        claim.qualifier, str(claim.vague).lower(), claim.unit or "", claim.subject or "",
        (date.value or "") if date else "",
        date.start.isoformat() if date and date.start else "",
        date.end.isoformat() if date and date.end else "",
        source.name if source else "", source.mention if source else "", source.cue if source else "",
        str(source.quoted).lower() if source else "", " ".join(claim.sentence.split()),
    ]
    return [neutralise(c) if isinstance(c, str) else c for c in text_cells]


class CsvReporter:
    """A header and one row per claim, for spreadsheets."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.writer = csv.writer(out, lineterminator="\n")

    def start(self) -> None:
        self.writer.writerow(CSV_COLUMNS)

    def document(self, doc: Document) -> None:
        for claim in doc.claims:
            self.writer.writerow(csv_row(doc, claim))
        self.out.flush()

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        pass
