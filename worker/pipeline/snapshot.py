"""Snapshot, detect and record, in one transaction (run in a worker thread).

A new version is stored only when the normalized text or a tracked field changed; when it is
not the first, the change is detected and written with its alert outbox rows in the same
transaction. Takedowns (404/410, a redirect away) and restorations are decided here too, from
what the extract stage saw. A feed's entries go in one transaction (`store_entries`): one
commit and one hold of the evidence log's append lock per feed, not per entry; the feed's
articles, their latest versions and the stored texts are read in one query each, and the new
versions' evidence records sealed together at the end (storage.chain.seal_versions). A new
version's text is normalized, and the people in a new report's text extracted, before the
transaction opens; the people are read once per version, for people over time and for change
detection alike, and kept with the version (versions.people, under the reading's key): change
detection reads the previous version's people back instead of reading its text again (unless
they were read by other code or with another roster, or stored before they were kept).

The transaction is a Core connection's (`Store.begin`): articles are `ArticleRow`s written back
with `articles.save`, versions rows and `VersionRow`s; SQLAlchemy's ORM is not imported, but
for events grouping when it is on (an ORM session in the same transaction).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from alerts.event import ChangeEvent
from storage import appearances, articles, bodies, chain, changes, versions
from storage.articles import ArticleRow
from storage.digests import Exchange
from storage.versions import NewVersion, Pending, StoredVersion, VersionRow
from worker.detect.model import Person
from worker.detect.normalize import normalize_text
from worker.detect.roster import Roster
from worker.ingest.parse import ParsedEntry
from worker.pipeline.context import Context, EntryResult, FeedState, PageText
from worker.pipeline.events import Aspects, Subject, aspects_of, build_event

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.db import Connection

logger = logging.getLogger(__name__)


_Seal = tuple[ArticleRow, VersionRow, Exchange | None]  # a new version's record, appended last


class Reading:
    """A new text as people over time and change detection read it: its language and people,
    each worked out once, on first use (or ahead of the transaction, `read()`). The roster is
    asked for only then: a pass whose texts the extraction pool read never builds it."""

    __slots__ = ("_hash", "_key", "_language", "_people", "_roster", "text")

    def __init__(self, text: str, roster: Callable[[], Roster]) -> None:
        self.text = text
        self._roster = roster  # the pass's (`Context.roster`: built once, on first use)
        self._language: str | None = None
        self._people: tuple[Person, ...] | None = None
        self._key: str | None = None
        self._hash: str | None = None

    @property
    def hash(self) -> str:
        """The text's SHA-256 (storage.bodies.text_hash), worked out once."""
        if self._hash is None:
            self._hash = bodies.text_hash(self.text)
        return self._hash

    @property
    def key(self) -> str:
        """The key of the reading that read `people` (worker.ingest.reading_key): the
        extraction pool's, or this process's with the pass's roster."""
        if self._key is None:
            from worker.ingest.reading_key import reading_key

            self._key = reading_key(self.roster)
        return self._key

    @property
    def roster(self) -> Roster:
        return self._roster()

    @property
    def language(self) -> str:
        if self._language is None:
            from worker.detect.lang import detect_language

            self._language = detect_language(self.text)
        return self._language

    @property
    def people(self) -> tuple[Person, ...]:
        if self._people is None:
            from worker.detect.people import extract_people

            self._people = extract_people(self.text, self.roster, language=self.language)
        return self._people

    def read(self) -> Reading:
        _ = self.people
        return self

    @classmethod
    def of(cls, page: PageText, roster: Callable[[], Roster]) -> Reading | None:
        """The page's text as stored and read: as the extraction pool read it, or to read."""
        if page.text is None or page.gone:
            return None
        if page.reading is None:
            return cls(normalize_text(page.text), roster)
        reading = cls(page.reading.text, roster)
        reading._language, reading._people = page.reading.language, page.reading.people
        reading._key = page.reading.key
        return reading


def _roster(ctx: Context) -> Callable[[], Roster]:
    """The pass's roster, built (or read) when a text is first read here."""
    return lambda: ctx.roster


