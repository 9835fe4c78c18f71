"""The two scans of numbers.py, over the text in folded case, find what one scan of the text
over digits and number words (under (?i)) after any mark found: random text of number words
in any case, digits, marks and odd characters is read by find_quantities and by a reference
loop that searches one pattern for both."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import numbers
from claimcheck.extract import words as w
from claimcheck.model import Mention

# The one scan of the text itself the two of the folded text replace: a digit, or a number
# word (in any case) after a space or an opening mark.
_ONE_SCAN = re.compile(
    r"[^!#-&)+,.:-Z\\\]-~]"
    rf"(?:(?<=[\d{numbers._VULGAR}])|(?<=[{numbers._SEPARATORS}])(?P<words>(?i:{w.NUMBER_WORD})))"
)


def _one_scan(prose: str) -> list[Mention]:
    """find_quantities' loop over _ONE_SCAN, as it was before the scan was split."""
    found: list[Mention] = []
    first = numbers._number_at(prose, 0)
    pos = 0
    if first is not None and first.lastgroup == "words":
        mentions, pos = numbers._read_words(prose, 0, first.end(), None)
        found.extend(mentions)
    while (m := _ONE_SCAN.search(prose, pos)) is not None:
        previous = found[-1] if found else None
        if m.lastgroup == "words":
            start = m.start("words")
            mentions, resume = numbers._read_words(prose, start, numbers._WORDS_AT.match(prose, start).end(), previous)
        else:
            mentions, resume = numbers._read(prose, m.start(), previous)
        for mention in mentions:
            if previous is None or mention.start >= previous.end:
                found.append(mention)
        pos = max(resume, m.start() + 1)
    return found


_PIECES = [
    "one", "One", "ONE", "oNe", "ſix", "SİX", "Kelvin", "thİrd", "Σ", "two", "three", "Thirty",
    "first", "second", "half", "quarter",
    "hundreds", "million", "dozen", "twenty-one", "the", "then", "often", "ſeven", "fıve", "İ",
    "5", "7,918", "12.5", ".5", "½", "٣", "2019", "3-1", "24/7", "12:30", "$", "€", "%",
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\xa0", "\u2009", "(", ")", "\"", "'", "“", "‘", "’",
    "-", "—", "–", "/", "[", "*", ".", ",", "people", "years", "percent", "about", "from", "to",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_two_scans_read_what_one_scan_read(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert numbers._find_quantities(text) == _one_scan(text)


def test_words_after_every_mark() -> None:
    marks = [" ", "\n", "\t", "\xa0", "(", "\"", "'", "/", "-", "—", "–", "“", "‘", "[", "*", "x", "’", "5"]
    for mark in marks:
        for word in ("three people", "Three people", "THREE people", "thee people", "half the town"):
            text = f"It was{mark}{word} and{mark}{word}"
            assert numbers._find_quantities(text) == _one_scan(text), text
