"""`wirediff demo`: the whole pipeline offline on the bundled seed report."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import click

from storage.db import default_sqlite_path
from storage.feeds import FeedSpec
from worker.cli.common import user_errors
from worker.cli.demo_site import DemoSite, demo_versions, serve
from worker.config import Settings, environment
from worker.detect.report import check_report
from worker.output.console import Console, emit_json
from worker.service.app import open_runtime, sync_feeds
from worker.service.passes import one_pass


def _demo_db(db_url: str | None) -> str:
    if db_url:
        return db_url
    path = default_sqlite_path(environment()).with_name("demo.db")
    for suffix in ("", "-wal", "-shm"):  # a fresh demo store every run
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


@click.command("demo")
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="Store to use (default: a fresh demo.db next to the embedded store).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="JSON Lines: the seed's report, then each pass's lines."
)
def demo_cmd(db_url: str | None, as_json: bool) -> None:
    """Run the whole pipeline offline on the bundled seed report and show what it finds.

    A server on 127.0.0.1 replays the seed report as a feed whose article is corrected and
    edited between passes; every pass is a real `fetch` into an embedded SQLite store.
    """
    versions = demo_versions()
    settings = Settings(database_url=_demo_db(db_url), database_source="demo")
    with user_errors():
        runtime = open_runtime(settings, environment())
    console = Console(as_json=as_json)
    seed = check_report(versions[0].text, runtime.roster)
    _show_seed(seed, as_json)
    site = DemoSite()
    with serve(site) as base:
        feed_url = f"{base}/feed.xml"
        sync_feeds(runtime.store, [FeedSpec(feed_url, "Demo wire", 60, True)])
        for number, version in enumerate(versions, 1):
            site.set_text(version.text)
            if not as_json:
                click.secho(f"\npass {number}: {version.note}", bold=True)
            started = time.monotonic()
            with user_errors():
                report = asyncio.run(one_pass(runtime, [feed_url], console))
            report.seconds = round(time.monotonic() - started, 3)
            console.summary(report)
    if not as_json:
        click.echo(
            f"\nstore: {runtime.store.display_url}\n"
            f"try:   wirediff changes --db {runtime.store.display_url}\n"
            f"       wirediff history {base}/2023-12/28/c_1130000000.htm --db {runtime.store.display_url}"
        )


def _show_seed(report: object, as_json: bool) -> None:
    from worker.detect.model import Report

    assert isinstance(report, Report)
    if as_json:
        emit_json({"type": "report", "file": "seeds/000_51e97353ff3bef23.txt", **report.to_dict()})
        return
    click.secho("The seed report checked against itself (lead vs body, dates):", bold=True)
    for p in report.people:
        click.echo(f"  {p.segment:<4} {p.role:<9} {p.position:>2}. {p.name}")
    for finding in report.findings:
        click.secho(f"  finding ({finding.kind}): {finding.summary}", fg="yellow")
