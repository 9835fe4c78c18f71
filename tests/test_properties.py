"""Whatever text comes in, the output is valid: property-based tests with hypothesis.

Bounded in CI (the `ci` profile in conftest.py, 965 examples in all);
`CLAIMCHECK_HYPOTHESIS_PROFILE=long` runs 20,000 examples a property (CLAIMCHECK_HYPOTHESIS_EXAMPLES
to change it; the command-line and check properties are capped lower, they are slower).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from typing import Callable

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import claimcheck
from claimcheck.check import RULES, check_text
from claimcheck.cli import app
from claimcheck.errors import InputError
from claimcheck.load import LineIndex, decode
from claimcheck.model import Kind
from claimcheck.report import Format, make_reporter, schema
from claimcheck.report.ci import FindingsFormat, make_findings_reporter, sarif_schema

VALIDATOR = jsonschema.Draft202012Validator(schema())
SARIF_VALIDATOR = jsonschema.Draft202012Validator(sarif_schema()) if "2020-12" in sarif_schema().get("$schema", "") else jsonschema.Draft7Validator(sarif_schema())
CLI = CliRunner()
LONG = os.environ.get("CLAIMCHECK_HYPOTHESIS_PROFILE") == "long"


def examples(ci: int, long: int | None = None) -> settings:
    """`ci` examples in the suite; in the long profile its count, at most `long` for the slow properties."""
    if not LONG:
        return settings(max_examples=ci)
    return settings(max_examples=min(long or settings.default.max_examples, settings.default.max_examples))


# News-like pieces, so generated text reaches the extractors' interesting paths (numbers,
# dates, quotes, attribution, markup), mixed with hostile ones.
NEWS = [
    "Some 800 soldiers", " said Tuesday", "$1.2 billion", "between 10 and 15%", "\u201cWe", "\u201d", '"', "'",
    " according to officials.", "March 1, 2023", "the 40-year-old", "hundreds of", " per cent", "1,200 residents",
    "3.5 million", "last week", "2023-03-01", "03/01/2023", "rose from 40 to 50, a 20% increase", "Ana Ruiz said",
    ", officials said.", "fell from 1,200 to 1,500", "Tuesday, March 1, 2023", "February 30", "Q3 2023",
    "the 1990s", "two-thirds", "one", "Mr.", "U.S.", "(", ")", "-", "\u2014", ".", " ", "\n\n", "\r\n", "**", "`",
    "<!--", "-->", "<!-- claimcheck: ignore -->", "[x](http://e.org/5)", "---\ndate: 2023-03-01\n---\n", "# ",
]
HOSTILE = [
    "\x00", "\ud800", "\udcff", "\u200f", "\u202e", "\u2067", "\u200d", "e\u0301", "\u0308", "\u0667\u0660",
    "\u06f7\u06f0", "\u0967\u0966", "\uff17\uff10", "\U0001F44D\U0001F3FD", "\U0001F468\u200d\U0001F469\u200d\U0001F467",
    "\U0001F1FA\U0001F1E6", "\ufeff", "\u2028", "\x85", "\x1b[2J", "\x1b]8;;http://evil\x07click\x1b]8;;\x07", "\x07",
    "\x9b", "[bold]", "[link=file:///etc/passwd]x[/link]", '=HYPERLINK("http://evil")', "|", "::error::", "%0A",
    "\r", "\t", "{0}", "\\", "##vso[", "\x7f",
]
CHARACTERS = st.one_of(st.characters(), st.characters(categories=["Cs"]))
TEXT = st.one_of(
    st.text(CHARACTERS, max_size=300),
    st.lists(st.one_of(st.sampled_from(NEWS), st.sampled_from(HOSTILE), st.text(CHARACTERS, max_size=8)), max_size=40).map("".join),
)
SOURCE = st.one_of(st.just("story.md"), st.text(CHARACTERS, min_size=1, max_size=20), st.sampled_from(HOSTILE))
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def written(write: Callable[[io.TextIOBase], None]) -> str:
    """What a reporter writes to a strict UTF-8 stream, as standard output is: a lone surrogate would raise."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
    write(stream)
    stream.flush()
    return raw.getvalue().decode("utf-8")


def report(fmt: Format, doc: claimcheck.Document) -> str:
    def write(stream: io.TextIOBase) -> None:
        console = None
        if fmt is Format.TABLE:
            from rich.console import Console

            console = Console(file=stream, force_terminal=False, color_system=None, width=160)
        reporter = make_reporter(fmt, stream, console)  # type: ignore[arg-type]
        reporter.start()
        reporter.document(doc)
        reporter.finish()

    return written(write)


def check_document(text: str, doc: claimcheck.Document) -> None:
    lines = LineIndex(text)
    for claim in doc.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        assert (claim.line, claim.column) == lines.position(claim.start)
    data = json.loads(report(Format.JSON, doc))
    VALIDATOR.validate(data)
    assert len(data["documents"][0]["claims"]) == len(doc.claims)


@examples(300)
@given(TEXT)
def test_any_text_gives_valid_claims(text: str) -> None:
    check_document(text, claimcheck.extract(text))


