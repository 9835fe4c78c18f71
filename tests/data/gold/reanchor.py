"""Move gold offsets after an article has been edited: `python tests/data/gold/reanchor.py`.

Each claim keeps its text; its new start is the occurrence of that text nearest to where
the shift of the previous claim says it should be. Claims whose text is gone are listed,
not dropped. Check the result with `pytest tests/test_sample_gold.py`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def reanchor(doc: dict, text: str) -> list[str]:
    lost, shift = [], 0
    for claim in doc["claims"]:
        expected = claim["start"] + shift
        hits, at = [], text.find(claim["text"])
        while at >= 0:
            hits.append(at)
            at = text.find(claim["text"], at + 1)
        if not hits:
            lost.append(f"{doc['doc_id']}: {claim['text']!r} @{claim['start']} is no longer in the text")
            continue
        start = min(hits, key=lambda h: abs(h - expected))
        shift = start - claim["start"]
        claim["start"], claim["end"] = start, start + len(claim["text"])
    return lost


def main(path: Path) -> int:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lost = []
    for doc in docs:
        lost += reanchor(doc, (path.parent / doc["path"]).read_text(encoding="utf-8"))
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    print("\n".join(lost) or "all claims found")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("samples.jsonl")))
