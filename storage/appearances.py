"""The appearances aggregate: who each report's latest version lists, kept as rows.

A report's rows are replaced whenever a new version of it is stored and deleted when it is
taken down, so the rows always describe the latest live version (people over time,
docs/people-over-time.md). The rows come back as plain values: `ListRow`s grouped by
report, and per-person summaries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

import sqlalchemy as sa

from storage import tables
from storage.tables import appearances as table

if TYPE_CHECKING:
    from storage.tables import Conn

_rows = table.c


class Report(Protocol):
    """What a report's rows take of its article: an articles row, or an object with these."""

    @property
    def id(self) -> int: ...

    @property
    def feed_id(self) -> int: ...


@dataclass(frozen=True, slots=True)
class NewList:
    """One list of a report to store: role, canonical names and the names as written."""

    role: str
    canonical: tuple[str, ...]
    written: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One stored appearance with its report's url and feed."""

    article_id: int
    url: str
    feed: str
    version: int
    date: date
    language: str
    canonical: str
    name: str
    role: str
    list_index: int
    position: int
    colisted: tuple[str, ...]
    event_id: str | None


def replace(
    conn: Conn,
    article: Report,
    *,
    version: int,
    day: date,
    language: str,
    lists: Sequence[NewList],
    fresh: bool = False,
) -> None:
    """The report's rows become these lists (those of `version`, its latest). `fresh`: the
    report has no rows yet (none to delete)."""
    if not fresh:
        remove(conn, article.id)
    rows = []
    for index, lst in enumerate(lists):
        colisted = json.dumps(list(lst.canonical), ensure_ascii=False)
        for position, (canonical, written) in enumerate(
            zip(lst.canonical, lst.written, strict=True), 1
        ):
            rows.append(
                {
                    "article_id": article.id,
                    "feed_id": article.feed_id,
                    "version": version,
                    "date": day,
                    "language": language,
                    "canonical": canonical[:256],
                    "name": written[:256],
                    "role": lst.role,
                    "list_index": index,
                    "position": position,
                    "colisted": colisted,
                    "event_id": None,
                }
            )
    if rows:  # one INSERT executed over the rows (no ORM objects: nothing reads them back)
        conn.execute(sa.insert(table), rows)


def remove(conn: Conn, article_id: int) -> None:
    """A report taken down lists nobody any more."""
    conn.execute(sa.delete(table).where(_rows.article_id == article_id))


def stored_versions(conn: Conn, article_ids: Sequence[int]) -> dict[int, int]:
    """article id -> the version its rows were read from, for those among `article_ids` that
    have rows (one query for a batch)."""
    if not article_ids:
        return {}
    return {int(a): int(v) for a, v in conn.execute(_STORED, {"ids": list(article_ids)})}


_STORED = (  # built once with bound parameters (storage/feeds.py says why)
    sa.select(_rows.article_id, sa.func.max(_rows.version))
    .where(_rows.article_id.in_(sa.bindparam("ids", expanding=True)))
    .group_by(_rows.article_id)
)


def stored_version(conn: Conn, article_id: int) -> int | None:
    """The version the report's rows were read from; None when it has none."""
    query = sa.select(sa.func.max(_rows.version)).where(_rows.article_id == article_id)
    found: int | None = conn.execute(query).scalar()
    return found


def rows(
    conn: Conn,
    *,
    canonical: Iterable[str] | None = None,
    since: date | None = None,
    language: str | None = None,
) -> list[Row]:
    """Rows in date order (then report, list, position), optionally for some people only."""
    articles, feeds = tables.articles.c, tables.feeds.c
    stmt = (
        sa.select(
            _rows.article_id,
            articles.url,
            articles.key,
            feeds.url.label("feed"),
            _rows.version,
            _rows.date,
            _rows.language,
            _rows.canonical,
            _rows.name,
            _rows.role,
            _rows.list_index,
            _rows.position,
            _rows.colisted,
            _rows.event_id,
        )
        .select_from(table)
        .join(tables.articles, articles.id == _rows.article_id)
        .join(tables.feeds, feeds.id == _rows.feed_id)
        .order_by(_rows.date, _rows.article_id, _rows.list_index, _rows.position)
    )
    if canonical is not None:
        stmt = stmt.where(_rows.canonical.in_(list(canonical)))
    if since is not None:
        stmt = stmt.where(_rows.date >= since)
    if language is not None:
        stmt = stmt.where(_rows.language == language)
    return [
        Row(
            article_id=a.article_id,
            url=a.url or a.key,
            feed=a.feed,
            version=a.version,
            date=a.date,
            language=a.language,
            canonical=a.canonical,
            name=a.name,
            role=a.role,
            list_index=a.list_index,
            position=a.position,
            colisted=tuple(json.loads(a.colisted)),
            event_id=a.event_id,
        )
        for a in conn.execute(stmt)
    ]


def canonical_names(conn: Conn, spelling: str) -> list[str]:
    """The canonical names stored for a name as written or as canonical (case-insensitive)."""
    folded = spelling.strip().casefold()
    stmt = (
        sa.select(_rows.canonical)
        .where(
            sa.or_(sa.func.lower(_rows.canonical) == folded, sa.func.lower(_rows.name) == folded)
        )
        .distinct()
    )
    return list(conn.execute(stmt).scalars())
