"""Files, directories and standard input to `Input`s: text exactly as written, or a clear error."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Union

from ..errors import InputError

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
STDIN = "-"
_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Input:
    """One article as read: where it came from and its text, offsets as in the file."""

    source: str
    text: str


def decode(data: bytes, source: str) -> str:
    """UTF-8 (a BOM is kept as U+FEFF so offsets match the file), or an InputError.

    Line endings are not translated: CRLF stays CRLF, so offsets are into the file as written.
    """
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(source, "binary data, not a text article (skipped)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"not valid UTF-8 (byte offset {exc.start}); save the file as UTF-8 and try again"
        ) from None
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(source, "empty document, nothing to check")
    return text


def read_file(path: Union[str, os.PathLike[str]]) -> Input:
    source = os.fspath(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
    return Input(source, decode(data, source))


def read_stream(stream: BinaryIO, source: str = "<stdin>") -> Input:
    return Input(source, decode(stream.read(), source))


def _articles_under(directory: Path) -> list[Path]:
    found = [
        p
        for p in directory.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    ]
    return sorted(found)


def iter_inputs(arguments: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Union[Input, InputError]]:
    """Every article named by the arguments, in order; failures are yielded, not raised.

    An argument is a file, `-` for standard input, or a directory searched recursively
    for *.md, *.markdown and *.txt files (hidden folders skipped).
    """
    for argument in arguments:
        if argument == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                yield read_stream(stream)
            except InputError as exc:
                yield exc
            continue
        path = Path(argument)
        if path.is_dir():
            articles = _articles_under(path)
            if not articles:
                yield InputError(argument, "directory holds no *.md or *.txt articles")
            for article in articles:
                try:
                    yield read_file(article)
                except InputError as exc:
                    yield exc
            continue
        try:
            yield read_file(path)
        except InputError as exc:
            yield exc
