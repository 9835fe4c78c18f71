"""Files claimcheck writes: baselines and --output-file appear whole or not at all, and never replace the wrong file."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import ExitCode, app
from claimcheck.report.atomic import atomic_writer

runner = CliRunner()
DRAFT = "# Council\n\nThe council met on Tuesday, March 1, 2023, to vote on the budget.\n"


def check(*args: str):
    return runner.invoke(app, ["check", *args])


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "council.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_baseline_never_replaces_a_file_that_is_not_a_baseline(draft):
    result = check(str(draft), "--write-baseline", str(draft))  # a slip of the tab key
    assert result.exit_code == ExitCode.ERROR
    assert result.stderr.strip() == (
        f"claimcheck: error: {draft}: exists and is not a claimcheck baseline, so it is left as it is; remove it or choose another file"
    )
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_a_truncated_baseline_is_a_clear_error_and_stays_as_it_was(tmp_path: Path, draft):
    baseline = tmp_path / "baseline.json"
    assert check(str(draft), "--write-baseline", str(baseline)).exit_code == ExitCode.OK
    whole = baseline.read_bytes()
    baseline.write_bytes(whole[: len(whole) // 2])
    for args in (["--baseline", str(baseline)], ["--baseline", str(baseline), "--write-baseline", str(baseline)]):
        result = check(str(draft), *args)
        assert result.exit_code == ExitCode.ERROR
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"claimcheck: error: {baseline}: not a claimcheck baseline (")
        assert "--write-baseline" in line
        assert baseline.read_bytes() == whole[: len(whole) // 2]


def test_rewriting_a_baseline_replaces_it_whole_with_no_temporary_file_left(tmp_path: Path, draft):
    baseline = tmp_path / "baseline.json"
    for _ in range(2):
        assert check(str(draft), "--write-baseline", str(baseline)).exit_code == ExitCode.OK
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1 and [row["code"] for row in data["findings"]] == ["CC002"]
    assert leftovers(tmp_path) == []
    assert check(str(draft), "--baseline", str(baseline)).exit_code == ExitCode.OK


def test_a_baseline_round_trips_a_file_name_that_is_not_utf8(tmp_path: Path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.md"), "wb") as handle:
        handle.write(DRAFT.encode("utf-8"))
    baseline = tmp_path / "baseline.json"
    assert check(str(tmp_path), "--write-baseline", str(baseline)).exit_code == ExitCode.OK
    baseline.read_text(encoding="utf-8")  # valid UTF-8
    result = check(str(tmp_path), "--baseline", str(baseline))
    assert result.exit_code == ExitCode.OK, result.output
    assert "no new findings" in result.stderr


def test_output_file_is_written_whole(tmp_path: Path, draft):
    report = tmp_path / "report.sarif"
    result = check(str(draft), "--format", "sarif", "-o", str(report))
    assert result.exit_code == ExitCode.FINDINGS
    assert json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("where", ["missing-folder/report.json", "."])
def test_output_file_that_cannot_be_written_is_one_line(tmp_path: Path, draft, where):
    target = tmp_path / where
    result = check(str(draft), "-o", str(target))
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"claimcheck: error: {target}: cannot write")
    assert "Traceback" not in result.output
    assert leftovers(tmp_path) == []


def test_an_error_half_way_leaves_the_old_file_as_it_was(tmp_path: Path):
    target = tmp_path / "report.json"
    target.write_text("the previous report\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with atomic_writer(target) as out:
            out.write("{\"half\": ")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path: Path):
    fresh = tmp_path / "fresh.json"
    with atomic_writer(fresh) as out:
        out.write("{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    fresh.chmod(0o640)
    with atomic_writer(fresh) as out:
        out.write("[]\n")
    assert fresh.stat().st_mode & 0o777 == 0o640 and fresh.read_text(encoding="utf-8") == "[]\n"
