"""Human-readable pieces shared by the table and Markdown reporters."""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from ..model import Claim, Kind, Number
from .safe import one_line, printable

_QUALIFIER_SIGN = {"=": "", "~": "~", ">": ">", "<": "<", ">=": "≥", "<=": "≤", "up": "+", "down": "−"}


def format_number(value: Number) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6g}" if abs(value) >= 1e6 else f"{value:,}".rstrip("0").rstrip(".")


def format_day(day: dt.date) -> str:
    return day.strftime("%a %d %b %Y")


def format_period(value: str, start: dt.date | None, end: dt.date | None) -> str:
    """A resolved date as an editor reads it: "Tue 28 Feb 2023", "Feb 2023", "2023-W09: 27 Feb – 5 Mar 2023"."""
    if start is None or end is None:
        return value
    if start == end:
        return format_day(start)
    if len(value) == 4 and value.isdigit():
        return value
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
        return start.strftime("%b %Y")
    first = f"{start.day} {start:%b}" if start.year == end.year else f"{start.day} {start:%b %Y}"
    return f"{value}: {first} – {end.day} {end:%b %Y}"


def format_value(claim: Claim) -> str:
    """The normalised value as an editor reads it: "~70,000", "10–15 %", "Tue 28 Feb 2023"."""
    if claim.kind is Kind.DATE:
        date = claim.date
        if date is None or date.value is None:
            return "(no reference date)" if date is not None and not date.anchored else "?"
        return format_period(date.value, date.start, date.end)
    sign = _QUALIFIER_SIGN.get(claim.qualifier, claim.qualifier + " ")
    if claim.value is None:
        number = "(vague)" if claim.vague else "?"
    else:
        number = format_number(claim.value)
        if claim.value_high is not None:
            number += "–" + format_number(claim.value_high)
        if claim.vague:
            number = "order of " + number
    unit = f" {claim.unit}" if claim.unit else ""
    return f"{sign}{number}{unit}"


def format_source(claim: Claim) -> str:
    if claim.source is None:
        return ""
    label = claim.source.name
    if claim.source.quoted:
        label += " (quote)"
    return label


OWN_VOICE = "(the text's own voice)"


def group_by_source(claims: Sequence[Claim]) -> list[tuple[str, list[Claim]]]:
    """Claims grouped by source name in order of first appearance; own-voice claims last."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.source.name if claim.source else OWN_VOICE, []).append(claim)
    own = groups.pop(OWN_VOICE, None)
    ordered = list(groups.items())
    if own:
        ordered.append((OWN_VOICE, own))
    return ordered


__all__ = ["OWN_VOICE", "format_number", "format_source", "format_value", "group_by_source", "one_line", "printable"]
