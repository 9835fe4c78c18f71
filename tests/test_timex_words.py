"""A unit anchor ("year", "day") tries the quarter and "ago" families, and a "year"
opens an expression, only where the text around it allows (`timex._unit_families`): no family it leaves out can
match there, on random texts built from the words of those expressions."""
from __future__ import annotations

import random
import re

from claimcheck.extract import timex

_FAMILIES = {name: re.compile(pattern) for name, pattern, _ in timex._FAMILIES}
_BEFORE = ["the", "The", "THE", "last", "this", "Last", "a", "A", "two", "its", "fiscal", "2019", "2019's", "06-",
           "third", "quarter", "Quarter", "half", "HALF", "period", "ago", "earlier", "Earlier", "later", "before",
           "after", "prior", "previous", "same", "year", "years", "week", "month", "that", "of", "in", "full",
           "or", "so", "nearly", "more", "than", "next", "first", "from", "now", "hence", "back", "calendar"]
_UNITS = ["year", "Year", "YEAR", "day", "Day", "DAY", "week", "Week", "weekend", "WEEKEND", "month", "Month",
          "decade", "DECADE"]
_SEPARATORS = [" ", " ", "  ", "-", "\n", ", "]
_AFTER = ["", "'s", "-ago", " ago", " Ago", "-earlier", " EARLIER", "-end", " end", "'s end", "-old", " bond",
          " quarter", " third", " half", " or so", " or", " so", " back", " before", " after", " prior", "-before",
          " from now", " hence", " later", " previously", ".", ",", " 2019", " nineteen", " the", " fiscal", "-",
          " ", "\n", " earlier"]


def test_left_out_families_never_match_at_a_unit_anchor() -> None:
    rng = random.Random(11)
    tried = 0
    for _ in range(12000):
        words = [rng.choice(_BEFORE) for _ in range(rng.randrange(0, 5))]
        head = "".join(word + rng.choice(_SEPARATORS) for word in words)
        text = head + rng.choice(_UNITS) + "".join(rng.choice(_AFTER) for _ in range(rng.randrange(0, 4)))
        for at, anchor in timex.anchors(text):
            if anchor not in timex._UNIT_FORMS:
                continue
            starts = timex._starts_before(text, at, max(0, at - timex.LOOK_BEHIND_CHARS))
            opening, containing = timex._anchor_kind(anchor)
            kept_opening, kept = timex._unit_families(text, at, anchor, starts[-1][0] if starts else at, opening, containing)
            for start, _ in [*starts, (at, ())]:
                for name in containing:
                    left_out = name not in kept or (start == at and name not in kept_opening)
                    tried += 1
                    if left_out:
                        assert _FAMILIES[name].match(text, start) is None, (text, start, name)
    assert tried > 40000
