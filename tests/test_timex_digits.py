"""A digit anchor tries only the families its characters allow (`timex._families_at_digits`):
no family it leaves out can match there, on random texts dense in digits, separators and
the letters of decades and quarter codes."""
from __future__ import annotations

import random
import re

from claimcheck.extract import timex

_ALPHABET = "0123456789" * 4 + "12" * 4 + "0" * 3 + "/.-" * 2 + "QHs'_ \n,%x" + "٣"
_FAMILIES = {name: re.compile(pattern) for name, pattern, _ in timex._FAMILIES}


def test_left_out_families_never_match_at_a_digit_anchor() -> None:
    rng = random.Random(9)
    tried = 0
    for _ in range(4000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(1, 16)))
        for at, kind in timex.anchors(text):
            if kind != "#":
                continue
            kept = timex._families_at_digits(text, at)
            for name in timex._CONTAINED_IN["#"]:
                tried += 1
                if name not in kept:
                    assert _FAMILIES[name].match(text, at) is None, (text, at, name)
            assert list(kept) == [name for name in timex._CONTAINED_IN["#"] if name in kept]
    assert tried > 10000


_AFTER = ["", " ", ", ", "  the ", " The ", " THE ", ",", " 7", " 31st", " March", " Sept.", " MARCH", " march",
          " the 5th of May", " of", "\n", "\n\n", "-", ". ", " 2023", " night", " Mar 3", " x", "’s"]


def test_a_lone_weekday_is_no_month_day_or_day_month() -> None:
    """Where `scan` tries only the weekday family at a weekday, month_day and day_month cannot match."""
    rng = random.Random(7)
    for _ in range(3000):
        name = rng.choice(sorted(timex._WEEKDAY_FORMS))
        text = rng.choice(["", "On ", "said "]) + name + "".join(rng.choice(_AFTER) for _ in range(rng.randrange(0, 4)))
        at = text.index(name)
        if timex._DAY_OR_MONTH_AFTER.match(text, at + len(name)) is None:
            for family in ("month_day", "day_month"):
                assert _FAMILIES[family].match(text, at) is None, (text, family)
