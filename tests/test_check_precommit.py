"""The pre-commit hook, run for real: `pre-commit try-repo` builds the hook's own environment
from a copy of this project and runs it on a newsroom repository made for the test.

Building the environment installs claimcheck and its dependencies with pip, so this test
needs the package index (or a configured mirror); it takes about a minute.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".git", ".venv*", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "build", "dist")

BAD = "---\ndate: 2023-03-01\n---\n# Council\n\nThe council met on Tuesday, March 1, 2023, to vote.\n"
GOOD = "---\ndate: 2023-03-01\n---\n# Council\n\nThe council met on Wednesday, March 1, 2023, to vote.\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=claimcheck tests", "-c", "user.email=tests@claimcheck.invalid", *args],
        cwd=cwd, check=True, capture_output=True,
    )


def committed_copy(source: Path, target: Path) -> Path:
    """This project's files as they are on disk, committed to a fresh repository for try-repo."""
    shutil.copytree(source, target, ignore=SKIP)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "snapshot")
    return target


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo(tmp_path):
    hooks = committed_copy(ROOT, tmp_path / "claimcheck")
    newsroom = tmp_path / "newsroom"
    (newsroom / "drafts").mkdir(parents=True)
    (newsroom / "drafts" / "council.md").write_text(BAD, encoding="utf-8")
    (newsroom / "drafts" / "library.md").write_text(GOOD, encoding="utf-8")
    (newsroom / "notes.py").write_text("x = 'Tuesday, March 1, 2023'\n", encoding="utf-8")
    git(newsroom, "init", "-q")
    git(newsroom, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "claimcheck", "--all-files", "--color", "never"],
        cwd=newsroom, env=env, capture_output=True, text=True, timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "claimcheck" in output and "Failed" in output
    assert (
        "drafts/council.md:6:20: CC002 weekday does not match the date in “Tuesday, March 1, 2023”:"
        " 2023-03-01 is a Wednesday, not a Tuesday"
    ) in output
    assert "library.md:" not in output
    assert "notes.py" not in output
