"""Date mentions and the story's own date (its dateline)."""
from __future__ import annotations

import datetime as dt

from ..model import Mention


def find_dates(prose: str, reference_date: dt.date | None, *, day_first: bool = False) -> list[Mention]:
    """Every calendar reference in `prose`, resolved against `reference_date` where relative."""
    return []


def find_reference_date(prose: str, body_start: int = 0) -> dt.date | None:
    """The date of a dateline near the top of the story, if there is one."""
    return None


def parse_date_string(value: str) -> dt.date | None:
    """A date written in any common form (front matter, metadata), or None."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
