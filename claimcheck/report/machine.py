"""Reporters for programs: JSON, JSON lines and CSV. Formats are documented in the README."""
from __future__ import annotations

import codecs
import csv
import io
import datetime as dt
import json
import os
from functools import partial
from typing import Any, BinaryIO, Callable, Iterable, TextIO, TypeVar

from ..errors import InputError
from ..model import Claim, DateValue, Document, Kind, Source
from .safe import csv_cell, json_text

SCHEMA_VERSION = 1

R = TypeVar("R")


def _dumps(obj: Any) -> str:
    return json_text(json.dumps(obj, ensure_ascii=False))


# A document's JSON is written here without building `Document.to_dict()`: the same text,
# field by field (keep these in step with the `to_dict` methods of claimcheck.model), with
# each distinct string encoded once per document (a sentence stands in every claim in it).
# `json_text` changes single characters only, so it can be applied to each piece.
# Records are f-strings, not `template % values`: an f-string joins its pieces in one
# allocation of the final width, where `%` parses the template again for every record and
# widens what it has written so far when a non-Latin-1 sentence comes (a third of them).
_encode_string = json.encoder.encode_basestring  # what json.dumps writes for a str, ensure_ascii=False
_KIND_JSON = {kind: _dumps(kind.value) for kind in Kind}
_UNSET = object()


def _value(value: Any) -> str:
    """One value as `_dumps` writes it; the common types without a call into json."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0:  # finite: json writes NaN and Infinity its own way
        return float.__repr__(value)
    if kind is str:
        encoded = _encode_string(value)
        return encoded if encoded.isascii() else json_text(encoded)
    return _dumps(value)


def _text(value: Any, strings: dict[str, str]) -> str:
    """`_value` of a string field, encoded once per document."""
    if type(value) is not str:
        return _value(value)
    encoded = strings.get(value)
    if encoded is None:
        encoded = strings[value] = _value(value)
    return encoded


def _date_json(date: DateValue, strings: dict[str, str]) -> str:
    if type(date) is not DateValue:
        return _dumps(date.to_dict() if date else None)
    start, end = date.start, date.end
    start_json = f'"{start.isoformat()}"' if type(start) is dt.date else _value(start.isoformat()) if start else "null"
    end_json = f'"{end.isoformat()}"' if type(end) is dt.date else _value(end.isoformat()) if end else "null"
    return f'{{"value": {_text(date.value, strings)}, "start": {start_json}, "end": {end_json}, "anchored": {_value(date.anchored)}}}'


def _source_json(source: Source, strings: dict[str, str]) -> str:
    if type(source) is not Source:
        return _dumps(source.to_dict() if source else None)
    return (
        f'{{"name": {_text(source.name, strings)}, "mention": {_text(source.mention, strings)}, '
        f'"cue": {_text(source.cue, strings)}, "quoted": {_value(source.quoted)}}}'
    )


def _once(shared: dict[int, str], value: Any, write: Callable[[Any, dict[str, str]], str], strings: dict[str, str]) -> str:
    """`write(value)`, kept by identity in `shared` for the other claims that hold the same
    source or date."""
    text = shared[id(value)] = write(value, strings)
    return text


def claims_json(claims: Iterable[Claim], head: str, tail: str, out: list[str], first: str | None = None) -> list[str]:
    """`out` with `_dumps(claim.to_dict())` of each claim of one document appended, its braces replaced
    by `head` (`first` for the first claim, if given) and `tail` (JSON lines put the document's fields
    after the opening brace, and a line break after the closing one; a document puts the separator
    in `head`, so that its whole text is one join of `out`, each record copied once more only).

    One loop with the common cases tested inline, as this runs once per claim: an int goes
    into the record as it is (an f-string writes it as json does), an ASCII string needs no
    `json_text` after its encoding; a sentence is encoded once for the run of claims in it,
    a string that comes back (a unit, a cue) once per document; a source or a date, shared
    by the claims of a speaker or of one day, is written once (kept by identity: the claims
    hold them all while this runs).
    """
    strings: dict[str, str] = {}
    shared: dict[int, str] = {}  # the JSON of a source or a date, by identity
    last_sentence: object = _UNSET
    sentence_json = ""
    next_head, head = head, head if first is None else first
    append = out.append  # a record in three pieces: the sentence (long, often not ASCII) widens no record
    for claim in claims:
        kind, start, end, line, column = claim.kind, claim.start, claim.end, claim.line, claim.column
        value, high, vague, unit, subject = claim.value, claim.value_high, claim.vague, claim.unit, claim.subject
        id_, text, qualifier, sentence, date, source = claim.id, claim.text, claim.qualifier, claim.sentence, claim.date, claim.source
        if sentence is not last_sentence:
            last_sentence, sentence_json = sentence, _value(sentence)
        source_json = "null" if source is None else shared.get(id(source)) or _once(shared, source, _source_json, strings)
        date_json = "null" if date is None else shared.get(id(date)) or _once(shared, date, _date_json, strings)
        append(
            f'{head}"id": {_encode_string(id_) if type(id_) is str and id_.isascii() else _value(id_)}, '
            f'"kind": {_KIND_JSON[kind] if type(kind) is Kind else _value(kind.value)}, '
            f'"text": {_encode_string(text) if type(text) is str and text.isascii() else _value(text)}, '
            f'"start": {start if type(start) is int else _value(start)}, '
            f'"end": {end if type(end) is int else _value(end)}, '
            f'"line": {line if type(line) is int else _value(line)}, '
            f'"column": {column if type(column) is int else _value(column)}, '
            f'"value": {"null" if value is None else value if type(value) is int else _value(value)}, '
            f'"value_high": {"null" if high is None else high if type(high) is int else _value(high)}, '
            f'"qualifier": {(type(qualifier) is str and strings.get(qualifier)) or _text(qualifier, strings)}, '
            f'"vague": {"false" if vague is False else _value(vague)}, '
            f'"unit": {"null" if unit is None else (type(unit) is str and strings.get(unit)) or _text(unit, strings)}, '
            f'"subject": {"null" if subject is None else (type(subject) is str and strings.get(subject)) or _text(subject, strings)}, '
            f'"date": {date_json}, "sentence": '
        )
        append(sentence_json)
        append(f', "source": {source_json}{tail}')
        head = next_head
    return out


def document_json(doc: Document) -> str:
    """`_dumps(doc.to_dict())`, each distinct string encoded once."""
    ref = doc.reference_date
    opening = (
        f'{{"source": {_value(doc.source)}, "reference_date": {_value(ref.isoformat()) if ref else "null"}, '
        f'"reference_date_origin": {_value(doc.reference_date_origin.value)}, "metadata": {_dumps(dict(doc.metadata))}, '
        '"claims": ['
    )
    out = claims_json(doc.claims, ", {", "}", [opening], "{")
    out.append("]}")
    return "".join(out)


def document_lines(doc: Document) -> str:
    """The JSON lines of a document: a line per claim, each `{"document", "reference_date", **claim.to_dict()}`."""
    ref = doc.reference_date.isoformat() if doc.reference_date else None
    return "".join(claims_json(doc.claims, f'{{"document": {_value(doc.source)}, "reference_date": {_value(ref)}, ', "}\n", []))


def utf8_stream(out: TextIO) -> BinaryIO | None:
    """The byte stream under `out` if UTF-8 bytes written there come out as `out` would write their
    text: a UTF-8 `io.TextIOWrapper` where "\\n" is the line separator (it translates none)."""
    if type(out) is not io.TextIOWrapper or os.linesep != "\n" or codecs.lookup(out.encoding).name != "utf-8":
        return None
    return out.buffer


def utf8_renderer(render: Callable[[Document], R] | None, out: TextIO) -> Callable[[Document], R] | None:
    """`render` (from `report.document_renderer`), its text made UTF-8 where it is made, when `out` takes
    bytes (`utf8_stream`). In a worker the text is encoded to UTF-8 for the trip back anyway (pickle
    does it); as bytes, the parent, which receives every worker's output, writes it as it comes
    instead of decoding it and encoding it again."""
    if render is None or utf8_stream(out) is None:
        return render
    return partial(_utf8_rendered, render)


def _utf8_rendered(render: Callable[[Document], Any], doc: Document) -> Any:
    rendered = render(doc)
    try:
        return rendered._replace(text=rendered.text.encode())
    except UnicodeEncodeError:  # a lone surrogate, should a format keep one: written as text, as the stream decides
        return rendered


def _write(out: TextIO, text: str | bytes) -> None:
    if type(text) is bytes:
        _write_bytes(out, text)
    else:
        out.write(text)
        out.flush()


def _write_bytes(out: TextIO, data: bytes) -> None:
    """`data` under `out`'s text layer, flushed first so that what was written as text comes before it."""
    out.flush()
    buffer = out.buffer  # type: ignore[attr-defined]
    buffer.write(data)
    buffer.flush()


