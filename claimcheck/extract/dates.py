"""Date mentions and the story's own date (its dateline).

`find_dates` reads each candidate expression the grammar in `timex` finds and resolves
it to a calendar `Period` against the reference date, the way a news reader would:
- a bare weekday is the latest such day when its clause is past ("said Tuesday") and the
  next one when it is planned ("will meet Friday", "is due to arrive Friday"); the tense
  comes from the verb nearest the date in its clause;
- a day or month without a year is the one the tense points to, else the latest one
  unless the next is at most three months away;
- "a year earlier", "the quarter", "the year-ago period" count from the quarter a results
  story reports (the finished quarter it names most), "two days later" from the last date
  named; without one, from the reference date.
Without a reference date, relative expressions are reported with no value.
"""
from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import Callable, Iterator, Sequence, Union

from ..model import DateValue, Kind, Mention, Span
from . import calendar as cal
from .calendar import Direction, Grain, Period
from .units import UNITS_AFTER
from .timex import (
    CENTURY_ORDINALS,
    DECADE_WORDS,
    HOLIDAYS,
    LOOK_BEHIND_CHARS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    RELATIVE_DAYS,
    SEASON_CODES,
    UNITS,
    WEEKDAYS,
    scan,
    spelled_year,
)
from .words import fold_case


class Unresolved(enum.Enum):
    """A date expression with no value: it needs a reference date the text lacks, or names
    a day the calendar does not have ("Feb. 30"), which a reader will want to see."""

    NO_ANCHOR = "no anchor"
    IMPOSSIBLE = "impossible"


Reading = Union[Period, Unresolved, None]

_UNIT_GRAIN = {
    "day": Grain.DAY, "night": Grain.DAY, "morning": Grain.DAY, "afternoon": Grain.DAY, "evening": Grain.DAY,
    "week": Grain.WEEK, "weekend": Grain.WEEKEND, "month": Grain.MONTH, "quarter": Grain.QUARTER,
    "year": Grain.YEAR, "decade": Grain.DECADE, "century": Grain.CENTURY,
}
_BACKWARD = {"ago": -1, "earlier": -1, "before": -1, "back": -1, "previously": -1, "prior": -1,
             "later": 1, "after": 1, "from now": 1, "hence": 1}
# "ago" and "from now" count from the reference date; "earlier" and "later" from the date in focus.
_FROM_REFERENCE = frozenset({"ago", "back", "from now", "hence"})
_DEICTIC_STEP = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "this": 0, "the current": 0}
_DEICTIC_DIRECTION = {
    "last": Direction.PREVIOUS, "this past": Direction.PREVIOUS, "next": Direction.NEXT,
    "this coming": Direction.FUTURE, "this": Direction.CURRENT, "the current": Direction.CURRENT,
}
_ANAPHOR_STEP = {"the previous": -1, "the preceding": -1, "the prior": -1, "the next": 1,
                 "the following": 1, "that": 0, "the same": 0, "that same": 0,
                 "before": -1, "after": 1, "earlier": 0, "later": 0}
_FISCAL_YEAR_STEP = {"full": 0, "fiscal": 0, "current fiscal": 0, "new fiscal": 0, "latest fiscal": -1,
                     "previous fiscal": -1, "prior fiscal": -1, "next fiscal": 1, "coming fiscal": 1}
# "the fiscal year ended Jan. 31" straddles two calendar years: no one year is its value.
_FISCAL_YEAR_END_WORDS = frozenset({"ended", "ending", "ends", "to", "through"})
_PARTS_OF_A_YEAR = frozenset({"months", "weeks", "days", "half", "quarter", "rest", "remainder", "balance",
                              "end", "start", "beginning", "middle", "part", "most", "bulk", "course"})
_DEADLINE_WORDS = frozenset({"until", "till", "by"})
_WEEKDAY_MODIFIERS = ("this past", "this coming", "last", "next", "this")
_WEEKDAY_ANAPHORS = {" the previous ": -1, " the preceding ": -1, " the following ": 1, " the next ": 1}
_RELATIVE_YEAR = {"this": 0, "last": -1, "next": 1, "the": 0, "that": None}
# Words before a bare month name or year that make it a date rather than a name or count.
_TEMPORAL_PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "till", "through", "throughout", "from", "to", "during", "before",
    "after", "between", "and", "or", "of", "for", "early", "late", "mid", "last", "next", "this", "on",
    "around", "circa", "as", "at", "into", "fiscal", "than", "starting", "beginning", "ending", "ended",
    "effective", "the",
})
_SEASON_PREPOSITIONS = frozenset({"in", "during", "over", "through", "throughout", "since", "until", "by",
                                  "before", "after", "for", "into", "of", "late", "early"})
# "the fall in prices", "the fall of Kabul": a drop or a defeat, not autumn.
_FALL_AS_A_NOUN_BEFORE = frozenset({"in", "of", "from", "to", "was", "is"})
_NAME_LIKE_MONTHS = frozenset({"may", "march", "april", "june", "august"})
_NOT_A_WEEKDAY_BEFORE = frozenset({
    "every", "each", "most", "all", "some", "no", "black", "good", "super", "ash", "bloody", "palm",
    "easter", "cyber", "giving", "holy", "maundy", "shrove", "whit", "blue", "casual", "alternate",
})
_YEAR_QUALIFIERS = frozenset({
    "about", "some", "around", "nearly", "almost", "roughly", "approximately", "over", "under",
    "than", "least", "only", "just", "another", "additional", "extra", "total",
})
_IDENTIFIER_NOUNS = frozenset({"no", "number", "nos", "route", "flight", "room", "page", "model", "suite",
                               "apt", "box", "unit", "gate", "platform", "pier", "lot", "code", "windows"})
_COUNT_NOUNS = frozenset({
    "people", "persons", "men", "women", "children", "soldiers", "troops", "workers", "employees",
    "jobs", "members", "students", "residents", "civilians", "cases", "deaths", "tonnes", "tons",
    "barrels", "metres", "meters", "feet", "miles", "kilometres", "kilometers", "km", "kg", "pounds",
    "dollars", "euros", "yen", "shares", "votes", "seats", "units", "cars", "vehicles", "homes",
    "houses", "acres", "hectares", "hours", "gmt", "utc", "hrs", "points", "copies", "square",
    "percent", "per", "times", "refugees", "patients", "prisoners", "families", "households",
    "officers", "police", "others", "more", "words", "calories", "rpm", "mph", "companies",
})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "my", "your", "each", "every"})
_QUARTER_BACK_YEAR = frozenset({"year-ago", "year-earlier", "year ago", "year earlier"})
_FOCUS_REACH = 1500
_CUE_REACH_DAYS = 300
_AHEAD_DAYS = 92


