"""`wirediff people`: who the stored reports list over time, and what looks wrong.

`people` lists everyone seen (appearances, first and last seen, usual position); `people NAME`
is one person's timeline; `--absent` and `--rank` are the current findings, replayed from the
stored appearances with the [people] thresholds (docs/people-over-time.md). JSON as SPEC.md
"Events and people over time".
"""

from __future__ import annotations

from typing import Any

import click

from alerts.safe_text import safe_line
from storage import appearances
from worker.cli.common import UserError, runtime_for, store_options, user_errors
from worker.detect.appearances import PeopleFinding, find_changes
from worker.detect.roster import Roster
from worker.output.console import emit_json, plural
from worker.pipeline.appearances import (
    appearance_record,
    finding_record,
    history,
    person_records,
)


@click.command("people")
@store_options
@click.argument("name", required=False)
@click.option("--absent", is_flag=True, help="Current absence findings.")
@click.option("--rank", is_flag=True, help="Current findings of people listed out of rank.")
@click.option("--all", "every", is_flag=True, help="With --absent/--rank: past findings too.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines (SPEC.md).")
def people_cmd(
    config_path: str | None,
    db_url: str | None,
    name: str | None,
    absent: bool,
    rank: bool,
    every: bool,
    as_json: bool,
) -> None:
    """People seen in the stored reports; NAME: one person's timeline."""
    if name and (absent or rank):
        raise UserError("give NAME or --absent/--rank, not both")
    runtime = runtime_for(config_path, db_url, create=False, quiet=as_json)
    with user_errors(), runtime.store.read() as session:
        if absent or rank:
            found = find_changes(history(appearances.rows(session)), runtime.settings.people)
            kinds = {k for k, on in (("absence", absent), ("rank", rank)) if on}
            _findings([f for f in found if f.kind in kinds and (every or f.open)], as_json)
            return
        if name:
            canonical = _resolve(session, runtime.roster, name)
            _timeline(appearances.rows(session, canonical=[canonical]), as_json)
            return
        _people(person_records(appearances.rows(session)), as_json)


def _resolve(session: Any, roster: Roster, name: str) -> str:
    """NAME as the store knows it: the roster's canonical form, else a stored spelling."""
    candidates = [c for c in (roster.canonical(name),) if c]
    candidates += appearances.canonical_names(session, name)
    for canonical in dict.fromkeys(candidates):
        if appearances.rows(session, canonical=[canonical]):
            return canonical
    raise UserError(f"{name!r}: no one by that name in the stored reports (`wirediff people`)")


def _people(records: list[dict[str, Any]], as_json: bool) -> None:
    for rec in records:
        if as_json:
            emit_json(rec)
            continue
        spelled = ", ".join(n for n in rec["names"] if n != rec["canonical"])
        usual = rec["usual_position"]
        click.echo(
            safe_line(
                f"{rec['canonical']}{f' ({spelled})' if spelled else ''}: "
                f"{plural(rec['appearances'], 'appearance')}, {rec['first_seen']} .. "
                f"{rec['last_seen']}{f', usually #{usual}' if usual else ''}"
            )
        )
    if not as_json:
        click.echo(plural(len(records), "person", "people"))


def _timeline(rows: list[appearances.Row], as_json: bool) -> None:
    for row in rows:
        rec = appearance_record(row)
        if as_json:
            emit_json(rec)
            continue
        others = ", ".join(rec["with"][:8])
        click.echo(
            safe_line(
                f"{rec['date']}  {rec['role']} #{rec['position']}  {rec['report']}"
                + (f"  with {others}" if others else "")
            )
        )
    if not as_json:
        click.echo(plural(len(rows), "appearance"))


def _findings(found: list[PeopleFinding], as_json: bool) -> None:
    for finding in found:
        if as_json:
            emit_json(finding_record(finding))
        else:
            state = "" if finding.open else " (past)"
            click.echo(safe_line(f"{finding.date} {finding.kind}{state}: {finding.summary}"))
    if not as_json:
        click.echo(plural(len(found), "finding"))
