"""Texts stored compressed (zstd) and deduplicated by the SHA-256 of the normalized text.

A new version of a report is usually its previous version with a few words changed, so it is
compressed with the previous text as a zstd dictionary (a delta), which makes it a fraction of
the size of a full copy. Deltas chain to at most MAX_CHAIN bases, then a full copy is stored.
The row format needs no schema change:

    full:   a plain zstd frame (starts with the zstd magic number)
    delta:  b"D" + 64 hex characters of the base text's hash + a zstd frame made with that text
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa
import zstandard

from storage.tables import bodies as table
from storage.tables import flushed
from storage.zstd import compressor

if TYPE_CHECKING:
    from storage.tables import Conn

# Level 9: article texts are small, so a higher level costs little time and saves ~10% over 3.
_LEVEL = 9
_DELTA = b"D"
MAX_CHAIN = 8


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compress(text: str, base: str | None = None, *, base_hash: str | None = None) -> bytes:
    """`text` as a full zstd frame, or as a delta against `base` (whose hash is `base_hash`
    when the caller has it: not worked out again)."""
    if base is None:
        return compressor(_LEVEL).compress(text.encode("utf-8"))
    dictionary = zstandard.ZstdCompressionDict(
        base.encode("utf-8"), dict_type=zstandard.DICT_TYPE_RAWCONTENT
    )
    frame = zstandard.ZstdCompressor(level=_LEVEL, dict_data=dictionary).compress(
        text.encode("utf-8")
    )
    return _DELTA + (base_hash or text_hash(base)).encode("ascii") + frame


def decompress(data: bytes, base: str | None = None) -> str:
    if base is None:
        return zstandard.ZstdDecompressor().decompress(data).decode("utf-8")
    dictionary = zstandard.ZstdCompressionDict(
        base.encode("utf-8"), dict_type=zstandard.DICT_TYPE_RAWCONTENT
    )
    return zstandard.ZstdDecompressor(dict_data=dictionary).decompress(data).decode("utf-8")


def _data(conn: Conn, digest: str) -> bytes | None:
    """The stored row's data (a frame or a delta), None when no text has that hash."""
    data: bytes | None = flushed(conn).execute(_DATA, {"digest": digest}).scalar()
    return data


# Built once with bound parameters (storage/feeds.py says why)
_DATA = sa.select(table.c.data).where(table.c.hash == sa.bindparam("digest"))
_STORED = sa.select(table.c.hash).where(table.c.hash.in_(sa.bindparam("wanted", expanding=True)))
_INSERT = sa.insert(table)


def _chain_length(conn: Conn, digest: str) -> int:
    length = 0
    data = _data(conn, digest)
    while data is not None and data.startswith(_DELTA) and length <= MAX_CHAIN:
        length += 1
        data = _data(conn, data[1:65].decode("ascii"))
    return length


def stored(conn: Conn, digests: Iterable[str]) -> set[str]:
    """Those of `digests` whose text is stored: one query for a batch of texts."""
    wanted = list(set(digests))
    if not wanted:
        return set()
    return set(conn.execute(_STORED, {"wanted": wanted}).scalars())


def put(
    conn: Conn,
    text: str,
    base_hash: str | None = None,
    *,
    digest: str | None = None,
    stored: set[str] | None = None,
    base: Stored | None = None,
    rows: list[dict[str, Any]] | None = None,
) -> str:
    """Store `text` unless an identical one is stored; return its hash.

    With `base_hash` (the previous version's text), the text is stored as a delta against it
    when that is smaller and the chain of deltas is short enough. `digest`: the text's hash
    when the caller has it; `stored`: the hashes known to be stored (from `stored()`, kept up
    to date here), so that no lookup is needed per text; `base`: the base text as `read()`
    gave it, when the caller has read it (the pipeline needs it for change detection too):
    then it is neither looked up nor decompressed again here. `rows`: the row is appended
    there, for the caller to INSERT with others (`insert`), instead of INSERTed here.
    """
    digest = digest or text_hash(text)
    if stored is not None:
        if digest in stored:
            return digest
        stored.add(digest)
    elif _data(conn, digest) is not None:
        return digest
    data = compress(text)
    if base_hash is not None and base_hash != digest:
        if base is not None:  # read by the caller: its chain's length is known
            base_text = base.text if base.links < MAX_CHAIN else None
        else:  # the chain's length first: a long chain's text is not decompressed
            short = _chain_length(conn, base_hash) < MAX_CHAIN
            base_text = get(conn, base_hash) if short else None
        if base_text is not None:
            delta = compress(text, base_text, base_hash=base_hash)
            if len(delta) < len(data):
                data = delta
    row = {"hash": digest, "size": len(text.encode("utf-8")), "data": data}
    if rows is not None:
        rows.append(row)
    else:
        insert(conn, [row])
    return digest


def insert(conn: Conn, rows: list[dict[str, Any]]) -> None:
    """The rows `put(rows=...)` made: one INSERT executed over them."""
    if rows:
        conn.execute(_INSERT, rows)


def get(conn: Conn, digest: str) -> str:
    return read(conn, digest).text


class Stored(NamedTuple):
    """A stored text and the number of deltas between its row and a full copy (0: full)."""

    text: str
    links: int


def read(conn: Conn, digest: str) -> Stored:
    """The text stored under `digest` (KeyError when none is), and its chain's length: each
    row of the chain looked up and decompressed once."""
    data = _data(conn, digest)
    if data is None:
        raise KeyError(f"no stored text with hash {digest}")
    if not data.startswith(_DELTA):
        return Stored(decompress(data), 0)
    base = read(conn, data[1:65].decode("ascii"))
    return Stored(decompress(data[65:], base.text), base.links + 1)
