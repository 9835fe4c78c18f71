"""Date claims: what is found, its span, and the value it resolves to.

Every sentence here is written for these tests. The reference date of most of them is
Wednesday 1 March 2023, the date of the seed article.
"""
from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract.dates import find_dates, parse_date_string
from claimcheck.pipeline import extract

WEDNESDAY = dt.date(2023, 3, 1)


def found(text: str, reference: dt.date | None = WEDNESDAY, **options: bool) -> list[tuple[str, str | None]]:
    return [(text[m.start:m.end], m.date.value) for m in find_dates(text, reference, **options)]


def value_of(text: str, reference: dt.date | None = WEDNESDAY, **options: bool) -> str | None:
    dates = found(text, reference, **options)
    assert len(dates) == 1, dates
    return dates[0][1]


# --- calendar dates in the forms news copy writes them -----------------------------------


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The plant opened on March 1, 2023, after delays.", "March 1, 2023", "2023-03-01"),
        ("The plant opened on March 01, 2023.", "March 01, 2023", "2023-03-01"),
        ("The plant opened on 1 March 2023 after delays.", "1 March 2023", "2023-03-01"),
        ("Ballots were counted on the 3rd of March 2021.", "the 3rd of March 2021", "2021-03-03"),
        ("The deal closed Oct. 15, 1999, in Ohio.", "Oct. 15, 1999", "1999-10-15"),
        ("The filing is dated 2023-03-01 in the registry.", "2023-03-01", "2023-03-01"),
        ("The letter was sent on 03/01/2023 by courier.", "03/01/2023", "2023-03-01"),
        ("Shares rose on Wednesday, March 1, 2023, in Tokyo.", "Wednesday, March 1, 2023", "2023-03-01"),
        ("Spending fell in August 1988 and recovered.", "August 1988", "1988-08"),
        ("Rain fell on Christmas Day 2019 across the north.", "Christmas Day 2019", "2019-12-25"),
        ("The court ruled on May 25: a detour.", "May 25", "2022-05-25"),
        ("The summit ran March 1-3, 2022, in Oslo.", "March 1-3, 2022", "2022-03-01"),
        ("Tickets were sold out for 12-14 November 2021.", "12-14 November 2021", "2021-11-12"),
    ],
)
def test_full_and_partial_dates(sentence: str, text: str, value: str) -> None:
    assert found(sentence) == [(text, value)]


def test_a_date_without_its_year_takes_the_nearest_year() -> None:
    assert value_of("The council voted Feb. 20 to close the pool.") == "2023-02-20"
    assert value_of("Dividends are payable Dec. 15 to holders of record.", dt.date(2023, 11, 2)) == "2023-12-15"
    assert value_of("Trading resumes Jan. 2 after the holiday.", dt.date(2023, 11, 2)) == "2024-01-02"


def test_a_past_tense_date_without_its_year_is_last_years_when_within_ten_months() -> None:
    assert value_of("The record was set on Aug. 6 by a Danish rower.", dt.date(2023, 2, 6)) == "2022-08-06"


def test_abbreviated_months_with_and_without_their_period() -> None:
    assert found("Talks began Aug. 13 and ended Aug 20.") == [("Aug. 13", "2022-08-13"), ("Aug 20", "2022-08-20")]
    assert found("Mar. 1 was cold.") == [("Mar. 1", "2023-03-01")]


def test_numeric_dates_follow_the_day_first_option() -> None:
    assert value_of("The order is dated 03/01/2023.") == "2023-03-01"
    assert value_of("The order is dated 03/01/2023.", day_first=True) == "2023-01-03"
    # A first number above 12 can only be a day.
    assert value_of("The order is dated 25/12/2022.") == "2022-12-25"


def test_impossible_calendar_dates_are_reported_without_a_value() -> None:
    assert found("The form lists Feb. 30, 2023 as the deadline.") == [("Feb. 30, 2023", None)]
    assert found("The form lists April 31 as the deadline.") == [("April 31", None)]


def test_numbers_that_only_look_like_dates_are_not_dates() -> None:
    assert found("Version 2023-13-45 of the file.") == []


