"""Configuration files, inline suppression and baselines, through the real command line."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.check import Config, ConfigError, FailOn, Severity, find_config_file, load_config
from claimcheck.cli import ExitCode, app
from claimcheck.load import LineIndex

runner = CliRunner()

STORY = """---
date: 2023-03-01
---
The council met on Tuesday, March 1, 2023, to vote on the budget.

The council approved the plan on March 10, 2023, after a long debate.
"""


def invoke(*args: str):
    return runner.invoke(app, ["check", *args])


TEXT_LINE = re.compile(r"^.*:(\d+):(\d+): (CC\d{3}) ")


def codes(result) -> list[str]:
    return [TEXT_LINE.match(line).group(3) for line in result.stdout.splitlines()]


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A newsroom repository: drafts/ and archive/ under one root."""
    for folder in ("drafts/politics", "archive"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "story.md").write_text(STORY, encoding="utf-8")
    return tmp_path


def test_pyproject_found_walking_up(newsroom):
    (newsroom / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.claimcheck]\nignore = ["CC002"]\n', encoding="utf-8")
    result = invoke(str(newsroom / "drafts" / "politics" / "story.md"))
    assert codes(result) == ["CC007"]


def test_claimcheck_toml_wins_in_its_folder(newsroom):
    (newsroom / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["CC002"]\n', encoding="utf-8")
    (newsroom / "drafts" / ".claimcheck.toml").write_text('select = ["CC002"]\n', encoding="utf-8")
    assert codes(invoke(str(newsroom / "drafts" / "politics" / "story.md"))) == ["CC002"]
    assert codes(invoke(str(newsroom / "archive" / "story.md"))) == ["CC007"]


def test_pyproject_without_our_table_is_passed_over(newsroom):
    (newsroom / "drafts" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (newsroom / ".claimcheck.toml").write_text('ignore = ["CC007"]\n', encoding="utf-8")
    assert find_config_file(newsroom / "drafts" / "politics" / "story.md") == newsroom / ".claimcheck.toml"


def test_severity_and_fail_on(newsroom):
    (newsroom / ".claimcheck.toml").write_text(
        'fail-on = "error"\n[severity]\nCC002 = "warning"\nCC007 = "info"\n', encoding="utf-8"
    )
    story = str(newsroom / "drafts" / "politics" / "story.md")
    result = invoke(story, "--format", "json")
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]] == [("CC002", "warning"), ("CC007", "info")]
    assert result.exit_code == ExitCode.OK
    assert invoke(story, "--fail-on", "warning").exit_code == ExitCode.FINDINGS


def test_per_path_overrides(newsroom):
    (newsroom / ".claimcheck.toml").write_text(
        '[[overrides]]\npaths = ["archive/**"]\nignore = ["CC007"]\n\n'
        '[[overrides]]\npaths = ["drafts"]\nselect = ["CC007"]\nseverity = {CC007 = "warning"}\n',
        encoding="utf-8",
    )
    assert codes(invoke(str(newsroom / "archive" / "story.md"))) == ["CC002"]
    result = invoke(str(newsroom / "drafts" / "politics" / "story.md"), "--format", "json")
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]] == [("CC007", "warning")]


def test_command_line_wins_over_the_file(newsroom):
    (newsroom / ".claimcheck.toml").write_text('select = ["CC002"]\nfail-on = "never"\n', encoding="utf-8")
    story = str(newsroom / "archive" / "story.md")
    result = invoke(story, "--select", "CC007", "--fail-on", "warning")
    assert codes(result) == ["CC007"] and result.exit_code == ExitCode.FINDINGS


def test_explicit_config_file(newsroom, tmp_path):
    other = tmp_path / "strict.toml"
    other.write_text('[tool.claimcheck]\nselect = ["CC00"]\nignore = ["CC002"]\n', encoding="utf-8")
    assert codes(invoke(str(newsroom / "archive" / "story.md"), "--config", str(other))) == ["CC007"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('selcet = ["CC002"]\n', "unknown setting 'selcet'"),
        ('ignore = ["CC042"]\n', "'CC042' matches no rule"),
        ('fail-on = "sometimes"\n', "fail-on 'sometimes' is not"),
        ('[severity]\nCC002 = "fatal"\n', "severity.CC002: 'fatal' is not error, warning or info"),
        ('[[overrides]]\nignore = ["CC002"]\n', "overrides[1].paths must be a list of globs"),
        ('select = "CC002\n', "not valid TOML"),
    ],
)
def test_bad_configuration_is_one_line_naming_the_file(newsroom, content, words):
    config = newsroom / ".claimcheck.toml"
    config.write_text(content, encoding="utf-8")
    result = invoke(str(newsroom / "archive" / "story.md"))
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"claimcheck: error: {config}: ") and words in line


