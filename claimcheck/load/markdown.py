"""Markdown (and plain text that borrows from it) read as prose.

Claims are found in a *prose view* of the text: a string of the same length in which
everything that is not running prose (front matter, fenced and inline code, HTML
comments and tags, link targets, URLs, e-mail addresses, emphasis markers) is blanked
with spaces. Because the length never changes, every offset found in the prose view is
an offset into the file as written. Newlines are kept, so paragraphs stay paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import field
from typing import Any, Iterator, Mapping

from ..model import frozen

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)

# Each pattern finds one kind of region that is not prose. They run as separate passes
# and their regions are united; one big alternation would try every branch at every
# position. Each pass must let the regex engine skip ahead to a rare literal (it does so
# at memory speed, but only when the pattern starts with one): a leading look-behind,
# repeat, character class or "^" makes it try every position, ten times slower.
# Every pattern is linear: unclosed constructs are bounded by a line, a paragraph or a
# length cap, or run to the end of the text once.
# Each pass has a gate: a character that every match holds. A text without it (news copy
# rarely has "<", "`" or "]") skips the pass after one memchr, where the regex engine
# would walk every character looking for the pattern's first one.
_PASSES = tuple(
    (gate, re.compile(p, flags))
    for gate, p, flags in (
        ("<", r"<!--.*?(?:-->|\Z)", re.S),  # HTML comment (unclosed: to the end, as browsers do)
        # Code span. Content never holds '': wire copy writes quotations ``like this'',
        # and two of those in a paragraph must not pair up as one span of code. The
        # opening run is "`" not preceded by "`", then more: the literal comes first.
        ("`", r"(`(?<!``)`*)(?!`)(?:[^`\n']|'(?!')|\n(?![ \t]*\r?\n)|(?=(`+))(?!\1(?!`))\2){1,2000}?(?<!`)\1(?!`)", 0),
        ("<", r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>", 0),  # autolink
        ("<", r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>\n]{0,500})?/?>", 0),  # HTML tag
        ("]", r"\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
         r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)", 0),  # link target
    )
)


class _LinePattern:
    """A pattern that matches only at the start of a line ("^" with re.M), and only on a
    line that holds its gate character."""

    __slots__ = ("at_line", "gate")

    def __init__(self, body: str, gate: str) -> None:
        self.at_line = re.compile(body)
        self.gate = gate


def _next_at_line_start(pattern: _LinePattern, text: str, pos: int) -> re.Match[str] | None:
    """What `re.compile("^" + body, re.M).search(text, pos)` finds. It is tried only at the
    lines that hold the gate: str.find skips to those, where a search from line breaks
    would stop at every line."""
    at = text.find(pattern.gate, pos)
    while at != -1:
        line = text.rfind("\n", 0, at) + 1
        if line >= pos:
            m = pattern.at_line.match(text, line)
            if m:
                return m
        line_end = text.find("\n", at)
        if line_end == -1:
            return None
        at = text.find(pattern.gate, line_end + 1)
    return None


def _line_regions(pattern: _LinePattern, text: str, start: int) -> list[tuple[int, int]]:
    """The spans `re.finditer` finds for a line-start pattern (its matches are never empty)."""
    regions = []
    m = _next_at_line_start(pattern, text, start)
    while m:
        regions.append(m.span())
        m = _next_at_line_start(pattern, text, m.end())
    return regions


_LINE_PASSES = (
    _LinePattern(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*", "]"),  # link reference definition
    _LinePattern(r"[ \t]{0,3}\#{1,6}(?=[ \t])", "#"),  # ATX heading marker
)
# A fence opens with ``` or ~~~: one pattern for each gate.
_FENCE_OPENS = tuple(_LinePattern(r"[ \t]{0,3}(" + mark + r"{3,})[^\n]*(?:\n|\Z)", mark) for mark in "`~")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_EMAIL_TAIL = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
_EMPHASIS_RUN = re.compile(r"[*_]+")
# The runs of `_EMPHASIS_RUN` that start after a character other than * and _, found
# from their first character (a literal, where "[*_]+" would try every position).
_EMPHASIS_RUN_STARTS = (("*", re.compile(r"\*(?<![*_]\*)[*_]*")), ("_", re.compile(r"_(?<![*_]_)[*_]*")))


def _gated(passes: tuple[tuple[str, re.Pattern[str]], ...], text: str, start: int) -> Iterator[tuple[int, int]]:
    """The spans each (gate, pattern) pass finds from `start`, in a text that holds its gate."""
    for gate, pattern in passes:
        if gate in text:
            for m in pattern.finditer(text, start):
                yield m.span()


def _find_all(text: str, needle: str, start: int) -> Iterator[int]:
    """Where `needle` occurs from `start` on, each after the end of the one before, as
    `re.finditer` of it finds them (str.find skips ahead in C)."""
    at = text.find(needle, start)
    while at != -1:
        yield at
        at = text.find(needle, at + len(needle))


def _fences(text: str, start: int) -> list[tuple[int, int]]:
    """Fenced code blocks; an unclosed fence runs to the end of the text (CommonMark)."""
    regions: list[tuple[int, int]] = []
    # The next opening line of each mark, searched again only once a fence has passed it
    # (searching both from every fence would scan the text once per fence).
    nexts = [_next_at_line_start(p, text, start) for p in _FENCE_OPENS]
    while True:
        openings = [m for m in nexts if m]
        if not openings:
            return regions
        opening = min(openings, key=re.Match.start)
        fence = opening.group(1)
        closing = re.compile(r"^[ \t]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*(?:\n|\Z)", re.M)
        end = closing.search(text, opening.end())
        if not end:
            regions.append((opening.start(), len(text)))
            return regions
        regions.append((opening.start(), end.end()))
        pos = end.end()
        nexts = [m if m is None or m.start() >= pos else _next_at_line_start(p, text, pos) for p, m in zip(_FENCE_OPENS, nexts)]


def _urls(text: str, start: int) -> list[tuple[int, int]]:
    """Bare URLs, as `_URL.finditer` finds them, tried only where "://" or "www." is."""
    candidates = set(_find_all(text, "www.", start))
    for at in _find_all(text, "://", start):
        candidates.update(range(max(start, at - 5), at - 2))  # https, http, ftp
    regions = []
    last = start
    for candidate in sorted(candidates):
        if candidate >= last:
            url = _URL.match(text, candidate)
            if url:
                regions.append(url.span())
                last = url.end()
    return regions


def _emails(text: str, start: int) -> list[tuple[int, int]]:
    """E-mail addresses, found from their "@" so that ordinary words cost nothing."""
    regions: list[tuple[int, int]] = []
    if "@" not in text:
        return regions
    for m in _EMAIL_TAIL.finditer(text, start):
        left = m.start()
        while left > start and text[left - 1] in _EMAIL_LOCAL:
            left -= 1
        if left < m.start():
            regions.append((left, m.end()))
    return regions


def _emphasis_runs(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of `_EMPHASIS_RUN.finditer(text, start)`, in order."""
    runs = list(_gated(_EMPHASIS_RUN_STARTS, text, start))
    if 0 < start < len(text) and text[start - 1] in "*_":
        cut = _EMPHASIS_RUN.match(text, start)  # a run that began before `start`
        if cut:
            runs.append(cut.span())
    runs.sort()
    return runs


