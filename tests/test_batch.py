"""Many inputs at once: input lists, concurrency with results in input order, progress, summary.

The --jobs speed-up is measured, not asserted: run this file as a script,

    python tests/test_batch.py [--urls 50] [--delay 0.2]

to fetch that many local pages (each answered after `delay` seconds) with --jobs 1 and 8.
"""
from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from claimcheck.cli import Environment, ExitCode, app, run_extract
from claimcheck.load import FetchOptions, Input, load_inputs, plan_inputs
from claimcheck.load.files import in_order
from claimcheck.report import Format
from test_url import LocalSite, no_proxy  # noqa: F401  (a fixture, used by every test here)

HTML = Path(__file__).parent / "data" / "html"
ROOT = Path(__file__).resolve().parent.parent
FAST = FetchOptions(timeout=1.0, max_bytes=1_000_000)


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    with LocalSite() as running:
        yield running


def env_for(stdin: bytes = b"", *, terminal: bool = False) -> Environment:
    return Environment(
        stdin=io.BytesIO(stdin), stdout=io.StringIO(), stderr=io.StringIO(),
        stdout_is_terminal=False, stderr_is_terminal=terminal, no_color=True,
    )


def test_an_input_list_mixes_addresses_and_files_in_order(site: LocalSite, tmp_path: Path, validate):
    draft = tmp_path / "draft.md"
    draft.write_text("Some 40 boats sank on Tuesday.\n", encoding="utf-8")
    listing = tmp_path / "inputs.txt"
    listing.write_text(
        "# today's stories\n"
        f"{site.url('/trickle')}\n"  # slowest first: the others must still come after it
        "\n"
        f"   {draft}   # our draft\n"
        f"{site.url('/articles/match-report.html')}\n"
        f"{site.url('/articles/budget-feature.md')}#reserves\n",
        encoding="utf-8",
    )
    env = env_for()
    status = run_extract(env, [str(HTML / "budget-feature.html")], None, None, None, False, input_lists=[str(listing)], jobs=4, fetch=FAST)
    assert status == ExitCode.OK, env.stderr.getvalue()
    documents = validate(env.stdout.getvalue())["documents"]
    assert [d["source"] for d in documents] == [
        str(HTML / "budget-feature.html"),
        site.url("/trickle"),
        str(draft),
        site.url("/articles/match-report.html"),
        site.url("/articles/budget-feature.md") + "#reserves",
    ]
    claims = sum(len(d["claims"]) for d in documents)
    assert env.stderr.getvalue() == f"claimcheck: 5 processed, 0 failed, {claims} claims\n"


def test_failures_are_reported_in_place_and_the_batch_goes_on(site: LocalSite, tmp_path: Path, validate):
    inputs = [
        site.url("/articles/flood-relief-wire.html"),
        site.url("/gone"),
        str(tmp_path / "missing.md"),
        site.url("/report.pdf"),
        site.url("/articles/match-report.txt"),
        site.url("/loop/a"),
    ]
    env = env_for()
    status = run_extract(env, inputs, None, None, None, False, jobs=3, fetch=FAST)
    assert status == ExitCode.ERROR
    data = validate(env.stdout.getvalue())
    assert [d["source"] for d in data["documents"]] == [inputs[0], inputs[4]]
    assert [e["source"] for e in data["errors"]] == [inputs[1], inputs[2], inputs[3], inputs[5]]
    lines = env.stderr.getvalue().splitlines()
    assert len(lines) == 5
    for line, source in zip(lines, [inputs[1], inputs[2], inputs[3], inputs[5]]):
        assert line.startswith(f"claimcheck: error: {source}: ")
    claims = sum(len(d["claims"]) for d in data["documents"])
    assert lines[-1] == f"claimcheck: 2 processed, 4 failed, {claims} claims"


def test_jobs_fetch_concurrently_but_never_more_than_asked(site: LocalSite):
    slow = LocalSite(delay=0.3)
    active, peak = [0], [0]
    lock = threading.Lock()
    original = slow.article

    def counted(handler, name):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        try:
            original(handler, name)
        finally:
            with lock:
                active[0] -= 1

    slow.article = counted  # type: ignore[method-assign]
    with slow:
        urls = [slow.url(f"/articles/match-report.txt?{i}") for i in range(9)]
        results = list(load_inputs(plan_inputs(urls), fetch=FAST, jobs=3))
    assert [r.source for r in results] == urls
    assert all(isinstance(r, Input) for r in results)
    assert 2 <= peak[0] <= 3


def test_in_order_yields_in_item_order_whatever_finishes_first():
    def work(n: int) -> int:
        time.sleep(0.01 * (5 - n % 5))
        return n * n

    assert list(in_order(work, list(range(20)), 4)) == [n * n for n in range(20)]