def store_entry(ctx: Context, feed: FeedState, entry: ParsedEntry, page: PageText) -> EntryResult:
    return store_entries(ctx, feed, [(entry, page)])[0]


def store_entries(
    ctx: Context,
    feed: FeedState,
    items: Sequence[tuple[ParsedEntry, PageText]],
    *,
    stored_keys: Collection[str] | None = None,
    then: Callable[[Connection], None] | None = None,
) -> list[EntryResult]:
    """Every entry of `items` in one transaction; any error rolls all of them back.

    `stored_keys`: the keys of the feed's articles already stored, when the caller knows them:
    the people of the other (new) reports are then read before the transaction opens.
    `then(conn)`: more to write in the same transaction (the feed's bookkeeping), after
    the entries and before their evidence records."""
    now = ctx.clock()
    readings = [Reading.of(page, _roster(ctx)) for _, page in items]
    if stored_keys is not None:
        for (entry, _), reading in zip(items, readings, strict=True):
            if reading is not None and entry.key not in stored_keys:
                reading.read()
    results: list[EntryResult] = []
    seals: list[_Seal] = []
    with ctx.store.begin() as conn:
        found, created = articles.get_or_create_many(
            conn, feed.id, [(e.key, e.guid, e.link, e.title) for e, _ in items]
        )
        old = [found[e.key].id for e, _ in items if e.key not in created]
        latest = versions.latest_of(conn, old)
        texts = [r.hash for r in readings if r is not None]
        stored = bodies.stored(conn, texts)
        lists = appearances.stored_versions(conn, old)  # people over time, read in one go
        # The new versions and texts INSERTed together after the loop (grouping, when on,
        # needs each version stored as it goes)
        pending = Pending() if ctx.events is None else None
        grouping = _Grouping(conn) if ctx.events is not None else None
        try:
            for (entry, page), reading in zip(items, readings, strict=True):
                article = found[entry.key]
                listed = None if entry.key in created else lists.get(article.id)
                batch = _Batch(latest.get(article.id), listed, stored, pending, grouping)
                result, seal = _store(ctx, conn, feed, entry, page, reading, article, batch, now)
                results.append(result)
                if seal is not None:
                    seals.append(seal)
        finally:
            if grouping is not None:
                grouping.close()
        if pending is not None:
            versions.insert_pending(conn, pending)
        articles.save(conn, [found[entry.key] for entry, _ in items])
        if then is not None:
            then(conn)  # the feed's bookkeeping: its row updated (FeedNotFound if gone)
        # Last, so the log's append lock is held only until the commit right after.
        if seals:
            row = feed if then is not None else chain.feed_key(conn, feed.id)
            assert row is not None
            new_ids = frozenset(found[k].id for k in created)
            chain.seal_versions(conn, row, seals, ctx.captures, new_articles=new_ids)
    return results


class _Grouping:
    """Events grouping's ORM session, in the transaction of the feed's entries (made on first
    use: grouping is the one stage of a pass that uses SQLAlchemy's ORM)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._session: Session | None = None

    def session(self) -> Session:
        if self._session is None:
            from storage.db import session_on

            self._session = session_on(self.conn)
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


def people_json(people: Sequence[Person]) -> str:
    """A version's people as kept in the store (versions.people): in text order, one
    [name, canonical, role, segment, position] each."""
    rows = [[p.name, p.canonical, p.role, p.segment, p.position] for p in people]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def people_of_json(data: str) -> tuple[Person, ...]:
    """`people_json`'s people back: equal to those it was given."""
    return tuple(Person(n, c, r, s, p) for n, c, r, s, p in json.loads(data))


def _previous_people(
    ctx: Context, version: StoredVersion, text: str, key: str
) -> tuple[Person, ...]:
    """The people of a stored version: those kept with it when they were read the way the
    new text was (`key`), else read from its text again (a version stored before they were
    kept, other code or another roster since)."""
    if version.people is not None and version.people_key == key:
        return people_of_json(version.people)
    from worker.detect.people import extract_people

    return extract_people(text, ctx.roster)


