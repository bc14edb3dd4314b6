"""`wirediff verify` and `wirediff export --warc`: the evidence the store holds, checked or shipped.

verify: exit 0 with counts when every digest and link holds, 1 naming the first broken record,
2 for bad usage (an unknown article, a malformed --published). export: exit 0 with the file
written whole (or not at all), 2 for bad usage, 1 when the store or the disk fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from worker.cli.common import (
    RuntimeFailure,
    UserError,
    load,
    parse_since,
    store_options,
    user_errors,
)
from worker.evidence.verify import ScopeError, describe, verify
from worker.output.console import emit_json

_PUBLISHED = re.compile(r"^(\d+):([0-9a-f]{64})$")


@click.command("verify")
@store_options
@click.option("--article", "article_url", metavar="URL", help="Only this report's records.")
@click.option("--since", metavar="T", help="Only records from T on (ISO time, or an age: 1h, 7d).")
@click.option(
    "--head", "show_head", is_flag=True, help="Print the log head (SEQ:SHA256) to publish."
)
@click.option(
    "--published",
    metavar="SEQ:SHA256",
    help="Also check that the log still holds this head published earlier.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object with the counts.")
def verify_cmd(
    config_path: str | None,
    db_url: str | None,
    article_url: str | None,
    since: str | None,
    show_head: bool,
    published: str | None,
    as_json: bool,
) -> None:
    """Recompute every digest and link of the evidence log.

    Checks each record of the log (versions, takedowns, feed removals) against the rows it
    names, the links between records, every stored text and every capture body (in the store
    or the capture directory). Exit 0 with counts when all hold; exit 1 naming the first
    broken record (article, version, what does not match).
    """
    settings = load(config_path, db_url)
    published_at: tuple[int, str] | None = None
    if published is not None:
        match = _PUBLISHED.match(published.strip().lower())
        if match is None:
            raise UserError(f"--published {published!r}: expected SEQ:SHA256 (as --head prints)")
        published_at = (int(match.group(1)), match.group(2))
    with user_errors():
        since_at = parse_since(since) if since else None
    from storage.db import open_store

    with user_errors():
        store = open_store(settings.database_url, create=False)  # they only read
        try:
            report = verify(
                store,
                article_url=article_url,
                since=since_at,
                capture_dir=settings.evidence.capture_dir,
            )
        except ScopeError as err:
            raise UserError(str(err)) from err
        first = report.first()
        first_line = describe(store, first) if first is not None else None
        held = _check_published(store, published_at)
    if as_json:
        doc = report.to_json()
        doc["first_problem_line"] = first_line
        if published_at is not None:
            doc["published_holds"] = held is None
        emit_json(doc)
    else:
        click.echo(report.summary())
        if report.head is not None and show_head:
            click.echo(f"head {report.head.text()} at {report.head.at.isoformat()}")
        elif show_head:
            click.echo("head: the log is empty")
    if first_line is not None:
        more = report.problem_count - 1
        tail = f" ({more} more problems)" if more > 0 else ""
        raise RuntimeFailure(f"verify failed: {first_line}{tail}")
    if held is not None:
        raise RuntimeFailure(f"verify failed: {held}")


def _check_published(store: object, published: tuple[int, str] | None) -> str | None:
    """None when the log holds the published head; else what differs."""
    if published is None:
        return None
    from storage import chain
    from storage.db import Store

    assert isinstance(store, Store)
    seq, digest = published
    with store.read() as session:
        value = chain.hash_at(session, seq)
    if value is None:
        return f"published head {seq}:{digest[:16]}...: the log has no position {seq}"
    if value != digest:
        return (
            f"published head {seq}:{digest[:16]}... does not match the log, which holds "
            f"{value[:16]}... at position {seq} (the log was rewritten)"
        )
    return None


@click.command("export")
@store_options
@click.option(
    "--warc",
    "warc_path",
    required=True,
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
    help="Write a WARC 1.1 file (gzip per record when FILE ends in .gz).",
)
@click.option("--feed", "feed_url", metavar="URL", help="Only this feed's reports.")
@click.option("--article", "article_url", metavar="URL", help="Only this report.")
@click.option(
    "--since", metavar="T", help="Only versions stored from T on (ISO time, or an age: 7d)."
)
def export_cmd(
    config_path: str | None,
    db_url: str | None,
    warc_path: str,
    feed_url: str | None,
    article_url: str | None,
    since: str | None,
) -> None:
    """Export captures and versions as WARC 1.1 (request, response, resource, metadata).

    Every capture becomes a request and a response record (digests computed by warcio);
    every version a resource record with its extracted text and a metadata record linking
    the text, the capture, its log record and its change events.
    """
    from storage.db import open_store
    from worker.evidence.warc import Selection, export_warc

    settings = load(config_path, db_url)
    with user_errors():
        since_at = parse_since(since) if since else None
        store = open_store(settings.database_url, create=False)  # they only read
        try:
            report = export_warc(
                store,
                Path(warc_path),
                Selection(feed_url, article_url, since_at),
                capture_dir=settings.evidence.capture_dir,
            )
        except ScopeError as err:
            raise UserError(str(err)) from err
        except OSError as err:
            raise RuntimeFailure(f"{warc_path}: {err.strerror or err}") from err
    click.echo(report.summary())
