"""Storage errors.

StorageError
├── StoreURLError        # an unknown or malformed database URL (exit code 2)
├── StoreUnavailable     # the database is down, locked for too long, or the disk is full
│   └── StoreDiskFull    # no space left: the message says "disk full" and names the path
├── SchemaOutdated       # the store needs `wirediff db upgrade`
├── StoreMissing         # a read-only command found no store there (exit code 2)
├── StoreConflict        # another writer stored the same row first (a unique key refused it)
├── FeedNotFound
└── DuplicateFeed
"""

from __future__ import annotations


def first_line(err: BaseException) -> str:
    """The first line of an error's message (drivers add pages of detail), or its type's name."""
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


class StorageError(Exception):
    pass


class StoreURLError(StorageError):
    pass


class StoreUnavailable(StorageError):
    pass


class StoreDiskFull(StoreUnavailable):
    pass


class SchemaOutdated(StorageError):
    pass


class StoreMissing(StorageError):
    pass


class StoreConflict(StorageError):
    pass


class FeedNotFound(StorageError):
    pass


class DuplicateFeed(StorageError):
    pass
