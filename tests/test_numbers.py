"""Numeric claims as a reader of the report sees them: kind, span, value, qualifier, unit, subject.

Every sentence here is written for these tests.
"""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.extract.numbers import find_quantities
from claimcheck.model import Kind

COUNT, PERCENT, MONEY, MEASURE = Kind.COUNT, Kind.PERCENT, Kind.MONEY, Kind.MEASURE
DURATION, AGE, ORDINAL = Kind.DURATION, Kind.AGE, Kind.ORDINAL


def found(text: str) -> list[dict[str, Any]]:
    """What find_quantities reports, as a reader would check it."""
    return [
        {"kind": m.kind, "text": text[m.start:m.end], "value": m.value, "value_high": m.value_high,
         "qualifier": m.qualifier, "vague": m.vague, "unit": m.unit, "subject": m.subject}
        for m in find_quantities(text)
    ]


def only(text: str) -> dict[str, Any]:
    claims = found(text)
    assert len(claims) == 1, claims
    return claims[0]


def texts(text: str) -> list[str]:
    return [c["text"] for c in found(text)]


# --- counts and subjects --------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, value, qualifier, subject",
    [
        ("Only 3,500 households still lack power.", "3,500 households", 3500, "=", "households"),
        ("Rebels freed some 90 hostages overnight.", "some 90 hostages", 90, "~", "hostages"),
        ("The town is home to around 12,000 people.", "around 12,000 people", 12000, "~", "people"),
        ("More than 2,400 nurses walked out.", "More than 2,400 nurses", 2400, ">", "nurses"),
        ("Fewer than 40 delegates voted.", "Fewer than 40 delegates", 40, "<", "delegates"),
        ("At least 17 miners were trapped.", "At least 17 miners", 17, ">=", "miners"),
        ("The fund could hire up to 300 teachers.", "up to 300 teachers", 300, "<=", "teachers"),
        ("Inspectors visited 48 care homes last month.", "48 care homes", 48, "=", "care homes"),
        ("Police arrested two suspects.", "two suspects", 2, "=", "suspects"),
        ("The firm employs 4,000 fishermen.", "4,000 fishermen", 4000, "=", "fishermen"),
        ("The club sold 9.5 million shirts.", "9.5 million shirts", 9_500_000, "=", "shirts"),
        ("The library lends out a dozen laptops.", "a dozen laptops", 12, "=", "laptops"),
        ("Seventy thousand fans filled the stadium.", "Seventy thousand fans", 70000, "=", "fans"),
        ("One other passenger was hurt.", "One other passenger", 1, "=", "other passenger"),
    ],
)
def test_counts_with_their_counted_noun(sentence, span, value, qualifier, subject):
    claim = only(sentence)
    assert (claim["kind"], claim["text"], claim["value"], claim["qualifier"], claim["subject"]) == (
        COUNT, span, value, qualifier, subject)


@pytest.mark.parametrize(
    "sentence, span, magnitude, subject",
    [
        ("Hundreds of firefighters battled the blaze.", "Hundreds of firefighters", 100, "firefighters"),
        ("Dozens of shops stayed shut.", "Dozens of shops", 12, "shops"),
        ("Tens of thousands of workers struck.", "Tens of thousands of workers", 10_000, "workers"),
        ("The drought hit millions of farmers.", "millions of farmers", 10**6, "farmers"),
        ("Several hundred cars were recalled.", "Several hundred cars", 100, "cars"),
    ],
)
def test_vague_quantities_give_their_magnitude(sentence, span, magnitude, subject):
    claim = only(sentence)
    assert (claim["kind"], claim["text"], claim["value"], claim["vague"], claim["subject"]) == (
        COUNT, span, magnitude, True, subject)


def test_a_money_style_scale_before_a_counted_noun_is_a_million():
    claim = only("Some 2.4m commuters use the line.")
    assert (claim["kind"], claim["value"], claim["subject"]) == (COUNT, 2_400_000, "commuters")
    assert only("The mast is 60m tall.")["unit"] == "metre"


def test_a_bare_count_has_no_subject():
    claim = only("The final tally was 412.")
    assert (claim["kind"], claim["value"], claim["subject"]) == (COUNT, 412, None)


