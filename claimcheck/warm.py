"""Imported by the fork server of `--jobs` alone (batch._FORK_SERVER_ONLY), never by a worker
or a library user: the pipeline's lazy tables (patterns, word lists) are built there once, and
every worker forked from it starts with them.

The fork server ends when the command does, and until then it holds the command's standard
output and error open: whatever reads them (a pipe, a CI step, subprocess.run) sees their end
only once it is gone. Freeing its warm heap on the way out took ~45 ms after the command had
ended; it leaves at once instead."""
import atexit
import os
import sys

from .batch import warm_up


def _leave_at_once() -> None:
    """The fork server's exit: its standard streams flushed, then out without freeing the heap."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # no stream, or its reader went away
            pass
    os._exit(0)


warm_up()
atexit.register(_leave_at_once)
