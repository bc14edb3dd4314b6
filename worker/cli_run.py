"""`wirediff run`: the daemon.

Input: --config/--db (the store and feeds), --once. Output: a process that polls until SIGTERM or
SIGINT and exits 0; logs on stderr as key=value text or JSON ([daemon] log_format).
"""

from __future__ import annotations

import logging

import click

from worker.cli import runtime_for, store_options, user_errors


@click.command("run")
@store_options
@click.option(
    "--once",
    is_flag=True,
    help="Refresh the feeds that are due, deliver alerts, and exit (burst mode).",
)
def run_cmd(config_path: str | None, db_url: str | None, once: bool) -> None:
    """The daemon: poll feeds on their intervals, revisit articles, deliver alerts.

    SIGTERM or SIGINT finish in-flight work and exit 0. Logs go to stderr, one event per line
    with key=value fields ([daemon] log_format = "json" for JSON Lines); metrics and health at
    [daemon] metrics (HOST:PORT, /metrics and /healthz).
    """
    from worker.daemon import run_daemon
    from worker.logs import setup_logging

    runtime = runtime_for(config_path, db_url)
    # A daemon logs its events at INFO by default; -vv still gives DEBUG.
    level = min(logging.getLogger().getEffectiveLevel(), logging.INFO)
    setup_logging(runtime.settings.log_format, level)
    with user_errors():
        run_daemon(runtime, once=once)


def register(cli: click.Group) -> None:
    cli.add_command(run_cmd)
