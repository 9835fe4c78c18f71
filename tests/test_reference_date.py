"""The story's reference date from its dateline: our own articles, written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.extract.dates import find_reference_date
from claimcheck.model import RefDateOrigin
from claimcheck.pipeline import extract

BODY = "\n\nThe council voted on Tuesday to close the bridge, officials said.\n"


@pytest.mark.parametrize(
    "top, date",
    [
        ("Bridge to close\n\nBy Ana Ruiz\n\nMarch 01, 2023\n", dt.date(2023, 3, 1)),
        ("Bridge to close\n\nFeb. 3, 2024\n", dt.date(2024, 2, 3)),
        ("Bridge to close\n2023-03-01\n", dt.date(2023, 3, 1)),
        ("Bridge to close\nWednesday 1 March 2023\n", dt.date(2023, 3, 1)),
        ("Bridge to close\nPublished: 2023-03-01T09:30:00Z | Updated 2023-03-02\n", dt.date(2023, 3, 1)),
        ("Bridge to close\nPublished on March 1, 2023, 10:04 a.m. EST\n", dt.date(2023, 3, 1)),
        ("BRIDGETON, March 1, 2023 (Wire) - ", dt.date(2023, 3, 1)),
    ],
)
def test_datelines(top: str, date: dt.date) -> None:
    assert find_reference_date(top + BODY) == date


def test_a_dateline_without_a_year_takes_the_year_the_story_names() -> None:
    text = (
        "BRIDGETON, March 1 (Wire) - The council voted on Tuesday to close the bridge, "
        "which opened in 1998 and was last repaired in 2022. Repairs in 2022 cost $4 million."
    )
    assert find_reference_date(text) == dt.date(2022, 3, 1)


def test_a_dateline_without_a_year_in_a_story_that_names_none_gives_nothing() -> None:
    assert find_reference_date("BRIDGETON, March 1 (Wire) - The council voted on Tuesday.") is None


def test_a_date_inside_the_story_is_not_a_dateline() -> None:
    text = (
        "Bridge to close\n\nThe council, which first met on March 3, 2020, to discuss the bridge, "
        "voted on Tuesday to close it for good after a long and bitter debate.\n"
    )
    assert find_reference_date(text) is None


def test_no_dateline() -> None:
    assert find_reference_date("Bridge to close" + BODY) is None


def test_the_search_starts_at_the_body() -> None:
    text = "---\ntitle: x\n---\nBridge to close\nMarch 01, 2023\n" + BODY
    assert find_reference_date(text, text.index("Bridge")) == dt.date(2023, 3, 1)


def test_the_dateline_resolves_the_story_and_is_itself_a_date_claim() -> None:
    text = "Bridge to close\n\nMarch 01, 2023\n" + BODY
    doc = extract(text)
    assert doc.reference_date == dt.date(2023, 3, 1)
    assert doc.reference_date_origin is RefDateOrigin.DATELINE
    dates = [(c.text, c.date.value) for c in doc.claims if c.kind.value == "date"]
    assert dates == [("March 01, 2023", "2023-03-01"), ("Tuesday", "2023-02-28")]
