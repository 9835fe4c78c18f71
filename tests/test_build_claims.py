"""build_claims does a sentence's work once for the claims in it; each claim must still be
what placing it alone gives: its sentence, line, column and `claim_id`."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.load import LineIndex
from claimcheck.model import Kind, Mention, claim_id
from claimcheck.pipeline import build_claims
from claimcheck.segment import Segmentation, segment

# Pieces that make sentences with and without white space to fold, every line break
# LineIndex knows, and claims that start or end with a space or lie between sentences.
PIECES = ["a", "3", " ", "  ", "\n", "\r\n", "\r", "\t", "\xa0", ".", ". ", "é", "東", "\u2028", "Smith said ", "\n\n"]


def placed_alone(text: str, segmentation: Segmentation, mentions: list[Mention]) -> list[tuple[object, ...]]:
    """Each claim's id, line, column, sentence and sentence start, found for it alone."""
    position = LineIndex(text).position
    seen: dict[tuple[Kind, str, int], int] = {}
    placed = []
    for mention in mentions:
        index = segmentation.sentence_index(mention.start)
        if segmentation.sentences:
            span = segmentation.sentences[index]
            sentence, sentence_start = text[span.start:span.end], span.start
        else:
            sentence, sentence_start = "", mention.start
        claim_text = text[mention.start:mention.end]
        occurrence = seen.get((mention.kind, claim_text, index), 0)
        seen[mention.kind, claim_text, index] = occurrence + 1
        placed.append((claim_id(mention.kind, claim_text, sentence, occurrence), *position(mention.start), sentence, sentence_start))
    return placed


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[Mention]]:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=40)))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 12)), max_size=8))
    mentions = [Mention(draw(st.sampled_from(list(Kind))), start, min(len(text), start + size)) for start, size in spans]
    if draw(st.booleans()):
        mentions.sort(key=lambda m: (m.start, m.end))
    return text, mentions + mentions[:2]  # the same claim again: a second occurrence


@settings(max_examples=300)
@given(documents(), st.booleans())
def test_claims_are_placed_as_alone(document: tuple[str, list[Mention]], sentences: bool) -> None:
    text, mentions = document
    segmentation = segment(text)
    if not sentences:
        segmentation = Segmentation(segmentation.paragraphs, (), segmentation.quotations)
    claims = build_claims(text, segmentation, mentions, [None] * len(mentions))
    built = [(c.id, c.line, c.column, c.sentence, c.sentence_start) for c in claims]
    assert built == placed_alone(text, segmentation, mentions)


def test_a_claim_at_a_sentence_edge_with_a_space() -> None:
    text = "First line.\r\nIt rose 5 % and 5 % again.  Then 3 fell."
    segmentation = segment(text)
    start = text.index(" 5 %")
    mentions = [Mention(Kind.PERCENT, start, start + 4), Mention(Kind.PERCENT, start + 1, start + 4), Mention(Kind.PERCENT, start + 9, start + 12)]
    claims = build_claims(text, segmentation, mentions, [None] * 3)
    assert [(c.id, c.line, c.column, c.sentence, c.sentence_start) for c in claims] == placed_alone(text, segmentation, mentions)
    assert [c.column for c in claims] == [8, 9, 17]
