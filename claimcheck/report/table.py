"""Rich tables for a person at a terminal: one table per document, nothing cut."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Sequence

from ..errors import InputError
from ..model import Claim, Document, Kind
from .safe import one_line, visible
from .text import format_source, format_value, group_by_source

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def _shown(text: str) -> str:
    """Document text as one display line: no control characters, white space folded."""
    return one_line(text)


def marked_sentence(claims: Sequence[Claim]) -> "Text":
    """The claims' shared sentence, each claim in it marked, folded to one line."""
    from rich.text import Text

    first = claims[0]
    sentence, base = first.sentence, first.sentence_start
    out = Text()
    pos = 0
    for claim in claims:
        begin, finish = claim.start - base, claim.end - base
        if begin < pos or finish > len(sentence):
            continue
        out.append(_shown(sentence[pos:begin]) + (" " if sentence[pos:begin][-1:].isspace() else ""))
        out.append(_shown(sentence[begin:finish]), style="bold reverse")
        if sentence[finish:finish + 1].isspace():
            out.append(" ")
        pos = finish
    out.append(_shown(sentence[pos:]))
    return out


def _value_cell(claim: Claim) -> str:
    value = format_value(claim)
    return f"→ {value}" if claim.kind is Kind.DATE else value


def _by_sentence(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Runs of consecutive claims that stand in the same sentence."""
    groups: list[list[Claim]] = []
    for claim in claims:
        if groups and groups[-1][0].sentence_start == claim.sentence_start and groups[-1][0].sentence == claim.sentence:
            groups[-1].append(claim)
        else:
            groups.append([claim])
    return groups


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
        title = Text.assemble((visible(doc.source), "bold"), f"  reference date: {ref} ({doc.reference_date_origin.value})")
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
            self._table(Text.assemble("  ", (one_line(source), "bold cyan")), claims)

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
        counts: Counter[str] = Counter(c.kind.value for c in claims)
        # The sentence is printed once, on the first row of the claims it holds.
        for group in _by_sentence(claims):
            for index, c in enumerate(group):
                table.add_row(
                    f"{c.line}:{c.column}",
                    c.kind.value,
                    Text(one_line(c.text)),
                    Text(one_line(_value_cell(c))),
                    Text(one_line(c.subject or "")),
                    Text(one_line(format_source(c))),
                    marked_sentence(group) if index == 0 else Text("″", style="dim"),
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
