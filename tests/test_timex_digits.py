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
