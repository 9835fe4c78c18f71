"""Markdown (and plain text that borrows from it) read as prose.

Claims are found in a *prose view* of the text: a string of the same length in which
everything that is not running prose (front matter, fenced and inline code, HTML
comments and tags, link targets, URLs, e-mail addresses, emphasis markers) is blanked
with spaces. Because the length never changes, every offset found in the prose view is
an offset into the file as written. Newlines are kept, so paragraphs stay paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)

# Each pattern finds one kind of region that is not prose. They run as separate passes
# (each one scans at tens of MB/s because it starts with a literal or a small character
# set) and their regions are united; one big alternation would try every branch at
# every position. Every pattern is linear: unclosed constructs are bounded by a line,
# a paragraph or a length cap, or run to the end of the text once.
_PASSES = tuple(
    re.compile(p, flags)
    for p, flags in (
        (r"<!--.*?(?:-->|\Z)", re.S),  # HTML comment (unclosed: to the end, as browsers do)
        # Code span. Content never holds '': wire copy writes quotations ``like this'',
        # and two of those in a paragraph must not pair up as one span of code.
        (r"(?<!`)(`+)(?!`)(?:[^`\n']|'(?!')|\n(?![ \t]*\r?\n)|(?=(`+))(?!\1(?!`))\2){1,2000}?(?<!`)\1(?!`)", 0),
        (r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>", 0),  # autolink
        (r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>\n]{0,500})?/?>", 0),  # HTML tag
        (r"\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
         r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)", 0),  # link target
        (r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*", re.M),  # link reference definition
        (r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]", 0),  # bare URL
        (r"^[ \t]{0,3}\#{1,6}(?=[ \t])", re.M),  # ATX heading marker
    )
)
_FENCE_OPEN = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*(?:\n|\Z)", re.M)
_EMAIL_TAIL = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
_EMPHASIS_RUN = re.compile(r"[*_]+")


def _fences(text: str, start: int) -> list[tuple[int, int]]:
    """Fenced code blocks; an unclosed fence runs to the end of the text (CommonMark)."""
    regions: list[tuple[int, int]] = []
    pos = start
    while True:
        opening = _FENCE_OPEN.search(text, pos)
        if not opening:
            return regions
        fence = opening.group(1)
        closing = re.compile(r"^[ \t]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*(?:\n|\Z)", re.M)
        end = closing.search(text, opening.end())
        if not end:
            regions.append((opening.start(), len(text)))
            return regions
        regions.append((opening.start(), end.end()))
        pos = end.end()


def _emails(text: str, start: int) -> list[tuple[int, int]]:
    """E-mail addresses, found from their "@" so that ordinary words cost nothing."""
    regions = []
    for m in _EMAIL_TAIL.finditer(text, start):
        left = m.start()
        while left > start and text[left - 1] in _EMAIL_LOCAL:
            left -= 1
        if left < m.start():
            regions.append((left, m.end()))
    return regions


def _emphasis(text: str, start: int) -> list[tuple[int, int]]:
    """Emphasis markers (*, **, ***, __, ___) that open or close a run of text.

    Single underscores are left alone: they are as often part of a name as markup.
    """
    regions = []
    end = len(text)
    for m in _EMPHASIS_RUN.finditer(text, start):
        run = m.group()
        if not (run in ("*", "**", "***", "__", "___")):
            continue
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end()] if m.end() < end else " "
        opens = not (before.isalnum() or before == "_") and not after.isspace()
        closes = not before.isspace() and not (after.isalnum() or after in "*_") and m.start() > start
        if opens or closes:
            regions.append(m.span())
    return regions


def not_prose_regions(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sorted, non-overlapping regions of `text` (from `start`) that are not prose."""
    regions = _fences(text, start) + _emails(text, start) + _emphasis(text, start)
    for pattern in _PASSES:
        regions.extend(m.span() for m in pattern.finditer(text, start))
    regions.sort()
    merged: list[tuple[int, int]] = []
    for begin, finish in regions:
        if merged and begin <= merged[-1][1]:
            if finish > merged[-1][1]:
                merged[-1] = (merged[-1][0], finish)
        else:
            merged.append((begin, finish))
    return merged


@dataclass(frozen=True, slots=True)
class Prose:
    """A text with its prose view and what its front matter says."""

    text: str
    prose: str
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    body_start: int = 0


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def _blank(segment: str) -> str:
    """Spaces for every character but line breaks, so offsets and lines are kept."""
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


def read_prose(text: str) -> Prose:
    """Split off front matter and blank everything in `text` that is not prose."""
    front: dict[str, str] = {}
    body_start = 0
    pieces: list[str] = []
    m = _FRONT_MATTER.match(text)
    if m:
        front = parse_front_matter(m.group(1) or "")
        body_start = m.end()
        pieces.append(_blank(text[:body_start]))
    last = body_start
    for begin, finish in not_prose_regions(text, body_start):
        pieces.append(text[last:begin])
        pieces.append(_blank(text[begin:finish]))
        last = finish
    pieces.append(text[last:])
    prose = "".join(pieces)
    if prose.startswith("\ufeff"):
        prose = " " + prose[1:]
    return Prose(text=text, prose=prose, front_matter=front, body_start=body_start)
