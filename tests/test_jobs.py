"""--jobs: worker processes give the same output as one process, in input order, and survive bad inputs.

The corpora here are larger than claimcheck.batch.IN_PROCESS_FIRST characters, so the
worker pool really starts (smaller batches are done in the parent alone).
"""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck.batch import IN_PROCESS_FIRST, ExtractionError, extract_many, map_in_order
from claimcheck.errors import InputError
from claimcheck.load import iter_inputs
from claimcheck.report import Format, Rendered, document_renderer
from claimcheck.report.machine import JsonLinesReporter
from corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
# The project's own articles, drafts (some with a review ledger beside them) and web pages.
SAMPLES = ["data", "tests/data/attribution/articles", "tests/data/check/drafts", "tests/data/html", "tests/data/inputs"]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Ctrl-C test sends SIGINT to a process group")


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("claimcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimcheck"]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(console_script() + list(args), capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Path], Path]:
    """About 120 articles in three folders, with an unreadable file in the middle."""
    root = tmp_path_factory.mktemp("corpus")
    articles = write_corpus(root, 120, paragraphs=5, folders=3)
    assert sum(len(p.read_text(encoding="utf-8")) for p in articles) > 1.5 * IN_PROCESS_FIRST
    bad = articles[80]  # after the part done in the parent: a worker's neighbours
    bad.write_bytes(b"\x00\x01 not an article")
    return root, articles, bad


