"""The evidence formats: what a capture digest, a record hash and a log link are computed over.

Pure functions and values, no database: the store (storage/captures.py, storage/chain.py), the
migration that adopts older versions, `wirediff verify`, the WARC export and a third party
checking a published head all compute the same bytes. docs/evidence.md gives the recipe.

- A capture digest is SHA-256 over the canonical JSON of a captured HTTP exchange (URLs,
  status, request time, peer address, request and response headers, redirect hops) with the
  SHA-256 of its body bytes, so the digest holds even after the body itself is pruned.
- A record hash is SHA-256 over the canonical JSON of one log record: what a version says
  (article, number, time, title, link, text digest, raw digest, capture digest...) or that a
  report was taken down, plus the hash of the previous record of the same article.
- The log is a running SHA-256: chain[n] = SHA-256(chain[n-1] bytes + record_hash[n] bytes),
  chain[0] = 32 zero bytes. Its last value is the head a user publishes.

Canonical JSON: keys sorted, no spaces, UTF-8 (not ASCII-escaped), times as
YYYY-MM-DDTHH:MM:SS.ffffffZ in UTC.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

CAPTURE_FORMAT = "wirediff-capture/1"
RECORD_FORMAT = "wirediff-record/1"
GENESIS = "0" * 64  # the log value before its first record

Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Hop:
    """A redirect answered on the way to the final response (its body is not kept)."""

    url: str
    status: int
    headers: Headers


@dataclass(frozen=True, slots=True)
class Exchange:
    """One HTTP exchange as the fetcher saw it: the request sent and the response received.

    `body` is the payload as it came off the wire, content coding (gzip, br) still applied and
    transfer coding (chunked) removed; `response_headers` are in the order received.
    """

    url: str  # the URL asked for (first hop)
    final_url: str  # the URL that answered with this response
    status: int
    reason: str
    http_version: str  # "HTTP/1.1"
    requested_at: datetime  # when the final request was sent (UTC)
    peer: str | None  # "address:port" connected to, None when unknown
    request_headers: Headers
    response_headers: Headers
    body: bytes
    redirects: tuple[Hop, ...] = field(default=())

    @property
    def body_sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def iso(value: datetime | None) -> str | None:
    """The one text form of a time in hashed material: UTC, microseconds, Z."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime in evidence material")
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    # == strftime("%Y-%m-%dT%H:%M:%S.%fZ"), at a third of the cost (verify calls it per record)
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def canonical(material: Mapping[str, Any]) -> bytes:
    return json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pairs(headers: Sequence[Sequence[str]]) -> list[list[str]]:
    return [[str(k), str(v)] for k, v in headers]


def capture_material(
    *,
    url: str,
    final_url: str,
    status: int,
    reason: str,
    http_version: str,
    requested_at: datetime,
    peer: str | None,
    request_headers: Sequence[Sequence[str]],
    response_headers: Sequence[Sequence[str]],
    redirects: Sequence[Mapping[str, Any]],
    body_sha256: str,
    body_size: int,
) -> dict[str, Any]:
    return {
        "format": CAPTURE_FORMAT,
        "url": url,
        "final_url": final_url,
        "status": status,
        "reason": reason,
        "http_version": http_version,
        "requested_at": iso(requested_at),
        "peer": peer,
        "request_headers": _pairs(request_headers),
        "response_headers": _pairs(response_headers),
        "redirects": [
            {"url": h["url"], "status": h["status"], "headers": _pairs(h["headers"])}
            for h in redirects
        ],
        "body_sha256": body_sha256,
        "body_size": body_size,
    }


def hops_json(redirects: Sequence[Hop]) -> list[dict[str, Any]]:
    return [{"url": h.url, "status": h.status, "headers": _pairs(h.headers)} for h in redirects]


