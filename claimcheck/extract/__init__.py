"""Extract: numeric and dated mentions found in the prose view of a document."""
from .dates import find_dates, find_reference_date
from .numbers import find_quantities

__all__ = ["find_dates", "find_quantities", "find_reference_date"]
