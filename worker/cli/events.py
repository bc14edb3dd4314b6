"""`wirediff events` and `wirediff events show ID`: reports grouped by occasion, with the
people they name and where they disagree (SPEC.md "Events and people over time")."""

from __future__ import annotations

from typing import Any

import click

from alerts.safe_text import safe_line
from storage import events as stored
from worker.cli.common import UserError, parse_since, runtime_for, store_options, user_errors
from worker.detect.events import person_key
from worker.output.console import emit_json, plural
from worker.output.event_records import event_record

GROUPING_OFF = (
    "wirediff: grouping is off: new reports are not grouped into events "
    "(turn it on with `[events] enabled = true` in the config file; see docs/events.md)"
)


@click.group("events", invoke_without_command=True)
@store_options
@click.option("--since", metavar="T", help="Only events on or after T (ISO time, or an age: 7d).")
@click.option("--person", metavar="NAME", help="Only events a report of which names NAME.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one event object per line.")
@click.pass_context
def events_cmd(
    ctx: click.Context,
    config_path: str | None,
    db_url: str | None,
    since: str | None,
    person: str | None,
    as_json: bool,
) -> None:
    """Events: the reports of one occasion, grouped across feeds and languages.

    Each event with its reports, the people they name and the discrepancies between them
    (who is missing from one report, who presided according to whom, another date, number or
    order). `events show ID` shows one."""
    if ctx.invoked_subcommand is not None:
        return
    with user_errors():
        since_day = parse_since(since).date() if since else None
    runtime = runtime_for(config_path, db_url, create=False, quiet=as_json)
    with user_errors(), runtime.store.read() as session:
        ids = None
        if person:
            key, _ = person_key(person, runtime.roster.canonical(person))
            ids = stored.with_person_key(session, key)
        records = [
            event_record(session, e)
            for e in stored.query(session, since=since_day, article_ids=ids)
        ]
    if runtime.settings.events is None:
        # stderr under --json, so the JSON Lines stay parseable
        click.echo(GROUPING_OFF, err=as_json)
    for record in records:
        if as_json:
            emit_json(record)
        else:
            _line(record)
    if not as_json:
        click.echo(plural(len(records), "event"))


def _line(record: dict[str, Any]) -> None:
    click.echo(
        f"{record['id']}  {record['date']}  {plural(len(record['reports']), 'report'):<10}  "
        + safe_line(record["title"])
    )
    for finding in record["discrepancies"]:
        click.echo(f"    ! {finding['kind']}: {safe_line(finding['summary'])}")


@events_cmd.command("show")
@store_options
@click.argument("event_id")
@click.option("--json", "as_json", is_flag=True, help="The event object as JSON.")
def show_cmd(config_path: str | None, db_url: str | None, event_id: str, as_json: bool) -> None:
    """One event: its reports, the people they name and their discrepancies.

    An EVENT_ID that was merged into another event (a later report linked the two) shows the
    event it was merged into."""
    runtime = runtime_for(config_path, db_url, create=False, quiet=as_json)
    with user_errors(), runtime.store.read() as session:
        # an event merged into another is found under its old id too
        event = stored.find(session, event_id)
        if event is None:
            raise UserError(f"no event {event_id} (see `wirediff events`)")
        record = event_record(session, event)
    if as_json:
        emit_json(record)
        return
    click.echo(f"event {record['id']}  {record['date']}  {safe_line(record['title'])}")
    if record["id"] != event_id:
        click.echo(f"(event {safe_line(event_id)} was merged into this one)")
    click.echo(plural(len(record["reports"]), "report") + ":")
    for report in record["reports"]:
        click.echo(
            f"  {report['language'] or '?':<3} v{report['version']}  {safe_line(report['url'])}"
            f"  ({safe_line(report['feed'])})"
        )
    if record["people"]:
        click.echo("people:")
        for p in record["people"]:
            click.echo(
                f"  {safe_line(p['canonical'])} ({', '.join(p['roles'])}): "
                f"{safe_line(' / '.join(p['names']))}, in {plural(len(p['reports']), 'report')}"
            )
    found = record["discrepancies"]
    click.echo(plural(len(found), "discrepancy", "discrepancies") + (":" if found else ""))
    for finding in record["discrepancies"]:
        click.echo(f"  ! {finding['kind']}: {safe_line(finding['summary'])}")
