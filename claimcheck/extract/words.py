"""Number words ("seventy thousand", "two-thirds", "a dozen", "hundreds") and phrase tables.

Everything here is a table or a pure function over one phrase; the scanner in
`numbers.py` finds the phrases in a single pass and calls these on each find.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Container, Generic, Iterable, Mapping, TypeVar

V = TypeVar("V")

CARDINALS: Mapping[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: Mapping[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES: Mapping[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}
DOZEN = 12
ORDINALS: Mapping[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 10**6,
}
# Denominators a fraction is written with; "third" and "quarter" double as ordinals.
DENOMINATORS: Mapping[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
# Vague plurals and their magnitude: "hundreds" is 100 (NewsQuant reads it as 100-1000).
VAGUE: Mapping[str, int] = {
    "tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 10**6,
    "billions": 10**9, "trillions": 10**12,
}
VULGAR_FRACTIONS: Mapping[str, Decimal] = {
    "½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75"), "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3, "⅕": Decimal("0.2"), "⅛": Decimal("0.125"),
}


def trie_regex(phrases: Iterable[str]) -> str:
    """An alternation of `phrases` as a trie, one branch per shared prefix, so a lookup
    costs the length of the phrase rather than the size of the table.

    A space in a phrase matches any run of white space; a phrase that ends in a letter or
    digit must end at a word boundary. Longer phrases are preferred.
    """
    root: dict[str, dict] = {}
    folded = [" ".join(phrase.split()) for phrase in phrases]
    for phrase in folded:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    if all(phrase[-1:].isalnum() for phrase in folded):
        # The same matches with the boundary tested once after the trie (a failed test
        # backtracks into it just the same), in a pattern half as long to compile.
        return f"(?:{_emit(root, '', '')}){_BOUNDARY}"
    return _emit(root, "", _BOUNDARY)


_BOUNDARY = r"(?![^\W_])"


def _emit(node: dict[str, dict], previous: str, boundary: str) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(child, ch, boundary)
                for ch, child in sorted(node.items()) if ch]
    if "" in node:
        branches.append(boundary if previous.isalnum() else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


_ALL_WORDS = frozenset({*CARDINALS, *TENS, *SCALES, "dozen", *ORDINALS, *DENOMINATORS, *VAGUE})
# One number word, whole; a phrase is a few joined by spaces or hyphens ("one hundred and
# twenty", "twenty-first", "two-thirds"). The bound keeps a rescan after a phrase that
# stops early ("one one one ...") from reading the rest of the run again and again.
NUMBER_WORD = trie_regex(_ALL_WORDS)
NUMBER_WORDS_PATTERN = rf"(?<![^\W\d_])(?i:{NUMBER_WORD}(?:(?:[^\S\n]+|-)(?:and[^\S\n]+)?{NUMBER_WORD}){{0,9}})"
# Where a number word starts in fold_case(text), for a scan that has tested the mark before
# it: the initial first, in a look-ahead, so most words of a text cost one class test; then
# the trie. Together they match in the folded text exactly where NUMBER_WORDS_PATTERN does
# in the text after a mark that is no letter or digit. A folded text spares the scan (?i),
# whose letters the engine tries one branch at a time (the scan took half as long again).
NUMBER_WORD_INITIAL = "(?=[" + "".join(sorted({word[0] for word in _ALL_WORDS})) + "])"


def fold_case(text: str) -> str:
    """`text` in lower case, every character (?i) takes for an ASCII letter as that letter,
    at the same offsets ("İ" would lower to two characters, "ſ" and "ı" not to "s" and "i")."""
    return text.replace("\u0130", "i").lower().replace("\u017f", "s").replace("\u0131", "i")


_TOKEN = re.compile(r"[A-Za-z]+")


class WordKind(enum.Enum):
    """What a run of number words states."""

    CARDINAL = "cardinal"   # "seventy thousand", "a dozen"
    ORDINAL = "ordinal"     # "twenty-first"
    FRACTION = "fraction"   # "two-thirds", "half" (value is the fraction, 2/3)
    VAGUE = "vague"         # "hundreds" (value is the magnitude)
    SCALE = "scale"         # a bare "hundred", "million", "dozen": needs "a" or "several"


# Module names for the members read per number: in Python 3.11 `WordKind.CARDINAL` goes
# through the slow attribute hook of EnumType (it defines __getattr__).
_CARDINAL, _ORDINAL, _FRACTION, _VAGUE, _SCALE = (
    WordKind.CARDINAL, WordKind.ORDINAL, WordKind.FRACTION, WordKind.VAGUE, WordKind.SCALE)


@dataclass(slots=True)
class WordNumber:
    """The number a run of words states, and where in the text it ends (not frozen, which
    would cost a setattr call per field on every number word read)."""

    kind: WordKind
    value: Decimal
    end: int


def parse_number_words(text: str, start: int, end: int) -> WordNumber | None:
    """Read the longest well-formed number from the words in text[start:end].

    "two three-bedroom" stops after "two"; the caller resumes scanning where it stops.
    """
    single = text[start:end].lower()
    if single in _SINGLE_WORDS:  # the usual case: one word, no grammar to check
        kind, value = _SINGLE_WORDS[single]
        return WordNumber(kind, value, end)
    tokens = [(m.group().lower(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]
    tokens = [t for t in tokens if t[0] != "and"]
    if not tokens:
        return None
    first, _, first_end = tokens[0]
    kind, value = _SINGLE_WORDS.get(first, (_CARDINAL, Decimal(0)))
    if kind in (_VAGUE, _FRACTION, _ORDINAL):  # these take no more words
        return WordNumber(kind, value, first_end)
    if kind is _SCALE:
        return _scale_only(tokens)
    return _cardinal(tokens)


_SINGLE_WORDS: Mapping[str, tuple[WordKind, Decimal]] = {
    **{word: (_CARDINAL, Decimal(n)) for word, n in {**CARDINALS, **TENS}.items()},
    **{word: (_SCALE, Decimal(n)) for word, n in {**SCALES, "dozen": DOZEN}.items()},
    **{word: (_ORDINAL, Decimal(n)) for word, n in ORDINALS.items()},
    **{word: (_FRACTION, Decimal(1) / n) for word, n in DENOMINATORS.items() if word not in ORDINALS},
    **{word: (_VAGUE, Decimal(n)) for word, n in VAGUE.items()},
}


def _scale_only(tokens: list[tuple[str, int, int]]) -> WordNumber:
    """A phrase that starts with a scale ("million", "hundred thousand"): 1 x the scales."""
    value, end = Decimal(1), tokens[0][2]
    for word, _, word_end in tokens:
        if word == "dozen":
            factor = DOZEN
        elif word in SCALES and (value == 1 or SCALES[word] > value):
            factor = SCALES[word]
        else:
            break
        value *= factor
        end = word_end
    return WordNumber(_SCALE, value, end)


def _cardinal(tokens: list[tuple[str, int, int]]) -> WordNumber | None:
    """Standard English cardinal grammar, stopping at the first word that cannot follow.

    A units word may follow a tens word ("twenty-five"); "hundred" multiplies what came
    before; a larger scale closes a group ("two million three hundred thousand"). A
    numerator followed by a denominator is a fraction ("two-thirds", "one quarter").
    """
    total, group = 0, 0
    last = ""  # "unit", "teen", "tens", "hundred", "scale", "dozen"
    end = tokens[0][2]
    last_scale = 10**15
    for index, (word, _, word_end) in enumerate(tokens):
        if word in CARDINALS:
            n = CARDINALS[word]
            if last in ("unit", "teen", "dozen") or (last == "tens" and n >= 10):
                break
            group += n
            last = "teen" if n >= 10 else "unit"
        elif word in TENS:
            if last in ("unit", "teen", "tens", "dozen"):
                break
            group += TENS[word]
            last = "tens"
        elif word == "hundred":
            if last not in ("unit", "teen"):
                break
            group *= 100
            last = "hundred"
        elif word in SCALES:
            scale = SCALES[word]
            if last == "" or scale >= last_scale or last == "dozen":
                break
            total += group * scale
            group, last, last_scale = 0, "scale", scale
        elif word == "dozen":
            if last != "unit":
                break
            group *= DOZEN
            last = "dozen"
        elif word in ORDINALS and last == "tens":
            return WordNumber(_ORDINAL, Decimal(total + group + ORDINALS[word]), word_end)
        elif word in DENOMINATORS and index == 1 and last in ("unit", "teen") and total == 0:
            fraction = Decimal(group) / DENOMINATORS[word]
            return WordNumber(_FRACTION, fraction, word_end)
        else:
            break
        end = word_end
    if last == "":
        return None
    return WordNumber(_CARDINAL, Decimal(total + group), end)


_TOKEN_AFTER = re.compile(r"\s*-?\s*([^\W\d_]+|[^\s\w])")


def token_after(text: str, pos: int) -> str:
    """The word (or single sign) that starts after `pos`, past white space and a hyphen."""
    m = _TOKEN_AFTER.match(text, pos)
    return m.group(1) if m else ""


def token_before(text: str, end: int) -> str:
    """The word (or single sign) that ends before `end`, past white space."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == 0:
        return ""
    if not text[i - 1].isalpha():
        return text[i - 1]
    j = i - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i]


