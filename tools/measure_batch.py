"""Measure `claimcheck extract` on a generated corpus: wall time, CPU time and peak memory of the process tree.

    python tools/measure_batch.py --mb 20 --files 2000 --jobs 1 2 --repeat 3
    python tools/measure_batch.py --mb 1000 --files 10000 --jobs 2 --repeat 1 --command check   # the 1 GB run
    python tools/measure_batch.py --corpus /tmp/bench-corpus --format csv --jobs 1 2        # a folder you made

The corpus (our own generated articles, tests/corpus.py) is written once to --dir and
reused, or --corpus names a folder of articles to use as it is. Each run is the real console
script (`extract --format jsonl` or another --format, or `check`), its output lines counted and thrown away. Memory is the sum of the resident sizes of the command and every process
below it (workers, fork server), sampled every 50 ms from /proc: an upper bound, since
pages the workers share with the fork server are counted in each. CPU is user + system
time of all of them, read from /proc as each is last seen, so a shared machine's noise
shows in wall time but not in CPU time. Linux only.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus import write_corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, CPU seconds, resident bytes) of a live process, from /proc."""
    try:
        fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS, int(fields[21]) * PAGE


class TreeWatch(threading.Thread):
    """Samples the process tree below `pid`: the peak of its summed RSS, each process's last CPU time."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.cpu, self.most, self.every = pid, 0, {}, 0, every
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            stats = {int(p.name): s for p in Path("/proc").glob("[0-9]*") if (s := _stat(int(p.name)))}
            tree, todo = set(), [self.pid]
            while todo:
                parent = todo.pop()
                if parent in stats:
                    tree.add(parent)
                    todo += [pid for pid, s in stats.items() if s[0] == parent and pid not in tree]
            self.peak = max(self.peak, sum(stats[p][2] for p in tree))
            self.most = max(self.most, len(tree))
            for p in tree:
                self.cpu[p] = stats[p][1]
            time.sleep(self.every)


COMMANDS = {
    "extract": ["extract", "--format", "jsonl"],
    "check": ["check", "--format", "text", "--fail-on", "never"],
}


def measure(corpus: Path, jobs: int, command_name: str = "extract", every: float = 0.05, fmt: str | None = None) -> dict[str, float]:
    """One run of the command over `corpus`; `fmt` replaces its default --format."""
    name, *options = COMMANDS[command_name]
    if fmt is not None:
        options[options.index("--format") + 1] = fmt
    command = [str(Path(sys.executable).with_name("claimcheck")), name, str(corpus), *options, "--jobs", str(jobs)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watch = TreeWatch(proc.pid, every)
    watch.start()
    assert proc.stdout is not None
    lines, first = 0, None
    for _ in proc.stdout:
        lines += 1
        if first is None:
            first = time.perf_counter() - started
    proc.wait()
    wall = time.perf_counter() - started
    watch.done.set()
    watch.join()
    return {"wall": wall, "cpu": sum(watch.cpu.values()), "parent_cpu": watch.cpu.get(proc.pid, 0.0),
            "peak_mb": watch.peak / 1e6, "lines": lines,
            "first_line": first or 0.0, "processes": watch.most, "status": proc.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20, help="corpus size in megabytes")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--command", choices=sorted(COMMANDS), default="extract",
                        help="extract (JSON lines, a line per claim) or check (text, a line per finding)")
    parser.add_argument("--format", dest="fmt", help="the command's --format instead of jsonl (extract) or text (check)")
    parser.add_argument("--corpus", type=Path, help="measure this folder of articles instead of a generated corpus")
    parser.add_argument("--every", type=float, default=0.05,
                        help="seconds between memory samples (a long run needs fewer: each scans /proc)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/claimcheck-corpus"))
    args = parser.parse_args()
    corpus = args.corpus or args.dir / f"{args.mb:g}mb-{args.files}"
    if not corpus.exists():
        paragraphs = max(1, round(args.mb * 1e6 / args.files / 250))  # a paragraph is about 250 bytes
        write_corpus(corpus, args.files, paragraphs=paragraphs, folders=max(1, args.files // 1000))
    articles = [p for p in corpus.rglob("*") if p.suffix in (".md", ".txt", ".html")]
    size = sum(p.stat().st_size for p in articles)
    print(f"corpus: {size / 1e6:.1f} MB in {len(articles)} files ({corpus})")
    for jobs in args.jobs:
        runs = [measure(corpus, jobs, args.command, args.every, args.fmt) for _ in range(args.repeat)]
        median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        print(f"--jobs {jobs}: median of {args.repeat}: wall {median['wall']:.1f} s, CPU {median['cpu']:.1f} s "
              f"(parent {median['parent_cpu']:.1f} s), "
              f"{size / 1e6 / median['wall']:.2f} MB/s, peak RSS of the tree {median['peak_mb']:.0f} MB "
              f"({median['processes']:.0f} processes), first line after {median['first_line']:.2f} s, "
              f"{median['lines']:.0f} lines out, exit {median['status']:.0f}", flush=True)


if __name__ == "__main__":
    main()
