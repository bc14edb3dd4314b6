"""A new version stored with its previous text handed in (`versions.add(previous_text=...)`,
as the pipeline does since round 18: it reads that text once for change detection too) is
stored exactly as one stored without it: the same rows, byte for byte, through a chain of
deltas long enough to be capped (a full copy again after MAX_CHAIN deltas)."""

from __future__ import annotations

import random

import pytest

from storage import articles, bodies, feeds, versions
from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Body
from tests.storage.test_store import _version


def _texts() -> list[str]:
    rng = random.Random(3)
    words = "meeting Beijing cooperation development security said percent reform".split()
    text = " ".join(
        f"Sentence {i} " + " ".join(rng.choice(words) for _ in range(12)) + "." for i in range(300)
    )
    return [text.replace(f"Sentence {n} ", f"Clause {n} ") for n in range(2 * bodies.MAX_CHAIN)]


def _store_all(db_url: str, hand_in: bool) -> tuple[list[bytes], list[int]]:
    store = Store(db_url)
    store.upgrade()
    try:
        links = []
        with store.write() as s:
            feed = feeds.add(s, FeedSpec("https://e.org/rss"))
            art = articles.get_or_create(s, feed.id, "k", guid=None, url=None, title="T")
            previous = None
            for text in _texts():
                before = versions.read_text(s, previous) if hand_in and previous else None
                if before is not None:
                    links.append(before.links)
                previous = versions.add(s, art, _version(text), previous, previous_text=before)
        with store.read() as s:
            rows = [s.get(Body, bodies.text_hash(t)) for t in _texts()]
            assert [versions.text_of(s, v) for v in versions.history(s, art.id)] == _texts()
            return [r.data for r in rows if r is not None], links
    finally:
        store.dispose()


@pytest.fixture
def other_db(tmp_path) -> str:
    """The store compared against: always an SQLite file, so on PostgreSQL the test also shows
    both backends keep the same bytes."""
    return f"sqlite:///{tmp_path / 'other.db'}"


def test_a_version_stored_with_its_previous_text_handed_in_is_stored_the_same(
    db_url: str, other_db: str
) -> None:
    handed, links = _store_all(db_url, hand_in=True)
    looked_up, _ = _store_all(other_db, hand_in=False)
    assert handed == looked_up and len(handed) == 2 * bodies.MAX_CHAIN
    # the chain as read: deltas up to MAX_CHAIN, then a full copy starts a new chain
    assert links[: bodies.MAX_CHAIN + 1] == list(range(bodies.MAX_CHAIN + 1))
    assert sum(not data.startswith(b"D") for data in handed) == 2
