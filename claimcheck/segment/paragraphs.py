"""Paragraphs: runs of text separated by blank lines."""
from __future__ import annotations

import re

from ..model import Span

# A paragraph trimmed of white space: from its first character that is not space to its
# last, running over line breaks not followed by a blank line (one with only spaces and
# tabs). One match per paragraph: the regex engine runs through a line in one step,
# where trimming the text between blank lines took a Python loop at each end. The last
# "\S" backtracks over trailing space.
# With carriage returns, a line break is "\r\n", "\r" or "\n", so a CRLF or CR file has the
# paragraphs of the same file with LF breaks.
_PARAGRAPH = re.compile(r"\S(?:[^\r\n]*(?:(?:\r\n?|\n)(?![ \t\f\v]*[\r\n])[^\r\n]*)*\S)?")
# The same for text without a carriage return: "[^\n]" runs several times faster than a
# class of two.
_LF_PARAGRAPH = re.compile(r"\S(?:[^\n]*(?:\n(?![ \t\f\v]*\n)[^\n]*)*\S)?")


def find_paragraphs(prose: str) -> tuple[Span, ...]:
    """Non-empty paragraphs, trimmed of surrounding white space.

    A blank line inside a sentence (copy pasted from a web page: "is only" / "increasing.")
    does not end the paragraph: a paragraph that stops on a letter or comma and a next one
    that starts in lower case are one.
    """
    spans: list[Span] = []
    for m in (_PARAGRAPH if "\r" in prose else _LF_PARAGRAPH).finditer(prose):
        start, end = m.span()
        if spans and prose[start].islower() and _ends_mid_sentence(prose[spans[-1].end - 1]):
            spans[-1] = Span(spans[-1].start, end)
        else:
            spans.append(Span(start, end))
    return tuple(spans)


def _ends_mid_sentence(last: str) -> bool:
    return last.isalpha() and last.islower() or last == ","
