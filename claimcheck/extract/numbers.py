"""Numeric mentions: counts, percentages, money, measures, durations, ages, ordinals.

One pattern finds, in one pass over the text, every number written in digits or words.
Each find is then read outwards with anchored lookups that cost the length of what they
read: scale, currency, percent sign or unit to the right; sign, currency, qualifier,
change verb and range opener to the left; a second number for a range; the noun it
counts. What is found around the number decides its kind; numbers that name rather than
measure (years, days of the month, "F-16", "Section 8", phone numbers) are dropped.
The tables of words live in words.py, units.py and subjects.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import Kind, Mention, Number, Span
from ..segment.paragraphs import find_paragraphs
from . import subjects, units
from . import words as w
from .subjects import Subject
from .words import PhraseTable, WordKind, parse_number_words

Value = int | Decimal  # exact while reading: ints for whole numbers, Decimal otherwise
# The members the readers test, as module names: in Python 3.11 `Kind.COUNT` goes through
# the slow attribute hook of EnumType (it defines __getattr__), about 1,000 instructions.
_COUNT, _PERCENT, _MONEY, _MEASURE = Kind.COUNT, Kind.PERCENT, Kind.MONEY, Kind.MEASURE
_DURATION, _AGE, _ORDINAL = Kind.DURATION, Kind.AGE, Kind.ORDINAL
_WORDS_CARDINAL, _WORDS_ORDINAL, _WORDS_FRACTION = WordKind.CARDINAL, WordKind.ORDINAL, WordKind.FRACTION
_WORDS_VAGUE, _WORDS_SCALE = WordKind.VAGUE, WordKind.SCALE
_VULGAR = "".join(w.VULGAR_FRACTIONS)
_SEPARATORS = "\\s(\"'/\\-—–“‘\\[*"
# Two scans of the text in folded case (words.fold_case) find where a number may start, each
# match beginning with a character the regex engine finds in C: a number word after a space
# (most of them); and a digit, or a number word after another mark that opens a word. One
# scan of the text itself over both, stopping at every space to test which case it was in
# and trying (?i) letters one branch at a time, cost the stage 5 % more. The readers read
# the text itself.
_SPACED_WORD = re.compile(f" {w.NUMBER_WORD_INITIAL}{w.NUMBER_WORD}")
# The first character is tested against a superset of both classes, every character but the
# printable ASCII ones outside them (and the space), which the engine checks with one table
# look-up (\d and \s are slow category tests there, at every character); the look-behinds
# then test the exact classes. The marks before a word are no letters or digits, so a word
# after one starts there.
_MARKED = re.compile(
    r"[^ !#-&)+,.:-Z\\\]-~]"
    rf"(?:(?<=[\d{_VULGAR}])|{w.NUMBER_WORD_INITIAL}(?<=[{_SEPARATORS}])(?P<word>{w.NUMBER_WORD}))"
)
# Not claims, consumed whole so their parts are not read as numbers: clock times, phone
# numbers, numeric dates and versions, slashed pairs ("24/7", "9/11"), 1.99×10−30.
_NOT_A_CLAIM = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?<=\()\d{3}\)[^\S\n]?\d{3}[-.\s]\d{4}(?!\d)"
    r"|(?<![\d.,])\d{3}[-.]\d{3}[-.]\d{4}(?!\d)"
    r"|(?<=\+)\d{1,3}(?:[ .-]\d{2,4}){2,5}(?![\d.,])"
    r"|(?<![\d.,/])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\d/])"
    r"|(?<![\d.,/])\d{1,4}/\d{1,4}(?![\d/])"
    r"|\d{1,20}(?:\.\d{1,20})?[×x]10[−-]?\d{1,3}"
)
# A number in digits: "5,000", "58.24", ".001"; never the middle of a longer one, and
# never a run of digits too long to be a quantity (an identifier, a hash).
_NUMBER = r"(?:\d{1,3}(?:,\d{3}){1,8}(?:\.\d{1,12})?|\d{1,24}(?:\.\d{1,12})?)(?![.,]?\d)"
_DIGITS = re.compile(rf"(?<![\d.,]){_NUMBER}|(?<![\w.,])\.\d{{1,12}}(?![.,]?\d)")
_NOT_A_CLAIM_MARKS = frozenset(":/.-×x)")  # what follows a number that _NOT_A_CLAIM may eat
_DIGIT_RUN = re.compile(r"[\d.,]*\d")
_DIGITS_AT = re.compile(rf"(?P<digits>{_NUMBER})")
_WORDS_AT = re.compile(rf"(?P<words>{w.NUMBER_WORDS_PATTERN})")

QUALIFIERS_BEFORE: PhraseTable[str] = PhraseTable(w.QUALIFIERS)
POSTFIX_QUALIFIERS: PhraseTable[str] = PhraseTable(w.POSTFIX_QUALIFIERS, gap=r"[^\S\n]?")
CHANGES_BEFORE: PhraseTable[str] = PhraseTable(w.CHANGES)
CHANGES_AFTER: PhraseTable[str] = PhraseTable(w.CHANGES_AFTER, gap=r"[^\S\n]+")
RANGE_OPENERS: PhraseTable[str] = PhraseTable(w.RANGE_OPENERS)
MINUS_BEFORE: PhraseTable[int] = PhraseTable(w.MINUS_WORDS)
AGE_BEFORE: PhraseTable[bool] = PhraseTable(w.AGE_WORDS)
SCALE_DETERMINERS: PhraseTable[bool] = PhraseTable(w.SCALE_DETERMINERS)
PRONOUN_ONE_BEFORE: PhraseTable[bool] = PhraseTable(w.PRONOUN_ONE_DETERMINERS)
ORDINAL_DETERMINERS: PhraseTable[bool] = PhraseTable(w.ORDINAL_DETERMINERS)
POSITION_VERBS: PhraseTable[bool] = PhraseTable(w.POSITION_VERBS)

_CHANGE_KINDS = frozenset({_PERCENT, _MONEY, _MEASURE})
_TARGET_RATIO = 4  # the ends of a range are of a size; a change and the level it reaches need not be
# The words that can start what stands right after a number; any other word there means
# the number has no unit, so none of the unit tables need a look.
_RIGHT_TOKENS = frozenset().union(*(table.first_tokens for table in (
    units.MONEY_SCALES_AFTER, units.CURRENCY_CODES_AFTER, units.CURRENCY_WORDS_AFTER,
    units.SCALED_CURRENCY_WORDS_AFTER, units.PERCENT_AFTER, units.UNITS_AFTER)))
_CLOCK_TOKENS = frozenset({"a", "p", "A", "P", "am", "pm", "AM", "PM", "o"})
_AGE_TOKENS = frozenset({"year", "month", "week", "day", "years", "months", "weeks", "days"})
_ORDINAL_TOKENS = frozenset({"st", "nd", "rd", "th"})
_RANGE_TOKENS = frozenset({"-", "–", "—", "to", "through", "and", "or"})
_SIGNS = "-−–"
# What ends a clause right after an amount: token_after() there is the mark itself, no word.
_CLOSING_MARKS = frozenset(",.;:)!?\"”’")
_SIGN_CONTEXT = " \t\n([=$€£¥"
_LABEL_MARKS = "#'’/_@\\&"
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_CLOCK_AFTER = re.compile(r"[^\S\n]?(?:[ap]\.m\.?|[ap]m\b|[AP]\.?M\b\.?|o'clock)")
_AGE_AFTER = re.compile(r"(?:[^\S\n]|-)(year|month|week|day)s?[-\s]old\b")
_RANGE_LINK = re.compile(r"[^\S\n]*(-|–|—|to|through|and|or)[^\S\n]*(?:-[^\S\n]*)?")
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?,?[^\S\n]+(?:of[^\S\n]+)?(?:" + "|".join(sorted(w.MONTHS, key=len, reverse=True)) + r")\b"
)
_IN_EVERY = re.compile(r"[^\S\n]+(?:in|out[^\S\n]+of)[^\S\n]+")
_SUPERLATIVE = re.compile(r"-(?:[a-z]+est|most|least)\b")
_CONVERSION_GAP = re.compile(r"[^\S\n]*(?:\(|/|,?[^\S\n]+or)[^\S\n]*")
# "half a million", "a quarter of a million", "half a dozen": a fraction of a scale is a count.
_FRACTION_OF_SCALE = re.compile(
    r"[^\S\n]+(?:of[^\S\n]+)?an?[^\S\n]+(million|billion|trillion|hundred|thousand|dozen)\b", re.IGNORECASE
)
_OF_A = re.compile(r"[^\S\n]+(?:of[^\S\n]+)?an?[^\S\n]+")
_DIVIDES = re.compile(r"[^\S\n]+(?:of|the|its|their|his|her|our|this|that|these|those)\b", re.IGNORECASE)
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)\b|-(?=[,\s])")
_LIST_MARKER = re.compile(r"[.)][^\S\n]")
_POSSESSIVE_S = re.compile(r"['’]s\b")
# "49 Zorro Ranch Road", "9 E 71st St", "22 Ave Foch": a street number.
_ADDRESS_AFTER = re.compile(
    r"(?:[-–]\d+)?(?:[^\S\n]+[A-Z][\w.'’-]*){0,3}[^\S\n]+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace"
    r"|Highway|Hwy|Parkway|Pkwy|Square|Sq|Crescent|Close)\b"
)
# A capitalised word right after a bare number names a model or a place ("11 Pro", "787
# Dreamliner", "the 90049 ZIP Code") unless a plural follows ("10 European countries").
_NAME_AFTER = re.compile(r"[^\S\n]+([A-Z][\w'’]*)\b")
_LABEL_RANGE = re.compile(r"[-–]\d{1,4}\b")
_MIXED_FRACTION = re.compile(r"[^\S\n](\d)[/⁄](\d{1,2})(?![\d/])")


@dataclass(slots=True)
class _Amount:
    """A number as read so far: its value and what is written around it.

    Built and filled in by the readers below for one find, then turned into a Mention.
    """

    start: int
    end: int
    value: Value
    number_start: int
    number_end: int
    plain: bool = False        # bare digits, no separator or decimal ("2019", "737")
    words: bool = False        # written in words
    scale: int = 1             # the scale word's factor ("million"); already in value
    kind: Kind = _COUNT
    unit: str | None = None
    currency: str | None = None
    vague: bool = False
    adjectival: bool = False   # joined to its unit by a hyphen ("three-day")
    qualifier: str = w.EXACT
    change: str | None = None
    value_high: Value | None = None
    subject: str | None = None
    opener: str | None = None
    # The words next to the last offsets looked at, so each is read once.
    before_at: int = -1
    before_token: str = ""
    after_at: int = -1
    after_token: str = ""
    qualifier_at: int = -1     # QUALIFIERS_BEFORE looked up there, found this
    qualifier_found: tuple[int, str] | None = None


def _word_before(text: str, amount: _Amount, pos: int) -> str:
    """token_before(text, pos), remembered on the amount being read."""
    if amount.before_at != pos:
        amount.before_at, amount.before_token = pos, w.token_before(text, pos)
    return amount.before_token


def _word_after(text: str, amount: _Amount, pos: int) -> str:
    """token_after(text, pos), remembered on the amount being read."""
    if amount.after_at != pos:
        amount.after_at, amount.after_token = pos, w.token_after(text, pos)
    return amount.after_token


def _qualifier_before(text: str, amount: _Amount, pos: int) -> tuple[int, str] | None:
    """QUALIFIERS_BEFORE.ending_at(text, pos), remembered on the amount: the label test,
    the range and the left context all ask it at the amount's start."""
    if amount.qualifier_at != pos:
        amount.qualifier_at = pos
        amount.qualifier_found = QUALIFIERS_BEFORE.ending_at(text, pos, _word_before(text, amount, pos))
    return amount.qualifier_found


