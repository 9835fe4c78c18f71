"""Fetching articles over HTTP(S), bounded in time, size, redirects and retries.

httpx (and hishel, for `--cache-dir`) are imported when the first address is fetched, not
when claimcheck is imported: most runs read local files and should not pay for them.
Every failure becomes a `FetchError` whose message names the address and says what to do.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlsplit

from ..errors import FetchError
from ..model import frozen
from .limits import DEFAULT_MAX_BYTES, human_size

if TYPE_CHECKING:
    import httpx

SCHEMES = ("http", "https")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
ACCEPT = "text/html, application/xhtml+xml, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.1"
RETRY_STATUSES = frozenset({429, 503})
CACHE_FILE = "http-cache.sqlite"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
# For fetched pages only: compiled (by `re`, cached there) on first use.
_MEDIA_TYPE = r"^\s*([^;\s]+)"
_CHARSET_PARAM = r"(?i);\s*charset\s*=\s*[\"']?([^\"';\s]+)"


def looks_like_url(argument: str) -> bool:
    """True for anything written as `scheme://...`; unsupported schemes fail when fetched, with a reason."""
    return bool(_SCHEME.match(argument))


@frozen
class FetchOptions:
    """How patient and how trusting a fetch is.

    `timeout` bounds connecting and each wait for the next bytes; a whole download may
    take `download_limit` (3x that), so a server that trickles a byte at a time still ends.
    Retries on 429/503 wait as `Retry-After` says, at most `max_retry_wait` seconds in all.
    """

    timeout: float = 10.0
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 10
    retries: int = 3
    max_retry_wait: float = 30.0
    connections: int = 8
    cache_dir: Path | None = None

    @property
    def download_limit(self) -> float:
        return 3 * self.timeout


@frozen
class Fetched:
    """A successful response: where it ended up, what it says it is, and its body."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


def parse_content_type(header: str | None) -> tuple[str, str | None]:
    """`text/html; charset=ISO-8859-1` -> ("text/html", "ISO-8859-1"); ("", None) when absent."""
    if not header:
        return "", None
    media = re.match(_MEDIA_TYPE, header)
    charset = re.search(_CHARSET_PARAM, header)
    return (media.group(1).lower() if media else ""), (charset.group(1) if charset else None)


def retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils  # pulls in socket and friends: only for the rare dated Retry-After

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds())


def _user_agent() -> str:
    from .. import __version__

    return f"claimcheck/{__version__} (news claim checker)"


