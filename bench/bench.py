#!/usr/bin/env python3
"""Benchmark claimcheck: per-stage throughput, CLI start-up, --jobs scaling, peak memory.

    python bench/bench.py [--mb 4] [--json results.json] [--skip-cli]

The corpus is news-like articles made from the paragraphs of the project's own sample
articles (data/), with other numbers, months, weekdays, years, speakers and quote-mark
styles, so it reads like news but belongs to us; the short test drafts of tests/data/
give a second, denser measure. Library stages are timed in CPU seconds (best of 3); the
whole pipeline runs as the command line runs it, each article extracted, written as JSON
and let go. CLI start-up in CPU seconds of the child (best of 9, the commands taking
turns) against `python -c pass`, --jobs in wall-clock seconds. Numbers are printed as a table and, with --json, saved.
Pathological inputs and how time grows with size: bench/growth.py.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import venv
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
_MONTHS = ["January", "February", "March", "April", "June", "July", "September", "October", "November"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_OR_DAY = re.compile(r"\b(?:" + "|".join(_MONTHS + _WEEKDAYS) + r")\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_STRAIGHT_QUOTE = re.compile(r'"([^"\n]*)"')
_CURLY_QUOTE = re.compile(r"“([^”\n]*)”")


def article_paths() -> list[Path]:
    """The project's own news articles (data/), not the short test drafts."""
    return sorted(ROOT.glob("data/*.md")) + sorted(ROOT.glob("data/*.txt"))


def draft_paths() -> list[Path]:
    return sorted((ROOT / "tests" / "data").rglob("*.md"))


def variant(text: str, rng: random.Random) -> str:
    """The same article with other digits and speaker names: new claims, same shape."""
    text = _DIGITS.sub(lambda m: str(rng.randint(0, 9)), text)
    for name in _NAMES:
        if name in text:
            text = text.replace(name, rng.choice(_NAMES))
    return text


def news_variant(paragraphs: list[str], rng: random.Random) -> str:
    """A new article of 8 to 24 paragraphs drawn from the sample articles, with other
    numbers, dates (months, weekdays, years), speakers and quote-mark styles."""
    chosen = [rng.choice(paragraphs) for _ in range(rng.randint(8, 24))]
    text = f"# Story {rng.randint(1, 10**6)}\n\n" + "\n\n".join(chosen) + "\n"
    text = variant(text, rng)
    text = _MONTH_OR_DAY.sub(lambda m: rng.choice(_MONTHS if m.group() in _MONTHS else _WEEKDAYS), text)
    text = _YEAR.sub(lambda m: str(rng.randint(1990, 2030)), text)
    if rng.random() < 0.5:
        text = _STRAIGHT_QUOTE.sub(lambda m: f"“{m.group(1)}”", text)
    else:
        text = _CURLY_QUOTE.sub(lambda m: f'"{m.group(1)}"', text)
    return text


def build_corpus(megabytes: float, seed: int = 7) -> list[str]:
    """News-like articles, about `megabytes` million characters in all."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for path in article_paths() for p in path.read_text(encoding="utf-8").split("\n\n")]
    paragraphs = [p for p in paragraphs if len(p) > 60 and not p.startswith(("<!--", "---"))]
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        doc = news_variant(paragraphs, rng)
        docs.append(doc)
        size += len(doc)
    return docs


def build_drafts(megabytes: float, seed: int = 7) -> list[str]:
    """Short, dense test drafts (a few hundred characters, several claims each)."""
    rng = random.Random(seed)
    base = [p.read_text(encoding="utf-8") for p in draft_paths()]
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        doc = variant(rng.choice(base), rng)
        docs.append(doc)
        size += len(doc)
    return docs


def load_corpus(path: Path) -> list[str]:
    """Articles of your own to time the whole pipeline on (an archive, a benchmark): a
    folder of .txt and .md files, or JSON lines with the article in a "text" field."""
    if path.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(path.rglob("*")) if p.suffix in (".txt", ".md")]
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def claim_count(docs: list[str]) -> int:
    return sum(len(claimcheck.extract(d).claims) for d in docs)


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU seconds of `repeat` runs: other work on the machine adds less noise to
    CPU time than to wall-clock time."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
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

    stages: dict[str, Callable[[], object]] = {
        "load (decode)": lambda: [decode(b, "x") for b in raw],
        "prose view": lambda: [read_prose(d) for d in docs],
        "segment": lambda: [segment(p.prose) for p in proses],
        "numbers": lambda: [find_quantities(p.prose) for p in proses],
        "dates": lambda: [find_dates(p.prose, r) for p, r in zip(proses, refs)],
        "attribution": lambda: [attribute(p.prose, s, m) for p, s, m in zip(proses, segs, mentions)],
        "claims (place, id)": lambda: [build_claims(d, s, m, src) for d, s, m, src in zip(docs, segs, mentions, sources)],
        "report (json)": lambda: report(documents),
        "whole pipeline + json": lambda: stream(docs),
    }
    return {name: chars / timed(fn) for name, fn in stages.items()}


class Sink:
    """Output that is counted and dropped: the JSON is made, not stored."""

    def write(self, s: str) -> int:
        return len(s)

    def flush(self) -> None:
        pass


def report(documents: list[claimcheck.Document]) -> None:
    reporter = JsonReporter(Sink())  # type: ignore[arg-type]
    reporter.start()
    for doc in documents:
        reporter.document(doc)
    reporter.finish()


def stream(docs: list[str]) -> None:
    """The whole pipeline as the command line runs it: each article extracted, written as
    JSON and let go before the next, so memory stays flat and no result is kept."""
    reporter = JsonReporter(Sink())  # type: ignore[arg-type]
    reporter.start()
    for doc in docs:
        reporter.document(claimcheck.extract(doc))
    reporter.finish()


def whole_throughput(docs: list[str]) -> float:
    """Characters per second of the whole pipeline + JSON over `docs`."""
    return sum(len(d) for d in docs) / timed(lambda: stream(docs))


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("claimcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "claimcheck"]


def child_cpu(argv: list[str]) -> float:
    """CPU seconds (user + system) of one run of a child process, and nothing else."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def bare_python(folder: str) -> list[str]:
    """`python -c pass` in a new environment with nothing installed.

    Not this environment's own python: a development (editable) install puts an import
    hook in site-packages that every start runs (pathlib, re, enum and more: 50 M
    instructions, more than Python's own start-up), which a regular install does not, and
    it would flatter every ratio against it."""
    venv.create(folder, with_pip=False)
    bindir = "Scripts" if os.name == "nt" else "bin"
    return [str(Path(folder, bindir, "python")), "-c", "pass"]


