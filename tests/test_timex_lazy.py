"""The grammar's start-up shortcuts never change what is found.

A family is compiled only for a text holding one of its trigger words, and month, season
and year patterns leave out spelled-out years for a text without them (`timex`). Each
text here is read twice from empty caches: with the shortcuts, and with every family
compiled in full; the dates must be the same.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.extract import timex
from claimcheck.extract.dates import find_dates

ROOT = Path(__file__).resolve().parent.parent

# One or more expressions of every family, in the cases news copy writes them.
SENTENCES = [
    "Published 2023-03-01. Filed 03/01/2023 and 01.03.2023.",
    "The vote is on Tuesday, March 7, 2023, and ended 12-14 November.",
    "He left on the 5th of May and came back SEPT. 30.",
    "The plant closed two weeks ago.",
    "Nearly three years earlier, a year-ago figure.",
    "In the third quarter of 2022 and this year's first half, the year-ago period.",
    "Q3 2022 and 2H23 results.",
    "In the 1990s, the mid-'80s, the Twenties and the twenty-first century.",
    "Last week, next spring, early in the day, for the year, at year-end.",
    "The council met earlier in the day.",
    "The next day, the week before. Later that same night.",
    "Yesterday morning and late tonight, the day before yesterday.",
    "Last Friday and early Monday morning, 10 p.m. Thursday.",
    "On Christmas Eve, New Year's Day and the Fourth of July 2021.",
    "Since May, in March last year, this past February.",
    "In the spring of 2019 and the fall of nineteen ninety-six.",
    "Fiscal 2020, FY23 and the year two thousand and one, in nineteen eighty-four.",
    "IN MARCH NINETEEN SEVENTY-TWO, IN THE WINTER OF 1999.",
]


def _texts() -> list[str]:
    files = sorted(ROOT.glob("data/*.md")) + sorted(ROOT.glob("data/*.txt"))
    return SENTENCES + [" ".join(SENTENCES)] + [path.read_text(encoding="utf-8") for path in files]


def _dates(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start, m.end, m.date.value) for m in find_dates(text, dt.date(2023, 3, 1))]


@pytest.mark.parametrize("text", _texts())
def test_shortcuts_find_what_the_full_grammar_finds(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timex, "_COMPILED", {})
    monkeypatch.setattr(timex, "_LEAN", {})
    with_shortcuts = _dates(text)
    monkeypatch.setattr(timex, "_COMPILED", {name: timex.re.compile(pattern) for name, pattern in timex._PATTERN_OF.items()})
    assert _dates(text) == with_shortcuts


def test_every_family_is_exercised() -> None:
    families: set[str | None] = set()
    for text in SENTENCES:
        list(timex.scan(text, lambda match: families.add(match.lastgroup)))
    assert families == {name for name, _, _ in timex._FAMILIES}