class PhraseTable(Generic[V]):
    """Phrases mapped to values, looked up right before or right after an offset.

    A lookup first tests the word next to the offset against the words the phrases
    start or end with, so the usual miss costs a set test. A hit then tries, longest
    first, only the lengths of the phrases that start (or end) with that word: a slice
    and a dict look-up each. Tables are dicts and sets, so building one costs next to
    nothing (a regex of every phrase took milliseconds to compile, at every start).
    A space in a phrase matches any run of white space; a phrase that ends in a letter or
    digit ends at a word boundary; the longest phrase that fits wins.
    """

    def __init__(self, phrases: Mapping[str, V], *, ignore_case: bool = True, gap: str = r"\s*") -> None:
        self._ignore_case = ignore_case
        self._values = {self._key(p): v for p, v in phrases.items()}
        self._reversed = {key[::-1] for key in self._values}
        self._gap = re.compile(gap)
        self._width = max(len(p) for p in phrases) + 12
        after: dict[str, set[int]] = {}
        before: dict[str, set[int]] = {}
        for key in self._values:
            after.setdefault(token_after(key, 0), set()).add(len(key))
            before.setdefault(token_before(key, len(key)), set()).add(len(key))
        self._lengths_after = {t: sorted(ls, reverse=True) for t, ls in after.items()}
        self._lengths_before = {t: sorted(ls, reverse=True) for t, ls in before.items()}
        self.first_tokens = frozenset(after)
        self.last_tokens = frozenset(before)
        # Words that are a whole phrase and start (end) no other: a hit on one needs no
        # search, only a test that it stands right after (before) the gap. Before an offset
        # only for the default gap, which skips exactly the white space token_before skips.
        self._whole_after = frozenset(t for t, ls in self._lengths_after.items() if ls == [len(t)] and t in self._values)
        self._whole_before = frozenset(
            t for t, ls in self._lengths_before.items() if ls == [len(t)] and t in self._values and gap == r"\s*")
        gap_chars = sorted(c for c in {k[:1] for k in self._values} if c.isspace() or self._gap.fullmatch(c))
        if gap_chars:
            raise ValueError(f"a phrase starts with what the gap {gap!r} takes: {gap_chars}")

    def _key(self, phrase: str) -> str:
        folded = " ".join(phrase.split())
        return folded.lower() if self._ignore_case else folded

    def ending_at(self, text: str, end: int, token: str | None = None) -> tuple[int, V] | None:
        """The phrase that ends (allowing the gap) at `end`: its start and value.

        `token` is token_before(text, end) when the caller already has it.
        """
        if token is None:
            token = token_before(text, end)
        key = token.lower() if self._ignore_case else token
        if key in self._whole_before:
            return self._whole_ending_at(text, end, token, key)
        lengths = self._lengths_before.get(key)
        if lengths is None:
            return None
        window = text[max(0, end - self._width):end][::-1]
        gap = self._gap.match(window)
        found = gap and _longest(window, gap.end(), lengths, self._reversed, self._ignore_case)
        if not found:
            return None
        stop, key = found
        begin = end - stop
        if begin > 0 and key[-1].isalnum() and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
            return None
        return begin, self._values[key[::-1]]

    def starting_at(self, text: str, start: int, token: str | None = None) -> tuple[int, V] | None:
        """The phrase that starts (after the gap) at `start`: its end and value.

        `token` is token_after(text, start) when the caller already has it.
        """
        if token is None:
            token = token_after(text, start)
        key = token.lower() if self._ignore_case else token
        lengths = self._lengths_after.get(key)
        if lengths is None:
            return None
        gap = self._gap.match(text, start)
        if gap is not None and key in self._whole_after:
            stop = gap.end() + len(token)
            if not text.startswith(token, gap.end()) or (key[-1].isalnum() and stop < len(text) and text[stop].isalnum()):
                return None
            return stop, self._values[key]
        found = gap and _longest(text, gap.end(), lengths, self._values, self._ignore_case)
        if not found:
            return None
        stop, key = found
        return stop, self._values[key]

    def _whole_ending_at(self, text: str, end: int, token: str, key: str) -> tuple[int, V] | None:
        """ending_at for a word that is a whole phrase: it ends where token_before found it,
        within the window the search would look at, at a word boundary."""
        i = end
        while i > 0 and text[i - 1].isspace():
            i -= 1
        begin = i - len(token)
        if end - begin > min(self._width, end) or not text.startswith(token, begin):
            return None
        if begin > 0 and key[0].isalnum() and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
            return None
        return begin, self._values[key]