class _Focus:
    """The dates the story has named: what "a year earlier" and "the quarter" count from.

    Mutable, but created per call of `find_dates` and never shared. A plain class, not a
    dataclass: building a dataclass costs about a millisecond of start-up.
    """

    __slots__ = ("reference", "latest", "reported")

    def __init__(self, reference: dt.date | None) -> None:
        self.reference = reference
        self.latest: dict[Grain, tuple[int, Period]] = {}
        self.reported: list[tuple[int, Period]] = []

    def note(self, at: int, period: Period) -> None:
        self.latest[period.grain] = (at, period)
        if period.grain in (Grain.QUARTER, Grain.HALF) and (self.reference is None or period.end < self.reference):
            self.reported.append((at, period))

    def reported_quarter(self, at: int) -> Period | None:
        """The quarter (or half) a results story reports: of the finished ones named nearby,
        the one named most often, the latest on a tie. "A fourth-quarter charge" expected in
        October does not make the fourth quarter the story's."""
        counts: dict[Period, tuple[int, int]] = {}
        for seen_at, period in self.reported:
            if at - seen_at <= _FOCUS_REACH:
                count, _ = counts.get(period, (0, 0))
                counts[period] = (count + 1, seen_at)
        return max(counts, key=counts.__getitem__) if counts else None

    def get(self, at: int, grains: tuple[Grain, ...]) -> Period | None:
        """The most recently named period among `grains`, if it is near enough to `at`."""
        best: tuple[int, Period] | None = None
        for grain in grains:
            seen = self.latest.get(grain)
            if seen is not None and at - seen[0] <= _FOCUS_REACH and (best is None or seen[0] > best[0]):
                best = seen
        return best[1] if best else None


class _Reader:
    """Everything a family reader needs besides the match itself (never changed)."""

    __slots__ = ("prose", "reference", "day_first", "focus")

    def __init__(self, prose: str, reference: dt.date | None, day_first: bool, focus: _Focus) -> None:
        self.prose = prose
        self.reference = reference
        self.day_first = day_first
        self.focus = focus


# --- tense: which occurrence of "Friday" the sentence means -------------------------------

class _Cue(enum.Enum):
    """What a word says about the tense of the clause it stands in."""

    FUTURE = "future"  # "will", "due", "scheduled"
    PRESENT = "present"  # "is", "begins": a plan when it stands before the date
    PAST = "past"  # "said", "was", "closed"
    PASSIVE = "passive"  # "be", "been": the participle after it is no past tense


_FUTURE_WORDS = ("will", "shall", "would", "could", "might", "should", "must", "won't", "wouldn't",
                 "upcoming", "tentatively", "due", "scheduled", "expected", "slated", "planned", "next",
                 "supposed", "payable", "effective", "expect", "expects")
# Present tense in news announces what is scheduled: "the draw takes place Thursday".
_PRESENT_WORDS = ("is", "are", "begins", "starts", "opens", "resumes", "ends", "closes", "expires",
                  "meets", "convenes", "arrives", "returns", "stays", "remains", "continues", "lasts", "may",
                  "takes", "goes", "heads", "travels", "visits", "hosts", "faces", "plays", "leaves", "departs",
                  "launches", "holds", "votes", "decides", "hears", "kicks", "flies", "gets", "comes")
_PAST_WORDS = (
    "said", "told", "was", "were", "did", "since", "ago", "last", "began", "came", "went", "took",
    "gave", "got", "met", "made", "found", "held", "left", "lost", "won", "rose", "fell", "sold",
    "bought", "paid", "ran", "saw", "sent", "spent", "spoke", "struck", "thought", "wrote",
    "led", "brought", "kept", "knew", "became", "broke", "chose", "drew", "drove", "fought", "flew",
    "grew", "heard", "laid", "meant", "rode", "shot", "sank", "sat",
    "slid", "stole", "stood", "swore", "swept", "taught", "threw", "tore", "understood", "woke",
    "wore", "withdrew", "sought", "caught", "felt", "fled", "forgot", "froze", "hung", "overtook",
    "rang", "shook", "slept", "spun", "stuck", "swam", "wasn't", "weren't", "didn't",
)
_PLAN_WORDS = ("going", "set", "plans", "plan", "aims", "intends", "expects", "wants", "hopes", "agreed",
               "promised", "vowed", "threatened", "is", "are", "was", "were", "due", "scheduled", "expected",
               "supposed", "likely", "ready", "able", "trying", "seeking", "preparing", "poised")
# Before a participle these make it an adjective ("a still unspecified date"), not a verb.
_ADJECTIVE_MARKERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "still",
                                "newly", "recently", "previously", "jointly", "fully", "partly", "widely",
                                "closely", "highly", "much", "well", "so", "long", "once", "most", "more"})
# Before a participle these make it a state ("will stay closed"), not a past event.
_AUXILIARIES = frozenset({"be", "been", "being", "stay", "stays", "remain", "remains", "become", "becomes",
                          "get", "gets", "seem", "seems", "keep", "keeps"})
_TENSE_WORDS: dict[str, _Cue] = {
    **{word: _Cue.PRESENT for word in _PRESENT_WORDS},
    **{word: _Cue.PAST for word in _PAST_WORDS},
    **{word: _Cue.FUTURE for word in _FUTURE_WORDS},
    "be": _Cue.PASSIVE, "been": _Cue.PASSIVE, "being": _Cue.PASSIVE, "had": _Cue.PAST,
}
_NOT_PAST_TENSE = frozenset({"hundred", "indeed", "speed", "breed", "proceed", "exceed", "succeed"})
_TENSE_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_CLAUSE_START = re.compile(r"[.!?;]['\"’”)]*\s|\n\s*\n")
# ", which aides prepared for months," says nothing of the tense of the clause around it.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose|where|when)\b[^,]*,")
_TENSE_LEFT = 90
_CLAUSE_OPENING_WORDS = 2
_TENSE_RIGHT = 100


# Only these words can mark a tense, so only they are looked at closely.
_CUE_WORDS = frozenset((*_TENSE_WORDS, "to"))


def _may_cue(word: str) -> bool:
    low = word.lower()
    return low in _CUE_WORDS or low.endswith(("ed", "'ll"))


