"""Score `claimcheck compare` on the hand-labelled pairs in tests/data/compare/expected.json.

    python bench/compare_score.py            # a table: pairs, claims, labels right / total
    python bench/compare_score.py --wrong    # and every claim whose label is wrong
    python bench/compare_score.py --speed    # CPU time of compare on long sources (the pairs repeated)

Each pair is a draft and its sources (a press release, an earlier story, a report);
every claim the draft has is labelled by hand with what an editor would say.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import claimcheck
from claimcheck.compare import SourceIndex, compare, topic

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "compare"


def main(show_wrong: bool) -> int:
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    right_by_case: Counter[str] = Counter()
    total_by_case: Counter[str] = Counter()
    print(f"{'pair':<62} {'claims':>6} {'right':>6}")
    right_all = total_all = 0
    for pair in expected["pairs"]:
        sources = [claimcheck.extract((DATA / s).read_text(encoding="utf-8"), source=s) for s in pair["sources"]]
        draft = claimcheck.extract((DATA / pair["draft"]).read_text(encoding="utf-8"), source=pair["draft"])
        got = {(c.claim.line, c.claim.text): c.label.value for c in compare(draft, sources)}
        right = 0
        for gold in pair["claims"]:
            label = got.pop((gold["line"], gold["text"]), None)
            ok = label == gold["label"]
            right += ok
            case = gold.get("case", "same figure")
            total_by_case[case] += 1
            right_by_case[case] += ok
            if not ok and show_wrong:
                print(f"  wrong: {pair['draft']}:{gold['line']} {gold['text']!r}: {label} (gold {gold['label']})")
        for (line, text), label in got.items():  # claims the gold does not list count as wrong
            total_by_case["unlisted"] += 1
            if show_wrong:
                print(f"  unlisted: {pair['draft']}:{line} {text!r}: {label}")
        total = len(pair["claims"]) + len(got)
        name = f"{pair['draft']} vs {', '.join(pair['sources'])}"
        print(f"{name:<62} {total:>6} {right:>6}")
        right_all += right
        total_all += total
    everything = f"all {len(expected['pairs'])} pairs"
    print(f"{everything:<62} {total_all:>6} {right_all:>6}  ({right_all / total_all:.1%})")
    print()
    print(f"{'case':<20} {'right':>6} / total")
    for case in sorted(total_by_case):
        print(f"{case:<20} {right_by_case[case]:>6} / {total_by_case[case]}")
    return 0 if right_all == total_all else 1


def _body(path: Path) -> str:
    """The article without front matter, so repeated copies make one long story."""
    text = path.read_text(encoding="utf-8")
    return text.split("---\n", 2)[-1] if text.startswith("---") else text


def speed() -> None:
    """CPU time of `compare` (extraction not counted) as the sources grow: the index keeps it near linear."""
    pairs = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["pairs"]
    sources = "\n\n".join(_body(DATA / name) for name in sorted({s for p in pairs for s in p["sources"]}))
    drafts = "\n\n".join(_body(DATA / name) for name in sorted({p["draft"] for p in pairs}))
    draft = claimcheck.extract("\n\n".join([drafts] * 4), source="draft.md")
    for copies in (5, 20, 80):
        source = claimcheck.extract("\n\n".join([sources] * copies), source="sources.md")
        best = min(_cpu(draft, source) for _ in range(3))
        index = SourceIndex([source])
        examined = sum(sum(1 for _ in index.candidates(c, topic(c))) for c in draft.claims)
        every = len(source.claims) * len(draft.claims)
        print(f"source claims {len(source.claims):>5}  draft claims {len(draft.claims)}  CPU {best:.3f} s  "
              f"pairs examined {examined} of {every} ({examined / every:.0%})")


def _cpu(draft: claimcheck.Document, source: claimcheck.Document) -> float:
    started = time.process_time()
    compare(draft, [source])
    return time.process_time() - started


if __name__ == "__main__":
    if "--speed" in sys.argv[1:]:
        speed()
        sys.exit(0)
    sys.exit(main("--wrong" in sys.argv[1:]))