class Fetcher:
    """One HTTP client for a whole batch, shared by the worker threads and opened on first use.

    `sleep` is how retries wait; tests pass their own to keep the suite fast.
    """

    def __init__(self, options: FetchOptions | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options or FetchOptions()
        self._sleep = sleep
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def _open(self) -> "httpx.Client":
        with self._lock:
            if self._client is None:
                self._client = self._make_client()
            return self._client

    def _make_client(self) -> "httpx.Client":
        import httpx

        options = self.options
        settings = dict(
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=True,
            max_redirects=options.max_redirects,
            headers={"User-Agent": _user_agent(), "Accept": ACCEPT},
            limits=httpx.Limits(max_connections=options.connections, max_keepalive_connections=options.connections),
            trust_env=True,  # proxies from HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY, as other tools do
        )
        if options.cache_dir is None:
            return httpx.Client(**settings)
        from hishel import CacheOptions, SqliteStorage
        from hishel.httpx import CacheClient

        # A private cache, as a browser keeps: it follows the site's Cache-Control, so a
        # corrected story is fetched again once the site says the old copy is stale.
        storage = SqliteStorage(database_path=options.cache_dir / CACHE_FILE, max_stream_size=options.max_bytes)
        return CacheClient(storage=storage, rfc=CacheOptions(shared=False), **settings)

    def fetch(self, url: str) -> Fetched:
        """GET `url`, following redirects and retrying 429/503; a `FetchError` for anything else that goes wrong."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in SCHEMES:
            raise FetchError(url, f"only http:// and https:// addresses can be fetched, not {scheme}://; save the page and check the file")
        import httpx

        client = self._open()
        waited = 0.0
        attempt = 0
        while True:
            attempt += 1
            try:
                with client.stream("GET", url) as response:
                    wait = self._retry_wait(url, response, attempt, waited)
                    if wait is None:
                        return self._accept(url, response, attempt)
            except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as exc:
                raise FetchError(url, _explain(exc, self.options)) from None
            self._sleep(wait)
            waited += wait

    def _retry_wait(self, url: str, response: "httpx.Response", attempt: int, waited: float) -> float | None:
        """Seconds to wait before asking again, or None to take this response as it is."""
        status = response.status_code
        if status not in RETRY_STATUSES or attempt > self.options.retries:
            return None
        asked = retry_after(response.headers.get("Retry-After"))
        wait = float(2 ** (attempt - 1)) if asked is None else asked
        if waited + wait <= self.options.max_retry_wait:
            return wait
        if asked is not None:
            raise FetchError(
                url,
                f"HTTP {status} {response.reason_phrase}: the site asks to wait {asked:g} s more, past the {self.options.max_retry_wait:g} s claimcheck waits in all; try again later",
                status,
            )
        return None

    def _accept(self, url: str, response: "httpx.Response", attempts: int) -> Fetched:
        status = response.status_code
        if not 200 <= status < 300:
            raise FetchError(url, _status_advice(status, response.reason_phrase, attempts), status)
        media, charset = parse_content_type(response.headers.get("Content-Type"))
        if media and media not in HTML_TYPES | TEXT_TYPES:
            raise FetchError(
                url,
                f"is {media}, not an article: claimcheck reads HTML, plain text and Markdown; save the text of the document and check that file",
                status,
            )
        body = _read_capped(url, response, self.options)
        return Fetched(url=url, final_url=str(response.url), status=status, content_type=media, charset=charset, body=body)


def _read_capped(url: str, response: "httpx.Response", options: FetchOptions) -> bytes:
    """The decoded body, refused as soon as it passes `max_bytes` or the download time limit."""
    cap = options.max_bytes
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(url, f"the page is {human_size(int(declared))}, over the --max-bytes limit of {human_size(cap)}; raise --max-bytes if it really is one article")
    deadline = time.monotonic() + options.download_limit
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > cap:
            raise FetchError(url, f"the page is over the --max-bytes limit of {human_size(cap)}; raise --max-bytes if it really is one article")
        if time.monotonic() > deadline:
            raise FetchError(url, f"still downloading after {options.download_limit:g} s (the server sends very slowly); try again later or raise --timeout")
        chunks.append(chunk)
    return b"".join(chunks)


def _status_advice(status: int, reason: str, attempts: int) -> str:
    head = f"HTTP {status} {reason}".rstrip()
    if status in (404, 410):
        return f"{head}: no page at this address; check it for typos or find the story's current address"
    if status in (401, 403, 451):
        return f"{head}: the site refuses to serve the page to claimcheck; open it in a browser, save it and check the saved file"
    if status in RETRY_STATUSES:
        tries = f" after {attempts} tries" if attempts > 1 else ""
        return f"{head}{tries}: the site is busy; try again later"
    if status >= 500:
        return f"{head}: the site has a problem; try again later"
    return f"{head}: the site did not serve the page; open the address in a browser to see why"


def _explain(exc: Exception, options: FetchOptions) -> str:
    """One line for a transport failure: what happened and what to try next."""
    import httpx

    if isinstance(exc, httpx.ConnectTimeout):
        return f"could not connect within {options.timeout:g} s; check your network, or raise --timeout"
    if isinstance(exc, httpx.ReadTimeout):
        return f"the server stopped sending for {options.timeout:g} s; try again later or raise --timeout"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {options.timeout:g} s; try again later or raise --timeout"
    if isinstance(exc, (httpx.InvalidURL, UnicodeError)):
        return f"not a valid web address ({exc}); check it for typos"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"more than {options.max_redirects} redirects (the address redirects in a loop?); open it in a browser to see where it leads"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "redirected to an address that is not http:// or https://; open it in a browser and save the page"
    if isinstance(exc, httpx.ProxyError):
        return f"the proxy refused the request ({exc}); check HTTP_PROXY / HTTPS_PROXY"
    if isinstance(exc, httpx.ConnectError):
        detail = str(exc)
        if "refused" in detail.lower():
            return "could not connect: connection refused; check the address and port, or whether the site is up"
        if "name or service" in detail.lower() or "getaddrinfo" in detail.lower() or "resolution" in detail.lower():
            return "could not find the host name; check the address for typos and your network"
        return f"could not connect ({detail or type(exc).__name__}); check the address and your network"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the server broke off the response; try again later"
    if isinstance(exc, httpx.DecodingError):
        return "the server sent a body claimcheck could not decompress; try again later"
    return f"the request failed ({type(exc).__name__}: {exc}); try again later"