def _number_at(text: str, pos: int) -> re.Match[str] | None:
    """A number in digits or in words right at `pos`; `lastgroup` says which."""
    return _DIGITS_AT.match(text, pos) or _WORDS_AT.match(text, pos)


def find_quantities(prose: str) -> list[Mention]:
    """Every numeric claim in `prose`, in text order; none reads across paragraphs.

    The readers look past white space of any kind, so a claim that takes in a paragraph
    break ("rose by about" ending one paragraph, "5 percent" opening the next) is read
    again within its paragraphs alone. Such claims are rare: the usual one holds no two
    line breaks, which one `count` tells.
    """
    found = _find_quantities(prose)
    if "\r" in prose:
        crossing = [m for m in found if prose.count("\n", m.start, m.end) + prose.count("\r", m.start, m.end) > 1]
    else:
        crossing = [m for m in found if prose.count("\n", m.start, m.end) > 1]
    return _within_paragraphs(prose, found, crossing) if crossing else found


def _within_paragraphs(prose: str, found: list[Mention], crossing: list[Mention]) -> list[Mention]:
    """`found` with the claims of every paragraph a crossing claim touches read again
    from that paragraph alone (a blank line inside a sentence does not end a paragraph)."""
    paragraphs = find_paragraphs(prose)
    redo: set[Span] = set()
    for mention in crossing:
        touched = [p for p in paragraphs if p.overlaps(mention.span)]
        if len(touched) > 1:
            redo.update(touched)
    if not redo:
        return found
    kept = [m for m in found if not any(p.overlaps(m.span) for p in redo)]
    for p in redo:
        kept.extend(replace(m, start=m.start + p.start, end=m.end + p.start) for m in _find_quantities(prose[p.start:p.end]))
    kept.sort(key=lambda m: m.start)
    return kept


def _find_quantities(prose: str) -> list[Mention]:
    found: list[Mention] = []
    first = _number_at(prose, 0)  # number words at the very start, which the scans cannot see
    pos = 0
    if first is not None and first.lastgroup == "words":
        mentions, pos = _read_words(prose, 0, first.end(), None)
        found.extend(mentions)
    # The next match of each scan at or after `pos`, searched again only once passed.
    folded = w.fold_case(prose)
    spaced, marked = _SPACED_WORD.search(folded, pos), _MARKED.search(folded, pos)
    while spaced is not None or marked is not None:
        previous = found[-1] if found else None
        if marked is None or (spaced is not None and spaced.start() < marked.start()):
            start, word = spaced.start(), True
        else:
            start, word = marked.start(), marked.lastgroup is not None
        if word:  # the number word after the mark at `start`
            mentions, resume = _read_words(prose, start + 1, _WORDS_AT.match(prose, start + 1).end(), previous)
        else:
            mentions, resume = _read(prose, start, previous)
        # A sign between two amounts ("5€€3") could be read by both; the first keeps it.
        for mention in mentions:
            if previous is None or mention.start >= previous.end:
                found.append(mention)
        pos = max(resume, start + 1)
        if spaced is not None and spaced.start() < pos:
            spaced = _SPACED_WORD.search(folded, pos)
        if marked is not None and marked.start() < pos:
            marked = _MARKED.search(folded, pos)
    return found


def _read(text: str, start: int, previous: Mention | None) -> tuple[list[Mention], int]:
    """The claims a digit (or a vulgar fraction) at `start` begins, and where scanning resumes."""
    if start and text[start - 1] in _USUAL_BEFORE and (usual := _read_usual(text, start, previous)) is not None:
        return usual
    if start and text[start - 1] in _CURRENCY_SIGNS and (usual := _read_usual_money(text, start, previous)) is not None:
        return usual
    if text[start] in w.VULGAR_FRACTIONS:
        amount = _Amount(start, start + 1, w.VULGAR_FRACTIONS[text[start]], start, start + 1)
        return _complete(text, amount, previous) if _read_right(text, amount) else ([], start + 1)
    first = start
    if start and text[start - 1] == ".":
        start -= 1
    number = _DIGITS.match(text, start)
    next_char = text[number.end():number.end() + 1] if number else ""
    if number is None or next_char in _NOT_A_CLAIM_MARKS or text[start - 1:start] in ("(", "+"):
        skip = _NOT_A_CLAIM.match(text, start)
        if number is None or skip is not None:
            return [], (skip or _DIGIT_RUN.match(text, first)).end()
    return _read_digits(text, start, number.end(), previous)