_ODD_SPACE = re.compile(r"\s(?<! )|  ")


def _longest(text: str, pos: int, lengths: list[int], keys: Container[str], ignore_case: bool) -> tuple[int, str] | None:
    """The longest key of one of `lengths` (longest first) written at text[pos:]: where it
    ends and the key. Runs of white space in the text count as one space; a key that ends
    in a letter or digit must not be followed by one."""
    longest = lengths[0]
    piece = text[pos:pos + longest + 1]
    ends: list[int] | None = None
    # Every white space but " " is unprintable: a printable piece needs only the "  " test.
    if not (piece.isprintable() and "  " not in piece) and _ODD_SPACE.search(piece):
        piece, ends = _fold_spaces(text, pos, longest + 1)
    for length in lengths:
        if length > len(piece):
            continue
        key = piece[:length].lower() if ignore_case else piece[:length]
        if key in keys:
            stop = pos + length if ends is None else ends[length]
            if key[-1].isalnum() and stop < len(text) and text[stop].isalnum():
                continue
            return stop, key
    return None


def _fold_spaces(text: str, pos: int, size: int) -> tuple[str, list[int]]:
    """text from `pos` with each run of white space as one space, at least `size`
    characters of it (or to the end), and where in `text` each folded character ends."""
    folded: list[str] = []
    ends: list[int] = [pos]
    i, n = pos, len(text)
    while i < n and len(folded) < size:
        if text[i].isspace():
            while i < n and text[i].isspace():
                i += 1
            folded.append(" ")
        else:
            folded.append(text[i])
            i += 1
        ends.append(i)
    return "".join(folded), ends


