"""`wirediff export --warc FILE`: the captures and versions of the store as a WARC 1.1 file.

In: a store, a selection (feed, article, start time), the capture directory, an output path.
Out: FILE (gzip per record when it ends in .gz), written to a temporary file beside it and
renamed when complete, and an ExportReport. Records, in this order:

- one `warcinfo` naming wirediff, the selection and the log head;
- per capture: a `request` record (the request line and headers sent) and a `response` record
  (status line, headers as received, the body as received) concurrent with it;
- per version (and per takedown): a `resource` record holding the extracted text (versions
  only, at urn:wirediff:text:sha256:HASH) and a `metadata` record (JSON, at
  urn:wirediff:record:SEQ) naming the version, its log record (hashes and links), its text
  record, its capture's response record (WARC-Refers-To) and the change events that ended in
  it. Neither sits at the page's URL, so replay tools serve the captured page there.

Record ids are derived from the capture digest and the log position, so two exports of the
same store name records identically and metadata can point at a response without a lookup
table. Everything streams: rows in batches (yield_per; the session holds loaded rows weakly,
so written ones are let go), each body decompressed into a spooled temporary file (in memory
up to 1 MiB, then on disk), so memory stays flat however large the store.
warcio computes the WARC-Block-Digest and WARC-Payload-Digest (SHA-1, what WARC tools and
replay indexes expect); the body's SHA-256 goes along as WARC-Wirediff-Body-SHA256.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import zstandard
from sqlalchemy.orm import Session
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

import worker
from storage import articles, bodies, captures, chain, evidence, feeds
from storage.db import Store
from storage.digests import removed_material, version_material_of
from storage.evidence import Scope
from storage.models import Capture, Record, Version
from worker.evidence.verify import ScopeError

_NAMESPACE = uuid.UUID("8f7e3a52-3c1d-4b7e-9a57-2f1c8e0d6b41")  # wirediff's WARC record ids
_SPOOL = 1 << 20
_COPY = 1 << 16
# Transfer coding is undone on receipt (the body is stored de-chunked), so its header would
# make a WARC reader de-chunk again: it is left out of the exported response headers.
_DROP_HEADERS = frozenset({"transfer-encoding"})


@dataclass(slots=True)
class ExportReport:
    path: Path
    captures: int = 0
    versions: int = 0
    takedowns: int = 0
    bodies_missing: int = 0  # dropped by keep_raw, or unreadable: headers only, WARC-Truncated
    records_written: int = 0
    bytes: int = 0

    def summary(self) -> str:
        missing = f", {self.bodies_missing} without body" if self.bodies_missing else ""
        return (
            f"wrote {self.path}: {self.records_written} WARC records ({self.captures} captures "
            f"as request + response{missing}; {self.versions} versions and {self.takedowns} "
            f"takedowns as metadata), {self.bytes} bytes"
        )


@dataclass(frozen=True, slots=True)
class Selection:
    feed_url: str | None = None
    article_url: str | None = None
    since: datetime | None = None

    def describe(self) -> str:
        parts = [
            f"feed {self.feed_url}" if self.feed_url else "",
            f"article {self.article_url}" if self.article_url else "",
            f"since {_iso(self.since)}" if self.since else "",
        ]
        return ", ".join(p for p in parts if p) or "whole store"


def record_id(kind: str, key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}:{key}')}>"


def export_warc(
    store: Store, path: Path, selection: Selection, *, capture_dir: Path | None = None
) -> ExportReport:
    report = ExportReport(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, store.read() as session:
            scope = _scope(session, selection)
            writer = WARCWriter(out, gzip=path.name.endswith(".gz"), warc_version="1.1")
            _write_warcinfo(writer, session, path, selection)
            report.records_written += 1
            _write_captures(writer, session, scope, capture_dir, report)
            _write_versions(writer, session, scope, report)
            out.flush()
            report.bytes = out.tell()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return report


def _scope(session: Session, selection: Selection) -> Scope:
    """The records the selection takes (ScopeError when it names nothing)."""
    feed_id = None
    if selection.feed_url is not None:
        feed = feeds.get_by_url(session, selection.feed_url)
        if feed is None:
            raise ScopeError(f"feed {selection.feed_url} is not in the store")
        feed_id = feed.id
    ids = None
    if selection.article_url is not None:
        ids = [a.id for a in articles.by_url(session, selection.article_url)]
        if not ids:
            raise ScopeError(f"no stored report with URL {selection.article_url}")
    return Scope(feed_id=feed_id, article_ids=ids, since=selection.since)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _warc_date(value: datetime) -> str:
    naive = value.astimezone(UTC).replace(tzinfo=None)
    return str(datetime_to_iso_date(naive, use_micros=True))


def _write_warcinfo(writer: WARCWriter, session: Session, path: Path, selection: Selection) -> None:
    head = chain.head(session)
    info = {
        "software": f"wirediff/{worker.__version__}",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "description": f"wirediff evidence export: {selection.describe()}",
        "wirediff-log-head": f"{head.seq}:{head.chain_hash}" if head else "empty",
    }
    writer.write_record(writer.create_warcinfo_record(path.name, info))


# -- captures --------------------------------------------------------------------------------


def _write_captures(
    writer: WARCWriter,
    session: Session,
    scope: Scope,
    capture_dir: Path | None,
    report: ExportReport,
) -> None:
    for row in evidence.export_captures(session, scope):
        capture = row.Capture
        _write_exchange(writer, capture, row.place, row.data, capture_dir, report)


def _write_exchange(
    writer: WARCWriter,
    capture: Capture,
    place: str | None,
    data: bytes | None,
    capture_dir: Path | None,
    report: ExportReport,
) -> None:
    response_id = record_id("response", capture.digest)
    date = _warc_date(capture.requested_at)
    common = {"WARC-Date": date}
    if capture.peer:
        common["WARC-IP-Address"] = capture.peer.rsplit(":", 1)[0].strip("[]")
    with _payload(place, data, capture.body_sha256, capture_dir) as (body, size, missing):
        headers = [
            (k, v)
            for k, v in json.loads(capture.response_headers)
            if k.lower() not in _DROP_HEADERS
        ]
        response_headers = {
            **common,
            "WARC-Record-ID": response_id,
            "WARC-Wirediff-Body-SHA256": capture.body_sha256,
            "WARC-Wirediff-Capture-Digest": capture.digest,
        }
        if missing:
            response_headers["WARC-Truncated"] = "unspecified"
            response_headers["WARC-Wirediff-Body"] = missing
            report.bodies_missing += 1
        response = writer.create_warc_record(
            capture.final_url,
            "response",
            payload=body,
            length=size,
            warc_headers_dict=response_headers,
            http_headers=StatusAndHeaders(
                f"{capture.status} {capture.reason}".strip(),
                headers,
                protocol=capture.http_version or "HTTP/1.1",
            ),
        )
        writer.write_record(response)
    request = writer.create_warc_record(
        capture.final_url,
        "request",
        warc_headers_dict={
            **common,
            "WARC-Record-ID": record_id("request", capture.digest),
            "WARC-Concurrent-To": response_id,
        },
        http_headers=StatusAndHeaders(
            f"GET {_request_target(capture.final_url)} {capture.http_version or 'HTTP/1.1'}",
            [tuple(p) for p in json.loads(capture.request_headers)],
            is_http_request=True,
        ),
    )
    writer.write_record(request)
    report.captures += 1
    report.records_written += 2


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class _Payload:
    """The decompressed body in a spooled file warcio can read twice (digests, then copy)."""

    def __init__(
        self, place: str | None, data: bytes | None, sha256: str, capture_dir: Path | None
    ) -> None:
        self.args = (place, data, sha256, capture_dir)
        self.spool: IO[bytes] | None = None

    def __enter__(self) -> tuple[IO[bytes] | None, int, str | None]:
        place, data, sha256, directory = self.args
        if place is None:
            return None, 0, "missing: no body row"
        spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=_SPOOL)
        self.spool = spool
        try:
            with captures.open_body(place, data, sha256, directory) as stream:
                while chunk := stream.read(_COPY):
                    spool.write(chunk)
        except captures.BodyUnavailable as err:
            return None, 0, str(err)
        except (zstandard.ZstdError, OSError) as err:
            return None, 0, f"unreadable: {err}"
        size = spool.tell()
        spool.seek(0)
        return spool, size, None

    def __exit__(self, *exc: object) -> None:
        if self.spool is not None:
            self.spool.close()


def _payload(
    place: str | None, data: bytes | None, sha256: str, capture_dir: Path | None
) -> _Payload:
    return _Payload(place, data, sha256, capture_dir)


# -- versions and takedowns ------------------------------------------------------------------


def _write_versions(
    writer: WARCWriter, session: Session, scope: Scope, report: ExportReport
) -> None:
    """Report by report (so a text's delta base is the text just written), each in log order;
    the change events come from a second cursor in the same order (a merge, not a query per
    version)."""
    events = _EventsByArticle(session, scope)
    recent: dict[str, str] = {}
    for row in evidence.export_records(session, scope):
        record, version = row.Record, row.Version
        if record.kind == "version" and version is None:
            continue  # the version is gone (its feed was removed): nothing to export
        text_id = None
        if version is not None:
            text = _text(session, version.text_hash, row.text_data, recent)
            text_id = _write_text(writer, version, text)
            report.records_written += 1
            report.versions += 1
        else:
            report.takedowns += 1
        body = _metadata(row, record, version, text_id, events.of(record))
        headers = {
            "WARC-Record-ID": record_id("metadata", str(record.seq)),
            "WARC-Date": _warc_date(record.created_at),
        }
        if row.Capture is not None:
            headers["WARC-Refers-To"] = record_id("response", row.Capture.digest)
            headers["WARC-Refers-To-Target-URI"] = row.Capture.final_url
        if text_id:
            headers["WARC-Concurrent-To"] = text_id
        writer.write_record(
            writer.create_warc_record(
                # Not the page's URL: replay tools would serve this JSON in place of the page.
                f"urn:wirediff:record:{record.seq}",
                "metadata",
                payload=io.BytesIO(body),
                length=len(body),
                warc_content_type="application/json",
                warc_headers_dict=headers,
            )
        )
        report.records_written += 1


def _text(session: Session, digest: str, data: bytes | None, recent: dict[str, str]) -> str:
    """The version's text; a delta is decoded with the base just written when it is that."""
    text = recent.get(digest)
    if text is None:
        if data is not None and data.startswith(b"D") and data[1:65].decode() in recent:
            text = bodies.decompress(data[65:], recent[data[1:65].decode()])
        else:
            text = bodies.get(session, digest)
        if len(recent) >= 4:
            recent.pop(next(iter(recent)))
        recent[digest] = text
    return text


class _EventsByArticle:
    """Change events streamed in article order, handed out as the records reach each article."""

    def __init__(self, session: Session, scope: Scope) -> None:
        self._rows = evidence.export_changes(session, scope)  # a second cursor, same order
        self._article: int | None = None
        self._current: list[Any] = []
        self._pending: Any = next(self._rows, None)

    def of(self, record: Record) -> list[Any]:
        if record.article_id is None:
            return []
        if record.article_id != self._article:
            self._article, self._current = record.article_id, []
            while self._pending is not None and self._pending.article_id < record.article_id:
                self._pending = next(self._rows, None)
            while self._pending is not None and self._pending.article_id == record.article_id:
                self._current.append(self._pending)
                self._pending = next(self._rows, None)
        if record.kind == "version":
            found = [c for c in self._current if c.to_version == record.number]
        else:
            found = [
                c
                for c in self._current
                if c.kind == "removed" and c.from_version == record.number and c.to_version is None
            ]
        return [json.loads(c.event) for c in found]


def _write_text(writer: WARCWriter, version: Version, text: str) -> str:
    data = text.encode("utf-8")
    text_id = record_id("text", f"{version.id}:{version.text_hash}")
    writer.write_record(
        writer.create_warc_record(
            f"urn:wirediff:text:sha256:{version.text_hash}",
            "resource",
            payload=io.BytesIO(data),
            length=len(data),
            warc_content_type="text/plain; charset=utf-8",
            warc_headers_dict={
                "WARC-Record-ID": text_id,
                "WARC-Date": _warc_date(version.fetched_at),
            },
        )
    )
    return text_id


def _record_material(row: Any, record: Record, version: Version | None) -> dict[str, Any]:
    """What the record hash is SHA-256 of (canonical JSON): a reader checks it with the WARC
    alone (docs/evidence.md)."""
    if version is None:
        return removed_material(
            feed_url=row.feed_url,
            article_key=row.article_key,
            number=record.number or 0,
            at=record.created_at,
            capture_digest=record.capture_digest,
            note=record.note,
            prev=record.prev_hash,
        )
    return version_material_of(
        version,
        feed_url=row.feed_url,
        article_key=row.article_key,
        capture_digest=record.capture_digest,
        adopted=record.adopted,
        prev=record.prev_hash,
    )


def _metadata(
    row: Any, record: Record, version: Version | None, text_id: str | None, events: list[Any]
) -> bytes:
    doc: dict[str, Any] = {
        "type": "wirediff-version" if record.kind == "version" else "wirediff-takedown",
        "article": {"url": row.article_url, "key": row.article_key, "feed": row.feed_url},
        "record": {
            "seq": record.seq,
            "kind": record.kind,
            "number": record.number,
            "at": _iso(record.created_at),
            "record_hash": record.record_hash,
            "prev_hash": record.prev_hash,
            "chain_hash": record.chain_hash,
            "adopted": record.adopted,
            "note": record.note,
            "hashed": _record_material(row, record, version),
        },
        "capture": None
        if row.Capture is None
        else {
            "digest": row.Capture.digest,
            "hashed": captures.material_of(row.Capture),
            "response_record": record_id("response", row.Capture.digest),
            "request_record": record_id("request", row.Capture.digest),
        },
        "changes": events,
    }
    if version is not None:
        doc["version"] = {
            "number": version.number,
            "fetched_at": _iso(version.fetched_at),
            "title": version.title,
            "link": version.link,
            "published": _iso(version.published),
            "text_sha256": version.text_hash,
            "raw_sha256": version.raw_hash,
            "source": version.source,
            "extractor": version.extractor,
            "extractor_version": version.extractor_version,
        }
        doc["text"] = {
            "record": text_id,
            "uri": f"urn:wirediff:text:sha256:{version.text_hash}",
        }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
