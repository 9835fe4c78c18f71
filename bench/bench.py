#!/usr/bin/env python3
"""Benchmark claimcheck: per-stage throughput, CLI start-up, --jobs scaling, peak memory.

    python bench/bench.py [--mb 4] [--json results.json] [--skip-cli]

The corpus is built from the project's own articles (data/, tests/data/) and variants
of them with other numbers, names and dates, so it looks like news but belongs to us.
Everything runs on this machine; numbers are printed as a table and, with --json, saved.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimcheck  # noqa: E402
from claimcheck.attribute import attribute  # noqa: E402
from claimcheck.extract import find_dates, find_quantities  # noqa: E402
from claimcheck.load import decode, read_prose  # noqa: E402
from claimcheck.pipeline import build_claims, merge_mentions, reference_date_of  # noqa: E402
from claimcheck.report.machine import JsonReporter  # noqa: E402
from claimcheck.segment import segment  # noqa: E402

_DIGITS = re.compile(r"\d")
_NAMES = ["Ruiz", "Okafor", "Delaney", "Reyes", "Kent", "Marsh", "Ito", "Novak"]


def source_articles() -> list[str]:
    paths = sorted(ROOT.glob("data/*.md")) + sorted(ROOT.glob("data/*.txt"))
    paths += sorted((ROOT / "tests" / "data").rglob("*.md"))
    return [p.read_text(encoding="utf-8") for p in paths]


def variant(text: str, rng: random.Random) -> str:
    """The same article with other digits and speaker names: new claims, same shape."""
    text = _DIGITS.sub(lambda m: str(rng.randint(0, 9)), text)
    for name in _NAMES:
        if name in text:
            text = text.replace(name, rng.choice(_NAMES))
    return text


def build_corpus(megabytes: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    base = source_articles()
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        doc = variant(rng.choice(base), rng)
        docs.append(doc)
        size += len(doc)
    return docs


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def stage_throughput(docs: list[str]) -> dict[str, float]:
    """Characters per second of each stage alone, and of the whole library pipeline."""
    chars = sum(len(d) for d in docs)
    raw = [d.encode("utf-8") for d in docs]
    proses = [read_prose(d) for d in docs]
    segs = [segment(p.prose) for p in proses]
    refs = [reference_date_of(p, None, {})[0] for p in proses]
    dates = [find_dates(p.prose, r) for p, r in zip(proses, refs)]
    quantities = [find_quantities(p.prose) for p in proses]
    mentions = [merge_mentions(d, q) for d, q in zip(dates, quantities)]
    sources = [attribute(p.prose, s, m) for p, s, m in zip(proses, segs, mentions)]
    documents = [claimcheck.extract(d) for d in docs]

    class Sink:
        def write(self, s: str) -> int:
            return len(s)

        def flush(self) -> None:
            pass

    def report() -> None:
        reporter = JsonReporter(Sink())  # type: ignore[arg-type]
        reporter.start()
        for doc in documents:
            reporter.document(doc)
        reporter.finish()

    stages: dict[str, Callable[[], object]] = {
        "load (decode)": lambda: [decode(b, "x") for b in raw],
        "prose view": lambda: [read_prose(d) for d in docs],
        "segment": lambda: [segment(p.prose) for p in proses],
        "numbers": lambda: [find_quantities(p.prose) for p in proses],
        "dates": lambda: [find_dates(p.prose, r) for p, r in zip(proses, refs)],
        "attribution": lambda: [attribute(p.prose, s, m) for p, s, m in zip(proses, segs, mentions)],
        "claims (place, id)": lambda: [build_claims(d, s, m, src) for d, s, m, src in zip(docs, segs, mentions, sources)],
        "report (json)": report,
        "whole pipeline + json": lambda: (
            [claimcheck.extract(d) for d in docs],
            report(),
        ),
    }
    return {name: chars / timed(fn) for name, fn in stages.items()}


def median_wall(argv: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cli_startup() -> dict[str, float]:
    exe = Path(sys.executable).with_name("claimcheck")
    cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "claimcheck"]
    article = str(ROOT / "data" / "flood-relief-wire.md")
    bare = median_wall([sys.executable, "-c", "pass"])
    version = median_wall(cli + ["--version"])
    one = median_wall(cli + ["extract", article, "--format", "json"])
    return {
        "python -c pass (s)": bare,
        "claimcheck --version (s)": version,
        "claimcheck extract one article (s)": one,
        "--version / bare": version / bare,
        "extract / bare": one / bare,
    }


def peak_memory_mb(docs: list[str]) -> float:
    """Peak RSS of a CLI run over the corpus written out as files."""
    exe = Path(sys.executable).with_name("claimcheck")
    cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "claimcheck"]
    with tempfile.TemporaryDirectory() as tmp:
        for i, doc in enumerate(docs):
            Path(tmp, f"a{i:05d}.md").write_text(doc, encoding="utf-8")
        code = (
            "import resource, subprocess, sys;"
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        out = subprocess.run([sys.executable, "-c", code, *cli, "extract", tmp, "--format", "jsonl"],
                             capture_output=True, text=True, check=True)
        return int(out.stdout.strip()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size in millions of characters")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--skip-cli", action="store_true", help="library stages only")
    args = ap.parse_args()

    docs = build_corpus(args.mb)
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                    "cores": os.cpu_count(), "system": platform.system()},
        "corpus": {"documents": len(docs), "chars": sum(len(d) for d in docs)},
        "chars_per_s": stage_throughput(docs),
    }
    if not args.skip_cli:
        results["startup"] = cli_startup()
        results["peak_memory_mb"] = peak_memory_mb(docs)

    print(f"corpus: {results['corpus']['documents']} documents, {results['corpus']['chars']:,} characters")
    print(f"{'stage':28s} {'chars/s':>14s}")
    for name, rate in results["chars_per_s"].items():  # type: ignore[union-attr]
        print(f"{name:28s} {rate:14,.0f}")
    if "startup" in results:
        for name, value in results["startup"].items():  # type: ignore[union-attr]
            print(f"{name:36s} {value:8.3f}")
        print(f"{'peak memory, CLI over corpus (MB)':36s} {results['peak_memory_mb']:8.1f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
