"""The bundled declarative data in seeds/: the default feed list and the people roster.

Reads files (so it lives outside worker/detect, which must stay pure) and checks them with
the same rules as the config file.
"""

from __future__ import annotations

import marshal
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
    roster = bundled_roster()
    for path in extra:
        from worker.config import read_toml_file

        data = read_toml_file(Path(path), "roster file")
        try:
            roster = roster.merge(Roster.from_entries(_people(data, str(path))))
        except RosterError as err:
            raise ConfigError(f"roster file {path}: {err}") from err
    return roster


def bundled_roster() -> Roster:
    """The roster of seeds/people.toml knowing the given names of seeds/given_names.txt.

    Building it (the TOML parsed, 22,500 given names folded, every spelling's keys) takes ~25 ms
    of CPU, in every process that reads people: a pass's pipeline and each extraction pool
    worker. Where the command line keeps its compiled regular expressions (worker.re_cache
    installed), it keeps the built roster too, beside them: a file named by a digest of the
    two seed files and of the code that builds it (this module, worker/detect/roster.py, the
    Python and OpenCC versions), so any change to them builds anew. The file holds the
    built form in `marshal`'s format (strings, tuples, dicts, frozensets: nothing that runs
    code when read); one that does not load is built past and written again. The files of
    other seeds or code are kept, the newest KEPT_ROSTERS in all."""
    from worker import re_cache

    try:
        # a digest of everything the roster is built from is its fingerprint (people kept in
        # the store name the roster they were read with: worker.ingest.reading_key)
        digest = _bundled_digest()
    except OSError:  # a seed or module file unreadable
        return _build_bundled()
    fingerprint = f"bundled {digest}"
    if not re_cache.installed():
        return _build_bundled().with_fingerprint(fingerprint)
    try:
        path = _roster_file(digest)
    except (OSError, RuntimeError):  # no home directory
        return _build_bundled().with_fingerprint(fingerprint)
    try:
        return Roster.rebuilt(marshal.loads(path.read_bytes())).with_fingerprint(fingerprint)
    except (OSError, ValueError, EOFError, TypeError, RosterError):
        pass
    roster = _build_bundled()
    _write_roster(path, roster)
    return roster.with_fingerprint(fingerprint)


def _build_bundled() -> Roster:
    return Roster.from_entries(
        _people(tomllib.loads(_seed_text("people.toml")), "seeds/people.toml")
    ).with_given_names(given_names())


def _roster_file(digest: str) -> Path:
    """The cache file of the bundled roster built by this code from these seeds (`digest`)."""
    from worker import re_cache

    return re_cache.cache_file().parent / f"roster-{digest}.marshal"


def _bundled_digest() -> str:
    """A digest of the seeds and the code the bundled roster is built by (see bundled_roster)."""
    import hashlib
    import sys

    import opencc

    from worker.detect import roster as roster_module

    digest = hashlib.sha256(f"{sys.implementation.cache_tag}\0".encode())
    # OpenCC's version (its traditional forms of the roster's names): its files as installed
    # (importlib.metadata's version() would import ~13 ms of modules this process may not need)
    for where in (Path(str(opencc.__file__)), Path(str(opencc.__file__)).parent):
        stat = where.stat()
        digest.update(f"{where} {stat.st_size} {stat.st_mtime_ns}\0".encode())
    for code in (__file__, roster_module.__file__):
        digest.update(Path(str(code)).read_bytes() + b"\0")
    for name in ("people.toml", "given_names.txt"):
        digest.update(resources.files("seeds").joinpath(name).read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _write_roster(path: Path, roster: Roster) -> None:
    """Write the built roster whole and rename it into place (a reader never sees half a
    file). Errors are ignored (a read-only home, a full disk: the next process builds it
    again)."""
    from worker import re_cache

    try:
        re_cache.write_whole(path, marshal.dumps(roster.built()))
        # the files of other seeds or code: the newest few kept (two installs, or a checkout
        # beside an install, each keep theirs), the older ones removed
        others = [p for p in path.parent.glob("roster-*.marshal") if p.name != path.name]
        others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in others[KEPT_ROSTERS - 1 :]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


KEPT_ROSTERS = 4  # built rosters kept in the cache directory, this one included


def given_names() -> list[str]:
    """The bundled given names (seeds/given_names.txt, one per line, # comments)."""
    lines = _seed_text("given_names.txt").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _people(data: dict[str, Any], where: str) -> list[Any]:
    people = data.get("people", [])
    if not isinstance(people, list):
        raise ConfigError(f"roster file {where}: `people` must be a list of tables ([[people]])")
    return people
