"""GitLab Code Quality report: a JSON array GitLab shows in merge requests.

Severity maps error -> major, warning -> minor, info -> info. Fingerprints must be
unique in a report, so a repeated one gets its occurrence number folded in.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Sequence, TextIO

from ...errors import InputError
from ...model import Finding, Severity, blake2b
from ..safe import json_text, no_surrogates, one_line

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report_path(source: str) -> str:
    """Paths relative to the working directory (the repository root in CI), with forward slashes."""
    if source.startswith("<"):
        return source
    path = Path(source)
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return Path(os.path.normpath(source)).as_posix()


class GitlabReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.issues: list[dict[str, Any]] = []
        self.seen: Counter[str] = Counter()

    def start(self) -> None:
        pass

    def document(self, source: str, findings: Sequence[Finding]) -> None:
        for f in findings:
            path = no_surrogates(report_path(f.source))
            key = f"{path}\x1f{f.fingerprint}"
            occurrence = self.seen[key]
            self.seen[key] += 1
            digest = blake2b(f"{key}\x1f{occurrence}".encode(), digest_size=16).hexdigest()
            self.issues.append(
                {
                    "type": "issue",
                    "description": f"{f.code} {one_line(f.message)}",
                    "check_name": f.code,
                    "fingerprint": digest,
                    "severity": SEVERITIES[f.severity],
                    "categories": ["Bug Risk"],
                    "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
                }
            )

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        self.out.write(json_text(json.dumps(self.issues, ensure_ascii=False, indent=1)) + "\n")
        self.out.flush()