# --- words around numbers ------------------------------------------------------------------
# Qualifiers, change verbs and the words that make a number a label, as news copy writes them.

APPROX, OVER, UNDER, AT_LEAST, AT_MOST, EXACT = "~", ">", "<", ">=", "<=", "="
UP, DOWN = "up", "down"
LEVEL = "level"  # a change's start or target ("rose to 5%"), which is not a change

QUALIFIERS: Mapping[str, str] = {
    **dict.fromkeys(("about", "around", "some", "roughly", "nearly", "almost", "approximately",
                     "approx.", "approx", "an estimated", "estimated", "circa", "close to",
                     "just about", "in the region of", "~", "≈", "getting on for"), APPROX),
    **dict.fromkeys(("more than", "over", "above", "upwards of", "in excess of", "greater than",
                     "higher than", "north of", "exceeding", "well over", "just over",
                     "slightly more than", "far more than", "well above", "just above", ">"), OVER),
    **dict.fromkeys(("less than", "under", "fewer than", "below", "lower than", "just under",
                     "just below", "well below", "well under", "slightly less than", "shy of",
                     "south of", "<"), UNDER),
    **dict.fromkeys(("at least", "no fewer than", "no less than", "not less than",
                     "a minimum of", "≥", ">="), AT_LEAST),
    **dict.fromkeys(("up to", "at most", "no more than", "not more than", "a maximum of",
                     "as many as", "as much as", "≤", "<="), AT_MOST),
    **dict.fromkeys(("exactly", "precisely"), EXACT),
}
# Written after the number: "50 or more", "30-odd", "a 50-plus majority".
POSTFIX_QUALIFIERS: Mapping[str, str] = {
    "or more": AT_LEAST, "or so": APPROX, "or less": AT_MOST, "or fewer": AT_MOST,
    "-plus": AT_LEAST, "plus": AT_LEAST, "+": AT_LEAST, "-odd": APPROX, "odd": APPROX,
}
_UP_VERBS = (
    "up", "rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases",
    "increasing", "gained", "gain", "gains", "gaining", "added", "adding", "climbed", "climb",
    "climbs", "climbing", "jumped", "jump", "jumps", "jumping", "advanced", "advance",
    "advances", "surged", "surge", "surges", "surging", "soared", "soar", "soars", "grew",
    "grow", "grows", "growing", "grown", "rallied", "rally", "higher", "boosted", "lifted",
    "edged up", "ticked up", "inched up", "went up", "shot up", "moved up", "revised upward",
    "revised up", "spiked",
)
_DOWN_VERBS = (
    "down", "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops",
    "dropping", "declined", "decline", "declines", "declining", "decreased", "decrease",
    "decreases", "decreasing", "lost", "lose", "loses", "losing", "slid", "slide", "slides",
    "sliding", "slipped", "slip", "slips", "plunged", "plunge", "plunges", "plunging",
    "plummeted", "plummet", "plummets", "plummeting", "tumbled", "tumble", "tumbles", "sank",
    "sink", "sinks", "shed", "sheds", "eased", "ease", "eases", "dipped", "dip", "dips",
    "retreated", "slumped", "slump", "slumps", "shrank", "shrink", "shrinks", "shrunk",
    "contracted", "lower", "lowered", "cut", "cuts", "reduced", "slashed", "trimmed",
    "edged down", "ticked down", "went down", "revised down", "revised downward",
    "drawn down", "crashed", "sagged", "skidded",
)
# Verbs that change a quantity only with "by" ("raised 280 million" is money collected,
# "raise prices by 9%" a rise).
_UP_BY_VERBS = ("raise", "raises", "raised", "raising", "hike", "hikes", "hiked", "boost", "boosts", "lift", "lifts")
_DOWN_BY_VERBS = ("reduce", "reduces", "reducing", "trim", "trims", "slash", "slashes", "lowers", "lowering")
CHANGE_VERBS: Mapping[str, str] = {
    **dict.fromkeys(_UP_VERBS + _UP_BY_VERBS, UP), **dict.fromkeys(_DOWN_VERBS + _DOWN_BY_VERBS, DOWN),
}
CHANGES: Mapping[str, str] = {
    **{verb: UP for verb in _UP_VERBS}, **{verb: DOWN for verb in _DOWN_VERBS},
    **{verb + " by": direction for verb, direction in CHANGE_VERBS.items()},
    **dict.fromkeys(("up from", "down from", "to", "from", "at", "rose to", "fell to"), LEVEL),
}
# "34.4% higher", "20% less than the sale price" ("faster than" only compares).
CHANGES_AFTER: Mapping[str, str] = {
    "higher": UP, "more": UP, "up": UP, "lower": DOWN, "less": DOWN, "fewer": DOWN,
    "cheaper": DOWN, "down": DOWN,
}
# Counts that move like levels ("fell 3 points", "climbed two places").
CHANGING_COUNTS: frozenset[str] = frozenset({"point", "points", "place", "places", "spot", "spots", "notch", "notches"})

