"""The project's exceptions. The CLI and the UI turn them into clear messages."""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every error this project raises on purpose."""


class IngestError(TrackerError):
    """A file (or one record in it) could not be read as an article.

    ``file`` names the file, and the record inside it where there is one
    (``batch.jsonl#3``); ``reason`` says what was wrong and, where it helps, what to do.
    """

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason

    def __reduce__(self):  # keep it picklable across the process pool
        return (type(self), (self.file, self.reason))


class StoreError(TrackerError):
    """The database could not be opened, migrated, read or written."""


class StoreBusy(StoreError):
    """Another process holds the database for writing; retrying later will work."""


class UsageError(TrackerError):
    """The caller asked for something that cannot be done (bad pair, bad date...)."""