# --- the usual number: between two plain words ------------------------------------------
# Most numbers in news stand between ordinary words ("forcing 7,918 residents from", "only
# 58, he said", "about 4.9% interest", "in 22 years,", "a 10-year bond", "cost us $19
# million in", "three months"), where the readers
# below find no more than a qualifier or a change, a unit or the counted noun, or a label.
# Whether a word could start or end anything else they read is a set look-up, so such a
# number costs one match, a few look-ups and its unit or noun; any other number goes to the
# full readers.
_AFTER_USUAL = r"(?: (?P<word>[^\W\d_]+)|-(?P<joined>[^\W\d_]+)|(?P<percent>%)|,|\.(?!\d))"
_USUAL = re.compile(rf"({_NUMBER}){_AFTER_USUAL}")
_USUAL_AFTER_WORDS = re.compile(_AFTER_USUAL)
# Words before the number that only a qualifier or a change can end (looked up when seen);
# the other words a reader looks at there: "minus" (in lower case), currencies (as written).
# Ages ("aged 44"), months and label words the fast reader reads.
_QUALIFIER_ENDS = QUALIFIERS_BEFORE.last_tokens | CHANGES_BEFORE.last_tokens | {"by"}
_LEFT_STOPS = MINUS_BEFORE.last_tokens
_LEFT_MARKS = units.CURRENCY_BEFORE.last_tokens
# Words after the number that start a scale or a currency code (as written).
_RIGHT_STOPS = frozenset((
    *units.SCALES_AFTER.first_tokens, *units.MONEY_SCALE_WORDS, *units.CURRENCY_CODES_AFTER.first_tokens))
_CURRENCY_SIGNS = frozenset("$£€")  # glued to the usual money
_USUAL_BEFORE = frozenset(" (\"“‘")  # what the usual number follows: a space, or a mark that opens a word


def _read_usual(text: str, start: int, previous: Mention | None) -> tuple[list[Mention], int] | None:
    """A number in digits after a plain word (or a qualifier or a change) and " ", or after
    an opening bracket or quote mark, followed by a plain word or a unit (after " " or "-"),
    by "%", a comma or a full stop: what _read_digits would read, or None where a reader
    could find more than a qualifier, a change, a percent sign, a unit, an age, the counted
    noun or a label."""
    m = _USUAL.match(text, start)
    if m is None:
        return None
    raw = m.group(1)
    return _read_usual_amount(text, start, m, _digits_value(raw), raw, previous)


def _read_usual_words(text: str, start: int, end: int, value: Decimal, previous: Mention | None) -> tuple[list[Mention], int] | None:
    """The same for a cardinal in words other than "one" ("three months", "two sides"), which
    no reader takes for a label: what _read_words would read, or None."""
    m = _USUAL_AFTER_WORDS.match(text, end)
    return None if m is None else _read_usual_amount(text, start, m, value, None, previous)


def _read_usual_amount(text: str, start: int, m: re.Match[str], value: Value, raw: str | None,
                       previous: Mention | None) -> tuple[list[Mention], int] | None:
    """The claim of a number at `start` (in digits `raw`, else in words) that ends where `m`
    starts reading what follows it, if only usual words stand around it."""
    end = m.end(1) if raw is not None else m.start()
    follows = m.lastgroup  # "word", "joined" or "percent"; None after a comma or a full stop
    after = m.group(follows) if follows else None
    joined = follows == "joined"
    if after is not None and (after[0].isupper() or after in _RIGHT_STOPS or _clock_after(text, end, after) or (
            after.lower() in units.CURRENCY_WORDS_AFTER.first_tokens
            and units.CURRENCY_WORDS_AFTER.starting_at(text, end, after) is not None)):
        return None
    word = _plain_word_before(text, start)
    if word is None:
        return None
    if raw is not None and _age_before(text, start, word, raw, value):
        return None
    kind, unit, adjectival = _COUNT, None, False
    if after is not None and (after in _RIGHT_TOKENS or after.lower() in _RIGHT_TOKENS):
        age = _AGE_AFTER.match(text, end) if after in _AGE_TOKENS else None
        measured = (_AGE, age.group(1).lower(), age.end()) if age else _percent_or_unit(text, end, after)
        if measured is not None:
            kind, unit, end = measured
            adjectival = age is not None or joined  # "three-day": its noun follows
    if kind is _COUNT and joined:
        return None  # "3-1", "one-off", "six-cylinder"
    qualified = QUALIFIERS_BEFORE.ending_at(text, start, word) if word.lower() in _QUALIFIER_ENDS else None
    noun = None
    if kind is _COUNT:
        if raw is not None and word in w.MONTHS:
            return [], end  # a date (see _is_label)
        if raw is not None and (after == "of" or (after is None and text[end] == ",")) and _MONTH_AFTER.match(text, end):
            return None
        noun = subjects.counted_noun(text, end, singular=value == 1) if after is not None else None
        if qualified is None and raw is not None and raw.isdigit() and _is_label_after_word(text, end, value, len(raw), word, noun):
            return [], end
        if (after in _RANGE_TOKENS and _range_follows(text, end)) or (after in ("in", "out") and _shares(text, end)):
            return None
        if noun is not None:
            end = noun.end
        after = None
    else:
        after = w.token_after(text, end)
        if after in _RANGE_TOKENS and _range_follows(text, end):
            return None
        if adjectival and kind in (_DURATION, _AGE) and (noun := subjects.next_noun(text, end)) is not None:
            end = noun.end
            after = None
    return _usual_claim(text, start, end, after, word, qualified, kind, value, unit, noun, previous)


def _plain_word_before(text: str, start: int) -> str | None:
    """The word of letters before " " and `start` as _previous_word and token_before both
    read it (or the opening mark right before `start`, which both read alone), unless a
    reader looks at it for more than a qualifier or a change."""
    if text[start - 1] != " ":
        return text[start - 1] if start == 1 or text[start - 2] in " \t\n" else None
    space = text.rfind(" ", max(0, start - 41), start - 1)
    if space < 0 and start > 41:
        return None
    word = text[space + 1:start - 1]
    if word.lower() in _LEFT_STOPS or word in _LEFT_MARKS or not word.isalpha():
        return None
    return word


def _usual_claim(text: str, start: int, end: int, after: str | None, word: str, qualified: tuple[int, str] | None,
                 kind: Kind, value: Value, unit: str | None, noun: Subject | None,
                 previous: Mention | None) -> tuple[list[Mention], int]:
    """The claim of an amount at text[start:end] after the plain `word` (`qualified` if that
    ends a qualifier), with what _read_left reads around it; `after` is token_after at `end`
    when known."""
    left, qualifier, change = start, w.EXACT, None
    lower = word.lower()
    if qualified is not None:
        left, qualifier = qualified
        word = w.token_before(text, left)
    if lower in _QUALIFIER_ENDS:
        found = CHANGES_BEFORE.ending_at(text, left, word)
        if found is None and word.lower() == "by":
            found = _change_verb_before_by(text, left)
        if found is not None and found[1] != w.LEVEL:
            change = found[1]
    if change is None and kind in _CHANGE_KINDS:
        found = CHANGES_AFTER.starting_at(text, end, after)
        change = found[1] if found else None
    postfix = POSTFIX_QUALIFIERS.starting_at(text, end, after) if qualifier == w.EXACT and _may_follow(text, end) else None
    if postfix is not None:
        end, qualifier = postfix
    elif qualifier == w.EXACT and change is None and _converts_at(text, previous, left):
        qualifier = previous.qualifier
    if change is not None and (kind in _CHANGE_KINDS or kind is _COUNT and (
            noun is None or noun.text.split()[-1].lower() in w.CHANGING_COUNTS)):
        qualifier = change
    # Positional (kind, start, end, value, value_high, qualifier, vague, unit, subject):
    # keywords cost a fifth more on a class built once per claim.
    return [Mention(kind, left, end, _number(value), None, qualifier, False, unit, noun.text if noun else None)], end


