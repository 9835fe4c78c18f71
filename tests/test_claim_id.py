"""Claim ids are a stable contract: BLAKE2b (8-byte digest) of the documented key."""
from __future__ import annotations

import hashlib

import pytest

from claimcheck.model import Kind, claim_id


def _documented(kind: Kind, text: str, sentence: str, occurrence: int) -> str:
    key = f"{kind.value}\x1f{' '.join(text.split())}\x1f{' '.join(sentence.split())}\x1f{occurrence}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


@pytest.mark.parametrize(
    "kind, text, sentence, occurrence",
    [
        (Kind.COUNT, "3 million", "About 3 million people came.", 0),
        (Kind.PERCENT, "12 %", "  Prices rose\n12 %\u00a0 in Zürich. ", 3),
        (Kind.DATE, "March\n2023", "It opened in March\n2023, “officials” said — 東京.", 11),
        (Kind.MONEY, "$5\ud800", "A lone surrogate \udc80 costs $5\ud800.", 0),
        (Kind.AGE, "", "", 0),
    ],
)
def test_claim_id_is_the_documented_hash(kind: Kind, text: str, sentence: str, occurrence: int) -> None:
    assert claim_id(kind, text, sentence, occurrence) == _documented(kind, text, sentence, occurrence)
