"""Webhook delivery against a real HTTP server on 127.0.0.1 (tests/support/httpserver.py)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import pytest

import worker
from alerts.backoff import parse_retry_after
from alerts.channels import deliver, deliver_digest, send_test
from alerts.config import WebhookChannelConfig, parse_channels
from alerts.errors import DeliveryError
from alerts.message import Alert
from tests.alerts.conftest import free_port
from tests.support.httpserver import LocalServer, Response

SECRET = "hook-secret-\u00e9"
ENV = {"HOOK_SECRET": SECRET}


def hook_cfg(url: str, **extra: Any) -> WebhookChannelConfig:
    table = {"type": "webhook", "url": url, "secret_env": "HOOK_SECRET", "timeout": 5, **extra}
    (cfg,) = parse_channels([table], ENV)
    assert isinstance(cfg, WebhookChannelConfig)
    return cfg


def verified(body: bytes, signature: str) -> bool:
    """What a receiver does: recompute the HMAC over the raw body, compare in constant time."""
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


async def test_posts_signed_change_event(server: LocalServer, event) -> None:
    url = server.static("/hook", "", status=204)
    await deliver(hook_cfg(url, headers={"X-Team": "desk"}), Alert.from_event(event))
    (req,) = server.hits("/hook")
    assert req.method == "POST"
    assert verified(req.body, req.headers["x-wirediff-signature"])
    assert json.loads(req.body) == event  # the change event itself, unchanged
    compact = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()
    assert req.body == compact
    assert req.headers["content-type"] == "application/json"
    assert req.headers["x-wirediff-event"] == "change"
    assert req.headers["idempotency-key"] == "chg-7f3a9c"
    assert req.headers["user-agent"].startswith(f"wirediff/{worker.__version__} (+https")
    assert req.headers["x-team"] == "desk"


async def test_signature_breaks_when_body_is_tampered(server: LocalServer, event) -> None:
    url = server.static("/hook", "ok")
    await deliver(hook_cfg(url), Alert.from_event(event))
    (req,) = server.hits("/hook")
    assert not verified(req.body.replace(b"Cai Qi", b"Cai Qx"), req.headers["x-wirediff-signature"])


@pytest.mark.parametrize(
    ("status", "headers", "permanent", "retry_after"),
    [
        (500, {}, False, None),
        (503, {"Retry-After": "120"}, False, 120.0),
        (429, {"Retry-After": "30"}, False, 30.0),
        (408, {}, False, None),
        (404, {}, True, None),
        (400, {}, True, None),
        (410, {}, True, None),
    ],
    ids=["500", "503-retry-after", "429-retry-after", "408", "404", "400", "410"],
)
async def test_status_decides_retry(
    server: LocalServer, event, status, headers, permanent, retry_after
) -> None:
    url = server.static("/hook", "nope", status=status, **headers)
    with pytest.raises(DeliveryError) as err:
        await deliver(hook_cfg(url), Alert.from_event(event))
    assert err.value.permanent is permanent
    assert err.value.retry_after == retry_after
    assert f"HTTP {status}" in str(err.value) and "webhook:1" in str(err.value)


async def test_redirect_is_permanent_and_not_followed(server: LocalServer, event) -> None:
    server.static("/elsewhere", "ok")
    url = server.static("/hook", "", status=307, Location=server.url("/elsewhere"))
    with pytest.raises(DeliveryError) as err:
        await deliver(hook_cfg(url), Alert.from_event(event))
    assert err.value.permanent and "redirect" in str(err.value)
    assert server.hits("/elsewhere") == []  # the signed body went nowhere else


async def test_slow_receiver_times_out_as_transient(server: LocalServer, event) -> None:
    def slow(req, handler):
        time.sleep(1.5)
        return Response(200, b"late")

    url = server.route("/hook", slow)
    with pytest.raises(DeliveryError) as err:
        await deliver(hook_cfg(url, timeout=0.3), Alert.from_event(event))
    assert not err.value.permanent and "timed out" in str(err.value)


async def test_receiver_down_is_transient(event) -> None:
    with pytest.raises(DeliveryError) as err:
        await deliver(hook_cfg(f"http://127.0.0.1:{free_port()}/hook"), Alert.from_event(event))
    assert not err.value.permanent


async def test_digest_posts_every_change_once(server: LocalServer, event) -> None:
    url = server.static("/hook", "ok")
    alerts = [Alert.from_event({**event, "id": f"chg-{i}"}) for i in range(3)]
    await deliver_digest(hook_cfg(url, digest="1h"), alerts)
    (req,) = server.hits("/hook")
    body = json.loads(req.body)
    assert req.headers["x-wirediff-event"] == "digest"
    assert [c["id"] for c in body["changes"]] == ["chg-0", "chg-1", "chg-2"]
    assert verified(req.body, req.headers["x-wirediff-signature"])


async def test_send_test_reports_each_channel(server: LocalServer) -> None:
    good = server.static("/good", "ok")
    bad = server.static("/bad", "gone", status=410)
    cfgs = parse_channels(
        [
            {"type": "webhook", "url": good, "secret_env": "HOOK_SECRET"},
            {"type": "webhook", "url": bad, "secret_env": "HOOK_SECRET", "name": "broken"},
        ],
        ENV,
    )
    results = await send_test(cfgs, ENV)
    assert results[0] == ("webhook:1", None)
    assert results[1][0] == "broken" and "HTTP 410" in (results[1][1] or "")
    (req,) = server.hits("/good")
    assert req.headers["x-wirediff-event"] == "test"


def test_retry_after_as_http_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Sun, 29 Nov 2026 12:01:00 GMT", now) == 60.0
    assert parse_retry_after("soon", now) is None


async def test_errors_do_not_leak_tokens_in_the_url(server: LocalServer, event) -> None:
    url = server.static("/hooks/T000/tok-SECRET", "", status=302, Location="/next?key=tok-OTHER")
    with pytest.raises(DeliveryError) as err:
        await deliver(hook_cfg(url + "?sig=tok-QUERY"), Alert.from_event(event))
    message = str(err.value)
    assert "tok-" not in message and f"127.0.0.1:{server.port}" in message
