"""Rich tables for a person at a terminal: one table per document, nothing cut."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Sequence

from ..errors import InputError
from ..model import Claim, Document, Kind
from .text import format_source, format_value, group_by_source, one_line, printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def _sentence_with_claim(claim: Claim) -> "Text":
    from rich.text import Text

    sentence = claim.sentence
    at = sentence.find(claim.text)
    if at < 0:
        return Text(one_line(sentence))
    before, after = sentence[:at], sentence[at + len(claim.text):]
    return Text.assemble(
        " ".join(printable(before).split()) + (" " if before[-1:].isspace() else ""),
        (one_line(claim.text), "bold reverse"),
        (" " if after[:1].isspace() else "") + " ".join(printable(after).split()),
    )


class TableReporter:
    """One table per document, or with `group_by_source` one per source within each document."""

    def __init__(self, console: "Console", group_by_source: bool = False) -> None:
        self.console = console
        self.group_by_source = group_by_source
        self.totals: Counter[str] = Counter()
        self.documents = 0

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        from rich.text import Text

        self.documents += 1
        ref = doc.reference_date.strftime("%a %d %b %Y") if doc.reference_date else "none"
        title = Text.assemble((printable(doc.source), "bold"), f"  reference date: {ref} ({doc.reference_date_origin.value})")
        if not doc.claims:
            self.console.print(title)
            self.console.print("  no claims found")
            self.console.print()
            return
        if not self.group_by_source:
            self._table(title, doc.claims)
            return
        self.console.print(title)
        for source, claims in group_by_source(doc.claims):
            self._table(Text.assemble("  ", (printable(source), "bold cyan")), claims)

    def _table(self, title: "Text", claims: Sequence[Claim]) -> None:
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title, title_justify="left", show_lines=False, expand=True, header_style="bold")
        table.add_column("Line", justify="right", no_wrap=True)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Claim", ratio=2)
        table.add_column("Value", ratio=2)
        table.add_column("Subject", ratio=1, min_width=7)
        table.add_column("Source", ratio=2)
        table.add_column("Sentence", ratio=5)
        counts: Counter[str] = Counter()
        for c in claims:
            counts[c.kind.value] += 1
            value = format_value(c)
            if c.kind is Kind.DATE:
                value = f"{one_line(c.text)} → {value}"
            table.add_row(
                f"{c.line}:{c.column}",
                c.kind.value,
                Text(one_line(c.text)),
                Text(value),
                Text(one_line(c.subject or "")),
                Text(one_line(format_source(c))),
                _sentence_with_claim(c),
            )
        self.totals.update(counts)
        table.caption = self._counts(counts, len(claims))
        table.caption_justify = "left"
        self.console.print(table)
        self.console.print()

    @staticmethod
    def _counts(counts: Counter[str], total: int) -> str:
        parts = ", ".join(f"{counts[k.value]} {k.value}" for k in Kind if counts[k.value])
        return f"{total} claims: {parts}"

    def error(self, error: InputError) -> None:
        pass

    def finish(self) -> None:
        if self.documents > 1:
            self.console.print(self._counts(self.totals, sum(self.totals.values())) + f" in {self.documents} documents")