BETWEEN, FROM = "between", "from"
RANGE_OPENERS: Mapping[str, str] = {"between": BETWEEN, "from": FROM, "ranging from": FROM}
MINUS_WORDS: Mapping[str, int] = {"minus": -1, "negative": -1}
AGE_WORDS: Mapping[str, bool] = dict.fromkeys(("aged", "age", "ages", "age of", "ages of"), True)
# What a bare scale word needs before it: "a dozen" (exact) or "several hundred" (vague).
SCALE_DETERMINERS: Mapping[str, bool] = {
    "a": False, "an": False, "one": False, "several": True, "a few": True, "few": True,
    "many": True, "some": True,
}
# Before these "one" is a pronoun ("another one", "the one", "no one").
PRONOUN_ONE_DETERMINERS: Mapping[str, bool] = dict.fromkeys(
    ("the", "no", "any", "every", "each", "another", "this", "that", "which", "as", "the only",
     "the same"), True)
# Before a rank: "its second year", "the third"; after "a"/"an" a rank needs its noun
# ("a second term"), since "a second" alone is a moment.
ORDINAL_DETERMINERS: Mapping[str, bool] = {
    **dict.fromkeys(("the", "its", "his", "her", "their", "our", "my", "your", "this", "that", "whose"), False),
    "a": True, "an": True,
}
# "sit second", "finished third": a league position.
POSITION_VERBS: Mapping[str, bool] = dict.fromkeys(
    ("sit", "sits", "sat", "sitting", "finished", "finish", "finishes", "came", "come", "comes",
     "placed", "ranked", "ranks", "rank", "lie", "lies", "lay", "lying", "ended", "stand",
     "stands", "stood"), True)