def test_two_workers_write_what_one_process_writes(corpus):
    root, articles, bad = corpus
    one = run("extract", str(root), "--format", "jsonl", "--jobs", "1")
    two = run("extract", str(root), "--format", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 2
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    error, summary = two.stderr.splitlines()
    assert error == f"claimcheck: error: {bad}: binary data, not a text article (skipped); save its text as UTF-8 and check that file"
    assert summary.startswith(f"claimcheck: {len(articles) - 1} processed, 1 failed, ")
    sources = list(dict.fromkeys(json.loads(line)["document"] for line in two.stdout.splitlines()))
    assert sources == [str(p) for p in articles if p != bad]


def test_check_with_two_workers_reports_what_one_process_reports(corpus):
    root, _, bad = corpus
    one = run("check", str(root), "--format", "json", "--fail-on", "never", "--jobs", "1")
    two = run("check", str(root), "--format", "json", "--fail-on", "never", "--jobs", "2")
    assert one.returncode == two.returncode == 2
    assert two.stdout == one.stdout
    assert json.loads(two.stdout)["findings"], "the generated articles should give some findings"
    assert two.stderr == one.stderr
    assert f"claimcheck: error: {bad}: binary data" in two.stderr


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    """Generated articles enough to start the pool, then the sample files and an unreadable one: those go to the workers."""
    root = tmp_path_factory.mktemp("samples")
    generated = write_corpus(root / "a-generated", 100, paragraphs=5)
    assert sum(len(p.read_text(encoding="utf-8")) for p in generated) > IN_PROCESS_FIRST
    real = root / "b-samples"
    real.mkdir()
    for folder in SAMPLES:
        for path in sorted((ROOT / folder).iterdir()):
            shutil.copy(path, real / path.name)
    (real / "unreadable.md").write_bytes(b"\x00\x01 not an article")
    return root


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_every_format_writes_the_same_bytes_whatever_the_workers(samples: Path, fmt: str):
    """json, jsonl and csv are written by the workers, Markdown by the parent: the same bytes with 1, 2 or 4 processes."""
    runs = {jobs: run("extract", str(samples), "--format", fmt, "--jobs", str(jobs)) for jobs in (1, 2, 4)}
    one = runs[1]
    assert one.returncode == 2 and len(one.stdout) > 100_000
    assert "unreadable.md: binary data" in one.stderr
    for jobs, other in runs.items():
        assert (other.returncode, other.stderr) == (one.returncode, one.stderr), f"--jobs {jobs}"
        assert other.stdout == one.stdout, f"--jobs {jobs}"


def test_rendered_documents_are_what_the_reporter_writes_of_each(samples: Path):
    """`extract_many(render=...)` yields, in input order, each document's text as its reporter writes it, made in the workers."""
    render = document_renderer(Format.JSONL)
    assert render is not None and document_renderer(Format.TABLE) is None
    inputs = list(iter_inputs([str(samples)]))
    outcomes = list(extract_many(inputs, jobs=2, render=render))
    assert len(outcomes) == len(inputs)
    for item, outcome in zip(inputs, outcomes):
        if isinstance(item, InputError):
            assert outcome is item
            continue
        doc = claimcheck.extract(item.text, source=item.source, metadata=item.metadata.to_dict())
        written = io.StringIO()
        JsonLinesReporter(written).document(doc)
        assert outcome == Rendered(written.getvalue(), len(doc.claims))


def test_workers_run_this_claimcheck_whatever_the_working_directory_holds(corpus, tmp_path: Path):
    """The fork server imports with the working directory first on its path: a claimcheck.py there must not reach the workers."""
    root, articles, _ = corpus
    (tmp_path / "claimcheck.py").write_text('raise SystemExit("the claimcheck.py of the working directory was imported")\n')
    two = run("extract", str(root), "--format", "jsonl", "--jobs", "2", cwd=tmp_path)
    assert "working directory" not in two.stderr
    assert two.returncode == 2
    assert two.stderr.splitlines()[-1].startswith(f"claimcheck: {len(articles) - 1} processed, 1 failed, ")


def test_jobs_is_offered_with_a_default_of_the_usable_cores():
    for command in ("extract", "check"):
        shown = run(command, "--help", env=dict(os.environ, COLUMNS="200")).stdout
        assert "--jobs" in shown and "usable cores" in shown


# -- the pool itself: failures inside workers --------------------------------------------------


class Draft:
    """A payload with a source, as the pipeline's jobs have."""

    def __init__(self, source: str, text: str) -> None:
        self.source, self.text = source, text


def shout(draft: Draft) -> str:
    """A user's function for the pool: fails on one input, kills its worker on another."""
    if draft.text == "raise":
        raise ValueError("no figures in this one")
    if draft.text == "die":
        os._exit(3)
    return draft.text.upper()


def test_a_failing_input_and_a_dying_worker_cost_only_their_own_input():
    texts = [f"story {n}" for n in range(40)]
    texts[7], texts[23] = "raise", "die"
    drafts: list[Draft | InputError] = [Draft(f"s{n}.md", text) for n, text in enumerate(texts)]
    drafts.insert(12, InputError("gone.md", "no such file"))
    results = list(map_in_order(shout, drafts, jobs=2, size=lambda d: len(d.text)))
    assert len(results) == len(drafts)
    for draft, result in zip(drafts, results):
        if isinstance(draft, InputError):
            assert result is draft
        elif draft.text == "raise":
            assert isinstance(result, ExtractionError) and result.source == draft.source
            assert "ValueError: no figures in this one" in str(result)
        elif draft.text == "die":
            assert isinstance(result, ExtractionError) and result.source == draft.source
            assert "worker process reading it stopped" in str(result)
        else:
            assert result == draft.text.upper()


def where(draft: Draft) -> int:
    """The process that worked on `draft`."""
    return os.getpid()


def test_a_batch_that_needs_workers_is_theirs_alone_and_a_small_one_starts_none():
    """Past IN_PROCESS_FIRST characters this process works on no input: it would build the pipeline's tables a second time."""
    drafts = [Draft(f"s{n}.md", "x" * 1000) for n in range(2 * IN_PROCESS_FIRST // 1000)]
    sizes = {"size": lambda d: len(d.text), "in_process_first": IN_PROCESS_FIRST}
    assert os.getpid() not in set(map_in_order(where, drafts, jobs=2, **sizes))
    assert set(map_in_order(where, drafts[: IN_PROCESS_FIRST // 1000], jobs=2, **sizes)) == {os.getpid()}


def _running_pool(tmp_path: Path, **popen: Any) -> tuple[subprocess.Popen[bytes], list[int], Path]:
    """`extract --jobs 2` over 300 files, once its fork server and two workers are up and the first claims are written."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 300, paragraphs=12)
    output = tmp_path / "claims.jsonl"
    with output.open("wb") as sink:
        proc = subprocess.Popen(
            console_script() + ["extract", str(corpus), "--format", "jsonl", "--jobs", "2"],
            stdout=sink, stderr=subprocess.PIPE, **popen,
        )
    deadline = time.monotonic() + 60
    while (len(workers := _descendants(proc.pid)) < 3 or not output.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)  # the fork server and two workers (the whole batch is theirs), and their first documents
    return proc, workers, output


def test_ctrl_c_stops_the_workers_and_leaves_whole_lines(tmp_path: Path):
    proc, workers, output = _running_pool(
        tmp_path, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a shell's background jobs ignore it
    )
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
    _, errors = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in errors and b"KeyboardInterrupt" not in errors
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["document"] for line in lines)
    assert len(workers) >= 3, "the pool should have been running"
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def test_sigterm_to_the_command_alone_stops_its_workers(tmp_path: Path):
    """A CI timeout or `kill PID` signals the command only: its workers must not live on."""
    proc, workers, output = _running_pool(tmp_path)
    proc.terminate()
    _, errors = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in errors
    lines = output.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["document"] for line in lines)
    assert len(workers) >= 3, "the pool should have been running"
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


def test_sigterm_while_the_fork_server_warms_up_leaves_no_process(tmp_path: Path):
    """The fork server starts with the second input and imports while the command works: stopped then, all ends quietly."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 300, paragraphs=12)
    proc = subprocess.Popen(
        console_script() + ["extract", str(corpus), "--format", "jsonl", "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while len(started := _descendants(proc.pid)) < 2 and time.monotonic() < deadline:  # resource tracker, fork server
        time.sleep(0.01)
    proc.terminate()
    _, errors = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in errors
    assert len(started) >= 2, "the fork server should have been starting"
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in started)


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`, from /proc (Linux); empty elsewhere."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
