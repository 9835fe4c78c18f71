"""Inline suppression comments, read from the text as written (the prose view blanks comments).

    <!-- claimcheck: ignore CC003 -->      the next paragraph; no codes means every rule
    <!-- claimcheck: off CC001 -->         from here on (no codes: every rule) ...
    <!-- claimcheck: on -->                ... until here (or the end of the file)
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..model import Finding, frozen

_DIRECTIVE = re.compile(r"<!--\s*claimcheck\s*:\s*(?P<verb>ignore|off|on)\b(?P<codes>[^>]*?)\s*-->", re.I)
_CODE = re.compile(r"[A-Za-z]+\d*")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n|\r[ \t]*\r")


@frozen
class Suppression:
    """Findings starting in [start, end) are dropped; `codes` empty means every rule."""

    start: int
    end: int
    codes: frozenset[str]

    def covers(self, finding: Finding) -> bool:
        return self.start <= finding.start < self.end and (not self.codes or any(finding.code.startswith(c) for c in self.codes))


def _codes(text: str) -> frozenset[str]:
    return frozenset(c.upper() for c in _CODE.findall(text))


def _next_paragraph(text: str, offset: int) -> tuple[int, int]:
    start = offset
    while start < len(text) and text[start].isspace():
        start += 1
    gap = _BLANK_LINE.search(text, start)
    return start, gap.start() if gap else len(text)


def find_suppressions(text: str) -> tuple[Suppression, ...]:
    """Every region of `text` that a claimcheck comment switches rules off for."""
    found: list[Suppression] = []
    open_blocks: list[tuple[int, frozenset[str]]] = []
    for m in _DIRECTIVE.finditer(text):
        verb, codes = m.group("verb").lower(), _codes(m.group("codes"))
        if verb == "ignore":
            start, end = _next_paragraph(text, m.end())
            found.append(Suppression(start, end, codes))
        elif verb == "off":
            open_blocks.append((m.end(), codes))
        else:
            found.extend(Suppression(start, m.start(), block) for start, block in open_blocks)
            open_blocks = []
    found.extend(Suppression(start, len(text), block) for start, block in open_blocks)
    return tuple(found)


def unsuppressed(findings: Iterable[Finding], suppressions: Sequence[Suppression]) -> list[Finding]:
    return [f for f in findings if not any(s.covers(f) for s in suppressions)]