def _cue(word: str, before: list[str]) -> _Cue | None:
    """The tense `word` marks, given the (lower-case) words just before it, nearest last."""
    low = word.lower()
    previous = before[-1] if before else ""
    if low == "to":
        if previous not in _PLAN_WORDS:
            return None
        return _Cue.PAST if _after_had(before[:-1]) else _Cue.FUTURE
    if low == "may" and word != "may":
        return None
    cue = _TENSE_WORDS.get(low)
    if low.endswith("'ll"):
        cue = _Cue.FUTURE
    elif cue is None and low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST_TENSE:
        cue = _Cue.PAST
    if cue is _Cue.PAST and previous in _AUXILIARIES:
        return _Cue.PASSIVE
    if low.endswith("ed") and cue in (_Cue.PAST, _Cue.FUTURE):
        if previous in _AUXILIARIES:
            return _Cue.PASSIVE
        if previous in _ADJECTIVE_MARKERS:
            return None
    if cue is _Cue.FUTURE and _after_had(before):
        return _Cue.PAST
    return cue


def _after_had(before: list[str]) -> bool:
    """"had been due to", "had planned to": a plan in the past perfect is over."""
    return before[-1:] == ["had"] or before[-2:] == ["had", "been"]


def _tense(prose: str, start: int, end: int) -> Direction | None:
    """FUTURE or PAST from the verb nearest the date in its clause, or None without a cue.

    The words before the date decide. Only a date that opens its clause ("On Friday, the
    board will vote") takes its tense from the verb after it: inside a noun phrase ("the
    July figures will be published") that verb is not the date's, unless it follows the
    date at once ("the quarter ended Sept. 30").
    """
    left_start = max(0, start - _TENSE_LEFT)
    for boundary in _CLAUSE_START.finditer(prose, left_start, start):
        left_start = boundary.end()
    words = _TENSE_TOKEN.findall(prose, left_start, start)
    for index in range(len(words) - 1, -1, -1):
        if _may_cue(words[index]):
            cue = _cue(words[index], [w.lower() for w in words[max(0, index - 3):index]])
            if cue in (_Cue.FUTURE, _Cue.PRESENT):
                return Direction.FUTURE
            if cue is _Cue.PAST:
                return Direction.PAST
    opens_clause = len(words) <= _CLAUSE_OPENING_WORDS
    right_end = min(len(prose), end + _TENSE_RIGHT)
    stop = _CLAUSE_START.search(prose, end, right_end)
    after = _TENSE_TOKEN.findall(_RELATIVE_CLAUSE.sub(",", prose[end:stop.start() if stop else right_end]))
    for index, word in enumerate(after if opens_clause else after[:1]):
        if _may_cue(word):
            cue = _cue(word, [w.lower() for w in after[max(0, index - 3):index]])
            if cue is _Cue.FUTURE:
                return Direction.FUTURE
            if cue is _Cue.PAST:
                return Direction.PAST
    return None


def _direction(reader: _Reader, match: re.Match[str], default: Direction) -> Direction:
    return _tense(reader.prose, match.start(), match.end()) or default


# --- small helpers ---------------------------------------------------------------------

_WORD_AFTER = re.compile(r"\s*([\w'%]+)")


def _word_before(prose: str, start: int) -> str:
    """The word just before `start` (past spaces and commas), with its dots and hyphens."""
    end = start
    while end > 0 and prose[end - 1] in " ,\t\r\n":
        end -= 1
    begin = end
    while begin > 0 and end - begin < 24 and (prose[begin - 1].isalnum() or prose[begin - 1] in ".'-’"):
        begin -= 1
    return prose[begin:end].lstrip(".'-’")


def _word_after(prose: str, end: int) -> str:
    found = _WORD_AFTER.match(prose, end)
    return found.group(1) if found else ""


def _words(text: str) -> str:
    """Lower-case with single spaces, for table look-ups of multi-word phrases."""
    return " ".join(text.lower().split())


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def _day_number(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _number(text: str) -> int | None:
    key = _words(text)
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    return int(key) if key.isdigit() else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _relative(reader: _Reader, build: Callable[[dt.date], Period | None]) -> Reading:
    """A period that needs the reference date: unresolved without one, or when it would
    fall off the calendar (a reference date in year 1 or 9999)."""
    if reader.reference is None:
        return Unresolved.NO_ANCHOR
    try:
        found = build(reader.reference)
    except (OverflowError, ValueError):
        found = None
    return found.anchor() if found is not None else Unresolved.NO_ANCHOR


def _named_occurrence(reader: _Reader, build: Callable[[int], Period], direction: Callable[[], Direction]) -> Reading:
    """Which yearly occurrence of "May", "the third quarter" or "Christmas" is meant.

    `direction` is only worked out with a reference date: without one there is no value.
    """
    return _relative(reader, lambda ref: cal.occurrence(cal.yearly(build, ref), ref, direction()))


def _two_digit_year(short: int, reference: dt.date | None) -> int:
    """'98 is 1998 and '23 is 2023: the century that puts it at most 20 years ahead."""
    now = reference.year if reference else 2000
    full = now - now % 100 + short
    return full - 100 if full > now + 20 else full


# --- family readers ----------------------------------------------------------------------


def _read_iso(match: re.Match[str], reader: _Reader) -> Reading:
    date = _safe_date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    return cal.day(date) if date else None


def _read_numeric(match: re.Match[str], reader: _Reader) -> Reading:
    year_text = match["num_y"]
    if len(year_text) == 2 and match["num_sep"] != "/":
        return None
    year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text), reader.reference)
    first, second = int(match["num_a"]), int(match["num_b"])
    # Dotted dates ("01.03.2023") are written day first wherever they are used.
    day_first = reader.day_first or match["num_sep"] == "."
    month, day = (second, first) if day_first else (first, second)
    date = _safe_date(year, month, day) or _safe_date(year, day, month)
    return cal.day(date) if date else None


def _read_day_of_month(match: re.Match[str], reader: _Reader, month_text: str, day_text: str, year_text: str | None) -> Reading:
    month, day = _month_number(month_text), _day_number(day_text)
    if year_text:
        date = _safe_date(int(year_text), month, day)
        return cal.day(date) if date else Unresolved.IMPOSSIBLE
    if _safe_date(2000, month, day) is None:
        return Unresolved.IMPOSSIBLE
    return _relative(reader, lambda ref: _nearest_day(ref, month, day, _tense_of(reader, match)))


