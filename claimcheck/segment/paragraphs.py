"""Paragraphs: runs of text separated by blank lines."""
from __future__ import annotations

import re

from ..model import Span

_BLANK_LINES = re.compile(r"(?:\r?\n|\r)[ \t\f\v]*(?:(?:\r?\n|\r)[ \t\f\v]*)+")
# The same for text without a carriage return: starting with a literal, it lets the regex
# engine skip ahead to line breaks several times faster.
_BLANK_LF_LINES = re.compile(r"\n[ \t\f\v]*(?:\n[ \t\f\v]*)+")


def find_paragraphs(prose: str) -> tuple[Span, ...]:
    """Non-empty paragraphs, trimmed of surrounding white space.

    A blank line inside a sentence (copy pasted from a web page: "is only" / "increasing.")
    does not end the paragraph: a paragraph that stops on a letter or comma and a next one
    that starts in lower case are one.
    """
    spans: list[Span] = []
    last = 0
    for gap in (_BLANK_LINES if "\r" in prose else _BLANK_LF_LINES).finditer(prose):
        _add_trimmed(prose, last, gap.start(), spans)
        last = gap.end()
    _add_trimmed(prose, last, len(prose), spans)
    return tuple(spans)


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if out and _breaks_a_sentence(text, out[-1], start):
        out[-1] = Span(out[-1].start, end)
    else:
        out.append(Span(start, end))


def _breaks_a_sentence(text: str, previous: Span, start: int) -> bool:
    if not text[start].islower():  # tested first: paragraphs rarely start in lower case
        return False
    last = text[previous.end - 1]
    return last.isalpha() and last.islower() or last == ","