def _emphasis(text: str, start: int) -> list[tuple[int, int]]:
    """Emphasis markers (*, **, ***, __, ___) that open or close a run of text.

    Single underscores are left alone: they are as often part of a name as markup.
    """
    regions = []
    end = len(text)
    for run_start, run_end in _emphasis_runs(text, start):
        if not (text[run_start:run_end] in ("*", "**", "***", "__", "___")):
            continue
        before = text[run_start - 1] if run_start > 0 else " "
        after = text[run_end] if run_end < end else " "
        opens = not (before.isalnum() or before == "_") and not after.isspace()
        closes = not before.isspace() and not (after.isalnum() or after in "*_") and run_start > start
        if opens or closes:
            regions.append((run_start, run_end))
    return regions


def not_prose_regions(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sorted, non-overlapping regions of `text` (from `start`) that are not prose."""
    regions = _fences(text, start) + _emails(text, start) + _emphasis(text, start) + _urls(text, start)
    regions.extend(_gated(_PASSES, text, start))
    for line_pattern in _LINE_PASSES:
        regions.extend(_line_regions(line_pattern, text, start))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for begin, finish in regions:
        if merged and begin <= merged[-1][1]:
            if finish > merged[-1][1]:
                merged[-1] = (merged[-1][0], finish)
        else:
            merged.append((begin, finish))
    return merged


@frozen
class Prose:
    """A text with its prose view and what its front matter says."""

    text: str
    prose: str
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    body_start: int = 0


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def _blank(segment: str) -> str:
    """Spaces for every character but line breaks, so offsets and lines are kept. Most
    regions (a URL, a code span, a heading marker) hold no line break: one run of spaces."""
    if "\n" not in segment and "\r" not in segment:
        return " " * len(segment)
    return _NOT_LINE_BREAK.sub(" ", segment)


def parse_front_matter(block: str) -> dict[str, str]:
    """The top-level `key: value` pairs of a YAML front matter block.

    Only flat scalar keys matter here (date, title, author); quotes are stripped.
    A full YAML parser would add a dependency and start-up time for no gain.
    """
    values: dict[str, str] = {}
    for m in _FRONT_MATTER_LINE.finditer(block):
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values.setdefault(m.group(1).lower(), value)
    return values


_LONE_CR = re.compile(r"\r(?!\n)")


def read_prose(text: str) -> Prose:
    r"""Split off front matter and blank everything in `text` that is not prose.

    A line may end in "\n", "\r\n" or a lone "\r" (as CommonMark has it). The patterns
    know the first two; regions are found in a copy where each lone "\r" is a "\n" (the
    same length, so the same offsets) and cut from the text as written.
    """
    front: dict[str, str] = {}
    body_start = 0
    pieces: list[str] = []
    markup = _LONE_CR.sub("\n", text) if "\r" in text else text
    m = _FRONT_MATTER.match(markup)
    if m:
        front = parse_front_matter(m.group(1) or "")
        body_start = m.end()
        pieces.append(_blank(text[:body_start]))
    last = body_start
    for begin, finish in not_prose_regions(markup, body_start):
        pieces.append(text[last:begin])
        pieces.append(_blank(text[begin:finish]))
        last = finish
    pieces.append(text[last:])
    prose = "".join(pieces)
    if prose.startswith("\ufeff"):
        prose = " " + prose[1:]
    return Prose(text=text, prose=prose, front_matter=front, body_start=body_start)
