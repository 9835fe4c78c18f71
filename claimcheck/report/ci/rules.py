"""What a reporter needs to know about a rule, without importing the rules themselves."""
from __future__ import annotations

from typing import Protocol

from ...model import Severity


class RuleInfo(Protocol):
    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    bad: str
    good: str
