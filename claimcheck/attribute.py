"""Attribute: who the text says each claim comes from (quotations, reported speech)."""
from __future__ import annotations

from typing import Sequence

from .model import Mention, Source
from .segment import Segmentation


def attribute(prose: str, segmentation: Segmentation, mentions: Sequence[Mention]) -> list[Source | None]:
    """One source (or None for the text's own voice) per mention, in the same order."""
    return [None] * len(mentions)
