"""Raw captures: the HTTP exchanges behind versions and takedowns, bodies compressed and stored once.

A body is keyed by the SHA-256 of its bytes (as received: content coding kept), compressed with
zstd, and kept either in the `capture_blobs` table or, when a capture directory is configured,
as DIR/ab/abcdef....zst beside the store. The `captures` row keeps everything else (URLs,
status, request time, peer address, headers, redirect hops) and the digest over all of it
(storage/digests.py), which the log commits to. Retention (`[storage] keep_raw`) drops bodies,
never digests or rows.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TypeVar

import sqlalchemy as sa
import zstandard

from storage.digests import Exchange, capture_material, exchange_digest, hops_json
from storage.tables import capture_blobs, dialect_of, flushed
from storage.tables import captures as table
from storage.values import BodyPolicy as BodyPolicy  # defined there, used from here too
from storage.zstd import compressor

if TYPE_CHECKING:
    from storage.tables import Conn

_T = TypeVar("_T")
_LEVEL = 3  # pages are up to max_bytes of HTML: a fast level; HTML compresses well anyway
_READ = 1 << 16

# Where a body lives: in the row, in the directory, or nowhere (dropped by retention).
IN_DB, IN_DIR, DROPPED = "db", "dir", "dropped"


def blob_path(directory: Path, sha256: str) -> Path:
    return directory / sha256[:2] / f"{sha256}.zst"


def put(conn: Conn, exchange: Exchange, policy: BodyPolicy) -> sa.Row[Any]:
    """Store an exchange (unless stored already: same digest) and its body (unless stored);
    returns its row."""
    return put_many(conn, [exchange], policy)[0]


class Stored(NamedTuple):
    """A stored capture's digest and row id: what a version's record takes of it."""

    digest: str
    id: int


def put_many(conn: Conn, exchanges: Sequence[Exchange], policy: BodyPolicy) -> list[sa.Row[Any]]:
    """Store each exchange (unless stored already: same digest) and its body (unless stored):
    a handful of statements for a feed's batch, whatever its size. Each body is hashed once."""
    return _put_many(conn, exchanges, policy, _captures_by_digest)


def put_many_keys(conn: Conn, exchanges: Sequence[Exchange], policy: BodyPolicy) -> list[Stored]:
    """`put_many`, each capture's digest and id read back instead of its whole row (its
    headers, URLs and redirects as JSON text): what the evidence log's records take of it."""
    return _put_many(conn, exchanges, policy, _keys_by_digest)


def _put_many(
    conn: Conn,
    exchanges: Sequence[Exchange],
    policy: BodyPolicy,
    lookup: Callable[[Conn, Sequence[str]], dict[str, _T]],
) -> list[_T]:
    if not exchanges:
        return []
    shas = [exchange.body_sha256 for exchange in exchanges]
    digests = [exchange_digest(e, body_sha256=sha) for e, sha in zip(exchanges, shas, strict=True)]
    found = lookup(conn, digests)
    missing = [
        (exchange, sha, digest)
        for exchange, sha, digest in zip(exchanges, shas, digests, strict=True)
        if digest not in found
    ]
    if missing:
        wanted = list({sha for _, sha, _ in missing})
        have = set(conn.execute(_BLOBS, {"wanted": wanted}).scalars())
        blobs: dict[str, dict[str, Any]] = {}
        rows: dict[str, dict[str, Any]] = {}
        for exchange, sha, digest in missing:
            if sha not in have and sha not in blobs:
                blobs[sha] = _blob_row(sha, exchange.body, policy)
            rows.setdefault(digest, _capture_row(exchange, sha, digest))
        if blobs:
            _insert_ignore(conn, capture_blobs, list(blobs.values()))
        _insert_ignore(conn, table, list(rows.values()))
        found.update(lookup(conn, list(rows)))
    return [found[digest] for digest in digests]


def _keys_by_digest(conn: Conn, digests: Sequence[str]) -> dict[str, Stored]:
    rows = conn.execute(_KEYS, {"digests": list(set(digests))})
    return {digest: Stored(digest, capture_id) for digest, capture_id in rows}


def _captures_by_digest(conn: Conn, digests: Sequence[str]) -> dict[str, sa.Row[Any]]:
    return {c.digest: c for c in conn.execute(_CAPTURES, {"digests": list(set(digests))})}


# Built once with bound parameters (storage/feeds.py says why)
_digests: sa.BindParameter[Any] = sa.bindparam("digests", expanding=True)
_KEYS = sa.select(table.c.digest, table.c.id).where(table.c.digest.in_(_digests))
_CAPTURES = sa.select(table).where(table.c.digest.in_(_digests))
_BLOBS = sa.select(capture_blobs.c.sha256).where(
    capture_blobs.c.sha256.in_(sa.bindparam("wanted", expanding=True))
)


