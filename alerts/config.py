"""The [[alerts]] tables of the TOML config in, validated channel configs out.

`parse_channels(raw, environ)` checks every table and resolves the secrets it names from
`environ` (never from the config file). Any problem raises `AlertConfigError` naming the
channel ("email:1", or its `name`), which the CLI turns into a one-line error and exit 2.

Keys common to every channel: type, name, feeds, kinds, min_change, people, words, digest.
email: to, from, smtp_host, smtp_port, security ("none" | "starttls" | "tls"), username_env,
password_env, timeout, ca_file (a PEM bundle to trust instead of the system CAs, for a
private mail server). webhook: url, secret_env, timeout, headers. apprise: urls or urls_env.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from alerts import checks
from alerts.errors import AlertConfigError
from alerts.event import KINDS
from alerts.filters import Filters
from alerts.message import Alert

Security = Literal["none", "starttls", "tls"]
DEFAULT_PORTS: dict[str, int] = {"none": 25, "starttls": 587, "tls": 465}
COMMON_KEYS = frozenset(
    {"type", "name", "feeds", "kinds", "min_change", "people", "words", "digest"}
)
KEYS_BY_TYPE: dict[str, frozenset[str]] = {  # every key a channel of each type takes
    "email": COMMON_KEYS
    | {
        "to",
        "from",
        "smtp_host",
        "smtp_port",
        "security",
        "username_env",
        "password_env",
        "timeout",
        "ca_file",
    },
    "webhook": COMMON_KEYS | {"url", "secret_env", "timeout", "headers"},
    "apprise": COMMON_KEYS | {"urls", "urls_env"},
}


class _Matching:
    __slots__ = ()
    filters: Filters

    def matches(self, alert: Alert) -> bool:
        """True when this channel's filters let `alert` through."""
        return self.filters.matches(alert)


@dataclass(frozen=True, slots=True)
class EmailChannelConfig(_Matching):
    name: str
    to: tuple[str, ...]
    sender: str
    smtp_host: str = "localhost"
    smtp_port: int = 587
    security: Security = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    ca_file: Path | None = None
    filters: Filters = field(default_factory=Filters)
    digest: float | None = None
    type: Literal["email"] = "email"


@dataclass(frozen=True, slots=True)
class WebhookChannelConfig(_Matching):
    name: str
    url: str
    secret: str = field(repr=False)
    timeout: float = 10.0
    headers: tuple[tuple[str, str], ...] = ()
    filters: Filters = field(default_factory=Filters)
    digest: float | None = None
    type: Literal["webhook"] = "webhook"


@dataclass(frozen=True, slots=True)
class AppriseChannelConfig(_Matching):
    name: str
    urls: tuple[str, ...] = field(repr=False)
    filters: Filters = field(default_factory=Filters)
    digest: float | None = None
    type: Literal["apprise"] = "apprise"


ChannelConfig = EmailChannelConfig | WebhookChannelConfig | AppriseChannelConfig


def parse_channels(
    raw: list[Mapping[str, Any]], environ: Mapping[str, str]
) -> tuple[ChannelConfig, ...]:
    """Validate each [[alerts]] table; channel names must be unique."""
    channels: list[ChannelConfig] = []
    for index, table in enumerate(raw, 1):
        channel = parse_channel(table, index, environ)
        if any(c.name == channel.name for c in channels):
            raise AlertConfigError(channel.name, "two channels have this name")
        channels.append(channel)
    return tuple(channels)


def parse_channel(
    table: Mapping[str, Any], index: int, environ: Mapping[str, str]
) -> ChannelConfig:
    """Validate one [[alerts]] table (the `index`-th, 1-based) into its channel config."""
    if not isinstance(table, Mapping):
        raise AlertConfigError(f"#{index}", "each [[alerts]] entry must be a table")
    kind = table.get("type")
    name = table.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise AlertConfigError(f"{kind}:{index}", f"name must be a non-empty string, not {name!r}")
    name = name.strip() if name else f"{kind}:{index}"
    if not isinstance(kind, str) or kind not in _PARSERS:  # a list or table is no type either
        raise AlertConfigError(name, f"unknown type {kind!r} (known: {', '.join(_PARSERS)})")
    v = checks.Checker(name, table)
    return _PARSERS[kind](v, environ)


def _common(v: checks.Checker) -> dict[str, Any]:
    kinds = v.str_list("kinds")
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        v.fail(f"kinds: unknown kind {unknown[0]!r} (known: {', '.join(sorted(KINDS))})")
    filters = Filters(
        feeds=frozenset(v.str_list("feeds")),
        kinds=frozenset(kinds),
        min_change=v.number("min_change", 0.0, low=0.0, high=1.0),
        people=v.str_list("people"),
        words=v.str_list("words"),
    )
    return {"name": v.channel, "filters": filters, "digest": v.interval("digest")}


def _email(v: checks.Checker, environ: Mapping[str, str]) -> EmailChannelConfig:
    v.only(KEYS_BY_TYPE["email"])
    security = v.choice("security", ("none", "starttls", "tls"), "starttls")
    to = v.str_list("to")
    if not to:
        v.fail("to: at least one recipient address is needed")
    username, password = v.env("username_env", environ), v.env("password_env", environ)
    if (username is None) != (password is None):
        v.fail("username_env and password_env go together: set both or neither")
    return EmailChannelConfig(
        to=tuple(v.address(a, "to") for a in to),
        sender=v.address(v.string("from", required=True), "from"),
        smtp_host=v.host("smtp_host", "localhost"),
        smtp_port=int(v.number("smtp_port", DEFAULT_PORTS[security], low=1, high=65535)),
        security=security,  # type: ignore[arg-type]  # choice() checked the value
        username=username,
        password=password,
        timeout=v.number("timeout", 30.0, low=0.1, high=600.0),
        ca_file=v.existing_file("ca_file"),
        **_common(v),
    )


def _webhook(v: checks.Checker, environ: Mapping[str, str]) -> WebhookChannelConfig:
    v.only(KEYS_BY_TYPE["webhook"])
    secret = v.env("secret_env", environ, required=True)
    assert secret is not None  # required=True raised otherwise
    return WebhookChannelConfig(
        url=v.http_url(v.string("url", required=True), "url"),
        secret=secret,
        timeout=v.number("timeout", 10.0, low=0.1, high=600.0),
        headers=v.headers("headers"),
        **_common(v),
    )


def _apprise(v: checks.Checker, environ: Mapping[str, str]) -> AppriseChannelConfig:
    from alerts.apprise_channel import check_urls

    v.only(KEYS_BY_TYPE["apprise"])
    urls = list(v.str_list("urls"))
    from_env = v.env("urls_env", environ)
    if from_env:
        # Apprise's own convention: several URLs in one variable, separated by commas or spaces
        urls += [u for u in re.split(r"[\s,]+", from_env) if u]
    if not urls:
        v.fail("urls or urls_env: at least one Apprise URL is needed")
    check_urls(v.channel, urls)
    return AppriseChannelConfig(urls=tuple(urls), **_common(v))


_PARSERS: dict[str, Callable[[checks.Checker, Mapping[str, str]], ChannelConfig]] = {
    "email": _email,
    "webhook": _webhook,
    "apprise": _apprise,
}
