"""Which claims of an old version of a draft are which claims of the new one.

Claim ids (`model.claim_id`) change when a claim's text or sentence changes, so an id
alone cannot say "this figure was corrected". `align` pairs claims in three passes:

1. the same id: the claim is unchanged (unless its value, date or source differ);
2. within each stretch between two unchanged claims, the same kind with the same words,
   the same value or a similar sentence: the claim changed (what changed is listed);
3. anywhere, the same kind with the same words, or in the same sentence: it moved and changed.

What is left is removed (old) or added (new). Every pass is a dictionary look-up or a
comparison inside one stretch (bounded by a window on long stretches), so aligning two
long documents stays close to linear. The review ledger and `claimcheck diff` both use it.
"""
from __future__ import annotations

from collections import defaultdict, deque
from typing import Any, Callable, Iterable, Sequence

from .model import Claim, Document, Number, frozen

# Fields compared between an old and a new claim, in the order a report lists them.
CHANGE_FIELDS = ("value", "qualifier", "unit", "date", "source", "text", "sentence")
# Two sentences sharing at least this share of their words hold the same claim.
SIMILAR_SENTENCE = 0.5
# Stretches with more candidate pairs than this compare each claim with nearby ones only.
_FULL_COMPARE = 1024
_WINDOW = 16
_SAME_WORDS, _SAME_VALUE = 0.4, 0.2
_QUALIFIER_WORDS = {"=": "exact", "~": "about", ">": "more than", "<": "less than", ">=": "at least", "<=": "up to"}


def fold(text: str) -> str:
    """White space folded, as claim ids fold it."""
    return " ".join(text.split())


@frozen
class ClaimRecord:
    """The facts of a claim that a reviewer checked, kept so a later version can be compared.

    `source` is the source's canonical name and `date` the TIMEX3 value: what a reader
    would see change. `line` and `column` place the claim in the version it was read from.
    """

    id: str
    kind: str
    text: str
    sentence: str
    value: Number | None = None
    value_high: Number | None = None
    qualifier: str = "="
    unit: str | None = None
    subject: str | None = None
    date: str | None = None
    source: str | None = None
    line: int = 0
    column: int = 0

    @classmethod
    def of(cls, claim: Claim) -> "ClaimRecord":
        return cls(
            id=claim.id,
            kind=claim.kind.value,
            text=claim.text,
            sentence=claim.sentence,
            value=claim.value,
            value_high=claim.value_high,
            qualifier=claim.qualifier,
            unit=claim.unit,
            subject=claim.subject,
            date=claim.date.value if claim.date else None,
            source=claim.source.name if claim.source else None,
            line=claim.line,
            column=claim.column,
        )

    def to_dict(self) -> dict[str, Any]:
        """Keys in a fixed, readable order (ledger files and `diff --format json` rely on it)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "value": self.value,
            "value_high": self.value_high,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "subject": self.subject,
            "date": self.date,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "sentence": self.sentence,
        }


def changed_fields(old: ClaimRecord, new: ClaimRecord) -> tuple[str, ...]:
    """What a reader would see change between two versions of one claim, in `CHANGE_FIELDS` order."""
    differs = {
        "value": (old.value, old.value_high) != (new.value, new.value_high),
        "qualifier": old.qualifier != new.qualifier,
        "unit": old.unit != new.unit,
        "date": old.date != new.date,
        "source": old.source != new.source,
        "text": fold(old.text) != fold(new.text),
        "sentence": fold(old.sentence) != fold(new.sentence),
    }
    return tuple(name for name in CHANGE_FIELDS if differs[name])


@frozen
class Pair:
    """One claim in both versions; `changes` is empty when nothing a reader sees differs."""

    old: ClaimRecord
    new: ClaimRecord
    changes: tuple[str, ...]


@frozen
class Alignment:
    """Both versions' claims sorted out: pairs in new-version order, removed in old order."""

    unchanged: tuple[Pair, ...]
    changed: tuple[Pair, ...]
    removed: tuple[ClaimRecord, ...]
    added: tuple[ClaimRecord, ...]

    @property
    def has_changes(self) -> bool:
        return bool(self.changed or self.removed or self.added)


def _words(record: ClaimRecord) -> str:
    """A claim's words for matching: white space folded, case ignored ("About" at a sentence start)."""
    return fold(record.text).lower()


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two sentences are: the share of words they have in common (Dice over word sets)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


