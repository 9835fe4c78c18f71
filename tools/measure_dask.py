"""Throughput of the Dask recipe (claimcheck/contrib/dask.py) per worker, on a generated corpus.

    python tools/measure_dask.py --files 2000 --paragraphs 10 --workers 2

Starts a LocalCluster of --workers single-threaded worker processes, extracts the corpus
to JSON lines, and reports wall time and, from Dask's task stream, the compute time each
worker spent: megabytes per second of worker compute time is the figure that carries over
to a real cluster (one worker per core), whatever else the machine was doing.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus import write_corpus  # noqa: E402


def main() -> None:
    from distributed import Client, LocalCluster, get_task_stream

    from claimcheck.contrib.dask import extract_paths, write_jsonl

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--paragraphs", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        articles = write_corpus(Path(scratch) / "corpus", args.files, paragraphs=args.paragraphs, folders=max(1, args.files // 1000))
        size = sum(p.stat().st_size for p in articles)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(_warm)
            before = client.run(time.process_time)
            started = time.perf_counter()
            with get_task_stream() as stream:
                written = write_jsonl(extract_paths(articles), Path(scratch) / "claims")
            wall = time.perf_counter() - started
            after = client.run(time.process_time)
        busy: dict[str, float] = defaultdict(float)
        for task in stream.data:
            for span in task["startstops"]:
                if span["action"] == "compute":
                    busy[task["worker"]] += span["stop"] - span["start"]
        claims = sum(1 for path in written for _ in open(path, encoding="utf-8"))
    print(f"{size / 1e6:.1f} MB in {args.files} files, {claims} claims, {args.workers} workers: wall {wall:.1f} s, "
          f"{size / 1e6 / wall:.2f} MB/s in all")
    for worker, seconds in sorted(busy.items()):
        print(f"  {worker}: {seconds:.1f} s in tasks (wall), {after[worker] - before[worker]:.1f} s CPU")
    cpu = sum(after[w] - before[w] for w in after)
    print(f"per worker: {size / 1e6 / cpu:.3f} MB/s of CPU ({args.files / cpu:.1f} files/s, {claims / cpu:.0f} claims/s); "
          f"per worker from task wall time: {size / 1e6 / sum(busy.values()):.3f} MB/s")


def _warm() -> None:
    """Import and build the pipeline's tables in a worker before the clock starts, as a long run amortises them."""
    from claimcheck import extract

    extract("WASHINGTON, March 1, 2023 — About 1,200 people left on Tuesday, officials said.")


if __name__ == "__main__":
    main()
