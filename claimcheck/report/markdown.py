"""A Markdown table per document, for pasting into a review or a pull request."""
from __future__ import annotations

from typing import Sequence, TextIO

from ..errors import InputError
from ..model import Claim, Document
from .safe import markdown_cell as cell
from .safe import visible
from .text import format_source, format_value, group_by_source


class MarkdownReporter:
    """A heading per document and a table of its claims (one per source with `group_by_source`)."""

    def __init__(self, out: TextIO, group_by_source: bool = False) -> None:
        self.out = out
        self.group_by_source = group_by_source

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        ref = doc.reference_date.isoformat() if doc.reference_date else "none"
        self.out.write(f"### {cell(visible(doc.source))}\n\n")
        self.out.write(f"Reference date: {ref} ({doc.reference_date_origin.value}); {len(doc.claims)} claims\n\n")
        if not self.group_by_source:
            self._table(doc.claims)
        else:
            for source, claims in group_by_source(doc.claims):
                self.out.write(f"#### {cell(source)}\n\n")
                self._table(claims)
        self.out.flush()

    def _table(self, claims: Sequence[Claim]) -> None:
        if claims:
            self.out.write("| Line | Kind | Claim | Value | Subject | Source | Sentence |\n")
            self.out.write("|---:|---|---|---|---|---|---|\n")
            for c in claims:
                row = [
                    f"{c.line}:{c.column}", c.kind.value, cell(c.text), cell(format_value(c)),
                    cell(c.subject or ""), cell(format_source(c)), cell(c.sentence),
                ]
                self.out.write("| " + " | ".join(row) + " |\n")
            self.out.write("\n")

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        pass
