"""Each stored version keeps the people read in its text, and change detection reads the
previous version's back instead of reading its text again (worker/pipeline/snapshot.py,
migration 0009). Real pipeline passes over a real HTTP server and store (SQLite and
PostgreSQL); the texts are the pipeline tests' report (tests/support/farm.py REPORT).

- a first pass keeps each version's people, equal to a reading of its stored text;
- the edited pass compares the new people with those kept (changed in the store, the event
  shows the change), unless they were kept under another reading key (another roster, other
  code): then the text is read again;
- a store from before the migration (its versions without people) is upgraded by it and still
  compared right, and its new versions keep their people.
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from storage import versions
from storage.feeds import FeedSpec
from storage.models import Version
from tests.support.farm import Farm, three_reports
from tests.worker.pipeline.test_refresh import make_runtime, run
from worker.detect.people import extract_people
from worker.ingest.reading_key import reading_key
from worker.pipeline.snapshot import people_json, people_of_json
from worker.service.app import sync_feeds
from worker.service.seeds import load_roster

pytestmark = pytest.mark.timeout(300)

PAGE = "/news/2026/1.html"


@pytest.fixture
def farm(server) -> Farm:
    return three_reports(server)


def _first_pass(db_url, server):
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    first = run(rt)
    assert (first.new_versions, first.errors) == (3, 0)
    return rt


def _edit(farm) -> None:
    """The pipeline tests' edit: Zhao Leji no longer attends, a figure changes."""
    page = farm.pages[PAGE]
    page.paragraphs[2] = page.paragraphs[2].replace("Li Qiang, Zhao Leji, ", "Li Qiang, ")
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
    farm.descriptions[PAGE] = "updated"


def _version(rt, server, number: int) -> Version:
    from storage.models import Article

    with rt.store.read() as s:
        query = (
            sa.select(Version)
            .join(Article, Article.id == Version.article_id)
            .where(Article.url == server.url(PAGE), Version.number == number)
        )
        version = s.scalars(query).one()
        s.expunge(version)
        return version


def _set_people(rt, version_id: int, people: str | None, key: str | None) -> None:
    with rt.store.write() as s:
        s.execute(
            sa.update(Version).where(Version.id == version_id).values(people=people, people_key=key)
        )


def _attendees_event(rt) -> dict:
    edited = run(rt)
    assert (edited.new_versions, edited.changes) == (1, 1)
    [event] = edited.events
    assert event["kind"] == "attendees" and (event["from_version"], event["to_version"]) == (1, 2)
    return event


def test_a_version_keeps_the_people_read_in_its_text(db_url, farm, server) -> None:
    rt = _first_pass(db_url, server)
    roster = load_roster()
    with rt.store.read() as s:
        stored = s.scalars(sa.select(Version)).all()
        assert len(stored) == 3
        for version in stored:
            people = extract_people(versions.text_of(s, version), roster)
            assert people  # the report names its attendees
            assert version.people_key == reading_key(roster)
            assert people_of_json(version.people) == people
            assert json.loads(version.people)[0] == [
                people[0].name,
                people[0].canonical,
                people[0].role,
                people[0].segment,
                people[0].position,
            ]


def test_the_edited_pass_reads_the_previous_versions_people_back(db_url, farm, server) -> None:
    rt = _first_pass(db_url, server)
    before = _version(rt, server, 1)
    kept = people_of_json(before.people)
    assert "Han Zheng" not in {p.key for p in kept}
    # the kept people, changed in the store: one more attendee the text never named
    extra = type(kept[0])("Han Zheng", "Han Zheng", "attended", "body", len(kept) + 1)
    _set_people(rt, before.id, people_json((*kept, extra)), before.people_key)
    _edit(farm)

    event = _attendees_event(rt)

    # read back, not read again: the attendee only the kept people had is gone too
    assert sorted(event["attendees"]["removed"]) == ["Han Zheng", "Zhao Leji"]
    after = _version(rt, server, 2)
    assert after.people_key == before.people_key
    assert "Zhao Leji" not in {p.key for p in people_of_json(after.people)}


def test_people_kept_under_another_reading_are_read_again(db_url, farm, server) -> None:
    rt = _first_pass(db_url, server)
    before = _version(rt, server, 1)
    kept = people_of_json(before.people)
    # another roster or other code read them: not to be compared with this reading's
    _set_people(rt, before.id, people_json(kept[:1]), "another reading")
    _edit(farm)

    event = _attendees_event(rt)

    assert event["attendees"]["removed"] == ["Zhao Leji"]


def test_a_store_from_before_the_migration_is_upgraded_and_compared_right(
    db_url, farm, server
) -> None:
    from alembic import command

    rt = _first_pass(db_url, server)
    cfg = rt.store._alembic_config()
    with rt.store.engine.begin() as conn:  # the store as it was before 0009: no people kept
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008_event_keys_covering")
    with rt.store.engine.connect() as conn:
        assert "people" not in {c["name"] for c in sa.inspect(conn).get_columns("versions")}
    assert rt.store.upgrade() == "0009_version_people"  # the project's migration
    before = _version(rt, server, 1)
    assert (before.people, before.people_key) == (None, None)
    _edit(farm)

    event = _attendees_event(rt)

    assert event["attendees"]["removed"] == ["Zhao Leji"]  # read from its text again
    after = _version(rt, server, 2)
    assert after.people_key == reading_key(load_roster())
    assert "Zhao Leji" not in {p.key for p in people_of_json(after.people)}
