"""Calendar periods with TIMEX3 values, and how news text picks one relative to a date.

A `Period` is a value such as `2023-W09` with the first and last day it covers. The
functions here know nothing about text: they build periods, shift them and choose
the occurrence of a named weekday, month, quarter or season that a sentence means.
"""
from __future__ import annotations

import datetime as dt
import enum
import functools
from dataclasses import dataclass
from typing import Iterable


class Grain(enum.IntEnum):
    """How fine a period is, finest first; a shift keeps the grain of what it shifts."""

    DAY = 0
    WEEKEND = 1
    WEEK = 2
    MONTH = 3
    SEASON = 4
    QUARTER = 5
    HALF = 6
    YEAR = 7
    DECADE = 8
    CENTURY = 9


class Direction(enum.Enum):
    """Which occurrence of a repeating period ("Friday", "May", "the third quarter") is meant."""

    PAST = "past"  # the latest one that has begun by the reference date
    FUTURE = "future"  # the first one that has not ended before the reference date
    PREVIOUS = "previous"  # "last": the latest one wholly before the reference period
    NEXT = "next"  # "next": the first one wholly after the reference period
    CURRENT = "current"  # "this": the one in the reference date's year (or week)
    NEAREST = "nearest"  # no cue: whichever is closest to the reference date


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period: its grain, TIMEX3 value and first and last day."""

    grain: Grain
    value: str
    start: dt.date
    end: dt.date
    anchored: bool = False

    def anchor(self, anchored: bool = True) -> "Period":
        return Period(self.grain, self.value, self.start, self.end, anchored)


_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SHIFT_MONTHS = {Grain.MONTH: 1, Grain.SEASON: 12, Grain.QUARTER: 3, Grain.HALF: 6, Grain.YEAR: 12}
MIN_YEAR, MAX_YEAR = 1, 9998
_JUST_ENDED_DAYS = 31


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


@functools.lru_cache(maxsize=4096)
def day(date: dt.date) -> Period:
    return Period(Grain.DAY, date.isoformat(), date, date)


@functools.lru_cache(maxsize=4096)
def week(date: dt.date) -> Period:
    """The ISO week (Monday to Sunday) holding `date`; its year is the ISO year."""
    iso_year, iso_week, weekday = date.isocalendar()
    monday = date - dt.timedelta(days=weekday - 1)
    return Period(Grain.WEEK, f"{iso_year:04d}-W{iso_week:02d}", monday, monday + dt.timedelta(days=6))


@functools.lru_cache(maxsize=4096)
def weekend(date: dt.date) -> Period:
    """The Saturday and Sunday of the ISO week holding `date`."""
    whole = week(date)
    return Period(Grain.WEEKEND, whole.value + "-WE", whole.start + dt.timedelta(days=5), whole.end)


@functools.lru_cache(maxsize=4096)
def month(year: int, month_number: int) -> Period:
    return Period(Grain.MONTH, f"{year:04d}-{month_number:02d}", dt.date(year, month_number, 1), _month_end(year, month_number))


@functools.lru_cache(maxsize=4096)
def quarter(year: int, number: int) -> Period:
    first = 3 * number - 2
    return Period(Grain.QUARTER, f"{year:04d}-Q{number}", dt.date(year, first, 1), _month_end(year, first + 2))


@functools.lru_cache(maxsize=4096)
def half(year: int, number: int) -> Period:
    first = 6 * number - 5
    return Period(Grain.HALF, f"{year:04d}-H{number}", dt.date(year, first, 1), _month_end(year, first + 5))


@functools.lru_cache(maxsize=4096)
def season(year: int, code: str) -> Period:
    """Northern meteorological seasons; winter YYYY-WI runs from December of YYYY into YYYY+1."""
    first = _SEASON_FIRST_MONTH[code]
    last_year, last_month = _add_months(year, first, 2)
    return Period(Grain.SEASON, f"{year:04d}-{code}", dt.date(year, first, 1), _month_end(last_year, last_month))


@functools.lru_cache(maxsize=4096)
def year(number: int) -> Period:
    return Period(Grain.YEAR, f"{number:04d}", dt.date(number, 1, 1), dt.date(number, 12, 31))


@functools.lru_cache(maxsize=4096)
def decade(first_year: int) -> Period:
    """The decade starting at `first_year` (a multiple of ten): TIMEX3 value `199` for the 1990s."""
    return Period(Grain.DECADE, f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


@functools.lru_cache(maxsize=4096)
def century(first_year: int) -> Period:
    """The hundred years from `first_year` (a multiple of 100): TIMEX3 value `19` for the 1900s."""
    return Period(Grain.CENTURY, f"{first_year // 100:02d}", dt.date(first_year, 1, 1), dt.date(first_year + 99, 12, 31))


_SEASON_OF_MONTH = {1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA", 12: "WI"}


def season_of(date: dt.date) -> Period:
    code = _SEASON_OF_MONTH[date.month]
    return season(date.year - 1 if date.month < 3 else date.year, code)


def period_of(grain: Grain, date: dt.date) -> Period:
    """The period of `grain` that holds `date`."""
    if grain is Grain.DAY:
        return day(date)
    if grain is Grain.WEEK:
        return week(date)
    if grain is Grain.WEEKEND:
        return weekend(date)
    if grain is Grain.MONTH:
        return month(date.year, date.month)
    if grain is Grain.SEASON:
        return season_of(date)
    if grain is Grain.QUARTER:
        return quarter(date.year, (date.month - 1) // 3 + 1)
    if grain is Grain.HALF:
        return half(date.year, (date.month - 1) // 6 + 1)
    if grain is Grain.YEAR:
        return year(date.year)
    if grain is Grain.DECADE:
        return decade(date.year - date.year % 10)
    return century(date.year - date.year % 100)


def shift(period: Period, grain: Grain, count: int) -> Period | None:
    """`period` moved by `count` units of `grain` ("a year earlier" is grain YEAR, count -1).

    The result keeps the grain of `period`: a quarter moved by a year is a quarter.
    None when the result would leave the calendar.
    """
    start = _shift_date(period.start, grain, count)
    if start is None:
        return None
    return period_of(period.grain, start).anchor(period.anchored)


def _shift_date(date: dt.date, grain: Grain, count: int) -> dt.date | None:
    try:
        if grain in (Grain.DAY, Grain.WEEK, Grain.WEEKEND):
            return date + dt.timedelta(days=count * (1 if grain is Grain.DAY else 7))
        if grain is Grain.DECADE:
            return date.replace(year=date.year + 10 * count)
        if grain is Grain.CENTURY:
            return date.replace(year=date.year + 100 * count)
        new_year, new_month = _add_months(date.year, date.month, _SHIFT_MONTHS[grain] * count)
        return dt.date(new_year, new_month, min(date.day, _month_end(new_year, new_month).day))
    except (ValueError, OverflowError):
        return None


def weekday_near(reference: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The day with ISO `weekday` (1 = Monday) that a news sentence means.

    PAST is the latest such day on or before the reference date (the reference date itself
    when it is that weekday), FUTURE the first on or after it; PREVIOUS and NEXT skip the
    reference date itself ("last Friday" written on a Friday is a week ago).
    """
    back = (reference.isoweekday() - weekday) % 7
    ahead = (weekday - reference.isoweekday()) % 7
    if direction is Direction.PREVIOUS:
        return reference - dt.timedelta(days=back or 7)
    if direction is Direction.NEXT:
        return reference + dt.timedelta(days=ahead or 7)
    if direction is Direction.FUTURE:
        return reference + dt.timedelta(days=ahead)
    if direction is Direction.NEAREST and ahead < back:
        return reference + dt.timedelta(days=ahead)
    return reference - dt.timedelta(days=back)


