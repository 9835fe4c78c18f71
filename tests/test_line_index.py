"""LineIndex reads LF-only text with str.find and other text with a pattern: both must
give the line and column an editor shows."""
from __future__ import annotations

import pytest

from claimcheck.load import LineIndex


def _naive(text: str, offset: int) -> tuple[int, int]:
    """Line and column by counting, with CRLF, CR and LF each ending one line."""
    before = text[:offset].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@pytest.mark.parametrize(
    "text",
    ["", "one line", "a\nb", "\n\nlead", "trail\n", "a\n\n\nb\nc\n", "a\r\nb\rc\nd", "x\r\n\r\ny\r"],
)
def test_positions_match_counting_lines(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        # Offsets inside a CRLF pair count from the line the pair ends.
        if offset and text[offset - 1:offset + 1] == "\r\n":
            continue
        assert index.position(offset) == _naive(text, offset), (text, offset)


def test_line_count_is_the_same_for_lf_and_crlf() -> None:
    assert LineIndex("a\nb\nc\n").line_count == LineIndex("a\r\nb\r\nc\r\n").line_count == 4
