"""`wirediff changes`, `history`, `diff` and `compare`: reading what was found."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import click
from rich.text import Text as RichText

from alerts.event import KINDS
from alerts.safe_text import MASK, mask_url, safe_line
from storage import articles, chain, changes, versions
from storage.db import Store
from storage.models import Article, Version
from worker.cli.common import (
    UserError,
    parse_since,
    runtime_for,
    store_for,
    store_options,
    user_errors,
)
from worker.cli.textfile import read_text_file
from worker.detect.changes import Text, detect_change
from worker.detect.report import check_report, compare_reports
from worker.output.console import Console, emit_json, plural
from worker.output.lines import change_lines
from worker.output.records import article_state, change_record, diff_event, version_record
from worker.output.render import render_diff_html, render_diff_text
from worker.pipeline.events import Subject, aspects_of, build_event
from worker.service.seeds import load_roster


@click.command("changes")
@store_options
@click.option(
    "--since", metavar="T", help="Only changes detected since T (ISO time, or an age: 1h, 7d)."
)
@click.option("--feed", "feed_url", metavar="URL", help="Only changes of this feed.")
@click.option("--kind", type=click.Choice(KINDS), help="Only changes of this kind.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: the change events.")
def changes_cmd(
    config_path: str | None,
    db_url: str | None,
    since: str | None,
    feed_url: str | None,
    kind: str | None,
    as_json: bool,
) -> None:
    """List detected changes, with each one's alert delivery state."""
    with user_errors():
        since_at = parse_since(since) if since else None
    store = store_for(config_path, db_url, create=False)
    with user_errors(), store.read() as session:
        rows = changes.query(session, since=since_at, feed_url=feed_url, kind=kind)
        states = changes.delivery_states(session, [r.id for r in rows])
        events = [change_record(r, states.get(r.id, [])) for r in rows]
    console = Console(as_json=as_json)
    for event in events:
        console.change(event)
        if not as_json and event["deliveries"]:
            line = ", ".join(f"{d['channel']}: {d['state']}" for d in event["deliveries"])
            click.echo(f"          alerts: {safe_line(line)}")
    if not as_json:
        click.echo(plural(len(events), "change"))


def _article_for(store: Store, url: str) -> tuple[Article, list[Version]]:
    with store.read() as session:
        found = articles.by_url(session, url)
        if not found and MASK in url:
            # the URL as outputs print it, credentials masked: match it against masked URLs
            prefix = url.split(MASK, 1)[0]
            found = [
                a for a in articles.by_url_prefix(session, prefix) if mask_url(a.url or "") == url
            ]
        if not found:
            raise UserError(f"no stored report with URL {url} (see `wirediff changes`)")
        article = max(found, key=lambda a: a.last_seen)
        return article, list(versions.history(session, article.id))


@click.command("history")
@store_options
@click.argument("article_url")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one object per version.")
def history_cmd(
    config_path: str | None, db_url: str | None, article_url: str, as_json: bool
) -> None:
    """The stored versions of one report, and whether it is still in its feed."""
    store = store_for(config_path, db_url, create=False)
    with user_errors():
        article, rows = _article_for(store, article_url)
        with store.read() as session:
            evidence = chain.evidence_of(session, [v.id for v in rows])
    state = article_state(article)
    for v in rows:
        line = version_record(v, state, evidence.get(v.id, (False, None)))
        if as_json:
            emit_json(line)
        else:
            kept = "captured" if line["capture"] else "no capture"
            click.echo(
                f"v{v.number}  {line['fetched_at']}  {v.source:<4}  {v.text_hash[:12]}  "
                f"{kept:<10}  " + safe_line(v.title)
            )
    if not as_json:
        click.echo(
            f"{plural(len(rows), 'version')} of {safe_line(article.url or article.key)} "
            f"({_state_words(article, state)})"
        )


def _state_words(article: Article, state: str) -> str:
    if state == "removed":
        return "taken down: its page is gone"
    if state == "left_feed" and article.left_feed_at is not None:
        when = article.left_feed_at.strftime("%Y-%m-%d %H:%M UTC")
        return f"live; left its feed {when}"
    return "live, in its feed"