def _capture_row(exchange: Exchange, sha: str, digest: str) -> dict[str, Any]:
    return {
        "digest": digest,
        "url": exchange.url,
        "final_url": exchange.final_url,
        "status": exchange.status,
        "reason": exchange.reason[:256],
        "http_version": exchange.http_version,
        "requested_at": exchange.requested_at,
        "peer": exchange.peer,
        "request_headers": _json([list(p) for p in exchange.request_headers]),
        "response_headers": _json([list(p) for p in exchange.response_headers]),
        "redirects": _json(hops_json(exchange.redirects)),
        "body_sha256": sha,
        "body_size": len(exchange.body),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _blob_row(sha256: str, body: bytes, policy: BodyPolicy) -> dict[str, Any]:
    if not policy.keep:
        return {"sha256": sha256, "size": len(body), "place": DROPPED, "data": None}
    frame = compressor(_LEVEL).compress(body)
    if policy.directory is None:
        return {"sha256": sha256, "size": len(body), "place": IN_DB, "data": frame}
    _write_file(blob_path(policy.directory, sha256), frame)
    return {"sha256": sha256, "size": len(body), "place": IN_DIR, "data": None}


def _write_file(path: Path, frame: bytes) -> None:
    """Whole or not at all: a temporary file renamed into place (a crash leaves no half file)."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(frame)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _insert_ignore(conn: Conn, into: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERTs that do nothing when the key exists: two workers may store one body at once.
    One statement executed over all the rows."""
    conn.execute(_insert_ignoring(dialect_of(conn).name, into), list(rows))


@lru_cache(maxsize=16)
def _insert_ignoring(dialect: str, into: sa.Table) -> Any:
    """`_insert_ignore`'s statement for this dialect and table, built once."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(into).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(into).on_conflict_do_nothing()


def material_of(capture: Any) -> dict[str, Any]:
    """What a stored capture's digest is computed over, rebuilt from its row (a Capture, or a
    result row with its column names)."""
    return capture_material(
        url=capture.url,
        final_url=capture.final_url,
        status=capture.status,
        reason=capture.reason,
        http_version=capture.http_version,
        requested_at=capture.requested_at,
        peer=capture.peer,
        request_headers=json.loads(capture.request_headers),
        response_headers=json.loads(capture.response_headers),
        redirects=json.loads(capture.redirects),
        body_sha256=capture.body_sha256,
        body_size=capture.body_size,
    )


class BodyUnavailable(Exception):
    """A capture body that should be there cannot be read (missing file, corrupt frame)."""


@contextmanager
def open_body(
    place: str, data: bytes | None, sha256: str, directory: Path | None
) -> Iterator[IO[bytes]]:
    """The decompressed body as a stream (bounded memory), or BodyUnavailable saying why."""
    if place == IN_DB:
        if data is None:
            raise BodyUnavailable("capture body row holds no data")
        yield zstandard.ZstdDecompressor().stream_reader(data, read_size=_READ)
        return
    if place != IN_DIR:
        raise BodyUnavailable(f"capture body was not kept ({place})")
    if directory is None:
        raise BodyUnavailable("capture body is in a capture directory, and none is configured")
    path = blob_path(directory, sha256)
    try:
        source = path.open("rb")
    except FileNotFoundError as err:
        raise BodyUnavailable(f"capture body file {path} is missing") from err
    except OSError as err:
        raise BodyUnavailable(f"capture body file {path}: {err.strerror or err}") from err
    try:
        yield zstandard.ZstdDecompressor().stream_reader(source, read_size=_READ)
    finally:
        source.close()


def check_body(place: str, data: bytes | None, sha256: str, directory: Path | None) -> str | None:
    """None when the body decompresses to bytes with the right SHA-256; else what is wrong."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with open_body(place, data, sha256, directory) as stream:
            while chunk := stream.read(_READ):
                digest.update(chunk)
    except BodyUnavailable as err:
        return str(err)
    except zstandard.ZstdError as err:
        where = f"file {blob_path(directory, sha256)}" if place == IN_DIR and directory else "body"
        return f"capture {where} is corrupt ({err})"
    except OSError as err:
        return f"capture body cannot be read: {err.strerror or err}"
    if digest.hexdigest() != sha256:
        return f"capture body does not match its digest {sha256[:16]}..."
    return None


def prune(conn: Conn, older_than: datetime, directory: Path | None) -> int:
    """Drop the bodies of captures all made before `older_than`; returns how many were dropped.

    The blob row stays (place "dropped") with its size and SHA-256, so every digest that
    commits to the body still verifies.
    """
    blobs = capture_blobs
    recent = (
        sa.select(table.c.id)
        .where(table.c.body_sha256 == blobs.c.sha256, table.c.requested_at >= older_than)
        .exists()
    )
    query = sa.select(blobs.c.sha256, blobs.c.place).where(
        blobs.c.place.in_((IN_DB, IN_DIR)), ~recent
    )
    found = list(flushed(conn).execute(query))
    for sha256, place in found:
        if place == IN_DIR and directory is not None:
            blob_path(directory, sha256).unlink(missing_ok=True)
    shas = [sha256 for sha256, _ in found]
    for start in range(0, len(shas), 500):  # bound parameters well under SQLite's limit
        chunk = shas[start : start + 500]
        drop = sa.update(blobs).where(blobs.c.sha256.in_(chunk))
        conn.execute(drop.values(place=DROPPED, data=None))
    return len(found)