def _is_label_after_word(text: str, end: int, value: int, size: int, word: str, noun: Subject | None) -> bool:
    """_is_label for bare digits of `size` after a word of letters that is no month or
    qualifier, before no capitalised word: a year, "Section 8", a name's number ("Boeing 737")."""
    if size == 4 and 1000 <= value <= 2999 and (word.lower() in w.YEAR_PREPOSITIONS or (
            1900 <= value <= 2100 and (value % 100 or noun is None))):
        return True
    if word.lower() in w.IDENTIFIER_WORDS:
        return True
    return word[-1].isalnum() and not word.islower() and word.lower() not in w.FUNCTION_WORDS \
        and subjects.counted_noun(text, end, singular=False, max_words=2) is None


def _age_before(text: str, start: int, word: str, raw: str, value: Value) -> bool:
    """An age is named before the bare digits `raw` at `start` ("aged 44"), as
    _read_age_before reads it."""
    return raw.isdigit() and value <= 130 and word.lower() in AGE_BEFORE.last_tokens \
        and AGE_BEFORE.ending_at(text, start, word) is not None


def _clock_after(text: str, end: int, after: str) -> bool:
    """A clock time's "pm" or "o'clock" follows the number that ends at `end`."""
    return after in _CLOCK_TOKENS and _CLOCK_AFTER.match(text, end) is not None


def _range_follows(text: str, end: int) -> bool:
    """A number follows a range link at `end` ("5 to 7"), which _read_range would read;
    anywhere else it reads no range ("$5 to buy")."""
    link = _RANGE_LINK.match(text, end)
    if link is None:
        return False
    currency = units.CURRENCY_BEFORE.starting_at(text, link.end())
    return _number_at(text, currency[0] if currency else link.end()) is not None


def _shares(text: str, end: int) -> bool:
    """A number follows " in " or " out of " at `end` ("1 in 5"), as _in_every reads it."""
    link = _IN_EVERY.match(text, end)
    return link is not None and _number_at(text, link.end()) is not None


def _read_usual_money(text: str, start: int, previous: Mention | None) -> tuple[list[Mention], int] | None:
    """Money in digits after a currency sign that follows a plain word (or a qualifier or a
    change) and " " ("cost us $19 million in", "pay £78 for"): what _read_digits would read,
    or None where a reader could find more than these and the rate."""
    m = _USUAL.match(text, start)
    if m is None or m.group("joined") or m.group("percent"):
        return None
    raw, end, after = m.group(1), m.end(1), m.group("word")
    if after is not None and (after[0].isupper() or _clock_after(text, end, after)):
        return None
    currency = units.CURRENCY_BEFORE.ending_at(text, start, text[start - 1])
    if currency is None or currency[0] < 2 or text[currency[0] - 1] not in _USUAL_BEFORE:
        return None
    word = _plain_word_before(text, currency[0])
    if word is None:
        return None
    value = _digits_value(raw)
    if _age_before(text, currency[0], word, raw, value):
        return None
    amount = _Amount(currency[0], end, value, start, end, currency=currency[1],
                     after_at=end, after_token=after if after is not None else w.token_after(text, end))
    _read_money(text, amount, *_read_scale(text, amount))
    end = amount.end
    after = w.token_after(text, end)
    if after in _RANGE_TOKENS and _range_follows(text, end):
        return None
    qualified = QUALIFIERS_BEFORE.ending_at(text, currency[0], word) if word.lower() in _QUALIFIER_ENDS else None
    return _usual_claim(text, currency[0], end, after, word, qualified, _MONEY, amount.value * amount.scale,
                        amount.unit, None, previous)


def _percent_or_unit(text: str, pos: int, token: str) -> tuple[Kind, str, int] | None:
    """A percent sign or a unit right after a number: its kind, name and end."""
    found = units.PERCENT_AFTER.starting_at(text, pos, token)
    if found is not None:
        return _PERCENT, found[1].name, found[0]
    return _unit_at(text, pos, token)


def _unit_at(text: str, pos: int, token: str) -> tuple[Kind, str, int] | None:
    """A measure or duration unit at `pos` with its rate ("11 feet per century"): its kind,
    name and end."""
    found = units.UNITS_AFTER.starting_at(text, pos, token)
    if found is None:
        return None
    unit, end = found[1], found[0]
    if unit.kind is _MEASURE:
        rate = units.rate_after(text, end)
        if rate is not None and rate[1] != unit.name:
            return unit.kind, f"{unit.name}/{rate[1]}", rate[0]
    return unit.kind, unit.name, end


def _may_follow(text: str, end: int) -> bool:
    """A word or a sign could follow `end` (token_after is more than a punctuation mark)."""
    return text[end:end + 1] not in _CLOSING_MARKS


# --- numbers in digits -------------------------------------------------------------------

def _digits_value(raw: str) -> Value:
    """The value of a number written in digits ("7,918", "4.9"): an int where it is whole."""
    digits = raw.replace(",", "")
    return int(digits) if digits.isdigit() else Decimal(digits)


def _read_digits(text: str, start: int, end: int, previous: Mention | None) -> tuple[list[Mention], int]:
    """A number written in digits at text[start:end], unless it labels, dates or times."""
    prefix = _hyphen_prefix(text, start)
    if prefix == w.SKIP or _glued_label_before(text, start):
        return [], end
    raw = text[start:end]
    value = _digits_value(raw)
    after = w.token_after(text, end)
    suffix = _ORDINAL_SUFFIX.match(text, end) if after in _ORDINAL_TOKENS else None
    if suffix is not None:
        return _read_digit_ordinal(text, start, suffix.end(), value)
    if (after in _CLOCK_TOKENS and _CLOCK_AFTER.match(text, end)) or (after in ("'", "’") and _POSSESSIVE_S.match(text, end)) \
            or ((after[:1].isupper() or text[end:end + 1] in "-–") and _ADDRESS_AFTER.match(text, end)):
        return [], end
    amount = _Amount(start, end, value, start, end, plain=raw.isdigit(), after_at=end, after_token=after)
    if end < len(text) and text[end] in w.VULGAR_FRACTIONS:
        amount.value += w.VULGAR_FRACTIONS[text[end]]
        amount.end = amount.number_end = end + 1
        amount.plain = False
    elif text[end + 1:end + 2].isdigit() and (mixed := _MIXED_FRACTION.match(text, end)) is not None:
        numerator, denominator = int(mixed.group(1)), int(mixed.group(2))
        if numerator < denominator:  # "2 1/2 hours"
            amount.value += Decimal(numerator) / denominator
            amount.end = amount.number_end = mixed.end()
            amount.plain = False
    if prefix == w.NEGATE:
        amount.value = -amount.value
    elif prefix == w.UNDER:
        amount.qualifier, amount.start = w.UNDER, start - len("sub-")
    score = _score(text, amount)
    if score is not None:
        return score
    if not _read_right(text, amount):
        return [], end
    if amount.kind is _COUNT and amount.scale == 1:
        if _is_label(text, amount):
            continued = _LABEL_RANGE.match(text, amount.number_end)  # "June 3-5", "2022-23"
            return [], continued.end() if continued else amount.number_end
        share = _in_every(text, amount, previous)
        if share is not None:
            return share
    return _complete(text, amount, previous)


def _hyphen_prefix(text: str, start: int) -> str | None:
    """What a word joined by a hyphen before the number does to it ("F-16", "sub-7")."""
    if start < 2 or text[start - 1] != "-":
        return None
    word, _ = _previous_word(text, start - 1)
    if text[start - 2].isspace():
        return w.SKIP if word.isalpha() and not word.islower() else None  # "COVID -19"
    if not text[start - 2].isalpha():
        return None
    word = word.rsplit("-", 1)[0]
    if word.lower() in w.HYPHEN_PREFIXES:
        return w.HYPHEN_PREFIXES[word.lower()]
    return w.SKIP if not word.isalpha() or not word.islower() else None


