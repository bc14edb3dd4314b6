"""An `Alert` and a `WebhookChannelConfig` in, one signed HTTP POST of the change event out.

Body: the change event as compact UTF-8 JSON, credentials in its URLs masked and characters a
terminal could act on (C1 controls, bidi overrides) written as JSON escapes (safe_text.safe_json). Headers: `X-Wirediff-Signature:
sha256=<hex HMAC-SHA256 of the body with the channel's secret>`, `X-Wirediff-Event`
("change", "digest" or "test"), `Idempotency-Key` (the change id). Redirects are not followed:
a signed body must not be replayed to another host, so a 3xx is a permanent failure.
2xx is success; timeouts, connection errors, 408, 429 and 5xx are transient (Retry-After
kept); other statuses are permanent.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
from collections.abc import Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlsplit

import httpx

from alerts.backoff import parse_retry_after
from alerts.config import WebhookChannelConfig
from alerts.errors import DeliveryError
from alerts.message import Alert
from alerts.safe_text import safe_json

logger = logging.getLogger(__name__)


def _version() -> str:
    """The installed wirediff's version (worker.__version__ reads the same; alerts may not
    import the worker)."""
    try:
        return version("wirediff")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0.0.0+checkout"


USER_AGENT = f"wirediff/{_version()} (+https://github.com/wirediff/wirediff) webhook"
TRANSIENT_STATUSES = frozenset({408, 425, 429})


def encode_body(event: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON: what is signed is exactly what is sent."""
    return safe_json(event, separators=(",", ":")).encode("utf-8")


def sign(secret: str, body: bytes) -> str:
    """The X-Wirediff-Signature value for `body`."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


async def send_webhook(cfg: WebhookChannelConfig, alert: Alert) -> None:
    """POST one change event; raises DeliveryError."""
    event_type = "test" if alert.is_test else "change"
    await post_event(cfg, dict(alert.event), event_type=event_type, key=alert.id)


async def send_webhook_digest(cfg: WebhookChannelConfig, alerts: Sequence[Alert]) -> None:
    """POST one digest: {"type": "digest", "schema": 1, "changes": [event, ...]}."""
    ids = sorted(a.id for a in alerts)
    key = "digest-" + hashlib.sha256(",".join(ids).encode()).hexdigest()[:32]
    body = {"type": "digest", "schema": 1, "id": key, "changes": [dict(a.event) for a in alerts]}
    await post_event(cfg, body, event_type="digest", key=key)


async def post_event(
    cfg: WebhookChannelConfig, event: Mapping[str, Any], *, event_type: str, key: str
) -> None:
    body = encode_body(event)
    headers = {
        **dict(cfg.headers),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Wirediff-Signature": sign(cfg.secret, body),
        "X-Wirediff-Event": event_type,
        "Idempotency-Key": " ".join(key.split()),
    }
    where = redact(cfg.url)
    try:
        # httpx's timeout is per phase; the outer bound stops a receiver that trickles bytes
        async with (
            asyncio.timeout(cfg.timeout * 2),
            httpx.AsyncClient(timeout=cfg.timeout, follow_redirects=False) as client,
            client.stream("POST", cfg.url, content=body, headers=headers) as response,
        ):
            pass  # the status and headers are all we need: the reply body is never read
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise DeliveryError(cfg.name, f"{where} timed out after {cfg.timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise DeliveryError(cfg.name, f"cannot reach {where}: {type(exc).__name__}") from exc
    _check_status(cfg, response)
    logger.info(
        "webhook delivered channel=%s status=%s key=%s", cfg.name, response.status_code, key
    )


def _check_status(cfg: WebhookChannelConfig, response: httpx.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    if 300 <= status < 400:
        target = redact(response.headers.get("location", "?"))
        raise DeliveryError(
            cfg.name,
            f"{redact(cfg.url)} redirected ({status}) to {target}; redirects are not followed so a "
            "signed body never goes to another address: configure the final URL",
            permanent=True,
        )
    transient = status in TRANSIENT_STATUSES or status >= 500
    raise DeliveryError(
        cfg.name,
        f"{redact(cfg.url)} answered HTTP {status}",
        permanent=not transient,
        retry_after=parse_retry_after(response.headers.get("retry-after")),
    )


def redact(url: str) -> str:
    """Scheme, host and port only: webhook paths and queries often embed access tokens, and
    error messages end up in logs and `wirediff alerts pending`."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(invalid URL)"
    if not parts.scheme:  # a relative Location header
        return "(a relative URL on the same host)"
    suffix = "/…" if parts.path.strip("/") or parts.query else "/"
    return f"{parts.scheme}://{host}{port}{suffix}"
