"""The pass's extractor, made without the store's SQLAlchemy layer: `wirediff fetch` makes it
before it opens (or creates) the store, so a first pass can start the extraction pool then."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from storage.values import plain_sqlite_file
from worker.ingest.extract_pool import Extractor
from worker.service.seeds import load_roster

if TYPE_CHECKING:
    from worker.config import Settings


def extractor_for(settings: Settings) -> Extractor:
    """The pass's extractor; its pool workers build the same roster, to read people (with the
    learned reader when `[people] reader` says so)."""
    roster = functools.partial(load_roster, tuple(settings.roster_files))
    return Extractor(settings.extract_workers, roster=roster, reader=settings.people_reader)


def first_pass_feeds(settings: Settings) -> int:
    """The configured feeds that follow links when this pass stores the first versions ever:
    the store is an SQLite file that does not exist yet, so every item of every feed is new.
    0 otherwise (a store with versions, or one this cannot tell without opening it)."""
    path = plain_sqlite_file(settings.database_url)
    if path is None or path.exists():
        return 0
    return sum(spec.follow_links for spec in settings.feeds)
