"""find_paragraphs keeps the last text's paragraphs: every text still gets its own."""
from claimcheck.model import Span
from claimcheck.segment import find_paragraphs


def test_each_text_gets_its_own_paragraphs_whatever_was_read_before():
    first = "One.\n\nTwo."
    second = "Three.\n\n\nFour five.\n\nSix."
    assert find_paragraphs(first) == (Span(0, 4), Span(6, 10))
    assert find_paragraphs(first) == (Span(0, 4), Span(6, 10))
    assert find_paragraphs(second) == (Span(0, 6), Span(9, 19), Span(21, 25))
    assert find_paragraphs(first) == (Span(0, 4), Span(6, 10))
    assert find_paragraphs("") == ()
    assert find_paragraphs("  \n\n ") == ()


def test_an_equal_text_built_apart_reads_the_same():
    text = "Alpha beta.\n\nGamma."
    again = "".join(["Alpha beta.", "\n\n", "Gamma."])
    assert find_paragraphs(text) == find_paragraphs(again) == (Span(0, 11), Span(13, 19))