# --- weekdays and the news convention ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Zelensky said Tuesday that the town would hold.", "Tuesday", "2023-02-28"),
        ("The mayor said on Tuesday that the roads were closed.", "Tuesday", "2023-02-28"),
        ("The minister resigned Wednesday after the vote.", "Wednesday", "2023-03-01"),
        ("Some 800 soldiers have died since Thursday in the east.", "since Thursday", "2023-02-23"),
        ("The board met last Friday in Lyon.", "last Friday", "2023-02-24"),
        ("The council met last Wednesday to vote.", "last Wednesday", "2023-02-22"),
        ("The board meets next Monday in Lyon.", "next Monday", "2023-03-06"),
        ("The board will meet Friday in Lyon.", "Friday", "2023-03-03"),
        ("The ship is due to arrive Friday in Piraeus.", "Friday", "2023-03-03"),
        ("The envoy was scheduled to speak Friday at noon.", "Friday", "2023-03-03"),
        ("Candidates must register by Friday, the office said.", "Friday", "2023-03-03"),
        ("Officials had filed their reports by Monday.", "Monday", "2023-02-27"),
        ("The bridge stays shut until Sunday.", "Sunday", "2023-03-05"),
        ("The storm hit early Friday morning.", "early Friday morning", "2023-02-24"),
        ("Police said the fire started at 10 p.m. Monday.", "10 p.m. Monday", "2023-02-27"),
        ("The talks will resume this Friday in Oslo.", "this Friday", "2023-03-03"),
        ("Schools will stay closed until Monday.", "Monday", "2023-03-06"),
        ("Residents can comment on the plan until Friday.", "Friday", "2023-03-03"),
        ("The draw takes place on Thursday evening.", "Thursday evening", "2023-03-02"),
        ("Friday's trip to the capital, which aides prepared for months, will test the alliance.", "Friday", "2023-03-03"),
    ],
)
def test_weekdays(sentence: str, text: str, value: str) -> None:
    assert found(sentence) == [(text, value)]


def test_a_weekday_equal_to_the_reference_weekday_is_the_reference_date_in_past_tense() -> None:
    assert value_of("The minister said Wednesday that talks failed.") == "2023-03-01"
    assert value_of("The minister will speak Wednesday at the summit.") == "2023-03-01"
    assert value_of("The minister spoke last Wednesday at the summit.") == "2023-02-22"
    assert value_of("The minister speaks next Wednesday at the summit.") == "2023-03-08"


def test_a_possessive_weekday_keeps_the_weekday_as_its_span() -> None:
    assert found("Tuesday's vote was close.") == [("Tuesday", "2023-02-28")]


def test_repeating_days_are_not_dates() -> None:
    assert found("The market opens every Tuesday and on Sundays in summer.") == []


def test_named_days_are_not_the_weekday() -> None:
    assert found("Shops hope for a strong Black Friday this year.") == [("this year", "2023")]


def test_the_weekday_before_or_after_a_named_day_counts_from_it() -> None:
    text = "The index closed at 2,082 on Friday, Feb. 24, down from the previous Friday."
    assert found(text) == [("Friday, Feb. 24", "2023-02-24"), ("the previous Friday", "2023-02-17")]


# --- days, weeks, months and years relative to the reference date -----------------------------


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The results came out yesterday.", "yesterday", "2023-02-28"),
        ("The results come out today.", "today", "2023-03-01"),
        ("The results come out tomorrow.", "tomorrow", "2023-03-02"),
        ("The vote is tonight.", "tonight", "2023-03-01"),
        ("Shelling continued late last night.", "late last night", "2023-02-28"),
        ("The team flew home this morning.", "this morning", "2023-03-01"),
        ("Prices fell last week.", "last week", "2023-W08"),
        ("Prices fell this week.", "this week", "2023-W09"),
        ("Prices may fall next week.", "next week", "2023-W10"),
        ("Sales fell this month.", "this month", "2023-03"),
        ("Sales fell last month.", "last month", "2023-02"),
        ("Sales may rise next year.", "next year", "2024"),
        ("The plan was announced earlier this month.", "earlier this month", "2023-03"),
        ("The law passed early last year.", "early last year", "2022"),
        ("The bridge closed two weeks ago.", "two weeks ago", "2023-W07"),
        ("The bridge closed 10 days ago.", "10 days ago", "2023-02-19"),
        ("The mine closed nearly four years ago.", "nearly four years ago", "2019"),
        ("Exports were 3% higher than a year earlier.", "a year earlier", "2022"),
        ("The park was busy over the weekend.", "the weekend", "2023-W08-WE"),
        ("Crowds gathered last weekend.", "last weekend", "2023-W08-WE"),
        ("The company expects a loss for the full year.", "the full year", "2023"),
        ("Shares have risen since year-end.", "since year-end", "2022"),
        ("The deal should close by year-end.", "year-end", "2023"),
    ],
)
def test_relative_expressions(sentence: str, text: str, value: str) -> None:
    assert found(sentence) == [(text, value)]


