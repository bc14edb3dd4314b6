"""Helpers for the alert tests that go through the real CLI: a signed-webhook receiver on the
test HTTP server, an aiosmtpd server on a chosen port (so it can be down, then come up on the
same address), a config file writer and a CLI runner."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from click.testing import CliRunner, Result

from storage.db import Store
from tests.alerts.conftest import Recorder, free_port
from tests.support.httpserver import LocalServer, Request, Response
from worker.cli import cli

SECRET = "hook-s3cret"
SECRET_ENV = "WD_TEST_HOOK_SECRET"


@dataclass
class Hook:
    """A webhook receiver: checks the HMAC signature, answers `status`, keeps what it got."""

    server: LocalServer
    path: str = "/hook"
    status: int = 200
    block: threading.Event | None = None  # set: the receiver hangs until the event is set
    received: list[dict[str, Any]] = field(default_factory=list)  # valid, accepted deliveries
    bad_signatures: int = 0

    def __post_init__(self) -> None:
        self.server.route(self.path, self._handle)

    @property
    def url(self) -> str:
        return self.server.url(self.path)

    @property
    def attempts(self) -> list[Request]:
        return self.server.hits(self.path)

    def _handle(self, req: Request, _h: BaseHTTPRequestHandler) -> Response:
        expected = "sha256=" + hmac.new(SECRET.encode(), req.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(req.headers.get("x-wirediff-signature", ""), expected):
            self.bad_signatures += 1
            return Response(401, b"bad signature")
        if self.block is not None:
            self.block.wait(30)
        if self.status >= 300:
            return Response(self.status, b"down")
        self.received.append(
            {
                "event": json.loads(req.body),
                "kind": req.headers.get("x-wirediff-event"),
                "key": req.headers.get("idempotency-key"),
            }
        )
        return Response(204)


@dataclass
class Mail:
    """An SMTP server that can be started and stopped on a fixed port."""

    port: int = field(default_factory=free_port)
    handler: Recorder = field(default_factory=Recorder)
    kwargs: dict[str, Any] = field(default_factory=dict)
    controller: Controller | None = None

    def start(self) -> Mail:
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, **self.kwargs
        )
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def messages(self) -> list[EmailMessage]:
        out = []
        for env in self.handler.envelopes:
            raw = env.original_content or env.content
            assert isinstance(raw, bytes)
            msg = message_from_bytes(raw, policy=policy.default)
            assert isinstance(msg, EmailMessage)
            out.append(msg)
        return out


def write_config(
    tmp_path: Path,
    db_url: str,
    feed_url: str,
    *,
    mail: Mail | None = None,
    hook: Hook | None = None,
    extra_email: str = "",
    extra: str = "",
) -> Path:
    parts = [
        f'[storage]\nurl = "{db_url}"\n',
        '[fetch]\ntimeout = 5\nrevisit = ["1d"]\n',
        f'[[feeds]]\nurl = "{feed_url}"\nname = "Test wire"\ninterval = "1m"\n',
    ]
    if mail is not None:
        security = extra_email or 'security = "none"'
        parts.append(
            '[[alerts]]\ntype = "email"\nname = "mail"\nto = ["desk@example.org"]\n'
            f'from = "wirediff@example.org"\nsmtp_host = "127.0.0.1"\nsmtp_port = {mail.port}\n'
            f"timeout = 5\n{security}\n"
        )
    if hook is not None:
        parts.append(
            f'[[alerts]]\ntype = "webhook"\nname = "hook"\nurl = "{hook.url}"\n'
            f'secret_env = "{SECRET_ENV}"\ntimeout = 5\n'
        )
    parts.append(extra)
    store = Store(db_url)  # PostgreSQL test databases start empty: migrate, as `db upgrade` does
    store.upgrade()
    store.dispose()
    path = tmp_path / "wirediff.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def run_cli(args: list[str], env: dict[str, str] | None = None) -> Result:
    """The real `wirediff` command in this process; exceptions are not swallowed."""
    full_env = {SECRET_ENV: SECRET, **(env or {})}
    result = CliRunner().invoke(cli, args, env=full_env, catch_exceptions=False)
    return result


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]


def starttls_mail(tmp_path: Path) -> tuple[Mail, str]:
    """A started SMTP server requiring STARTTLS (a trustme certificate) and login, and the
    [[alerts]] email lines that reach it (credentials from WD_SMTP_USER / WD_SMTP_PASSWORD)."""
    import trustme

    from tests.alerts.conftest import _server_context, authenticator

    ca = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    mail = Mail(
        kwargs={
            "tls_context": _server_context(ca),
            "require_starttls": True,
            "authenticator": authenticator,
            "auth_required": True,
        }
    ).start()
    lines = (
        f'security = "starttls"\nca_file = "{ca_file}"\n'
        'username_env = "WD_SMTP_USER"\npassword_env = "WD_SMTP_PASSWORD"'
    )
    return mail, lines