def _tense_of(reader: _Reader, match: re.Match[str]) -> Callable[[], Direction | None]:
    """The tense of the match's clause, worked out only if asked for."""
    return lambda: _tense(reader.prose, match.start(), match.end())


def _nearest_day(reference: dt.date, month: int, day: int, tense: Callable[[], Direction | None]) -> Period | None:
    """A day named without its year ("Dec. 1"): see `_nearest`."""
    return _nearest(cal.yearly(lambda y: cal.day(dt.date(y, month, day)), reference), reference, tense)


def _nearest(
    candidates: list[Period], reference: dt.date, tense: Callable[[], Direction | None]
) -> Period | None:
    """Which year's "Dec. 1" or "May" a sentence means.

    The one the tense points to, if within ten months ("said ... Dec. 1" in November is
    mostly about the coming 1 December, not last year's); without a cue, the latest one
    begun, unless the next begins within three months: news looks back more than ahead.
    The tense is only worked out when it could change the answer.
    """
    latest = cal.occurrence(candidates, reference, Direction.PAST)
    upcoming = cal.occurrence(candidates, reference, Direction.NEXT)
    default = upcoming if upcoming is not None and (latest is None or (upcoming.start - reference).days <= _AHEAD_DAYS) else latest
    if_past = latest if _within_reach(latest, reference) else default
    future = cal.occurrence(candidates, reference, Direction.FUTURE)
    if_future = future if _within_reach(future, reference) else default
    if if_past == default == if_future:
        return default
    cue = tense()
    return if_past if cue is Direction.PAST else if_future if cue is Direction.FUTURE else default


def _within_reach(period: Period | None, reference: dt.date) -> bool:
    return period is not None and min(abs((period.start - reference).days), abs((period.end - reference).days)) <= _CUE_REACH_DAYS


def _read_month_day(match: re.Match[str], reader: _Reader) -> Reading:
    return _read_day_of_month(match, reader, match["md_month"], match["md_day"], match["md_year"])


def _read_day_month(match: re.Match[str], reader: _Reader) -> Reading:
    return _read_day_of_month(match, reader, match["dm_month"], match["dm_day"], match["dm_year"])


def _read_ago(match: re.Match[str], reader: _Reader) -> Reading:
    """"two weeks ago", "a year earlier", "year-earlier": counted from the reference date or focus."""
    if match["adj_unit"]:
        unit, count, way = match["adj_unit"].lower(), 1, _words(match["adj_dir"])
    else:
        unit, count, way = UNITS[match["ago_unit"].lower()], _number(match["ago_n"]), _words(match["ago_dir"])
        if count is None or (count == 1) == match["ago_unit"].lower().endswith("s") or unit == "weekend":
            return None
    grain = _UNIT_GRAIN[unit]
    step = _BACKWARD[way] * count
    if unit == "year" and step == -1:
        # In a results story "a year earlier" is the year-ago quarter.
        quarter_focus = reader.focus.reported_quarter(match.start())
        if quarter_focus is not None:
            return cal.shift(quarter_focus, Grain.YEAR, -1)
    elif way not in _FROM_REFERENCE:
        focus = reader.focus.get(match.start(), tuple(g for g in Grain if g <= grain and g is not Grain.WEEKEND))
        if focus is not None:
            return cal.shift(focus, grain, step)
        if step > 0:
            return None
    return _relative(reader, lambda ref: _shifted_reference(ref, grain, step))


def _shifted_reference(reference: dt.date, grain: Grain, step: int) -> Period | None:
    return cal.shift(cal.period_of(grain, reference), grain, step)


def _read_quarter(match: re.Match[str], reader: _Reader) -> Reading:
    """"the third quarter", "first-half", "this year's fourth quarter", "the year-ago period"."""
    unit = match["q_unit"].lower()
    article = (match["q_article"] or "").lower()
    prefix = _words(match["q_pre"])
    ordinal_word = match["q_ord"].lower() if match["q_ord"] else None
    ordinal = ORDINALS.get(ordinal_word) if ordinal_word else None
    if unit == "half" and ordinal_word is not None:
        ordinal = 2 if ordinal_word in ("final", "last") else ordinal
        if ordinal is None or ordinal > 2:
            return None
    if ordinal is None and (unit == "half" or article == "a" or not (article or prefix)):
        return None
    if match.start() and reader.prose[match.start() - 1] == "-":
        return None
    explicit_year = _quarter_year(match, prefix)
    year_step = _quarter_year_step(match, prefix)
    if _word_after(reader.prose, match.end()).lower() == "of" and explicit_year is None and year_step is None:
        if _word_after(reader.prose, match.end() + 3).lower() in _DETERMINERS:
            return None
    back_a_year = bool(match["q_back"]) or any(words in prefix for words in _QUARTER_BACK_YEAR)
    if ordinal is None:
        return _quarter_in_focus(match, reader, unit, article, prefix, explicit_year, year_step, back_a_year)
    build = cal.quarter if unit != "half" else cal.half
    if explicit_year is not None:
        found: Reading = build(explicit_year, ordinal)
    elif year_step is not None:
        found = _relative(reader, lambda ref: build(ref.year + year_step, ordinal))
    else:
        # Results are reported after a quarter ends: "expects to report third-quarter
        # earnings" in October is the third quarter just ended, so no cue means the nearest.
        found = _relative(reader, lambda ref: _quarter_named(ref, build, ordinal, _tense_of(reader, match)))
    if not isinstance(found, Period):
        return found
    if back_a_year:
        return cal.shift(found, Grain.YEAR, -1)
    reader.focus.note(match.start(), found)
    return found


def _quarter_named(
    reference: dt.date, build: Callable[[int, int], Period], ordinal: int, tense: Callable[[], Direction | None]
) -> Period | None:
    """Results are reported after a quarter ends: "expects to report third-quarter earnings"
    in October is the third quarter just ended, so without a past tense, the nearest one."""
    candidates = cal.yearly(lambda y: build(y, ordinal), reference)
    nearest = cal.occurrence(candidates, reference, Direction.NEAREST)
    latest = cal.occurrence(candidates, reference, Direction.PAST)
    if nearest == latest or tense() is not Direction.PAST:
        return nearest
    return latest


def _quarter_year(match: re.Match[str], prefix: str) -> int | None:
    written = match["q_year"] or match["q_year2"]
    if written:
        return int(written)
    digits = re.search(r"\b(\d{4})\b", prefix)
    return int(digits.group(1)) if digits else None


