"""Fixtures for the alerts tests: a real SMTP server (aiosmtpd) on 127.0.0.1, a private CA
(trustme) for STARTTLS and implicit TLS, and a change event shaped like SPEC.md's."""

from __future__ import annotations

import copy
import socket
import ssl
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

USER, PASSWORD = "desk", "s3cret"

# Based on the seed report (seeds/000_51e97353ff3bef23.txt): the lead's garbled names and the
# wrong date range, with feed markup in the title that must never reach an email as HTML.
EVENT: dict[str, Any] = {
    "type": "change",
    "schema": 1,
    "id": "chg-7f3a9c",
    "kind": "attendees",
    "detected_at": "2026-11-29T03:00:00Z",
    "feed": {"url": "https://example.org/rss.xml", "title": "Example wire"},
    "article": {
        "url": "https://example.org/2026/12/12/conference.html",
        "guid": "conf-1",
        "title": "Foreign Affairs <b>Work</b> Conference held in Beijing",
    },
    "from_version": 1,
    "to_version": 2,
    "similarity": 0.91,
    "summary": "attendees: Cai Qiding, Xue Xiang -> Cai Qi, Ding Xuexiang; date corrected",
    "wording": {
        "edits": [
            {
                "op": "replace",
                "before": "Cai Qiding, Xue Xiang",
                "after": "Cai Qi, Ding Xuexiang",
                "context": "Zhao Leji, Wang Huning, Cai Qi, Ding Xuexiang, Li Xi, and Han Zheng "
                "attended the meeting",
                "class": "edit",
                "touches": ["name"],
            },
            {
                "op": "replace",
                "before": "from 28 to 12 December",
                "after": "from 27 to 28 December",
                "context": "was held in Beijing from 27 to 28 December.",
                "class": "edit",
                "touches": ["number", "date"],
            },
            {
                "op": "insert",
                "before": "",
                "after": "<script>alert(1)</script>",
                "context": "a sentence with <script>alert(1)</script> in it",
                "class": "addition",
                "touches": [],
            },
        ]
    },
    "attendees": {
        "before": ["Zhao Leji", "Wang Huning", "Cai Qiding", "Xue Xiang", "Li Xi", "Han Zheng"],
        "after": [
            "Li Qiang",
            "Zhao Leji",
            "Wang Huning",
            "Cai Qi",
            "Ding Xuexiang",
            "Han Zheng",
            "Li Xi",
        ],
        "added": ["Li Qiang"],
        "removed": [],
        "reordered": True,
        "variants": [{"before": ["Cai Qiding", "Xue Xiang"], "after": ["Cai Qi", "Ding Xuexiang"]}],
        "role_changes": [],
    },
}


@pytest.fixture
def event() -> dict[str, Any]:
    return copy.deepcopy(EVENT)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps every accepted envelope; can reject or stall on demand."""

    envelopes: list[Envelope] = field(default_factory=list)
    rcpt_reply: str | None = None  # e.g. "550 no such user"
    data_delay: float = 0.0
    drop_in_data: bool = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_in_data:
            server.transport.close()
            return "250 never sent"
        if self.data_delay:
            import asyncio

            await asyncio.sleep(self.data_delay)
        self.envelopes.append(envelope)
        return "250 Message accepted"


def authenticator(server, session: Session, envelope, mechanism: str, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class SMTPServer:
    handler: Recorder
    port: int
    controller: Controller


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


def _server_context(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    return ctx


def _start(handler: Recorder, **kwargs: Any) -> Iterator[SMTPServer]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield SMTPServer(handler, port, controller)
    finally:
        controller.stop()


@pytest.fixture
def smtp() -> Iterator[SMTPServer]:
    """Plain SMTP, no TLS, no AUTH."""
    yield from _start(Recorder())


@pytest.fixture
def smtp_starttls(ca: trustme.CA) -> Iterator[SMTPServer]:
    """STARTTLS required, then AUTH (aiosmtpd only offers AUTH over TLS)."""
    yield from _start(
        Recorder(),
        tls_context=_server_context(ca),
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )


@pytest.fixture
def smtp_tls(ca: trustme.CA) -> Iterator[SMTPServer]:
    """Implicit TLS (port-465 style) with AUTH."""
    # aiosmtpd's auth_require_tls only knows STARTTLS; the whole session is TLS here
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield from _start(
            Recorder(),
            ssl_context=_server_context(ca),
            authenticator=authenticator,
            auth_required=True,
            auth_require_tls=False,
        )
