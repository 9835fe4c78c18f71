"""`claimcheck check`: rules over the claims of a draft, as editorial CI.

    >>> from claimcheck.check import check_text
    >>> [f.code for f in check_text("The council voted on Tuesday, March 1, 2023.")]
    ['CC002']

`check(document, config)` runs the rules on an extracted `Document`; `check_paths`
reads files and directories with the configuration each one's folder gives.
"""
from __future__ import annotations

from ..lazy import lazy_getattr

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..model import Finding, Severity
    from .baseline import Baseline, BaselineError, load_baseline, write_baseline
    from .config import Config, ConfigError, ConfigFinder, FailOn, find_config_file, load_config
    from .engine import CheckedDocument, LedgerMode, check, check_paths, check_text, fingerprint, ledger_for
    from .registry import Rule
    from .rules import RULES, RULES_BY_CODE

# Where each name lives, imported on first use (PEP 562): `claimcheck check --help` needs
# `FailOn` from config, not the rules and the engine.
_LAZY = {
    "Finding": "..model",
    "Severity": "..model",
    **dict.fromkeys(("Baseline", "BaselineError", "load_baseline", "write_baseline"), ".baseline"),
    **dict.fromkeys(("Config", "ConfigError", "ConfigFinder", "FailOn", "find_config_file", "load_config"), ".config"),
    **dict.fromkeys(
        ("CheckedDocument", "LedgerMode", "check", "check_paths", "check_text", "fingerprint", "ledger_for"), ".engine"
    ),
    "Rule": ".registry",
    "RULES": ".rules",
    "RULES_BY_CODE": ".rules",
}


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


__all__ = [
    "Baseline",
    "BaselineError",
    "CheckedDocument",
    "Config",
    "ConfigError",
    "ConfigFinder",
    "FailOn",
    "Finding",
    "LedgerMode",
    "RULES",
    "RULES_BY_CODE",
    "Rule",
    "Severity",
    "check",
    "check_paths",
    "check_text",
    "find_config_file",
    "fingerprint",
    "ledger_for",
    "load_baseline",
    "load_config",
    "write_baseline",
]