def test_input_list_from_standard_input(tmp_path: Path, validate):
    a = tmp_path / "a.md"
    a.write_text("Some 40 boats sank.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("About 12 people came.\n", encoding="utf-8")
    env = env_for(f"{a}\n# skipped\n{b}\n".encode())
    assert run_extract(env, [], None, None, None, False, input_lists=["-"]) == ExitCode.OK
    assert [d["source"] for d in validate(env.stdout.getvalue())["documents"]] == [str(a), str(b)]


@pytest.mark.parametrize(("lists", "paths", "message"), [
    (["nowhere.txt"], [], "error: --input-list nowhere.txt: no such input list"),
    (["-"], ["-"], "standard input cannot be both an --input-list and an article"),
])
def test_input_list_usage_errors(lists: list[str], paths: list[str], message: str):
    env = env_for()
    assert run_extract(env, paths, None, None, None, False, input_lists=lists) == ExitCode.ERROR
    assert message in env.stderr.getvalue()
    assert env.stdout.getvalue() == ""


def test_an_input_list_of_comments_only_is_an_error(tmp_path: Path):
    listing = tmp_path / "inputs.txt"
    listing.write_text("# nothing today\n\n", encoding="utf-8")
    env = env_for()
    assert run_extract(env, [], None, None, None, False, input_lists=[str(listing)]) == ExitCode.ERROR
    assert "names no inputs" in env.stderr.getvalue()


def test_progress_bar_only_on_a_terminal_and_for_more_than_one_input(tmp_path: Path):
    drafts = []
    for i in range(3):
        path = tmp_path / f"d{i}.md"
        path.write_text(f"Some {i + 40} boats sank.\n", encoding="utf-8")
        drafts.append(str(path))
    missing = str(tmp_path / "missing.md")

    terminal = env_for(terminal=True)
    run_extract(terminal, drafts + [missing], Format.JSON, None, None, False)
    shown = terminal.stderr.getvalue()
    assert "checking" in shown and "━" in shown
    assert f"claimcheck: error: {missing}: no such file" in shown
    assert shown.rstrip().endswith("claimcheck: 3 processed, 1 failed, 3 claims")

    piped = env_for(terminal=False)
    run_extract(piped, drafts + [missing], Format.JSON, None, None, False)
    assert piped.stderr.getvalue() == f"claimcheck: error: {missing}: no such file\nclaimcheck: 3 processed, 1 failed, 3 claims\n"

    single = env_for(terminal=True)
    run_extract(single, drafts[:1], Format.JSON, None, None, False)
    assert single.stderr.getvalue() == ""


def test_cache_dir_that_cannot_be_written_is_a_usage_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    env = env_for()
    options = FetchOptions(cache_dir=blocker / "cache")
    assert run_extract(env, [str(HTML / "match-report.html")], None, None, None, False, fetch=options) == ExitCode.ERROR
    assert "--cache-dir" in env.stderr.getvalue() and "choose another folder" in env.stderr.getvalue()


@pytest.mark.parametrize(("args", "message"), [
    (["--jobs", "0"], "--jobs"),
    (["--max-bytes", "lots"], "--max-bytes 'lots' is not a size"),
    (["--timeout", "0"], "--timeout"),
])
def test_bad_batch_options_are_usage_errors(args: list[str], message: str):
    result = CliRunner().invoke(app, ["extract", str(HTML / "match-report.html"), *args])
    assert result.exit_code == ExitCode.ERROR
    assert message in result.output
    assert "Traceback" not in result.output


def test_max_bytes_accepts_units():
    from claimcheck.cli.extract import parse_size

    assert parse_size("10M") == 10_000_000
    assert parse_size("500k") == 500_000
    assert parse_size("2MB") == 2_000_000
    assert parse_size("1234") == 1234


# -- benchmark: python tests/test_batch.py ------------------------------------------------


def _bench(urls: int, delay: float, jobs: tuple[int, ...]) -> dict[str, float]:
    """Wall time of `claimcheck extract` over `urls` local pages, each served after `delay` s."""
    import os
    import subprocess
    import sys
    import tempfile

    names = ["flood-relief-wire.html", "budget-feature.html", "match-report.html"]
    times: dict[str, float] = {}
    outputs: list[list[dict]] = []
    with LocalSite(delay=delay) as slow, tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "urls.txt"
        listing.write_text("".join(f"{slow.url('/articles/' + names[i % 3])}?{i}\n" for i in range(urls)), encoding="utf-8")
        env = {**os.environ, "NO_PROXY": "*"}
        for n in jobs:
            started = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "claimcheck", "extract", "--input-list", str(listing), "--jobs", str(n), "-f", "json"],
                capture_output=True, text=True, env=env, check=False,
            )
            times[f"jobs {n}"] = time.perf_counter() - started
            assert proc.returncode == 0, proc.stderr
            documents = json.loads(proc.stdout)["documents"]
            assert len(documents) == urls
            outputs.append(documents)
            print(f"--jobs {n}: {times[f'jobs {n}']:.2f} s   ({proc.stderr.strip()})")
    assert all(output == outputs[0] for output in outputs), "--jobs changed the results"
    return times


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Measure the --jobs speed-up on local URLs.")
    parser.add_argument("--urls", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2, help="seconds the server waits before each page")
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    runs = [_bench(arguments.urls, arguments.delay, (1, 8)) for _ in range(arguments.repeat)]
    one = min(r["jobs 1"] for r in runs)
    eight = min(r["jobs 8"] for r in runs)
    print(f"{arguments.urls} URLs, {arguments.delay:g} s server delay, best of {arguments.repeat}: "
          f"--jobs 1 {one:.2f} s, --jobs 8 {eight:.2f} s, speed-up {one / eight:.1f}x")
