"""The JSON and JSON lines reports are exactly the documented `to_dict()` records.

The reporters write each document field by field for speed; these tests hold them to
`json.dumps` of `Document.to_dict()` / `Claim.to_dict()`, byte for byte, on every sample
article and on values that need care (non-ASCII, line separators, lone surrogates, NaN).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math
from pathlib import Path

import pytest

import claimcheck
from claimcheck.model import DateValue
from claimcheck.report import Format, document_renderer
from claimcheck.report.machine import CsvReporter, JsonLinesReporter, JsonReporter, utf8_renderer, utf8_stream
from claimcheck.report.safe import json_text

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(p for p in [*ROOT.glob("data/*"), *(ROOT / "tests" / "data").rglob("*.md")] if p.is_file())


def _dumps(obj: object) -> str:
    return json_text(json.dumps(obj, ensure_ascii=False))


def _report(reporter_class: type, doc: claimcheck.Document) -> str:
    out = io.StringIO()
    reporter = reporter_class(out)
    reporter.start()
    reporter.document(doc)
    reporter.finish()
    return out.getvalue()


def _expected(doc: claimcheck.Document) -> tuple[str, str]:
    whole = '{"schema_version": 1, "documents": [\n' + _dumps(doc.to_dict()) + '\n], "errors": []}\n'
    ref = doc.reference_date.isoformat() if doc.reference_date else None
    lines = "".join(_dumps({"document": doc.source, "reference_date": ref, **c.to_dict()}) + "\n" for c in doc.claims)
    return whole, lines


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_reports_are_the_documented_records(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: a hostile-input sample")
    doc = claimcheck.extract(text, source=str(path.relative_to(ROOT)))
    whole, lines = _expected(doc)
    assert _report(JsonReporter, doc) == whole
    assert _report(JsonLinesReporter, doc) == lines


def test_values_that_need_care_are_written_as_json_dumps_writes_them():
    doc = claimcheck.extract(
        "Le maire a dit que 1\u2028200 personnes, soit « 40 % », étaient là le 3 mars 2024.\n\n"
        "Officials said 5,000 \ud800 people came, up from 4,000 on Tuesday.",
        reference_date="2024-03-08",
        source="odd\u2029name.md",
        metadata={"title": "caf\u00e9 \u0085", "n": 1},
    )
    assert doc.claims
    first = doc.claims[0]
    odd = dataclasses.replace(
        doc,
        claims=(
            *doc.claims,
            dataclasses.replace(first, value=math.nan, value_high=1e300, unit="m\u00b2", subject="\"quoted\"\\"),
            dataclasses.replace(first, value=2.5, vague=True, qualifier="\u2028"),
            # ASCII that still needs escapes, and the sentence and source of another claim.
            dataclasses.replace(first, id='a"b\n', text="x\x01y\\", sentence=doc.claims[-1].sentence),
            dataclasses.replace(first, text="\u2029", source=doc.claims[-1].source or first.source),
            # The date of another claim (written once, kept by identity), and one of its own.
            dataclasses.replace(first, date=next(c.date for c in doc.claims if c.date)),
            dataclasses.replace(first, date=DateValue("2024-03", dt.date(2024, 3, 1), dt.date(2024, 3, 31), True)),
        ),
    )
    for each in (doc, odd):
        whole, lines = _expected(each)
        assert _report(JsonReporter, each) == whole
        assert _report(JsonLinesReporter, each) == lines
        json.loads(whole)


@pytest.mark.parametrize("fmt", [Format.JSON, Format.JSONL, Format.CSV])
def test_documents_rendered_as_utf8_are_written_as_their_text_would_be(fmt: Format):
    """`utf8_renderer` makes a document's text UTF-8 bytes for a UTF-8 stream, which the reporter writes
    under the text layer: the same bytes as the text, in the same place (after what start() wrote)."""
    doc = claimcheck.extract(
        "Le maire a dit que 1 200 personnes, soit « 40 % », étaient là le 3 mars 2024.\n\n"
        "Officials said 5,000 people came, up from 4,000 on Tuesday, \u2014 the mayor said.",
        reference_date="2024-03-08",
        source="caf\u00e9.md",
    )
    reporter_class = {Format.JSON: JsonReporter, Format.JSONL: JsonLinesReporter, Format.CSV: CsvReporter}[fmt]
    render = document_renderer(fmt)
    assert render is not None
    written = {}
    for how in ("text", "bytes"):
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="\n")
        reporter = reporter_class(out)
        chosen = utf8_renderer(render, out) if how == "bytes" else render
        reporter.start()
        for _ in range(2):
            rendered = chosen(doc)
            assert isinstance(rendered.text, bytes if how == "bytes" else str)
            reporter.rendered(rendered.text)
        reporter.finish()
        out.flush()
        written[how] = raw.getvalue()
    assert written["bytes"] == written["text"]
    with io.TextIOWrapper(io.BytesIO(), encoding="utf-8") as plain:
        assert utf8_stream(plain) is plain.buffer


def test_streams_that_would_not_write_utf8_bytes_as_given_get_text():
    render = document_renderer(Format.JSONL)
    for out in (io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding="latin-1"), io.TextIOWrapper(io.BytesIO(), encoding="utf-16")):
        assert utf8_stream(out) is None
        assert utf8_renderer(render, out) is render
    assert utf8_renderer(None, io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) is None


def test_a_report_of_several_documents_is_the_documented_json():
    """Documents with no claim, one claim and many, one after another: the separators between
    documents and between claims (a document is one join of its opening and its records)."""
    docs = [
        claimcheck.extract("Nothing to count here.", source="none.md"),
        claimcheck.extract("Officials said 5,000 people came.", source="one.md", reference_date="2024-03-08"),
        claimcheck.extract(
            "Officials said 5,000 people came, up from 4,000 on Tuesday.\n\nLe maire a dit 1 200 personnes, soit « 40 % ».",
            source="many.md",
        ),
    ]
    assert [len(d.claims) for d in docs][:2] == [0, 1] and len(docs[2].claims) > 2
    out = io.StringIO()
    reporter = JsonReporter(out)
    reporter.start()
    for doc in docs:
        reporter.document(doc)
    reporter.finish()
    body = ",\n".join(_dumps(d.to_dict()) for d in docs)
    assert out.getvalue() == '{"schema_version": 1, "documents": [\n' + body + '\n], "errors": []}\n'
    assert [len(d["claims"]) for d in json.loads(out.getvalue())["documents"]] == [len(d.claims) for d in docs]
