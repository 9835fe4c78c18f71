"""Segment: paragraphs, sentences and quotations, as spans into the prose view."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Span
from .paragraphs import find_paragraphs
from .quotes import find_quotations
from .sentences import find_sentences


@dataclass(frozen=True, slots=True)
class Segmentation:
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    quotations: tuple[Span, ...]
    sentence_starts: tuple[int, ...] = ()

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing `offset` (or the nearest one before it)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)


def segment(prose: str) -> Segmentation:
    paragraphs = find_paragraphs(prose)
    sentences: list[Span] = []
    for paragraph in paragraphs:
        sentences.extend(find_sentences(prose, paragraph))
    return Segmentation(
        paragraphs,
        tuple(sentences),
        find_quotations(prose, paragraphs),
        tuple(s.start for s in sentences),
    )


__all__ = ["Segmentation", "segment", "find_paragraphs", "find_sentences", "find_quotations"]
