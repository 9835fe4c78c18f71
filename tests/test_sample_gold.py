"""The project's own sample articles (data/) against their gold (tests/data/gold/samples.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import Kind
from goldscore import score_gold_file

GOLD = Path(__file__).parent / "data" / "gold" / "samples.jsonl"
QUALIFIERS = {"=", "~", ">", "<", ">=", "<=", "up", "down"}


def gold_documents() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("doc", gold_documents(), ids=lambda doc: doc["doc_id"])
def test_gold_claims_point_at_their_text(doc):
    text = (GOLD.parent / doc["path"]).read_text(encoding="utf-8")
    previous_end = 0
    for claim in doc["claims"]:
        where = f"{doc['doc_id']} {claim['text']!r} @{claim['start']}"
        assert text[claim["start"]:claim["end"]] == claim["text"], where
        assert claim["start"] >= previous_end, f"{where} overlaps or is out of order"
        previous_end = claim["end"]
        assert Kind(claim["kind"])
        if claim["kind"] == "date":
            assert claim["source"] is None and claim["date"] is not None, where
        else:
            assert claim["qualifier"] in QUALIFIERS, where
            assert claim["value"] is not None or claim["vague"], where


def test_extractor_matches_the_sample_gold():
    score = score_gold_file(GOLD)
    errors = "\n".join(score.errors)
    assert score.f1 == 1.0, f"claim F1 {score.f1:.3f}\n{errors}"
    for measure in ("kind", "value", "subject", "source"):
        assert score.ratio(measure) == 1.0, f"{measure} accuracy {score.ratio(measure):.3f}\n{errors}"