# --- percentages ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, value, qualifier, unit",
    [
        ("Turnout reached 61.5%.", "61.5%", 61.5, "=", "%"),
        ("About 30 per cent of voters stayed home.", "About 30 per cent", 30, "~", "%"),
        ("Nearly 8 percent of loans went bad.", "Nearly 8 percent", 8, "~", "%"),
        ("Rates held at 4.25pc.", "4.25pc", 4.25, "=", "%"),
        ("Its lead shrank by 3 percentage points.", "3 percentage points", 3, "down", "percentage point"),
        ("The bank added 25 basis points.", "25 basis points", 25, "up", "basis point"),
        ("Yields rose to .5 per cent.", ".5 per cent", 0.5, "=", "%"),
    ],
)
def test_percentages(sentence, span, value, qualifier, unit):
    claim = only(sentence)
    assert (claim["kind"], claim["text"], claim["value"], claim["qualifier"], claim["unit"]) == (
        PERCENT, span, value, qualifier, unit)


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("Roughly half of the council opposed it.", "Roughly half of the council", 50),
        ("Three-quarters of the forest burned.", "Three-quarters of the forest", 75),
        ("A third of the staff left.", "A third of the staff", 100 / 3),
        ("One in five adults smokes.", "One in five adults", 20),
        ("About 1 in 4 drivers speed.", "About 1 in 4 drivers", 25),
    ],
)
def test_word_shares_are_percentages_of_what_they_divide(sentence, span, value):
    claim = only(sentence)
    assert (claim["kind"], claim["text"], claim["unit"]) == (PERCENT, span, "%")
    assert claim["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence, span, kind, value, unit",
    [
        ("Half a million homes lost power.", "Half a million homes", COUNT, 500_000, None),
        ("A quarter of a million fans came.", "A quarter of a million fans", COUNT, 250_000, None),
        ("Half a dozen boats sank.", "Half a dozen boats", COUNT, 6, None),
        ("The queue stretched a third of a mile.", "a third of a mile", MEASURE, 1 / 3, "mile"),
        ("The vote took half an hour.", "half an hour", DURATION, 0.5, "hour"),
    ],
)
def test_fractions_of_a_scale_or_a_unit(sentence, span, kind, value, unit):
    claim = only(sentence)
    assert (claim["text"], claim["kind"], claim["unit"]) == (span, kind, unit)
    assert claim["value"] == pytest.approx(value)


def test_half_and_quarter_without_what_they_divide_are_no_share():
    assert found("The second half was dull.") == []
    assert found("He was paid a quarter later.") == []


# --- money ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        ("The bridge will cost $2.5 million.", "$2.5 million", 2_500_000, "USD"),
        ("Sales hit $1.2 billion.", "$1.2 billion", 1_200_000_000, "USD"),
        ("The club paid £45m for him.", "£45m", 45_000_000, "GBP"),
        ("Tickets cost €15.", "€15", 15, "EUR"),
        ("The grant is worth 3 million euros.", "3 million euros", 3_000_000, "EUR"),
        ("The deal was valued at 950 million yen.", "950 million yen", 950_000_000, "JPY"),
        ("Crude settled at US$71.40 per barrel.", "US$71.40 per barrel", 71.4, "USD/barrel"),
        ("Rents average $1,900 a month.", "$1,900 a month", 1900, "USD/month"),
        ("The fine was USD10m.", "USD10m", 10_000_000, "USD"),
        ("A flat in the city costs HK$8.2m.", "HK$8.2m", 8_200_000, "HKD"),
        ("The bonds raised 40 billion rupees.", "40 billion rupees", 40_000_000_000, "INR"),
        ("A coffee now costs 350 JPY.", "350 JPY", 350, "JPY"),
        ("The state will spend Rs 2.5 lakh crore.", "Rs 2.5 lakh crore", 2_500_000_000_000, "INR"),
        ("The board approved a 5 million pound refit.", "5 million pound", 5_000_000, "GBP"),
    ],
)
def test_money_is_fully_scaled_in_its_currency(sentence, span, value, unit):
    claim = only(sentence)
    assert (claim["kind"], claim["text"], claim["value"], claim["unit"]) == (MONEY, span, value, unit)


