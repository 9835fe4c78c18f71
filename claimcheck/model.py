"""The data that flows through the pipeline: frozen dataclasses, nothing else.

Field names and meanings follow the claim model (docs in README, "JSON output").
Every stage takes these and returns new ones; nothing here is mutated after it is built.
"""
from __future__ import annotations

import datetime as dt
import enum
from copy import copy
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from inspect import signature
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, Callable, Mapping, Sequence, TypeVar, Union

try:  # hashlib.blake2b is this one; hashlib itself loads OpenSSL (~10 M instructions at every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the built-in module
    from hashlib import blake2b

Number = Union[int, float]
_T = TypeVar("_T")


class _Factory:
    """The default an `__init__` parameter shows for a field with a default factory, as in dataclass."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an object's field values that dataclass's `__eq__` and `__hash__` compare."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


def _init(cls: type, plain: Sequence[Field[Any]]) -> Callable[..., None]:
    """An `__init__` that fills each slot through its own descriptor: half the cost of
    dataclass's (an `object.__setattr__` per field), which counts for the classes made
    once per claim. Same parameters, defaults and annotations."""
    params, body, names = [], [], {"_FACTORY": _FACTORY}
    for f in plain:
        names[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        value = f.name
        if f.default_factory is not MISSING:
            names[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        elif f.default is not MISSING:
            names[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            params.append(f.name)
        body.append(f"    _set_{f.name}(self, {value})\n")
    exec(f"def __init__(self, {', '.join(params)}):\n" + ("".join(body) or "    pass\n"), names)
    init = names["__init__"]
    init.__annotations__ = {**{f.name: f.type for f in plain}, "return": None}
    return init


def frozen(cls: type[_T]) -> type[_T]:
    """`@dataclass(frozen=True, slots=True)` at a quarter of its start-up cost: the same class.

    dataclass writes the source of six methods per class and compiles each, about 5 M
    instructions a class and two dozen classes at every start of the command line. Here
    only `__init__` is compiled (it must keep its parameters, and runs once per claim);
    equality, hash, repr, immutability and pickling are closures over the field names
    that do what dataclass's methods do.
    """
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: frozen() makes no __post_init__ call")
    documented = bool(cls.__doc__)
    if not documented:
        # Written below from our __init__; without one, dataclass would write it from
        # object's signature, whose parsing compiles tokenize's pattern (~15 M instructions).
        cls.__doc__ = cls.__name__
    cls = dataclass(slots=True, init=False, repr=False, eq=False)(cls)  # nothing compiled
    plain = fields(cls)
    if any(not f.init or f.kw_only or not f.repr or not f.compare or f.hash is not None for f in plain):
        raise TypeError(f"{cls.__name__}: only plain fields (defaults and factories) are supported")
    names = tuple(f.name for f in plain)
    values = _values(names)

    @recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(values(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    methods = (_init(cls, plain), __repr__, __eq__, __hash__, __setattr__, __delattr__, __getstate__, __setstate__)
    for method in methods:
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    if not documented:  # dataclass's docstring for a class without one: its signature
        cls.__doc__ = cls.__name__ + str(signature(cls)).replace(" -> None", "")
    # The parameters dataclass records, as `@dataclass(frozen=True, slots=True)` would
    # record them: `dataclasses` reads `frozen` when a subclass is declared.
    params = copy(cls.__dataclass_params__)  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = params.frozen = True
    cls.__dataclass_params__ = params  # type: ignore[attr-defined]
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


@frozen
class Span:
    """A half-open character range [start, end) into a document's text."""

    start: int
    end: int

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@frozen
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


@frozen
class Source:
    """Who the text says a claim comes from."""

    name: str
    mention: str
    cue: str
    quoted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mention": self.mention, "cue": self.cue, "quoted": self.quoted}


@frozen
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


@frozen
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
    space folded in both) and which occurrence of that text in that sentence it is.
    """
    return folded_claim_id(kind, fold_space(text), fold_space(sentence), occurrence)


def is_folded(text: str) -> bool:
    """Whether `fold_space(text)` is `text`: every white space character but the space is
    unprintable, so printable text without a double, leading or trailing space is folded."""
    return text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]


def fold_space(text: str) -> str:
    """`" ".join(text.split())`, without splitting text that has nothing to fold."""
    return text if is_folded(text) else " ".join(text.split())


def folded_claim_id(kind: Kind, folded_text: str, folded_sentence: str, occurrence: int = 0) -> str:
    """`claim_id` of a text and sentence already folded (`fold_space`): the pipeline folds
    each sentence once for all the claims in it, and their texts only where it had to."""
    key = _ID_HASH.copy()
    key.update(f"{_KIND_VALUE[kind]}\x1f{folded_text}\x1f{folded_sentence}\x1f{occurrence}".encode("utf-8", "surrogatepass"))
    return key.hexdigest()


# `Kind.value` is a descriptor call on Python 3.11; ids are made once per claim.
_KIND_VALUE = {kind: kind.value for kind in Kind}
# Each id copies this empty hash: cheaper than a new one, whose `digest_size=8` is parsed again.
_ID_HASH = blake2b(digest_size=8)


@frozen
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


@frozen
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