class JsonReporter:
    """`{"schema_version": 1, "documents": [...], "errors": [...]}`, written as documents finish."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        self.errors: list[dict[str, str]] = []

    def start(self) -> None:
        self.out.write(f'{{"schema_version": {SCHEMA_VERSION}, "documents": [')

    def document(self, doc: Document) -> None:
        self.rendered(document_json(doc))

    def rendered(self, text: str | bytes) -> None:
        """Write a document's `document_json`, made elsewhere (a worker process), as text or as UTF-8 (`utf8_renderer`)."""
        separator = ",\n" if self.count else "\n"
        if type(text) is bytes:
            _write_bytes(self.out, separator.encode() + text)
        else:
            self.out.write(separator)  # not `separator + text`: a copy of the whole document
            self.out.write(text)
            self.out.flush()
        self.count += 1

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
        self.rendered(document_lines(doc))

    def rendered(self, text: str | bytes) -> None:
        """Write a document's `document_lines`, made elsewhere (a worker process), as text or as UTF-8 (`utf8_renderer`)."""
        _write(self.out, text)

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


def document_rows(doc: Document) -> str:
    """The CSV rows of a document's claims, as `CsvReporter` writes them after its header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([csv_row(doc, claim) for claim in doc.claims])
    return buffer.getvalue()


class CsvReporter:
    """A header and one row per claim, for spreadsheets."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.writer = csv.writer(out, lineterminator="\n")

    def start(self) -> None:
        self.writer.writerow(CSV_COLUMNS)

    def document(self, doc: Document) -> None:
        self.rendered(document_rows(doc))

    def rendered(self, text: str | bytes) -> None:
        """Write a document's `document_rows`, made elsewhere (a worker process), as text or as UTF-8 (`utf8_renderer`)."""
        _write(self.out, text)

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        pass
