"""Names a package exports but imports on first use (PEP 562): `claimcheck --version` or
`--help` need not load the pattern tables, the rules or the reporters behind them."""
from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: --version starts faster
if TYPE_CHECKING:
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
