"""Numeric mentions: counts, percentages, money, measures, durations, ages, ordinals."""
from __future__ import annotations

import re

from ..model import Kind, Mention

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\w])")


def find_quantities(prose: str) -> list[Mention]:
    """Every numeric claim in `prose`, in text order."""
    out: list[Mention] = []
    for m in _NUMBER.finditer(prose):
        raw = m.group().replace(",", "")
        value: float | int = float(raw) if "." in raw else int(raw)
        out.append(Mention(Kind.COUNT, m.start(), m.end(), value=value))
    return out
