"""`path:line:col: CODE message`, one finding a line, as compilers and linters print them."""
from __future__ import annotations

from typing import Sequence, TextIO

from ...errors import InputError
from ...model import Finding
from ..safe import one_line, visible

# Lines a CI runner would read as a command: GitHub's `::command::` at the start of a
# line, Azure Pipelines' `##vso[` anywhere in it.
_RUNNER_COMMANDS = (("##vso[", "##vso\\["), ("##[", "##\\["))


def inert_line(line: str) -> str:
    """A report line no CI runner reads as a command, whatever the file name or message holds."""
    if line.lstrip().startswith("::"):
        line = "./" + line
    for command, shown in _RUNNER_COMMANDS:
        line = line.replace(command, shown)
    return line


class TextReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, source: str, findings: Sequence[Finding]) -> None:
        for f in findings:
            self.out.write(inert_line(f"{visible(f.source)}:{f.line}:{f.column}: {f.code} {one_line(f.message)}") + "\n")
        self.out.flush()

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        self.out.flush()
