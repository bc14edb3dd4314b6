"""The plain values the store takes and gives, importable without SQLAlchemy.

The settings, the pipeline's context and the lean path of a pass where nothing changed
(storage/quick.py) need these and nothing else of the store: keeping them here keeps
SQLAlchemy (~0.35 s of imports) off the start of every `wirediff fetch`. The modules that
define the store's behaviour (storage.feeds, storage.captures, storage.db, storage.models)
re-export them under their old names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# The newest migration in storage/migrations/versions (a test checks it against Alembic's head):
# opening a current store reads one row instead of importing Alembic and its scripts.
SCHEMA_HEAD = "0009_version_people"


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """A feed as configured (config file, `feeds add`, OPML or seeds)."""

    url: str
    name: str | None = None
    interval_s: int = 900
    follow_links: bool = True
    category: str | None = None
    strict_interval: bool = False  # the interval wins over the feed's hints


@dataclass(frozen=True, slots=True)
class Wait:
    """When a feed is due again after a success, and what decided it."""

    next_fetch_at: datetime
    seconds: int
    reason: str


@dataclass(frozen=True, slots=True)
class Listing:
    """What one parse of a feed showed (a pass whose body did not change has none)."""

    keys: frozenset[str]  # the entries' identity keys: the articles still in the feed
    entries: int
    fell_back: dict[str, int]  # entries that took the feed's own text, by reason
    hint: tuple[int, str] | None  # the feed's own update hint (seconds, source)


@dataclass(frozen=True, slots=True)
class BodyPolicy:
    """How capture bodies are kept: `keep` False stores digests only (`keep_raw = "none"`)."""

    keep: bool = True
    directory: Path | None = None  # None: in the store itself


def default_sqlite_path(environ: Mapping[str, str]) -> Path:
    """$WIREDIFF_HOME/wirediff.db, else $XDG_DATA_HOME/wirediff/wirediff.db, else ~/.local/share/..."""
    if home := environ.get("WIREDIFF_HOME"):
        return Path(home) / "wirediff.db"
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wirediff" / "wirediff.db"


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL (no query, no in-memory database), else None:
    such a URL is valid as it is, so checking it needs no URL parser (storage.db.check_url
    parses every other)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url or "#" in url:
        return None
    database = url[len(prefix) :]
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()
