"""`--format json` for findings: every finding, the inputs that failed, and totals."""
from __future__ import annotations

import json
from collections import Counter
from typing import Sequence, TextIO

from ...errors import InputError
from ...model import Finding, Severity
from ..safe import json_text

SCHEMA_VERSION = 1


class JsonFindingsReporter:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.findings: list[Finding] = []
        self.errors: list[dict[str, str]] = []
        self.documents = 0

    def start(self) -> None:
        pass

    def document(self, source: str, findings: Sequence[Finding]) -> None:
        self.documents += 1
        self.findings.extend(findings)

    def error(self, error: InputError) -> None:
        self.errors.append({"source": error.source, "message": error.reason})

    def finish(self) -> None:
        by_severity = Counter(f.severity.value for f in self.findings)
        payload = {
            "schema_version": SCHEMA_VERSION,
            "findings": [f.to_dict() for f in self.findings],
            "errors": self.errors,
            "summary": {
                "documents": self.documents,
                "findings": len(self.findings),
                "by_severity": {s.value: by_severity.get(s.value, 0) for s in Severity},
            },
        }
        self.out.write(json_text(json.dumps(payload, ensure_ascii=False, indent=1)) + "\n")
        self.out.flush()
