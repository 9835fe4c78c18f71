"""Patterns rewritten to compile faster match exactly what the patterns they replace matched."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.attribute.speakers import _label, _may_open_with_label
from claimcheck.model import Span
from claimcheck.segment.quotes import _opens_quotation
from claimcheck.segment.sentences import _BOUNDARY, _WORD_AFTER

_PIECES = list(".!?…\"'”’»)]“‘«([ \t\nAZaz09:-_,„") + ["``", "''", "Q", "Okafor", "Lopez", ": "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)

_OLD_BOUNDARY = re.compile(r"""[.!?…][.!?…]*["'”’»)\]]*(?=(\s+)["'“‘«(\[]?[A-Z0-9])""")
_OLD_WORD_AFTER = re.compile(r"\s+[\"'“‘«(\[]?([A-Za-z]+)")
_OLD_OPENING_AT_START = re.compile(r"``|[“„«\"‘]|'(?=[A-Z])")


def _found(m: re.Match[str] | None) -> object:
    return m and (m.span(), m.groups())


@settings(max_examples=400)
@given(_TEXT)
def test_sentence_patterns_match_as_before(text: str) -> None:
    for at in range(len(text) + 1):
        assert _found(_BOUNDARY.match(text, at)) == _found(_OLD_BOUNDARY.match(text, at))
        assert _found(_WORD_AFTER.match(text, at)) == _found(_OLD_WORD_AFTER.match(text, at))


@settings(max_examples=400)
@given(_TEXT)
def test_opening_mark_test_matches_the_pattern(text: str) -> None:
    for at in range(len(text)):
        assert _opens_quotation(text, at) == (_OLD_OPENING_AT_START.match(text, at) is not None)


@settings(max_examples=400)
@given(_TEXT, st.integers(min_value=1, max_value=40))
def test_label_prefilter_lets_every_label_through(text: str, end: int) -> None:
    if not text:
        return
    end = min(end, len(text))
    if _label().match(text, 0, end):
        assert _may_open_with_label(text, Span(0, end))
