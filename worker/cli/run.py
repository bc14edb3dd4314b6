"""`wirediff run`: the daemon.

Input: --config/--db (the store and feeds), --once. Output: a process that polls until SIGTERM or
SIGINT and exits 0; logs on stderr as key=value text or JSON ([daemon] log_format).
"""

from __future__ import annotations

import logging

import click

from worker.cli.common import RuntimeFailure, runtime_for, store_options, user_errors


@click.command("run")
@store_options
@click.option(
    "--once",
    is_flag=True,
    help="Refresh the feeds that are due, deliver alerts, and exit (burst mode).",
)
@click.option(
    "--single-node",
    is_flag=True,
    help="On a PostgreSQL store, run alone instead of joining the cluster of workers.",
)
def run_cmd(config_path: str | None, db_url: str | None, once: bool, single_node: bool) -> None:
    """The daemon: poll feeds on their intervals, revisit articles, deliver alerts.

    With a PostgreSQL store, every `wirediff run` joins one cluster of workers (on any
    machines) that share the feeds through the job engine: each due feed is fetched by one of
    them, and a worker that dies takes nothing with it (docs/cluster.md). With the embedded
    SQLite store, or --single-node, it runs alone.

    SIGTERM or SIGINT finish in-flight work and exit 0. Logs go to stderr, one event per line
    with key=value fields ([daemon] log_format = "json" for JSON Lines); metrics and health at
    [daemon] metrics (HOST:PORT, /metrics and /healthz), or WIREDIFF_METRICS.
    """
    from worker.service.daemon import run_daemon
    from worker.service.logs import setup_logging

    # On a full disk the daemon starts anyway and waits for space (docs/deploy.md).
    runtime = runtime_for(config_path, db_url, warn=True, wait_for_disk=not once)
    # A daemon logs its events at INFO by default; -vv still gives DEBUG.
    level = min(logging.getLogger().getEffectiveLevel(), logging.INFO)
    setup_logging(runtime.settings.log_format, level)
    with user_errors():
        if runtime.store.is_sqlite or single_node or once:
            run_daemon(runtime, once=once)
        else:
            from worker.service.cluster import ClusterWorkerStopped, run_cluster

            try:
                run_cluster(runtime)  # syncs the configured feeds under an advisory lock
            except ClusterWorkerStopped as err:
                raise RuntimeFailure(str(err)) from err