def cli_startup(runs: int = 9) -> dict[str, float]:
    """CPU seconds of cold CLI runs against a bare `python -c pass`, best of `runs` each.

    The three commands take turns, so a spell of load on a shared host falls on all of them
    and not on one block of runs. The package's bytecode is compiled first, as an installed
    package's is: a checkout run with PYTHONDONTWRITEBYTECODE would otherwise recompile
    every module on every start."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "claimcheck")],
                   stdout=subprocess.DEVNULL, check=True)
    article = str(ROOT / "data" / "flood-relief-wire.md")
    with tempfile.TemporaryDirectory() as bare:
        commands = {
            "python -c pass (s)": bare_python(bare),
            "claimcheck --version (s)": _cli() + ["--version"],
            "claimcheck extract one article (s)": _cli() + ["extract", article, "--format", "json"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, argv in commands.items():
                times[name].append(child_cpu(argv))
    best = {name: min(seconds) for name, seconds in times.items()}
    bare_s, version, one = best.values()
    return {**best, "--version / bare": version / bare_s, "extract / bare": one / bare_s}


def write_corpus(docs: list[str], folder: str) -> None:
    for i, doc in enumerate(docs):
        Path(folder, f"a{i:05d}.md").write_text(doc, encoding="utf-8")


def jobs_scaling(folder: str, jobs: tuple[int, ...] = (1, 2, 4)) -> dict[str, dict[str, float]]:
    """`claimcheck extract DIR --format jsonl --jobs N`: wall-clock seconds (parallel work is
    wall time), CPU of the whole process tree and of the parent, and the peak of the tree's
    summed resident memory (tools/measure_batch.py, which samples /proc)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from measure_batch import measure

    return {f"--jobs {n}": measure(Path(folder), n) for n in jobs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size in millions of characters")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--skip-cli", action="store_true", help="library stages only")
    ap.add_argument("--corpus", type=Path, action="append", default=[],
                    help="also time the whole pipeline on these articles: a folder of .txt/.md "
                         "files or JSON lines with a \"text\" field (repeatable)")
    args = ap.parse_args()

    docs = build_corpus(args.mb)
    drafts = build_drafts(min(args.mb, 1.0))
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                    "cores": os.cpu_count(), "system": platform.system()},
        "corpus": {"documents": len(docs), "chars": sum(len(d) for d in docs), "claims": claim_count(docs)},
        "chars_per_s": stage_throughput(docs),
        "drafts_chars_per_s": whole_throughput(drafts),
        "other_corpora": {},
    }
    for path in args.corpus:
        articles = load_corpus(path)
        results["other_corpora"][str(path)] = {  # type: ignore[index]
            "documents": len(articles), "chars": sum(len(a) for a in articles),
            "claims": claim_count(articles), "chars_per_s": whole_throughput(articles)}
    if not args.skip_cli:
        results["startup"] = cli_startup()
        with tempfile.TemporaryDirectory() as folder:
            write_corpus(docs, folder)
            results["jobs"] = jobs_scaling(folder)

    corpus = results["corpus"]
    print(f"news corpus: {corpus['documents']} articles, {corpus['chars']:,} characters, "  # type: ignore[index]
          f"a claim every {corpus['chars'] / max(corpus['claims'], 1):.0f}; CPU time, best of 3")  # type: ignore[index]
    print(f"{'stage':28s} {'chars/s':>14s}")
    for name, rate in results["chars_per_s"].items():  # type: ignore[union-attr]
        print(f"{name:28s} {rate:14,.0f}")
    print(f"{'whole, short test drafts':28s} {results['drafts_chars_per_s']:14,.0f}")
    for path, other in results["other_corpora"].items():  # type: ignore[union-attr]
        print(f"whole, {path}: {other['chars_per_s']:,.0f} chars/s ({other['documents']} articles, "
              f"{other['chars']:,} characters, a claim every {other['chars'] / max(other['claims'], 1):.0f})")
    if "startup" in results:
        for name, value in results["startup"].items():  # type: ignore[union-attr]
            print(f"{name:36s} {value:8.3f}")
        print(f"extract corpus as files, --format jsonl: {'wall s':>8s} {'CPU s':>8s} {'parent':>8s} {'peak MB':>8s}")
        for name, run in results["jobs"].items():  # type: ignore[union-attr]
            print(f"{name:40s} {run['wall']:8.2f} {run['cpu']:8.2f} {run['parent_cpu']:8.2f} {run['peak_mb']:8.0f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
