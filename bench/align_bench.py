#!/usr/bin/env python3
"""Benchmark claim alignment (`claimcheck diff`, ledger reconciliation) on long documents.

    python bench/align_bench.py [--copies 40]

The document is the project's own sample articles (data/) repeated; the new versions
change a few figures, or reword every sentence (the worst case: no claim keeps its id).
CPU time (time.process_time), best of three, so other work on the machine matters less.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimcheck  # noqa: E402
from claimcheck.align import align, records  # noqa: E402

_FIGURE = re.compile(r"\b(\d{2,})\b")


def best_cpu(work, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="how many times the sample articles are repeated")
    copies = parser.parse_args().copies
    base = "\n\n".join(p.read_text(encoding="utf-8").split("---\n", 2)[-1] for p in sorted((ROOT / "data").glob("*.md")))
    text = "\n\n".join(base for _ in range(copies))
    counter = iter(range(10**9))
    few = _FIGURE.sub(lambda m: str(int(m.group(1)) + 1) if next(counter) % 50 == 0 else m.group(1), text)
    every = re.sub(r"\b(the|The|a|and) ", r"\1 very ", text)
    old = records(claimcheck.extract(text).claims)
    print(f"{len(old)} claims, {len(text) // 1000} kB")
    for name, version in (("unchanged", text), ("a figure in 50 changed", few), ("every sentence reworded", every)):
        new = records(claimcheck.extract(version).claims)
        seconds = best_cpu(lambda: align(old, new))
        result = align(old, new)
        print(
            f"{name:<26} {seconds * 1000:8.1f} ms CPU  {seconds / max(len(new), 1) * 1e6:6.1f} µs/claim"
            f"  unchanged {len(result.unchanged)}, changed {len(result.changed)}, added {len(result.added)}, removed {len(result.removed)}"
        )


if __name__ == "__main__":
    main()
