"""Bytes stored per version on real article text (the scrapinghub article-body ground truth).

Each article is stored as version 1, then as version 2 with about 2% of its words changed, in
an embedded SQLite store, through storage.versions (zstd-compressed, deduplicated bodies).

    python bench/bench_storage.py [/work/shared/corpus/articles/scrapinghub-aeb/ground-truth-subset.json]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from storage import articles, feeds, versions
from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Body, Version
from storage.versions import NewVersion
from worker.detect.normalize import normalize_text

DEFAULT = Path("/work/shared/corpus/articles/scrapinghub-aeb/ground-truth-subset.json")


def edit(text: str, rng: random.Random, share: float = 0.02) -> str:
    words = text.split(" ")
    for i in rng.sample(range(len(words)), max(1, int(len(words) * share))):
        words[i] = words[i][::-1]
    return " ".join(words)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    bodies = [normalize_text(v["articleBody"]) for v in json.loads(source.read_text()).values()]
    rng = random.Random(7)
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = Store(f"sqlite:///{path}")
        store.upgrade()
        empty_size = path.stat().st_size
        with store.write() as s:
            feed = feeds.add(s, FeedSpec("https://bench.invalid/rss"))
            for i, text in enumerate(bodies):
                art = articles.get_or_create(
                    s, feed.id, f"k{i}", guid=None, url=None, title=f"T{i}"
                )
                v1 = versions.add(
                    s, art, NewVersion(f"T{i}", None, now, text, None, "page", None, None), None
                )
                versions.add(
                    s,
                    art,
                    NewVersion(f"T{i}", None, now, edit(text, rng), None, "page", None, None),
                    v1,
                )
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("VACUUM")
        with store.read() as s:
            n_versions = s.scalar(sa.select(sa.func.count()).select_from(Version)) or 0
            compressed = s.scalar(sa.select(sa.func.sum(sa.func.length(Body.data)))) or 0
            later = (
                s.scalar(
                    sa.select(sa.func.sum(sa.func.length(Body.data))).where(
                        Body.hash.in_(sa.select(Version.text_hash).where(Version.number > 1))
                    )
                )
                or 0
            )
            raw = s.scalar(sa.select(sa.func.sum(Body.size))) or 0
        store.dispose()
        file_size = path.stat().st_size - empty_size
    print(f"articles: {len(bodies)}, versions: {n_versions}")
    print(f"text (UTF-8) per version:       {raw / n_versions:8.0f} bytes")
    print(
        f"compressed body per version:    {compressed / n_versions:8.0f} bytes ({compressed / raw:.0%} of the text)"
    )
    print(
        f"  of which a later version:     {later / (n_versions / 2):8.0f} bytes (delta vs. the one before)"
    )
    print(
        f"SQLite file growth per version: {file_size / n_versions:8.0f} bytes (rows, indexes, pages)"
    )


if __name__ == "__main__":
    main()
