"""`model.frozen` must make the class `@dataclass(frozen=True, slots=True)` makes, only cheaper."""
import dataclasses
import inspect
import pickle
from typing import Any, Optional

import pytest

from claimcheck.model import frozen


def _declare(decorate: Any) -> tuple[type, type]:
    """Point and Box, made by `decorate` and bound to this module's names so that they pickle."""
    global Point, Box
    Point = decorate(type("Point", (), {
        "__module__": __name__, "__doc__": "A point.", "__annotations__": {"x": int, "y": Optional[float], "label": str},
        "y": None, "label": "p",
    }))
    Box = decorate(type("Box", (), {
        "__module__": __name__, "__annotations__": {"items": dict, "corner": Optional[Point]},
        "items": dataclasses.field(default_factory=dict), "corner": None,
    }))
    return Point, Box


def _behaviour(decorate: Any) -> list[Any]:
    point_cls, box_cls = _declare(decorate)
    nan = float("nan")
    p, q, r = point_cls(1, 2.5), point_cls(1, 2.5), point_cls(1, nan, label="n")
    box = box_cls(corner=p)
    seen = [
        str(inspect.signature(point_cls)), str(inspect.signature(box_cls)), box_cls.__doc__,
        point_cls.__match_args__, point_cls.__slots__, repr(point_cls.__dataclass_params__),
        [(f.name, f.type, f.default) for f in dataclasses.fields(point_cls)],
        repr(p), repr(box), repr(box_cls()), box_cls().items == {}, box_cls().items is not box_cls().items,
        p == q, p != q, p == point_cls(2), r == r, p == (1, 2.5, "p"), p.__eq__(1), hash(p) == hash(q),
        hash(point_cls(3, 4.0, "a")) == hash((3, 4.0, "a")), repr(dataclasses.replace(p, x=5)), dataclasses.asdict(box),
    ]
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(box, proto)
        seen += [data, pickle.loads(data) == box]
    for change in (lambda: setattr(p, "x", 3), lambda: delattr(p, "y")):
        with pytest.raises(dataclasses.FrozenInstanceError) as caught:
            change()
        seen.append(str(caught.value))
    for bad in (lambda: point_cls(), lambda: point_cls(1, 2, 3, 4), lambda: point_cls(1, x=2)):
        with pytest.raises(TypeError) as caught:
            bad()
        seen.append(str(caught.value))
    with pytest.raises(TypeError, match="non-frozen"):
        dataclasses.dataclass(type("Sub", (point_cls,), {"__annotations__": {"z": int}}))
    return seen


def test_frozen_makes_the_class_dataclass_makes():
    assert _behaviour(frozen) == _behaviour(dataclasses.dataclass(frozen=True, slots=True))


def test_frozen_refuses_what_it_does_not_make():
    with pytest.raises(TypeError):
        @frozen
        class Later:
            x: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError):
        @frozen
        class Hidden:
            x: int = dataclasses.field(repr=False)
