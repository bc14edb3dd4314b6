"""The alerts package's errors. Each carries what a user needs in one line.

AlertError
├── AlertConfigError(channel, message)   # bad [[alerts]] table: the CLI exits 2
└── DeliveryError(channel, message, permanent, retry_after)
                                         # one send failed; transient ones are retried
"""

from __future__ import annotations


class AlertError(Exception):
    """Base of every error the alerts package reports."""


class AlertConfigError(AlertError):
    """A channel's config is wrong: invalid address or URL, unknown type, missing secret."""

    def __init__(self, channel: str, message: str) -> None:
        super().__init__(f"alert channel {channel}: {message}")
        self.channel = channel
        self.message = message


class DeliveryError(AlertError):
    """One delivery attempt failed.

    `permanent` failures (a refused login, a rejected recipient, a 404, a redirect) are not
    retried; transient ones are, no earlier than `retry_after` seconds when the receiver said so.
    """

    def __init__(
        self,
        channel: str,
        message: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
    ) -> None:
        kind = "permanent" if permanent else "transient"
        super().__init__(f"alert channel {channel}: {message} ({kind})")
        self.channel = channel
        self.message = message
        self.permanent = permanent
        self.retry_after = retry_after