class _Aligner:
    """The bookkeeping of one alignment: who is matched to whom, by index."""

    def __init__(self, old: Sequence[ClaimRecord], new: Sequence[ClaimRecord]) -> None:
        self.old, self.new = old, new
        self.old_to_new: list[int | None] = [None] * len(old)
        self.new_to_old: list[int | None] = [None] * len(new)
        self._words: dict[tuple[str, int], frozenset[str]] = {}

    def link(self, i: int, j: int) -> None:
        self.old_to_new[i], self.new_to_old[j] = j, i

    def words(self, side: str, index: int) -> frozenset[str]:
        key = (side, index)
        if key not in self._words:
            record = (self.old if side == "old" else self.new)[index]
            self._words[key] = frozenset(record.sentence.lower().split())
        return self._words[key]

    def same_ids(self) -> None:
        waiting: dict[tuple[str, str], deque[int]] = defaultdict(deque)
        for j, record in enumerate(self.new):
            waiting[(record.id, record.kind)].append(j)
        for i, record in enumerate(self.old):
            if waiting.get((record.id, record.kind)):
                self.link(i, waiting[(record.id, record.kind)].popleft())

    def stretches(self) -> list[tuple[list[int], list[int]]]:
        """Unmatched claims grouped by the matched claim before them (the same one in both versions)."""
        old_groups: dict[int, list[int]] = defaultdict(list)
        new_groups: dict[int, list[int]] = defaultdict(list)
        anchor = -1
        for i, j in enumerate(self.old_to_new):
            if j is None:
                old_groups[anchor].append(i)
            else:
                anchor = i
        anchor = -1
        for j, i in enumerate(self.new_to_old):
            if i is None:
                new_groups[anchor].append(j)
            else:
                anchor = i
        return [(olds, new_groups[key]) for key, olds in old_groups.items() if key in new_groups]

    def pair_stretch(self, olds: list[int], news: list[int]) -> None:
        candidates: list[tuple[float, float, int, int]] = []
        full = len(olds) * len(news) <= _FULL_COMPARE
        for a, i in enumerate(olds):
            if full:
                nearby = range(len(news))
            else:
                centre = a * len(news) // len(olds)
                nearby = range(max(0, centre - _WINDOW), min(len(news), centre + _WINDOW + 1))
            old = self.old[i]
            for b in nearby:
                j = news[b]
                new = self.new[j]
                if new.kind != old.kind:
                    continue
                same_words = _words(new) == _words(old)
                same_value = old.value is not None and (old.value, old.value_high, old.unit) == (new.value, new.value_high, new.unit)
                score = _similarity(self.words("old", i), self.words("new", j))
                if same_words or same_value or score >= SIMILAR_SENTENCE:
                    # A similar sentence outweighs the same figure in a different one: "14 weeks"
                    # corrected to "16 weeks" is that claim, not a new "14 weeks" elsewhere.
                    weight = score + _SAME_WORDS * same_words + _SAME_VALUE * same_value
                    candidates.append((weight, -abs(a / len(olds) - b / len(news)), i, j))
        for *_, i, j in sorted(candidates, reverse=True):
            if self.old_to_new[i] is None and self.new_to_old[j] is None:
                self.link(i, j)

    def same_key(self, key: Callable[[ClaimRecord], tuple[str, str]]) -> None:
        """Pair what is left by an exact key, in order: a claim moved and changed elsewhere."""
        waiting: dict[tuple[str, str], deque[int]] = defaultdict(deque)
        for j, record in enumerate(self.new):
            if self.new_to_old[j] is None:
                waiting[key(record)].append(j)
        for i, record in enumerate(self.old):
            if self.old_to_new[i] is None and waiting.get(key(record)):
                self.link(i, waiting[key(record)].popleft())

    def result(self) -> Alignment:
        unchanged: list[Pair] = []
        changed: list[Pair] = []
        for j, i in enumerate(self.new_to_old):
            if i is None:
                continue
            pair = Pair(self.old[i], self.new[j], changed_fields(self.old[i], self.new[j]))
            (changed if pair.changes else unchanged).append(pair)
        return Alignment(
            unchanged=tuple(unchanged),
            changed=tuple(changed),
            removed=tuple(r for r, j in zip(self.old, self.old_to_new) if j is None),
            added=tuple(r for r, i in zip(self.new, self.new_to_old) if i is None),
        )


def align(old: Sequence[ClaimRecord], new: Sequence[ClaimRecord]) -> Alignment:
    """Pair the claims of two versions, each given in document order (see the module docstring)."""
    aligner = _Aligner(old, new)
    aligner.same_ids()
    for olds, news in aligner.stretches():
        aligner.pair_stretch(olds, news)
    aligner.same_key(lambda r: (r.kind, _words(r)))
    aligner.same_key(lambda r: (r.kind, fold(r.sentence)))
    return aligner.result()


def records(claims: Iterable[Claim]) -> list[ClaimRecord]:
    """Records of a document's claims, in document order."""
    return [ClaimRecord.of(claim) for claim in claims]


def _shown(record: ClaimRecord, name: str) -> str:
    from .report.text import format_number, one_line

    if name == "value":
        if record.value is None:
            return "none"
        high = f"–{format_number(record.value_high)}" if record.value_high is not None else ""
        return format_number(record.value) + high
    if name == "qualifier":
        return _QUALIFIER_WORDS.get(record.qualifier, record.qualifier)
    value = getattr(record, name)
    if value is None:
        return "none"
    return f"“{one_line(value)}”" if name in ("text", "sentence") else one_line(str(value))


def describe_change(old: ClaimRecord, new: ClaimRecord, changes: Sequence[str]) -> list[tuple[str, str, str]]:
    """Each changed field with its old and new value as a person reads them ("value", "14", "16")."""
    return [(name, _shown(old, name), _shown(new, name)) for name in changes]


def diff_documents(old: Document, new: Document) -> Alignment:
    """The claims added, removed and changed from one version of a draft to the next."""
    return align(records(old.claims), records(new.claims))


__all__ = ["Alignment", "CHANGE_FIELDS", "ClaimRecord", "Pair", "align", "changed_fields", "describe_change", "diff_documents", "fold", "records"]
