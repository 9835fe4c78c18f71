"""Every kind of input to `Input`s: files, directories, standard input, web addresses, input lists.

Text files keep their text exactly as written, so offsets are into the file. HTML (a saved
page or a fetched one) becomes the article text trafilatura finds in it, with the page's
title, author, site and publication date as metadata; offsets are into that text.
Failures are `InputError`s, yielded in the input's place so that a batch goes on.
"""
from __future__ import annotations

import codecs
import enum
import os
import re
import sys
from dataclasses import field, fields
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence, TypeVar, Union

from ..errors import InputError, LimitError
from ..model import frozen
# .html is imported by the functions that read a page or sniff for one: most inputs are text files.
from .limits import ReadOptions, human_size, is_wide
from .url import HTML_TYPES, FetchOptions, Fetcher, looks_like_url

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
HTML_SUFFIXES = (".html", ".htm")
STDIN = "-"
_SNIFF_BYTES = 8192
# For input lists and missing files only: compiled (by `re`, cached there) on first use.
_LIST_COMMENT = r"(?:^|\s)#.*$"
_HOST_LIKE = r"(?i)^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/)"
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# A text file with one of these BOMs is read in that encoding, the BOM kept as U+FEFF as
# for UTF-8, so offsets count it (Notepad's "Unicode" is UTF-16 LE with a BOM).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# What a binary file most often is, so the message can say so.
_MAGIC = (
    (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive, or a Word or OpenDocument file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"), (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "gzip-compressed"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"\x7fELF", "a program"), (b"SQLite format 3\x00", "an SQLite database"),
)
# Labels browsers read as another encoding (WHATWG Encoding Standard): pages that say
# ISO-8859-1 are written in windows-1252, curly quotes and euro sign included.
_LABEL_MEANS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "cp819": "cp1252", "ibm819": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
}

T = TypeVar("T")
R = TypeVar("R")


@frozen
class InputMetadata:
    """What is known about an input besides its text; reported as the document's `metadata`.

    `date` (YYYY-MM-DD) is the publication date the page gives; the pipeline resolves
    relative dates against it unless --reference-date says otherwise.
    """

    url: str | None = None
    final_url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    date: str | None = None
    content_type: str | None = None

    def to_dict(self) -> dict[str, str]:
        # Every field is a string or None: read as they are (dataclasses.asdict would deep-copy
        # each, and this runs in the parent of --jobs for every input).
        return {name: value for name in _METADATA_FIELDS if (value := getattr(self, name)) is not None}


_METADATA_FIELDS = tuple(f.name for f in fields(InputMetadata))


@frozen
class Input:
    """One article as read: where it came from, the text that is checked, and what else is known."""

    source: str
    text: str
    metadata: InputMetadata = field(default_factory=InputMetadata)


class InputKind(str, enum.Enum):
    FILE = "file"
    URL = "url"
    STDIN = "stdin"


@frozen
class Target:
    """One input to read, once arguments and input lists have been expanded."""

    kind: InputKind
    location: str


def decode(data: bytes, source: str, encoding: str | None = None, errors: str = "strict") -> str:
    """The text of a file or stream, or an InputError naming the first byte that does not fit.

    Without `encoding`: UTF-8, or UTF-16/UTF-32 when the data starts with their BOM; a
    BOM is kept as U+FEFF so offsets match the file. `errors="replace"` reads bytes that
    do not fit as U+FFFD. Line endings are not translated: CRLF stays CRLF, so offsets
    are into the file as written.
    """
    chosen = encoding or next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), "utf-8")
    wide = is_wide(chosen)
    if not wide:
        _refuse_binary(data, source)
    try:
        text = data.decode(chosen, errors)
    except UnicodeDecodeError as exc:
        raise InputError(source, _undecodable(data, exc, encoding)) from None
    if wide and "\x00" in text[:_SNIFF_BYTES]:
        raise InputError(source, "binary data, not a text article (skipped)")
    _refuse_empty(text, source)
    return text


