"""claimcheck: find the numeric and dated claims in a news article, with their sources.

    >>> import claimcheck
    >>> doc = claimcheck.extract("Some 800 soldiers died, officials said.", reference_date="2023-03-01")
    >>> [c.text for c in doc.claims]
    ['Some 800 soldiers']

Heavy parts (pattern tables, the command-line stack) load on first use, so
`claimcheck --version` and programs that only need the data model start fast. The command line lives in `claimcheck.cli`.
"""
from __future__ import annotations

from .lazy import lazy_getattr

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: --version starts faster

__version__ = "0.1.0"

# The stage package `claimcheck.extract` is imported before the function of the same
# name is bound, so the attribute `claimcheck.extract` is always the function.
from . import extract as _extract_stage  # noqa: E402,F401


def extract(
    text: str,
    *,
    reference_date: dt.date | str | None = None,
    source: str | None = None,
    day_first: bool = False,
    kinds: Iterable[Kind | str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    max_claims: int | None = None,
) -> Document:
    """Find every numeric and dated claim in `text` and who it comes from.

    `text` is an article as written (plain text or Markdown, front matter allowed).
    `reference_date` overrides the date found in the text for resolving "Tuesday",
    "last week" and the like. `kinds` keeps only claims of those kinds; more than
    `max_claims` claims is a `LimitError`. The same as
    `claimcheck.pipeline.extract`, which is imported on the first call, not with the
    package, so that `claimcheck --version` starts as fast as Python does.
    """
    from .pipeline import extract as run

    return run(text, reference_date=reference_date, source=source, day_first=day_first,
               kinds=kinds, metadata=metadata, max_claims=max_claims)


_PUBLIC = {
    "Claim": "claimcheck.model",
    "DateValue": "claimcheck.model",
    "Document": "claimcheck.model",
    "Kind": "claimcheck.model",
    "Mention": "claimcheck.model",
    "RefDateOrigin": "claimcheck.model",
    "Source": "claimcheck.model",
    "Span": "claimcheck.model",
    "ClaimcheckError": "claimcheck.errors",
    "InputError": "claimcheck.errors",
    "UsageError": "claimcheck.errors",
}

if TYPE_CHECKING:
    import datetime as dt
    from typing import Any, Iterable, Mapping

    from .errors import ClaimcheckError, InputError, UsageError
    from .model import Claim, DateValue, Document, Kind, Mention, RefDateOrigin, Source, Span


__getattr__ = lazy_getattr(__name__, _PUBLIC, globals())


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_PUBLIC))


__all__ = sorted(["__version__", "extract", *_PUBLIC])