def test_cents_and_pence_keep_their_unit():
    assert [(c["value"], c["unit"], c["qualifier"]) for c in found("Shares were up 12 cents, then down 4p.")] == [
        (12, "cent", "up"), (4, "pence", "down")]


def test_a_negative_amount():
    claim = only("The balance fell to $-12.5bn.")
    assert (claim["value"], claim["unit"]) == (-12_500_000_000, "USD")


def test_pounds_without_a_scale_are_a_weight():
    claim = only("The parcel weighed 12 pounds.")
    assert (claim["kind"], claim["unit"]) == (MEASURE, "pound")


# --- measures, durations, ages, ordinals ------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        ("He kicked it from 45 yards.", "45 yards", 45, "yard"),
        ("The ridge rises 2,100 metres.", "2,100 metres", 2100, "metre"),
        ("It holds 64GB of photos.", "64GB", 64, "gigabyte"),
        ("The engine makes 410 pound-feet of torque.", "410 pound-feet", 410, "pound-foot"),
        ("Winds gusted to 95 km/h.", "95 km/h", 95, "km/h"),
        ("A 12-foot python escaped.", "12-foot", 12, "foot"),
        ("The lake covers 30 square miles.", "30 square miles", 30, "square mile"),
        ("It was minus 40 degrees Celsius.", "minus 40 degrees Celsius", -40, "degree Celsius"),
        ("The refinery handles 80,000 barrels a day.", "80,000 barrels a day", 80000, "barrel/day"),
    ],
)
def test_measures_in_normalised_units(sentence, span, value, unit):
    claim = only(sentence)
    assert (claim["kind"], claim["text"], claim["value"], claim["unit"]) == (MEASURE, span, value, unit)


def test_a_conversion_in_parentheses_is_a_claim_of_its_own_with_the_same_qualifier():
    claims = found("Waves reached almost 20 feet (6 metres) high.")
    assert [(c["text"], c["value"], c["unit"], c["qualifier"]) for c in claims] == [
        ("almost 20 feet", 20, "foot", "~"), ("6 metres", 6, "metre", "~")]


@pytest.mark.parametrize(
    "sentence, span, value, unit, subject",
    [
        ("They set off on a five-day march.", "five-day march", 5, "day", "march"),
        ("She served for 12 years.", "12 years", 12, "year", None),
        ("The flight took 3 1/2 hours.", "3 1/2 hours", 3.5, "hour", None),
        ("The talks lasted two hours.", "two hours", 2, "hour", None),
        ("He signed a 3-year contract.", "3-year contract", 3, "year", "contract"),
        ("The bond matures in 30 years.", "30 years", 30, "year", None),
        ("It has been closed for more than a decade.", None, None, None, None),
    ],
)
def test_durations(sentence, span, value, unit, subject):
    claims = found(sentence)
    if span is None:
        assert claims == []
        return
    claim = only(sentence)
    assert (claim["kind"], claim["text"], claim["value"], claim["unit"], claim["subject"]) == (
        DURATION, span, value, unit, subject)


@pytest.mark.parametrize(
    "sentence, span, value, subject",
    [
        ("A 23-year-old nurse was among them.", "23-year-old nurse", 23, "nurse"),
        ("The 67-year-old declined to comment.", "67-year-old", 67, None),
        ("Tom Okafor, 38, runs the bakery.", "38", 38, "Tom Okafor"),
        ("The choir welcomed members aged 70 and over.", "70", 70, None),
    ],
)
def test_ages(sentence, span, value, subject):
    claim = [c for c in found(sentence) if c["kind"] is AGE][0]
    assert (claim["text"], claim["value"], claim["unit"], claim["subject"]) == (span, value, "year", subject)


@pytest.mark.parametrize(
    "sentence, span, value, subject",
    [
        ("The strike entered its third week.", "third week", 3, "week"),
        ("It was the club's 200th win.", "200th win", 200, "win"),
        ("Calder is the second-largest city.", "second-largest city", 2, "city"),
        ("They scored in the 71st minute.", "71st minute", 71, "minute"),
        ("United sit fourth, two points back.", "fourth", 4, None),
    ],
)
def test_ordinals(sentence, span, value, subject):
    claim = [c for c in found(sentence) if c["kind"] is ORDINAL][0]
    assert (claim["text"], claim["value"], claim["subject"]) == (span, value, subject)


