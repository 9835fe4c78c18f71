"""Offsets to 1-based line and column, as editors and CI annotations count them."""
from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps a character offset to (line, column); CRLF, CR and LF each end one line."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts = [0]
        """Where each line starts: line n (1-based) at starts[n - 1]. Read only; public so
        that a caller placing many offsets can bisect it without a call per offset."""
        self.starts.extend(m.end() for m in _LINE_BREAK.finditer(text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    @property
    def line_count(self) -> int:
        return len(self.starts)