def test_relative_values_carry_their_days_and_are_anchored() -> None:
    (mention,) = find_dates("Prices fell this week.", WEDNESDAY)
    assert mention.date.start == dt.date(2023, 2, 27)
    assert mention.date.end == dt.date(2023, 3, 5)
    assert mention.date.anchored is True
    (absolute,) = find_dates("The plant opened on March 1, 2023.", WEDNESDAY)
    assert absolute.date.anchored is False


# --- months, seasons, years, quarters, halves, decades ------------------------------------


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The strike began last May.", "last May", "2022-05"),
        ("The strike began in May.", "May", "2022-05"),
        ("The strike will end in May.", "May", "2023-05"),
        ("The strike began in January.", "January", "2023-01"),
        ("The pact was signed in July last year.", "July last year", "2022-07"),
        ("Repairs begin in mid-November.", "mid-November", "2022-11"),
        ("A June agreement settled the terms.", "June", "2022-06"),
        ("Planting starts in the spring.", "the spring", "2023-SP"),
        ("Planting started last spring.", "last spring", "2022-SP"),
        ("Roads flood every winter; this winter was dry.", "this winter", "2022-WI"),
        ("The ferry runs this summer.", "this summer", "2023-SU"),
        ("The dam was built in the fall of 1989.", "the fall of 1989", "1989-FA"),
        ("The dam was built in 2019.", "2019", "2019"),
        ("Profit fell in fiscal 1998.", "fiscal 1998", "1998"),
        ("Profit fell in FY2021.", "FY2021", "2021"),
        ("The deal could close in early 2024.", "early 2024", "2024"),
        ("Profit fell in the third quarter.", "the third quarter", "2022-Q3"),
        ("Third-quarter profit fell.", "Third-quarter", "2022-Q3"),
        ("The company posted a fourth-quarter loss.", "fourth-quarter", "2022-Q4"),
        ("Revenue in Q3 2023 may rise.", "Q3 2023", "2023-Q3"),
        ("Output fell in the first half of 1998.", "the first half of 1998", "1998-H1"),
        ("Output rose in the second half of last year.", "the second half of last year", "2022-H2"),
        ("Next year's first quarter looks weak.", "Next year's first quarter", "2024-Q1"),
        ("The fund was built in the 1990s.", "the 1990s", "199"),
        ("The fund was built in the mid-1990s.", "the mid-1990s", "199"),
        ("The fund was built in the '90s.", "the '90s", "199"),
        ("Few cars existed in the 19th century.", "the 19th century", "18"),
        ("Shops close on Christmas Day.", "Christmas Day", "2022-12-25"),
        ("Shops will close on Christmas Day.", "Christmas Day", "2023-12-25"),
        ("Fireworks lit the sky on the Fourth of July.", "Fourth of July", "2022-07-04"),
        ("Bars were full on New Year's Eve.", "New Year's Eve", "2022-12-31"),
        ("The station opened in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ],
)
def test_periods(sentence: str, text: str, value: str) -> None:
    assert found(sentence) == [(text, value)]


