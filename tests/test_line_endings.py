"""A draft saved with Windows line endings (CRLF), or with the lone CR of old Mac editors,
reads as the same draft saved with Unix ones: the same front matter, paragraphs, sentences,
claims and sources. Offsets differ only by the extra characters, and texts only in their
line breaks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(ROOT.glob("data/*.md")) + sorted(ROOT.glob("data/*.txt"))


def _reading(text: str, newline: str) -> list[tuple]:
    document = claimcheck.extract(text.replace("\n", newline), reference_date=dt.date(2024, 5, 1))
    lf = lambda s: s.replace("\r\n", "\n").replace("\r", "\n")  # noqa: E731
    return [
        (c.kind, lf(c.text), c.line, c.value, c.date, c.subject, lf(c.sentence), c.source and (c.source.name, c.source.cue, c.source.quoted))
        for c in document.claims
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_an_article_reads_the_same_with_other_line_endings(path: Path, newline: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert _reading(text, newline) == _reading(text, "\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_quotation_over_a_line_break_keeps_its_speaker(newline: str) -> None:
    text = f'The council met on{newline}Monday. "We lost 40{newline}homes," Mayor Ana Ruiz said.{newline}'
    (day, homes) = claimcheck.extract(text).claims
    assert day.sentence == f"The council met on{newline}Monday."
    assert homes.source is not None and homes.source.name == "Ana Ruiz" and homes.source.quoted
