"""claimcheck: find the numeric and dated claims in a news article, with their sources.

    >>> import claimcheck
    >>> doc = claimcheck.extract("Some 800 soldiers died, officials said.", reference_date="2023-03-01")
    >>> [c.text for c in doc.claims]
    ['Some 800 soldiers']

The command-line interface lives in `claimcheck.cli` and is not imported here.
"""
from __future__ import annotations

from .errors import ClaimcheckError, InputError, UsageError
from .model import Claim, DateValue, Document, Kind, Mention, RefDateOrigin, Source, Span
from .pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimcheckError",
    "DateValue",
    "Document",
    "InputError",
    "Kind",
    "Mention",
    "RefDateOrigin",
    "Source",
    "Span",
    "UsageError",
    "__version__",
    "extract",
]
