"""Output safety: one test per rule, each showing an attack string from a document arrive inert.

The rules are listed in docs/security.md. Document text, sources and file names come from
anyone; whatever they hold must not drive the terminal, a spreadsheet, a Markdown
review or a CI runner.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import claimcheck
from claimcheck.cli import Environment, run_extract
from claimcheck.model import Finding, Severity
from claimcheck.report import Format, make_reporter
from claimcheck.report.ci import FindingsFormat, make_findings_reporter, sarif_schema
from claimcheck.check import RULES

LINK_MARKUP = "[link=file:///etc/passwd]x[/link]"
BOLD_MARKUP = "[bold red]Loud[/]"
OSC8 = "\x1b]8;;http://evil\x07click\x1b]8;;\x07"
CLEAR = "\x1b[2J"
BELL = "\x07"
CSI_C1 = "\x9b2J"
FORMULA = '=HYPERLINK("http://evil","x")'

HOSTILE_STORY = (
    f"Officials said {LINK_MARKUP} some 800 soldiers | died on March 1, 2023.\n\n"
    f"Ana Ruiz, the {OSC8} mayor, said 5,000 {CLEAR} residents {BOLD_MARKUP} left {BELL}{CSI_C1}.\n"
)
# What rich itself writes on a colour terminal: SGR styles and nothing else.
RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")


def utf8_stream() -> tuple[io.TextIOWrapper, io.BytesIO]:
    """A strict UTF-8 text stream, as standard output is: writing a lone surrogate fails."""
    raw = io.BytesIO()
    return io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline=""), raw


def render(fmt: Format, doc: claimcheck.Document, *, console_terminal: bool = False) -> str:
    stream, raw = utf8_stream()
    console = None
    if fmt is Format.TABLE:
        from rich.console import Console

        console = Console(file=stream, force_terminal=console_terminal, color_system="truecolor" if console_terminal else None, width=200)
    reporter = make_reporter(fmt, stream, console)
    reporter.start()
    reporter.document(doc)
    reporter.finish()
    stream.flush()
    return raw.getvalue().decode("utf-8")


def finding(message: str, source: str = "draft.md") -> Finding:
    return Finding(
        code="CC003", name="inconsistent-figure", severity=Severity.WARNING, message=message, source=source,
        line=3, column=5, end_line=3, end_column=9, start=20, end=24, claim_id="0" * 16, fingerprint="f" * 16,
    )


def render_findings(fmt: FindingsFormat, findings: list[Finding]) -> str:
    stream, raw = utf8_stream()
    reporter = make_findings_reporter(fmt, stream, RULES)
    reporter.start()
    reporter.document(findings[0].source, findings)
    reporter.finish()
    stream.flush()
    return raw.getvalue().decode("utf-8")


@pytest.fixture(scope="module")
def hostile_doc() -> claimcheck.Document:
    doc = claimcheck.extract(HOSTILE_STORY, source=f"story{OSC8}.md")
    assert len(doc.claims) >= 3
    return doc


# The table (rich), on a colour terminal


def flat(table: str) -> str:
    """The table's text without styles, borders and white space, however rich wrapped the cells."""
    return re.sub(r"[\s\u2500-\u257f]", "", RICH_SGR.sub("", table))


def test_table_shows_rich_markup_in_a_document_as_text(hostile_doc):
    shown = render(Format.TABLE, hostile_doc, console_terminal=True)
    assert "\x1b]8;" not in shown  # no hyperlink was made of it
    assert LINK_MARKUP in flat(shown)
    assert BOLD_MARKUP.replace(" ", "") in flat(shown)


def test_table_drops_escape_sequences_bell_and_c1_controls(hostile_doc):
    shown = render(Format.TABLE, hostile_doc, console_terminal=True)
    without_styles = RICH_SGR.sub("", shown)
    assert "\x1b" not in without_styles  # no clear screen, no OSC 8 link: only rich's own colours
    assert BELL not in shown
    assert "\x9b" not in shown
    assert "click" in without_styles  # the text around them is still shown


def test_table_title_shows_an_odd_file_name_visibly(hostile_doc):
    shown = RICH_SGR.sub("", render(Format.TABLE, hostile_doc, console_terminal=True))
    assert "story\\x1b]8;;http://evil\\x07click" in shown