def test_ordinals_that_are_not_ranks():
    assert [c for c in found("It was first reported in a second-hand shop.") if c["kind"] is ORDINAL] == []
    assert found("Wait a second.") == []


# --- ranges ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, low, high, kind, unit",
    [
        ("The trail runs 12 to 15 miles.", "12 to 15 miles", 12, 15, MEASURE, "mile"),
        ("Prices rose between 3 and 4%.", "between 3 and 4%", 3, 4, PERCENT, "%"),
        ("Margins of 8-10% are typical.", "8-10%", 8, 10, PERCENT, "%"),
        ("Bids ranged from $2 million to $3.5 million.", "from $2 million to $3.5 million", 2_000_000, 3_500_000, MONEY, "USD"),
        ("The plan costs US$40 to $60 billion.", "US$40 to $60 billion", 40_000_000_000, 60_000_000_000, MONEY, "USD"),
        ("Between 200 and 250 homes flooded.", "Between 200 and 250 homes", 200, 250, COUNT, None),
        ("It takes three or four weeks.", "three or four weeks", 3, 4, DURATION, "week"),
        ("Output fell from 90 tonnes to 70 tonnes.", "from 90 tonnes to 70 tonnes", 90, 70, MEASURE, "tonne"),
    ],
)
def test_ranges_are_one_claim(sentence, span, low, high, kind, unit):
    claim = only(sentence)
    assert (claim["text"], claim["value"], claim["value_high"], claim["kind"], claim["unit"]) == (
        span, low, high, kind, unit)


def test_a_change_to_a_new_level_is_no_range():
    claims = found("Debt increased by $3.1 billion to $88 billion.")
    assert [(c["value"], c["value_high"], c["qualifier"]) for c in claims] == [
        (3_100_000_000, None, "up"), (88_000_000_000, None, "=")]


def test_a_change_that_dwarfs_its_start_reaches_a_level():
    claims = found("Jobless claims rose by 9,000 to 240,000.")
    assert [(c["value"], c["value_high"], c["qualifier"]) for c in claims] == [(9000, None, "up"), (240000, None, "=")]


def test_a_range_of_change_keeps_its_direction():
    claim = only("Output fell by 2 to 3 per cent.")
    assert (claim["value"], claim["value_high"], claim["qualifier"]) == (2, 3, "down")


@pytest.mark.parametrize(
    "sentence, values, subject",
    [
        ("Leeds won 4-2 at home.", [4, 2], "goals"),
        ("Wigan beat Stoke City 1-0.", [1, 0], "goals"),
        ("The bill passed 61-39.", [61, 39], "votes"),
        ("It ended in a 5-4 ruling.", [5, 4], "votes"),
    ],
)
def test_a_score_is_two_counts_not_a_range(sentence, values, subject):
    claims = found(sentence)
    assert [(c["value"], c["value_high"], c["subject"]) for c in claims] == [(v, None, subject) for v in values]


# --- changes --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, value, qualifier",
    [
        ("Exports rose 6.2% in May.", 6.2, "up"),
        ("The index fell by 1.4 per cent.", 1.4, "down"),
        ("Shares were down 3% at noon.", 3, "down"),
        ("The firm plans to raise prices by 9 per cent.", 9, "up"),
        ("The Dow closed +0.4%.", 0.4, "up"),
        ("Fares will be 15% cheaper.", 15, "down"),
        ("The rand slid nearly 2%.", 2, "down"),
    ],
)
def test_changes_keep_their_direction(sentence, value, qualifier):
    claim = only(sentence)
    assert (claim["value"], claim["qualifier"]) == (value, qualifier)


def test_the_level_a_change_reaches_is_not_a_change():
    claims = found("Revenue climbed 8% to $4.1 billion.")
    assert [(c["kind"], c["qualifier"]) for c in claims] == [(PERCENT, "up"), (MONEY, "=")]


