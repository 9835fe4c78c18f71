"""The fast readers of numbers.py and PhraseTable's single-word look-up answer exactly as
the full readers and the search do.

Each sentence is read twice, with the fast readers on and with them declining every
number; the claims must be the same. The sentences sit on the edges of what the fast
readers take: labels, years, dates, clock times, ages, ranges, shares, conversions,
currencies, scales, changes and qualifiers before and after.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import numbers, units
from claimcheck.extract import words as w

DATA = Path(__file__).resolve().parent / "data"

SENTENCES = [
    "Officials said 7,918 residents left and 58, he said, came back.",
    "It rose by 7 percentage points, or 3 per cent, to 4.9% in 22 years.",
    "A 10-year bond, a 40-year-old striker, 55 years old, a three-day trip and a six-cylinder car.",
    "In 1999 and since 2019, the 2000 people in 1600 paid; Boeing 737 and Section 8 stay labels.",
    "On May 5, 2020 and 5 of May, at 9 a.m. and 9 am, 5 o'clock, 9 a barrel, 5 am.",
    "Between 276 and 842 homes, 5 to 10 people, 5 to buy, 3 through 7 days, 9 or 10 miles.",
    "One in five adults, 1 out of 3 Germans, 2 in the morning, 3 out now.",
    "Gusts reached 89 mph (140 km/h) after nearly 12 inches (30 centimetres) of rain.",
    "It cost us $19 million in three months, US$9 a barrel, £78 for a seat and €8 million to it.",
    "($5 million) and “Two weeks ago” and \"5 people\" and '90s and (462) 016-8493.",
    "aged 44, ages 5, age of 12 years, minus 5 degrees, up 5, down 3 points, fell 3 places.",
    "The fund grew sales by 35 per cent; prices were down 2.3%, rents by 2.6% and wages 3% higher.",
    "More than 8,757 fans, about 114 jobs, some 140 children, exactly 5 cats and 50 or more.",
    "50-plus votes, 30-odd years, 5+ hours, 3 or so days and 20 or fewer seats.",
    "won 3-1 and a 5-4 ruling, 747-8 and 10-15 people, COVID-19 and F-16 and sub-7 nanometre.",
    "5 new officers, 5 New Zealand dollars, 3 US dollars, 7 million euros, 208 pounds and 5 million pounds.",
    "The 19th minute, his 100th goal, the second year, a second term, sit second, first reported.",
    "Two-thirds of our revenue, half of the town, a quarter of a mile, half a million and a dozen eggs.",
    "Story 091390\n\nAbout 5 hours, 3.5m people, 20k fans, 5G networks, 4K screens and 3D films.",
    "Maria Lopez, 44, said it; Oct. 03, 0824 and 9½ years, 2 1/2 hours and 5.5. Then 5.",
    "It was 1.99×10−30, 24/7, 9/11, 12:30 and 3.4.5 in version 2.0.1 at +44 20 7946 0958.",
    "Tomás paid 5 kilómetros and 5 kilometres, 5 Km, 5 KM, 5 km² and 5 sq ft today.",
]


def _tables() -> list[w.PhraseTable]:
    return [table for module in (numbers, units) for table in vars(module).values() if isinstance(table, w.PhraseTable)]


def _slow(text: str) -> list[numbers.Mention]:
    with pytest.MonkeyPatch.context() as patch:
        for reader in ("_read_usual", "_read_usual_words", "_read_usual_money"):
            patch.setattr(numbers, reader, lambda *args: None)
        return numbers.find_quantities(text)


def _texts() -> list[str]:
    drafts = sorted(DATA.rglob("*.md"))
    return SENTENCES + [path.read_text(encoding="utf-8") for path in drafts]


@pytest.mark.parametrize("text", _texts())
def test_fast_readers_read_what_the_full_readers_read(text: str) -> None:
    assert numbers.find_quantities(text) == _slow(text)


def _vocabulary() -> list[str]:
    """Every phrase the readers look up (qualifiers, changes, units, currencies, scales, ...)
    and the words they test (months, label words, function words), with plain words."""
    phrases = {phrase for table in _tables() for phrase in table._values}
    for name in ("MONTHS", "IDENTIFIER_WORDS", "FUNCTION_WORDS", "CHANGING_COUNTS", "YEAR_PREPOSITIONS"):
        phrases |= set(getattr(w, name))
    plain = "people said officials homes years old to and or in out of by from a the pm o'clock US Section May"
    return sorted(p for p in phrases | set(plain.split()) if p.strip())


_NUMBERS = ["5", "7,918", "58", "4.9", "22", "10", "1990", "2024", "737", "1", "0.5", "1,000", "three", "one", "two-thirds"]
_MARKS = [",", ".", ";", ":", "%", "-", "(", ")", "$", "£", "€", "—", "'s", "?", '"', "“", "”"]
# The words that join or end an amount, drawn often so that numbers meet them.
_LINKS = ["to", "and", "or", "in", "out of", "of", "by", "per", "a", "an", "the", "years", "old", "aged", "pm",
          "about", "more than", "up", "down", "million", "percent", "people", "said", "May", "US", "than"]
_word = st.one_of(
    st.sampled_from(_LINKS),
    st.sampled_from(_vocabulary()).flatmap(lambda p: st.sampled_from([p, p.lower(), p.capitalize()])),
)
_mark = st.sampled_from(_MARKS)
_glue = st.sampled_from([" ", " ", "", "-", "\n"])
_JOINS = ["to", "and", "or", "in", "out of", "through", "-", "–"]
_before = st.lists(st.tuples(st.one_of(_word, _word, _mark, st.sampled_from(_NUMBERS)), _glue), max_size=3).map(
    lambda parts: "".join(p + g for p, g in parts))
_after = st.one_of(
    st.tuples(st.sampled_from(_JOINS), st.sampled_from(_NUMBERS)).map(lambda jn: f" {jn[0]} {jn[1]}"),
    st.tuples(_glue, _word).map("".join),
    _mark,
)
_tail = st.lists(st.tuples(_glue, st.one_of(_word, _mark, st.sampled_from(_NUMBERS))), max_size=3).map(
    lambda parts: "".join(g + p for g, p in parts))
# An amount and what stands on either side of it, the words the fast readers decide on.
_soup = st.tuples(_before, _word, st.sampled_from(_NUMBERS), _after, _tail).map(
    lambda p: f"{p[0]}{p[1]} {p[2]}{p[3]}{p[4]}")


@settings(max_examples=500, deadline=None)
@given(_soup)
def test_fast_readers_agree_on_any_mix_of_the_words_they_look_at(text: str) -> None:
    assert numbers.find_quantities(text) == _slow(text)


@pytest.mark.parametrize("text", SENTENCES[:8] + ["about  5", "the\n5", "x5", "_about 5", "ABOUT 5", "rose\t\t5"])
def test_single_word_phrases_are_found_as_by_the_search(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for table in _tables():
        found = [(table.ending_at(text, i), table.starting_at(text, i)) for i in range(len(text) + 1)]
        with monkeypatch.context() as patch:
            patch.setattr(table, "_whole_after", frozenset())
            patch.setattr(table, "_whole_before", frozenset())
            searched = [(table.ending_at(text, i), table.starting_at(text, i)) for i in range(len(text) + 1)]
        assert found == searched
