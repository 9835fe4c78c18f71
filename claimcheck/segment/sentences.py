"""Sentences inside paragraphs, by punctuation with the abbreviations of news copy.

A rule splitter rather than a trained one: it needs no model download, runs at
millions of characters a second, and its mistakes can be fixed where they happen.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..model import Span

# Words that end in a period without ending the sentence when a capital follows.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov lieut supt insp
    st ste mt ft rev fr hon pres sr jr messrs mme mlle gov det sgt
    vs v etc al cf ibid
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nebr nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)
# Abbreviations that stand before a number ("No. 10", "Fig. 3"): "No. We" ends a sentence.
_BEFORE_NUMBERS = frozenset("no nos vol vols op pp fig figs art sec ch para".split())
# Abbreviations that often end a sentence too ("... Acme Inc. The company ...", "in the
# U.S. It ..."): they end it when a word that usually opens a sentence follows.
_SOMETIMES_FINAL = frozenset("inc corp co ltd llc plc bros dept univ assn est approx".split())
_SENTENCE_OPENERS = frozenset(
    """
    The A An He She It They We I But And In On At This That These Those There His Her Its
    Their Our Officials Police Meanwhile However After Before When While Some Many Most
    """.split()
)

# A sentence ends at . ! ? or an ellipsis ("..." or "…"), with closing quotes or brackets
# after it, before white space and something that can start a sentence. Group 1 is the
# white space, so the next sentence starts at its end.
# One class of stops with "+", not a class and a repeat of it: a class with a character
# past U+00FF costs re about 1.4 M instructions to compile (a 64K-entry bitmap).
_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)\]]*(?=(\s+)["'“‘«(\[]?[A-Z0-9])""")
_STOPS = (".", "!", "?", "…")
_MAX_SENTENCE_CHARS = 1500
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_WORD_AFTER = re.compile(r"\s+[\"'“‘«(\[]?([A-Za-z]+)")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Does the period at `dot` belong to an abbreviation or an initial, not a sentence end?"""
    # The word before: letters and periods from a letter, within 20 characters (string
    # methods, where a regex search would try every position of the window).
    window = text[dot - 20 if dot > 20 else 0:dot]
    word = window[len(window.rstrip(_WORD_CHARS)):].lstrip(".")
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. K. Rowling"
        return True
    lowered = word.lower()
    if lowered in _ABBREVIATIONS:
        return True
    if lowered in _BEFORE_NUMBERS:
        return _WORD_AFTER.match(text, dot + 1) is None
    if "." in word or lowered in _SOMETIMES_FINAL:  # U.S., a.m., Inc.
        after = _WORD_AFTER.match(text, dot + 1)
        return not (after and after.group(1) in _SENTENCE_OPENERS)
    return False


def find_sentences(prose: str, paragraph: Span) -> list[Span]:
    """The sentences of one paragraph, trimmed, covering all its text."""
    return split_sentences(prose, (paragraph,))


def split_sentences(prose: str, paragraphs: Sequence[Span]) -> list[Span]:
    """The sentences of all paragraphs in one pass over the text."""
    spans: list[Span] = []
    if not paragraphs:
        return spans
    index = 0
    start, para_end = paragraphs[0].start, paragraphs[0].end
    for m in _boundaries(prose, start, paragraphs[-1].end):
        dot, stop = m.span()
        while stop > para_end:
            _append(prose, start, para_end, spans)
            index += 1
            start, para_end = paragraphs[index].start, paragraphs[index].end
        if dot < start:
            continue
        if stop - dot == 1 and prose[dot] == "." and _is_abbreviation(prose, dot):
            continue
        if stop - start <= _MAX_SENTENCE_CHARS and not prose[start].isspace():
            spans.append(Span(start, stop))  # the common case of `_append`: nothing to trim or cut
        else:
            _append(prose, start, stop, spans)
        start = m.end(1)
    _append(prose, start, para_end, spans)
    for para in paragraphs[index + 1:]:
        _append(prose, para.start, para.end, spans)
    return spans


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What _BOUNDARY.finditer(text, start, end) finds.

    A boundary starts at a stop: str.find skips ahead to them with memchr, where the
    regex engine tested every character against the set of stops (a fifth of
    segmentation); the pattern is then tried at each stop after the last boundary.
    """
    stops: list[int] = []
    for stop in _STOPS:
        at = text.find(stop, start, end)
        while at != -1:
            stops.append(at)
            at = text.find(stop, at + 1, end)
    stops.sort()
    last = start
    for at in stops:
        if at >= last:
            m = _BOUNDARY.match(text, at, end)
            if m is not None:
                yield m
                last = m.end()


def _append(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE_CHARS:
        # Run-on text without stops (lists, scraped tables, drafts) is cut into pieces so
        # that nothing downstream works on a "sentence" the size of the document.
        cut = _piece_end(text, start, start + _MAX_SENTENCE_CHARS)
        out.append(Span(start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Span(start, end))


def _piece_end(text: str, start: int, limit: int) -> int:
    """Where to cut a run-on sentence: after the last clause mark or space before `limit`."""
    for marks in ((";", ","), (" ",)):
        cut = max(text.rfind(mark, start + 1, limit) for mark in marks)
        if cut > start:
            return cut + 1
    return limit
