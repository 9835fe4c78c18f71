"""Direct quotations over the whole document, including ones that run over paragraphs.

Marks are paired within a paragraph. A quotation still open at the end of its paragraph
continues into the next paragraph only when that paragraph opens with a quote mark (the
news convention for a long quote); otherwise it is closed there, so an unbalanced mark in
a draft never swallows more than its own paragraph. Straight marks are told apart by what
stands beside them; single quote marks count only in headlines and as curly British
quotes, since straight apostrophes are everywhere in running text.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from ..model import Span, frozen


@frozen
class Quotation:
    """One paragraph's part of a direct quotation, quote marks included."""

    start: int
    end: int
    closed: bool = True
    """False when no closing mark was found and the quotation was cut at a limit."""
    continued: bool = False
    """True when this part continues a quotation left open in the previous paragraph."""
    continues: bool = False
    """True when the quotation goes on into the next paragraph."""


# A quote mark: where it starts and ends, and the mark.
Mark = tuple[int, int, str]

_OPENERS = {"“": "”", "„": "“”", "«": "»", '"': '"', "``": "''", "‘": "’", "'": "'"}
_SINGLE = frozenset("‘’'")
# Curly marks and guillemets say which way they face; straight marks are read from context.
_FIXED_DIRECTION = {"“": "open", "„": "open", "«": "open", "``": "open", "‘": "open", "”": "close", "»": "close", "''": "close", "’": "close"}
# The marks of running text: found with str.find, which skips ahead with memchr, where a
# regex testing each character against the set of marks was a quarter of segmentation.
_BODY_MARKS = ("``", "''", "“", "”", "„", "«", "»", '"', "‘", "’")
_ALL_MARKS = re.compile(r"``|''|[“”„«»\"‘’']")
_OPENING_MARKS = ("``", "“", "„", "«", '"', "‘")
# British copy with straight single quotes and no double ones: 'We lost 40 men,' he said.
# Only a mark before a capital opens and only one after punctuation closes, so the
# apostrophes of "don't" and "farmers' union" are never read as quotes.
# The look-behinds come after the mark, so that the pattern starts with a literal.
_BRITISH_MARKS = re.compile(r"'(?<![\w']')(?=[A-Z])|'(?<=[,.?!—]')(?![\w'])")
_TERMINAL = frozenset(".!?:;")
_HEADLINE_MAX_CHARS = 200
# Opens: after the start, white space, a bracket or a dash; closes: before the end,
# white space or punctuation. A straight mark with neither is read from context.
_OPEN_BEFORE = frozenset(" \t\n\r([{—–-/\u00a0")
_CLOSE_AFTER = frozenset(" \t\n\r.,;:!?)]}—–-…\u00a0")


def find_quotations(prose: str, paragraphs: tuple[Span, ...]) -> tuple[Quotation, ...]:
    """The parts of direct quotations in document order (one part per paragraph)."""
    found: list[Quotation] = []
    carried = False
    marks = _body_marks(prose)
    positions = [mark[0] for mark in marks]
    for index, para in enumerate(paragraphs):
        first = bisect.bisect_left(positions, para.start)
        last = bisect.bisect_left(positions, para.end, first)
        if _is_headline(prose, para):
            in_para: Iterable[Mark] = _spans(_ALL_MARKS.finditer(prose, para.start, para.end))
        elif first == last:
            if prose.find("'", para.start, para.end) == -1:
                continue
            in_para = _spans(_BRITISH_MARKS.finditer(prose, para.start, para.end))
        else:
            in_para = marks[first:last]
        parts, left_open = _pair_marks(prose, para, in_para, carried)
        found.extend(parts)
        carried = False
        if left_open is not None:
            next_para = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            goes_on = next_para is not None and _opens_quotation(prose, next_para.start)
            found.append(Quotation(left_open[0], para.end, closed=False, continued=left_open[1], continues=goes_on))
            carried = goes_on
    return tuple(found)


