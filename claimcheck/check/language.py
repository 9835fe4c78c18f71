"""Small word lists and patterns the rules share: tense, cues, links, content words.

Rules read sentences only to confirm what the claims suggest, so plain word lists
are enough and keep a check far under a millisecond per claim.
"""
from __future__ import annotations

import re

from ..lazy import on_first_use

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

STOPWORDS = frozenset(
    """
    a an the and or but nor of in on at to for from by with about as into over under than then
    that this these those there here it its it's they them their he him his she her we our us you
    your i me my is are was were be been being has have had do does did will would shall should
    can could may might must not no so if while which who whom whose what when where why how
    also just only some any all each every more most less least many much such other another
    said says say told according one after before since until during per up down out off
    mr mrs ms dr s
    """.split()
)

_IRREGULAR_PAST = frozenset(
    """
    was were had did said told met took gave made came went saw won lost fell rose sold bought
    paid began began held left led kept found got brought thought spoke wrote ran hit struck
    shot killed died fled broke chose drove flew grew knew meant put read sent set shut spent
    stood swore threw woke became beat bit built caught dealt drew fought forgot froze hid hung
    laid lay lent let lit overtook sank sat slept slid sought sped split spread sprang stole stuck
    stung strove swept swam swung taught tore understood undertook upheld withdrew wound
    """.split()
)
_ED_VERB = re.compile(r"[a-z]{2,}ed\Z")
_NOT_PAST_ED = frozenset("need speed seed feed breed bed red shed hundred indeed proceed exceed succeed wed weed".split())

future_marker = on_first_use(
    r"""\b(?:will|won't|would|shall|'ll|going\ to|is\ to|are\ to|was\ to|were\ to|due|expected|
    scheduled|planned|plans?\ to|planning|set\ to|slated|upcoming|next|until|till|by|before|deadline|
    from|starting|begins?|beginning|through|ahead|forecasts?|projected|intends?\ to|aims?\ to|hopes?\ to|
    should|could|may|might|must|promised|pledged|vowed|agreed\ to|announced|called\ for|asked|
    proposed|postponed|delayed|moved|rescheduled|opens?|open|runs?|effective|valid|expires?|
    expiring|later|later\ this|tentatively|pending|awaiting|await|predict\w*|forecast\w*|expect\w*|
    anticipat\w*|estimat\w*|project\w*|outlook|guidance|target\w*|payable|record\ date)\b""",
    re.I | re.X,
)

REPORTING_CUE = re.compile(
    r"""\b(?:said|says|say|saying|told|tells|according|added|adds|estimated|estimates|announced|
    reported|reports|reportedly|stated|states|claimed|claims|insisted|noted|explained|warned|
    confirmed|disclosed|revealed|testified|wrote|writes|cited|citing|quoted|show|shows|showed|
    shown|data|figures|statistics|survey|poll|census|study|report|records|filings?|statement|
    spokes(?:man|woman|person)|officials?|police|ministry|agency|analysts?|sources?)\b""",
    re.I | re.X,
)

LINK = re.compile(r"\]\(|\]\[|<https?://|https?://|www\.", re.I)


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def is_past_tense(word: str) -> bool:
    word = word.lower()
    return word in _IRREGULAR_PAST or (bool(_ED_VERB.search(word)) and word not in _NOT_PAST_ED)


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning, plural -s folded."""
    return [singular(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def singular(word: str) -> str:
    word = word.lower().removesuffix("'s").removesuffix("'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
