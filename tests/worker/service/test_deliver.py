"""worker.service.deliver against a real store (SQLite and PostgreSQL) and a real webhook receiver on
127.0.0.1: backoff per channel, permanent failures, poison rows, digests, claims of other and
of dead workers, channels no longer configured, and the retry policy's validation."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from alerts.config import ChannelConfig, parse_channels
from storage import articles, changes, deliveries, feeds
from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Delivery
from tests.support.events import change_event
from tests.support.httpserver import LocalServer, Request, Response
from worker.service.deliver import HOST, RetryPolicy, deliver_due

QUICK = RetryPolicy(first=10.0, cap=60.0, max_age=timedelta(days=3))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store(db_url)
    s.upgrade()
    yield s
    s.dispose()


def add_changes(store: Store, n: int, channels: list[str], prefix: str = "c") -> list[str]:
    ids = [f"{prefix}{i}" for i in range(n)]
    with store.write() as s:
        feed = feeds.upsert(s, FeedSpec("https://e.org/rss"))
        for i, cid in enumerate(ids):
            art = articles.get_or_create(
                s, feed.id, f"{prefix}k{i}", guid=None, url=None, title="T"
            )
            event = change_event(
                cid, article={"url": f"https://e.org/{cid}", "guid": None, "title": f"Report {cid}"}
            )
            changes.save_with_outbox(
                s, article_id=art.id, feed_id=feed.id, event=event, channels=channels
            )
    return ids


def hook(
    server: LocalServer, name: str = "hook", path: str = "/hook", **extra: Any
) -> ChannelConfig:
    table = {"type": "webhook", "name": name, "url": server.url(path), "secret_env": "S", **extra}
    [channel] = parse_channels([table], {"S": "k"})
    return channel


def rows(store: Store) -> dict[str, Delivery]:
    with store.read() as s:
        return {f"{d.change_id}/{d.channel}": d for d in s.scalars(sa.select(Delivery))}


def run(store: Store, channels: list[ChannelConfig], at: datetime | None = None, **kw: Any):
    when = at or datetime.now(UTC)
    return asyncio.run(deliver_due(store, channels, clock=lambda: when, policy=QUICK, **kw))


def keys(server: LocalServer, path: str = "/hook") -> list[str]:
    return [r.headers["idempotency-key"] for r in server.hits(path)]


def test_a_channel_that_is_down_is_tried_twice_per_round_and_then_delivers_in_order(
    store: Store, server: LocalServer
) -> None:
    status = {"code": 500}
    server.route("/hook", lambda req, h: Response(status["code"]))
    ids = add_changes(store, 5, ["hook"])
    assert run(store, [hook(server)]) == (0, 5)
    assert len(server.hits("/hook")) == 2  # two strikes, then the channel waits
    state = rows(store)
    assert sorted(d.attempts for d in state.values()) == [0, 0, 0, 1, 1]
    assert all("HTTP 500" in (d.last_error or "") for d in state.values())
    assert all(d.next_attempt_at > datetime.now(UTC) for d in state.values())

    assert run(store, [hook(server)]) == (0, 5)  # nothing is due yet: no request
    assert len(server.hits("/hook")) == 2

    status["code"] = 200
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert run(store, [hook(server)], later) == (5, 0)
    assert keys(server)[2:] == ids  # oldest first
    with store.read() as s:
        assert deliveries.undelivered(s) == []


def test_permanent_failures_are_marked_failed_with_the_reason(
    store: Store, server: LocalServer
) -> None:
    server.static("/gone", "no", status=404)
    server.static("/moved", "", status=302, Location="https://elsewhere.example/hook")
    add_changes(store, 1, ["gone", "moved"])
    channels = [hook(server, "gone", "/gone"), hook(server, "moved", "/moved")]
    assert run(store, channels) == (0, 0)
    state = rows(store)
    assert state["c0/gone"].state == "failed" and "HTTP 404" in (state["c0/gone"].last_error or "")
    assert state["c0/moved"].state == "failed" and "redirected" in (
        state["c0/moved"].last_error or ""
    )
    run(store, channels, datetime.now(UTC) + timedelta(days=1))
    assert len(server.hits("/gone")) == 1 and len(server.hits("/moved")) == 1
    with store.read() as s:
        assert {d.state for d in deliveries.undelivered(s)} == {"failed"}


def test_one_row_the_receiver_chokes_on_does_not_hold_back_the_others(
    store: Store, server: LocalServer
) -> None:
    def receiver(req: Request, _h: object) -> Response:
        return Response(500 if req.headers["idempotency-key"] == "c0" else 200)

    server.route("/hook", receiver)
    add_changes(store, 4, ["hook"])
    assert run(store, [hook(server)]) == (3, 1)
    assert keys(server) == ["c0", "c1", "c2", "c3"]
    assert rows(store)["c0/hook"].state == "pending"


def test_retry_after_is_honoured(store: Store, server: LocalServer) -> None:
    server.static("/hook", "busy", status=429, Retry_After="40")
    add_changes(store, 1, ["hook"])
    now = datetime.now(UTC)
    run(store, [hook(server)], now)
    row = rows(store)["c0/hook"]
    assert row.next_attempt_at >= now + timedelta(seconds=40)  # more than the 10 s first delay


def test_rows_of_channels_no_longer_configured_stay_pending_and_listed(
    store: Store, server: LocalServer
) -> None:
    server.static("/hook", "", status=204)
    add_changes(store, 1, ["hook", "retired"])
    assert run(store, [hook(server)]) == (1, 1)
    with store.read() as s:
        assert [(d.channel, d.state) for d in deliveries.undelivered(s)] == [("retired", "pending")]


def test_a_digest_waits_for_its_period_then_sends_one_message(
    store: Store, server: LocalServer
) -> None:
    server.static("/hook", "", status=204)
    add_changes(store, 3, ["hook"])
    channel = hook(server, digest="1h")
    assert run(store, [channel]) == (0, 3)
    assert server.hits("/hook") == []
    assert run(store, [channel], datetime.now(UTC) + timedelta(hours=1, seconds=1)) == (3, 0)
    [req] = server.hits("/hook")
    assert req.headers["x-wirediff-event"] == "digest"
    assert b'"c0"' in req.body and b'"c2"' in req.body


def test_claims_of_live_workers_are_respected_and_of_dead_local_ones_released(
    store: Store, server: LocalServer
) -> None:
    server.static("/hook", "", status=204)
    add_changes(store, 2, ["hook"])
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    dead = f"{HOST}:{int(done.stdout)}"  # a process of this host that has exited
    now = datetime.now(UTC)
    with store.write() as s:
        [first] = deliveries.claim_due(s, now, "otherhost:1", channels=["hook"], limit=1)
        [second] = deliveries.claim_due(s, now, dead, channels=["hook"], limit=1)
        ids = {first.id: "other", second.id: "dead"}
    assert run(store, [hook(server)]) == (1, 1)
    with store.read() as s:
        states = {ids[d.id]: d.state for d in s.scalars(sa.select(Delivery))}
    assert states == {"other": "pending", "dead": "sent"}


def test_a_late_worker_cannot_undo_a_sent_row(store: Store) -> None:
    add_changes(store, 1, ["hook"])
    now = datetime.now(UTC)
    with store.write() as s:
        [row] = deliveries.claim_due(s, now, "a", channels=["hook"])
        deliveries.mark_sent(s, row.id, now)
        deliveries.mark_failed(s, row.id, "late worker's timeout")
        deliveries.mark_retry(s, row.id, "late", now)
    with store.read() as s:
        d = s.scalars(sa.select(Delivery)).one()
        assert (d.state, d.attempts, d.last_error) == ("sent", 1, None)


def test_postgresql_workers_claim_disjoint_rows_without_waiting(store: Store) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL only; SQLite has one writer at a time")
    add_changes(store, 4, ["hook"])
    now = datetime.now(UTC)
    with store.write() as a:
        got_a = [r.id for r in deliveries.claim_due(a, now, "a", channels=["hook"], limit=2)]
        with store.write() as b:  # a's transaction still holds its row locks
            got_b = [r.id for r in deliveries.claim_due(b, now, "b", channels=["hook"])]
    assert len(got_a) == 2 and len(got_b) == 2 and not set(got_a) & set(got_b)
