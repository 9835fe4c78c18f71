"""Number words: what a run of words states, and the phrase tables around numbers."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from claimcheck.extract.words import PhraseTable, WordKind, parse_number_words, token_after, token_before, trie_regex


def parsed(phrase: str) -> tuple[WordKind, Decimal, str] | None:
    found = parse_number_words(phrase, 0, len(phrase))
    return None if found is None else (found.kind, found.value, phrase[:found.end])


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("seven", 7),
        ("Seventeen", 17),
        ("ninety-nine", 99),
        ("seventy thousand", 70_000),
        ("one hundred and twenty", 120),
        ("two million three hundred thousand", 2_300_000),
        ("two dozen", 24),
        ("twenty-five hundred", 2_500),
    ],
)
def test_cardinals(phrase, value):
    assert parsed(phrase) == (WordKind.CARDINAL, Decimal(value), phrase)


def test_reading_stops_where_the_grammar_does():
    # "two three-bedroom flats": two numbers, the scanner resumes after "two".
    assert parsed("two three") == (WordKind.CARDINAL, Decimal(2), "two")
    assert parsed("two and three") == (WordKind.CARDINAL, Decimal(2), "two")


@pytest.mark.parametrize(
    "phrase, value",
    [("first", 1), ("third", 3), ("twenty-first", 21), ("hundredth", 100)],
)
def test_ordinals(phrase, value):
    assert parsed(phrase) == (WordKind.ORDINAL, Decimal(value), phrase)


@pytest.mark.parametrize(
    "phrase, numerator, denominator",
    [("two-thirds", 2, 3), ("three quarters", 3, 4), ("one half", 1, 2), ("half", 1, 2), ("quarter", 1, 4)],
)
def test_fractions(phrase, numerator, denominator):
    kind, value, text = parsed(phrase)
    assert (kind, text) == (WordKind.FRACTION, phrase)
    assert value == Decimal(numerator) / denominator


@pytest.mark.parametrize("phrase, magnitude", [("dozens", 12), ("hundreds", 100), ("Thousands", 1000), ("millions", 10**6)])
def test_vague_plurals_give_their_magnitude(phrase, magnitude):
    assert parsed(phrase) == (WordKind.VAGUE, Decimal(magnitude), phrase)


@pytest.mark.parametrize("phrase, value", [("dozen", 12), ("million", 10**6), ("hundred thousand", 100_000)])
def test_a_bare_scale_is_one_of_it(phrase, value):
    assert parsed(phrase) == (WordKind.SCALE, Decimal(value), phrase)


def test_trie_regex_matches_every_phrase_whole_and_prefers_the_longest():
    phrases = ["more than", "more", "over", "up to", "up"]
    pattern = re.compile(trie_regex(phrases))
    for phrase in phrases:
        assert pattern.fullmatch(phrase)
    assert pattern.match("more than 5").group() == "more than"
    assert pattern.match("moreover") is None
    assert pattern.match("up  to").group() == "up  to"


def test_phrase_table_looks_both_ways_and_keeps_word_boundaries():
    table = PhraseTable({"more than": ">", "about": "~", "up to": "<="})
    text = "it fell by more than 5 and about6 moreabout 7"
    five = text.index("5")
    assert table.ending_at(text, five) == (text.index("more"), ">")
    assert table.ending_at(text, text.index("6")) == (text.index("about"), "~")
    assert table.ending_at(text, text.index("7")) is None
    assert table.starting_at("up to 5", 0) == (len("up to"), "<=")
    assert table.starting_at("upto 5", 0) is None


def test_case_sensitive_tables_keep_case():
    table = PhraseTable({"m": "metre", "M": "million"}, ignore_case=False, gap=r"[^\S\n]?")
    assert table.starting_at("37m long", 2) == (3, "metre")
    assert table.starting_at("4.3M sales", 3) == (4, "million")


def test_tokens_next_to_an_offset():
    text = "rose (about 5 per cent)"
    five = text.index("5")
    assert token_before(text, five) == "about"
    assert token_after(text, five + 1) == "per"
    assert token_before("US$5", 3) == "$"
    assert token_after("6.1-inch", 3) == "inch"


def test_fold_case_folds_what_ignorecase_matches():
    """fold_case keeps every offset and turns a character into an ASCII letter exactly where
    (?i) matches that letter for it, and changes no digit, mark, space or word boundary."""
    from claimcheck.extract.words import fold_case

    every_char = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    folded = fold_case(every_char)
    assert len(folded) == len(every_char)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = {m.start() for m in re.finditer(f"(?i:{letter})", every_char)}
        assert {i for i, ch in enumerate(folded) if ch == letter} == matched, letter
    for kept in (r"[\d\s(\"'/\-—–“‘\[*½¼¾⅓⅔⅕⅛]", r"[^\W_]"):
        assert [m.start() for m in re.finditer(kept, folded)] == [m.start() for m in re.finditer(kept, every_char)]


def test_number_word_start_finds_what_number_words_pattern_finds():
    from claimcheck.extract.words import NUMBER_WORD, NUMBER_WORD_INITIAL, NUMBER_WORDS_PATTERN, fold_case
    start = re.compile(NUMBER_WORD_INITIAL + NUMBER_WORD)
    phrase = re.compile(NUMBER_WORDS_PATTERN)
    for text in ("Three", "ſix", "tHİrd", "BİLLİON", "thousandfold", "the", "tens", "Tenses", "ſecond",
                 "half-time", "dozens", "Elevenſ", "quarter", "zero", "Kelvin", "fıve"):
        assert bool(start.match(fold_case(text))) == bool(phrase.match(text)), text
        if phrase.match(text):
            assert start.match(fold_case(text)).end() <= phrase.match(text).end()
