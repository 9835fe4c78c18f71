"""What rules look at besides the claims: the prose view, paragraphs and sentences.

Built once per document so each rule stays a cheap pass over the claims.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..ledger import Ledger, Reconciliation, reconcile
from ..load import read_prose
from ..model import Claim, Document, Span, frozen
from ..segment import Segmentation, segment

if TYPE_CHECKING:
    from ..compare import Comparison


@frozen
class CheckContext:
    """One document as the rules see it: its prose, paragraphs, sentences, ledger and comparisons."""

    document: Document
    prose: str
    segmentation: Segmentation
    # The draft's claims against its review ledger; None when the draft has no ledger.
    ledger: Reconciliation | None = None
    # Each claim against the sources given with --against; empty without them.
    comparisons: tuple["Comparison", ...] = ()

    @classmethod
    def of(cls, document: Document, ledger: Ledger | None = None, sources: Sequence[Document] = ()) -> "CheckContext":
        prose = read_prose(document.text).prose
        comparisons: tuple[Comparison, ...] = ()
        if sources:
            from ..compare import compare

            comparisons = compare(document, sources)
        reconciliation = reconcile(document.claims, ledger) if ledger is not None else None
        return cls(document, prose, segment(prose), reconciliation, comparisons)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.document.claims

    @property
    def text(self) -> str:
        return self.document.text

    def paragraph(self, offset: int) -> Span:
        """The paragraph holding `offset` (the whole text if there are none)."""
        paragraphs = self.segmentation.paragraphs
        if not paragraphs:
            return Span(0, len(self.prose))
        return paragraphs[self.segmentation.paragraph_index(offset)]

    def sentence(self, offset: int) -> Span:
        """The sentence holding `offset` (its paragraph if no sentence was found)."""
        sentences = self.segmentation.sentences
        if not sentences:
            return self.paragraph(offset)
        span = sentences[self.segmentation.sentence_index(offset)]
        return span if span.start <= offset < max(span.end, offset + 1) else self.paragraph(offset)

    def in_quotation(self, offset: int) -> bool:
        return self.segmentation.quotation_index(offset) is not None


def claims_by_paragraph(context: CheckContext) -> dict[int, list[Claim]]:
    """Claims keyed by the start offset of their paragraph, in text order."""
    groups: dict[int, list[Claim]] = {}
    for claim in context.claims:
        groups.setdefault(context.paragraph(claim.start).start, []).append(claim)
    return groups


def claims_by_sentence(context: CheckContext) -> dict[int, list[Claim]]:
    """Claims keyed by the start offset of their sentence, in text order."""
    groups: dict[int, list[Claim]] = {}
    for claim in context.claims:
        groups.setdefault(context.sentence(claim.start).start, []).append(claim)
    return groups


__all__ = ["CheckContext", "claims_by_paragraph", "claims_by_sentence"]
