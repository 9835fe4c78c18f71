"""The command line: a thin typer layer over the library. One module per command.

Nothing heavy is imported until a command runs, so `claimcheck --version` answers at once.
"""
from __future__ import annotations

import importlib
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: --version starts faster
if TYPE_CHECKING:
    from typing import Any

# Modules that register a command on the shared typer app when imported.
COMMAND_MODULES = ("extract", "check", "review", "diff", "compare")

_LAZY = {
    "Environment": "common",
    "ExitCode": "common",
    "GroupBy": "extract",
    "run_extract": "extract",
}


def load_app(command: str | None = None) -> Any:
    """The typer app with `command` registered, or every command when it is not one of ours.

    Running one command imports only its module: `extract` need not load the rules of `check`.
    """
    from .common import app

    names = (command,) if command in COMMAND_MODULES else COMMAND_MODULES
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    return app


def __getattr__(name: str) -> Any:
    if name == "app":
        return load_app()
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _terminated(signum: int, frame: Any) -> None:
    """SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C: worker processes are stopped, not orphaned."""
    raise SystemExit(128 + signum)


def run() -> None:
    """Console-script entry point: no traceback reaches the user for errors we expect."""
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        print(f"claimcheck {__version__}")
        return
    import signal  # not for --version: it builds enums of every signal and handler

    from ..errors import ClaimcheckError
    from .common import ExitCode

    signal.signal(signal.SIGTERM, _terminated)
    try:
        load_app(sys.argv[1] if len(sys.argv) > 1 else None)()
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except ClaimcheckError as exc:
        from ..report.safe import visible

        print(f"claimcheck: error: {visible(str(exc))}", file=sys.stderr)
        sys.exit(int(ExitCode.ERROR))


__all__ = ["Environment", "ExitCode", "GroupBy", "app", "load_app", "run", "run_extract"]
