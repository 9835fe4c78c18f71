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

# Each alternative is a region that is not prose. Order matters where they nest:
# fences before inline code, comments before tags, link targets before bare URLs.
_NOT_PROSE = re.compile(
    r"""
      (?P<fence>^[ \t]{0,3}(?P<fmark>`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ \t]{0,3}(?P=fmark)[`~]*[ \t]*(?:\n|\Z))
    | (?P<comment><!--.*?(?:-->|\Z))
    | (?P<code>(?P<tick>`+)(?!`).+?(?<!`)(?P=tick)(?!`))
    | (?P<autolink><(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>)
    | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>)
    | (?P<target>\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\))
    | (?P<refdef>^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*)
    | (?P<url>\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"])
    | (?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)
    | (?P<emphasis>(?<![\w*_])(?:\*{1,3}|_{2,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{2,3})(?![\w*]))
    | (?P<heading>^[ \t]{0,3}\#{1,6}(?=[ \t]))
    """,
    re.S | re.M | re.X,
)


@dataclass(frozen=True, slots=True)
class Prose:
    """A text with its prose view and what its front matter says."""

    text: str
    prose: str
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    body_start: int = 0


def _blank(segment: str) -> str:
    """Spaces for every character but line breaks, so offsets and lines are kept."""
    return "".join(ch if ch in "\r\n" else " " for ch in segment)


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
    for region in _NOT_PROSE.finditer(text, body_start):
        pieces.append(text[last:region.start()])
        pieces.append(_blank(region.group()))
        last = region.end()
    pieces.append(text[last:])
    prose = "".join(pieces)
    if prose.startswith("\ufeff"):
        prose = " " + prose[1:]
    return Prose(text=text, prose=prose, front_matter=front, body_start=body_start)
