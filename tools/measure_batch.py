"""Measure `claimcheck extract` on a generated corpus: wall time, CPU time and peak memory of the process tree.

    python tools/measure_batch.py --mb 20 --files 2000 --jobs 1 2 --repeat 3
    python tools/measure_batch.py --mb 1000 --files 10000 --jobs 2 --repeat 1 --command check   # the 1 GB run
    python tools/measure_batch.py --corpus /tmp/bench-corpus --format csv --jobs 1 2        # a folder you made
    python tools/measure_batch.py --corpus /tmp/bench-corpus --jobs 2 --repeat 1 --timeline 0.25 --every 0.02

The corpus (our own generated articles, tests/corpus.py) is written once to --dir and
reused, or --corpus names a folder of articles to use as it is. Each run is the real console
script (`extract --format jsonl` or another --format, or `check`), its output lines counted and thrown away. Memory is the sum of the resident sizes of the command and every process
below it (workers, fork server), sampled every 50 ms from /proc: an upper bound, since
pages the workers share with the fork server are counted in each. CPU is user + system
time of all of them, read from /proc as each is last seen, so a shared machine's noise
shows in wall time but not in CPU time. Linux only. --timeline prints, for the first run of
each --jobs, the CPU each process used in each slice of time (parent, fork server, resource
tracker, workers): where the wall time goes, and when a core waits.
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
    """Samples the process tree below `pid`: the peak of its summed RSS, each process's last CPU time,
    and (for --timeline) each process's CPU time at each sample, with its parent."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.cpu, self.most, self.every = pid, 0, {}, 0, every
        self.started = time.perf_counter()
        self.samples: list[tuple[float, dict[int, float]]] = []
        self.parent: dict[int, int] = {}
        self.command: dict[int, str] = {}
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
                if p not in self.parent:
                    self.parent[p], self.command[p] = stats[p][0], _command(p)
            self.samples.append((time.perf_counter() - self.started, {p: stats[p][1] for p in tree}))
            time.sleep(self.every)


def _command(pid: int) -> str:
    """The command line of a live process, read when it is first seen: at the end it may be gone."""
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def _role(pid: int, watch: TreeWatch, names: dict[int, str]) -> str:
    """parent, forkserver, tracker or workerN: from the command line of `pid` and the role of its parent."""
    command = watch.command.get(pid, "")
    if pid == watch.pid:
        return "parent"
    if "resource_tracker" in command:
        return "tracker"
    if names.get(watch.parent.get(pid, 0)) == "forkserver":
        return f"worker{sum(1 for name in names.values() if name.startswith('worker')) + 1}"
    return "forkserver" if "forkserver" in command else f"pid{pid}"


def timeline(watch: TreeWatch, bucket: float) -> list[str]:
    """A row per `bucket` seconds: the CPU seconds each process of the tree used in it."""
    names: dict[int, str] = {}
    for pid in sorted(watch.parent, key=lambda p: (p != watch.pid, watch.parent[p] != watch.pid, p)):
        names[pid] = _role(pid, watch, names)
    order = list(names)
    used: dict[int, dict[int, float]] = {}
    last: dict[int, float] = {}
    for moment, cpu in watch.samples:
        row = used.setdefault(int(moment / bucket), {})
        for pid, seconds in cpu.items():
            row[pid] = row.get(pid, 0.0) + seconds - last.get(pid, 0.0)
            last[pid] = seconds
    lines = ["  time " + " ".join(f"{names[p]:>10s}" for p in order)]
    for index in range(max(used, default=-1) + 1):
        row = used.get(index, {})
        lines.append(f"{index * bucket:6.2f} " + " ".join(f"{row.get(p, 0.0):10.2f}" for p in order))
    lines.append(" total " + " ".join(f"{last.get(p, 0.0):10.2f}" for p in order))
    return lines


COMMANDS = {
    "extract": ["extract", "--format", "jsonl"],
    "check": ["check", "--format", "text", "--fail-on", "never"],
}


def measure(corpus: Path, jobs: int, command_name: str = "extract", every: float = 0.05, fmt: str | None = None,
            watched: list[TreeWatch] | None = None) -> dict[str, float]:
    """One run of the command over `corpus`; `fmt` replaces its default --format; `watched` gets its samples."""
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
    if watched is not None:
        watched.append(watch)
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
    parser.add_argument("--timeline", type=float, metavar="SECONDS",
                        help="print the CPU each process used in slices of this many seconds (first run of each --jobs)")
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
        watched: list[TreeWatch] = []
        runs = [measure(corpus, jobs, args.command, args.every, args.fmt, watched) for _ in range(args.repeat)]
        median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        print(f"--jobs {jobs}: median of {args.repeat}: wall {median['wall']:.1f} s, CPU {median['cpu']:.1f} s "
              f"(parent {median['parent_cpu']:.1f} s), "
              f"{size / 1e6 / median['wall']:.2f} MB/s, peak RSS of the tree {median['peak_mb']:.0f} MB "
              f"({median['processes']:.0f} processes), first line after {median['first_line']:.2f} s, "
              f"{median['lines']:.0f} lines out, exit {median['status']:.0f}", flush=True)
        if args.timeline:
            print(f"CPU seconds per {args.timeline:g} s of the first run (wall {runs[0]['wall']:.2f} s):")
            print("\n".join(timeline(watched[0], args.timeline)), flush=True)


if __name__ == "__main__":
    main()
