"""Configuration: `[tool.claimcheck]` in pyproject.toml or a `.claimcheck.toml`, found by walking up.

    select = ["CC"]                 # codes or prefixes; "ALL" for every rule
    ignore = ["CC001"]
    fail-on = "warning"             # error | warning | info | never
    day-first = false
    require-ledger = false          # true: every draft needs a review ledger (CC012, CC013)
    max-bytes = "10M"               # refuse larger drafts (--max-bytes wins)
    max-claims = 10000              # refuse drafts with more claims (--max-claims wins)
    [severity]                      # [tool.claimcheck.severity] in pyproject.toml
    CC009 = "warning"
    [[overrides]]                   # globs relative to the configuration file
    paths = ["archive/**"]
    ignore = ["CC008"]
"""
from __future__ import annotations

import enum
import fnmatch
import os
import sys
from dataclasses import field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..errors import ClaimcheckError, UsageError
from ..load.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_CLAIMS, parse_size
from ..model import Severity, frozen

if TYPE_CHECKING:
    from .registry import Rule

CONFIG_FILE = ".claimcheck.toml"
PYPROJECT = "pyproject.toml"
ALL = "ALL"
_TOP_KEYS = frozenset({"select", "ignore", "severity", "fail-on", "day-first", "require-ledger", "overrides", "max-bytes", "max-claims"})
_OVERRIDE_KEYS = frozenset({"paths", "select", "ignore", "severity", "require-ledger"})


class ConfigError(ClaimcheckError):
    """A configuration file that cannot be read or says something claimcheck cannot do."""


