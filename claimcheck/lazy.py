"""Work put off until first use: names a package exports but imports when asked for (PEP
562), and patterns few texts need, compiled when asked for. `claimcheck --version` or
`--help` need not load the pattern tables, the rules or the reporters behind them, and a
draft without a rarer construction never compiles its pattern."""
from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: --version starts faster
if TYPE_CHECKING:
    import re
    from typing import Any, Callable, Mapping


def lazy_getattr(package: str, where: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name of `where` is imported from its module
    (absolute, or relative to `package`) on first use and then kept in `namespace`."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    return __getattr__


def on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """`pattern`, compiled the first time it is asked for. Compiling a long word list costs
    3-10 M instructions; a pattern only a few sentences reach (a stated change, a quoted-as
    frame, a transcript label) then costs a text without them nothing."""
    import functools
    import re

    return functools.cache(lambda: re.compile(pattern, flags))
