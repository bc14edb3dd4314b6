"""The channel registry: a channel config and an `Alert` (or a digest) in, a delivery out.

`CHANNELS` maps each [[alerts]] `type` to its sender; `deliver()` is what the worker's
delivery loop calls for one outbox row and raises `DeliveryError` on failure;
`deliver_digest()` sends one digest message for a channel with `digest` set.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from alerts import apprise_channel, email, webhook
from alerts.config import (
    AppriseChannelConfig,
    ChannelConfig,
    EmailChannelConfig,
    WebhookChannelConfig,
)
from alerts.errors import AlertError, DeliveryError
from alerts.message import Alert


@dataclass(frozen=True, slots=True)
class Sender:
    """How one channel type sends a single change and a digest."""

    send: Callable[[Any, Alert], Awaitable[None]]
    send_digest: Callable[[Any, Sequence[Alert]], Awaitable[None]]
    description: str


async def _apprise_one(cfg: AppriseChannelConfig, alert: Alert) -> None:
    await apprise_channel.send_apprise(cfg.name, cfg.urls, *apprise_channel.alert_message(alert))


async def _apprise_digest(cfg: AppriseChannelConfig, alerts: Sequence[Alert]) -> None:
    await apprise_channel.send_apprise(cfg.name, cfg.urls, *apprise_channel.digest_message(alerts))


CHANNELS: dict[str, Sender] = {
    "email": Sender(
        email.send_email, email.send_email_digest, "SMTP mail, text + HTML, threaded per article"
    ),
    "webhook": Sender(
        webhook.send_webhook, webhook.send_webhook_digest, "signed HTTP POST of the change event"
    ),
    "apprise": Sender(
        _apprise_one, _apprise_digest, "any service Apprise supports (optional extra)"
    ),
}


def _sender(cfg: ChannelConfig) -> Sender:
    assert isinstance(cfg, EmailChannelConfig | WebhookChannelConfig | AppriseChannelConfig)
    return CHANNELS[cfg.type]


async def deliver(
    cfg: ChannelConfig, alert: Alert, environ: Mapping[str, str] | None = None
) -> None:
    """Send `alert` on one channel; raises DeliveryError.

    `environ` is accepted for symmetry with parse_channels but unused: the secrets were
    resolved from the environment when the config was parsed.
    """
    await _sender(cfg).send(cfg, alert)


async def deliver_digest(
    cfg: ChannelConfig, alerts: Sequence[Alert], environ: Mapping[str, str] | None = None
) -> None:
    """Send one digest message listing `alerts` (in the order given); raises DeliveryError."""
    if alerts:
        await _sender(cfg).send_digest(cfg, alerts)


async def send_test(
    cfgs: Sequence[ChannelConfig], environ: Mapping[str, str] | None = None
) -> list[tuple[str, str | None]]:
    """Send the synthetic test alert on every channel at once: (channel name, error or None)."""
    alert = Alert.test()

    async def attempt(cfg: ChannelConfig) -> tuple[str, str | None]:
        try:
            await deliver(cfg, alert, environ)
        except AlertError as exc:
            return cfg.name, str(exc)
        return cfg.name, None

    return list(await asyncio.gather(*(attempt(c) for c in cfgs)))


__all__ = ["CHANNELS", "DeliveryError", "Sender", "deliver", "deliver_digest", "send_test"]
