"""[[alerts]] validation: every bad table is a one-line AlertConfigError naming its channel."""

from __future__ import annotations

from typing import Any

import pytest

from alerts.config import EmailChannelConfig, WebhookChannelConfig, parse_channels
from alerts.errors import AlertConfigError

ENV = {"SMTP_USER": "desk", "SMTP_PASSWORD": "pw", "HOOK_SECRET": "s"}
EMAIL: dict[str, Any] = {
    "type": "email",
    "to": ["desk@example.org"],
    "from": "wirediff@example.org",
    "smtp_host": "mail.example.org",
}
HOOK: dict[str, Any] = {
    "type": "webhook",
    "url": "https://hooks.example.org/wirediff",
    "secret_env": "HOOK_SECRET",
}


def test_spec_example_config_parses() -> None:
    email_table = {
        **EMAIL,
        "smtp_port": 8025,
        "security": "none",
        "username_env": "SMTP_USER",
        "password_env": "SMTP_PASSWORD",
        "kinds": ["attendees", "wording"],
    }
    mail, hook = parse_channels([email_table, HOOK], ENV)
    assert isinstance(mail, EmailChannelConfig) and isinstance(hook, WebhookChannelConfig)
    assert (mail.name, hook.name) == ("email:1", "webhook:2")
    assert (mail.username, mail.password, mail.smtp_port) == ("desk", "pw", 8025)
    assert hook.secret == "s" and "secret=" not in repr(hook)  # secrets stay out of logs
    assert mail.filters.kinds == {"attendees", "wording"}


def test_defaults() -> None:
    (mail,) = parse_channels([EMAIL], {})
    assert isinstance(mail, EmailChannelConfig)
    assert (mail.security, mail.smtp_port, mail.username, mail.digest) == (
        "starttls",
        587,
        None,
        None,
    )
    (tls,) = parse_channels([{**EMAIL, "security": "tls"}], {})
    assert isinstance(tls, EmailChannelConfig) and tls.smtp_port == 465


def test_given_name_and_digest_interval() -> None:
    (hook,) = parse_channels([{**HOOK, "name": "newsroom", "digest": "1h"}], ENV)
    assert hook.name == "newsroom" and hook.digest == 3600.0


BAD: list[tuple[dict[str, Any], str, str]] = [
    ({**EMAIL, "to": ["not-an-address"]}, "email:1", "invalid email address"),
    ({**EMAIL, "from": "wirediff@"}, "email:1", "invalid email address"),
    ({**EMAIL, "to": []}, "email:1", "at least one recipient"),
    ({**EMAIL, "security": "ssl"}, "email:1", "security must be one of"),
    ({**EMAIL, "smtp_port": 70000}, "email:1", "smtp_port"),
    ({**EMAIL, "password_env": "NOPE_PW", "username_env": "SMTP_USER"}, "email:1", "NOPE_PW"),
    ({**EMAIL, "password_env": "SMTP_PASSWORD"}, "email:1", "go together"),
    ({**EMAIL, "ca_file": "/nonexistent/ca.pem"}, "email:1", "no such file"),
    ({**HOOK, "url": "ftp://example.org/x"}, "webhook:1", "not an http(s) URL"),
    ({**HOOK, "url": "https:///nohost"}, "webhook:1", "not an http(s) URL"),
    ({**HOOK, "url": "http://example.org:99999/x"}, "webhook:1", "invalid URL"),
    ({**HOOK, "secret_env": "MISSING_SECRET"}, "webhook:1", "MISSING_SECRET, which is not set"),
    ({k: v for k, v in HOOK.items() if k != "secret_env"}, "webhook:1", "secret_env is required"),
    ({**HOOK, "headers": {"X-Wirediff-Signature": "x"}}, "webhook:1", "cannot be overridden"),
    ({**HOOK, "headers": {"X-A": "a\r\nEvil: 1"}}, "webhook:1", "line break"),
    ({**HOOK, "name": "desk", "kinds": ["wordings"]}, "desk", "unknown kind 'wordings'"),
    ({**HOOK, "min_change": 1.5}, "webhook:1", "min_change must be between 0 and 1"),
    ({**HOOK, "min_chnage": 0.5}, "webhook:1", "unknown key 'min_chnage'"),
    ({**HOOK, "digest": "hourly"}, "webhook:1", "digest: 'hourly' is not a duration"),
    ({**HOOK, "people": "Wang Yi", "words": [3]}, "webhook:1", "words must be a list"),
    ({"type": "pager"}, "pager:1", "unknown type 'pager'"),
    ({"type": "apprise"}, "apprise:1", "at least one Apprise URL"),
]


@pytest.mark.parametrize(("table", "channel", "problem"), BAD, ids=[b[2] for b in BAD])
def test_bad_table_names_channel_and_problem(table, channel, problem) -> None:
    with pytest.raises(AlertConfigError) as err:
        parse_channels([table], ENV)
    message = str(err.value)
    assert err.value.channel == channel and channel in message
    assert problem in message
    assert "\n" not in message


def test_duplicate_names_are_rejected() -> None:
    with pytest.raises(AlertConfigError, match="two channels"):
        parse_channels([{**HOOK, "name": "x"}, {**EMAIL, "name": "x"}], ENV)


def test_secret_values_never_appear_in_errors() -> None:
    with pytest.raises(AlertConfigError) as err:
        parse_channels([{**HOOK, "url": "gopher://x"}], {"HOOK_SECRET": "topsecret"})
    assert "topsecret" not in str(err.value)