def _opens_quotation(prose: str, at: int) -> bool:
    """An opening mark at `at`, or a straight single one before a capital (no regex: a
    class of curly marks costs 1.4 M instructions to compile, for a test of one place)."""
    if prose.startswith(_OPENING_MARKS, at):
        return True
    return prose.startswith("'", at) and "A" <= prose[at + 1:at + 2] <= "Z"


def _body_marks(prose: str) -> list[Mark]:
    """The marks of running text in order. No two of _BODY_MARKS share a character, so
    each is looked for on its own, every occurrence after the end of the one before (as
    a regex alternation of them matches)."""
    marks: list[Mark] = []
    for mark in _BODY_MARKS:
        at = prose.find(mark)
        while at != -1:
            marks.append((at, at + len(mark), mark))
            at = prose.find(mark, at + len(mark))
    marks.sort()
    return marks


def _spans(matches: Iterable[re.Match[str]]) -> Iterator[Mark]:
    return ((m.start(), m.end(), m.group()) for m in matches)


def _is_headline(prose: str, para: Span) -> bool:
    """A short single line without closing punctuation: a headline or a cross-head."""
    if para.end - para.start > _HEADLINE_MAX_CHARS or prose[para.end - 1] in _TERMINAL:
        return False
    return prose.find("\n", para.start, para.end) == -1


def _direction(prose: str, start: int, end: int, lower: int, upper: int) -> str:
    """'open', 'close' or 'either' for the mark at prose[start:end], from its neighbours."""
    before = prose[start - 1] if start > lower else " "
    after = prose[end] if end < upper else " "
    opens = before in _OPEN_BEFORE or before in "“‘«\"'"
    closes = after in _CLOSE_AFTER or after in "”’»\"'"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if opens and closes:
        return "none"
    return "either"


def _is_apostrophe(prose: str, start: int, lower: int, upper: int) -> bool:
    """A single mark between letters (don't, O'Brien) or after a plural's s (farmers')."""
    before = prose[start - 1] if start > lower else " "
    after = prose[start + 1] if start + 1 < upper else " "
    return (before.isalnum() and after.isalnum()) or (before in "sS" and after == " ")


def _pair_marks(prose: str, para: Span, marks: Iterable[Mark], carried: bool) -> tuple[list[Quotation], tuple[int, bool] | None]:
    """Pair the marks of one paragraph; also return the quotation left open, if any."""
    parts: list[Quotation] = []
    open_at: int | None = None
    opener = closers = ""
    continued = False
    for start, end, mark in marks:
        single = mark in _SINGLE
        if single and _is_apostrophe(prose, start, para.start, para.end):
            continue
        if open_at is not None and single != (opener in _SINGLE):
            continue  # a quotation nested inside the open one belongs to it
        fixed = _FIXED_DIRECTION.get(mark)
        direction = fixed or _direction(prose, start, end, para.start, para.end)
        if open_at is not None and (mark in closers if len(mark) == 1 else mark == closers) and (fixed or direction != "open"):
            parts.append(Quotation(open_at, end, continued=continued))
            open_at, continued = None, False
        elif mark in _OPENERS and direction in ("open", "either") and (open_at is None or direction == "open"):
            if open_at is not None:
                # A second opener before any closer: the first quotation was never closed.
                parts.append(Quotation(open_at, _trim_end(prose, open_at, start), closed=False, continued=continued))
            starts_paragraph = start == para.start
            open_at, opener, closers = start, mark, _closers(mark)
            continued = carried and starts_paragraph
    if open_at is None:
        return parts, None
    return parts, (open_at, continued)


def _closers(opener: str) -> str:
    closers = _OPENERS[opener]
    # Writers mix straight and curly marks in one quotation.
    if opener in ('"', "“", "„"):
        return closers + '"”'
    if opener in ("‘", "'"):
        return closers + "'’"
    return closers


def _trim_end(prose: str, start: int, end: int) -> int:
    while end > start + 1 and prose[end - 1].isspace():
        end -= 1
    return end
