"""Email delivery against a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from alerts.channels import deliver
from alerts.config import EmailChannelConfig, parse_channels
from alerts.errors import DeliveryError
from alerts.message import Alert
from tests.alerts.conftest import PASSWORD, USER, SMTPServer, free_port

ENV = {"SMTP_USER": USER, "SMTP_PASSWORD": PASSWORD, "WRONG": "not-the-password"}


def email_cfg(port: int, **extra: Any) -> EmailChannelConfig:
    table = {
        "type": "email",
        "to": ["desk@example.org"],
        "from": "wirediff <wirediff@example.org>",
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "security": "none",
        "timeout": 5,
        **extra,
    }
    (cfg,) = parse_channels([table], ENV)
    assert isinstance(cfg, EmailChannelConfig)
    return cfg


def received(server: SMTPServer) -> list[Message]:
    return [
        email.message_from_bytes(e.original_content or b"", policy=email.policy.default)
        for e in server.handler.envelopes
    ]


def parts(msg: Message) -> dict[str, str]:
    out = {}
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            out[part.get_content_subtype()] = payload.decode(part.get_content_charset() or "utf-8")
    return out


async def test_mail_names_the_change_in_text_and_html(smtp: SMTPServer, event) -> None:
    await deliver(email_cfg(smtp.port), Alert.from_event(event))
    (msg,) = received(smtp)
    assert smtp.handler.envelopes[0].rcpt_tos == ["desk@example.org"]
    # the stdlib may fold before the first word; that fold's leading space is not content
    subject = "[wirediff] attendees: Foreign Affairs <b>Work</b> Conference held in Beijing"
    assert msg["Subject"].strip() == subject
    assert msg.get_content_type() == "multipart/alternative"
    body = parts(msg)
    assert "[-Cai Qiding, Xue Xiang-]{+Cai Qi, Ding Xuexiang+}" in body["plain"]
    assert "Added: Li Qiang" in body["plain"]
    html = body["html"]
    assert ">Cai Qiding, Xue Xiang</del>" in html and ">Cai Qi, Ding Xuexiang</ins>" in html
    assert ">from 27 to 28 December</ins>" in html
    assert 'href="https://example.org/2026/12/12/conference.html"' in html
    assert "Li Qiang" in html and "Variant" in html
    assert msg["X-Wirediff-Change-Id"] == "chg-7f3a9c"


async def test_feed_markup_arrives_escaped_never_as_tags(smtp: SMTPServer, event) -> None:
    await deliver(email_cfg(smtp.port), Alert.from_event(event))
    html = parts(received(smtp)[0])["html"]
    assert "<b>Work</b>" not in html and "&lt;b&gt;Work&lt;/b&gt;" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


async def test_resending_a_change_keeps_message_id_and_threads_by_article(
    smtp: SMTPServer, event
) -> None:
    cfg = email_cfg(smtp.port)
    await deliver(cfg, Alert.from_event(event))
    await deliver(cfg, Alert.from_event(event))
    other = {**event, "id": "chg-second", "to_version": 3}
    await deliver(cfg, Alert.from_event(other))
    first, again, second = received(smtp)
    assert first["Message-ID"] == again["Message-ID"]
    assert second["Message-ID"] != first["Message-ID"]
    assert first["References"] == second["References"] == second["In-Reply-To"]
    assert first["Message-ID"].endswith("@example.org>")


async def test_starttls_and_login_with_private_ca(
    smtp_starttls: SMTPServer, ca_file: Path, event
) -> None:
    cfg = email_cfg(
        smtp_starttls.port,
        security="starttls",
        ca_file=str(ca_file),
        username_env="SMTP_USER",
        password_env="SMTP_PASSWORD",
    )
    await deliver(cfg, Alert.from_event(event))
    assert len(received(smtp_starttls)) == 1


async def test_implicit_tls_and_login(smtp_tls: SMTPServer, ca_file: Path, event) -> None:
    cfg = email_cfg(
        smtp_tls.port,
        security="tls",
        ca_file=str(ca_file),
        username_env="SMTP_USER",
        password_env="SMTP_PASSWORD",
    )
    await deliver(cfg, Alert.from_event(event))
    assert len(received(smtp_tls)) == 1


async def test_refused_login_is_permanent(smtp_starttls: SMTPServer, ca_file: Path, event) -> None:
    cfg = email_cfg(
        smtp_starttls.port,
        security="starttls",
        ca_file=str(ca_file),
        username_env="SMTP_USER",
        password_env="WRONG",
    )
    with pytest.raises(DeliveryError) as err:
        await deliver(cfg, Alert.from_event(event))
    assert err.value.permanent and "535" in str(err.value) and "email:1" in str(err.value)
    assert received(smtp_starttls) == []


async def test_untrusted_certificate_fails_and_sends_nothing(
    smtp_starttls: SMTPServer, event
) -> None:
    cfg = email_cfg(smtp_starttls.port, security="starttls")  # system CAs only
    with pytest.raises(DeliveryError) as err:
        await deliver(cfg, Alert.from_event(event))
    assert err.value.permanent and "certificate" in str(err.value)
    assert received(smtp_starttls) == []


async def test_rejected_recipient_is_permanent(smtp: SMTPServer, event) -> None:
    smtp.handler.rcpt_reply = "550 5.1.1 no such user"
    with pytest.raises(DeliveryError) as err:
        await deliver(email_cfg(smtp.port), Alert.from_event(event))
    assert err.value.permanent and "550" in str(err.value)


async def test_temporarily_rejected_recipient_is_transient(smtp: SMTPServer, event) -> None:
    smtp.handler.rcpt_reply = "451 4.3.0 try again later"
    with pytest.raises(DeliveryError) as err:
        await deliver(email_cfg(smtp.port), Alert.from_event(event))
    assert not err.value.permanent


async def test_server_down_is_transient(event) -> None:
    with pytest.raises(DeliveryError) as err:
        await deliver(email_cfg(free_port()), Alert.from_event(event))
    assert not err.value.permanent and "127.0.0.1" in str(err.value)


async def test_server_closing_mid_message_is_transient(smtp: SMTPServer, event) -> None:
    smtp.handler.drop_in_data = True
    with pytest.raises(DeliveryError) as err:
        await deliver(email_cfg(smtp.port), Alert.from_event(event))
    assert not err.value.permanent


async def test_slow_server_times_out_as_transient(smtp: SMTPServer, event) -> None:
    smtp.handler.data_delay = 2.0
    with pytest.raises(DeliveryError) as err:
        await deliver(email_cfg(smtp.port, timeout=0.3), Alert.from_event(event))
    assert not err.value.permanent and "timed out" in str(err.value)


async def test_digest_lists_every_change_in_one_mail(smtp: SMTPServer, event) -> None:
    from alerts.channels import deliver_digest

    alerts = [Alert.from_event({**event, "id": f"chg-{i}"}) for i in range(3)]
    await deliver_digest(email_cfg(smtp.port, digest="1h"), alerts)
    (msg,) = received(smtp)
    assert msg["Subject"] == "[wirediff] digest: 3 changes"
    assert parts(msg)["plain"].count("Foreign Affairs") == 3


async def test_chinese_title_and_names_survive_the_trip(smtp: SMTPServer, event) -> None:
    title = "中央外事工作会议在北京举行" * 4
    event["article"]["title"] = title
    event["attendees"]["added"] = ["蔡奇", "丁薛祥"]
    await deliver(email_cfg(smtp.port), Alert.from_event(event))
    (msg,) = received(smtp)
    raw = smtp.handler.envelopes[0].original_content or b""
    header_lines = raw.split(b"\r\n\r\n")[0].split(b"\r\n")
    assert max(len(line) for line in header_lines) <= 78  # RFC 2047 encoded words stay short
    assert msg["Subject"] == f"[wirediff] attendees: {title}"
    assert "蔡奇, 丁薛祥" in parts(msg)["plain"] and "蔡奇, 丁薛祥" in parts(msg)["html"]
