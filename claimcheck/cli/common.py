"""The typer application, the process environment and the exit codes every command shares.

Data goes to stdout, messages to stderr. Exit codes are `ExitCode`, documented in the README.
"""

import enum
import os
import sys
import datetime as dt
from typing import BinaryIO, Optional, TextIO

import typer

from .. import __version__
from ..errors import UsageError
from ..model import frozen
from .coercion import Group


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1  # kept for `check`: the draft has findings at or above --fail-on
    ERROR = 2  # usage error, or at least one input could not be read


@frozen
class Environment:
    """Where the program reads and writes, and what those streams are; tests build their own."""

    stdin: BinaryIO
    stdout: TextIO
    stderr: TextIO
    stdout_is_terminal: bool
    stderr_is_terminal: bool
    no_color: bool

    @classmethod
    def from_process(cls, no_color: bool = False) -> "Environment":
        return cls(
            stdin=sys.stdin.buffer,
            stdout=sys.stdout,
            stderr=sys.stderr,
            stdout_is_terminal=sys.stdout.isatty(),
            stderr_is_terminal=sys.stderr.isatty(),
            no_color=no_color or bool(os.environ.get("NO_COLOR")),
        )

    def console(self, stream: TextIO, is_terminal: bool, emoji: bool = True):
        """A rich console for `stream`. `emoji=False` where every string printed is ours and holds
        no `:name:` code: rich then never loads its table of emoji names (12 M instructions)."""
        from rich.console import Console

        plain = self.no_color or not is_terminal
        return Console(
            file=stream,
            force_terminal=is_terminal,
            color_system=None if plain else "auto",
            no_color=plain,
            highlight=False,
            emoji=emoji,
            soft_wrap=False,
            width=None if is_terminal else 160,
        )

    def say(self, message: str) -> None:
        """One line on stderr; names in it (files, addresses) show their control characters as escapes."""
        from ..report.safe import visible

        print(f"claimcheck: {visible(message)}", file=self.stderr, flush=True)


app = typer.Typer(
    name="claimcheck",
    cls=Group,
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Find the numeric and dated claims in news articles, with their sources.

    Examples:

      claimcheck extract data/flood-relief-wire.md

      claimcheck extract drafts/ --format json > claims.json

      curl -s https://example.org/story.txt | claimcheck extract - --kind count,money
    """




def parse_reference_date(value: Optional[str]) -> Optional[dt.date]:
    """The --reference-date option as a date, or a usage error that says how to write it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--reference-date {value!r} is not a date; write it as YYYY-MM-DD") from None
