"""Exceptions a caller may want to tell apart. The CLI turns each into one line and an exit code."""
from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on purpose."""


class InputError(ClaimcheckError):
    """An input could not be read as an article: missing, unreadable, binary, not UTF-8, empty."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class LimitError(InputError):
    """An input over a limit that bounds time and memory: too many bytes or too many claims."""


class UsageError(ClaimcheckError):
    """An option or argument has a value that cannot be used."""


class FetchError(InputError):
    """An address could not be fetched as an article: network, HTTP status, size, time or content type.

    `status` is the HTTP status when the server answered, so a caller can tell "gone" (404)
    from "try later" (503) without parsing the message.
    """

    def __init__(self, source: str, reason: str, status: int | None = None) -> None:
        super().__init__(source, reason)
        self.status = status