def _undecodable(data: bytes, exc: UnicodeDecodeError, encoding: str | None) -> str:
    """One line: which byte, on which line, and the two ways to read the file anyway."""
    line = data.count(b"\n", 0, exc.start) + 1
    where = f"byte offset {exc.start} (line {line})"
    if encoding is None:
        name = exc.encoding.upper().replace("-LE", "").replace("-BE", "").replace("_", "-")
        return (
            f"not valid {name} at {where}; save it as UTF-8, or read it with --encoding NAME "
            "(cp1252 for most Western European Windows files) or with --errors replace"
        )
    return f"not valid {encoding} at {where}; check --encoding, or read it with --errors replace"


def decode_declared(data: bytes, source: str, declared: Sequence[str | None] = ()) -> str:
    """Bytes from the web or a saved page: a BOM, then each declared charset in order, UTF-8, detection.

    `declared` is what the server said, then what the document says about itself. A
    charset that does not fit the bytes is passed over for the next clue, as browsers
    recover; only when no clue fits and detection fails is it an InputError.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace").lstrip("\ufeff"), source)
    _refuse_binary(data, source)
    unknown: list[str] = []
    for label in declared:
        if not label:
            continue
        encoding = _LABEL_MEANS.get(label.strip().lower(), label.strip())
        try:
            codecs.lookup(encoding)
        except LookupError:
            unknown.append(label)
            continue
        try:
            return _checked(data.decode(encoding), source)
        except UnicodeDecodeError:
            continue
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        why = (
            f"it declares {', '.join(unknown)}, which claimcheck does not know, and its bytes are not UTF-8"
            if unknown
            else "its bytes fit neither a declared charset nor UTF-8"
        )
        raise InputError(source, f"could not tell the character encoding: {why}; save the text as UTF-8 and check that file")
    return _checked(str(best), source)


def _checked(text: str, source: str) -> str:
    _refuse_empty(text, source)
    return text


def _refuse_binary(data: bytes, source: str) -> None:
    what = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    if what is None and b"\x00" not in data[:_SNIFF_BYTES]:
        return
    kind = f"binary data ({what})" if what else "binary data"
    raise InputError(source, f"{kind}, not a text article (skipped); save its text as UTF-8 and check that file")


def _refuse_empty(text: str, source: str) -> None:
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(source, "empty document, nothing to check")


def read_html(
    data: bytes,
    source: str,
    charset: str | None = None,
    metadata: InputMetadata | None = None,
    options: ReadOptions | None = None,
) -> Input:
    """A page's article text and metadata; `charset` is what the server declared, if anything.

    An `options.encoding` given by the user wins over what the page declares.
    """
    from .html import document_charset, extract_article

    if options is not None and options.encoding:
        html = decode(data, source, options.encoding, options.errors)
    else:
        html = decode_declared(data, source, (charset, document_charset(data)))
    base = metadata or InputMetadata(content_type="text/html")
    article = extract_article(html, source, url=base.final_url or base.url)
    return Input(
        source,
        article.text,
        InputMetadata(
            url=base.url,
            final_url=base.final_url,
            title=article.title,
            author=article.author,
            site=article.site,
            date=article.date,
            content_type=base.content_type or "text/html",
        ),
    )


def read_file(path: Union[str, os.PathLike[str]], options: ReadOptions | None = None) -> Input:
    """A text file as written, or a saved HTML page (*.html, *.htm) as its article text.

    A file over `options.max_bytes` is refused before it is read (its size is known) or
    as soon as the cap is passed (a device or pipe that keeps sending).
    """
    options = options or ReadOptions()
    source = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > options.max_bytes:
                raise _too_big(source, options.max_bytes, size)
            data = handle.read(options.max_bytes + 1)
    except FileNotFoundError:
        hint = f"; for a web address write https://{source}" if re.match(_HOST_LIKE, source) else ""
        raise InputError(source, "no such file" + hint) from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    if len(data) > options.max_bytes:
        raise _too_big(source, options.max_bytes)
    if Path(source).suffix.lower() in HTML_SUFFIXES:
        return read_html(data, source, options=options)
    return Input(source, decode(data, source, options.encoding, options.errors))


def read_stream(stream: BinaryIO, source: str = "<stdin>", options: ReadOptions | None = None) -> Input:
    """Standard input: text as written, or the article of an HTML page piped in (`curl ... |`).

    At most `options.max_bytes` are read: an endless stream is refused, not held in memory.
    """
    options = options or ReadOptions()
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise _too_big(source, options.max_bytes)
    from .html import looks_like_html

    if looks_like_html(data[:_SNIFF_BYTES].decode("latin-1")):
        return read_html(data, source, options=options)
    return Input(source, decode(data, source, options.encoding, options.errors))


def _too_big(source: str, cap: int, size: int | None = None) -> LimitError:
    what = f"{human_size(size)}, over" if size is not None else "over"
    return LimitError(source, f"{what} the --max-bytes limit of {human_size(cap)}; raise --max-bytes if it really is one article")


def read_url(url: str, fetcher: Fetcher) -> Input:
    """Fetch `url`: an HTML page gives its article, plain text and Markdown their text as sent."""
    from .html import looks_like_html

    fetched = fetcher.fetch(url)
    final_url = fetched.final_url
    is_html = fetched.content_type in HTML_TYPES or (
        not fetched.content_type and looks_like_html(fetched.body[:_SNIFF_BYTES].decode("latin-1"))
    )
    content_type = fetched.content_type or ("text/html" if is_html else "text/plain")
    metadata = InputMetadata(url=url, final_url=final_url, content_type=content_type)
    if is_html:
        return read_html(fetched.body, url, fetched.charset, metadata)
    return Input(url, decode_declared(fetched.body, url, (fetched.charset,)), metadata)


def read_input_list(location: str, stdin: BinaryIO | None = None) -> list[str]:
    """The inputs named in a list file (or `-`): one per line; blank lines and `# comments` skipped.

    A list is read up to the default --max-bytes (10 MB, some 100,000 addresses) and refused beyond.
    """
    cap = ReadOptions().max_bytes
    try:
        if location == STDIN:
            data = (stdin or sys.stdin.buffer).read(cap + 1)
        else:
            with open(location, "rb") as handle:
                data = handle.read(cap + 1)
    except FileNotFoundError:
        raise InputError(location, "no such input list") from None
    except IsADirectoryError:
        raise InputError(location, "is a directory, not an input list") from None
    except OSError as exc:
        raise InputError(location, exc.strerror or str(exc)) from None
    if len(data) > cap:
        raise LimitError(location, f"input list over {human_size(cap)}; split it into smaller lists")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(location, f"input list is not valid UTF-8 (byte offset {exc.start})") from None
    entries = [re.sub(_LIST_COMMENT, "", line).strip() for line in text.splitlines()]
    return [entry for entry in entries if entry]


def _articles_under(directory: Path) -> list[Path]:
    """Articles and saved pages below `directory`; hidden folders and a saved page's `*_files` folder skipped."""
    found = []
    for p in directory.rglob("*"):
        suffix = p.suffix.lower()
        if suffix not in ARTICLE_SUFFIXES + HTML_SUFFIXES or not p.is_file():
            continue
        parts = p.relative_to(directory).parts
        if any(part.startswith(".") for part in parts):
            continue
        if any(_is_page_assets(directory.joinpath(*parts[: i + 1])) for i in range(len(parts) - 1)):
            continue
        found.append(p)
    return sorted(found)