@click.command("diff")
@store_options
@click.argument("article_url")
@click.option(
    "--from",
    "from_n",
    type=int,
    metavar="N",
    help="Earlier version (default: the one before --to).",
)
@click.option("--to", "to_n", type=int, metavar="M", help="Later version (default: the newest).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "html", "json"]),
    default="text",
    show_default=True,
)
def diff_cmd(
    config_path: str | None,
    db_url: str | None,
    article_url: str,
    from_n: int | None,
    to_n: int | None,
    fmt: str,
) -> None:
    """The difference between two versions of one report."""
    runtime = runtime_for(config_path, db_url, quiet=True, create=False)
    with user_errors():
        article, rows = _article_for(runtime.store, article_url)
    numbers = [v.number for v in rows]
    if len(numbers) < 2:
        only = f" (v1, fetched {_when(rows[0])})" if rows else ""
        raise UserError(f"{article_url}: only one version is stored{only}: nothing to compare yet")
    to_n = to_n or numbers[-1]
    from_n = from_n or to_n - 1
    if to_n not in numbers or from_n not in numbers:
        raise UserError(
            f"{article_url}: versions {from_n} and {to_n} are not both stored "
            f"(stored: {', '.join(map(str, numbers))})"
        )
    with runtime.store.read() as session:
        a = next(v for v in rows if v.number == from_n)
        b = next(v for v in rows if v.number == to_n)
        text_a, text_b = versions.text_of(session, a), versions.text_of(session, b)
    change = detect_change(Text(a.title or "", text_a), Text(b.title or "", text_b), runtime.roster)
    header = [
        article.url or article_url,
        f"v{a.number} fetched {_when(a)} ({a.source}) -> v{b.number} fetched {_when(b)} ({b.source})",
    ]
    if fmt == "json":
        emit_json(diff_event(article, a, b, change))
    elif fmt == "html":
        title = b.title or article_url
        click.echo(render_diff_html(text_a, text_b, title=title, change=change, header=header))
    else:
        click.echo(
            render_diff_text(text_a, text_b, change=change, color=None, header=header), nl=False
        )


def _when(version: Version) -> str:
    return version.fetched_at.strftime("%Y-%m-%d %H:%M UTC")


@click.command("compare")
@click.argument("file_a", type=click.Path(dir_okay=False))
@click.argument("file_b", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--roster",
    "roster_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra people roster (TOML, same shape as seeds/people.toml); repeatable.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="JSON Lines: a report per file, then the change."
)
def compare_cmd(
    file_a: str, file_b: str | None, roster_files: tuple[str, ...], as_json: bool
) -> None:
    """Compare two texts (versions, outlets, languages); with one file, check it against itself."""
    from pathlib import Path

    with user_errors():
        roster = load_roster(Path(p) for p in roster_files)
        texts = [(f, read_text_file(f)) for f in (file_a, file_b) if f]
    reports = [check_report(text, roster) for _, text in texts]
    for (name, _), report in zip(texts, reports, strict=True):
        if as_json:
            emit_json({"type": "report", "file": name, **report.to_dict()})
        else:
            _print_report(name, report)
    if len(texts) == 2:
        (name_a, a), (name_b, b) = texts
        change = compare_reports(a, b, roster, reports=(reports[0], reports[1]))
        subject = Subject("", None, name_b, None, name_b, _digest(a, b))
        if change is None:
            event = build_event(
                subject,
                kind="wording",
                detected_at=datetime.now(UTC),
                from_version=None,
                to_version=None,
                similarity=1.0,
                summary="the two texts agree",
            )
        else:
            event = build_event(
                subject,
                kind=change.kind,
                detected_at=datetime.now(UTC),
                from_version=None,
                to_version=None,
                similarity=change.similarity,
                summary=change.summary,
                aspects=aspects_of(change),
            )
        if as_json:
            emit_json(event)
        else:
            click.echo(
                f"\n{safe_line(name_a)} -> {safe_line(name_b)}: {safe_line(event['summary'])}"
            )
            console = Console(as_json=False)
            for line in change_lines(event, where=False)[1:]:
                console.rich.print(RichText("  ").append_text(line))


def _digest(a: str, b: str) -> str:
    return hashlib.sha256((a + "\x1f" + b).encode("utf-8")).hexdigest()


def _print_report(name: str, report: Any) -> None:
    click.echo(f"{safe_line(name)} ({report.language}): {len(report.people)} people")
    for p in report.people:
        canon = f" [{p.canonical}]" if p.canonical and p.canonical != p.name else ""
        click.echo(f"  {p.segment:<4} {p.role:<9} {p.position:>3}. {safe_line(p.name + canon)}")
    for f in report.findings:
        click.secho(f"  finding ({f.kind}): {safe_line(f.summary)}", fg="yellow")
