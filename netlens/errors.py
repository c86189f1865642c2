"""One exception tree for everything netlens refuses to do.

Library code raises these; only the command line turns them into ``Error: …`` and exit 1.
Each message says what went wrong (naming the file, and the line where it helps) and what
to do about it.
"""

from __future__ import annotations

__all__ = [
    "ExportNotFoundError",
    "MissingColumnsError",
    "NetlensError",
    "NoMatchError",
    "UnreadableExportError",
]


class NetlensError(Exception):
    """Base of every error netlens raises on purpose."""


class ExportNotFoundError(NetlensError):
    """The path does not exist, or holds no LinkedIn export."""


class UnreadableExportError(NetlensError):
    """A file exists but cannot be read as what it should be (binary, empty, broken zip, …)."""


class MissingColumnsError(UnreadableExportError):
    """A CSV file lacks the columns netlens needs."""


class NoMatchError(NetlensError):
    """No one matches the person or company asked for. The message may name people close
    to what was typed; ``redacted`` says the same with those names as initials, for
    ``--redact``."""

    def __init__(self, message: str, redacted: str) -> None:
        super().__init__(message)
        self.redacted = redacted
