"""The Dask recipe of docs/dask.md on a two-worker LocalCluster gives the claims the command line gives."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from claimcheck.contrib.dask import errors, extract_paths, extract_records, write_jsonl, write_parquet  # noqa: E402
from corpus import write_corpus  # noqa: E402


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("claimcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimcheck"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        with distributed.Client(running) as client:
            yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list[Path], Path, list[str]]:
    root = tmp_path_factory.mktemp("archive")
    articles = write_corpus(root, 60, paragraphs=4)
    bad = articles[30]
    bad.write_bytes(b"\x00\x01\x02 not text \x00")
    proc = subprocess.run(console_script() + ["extract", str(root), "--format", "jsonl", "--jobs", "1"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    return articles, bad, proc.stdout.splitlines()


def test_jsonl_from_files_on_two_workers_equals_the_command_line(cluster, corpus, tmp_path: Path):
    articles, bad, expected = corpus
    outcomes = extract_paths(articles, partition_size=16).persist()
    written = write_jsonl(outcomes, tmp_path / "claims")
    assert len(written) == 4
    lines = [line for path in sorted(written, key=lambda p: int(Path(p).stem)) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    assert lines == expected
    assert errors(outcomes) == [(str(bad), "binary data, not a text article (skipped); save its text as UTF-8 and check that file")]
    assert len(cluster.scheduler_info()["workers"]) == 2


def test_parquet_holds_the_same_claims(cluster, corpus, tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    articles, _, expected = corpus
    written = write_parquet(extract_paths(articles, partition_size=16), tmp_path / "claims")
    rows = [row for path in sorted(written) for row in pq.read_table(path).to_pylist()]
    wanted = [json.loads(line) for line in expected]
    assert [(r["document"], r["id"], r["text"], r["start"]) for r in rows] == [(w["document"], w["id"], w["text"], w["start"]) for w in wanted]
    assert [r["value"] for r in rows] == [None if w["value"] is None else float(w["value"]) for w in wanted]
    assert [r["source"] for r in rows] == [w["source"] for w in wanted]
    assert [r["date"] for r in rows] == [w["date"] for w in wanted]


def test_an_archive_of_json_records_gives_the_same_claims(cluster, corpus, tmp_path: Path):
    articles, bad, expected = corpus
    export = tmp_path / "export.jsonl"
    with export.open("w", encoding="utf-8") as out:
        for path in articles:
            if path != bad:
                out.write(json.dumps({"source": str(path), "text": path.read_text(encoding="utf-8")}) + "\n")
    written = write_jsonl(extract_records(str(export)), tmp_path / "claims")
    lines = [line for path in sorted(written, key=lambda p: int(Path(p).stem)) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    assert lines == expected
