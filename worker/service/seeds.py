"""The bundled declarative data in seeds/: the default feed list and the people roster.

Reads files (so it lives outside worker/detect, which must stay pure) and checks them with
the same rules as the config file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from worker.detect.roster import Roster, RosterError
from worker.errors import ConfigError

if TYPE_CHECKING:
    from storage.feeds import FeedSpec

# worker.config (and with it the store's and the fetcher's modules) is imported by the functions
# that need it: `load_roster` runs in every extraction pool worker, which needs none of them.

SEED_REPORT = "000_51e97353ff3bef23.txt"


def _seed_text(name: str) -> str:
    return resources.files("seeds").joinpath(name).read_text(encoding="utf-8")


def default_feeds() -> tuple[FeedSpec, ...]:
    from worker.config import read_feed_tables

    raw = tomllib.loads(_seed_text("feeds.toml"))
    return read_feed_tables(raw["feeds"], "seeds/feeds.toml")


def seed_report() -> str:
    return _seed_text(SEED_REPORT)


def load_roster(extra: Iterable[Path] = ()) -> Roster:
    """The bundled roster, extended by the users' own files (later files win)."""
    roster = Roster.from_entries(
        _people(tomllib.loads(_seed_text("people.toml")), "seeds/people.toml")
    ).with_given_names(given_names())
    for path in extra:
        from worker.config import read_toml_file

        data = read_toml_file(Path(path), "roster file")
        try:
            roster = roster.merge(Roster.from_entries(_people(data, str(path))))
        except RosterError as err:
            raise ConfigError(f"roster file {path}: {err}") from err
    return roster


def given_names() -> list[str]:
    """The bundled given names (seeds/given_names.txt, one per line, # comments)."""
    lines = _seed_text("given_names.txt").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _people(data: dict[str, Any], where: str) -> list[Any]:
    people = data.get("people", [])
    if not isinstance(people, list):
        raise ConfigError(f"roster file {where}: `people` must be a list of tables ([[people]])")
    return people
