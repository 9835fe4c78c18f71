"""Extract: numeric and dated mentions found in the prose view of a document.

The extractors compile large pattern tables, so they are imported on first use.
"""
from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: --version starts faster

_FUNCTIONS = {
    "find_dates": "dates",
    "find_reference_date": "dates",
    "parse_date_string": "dates",
    "find_quantities": "numbers",
}

if TYPE_CHECKING:
    from typing import Any
    from .dates import find_dates, find_reference_date, parse_date_string
    from .numbers import find_quantities


def __getattr__(name: str) -> Any:
    module = _FUNCTIONS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = sorted(_FUNCTIONS)