def test_show_text_on_a_terminal_names_the_file_visibly(tmp_path: Path):
    for name in ("a.md", f"b{CLEAR}.md"):
        (tmp_path / name).write_text(HOSTILE_STORY + "Open report\u202egpj.exe now.\n", encoding="utf-8")
    out = io.StringIO()
    env = Environment(stdin=io.BytesIO(), stdout=out, stderr=io.StringIO(), stdout_is_terminal=True, stderr_is_terminal=False, no_color=True)
    run_extract(env, [str(tmp_path)], None, None, None, False, show_text=True)
    shown = out.getvalue()
    assert "\x1b" not in shown and BELL not in shown and "\u202e" not in shown
    assert "b\\x1b[2J.md <==" in shown
    assert "report\ufffdgpj.exe" in shown  # one character for one: offsets still match


# Messages on standard error


def test_error_message_shows_escapes_in_a_file_name_instead_of_running_them(tmp_path: Path):
    missing = f"{tmp_path}/gone{OSC8}\n::error::pwned.md"
    err = io.StringIO()
    env = Environment(stdin=io.BytesIO(), stdout=io.StringIO(), stderr=err, stdout_is_terminal=False, stderr_is_terminal=False, no_color=True)
    run_extract(env, [missing], Format.JSON, None, None, False)
    said = err.getvalue()
    assert "\x1b" not in said and BELL not in said
    assert said.count("\n") == 1  # one line: the name's line break cannot start a `::error::` command
    assert "gone\\x1b]8;;http://evil\\x07click" in said and "\\n::error::pwned.md" in said


def test_console_script_error_for_a_name_with_escapes_is_one_inert_line(tmp_path: Path):
    script = Path(sys.executable).with_name("claimcheck")
    name = tmp_path / f"x{CLEAR}{BELL}.md"
    proc = subprocess.run([str(script), "check", str(name)], capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert b"\x1b" not in proc.stderr and b"\x07" not in proc.stderr
    assert b"x\\x1b[2J\\x07.md: no such file" in proc.stderr


# CSV


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_starting_like_a_formula_is_prefixed_with_a_quote(lead: str):
    doc = claimcheck.extract(f'{lead}HYPERLINK("http://evil","x") Some 800 soldiers died.', source=f"{lead}cmd|' /C calc'!A0")
    rows = list(csv.DictReader(io.StringIO(render(Format.CSV, doc), newline="")))
    assert len(rows) == len(doc.claims) >= 1
    for row in rows:
        assert row["document"] == "'" + f"{lead}cmd|' /C calc'!A0".replace("\r", "\n")
        if lead.strip():  # white space at the start of a sentence is folded away
            assert row["sentence"].startswith("'" + lead)
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)


def test_csv_cells_hold_no_terminal_controls(hostile_doc):
    written = render(Format.CSV, hostile_doc)
    assert "\x1b" not in written and BELL not in written and "\x9b" not in written
    rows = list(csv.DictReader(io.StringIO(written, newline="")))
    assert len(rows) == len(hostile_doc.claims)


# Markdown