def occurrence(candidates: list[Period], reference: dt.date, direction: Direction) -> Period | None:
    """Pick one of consecutive occurrences of a named period (candidates in time order).

    PAST: the latest that has begun by the reference date; FUTURE: the first that has not
    ended before it; PREVIOUS/NEXT: the latest wholly before / first wholly after;
    NEAREST: the one closest to the reference date; CURRENT ("this winter"): the one holding
    the reference date, or one that ended in the last month, else the next one.
    None only at the ends of the calendar.
    """
    if direction is Direction.NEAREST:
        return min(candidates, key=lambda p: _distance(p, reference), default=None)
    if direction is Direction.PREVIOUS:
        return _last(p for p in candidates if p.end < reference)
    if direction is Direction.NEXT:
        return next((p for p in candidates if p.start > reference), None)
    if direction is Direction.FUTURE:
        return next((p for p in candidates if p.end >= reference), None)
    if direction is Direction.CURRENT:
        recent = reference - dt.timedelta(days=_JUST_ENDED_DAYS) if reference.toordinal() > _JUST_ENDED_DAYS else reference
        return next((p for p in candidates if p.end >= recent), _last(candidates))
    return _last(p for p in candidates if p.start <= reference)


def _last(periods: Iterable[Period]) -> Period | None:
    found = None
    for found in periods:
        pass
    return found


def _distance(period: Period, reference: dt.date) -> int:
    if period.start <= reference <= period.end:
        return 0
    return min(abs((period.start - reference).days), abs((period.end - reference).days))


def yearly(build, reference: dt.date) -> list[Period]:
    """The occurrences of a once-a-year period (`build(year)`) around the reference date."""
    periods = []
    for number in (reference.year - 2, reference.year - 1, reference.year, reference.year + 1, reference.year + 2):
        if MIN_YEAR <= number <= MAX_YEAR:
            try:
                periods.append(build(number))
            except ValueError:  # 29 February in a common year
                continue
    return periods
