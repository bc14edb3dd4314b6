"""`wirediff alerts test` and `wirediff alerts pending`."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

import click

from alerts.channels import send_test
from alerts.safe_text import safe_line
from storage import deliveries
from worker.cli.common import RuntimeFailure, UserError, load, store_for, store_options, user_errors
from worker.config import environment
from worker.output.console import emit_json
from worker.service.app import parse_alert_channels


@click.group("alerts")
def alerts_group() -> None:
    """Alert channels and the outbox of undelivered alerts."""


@alerts_group.command("test")
@store_options
def alerts_test(config_path: str | None, db_url: str | None) -> None:
    """Send a test alert through every configured channel and report each result."""
    settings = load(config_path, db_url)
    with user_errors():
        channels = parse_alert_channels(settings, environment())
    if not channels:
        raise UserError("no alert channels configured ([[alerts]] in the config file)")
    results = asyncio.run(send_test(channels))
    failed = 0
    for name, error in results:
        if error is None:
            click.echo(f"ok      {name}")
        else:
            failed += 1
            click.echo(f"failed  {name}: {safe_line(error)}")
    if failed:
        raise RuntimeFailure(f"{failed} of {len(results)} channels failed")


@alerts_group.command("pending")
@store_options
@click.option(
    "--json", "as_json", is_flag=True, help="JSON Lines, one object per undelivered alert."
)
def alerts_pending(config_path: str | None, db_url: str | None, as_json: bool) -> None:
    """List alerts not yet delivered (pending, and failed ones with their reason)."""
    settings = load(config_path, db_url)
    configured = configured_names(settings.alerts)
    store = store_for(config_path, db_url, create=False)
    with user_errors(), store.read() as session:
        rows = deliveries.undelivered(session)
    for row in rows:
        line = {
            "type": "alert",
            "change_id": row.change_id,
            "channel": row.channel,
            "state": row.state,
            "attempts": row.attempts,
            "last_error": row.last_error,
            "next_attempt_at": row.next_attempt_at.isoformat().replace("+00:00", "Z")
            if row.state == "pending"
            else None,
        }
        if as_json:
            emit_json(line)
        else:
            note = "" if row.channel in configured else "  (channel not in the config)"
            click.echo(
                f"{row.state:<8} {row.channel:<16} {row.change_id}  attempts={row.attempts}"
                f"  next={line['next_attempt_at'] or '-'}  {safe_line(row.last_error)}{note}"
            )
    if not as_json:
        click.echo(f"{len(rows)} undelivered alerts")


def configured_names(tables: Sequence[Mapping[str, Any]]) -> set[str]:
    """Channel names as alerts.config names them, without resolving secrets: `name`, else
    `<type>:<n>` (so rows of removed or renamed channels can be pointed out)."""
    return {
        str(t.get("name") or f"{t.get('type')}:{i}")
        for i, t in enumerate(tables, 1)
        if isinstance(t, Mapping)
    }
