"""Whatever text comes in, the output is valid: property-based tests with hypothesis."""
from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.load import LineIndex
from claimcheck.report import schema
from claimcheck.report.machine import JsonReporter

VALIDATOR = jsonschema.Draft202012Validator(schema())

# News-like pieces mixed with hostile ones, so generated text reaches the extractors'
# interesting paths (numbers, dates, quotes, markup) and not only random noise.
PIECES = st.sampled_from([
    "Some 800 soldiers", " said Tuesday", "$1.2 billion", "between 10 and 15%", "\u201cWe", "\u201d",
    '"', "'", " according to officials.", "March 1, 2023", "the 40-year-old", "hundreds of", " per cent",
    "\n\n", "\r\n", "**", "`", "<!--", "-->", "[x](http://e.org/5)", "\u0667\u0660", "\uff17\uff10",
    "\u200d", "\u202e", "\x00", "\ud800", "e\u0301", "\U0001F600", "1,1,1,1", "---\ndate: 2023-03-01\n---\n",
    " ", ".", "Mr.", "U.S.", "(", ")", "-", "\u2014", "one", "two-thirds", "Q3 2023", "the 1990s",
])
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join),
)


def check_document(text: str, doc: claimcheck.Document) -> None:
    lines = LineIndex(text)
    for claim in doc.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text
        assert (claim.line, claim.column) == lines.position(claim.start)
    buffer = []

    class Sink:
        def write(self, s: str) -> int:
            buffer.append(s)
            return len(s)

        def flush(self) -> None:
            pass

    reporter = JsonReporter(Sink())  # type: ignore[arg-type]
    reporter.start()
    reporter.document(doc)
    reporter.finish()
    data = json.loads("".join(buffer))
    VALIDATOR.validate(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_valid_claims(text: str) -> None:
    check_document(text, claimcheck.extract(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.dates())
def test_any_text_with_any_reference_date(text: str, day) -> None:
    check_document(text, claimcheck.extract(text, reference_date=day))
