"""Paragraphs, sentences and quotations, including what drafts get wrong."""
from __future__ import annotations

import time

import pytest

from claimcheck.segment import find_paragraphs, find_quotations, segment


def quotes(text: str) -> list[str]:
    return [text[q.start:q.end] for q in segment(text).quotations]


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text).sentences]


# -- quotations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('He said "we lost 40 men" on Friday.', '"we lost 40 men"'),
        ("He said “we lost 40 men” on Friday.", "“we lost 40 men”"),
        ("He said ``we lost 40 men'' on Friday.", "``we lost 40 men''"),
        ("Il a dit « nous avons perdu 40 hommes » vendredi.", "« nous avons perdu 40 hommes »"),
        ("She said ‘we lost 40 men’, and left.", "‘we lost 40 men’"),
    ],
)
def test_each_kind_of_quote_mark(text: str, quoted: str):
    assert quotes(text) == [quoted]


def test_british_straight_single_quotes_without_double_ones():
    text = "'We lost 40 men,' the farmers' leader said. 'It's the worst year since 1983.'"
    assert quotes(text) == ["'We lost 40 men,'", "'It's the worst year since 1983.'"]


def test_single_quotes_count_in_headlines_but_apostrophes_do_not():
    text = "'Russia Does Not Count People,' Zelensky Says\n\nRussia's losses grew. The farmers' union said so."
    assert quotes(text) == ["'Russia Does Not Count People,'"]


def test_a_quotation_runs_over_paragraphs_that_open_with_a_quote_mark():
    text = '"First paragraph of the quote.\n\n"Second one," she said.\n\nThen the writer goes on.'
    parts = segment(text).quotations
    assert [text[q.start:q.end] for q in parts] == ['"First paragraph of the quote.', '"Second one,"']
    assert parts[0].continues and not parts[0].closed
    assert parts[1].continued and parts[1].closed


def test_nested_quotes_belong_to_the_outer_quotation():
    text = "“He told me ‘we have 500 men’ and left,” she said."
    assert quotes(text) == ["“He told me ‘we have 500 men’ and left,”"]


def test_an_unclosed_quote_stops_at_the_end_of_its_paragraph():
    text = '"We collected 3,100 signatures and nobody listened.\n\nThe council met on Monday.'
    parts = segment(text).quotations
    assert [text[q.start:q.end] for q in parts] == ['"We collected 3,100 signatures and nobody listened.']
    assert not parts[0].closed and not parts[0].continues


def test_a_second_opening_mark_ends_an_unclosed_quotation():
    text = "“We will appeal, she said. “We have raised £8,000.”"
    assert quotes(text) == ["“We will appeal, she said.", "“We have raised £8,000.”"]


def test_a_stray_closing_mark_opens_nothing():
    text = 'The vote was 7-2" and the depot will be built.'
    assert quotes(text) == []


def test_a_blank_line_inside_a_sentence_does_not_split_the_paragraph():
    text = '"The intensity of the fighting is only\n\nincreasing."\n\nNext paragraph.'
    paragraphs = find_paragraphs(text)
    assert len(paragraphs) == 2
    assert quotes(text) == ['"The intensity of the fighting is only\n\nincreasing."']


@pytest.mark.parametrize("text", ['"' * 100_000, '" a' * 50_000, "word\n\n" * 100_000, "“ " * 50_000 + "” " * 50_000])
def test_pathological_inputs_take_linear_time(text: str):
    started = time.perf_counter()
    segmentation = segment(text)
    find_quotations(text, segmentation.paragraphs)
    # A hang guard, not a speed test (0.5 s of CPU here): CI machines are shared and slow.
    assert time.perf_counter() - started < 30


# -- sentences ----------------------------------------------------------------------


def test_news_abbreviations_do_not_end_sentences():
    text = "Gen. Mark Hale met Mr. J. K. Smith on Jan. 5 in St. Louis. Dr. Ruiz agreed."
    assert sentences(text) == ["Gen. Mark Hale met Mr. J. K. Smith on Jan. 5 in St. Louis.", "Dr. Ruiz agreed."]


def test_company_and_country_abbreviations_end_a_sentence_before_a_new_one():
    text = "Shares of Acme Inc. rose 5%. They sold goods in the U.S. The company grew."
    assert sentences(text) == ["Shares of Acme Inc. rose 5%.", "They sold goods in the U.S.", "The company grew."]


def test_number_abbreviations_need_a_number():
    assert sentences("He lives at No. 10 Downing St. today. No. We stay.") == ["He lives at No. 10 Downing St. today.", "No.", "We stay."]


def test_abbreviation_before_a_name_stays_inside():
    assert sentences("Acme Inc. Chief Jo Finch said so.") == ["Acme Inc. Chief Jo Finch said so."]


def test_quotes_and_ellipses():
    text = '"Where would we go? Who needs us?" he said. It is hard... We stay.'
    assert sentences(text) == ['"Where would we go?', 'Who needs us?" he said.', "It is hard...", "We stay."]


def test_sentences_never_cross_paragraphs():
    text = "Headline without a stop\n\nFirst sentence. Second one"
    assert sentences(text) == ["Headline without a stop", "First sentence.", "Second one"]


def test_sentence_index_finds_the_sentence_of_an_offset():
    text = "One. Two three. Four."
    seg = segment(text)
    assert text[seg.sentences[seg.sentence_index(text.index("three"))].start:][:3] == "Two"
