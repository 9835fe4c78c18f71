"""Reporters for `claimcheck check`: findings as CI systems and people read them.

Every reporter has the same four calls: `start()`, `document(source, findings)` for each
checked input, `error(exc)` for each input that could not be read, `finish()`.
"""
from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Protocol, Sequence, TextIO

from ...lazy import lazy_getattr

if TYPE_CHECKING:
    from ...errors import InputError
    from ...model import Finding
    from .rules import RuleInfo


class FindingsFormat(str, enum.Enum):
    TEXT = "text"
    GITHUB = "github"
    SARIF = "sarif"
    GITLAB = "gitlab"
    JSON = "json"

    def __str__(self) -> str:
        return self.value


class FindingsReporter(Protocol):
    def start(self) -> None: ...
    def document(self, source: str, findings: Sequence[Finding]) -> None: ...
    def error(self, error: InputError) -> None: ...
    def finish(self) -> None: ...


def make_findings_reporter(fmt: FindingsFormat, out: TextIO, rules: Sequence[RuleInfo]) -> FindingsReporter:
    """The reporter for `fmt`; `rules` describes every rule for formats that list them (SARIF).

    Only that format's reporter is imported, here, not at the top: `--help` needs only
    `FindingsFormat`, and a text report need not load gitlab's hashlib (OpenSSL).
    """
    if fmt is FindingsFormat.SARIF:
        from .sarif import SarifReporter

        return SarifReporter(out, rules)
    if fmt is FindingsFormat.GITHUB:
        from .github import GithubReporter

        return GithubReporter(out)
    if fmt is FindingsFormat.GITLAB:
        from .gitlab import GitlabReporter

        return GitlabReporter(out)
    if fmt is FindingsFormat.JSON:
        from .json_report import JsonFindingsReporter

        return JsonFindingsReporter(out)
    from .text import TextReporter

    return TextReporter(out)


def sarif_schema() -> dict[str, Any]:
    """The JSON Schema of the SARIF 2.1.0 subset `--format sarif` writes (shipped with the package)."""
    import json
    from importlib.resources import files  # and tempfile with it: only tests and tools read the schema

    return json.loads(files(__package__).joinpath("sarif-subset.schema.json").read_text(encoding="utf-8"))


# RuleInfo stays importable from here without being imported at start.
__getattr__ = lazy_getattr(__name__, {"RuleInfo": ".rules"}, globals())


__all__ = ["FindingsFormat", "FindingsReporter", "RuleInfo", "make_findings_reporter", "sarif_schema"]
