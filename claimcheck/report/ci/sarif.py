"""SARIF 2.1.0 for code scanning: the rule table, results with regions, stable fingerprints.

Columns count Unicode code points (`columnKind`), as claimcheck's columns do.
`partialFingerprints` carry the finding fingerprint (rule + claim id), so code scanning
follows a finding when lines move. The subset written here is described by
`sarif-subset.schema.json`, which the tests validate against. Message texts are plain
text as SARIF defines it: braces doubled, square brackets escaped (`safe.sarif_text`).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence, TextIO
from urllib.parse import quote

from ... import __version__
from ...errors import InputError
from ...model import Finding, Severity
from ..safe import json_text, no_surrogates, one_line, sarif_text
from .rules import RuleInfo

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claimcheck/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(source: str) -> dict[str, str]:
    """A relative path stays relative to the checkout (%SRCROOT%); an absolute one becomes a file URI."""
    path = Path(source)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    # The name's own bytes, percent-encoded: a name that is not UTF-8 still gives a valid URI.
    try:
        raw = os.fsencode(path.as_posix())
    except UnicodeEncodeError:  # a lone surrogate that no file name's bytes produce
        raw = no_surrogates(path.as_posix()).encode("utf-8")
    return {"uri": quote(raw, safe="/"), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    help_text = f"{rule.summary}\n\n{rule.rationale}\n\nBad: {rule.bad}\nGood: {rule.good}"
    help_markdown = (
        f"{rule.summary}\n\n{rule.rationale}\n\n**Bad**\n\n```\n{rule.bad}\n```\n\n**Good**\n\n```\n{rule.good}\n```"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["claimcheck", "editorial"]},
    }


class SarifReporter:
    def __init__(self, out: TextIO, rules: Sequence[RuleInfo]) -> None:
        self.out = out
        self.rules = list(rules)
        self.index = {rule.code: i for i, rule in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def start(self) -> None:
        pass

    def document(self, source: str, findings: Sequence[Finding]) -> None:
        for f in findings:
            self.results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": self.index[f.code],
                    "level": LEVELS[f.severity],
                    "message": {"text": sarif_text(one_line(f.message))},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": artifact_uri(f.source),
                                "region": {
                                    "startLine": f.line,
                                    "startColumn": f.column,
                                    "endLine": f.end_line,
                                    "endColumn": f.end_column,
                                    "charOffset": f.start,
                                    "charLength": f.end - f.start,
                                },
                            }
                        }
                    ],
                    "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
                    "properties": {"claimId": f.claim_id, "severity": f.severity.value},
                }
            )

    def error(self, error: InputError) -> None:
        self.notifications.append(
            {
                "level": "error",
                "message": {"text": sarif_text(one_line(error.reason))},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(error.source)}}],
            }
        )

    def finish(self) -> None:
        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "claimcheck",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": [rule_descriptor(rule) for rule in self.rules],
                        }
                    },
                    "invocations": [
                        {"executionSuccessful": not self.notifications, "toolExecutionNotifications": self.notifications}
                    ],
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        self.out.write(json_text(json.dumps(log, ensure_ascii=False, indent=1)) + "\n")
        self.out.flush()
