"""Build the attribution gold from marked-up articles, so offsets are never typed by hand.

A marked article (`marked/NAME.txt`) is the article text with each claim written as
`[[claim text]]{kind key=value ... @Source_Name qt opt}`:

    kind          count, percent, money, measure, duration, age, ordinal, date
    v=800         value; v=252..287 for a range; v=- for none (vague)
    q=~           qualifier (= ~ > < >= <= up down); "=" when absent
    u=USD         unit;  s=soldiers  subject (underscores are spaces)
    d=2023-02-28  date value (TIMEX3: day, month, year, quarter, ISO week)
    @Name_Here    source name (underscores are spaces); qt: inside a direct quotation
    opt           optional: counts neither way when scored
    vague         a vague quantity ("hundreds of")

Header lines `#! key: value` give `doc_id` and `reference_date`. Running this script
writes `articles/NAME.txt` and `gold.jsonl`; `--check` only verifies they are current.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARKED = HERE / "marked"
ARTICLES = HERE / "articles"
GOLD = HERE / "gold.jsonl"

_CLAIM = re.compile(r"\[\[(?P<text>[^\[\]]+)\]\]\{(?P<attrs>[^{}]*)\}")
_HEADER = re.compile(r"^#! *(\w+): *(.*)\n", re.M)


def _number(raw: str) -> int | float:
    value = float(raw)
    return int(value) if value.is_integer() and "." not in raw and "e" not in raw else value


def _date_range(value: str) -> tuple[str | None, str | None]:
    """First and last day a TIMEX3 value covers."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, value
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m[1]), int(m[2])
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, quarter = int(m[1]), int(m[2])
        first = dt.date(year, 3 * quarter - 2, 1)
        last = dt.date(year + quarter // 4, (3 * quarter) % 12 + 1, 1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat()
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return first.isoformat(), (first + dt.timedelta(days=6)).isoformat()
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", f"{value}-12-31"
    return None, None


def _claim(text: str, start: int, attrs: str) -> dict:
    tokens = attrs.split()
    claim: dict = {
        "start": start, "end": start + len(text), "text": text, "kind": tokens[0],
        "value": None, "value_high": None, "qualifier": "=", "unit": None, "subject": None,
        "date": None, "source": None, "optional": False,
    }
    quoted = "qt" in tokens
    for token in tokens[1:]:
        key, _, raw = token.partition("=")
        if token.startswith("@"):
            claim["source"] = {"name": token[1:].replace("_", " "), "quoted": quoted}
        elif key == "v" and raw != "-":
            low, _, high = raw.partition("..")
            claim["value"] = _number(low)
            claim["value_high"] = _number(high) if high else None
        elif key == "q":
            claim["qualifier"] = raw
        elif key == "u":
            claim["unit"] = raw
        elif key == "s":
            claim["subject"] = raw.replace("_", " ")
        elif key == "d":
            first, last = _date_range(raw)
            claim["date"] = {"value": raw, "start": first, "end": last}
        elif token in ("opt", "vague"):
            claim["optional" if token == "opt" else "vague"] = True
        elif token not in ("qt", "v=-"):
            raise ValueError(f"unknown attribute {token!r} in {attrs!r}")
    return claim


def build(marked: str) -> tuple[dict, str]:
    """The gold line (without path) and the plain article text of one marked article."""
    header = dict(_HEADER.findall(marked))
    body = _HEADER.sub("", marked)
    pieces: list[str] = []
    claims: list[dict] = []
    last = length = 0
    for m in _CLAIM.finditer(body):
        pieces.append(body[last:m.start()])
        length += m.start() - last
        claims.append(_claim(m["text"], length, m["attrs"]))
        pieces.append(m["text"])
        length += len(m["text"])
        last = m.end()
    pieces.append(body[last:])
    text = "".join(pieces)
    for claim in claims:
        assert text[claim["start"]:claim["end"]] == claim["text"], claim
    gold = {"doc_id": header["doc_id"], "reference_date": header["reference_date"],
            "pass_reference_date": True, "claims": claims}
    return gold, text


def build_all() -> tuple[list[dict], dict[Path, str]]:
    lines: list[dict] = []
    texts: dict[Path, str] = {}
    for path in sorted(MARKED.glob("*.txt")):
        gold, text = build(path.read_text(encoding="utf-8"))
        article = ARTICLES / path.name
        gold["path"] = article.relative_to(HERE).as_posix()
        lines.append(gold)
        texts[article] = text
    return lines, texts


def render(lines: list[dict]) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the built files are out of date")
    args = parser.parse_args()
    lines, texts = build_all()
    if args.check:
        stale = [p for p, t in texts.items() if not p.exists() or p.read_text(encoding="utf-8") != t]
        if not GOLD.exists() or GOLD.read_text(encoding="utf-8") != render(lines):
            stale.append(GOLD)
        for path in stale:
            print(f"out of date: {path}", file=sys.stderr)
        return 1 if stale else 0
    ARTICLES.mkdir(exist_ok=True)
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    GOLD.write_text(render(lines), encoding="utf-8")
    claims = [c for line in lines for c in line["claims"]]
    sourced = sum(1 for c in claims if c["source"])
    print(f"{len(lines)} articles, {len(claims)} claims, {sourced} with a source")
    return 0


if __name__ == "__main__":
    sys.exit(main())
