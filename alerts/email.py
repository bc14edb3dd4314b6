"""An `Alert` (or a digest of several) and an `EmailChannelConfig` in, one mail sent over SMTP out.

The message is multipart/alternative (plain text + HTML, see render.py). Its Message-ID is
derived from the change id, so resending the same change gives the same Message-ID and a
receiver can drop the duplicate; In-Reply-To/References point at an id derived from the
article URL, so a mail client threads every change of one report together.

SMTP goes through aiosmtplib (asyncio-native, with per-command timeouts). Failures become
`DeliveryError`: 4xx replies, timeouts, refused or dropped connections are transient;
5xx replies (refused login 535, rejected recipient 550) and TLS or AUTH misconfiguration
are permanent.
"""

from __future__ import annotations

import asyncio
import email.policy
import hashlib
import logging
import ssl
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

import aiosmtplib

from alerts import render
from alerts.config import EmailChannelConfig
from alerts.errors import DeliveryError
from alerts.message import Alert
from alerts.safe_text import visible

logger = logging.getLogger(__name__)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _domain(cfg: EmailChannelConfig) -> str:
    return Address(addr_spec=parseaddr(cfg.sender)[1]).domain or "wirediff.invalid"


def message_id(cfg: EmailChannelConfig, change_id: str) -> str:
    """A stable Message-ID for one change: same change, same id."""
    return f"<wirediff.change.{_digest(change_id)}@{_domain(cfg)}>"


def thread_id(cfg: EmailChannelConfig, article_url: str) -> str:
    """The id every change of one article refers to, so mail clients thread them."""
    return f"<wirediff.article.{_digest(article_url)}@{_domain(cfg)}>"


def _one_line(text: str) -> str:
    """A header value: one line, control characters (ESC, NUL, U+202E...) made visible."""
    return visible(" ".join(text.split()))


def _base_message(cfg: EmailChannelConfig, subject: str, text: str, html: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = _one_line(subject)
    msg["From"] = cfg.sender
    msg["To"] = ", ".join(cfg.to)
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


def build_message(cfg: EmailChannelConfig, alert: Alert) -> EmailMessage:
    """The mail for one change."""
    msg = _base_message(
        cfg, render.subject(alert), render.render_text(alert), render.render_html(alert)
    )
    msg["Message-ID"] = message_id(cfg, alert.id)
    if alert.article_url:
        msg["In-Reply-To"] = thread_id(cfg, alert.article_url)
        msg["References"] = thread_id(cfg, alert.article_url)
    msg["X-Wirediff-Change-Id"] = _one_line(alert.id)
    return msg


def build_digest_message(cfg: EmailChannelConfig, alerts: Sequence[Alert]) -> EmailMessage:
    """One mail listing several changes; its Message-ID is stable for the same set of changes."""
    msg = _base_message(
        cfg,
        render.digest_subject(alerts),
        render.render_digest_text(alerts),
        render.render_digest_html(alerts),
    )
    msg["Message-ID"] = message_id(cfg, "digest:" + ",".join(sorted(a.id for a in alerts)))
    msg["X-Wirediff-Change-Id"] = ", ".join(_one_line(a.id) for a in alerts)
    return msg


async def send_email(cfg: EmailChannelConfig, alert: Alert) -> None:
    """Send one change by mail; raises DeliveryError."""
    await send_message(cfg, build_message(cfg, alert))


async def send_email_digest(cfg: EmailChannelConfig, alerts: Sequence[Alert]) -> None:
    await send_message(cfg, build_digest_message(cfg, alerts))


def _tls_context(cfg: EmailChannelConfig) -> ssl.SSLContext | None:
    if cfg.security == "none":
        return None
    return ssl.create_default_context(cafile=str(cfg.ca_file) if cfg.ca_file else None)


async def send_message(cfg: EmailChannelConfig, msg: EmailMessage) -> None:
    """Hand `msg` to the configured SMTP server, translating every failure to DeliveryError."""
    try:
        # aiosmtplib's timeout is per command; the outer bound stops a server that trickles
        async with asyncio.timeout(cfg.timeout * 4):
            _, reply = await aiosmtplib.send(
                flatten(msg),
                sender=parseaddr(cfg.sender)[1],
                recipients=[parseaddr(a)[1] for a in cfg.to],
                hostname=cfg.smtp_host,
                port=cfg.smtp_port,
                username=cfg.username,
                password=cfg.password,
                use_tls=cfg.security == "tls",
                start_tls=cfg.security == "starttls",
                tls_context=_tls_context(cfg),
                timeout=cfg.timeout,
            )
    except aiosmtplib.SMTPException as exc:
        raise _smtp_error(cfg, exc) from exc
    except ssl.SSLError as exc:
        message = f"TLS with {_server(cfg)} failed: {exc}"
        raise DeliveryError(cfg.name, message, permanent=True) from exc
    except TimeoutError as exc:
        message = f"{_server(cfg)} timed out after {cfg.timeout * 4:g} s in all"
        raise DeliveryError(cfg.name, message) from exc
    except OSError as exc:
        raise DeliveryError(cfg.name, f"cannot reach {_server(cfg)}: {exc}") from exc
    logger.info("email sent channel=%s message_id=%s reply=%s", cfg.name, msg["Message-ID"], reply)


def flatten(msg: EmailMessage) -> bytes:
    """The wire form of `msg`: CRLF line ends, headers folded at 78 with RFC 2047 encoded
    words (a CJK title stays valid for strict clients)."""
    return msg.as_bytes(policy=email.policy.SMTP)


def _server(cfg: EmailChannelConfig) -> str:
    return f"SMTP server {cfg.smtp_host}:{cfg.smtp_port}"


def _smtp_error(cfg: EmailChannelConfig, exc: aiosmtplib.SMTPException) -> DeliveryError:
    server = _server(cfg)
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        codes = [r.code for r in exc.recipients]
        detail = "; ".join(
            f"{r.recipient}: {r.code} {_one_line(r.message)}" for r in exc.recipients
        )
        permanent = all(code >= 500 for code in codes)
        return DeliveryError(
            cfg.name, f"{server} refused recipients: {detail}", permanent=permanent
        )
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        what = "refused the login" if exc.code == 535 else "answered"
        message = f"{server} {what}: {exc.code} {_one_line(exc.message)}"
        return DeliveryError(cfg.name, message, permanent=exc.code >= 500)
    if isinstance(exc, aiosmtplib.SMTPTimeoutError):
        return DeliveryError(cfg.name, f"{server} timed out after {cfg.timeout:g} s")
    if isinstance(exc, aiosmtplib.SMTPNotSupported):
        # e.g. STARTTLS or AUTH not offered: retrying cannot help, the config must change
        return DeliveryError(cfg.name, f"{server}: {exc}", permanent=True)
    if isinstance(exc, aiosmtplib.SMTPConnectError | aiosmtplib.SMTPServerDisconnected):
        return DeliveryError(cfg.name, f"{server}: {_one_line(str(exc))}")
    # what is left (AUTH not offered, no common AUTH mechanism) needs a config change
    return DeliveryError(cfg.name, f"{server}: {_one_line(str(exc))}", permanent=True)
