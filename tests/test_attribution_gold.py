"""The project's own attribution gold: who each claim comes from, in our own articles."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claimcheck.attribute import attribute
from claimcheck.load import read_prose
from claimcheck.model import Kind, Mention
from claimcheck.segment import segment
from goldscore import score_gold_file

DATA = Path(__file__).parent / "data" / "attribution"
GOLD = DATA / "gold.jsonl"


def _documents() -> list[tuple[dict, str]]:
    lines = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(gold, (GOLD.parent / gold["path"]).read_text(encoding="utf-8")) for gold in lines]


def test_gold_is_built_from_the_marked_articles():
    built = subprocess.run([sys.executable, str(DATA / "build_gold.py"), "--check"], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr


def test_gold_offsets_point_at_the_claim_text():
    for gold, text in _documents():
        for claim in gold["claims"]:
            assert text[claim["start"]:claim["end"]] == claim["text"], (gold["doc_id"], claim)


def test_gold_is_large_and_varied_enough():
    docs = _documents()
    claims = [c for gold, _ in docs for c in gold["claims"]]
    assert len(docs) >= 8
    assert len(claims) >= 100
    assert sum(1 for c in claims if c["source"]) >= 60
    assert {c["kind"] for c in claims} >= {k.value for k in Kind}


def test_source_accuracy_through_the_whole_pipeline():
    score = score_gold_file(GOLD)
    assert score.ratio("source") >= 0.95, "\n".join(e for e in score.errors if ": source " in e)


def test_source_accuracy_on_the_gold_claims_themselves():
    """Attribution alone, with the gold spans as mentions: independent of extraction."""
    right = total = 0
    wrong: list[str] = []
    for gold, text in _documents():
        prose = read_prose(text).prose
        claims = sorted(gold["claims"], key=lambda c: c["start"])
        mentions = [Mention(Kind(c["kind"]), c["start"], c["end"]) for c in claims]
        for claim, source in zip(claims, attribute(prose, segment(prose), mentions)):
            if claim["kind"] == "date" or claim["optional"]:
                continue
            total += 1
            want = (claim["source"] or {}).get("name")
            ok = source is None if not want else source is not None and want.lower().split()[-1] in source.name.lower()
            right += ok
            if not ok:
                wrong.append(f"{gold['doc_id']}: {claim['text']!r} want {want!r} got {source}")
    assert right / total >= 0.95, "\n".join(wrong)
