"""An `Alert` and an `AppriseChannelConfig` in, a notification through the Apprise library out.

Apprise (an optional extra: `pip install 'wirediff[apprise]'`) speaks to dozens of services
(Matrix, Slack, Telegram, ntfy, ...) from one URL each. Apprise reports success as a bool and
does not say why a send failed, so a failure is transient: it is retried until it expires.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from alerts import render
from alerts.errors import AlertConfigError, DeliveryError
from alerts.message import Alert

EXTRA_HINT = "needs the apprise extra: pip install 'wirediff[apprise]'"


def _apprise_module(channel: str) -> Any:
    try:
        import apprise
    except ImportError as exc:
        raise AlertConfigError(channel, EXTRA_HINT) from exc
    return apprise


def check_urls(channel: str, urls: Sequence[str]) -> None:
    """Raise AlertConfigError when Apprise is missing or cannot use one of `urls`."""
    apprise = _apprise_module(channel)
    for number, url in enumerate(urls, 1):
        if not apprise.Apprise().add(url):
            # the URL itself is not shown: Apprise URLs usually embed tokens or passwords
            scheme = url.split("://", 1)[0] if "://" in url else "?"
            raise AlertConfigError(
                channel, f"Apprise URL #{number} (scheme {scheme!r}) is not valid"
            )


async def send_apprise(channel: str, urls: Sequence[str], title: str, body: str) -> None:
    """Notify every URL; Apprise is synchronous, so it runs in a worker thread."""
    apprise = _apprise_module(channel)

    def notify() -> bool:
        client = apprise.Apprise()
        for url in urls:
            client.add(url)
        return bool(client.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT))

    if not await asyncio.to_thread(notify):
        raise DeliveryError(channel, "Apprise could not deliver to at least one of its URLs")


def alert_message(alert: Alert) -> tuple[str, str]:
    return render.subject(alert), render.render_text(alert)


def digest_message(alerts: Sequence[Alert]) -> tuple[str, str]:
    return render.digest_subject(alerts), render.render_digest_text(alerts)
