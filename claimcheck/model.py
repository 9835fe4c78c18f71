"""The data that flows through the pipeline: frozen dataclasses, nothing else.

Field names and meanings follow the claim model (docs in README, "JSON output").
Every stage takes these and returns new ones; nothing here is mutated after it is built.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Mapping, TypeVar, Union

try:  # hashlib.blake2b is this one; hashlib itself loads OpenSSL, and model is imported at start-up
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - a Python without the built-in module
    from hashlib import blake2b as _blake2b

Number = Union[int, float]
_T = TypeVar("_T")


def _slot_init(cls: type[_T]) -> type[_T]:
    """The `__init__` of a frozen slots dataclass declared with init=False: it fills each
    slot through its own descriptor, half the cost of the one dataclass would generate (an
    `object.__setattr__` per field), which counts for the classes made once per claim.
    Same parameters and defaults."""
    params, body, names = [], [], {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields take a slot __init__")
        names[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    _set_{f.name}(self, {f.name})\n")
    exec(f"def __init__(self, {', '.join(params)}):\n{''.join(body)}", names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


class Kind(str, enum.Enum):
    """What a claim states. The string values are the JSON `kind` field."""

    COUNT = "count"
    PERCENT = "percent"
    MONEY = "money"
    MEASURE = "measure"
    DURATION = "duration"
    AGE = "age"
    ORDINAL = "ordinal"
    DATE = "date"

    def __str__(self) -> str:
        return self.value


NUMERIC_KINDS = frozenset(k for k in Kind if k is not Kind.DATE)


class RefDateOrigin(str, enum.Enum):
    """How a document's reference date was found."""

    DATELINE = "dateline"
    METADATA = "metadata"
    FRONT_MATTER = "front-matter"
    OPTION = "option"
    NONE = "none"

    def __str__(self) -> str:
        return self.value


@_slot_init
@dataclass(frozen=True, slots=True, init=False)
class Span:
    """A half-open character range [start, end) into a document's text."""

    start: int
    end: int

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@_slot_init
@dataclass(frozen=True, slots=True, init=False)
class DateValue:
    """A resolved calendar reference: a TIMEX3-style value and the days it covers."""

    value: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    anchored: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "anchored": self.anchored,
        }


@_slot_init
@dataclass(frozen=True, slots=True, init=False)
class Source:
    """Who the text says a claim comes from."""

    name: str
    mention: str
    cue: str
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mention": self.mention, "cue": self.cue, "quoted": self.quoted}


@_slot_init
@dataclass(frozen=True, slots=True, init=False)
class Mention:
    """What an extractor finds: a claim before it is placed in its sentence and attributed."""

    kind: Kind
    start: int
    end: int
    value: Number | None = None
    value_high: Number | None = None
    qualifier: str = "="
    vague: bool = False
    unit: str | None = None
    subject: str | None = None
    date: DateValue | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@_slot_init
@dataclass(frozen=True, slots=True, init=False)
class Claim:
    """One numeric or dated expression a reader could check; one row of a report."""

    id: str
    kind: Kind
    text: str
    start: int
    end: int
    line: int
    column: int
    sentence: str
    value: Number | None = None
    value_high: Number | None = None
    qualifier: str = "="
    vague: bool = False
    unit: str | None = None
    subject: str | None = None
    date: DateValue | None = None
    source: Source | None = None
    # Where `sentence` starts in the document: lets a reporter mark the claim inside it.
    sentence_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "value": self.value,
            "value_high": self.value_high,
            "qualifier": self.qualifier,
            "vague": self.vague,
            "unit": self.unit,
            "subject": self.subject,
            "date": self.date.to_dict() if self.date else None,
            "sentence": self.sentence,
            "source": self.source.to_dict() if self.source else None,
        }


def claim_id(kind: Kind, text: str, sentence: str, occurrence: int = 0) -> str:
    """A fingerprint that survives edits elsewhere in the document.

    It depends only on the claim's kind, its text, the sentence it stands in (white
    space folded) and which occurrence of that text in that sentence it is.
    """
    return folded_claim_id(kind, text, fold_space(sentence), occurrence)


def fold_space(text: str) -> str:
    """`" ".join(text.split())`, without splitting text that has nothing to fold.

    Every white space character but the space is unprintable, so printable text without
    a double, leading or trailing space is already folded.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        return text
    return " ".join(text.split())


def folded_claim_id(kind: Kind, text: str, folded_sentence: str, occurrence: int = 0) -> str:
    """`claim_id` for a sentence already folded (`fold_space`): the
    pipeline folds each sentence once for all the claims in it."""
    key = f"{_KIND_VALUE[kind]}\x1f{fold_space(text)}\x1f{folded_sentence}\x1f{occurrence}"
    return _blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()



# `Kind.value` is a descriptor call on Python 3.11; ids are made once per claim.
_KIND_VALUE = {kind: kind.value for kind in Kind}


@dataclass(frozen=True, slots=True)
class Document:
    """An input after the pipeline: its text, reference date and claims."""

    source: str
    text: str
    claims: tuple[Claim, ...]
    reference_date: dt.date | None = None
    reference_date_origin: RefDateOrigin = RefDateOrigin.NONE
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "reference_date_origin": self.reference_date_origin.value,
            "metadata": dict(self.metadata),
            "claims": [c.to_dict() for c in self.claims],
        }


class Severity(str, enum.Enum):
    """How much a finding matters; `--fail-on` compares against `rank`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]

    def __str__(self) -> str:
        return self.value


@_slot_init
@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One problem `claimcheck check` reports about one claim of one document.

    `fingerprint` depends on the rule and the claim id only, so a finding keeps it
    when the rest of the document is edited (baselines, SARIF partial fingerprints).
    """

    code: str
    name: str
    severity: Severity
    message: str
    source: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    claim_id: str
    fingerprint: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "claim_id": self.claim_id,
            "fingerprint": self.fingerprint,
        }