def test_a_year_earlier_in_a_results_story_is_the_year_ago_quarter() -> None:
    text = (
        "Acme said third-quarter profit rose 8% to $12 million from $11 million a year earlier. "
        "Sales in the latest quarter were $90 million, and in the year-ago quarter $85 million."
    )
    assert found(text, dt.date(2023, 10, 26)) == [
        ("third-quarter", "2023-Q3"),
        ("a year earlier", "2022-Q3"),
        ("the latest quarter", "2023-Q3"),
        ("the year-ago quarter", "2022-Q3"),
    ]


def test_the_quarter_a_year_ago_is_one_expression() -> None:
    text = "Acme's third-quarter profit doubled. For the quarter a year ago, it earned $5 million."
    assert found(text, dt.date(2023, 10, 26)) == [("third-quarter", "2023-Q3"), ("the quarter a year ago", "2022-Q3")]


def test_a_fiscal_year_that_ends_mid_year_has_no_calendar_year() -> None:
    assert found("In the fiscal year ended Jan. 31, sales rose.", dt.date(2023, 3, 1)) == [("Jan. 31", "2023-01-31")]


def test_earlier_and_later_count_from_the_date_in_focus() -> None:
    text = "The mill closed on June 3, 2019. Two days later, the town voted."
    assert found(text) == [("June 3, 2019", "2019-06-03"), ("Two days later", "2019-06-05")]


# --- what is not a date claim ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia is losing hundreds of troops a day.",
        "He served for three years in the army.",
        "The ferry leaves every Tuesday.",
        "Attacks rose in recent months.",
        "In the long-term the nation would join.",
        "The alarm rang at 6 a.m. in the barracks.",
        "Theresa May said the vote may fail.",
        "Troops will march on the capital.",
        "A quarter of the town was flooded.",
        "The 40-year-old said he would stay.",
        "The three-year plan costs $5 million a year.",
        "Tickets cost $2000 each and some 1500 people came.",
        "He bought Windows 2000 and a Boeing 737.",
        "Nearly 1,988 votes were cast.",
        "The quarter-point cut surprised markets.",
        "Profit rose 20 years after the merger.",
    ],
)
def test_not_date_claims(sentence: str) -> None:
    assert found(sentence) == []


def test_titles_that_look_like_dates_are_not_dates() -> None:
    assert found('Baker said on ABC\'s "This Week" that talks would go on.') == []
    assert found("The story ran in USA Today on Monday.") == [("Monday", "2023-02-27")]


# --- year boundaries, ISO weeks and leap days -------------------------------------------


def test_year_boundaries() -> None:
    new_year = dt.date(2024, 1, 2)  # a Tuesday
    assert value_of("The minister said Friday that talks failed.", new_year) == "2023-12-29"
    assert value_of("Sales fell last month.", new_year) == "2023-12"
    assert value_of("Sales fell last year.", new_year) == "2023"
    assert value_of("Sales fell last week.", new_year) == "2023-W52"
    assert value_of("Sales fell in the fourth quarter.", new_year) == "2023-Q4"
    assert value_of("Trading was thin on Dec. 29.", new_year) == "2023-12-29"
    assert value_of("The strike began in December.", new_year) == "2023-12"


def test_iso_week_53() -> None:
    assert value_of("Prices fell this week.", dt.date(2021, 1, 1)) == "2020-W53"
    assert value_of("Prices may fall next week.", dt.date(2020, 12, 31)) == "2021-W01"
    assert value_of("Prices fell last week.", dt.date(2021, 1, 5)) == "2020-W53"


def test_leap_days() -> None:
    leap = dt.date(2024, 3, 1)
    assert value_of("The vote was held on Feb. 29.", leap) == "2024-02-29"
    assert value_of("The vote was held yesterday.", leap) == "2024-02-29"
    assert found("The mill closed on Feb. 29, 2024. A year later, it reopened.", leap) == [
        ("Feb. 29, 2024", "2024-02-29"),
        ("A year later", "2025-02-28"),
    ]
    assert found("The form lists Feb. 29, 2023 as the date.") == [("Feb. 29, 2023", None)]


# --- without a reference date -----------------------------------------------------------


