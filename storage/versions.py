"""The versions aggregate: every stored version of a report, numbered from 1."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage import bodies
from storage.models import Article, Version, utcnow


@dataclass(frozen=True, slots=True)
class NewVersion:
    """What the pipeline hands in; stored only when it differs from the latest version."""

    title: str | None
    link: str | None
    published: datetime | None
    text: str
    raw_hash: str | None
    source: str  # "page" or "feed"
    extractor: str | None
    extractor_version: str | None
    text_hash: str = ""  # SHA-256 of `text`: computed once, here unless the caller has it

    def __post_init__(self) -> None:
        if not self.text_hash:
            object.__setattr__(self, "text_hash", bodies.text_hash(self.text))


def latest(session: Session, article_id: int) -> Version | None:
    query = (
        sa.select(Version)
        .where(Version.article_id == article_id)
        .order_by(Version.number.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def latest_of(session: Session, article_ids: Sequence[int]) -> dict[int, Version]:
    """article id -> its latest version, for the articles among `article_ids` that have one:
    one query for a feed's batch instead of one per article."""
    if not article_ids:
        return {}
    newest = (
        sa.select(Version.article_id, sa.func.max(Version.number).label("number"))
        .where(Version.article_id.in_(list(article_ids)))
        .group_by(Version.article_id)
        .subquery()
    )
    query = sa.select(Version).join(
        newest,
        sa.and_(Version.article_id == newest.c.article_id, Version.number == newest.c.number),
    )
    return {v.article_id: v for v in session.scalars(query)}


def get(session: Session, article_id: int, number: int) -> Version | None:
    query = sa.select(Version).where(Version.article_id == article_id, Version.number == number)
    return session.scalars(query).first()


def history(session: Session, article_id: int) -> Sequence[Version]:
    query = sa.select(Version).where(Version.article_id == article_id).order_by(Version.number)
    return session.scalars(query).all()


def from_page(session: Session, article_ids: Sequence[int]) -> set[int]:
    """The articles among `article_ids` that have a version taken from their page."""
    if not article_ids:
        return set()
    query = (
        sa.select(Version.article_id)
        .where(Version.article_id.in_(article_ids), Version.source == "page")
        .distinct()
    )
    return set(session.scalars(query))


def page_history(session: Session, article_ids: Sequence[int]) -> dict[int, str | None]:
    """For each article among `article_ids` with a version taken from its page: the SHA-256 of
    the page bytes its latest version was extracted from (None when the latest version is not
    from the page, e.g. the feed's text after a failed fetch). One query for a feed's articles."""
    if not article_ids:
        return {}
    query = (
        sa.select(Version.article_id, Version.source, Version.raw_hash)
        .where(Version.article_id.in_(article_ids))
        .order_by(Version.article_id, Version.number)
    )
    latest: dict[int, str | None] = {}
    seen: set[int] = set()
    for article_id, source, raw_hash in session.execute(query):
        latest[article_id] = raw_hash if source == "page" else None
        if source == "page":
            seen.add(article_id)
    return {a: latest[a] for a in seen}


def text_of(session: Session, version: Version) -> str:
    return bodies.get(session, version.text_hash)


def read_text(session: Session, version: Version) -> bodies.Stored:
    """`text_of`, with the length of its chain of deltas (for `add`'s `previous_text`)."""
    return bodies.read(session, version.text_hash)


def differs(previous: Version | None, new: NewVersion) -> bool:
    """A new version is stored only when the text or a tracked field changed."""
    if previous is None:
        return True
    return (
        previous.text_hash != new.text_hash
        or (previous.title or "") != (new.title or "")
        or (previous.link or "") != (new.link or "")
        or previous.published != new.published
    )


def add(
    session: Session,
    article: Article,
    new: NewVersion,
    previous: Version | None,
    *,
    flush: bool = True,
    stored: set[str] | None = None,
    previous_text: bodies.Stored | None = None,
    pending: list[Version] | None = None,
) -> Version:
    """A new version after `previous`. flush=False leaves the INSERT to the session's next
    flush; `pending`: the version is not added to the session but appended to `pending`, for
    `insert_pending` to INSERT with the batch's others (its id is set then). `stored`: see
    `bodies.put`; `previous_text`: `previous`'s text as `read_text` gave it, when the caller
    has read it."""
    digest = bodies.put(
        session,
        new.text,
        previous.text_hash if previous else None,
        digest=new.text_hash,
        stored=stored,
        base=previous_text,
    )
    version = Version(
        article_id=article.id,
        number=(previous.number + 1) if previous else 1,
        title=new.title,
        link=new.link,
        published=new.published,
        text_hash=digest,
        raw_hash=new.raw_hash,
        source=new.source,
        extractor=new.extractor,
        extractor_version=new.extractor_version,
    )
    if pending is not None:
        version.fetched_at = utcnow()  # the column's default, known before the INSERT
        pending.append(version)
        return version
    session.add(version)
    if flush:
        session.flush()
    return version


_COLUMNS = (
    "article_id",
    "number",
    "fetched_at",
    "title",
    "link",
    "published",
    "text_hash",
    "raw_hash",
    "source",
    "extractor",
    "extractor_version",
    "people",
    "people_key",
)


def insert_pending(session: Session, pending: Sequence[Version]) -> None:
    """INSERT the versions `add(pending=...)` built, in their order, with one statement
    executed over the rows, and set their ids from one query that reads them back; the
    session is flushed first (their texts, a version's article).

    Not the ORM's flush, which on SQLite sends one INSERT per version to read each new id back
    (no sentinel column tells the rows of a multi-row RETURNING apart there): a first pass's
    feed of 5 new reports 5 -> 2 statements, as `articles.get_or_create_many` does for the
    articles (issue 10, round 22). The versions stay out of the session (their attributes are
    those given; nothing is loaded back but the ids)."""
    if not pending:
        return
    session.flush()
    rows = [{c: getattr(v, c) for c in _COLUMNS} for v in pending]
    table: Any = Version.__table__
    session.execute(sa.insert(table), rows)
    wanted = {(v.article_id, v.number): v for v in pending}
    article_ids = sorted({v.article_id for v in pending})
    for start in range(0, len(article_ids), 500):
        query = sa.select(table.c.id, table.c.article_id, table.c.number).where(
            table.c.article_id.in_(article_ids[start : start + 500])
        )
        for version_id, article_id, number in session.execute(query):
            version = wanted.get((article_id, number))
            if version is not None:
                version.id = version_id
