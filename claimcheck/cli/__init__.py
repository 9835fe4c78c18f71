"""The command line: a thin typer layer over the library. One module per command."""
from __future__ import annotations

import os
import sys

from ..errors import ClaimcheckError
from .app import Environment, ExitCode, app
from .extract import GroupBy, run_extract  # importing a command module registers it
from . import check as _check  # registers the check command


def run() -> None:
    """Console-script entry point: no traceback reaches the user for errors we expect."""
    try:
        app()
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except ClaimcheckError as exc:
        print(f"claimcheck: error: {exc}", file=sys.stderr)
        sys.exit(int(ExitCode.ERROR))


__all__ = ["Environment", "ExitCode", "GroupBy", "app", "run", "run_extract"]