@examples(100)
@given(TEXT, st.dates(), st.booleans(), st.sets(st.sampled_from(list(Kind))))
def test_any_text_with_any_reference_date_and_options(text: str, day, day_first: bool, kinds) -> None:
    doc = claimcheck.extract(text, reference_date=day, day_first=day_first, kinds=kinds or None)
    check_document(text, doc)
    assert not kinds or {c.kind for c in doc.claims} <= kinds


def markdown_cells(line: str) -> list[str]:
    return re.split(r"(?<!\\)\|", line)[1:-1]


@examples(150)
@given(TEXT, SOURCE)
def test_every_extract_format_is_well_formed(text: str, source: str) -> None:
    doc = claimcheck.extract(text, source=source)
    jsonl = report(Format.JSONL, doc).splitlines()  # every Unicode line break: U+2028 must not split a record
    assert len(jsonl) == len(doc.claims)
    for line, claim in zip(jsonl, doc.claims):
        row = json.loads(line)
        assert (row["id"], row["start"], row["end"]) == (claim.id, claim.start, claim.end)
    rows = list(csv.reader(io.StringIO(report(Format.CSV, doc), newline="")))
    assert len(rows) == 1 + len(doc.claims) and all(len(row) == len(rows[0]) for row in rows)
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row if cell and not _number(cell))
        assert not any(CONTROL.search(cell.replace("\r", "").replace("\t", "")) for cell in row)
    markdown = report(Format.MARKDOWN, doc)
    assert not TERMINAL_UNSAFE.search(markdown)
    table_rows = [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| Line |")]
    assert len(table_rows) == len(doc.claims) and all(len(markdown_cells(line)) == 7 for line in table_rows)
    table = report(Format.TABLE, doc)
    assert not TERMINAL_UNSAFE.search(table)
    assert "\x1b" not in table


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@examples(100, long=5_000)
@given(TEXT, SOURCE)
def test_check_findings_and_every_check_format_are_well_formed(text: str, source: str) -> None:
    findings = check_text(text, source=source)
    lines = LineIndex(text)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert (f.line, f.column) == lines.position(f.start)
        assert (f.line, f.column) <= (f.end_line, f.end_column)

    def run(fmt: FindingsFormat) -> str:
        def write(stream: io.TextIOBase) -> None:
            reporter = make_findings_reporter(fmt, stream, RULES)  # type: ignore[arg-type]
            reporter.start()
            reporter.document(source, findings)
            reporter.finish()

        return written(write)

    github = run(FindingsFormat.GITHUB).splitlines()
    assert len(github) == len(findings) and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in github)
    text_lines = run(FindingsFormat.TEXT).splitlines()
    assert len(text_lines) == len(findings)
    assert not any(line.lstrip().startswith("::") or "##vso[" in line or TERMINAL_UNSAFE.search(line) for line in text_lines)
    SARIF_VALIDATOR.validate(json.loads(run(FindingsFormat.SARIF)))
    assert len(json.loads(run(FindingsFormat.GITLAB))) == len(findings)
    assert json.loads(run(FindingsFormat.JSON))["summary"]["findings"] == len(findings)


@examples(100)
@given(st.binary(max_size=400) | st.lists(st.one_of(st.sampled_from(NEWS), st.sampled_from(HOSTILE))).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")))
def test_bytes_read_with_surrogateescape_give_valid_output(data: bytes) -> None:
    """Bytes decoded as a program reading anything might decode them: every report still writes."""
    text = data.decode("utf-8", "surrogateescape")
    doc = claimcheck.extract(text, source=os.fsdecode(b"caf\xe9.md"))
    check_document(text, doc)
    for fmt in Format:
        report(fmt, doc)


BYTES = st.one_of(
    st.binary(max_size=400),
    st.lists(st.one_of(st.sampled_from(NEWS), st.sampled_from(HOSTILE)), max_size=30).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    ),
    st.lists(st.one_of(st.sampled_from(NEWS).map(str.encode), st.binary(max_size=3)), max_size=30).map(b"".join),
)


@examples(200)
@given(BYTES, st.sampled_from([None, "utf-8", "cp1252", "latin-1", "utf-16", "utf-16-le", "shift_jis"]), st.sampled_from(["strict", "replace"]))
def test_any_bytes_decode_or_give_one_line_naming_the_file(data: bytes, encoding, errors: str) -> None:
    try:
        text = decode(data, "draft.md", encoding, errors)
    except InputError as exc:
        message = str(exc)
        assert message.startswith("draft.md: ") and "\n" not in message
        assert any(words in message for words in ("byte offset", "binary data", "empty document"))
        if "byte offset" in message:
            assert errors == "strict"
        return
    check_document(text, claimcheck.extract(text))


@examples(15, long=1_000)
@given(BYTES)
def test_the_command_line_on_any_file_gives_valid_output(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "draft.md")
        with open(path, "wb") as handle:
            handle.write(data)
        result = CLI.invoke(app, ["extract", path, "--errors", "replace", "-f", "json"])
        assert result.exit_code in (0, 2), result.output
        VALIDATOR.validate(json.loads(result.stdout))
        assert len(result.stderr.splitlines()) <= 1 and "Traceback" not in result.output
        result = CLI.invoke(app, ["check", path, "--errors", "replace", "-f", "github"])
        assert result.exit_code in (0, 1, 2), result.output
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in result.stdout.splitlines())
        assert "Traceback" not in result.output