def _is_page_assets(folder: Path) -> bool:
    """The folder a browser's "save page, complete" writes next to `name.html`: ads and frames, not articles."""
    if not folder.name.endswith("_files"):
        return False
    stem = folder.name[: -len("_files")]
    return any(folder.with_name(stem + suffix).exists() for suffix in HTML_SUFFIXES)


def plan_inputs(arguments: Iterable[str]) -> list[Union[Target, InputError]]:
    """Each argument as the inputs it names, in order: directories expanded, addresses recognised.

    An argument is an http(s) address, `-` for standard input, a file, or a directory
    searched recursively for *.md, *.markdown, *.txt, *.html and *.htm (hidden folders skipped).
    """
    planned: list[Union[Target, InputError]] = []
    for argument in arguments:
        if argument == STDIN:
            planned.append(Target(InputKind.STDIN, STDIN))
        elif looks_like_url(argument):
            planned.append(Target(InputKind.URL, argument))
        elif Path(argument).is_dir():
            articles = _articles_under(Path(argument))
            if not articles:
                planned.append(InputError(argument, "directory holds no *.md or *.txt articles (nor *.html pages)"))
            planned.extend(Target(InputKind.FILE, str(article)) for article in articles)
        else:
            planned.append(Target(InputKind.FILE, argument))
    return planned