class FailOn(str, enum.Enum):
    """The least severe finding that fails the run (exit 1); `never` only reports."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"

    def fails(self, severity: Severity) -> bool:
        return self is not FailOn.NEVER and severity.rank >= Severity(self.value).rank

    def __str__(self) -> str:
        return self.value


@frozen
class Override:
    """Settings for the files matching `paths` (globs relative to the configuration file)."""

    paths: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    require_ledger: bool | None = None

    def matches(self, relative: str) -> bool:
        return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(relative, p.rstrip("/") + "/*") for p in self.paths)


@frozen
class Config:
    """Which rules run at which severity; `origin` names the file it came from, if any."""

    select: tuple[str, ...] = ("CC",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: FailOn = FailOn.WARNING
    day_first: bool = False
    overrides: tuple[Override, ...] = ()
    root: Path | None = None
    origin: str | None = None
    require_ledger: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_claims: int = DEFAULT_MAX_CLAIMS

    def ledger_required(self, path: str | None = None) -> bool:
        """Whether a draft must have a review ledger (`require-ledger`), after its overrides."""
        required = self.require_ledger
        relative = self._relative(path)
        for override in self.overrides:
            if relative is not None and override.require_ledger is not None and override.matches(relative):
                required = override.require_ledger
        return required

    def rules_for(self, path: str | None = None) -> Mapping[str, Severity]:
        """The active rules for a file, code to severity, after its overrides."""
        select, ignore, severity = self.select, self.ignore, dict(self.severity)
        relative = self._relative(path)
        for override in self.overrides:
            if relative is not None and override.matches(relative):
                select = override.select if override.select is not None else select
                ignore = ignore + override.ignore
                severity.update(override.severity)
        return MappingProxyType(
            {
                rule.code: severity.get(rule.code, rule.severity)
                for rule in _rules()
                if _selected(rule.code, select) and not _selected(rule.code, ignore)
            }
        )

    def with_options(
        self, select: Iterable[str] | None = None, ignore: Iterable[str] = (), fail_on: FailOn | None = None
    ) -> "Config":
        """This configuration with command-line options applied: they win over the file."""
        extra_ignore = tuple(_codes(list(ignore), "--ignore", "command line"))
        return replace(
            self,
            select=tuple(_codes(list(select), "--select", "command line")) if select else self.select,
            ignore=self.ignore + extra_ignore,
            fail_on=fail_on or self.fail_on,
        )

    def _relative(self, path: str | None) -> str | None:
        if path is None or self.root is None:
            return None
        try:
            return Path(os.path.abspath(path)).relative_to(self.root).as_posix()
        except ValueError:
            return None


def _rules() -> tuple[Rule, ...]:
    """Every rule, imported on first use: `FailOn` alone (for `--help`) need not load the rules."""
    from .rules import RULES

    return RULES


def _selected(code: str, patterns: Iterable[str]) -> bool:
    return any(p == ALL or code.startswith(p) for p in patterns)


def _codes(values: Any, key: str, origin: str) -> list[str]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{origin}: {key} must be a list of rule codes such as [\"CC003\"]")
    codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    for code in codes:
        if code != ALL and not any(rule.code.startswith(code) for rule in _rules()):
            raise ConfigError(f"{origin}: {key}: {code!r} matches no rule (rules are CC001 to {_rules()[-1].code})")
    return codes


def _severities(table: Any, key: str, origin: str) -> dict[str, Severity]:
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: {key} must be a table of code = \"error\" | \"warning\" | \"info\"")
    result: dict[str, Severity] = {}
    for code, level in table.items():
        patterns = _codes([code], key, origin)
        try:
            severity = Severity(str(level).lower())
        except ValueError:
            raise ConfigError(f"{origin}: {key}.{code}: {level!r} is not error, warning or info") from None
        for rule in _rules():
            if _selected(rule.code, patterns):
                result[rule.code] = severity
    return result


def _unknown(keys: Iterable[str], allowed: frozenset[str], where: str, origin: str) -> None:
    for key in keys:
        if key not in allowed:
            raise ConfigError(f"{origin}: unknown setting {where}{key!r} (known: {', '.join(sorted(allowed))})")


def parse_config(table: Mapping[str, Any], origin: str, root: Path | None) -> Config:
    """A `Config` from the claimcheck table of a TOML file; every mistake is a ConfigError naming it."""
    _unknown(table, _TOP_KEYS, "", origin)
    fail_on = table.get("fail-on", FailOn.WARNING.value)
    try:
        fail_on = FailOn(str(fail_on).lower())
    except ValueError:
        raise ConfigError(f"{origin}: fail-on {fail_on!r} is not error, warning, info or never") from None
    day_first = table.get("day-first", False)
    if not isinstance(day_first, bool):
        raise ConfigError(f"{origin}: day-first must be true or false")
    require_ledger = table.get("require-ledger", False)
    if not isinstance(require_ledger, bool):
        raise ConfigError(f"{origin}: require-ledger must be true or false")
    try:
        max_bytes = parse_size(table.get("max-bytes", DEFAULT_MAX_BYTES), f"{origin}: max-bytes")
    except UsageError as exc:
        raise ConfigError(str(exc)) from None
    max_claims = table.get("max-claims", DEFAULT_MAX_CLAIMS)
    if isinstance(max_claims, bool) or not isinstance(max_claims, int) or max_claims < 1:
        raise ConfigError(f"{origin}: max-claims must be a whole number of claims, 1 or more, such as 10000")
    overrides = table.get("overrides", [])
    if not isinstance(overrides, list) or not all(isinstance(o, dict) for o in overrides):
        raise ConfigError(f"{origin}: overrides must be an array of tables ([[overrides]])")
    parsed: list[Override] = []
    for number, override in enumerate(overrides, start=1):
        where = f"overrides[{number}]."
        _unknown(override, _OVERRIDE_KEYS, where, origin)
        override_ledger = override.get("require-ledger")
        if override_ledger is not None and not isinstance(override_ledger, bool):
            raise ConfigError(f"{origin}: {where}require-ledger must be true or false")
        paths = override.get("paths")
        if isinstance(paths, str):
            paths = [paths]
        if not paths or not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise ConfigError(f"{origin}: {where}paths must be a list of globs such as [\"archive/**\"]")
        parsed.append(
            Override(
                paths=tuple(p.replace("\\", "/").removeprefix("./") for p in paths),
                select=tuple(_codes(override["select"], where + "select", origin)) if "select" in override else None,
                ignore=tuple(_codes(override.get("ignore", []), where + "ignore", origin)),
                severity=MappingProxyType(_severities(override.get("severity", {}), where + "severity", origin)),
                require_ledger=override_ledger,
            )
        )
    return Config(
        select=tuple(_codes(table.get("select", ["CC"]), "select", origin)),
        ignore=tuple(_codes(table.get("ignore", []), "ignore", origin)),
        severity=MappingProxyType(_severities(table.get("severity", {}), "severity", origin)),
        fail_on=fail_on,
        day_first=day_first,
        overrides=tuple(parsed),
        root=root,
        origin=origin,
        require_ledger=require_ledger,
        max_bytes=max_bytes,
        max_claims=max_claims,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    # Imported here, not with the module: most drafts have no configuration file to read.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _claimcheck_table(path: Path) -> Mapping[str, Any] | None:
    data = _read_toml(path)
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("claimcheck")
        return table if isinstance(table, dict) else None
    return data.get("tool", {}).get("claimcheck", data) if isinstance(data.get("tool"), dict) else data


def load_config(path: str | os.PathLike[str]) -> Config:
    """The configuration in one file: a `.claimcheck.toml` or a pyproject.toml with [tool.claimcheck]."""
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{file}: no such configuration file")
    table = _claimcheck_table(file)
    if table is None:
        raise ConfigError(f"{file}: has no [tool.claimcheck] table")
    return parse_config(table, str(file), Path(os.path.abspath(file)).parent)


def find_config_file(start: str | os.PathLike[str]) -> Path | None:
    """The nearest `.claimcheck.toml`, or pyproject.toml with [tool.claimcheck], at or above `start`."""
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _claimcheck_table(candidate) is not None:
            return candidate
    return None


class ConfigFinder:
    """Each checked file's configuration, found once per folder, with command-line options on top.

    One finder per run (it caches what it read), never module state.
    """

    def __init__(
        self,
        fixed: Config | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        fail_on: FailOn | None = None,
    ) -> None:
        self._fixed = fixed
        self._select = list(select) if select else None
        self._ignore = list(ignore)
        self._fail_on = fail_on
        Config().with_options(self._select, self._ignore)  # unknown codes fail before any file is read
        self._by_directory: dict[Path, Config] = {}

    def for_path(self, path: str | None) -> Config:
        directory = Path(os.path.abspath(path)).parent if path else Path.cwd()
        if directory not in self._by_directory:
            found = self._fixed or (load_config(file) if (file := find_config_file(directory)) else Config())
            self._by_directory[directory] = found.with_options(self._select, self._ignore, self._fail_on)
        return self._by_directory[directory]


__all__ = ["ALL", "Config", "ConfigError", "ConfigFinder", "FailOn", "Override", "find_config_file", "load_config", "parse_config"]
