"""How much claimcheck reads of one input, and in which encoding: limits that bound time and memory.

Defaults: 10 MB a document and 10,000 claims a document. A long news feature is 50 to
100 kB and rarely holds more than a few hundred claims; a book-length report of 2 MB
holds a few thousand. The caps sit about a hundred times above real articles, so they
only stop what is not an article (a data dump, a log, a disk image named .txt), and at
the default an input still finishes in seconds. Every cap is an option
(`--max-bytes`, `--max-claims`) and, for `check`, a configuration key.
"""
from __future__ import annotations

import codecs
import re

from ..errors import UsageError
from ..model import frozen

DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_MAX_CLAIMS = 10_000
ERRORS = ("strict", "replace")

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$", re.I)
_SIZE_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
_WIDE = ("utf-16", "utf-32")


@frozen
class ReadOptions:
    """How files and standard input are read.

    `encoding` None means UTF-8 (a BOM kept as U+FEFF), or UTF-16/UTF-32 when the file
    starts with their BOM. `errors="replace"` reads undecodable bytes as U+FFFD, one
    character each, so offsets stay relative to the decoded text.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    errors: str = "strict"


def human_size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n:,} bytes"


def parse_size(value: str | int, option: str = "--max-bytes") -> int:
    """`10000000`, `500k`, `10M`, `1GB` -> bytes (decimal units, as the default "10 MB" is meant)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value > 0:
            return value
        value = str(value)
    found = _SIZE.match(str(value))
    if not found or float(found.group(1)) <= 0:
        raise UsageError(f"{option} {value!r} is not a size; write it as bytes (500000) or with k, M or G (500k, 10M)")
    return int(float(found.group(1)) * _SIZE_UNITS[found.group(2).lower()])


def check_encoding(name: str, option: str = "--encoding") -> str:
    """`name` if Python can decode text with it, else a usage error naming a few that work."""
    try:
        b"\x00\x00\x00\x00".decode(name)  # empty bytes would not even look the codec up
    except UnicodeDecodeError:
        pass
    except LookupError:
        raise UsageError(
            f"{option} {name!r} is not a text encoding claimcheck knows; try utf-8, cp1252, latin-1, utf-16 or mac-roman"
        ) from None
    return codecs.lookup(name).name


def check_errors(value: str, option: str = "--errors") -> str:
    if value not in ERRORS:
        raise UsageError(f"{option} {value!r} is not one of {', '.join(ERRORS)}")
    return value


def is_wide(encoding: str) -> bool:
    """UTF-16 and UTF-32, where NUL bytes are part of ordinary text."""
    return codecs.lookup(encoding).name.startswith(_WIDE)


__all__ = [
    "DEFAULT_MAX_BYTES", "DEFAULT_MAX_CLAIMS", "ERRORS", "ReadOptions", "check_encoding", "check_errors",
    "human_size", "is_wide", "parse_size",
]
