"""`wirediff verify`: recompute every digest and link of the log, and say what does not hold.

In: a store, optionally one article or a start time, the capture directory. Out: a
VerifyReport with counts, the head, and every problem found (the first by log position is the
one a user is told about). Four passes, each streaming (bounded memory but for one hash per
article):

1. the log in order: positions without gaps, each chain link, each record's link to the
   previous record of its article, and each record recomputed from the rows it names
   (version fields, text digest, capture metadata and digest);
2. the texts: every stored text in scope decompressed and its SHA-256 compared;
3. the capture bodies: every body in scope decompressed (from the store or the capture
   directory) and its SHA-256 compared; missing or corrupt files are problems, never crashes;
4. versions that no record names (added behind the log's back).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import zstandard
from sqlalchemy.orm import Session

from storage import articles, bodies, captures, chain, evidence
from storage.db import Store
from storage.digests import (
    GENESIS,
    canonical,
    chain_step,
    feed_removed_material,
    record_hash,
    removed_material,
    sha256_hex,
    version_material_of,
)

KEEP_PROBLEMS = 1000  # problems kept in full; the rest are counted


@dataclass(frozen=True, slots=True)
class Problem:
    seq: int | None  # log position; None for a version no record names
    article_id: int | None
    number: int | None
    what: str


@dataclass(frozen=True, slots=True)
class Head:
    seq: int
    chain_hash: str
    at: datetime

    def text(self) -> str:
        return f"{self.seq}:{self.chain_hash}"


@dataclass(slots=True)
class VerifyReport:
    scope: str
    records: int = 0
    versions: int = 0
    with_capture: int = 0
    adopted: int = 0
    takedowns: int = 0
    feed_removals: int = 0
    gone_with_feed: int = 0
    texts: int = 0
    bodies: int = 0
    bodies_dropped: int = 0
    articles: int = 0
    head: Head | None = None
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    def add(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < KEEP_PROBLEMS:
            self.problems.append(problem)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def first(self) -> Problem | None:
        logged = [p for p in self.problems if p.seq is not None]
        if logged:
            return min(logged, key=lambda p: p.seq or 0)
        return self.problems[0] if self.problems else None

    def summary(self) -> str:
        parts = [
            f"{self.versions} versions ({self.with_capture} with capture, "
            f"{self.adopted} adopted at upgrade without one)",
            f"{self.takedowns} takedowns",
        ]
        if self.feed_removals:
            parts.append(
                f"{self.feed_removals} feed removals ({self.gone_with_feed} records of removed feeds)"
            )
        bodies_line = f"{self.bodies} capture bodies"
        if self.bodies_dropped:
            bodies_line += f" ({self.bodies_dropped} more dropped by keep_raw: digests only)"
        return (
            f"verified {self.records} records of {self.articles} articles ({self.scope}): "
            f"{', '.join(parts)}; {self.texts} texts and {bodies_line} rehashed"
        )

    def to_json(self) -> dict[str, Any]:
        first = self.first()
        return {
            "type": "verify",
            "ok": self.ok,
            "scope": self.scope,
            "records": self.records,
            "versions": self.versions,
            "with_capture": self.with_capture,
            "adopted": self.adopted,
            "takedowns": self.takedowns,
            "feed_removals": self.feed_removals,
            "texts": self.texts,
            "capture_bodies": self.bodies,
            "capture_bodies_dropped": self.bodies_dropped,
            "articles": self.articles,
            "head": None
            if self.head is None
            else {
                "seq": self.head.seq,
                "chain_hash": self.head.chain_hash,
                "at": self.head.at.isoformat().replace("+00:00", "Z"),
            },
            "problems": self.problem_count,
            "first_problem": None
            if first is None
            else {"seq": first.seq, "version": first.number, "what": first.what},
        }


class ScopeError(Exception):
    """--article names no stored report (a user error)."""


def verify(
    store: Store,
    *,
    article_url: str | None = None,
    since: datetime | None = None,
    capture_dir: Path | None = None,
) -> VerifyReport:
    with store.read() as session:
        article_ids: list[int] | None = None
        scope = "whole log"
        if article_url is not None:
            article_ids = [a.id for a in articles.by_url(session, article_url)]
            if not article_ids:
                raise ScopeError(f"no stored report with URL {article_url}")
            scope = f"article {article_url}"
        from_seq = 1
        if since is not None:
            scope = f"records since {since.isoformat().replace('+00:00', 'Z')}"
            first = evidence.first_seq_since(session, since)
            from_seq = first if first is not None else _next_seq(session)
        report = VerifyReport(scope)
        _walk_log(session, report, from_seq, article_ids)
        _check_texts(session, report, from_seq, article_ids)
        _check_bodies(session, report, from_seq, article_ids, capture_dir)
        _unlogged_versions(session, report, since, article_ids)
        last = chain.head(session)
        if last is not None:
            report.head = Head(last.seq, last.chain_hash, last.created_at)
    return report


def _next_seq(session: Session) -> int:
    last = chain.head(session)
    return last.seq + 1 if last else 1


# -- 1. the log ------------------------------------------------------------------------------


def _walk_log(
    session: Session, report: VerifyReport, from_seq: int, article_ids: list[int] | None
) -> None:
    tombstones = evidence.feed_removals(session)
    whole = article_ids is None
    expected = from_seq
    previous_chain = _chain_before(session, from_seq, report)
    last_of: dict[int, str | None] = {}
    seen_articles: set[int] = set()
    for row in evidence.log(session, from_seq, article_ids):
        report.records += 1
        if row.article_id is not None:
            seen_articles.add(row.article_id)
        if whole:
            if row.seq != expected:
                report.add(
                    Problem(
                        row.seq,
                        row.article_id,
                        row.r_number,
                        f"log positions {expected} to {row.seq - 1} are missing (records deleted)",
                    )
                )
            expected = row.seq + 1
        else:
            previous_chain = _chain_before(session, row.seq, report)
        _check_record(session, report, row, tombstones, last_of, from_seq == 1)
        if previous_chain is not None and row.chain_hash != chain_step(
            previous_chain, row.record_hash
        ):
            report.add(
                Problem(
                    row.seq,
                    row.article_id,
                    row.r_number,
                    "the log's link at this position does not follow from the one before "
                    "(records removed, reordered or inserted here)",
                )
            )
        previous_chain = row.chain_hash
    report.articles = len(seen_articles)


def _chain_before(session: Session, seq: int, report: VerifyReport) -> str | None:
    if seq <= 1:
        return GENESIS
    value = chain.hash_at(session, seq - 1)
    if value is None:
        report.add(Problem(seq, None, None, f"log position {seq - 1} is missing (record deleted)"))
    return value


def _check_record(
    session: Session,
    report: VerifyReport,
    row: Any,
    tombstones: dict[int, int],
    last_of: dict[int, str | None],
    from_start: bool,
) -> None:
    def problem(what: str) -> None:
        report.add(Problem(row.seq, row.article_id, row.r_number, what))

    if row.kind == "feed_removed":
        report.feed_removals += 1
        material = feed_removed_material(
            feed_id=row.feed_id, feed_url=row.note or "", at=row.created_at
        )
        if record_hash(material) != row.record_hash:
            problem("this feed-removal record was changed")
        return
    if row.article_id not in last_of:
        last_of[row.article_id] = (
            None if from_start else chain.last_of_article(session, row.article_id, row.seq)
        )
    expected_prev = last_of[row.article_id]
    last_of[row.article_id] = row.record_hash
    if row.prev_hash != expected_prev:
        problem(
            "its link to the article's previous record is broken "
            "(a record of this article was removed, reordered or inserted before it)"
        )
    gone_with_feed = tombstones.get(row.feed_id, 0) > row.seq
    if row.kind == "removed":
        report.takedowns += 1
    else:
        report.versions += 1
        report.adopted += bool(row.adopted)
    if (
        row.feed_url is None
        or row.article_key is None
        or (row.kind == "version" and row.v_id is None)
    ):
        if gone_with_feed:
            report.gone_with_feed += 1
        elif row.kind == "removed":
            problem("the report's row is missing (deleted)")
        else:
            problem("the version is missing from the store (its row was deleted)")
        return
    _check_capture(row, report, problem)
    if row.kind == "removed":
        _check_takedown(row, problem)
    else:
        _check_version(row, problem)


def _check_takedown(row: Any, problem: Callable[[str], None]) -> None:
    material = removed_material(
        feed_url=row.feed_url,
        article_key=row.article_key,
        number=row.r_number,
        at=row.created_at,
        capture_digest=row.capture_digest,
        note=row.note,
        prev=row.prev_hash,
    )
    if record_hash(material) != row.record_hash:
        problem("the takedown record does not match (report, time or reason changed)")


def _check_version(row: Any, problem: Callable[[str], None]) -> None:
    if (row.v_article_id, row.number) != (row.article_id, row.r_number):
        problem(f"the version row now says version {row.number} of article #{row.v_article_id}")
        return
    if row.text_hash != row.r_text_hash:
        problem("its text digest changed: the version now points at another text")
    material = version_material_of(
        row,
        feed_url=row.feed_url,
        article_key=row.article_key,
        capture_digest=row.capture_digest,
        adopted=bool(row.adopted),
        prev=row.prev_hash,
    )
    if record_hash(material) != row.record_hash:
        problem(
            "the version's stored fields (title, link, times, source, extractor, digests) "
            "no longer match its record"
        )


def _check_capture(row: Any, report: VerifyReport, problem: Callable[[str], None]) -> None:
    if row.capture_id is None:
        if row.capture_digest is not None:
            problem("the record names a capture but holds no capture id")
        return
    report.with_capture += row.kind == "version"
    if row.c_id is None:
        problem(f"its capture (#{row.capture_id}) is missing (row deleted)")
        return
    try:
        digest = sha256_hex(canonical(captures.material_of(row)))
    except (ValueError, TypeError, KeyError) as err:
        problem(f"its capture's stored headers are unreadable ({err})")
        return
    if digest != row.capture_digest or row.c_digest != row.capture_digest:
        problem(
            "its capture does not match the record (URL, status, time, peer, headers "
            "or body digest changed)"
        )


# -- 2. texts --------------------------------------------------------------------------------


def _check_texts(
    session: Session, report: VerifyReport, from_seq: int, article_ids: list[int] | None
) -> None:
    """Texts in article order, so a delta's base (the previous version's text) is at hand."""
    recent: dict[str, str] = {}  # the last few texts decoded: delta bases
    for row in evidence.version_texts(session, from_seq, article_ids):
        if row.text_hash in recent:
            report.texts += 1
            continue
        what = None
        if row.data is None:
            what = "its stored text is missing (row deleted)"
        else:
            try:
                text = _decode(session, row.data, recent)
            except (zstandard.ZstdError, UnicodeDecodeError, KeyError, ValueError) as err:
                what = f"its stored text is corrupt ({type(err).__name__}: {err})"
            else:
                if hashlib.sha256(text.encode("utf-8")).hexdigest() != row.text_hash:
                    what = "its stored text does not match its digest (the text was changed)"
                else:
                    if len(recent) >= 4:
                        recent.pop(next(iter(recent)))
                    recent[row.text_hash] = text
        report.texts += 1
        if what is not None:
            report.add(Problem(row.seq, row.article_id, row.number, what))


def _decode(session: Session, data: bytes, recent: dict[str, str]) -> str:
    if not data.startswith(b"D"):
        return bodies.decompress(data)
    base_hash = data[1:65].decode("ascii")
    base = recent.get(base_hash)
    if base is None:
        base = bodies.get(session, base_hash)
    return bodies.decompress(data[65:], base)


# -- 3. capture bodies -----------------------------------------------------------------------


def _check_bodies(
    session: Session,
    report: VerifyReport,
    from_seq: int,
    article_ids: list[int] | None,
    capture_dir: Path | None,
) -> None:
    for row in evidence.capture_bodies(session, from_seq, article_ids):
        if row.place is None:
            what: str | None = "its capture body is missing (row deleted)"
        elif row.place == captures.DROPPED:
            report.bodies_dropped += 1
            continue
        else:
            report.bodies += 1
            what = captures.check_body(row.place, row.data, row.sha, capture_dir)
        if what is not None:
            record = evidence.record_at(session, row.seq)
            report.add(
                Problem(
                    row.seq,
                    record.article_id if record else None,
                    record.number if record else None,
                    what,
                )
            )


# -- 4. versions no record names -------------------------------------------------------------


def _unlogged_versions(
    session: Session,
    report: VerifyReport,
    since: datetime | None,
    article_ids: list[int] | None,
) -> None:
    for row in evidence.unlogged_versions(session, since, article_ids):
        report.add(
            Problem(
                None,
                row.article_id,
                row.number,
                "this version is in the store but not in the log (added behind its back)",
            )
        )


def describe(store: Store, problem: Problem) -> str:
    """One line naming the record: position, article URL, version, what does not match."""
    with store.read() as session:
        article = evidence.article(session, problem.article_id) if problem.article_id else None
        record = evidence.record_at(session, problem.seq) if problem.seq is not None else None
    name = (article.url or article.key) if article is not None else None
    if name is None and problem.article_id is not None:
        name = f"#{problem.article_id} (row deleted)"
    where = f"record {problem.seq}" if problem.seq is not None else "no record"
    kind = record.kind if record is not None else "version"
    parts = [where]
    if name is not None:
        parts.append(f"article {name}")
    if problem.number is not None:
        parts.append(
            f"takedown after version {problem.number}"
            if kind == "removed"
            else f"version {problem.number}"
        )
    return f"{', '.join(parts)}: {problem.what}"
