"""`wirediff db migrate-to URL`: move the store (usually the embedded SQLite file) to PostgreSQL.

In: the current store (--db / WIREDIFF_DB / config / the embedded default) and the URL of an
empty PostgreSQL database. Out: the database migrated and holding every row of the store, and
one line per table copied on stdout. Exit 2 for a bad URL or a non-empty target, 1 if a
database is down.
"""

from __future__ import annotations

import click

from worker.cli import load, store_options, user_errors


@click.command("migrate-to")
@store_options
@click.argument("target_url", metavar="URL")
def migrate_to(config_path: str | None, db_url: str | None, target_url: str) -> None:
    """Copy every feed, report, version, change and alert into an empty PostgreSQL database.

    Ids, version numbers and texts are kept; the source store is only read. Point the
    workers at URL afterwards (`[storage] url`, WIREDIFF_DB or --db).
    """
    from worker.transfer import migrate_store

    settings = load(config_path, db_url)
    with user_errors():
        report = migrate_store(settings.database_url, target_url)
    for line in report.lines():
        click.echo(line)


def register(cli: click.Group) -> None:
    group = cli.commands.get("db")
    if not isinstance(group, click.Group):  # `db` is defined in worker/cli.py
        raise RuntimeError("the `db` command group is missing")
    group.add_command(migrate_to)