def _quarter_year_step(match: re.Match[str], prefix: str) -> int | None:
    relative = match["q_of_rel"] or match["q_rel"]
    if relative:
        return _RELATIVE_YEAR[relative.lower()]
    for words, step in (("this year's", 0), ("last year's", -1), ("next year's", 1)):
        if words in prefix:
            return step
    return None


def _quarter_in_focus(
    match: re.Match[str], reader: _Reader, unit: str, article: str, prefix: str,
    explicit_year: int | None, year_step: int | None, back_a_year: bool,
) -> Reading:
    """"the quarter", "the latest period", "the year-ago quarter": the quarter the story is about."""
    modifiers = set(prefix.replace("-", " ").split())
    if unit == "period" and not (modifiers - {"fiscal", "calendar", "financial"}) and explicit_year is None and year_step is None:
        return None
    focus = reader.focus.reported_quarter(match.start())
    if "current" in modifiers or (article == "this" and not modifiers and focus is None):
        return _relative(reader, lambda ref: cal.period_of(Grain.QUARTER, ref))
    if focus is None:
        if article == "that" or reader.reference is None:
            return Unresolved.NO_ANCHOR
        focus = cal.shift(cal.period_of(Grain.QUARTER, reader.reference), Grain.QUARTER, -1)
        if focus is None:
            return None
        focus = focus.anchor()
    if modifiers & {"previous", "prior"}:
        return cal.shift(focus, Grain.QUARTER if focus.grain is Grain.QUARTER else Grain.HALF, -1)
    if explicit_year is not None:
        return cal.shift(focus, Grain.YEAR, explicit_year - focus.start.year)
    if back_a_year or year_step == -1:
        return cal.shift(focus, Grain.YEAR, -1)
    return focus


def _read_quarter_code(match: re.Match[str], reader: _Reader) -> Reading:
    kind = match["qc_kind"] or match["qc_kind2"]
    number = int(match["qc_n"] or match["qc_n2"])
    if kind == "H" and number > 2:
        return None
    build = cal.quarter if kind == "Q" else cal.half
    year_text = match["qc_year"]
    if year_text:
        year = int(year_text) if len(year_text) == 4 else _two_digit_year(int(year_text), reader.reference)
        return build(year, number)
    return _named_occurrence(reader, lambda y: build(y, number), functools.partial(_direction, reader, match, Direction.PAST))


def _read_decade(match: re.Match[str], reader: _Reader) -> Reading:
    if match["dec_year"]:
        first = int(match["dec_year"])
        return cal.century(first) if first % 100 == 0 and first < 2000 else cal.decade(first)
    if match["cen_n"] or match["cen_word"]:
        number = int(match["cen_n"]) if match["cen_n"] else CENTURY_ORDINALS[_words(match["cen_word"])]
        return cal.century((number - 1) * 100) if 1 <= number <= 99 else None
    if match["dec_word"] and not match.group().lower().startswith("the"):
        return None
    tens = int(match["dec_short"]) if match["dec_short"] else DECADE_WORDS[match["dec_word"].lower()]
    now = reader.reference.year if reader.reference else 1999
    first = now - now % 100 + tens
    first = first - 100 if first > now else first
    return cal.decade(first) if cal.MIN_YEAR <= first <= cal.MAX_YEAR - 9 else None


def _read_relative(match: re.Match[str], reader: _Reader) -> Reading:
    if _is_title(reader.prose, match.start(), match.group()):
        return None
    if match["rel_fiscal"]:
        if _word_after(reader.prose, match.end()).lower() in _FISCAL_YEAR_END_WORDS:
            return None
        step = _FISCAL_YEAR_STEP[_words(match["rel_fiscal"])]
        return _relative(reader, lambda ref: cal.year(ref.year + step))
    if match["rel_mod"]:
        return _deictic_unit(match, reader, _words(match["rel_mod"]), match["rel_unit"].lower())
    if match["rel_unit2"]:
        grain = _UNIT_GRAIN[match["rel_unit2"].lower()]
        focus = reader.focus.get(match.start(), (Grain.DAY,)) if grain is Grain.DAY else None
        if focus is not None:
            return focus
        return _relative(reader, lambda ref: cal.period_of(grain, ref))
    if match["rel_the_year"]:
        return _the_year(match, reader)
    if match["rel_unit3"]:
        return _the_season_or_weekend(match, reader, match["rel_unit3"].lower())
    if match["rel_unit4"]:
        grain = _UNIT_GRAIN[match["rel_unit4"].lower()]
        if grain is Grain.YEAR and _words(match["rel_part2"]).split()[1] in ("end", "close", "turn"):
            return _year_end(match, reader)
        return _relative(reader, lambda ref: cal.period_of(grain, ref))
    return _year_end(match, reader)


def _the_year(match: re.Match[str], reader: _Reader) -> Reading:
    """"for the year", "the first nine months of the year": the reference date's year.

    Only after "for", or "of" after a part of a year; "man of the year" is no date.
    """
    before = _word_before(reader.prose, match.start()).lower()
    if before == "of":
        part = _word_before(reader.prose, match.start() - 3).lower()
        if part not in _PARTS_OF_A_YEAR:
            return None
    elif before != "for" or _word_after(reader.prose, match.end()).lower() in _FISCAL_YEAR_END_WORDS:
        return None
    return _relative(reader, lambda ref: cal.year(ref.year))


def _deictic_unit(match: re.Match[str], reader: _Reader, modifier: str, unit: str) -> Reading:
    """"last week", "this month", "next year", "this summer", "last weekend"."""
    if unit in SEASON_CODES:
        code = SEASON_CODES[unit]
        return _named_occurrence(reader, lambda y: cal.season(y, code), functools.partial(_this_direction, reader, match, modifier))
    grain = _UNIT_GRAIN[unit]
    step = _DEICTIC_STEP[modifier]
    if grain is Grain.WEEKEND:
        return _relative(reader, lambda ref: cal.weekend(ref + dt.timedelta(days=7 * step)))
    return _relative(reader, lambda ref: _shifted_reference(ref, grain, step))


def _this_direction(reader: _Reader, match: re.Match[str], modifier: str) -> Direction:
    """"last" and "next" say which; "this summer" follows the tense ("began this summer")."""
    direction = _DEICTIC_DIRECTION[modifier]
    if direction is Direction.CURRENT:
        return _tense(reader.prose, match.start(), match.end()) or direction
    return direction


