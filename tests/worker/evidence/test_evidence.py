"""Evidence: captures, the log, `wirediff verify` catching each kind of tampering, WARC export.

Every store here is built by real fetches over the farm (tests/support/evidence.py): three reports, one
edited twice, one taken down with a 404, each version with its capture.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import zstandard
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from storage import bodies, captures, chain, versions
from storage.captures import BodyPolicy
from storage.db import SCHEMA_HEAD, Store
from storage.digests import (
    GENESIS,
    canonical,
    chain_step,
    record_hash,
    sha256_hex,
    version_material,
)
from storage.models import Article, Body, Capture, CaptureBlob, Feed, Record, Version
from tests.support.evidence import Built, build_store, clone
from tests.support.httpserver import LocalServer
from worker.cli import cli


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Iterator[tuple[Built, Built]]:
    """Two SQLite stores built once by real fetches (captures in the store; in a directory);
    each test tampers with its own copy."""
    server = LocalServer().start()
    try:
        root = tmp_path_factory.mktemp("evidence")
        in_db = build_store(f"sqlite:///{root / 'db' / 'w.db'}", server, root / "db")
        in_dir = build_store(
            f"sqlite:///{root / 'dir' / 'w.db'}", server, root / "dir", capture_dir=True
        )
        yield in_db, in_dir
    finally:
        server.stop()


@pytest.fixture
def built(pristine, tmp_path) -> Built:
    return clone(pristine[0], tmp_path)


@pytest.fixture
def built_dir(pristine, tmp_path) -> Built:
    return clone(pristine[1], tmp_path)


@pytest.fixture
def built_pg(pg_url, server, tmp_path) -> Built:
    return build_store(pg_url, server, tmp_path)


@pytest.fixture(params=["sqlite", "postgresql"])
def built_any(request) -> Built:
    """The same store on SQLite and on PostgreSQL, for what depends on the database."""
    name = "built" if request.param == "sqlite" else "built_pg"
    store: Built = request.getfixturevalue(name)
    return store


def verify_fails(built: Built, *args: str) -> str:
    result = built.cli("verify", *args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("wirediff: error: verify failed: record ") or "no record" in line
    return line


# -- the store built by real fetches verifies ---------------------------------------------------


def test_verify_passes_with_counts_and_history_shows_captures(built_any):
    built = built_any
    result = built.cli("verify", "--head", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["ok"] is True
    assert (report["records"], report["versions"], report["takedowns"]) == (6, 5, 1)
    assert report["with_capture"] == 5 and report["adopted"] == 0
    assert report["texts"] == 5 and report["capture_bodies"] == 6
    assert report["head"]["seq"] == 6
    text = built.cli("verify", "--head")
    assert text.exit_code == 0
    assert "verified 6 records of 3 articles" in text.output
    head_line = text.output.strip().splitlines()[-1]
    assert head_line.startswith(f"head 6:{report['head']['chain_hash']}")

    lines = [
        json.loads(x) for x in built.cli("history", built.url(1), "--json").output.splitlines()
    ]
    assert [x["version"] for x in lines] == [1, 2, 3]
    assert all(x["capture"] is True for x in lines)
    assert lines[2]["record_hash"] == built.record(1, 3).record_hash
    assert "captured" in built.cli("history", built.url(1)).output


def test_captures_hold_the_exchange_and_bodies_are_stored_once(built):
    with built.store.read() as s:
        rec = s.get(Record, built.record(1, 2).seq)
        capture = s.get(Capture, rec.capture_id)
        blob = s.get(CaptureBlob, capture.body_sha256)
        taken_down = s.get(Capture, built.record(2, 1, "removed").capture_id)
        blobs = s.scalar(sa.select(sa.func.count()).select_from(CaptureBlob))
        distinct = s.scalar(sa.select(sa.func.count(sa.distinct(Capture.body_sha256))))
    assert capture.final_url == built.url(1) and capture.status == 200
    assert capture.peer == f"127.0.0.1:{built.farm.server.port}"
    assert ["If-None-Match"] != [k for k, _ in json.loads(capture.request_headers)]
    assert ("Content-Type", "text/html; charset=utf-8") in [
        tuple(p) for p in json.loads(capture.response_headers)
    ]
    body = zstandard.ZstdDecompressor().decompress(blob.data)
    assert b"5.2 percent" in body and b"Cai Qi" not in body.split(b"attended")[0][-80:]
    assert taken_down.status == 404 and taken_down.final_url == built.url(2)
    assert blobs == distinct  # one blob per distinct body


# -- each kind of tampering is found and named --------------------------------------------------


def test_one_byte_of_a_stored_text_changed(built_any):
    built = built_any
    version_id = built.version_id(1, 2)
    with built.store.write() as s:
        version = s.get(Version, version_id)
        text = versions.text_of(s, version)
        forged = text.replace("attended", "attendee", 1)
        assert len(forged) == len(text) and forged != text
        s.get(Body, version.text_hash).data = bodies.compress(forged)
    line = verify_fails(built)
    assert f"record {built.record(1, 2).seq}, article {built.url(1)}, version 2:" in line
    assert "stored text does not match its digest" in line


def test_a_flipped_byte_in_the_compressed_text(built):
    version_id = built.version_id(0, 1)
    with built.store.write() as s:
        row = s.get(Body, s.get(Version, version_id).text_hash)
        data = bytearray(row.data)
        data[len(data) // 2] ^= 0x01
        row.data = bytes(data)
    line = verify_fails(built)
    assert f"article {built.url(0)}, version 1:" in line
    assert "stored text" in line


def test_a_deleted_version_row(built_any):
    built = built_any
    built.execute("DELETE FROM versions WHERE id = :id", id=built.version_id(1, 2))
    line = verify_fails(built)
    assert f"record {built.record(1, 2).seq}, article {built.url(1)}, version 2:" in line
    assert "missing from the store" in line


def test_a_deleted_version_and_its_record(built):
    seq = built.record(1, 2).seq
    built.execute("DELETE FROM versions WHERE id = :id", id=built.version_id(1, 2))
    built.execute("DELETE FROM records WHERE seq = :seq", seq=seq)
    line = verify_fails(built)
    assert f"log position {seq} is missing" in line or f"positions {seq} to {seq}" in line


def test_two_records_reordered(built_any):
    built = built_any
    a, b = built.record(0, 1).seq, built.record(2, 1).seq
    built.execute("UPDATE records SET seq = -1 WHERE seq = :a", a=a)
    built.execute("UPDATE records SET seq = :a WHERE seq = :b", a=a, b=b)
    built.execute("UPDATE records SET seq = :b WHERE seq = -1", b=b)
    line = verify_fails(built)
    assert f"record {min(a, b)}," in line
    assert "does not follow" in line or "previous record" in line


def test_two_versions_swapped(built):
    v2, v3 = built.version_id(1, 2), built.version_id(1, 3)
    built.execute("UPDATE versions SET number = -1 WHERE id = :id", id=v2)
    built.execute("UPDATE versions SET number = 2 WHERE id = :id", id=v3)
    built.execute("UPDATE versions SET number = 3 WHERE id = :id", id=v2)
    line = verify_fails(built)
    assert f"record {built.record(1, 2).seq}, article {built.url(1)}, version 2:" in line
    assert "now says version 3" in line


def test_a_changed_title(built):
    built.execute(
        "UPDATE versions SET title = 'Nothing to see' WHERE id = :id", id=built.version_id(1, 3)
    )
    line = verify_fails(built)
    assert f"article {built.url(1)}, version 3:" in line and "stored fields" in line


def test_a_changed_capture_header_in_the_store(built_any):
    built = built_any
    rec = built.record(1, 2)
    with built.store.write() as s:
        capture = s.get(Capture, rec.capture_id)
        headers = json.loads(capture.response_headers)
        headers.append(["X-Planted", "yes"])
        capture.response_headers = json.dumps(headers)
    line = verify_fails(built)
    assert f"record {rec.seq}, article {built.url(1)}, version 2:" in line
    assert "capture does not match" in line


def test_a_changed_capture_body_in_the_store(built):
    rec = built.record(1, 3)
    with built.store.write() as s:
        blob = s.get(CaptureBlob, s.get(Capture, rec.capture_id).body_sha256)
        body = zstandard.ZstdDecompressor().decompress(blob.data)
        blob.data = zstandard.ZstdCompressor().compress(body.replace(b"5.3", b"5.2"))
    line = verify_fails(built)
    assert f"record {rec.seq}, article {built.url(1)}, version 3:" in line
    assert "capture body does not match its digest" in line


def test_a_takedown_record_with_another_reason(built):
    rec = built.record(2, 1, "removed")
    built.execute("UPDATE records SET note = 'HTTP 410' WHERE seq = :s", s=rec.seq)
    line = verify_fails(built)
    assert f"record {rec.seq}, article {built.url(2)}, takedown after version 1:" in line


def test_a_version_added_behind_the_log(built):
    with built.store.write() as s:
        article = s.scalars(sa.select(Article).where(Article.url == built.url(0))).one()
        latest = versions.latest(s, article.id)
        new = versions.NewVersion(
            "Planted", built.url(0), None, "planted text", None, "page", None, None
        )
        versions.add(s, article, new, latest)
    line = verify_fails(built)
    assert f"no record, article {built.url(0)}, version 2:" in line
    assert "not in the log" in line


def test_a_rewritten_log_passes_alone_but_not_against_the_published_head(built):
    published = built.cli("verify", "--head").output.strip().splitlines()[-1].split()[1]
    # A careful forger changes a title and recomputes every hash after it.
    rec = built.record(1, 2)
    with built.store.write() as s:
        version = s.get(Version, rec.version_id)
        version.title = "Report 1 (never corrected)"
        s.flush()
        feed = s.get(Feed, s.get(Article, version.article_id).feed_id)
        article = s.get(Article, version.article_id)
        rows = s.scalars(sa.select(Record).order_by(Record.seq)).all()
        last = {}
        prev_chain = GENESIS
        for r in rows:
            if r.seq >= rec.seq and r.kind == "version" and r.article_id == article.id:
                v = s.get(Version, r.version_id)
                r.prev_hash = last.get(r.article_id)
                r.record_hash = record_hash(
                    version_material(
                        feed_url=feed.url,
                        article_key=article.key,
                        number=v.number,
                        fetched_at=v.fetched_at,
                        title=v.title,
                        link=v.link,
                        published=v.published,
                        text_sha256=v.text_hash,
                        raw_sha256=v.raw_hash,
                        source=v.source,
                        extractor=v.extractor,
                        extractor_version=v.extractor_version,
                        capture_digest=r.capture_digest,
                        adopted=r.adopted,
                        prev=r.prev_hash,
                    )
                )
            r.chain_hash = chain_step(prev_chain, r.record_hash)
            prev_chain = r.chain_hash
            last[r.article_id] = r.record_hash
    assert built.cli("verify").exit_code == 0  # consistent with itself...
    result = built.cli("verify", "--published", published)
    assert result.exit_code == 1  # ...but not with what was published
    assert "does not match the log" in result.output and "rewritten" in result.output
    bad = built.cli("verify", "--published", "6:xyz")
    assert bad.exit_code == 2 and "expected SEQ:SHA256" in bad.output


def test_article_and_since_scopes(built):
    built.execute("UPDATE versions SET title = 'x' WHERE id = :id", id=built.version_id(0, 1))
    ok = built.cli("verify", "--article", built.url(1), "--json")
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["records"] == 3
    assert built.cli("verify", "--article", built.url(0)).exit_code == 1
    with built.store.read() as s:
        latest = s.scalar(sa.select(sa.func.max(Record.created_at)))
    # From the first record stored at or after T to the head; the broken v1 of report 0 is older.
    later = built.cli("verify", "--since", latest.isoformat(), "--json")
    assert later.exit_code == 0, later.output
    assert 1 <= json.loads(later.output)["records"] < 6
    unknown = built.cli("verify", "--article", "https://nowhere.example/x")
    assert unknown.exit_code == 2 and "no stored report" in unknown.output


def test_removing_a_feed_is_recorded_and_still_verifies(built):
    result = built.cli("feeds", "remove", built.farm.server.url("/wire.xml"))
    assert result.exit_code == 0, result.output
    report = json.loads(built.cli("verify", "--json").output)
    assert report["ok"] and report["feed_removals"] == 1 and report["records"] == 7


# -- the capture directory ------------------------------------------------------------------------


def test_capture_files_missing_or_corrupt_are_failures_not_crashes(built_dir):
    assert built_dir.cli("verify").exit_code == 0
    with built_dir.store.read() as s:
        rec = built_dir.record(1, 2)
        sha = s.get(Capture, rec.capture_id).body_sha256
        assert s.get(CaptureBlob, sha).place == "dir"
    path = captures.blob_path(built_dir.capture_dir, sha)
    saved = path.read_bytes()
    data = bytearray(saved)
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    line = verify_fails(built_dir)
    assert f"record {rec.seq}, article {built_dir.url(1)}, version 2:" in line
    assert "corrupt" in line or "does not match" in line
    path.unlink()
    line = verify_fails(built_dir)
    assert f"capture body file {path} is missing" in line
    path.write_bytes(saved)
    assert built_dir.cli("verify").exit_code == 0


def test_pruned_bodies_keep_digests_and_bad_keep_raw(built, tmp_path):
    with built.store.write() as s:
        from datetime import UTC, datetime, timedelta

        dropped = captures.prune(s, datetime.now(UTC) + timedelta(days=1), None)
    assert dropped == 6
    report = json.loads(built.cli("verify", "--json").output)
    assert report["ok"] and report["capture_bodies_dropped"] == 6 and report["capture_bodies"] == 0
    lines = [
        json.loads(x) for x in built.cli("history", built.url(1), "--json").output.splitlines()
    ]
    assert [x["capture"] for x in lines] == [False, False, False]
    bad = tmp_path / "bad.toml"
    bad.write_text('[storage]\nkeep_raw = "forever"\n')
    result = CliRunner().invoke(cli, ["verify", "--config", str(bad)])
    assert result.exit_code == 2
    assert 'keep_raw: expected "keep", "none" or an age' in result.output


# -- concurrency: two writers never fork the log --------------------------------------------------


def test_concurrent_appends_do_not_fork_the_log(pg_url):
    store = Store(pg_url)
    store.upgrade()
    with store.write() as s:
        feed = Feed(url="http://127.0.0.1/feed.xml")
        s.add(feed)
        s.flush()
        ids = []
        for i in range(4):
            article = Article(feed_id=feed.id, key=f"k{i}", url=f"http://127.0.0.1/{i}", title="t")
            s.add(article)
            s.flush()
            ids.append(article.id)
    errors: list[BaseException] = []

    def writer(article_id: int) -> None:
        try:
            for n in range(15):
                with store.write() as s:
                    article = s.get(Article, article_id)
                    previous = versions.latest(s, article_id)
                    new = versions.NewVersion(
                        None, article.url, None, f"text {article_id} {n}", None, "page", None, None
                    )
                    version = versions.add(s, article, new, previous)
                    chain.seal_version(s, article, version, None, BodyPolicy())
        except BaseException as err:  # surfaced below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    with store.read() as s:
        seqs = s.scalars(sa.select(Record.seq).order_by(Record.seq)).all()
    assert seqs == list(range(1, 61))
    from worker.evidence.verify import verify

    assert verify(store).ok
    store.dispose()


# -- older stores: versions adopted by the migration ----------------------------------------------


def test_versions_of_an_older_store_are_adopted(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url)
    cfg = store._alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            sa.text(
                "INSERT INTO feeds (id, url, interval_s, follow_links, error_count, created_at) VALUES (1, 'http://x/feed', 60, 1, 0, '2026-11-01 00:00:00')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, feed_id, key, url, state, first_seen, last_seen, checks_done) VALUES (1, 1, 'k', 'http://x/a', 'live', '2026-11-01 00:00:00', '2026-11-01 00:00:00', 0)"
            )
        )
        for n, text in ((1, "first text"), (2, "second text")):
            conn.execute(
                sa.text("INSERT INTO bodies (hash, size, data) VALUES (:h, :s, :d)"),
                {"h": bodies.text_hash(text), "s": len(text), "d": bodies.compress(text)},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO versions (article_id, number, fetched_at, title, text_hash, source) VALUES (1, :n, :t, 'T', :h, 'feed')"
                ),
                {"n": n, "t": f"2026-11-0{n} 12:00:00.000000", "h": bodies.text_hash(text)},
            )
    assert store.upgrade() == SCHEMA_HEAD
    result = CliRunner().invoke(cli, ["verify", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["versions"], report["adopted"], report["with_capture"]) == (2, 2, 0)
    history = [
        json.loads(x)
        for x in CliRunner()
        .invoke(cli, ["history", "--db", url, "http://x/a", "--json"])
        .output.splitlines()
    ]
    assert [h["capture"] for h in history] == [False, False]
    assert all(h["record_hash"] for h in history)
    store.dispose()


# -- WARC export --------------------------------------------------------------------------------


def _warc_records(path: Path) -> list:
    out = []
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh, check_digests=True):
            body = record.content_stream().read()
            out.append(
                (
                    record.rec_type,
                    record.rec_headers,
                    record.http_headers,
                    body,
                    record.digest_checker.passed,
                )
            )
    return out


def test_warc_export_reads_back_with_valid_digests(built_any, tmp_path):
    built = built_any
    target = tmp_path / "out" / "evidence.warc.gz"
    result = built.cli("export", "--warc", str(target))
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.output
    records = _warc_records(target)
    types = [r[0] for r in records]
    with built.store.read() as s:
        n_captures = s.scalar(sa.select(sa.func.count()).select_from(Capture))
        captured = {c.digest: c for c in s.scalars(sa.select(Capture))}
        blobs = {b.sha256: b for b in s.scalars(sa.select(CaptureBlob))}
    assert types[0] == "warcinfo"
    assert types.count("response") == n_captures == 6
    assert types.count("request") == 6
    assert types.count("resource") == 5 and types.count("metadata") == 6
    assert all(r[4] is not False for r in records)  # warcio checked every digest it found
    for rec_type, headers, http, body, _ in records:
        assert headers.protocol == "WARC/1.1"
        if rec_type == "response":
            assert headers.get_header("WARC-Payload-Digest", "").startswith("sha1:")
            assert headers.get_header("WARC-Block-Digest", "").startswith("sha1:")
            capture = captured[headers.get_header("WARC-Wirediff-Capture-Digest")]
            stored = zstandard.ZstdDecompressor().decompress(blobs[capture.body_sha256].data)
            assert body == stored
            assert http.get_statuscode() == str(capture.status)
            assert headers.get_header("WARC-IP-Address") == "127.0.0.1"
    metadata = [json.loads(r[3]) for r in records if r[0] == "metadata"]
    # Each metadata record carries what its hashes are computed over: checkable from the WARC
    # alone, as docs/evidence.md tells a third party.
    payloads = {
        r[1].get_header("WARC-Record-ID"): hashlib.sha256(r[3]).hexdigest()
        for r in records
        if r[0] == "response"
    }
    for m in metadata:
        assert record_hash(m["record"]["hashed"]) == m["record"]["record_hash"]
        hashed = m["capture"]["hashed"]
        assert sha256_hex(canonical(hashed)) == m["capture"]["digest"]
        assert payloads[m["capture"]["response_record"]] == hashed["body_sha256"]
    corrected = [m for m in metadata if m.get("version", {}).get("number") == 2]
    assert corrected and corrected[0]["changes"][0]["kind"] == "attendees"
    assert corrected[0]["record"]["record_hash"] == built.record(1, 2).record_hash
    takedown = [m for m in metadata if m["type"] == "wirediff-takedown"]
    assert takedown[0]["changes"][0]["kind"] == "removed"
    texts = {r[1].get_header("WARC-Record-ID"): r[3] for r in records if r[0] == "resource"}
    assert b"Cai Qi" not in texts[corrected[0]["text"]["record"]].split(b"attended")[0][-60:]

    check = subprocess.run(
        [str(Path(sys.executable).with_name("warcio")), "check", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_warc_export_of_one_article_and_bad_selection(built, tmp_path):
    target = tmp_path / "one.warc"
    result = built.cli("export", "--warc", str(target), "--article", built.url(1))
    assert result.exit_code == 0, result.output
    types = [r[0] for r in _warc_records(target)]
    assert types.count("response") == 3 and types.count("metadata") == 3
    bad = built.cli(
        "export", "--warc", str(tmp_path / "x.warc"), "--feed", "https://nowhere.example/f"
    )
    assert bad.exit_code == 2 and "is not in the store" in bad.output
    assert not (tmp_path / "x.warc").exists()


def test_verify_and_export_of_a_store_that_is_not_there_say_so_and_create_nothing(tmp_path):
    # A mistyped path made an empty store there, and `verify` then said "verified 0 records"
    # with exit 0: an auditor's typo read as a store that checks out.
    missing = tmp_path / "typo" / "wirdiff.db"
    runner = CliRunner()
    for args in (
        ["verify"],
        ["verify", "--head"],
        ["export", "--warc", str(tmp_path / "out.warc")],
    ):
        result = runner.invoke(cli, [*args, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"wirediff: error: no store at {missing} ")
    assert not (tmp_path / "typo").exists()
    assert not (tmp_path / "out.warc").exists()


def test_warc_export_with_capture_files_one_missing(built_dir, tmp_path):
    with built_dir.store.read() as s:
        sha = s.get(Capture, built_dir.record(0, 1).capture_id).body_sha256
    captures.blob_path(built_dir.capture_dir, sha).unlink()
    target = tmp_path / "dir.warc.gz"
    result = built_dir.cli("export", "--warc", str(target))
    assert result.exit_code == 0, result.output
    assert "1 without body" in result.output
    truncated = [r for r in _warc_records(target) if r[1].get_header("WARC-Truncated")]
    assert len(truncated) == 1 and truncated[0][3] == b""


def test_migrate_to_postgresql_keeps_the_evidence(built, pg_url):
    before = json.loads(built.cli("verify", "--json").output)
    moved = CliRunner().invoke(cli, ["db", "migrate-to", pg_url, "--db", built.db_url])
    assert moved.exit_code == 0, moved.output
    after = CliRunner().invoke(cli, ["verify", "--db", pg_url, "--json"])
    assert after.exit_code == 0, after.output
    report = json.loads(after.output)
    assert report["head"]["chain_hash"] == before["head"]["chain_hash"]
    assert (report["records"], report["capture_bodies"]) == (
        before["records"],
        before["capture_bodies"],
    )


def test_keep_raw_none_stores_digests_without_bodies(tmp_path):
    from datetime import UTC, datetime

    from storage.digests import Exchange

    store = Store(f"sqlite:///{tmp_path / 'n.db'}")
    store.upgrade()
    exchange = Exchange(
        "http://x/a", "http://x/a", 200, "OK", "HTTP/1.1", datetime.now(UTC), None, (), (), b"body"
    )
    with store.write() as s:
        capture = captures.put(s, exchange, BodyPolicy(keep=False))
        again = captures.put(s, exchange, BodyPolicy(keep=False))
        blob = s.get(CaptureBlob, capture.body_sha256)
        assert again.id == capture.id and blob.place == "dropped" and blob.data is None
        assert capture.digest == sha256_hex(canonical(captures.material_of(capture)))
    store.dispose()


def test_config_keys_and_commands_as_a_user_meets_them(tmp_path):
    from worker.config import load_settings

    config = tmp_path / "conf" / "w.toml"
    config.parent.mkdir()
    config.write_text('[storage]\nkeep_raw = "90d"\ncapture_dir = "bodies"\n')
    settings = load_settings(config, {"WIREDIFF_HOME": str(tmp_path)})
    assert settings.evidence.keep_for == 90 * 86400
    assert settings.evidence.capture_dir == (config.parent / "bodies").resolve()
    runner = CliRunner()
    for command in ("verify", "export"):
        assert runner.invoke(cli, [command, "--help"]).exit_code == 0
    assert runner.invoke(cli, ["verify", "--no-such-flag"]).exit_code == 2
    missing = runner.invoke(cli, ["export", "--db", f"sqlite:///{tmp_path / 'e.db'}"])
    assert missing.exit_code == 2 and "--warc" in missing.output
    # a new, empty store verifies (a path with no store is an error: the test above)
    assert (
        runner.invoke(cli, ["db", "upgrade", "--db", f"sqlite:///{tmp_path / 'e.db'}"]).exit_code
        == 0
    )
    empty = runner.invoke(cli, ["verify", "--db", f"sqlite:///{tmp_path / 'e.db'}", "--head"])
    assert empty.exit_code == 0 and "verified 0 records" in empty.output
    assert "head: the log is empty" in empty.output


def test_times_in_hashed_material_have_one_form():
    from datetime import UTC, datetime, timedelta, timezone

    from storage.digests import iso

    beijing = datetime(2026, 11, 28, 14, 2, 0, 7, tzinfo=timezone(timedelta(hours=8)))
    assert iso(beijing) == "2026-11-28T06:02:00.000007Z"
    assert iso(beijing.astimezone(UTC)) == iso(beijing)
    with pytest.raises(ValueError):
        iso(datetime(2026, 11, 28))


async def test_the_web_json_twin_of_a_report_carries_the_same_evidence(built):
    import httpx

    from worker.detect.roster import Roster
    from worker.web.app import create_app

    history = [
        json.loads(x) for x in built.cli("history", built.url(1), "--json").output.splitlines()
    ]
    app = create_app(built.store, Roster.empty())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        response = await client.get(
            "/reports", params={"url": built.url(1)}, headers={"Accept": "application/json"}
        )
    assert response.status_code == 200
    web = response.json()["versions"]
    assert [(v["capture"], v["record_hash"]) for v in web] == [
        (h["capture"], h["record_hash"]) for h in history
    ]
    assert all(v["capture"] for v in web)
