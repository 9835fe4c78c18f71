"""`claimcheck diff` on three successive versions of our own sample article (tests/data/versions).

v1 -> v2: the closure corrected from 14 to 16 weeks, "about" 22,000 vehicles became "more than".
v2 -> v3: the cost corrected to $7.2 million and sourced, the history paragraph removed,
a footbridge paragraph added.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from claimcheck.cli import Environment, ExitCode
from claimcheck.cli.diff import DiffFormat, run_diff

VERSIONS = Path(__file__).parent / "data" / "versions"
V1, V2, V3 = (str(VERSIONS / f"v{n}.md") for n in (1, 2, 3))


def claimcheck(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    script = Path(sys.executable).with_name("claimcheck")
    return subprocess.run([str(script), *args], input=stdin, capture_output=True, timeout=60)


def run(old: str, new: str, fmt: DiffFormat, ignore_rewording: bool = False) -> tuple[ExitCode, str, str]:
    """The command in this process, as in a pipe (the console script is run below too)."""
    out, err = io.StringIO(), io.StringIO()
    status = run_diff(Environment(io.BytesIO(), out, err, False, False, True), old, new, fmt, ignore_rewording)
    return status, out.getvalue(), err.getvalue()


def diff_json(old: str, new: str, ignore_rewording: bool = False) -> tuple[int, dict]:
    status, out, _ = run(old, new, DiffFormat.JSON, ignore_rewording)
    return status, json.loads(out)


def by_text(items: list[dict]) -> dict[str, dict]:
    return {item["new"]["text"] if "new" in item else item["text"]: item for item in items}


def test_corrected_figure_and_changed_qualifier():
    status, result = diff_json(V1, V2)
    assert status == ExitCode.FINDINGS
    changed = by_text(result["changed"])
    weeks = changed["16 weeks"]
    assert weeks["old"]["text"] == "14 weeks" and (weeks["old"]["value"], weeks["new"]["value"]) == (14, 16)
    assert "value" in weeks["changes"] and weeks["new"]["line"] == 8
    vehicles = changed["More than 22,000 vehicles"]
    assert (vehicles["old"]["qualifier"], vehicles["new"]["qualifier"]) == ("~", ">")
    assert "qualifier" in vehicles["changes"] and "value" not in vehicles["changes"]
    assert result["added"] == [] and result["removed"] == []
    assert result["summary"] == {"changed": 5, "added": 0, "removed": 0, "unchanged": 8}


def test_new_value_and_source_removed_and_added_paragraphs():
    _, result = diff_json(V2, V3)
    changed = by_text(result["changed"])
    cost = changed["$7.2 million"]
    assert cost["old"]["value"] == 6_500_000 and cost["new"]["value"] == 7_200_000
    assert (cost["old"]["source"], cost["new"]["source"]) == (None, "the finance department")
    assert changed["40%"]["changes"] == ["source", "sentence"]
    assert [r["text"] for r in result["removed"]] == ["1968", "2009", "nine weeks"]
    assert [r["text"] for r in result["added"]] == ["May 28", "300 people"]


def test_versions_two_apart_add_up():
    _, result = diff_json(V1, V3, ignore_rewording=True)
    changed = by_text(result["changed"])
    assert set(changed) == {"16 weeks", "More than 22,000 vehicles", "$7.2 million", "40%"}
    assert len(result["removed"]) == 3 and len(result["added"]) == 2


def test_same_version_is_no_change_and_exit_0():
    done = claimcheck("diff", V2, V2)
    assert done.returncode == ExitCode.OK
    assert json.loads(done.stdout)["summary"]["unchanged"] == 13
    assert b"0 changed, 0 added, 0 removed, 13 unchanged" in done.stderr


def test_markdown_update_note():
    _, note, _ = run(V2, V3, DiffFormat.MARKDOWN, ignore_rewording=True)
    assert "- Changed “$6.5 million” → “$7.2 million” (line 12): value 6,500,000 → 7,200,000; source none → the finance department" in note
    assert "- Removed “1968” (line 17 of the old version)" in note
    assert "- Added “300 people” (line 18)" in note
    assert "Reworded" not in note


def test_old_version_from_standard_input():
    done = claimcheck("diff", "-", V2, "--format", "json", stdin=Path(V1).read_bytes())
    result = json.loads(done.stdout)
    assert result["old"] == "<stdin>" and result["summary"]["changed"] == 5


def test_table_on_a_terminal_shows_old_and_new():
    out, err = io.StringIO(), io.StringIO()
    env = Environment(io.BytesIO(), out, err, True, False, True)
    status = run_diff(env, V2, V3, DiffFormat.TABLE, ignore_rewording=True)
    table = out.getvalue()
    assert status == ExitCode.FINDINGS
    assert "$6.5 million" in table and "$7.2 million" in table and "removed" in table and "added" in table


def test_unreadable_version_is_one_line_and_exit_2():
    done = claimcheck("diff", "missing.md", V1)
    assert done.returncode == ExitCode.ERROR
    assert done.stdout == b""
    assert done.stderr.decode().splitlines() == ["claimcheck: error: missing.md: no such file"]


def test_a_directory_is_not_a_version():
    status, out, err = run(V1, str(VERSIONS), DiffFormat.JSON)
    assert status == ExitCode.ERROR and out == ""
    assert err.strip().endswith("is a directory; diff compares two versions of one draft")