def _the_season_or_weekend(match: re.Match[str], reader: _Reader, unit: str) -> Reading:
    """"(over) the weekend", "(in) the spring": only after a preposition, and tense decides which."""
    if _word_before(reader.prose, match.start()).lower() not in _SEASON_PREPOSITIONS:
        return None
    if unit == "fall" and _word_after(reader.prose, match.end()).lower() in _FALL_AS_A_NOUN_BEFORE:
        return None
    direction = functools.partial(_direction, reader, match, Direction.PAST)
    if unit == "weekend":
        return _relative(reader, lambda ref: _weekend_near(ref, direction()))
    code = SEASON_CODES[unit]
    return _named_occurrence(reader, lambda y: cal.season(y, code), direction)


def _weekend_near(reference: dt.date, direction: Direction) -> Period:
    this = cal.weekend(reference)
    if direction is Direction.FUTURE:
        return this if this.end >= reference else cal.weekend(reference + dt.timedelta(days=7))
    return this if this.start <= reference else cal.weekend(reference - dt.timedelta(days=7))


def _year_end(match: re.Match[str], reader: _Reader) -> Reading:
    """"by year-end" is this year; "since year-end" (past tense) the last one, unless it is December."""
    return _relative(reader, lambda ref: cal.year(ref.year - 1 if ref.month != 12 and _is_past(reader, match) else ref.year))


def _is_past(reader: _Reader, match: re.Match[str]) -> bool:
    return _tense(reader.prose, match.start(), match.end()) is Direction.PAST


def _read_anaphor(match: re.Match[str], reader: _Reader) -> Reading:
    """"the next day", "the week before", "that year": counted from the date in focus."""
    if match["an_pre"]:
        step, unit = _ANAPHOR_STEP[_words(match["an_pre"])], match["an_unit"].lower()
    elif match["an_unit2"]:
        step, unit = _ANAPHOR_STEP[match["an_dir"].lower()], match["an_unit2"].lower()
    else:
        step, unit = 0, match["an_unit3"].lower()
    grain = _UNIT_GRAIN[unit]
    focus = reader.focus.get(match.start(), tuple(g for g in Grain if g <= grain and g is not Grain.WEEKEND))
    if focus is None:
        return None
    return cal.shift(cal.period_of(grain, focus.start).anchor(focus.anchored), grain, step)


def _read_relative_day(match: re.Match[str], reader: _Reader) -> Reading:
    if _is_title(reader.prose, match.start(), match.group()):
        return None
    if _word_before(reader.prose, match.start()).lower() == "of" and match["rd_word"]:
        return None
    if match["rd_word"]:
        offset = RELATIVE_DAYS[match["rd_word"].lower()]
    elif match["rd_this"]:
        offset = -1 if match["rd_this"].lower() == "last" else 0
    else:
        offset = -2 if "before" in match["rd_two"].lower() else 2
    return _relative(reader, lambda ref: cal.day(ref + dt.timedelta(days=offset)))


def _read_weekday(match: re.Match[str], reader: _Reader) -> Reading:
    """"Tuesday", "last Friday", "early Monday morning", "the previous Friday"."""
    before = _word_before(reader.prose, match.start()).lower()
    if before in _NOT_A_WEEKDAY_BEFORE:
        return None
    weekday = WEEKDAYS[match["wd_name"].lower()]
    # "until Friday", "by Friday" with no verb to say otherwise is a deadline ahead.
    direction = Direction.FUTURE if before in _DEADLINE_WORDS else Direction.PAST
    if not match["wd_pre"] and _TENSE_WORDS.get(before) is _Cue.PAST:
        # "said Friday", the commonest date in news: the verb is right there.
        return _relative(reader, lambda ref: cal.day(cal.weekday_near(ref, weekday, Direction.PAST)))
    if match["wd_pre"]:
        prefix = f" {_words(match['wd_pre'])} "
        anaphoric = next((step for words, step in _WEEKDAY_ANAPHORS.items() if words in prefix), None)
        if anaphoric is not None:
            return _weekday_from_focus(match, reader, weekday, anaphoric)
        modifier = next((words for words in _WEEKDAY_MODIFIERS if f" {words} " in prefix), None)
        if modifier is not None:
            direction = _DEICTIC_DIRECTION[modifier]
            if direction is not Direction.CURRENT:
                return _relative(reader, lambda ref: cal.day(cal.weekday_near(ref, weekday, direction)))
            direction = Direction.FUTURE
    # The tense is worked out only with a reference date to count from.
    return _relative(reader, lambda ref: cal.day(cal.weekday_near(ref, weekday, _direction(reader, match, direction))))


def _weekday_from_focus(match: re.Match[str], reader: _Reader, weekday: int, step: int) -> Reading:
    """"the previous Friday": the Friday before the day the story last named."""
    focus = reader.focus.get(match.start(), (Grain.DAY,))
    if focus is None:
        return None
    direction = Direction.PREVIOUS if step < 0 else Direction.NEXT
    return cal.day(cal.weekday_near(focus.start, weekday, direction)).anchor(focus.anchored)


def _read_holiday(match: re.Match[str], reader: _Reader) -> Reading:
    month, day = HOLIDAYS[_words(match["hol_name"])]
    if match["hol_year"]:
        return cal.day(dt.date(int(match["hol_year"]), month, day))
    return _relative(reader, lambda ref: _nearest_day(ref, month, day, _tense_of(reader, match)))


def _read_month(match: re.Match[str], reader: _Reader) -> Reading:
    name = match["mo_name"]
    month = _month_number(name)
    if match["mo_year"]:
        return cal.month(int(match["mo_year"]), month)
    if match["mo_spelled"]:
        spelled = spelled_year(match["mo_spelled"])
        return cal.month(spelled, month) if spelled else None
    if name.lower().rstrip(".") in MONTH_ABBREVIATIONS:
        return None
    if match["mo_rel"]:
        step = _RELATIVE_YEAR[match["mo_rel"].lower()]
        return _relative(reader, lambda ref: cal.month(ref.year + step, month))
    if match["mo_mod"]:
        modifier = _words(match["mo_mod"])
        return _relative(reader, lambda ref: _month_named(ref, month, _this_direction(reader, match, modifier)))
    if not (match["mo_pos"] or _is_month_context(match, reader, name)):
        return None
    return _relative(reader, lambda ref: _nearest(cal.yearly(lambda y: cal.month(y, month), ref), ref, _tense_of(reader, match)))


