"""The versions aggregate: every stored version of a report, numbered from 1.

Core statements on storage/tables.py (issue 10, round 23): stored versions come back as rows
(`sa.Row`, attributes named as the columns), new ones are `VersionRow`s; `history` and `get`
(the other commands') return ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, cast

import sqlalchemy as sa

from storage import bodies
from storage.tables import flushed
from storage.tables import versions as table
from storage.values import utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.models import Version
    from storage.tables import Conn

_c = table.c


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


class Previous(Protocol):
    """What a new version takes of the version before it: a versions row, a `VersionRow`."""

    @property
    def number(self) -> int: ...

    @property
    def text_hash(self) -> str: ...

    @property
    def title(self) -> str | None: ...

    @property
    def link(self) -> str | None: ...

    @property
    def published(self) -> datetime | None: ...


class StoredVersion(Previous, Protocol):
    """A stored version as the pipeline reads it: a versions row, or a `VersionRow`."""

    @property
    def id(self) -> int: ...

    @property
    def people(self) -> str | None: ...

    @property
    def people_key(self) -> str | None: ...


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


# The columns a new version is INSERTed with (all but its id)
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


class VersionRow:
    """A new version as `add` makes it: its columns as attributes (`id` once INSERTed)."""

    __slots__ = ("id", *_COLUMNS)

    id: int
    article_id: int
    number: int
    fetched_at: datetime
    title: str | None
    link: str | None
    published: datetime | None
    text_hash: str
    raw_hash: str | None
    source: str
    extractor: str | None
    extractor_version: str | None
    people: str | None
    people_key: str | None

    def __init__(self, **values: Any) -> None:
        for name in _COLUMNS:
            setattr(self, name, values.get(name))

    def row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _COLUMNS}

    def __repr__(self) -> str:
        return f"VersionRow(article_id={self.article_id!r}, number={self.number!r})"


@dataclass(slots=True)
class Pending:
    """A batch's new versions and texts, for `insert_pending` to INSERT together."""

    versions: list[VersionRow] = field(default_factory=list)
    texts: list[dict[str, Any]] = field(default_factory=list)


def latest(conn: Conn, article_id: int) -> sa.Row[Any] | None:
    query = sa.select(table).where(_c.article_id == article_id)
    return flushed(conn).execute(query.order_by(_c.number.desc()).limit(1)).first()


def latest_of(conn: Conn, article_ids: Sequence[int]) -> dict[int, sa.Row[Any]]:
    """article id -> its latest version, for the articles among `article_ids` that have one:
    one query for a feed's batch instead of one per article."""
    if not article_ids:
        return {}
    return {v.article_id: v for v in conn.execute(_LATEST, {"ids": list(article_ids)})}


# Statements a pass runs per feed, built once with bound parameters (storage/feeds.py says why)
_ids: sa.BindParameter[Any] = sa.bindparam("ids", expanding=True)
_newest = (
    sa.select(_c.article_id, sa.func.max(_c.number).label("number"))
    .where(_c.article_id.in_(_ids))
    .group_by(_c.article_id)
    .subquery()
)
_LATEST = sa.select(table).join(
    _newest, sa.and_(_c.article_id == _newest.c.article_id, _c.number == _newest.c.number)
)
_PAGES = (
    sa.select(_c.article_id, _c.source, _c.raw_hash)
    .where(_c.article_id.in_(_ids))
    .order_by(_c.article_id, _c.number)
)
_INSERT = sa.insert(table)
_NUMBERS = sa.select(_c.id, _c.article_id, _c.number).where(_c.article_id.in_(_ids))


def from_page(conn: Conn, article_ids: Sequence[int]) -> set[int]:
    """The articles among `article_ids` that have a version taken from their page."""
    if not article_ids:
        return set()
    query = (
        sa.select(_c.article_id)
        .where(_c.article_id.in_(article_ids), _c.source == "page")
        .distinct()
    )
    return set(conn.execute(query).scalars())


