"""Paragraphs: runs of text separated by blank lines."""
from __future__ import annotations

import re

from ..model import Span

_BLANK_LINES = re.compile(r"(?:\r?\n|\r)[ \t\f\v]*(?:(?:\r?\n|\r)[ \t\f\v]*)+")


def find_paragraphs(prose: str) -> tuple[Span, ...]:
    """Non-empty paragraphs, trimmed of surrounding white space."""
    spans: list[Span] = []
    last = 0
    for gap in _BLANK_LINES.finditer(prose):
        _add_trimmed(prose, last, gap.start(), spans)
        last = gap.end()
    _add_trimmed(prose, last, len(prose), spans)
    return tuple(spans)


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Span(start, end))
