"""Load: files, directories, standard input, web addresses and HTML pages into text with offsets."""
from __future__ import annotations

from ..lazy import lazy_getattr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .files import (
        ARTICLE_SUFFIXES,
        HTML_SUFFIXES,
        STDIN,
        Input,
        InputKind,
        InputMetadata,
        Target,
        decode,
        decode_declared,
        iter_inputs,
        load_inputs,
        plan_inputs,
        read_file,
        read_html,
        read_input_list,
        read_stream,
        read_target,
        read_url,
    )
    from .limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_CLAIMS, ReadOptions, check_encoding, parse_size
    from .lines import LineIndex
    from .markdown import Prose, read_prose
    from .url import FetchOptions, Fetched, Fetcher, looks_like_url

# Where each name lives, imported on first use (PEP 562): the command line imports
# `load.limits` at start, and `claimcheck check --help` needs no reader, fetcher or
# Markdown patterns behind it.
_LAZY = {
    **dict.fromkeys(
        (
            "ARTICLE_SUFFIXES", "HTML_SUFFIXES", "STDIN", "Input", "InputKind", "InputMetadata", "Target", "decode",
            "decode_declared", "iter_inputs", "load_inputs", "plan_inputs", "read_file", "read_html",
            "read_input_list", "read_stream", "read_target", "read_url",
        ),
        ".files",
    ),
    **dict.fromkeys(("DEFAULT_MAX_BYTES", "DEFAULT_MAX_CLAIMS", "ReadOptions", "check_encoding", "parse_size"), ".limits"),
    "LineIndex": ".lines",
    **dict.fromkeys(("Prose", "read_prose"), ".markdown"),
    **dict.fromkeys(("FetchOptions", "Fetched", "Fetcher", "looks_like_url"), ".url"),
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CLAIMS",
    "HTML_SUFFIXES",
    "STDIN",
    "FetchOptions",
    "Fetched",
    "Fetcher",
    "Input",
    "InputKind",
    "InputMetadata",
    "LineIndex",
    "Prose",
    "ReadOptions",
    "Target",
    "check_encoding",
    "decode",
    "decode_declared",
    "iter_inputs",
    "load_inputs",
    "looks_like_url",
    "parse_size",
    "plan_inputs",
    "read_file",
    "read_html",
    "read_input_list",
    "read_prose",
    "read_stream",
    "read_target",
    "read_url",
]