def _glued_label_before(text: str, start: int) -> bool:
    """A number glued to a mark or letters that label it ("#3", "'90s", "G7", "XC40"),
    unless the letters are a currency ("USD10m", "RM23.50", "Y=28,030")."""
    before = text[start - 1] if start else ""
    if before and before in _LABEL_MARKS:
        return True
    if before.isalpha() or before == "=":
        return not _glued_currency(text, start)
    return False


def _glued_currency(text: str, start: int) -> bool:
    """A currency sign or code ends right at `start`; "PS" (a lossy "£") only before a
    written amount, since "PS4" is a games console."""
    found = units.CURRENCY_BEFORE.ending_at(text, start)
    if found is None:
        return False
    if text[found[0]:start] != "PS":
        return True
    m = _number_at(text, start)
    end = m.end() if m else start
    return end - start > 1 or units.SCALES_AFTER.starting_at(text, end) is not None \
        or units.MONEY_SCALES_AFTER.starting_at(text, end) is not None


def _score(text: str, amount: _Amount) -> tuple[list[Mention], int] | None:
    """A sports score or vote tally ("won 3-1", "a 5-4 ruling"): two counts, never a range.

    The second number is no upper bound, and each side's figure must be checkable on its own.
    A game or a vote must be named around it; else a falling pair is a label ("747-8").
    """
    end = amount.number_end
    if not amount.plain or end - amount.number_start > 3 or text[end:end + 1] not in ("-", "–"):
        return None
    m = _number_at(text, end + 1)
    if m is None or m.lastgroup != "digits" or not m.group().isdigit() or len(m.group()) > 3:
        return None
    after = m.end()
    if after < len(text) and (text[after].isalpha() or text[after] in "%-"):
        return None
    following = w.token_after(text, after)
    if following in _RIGHT_TOKENS or following.lower() in _RIGHT_TOKENS:
        return None  # "15-22 miles per hour" is a range
    low, high = amount.value, Decimal(m.group())
    noun = subjects.next_noun(text, after)
    head = noun.text.split()[-1].lower() if noun else ""
    context = w.SCORE_NOUNS.get(head) or _score_context(text, amount.start)
    if context is None:
        # "10-15 people" is a range; "747-8" and "50-50" with no game or vote are labels.
        return None if low < high else ([], after)
    subject = context
    if subject == w.GOALS and max(low, high) > 15:
        subject = "points"
    return [Mention(_COUNT, amount.start, end, value=_number(low), subject=subject),
            Mention(_COUNT, end + 1, after, value=_number(high), subject=subject)], after


def _score_context(text: str, pos: int) -> str | None:
    """What a score before `pos` counts, from a verb a few words back: "won 3-1" and
    "beat Calder Vale 3-1" count goals, "passed 52-48" votes."""
    start = pos
    for back in range(4):
        word, start = _previous_word(text, start)
        found = w.SCORE_VERBS.get(word.lower().strip(",;"))
        if found is not None and (back == 0 or word.lower() not in w.SCORE_PREPOSITIONS):
            return found
        if not word or word[-1] in ".;:!?\"”":
            return None
    return None


def _is_label(text: str, amount: _Amount) -> bool:
    """A bare number that names or dates rather than counts: a year, a day of the month,
    "Section 8", "Boeing 737", "iPhone 11 Pro", a list marker."""
    word, _ = _previous_word(text, amount.number_start)
    bare = word.rstrip(".")
    after = _word_after(text, amount, amount.number_end)
    if bare in w.MONTHS or ((after in w.MONTHS or after in (",", "of")) and _MONTH_AFTER.match(text, amount.number_end)):
        return True
    if amount.start != amount.number_start or not amount.plain or amount.kind is not _COUNT:
        return False
    if _qualifier_before(text, amount, amount.number_start):
        return False
    if _is_year(text, amount, bare.lower()) or bare.lower() in w.IDENTIFIER_WORDS:
        return True
    if after in (".", ")") and _LIST_MARKER.match(text, amount.number_end) and _starts_line(text, amount.number_start):
        return True
    if word[-1:].isalnum() and not word.islower() and bare.lower() not in w.FUNCTION_WORDS:
        return subjects.counted_noun(text, amount.number_end, singular=False, max_words=2) is None
    name = _NAME_AFTER.match(text, amount.number_end) if after[:1].isupper() else None
    return name is not None and not subjects.is_plural(name.group(1)) \
        and subjects.counted_noun(text, name.end(), singular=False, max_words=1) is None


