"""GitHub Actions workflow commands: annotations on the pull request's changed lines.

    ::error file=drafts/a.md,line=3,col=17,endLine=3,endColumn=32,title=CC003 inconsistent-figure::message

Messages escape %, CR and LF; properties also escape ":" and "," (GitHub's toolkit rules).
A message is folded to one printable line first: document text cannot colour the log;
a file name shows its control characters as escapes (`\x0c`), so no line breaks in two.
"""
from __future__ import annotations

from typing import Sequence, TextIO

from ...errors import InputError
from ...model import Finding, Severity
from ..safe import no_surrogates, one_line, visible

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return no_surrogates(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def annotation(finding: Finding) -> str:
    return command(
        LEVELS[finding.severity],
        one_line(finding.message),
        file=visible(finding.source),
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        endColumn=finding.end_column,
        title=f"{finding.code} {finding.name}",
    )


class GithubReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, source: str, findings: Sequence[Finding]) -> None:
        for finding in findings:
            self.out.write(annotation(finding) + "\n")
        self.out.flush()

    def error(self, error: InputError) -> None:
        self.out.write(command("error", one_line(error.reason), file=visible(error.source), title="claimcheck could not read this file") + "\n")

    def finish(self) -> None:
        self.out.flush()
