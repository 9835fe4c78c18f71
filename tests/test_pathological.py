"""Pathological inputs finish, and every claim they yield points into the text.

Each family (a long run of digits, commas, "1,1,1", quote marks, backtick runs, one long
line, thousands of one-word paragraphs, ...) goes through the library in a child process
with a generous wall-clock limit: a pattern that backtracks without bound shows as a
hang, not as a slow test. How time grows with size is measured by bench/growth.py.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each family's text is built in the child from a unit repeated to a size, so the
# parameters stay short in test ids.
FAMILIES = {
    "a run of digits": ("1", 300_000),
    "a run of commas": (",", 300_000),
    "1,1,1": ("1,", 100_000),
    "1 1 1": ("1 ", 20_000),
    "straight quote marks": ('"', 100_000),
    "curly quote marks": ("“", 50_000),
    "backtick runs": ("``a`", 100_000),
    "one long line": ("Some 1,200 residents fled on March 14, 2024, officials said, and 12% returned. ", 100_000),
    "one-word paragraphs": ("word\n\n", 100_000),
    "number words": ("one ", 20_000),
    "weekdays": ("Monday ", 20_000),
    "an unclosed quotation": ("“we saw 1,200 people on Monday and ", 50_000),
    "an unclosed comment": ("<!--a", 100_000),
    "link brackets": ("[a](", 100_000),
}

_CHILD = """
import json, sys
import claimcheck
from claimcheck.report.machine import JsonReporter
import io
unit, size = json.loads(sys.argv[1])
text = (unit * (size // len(unit) + 1))[:size]
doc = claimcheck.extract(text)
out = io.StringIO()
reporter = JsonReporter(out)
reporter.start()
reporter.document(doc)
reporter.finish()
json.loads(out.getvalue())
lines = text.split("\\n")
for c in doc.claims:
    assert 0 <= c.start < c.end <= len(text), (c.start, c.end)
    assert text[c.start:c.end] == c.text, c
    assert c.sentence_start <= c.start, c
    assert lines[c.line - 1][c.column - 1:].startswith(c.text.split("\\n")[0]), c
print(len(doc.claims))
"""


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_pathological_input_finishes_with_claims_inside_the_text(family: str):
    unit, size = FAMILIES[family]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps([unit, size])],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) >= 0
