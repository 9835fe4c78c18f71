"""`claimcheck compare` output: a table for a person, JSON for programs, Markdown for a review.

The JSON shape is documented in the README ("claimcheck compare") and by the JSON Schema
shipped as claimcheck/report/compare-schema.json (`compare_schema()`); claims in it are
the claims of `extract --format json`, which that schema refers to by its `$id`.
"""
from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Sequence, TextIO

from ..errors import InputError
from ..model import Document
from .markdown import cell
from .text import format_value, one_line, printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..compare import Comparison, Match

COMPARE_SCHEMA_VERSION = 1
# By `Label` value, and claimcheck.compare imported where a comparison is reported: `claimcheck
# --help` needs `CompareFormat` only, not the comparison and the language tables behind it (~85 M instructions).
_STYLE = {"supported": "green", "conflicting": "bold red", "not-found": "yellow"}
_SHOWN = {"supported": "supported", "conflicting": "conflicting", "not-found": "not found"}


class CompareFormat(str, enum.Enum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def _document(doc: Document) -> dict[str, Any]:
    described = doc.to_dict()
    described.pop("claims")
    return described


def comparison_report(
    draft: Document, sources: Sequence[Document], comparisons: Sequence[Comparison], errors: Sequence[InputError] = ()
) -> dict[str, Any]:
    """The JSON object `compare --format json` writes."""
    from ..compare import tally

    return {
        "schema_version": COMPARE_SCHEMA_VERSION,
        "draft": _document(draft),
        "sources": [{**_document(s), "claims": len(s.claims)} for s in sources],
        "comparisons": [c.to_dict() for c in comparisons],
        "summary": {label.value: n for label, n in tally(comparisons).items()},
        "errors": [{"source": e.source, "message": e.reason} for e in errors],
    }


def write_json(out: TextIO, report: dict[str, Any]) -> None:
    import json  # here and in compare_schema: `claimcheck --help` needs no JSON

    out.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    out.flush()


def summary_line(comparisons: Sequence[Comparison]) -> str:
    from ..compare import tally

    parts = ", ".join(f"{n} {_SHOWN[label.value]}" for label, n in tally(comparisons).items())
    return f"{len(comparisons)} claim{'s' if len(comparisons) != 1 else ''}: {parts}"


def _match_text(match: Match) -> str:
    speaker = f" ({match.claim.source.name})" if match.claim.source else ""
    return f"{match.document}:{match.claim.line} “{one_line(match.claim.text)}”{speaker}"


def _draft_text(comparison: Comparison) -> str:
    claim = comparison.claim
    speaker = f" ({claim.source.name})" if claim.source else ""
    return f"“{one_line(claim.text)}” = {format_value(claim)}{speaker}"


def write_table(console: "Console", draft: Document, sources: Sequence[Document], comparisons: Sequence[Comparison]) -> None:
    """One row per draft claim; document text goes in as `Text`, so it is never read as markup."""
    from rich.table import Table
    from rich.text import Text

    names = ", ".join(printable(s.source) for s in sources)
    title = Text.assemble((printable(draft.source), "bold"), f"  against {names}")
    table = Table(title=title, title_justify="left", expand=True, header_style="bold")
    table.add_column("Line", justify="right", no_wrap=True)
    table.add_column("Draft claim", ratio=3)
    table.add_column("Label", no_wrap=True)
    table.add_column("In the sources", ratio=3)
    table.add_column("Why", ratio=4)
    for comparison in comparisons:
        claim = comparison.claim
        found = "\n".join(_match_text(m) for m in comparison.matches[:2])
        table.add_row(
            f"{claim.line}:{claim.column}",
            Text(_draft_text(comparison)),
            Text(_SHOWN[comparison.label.value], style=_STYLE[comparison.label.value]),
            Text(found),
            Text(one_line(comparison.reason)),
        )
    table.caption = summary_line(comparisons)
    table.caption_justify = "left"
    console.print(table)


def write_markdown(out: TextIO, draft: Document, sources: Sequence[Document], comparisons: Sequence[Comparison]) -> None:
    out.write(f"### {cell(draft.source)} against {', '.join(cell(s.source) for s in sources)}\n\n")
    out.write(summary_line(comparisons) + "\n\n")
    if comparisons:
        out.write("| Line | Draft claim | Label | In the sources | Why |\n|---:|---|---|---|---|\n")
        for c in comparisons:
            found = "<br>".join(cell(_match_text(m)) for m in c.matches[:2])
            row = [f"{c.claim.line}:{c.claim.column}", cell(_draft_text(c)), _SHOWN[c.label.value], found, cell(c.reason)]
            out.write("| " + " | ".join(row) + " |\n")
        out.write("\n")
    out.flush()


def compare_schema() -> dict:
    """The JSON Schema of `compare --format json` (claimcheck/report/compare-schema.json)."""
    import json
    from importlib.resources import files

    return json.loads(files(__package__).joinpath("compare-schema.json").read_text(encoding="utf-8"))


__all__ = [
    "COMPARE_SCHEMA_VERSION",
    "CompareFormat",
    "comparison_report",
    "compare_schema",
    "summary_line",
    "write_json",
    "write_markdown",
    "write_table",
]
