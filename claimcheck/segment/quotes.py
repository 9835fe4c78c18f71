"""Direct quotations over the whole document, including ones that run over paragraphs."""
from __future__ import annotations

import re

from ..model import Span

_OPEN_CLOSE = {"“": "”", "«": "»", '"': '"', "``": "''"}
_MARK = re.compile(r"``|''|[“”«»\"]")
# A quotation left open is closed at the end of its paragraph unless the next paragraph
# opens with a quote mark (news style for a quote running over paragraphs).
_MAX_QUOTE_CHARS = 5000


def find_quotations(prose: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """Spans of direct quotations, quote marks included."""
    spans: list[Span] = []
    open_at: int | None = None
    closer = ""
    for index, para in enumerate(paragraphs):
        for m in _MARK.finditer(prose, para.start, para.end):
            mark = m.group()
            if open_at is None:
                if mark in _OPEN_CLOSE:
                    open_at, closer = m.start(), _OPEN_CLOSE[mark]
                continue
            if mark == closer or (closer == '"' and mark == "”") or (closer == "”" and mark == '"'):
                spans.append(Span(open_at, m.end()))
                open_at = None
            elif mark in ("“", "«", "``") and m.start() - open_at > 0 and prose[open_at:m.start()].strip() == "":
                open_at, closer = m.start(), _OPEN_CLOSE[mark]
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            continues = nxt is not None and prose[nxt.start] in "“\"«`" and para.end - open_at < _MAX_QUOTE_CHARS
            if not continues:
                spans.append(Span(open_at, para.end))
                open_at = None
            else:
                spans.append(Span(open_at, para.end))
                open_at = None
    return tuple(spans)
