"""The pipeline: prose view -> segment -> extract -> attribute -> claims.

Each stage is a pure function of what the previous ones produced; this module only
wires them together and places every claim in its sentence, line and column.
"""
from __future__ import annotations

import datetime as dt
import sys
from typing import Any, Iterable, Mapping, Sequence

from .errors import LimitError, UsageError
from .load import LineIndex, Prose, read_prose
from .model import Claim, Document, Kind, Mention, RefDateOrigin, fold_space, folded_claim_id, is_folded
from .segment import Segmentation, segment

# Enum attribute access goes through a descriptor on Python 3.11: look it up once.
_DATE = Kind.DATE

# The extractors and attribution compile large pattern tables; they are imported on the
# first call of `extract()`, not with the package, so `claimcheck --version` starts fast.


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"reference date {value!r} is not a date in the form YYYY-MM-DD") from None


def reference_date_of(prose: Prose, option: dt.date | None, metadata: Mapping[str, Any]) -> tuple[dt.date | None, RefDateOrigin]:
    """The date relative expressions resolve against, and where it came from.

    An explicit option wins, then what the publisher says (page metadata, front matter),
    then a dateline near the top of the story.
    """
    from .extract.dates import find_reference_date, parse_date_string

    if option is not None:
        return option, RefDateOrigin.OPTION
    published = metadata.get("date")
    if published:
        found = parse_date_string(str(published))
        if found:
            return found, RefDateOrigin.METADATA
    front = prose.front_matter.get("date")
    if front:
        found = parse_date_string(front)
        if found:
            return found, RefDateOrigin.FRONT_MATTER
    found = find_reference_date(prose.prose, prose.body_start)
    if found:
        return found, RefDateOrigin.DATELINE
    return None, RefDateOrigin.NONE


def merge_mentions(dates: Sequence[Mention], quantities: Sequence[Mention]) -> list[Mention]:
    """Dates and quantities in text order; where they overlap the date wins.

    "two weeks ago" is a date, not a two-week duration; "March 1, 2023" holds no count.
    """
    date_spans = sorted((m.start, m.end) for m in dates)
    kept = list(dates)
    i = 0
    for q in sorted(quantities, key=lambda m: m.start):
        while i < len(date_spans) and date_spans[i][1] <= q.start:
            i += 1
        if i < len(date_spans) and date_spans[i][0] < q.end:
            continue
        kept.append(q)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


class _OpenClaim:
    """A Claim's slots without its frozen `__setattr__`. `build_claims` fills one with plain
    attribute stores and then makes it a Claim by assigning its `__class__` (same slots, so the
    class may change; assigned on the open instance, half the cost of an `object.__setattr__`
    call): a quarter of the cost of `Claim(...)`, whose 17 fields each take a descriptor call."""

    __slots__ = Claim.__slots__


def build_claims(
    text: str, segmentation: Segmentation, mentions: Sequence[Mention], sources: Sequence[Any]
) -> tuple[Claim, ...]:
    """Place each mention in its sentence, line and column, and give it its id.

    Mentions come in text order, a few to a sentence, so the work of a sentence is done once
    for all the claims in it: its sentence is looked up (`Segmentation.sentence_index`) only
    when a claim starts outside the sentence of the claim before; its text is sliced and
    folded, and its start placed in its line. A sentence with nothing to fold (`is_folded`)
    has no line break, so a claim inside it is on the sentence's line, and its text has
    nothing to fold but a space at either end.
    """
    position = LineIndex(text).position
    seen: dict[tuple[Kind, str, int], int] = {}
    claims: list[Claim] = []
    sentences = segmentation.sentences
    starts = segmentation.sentence_starts
    index = low = high = 0  # the offsets [low, high) are in sentence `index`
    sentence = folded = ""
    sentence_start = sentence_end = line = column = 0
    plain = False  # `sentence` is folded, and spans [sentence_start, sentence_end) from (line, column)
    for mention, source in zip(mentions, sources):
        start, end = mention.start, mention.end
        if not low <= start < high:
            # The sentence `start` is in, and the offsets [low, high) in it too (before the
            # first sentence, none: the next offset looks again).
            index = segmentation.sentence_index(start)
            low = starts[index] if starts else 0
            high = starts[index + 1] if index + 1 < len(starts) else sys.maxsize
            if sentences:
                span = sentences[index]
                sentence, sentence_start, sentence_end = text[span.start:span.end], span.start, span.end
            plain = is_folded(sentence)
            folded = sentence if plain else fold_space(sentence)
            line, column = position(sentence_start)
        kind = mention.kind
        claim_text = text[start:end]
        key = (kind, claim_text, index)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        claim = _OpenClaim()
        if plain and sentence_start <= start and end <= sentence_end:  # see the docstring
            claim.id = folded_claim_id(kind, claim_text.strip(" "), folded, occurrence)
            claim.line, claim.column = line, column + start - sentence_start
        else:
            claim.id = folded_claim_id(kind, fold_space(claim_text), folded, occurrence)
            claim.line, claim.column = position(start)
        claim.kind = kind
        claim.text = claim_text
        claim.start = start
        claim.end = end
        claim.sentence = sentence
        claim.value = mention.value
        claim.value_high = mention.value_high
        claim.qualifier = mention.qualifier
        claim.vague = mention.vague
        claim.unit = mention.unit
        claim.subject = mention.subject
        claim.date = mention.date
        claim.source = None if kind is _DATE else source
        claim.sentence_start = sentence_start if sentences else start
        claim.__class__ = Claim  # type: ignore[assignment]
        claims.append(claim)  # type: ignore[arg-type]
    return tuple(claims)


def extract(
    text: str,
    *,
    reference_date: dt.date | str | None = None,
    source: str | None = None,
    day_first: bool = False,
    kinds: Iterable[Kind | str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    max_claims: int | None = None,
) -> Document:
    """Find every numeric and dated claim in `text` and who it comes from.

    `text` is an article as written (plain text or Markdown, front matter allowed).
    `reference_date` overrides the date found in the text for resolving "Tuesday",
    "last week" and the like. `kinds` keeps only claims of those kinds. More than
    `max_claims` claims is a `LimitError` (raised before attribution, the costly part).
    """
    from .attribute import attribute
    from .extract.dates import find_dates
    from .extract.numbers import find_quantities

    option = _as_date(reference_date)
    metadata = dict(metadata or {})
    prose = read_prose(text)
    ref, origin = reference_date_of(prose, option, metadata)
    wanted = None if kinds is None else {Kind(k) for k in kinds}
    segmentation = segment(prose.prose)
    # Dates are found even when not wanted: they keep "March 1, 2023" from becoming counts.
    dates = find_dates(prose.prose, ref, day_first=day_first, paragraphs=segmentation.paragraphs)
    mentions = merge_mentions(dates, find_quantities(prose.prose))
    if wanted is not None:
        mentions = [m for m in mentions if m.kind in wanted]
    if max_claims is not None and len(mentions) > max_claims:
        raise LimitError(
            source if source is not None else "<text>",
            f"{len(mentions):,} claims, over the --max-claims limit of {max_claims:,}; raise --max-claims if it really is one article",
        )
    sources = attribute(prose.prose, segmentation, mentions)
    return Document(
        source=source if source is not None else "<text>",
        text=text,
        claims=build_claims(text, segmentation, mentions, sources),
        reference_date=ref,
        reference_date_origin=origin,
        metadata=metadata,
    )