def _starts_line(text: str, pos: int) -> bool:
    """Only spaces stand between `pos` and the start of its line."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _is_year(text: str, amount: _Amount, previous_word: str) -> bool:
    """A four-digit number read as a year: from 1900 it is one unless it counts something
    round ("2000 people"); others ("1600", "2120") only after "in", "by", "between" and the like."""
    if amount.number_end - amount.number_start != 4 or not 1000 <= amount.value <= 2999:
        return False
    if previous_word in w.YEAR_PREPOSITIONS:
        return True
    if not 1900 <= amount.value <= 2100:
        return False
    return amount.value % 100 != 0 or subjects.counted_noun(text, amount.number_end, singular=False) is None


# --- numbers in words --------------------------------------------------------------------

def _read_words(text: str, start: int, end: int, previous: Mention | None) -> tuple[list[Mention], int]:
    """A number written in words at text[start:end] ("seventy thousand", "a dozen", "half")."""
    parsed = parse_number_words(text, start, end)
    if parsed is None:
        return [], end
    if parsed.kind is _WORDS_CARDINAL and parsed.value != 1 and start and text[start - 1] in _USUAL_BEFORE \
            and (usual := _read_usual_words(text, start, parsed.end, parsed.value, previous)) is not None:
        return usual
    if parsed.kind is _WORDS_ORDINAL:
        return _read_word_ordinal(text, start, parsed.end, parsed.value, previous)
    amount = _Amount(start, parsed.end, parsed.value, start, parsed.end, words=True)
    if parsed.kind is _WORDS_FRACTION:
        return _read_fraction(text, amount, previous)
    if parsed.kind is _WORDS_VAGUE:
        return _read_vague(text, amount, previous)
    if parsed.kind is _WORDS_SCALE:
        determiner = SCALE_DETERMINERS.ending_at(text, start)
        if determiner is None:
            return [], parsed.end
        amount.start, amount.vague = determiner
        amount.value, amount.scale = Decimal(1), int(parsed.value)
    else:
        share = _in_every(text, amount, previous)
        if share is not None:
            return share
        if parsed.value == 1 and not _one_is_a_count(text, amount):
            return [], parsed.end
    if not _read_right(text, amount):
        return [], parsed.end
    return _complete(text, amount, previous)


def _one_is_a_count(text: str, amount: _Amount) -> bool:
    """ "one" states a count only before what it counts ("one other man", "one year"), not
    as a pronoun ("one of the best", "another one", "rose as one", "one-off")."""
    if PRONOUN_ONE_BEFORE.ending_at(text, amount.start) is not None:
        return False
    if units.UNITS_AFTER.starting_at(text, amount.number_end) is not None:
        return True
    if _HYPHEN_WORD.match(text, amount.number_end):
        return False
    return subjects.counted_noun(text, amount.number_end, singular=True, max_words=2) is not None


def _in_every(text: str, amount: _Amount, previous: Mention | None) -> tuple[list[Mention], int] | None:
    """ "one in five adults", "1 out of 3 Germans": a share, in per cent."""
    if _word_after(text, amount, amount.number_end) not in ("in", "out"):
        return None
    link = _IN_EVERY.match(text, amount.number_end)
    m = _number_at(text, link.end()) if link else None
    denominator = _cardinal_value(text, m) if m else None
    if denominator is None or denominator <= amount.value:
        return None
    end = _cardinal_end(text, m)
    noun = subjects.counted_noun(text, end, singular=False, max_words=2)
    amount.end = noun.end if noun else subjects.share_phrase_end(text, end)
    amount.value = Decimal(amount.value) / denominator * 100
    amount.kind, amount.unit = _PERCENT, "%"
    return _finish(text, amount, previous), amount.end


def _read_fraction(text: str, amount: _Amount, previous: Mention | None) -> tuple[list[Mention], int]:
    """ "two-thirds of our revenue", "half of the town": a share, in per cent; "half a
    million", "half a dozen": a count; "a third of a mile", "half an hour": a measure.

    A bare "half" is a share only before what it divides ("half of", "half the") or after a
    qualifier ("almost half"); a bare "quarter" only in "a quarter of" (else it is a period).
    """
    word = text[amount.number_start:amount.number_end].lower()
    article = SCALE_DETERMINERS.ending_at(text, amount.start)
    if article is not None and not article[1]:
        amount.start = article[0]
    scale = _FRACTION_OF_SCALE.match(text, amount.number_end)
    if scale is not None and (word == "half" or article is not None or "of" not in scale.group()):
        amount.scale = w.SCALES.get(scale.group(1).lower(), w.DOZEN)
        amount.number_end = amount.end = scale.end()
        return _complete(text, amount, previous) if _read_right(text, amount) else ([], amount.end)
    unit = _OF_A.match(text, amount.number_end)
    found = units.UNITS_AFTER.starting_at(text, unit.end()) if unit else None
    if found is not None:  # "a third of a mile", "half an hour": a fraction of a unit
        amount.kind, amount.unit, amount.end = found[1].kind, found[1].name, found[0]
        return _finish(text, amount, previous), amount.end
    if word in w.DENOMINATORS:
        divides = _DIVIDES.match(text, amount.number_end) is not None
        qualified = _qualifier_before(text, amount, amount.start) is not None
        if word == "half" and not (divides or qualified):
            return [], amount.number_end
        if word != "half" and (article is None or subjects.of_phrase(text, amount.number_end) is None):
            return [], amount.number_end
    amount.value *= 100
    amount.kind, amount.unit = _PERCENT, "%"
    amount.end = subjects.share_phrase_end(text, amount.number_end)
    return _finish(text, amount, previous), amount.end


def _read_vague(text: str, amount: _Amount, previous: Mention | None) -> tuple[list[Mention], int]:
    """ "hundreds of troops", "tens of thousands of students", "millions of dollars"."""
    amount.vague = True
    while (of_end := subjects.of_phrase(text, amount.number_end)) is not None:
        m = _number_at(text, of_end + 1) if of_end < len(text) else None
        word = m.group().lower() if m and m.lastgroup == "words" else ""
        if w.VAGUE.get(word, 0) <= w.DOZEN:
            break
        amount.value *= w.VAGUE[word]
        amount.number_end = m.end()
    amount.end = amount.number_end
    of_end = subjects.of_phrase(text, amount.number_end)
    if of_end is not None:
        _read_vague_of(text, amount, of_end)
    return _finish(text, amount, previous), amount.end


def _read_vague_of(text: str, amount: _Amount, of_end: int) -> None:
    """What a vague amount is "of": money, a unit or counted things."""
    money = units.CURRENCY_WORDS_AFTER.starting_at(text, of_end) \
        or units.SCALED_CURRENCY_WORDS_AFTER.starting_at(text, of_end)
    unit = units.UNITS_AFTER.starting_at(text, of_end + 1) if of_end < len(text) else None
    if money is not None:
        amount.kind, amount.currency, amount.unit, amount.end = _MONEY, money[1], money[1], money[0]
    elif unit is not None and unit[1].kind is _MEASURE:
        amount.kind, amount.unit, amount.end = _MEASURE, unit[1].name, unit[0]
    else:
        noun = subjects.counted_noun(text, of_end, singular=False)
        if noun is not None:
            amount.subject, amount.end = noun.text, noun.end


# --- ordinals ----------------------------------------------------------------------------

def _read_digit_ordinal(text: str, start: int, end: int, value: Value) -> tuple[list[Mention], int]:
    """ "100th goal", "the 89th minute", "18th in the table"; days of the month are dates."""
    word, _ = _previous_word(text, start)
    if word.rstrip(".") in w.MONTHS or _MONTH_AFTER.match(text, end) or _ADDRESS_AFTER.match(text, end):
        return [], end
    mentions = _ordinal(start, end, value, _ordinal_noun(text, end))
    return mentions, (mentions[0].end if mentions else end)


def _read_word_ordinal(text: str, start: int, end: int, value: Value, previous: Mention | None) -> tuple[list[Mention], int]:
    """ "its second year", "the third attack", "sit second"; not "first reported" or "a
    second"; "a third of" is a fraction."""
    if _MONTH_AFTER.match(text, end):
        return [], end
    word = text[start:end].lower()
    before = w.token_before(text, start)  # read once for the three tables below
    if word in w.DENOMINATORS and subjects.of_phrase(text, end) is not None:
        article = SCALE_DETERMINERS.ending_at(text, start, before)
        if article is not None and not article[1]:
            fraction = Decimal(1) / w.DENOMINATORS[word]
            return _read_fraction(text, _Amount(start, end, fraction, start, end, words=True), previous)
    determiner = ORDINAL_DETERMINERS.ending_at(text, start, before)
    unranked = determiner is None and POSITION_VERBS.ending_at(text, start, before) is None
    if unranked and word == "first":
        return [], end
    noun = _ordinal_noun(text, end)
    if noun is None and (unranked or (determiner is not None and determiner[1])):
        return [], end
    mentions = _ordinal(start, end, value, noun)
    return mentions, (mentions[0].end if mentions else end)


def _ordinal_noun(text: str, end: int) -> Subject | None:
    """The noun a rank is of: "second year", "third-largest city", "96th-minute winner"."""
    superlative = _SUPERLATIVE.match(text, end)
    pos = superlative.end() if superlative else end
    hyphen = _HYPHEN_WORD.match(text, pos) if not superlative else None
    if hyphen is not None and hyphen.group(1):
        return Subject(hyphen.group(1), hyphen.end())
    return subjects.next_noun(text, pos)


def _ordinal(start: int, end: int, value: Value, noun: Subject | None) -> list[Mention]:
    if noun is not None and noun.text.split()[-1].lower() in w.NOT_RANKED:
        return []
    return [Mention(_ORDINAL, start, noun.end if noun else end, value=_number(value),
                    subject=noun.text if noun else None)]


# --- what stands after a number ----------------------------------------------------------

def _read_right(text: str, amount: _Amount) -> bool:
    """Read scale, currency, percent sign, age and unit around the number, and apply the
    scale; False if the number turns out to be a label or a clock time."""
    pos, token = _read_scale(text, amount)
    _read_currency_before(text, amount)
    if amount.currency is None and token in _CLOCK_TOKENS and _CLOCK_AFTER.match(text, pos):
        return False
    if amount.currency is None and amount.scale == 1 and token in units.MONEY_SCALE_WORDS:
        pos, token = _read_count_scale(text, amount, pos, token)
    found = _read_age_before(text, amount, pos)
    if not found and (amount.currency is not None or token in _RIGHT_TOKENS or token.lower() in _RIGHT_TOKENS):
        found = _read_money(text, amount, pos, token) or _read_percent(text, amount, pos, token) \
            or _read_age(text, amount, pos, token) or _read_unit(text, amount, pos, token)
    if not found:
        if pos < len(text) and text[pos].isalpha():
            return False  # glued letters that are no unit: "5G", "3D", "4K"
        if not _read_compound(text, amount, pos):
            return False
    amount.value *= amount.scale
    return True


def _read_scale(text: str, amount: _Amount) -> tuple[int, str]:
    """Scale words after the number ("5 million", "2 thousand million"), multiplied into
    `amount.scale`: where reading goes on, and the word there."""
    pos = amount.number_end
    token = _word_after(text, amount, pos)
    while (scale := units.SCALES_AFTER.starting_at(text, pos, token)) is not None and scale[1] > amount.scale:
        amount.scale *= scale[1]
        pos = amount.number_end = amount.end = scale[0]
        token = _word_after(text, amount, pos)
    return pos, token