def markdown_rows(text: str) -> list[list[str]]:
    """Table rows split on unescaped pipes, as GitHub Flavored Markdown splits them."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append(re.split(r"(?<!\\)\|", line)[1:-1])
    return rows


def test_markdown_cells_escape_pipes_and_line_breaks():
    doc = claimcheck.extract("Some 800 soldiers | died\nin | the | war, | officials said.\n", source="a|b\nc.md")
    written = render(Format.MARKDOWN, doc)
    rows = markdown_rows(written)
    assert len(rows) == 1 + len(doc.claims)
    assert all(len(row) == 7 for row in rows)
    assert "### a\\|b\\\\nc.md" in written  # the file name's line break does not end the heading


def test_markdown_cells_make_no_links_html_or_emphasis():
    doc = claimcheck.extract("Some 800 [soldiers](http://evil) <script>x</script> **died** `here` &amp; ~~there~~.\n")
    row = markdown_rows(render(Format.MARKDOWN, doc))[1]
    sentence = row[-1]
    assert "\\[soldiers\\](http://evil)" in sentence
    assert "\\<script\\>" in sentence
    assert "\\*\\*died\\*\\*" in sentence and "\\`here\\`" in sentence
    assert "\\&amp;" in sentence and "\\~\\~there\\~\\~" in sentence


# GitHub workflow commands


def test_github_message_cannot_start_another_workflow_command():
    attack = "800 soldiers\n::error file=x::pwned%0A\r::set-output name=a::b"
    written = render_findings(FindingsFormat.GITHUB, [finding(attack)])
    assert written.count("\n") == 1 and written.startswith("::warning ")
    message = written.split("::", 2)[2]
    assert "%0A" not in message.replace("%250A", "")  # the document's own "%0A" is escaped as %25
    assert "::error file=x::pwned" in message  # inert text inside the data part of one command


def test_github_properties_escape_colon_and_comma():
    written = render_findings(FindingsFormat.GITHUB, [finding("x", source="a,line=1::b.md")])
    properties = written.split("::")[1]
    assert "file=a%2Cline=1%3A%3Ab.md," in properties


def test_github_file_property_with_a_line_separator_stays_one_line():
    written = render_findings(FindingsFormat.GITHUB, [finding("x", source="a\u2028b\x0c.md")])
    assert len(written.splitlines()) == 1 and "file=a\\u2028b\\x0c.md," in written


def test_github_message_holds_no_terminal_escapes():
    written = render_findings(FindingsFormat.GITHUB, [finding(f"800 {OSC8} {CLEAR} soldiers")])
    assert "\x1b" not in written and BELL not in written


# Check's text format


def test_text_line_never_starts_a_runner_command():
    written = render_findings(FindingsFormat.TEXT, [finding("##vso[task.setvariable variable=X]1 ##[error]x", source="::error::x.md")])
    assert written.startswith("./::error::x.md:3:5: CC003 ")
    assert "##vso[" not in written and "##[" not in written


def test_text_line_shows_escapes_in_names_and_messages_inert():
    written = render_findings(FindingsFormat.TEXT, [finding(f"800\n{OSC8}", source=f"a{CLEAR}.md")])
    assert written.count("\n") == 1
    assert "\x1b" not in written and BELL not in written
    assert written.startswith("a\\x1b[2J.md:3:5:")


# SARIF


def test_sarif_message_brackets_and_braces_are_plain_text():
    written = render_findings(FindingsFormat.SARIF, [finding("800 [click](https://evil) {0} soldiers")])
    log = json.loads(written)
    jsonschema.validate(log, sarif_schema())
    text = log["runs"][0]["results"][0]["message"]["text"]
    assert text == "800 \\[click\\](https://evil) {{0}} soldiers"


def test_sarif_is_valid_utf8_for_a_file_name_that_is_not():
    name = os.fsdecode(b"drafts/caf\xe9.md")  # a Latin-1 name on a UTF-8 system
    log = json.loads(render_findings(FindingsFormat.SARIF, [finding("x", source=name)]))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "drafts/caf%E9.md"


# GitLab Code Quality and the JSON formats


def test_gitlab_report_is_valid_json_without_controls_or_surrogates():
    written = render_findings(FindingsFormat.GITLAB, [finding(f"800 {OSC8}\n{CLEAR}", source=os.fsdecode(b"caf\xe9.md"))])
    (issue,) = json.loads(written)
    assert "\x1b" not in issue["description"] and "\n" not in issue["description"]
    assert issue["location"]["path"] == "caf\ufffd.md"


def test_json_output_is_utf8_even_for_lone_surrogates():
    doc = claimcheck.extract("Some 800 soldiers \udcff died.", source=os.fsdecode(b"caf\xe9.md"))
    for fmt in (Format.JSON, Format.JSONL, Format.CSV, Format.MARKDOWN, Format.TABLE):
        written = render(fmt, doc)  # a strict UTF-8 stream: a surrogate would raise
        assert "\ufffd" in written or "caf\\\\xe9.md" in written or "caf\\xe9.md" in written
    data = json.loads(render(Format.JSON, doc))
    assert data["documents"][0]["source"] == "caf\ufffd.md"


def test_console_script_with_a_file_name_that_is_not_utf8(tmp_path: Path, validate):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.md"), "wb") as handle:
        handle.write(b"Some 800 soldiers died on March 1, 2023.\n")
    script = Path(sys.executable).with_name("claimcheck")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    for command in (["extract", "-f", "json"], ["check", "-f", "sarif"]):
        proc = subprocess.run([str(script), *command, str(tmp_path)], capture_output=True, env=env, timeout=60)
        assert proc.returncode in (0, 1), proc.stderr
        data = json.loads(proc.stdout.decode("utf-8"))
        if command[0] == "extract":
            validate(proc.stdout.decode("utf-8"))
            assert data["documents"][0]["source"].endswith("caf\ufffd.md")