# Nouns after a rank that make an idiom or a period, not a rank ("third-party", "first half").
NOT_RANKED: frozenset[str] = frozenset(
    "party hand class world rate ever half quarter halves quarters person string guess nature".split())
# What a score counts, from the verb before it ("won 3-1", "passed 52-48").
GOALS, VOTES = "goals", "votes"
SCORE_VERBS: Mapping[str, str] = {
    **dict.fromkeys(("won", "win", "wins", "beat", "beats", "lost", "lose", "loses", "drew", "draw",
                     "defeated", "trail", "trailed", "trailing", "led", "lead", "leading", "at"), GOALS),
    **dict.fromkeys(("passed", "voted", "approved", "rejected", "confirmed", "upheld"), VOTES),
}
SCORE_PREPOSITIONS: frozenset[str] = frozenset({"at"})  # only right before the score: "at 2-0 down"
SCORE_NOUNS: Mapping[str, str] = dict.fromkeys(("vote", "votes", "ruling", "decision", "majority", "verdict"), VOTES)

MONTHS: frozenset[str] = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# Words before a number that make it a label, not a quantity ("Section 8", "page 4").
IDENTIFIER_WORDS: frozenset[str] = frozenset("""
section row seat page pages p pp chapter article paragraph clause no nos number flight route
highway interstate exit gate platform room suite apt apartment unit building block lot
episode season volume vol issue version v model category phase stage game round act scene
verse track channel ward district precinct zone terminal pier hole level tier type class
grade division figure fig table step item rule amendment title code line lane bus pole court
size week day year proposition prop station ch sec art para cat gen
""".split())
# Capitalised words that are not names, so a number after them is no label ("About 70%").
FUNCTION_WORDS: frozenset[str] = frozenset("""
the a an about around some over under nearly almost more less fewer only just at in on by
for with from to of and but or all those these this that its his her their our my your
another each every approximately roughly estimated up down than least most total top exactly
after before since until between among including plus minus additional further extra also
still even now then when while if as were was are is has have had lost killed there here we
they he she it i you what which who
""".split())
YEAR_PREPOSITIONS: frozenset[str] = frozenset("""
in since from between by until till of to and circa before after during early late mid
summer spring autumn fall winter year around through throughout
""".split())
# A word joined by a hyphen before a number: "sub-7 nanometre" bounds it, "minus-5" negates
# it; the rest make a label or a period ("last-32", "mid-2019", "under-21s").
SKIP, NEGATE = "skip", "negate"
HYPHEN_PREFIXES: Mapping[str, str] = {
    "sub": UNDER, "minus": NEGATE, "mid": SKIP, "pre": SKIP, "post": SKIP, "last": SKIP,
    "top": SKIP, "under": SKIP, "over": SKIP, "round": SKIP, "group": SKIP,
}