def test_without_a_reference_date_relative_dates_have_no_value() -> None:
    mentions = find_dates("The minister said Tuesday, March 1, 2023, that last week was hard.", None)
    values = [(m.date.value, m.date.anchored) for m in mentions]
    assert values == [("2023-03-01", False), (None, False)]


def test_without_a_reference_date_explicit_years_still_resolve() -> None:
    assert found("The dam was built in 2019 and extended in the 1990s plan.", None)[0] == ("2019", "2019")
    assert found("Output fell in the first half of 1998.", None) == [("the first half of 1998", "1998-H1")]
    assert found("The vote was held on Feb. 20.", None) == [("Feb. 20", None)]


# --- the pipeline: dates win over numbers, and the text is scanned in linear time -----------


def test_dates_in_the_pipeline_replace_the_numbers_inside_them() -> None:
    doc = extract("The bridge closed two weeks ago, on Feb. 14, 2023.", reference_date="2023-03-01")
    dates = [(c.text, c.date.value if c.date else None) for c in doc.claims if c.kind.value == "date"]
    assert dates == [("two weeks ago", "2023-W07"), ("Feb. 14, 2023", "2023-02-14")]
    assert all(c.kind.value == "date" for c in doc.claims if "14" in c.text or "two" in c.text)


def test_pathological_inputs_are_scanned_without_backtracking() -> None:
    assert find_dates("1" * 1_000_000, WEDNESDAY) == []
    words = "the year " * 100_000
    assert find_dates(words, WEDNESDAY) == []
    weekdays = find_dates("Friday " * 50_000, WEDNESDAY)
    assert len(weekdays) == 50_000


# --- metadata date strings ------------------------------------------------------------


@pytest.mark.parametrize(
    "value, date",
    [
        ("2023-03-01", dt.date(2023, 3, 1)),
        ("2023-03-01T10:00:00Z", dt.date(2023, 3, 1)),
        ("2023-03-01T23:30:00-05:00", dt.date(2023, 3, 1)),
        ("March 1, 2023 10:00 EST", dt.date(2023, 3, 1)),
        ("1 March 2023", dt.date(2023, 3, 1)),
        ("Wed, 01 Mar 2023 10:00:00 GMT", dt.date(2023, 3, 1)),
        ("sometime soon", None),
        ("2023", None),
    ],
)
def test_parse_date_string(value: str, date: dt.date | None) -> None:
    assert parse_date_string(value) == date


def test_reference_dates_at_the_ends_of_the_calendar_do_not_break_resolution() -> None:
    text = "Sales fell last week, a year ago, in FY23, in the '20s and on Friday; next year looks better."
    for reference in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        mentions = find_dates(text, reference)
        assert [text[m.start:m.end] for m in mentions][:2] == ["last week", "a year ago"]


def test_four_digit_number_before_a_unit_is_a_measure_not_a_year():
    import claimcheck

    claims = claimcheck.extract("The 1520 sq m clinic and a 1200 km pipeline opened.", reference_date="2024-03-01").claims
    assert [(c.kind.value, c.value) for c in claims] == [("measure", 1520), ("measure", 1200)]


def test_a_date_does_not_read_across_a_blank_line() -> None:
    text = "The inquiry sat on Tuesday\n\nFebruary 10 was the deadline for 300 submissions."
    assert found(text) == [("Tuesday", "2023-02-28"), ("February 10", "2023-02-10")]
    assert found("Figures for March\n \n2020 was a hard year.") == [("March", "2023-03")]


def test_paragraphs_handed_in_read_the_same_as_paragraphs_found() -> None:
    from claimcheck.segment import segment

    text = "The inquiry sat on Tuesday\n\nFebruary 10 was the deadline.\n\nFigures for March\n \n2020 was a hard year."
    ref = dt.date(2023, 3, 1)
    handed = find_dates(text, ref, paragraphs=segment(text).paragraphs)
    assert [text[m.start:m.end] for m in handed] == ["Tuesday", "February 10", "March"]
    assert handed == find_dates(text, ref)


def test_a_date_reads_across_a_line_wrapped_inside_its_paragraph() -> None:
    assert found("The inquiry sits on Tuesday,\nFebruary 7.") == [("Tuesday,\nFebruary 7", "2023-02-07")]
