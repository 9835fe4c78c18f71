"""Markdown is read as Markdown: only prose holds claims, offsets stay those of the file."""
from __future__ import annotations

import claimcheck
from claimcheck.load import read_prose

ARTICLE = """---
title: "Harbour: 2 piers"
date: 2024-04-10
---
# Repairs

Read [the 2022 survey](https://example.org/survey/2022/77.pdf "Table 9") or <https://example.org/5>.
Run `pier-v2.3` and see www.example.com/page9 or mail desk9@example.org.
<!-- the 900 tonnes figure is unconfirmed -->
**5,000** people left.

```
total = 4500
```

Some 240 workers stayed.
[survey]: https://example.org/88
"""


def test_prose_view_keeps_length_and_lines():
    prose = read_prose(ARTICLE)
    assert len(prose.prose) == len(ARTICLE)
    assert prose.prose.count("\n") == ARTICLE.count("\n")


def test_front_matter_is_read_and_blanked():
    prose = read_prose(ARTICLE)
    assert prose.front_matter["date"] == "2024-04-10"
    assert prose.front_matter["title"] == "Harbour: 2 piers"
    assert prose.prose[: prose.body_start].strip() == ""


def test_no_claims_from_links_urls_code_comments_or_front_matter():
    doc = claimcheck.extract(ARTICLE)
    texts = " | ".join(c.text for c in doc.claims)
    for hidden in ("77", "Table 9", "example", "2.3", "page9", "desk9", "900", "4500", "88"):
        assert hidden not in texts, (hidden, texts)
    assert any("5,000" in c.text for c in doc.claims)
    assert any("240" in c.text for c in doc.claims)


def test_offsets_point_into_the_file_as_written():
    doc = claimcheck.extract(ARTICLE)
    for claim in doc.claims:
        assert ARTICLE[claim.start:claim.end] == claim.text


def test_wire_style_quotes_are_prose_not_code():
    text = "``We lost 40 homes,'' he said Thursday. ``Some 12 remain,'' she said.\n"
    doc = claimcheck.extract(text)
    numbers = " | ".join(c.text for c in doc.claims if c.kind.value != "date")
    assert "40" in numbers and "12" in numbers
    assert read_prose(text).prose == text


def test_code_spans_are_still_blanked():
    for text, code in (("Run `x = 45` now", "`x = 45`"), ("Use ``a ` b`` here", "``a ` b``")):
        assert read_prose(text).prose == text.replace(code, " " * len(code))