def page_history(conn: Conn, article_ids: Sequence[int]) -> dict[int, str | None]:
    """For each article among `article_ids` with a version taken from its page: the SHA-256 of
    the page bytes its latest version was extracted from (None when the latest version is not
    from the page, e.g. the feed's text after a failed fetch). One query for a feed's articles."""
    if not article_ids:
        return {}
    latest: dict[int, str | None] = {}
    seen: set[int] = set()
    for article_id, source, raw_hash in conn.execute(_PAGES, {"ids": list(article_ids)}):
        latest[article_id] = raw_hash if source == "page" else None
        if source == "page":
            seen.add(article_id)
    return {a: latest[a] for a in seen}


def text_of(conn: Conn, version: Previous) -> str:
    return bodies.get(conn, version.text_hash)


def read_text(conn: Conn, version: Previous) -> bodies.Stored:
    """`text_of`, with the length of its chain of deltas (for `add`'s `previous_text`)."""
    return bodies.read(conn, version.text_hash)


def differs(previous: Previous | None, new: NewVersion) -> bool:
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
    conn: Conn,
    article: _HasId,
    new: NewVersion,
    previous: Previous | None,
    *,
    stored: set[str] | None = None,
    previous_text: bodies.Stored | None = None,
    pending: Pending | None = None,
    people: str | None = None,
    people_key: str | None = None,
) -> VersionRow:
    """A new version after `previous`, INSERTed here with its text (its id set), or with
    `pending` appended there for `insert_pending` to INSERT with the batch's others.
    `stored`: see `bodies.put`; `previous_text`: `previous`'s text as `read_text` gave it,
    when the caller has read it; `people`, `people_key`: the people read in the text (JSON)
    and the reading's key (worker/pipeline/snapshot.py), when the caller has them."""
    digest = bodies.put(
        conn,
        new.text,
        previous.text_hash if previous else None,
        digest=new.text_hash,
        stored=stored,
        base=previous_text,
        rows=pending.texts if pending is not None else None,
    )
    version = VersionRow(
        article_id=article.id,
        number=(previous.number + 1) if previous else 1,
        fetched_at=utcnow(),  # the column's default, known before the INSERT
        title=new.title,
        link=new.link,
        published=new.published,
        text_hash=digest,
        raw_hash=new.raw_hash,
        source=new.source,
        extractor=new.extractor,
        extractor_version=new.extractor_version,
        people=people,
        people_key=people_key,
    )
    if pending is not None:
        pending.versions.append(version)
        return version
    result = cast(sa.CursorResult[Any], flushed(conn).execute(sa.insert(table), version.row()))
    key = result.inserted_primary_key
    assert key is not None
    version.id = int(key[0])
    return version


def insert_pending(conn: Conn, pending: Pending) -> None:
    """INSERT the texts and versions `add(pending=...)` made, in their order, with one
    statement each executed over the rows, and set the versions' ids from one query that
    reads them back.

    Not the ORM's flush, which on SQLite sends one INSERT per version to read each new id back
    (no sentinel column tells the rows of a multi-row RETURNING apart there): a first pass's
    feed of 5 new reports 5 -> 2 statements, as `articles.get_or_create_many` does for the
    articles (issue 10, round 22)."""
    bodies.insert(flushed(conn), pending.texts)
    pending.texts = []
    versions, pending.versions = pending.versions, []
    if not versions:
        return
    conn.execute(_INSERT, [v.row() for v in versions])
    wanted = {(v.article_id, v.number): v for v in versions}
    article_ids = sorted({v.article_id for v in versions})
    for start in range(0, len(article_ids), 500):
        chunk = {"ids": article_ids[start : start + 500]}
        for version_id, article_id, number in conn.execute(_NUMBERS, chunk):
            version = wanted.get((article_id, number))
            if version is not None:
                version.id = version_id


# -- the other commands': ORM objects ---------------------------------------------------------


def get(session: Session, article_id: int, number: int) -> Version | None:
    from storage.models import Version

    query = sa.select(Version).where(Version.article_id == article_id, Version.number == number)
    return session.scalars(query).first()


def history(session: Session, article_id: int) -> Sequence[Version]:
    from storage.models import Version

    query = sa.select(Version).where(Version.article_id == article_id).order_by(Version.number)
    return session.scalars(query).all()
