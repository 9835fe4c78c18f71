"""Segment: paragraphs, sentences and quotations, as spans into the prose view."""
from __future__ import annotations

import bisect
from operator import attrgetter

from ..model import Span, frozen
from .paragraphs import find_paragraphs
from .quotes import Quotation, find_quotations
from .sentences import find_sentences, split_sentences

_START = attrgetter("start")


@frozen
class Segmentation:
    """A document's paragraphs, sentences and quotation parts, with their start offsets to
    find the one at an offset by bisection."""

    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    quotations: tuple[Quotation, ...]
    sentence_starts: tuple[int, ...] = ()
    paragraph_starts: tuple[int, ...] = ()
    quotation_starts: tuple[int, ...] = ()

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the nearest one before it)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing `offset` (or the nearest one before it)."""
        return max(0, bisect.bisect_right(self.paragraph_starts, offset) - 1)

    def quotation_index(self, offset: int) -> int | None:
        """Index of the quotation part containing `offset`, if any."""
        index = bisect.bisect_right(self.quotation_starts, offset) - 1
        if index >= 0 and offset < self.quotations[index].end:
            return index
        return None


def segment(prose: str) -> Segmentation:
    """Paragraphs, their sentences and the document's quotations."""
    paragraphs = find_paragraphs(prose)
    sentences = split_sentences(prose, paragraphs)
    quotations = find_quotations(prose, paragraphs)
    return Segmentation(
        paragraphs,
        tuple(sentences),
        quotations,
        tuple(map(_START, sentences)),
        tuple(map(_START, paragraphs)),
        tuple(map(_START, quotations)),
    )


__all__ = ["Quotation", "Segmentation", "segment", "find_paragraphs", "find_sentences", "find_quotations"]
