"""`claimcheck check` as CI runs it: formats, exit codes, bad inputs, the real console script."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcheck.check import RULES, load_config
from claimcheck.cli import ExitCode, app
from claimcheck.report.ci import sarif_schema
from claimcheck.report.ci.github import command, escape_data, escape_property

DRAFTS = Path(__file__).parent / "data" / "check" / "drafts"
runner = CliRunner()

DRAFT = """---
date: 2023-03-01
---
# Council budget

The council met on Tuesday, March 1, 2023, to vote on the budget.

The council approved the plan on March 10, 2023, after a long debate.
"""


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, ["check", *args], input=input)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_is_the_default_one_finding_a_line(draft):
    result = invoke(str(draft))
    assert result.exit_code == ExitCode.FINDINGS
    assert result.stdout.splitlines() == [
        f"{draft}:6:20: CC002 weekday does not match the date in “Tuesday, March 1, 2023”: 2023-03-01 is a Wednesday, not a Tuesday",
        f"{draft}:8:34: CC007 “March 10, 2023” is after the story's date (2023-03-01) but is told in the past tense (\"approved\")",
    ]
    assert result.stderr.strip() == "claimcheck: 2 findings (1 error, 1 warning) in 1 file"


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [("error", ExitCode.FINDINGS), ("warning", ExitCode.FINDINGS), ("info", ExitCode.FINDINGS), ("never", ExitCode.OK)],
)
def test_fail_on(draft, fail_on, status):
    assert invoke(str(draft), "--fail-on", fail_on).exit_code == status


def test_fail_on_compares_severities(draft):
    assert invoke(str(draft), "--select", "CC007", "--fail-on", "error").exit_code == ExitCode.OK
    assert invoke(str(draft), "--select", "CC007").exit_code == ExitCode.FINDINGS


def test_info_findings_fail_only_when_asked(draft):
    (draft.parent / ".claimcheck.toml").write_text('[severity]\nCC007 = "info"\n', encoding="utf-8")
    result = invoke(str(draft), "--select", "CC007")
    assert result.exit_code == ExitCode.OK
    assert "1 finding (1 info)" in result.stderr
    assert invoke(str(draft), "--select", "CC007", "--fail-on", "info").exit_code == ExitCode.FINDINGS


def test_clean_draft_exits_zero():
    result = invoke(str(DRAFTS / "cc002-good.md"))
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert "no findings in 1 file" in result.stderr


def test_bad_inputs_are_named_and_the_rest_is_checked(tmp_path, draft):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    result = invoke(str(tmp_path / "missing.md"), str(binary), str(draft), str(empty))
    assert result.exit_code == ExitCode.ERROR
    errors = result.stderr.splitlines()
    assert f"claimcheck: error: {tmp_path / 'missing.md'}: no such file" in errors
    assert any(line.startswith(f"claimcheck: error: {binary}: binary") for line in errors)
    assert any(line.startswith(f"claimcheck: error: {empty}: empty") for line in errors)
    assert "CC002" in result.stdout and "CC007" in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--select", "CC999"], "matches no rule"),
        (["--ignore", "XY"], "matches no rule"),
        (["--reference-date", "soon"], "YYYY-MM-DD"),
        (["--baseline", "nowhere.json"], "no such baseline file"),
        (["--config", "nowhere.toml"], "no such configuration file"),
    ],
)
def test_usage_errors_exit_two_with_one_line(draft, args, words):
    result = invoke(str(draft), *args)
    assert result.exit_code == ExitCode.ERROR
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_unknown_fail_on_is_a_usage_error(draft):
    result = invoke(str(draft), "--fail-on", "sometimes")
    assert result.exit_code == 2


def test_directory_and_stdin(tmp_path, draft):
    result = invoke(str(tmp_path), "--select", "CC002")
    assert result.stdout.startswith(f"{draft}:6:20: CC002")
    piped = invoke("-", "--select", "CC002", input=DRAFT)
    assert piped.stdout.startswith("<stdin>:6:20: CC002")
    assert piped.exit_code == ExitCode.FINDINGS


def test_output_file(tmp_path, draft):
    out = tmp_path / "report.sarif"
    result = invoke(str(draft), "--format", "sarif", "--output-file", str(out))
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_list_rules():
    result = invoke("--list-rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [rule.code for rule in RULES]
    assert lines[1].split()[1:3] == ["weekday-mismatch", "error"]


# GitHub workflow commands


def test_github_escaping():
    assert escape_data("50% off\r\nnext: a, b") == "50%25 off%0D%0Anext: a, b"
    assert escape_property("drafts/a,b:c%.md\n") == "drafts/a%2Cb%3Ac%25.md%0A"
    assert command("warning", "line one\nline two: 5%, 6%", file="x,y:z.md", line=3) == (
        "::warning file=x%2Cy%3Az.md,line=3::line one%0Aline two: 5%25, 6%25"
    )


def test_github_annotations(tmp_path):
    odd = tmp_path / "50%, draft: final.md"
    odd.write_text(DRAFT, encoding="utf-8")
    result = invoke(str(odd), "--format", "github")
    assert result.exit_code == ExitCode.FINDINGS
    file = str(odd).replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::error file={file},line=6,col=20,endLine=6,endColumn=42,title=CC002 weekday-mismatch::"
        "weekday does not match the date in “Tuesday, March 1, 2023”: 2023-03-01 is a Wednesday, not a Tuesday"
    )
    assert lines[1].startswith(f"::warning file={file},line=8,col=34,endLine=8,endColumn=48,title=CC007 future-date-past-tense::")
    assert len(lines) == 2


# SARIF


def sarif_of(*args: str) -> dict:
    result = invoke(*args, "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.validate(log, sarif_schema(), format_checker=jsonschema.FormatChecker())
    return log


def test_sarif_validates_and_describes_every_rule(draft):
    log = sarif_of(str(draft))
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in RULES]
    assert rules[1]["defaultConfiguration"]["level"] == "error"
    assert rules[0]["defaultConfiguration"]["level"] == "note"
    assert run["columnKind"] == "unicodeCodePoints"
    first = run["results"][0]
    assert first["ruleId"] == "CC002" and rules[first["ruleIndex"]]["id"] == "CC002"
    assert first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 6 and location["region"]["startColumn"] == 20
    text = draft.read_text(encoding="utf-8")
    region = location["region"]
    assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == "Tuesday, March 1, 2023"
    assert location["artifactLocation"]["uri"] == draft.as_uri()
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_relative_paths_and_input_errors(tmp_path, draft, monkeypatch):
    monkeypatch.chdir(tmp_path)
    log = sarif_of("draft.md", "gone.md")
    run = log["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "draft.md",
        "uriBaseId": "%SRCROOT%",
    }
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == "no such file"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_fingerprints_survive_edits_elsewhere(tmp_path, draft):
    before = {r["ruleId"]: r for r in sarif_of(str(draft))["runs"][0]["results"]}
    draft.write_text(DRAFT.replace("# Council budget\n", "# Council budget\n\nA new first paragraph.\n\nAnd another.\n"), encoding="utf-8")
    after = {r["ruleId"]: r for r in sarif_of(str(draft))["runs"][0]["results"]}
    for code in before:
        assert before[code]["partialFingerprints"] == after[code]["partialFingerprints"]
        assert after[code]["locations"][0]["physicalLocation"]["region"]["startLine"] == (
            before[code]["locations"][0]["physicalLocation"]["region"]["startLine"] + 4
        )


def test_sarif_schema_rejects_what_sarif_rejects(draft):
    log = json.loads(invoke(str(draft), "--format", "sarif").stdout)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, sarif_schema())


# GitLab and JSON


def test_gitlab_code_quality(tmp_path, draft, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("draft.md", "--format", "gitlab")
    issues = json.loads(result.stdout)
    assert [i["check_name"] for i in issues] == ["CC002", "CC007"]
    assert [i["severity"] for i in issues] == ["major", "minor"]
    assert issues[0]["location"] == {"path": "draft.md", "lines": {"begin": 6, "end": 6}}
    assert issues[0]["description"].startswith("CC002 weekday does not match")
    assert len({i["fingerprint"] for i in issues}) == 2


def test_json_findings(draft):
    result = invoke(str(draft), "--format", "json", str(draft.parent / "gone.md"))
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["summary"] == {"documents": 1, "findings": 2, "by_severity": {"info": 0, "warning": 1, "error": 1}}
    assert data["errors"] == [{"source": str(draft.parent / "gone.md"), "message": "no such file"}]
    first = data["findings"][0]
    assert first["code"] == "CC002" and first["name"] == "weekday-mismatch" and first["severity"] == "error"
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (6, 20, 6, 42)


# The real console script


def console_script() -> str:
    found = shutil.which("claimcheck", path=os.path.dirname(sys.executable))
    assert found, "the claimcheck console script is installed next to the interpreter"
    return found


def test_console_script(draft):
    done = subprocess.run(
        [console_script(), "check", str(draft), "--format", "github", "--fail-on", "error"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith("::error file=")
    assert done.stderr.strip() == "claimcheck: 2 findings (1 error, 1 warning) in 1 file"


def test_console_script_bad_config_is_one_line(tmp_path, draft):
    (tmp_path / ".claimcheck.toml").write_text("select = [\"CC002\"\n", encoding="utf-8")
    done = subprocess.run([console_script(), "check", str(draft)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith(f"claimcheck: error: {tmp_path / '.claimcheck.toml'}: not valid TOML")
    assert "Traceback" not in done.stderr


# The README's examples


README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CHECK_SECTION = README.split("### `claimcheck check`", 1)[1].split("\n## ", 1)[0]


def readme_blocks(language: str) -> list[str]:
    """The fenced code blocks of the README's check section written in `language` ("" for none)."""
    blocks: list[str] = []
    current: list[str] | None = None
    fence_language = ""
    for line in CHECK_SECTION.splitlines(keepends=True):
        if line.startswith("```"):
            if current is None:
                current, fence_language = [], line[3:].strip()
            else:
                if fence_language == language:
                    blocks.append("".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def test_readme_text_output(tmp_path, monkeypatch):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "council.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown = next(block for block in readme_blocks("") if block.startswith("drafts/council.md:"))
    assert invoke("drafts/").stdout == shown


def test_readme_configuration_is_valid(tmp_path):
    (config,) = readme_blocks("toml")
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    loaded = load_config(tmp_path / "pyproject.toml")
    assert loaded.rules_for(str(tmp_path / "archive" / "a.md"))["CC003"].value == "info"
    assert "CC008" not in loaded.rules_for(str(tmp_path / "archive" / "old" / "a.md"))
    assert "CC001" not in loaded.rules_for(str(tmp_path / "drafts" / "a.md"))


def test_readme_workflow_uses_the_action_inputs():
    import yaml

    action = yaml.safe_load((Path(__file__).resolve().parent.parent / "action.yml").read_text(encoding="utf-8"))
    workflows = [yaml.safe_load(block) for block in readme_blocks("yaml") if "jobs:" in block]
    (workflow,) = workflows
    steps = workflow["jobs"]["check"]["steps"]
    ours = next(s for s in steps if "claimcheck@" in s.get("uses", ""))
    assert set(ours["with"]) <= set(action["inputs"])
    hook = yaml.safe_load(next(block for block in readme_blocks("yaml") if "repos:" in block))
    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["repos"][0]["hooks"][0]["id"] == hooks[0]["id"]