class _Batch:
    """What the batch read ahead for one entry: its latest version, the version its people
    over time were read from (None: none yet), the text hashes known to be stored, the
    batch's new versions and texts to INSERT together (None: each INSERTed at once), and
    events grouping's session (None: grouping is off)."""

    __slots__ = ("grouping", "listed", "pending", "previous", "stored")

    def __init__(
        self,
        previous: StoredVersion | None,
        listed: int | None,
        stored: set[str],
        pending: Pending | None = None,
        grouping: _Grouping | None = None,
    ) -> None:
        self.previous, self.listed, self.stored = previous, listed, stored
        self.pending, self.grouping = pending, grouping


def _store(
    ctx: Context,
    conn: Connection,
    feed: FeedState,
    entry: ParsedEntry,
    page: PageText,
    reading: Reading | None,
    article: ArticleRow,
    batch: _Batch,
    now: datetime,
) -> tuple[EntryResult, _Seal | None]:
    articles.touch(article, title=entry.title)
    article.item_hash = entry.item_hash or article.item_hash
    previous = batch.previous
    subject = _subject(feed, article)
    _schedule_revisit(ctx, article, now)
    if page.gone:
        event = _mark_removed(ctx, conn, article, previous, subject, now, page)
        return EntryResult(event=event), None
    if page.validators is not None:
        article.page_etag = page.validators.etag
        article.page_last_modified = page.validators.last_modified
    if reading is None:  # page unchanged since last fetch
        if previous is None:
            return EntryResult(), None
        reading = Reading(normalize_text(versions.text_of(conn, previous)), _roster(ctx))
    new = NewVersion(
        title=entry.title or None,
        link=entry.link,
        published=entry.published,
        text=reading.text,
        raw_hash=page.raw_hash,
        source=page.source,
        extractor=page.extractor,
        extractor_version=page.extractor_version,
        text_hash=reading.hash,
    )
    restored = article.state == "removed"
    article.state = "live"
    from worker.pipeline.appearances import record_version  # with people reading, on first use

    if not versions.differs(previous, new):
        if restored and previous is not None:
            record_version(
                conn,
                _roster(ctx),
                article,
                previous,
                new.text,
                people=reading.people,
                language=reading.language,
            )
        event = (
            _restored_event(ctx, conn, article, previous, previous, subject, now)
            if restored
            else None
        )
        return EntryResult(event=event), None
    # The previous version's text, looked up and decompressed once: the delta the new text is
    # stored as and change detection both need it (each read it again before round 18).
    before = versions.read_text(conn, previous) if previous is not None else None
    version = versions.add(
        conn,
        article,
        new,
        previous,
        stored=batch.stored,
        previous_text=before,
        pending=batch.pending,
        people=people_json(reading.people),
        people_key=reading.key,
    )
    record_version(
        conn,
        _roster(ctx),
        article,
        version,
        new.text,
        people=reading.people,
        language=reading.language,
        stored=batch.listed,
    )
    result = _detect(
        ctx, conn, feed, article, previous, version, new, reading, restored, now, before
    )
    if batch.grouping is not None:  # [events] enabled (off by default: no features, lock, query)
        from worker.pipeline.grouping import group_version  # loads grouping: only when on

        articles.save(conn, [article])  # what grouping may read of it, in the store
        session = batch.grouping.session()
        read = (reading.language, reading.people)  # read once: not again for grouping
        result.discrepancies = group_version(
            ctx, session, feed, article, version, new.text, now, read=read
        )
        session.flush()
    return result, (article, version, page.capture)


