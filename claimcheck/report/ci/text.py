"""`path:line:col: CODE message`, one finding a line, as compilers and linters print them."""
from __future__ import annotations

from typing import Sequence, TextIO

from ...errors import InputError
from ...model import Finding
from ..text import one_line


class TextReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, source: str, findings: Sequence[Finding]) -> None:
        for f in findings:
            self.out.write(f"{one_line(f.source)}:{f.line}:{f.column}: {f.code} {one_line(f.message)}\n")
        self.out.flush()

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        self.out.flush()