def _read_count_scale(text: str, amount: _Amount, pos: int, token: str) -> tuple[int, str]:
    """ "3.5m people", "20k fans": a money-style scale before a counted noun (else "m" is
    a metre)."""
    found = units.MONEY_SCALES_AFTER.starting_at(text, pos, token)
    if found is None or subjects.counted_noun(text, found[0], singular=False, max_words=2) is None:
        return pos, token
    amount.scale = found[1]
    pos = amount.number_end = amount.end = found[0]
    return pos, _word_after(text, amount, pos)


def _read_compound(text: str, amount: _Amount, pos: int) -> bool:
    """ "a three-point range", "six-cylinder": a count joined to its noun by a hyphen;
    False for "one-off" and the like, which count nothing."""
    hyphen = _HYPHEN_WORD.match(text, pos) if text.startswith("-", pos) else None
    if hyphen is None:
        return True
    noun = hyphen.group(1)
    if noun and noun.lower() in subjects.NOT_NOUNS:
        return False
    amount.adjectival = True
    if noun:
        amount.subject, amount.end = noun, hyphen.end()
    return True


def _read_currency_before(text: str, amount: _Amount) -> None:
    """A sign, a currency and a "minus" before the number: "$-50.8bn", "-$5", "US $58.24",
    "minus 387"; a "+" marks a rise ("Dow +0.2%")."""
    start = amount.start
    negative = _sign_before(text, start)
    if negative:
        start -= 1
    before = _word_before(text, amount, start)
    found = units.CURRENCY_BEFORE.ending_at(text, start, before)
    if found is not None and (text[found[0]:start] != "PS" or _glued_currency(text, amount.start)):
        amount.currency, start = found[1], found[0]
        if not negative and _sign_before(text, start):
            negative, start = True, start - 1
    if negative or found is not None:
        amount.start = start
    if negative:
        amount.value = -amount.value
    minus = MINUS_BEFORE.ending_at(text, amount.start, None if negative or found else before)
    if minus is not None:
        amount.value, amount.start = -abs(amount.value), minus[0]
    if amount.start > 0 and text[amount.start - 1] == "+" and not text[amount.start - 2:amount.start - 1].isalnum():
        amount.change, amount.start = w.UP, amount.start - 1


def _sign_before(text: str, pos: int) -> bool:
    """A minus sign right before `pos`, not a hyphen or a dash between two numbers."""
    if pos == 0 or text[pos - 1] not in _SIGNS:
        return False
    before = text[pos - 2] if pos > 1 else " "
    if before.isspace():
        return not text[pos - 3:pos - 2].isdigit()
    return before in _SIGN_CONTEXT


def _read_money(text: str, amount: _Amount, pos: int, token: str) -> bool:
    """Money: a currency before the number or after it ("3 million euros", "1,200€",
    "110 JPY"), with money-only scales ("$2.7m"), a country mark ("$76 US") and a rate."""
    money_scale = units.MONEY_SCALES_AFTER.starting_at(text, pos, token) if amount.scale == 1 else None
    after_scale = money_scale[0] if money_scale else pos
    if money_scale is not None:
        token = w.token_after(text, after_scale)
    written_after = units.CURRENCY_CODES_AFTER.starting_at(text, after_scale, token) \
        or units.CURRENCY_WORDS_AFTER.starting_at(text, after_scale, token)
    if written_after is None and (amount.scale > 1 or money_scale is not None):
        written_after = units.SCALED_CURRENCY_WORDS_AFTER.starting_at(text, after_scale, token)
    if amount.currency is None and written_after is None:
        return False
    if money_scale is not None:
        amount.scale, pos = money_scale[1], money_scale[0]
    if written_after is not None:
        amount.currency, pos = written_after[1], written_after[0]
    if amount.currency == "USD":
        country = units.US_AFTER_DOLLAR.starting_at(text, pos)
        pos = country[0] if country else pos
    amount.kind, amount.unit = _MONEY, amount.currency
    rate = units.rate_after(text, pos)
    if rate is not None:
        amount.unit, pos = f"{amount.currency}/{rate[1]}", rate[0]
    amount.end = pos
    return True


def _read_percent(text: str, amount: _Amount, pos: int, token: str) -> bool:
    found = units.PERCENT_AFTER.starting_at(text, pos, token)
    if found is None:
        return False
    amount.kind, amount.unit, amount.end = _PERCENT, found[1].name, found[0]
    return True


def _read_age(text: str, amount: _Amount, pos: int, token: str) -> bool:
    """ "40-year-old", "a 50 year-old man", "18 month-old daughter"."""
    m = _AGE_AFTER.match(text, pos) if token in _AGE_TOKENS else None
    if m is None:
        return False
    amount.kind, amount.unit, amount.end, amount.adjectival = _AGE, m.group(1).lower(), m.end(), True
    return True


def _read_age_before(text: str, amount: _Amount, pos: int) -> bool:
    """ "aged 44", "over the age of 21": an age named before the number."""
    if not amount.plain or amount.value > 130 \
            or AGE_BEFORE.ending_at(text, amount.start, _word_before(text, amount, amount.start)) is None:
        return False
    amount.kind, amount.unit, amount.end = _AGE, "year", pos
    return True


def _read_unit(text: str, amount: _Amount, pos: int, token: str) -> bool:
    """A measure or duration unit ("30 yards", "87 mph", "three-day"), with its rate
    ("11 feet per century")."""
    found = _unit_at(text, pos, token)
    if found is None:
        return False
    amount.kind, amount.unit, amount.end = found
    amount.adjectival = text[pos:pos + 1] == "-"
    return True


# --- ranges, qualifiers, subjects ---------------------------------------------------------

def _complete(text: str, amount: _Amount, previous: Mention | None) -> tuple[list[Mention], int]:
    """Read a range and the subject, then the left context, and build the claim."""
    _read_range(text, amount)
    if amount.kind is _COUNT and amount.subject is None:
        _read_subject(text, amount)
    elif amount.kind in (_DURATION, _AGE) and amount.adjectival:
        noun = subjects.next_noun(text, amount.end)
        if noun is not None:
            amount.subject, amount.end = noun.text, noun.end
    return _finish(text, amount, previous), amount.end


def _read_range(text: str, amount: _Amount) -> None:
    """ "252 to 287 miles", "between 10 and 15%", "10-15%", "from $75 a barrel to $45.88".

    Without "from", the ends must rise ("3 to 1" is odds). After a change, "to" names the
    level reached when both amounts are written in full ("increased by $43.6bn to $419.2bn")
    or the second dwarfs the first ("rose by 12,000 to 231,000"), but "dropped by 1 to 1.5
    degrees" is a range. A scale written only on the upper end applies to both ("US $89 to
    $93 billion") when the lower figure is smaller.
    """
    if _word_after(text, amount, amount.end) not in _RANGE_TOKENS:
        return
    link = _RANGE_LINK.match(text, amount.end)
    if link is None:
        return
    word, edge = link.group(1), _left_edge(text, amount)
    opener = RANGE_OPENERS.ending_at(text, edge, _word_before(text, amount, edge))
    from_range = opener is not None and opener[1] == w.FROM
    if word == "and" and (opener is None or opener[1] != w.BETWEEN):
        return
    high = _read_high(text, link.end())
    if high is None or not _same_unit(amount, high):
        return
    if not from_range and _is_change(CHANGES_BEFORE.ending_at(text, edge, _word_before(text, amount, edge))):
        written_in_full = amount.unit is not None or amount.scale > 1
        if written_in_full or high.value > _TARGET_RATIO * amount.value:
            return
    low = amount.value
    if amount.scale == 1 and high.scale > 1 and low < high.value / high.scale:
        low *= high.scale
    if low >= high.value and (word == "or" or not from_range):
        return
    if amount.plain and high.plain and _looks_like_year(amount.value) and _looks_like_year(high.value):
        return
    amount.value, amount.value_high = low, high.value
    if amount.unit is None or (amount.kind is _MONEY and high.unit and "/" in high.unit):
        amount.kind, amount.unit = high.kind, high.unit
    amount.currency = amount.currency or high.currency
    amount.subject, amount.adjectival = high.subject, high.adjectival or amount.adjectival
    amount.end = high.end
    amount.opener = opener[1] if opener else None


