"""The command line as a user runs it: CliRunner for speed, real processes for the real thing."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimcheck
from claimcheck.cli import Environment, ExitCode, app, run_extract
from claimcheck.report import Format

INPUTS = Path(__file__).parent / "data" / "inputs"
HARBOUR = str(INPUTS / "harbour.md")
runner = CliRunner()


def invoke(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimcheck {claimcheck.__version__}"


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]])
def test_help_has_examples(args):
    result = invoke(*args)
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert "claimcheck extract" in result.stdout


def test_json_is_the_default_in_a_pipe_and_matches_the_schema(validate):
    result = invoke("extract", HARBOUR)
    assert result.exit_code == ExitCode.OK
    data = validate(result.stdout)
    (doc,) = data["documents"]
    assert doc["source"] == HARBOUR
    assert doc["reference_date"] == "2024-04-10"
    assert doc["reference_date_origin"] == "front-matter"
    text = Path(HARBOUR).read_text(encoding="utf-8")
    assert doc["claims"]
    for claim in doc["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]


def test_reference_date_option_wins_over_the_file(validate):
    result = invoke("extract", HARBOUR, "--reference-date", "2024-05-01")
    (doc,) = validate(result.stdout)["documents"]
    assert doc["reference_date"] == "2024-05-01"
    assert doc["reference_date_origin"] == "option"


def test_bad_reference_date_is_a_usage_error():
    result = invoke("extract", HARBOUR, "--reference-date", "yesterday")
    assert result.exit_code == ExitCode.ERROR
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_kind_is_a_usage_error():
    result = invoke("extract", HARBOUR, "--kind", "weight")
    assert result.exit_code == ExitCode.ERROR
    assert "not a kind" in result.stderr


def test_kind_filter(validate):
    result = invoke("extract", HARBOUR, "--kind", "count,percent")
    claims = validate(result.stdout)["documents"][0]["claims"]
    assert claims
    assert {c["kind"] for c in claims} <= {"count", "percent"}


def test_stdin_with_dash(validate):
    result = invoke("extract", "-", input="Some 800 soldiers were lost.".encode())
    assert result.exit_code == 0
    (doc,) = validate(result.stdout)["documents"]
    assert doc["source"] == "<stdin>"
    assert any("800" in c["text"] for c in doc["claims"])


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path, validate):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 12".encode("latin-1"))
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    result = invoke("extract", str(tmp_path / "missing.md"), str(binary), HARBOUR, str(latin), str(empty))
    assert result.exit_code == ExitCode.ERROR
    data = validate(result.stdout)
    assert [d["source"] for d in data["documents"]] == [HARBOUR]
    assert len(data["errors"]) == 4
    *lines, summary = result.stderr.strip().splitlines()
    assert len(lines) == 4
    assert summary.startswith("claimcheck: 1 processed, 4 failed, ")
    assert "missing.md: no such file" in lines[0]
    assert "scan.txt: binary" in lines[1]
    assert "latin.txt: not valid UTF-8" in lines[2]
    assert "empty.md: empty" in lines[3]
    assert "Traceback" not in result.output


def test_directory_input(tmp_path: Path, validate):
    (tmp_path / "one.md").write_text("Some 40 boats sank.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.txt").write_text("About 12 people.", encoding="utf-8")
    data = validate(invoke("extract", str(tmp_path)).stdout)
    assert [Path(d["source"]).name for d in data["documents"]] == ["one.md", "two.txt"]


def test_jsonl_one_claim_per_line():
    result = invoke("extract", HARBOUR, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    assert all(row["document"] == HARBOUR and row["reference_date"] == "2024-04-10" for row in rows)
    assert len({row["id"] for row in rows}) == len(rows)


def test_csv_parses_back():
    result = invoke("extract", HARBOUR, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    data = json.loads(invoke("extract", HARBOUR).stdout)["documents"][0]["claims"]
    assert [r["id"] for r in rows] == [c["id"] for c in data]
    assert [r["text"] for r in rows] == [c["text"] for c in data]


def test_csv_neutralises_formulas(tmp_path: Path):
    path = tmp_path / "evil.txt"
    path.write_text("=HYPERLINK(1) said 40 people came.", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(invoke("extract", str(path), "-f", "csv").stdout)))
    assert rows and all(r["sentence"].startswith("'=") for r in rows)


def test_markdown_table_is_well_formed():
    result = invoke("extract", HARBOUR, "--format", "markdown")
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    header, rule, *rows = table
    columns = header.count("|")
    assert set(rule) <= set("|-: ")
    assert rows
    for row in rows:
        assert row.replace("\\|", "").count("|") == columns


def terminal_env(no_color: bool = False) -> tuple[Environment, io.StringIO]:
    out = io.StringIO()
    env = Environment(
        stdin=io.BytesIO(), stdout=out, stderr=io.StringIO(),
        stdout_is_terminal=True, stderr_is_terminal=True, no_color=no_color,
    )
    return env, out


def test_table_is_the_default_on_a_terminal():
    env, out = terminal_env()
    status = run_extract(env, [HARBOUR], None, None, None, False)
    assert status == ExitCode.OK
    shown = out.getvalue()
    assert "harbour.md" in shown
    assert "reference date" in shown
    assert "claims:" in shown
    assert "\x1b[" in shown  # coloured on a terminal


def test_no_color_on_a_terminal():
    env, out = terminal_env(no_color=True)
    run_extract(env, [HARBOUR], Format.TABLE, None, None, False)
    assert "\x1b[" not in out.getvalue()
    assert "harbour.md" in out.getvalue()


def test_document_text_cannot_inject_markup_or_escapes(tmp_path: Path):
    path = tmp_path / "evil.md"
    path.write_text("[bold red]Loud[/] \x1b]8;;http://x\x07link\x1b]8;;\x07 said 40 people came.\n", encoding="utf-8")
    env, out = terminal_env(no_color=True)
    run_extract(env, [str(path)], Format.TABLE, None, None, False)
    shown = out.getvalue()
    assert "[bold red]Loud[/]" in shown
    assert "\x1b" not in shown and "\x07" not in shown


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("claimcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimcheck"]


@pytest.mark.parametrize("command", [console_script(), [sys.executable, "-m", "claimcheck"]])
def test_real_process_pipe_gives_json(command, validate):
    proc = subprocess.run(command + ["extract", HARBOUR], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert validate(proc.stdout)["documents"][0]["claims"]
    assert proc.stderr == ""


def test_real_process_stdin_and_error_exit_code(tmp_path: Path, validate):
    proc = subprocess.run(
        console_script() + ["extract", "-", str(tmp_path / "missing.txt")],
        input="Around 70,000 people lived there.".encode(),
        capture_output=True, timeout=60,
    )
    assert proc.returncode == 2
    data = validate(proc.stdout.decode())
    assert data["documents"][0]["source"] == "<stdin>"
    error, summary = proc.stderr.decode().splitlines()
    assert "missing.txt" in error
    assert summary.startswith("claimcheck: 1 processed, 1 failed, ")
    assert b"Traceback" not in proc.stderr


def test_real_process_no_color_env(tmp_path: Path):
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run(console_script() + ["extract", HARBOUR, "-f", "table"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stdout


def test_group_by_source_prints_one_table_per_source(tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_text(
        'Some 800 soldiers were lost, Mayor Ana Ruiz said.\n\nThe town has 12 schools.\n', encoding="utf-8"
    )
    result = invoke("extract", str(path), "-f", "markdown", "--group-by", "source")
    assert result.exit_code == 0
    assert "#### (the text's own voice)" in result.stdout


def test_the_package_extract_takes_every_option_of_the_pipeline():
    """`claimcheck.extract` defers to the pipeline; a caller must be able to pass it all the same options."""
    import inspect

    from claimcheck.errors import LimitError
    from claimcheck.pipeline import extract as pipeline_extract

    assert inspect.signature(claimcheck.extract).parameters.keys() == inspect.signature(pipeline_extract).parameters.keys()
    with pytest.raises(LimitError):
        claimcheck.extract("12 boats, 40 nets and 9 crews.", max_claims=2)


# Values a run usually passes, and odd ones that must be left to typer (its messages stay its own).
SAMPLE_VALUES = [
    "", "0", "1", "007", "10", "256", "257", "-1", "+1", " 1", "1 ", "1.5", "1.", ".5", "0.1", "0.05", "1e1", "inf", "nan",
    "9" * 18, "9" * 19, "\uff11", "abc", "json", "JSON", "Jsonl", "table", "SOURCE", "document", "warning", "not-found",
    10, 10.0, 0.1, 1, 0, 257, True, ("a", "b"), ["a"], (), ("a", 1),
]


def _typer_parameters():
    """(context, parameter) for each parameter of the group and its commands that typer coerces with an adapter."""
    import typer.main

    from claimcheck.cli import load_app
    from claimcheck.cli.coercion import adapts_lazily

    group = typer.main.get_command(load_app())
    for command in [group, *group.commands.values()]:
        ctx = command.context_class(command, info_name=command.name)
        for param in command.get_params(ctx):
            if adapts_lazily(param):
                yield ctx, param


def test_common_option_values_are_coerced_as_typer_does():
    """The pydantic-free coercion returns exactly what typer's own gives, for every value it vouches for."""
    import enum

    from claimcheck.cli.coercion import UNSURE, plain_value

    parameters = list(_typer_parameters())
    if not parameters:
        pytest.skip("this typer builds no adapters")
    vouched = 0
    for ctx, param in parameters:
        descriptor = param.type_descriptor
        typer_own = param.get_runtime_param()
        annotation = descriptor.annotation
        members = list(annotation) if isinstance(annotation, type) and issubclass(annotation, enum.Enum) else []
        for value in SAMPLE_VALUES + members:
            ours = plain_value(annotation, descriptor.parameter_info, value)
            if ours is UNSURE:
                continue
            vouched += 1
            theirs = typer_own.coerce(value, param=param, ctx=ctx)
            assert (type(ours), ours) == (type(theirs), theirs), (ctx.info_name, param.name, value)
    assert vouched > 100


def test_one_article_in_a_pipe_imports_no_pydantic_and_no_pool():
    """`claimcheck extract ARTICLE` starts fast: neither typer's adapters (pydantic) nor a worker pool."""
    code = (
        "import sys, io;"
        f"sys.argv = ['claimcheck', 'extract', {HARBOUR!r}, '--format', 'json'];"
        "from claimcheck.cli import run;"
        "sys.stdout = io.StringIO();\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "sys.stdout = sys.__stdout__;"
        "print(sorted(m for m in ('pydantic', 'multiprocessing', 'concurrent.futures') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"
