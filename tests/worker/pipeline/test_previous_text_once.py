"""An edited report's previous text is looked up and decompressed once in the edited pass
(worker/pipeline/snapshot.py, round 18): the delta the new text is stored as and change
detection share it. Before, the store looked the previous text's row up three times (the
chain's length, the delta's base, change detection) and decompressed it twice.

Real pipeline passes over a real HTTP server and store (SQLite and PostgreSQL); the texts are
the pipeline tests' report (tests/support/farm.py REPORT), edited as the pipeline tests edit
it (Zhao Leji no longer attends, a figure changes). What a user sees is unchanged: the same
event, and the new version stored as a delta against the previous text that reads back whole.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from storage import bodies, versions
from storage.feeds import FeedSpec
from storage.models import Article, Body, Version
from tests.support.farm import Farm, three_reports
from tests.worker.pipeline.test_refresh import make_runtime, run
from worker.service.app import sync_feeds

pytestmark = pytest.mark.timeout(300)

PAGE = "/news/2026/1.html"


@pytest.fixture
def farm(server) -> Farm:
    return three_reports(server)


def _edit(farm: Farm) -> None:
    page = farm.pages[PAGE]
    page.paragraphs[2] = page.paragraphs[2].replace("Li Qiang, Zhao Leji, ", "Li Qiang, ")
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
    farm.descriptions[PAGE] = "updated"


def _text_lookups(engine: sa.Engine, hashes: set[str]) -> list[str]:
    """Every statement that reads a stored text's row by its hash, with the hash it read."""
    seen: list[str] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _count(conn, cursor, statement, parameters, context, executemany) -> None:
        if "FROM bodies" in statement and "bodies.hash =" in statement:
            values = parameters.values() if isinstance(parameters, dict) else parameters
            seen.extend(v for v in values if v in hashes)

    return seen


def test_the_edited_pass_reads_the_previous_text_once(db_url, farm, server) -> None:
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    assert run(rt).new_versions == 3
    with rt.store.read() as s:
        first = {v.text_hash for v in s.scalars(sa.select(Version))}
    _edit(farm)
    lookups = _text_lookups(rt.store.engine, first)

    edited = run(rt)

    assert (edited.new_versions, edited.changes) == (1, 1)
    [event] = edited.events
    assert event["kind"] == "attendees" and event["attendees"]["removed"] == ["Zhao Leji"]
    assert "4.9 percent" in str(event["wording"])
    with rt.store.read() as s:
        url = server.url(PAGE)
        article = s.scalars(sa.select(Article).where(Article.url == url)).one()
        one, two = versions.history(s, article.id)
        # looked up once: before, three times (the session forgets a row no longer referred to)
        assert lookups == [one.text_hash]
        # stored as a delta against the previous text, and read back whole
        row = s.get(Body, two.text_hash)
        assert row is not None and row.data[:65] == b"D" + one.text_hash.encode()
        text = versions.text_of(s, two)
        assert "Li Qiang, Wang Huning" in text and "Zhao Leji" not in text and "4.9 percent" in text
        assert bodies.read(s, two.text_hash) == (text, 1)
