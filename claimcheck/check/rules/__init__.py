"""Every rule, by code. Codes are stable: a retired rule's code is never reused."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from ..registry import Rule
from . import anchoring, arithmetic, attribution, calendar_days, consistency, ledger, sources, tense, weekday

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            attribution.RULE,
            weekday.RULE,
            consistency.INCONSISTENT,
            arithmetic.PARTS,
            arithmetic.CHANGE,
            arithmetic.SHARES,
            tense.RULE,
            anchoring.RULE,
            consistency.VAGUE,
            calendar_days.RULE,
            arithmetic.DIRECTION,
            ledger.UNVERIFIED,
            ledger.WRONG,
            sources.CONFLICTING,
            sources.NOT_FOUND,
        ),
        key=lambda rule: rule.code,
    )
)
RULES_BY_CODE: Mapping[str, Rule] = MappingProxyType({rule.code: rule for rule in RULES})

__all__ = ["RULES", "RULES_BY_CODE", "Rule"]
