"""Two trees' corpus stores compared text by text (bench/corpus_run.py --keep DIR in each).

    PYTHONPATH=. python bench/corpus_texts.py BASE_DIR BRANCH_DIR [--show 5]

For each store both directories hold (follow-on.db, follow-off.db): every feed's articles by
the feed's path and the article's key, and each article's versions: number, title, link,
published, source and the whole text (read back through storage.bodies), with each run's
corpus base URL (its port differs) replaced by "BASE". Prints the counts and the articles that
differ. Item hashes cover the link, hence the port, so they are compared by
bench/feed_options.py --dump (a fixed feed URL) instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import select

from storage import bodies
from storage.db import Store
from storage.models import Article, Feed, Version


def snapshot(db: Path, base: str) -> dict[tuple[str, str], list[tuple[Any, ...]]]:
    def plain(value: Any) -> Any:
        return value.replace(base, "BASE") if isinstance(value, str) else value

    store = Store(f"sqlite:///{db}")
    found: dict[tuple[str, str], list[tuple[Any, ...]]] = {}
    with store.read() as session:
        rows = session.execute(
            select(Feed.url, Article.key, Article.id).join(Article, Article.feed_id == Feed.id)
        ).all()
        for feed_url, key, article_id in rows:
            versions = session.scalars(
                select(Version).where(Version.article_id == article_id).order_by(Version.number)
            ).all()
            found[(plain(feed_url), plain(key))] = [
                (
                    v.number,
                    plain(v.title),
                    plain(v.link),
                    v.published.isoformat() if v.published else None,
                    v.source,
                    plain(bodies.get(session, v.text_hash)),
                )
                for v in versions
            ]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("branch", type=Path)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    for name in ("follow-off.db", "follow-on.db"):
        if not (args.base / name).is_file() or not (args.branch / name).is_file():
            continue
        a = snapshot(args.base / name, (args.base / "base.txt").read_text())
        b = snapshot(args.branch / name, (args.branch / "base.txt").read_text())
        versions = sum(len(v) for v in a.values())
        differing = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        print(
            f"{name}: articles {len(a)} / {len(b)}, versions {versions} / "
            f"{sum(len(v) for v in b.values())}, articles differing {len(differing)}"
        )
        for key in differing[: args.show]:
            print(f"  {key}\n    base:   {a.get(key)!r:.300}\n    branch: {b.get(key)!r:.300}")


if __name__ == "__main__":
    main()