def read_target(target: Target, stdin: BinaryIO | None, fetcher: Fetcher, options: ReadOptions | None = None) -> Input:
    if target.kind is InputKind.STDIN:
        return read_stream(stdin if stdin is not None else sys.stdin.buffer, options=options)
    if target.kind is InputKind.URL:
        return read_url(target.location, fetcher)
    return read_file(target.location, options)


def load_inputs(
    planned: Sequence[Union[Target, InputError]],
    stdin: BinaryIO | None = None,
    *,
    fetch: FetchOptions | None = None,
    jobs: int = 1,
    read_options: ReadOptions | None = None,
) -> Iterator[Union[Input, InputError]]:
    """Read every planned input, `jobs` at a time, yielding results in input order as they are ready.

    `read_options` governs files and standard input; `fetch` governs web addresses.
    """
    options = fetch or FetchOptions()
    with Fetcher(options) as fetcher:

        def read(item: Union[Target, InputError]) -> Union[Input, InputError]:
            if isinstance(item, InputError):
                return item
            try:
                return read_target(item, stdin, fetcher, read_options)
            except InputError as exc:
                return exc

        if jobs <= 1 or len(planned) <= 1:
            yield from map(read, planned)
        else:
            yield from in_order(read, planned, jobs)


def in_order(work: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """`map(work, items)` on `jobs` threads: results in item order, at most 2 x jobs held at once.

    The threads are daemons, not a ThreadPoolExecutor's: on Ctrl-C the program ends at
    once instead of waiting for every download in flight to time out.
    """
    import threading

    finished: dict[int, tuple[bool, object]] = {}
    changed = threading.Condition()
    slots = threading.Semaphore(2 * jobs)
    upcoming = iter(range(len(items)))
    stopping = threading.Event()

    def worker() -> None:
        while True:
            slots.acquire()
            with changed:
                index = None if stopping.is_set() else next(upcoming, None)
            if index is None:
                slots.release()
                return
            try:
                outcome: tuple[bool, object] = (True, work(items[index]))
            except BaseException as exc:  # handed to the consumer, raised there
                outcome = (False, exc)
            with changed:
                finished[index] = outcome
                changed.notify_all()

    for n in range(min(jobs, len(items))):
        threading.Thread(target=worker, name=f"claimcheck-input-{n}", daemon=True).start()
    try:
        for index in range(len(items)):
            with changed:
                while index not in finished:
                    changed.wait()
                ok, value = finished.pop(index)
            slots.release()
            if not ok:
                raise value  # type: ignore[misc]
            yield value  # type: ignore[misc]
    finally:
        stopping.set()


def iter_inputs(
    arguments: Iterable[str],
    stdin: BinaryIO | None = None,
    *,
    fetch: FetchOptions | None = None,
    jobs: int = 1,
    read_options: ReadOptions | None = None,
) -> Iterator[Union[Input, InputError]]:
    """Every article named by the arguments, in order; failures are yielded, not raised.

    An argument is a file, `-` for standard input, an http(s) address, or a directory
    searched recursively for articles (*.md, *.markdown, *.txt) and saved pages (*.html, *.htm).
    """
    return load_inputs(plan_inputs(arguments), stdin, fetch=fetch, jobs=jobs, read_options=read_options)
