"""`wirediff alerts test` and `wirediff alerts pending` through the real CLI, and the one-line
exit-2 errors for a bad [[alerts]] config: a real SMTP server and webhook receiver on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.alerts.conftest import USER
from tests.support.alerting import Hook, Mail, run_cli, starttls_mail, write_config
from tests.support.events import change_event
from tests.support.httpserver import LocalServer


@pytest.fixture
def mail() -> Iterator[Mail]:
    m = Mail().start()
    yield m
    m.stop()


def sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'wirediff.db'}"


def test_alerts_test_reports_ok_for_every_working_channel(
    tmp_path: Path, server: LocalServer, mail: Mail
) -> None:
    hook = Hook(server)
    config = write_config(tmp_path, sqlite(tmp_path), server.url("/rss.xml"), mail=mail, hook=hook)
    result = run_cli(["alerts", "test", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.split()) == sorted(["ok", "mail", "ok", "hook"])
    [msg] = mail.messages()
    assert msg["Subject"].startswith("[wirediff] test:")
    [got] = hook.received
    assert got["kind"] == "test" and hook.bad_signatures == 0


def test_alerts_test_names_each_failed_channel_and_exits_1(
    tmp_path: Path, server: LocalServer
) -> None:
    mail, tls = starttls_mail(tmp_path)
    try:
        hook = Hook(server, status=500)
        config = write_config(
            tmp_path,
            sqlite(tmp_path),
            server.url("/rss.xml"),
            mail=mail,
            hook=hook,
            extra_email=tls,
        )
        env = {"WD_SMTP_USER": USER, "WD_SMTP_PASSWORD": "wrong"}
        result = run_cli(["alerts", "test", "--config", str(config)], env)
    finally:
        mail.stop()
    assert result.exit_code == 1
    by_channel = {line.split()[1].rstrip(":"): line for line in result.stdout.splitlines()}
    assert by_channel["mail"].startswith("failed") and "refused the login" in by_channel["mail"]
    assert by_channel["hook"].startswith("failed") and "HTTP 500" in by_channel["hook"]
    assert "2 of 2 channels failed" in result.stderr


@pytest.mark.parametrize(
    ("alerts", "env", "names"),
    [
        (
            '[[alerts]]\ntype = "email"\nname = "desk"\nto = ["not an address"]\n'
            'from = "w@example.org"\n',
            {},
            ["desk", "not an address"],
        ),
        (
            '[[alerts]]\ntype = "webhook"\nname = "hook"\nurl = "ftp://example.org/x"\n'
            'secret_env = "WD_HOOK_SECRET"\n',
            {"WD_HOOK_SECRET": "k"},
            ["hook", "ftp://example.org/x"],
        ),
        (
            '[[alerts]]\ntype = "webhook"\nname = "hook"\nurl = "https://example.org/x"\n'
            'secret_env = "WD_UNSET_SECRET"\n',
            {},
            ["hook", "WD_UNSET_SECRET"],
        ),
    ],
    ids=["invalid-address", "invalid-url", "missing-secret"],
)
@pytest.mark.parametrize("command", [["alerts", "test"], ["fetch"]])
def test_a_bad_channel_config_is_one_line_naming_the_channel_and_exit_2(
    tmp_path: Path,
    server: LocalServer,
    alerts: str,
    env: dict[str, str],
    names: list[str],
    command: list[str],
) -> None:
    config = write_config(tmp_path, sqlite(tmp_path), server.url("/rss.xml"), extra=alerts)
    result = run_cli([*command, "--config", str(config)], {"WD_UNSET_SECRET": "", **env})
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("wirediff: error:")
    assert all(name in line for name in names), line
    assert server.requests == []  # nothing was fetched or sent


def test_alerts_test_without_channels_is_a_usage_error(tmp_path: Path, server: LocalServer) -> None:
    config = write_config(tmp_path, sqlite(tmp_path), server.url("/rss.xml"))
    result = run_cli(["alerts", "test", "--config", str(config)])
    assert result.exit_code == 2 and "no alert channels" in result.stderr


def test_alerts_pending_lists_rows_in_text_and_json(tmp_path: Path, server: LocalServer) -> None:
    config = write_config(tmp_path, sqlite(tmp_path), server.url("/rss.xml"))
    result = run_cli(["alerts", "pending", "--config", str(config)])
    assert result.exit_code == 0 and result.stdout.strip() == "0 undelivered alerts"
    assert run_cli(["alerts", "pending", "--config", str(config), "--json"]).stdout == ""


def test_alerts_pending_points_out_rows_of_channels_no_longer_configured(
    tmp_path: Path, server: LocalServer
) -> None:

    from storage import articles, changes, feeds
    from storage.db import Store
    from storage.feeds import FeedSpec

    hook = Hook(server)
    config = write_config(tmp_path, sqlite(tmp_path), server.url("/rss.xml"), hook=hook)
    store = Store(sqlite(tmp_path))
    with store.write() as s:
        feed = feeds.upsert(s, FeedSpec("https://e.org/rss"))
        art = articles.get_or_create(s, feed.id, "k", guid=None, url=None, title="T")
        event = change_event("c1")
        changes.save_with_outbox(
            s, article_id=art.id, feed_id=feed.id, event=event, channels=["hook", "retired"]
        )
    store.dispose()
    result = run_cli(["alerts", "pending", "--config", str(config)])
    lines = result.stdout.splitlines()
    [retired] = [line for line in lines if "retired" in line]
    [kept] = [line for line in lines if " hook " in line]
    assert "not in the config" in retired and "not in the config" not in kept
    assert lines[-1] == "2 undelivered alerts"


def test_alerts_test_says_each_warning_once(tmp_path: Path, server: LocalServer) -> None:
    """The real process: apprise's own warning about a channel that cannot be reached, and
    the channel's failure, each on one line, once (nothing about the feeds it does not poll)."""
    from tests.support.cli_process import wirediff

    hook = Hook(server, status=503)
    config = tmp_path / "wirediff.toml"
    config.write_text(
        f'[storage]\nurl = "{sqlite(tmp_path)}"\n'
        '[[feeds]]\nurl = "http://127.0.0.1:9/feed.xml"\ninterval = "5s"\n'
        '[[alerts]]\ntype = "apprise"\nurls = "json://127.0.0.1:9/"\n'
        f'[[alerts]]\nname = "hook"\ntype = "webhook"\nurl = "{hook.url}"\nsecret_env = "HOOK_SECRET"\n'
    )
    done = wirediff("alerts", "test", "--config", str(config), env={"HOOK_SECRET": "s"})
    assert done.returncode == 1, done.stderr
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), lines
    assert sum("apprise" in line and "WARNING" in line for line in lines) == 1, lines
    assert sum(line.startswith("failed") for line in lines) == 2, lines
    assert not any("interval" in line for line in lines), lines
