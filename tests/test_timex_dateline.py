"""A dateline's date can start only as far into its line as `dates._dateline_reach` says:
after a "CITY, " opening (the opening pattern's greedy match reaches as far as any of its
full matches), or where little of the line is left around it; so the dateline search reads
no further. Random lines built from the pieces of datelines and story text."""
from __future__ import annotations

import datetime as dt
import random

from claimcheck.extract import dates
from claimcheck.model import Span
from claimcheck.segment.paragraphs import find_paragraphs

_PIECES = ["WASHINGTON", "Paris", "New", "York", "St.", "O'Hare", "Rio-Bravo", "France", "A", "b", "the",
           "council", "said", "(Wire)", "(Reuters)", "(a long agency name here)", "(", ")", "—", "-", "–", "_",
           ":", ",", ", ", " ", "  ", "\t", "|", "March 1", "Mar. 1, 2023", "2023-03-01", "1 March 2023",
           "Tuesday", "the next day", "since", "Published:", "updated", "x" * 30, "Fy", "É", "’"]


def _line(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) + rng.choice(["", " ", " ", ", "]) for _ in range(rng.randrange(1, 16)))


def test_no_opening_or_short_surroundings_past_the_reach() -> None:
    rng = random.Random(7)
    for _ in range(4000):
        line = _line(rng)
        reach = dates._dateline_reach(line)
        cue = dates._DATELINE_CUE.search(line) is not None
        for start in range(reach + 1, len(line) + 1):
            assert dates._DATELINE_OPENING.fullmatch(line[:start]) is None, (line, start)
            around = line[:start].strip(dates._AROUND_STRIP)
            assert cue or len(around) > dates._AROUND_CHARS, (line, start)


def test_the_lazy_search_finds_each_date_the_whole_search_finds_by_the_reach() -> None:
    rng = random.Random(8)
    for _ in range(1500):
        line = _line(rng)
        reach = dates._dateline_reach(line)
        whole = [m for m in dates.find_dates(line, None) if m.start <= reach]
        lazy = [m for m in dates._mentions(line, None, False, None, reach) if m.start <= reach]
        assert lazy == whole, line
        assert dates._dateline_date(line, 0, line) == _whole_dateline_date(line)
        if line.strip():
            assert find_paragraphs(line) == (Span(len(line) - len(line.lstrip()), len(line.rstrip())),)


def _whole_dateline_date(line: str) -> dt.date | None:
    for mention in dates.find_dates(line, None):
        date = mention.date
        if date is None:
            continue
        opening = dates._DATELINE_OPENING.fullmatch(line[:mention.start]) is not None
        if date.value and len(date.value) == 10 and (opening or dates._is_dateline_line(line, mention)):
            return date.start
        if date.value is None and opening and dates._is_month_day(line[mention.start:mention.end]):
            return dates._dateline_without_year(line, line[mention.start:mention.end])
    return None
