"""How precisely a figure is written, so arithmetic checks forgive honest rounding."""
from __future__ import annotations

import re

from ..model import Claim
from .quantities import Interval

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|bn|mn|m|k)\b", re.I)


def written_interval(claim: Claim, value: float) -> Interval:
    """The values `value` may stand for given how it is written: "1.2 million" is 1.15-1.25 million.

    Plain figures without a scale word ("40", "7.5%") are exact to their last written digit.
    """
    m = _NUMBER.search(claim.text)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    half = 0.5 * 10.0 ** -decimals
    if _SCALE.search(claim.text) and m:
        digits = float(m.group(0).replace(",", ""))
        if digits:
            half *= abs(value) / digits
    return Interval(value - half, value + half)
