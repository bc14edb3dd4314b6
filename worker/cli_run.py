"""`wirediff run`: the daemon."""

from __future__ import annotations

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

    SIGTERM or SIGINT finish in-flight work and exit 0.
    """
    from worker.daemon import run_daemon

    runtime = runtime_for(config_path, db_url)
    with user_errors():
        run_daemon(runtime, once=once)


def register(cli: click.Group) -> None:
    cli.add_command(run_cmd)