def _detect(
    ctx: Context,
    conn: Connection,
    feed: FeedState,
    article: ArticleRow,
    previous: StoredVersion | None,
    version: VersionRow,
    new: NewVersion,
    reading: Reading,
    restored: bool,
    now: datetime,
    previous_text: bodies.Stored | None = None,
) -> EntryResult:
    if previous is None:
        return EntryResult(new_version=True)
    subject = _subject(feed, article)
    if restored:  # the new text is not stored yet (the batch's texts go in together)
        texts = (previous_text.text if previous_text else None, new.text)
        event = _restored_event(ctx, conn, article, previous, version, subject, now, texts)
        return EntryResult(new_version=True, event=event)
    # Imported on the first second version: detection (people, wording diff, rapidfuzz) costs
    # ~0.25 s of imports that a pass storing only first versions, or nothing, never needs.
    from worker.detect.changes import Text, detect_change

    stored = previous_text.text if previous_text else versions.text_of(conn, previous)
    before = Text(previous.title or "", stored)
    # the new text's people read once (above); the previous version's kept with it
    people = (_previous_people(ctx, previous, before.body, reading.key), reading.people)
    # The new text was normalized by this code (`Reading`); the previous one is normalized
    # again in the diff, as before: it may have been stored by an older normalize_text.
    after = Text(new.title or "", new.text)
    change = detect_change(before, after, ctx.roster, people=people, normalized=(False, True))
    if change is None:
        return EntryResult(new_version=True)
    event = build_event(
        subject,
        kind=change.kind,
        detected_at=now,
        from_version=previous.number,
        to_version=version.number,
        similarity=change.similarity,
        summary=change.summary,
        aspects=aspects_of(change),
    )
    _save(ctx, conn, article, event)
    return EntryResult(new_version=True, event=event)


def _subject(feed: FeedState, article: ArticleRow) -> Subject:
    return Subject(
        feed_url=feed.url,
        feed_title=feed.name or feed.title,
        article_url=article.url,
        article_guid=article.guid,
        article_title=article.title,
        article_key=article.key,
    )


def _save(ctx: Context, conn: Connection, article: ArticleRow, event: ChangeEvent) -> None:
    channels = ctx.route(event) if ctx.write_alerts else []
    changes.save_with_outbox(
        conn, article_id=article.id, feed_id=article.feed_id, event=event, channels=channels
    )


def _mark_removed(
    ctx: Context,
    conn: Connection,
    article: ArticleRow,
    previous: StoredVersion | None,
    subject: Subject,
    now: datetime,
    page: PageText,
) -> ChangeEvent | None:
    if article.state == "removed" or previous is None:
        return None
    article.state = "removed"
    from worker.pipeline.appearances import forget_report

    forget_report(conn, article)
    event = build_event(
        subject,
        kind="removed",
        detected_at=now,
        from_version=previous.number,
        to_version=None,
        similarity=0.0,
        summary=f"report taken down ({page.note})",
    )
    _save(ctx, conn, article, event)
    chain.seal_removed(conn, article, previous.number, page.capture, ctx.captures, now, page.note)
    return event


def _restored_event(
    ctx: Context,
    conn: Connection,
    article: ArticleRow,
    before: StoredVersion | None,
    after: StoredVersion | None,
    subject: Subject,
    now: datetime,
    texts: tuple[str | None, str | None] = (None, None),
) -> ChangeEvent | None:
    """`texts`: the texts of `before` and `after` when the caller has them (None: read)."""
    if before is None or after is None:
        return None
    aspects: Aspects = {}
    similarity, summary = 1.0, "report restored unchanged"
    if before.number != after.number:
        from worker.detect.changes import Text, detect_change  # see _detect

        old, new = texts
        change = detect_change(
            Text(before.title or "", old if old is not None else versions.text_of(conn, before)),
            Text(after.title or "", new if new is not None else versions.text_of(conn, after)),
            ctx.roster,
        )
        if change is not None:
            aspects, similarity = aspects_of(change), change.similarity
            summary = f"report restored with changes: {change.summary}"
    event = build_event(
        subject,
        kind="restored",
        detected_at=now,
        from_version=before.number,
        to_version=after.number,
        similarity=similarity,
        summary=summary,
        aspects=aspects,
    )
    _save(ctx, conn, article, event)
    return event


def _schedule_revisit(ctx: Context, article: ArticleRow, now: datetime) -> None:
    """Re-check at the configured ages after first seen, even if the feed item is unchanged."""
    first = article.first_seen or now
    while article.checks_done < len(ctx.revisit):
        due = first + timedelta(seconds=ctx.revisit[article.checks_done])
        if due > now:
            article.next_check_at = due
            return
        article.checks_done += 1
    article.next_check_at = None
