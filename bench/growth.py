#!/usr/bin/env python3
"""How claimcheck's time grows with the size of pathological inputs.

    python bench/growth.py [--start 125000] [--max 1000000] [--family NAME]... [--json out.json]

Each family is a text built to stress one kind of pattern or loop (a million digits, a
million commas, "1,1,1,...", 100,000 quote marks, one long line, 100,000 one-word
paragraphs, ...). Sizes double from --start to --max characters; at each size a fresh
child process times (CPU seconds) every stage and the whole pipeline with its JSON
report, so a hang shows as a timeout instead of stopping the run. The growth exponent is
the slope of log(seconds) against log(size): 1.0 is linear, 2.0 quadratic. Results are
printed as a table and, with --json, saved.
"""
from __future__ import annotations

import argparse
import json
import math
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("load", "segment", "numbers", "dates", "attribution", "report", "whole")


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


_SENTENCE = "Some 1,200 residents fled on March 14, 2024, officials said, and 12% returned. "

# Name -> text of about n characters.
FAMILIES: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "commas": lambda n: "," * n,
    "1,1,1": _repeat("1,"),
    "1 1 1": _repeat("1 "),
    "1.1.1": _repeat("1."),
    "straight quotes": lambda n: '"' * n,
    "curly quotes": lambda n: "“" * n,
    "backtick runs": _repeat("``a`"),
    "one long line": _repeat(_SENTENCE),
    "one-word paragraphs": _repeat("word\n\n"),
    "spaces": lambda n: "a" + " " * n + "1",
    "number words": _repeat("one "),
    "weekdays": _repeat("Monday "),
    "percents": _repeat("1% "),
    "run-on said": _repeat("Ruiz said 1,200 people and "),
    "unclosed quote": lambda n: "“" + _repeat("we saw 1,200 people on Monday and ")(n),
    "html comment": lambda n: "<!--" + "a" * n,
    "link brackets": _repeat("[a]("),
}


def measure(family: str, size: int) -> dict[str, float]:
    """CPU seconds of each stage on one text (runs in the child process)."""
    sys.path.insert(0, str(ROOT))
    import io

    import claimcheck
    from claimcheck.attribute import attribute
    from claimcheck.extract import find_dates, find_quantities
    from claimcheck.load import read_prose
    from claimcheck.pipeline import build_claims, merge_mentions
    from claimcheck.report.machine import JsonReporter
    from claimcheck.segment import segment

    claimcheck.extract("Warm-up: 3 people on Monday, officials said.")  # compile the patterns
    text = FAMILIES[family](size)
    clock = time.process_time
    times: dict[str, float] = {}
    t = clock()
    prose = read_prose(text)
    times["load"] = clock() - t
    t = clock()
    segmentation = segment(prose.prose)
    times["segment"] = clock() - t
    t = clock()
    quantities = find_quantities(prose.prose)
    times["numbers"] = clock() - t
    t = clock()
    dates = find_dates(prose.prose, None)
    times["dates"] = clock() - t
    mentions = merge_mentions(dates, quantities)
    t = clock()
    sources = attribute(prose.prose, segmentation, mentions)
    times["attribution"] = clock() - t
    t = clock()
    claims = build_claims(text, segmentation, mentions, sources)
    doc = claimcheck.Document(source="growth", text=text, claims=claims)
    reporter = JsonReporter(io.StringIO())
    reporter.start()
    reporter.document(doc)
    reporter.finish()
    times["report"] = clock() - t
    t = clock()
    reporter = JsonReporter(io.StringIO())
    reporter.start()
    reporter.document(claimcheck.extract(text))
    reporter.finish()
    times["whole"] = clock() - t
    times["claims"] = len(claims)
    return times


def run_child(family: str, size: int, timeout: float) -> dict[str, float] | None:
    """One measurement in a fresh process; None when it ran out of time."""
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", family, str(size)],
            capture_output=True, text=True, timeout=timeout, check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout)


def exponent(sizes: list[int], seconds: list[float]) -> float | None:
    """Least-squares slope of log(seconds) on log(size), from the sizes timed above noise."""
    points = [(math.log(n), math.log(s)) for n, s in zip(sizes, seconds) if s >= 0.01]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--start", type=int, default=125_000, help="smallest size in characters")
    ap.add_argument("--max", type=int, default=1_000_000, help="largest size in characters")
    ap.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these (repeatable)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before one size counts as a hang")
    ap.add_argument("--budget", type=float, default=30.0, help="stop doubling a family once one size takes this long")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--child", nargs=2, metavar=("FAMILY", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return

    sizes = []
    n = args.start
    while n <= args.max:
        sizes.append(n)
        n *= 2
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
        "sizes": sizes,
        "families": {},
    }
    print(f"CPU seconds of the whole pipeline + JSON report; sizes in characters: {', '.join(f'{s:,}' for s in sizes)}")
    print(f"{'family':20s} " + " ".join(f"{s:>9,}" for s in sizes) + f" {'exponent':>8s}  slowest stage (exponent)")
    for family in args.family or FAMILIES:
        rows: list[dict[str, float] | None] = []
        for size in sizes:
            row = run_child(family, size, args.timeout)
            rows.append(row)
            if row is None or row["whole"] > args.budget:
                break
        timed = [(s, r) for s, r in zip(sizes, rows) if r is not None]
        exponents = {
            stage: exponent([s for s, _ in timed], [r[stage] for _, r in timed]) for stage in STAGES
        }
        results["families"][family] = {  # type: ignore[index]
            "sizes": [s for s, _ in timed],
            "seconds": {stage: [round(r[stage], 4) for _, r in timed] for stage in STAGES},
            "claims": [int(r["claims"]) for _, r in timed],
            "exponent": {stage: (round(e, 2) if e is not None else None) for stage, e in exponents.items()},
            "timed_out_at": sizes[len(timed)] if len(timed) < len(rows) else None,
        }
        cells = [f"{r['whole']:9.3f}" if r else f"{'hang':>9s}" for r in rows]
        cells += [f"{'-':>9s}"] * (len(sizes) - len(cells))
        worst = max((s for s in STAGES if s != "whole" and exponents[s] is not None),
                    key=lambda s: timed[-1][1][s] if timed else 0, default=None)
        whole = exponents["whole"]
        slowest = f"{worst} ({exponents[worst]:.2f})" if worst else ""
        shown = "-" if whole is None else f"{whole:.2f}"
        print(f"{family:20s} " + " ".join(cells) + f" {shown:>8s}  {slowest}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
