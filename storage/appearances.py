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

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.models import Appearance, Article, Feed


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
    session: Session,
    article: Article,
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
        remove(session, article.id)
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
        session.execute(sa.insert(Appearance), rows)


def remove(session: Session, article_id: int) -> None:
    """A report taken down lists nobody any more."""
    session.execute(sa.delete(Appearance).where(Appearance.article_id == article_id))


def stored_versions(session: Session, article_ids: Sequence[int]) -> dict[int, int]:
    """article id -> the version its rows were read from, for those among `article_ids` that
    have rows (one query for a batch)."""
    if not article_ids:
        return {}
    query = (
        sa.select(Appearance.article_id, sa.func.max(Appearance.version))
        .where(Appearance.article_id.in_(list(article_ids)))
        .group_by(Appearance.article_id)
    )
    return {int(a): int(v) for a, v in session.execute(query)}


def stored_version(session: Session, article_id: int) -> int | None:
    """The version the report's rows were read from; None when it has none."""
    return session.scalar(
        sa.select(sa.func.max(Appearance.version)).where(Appearance.article_id == article_id)
    )


def rows(
    session: Session,
    *,
    canonical: Iterable[str] | None = None,
    since: date | None = None,
    language: str | None = None,
) -> list[Row]:
    """Rows in date order (then report, list, position), optionally for some people only."""
    stmt = (
        sa.select(Appearance, Article.url, Article.key, Feed.url)
        .join(Article, Article.id == Appearance.article_id)
        .join(Feed, Feed.id == Appearance.feed_id)
        .order_by(
            Appearance.date, Appearance.article_id, Appearance.list_index, Appearance.position
        )
    )
    if canonical is not None:
        stmt = stmt.where(Appearance.canonical.in_(list(canonical)))
    if since is not None:
        stmt = stmt.where(Appearance.date >= since)
    if language is not None:
        stmt = stmt.where(Appearance.language == language)
    return [
        Row(
            article_id=a.article_id,
            url=url or key,
            feed=feed,
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
        for a, url, key, feed in session.execute(stmt)
    ]


def canonical_names(session: Session, spelling: str) -> list[str]:
    """The canonical names stored for a name as written or as canonical (case-insensitive)."""
    folded = spelling.strip().casefold()
    stmt = (
        sa.select(Appearance.canonical)
        .where(
            sa.or_(
                sa.func.lower(Appearance.canonical) == folded,
                sa.func.lower(Appearance.name) == folded,
            )
        )
        .distinct()
    )
    return list(session.scalars(stmt))
