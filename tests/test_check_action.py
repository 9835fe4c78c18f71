"""The composite GitHub Action: its definition, and its check steps run with bash as a runner would."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from claimcheck.report.ci import sarif_schema

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")

DRAFT = "---\ndate: 2023-03-01\n---\nThe council met on Tuesday, March 1, 2023, to vote.\n"


def step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def resolve(value: str, inputs: dict[str, str]) -> str:
    """Evaluate the `${{ inputs.x }}` expressions the way the runner does for this action."""

    def one(m: re.Match[str]) -> str:
        expression = m.group(1)
        assert expression.startswith("inputs."), expression
        return inputs[expression.removeprefix("inputs.")]

    return EXPRESSION.sub(one, value)


def run_step(name: str, inputs: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    definition = step(name)
    assert definition["shell"] == "bash"
    env = {key: resolve(str(value), inputs) for key, value in definition["env"].items()}
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", definition["run"]],
        cwd=cwd, env={**os.environ, "PATH": path, **env}, capture_output=True, text=True, timeout=120,
    )


def defaults(**overrides: str) -> dict[str, str]:
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    values.update({k.replace("_", "-"): v for k, v in overrides.items()})
    return values


def test_action_is_composite_and_uses_only_declared_inputs():
    assert ACTION["runs"]["using"] == "composite"
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = {m.group(1).removeprefix("inputs.") for m in EXPRESSION.finditer(text) if m.group(1).startswith("inputs.")}
    assert used <= set(ACTION["inputs"])
    for s in ACTION["runs"]["steps"]:
        if "run" in s:
            assert s["shell"] == "bash"
            assert "${{" not in s["run"], "inputs reach scripts through env, never pasted into them"
    assert not any("upload" in str(s.get("uses", "")) for s in ACTION["runs"]["steps"])


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
def test_action_check_step_annotates_and_fails(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "council.md").write_text(DRAFT, encoding="utf-8")
    done = run_step("Check drafts", defaults(paths="drafts/"), tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=drafts/council.md,line=4,col=20,")
    assert "title=CC002 weekday-mismatch::" in done.stdout
    relaxed = run_step("Check drafts", defaults(paths="drafts/", fail_on="never", args="--ignore CC001"), tmp_path)
    assert relaxed.returncode == 0


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")
def test_action_sarif_step(tmp_path):
    (tmp_path / "council.md").write_text(DRAFT, encoding="utf-8")
    done = run_step("Write SARIF", defaults(paths="council.md", sarif_file="out/claimcheck.sarif"), tmp_path)
    assert done.returncode == 2  # the folder for the report does not exist: a clear error, not a traceback
    assert "out/claimcheck.sarif: cannot write" in done.stderr
    done = run_step("Write SARIF", defaults(paths="council.md", sarif_file="claimcheck.sarif"), tmp_path)
    assert done.returncode == 0
    log = json.loads((tmp_path / "claimcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, sarif_schema())
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["CC002"]