def _read_high(text: str, pos: int) -> _Amount | None:
    """The upper end of a range, read by the same rules as any amount."""
    currency = units.CURRENCY_BEFORE.starting_at(text, pos)
    number_start = currency[0] if currency else pos
    m = _number_at(text, number_start)
    value = _cardinal_value(text, m) if m else None
    if value is None:
        return None
    end = _cardinal_end(text, m)
    high = _Amount(pos, end, value, number_start, end, plain=m.group().isdigit(), words=m.lastgroup == "words")
    if currency is not None:
        high.currency = currency[1]
    if not _read_right(text, high):
        return None
    if high.kind is _COUNT and high.subject is None:
        _read_subject(text, high)
    return high


def _same_unit(low: _Amount, high: _Amount) -> bool:
    """Both ends of a range are in one unit, or one end leaves it to the other."""
    if low.currency is not None or high.currency is not None:
        return low.currency in (None, high.currency) and high.currency in (None, low.currency) \
            and low.kind in (_MONEY, _COUNT) and high.kind in (_MONEY, _COUNT)
    if low.unit is None or high.unit is None:
        return low.kind is _COUNT or high.kind is _COUNT
    return low.unit == high.unit


def _is_change(found: tuple[int, str] | None) -> bool:
    return found is not None and found[1] != w.LEVEL


def _looks_like_year(value: Value) -> bool:
    return 1000 <= value <= 2100


def _left_edge(text: str, amount: _Amount) -> int:
    """Where the words that qualify the amount begin: before its qualifier, if any."""
    found = _qualifier_before(text, amount, amount.start)
    return found[0] if found else amount.start


def _read_subject(text: str, amount: _Amount) -> None:
    """The counted noun ("5,000 civilians"), or the person whose age a bare number gives."""
    if amount.adjectival:
        return
    one = amount.value == 1 and amount.value_high is None
    noun = subjects.counted_noun(text, amount.end, singular=one)
    if noun is not None:
        amount.subject, amount.end = noun.text, noun.end
    elif amount.plain and amount.value <= 130 and amount.value_high is None:
        _read_apposition_age(text, amount)


def _read_apposition_age(text: str, amount: _Amount) -> None:
    """ "Maria Lopez, 44, said": an age in apposition to a name."""
    if text[amount.start - 2:amount.start] != ", ":
        return
    after = text[amount.end:amount.end + 2]
    if not after or (after[0] not in ",;)" and not (after[0] == "." and after[1:].isspace())):
        return
    name = subjects.name_before_comma(text, amount.start - 1)
    if name is not None and name.split()[0] not in w.MONTHS:
        amount.kind, amount.unit, amount.subject = _AGE, "year", name


def _finish(text: str, amount: _Amount, previous: Mention | None) -> list[Mention]:
    """Read what qualifies the amount and build the claim."""
    _read_left(text, amount, previous)
    return [_mention(amount)]


def _read_left(text: str, amount: _Amount, previous: Mention | None) -> None:
    """Qualifier, range opener and change before the amount, postfix qualifiers and
    changes after it; a conversion in parentheses takes on the qualifier of the amount it
    converts ("nearly 12 inches (30 centimetres)")."""
    found = _qualifier_before(text, amount, amount.start)
    if found is not None and not (found[1] == w.APPROX and amount.vague):
        amount.start, amount.qualifier = found
    if amount.opener is not None:
        opener = RANGE_OPENERS.ending_at(text, amount.start, _word_before(text, amount, amount.start))
        amount.start = opener[0] if opener else amount.start
        if amount.opener == w.FROM and amount.qualifier in (w.AT_MOST, w.UNDER):
            amount.qualifier = w.EXACT  # "from up to 252 miles to 287 miles"
    before = _word_before(text, amount, amount.start)
    change = CHANGES_BEFORE.ending_at(text, amount.start, before)
    if change is None and before.lower() == "by":
        change = _change_verb_before_by(text, amount.start)
    if _is_change(change) and amount.change is None:
        amount.change = change[1]
    after = _word_after(text, amount, amount.end)
    if amount.change is None and amount.kind in _CHANGE_KINDS and amount.value_high is None:
        found_after = CHANGES_AFTER.starting_at(text, amount.end, after)
        amount.change = found_after[1] if found_after else None
    postfix = POSTFIX_QUALIFIERS.starting_at(text, amount.end, after)
    if postfix is not None and amount.qualifier == w.EXACT:
        amount.qualifier, amount.end = postfix[1], postfix[0]
    if _converts(text, previous, amount):
        amount.qualifier = previous.qualifier
        amount.change = previous.qualifier if previous.qualifier in (w.UP, w.DOWN) else None


def _converts(text: str, previous: Mention | None, amount: _Amount) -> bool:
    """The amount restates the one before it in other units: "87 mph (140 km/h)"."""
    return amount.qualifier == w.EXACT and amount.change is None and _converts_at(text, previous, amount.start)


def _converts_at(text: str, previous: Mention | None, start: int) -> bool:
    """An unqualified amount at `start` restates `previous` in other units."""
    return previous is not None and previous.kind in _CHANGE_KINDS and previous.end <= start \
        and _CONVERSION_GAP.fullmatch(text, previous.end, start) is not None


def _change_verb_before_by(text: str, pos: int) -> tuple[int, str] | None:
    """ "grow sales by 35 per cent", "were down 2.3%, Burlington by 2.6%": a change verb a
    few words before the "by" that introduces the amount."""
    word, start = _previous_word(text, pos)
    if word.lower() != "by":
        return None
    for _ in range(4):
        word, start = _previous_word(text, start)
        direction = w.CHANGE_VERBS.get(word.lower().strip(",;"))
        if direction is not None:
            return start, direction
        if not word or word[-1] in ".;:!?":
            return None
    return None


def _mention(amount: _Amount) -> Mention:
    changes = amount.kind in _CHANGE_KINDS or (amount.kind is _COUNT and (
        amount.subject is None or amount.subject.split()[-1].lower() in w.CHANGING_COUNTS))
    # "dropped by 1 to 1.5 degrees" is a change; "rose from 5% to 7%" states two levels.
    changes = changes and amount.opener != w.FROM
    qualifier = amount.change if amount.change and changes else amount.qualifier
    return Mention(  # positional, as in _usual_claim
        amount.kind, amount.start, amount.end, _number(amount.value),
        _number(amount.value_high) if amount.value_high is not None else None,
        qualifier, amount.vague, amount.unit, amount.subject,
    )


def _cardinal_value(text: str, m: re.Match[str]) -> Decimal | None:
    """The value of a number found by _number_at, if it is a plain cardinal."""
    if m.lastgroup == "digits":
        return Decimal(m.group().replace(",", ""))
    parsed = parse_number_words(text, m.start(), m.end())
    return parsed.value if parsed is not None and parsed.kind is _WORDS_CARDINAL else None


def _cardinal_end(text: str, m: re.Match[str]) -> int:
    if m.lastgroup == "digits":
        return m.end()
    parsed = parse_number_words(text, m.start(), m.end())
    return parsed.end if parsed is not None else m.end()


def _number(value: Value) -> Number:
    """An int where the value is whole, else a float."""
    if isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def _previous_word(text: str, pos: int) -> tuple[str, int]:
    """The run of non-space characters before `pos` (skipping spaces) and its start."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    low = max(0, i - 40)
    j = max(low, text.rfind(" ", low, i) + 1, text.rfind("\n", low, i) + 1, text.rfind("\t", low, i) + 1)
    return text[j:i], j