def _month_named(reference: dt.date, month: int, direction: Direction) -> Period | None:
    """"last May", "next March": the month next to this one is "last month", so "last
    February" written in March is February a year ago."""
    candidates = cal.yearly(lambda y: cal.month(y, month), reference)
    if direction in (Direction.PREVIOUS, Direction.NEXT):
        this_month = cal.month(reference.year, reference.month)
        adjacent = {p.value for p in (cal.shift(this_month, Grain.MONTH, step) for step in (-1, 1)) if p}
        candidates = [c for c in candidates if c.value not in adjacent]
    return cal.occurrence(candidates, reference, direction)


def _is_month_context(match: re.Match[str], reader: _Reader, name: str) -> bool:
    """A bare month name is a date after "in", "since", "by" ...; otherwise it may be a name."""
    before = _word_before(reader.prose, match.start()).lower()
    if before in _NOT_A_WEEKDAY_BEFORE:
        return False
    if before in _TEMPORAL_PREPOSITIONS:
        return True
    following = _word_after(reader.prose, match.end())
    if before in _DETERMINERS and following[:1].islower():
        return True
    after = reader.prose[match.end():match.end() + 2]
    if after in ("'s", "’s"):
        return True
    if name.lower() in _NAME_LIKE_MONTHS:
        return False
    return not (following[:1].isupper() or before[:1].isupper())


def _read_season(match: re.Match[str], reader: _Reader) -> Reading:
    year = int(match["se_year"]) if match["se_year"] else spelled_year(match["se_spelled"])
    return cal.season(year, SEASON_CODES[match["se_name"].lower()]) if year else None


def _read_year(match: re.Match[str], reader: _Reader) -> Reading:
    """"2019", "fiscal 1998", "FY23", "mid-1996", "the end of 1990", "nineteen ninety-six"."""
    if match["yr_spelled"]:
        return _read_spelled_year(match, reader)
    if match["yr_short"]:
        return cal.year(_two_digit_year(int(match["yr_short"]), reader.reference))
    value = int(match["yr_value"])
    prefixed = bool(match["yr_fiscal"] or match["yr_fy"] or match["yr_pos"] or match["yr_part"])
    if prefixed or _is_year_context(match, reader, value):
        return cal.year(value)
    return None


def _read_spelled_year(match: re.Match[str], reader: _Reader) -> Reading:
    """Spelled years stand alone only from 1800 to 1999; "two thousand" needs "the year" before it."""
    value = spelled_year(match["yr_spelled"])
    if value is None or (value >= 2000 and not match["yr_the"]):
        return None
    if _word_after(reader.prose, match.end()).lower() in _COUNT_NOUNS:
        return None
    return cal.year(value)


def _is_year_context(match: re.Match[str], reader: _Reader, value: int) -> bool:
    """A bare four-digit number is a year unless it reads as an amount or an identifier."""
    prose = reader.prose
    start = match.start()
    if start and prose[start - 1] in "$£€¥#-/.":
        return False
    after = _word_after(prose, match.end()).lower()
    if after in _COUNT_NOUNS or prose[match.end():match.end() + 1] in ("%", "-"):
        return False
    if UNITS_AFTER.starting_at(prose, match.end()) is not None:  # "the 1520 sq m centre"
        return False
    before = _word_before(prose, start)
    before_key = before.lower().rstrip(".,")
    if before_key in _YEAR_QUALIFIERS or before_key in _IDENTIFIER_NOUNS:
        return False
    if (before_key in _TEMPORAL_PREPOSITIONS and before_key != "at") or before_key in _DETERMINERS or before_key.endswith(("'s", "’s")):
        return 1000 <= value <= 2199
    # A capitalised word just before reads as a name: "Windows 2000", "Vision 2030".
    return 1900 <= value <= 2099 and not before[:1].isupper()


_READERS: dict[str, Callable[[re.Match[str], _Reader], Reading]] = {
    "iso": _read_iso,
    "numeric": _read_numeric,
    "month_day": _read_month_day,
    "day_month": _read_day_month,
    "ago": _read_ago,
    "quarter": _read_quarter,
    "quarter_code": _read_quarter_code,
    "decade": _read_decade,
    "relative": _read_relative,
    "anaphor": _read_anaphor,
    "relative_day": _read_relative_day,
    "weekday": _read_weekday,
    "holiday": _read_holiday,
    "month": _read_month,
    "season": _read_season,
    "year": _read_year,
}
# Expressions that name their own period and so tell later ones what "a year earlier" means.
_SETS_FOCUS = frozenset({"iso", "numeric", "month_day", "day_month", "quarter_code", "relative",
                         "relative_day", "weekday", "holiday", "month", "season", "year"})
# "a third-quarter loss", "its fourth quarter": the article is not part of the date.
_ADJECTIVE_ARTICLES = frozenset({"a", "its", "their"})
_SINCE = re.compile(r"(?:\b[Ss]ince|\bSINCE)\s+\Z")
_SINCE_REACH = 8  # how far left of its expression a "since" is looked for


def _span(prose: str, match: re.Match[str]) -> tuple[int, int]:
    """The expression's span: "since" kept ("since Thursday"), a possessive "'s" dropped."""
    start, end = match.span()
    # Looked at in place, not sliced out: this runs for every date.
    if prose.startswith(("'s", "’s"), max(start, end - 2), end):
        end -= 2
    if match.lastgroup == "quarter" and (match["q_article"] or "").lower() in _ADJECTIVE_ARTICLES:
        start = match.start("q_pre")
    if prose.find("nce", max(0, start - 4), start) >= 0:
        since = _SINCE.search(prose, max(0, start - _SINCE_REACH), start)
        if since is not None:
            start = since.start()
    return start, end


def _is_title(prose: str, start: int, text: str) -> bool:
    """"This Week", "USA Today": a name of a show or paper, not a date.

    A phrase in Title Case is a name; one capitalised word is a name only inside a sentence.
    """
    words = text.split()
    if text.isupper() or not words[0][:1].isupper():
        return False
    if len(words) > 1:
        return all(word[:1].isupper() for word in words)
    before = prose[max(0, start - 3):start].rstrip()
    return bool(before) and before[-1] not in ".!?\"'`“‘(:\n—-_"


_NO_VALUE = DateValue(None, None, None, False)


@functools.lru_cache(maxsize=4096)
def _date_value(found: Period) -> DateValue:
    return DateValue(found.value, found.start, found.end, found.anchored)


def find_dates(prose: str, reference_date: dt.date | None, *, day_first: bool = False, paragraphs: Sequence[Span] | None = None) -> list[Mention]:
    """Every calendar reference in `prose`, resolved against `reference_date` where relative.

    No date reads across paragraphs; pass `paragraphs` (`segment(prose).paragraphs`) when
    you have them, and they are not found again.
    """
    return list(_mentions(prose, reference_date, day_first, paragraphs, None))