def test_counts_of_things_lost_are_no_change():
    assert only("The army lost 300 tanks.")["qualifier"] == "="


# --- what is not a claim --------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was signed in 1998.",
        "The hearing is on March 3, 2025.",
        "Trains leave at 7:45 a.m. and 6pm.",
        "The F-35 and the MiG-29 flew past.",
        "The COVID-19 rules ended.",
        "Customers want 5G phones.",
        "The G20 met in Rome.",
        "A Boeing 747 landed.",
        "Take Section 12 Row 4, seat 9.",
        "Call (212) 555-0147 or +44 20 7946 0958.",
        "See page 14 of the report.",
        "He lives at 22 Baker Street.",
        "She bought an iPhone 15 Pro last year.",
        "The 1990s were different.",
        "Open 24/7, even on 9/11.",
        "The festival runs June 3-5.",
        "The 2023-24 budget was tabled.",
        "Seas may rise a metre by 2150.",
        "The 747-8 freighter landed.",
        "Version 2.4.1 fixed it.",
        "It is one of the best hotels in town.",
        "No one was hurt, and another one is missing.",
    ],
)
def test_non_claims(sentence):
    assert found(sentence) == []


def test_one_counts_only_before_what_it_counts():
    assert texts("One lorry overturned, and at one point the road closed.") == ["One lorry", "one point"]


def test_offsets_point_into_the_text_through_the_pipeline():
    text = "Some 250 residents left; the council spent £1.4m (about $1.8m) on repairs."
    doc = claimcheck.extract(text, kinds=["count", "money"])
    assert [(c.text, c.kind.value, c.value, c.qualifier) for c in doc.claims] == [
        ("Some 250 residents", "count", 250, "~"),
        ("£1.4m", "money", 1_400_000, "="),
        ("about $1.8m", "money", 1_800_000, "~"),
    ]
    for claim in doc.claims:
        assert text[claim.start:claim.end] == claim.text


# --- linear time ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["1" * 100_000, "1," * 50_000, "1.1." * 25_000, "one " * 10_000, "$" * 50_000 + "5", "- 1" * 10_000,
     "hundreds of " * 5_000, "from 1 to " * 5_000, "It was 412.\n1. Item\n" * 5_000],
)
def test_inputs_built_to_make_patterns_backtrack_still_finish(text):
    # A pattern that backtracked on these, or a rescan of what was read, would take minutes.
    assert isinstance(find_quantities(text), list)


# --- invariants -----------------------------------------------------------------------------

_PIECES = ["1", "12", "1,000", "3.5", "-", "–", "$", "€", "US$", "%", " per cent", " million", " to ", " and ",
           "between ", "from ", "about ", "one", "half", "a", "third", "hundreds", " of ", "people", "miles",
           "-year-old", ",", ".", "(", ")", "/", "+", "½", "\n", "May", "2019", " ", "won ", "Ruiz, ", "sub-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_claims_lie_in_the_text_in_order_without_overlapping(text):
    claims = find_quantities(text)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
    for first, second in zip(claims, claims[1:]):
        assert first.end <= second.start


def test_a_qualifier_or_change_does_not_read_across_a_blank_line():
    one = only("Prices were steady, rising by about\n\n5 percent of them fell.")
    assert (one["text"], one["qualifier"], one["unit"]) == ("5 percent", "=", "%")
    one = only("The fund was worth more than\r\n\r\n$40 million went to roads.")
    assert (one["text"], one["qualifier"], one["value"]) == ("$40 million", "=", 40_000_000)


def test_a_blank_line_inside_a_sentence_does_not_end_its_paragraph():
    # Pasted from a web page: the sentence goes on in lower case after the blank line.
    one = only("Prices rose by about\n\nfive percent last year.")
    assert (one["text"], one["qualifier"]) == ("about\n\nfive percent", "up")


def test_claims_beside_a_paragraph_read_again_keep_their_place():
    text = "Some 30 people left.\n\nAt least\n\n12 stayed, and 4% of 90 homes burned."
    assert [(c["text"], c["qualifier"]) for c in found(text)] == [
        ("Some 30 people", "~"), ("12", "="), ("4%", "="), ("90 homes", "=")]
