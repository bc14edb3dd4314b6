"""`wirediff db upgrade` (the schema) and `wirediff db migrate-to URL`: move the store (usually the embedded SQLite file) to PostgreSQL.

In: the current store (--db / WIREDIFF_DB / config / the embedded default) and the URL of an
empty PostgreSQL database. Out: the database migrated and holding every row of the store, and
one line per table copied on stdout. Exit 2 for a bad URL or a non-empty target, 1 if a
database is down.
"""

from __future__ import annotations

import click

from worker.cli.common import load, store_options, user_errors


@click.group("db")
def db() -> None:
    """The store's schema."""


@db.command("upgrade")
@store_options
def db_upgrade(config_path: str | None, db_url: str | None) -> None:
    """Create or migrate the store's schema to the current version.

    On PostgreSQL this also installs the job engine's schema (procrastinate), which the
    workers of a cluster share.
    """
    from storage.db import Store

    settings = load(config_path, db_url)
    with user_errors():
        store = Store(settings.database_url)
        revision = store.upgrade()
    click.echo(f"store {store.display_url} is at schema revision {revision}")
    if not store.is_sqlite:
        from storage.engine import install_engine_schema

        with user_errors():
            click.echo(install_engine_schema(settings.database_url))


@db.command("migrate-to")
@store_options
@click.argument("target_url", metavar="URL")
def migrate_to(config_path: str | None, db_url: str | None, target_url: str) -> None:
    """Copy every feed, report, version, change and alert into an empty PostgreSQL database.

    Ids, version numbers and texts are kept; the source store is only read. Point the
    workers at URL afterwards (`[storage] url`, WIREDIFF_DB or --db).
    """
    from worker.service.transfer import migrate_store

    settings = load(config_path, db_url)
    with user_errors():
        report = migrate_store(settings.database_url, target_url)
    for line in report.lines():
        click.echo(line)
