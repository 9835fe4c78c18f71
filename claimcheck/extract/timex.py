"""The grammar of date expressions in news text, as compiled patterns, and the scan.

Finding dates takes two cheap passes and a few precise matches. The anchor scan finds
the words and digit shapes every date expression holds ("Friday", "March", "year",
"1998"). Most expressions begin before their anchor ("the third quarter", "two weeks
ago", "early next year"), so for each anchor the grammar is matched at the run of
expression words just before it, leftmost first. The grammar is a list of families (one
pattern each, one named group per family); only the families the first word can begin,
and that can hold the anchor, are tried. Words are matched lower-case, Capitalised or
UPPER-CASE (never by IGNORECASE, which is several times slower); month and weekday names
only capitalised, so "may" and "march" stay verbs.

Every pattern is linear: no nested quantifiers over the same characters.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from ..model import Span
from ..segment.paragraphs import find_paragraphs

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
WEEKDAY_ABBREVIATIONS = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
TIMES_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight")
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a couple of": 2, "a dozen": 12, "half a dozen": 6,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4,
}
DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
CENTURY_ORDINALS = {
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}
# Holidays on the same day every year, and only those whose name is not shared by
# several countries' different days ("Independence Day" is not here).
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "valentine's day": (2, 14), "halloween": (10, 31), "boxing day": (12, 26),
    "the fourth of july": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4),
    "bastille day": (7, 14), "guy fawkes night": (11, 5), "st. patrick's day": (3, 17),
}
# Units of "two weeks ago" and "the following day", as written, to their singular.
UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade", "quarter": "quarter",
    "quarters": "quarter", "century": "century", "centuries": "century", "weekend": "weekend",
}


def variants(words: Iterable[str], *, lower: bool = True, shared: bool = True) -> str:
    """An alternation of `words` in the cases news text writes them, as a prefix tree, in
    one non-capturing group.

    A tree ("Jan(?:uary)?") lets the regex engine reject a position on its first letter
    instead of trying every word. Spaces inside a phrase match any run of white space.
    `lower=False` leaves out the all-lower-case form (month and weekday names);
    `shared=False` keeps one branch per first character (see `_shared_tails`).
    """
    return _variants(tuple(words), lower, shared)


@functools.lru_cache(maxsize=None)
def _variants(words: tuple[str, ...], lower: bool, shared: bool) -> str:
    forms = _forms(words, lower)
    tails_of = _shared_tails(words) if lower and shared else {}
    for letter, tails in tails_of.items():
        forms -= {first + tail for tail in tails for first in (letter, letter.upper())}
    merged = [f"[{letter.upper()}{letter}]{_tree_pattern(sorted(tails))}" for letter, tails in sorted(tails_of.items())]
    # One flat alternation, each group written once: the regex parser's cost grows with both.
    return "(?:" + "|".join([*merged, *_tree_branches(sorted(forms))]) + ")"


def _forms(words: Iterable[str], lower: bool) -> set[str]:
    """Each of `words` lower-case (unless `lower` is false), Capitalised, in Title Case and UPPER-CASE."""
    forms: set[str] = set()
    for word in words:
        if lower:
            forms.add(word)
        forms.add(word[:1].upper() + word[1:])
        forms.add(_title(word))
        forms.add(word.upper())
    return forms


def _shared_tails(words: tuple[str, ...]) -> dict[str, set[str]]:
    """The tails of the words whose lower-case and Capitalised forms can share one branch
    ("[Tt]he"), by first letter: the family patterns are an eighth shorter and compile that
    much faster, but a search through a whole text runs slower, as a branch can no longer
    be picked by its first character alone.

    A letter qualifies only if all its words do: a single word (its Title Case is its
    Capitalised form) with a lower-case letter in its tail. Such a tail can be no prefix of
    an UPPER-CASE one, so trying the shared branch first keeps the longest-first order.
    """
    by_letter: dict[str, list[str]] = {}
    for word in words:
        by_letter.setdefault(word[:1].lower(), []).append(word)
    return {
        letter: {word[1:] for word in group}
        for letter, group in by_letter.items()
        if all(
            word[:1].islower() and _title(word) == word[:1].upper() + word[1:] and word[1:] != word[1:].upper()
            for word in group
        )
    }


_SMALL_WORDS = frozenset({"of", "the", "and", "a"})


def _title(phrase: str) -> str:
    """Headline case: "Fourth of July", "New Year's Day"."""
    if " " not in phrase:  # one word, as most are: its Capitalised form, without a split and a join
        return phrase[:1].upper() + phrase[1:]
    parts = phrase.split(" ")
    return " ".join(
        part if index and part in _SMALL_WORDS else part[:1].upper() + part[1:] for index, part in enumerate(parts)
    )


# re.escape of each ASCII character (it leaves all others alone), and a space to any run
# of white space.
_ESCAPES = str.maketrans({chr(code): re.escape(chr(code)) for code in range(128)} | {" ": r"\s+"})


def _tree_pattern(forms: list[str]) -> str:
    """The prefix tree of `forms` (sorted, distinct) as a pattern.

    Works on the sorted list, branching only where forms part: a branch holding one form
    is that form's escaped tail, so start-up does not walk the tree a character at a time.
    """
    ends_here = forms[0] == ""
    branches = _tree_branches(forms[1:] if ends_here else forms)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Longer words first: an optional tail is tried before stopping here.
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def _tree_branches(forms: list[str]) -> list[str]:
    """The alternatives of `_tree_pattern` for `forms` (sorted, distinct, none empty), one per first character."""
    branches = []
    for first, group in itertools.groupby(forms, key=operator.itemgetter(0)):
        tails = [form[1:] for form in group]
        if len(tails) == 1:
            branches.append((first + tails[0]).translate(_ESCAPES))
        else:
            branches.append(first.translate(_ESCAPES) + _tree_pattern(tails))
    return branches


def _abbreviated(words: Iterable[str]) -> str:
    """Abbreviations with their period, or without one before a word boundary ("Aug. 7", "Aug 7")."""
    return rf"{variants(words, lower=False)}(?:\.|\b)"


_MONTH_NAME = rf"{variants(MONTHS, lower=False)}\b"
_MONTH = rf"(?:{_MONTH_NAME}|{_abbreviated(MONTH_ABBREVIATIONS)})"
_WEEKDAY_NAME = rf"{variants(WEEKDAYS, lower=False)}\b"
_WEEKDAY = rf"(?:{_WEEKDAY_NAME}|{_abbreviated(WEEKDAY_ABBREVIATIONS)})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[.:/]\d)"
# "March 1-3, 2023", "12-14 November": the range is one expression, dated by its first day.
_DAY_RANGE_END = r"\s*[-–]\s*(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[.:/]\d)"
_YEAR = r"(?:1\d|20|21)\d\d(?![\d%]|,\d|\.\d|-\d\d\d)"
_SPACE = r"\s+"
_NEVER = r"(?!)"
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
# Years as broadcast transcripts write them: "nineteen ninety-six", "two thousand and one".
_SPELLED_YEAR = (
    rf"{variants(('eighteen', 'nineteen'))}[-\s]+(?:{variants(_TENS)}(?:[-\s]{variants(_UNITS_WORDS)})?|{variants(_TEENS)}|(?:oh|Oh|OH)[-\s]{variants(_UNITS_WORDS)})\b"
)
_SPELLED_2000S = (
    rf"{variants(('two thousand',))}(?:[-\s]+(?:{variants(('and',))}\s+)?(?:{variants(_TEENS)}|{variants(_UNITS_WORDS)}|{variants(_TENS)}(?:[-\s]{variants(_UNITS_WORDS)})?))?\b"
)
_CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)|noon|midnight)"
    r"(?:\s+[A-Z]{2,4}T?\b)?"
)


def _w(*words: str, lower: bool = True) -> str:
    return variants(words, lower=lower)


_TIME_OF_DAY = _w(*TIMES_OF_DAY)
_POSITION = _w("early", "late", "mid", "earlier", "later")
_PERIOD_PART = rf"{_w('the')}{_SPACE}{_w('end', 'beginning', 'start', 'middle', 'close', 'turn', 'first days', 'last days')}{_SPACE}{_w('of')}{_SPACE}"
_DEICTIC = _w("last", "next", "this", "this past", "this coming", "the current")
# "before" and "after" end a date phrase only when nothing follows them ("a day before.").
_END_OF_PHRASE = r"\s*(?:[.,;:!?)\"'”’]|$)"
_ANAPHORIC = _w("the previous", "the preceding", "the following", "the next", "that")
_NUMBER = rf"(?:{variants(NUMBER_WORDS)}|\d{{1,3}}(?![\d,.]))"

_ISO = r"(?P<iso>\b(?P<iso_y>\d{4})(?P<iso_sep>[-/])(?P<iso_m>[01]\d)(?P=iso_sep)(?P<iso_d>[0-3]\d)(?![\d/-]|\.\d))"
_NUMERIC = (
    r"(?P<numeric>\b(?P<num_a>[0-3]?\d)(?P<num_sep>[/.-])(?P<num_b>[0-3]?\d)(?P=num_sep)"
    r"(?P<num_y>\d{4}|\d\d)(?![/.-]?\d))"
)
_MONTH_DAY = (
    rf"(?P<month_day>(?:(?P<md_wd>{_WEEKDAY}),?{_SPACE})?(?:{_w('the')}{_SPACE})?(?P<md_month>{_MONTH})\s*"
    rf"(?P<md_day>{_DAY})(?:{_DAY_RANGE_END})?(?:(?:,\s*|{_SPACE})(?P<md_year>{_YEAR})\b)?)"
)
_DAY_MONTH = (
    rf"(?P<day_month>(?:(?P<dm_wd>{_WEEKDAY}),?{_SPACE})?(?:{_w('the')}{_SPACE})?(?P<dm_day>{_DAY})(?:{_DAY_RANGE_END})?{_SPACE}"
    rf"(?:{_w('of')}{_SPACE})?(?P<dm_month>{_MONTH})(?:,?{_SPACE}(?P<dm_year>{_YEAR})\b)?)"
)
# A quarter's unit words and an "ago" expression's direction words, shared by the grammar,
# the families' trigger words and the test of what a unit anchor can open (`_unit_families`).
_QUARTER_UNITS = ("quarter", "half", "period")
_AGO_DIRECTIONS = ("ago", "earlier", "later", "back", "previously", "from now", "hence")
_AGO_RELATIONS = ("before", "after", "prior")  # directions only where the phrase ends ("a day before.")
_QUARTER_PREFIX = _w(
    "this year's", "last year's", "next year's", "year-ago", "year-earlier", "year ago", "year earlier",
    "same", "comparable", "corresponding", "latest", "most recent", "current", "previous", "prior",
    "fiscal", "calendar", "financial", "recent", "just-ended", "just-completed", "year-ago fiscal",
)
_QUARTER = (
    rf"(?P<quarter>(?:(?P<q_article>{_w('the', 'its', 'their', 'that', 'a', 'this')}){_SPACE})?"
    rf"(?P<q_pre>(?:(?:{_QUARTER_PREFIX}|(?:{_w('fiscal')}{_SPACE})?{_YEAR}(?:'s)?)[-\s]+){{0,3}})"
    rf"(?:(?P<q_ord>{variants(ORDINALS)}|{_w('last')}(?=[-\s]+{_w('half')}))[-\s]+(?:{_w('fiscal')}[-\s]+)?)?"
    rf"(?P<q_unit>{_w(*_QUARTER_UNITS)})\b(?!-)"
    rf"(?:{_SPACE}{_w('of')}{_SPACE}(?:{_w('the')}{_SPACE})?(?:{_w('fiscal')}{_SPACE})?"
    rf"(?:(?P<q_year>{_YEAR})\b|(?P<q_of_rel>{_w('this', 'last', 'next', 'the', 'that')}){_SPACE}{_w('year')}\b)"
    rf"|,?{_SPACE}(?P<q_rel>{_w('this', 'last', 'next')}){_SPACE}{_w('year')}\b"
    rf"|{_SPACE}(?P<q_year2>{_YEAR})\b"
    rf"|,?{_SPACE}(?P<q_back>{_w('a year ago', 'a year earlier', 'a year before')})\b)?)"
)
_QUARTER_CODE = (
    r"(?P<quarter_code>\b(?:(?P<qc_kind>[QH])(?P<qc_n>[1-4])|(?P<qc_n2>[1-4])(?P<qc_kind2>[QH]))"
    rf"(?:(?:\s+|\s*')(?P<qc_year>{_YEAR}|\d\d)\b)?\b)"
)
_DECADE = (
    rf"(?P<decade>(?:{_w('the')}{_SPACE})?(?:(?P<dec_pos>{_w('early', 'mid', 'late')})[-\s]+)?"
    rf"(?:(?P<dec_year>1\d\d0|20\d0)'?s\b|'(?P<dec_short>\d0)s\b"
    rf"|(?P<dec_word>{variants(DECADE_WORDS)})\b"
    rf"|(?P<cen_n>\d{{1,2}})(?:st|nd|rd|th)[-\s]+{_w('century')}\b"
    rf"|(?P<cen_word>{variants(CENTURY_ORDINALS)})[-\s]+{_w('century')}\b))"
)
_AGO = (
    rf"(?P<ago>(?:(?P<ago_q>{_w('nearly', 'almost', 'about', 'around', 'roughly', 'some', 'more than', 'less than', 'over', 'just', 'only', 'exactly', 'barely', 'precisely')}){_SPACE})?"
    rf"(?P<ago_n>{_NUMBER}){_SPACE}(?P<ago_unit>{_w(*UNITS)})\b(?:{_SPACE}{_w('or so')})?{_SPACE}"
    rf"(?P<ago_dir>{_w(*_AGO_DIRECTIONS)}|{_w(*_AGO_RELATIONS)}(?={_END_OF_PHRASE}))\b"
    rf"|(?P<adj_unit>{_w('year', 'quarter', 'month', 'week')})[-\s](?P<adj_dir>{_w('ago', 'earlier', 'before')})\b)"
)
_ANAPHOR = (
    rf"(?P<anaphor>(?P<an_pre>{_w('the previous', 'the next', 'the following', 'the preceding', 'that same', 'the same', 'that', 'the prior')})"
    rf"{_SPACE}(?P<an_unit>{_w('day', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend')})\b"
    rf"|(?P<an_the>{_w('the')}){_SPACE}(?P<an_unit2>{_w('day', 'week', 'month', 'year', 'night')}){_SPACE}(?P<an_dir>{_w('before', 'after')})(?={_END_OF_PHRASE})"
    rf"|(?P<an_pos>{_w('earlier', 'later')}){_SPACE}{_w('that', 'the same')}{_SPACE}(?P<an_unit3>{_w('day', 'week', 'month', 'year', 'night')})\b)"
)
_RELATIVE_DAY = (
    rf"(?P<relative_day>(?:(?P<rd_pos>{_POSITION}){_SPACE})?"
    rf"(?:(?P<rd_word>{_w(*RELATIVE_DAYS)})(?:{_SPACE}(?P<rd_tod>{_TIME_OF_DAY}))?"
    rf"|(?P<rd_this>{_w('this', 'last')}){_SPACE}(?P<rd_tod2>{_TIME_OF_DAY})"
    rf"|{_w('the day')}{_SPACE}(?P<rd_two>{_w('before yesterday', 'after tomorrow')}))\b)"
)
_WEEKDAY_EXPRESSION = (
    rf"(?P<weekday>(?:(?P<wd_pre>(?:(?:{_POSITION}|{_DEICTIC}|{_ANAPHORIC}|{_CLOCK}(?:{_SPACE}{_w('on')})?){_SPACE}){{1,2}}))?"
    rf"(?P<wd_name>{_WEEKDAY_NAME})(?!-)(?:{_SPACE}(?P<wd_tod>{_TIME_OF_DAY})\b)?)"
)
_RELATIVE_UNIT = (
    rf"(?P<relative>(?:(?P<rel_pos>{_POSITION})(?:{_SPACE}{_w('in')})?[-\s]+|(?P<rel_part>{_PERIOD_PART}))?"
    rf"(?P<rel_mod>{_DEICTIC}){_SPACE}(?:{_w('fiscal', 'financial', 'calendar')}{_SPACE})?(?P<rel_unit>{_w('week', 'weekend', 'month', 'year', 'quarter', 'century', *SEASON_CODES)})\b(?!-)"
    rf"|(?P<rel_pos2>{_w('earlier', 'later', 'early', 'late')}){_SPACE}{_w('in the')}{_SPACE}(?P<rel_unit2>{_w('day', 'week', 'month', 'year')})\b(?!-)"
    rf"|(?P<rel_the_year>{_w('the')}){_SPACE}{_w('year')}\b(?![-\s]*(?:\d|{_w('ago', 'earlier', 'before', 'two', 'nineteen', 'eighteen')}\b))"
    rf"|(?P<rel_the>{_w('the')}){_SPACE}(?:{_w('early', 'late')}{_SPACE})?(?P<rel_unit3>{_w('weekend', *SEASON_CODES)})\b(?!-|{_SPACE}(?:{_w('of')}|\d))"
    rf"|{_w('the')}{_SPACE}(?P<rel_fiscal>{_w('full', 'fiscal', 'current fiscal', 'new fiscal', 'latest fiscal', 'previous fiscal', 'prior fiscal', 'next fiscal', 'coming fiscal')}){_SPACE}{_w('year')}\b(?!-|{_SPACE}(?:\d|{_w('ago', 'earlier', 'before')}))"
    rf"|(?P<rel_part2>{_PERIOD_PART}){_w('the', 'this')}{_SPACE}(?P<rel_unit4>{_w('year', 'month', 'week')})\b(?!-|\s+\d)"
    rf"|(?P<rel_end>{_w('year-end', 'year end', 'yearend')}|{_w('year')}'s{_SPACE}{_w('end')})\b(?!-))"
)
_MONTH_ALONE = (
    rf"(?P<month>(?:(?P<mo_pos>{_w('early', 'late', 'mid')}|{_PERIOD_PART})[-\s]*)?"
    rf"(?:(?P<mo_mod>{_w('last', 'next', 'this', 'this past', 'this coming')}){_SPACE})?"
    rf"(?P<mo_name>{_MONTH})(?:,?{_SPACE}(?:{_w('of')}{_SPACE})?(?:(?P<mo_year>{_YEAR})\b|(?P<mo_spelled>{_SPELLED_YEAR}))|{_SPACE}(?P<mo_rel>{_w('this', 'last', 'next')}){_SPACE}{_w('year')}\b)?)"
)
_SEASON = (
    rf"(?P<season>(?:(?P<se_pos>{_w('early', 'late', 'mid')})[-\s]+)?(?:{_w('the')}{_SPACE})?"
    rf"(?P<se_name>{_w(*SEASON_CODES)})(?:{_SPACE}{_w('of')})?{_SPACE}(?:(?P<se_year>{_YEAR})\b|(?P<se_spelled>{_SPELLED_YEAR})))"
)
_YEAR_EXPRESSION = (
    rf"(?P<year>(?:(?P<yr_pos>{_w('early', 'late', 'mid')})[-\s]+|(?P<yr_part>{_PERIOD_PART}))?"
    rf"(?:(?:(?P<yr_fiscal>{_w('fiscal year', 'fiscal', 'calendar year', 'calendar', 'financial year', 'the year', 'budget year', 'model year', 'tax year')}){_SPACE}"
    rf"|(?P<yr_fy>FY|CY)\s?)?(?P<yr_value>{_YEAR})\b"
    rf"|(?:(?P<yr_fiscal2>{_w('fiscal')}){_SPACE}'|(?P<yr_fy2>FY|CY)\s?'?)(?P<yr_short>\d\d)\b"
    rf"|(?P<yr_the>{_w('the year')}{_SPACE})?(?P<yr_spelled>{_SPELLED_YEAR}|{_SPELLED_2000S})))"
)
_HOLIDAY = (
    rf"(?P<holiday>(?P<hol_name>{variants([h for h in HOLIDAYS if h[0] != 't'], lower=False)}|{_w('the fourth of july')})\b"
    rf"(?:,?{_SPACE}(?P<hol_year>{_YEAR})\b)?)"
)

_SPELLED_NUMBERS = {
    **{word: n for n, word in enumerate(_UNITS_WORDS, 1)},
    **{word: n for n, word in enumerate(_TEENS, 10)},
    **{word: n for n, word in enumerate(_TENS, 2)},
}


def spelled_year(text: str) -> int | None:
    """The year a spelled-out year names: "nineteen ninety-six" is 1996, "two thousand and one" 2001."""
    words = [word for word in re.split(r"[-\s]+", text.lower()) if word not in ("and", "oh")]
    if words[:2] == ["two", "thousand"]:
        century, rest = 2000, words[2:]
    elif words and words[0] in ("eighteen", "nineteen"):
        century, rest = _SPELLED_NUMBERS[words[0]] * 100, words[1:]
    else:
        return None
    value = 0
    for word in rest:
        number = _SPELLED_NUMBERS.get(word)
        if number is None:
            return None
        value += number * 10 if word in _TENS else number
    return century + value if value < 100 else None


# Plural units are no anchors: "three years" is a duration; "three years ago" has "ago".
_ANCHOR_WORDS = (
    *MONTHS, *WEEKDAYS, *RELATIVE_DAYS, *TIMES_OF_DAY, *SEASON_CODES, *DECADE_WORDS,
    *(unit for unit in UNITS if not unit.endswith("s")), "ago", "earlier", "later", "hence", "previously",
    "half", "period", "christmas", "valentine's", "halloween", "boxing", "bastille", "fawkes",
    "patrick's", "fourth", "yearend", "new year's", "nineteen", "eighteen", "thousand",
)
# Two scans merged, because one pattern that starts with both letters and digits is
# several times slower than either alone.
# A word anchor is matched from the character before it, which is no word character: a
# pattern that starts with a character set lets the regex engine skip ahead in C, where
# one that starts with \b is tried at every position (a third of the cost of finding
# dates). The set leaves out only ASCII word characters, so that it is a bitmap; the
# look-behind settles the rest. One prefix tree of all the words, abbreviations and
# quarter codes, one branch per first character, costs less than an alternation of trees.
_ANCHOR_FORMS = sorted(
    _forms(_ANCHOR_WORDS, True) | _forms(MONTH_ABBREVIATIONS, False) | {kind + number for kind in "QH" for number in "1234"}
)
# The first two characters of every anchor: a look-ahead at both turns away a third more
# of the words that cannot be anchors ("in", "is", "new") before the tree is tried.
_ANCHOR_FIRST = "".join(sorted({form[0] for form in _ANCHOR_FORMS} | {"F"}))
_ANCHOR_SECOND = "".join(sorted({form[1] for form in _ANCHOR_FORMS} | {"Y"}))
_ANCHOR_TREE = "(?:" + "|".join(_tree_branches(_ANCHOR_FORMS)) + r"|FY\s?'?(?:\d\d)?\d\d)\b"
_WORD_ANCHORS = re.compile(rf"[^0-9A-Za-z_](?=[{_ANCHOR_FIRST}][{_ANCHOR_SECOND}])(?<=\W)({_ANCHOR_TREE})")
# An anchor at the very start of the text has no character before it. It is matched in
# a copy of the text's head with a space in front, rather than with a second compile of
# the tree: no anchor is near this long, so the head always holds it and what follows it.
_HEAD = 64
_DIGIT_ANCHORS = re.compile(r"\d(?:\d\d\d|0s\b|\d?[/.-]\d\d?[/.-]\d\d|[QH]\b)")

_DIGITS = "#"
_APOSTROPHE = "'"
_POSITION_WORDS = ("early", "late", "mid", "earlier", "later")
_QUANTIFIERS = ("nearly", "almost", "about", "around", "roughly", "some", "more", "less", "over",
                "just", "only", "exactly", "barely", "precisely")
# Each family of expressions, in the order they are tried at one position, with the words
# (lower-case; "#" for a number) an expression of that family can begin with. Trying only
# the families a word can begin keeps a failed attempt to a few microseconds.
_FAMILIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("iso", _ISO, (_DIGITS,)),
    ("numeric", _NUMERIC, (_DIGITS,)),
    ("month_day", _MONTH_DAY, (*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, "the", *MONTHS, *MONTH_ABBREVIATIONS)),
    ("day_month", _DAY_MONTH, (*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, "the", _DIGITS)),
    ("ago", _AGO, (*_QUANTIFIERS, *(word.split()[0] for word in NUMBER_WORDS), _DIGITS,
                   "year", "quarter", "month", "week")),
    ("quarter", _QUARTER, ("the", "its", "their", "that", "a", "this", "last", "next", "year", "same",
                           "comparable", "corresponding", "latest", "most", "current", "previous",
                           "prior", "fiscal", "calendar", "financial", "recent", "just", _DIGITS,
                           *ORDINALS, "quarter", "half", "period")),
    ("quarter_code", _QUARTER_CODE, ("q1", "q2", "q3", "q4", "h1", "h2", "h3", "h4", _DIGITS)),
    ("decade", _DECADE, ("the", "early", "mid", "late", _DIGITS, _APOSTROPHE, *DECADE_WORDS,
                         *(word.split()[0].split("-")[0] for word in CENTURY_ORDINALS))),
    ("relative", _RELATIVE_UNIT, (*_POSITION_WORDS, "the", "last", "next", "this", "year", "yearend")),
    ("anaphor", _ANAPHOR, ("the", "that", "earlier", "later")),
    ("relative_day", _RELATIVE_DAY, (*_POSITION_WORDS, *RELATIVE_DAYS, "this", "last", "the")),
    ("weekday", _WEEKDAY_EXPRESSION, (*_POSITION_WORDS, "last", "next", "this", "the", "that", _DIGITS,
                                      "noon", "midnight", *WEEKDAYS)),
    ("holiday", _HOLIDAY, ("the", *(name.split()[0].rstrip(".") for name in HOLIDAYS))),
    ("month", _MONTH_ALONE, ("early", "late", "mid", "the", "last", "next", "this", *MONTHS, *MONTH_ABBREVIATIONS)),
    ("season", _SEASON, ("early", "late", "mid", "the", *SEASON_CODES)),
    ("year", _YEAR_EXPRESSION, ("early", "late", "mid", "the", "fiscal", "calendar", "financial", "budget",
                                "model", "tax", "fy", "cy", _DIGITS, "eighteen", "nineteen", "two")),
)


# Words that may stand inside an expression before its anchor without beginning one:
# "the end of the third quarter", "this past spring", "10 p.m. Friday".
_INNER_WORDS = (
    "end", "beginning", "start", "middle", "close", "turn", "first", "days", "of", "past", "coming",
    "current", "previous", "preceding", "following", "next", "same", "comparable", "corresponding",
    "latest", "most", "recent", "prior", "fiscal", "calendar", "financial", "just", "ended", "completed",
    "ago", "earlier", "than", "couple", "dozen", "half", "full", "new", "in", "and", "or",
    "so", "p", "m", "a", "day", "before", "after", "est", "edt", "gmt", "cst", "pst", "bst", "cet",
    *(unit for unit in UNITS if unit.endswith("s")),
)


def _word_table() -> dict[str, tuple[str, ...]]:
    """Each expression word as written (lower, Capitalised, UPPER) to the families it can begin."""
    firsts: dict[str, list[str]] = {}
    for name, _, words in _FAMILIES:
        for word in words:
            names = firsts.setdefault(word, [])
            if name not in names:
                names.append(name)
    table: dict[str, tuple[str, ...]] = {}
    for word in {*firsts, *_INNER_WORDS}:
        families = tuple(firsts.get(word, ()))
        for form in (word, word[:1].upper() + word[1:], word.upper()):
            table[form] = families
    return table


_WORD_FAMILIES = _word_table()

# The families an expression holding each kind of anchor can belong to: only these are
# tried at the words before the anchor ("the" before "Friday" is no quarter).
_ANCHOR_KINDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    ((*MONTHS, *MONTH_ABBREVIATIONS), ("month_day", "day_month", "holiday", "month")),
    (tuple(WEEKDAYS), ("month_day", "day_month", "weekday")),
    (tuple(RELATIVE_DAYS), ("relative_day",)),
    (TIMES_OF_DAY, ("anaphor", "relative_day", "weekday")),
    (tuple(SEASON_CODES), ("relative", "season")),
    ((*DECADE_WORDS, "century"), ("decade", "relative")),
    (("day", "week", "weekend", "month", "year", "decade", "quarter", "yearend"),
     ("ago", "quarter", "relative", "anaphor", "relative_day", "year")),
    (("half", "period"), ("quarter",)),
    (("fourth",), ("holiday", "quarter")),
    (("nineteen", "eighteen", "thousand"), ("year",)),
    (("ago", "earlier", "later", "hence", "previously"), ("ago", "relative", "anaphor", "relative_day", "weekday")),
    ((_DIGITS,), ("iso", "numeric", "quarter", "quarter_code", "decade", "year")),
)
_CONTAINED_IN = {word: families for words, families in _ANCHOR_KINDS for word in words}
_PATTERN_OF = {name: pattern for name, pattern, _ in _FAMILIES}


def _cased(words: Iterable[str], *, lower: bool = True) -> tuple[str, ...]:
    """Each word lower-case (unless `lower` is false), Capitalised and UPPER-CASE."""
    forms: dict[str, None] = {}
    for word in words:
        if lower:
            forms[word] = None
        forms[word[:1].upper() + word[1:]] = None
        forms[word.upper()] = None
    return tuple(forms)


# Words an expression of the family always holds, in each case it may be written in: a
# family none of whose words the text holds is not compiled for it. Families left out can
# match almost any text.
_MONTH_TRIGGERS = _cased(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), lower=False)
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "month_day": _MONTH_TRIGGERS,
    "day_month": _MONTH_TRIGGERS,
    "ago": _cased(tuple(word.split()[-1] for word in (*_AGO_DIRECTIONS, *_AGO_RELATIONS))),  # "from now": "now"
    "quarter": _cased(_QUARTER_UNITS),
    "decade": ("0s", "0's", *_cased(("ties", "century"))),
    "relative": _cased(("week", "month", "year", "quarter", "century", *SEASON_CODES, "early", "earlier", "late")),
    "relative_day": _cased((*RELATIVE_DAYS, *TIMES_OF_DAY)),
    "weekday": _cased(WEEKDAYS, lower=False),
    "holiday": _cased([name.split()[0] for name in HOLIDAYS if name[0] != "t"], lower=False) + _cased(("fourth",)),
    "month": _MONTH_TRIGGERS,
    "season": _cased(SEASON_CODES),
}
# Each family's pattern, compiled on first use: start-up time matters.
_COMPILED: dict[str, re.Pattern[str]] = {}
# Spelled-out years are most of the month, season and year patterns and rare in news: a
# text that holds none of these words gets those families without them, half the size.
_SPELLED_TRIGGERS = ("teen", "TEEN", "housand", "HOUSAND")
_SPELLED_FAMILIES = frozenset(name for name, pattern, _ in _FAMILIES if _SPELLED_YEAR in pattern)
_LEAN: dict[str, re.Pattern[str]] = {}


def _may_hold(prose: str, triggers: tuple[str, ...] | None) -> bool:
    """Whether `prose` holds one of `triggers` (None: any text may)."""
    return triggers is None or any(word in prose for word in triggers)


class _TextPatterns(dict[str, re.Pattern[str] | None]):
    """The pattern each family is tried with in one text (None: not tried), chosen on first
    use: a dict, so that each try costs one look-up.

    A family not compiled yet is not compiled for a text that cannot hold it (`_TRIGGERS`),
    and a text without spelled-out years gets the lean pattern: one search of the text costs
    less than compiling a family. A compiled family is simply tried: those searches would
    cost more than the tries they save.
    """

    __slots__ = ("prose", "spelled")

    def __init__(self, prose: str) -> None:
        super().__init__(_COMPILED)  # the families compiled so far, copied in one step
        self.prose = prose
        self.spelled: bool | None = None

    def __missing__(self, name: str) -> re.Pattern[str] | None:
        pattern = self[name] = _COMPILED.get(name) or self._choose(name)
        return pattern

    def _choose(self, name: str) -> re.Pattern[str] | None:
        if not _may_hold(self.prose, _TRIGGERS.get(name)):
            return None
        if name in _SPELLED_FAMILIES:
            if self.spelled is None:
                self.spelled = _may_hold(self.prose, _SPELLED_TRIGGERS)
            if not self.spelled:
                if name not in _LEAN:
                    _LEAN[name] = re.compile(_PATTERN_OF[name].replace(_SPELLED_YEAR, _NEVER).replace(_SPELLED_2000S, _NEVER))
                return _LEAN[name]
        pattern = _COMPILED[name] = re.compile(_PATTERN_OF[name])
        return pattern


def _match(prose: str, start: int, families: tuple[str, ...], patterns: _TextPatterns,
           end: int) -> re.Match[str] | None:
    """The first of `families` that matches at `start` and ends by `end`, in the order of
    `_FAMILIES`."""
    for name in families:
        pattern = patterns[name]
        if pattern is not None:
            found = pattern.match(prose, start, end)
            if found is not None:
                return found
    return None


@functools.lru_cache(maxsize=8192)
def _families_of(word: str) -> tuple[str, ...] | None:
    """The families an expression beginning with `word` may belong to: empty for a word that
    only stands inside one, None for a word that cannot be part of one (cached: the same few
    thousand words come back in every story)."""
    families = _WORD_FAMILIES.get(word)
    if families is not None:
        return families
    first = word[0]
    if first.isdigit():
        return _WORD_FAMILIES[_DIGITS]
    if first == _APOSTROPHE:
        return _WORD_FAMILIES[_APOSTROPHE]
    if word.endswith("'s"):
        return _WORD_FAMILIES.get(word[:-2])
    if word[:2].lower() in ("fy", "cy") and word[2:].isdigit():
        return _WORD_FAMILIES[word[:2].lower()]
    return None


T = TypeVar("T")
# How far left of an anchor an expression may begin: "the end of the third quarter".
LOOK_BEHIND_CHARS = 40
LOOK_BEHIND_WORDS = 6


def anchors(prose: str, until: int | None = None) -> list[tuple[int, str]]:
    """Each anchor's offset and its text ("#" for a number shape), in text order; with
    `until`, only those up to it, and the scans stop at the next one.

    Digit shapes inside a longer number ("12345") are skipped: the digit pattern has no
    boundary check of its own, because one would halve the speed of the scan. Two scans
    and a sort beat one pattern that starts with both letters and digits.
    """
    first = _WORD_ANCHORS.match(" " + prose[:_HEAD])
    found = [(0, first.group(1))] if first else []
    words: Iterable[re.Match[str]] = _WORD_ANCHORS.finditer(prose, first.end() - 1 if first else 0)
    digits: Iterable[re.Match[str]] = _DIGIT_ANCHORS.finditer(prose)
    if until is not None:
        words = itertools.takewhile(lambda m: m.start(1) <= until, words)
        digits = itertools.takewhile(lambda m: m.start() <= until, digits)
    found += [(m.start(1), m.group(1)) for m in words]
    found.extend((m.start(), _DIGITS) for m in digits if not (m.start() and prose[m.start() - 1].isdigit()))
    found.sort()
    return found


@functools.lru_cache(maxsize=1024)
def _anchor_kind(text: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """The families an expression beginning with the anchor may belong to, and those an
    expression holding it may belong to (None: any)."""
    if text == _DIGITS:
        return _WORD_FAMILIES[_DIGITS], _CONTAINED_IN[_DIGITS]
    first = text.split(None, 1)[0]
    return _families_of(first) or (), _CONTAINED_IN.get(first.lower())


_SEPARATORS = frozenset("/.-")
_YEAR_FIRST = frozenset("12")


def _families_at_digits(prose: str, at: int) -> tuple[str, ...]:
    """The families that can match at the digit anchor at `at`, told from the few characters
    there: most digit anchors are amounts and years, and each family tried costs a pattern
    match. Necessary conditions only, in `_FAMILIES` order: "2019-03-01" for iso, a separator
    among the first three characters for numeric, "3Q" for quarter_code, "1990s" for decade,
    and a year (not inside a word) for quarter ("2019's", "2019 third") and year."""
    head = prose[at:at + 5]
    if not head[:4].isdecimal():
        numeric = head[1:2] in _SEPARATORS or head[2:3] in _SEPARATORS
        code = head[1:2] in ("Q", "H") and head[0] in "1234"
        return ("numeric",) * numeric + ("quarter_code",) * code
    after = head[4:]  # empty at the end of the text
    year = head[0] in _YEAR_FIRST
    families = []
    if after in ("-", "/"):
        families.append("iso")
    if year and (after in ("'", "-") or after.isspace()):
        families.append("quarter")
    if head[3] == "0" and after in ("s", "'"):
        families.append("decade")
    if year and not (after.isalnum() or after == "_"):
        families.append("year")
    return tuple(families)


# A weekday opens a month_day or day_month expression only before a month or a day
# ("Tuesday, March 7", "Tuesday the 7th of March"); most stand alone ("said Tuesday").
_WEEKDAY_FORMS = frozenset(_forms(WEEKDAYS, True))
_DAY_OR_MONTH_AFTER = re.compile(r",?\s+(?:(?:[Tt]he|THE)\s+)?[0-9JFMASOND]")
_WEEKDAY_ALONE = ("weekday",)

# Most unit anchors end their expression ("last year", "the next day") or stand in none
# ("a 43-year-old"), yet the quarter and "ago" families are tried at each: the text after
# the anchor, and the run of words before it, tell cheaply whether they can match at all.
_UNIT_FORMS = frozenset(_forms(("day", "week", "weekend", "month", "decade", "year"), True))
_YEAR_FORMS = frozenset(_forms(("year",), True))
_YEAR_OPENS = re.compile(r"(?:'s)?[-\s]\s*[aAbBeE]")  # "year-ago", "year earlier", "year-end", "year's end"
_YEAR_IN_QUARTER = re.compile(r"'s|[-\s]\s*[aAeE]")  # "this year's quarter", "the year-ago quarter"
_UNIT_AGO = re.compile(r"-[aAbBeE]|\s+[aAbBeEfFhHlLoOpP]")  # "year-earlier", "a day ago", "a week or so back"
_QUARTER_UNIT = re.compile(_w(*_QUARTER_UNITS))
_AGO_DIRECTION = re.compile(_w(*_AGO_DIRECTIONS, *_AGO_RELATIONS))


@functools.lru_cache(maxsize=None)
def _without(containing: tuple[str, ...], quarter: bool, ago: bool) -> tuple[str, ...]:
    return tuple(name for name in containing if (quarter or name != "quarter") and (ago or name != "ago"))


def _unit_families(prose: str, at: int, text: str, run: int, families: tuple[str, ...],
                   containing: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The families tried at the unit anchor `text` at `at`, and those tried at the words
    from `run` to it. A quarter holds its unit before the anchor, or a "year" before its
    unit ("this year's third quarter"); an "ago" expression its direction after the anchor
    ("a day ago") or before it (a match that ends before the anchor). A "year" opens an
    expression only as "year-ago", "year earlier", "year-end" or "year's end"."""
    after = at + len(text)
    year = text in _YEAR_FORMS
    quarter = (year and _YEAR_IN_QUARTER.match(prose, after) is not None) or _QUARTER_UNIT.search(prose, run, at) is not None
    ago = _UNIT_AGO.match(prose, after) is not None or _AGO_DIRECTION.search(prose, run, at) is not None
    if year and _YEAR_OPENS.match(prose, after) is None:
        families = ()
    return families, _without(containing, quarter, ago)


