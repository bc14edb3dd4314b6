"""`wirediff verify` on a large synthetic store, and the memory of a large WARC export.

Builds a store of N versions (default 1,000,000: N/4 reports of 4 versions each, 100 feeds)
with bulk inserts: every version with its text (zstd; later versions as deltas of the one
before, as the pipeline stores them), a capture (a ~4 KB HTML page, zstd) and its log record,
chained exactly as storage/chain.py does. Then times `verify` over the whole store (wall and
CPU) and reports seconds per million versions and peak memory; with --export, exports the
whole store to a WARC in a child process and reports that process's peak memory.

    PYTHONPATH=. python bench/bench_verify.py [--versions 1000000] [--db URL] [--keep PATH]
        [--export] [--export-only URL]

The build is not timed as part of verify. Verify runs in a fresh process-free call on a
store opened anew (cold SQLAlchemy caches, warm OS page cache: the file was just written).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
import zstandard

from storage import bodies
from storage.db import Store
from storage.digests import (
    GENESIS,
    canonical,
    capture_material,
    chain_step,
    record_hash,
    sha256_hex,
    version_material,
)
from storage.models import Article, Body, Capture, CaptureBlob, Feed, Record, Version

VERSIONS_PER_ARTICLE = 4
FEEDS = 100
BATCH = 10_000

WORDS = (
    "the meeting was held in beijing on tuesday and attended by officials from provinces "
    "regions ministries who discussed growth employment housing debt reform consumption "
    "private business state enterprises risks finance trade exports technology"
).split()


def text_for(article: int, number: int) -> str:
    """~600 bytes of text; each later version changes one number and one word."""
    words = [WORDS[(article * 7 + i * 13) % len(WORDS)] for i in range(90)]
    words[number * 5 % 90] = f"v{number}"
    return f"Report {article}: growth was {5 + number / 10:.1f} percent. " + " ".join(words)


def page_for(text: str) -> bytes:
    nav = "<nav>" + " | ".join(f"<a href='/s/{i}'>Section {i}</a>" for i in range(40)) + "</nav>"
    return (
        f"<!doctype html><html><head><title>x</title></head><body>{nav}"
        f"<article><p>{text}</p></article>"
        f"<footer>{'Copyright. Contact. Privacy. Terms. ' * 40}</footer></body></html>"
    ).encode()


def build(url: str, n_versions: int) -> float:
    started = time.monotonic()
    store = Store(url)
    store.upgrade()
    compressor = zstandard.ZstdCompressor(level=3)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    n_articles = n_versions // VERSIONS_PER_ARTICLE
    headers_req = [["Host", "bench.invalid"], ["User-Agent", "wirediff/bench"]]
    headers_resp = [["Content-Type", "text/html; charset=utf-8"], ["Server", "bench"]]
    chain, seq = GENESIS, 0
    with store.engine.begin() as conn:
        conn.execute(
            Feed.__table__.insert(),
            [
                {
                    "id": f + 1,
                    "url": f"https://bench.invalid/feed/{f}.xml",
                    "interval_s": 900,
                    "follow_links": True,
                    "error_count": 0,
                    "created_at": t0,
                }
                for f in range(FEEDS)
            ],
        )
    rows: dict[str, list[dict[str, object]]] = {
        k: [] for k in ("articles", "bodies", "blobs", "captures", "versions", "records")
    }

    def flush() -> None:
        with store.engine.begin() as conn:
            for table, key in (
                (Article.__table__, "articles"),
                (Body.__table__, "bodies"),
                (CaptureBlob.__table__, "blobs"),
                (Capture.__table__, "captures"),
                (Version.__table__, "versions"),
                (Record.__table__, "records"),
            ):
                if rows[key]:
                    conn.execute(table.insert(), rows[key])
                    rows[key].clear()

    version_id = 0
    # Versions are appended in rounds (all reports' v1, then all v2...), as a real log
    # interleaves reports: delta bases are then never the previous row of the log.
    for article in range(n_articles):
        rows["articles"].append(
            {
                "id": article + 1,
                "feed_id": article % FEEDS + 1,
                "key": f"https://bench.invalid/a/{article}.html",
                "url": f"https://bench.invalid/a/{article}.html",
                "title": f"Report {article}",
                "state": "live",
                "first_seen": t0,
                "last_seen": t0,
                "checks_done": 0,
            }
        )
        if len(rows["articles"]) >= BATCH:
            flush()
    flush()
    last_of: dict[int, str] = {}
    for number in range(1, VERSIONS_PER_ARTICLE + 1):
        for article in range(n_articles):
            version_id += 1
            seq += 1
            text = text_for(article, number)
            digest = bodies.text_hash(text)
            data = (
                bodies.compress(text)
                if number == 1
                else bodies.compress(text, text_for(article, number - 1))
            )
            rows["bodies"].append({"hash": digest, "size": len(text), "data": data})
            page = page_for(text)
            page_sha = sha256_hex(page)
            at = t0 + timedelta(seconds=seq)
            rows["blobs"].append(
                {
                    "sha256": page_sha,
                    "size": len(page),
                    "place": "db",
                    "data": compressor.compress(page),
                    "stored_at": at,
                }
            )
            url = f"https://bench.invalid/a/{article}.html"
            cap_digest = sha256_hex(
                canonical(
                    capture_material(
                        url=url,
                        final_url=url,
                        status=200,
                        reason="OK",
                        http_version="HTTP/1.1",
                        requested_at=at,
                        peer="192.0.2.1:443",
                        request_headers=headers_req,
                        response_headers=headers_resp,
                        redirects=[],
                        body_sha256=page_sha,
                        body_size=len(page),
                    )
                )
            )
            rows["captures"].append(
                {
                    "id": version_id,
                    "digest": cap_digest,
                    "url": url,
                    "final_url": url,
                    "status": 200,
                    "reason": "OK",
                    "http_version": "HTTP/1.1",
                    "requested_at": at,
                    "peer": "192.0.2.1:443",
                    "request_headers": json.dumps(headers_req),
                    "response_headers": json.dumps(headers_resp),
                    "redirects": "[]",
                    "body_sha256": page_sha,
                    "body_size": len(page),
                }
            )
            title = f"Report {article}"
            rows["versions"].append(
                {
                    "id": version_id,
                    "article_id": article + 1,
                    "number": number,
                    "fetched_at": at,
                    "title": title,
                    "link": url,
                    "published": None,
                    "text_hash": digest,
                    "raw_hash": page_sha,
                    "source": "page",
                    "extractor": "trafilatura",
                    "extractor_version": "2.3.1",
                }
            )
            prev = last_of.get(article)
            rec = record_hash(
                version_material(
                    feed_url=f"https://bench.invalid/feed/{article % FEEDS}.xml",
                    article_key=url,
                    number=number,
                    fetched_at=at,
                    title=title,
                    link=url,
                    published=None,
                    text_sha256=digest,
                    raw_sha256=page_sha,
                    source="page",
                    extractor="trafilatura",
                    extractor_version="2.3.1",
                    capture_digest=cap_digest,
                    adopted=False,
                    prev=prev,
                )
            )
            last_of[article] = rec
            chain = chain_step(chain, rec)
            rows["records"].append(
                {
                    "seq": seq,
                    "kind": "version",
                    "feed_id": article % FEEDS + 1,
                    "article_id": article + 1,
                    "version_id": version_id,
                    "number": number,
                    "capture_id": version_id,
                    "text_hash": digest,
                    "capture_digest": cap_digest,
                    "adopted": False,
                    "note": None,
                    "created_at": at,
                    "prev_hash": prev,
                    "record_hash": rec,
                    "chain_hash": chain,
                }
            )
            if len(rows["records"]) >= BATCH:
                flush()
    flush()
    with store.engine.begin() as conn:  # bulk-loaded: give the planner statistics, as
        conn.execute(sa.text("ANALYZE"))  # autovacuum would on a store that grew by itself
    store.dispose()
    return time.monotonic() - started


def peak_mib() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: a child started from
    the (large) building process reports the parent's peak there."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_verify(url: str) -> dict[str, float]:
    from worker.evidence.verify import verify

    store = Store(url)
    wall, cpu = time.monotonic(), time.process_time()
    report = verify(store)
    wall, cpu = time.monotonic() - wall, time.process_time() - cpu
    assert report.ok, report.problems[:3]
    store.dispose()
    return {
        "versions": report.versions,
        "records": report.records,
        "capture_bodies": report.bodies,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "wall_s_per_million": round(wall / report.versions * 1e6, 1),
        "peak_rss_mib": round(peak_mib(), 1),
    }


def run_export(url: str, target: Path) -> dict[str, float]:
    from worker.evidence.warc import Selection, export_warc

    store = Store(url)
    wall = time.monotonic()
    report = export_warc(store, target, Selection())
    wall = time.monotonic() - wall
    store.dispose()
    return {
        "warc_records": report.records_written,
        "captures": report.captures,
        "bytes": report.bytes,
        "wall_s": round(wall, 1),
        "peak_rss_mib": round(peak_mib(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--versions", type=int, default=1_000_000)
    parser.add_argument("--db", help="build in this (empty) database instead of a temp SQLite file")
    parser.add_argument("--keep", type=Path, help="build the SQLite file here and keep it")
    parser.add_argument("--export", action="store_true", help="also export it all as WARC")
    parser.add_argument("--export-only", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--verify-only", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_only:  # the child process that measures export memory alone
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(run_export(args.export_only, Path(tmp) / "bench.warc.gz")))
        return
    if args.verify_only:
        print(json.dumps(run_verify(args.verify_only)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        url = args.db or f"sqlite:///{path}"
        built = build(url, args.versions)
        size = path.stat().st_size if not args.db else None
        print(
            json.dumps(
                {"built_versions": args.versions, "build_s": round(built, 1), "db_bytes": size}
            )
        )
        for mode in ["--verify-only"] + (["--export-only"] if args.export else []):
            child = subprocess.run(
                [sys.executable, __file__, mode, url], capture_output=True, text=True, check=True
            )
            print(mode.strip("-"), child.stdout.strip())


if __name__ == "__main__":
    main()
