"""Score claimcheck's extraction against gold in the claim-model format.

The same matching as the claim model describes: spans overlap, pairs taken greedily
by overlap size, one-to-one; optional gold claims count neither way.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import claimcheck


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind: int = 0
    value: int = 0
    value_n: int = 0
    subject: int = 0
    subject_n: int = 0
    source: int = 0
    source_n: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def ratio(self, name: str) -> float:
        n = getattr(self, name + "_n") if name != "kind" else self.tp
        return getattr(self, name) / n if n else 1.0


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _head_ok(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    words = re.findall(r"[a-z0-9]+", predicted.lower())
    head = gold.lower().split()[-1]
    forms = {head, head.rstrip("s"), head + "s"}
    if head.endswith("y"):
        forms.add(head[:-1] + "ies")
    if head.endswith("ies"):
        forms.add(head[:-3] + "y")
    if head == "people":
        forms |= {"person", "persons", "population", "residents", "inhabitants"}
    return any(w in forms for w in words)


def _source_ok(gold: dict | None, predicted: dict | None) -> bool:
    if not gold:
        return not predicted
    if not predicted:
        return False
    return gold["name"].lower().split()[-1] in predicted["name"].lower()


def score_document(gold: dict, predicted: list[dict], kinds: Iterable[str] | None = None, score: Score | None = None) -> Score:
    score = score or Score()
    gold_claims = gold["claims"]
    if kinds is not None:
        kinds = set(kinds)
        gold_claims = [g for g in gold_claims if g["kind"] in kinds]
        predicted = [p for p in predicted if p["kind"] in kinds]
    pairs = sorted(
        ((_overlap(g, p), gi, pi) for gi, g in enumerate(gold_claims) for pi, p in enumerate(predicted) if _overlap(g, p)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gold_claims[gi], predicted[pi]))
    doc_id = gold.get("doc_id", "?")
    for gi, g in enumerate(gold_claims):
        if gi not in used_g and not g.get("optional"):
            score.fn += 1
            score.errors.append(f"{doc_id}: missed {g['kind']} {g['text']!r} @{g['start']}")
    for pi, p in enumerate(predicted):
        if pi not in used_p:
            score.fp += 1
            score.errors.append(f"{doc_id}: spurious {p['kind']} {p['text']!r} @{p['start']}")
    for g, p in matched:
        if g.get("optional"):
            continue
        score.tp += 1
        if p["kind"] == g["kind"]:
            score.kind += 1
        else:
            score.errors.append(f"{doc_id}: kind {g['text']!r} want {g['kind']} got {p['kind']}")
        if g["kind"] == "date":
            if g.get("date"):
                score.value_n += 1
                got = (p.get("date") or {}).get("value")
                if got == g["date"]["value"]:
                    score.value += 1
                else:
                    score.errors.append(f"{doc_id}: date {g['text']!r} want {g['date']['value']} got {got}")
            continue
        if g.get("value") is not None:
            score.value_n += 1
            if _same_number(g["value"], p.get("value")):
                score.value += 1
            else:
                score.errors.append(f"{doc_id}: value {g['text']!r} want {g['value']} got {p.get('value')}")
        if g.get("subject"):
            score.subject_n += 1
            if _head_ok(g["subject"], p.get("subject")):
                score.subject += 1
            else:
                score.errors.append(f"{doc_id}: subject {g['text']!r} want {g['subject']} got {p.get('subject')}")
        score.source_n += 1
        if _source_ok(g.get("source"), p.get("source")):
            score.source += 1
        else:
            want = (g.get("source") or {}).get("name")
            got = (p.get("source") or {}).get("name")
            score.errors.append(f"{doc_id}: source {g['text']!r} want {want} got {got}")
    return score


def score_gold_file(path: Path, kinds: Iterable[str] | None = None) -> Score:
    """Run the library on every document of a gold JSONL file and score it."""
    score = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        if "path" in gold:
            text = (path.parent / gold["path"]).read_text(encoding="utf-8")
        else:
            text = gold["text"]
        ref = gold["reference_date"] if gold.get("pass_reference_date") else None
        doc = claimcheck.extract(text, reference_date=ref)
        score_document(gold, [c.to_dict() for c in doc.claims], kinds, score)
    return score