@functools.lru_cache(maxsize=None)
def _both(families: tuple[str, ...], containing: tuple[str, ...] | None) -> tuple[str, ...]:
    return families if containing is None else tuple(name for name in families if name in containing)


def _starts_before(prose: str, at: int, floor: int) -> list[tuple[int, tuple[str, ...]]]:
    """Where an expression holding the anchor at `at` may begin: the word starts of the run
    of expression words just before it, nearest first, and the families each may begin.

    Walks back a character at a time: most anchors have no expression word before them,
    and this finds that after looking at one word.
    """
    starts = []
    end = at
    while len(starts) < LOOK_BEHIND_WORDS:
        while end > floor:
            char = prose[end - 1]
            if char.isalnum() or char == "'":
                break
            end -= 1
        begin = end
        while begin > floor:
            char = prose[begin - 1]
            if not (char.isalnum() or char == "'"):
                break
            begin -= 1
        if begin == end:
            break
        families = _families_of(prose[begin:end])
        if families is None:
            break
        if families:
            starts.append((begin, families))
        end = begin
    return starts


def _paragraph_end(ends: list[int], start: int, length: int) -> int:
    """Where the paragraph holding `start` ends (else the text's end): no date expression
    reads across paragraphs ("Tuesday" ending one and "February 1" opening the next are two)."""
    index = bisect.bisect_left(ends, start)
    return ends[index] if index < len(ends) else length