def _mentions(prose: str, reference_date: dt.date | None, day_first: bool, paragraphs: Sequence[Span] | None,
              until: int | None) -> Iterator[Mention]:
    """The mentions of `find_dates`, one at a time; with `until`, each that starts by
    `until` (and maybe a few after it), no longer scanning the rest of the text."""
    reader = _Reader(prose, reference_date, day_first, _Focus(reference_date))

    def interpret(match: re.Match[str]) -> Mention | None:
        family = match.lastgroup or ""
        try:
            found = _READERS[family](match, reader)
        except (ValueError, OverflowError):
            # Only dates outside years 1 to 9999 get here ("FY23" against a reference date
            # in year 1): no calendar date, so no date claim.
            return None
        if found is None:
            return None
        if isinstance(found, Period) and family in _SETS_FOCUS:
            reader.focus.note(match.start(), found)
        start, end = _span(prose, match)
        return Mention(Kind.DATE, start, end, date=_NO_VALUE if isinstance(found, Unresolved) else _date_value(found))

    # An expression starts at most this far left of its anchor.
    last_anchor = None if until is None else until + LOOK_BEHIND_CHARS + _SINCE_REACH
    return scan(prose, interpret, paragraphs, last_anchor)


# --- the story's own date ------------------------------------------------------------------

_TOP_CHARS = 600
_TOP_LINES = 8
# A line is little but its date when at most this much of the rest is left, stripped of these.
_AROUND_CHARS = 40
_AROUND_STRIP = " \t-–—|,:()"
_DIGIT = re.compile(r"\d")
_DATELINE_CUE = re.compile(r"\b(?:published|updated|posted|date|dated|first published|last updated)\b", re.IGNORECASE)
# "WASHINGTON, " or "Paris, France (Wire) - " before the date of a dateline.
_DATELINE_OPENING = re.compile(
    r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?,?\s*"
    r"(?:\([^)]{1,30}\)\s*)?[-–—_:]?\s*"
)
# "\b(?:1[89]|20)\d\d\b", with the boundary tested after the first digit: a pattern that
# starts with a digit lets the regex engine skip ahead in C through the whole story.
_YEAR_IN_TEXT = re.compile(r"(?:1(?<!\w1)[89]|2(?<!\w2)0)\d\d\b")


def find_reference_date(prose: str, body_start: int = 0) -> dt.date | None:
    """The date of a dateline near the top of the story, if there is one.

    A dateline is a short line that is mostly a date ("March 01, 2023", "Published:
    2023-03-01"), or a "CITY, March 1 (Agency) -" opening. A dateline without a year
    takes the year the rest of the story names most often.
    """
    top = prose[body_start:body_start + _TOP_CHARS]
    lines = [line for line in top.splitlines() if line.strip()][:_TOP_LINES]
    offset = body_start
    for line in lines:
        line_start = prose.find(line, offset)
        offset = line_start + len(line)
        if _DIGIT.search(line) is None:
            continue  # both kinds of dateline hold a digit: a day's date has its year, "March 1" its day
        found = _dateline_date(prose, line_start, line)
        if found is not None:
            return found
    return None


def _dateline_date(prose: str, line_start: int, line: str) -> dt.date | None:
    for mention in _mentions(line, None, False, None, _dateline_reach(line)):
        date = mention.date
        if date is None:
            continue
        is_day = bool(date.value) and len(date.value) == 10
        opening = _DATELINE_OPENING.fullmatch(line[:mention.start]) is not None
        if is_day and (opening or _is_dateline_line(line, mention)):
            return date.start
        if date.value is None and opening and _is_month_day(line[mention.start:mention.end]):
            return _dateline_without_year(prose, line[mention.start:mention.end])
    return None


def _dateline_reach(line: str) -> int:
    """How far into `line` a dateline's date can start: after a "CITY, " opening, or after
    at most `_AROUND_CHARS` characters of the rest of the line unless a cue comes first.
    Most lines near the top are the story's first paragraphs, and only their start is read.
    """
    if _may_hold_cue(line) and _DATELINE_CUE.search(line) is not None:
        return len(line)
    # The text before the date is part of what surrounds it: its stripped length is at most
    # that of the surroundings, and it grows with the date's start.
    reach = len(line) - len(line.lstrip(_AROUND_STRIP)) + _AROUND_CHARS
    while reach < len(line) and line[reach] in _AROUND_STRIP:
        reach += 1
    # The match is greedy, and each of its parts can be left empty: no shorter choice
    # of any part lets a fuller match reach further.
    opening = _DATELINE_OPENING.match(line)
    return max(reach, opening.end()) if opening is not None else reach


def _may_hold_cue(line: str) -> bool:
    """Whether `line` may hold a `_DATELINE_CUE`: much cheaper than the search, which
    tries its word boundary at every character. `fold_case` reads every character the
    search takes for a letter as that letter."""
    folded = fold_case(line)
    return "publ" in folded or "date" in folded or "posted" in folded


def _is_dateline_line(line: str, mention: Mention) -> bool:
    """A line that is little but the date, or a "Published:" / "Updated" line."""
    around = (line[:mention.start] + line[mention.end:]).strip(_AROUND_STRIP)
    return len(around) <= _AROUND_CHARS or _DATELINE_CUE.search(line[:mention.start]) is not None


def _is_month_day(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _dateline_without_year(prose: str, text: str) -> dt.date | None:
    """A "March 1" dateline: the year the story mentions most (the latest on a tie)."""
    counts: dict[int, int] = {}
    for found in _YEAR_IN_TEXT.finditer(prose):
        year = int(found.group())
        counts[year] = counts.get(year, 0) + 1
    if not counts:
        return None
    year = max(counts, key=lambda y: (counts[y], y))
    resolved = find_dates(text, dt.date(year, 7, 1))
    if resolved and resolved[0].date and resolved[0].date.value and len(resolved[0].date.value) == 10:
        day_text = resolved[0].date.start
        return _safe_date(year, day_text.month, day_text.day)
    return None


@functools.lru_cache(maxsize=1024)
def parse_date_string(value: str) -> dt.date | None:
    """A date written in any common form (front matter, metadata), or None.

    ISO dates are read directly; anything else goes to dateparser (English only),
    imported here because it takes a while to load and most runs never need it.
    """
    text = value.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", text)
    if iso:
        return _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed else None
