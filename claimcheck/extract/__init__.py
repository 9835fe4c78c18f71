"""Extract: numeric and dated mentions found in the prose view of a document.

The extractors compile large pattern tables, so they are imported on first use.
"""
from __future__ import annotations

from ..lazy import lazy_getattr

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: --version starts faster

_FUNCTIONS = {
    "find_dates": ".dates",
    "find_reference_date": ".dates",
    "parse_date_string": ".dates",
    "find_quantities": ".numbers",
}

if TYPE_CHECKING:
    from .dates import find_dates, find_reference_date, parse_date_string
    from .numbers import find_quantities


__getattr__ = lazy_getattr(__name__, _FUNCTIONS, globals())


__all__ = sorted(_FUNCTIONS)