def scan(prose: str, interpret: Callable[[re.Match[str]], T | None], paragraphs: Sequence[Span] | None = None,
         until: int | None = None) -> Iterator[T]:
    """What `interpret` makes of each candidate date expression, in text order.

    For each anchor, the grammar is matched at the word starts of the run of expression
    words just before it ("the third" before "quarter"), leftmost first, then at the anchor;
    the first match that reaches past the anchor's start is the candidate. Accepted
    candidates never overlap; a rejected one (`interpret` returns None) leaves later
    anchors inside it free to start their own. `paragraphs` are `prose`'s, when the caller
    has them already (the pipeline segments first); otherwise they are found here. With
    `until`, the anchors past it are neither found nor tried.
    """
    consumed = 0
    text_patterns = _TextPatterns(prose)
    ends = [paragraph.end for paragraph in (find_paragraphs(prose) if paragraphs is None else paragraphs)]
    for at, text in anchors(prose, until):
        if at < consumed:
            continue
        families, containing = _anchor_kind(text)
        floor = at - LOOK_BEHIND_CHARS
        starts = _starts_before(prose, at, floor if floor > consumed else consumed)
        starts.reverse()
        if text == _DIGITS:
            families = _families_at_digits(prose, at)
        elif text in _WEEKDAY_FORMS and _DAY_OR_MONTH_AFTER.match(prose, at + len(text)) is None:
            families = _WEEKDAY_ALONE
        elif text in _UNIT_FORMS:
            families, containing = _unit_families(prose, at, text, starts[0][0] if starts else at, families, containing)
        if families:
            starts.append((at, families))
        for start, families in starts:
            families = _both(families, containing)
            found = _match(prose, start, families, text_patterns, _paragraph_end(ends, start, len(prose))) if families else None
            if found is not None and found.end() > at:
                result = interpret(found)
                if result is not None:
                    consumed = found.end()
                    yield result
                break