def exchange_digest(exchange: Exchange, *, body_sha256: str | None = None) -> str:
    """The capture digest of `exchange` (`body_sha256`: its body's SHA-256, when known)."""
    return sha256_hex(
        canonical(
            capture_material(
                url=exchange.url,
                final_url=exchange.final_url,
                status=exchange.status,
                reason=exchange.reason,
                http_version=exchange.http_version,
                requested_at=exchange.requested_at,
                peer=exchange.peer,
                request_headers=exchange.request_headers,
                response_headers=exchange.response_headers,
                redirects=hops_json(exchange.redirects),
                body_sha256=body_sha256 or exchange.body_sha256,
                body_size=len(exchange.body),
            )
        )
    )


def version_material(
    *,
    feed_url: str,
    article_key: str,
    number: int,
    fetched_at: datetime,
    title: str | None,
    link: str | None,
    published: datetime | None,
    text_sha256: str,
    raw_sha256: str | None,
    source: str,
    extractor: str | None,
    extractor_version: str | None,
    capture_digest: str | None,
    adopted: bool,
    prev: str | None,
) -> dict[str, Any]:
    """A version record. `adopted`: entered the log when an older store was upgraded."""
    return {
        "format": RECORD_FORMAT,
        "kind": "version",
        "feed": feed_url,
        "article": article_key,
        "number": number,
        "fetched_at": iso(fetched_at),
        "title": title,
        "link": link,
        "published": iso(published),
        "text_sha256": text_sha256,
        "raw_sha256": raw_sha256,
        "source": source,
        "extractor": extractor,
        "extractor_version": extractor_version,
        "capture": capture_digest,
        "adopted": adopted,
        "prev": prev,
    }


class VersionFields(Protocol):
    """What a version record commits to of the version (a Version, a versions row, a
    VersionRow: anything with these names)."""

    @property
    def number(self) -> int: ...

    @property
    def fetched_at(self) -> datetime: ...

    @property
    def title(self) -> str | None: ...

    @property
    def link(self) -> str | None: ...

    @property
    def published(self) -> datetime | None: ...

    @property
    def text_hash(self) -> str: ...

    @property
    def raw_hash(self) -> str | None: ...

    @property
    def source(self) -> str: ...

    @property
    def extractor(self) -> str | None: ...

    @property
    def extractor_version(self) -> str | None: ...


def version_material_of(
    version: VersionFields,
    *,
    feed_url: str,
    article_key: str,
    capture_digest: str | None,
    adopted: bool,
    prev: str | None,
) -> dict[str, Any]:
    return version_material(
        feed_url=feed_url,
        article_key=article_key,
        number=version.number,
        fetched_at=version.fetched_at,
        title=version.title,
        link=version.link,
        published=version.published,
        text_sha256=version.text_hash,
        raw_sha256=version.raw_hash,
        source=version.source,
        extractor=version.extractor,
        extractor_version=version.extractor_version,
        capture_digest=capture_digest,
        adopted=adopted,
        prev=prev,
    )


def removed_material(
    *,
    feed_url: str,
    article_key: str,
    number: int,
    at: datetime,
    capture_digest: str | None,
    note: str | None,
    prev: str | None,
) -> dict[str, Any]:
    """A takedown: the report answered 404/410 or redirected away after version `number`."""
    return {
        "format": RECORD_FORMAT,
        "kind": "removed",
        "feed": feed_url,
        "article": article_key,
        "number": number,
        "at": iso(at),
        "capture": capture_digest,
        "note": note,
        "prev": prev,
    }


def feed_removed_material(*, feed_id: int, feed_url: str, at: datetime) -> dict[str, Any]:
    """`wirediff feeds remove`: the feed's versions leave the store, their records stay."""
    return {
        "format": RECORD_FORMAT,
        "kind": "feed_removed",
        "feed_id": feed_id,
        "feed": feed_url,
        "at": iso(at),
    }


def record_hash(material: Mapping[str, Any]) -> str:
    return sha256_hex(canonical(material))


def chain_step(previous_chain: str, record: str) -> str:
    """The log after one more record: SHA-256 of the two 32-byte values, concatenated."""
    return hashlib.sha256(bytes.fromhex(previous_chain) + bytes.fromhex(record)).hexdigest()