def test_library_configuration(tmp_path):
    path = tmp_path / ".claimcheck.toml"
    path.write_text('select = ["CC0"]\nignore = ["CC001"]\n[severity]\nCC003 = "error"\n', encoding="utf-8")
    config = load_config(path)
    rules = config.rules_for(None)
    assert "CC001" not in rules and rules["CC003"] is Severity.ERROR and rules["CC002"] is Severity.ERROR
    assert config.fail_on is FailOn.WARNING and FailOn.WARNING.fails(Severity.ERROR) and not FailOn.NEVER.fails(Severity.ERROR)
    with pytest.raises(ConfigError):
        Config().with_options(select=["ZZ1"])


# Inline suppression

SUPPRESSED = """---
date: 2023-03-01
---
<!-- claimcheck: ignore CC002 -->
The council met on Tuesday, March 1, 2023, to vote on the budget.

The mayor spoke on Tuesday, March 1, 2023, after the vote.

<!-- claimcheck: off -->

The council approved the plan on March 10, 2023, after a long debate.

The board met on Friday, March 2, 2023, at noon.

<!-- claimcheck: on -->

The board approved the lease on March 12, 2023, after a short debate.

<!-- claimcheck: ignore -->
The club met on Monday, March 1, 2023, at noon.
"""


def test_inline_suppression(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(SUPPRESSED, encoding="utf-8")
    result = invoke(str(story))
    where = [TEXT_LINE.match(line).groups() for line in result.stdout.splitlines()]
    lines = LineIndex(SUPPRESSED)
    expected = [
        ("CC002", SUPPRESSED.index("Tuesday, March 1, 2023, after")),
        ("CC007", SUPPRESSED.index("March 12, 2023")),
    ]
    assert [(code, int(line), int(column)) for line, column, code in where] == [
        (code, *lines.position(at)) for code, at in expected
    ]


def test_suppression_in_plain_text(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("LEEDS, March 1, 2023 - <!-- claimcheck: ignore CC002 -->\nThe council met on Tuesday, March 1, 2023.\n", encoding="utf-8")
    assert invoke(str(story)).stdout == ""


# Baselines


def test_baseline_reports_only_new_findings(tmp_path):
    story = tmp_path / "drafts" / "story.md"
    story.parent.mkdir()
    story.write_text(STORY, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = invoke(str(story), "--write-baseline", str(baseline))
    assert written.exit_code == ExitCode.OK
    assert "wrote 2 findings to the baseline" in written.stderr
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["version"] == 1
    assert [(f["path"], f["code"]) for f in recorded["findings"]] == [("drafts/story.md", "CC002"), ("drafts/story.md", "CC007")]

    clean = invoke(str(story), "--baseline", str(baseline))
    assert clean.exit_code == ExitCode.OK and clean.stdout == ""
    assert "no new findings in 1 file" in clean.stderr

    edited = STORY.replace("---\nThe council", "---\nA new lead paragraph.\n\nThe council") + (
        "\nThe mayor spoke on Friday, March 1, 2023, after the vote.\n"
    )
    story.write_text(edited, encoding="utf-8")
    fresh = invoke(str(story), "--baseline", str(baseline))
    assert [TEXT_LINE.match(line).groups() for line in fresh.stdout.splitlines()] == [("10", "20", "CC002")]
    assert codes(fresh) == ["CC002"]
    assert fresh.exit_code == ExitCode.FINDINGS
    assert "1 new finding (1 error) in 1 file" in fresh.stderr


def test_bad_baseline_file(tmp_path):
    story = tmp_path / "story.md"
    story.write_text(STORY, encoding="utf-8")
    bogus = tmp_path / "baseline.json"
    bogus.write_text('{"findings": 3}', encoding="utf-8")
    result = invoke(str(story), "--baseline", str(bogus))
    assert result.exit_code == ExitCode.ERROR
    assert f"{bogus}: not a claimcheck baseline" in result.stderr
