"""Fetching articles from a real HTTP server on 127.0.0.1, run in a thread of the test session.

The server (`LocalSite`) serves the sample articles as web pages and every way a fetch can
go wrong: redirect chains and loops, 404, 503 with Retry-After, a response that never ends,
one that trickles, bodies over the size cap, PDF, PNG and bad charsets. test_batch.py uses it too.
"""
from __future__ import annotations

import io
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

import pytest

from claimcheck.cli import Environment, ExitCode, run_extract
from claimcheck.errors import FetchError, InputError
from claimcheck.load import FetchOptions, Fetcher, InputMetadata, iter_inputs, read_url
from claimcheck.load.url import parse_content_type, retry_after

ROOT = Path(__file__).resolve().parent.parent
HTML = Path(__file__).parent / "data" / "html"
SAMPLES = ROOT / "data"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b9d3e40000000049454e44ae426082")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
FAST = FetchOptions(timeout=1.0, max_bytes=1_000_000)


class QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (over the size cap, timed out) is expected here, not an error to print."""

    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class LocalSite:
    """A small news site and its failure modes on 127.0.0.1; `delay` slows every article (benchmarks)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.stopping = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.hits[self.path] += 1
                site.user_agents.append(self.headers.get("User-Agent", ""))
                try:
                    site.route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name="local-site", daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> "LocalSite":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    # -- responses -------------------------------------------------------------------

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", content_type: str | None = "text/plain; charset=utf-8", **headers: str) -> None:
        handler.send_response(status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    @staticmethod
    def chunked(handler: BaseHTTPRequestHandler, content_type: str, chunks: Iterator[bytes]) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for chunk in chunks:
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            handler.wfile.flush()
        handler.wfile.write(b"0\r\n\r\n")

    def paced(self, data: bytes, size: int, pause: float, limit: float = 20.0) -> Iterator[bytes]:
        """`data` in pieces of `size` bytes, `pause` seconds apart; stops with the site or after `limit` s."""
        deadline = time.monotonic() + limit
        for start in range(0, len(data), size):
            if self.stopping.wait(pause) or time.monotonic() > deadline:
                return
            yield data[start:start + size]

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        page = (HTML / "flood-relief-wire.html").read_bytes()
        routes: dict[str, Callable[[], None]] = {
            "/redirect/3": lambda: self.send(h, 302, Location="/redirect/2"),
            "/redirect/2": lambda: self.send(h, 301, Location=self.url("/redirect/1")),
            "/redirect/1": lambda: self.send(h, 307, Location="/articles/flood-relief-wire.html"),
            "/loop/a": lambda: self.send(h, 302, Location="/loop/b"),
            "/loop/b": lambda: self.send(h, 302, Location="/loop/a"),
            "/to-file": lambda: self.send(h, 302, Location="file:///etc/passwd"),
            "/gone": lambda: self.send(h, 404, b"Not here", content_type="text/html"),
            "/choices": lambda: self.send(h, 300, b"Pick one", content_type="text/html"),
            "/forbidden": lambda: self.send(h, 403, b"No robots"),
            "/broken": lambda: self.send(h, 500, b"Oops"),
            "/busy": lambda: self.send(h, 503, b"Busy", Retry_After="3600"),
            "/overloaded": lambda: self.send(h, 429, b"Slow down"),
            "/report.pdf": lambda: self.send(h, 200, PDF, content_type="application/pdf"),
            "/chart.png": lambda: self.send(h, 200, PNG, content_type="image/png"),
            "/big": lambda: self.send(h, 200, page + b"<!--" + b"x" * 1_200_000 + b"-->", content_type="text/html"),
            "/big-chunked": lambda: self.chunked(h, "text/html", self.paced(b"<p>" + b"x" * 3_000_000, 100_000, 0)),
            "/endless": lambda: self.chunked(h, "text/plain", (b"Some 800 soldiers. " * 500 for _ in range(100_000))),
            "/trickle": lambda: self.chunked(h, "text/html; charset=utf-8", self.paced(page, len(page) // 6 + 1, 0.1)),
            "/crawl": lambda: self.chunked(h, "text/html; charset=utf-8", self.paced(page, 40, 0.2)),
            "/untyped": lambda: self.send(h, 200, page, content_type=None),
            "/empty.txt": lambda: self.send(h, 200, b"  \n"),
            "/bad-charset": lambda: self.send(h, 200, bytes(range(1, 256)) * 8, content_type="text/plain; charset=x-klingon"),
            "/mislabelled": lambda: self.send(h, 200, (HTML / "match-report.html").read_bytes(), content_type="text/html; charset=utf-8"),
            "/cached": lambda: self.send(h, 200, page, content_type="text/html; charset=utf-8", Cache_Control="max-age=600"),
            "/uncached": lambda: self.send(h, 200, page, content_type="text/html; charset=utf-8", Cache_Control="no-store"),
        }
        if path in routes:
            routes[path]()
        elif path.startswith("/busy-once/"):
            if self.hits[h.path] == 1:
                self.send(h, 503, b"Busy", Retry_After="1")
            else:
                self.send(h, 200, page, content_type="text/html; charset=utf-8")
        elif path == "/etag":
            if h.headers.get("If-None-Match") == '"v1"':
                self.hits["/etag 304"] += 1
                h.send_response(304)
                h.send_header("ETag", '"v1"')
                h.send_header("Content-Length", "0")
                h.end_headers()
            else:
                self.send(h, 200, page, content_type="text/html; charset=utf-8", ETag='"v1"', Cache_Control="no-cache")
        elif path == "/hang":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", "100000")
            h.end_headers()
            h.wfile.write(page[:200])
            h.wfile.flush()
            self.stopping.wait(20)
        elif path.startswith("/articles/"):
            self.article(h, path.rsplit("/", 1)[1])
        else:
            self.send(h, 404, b"No such page")

    def article(self, h: BaseHTTPRequestHandler, name: str) -> None:
        if self.delay:
            self.stopping.wait(self.delay)
        if name.endswith(".html") and (HTML / name).is_file():
            # The legacy page declares its charset only in a <meta> tag, as old CMSs do.
            charset = "" if name == "match-report.html" else "; charset=utf-8"
            self.send(h, 200, (HTML / name).read_bytes(), content_type="text/html" + charset)
        elif name.endswith(".md") and (SAMPLES / name).is_file():
            self.send(h, 200, (SAMPLES / name).read_bytes(), content_type="text/markdown; charset=utf-8")
        elif name.endswith(".txt") and (SAMPLES / name).is_file():
            self.send(h, 200, (SAMPLES / name).read_bytes(), content_type="text/plain")
        else:
            self.send(h, 404, b"No such article")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the machine's proxy settings, the tests talk to 127.0.0.1 directly."""
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture(scope="session")
def site() -> Iterator[LocalSite]:
    with LocalSite() as running:
        yield running


@pytest.fixture(scope="session")
def fetcher() -> Iterator[Fetcher]:
    """One client for the session, as one is shared by a whole batch (making one costs ~0.2 s of TLS set-up)."""
    with Fetcher(FAST) as opened:
        yield opened


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pipe_env(stdin: bytes = b"") -> Environment:
    return Environment(
        stdin=io.BytesIO(stdin), stdout=io.StringIO(), stderr=io.StringIO(),
        stdout_is_terminal=False, stderr_is_terminal=False, no_color=True,
    )


def fetch_error(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        read_url(url, fetcher)
    assert info.value.source == url
    return info.value


def input_error(fetcher: Fetcher, url: str) -> InputError:
    """Errors found after a successful fetch (charset, empty text) are InputErrors, not FetchErrors."""
    with pytest.raises(InputError) as info:
        read_url(url, fetcher)
    assert info.value.source == url
    return info.value


# -- what works ------------------------------------------------------------------------


def test_an_html_page_gives_its_article_and_metadata(site: LocalSite, fetcher: Fetcher):
    url = site.url("/articles/flood-relief-wire.html")
    item = read_url(url, fetcher)
    assert item.source == url
    assert item.metadata == InputMetadata(
        url=url, final_url=url, title="Sable River floods drive 1,200 residents from their homes",
        author="Claire Okafor", site="The Riverton Courier", date="2024-03-14", content_type="text/html",
    )
    assert "some 1,200 residents" in item.text
    assert "cookies" not in item.text and "Most read" not in item.text


def test_markdown_and_plain_text_are_read_as_sent(site: LocalSite, fetcher: Fetcher):
    markdown = read_url(site.url("/articles/flood-relief-wire.md"), fetcher)
    assert markdown.text == (SAMPLES / "flood-relief-wire.md").read_text(encoding="utf-8")
    assert markdown.metadata.content_type == "text/markdown"
    plain = read_url(site.url("/articles/match-report.txt"), fetcher)
    assert plain.text == (SAMPLES / "match-report.txt").read_text(encoding="utf-8")


def test_legacy_charset_declared_only_in_a_meta_tag(site: LocalSite, fetcher: Fetcher):
    item = read_url(site.url("/articles/match-report.html"), fetcher)
    assert "Tomás Vidal" in item.text
    assert "£8.5 million" in item.text
    assert "“A hundred goals" in item.text


def test_a_wrong_header_charset_gives_way_to_the_document(site: LocalSite, fetcher: Fetcher):
    item = read_url(site.url("/mislabelled"), fetcher)
    assert "£8.5 million" in item.text and "Tomás" in item.text


def test_a_page_served_without_a_content_type_is_sniffed(site: LocalSite, fetcher: Fetcher):
    item = read_url(site.url("/untyped"), fetcher)
    assert item.metadata.content_type == "text/html"
    assert item.text.startswith("Sable River floods")


def test_a_redirect_chain_is_followed_and_the_final_address_kept(site: LocalSite, fetcher: Fetcher):
    url = site.url("/redirect/3")
    item = read_url(url, fetcher)
    assert item.source == url
    assert item.metadata.url == url
    assert item.metadata.final_url == site.url("/articles/flood-relief-wire.html")


def test_503_with_retry_after_is_retried_after_the_wait(site: LocalSite, fetcher: Fetcher):
    url = site.url("/busy-once/a")
    started = time.monotonic()
    item = read_url(url, fetcher)
    assert time.monotonic() - started >= 0.9
    assert site.hits["/busy-once/a"] == 2
    assert "some 1,200 residents" in item.text


def test_a_slow_trickle_within_the_limits_still_arrives(site: LocalSite, fetcher: Fetcher):
    item = read_url(site.url("/trickle"), fetcher)
    assert "some 1,200 residents" in item.text


def test_the_user_agent_names_claimcheck_and_its_version(site: LocalSite, fetcher: Fetcher):
    import claimcheck

    read_url(site.url("/articles/match-report.txt"), fetcher)
    assert site.user_agents[-1].startswith(f"claimcheck/{claimcheck.__version__}")


# -- what fails, each with one line that says what to do ---------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/gone", "HTTP 404 Not Found: no page at this address; check it"),
        ("/forbidden", "HTTP 403 Forbidden: the site refuses"),
        ("/broken", "HTTP 500 Internal Server Error: the site has a problem; try again later"),
        ("/choices", "HTTP 300 Multiple Choices: the site did not serve the page"),
        ("/loop/a", "more than 10 redirects (the address redirects in a loop?)"),
        ("/to-file", "redirected to an address that is not http:// or https://"),
        ("/busy", "HTTP 503 Service Unavailable: the site asks to wait 3600 s more, past the 30 s claimcheck waits in all"),
        ("/report.pdf", "is application/pdf, not an article: claimcheck reads HTML, plain text and Markdown"),
        ("/chart.png", "is image/png, not an article"),
        ("/big", "the page is 1.2"),
        ("/big-chunked", "over the --max-bytes limit of 1 MB"),
        ("/endless", "over the --max-bytes limit of 1 MB"),
        ("/hang", "the server stopped sending for 1 s; try again later or raise --timeout"),
        ("/bad-charset", "could not tell the character encoding: it declares x-klingon, which claimcheck does not know"),
        ("/empty.txt", "empty document"),
    ],
)
def test_failures_are_one_clear_line(site: LocalSite, fetcher: Fetcher, path: str, expected: str):
    message = str(input_error(fetcher, site.url(path)))
    assert expected in message
    assert "\n" not in message
    assert message.startswith(site.url(path) + ": ")


def test_status_is_kept_for_callers(site: LocalSite, fetcher: Fetcher):
    assert fetch_error(fetcher, site.url("/gone")).status == 404
    assert fetch_error(fetcher, site.url("/busy")).status == 503


def test_a_download_that_crawls_is_stopped_at_the_time_limit(site: LocalSite):
    with Fetcher(FetchOptions(timeout=0.5)) as slow:
        started = time.monotonic()
        error = fetch_error(slow, site.url("/crawl"))
    assert "still downloading after 1.5 s" in error.reason
    assert time.monotonic() - started < 3


def test_connection_refused(fetcher: Fetcher):
    url = f"http://127.0.0.1:{closed_port()}/story.html"
    assert "connection refused" in fetch_error(fetcher, url).reason


def test_an_address_without_its_scheme_gets_a_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (error,) = iter_inputs(["www.example.org/news/story.html"])
    assert error.reason == "no such file; for a web address write https://www.example.org/news/story.html"
    (error,) = iter_inputs(["drafts/story.md"])
    assert error.reason == "no such file"


def test_only_http_and_https(fetcher: Fetcher):
    assert "only http:// and https://" in fetch_error(fetcher, "ftp://127.0.0.1/story.txt").reason


def test_retries_back_off_when_there_is_no_retry_after(site: LocalSite):
    """Without Retry-After the waits double, and stop before they pass max_retry_wait."""
    waits: list[float] = []
    options = FetchOptions(timeout=1.0, retries=3, max_retry_wait=30.0)
    with Fetcher(options, sleep=waits.append) as counting:
        error = fetch_error(counting, site.url("/overloaded?1"))
    assert waits == [1, 2, 4]
    assert site.hits["/overloaded?1"] == 4
    assert error.reason == "HTTP 429 Too Many Requests after 4 tries: the site is busy; try again later"
    waits.clear()
    with Fetcher(FetchOptions(timeout=1.0, retries=3, max_retry_wait=2.0), sleep=waits.append) as impatient:
        fetch_error(impatient, site.url("/overloaded?2"))
    assert waits == [1]


def test_retry_after_forms():
    import datetime as dt

    now = dt.datetime(2024, 3, 14, 12, 0, tzinfo=dt.timezone.utc)
    assert retry_after("120") == 120
    assert retry_after("Thu, 14 Mar 2024 12:00:30 GMT", now) == 30
    assert retry_after("soon") is None
    assert retry_after(None) is None


def test_content_type_parsing():
    assert parse_content_type("text/HTML; charset=ISO-8859-1") == ("text/html", "ISO-8859-1")
    assert parse_content_type('text/plain;charset="utf-8"') == ("text/plain", "utf-8")
    assert parse_content_type(None) == ("", None)


# -- the command line --------------------------------------------------------------------


def test_cli_reports_url_metadata_and_reference_date(site: LocalSite, validate):
    env = pipe_env()
    url = site.url("/redirect/3")
    status = run_extract(env, [url], None, None, None, False, fetch=FAST)
    assert status == ExitCode.OK, env.stderr.getvalue()
    (doc,) = validate(env.stdout.getvalue())["documents"]
    assert doc["source"] == url
    assert doc["metadata"]["url"] == url
    assert doc["metadata"]["final_url"] == site.url("/articles/flood-relief-wire.html")
    assert doc["metadata"]["title"].startswith("Sable River floods")
    assert doc["metadata"]["date"] == "2024-03-14"
    assert doc["reference_date"] == "2024-03-14"
    assert doc["reference_date_origin"] == "metadata"
    assert env.stderr.getvalue() == ""


def test_cli_reference_date_option_wins_over_the_page(site: LocalSite, validate):
    env = pipe_env()
    run_extract(env, [site.url("/articles/budget-feature.html")], None, None, "2024-07-01", False, fetch=FAST)
    (doc,) = validate(env.stdout.getvalue())["documents"]
    assert doc["reference_date"] == "2024-07-01"
    assert doc["reference_date_origin"] == "option"


def test_cli_failure_is_one_line_and_exit_2(site: LocalSite, validate):
    env = pipe_env()
    status = run_extract(env, [site.url("/report.pdf")], None, None, None, False, fetch=FAST)
    assert status == ExitCode.ERROR
    data = validate(env.stdout.getvalue())
    assert data["documents"] == []
    assert data["errors"][0]["source"] == site.url("/report.pdf")
    (line,) = env.stderr.getvalue().splitlines()
    assert line.startswith(f"claimcheck: error: {site.url('/report.pdf')}: is application/pdf")


def test_cli_max_bytes_and_timeout_options(site: LocalSite):
    from typer.testing import CliRunner

    from claimcheck.cli import app

    result = CliRunner().invoke(
        app, ["extract", site.url("/big"), site.url("/hang"), "--max-bytes", "500k", "--timeout", "0.5", "--format", "jsonl"]
    )
    assert result.exit_code == ExitCode.ERROR
    lines = result.stderr.splitlines()
    assert "over the --max-bytes limit of 500,000 bytes" in lines[0]
    assert "stopped sending for 0.5 s" in lines[1]
    assert lines[2] == "claimcheck: 0 processed, 2 failed, 0 claims"
    assert "Traceback" not in result.output


def test_cache_dir_serves_a_fresh_page_without_asking_again(site: LocalSite, tmp_path: Path, validate):
    cache = tmp_path / "cache"
    options = FetchOptions(timeout=1.0, cache_dir=cache)
    outputs = []
    for _ in range(2):
        env = pipe_env()
        assert run_extract(env, [site.url("/cached"), site.url("/uncached")], None, None, None, False, fetch=options) == ExitCode.OK
        outputs.append(validate(env.stdout.getvalue())["documents"])
    assert outputs[0] == outputs[1]
    assert site.hits["/cached"] == 1
    assert site.hits["/uncached"] == 2
    assert any(cache.iterdir())


def test_cache_dir_revalidates_a_page_the_site_says_to_check(site: LocalSite, tmp_path: Path, validate):
    """no-cache + ETag: asked again every time, but answered 304 and served from the cache."""
    options = FetchOptions(timeout=1.0, cache_dir=tmp_path / "cache")
    outputs = []
    for _ in range(2):
        env = pipe_env()
        assert run_extract(env, [site.url("/etag")], None, None, None, False, fetch=options) == ExitCode.OK
        outputs.append(validate(env.stdout.getvalue())["documents"])
    assert outputs[0] == outputs[1] and outputs[0][0]["claims"]
    assert site.hits["/etag"] == 2
    assert site.hits["/etag 304"] == 1


def test_fetching_libraries_are_not_imported_at_start_up():
    import subprocess
    import sys

    code = (
        "import sys, claimcheck, claimcheck.cli;"
        "print(sorted(m for m in ('httpx', 'trafilatura', 'hishel', 'lxml', 'charset_normalizer') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"
