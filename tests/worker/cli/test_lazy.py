"""The command line's layout: commands load when they run, start-up loads click and no more.

Real processes: `python -X importtime -m worker ...` lists every module a start-up imports.
"""

from __future__ import annotations

import subprocess
import sys

import click
import grimp
import pytest

from tests.support.cli_process import ROOT
from worker.cli import COMMANDS, cli

# What a start-up may import besides the standard library: click, and wirediff's own light
# modules (worker, worker.cli and its shared helpers, the one-line error classes of alerts and
# storage). "sitecustomize" is the interpreter's, not ours.
ALLOWED = {"click", "worker", "alerts", "storage", "sitecustomize"}


def imported_by(*args: str, env: dict[str, str] | None = None) -> tuple[set[str], str]:
    """The modules `python -m worker ARGS` imports (from -X importtime) and its stdout."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "worker", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()[1:]}
    return names - {""}, done.stdout


def imported_packages(*args: str) -> set[str]:
    return imported_by(*args)[0]


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_start_up_imports_click_and_nothing_heavy(args: tuple[str, ...]) -> None:
    names = imported_packages(*args)
    tops = {n.split(".")[0] for n in names}
    third_party = {t for t in tops if t not in sys.stdlib_module_names and not t.startswith("_")}
    assert third_party <= ALLOWED, third_party - ALLOWED
    assert not [n for n in names if n.startswith(("storage.db", "worker.service.app"))]


@pytest.mark.parametrize("module", sorted({entry.module for entry in COMMANDS.values()}))
def test_each_command_module_imports_on_its_own(module: str) -> None:
    subprocess.run([sys.executable, "-c", f"import worker.cli.{module}"], cwd=ROOT, check=True)


def test_the_listed_summary_is_the_commands_own() -> None:
    ctx = click.Context(cli)
    for name, entry in COMMANDS.items():
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
        assert " ".join((command.help or "").split("\n\n")[0].split()) == entry.summary, name


def test_command_modules_import_only_shared_helpers() -> None:
    """A command module never imports the group (worker.cli) nor another command."""
    graph = grimp.build_graph("worker", cache_dir=None)
    commands = {f"worker.cli.{entry.module}" for entry in COMMANDS.values()}
    for module in commands:
        imported = graph.find_modules_directly_imported_by(module)
        assert "worker.cli" not in imported, module
        assert not imported & (commands - {module}), (module, imported & commands)


def test_a_new_store_is_created_without_mako_s_highlighting(tmp_path) -> None:
    """`wirediff db upgrade` (and every first pass) runs Alembic, which imports Mako; Mako's
    pygments highlighting is never loaded in a wirediff process, and the store is created."""
    db = tmp_path / "new.db"
    names = imported_packages("db", "upgrade", "--db", f"sqlite:///{db}")
    assert "alembic" in names and "mako" in names
    assert "pygments" not in names
    assert db.exists()


def _rss(text: str) -> str:
    items = "".join(
        f"<item><guid>urn:report:{n}</guid><title>Report {n}</title>"
        f"<description>{text} Report {n} of the ministry, with figures.</description></item>"
        for n in (1, 2)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def test_a_fetch_pass_runs_on_sqlalchemy_core_without_its_orm(tmp_path) -> None:
    """`wirediff fetch` reads and writes the store with SQLAlchemy Core (storage/tables.py):
    neither SQLAlchemy's ORM nor storage.models is imported by a first pass nor by one that
    stores edited reports and their changes and tries to deliver their alerts (a webhook that
    refuses connections: the outbox's rows claimed and marked for a retry) (issue 10, round 23)."""
    import os
    import sqlite3

    feed = tmp_path / "feed.xml"
    config = tmp_path / "wirediff.toml"
    config.write_text(
        '[[alerts]]\ntype = "webhook"\nurl = "http://127.0.0.1:9/hook"\nsecret_env = "HOOK"\n'
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    env["HOOK"] = "s3cret"
    args = ["fetch", "--feed", str(feed), "--db", f"sqlite:///{tmp_path / 'w.db'}", "--json"]
    args += ["--config", str(config)]
    passes = []
    for text in ("Growth was 5.2 percent.", "Growth was 4.9 percent."):
        feed.write_text(_rss(text), encoding="utf-8")
        passes.append(imported_by(*args, env=env))
    (first, first_out), (edited, edited_out) = passes
    assert '"new_versions": 2, "changes": 0' in first_out
    assert '"new_versions": 2, "changes": 2' in edited_out  # each report edited, a change each
    with sqlite3.connect(tmp_path / "w.db") as db:  # two alerts, each tried and not sent
        tried = db.execute("SELECT state, attempts FROM deliveries ORDER BY id").fetchall()
    assert len(tried) == 2 and all(state != "sent" and attempts == 1 for state, attempts in tried)
    for names in (first, edited):
        assert "sqlalchemy.engine" in names and "storage.tables" in names
        assert not [n for n in names if n.startswith("sqlalchemy.orm") or n == "storage.models"]


def test_events_grouping_loads_the_orm_only_for_a_new_version(tmp_path) -> None:
    """With `[events] enabled`, grouping (the one stage on SQLAlchemy's ORM) runs for a stored
    new version only: a pass whose feed changed (its channel's title) but none of its reports
    imports neither the ORM, storage.models nor the grouping code; the first pass, which
    groups its two new reports, does (issue 10, round 24)."""
    import os

    feed = tmp_path / "feed.xml"
    config = tmp_path / "wirediff.toml"
    config.write_text("[events]\nenabled = true\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    args = ["fetch", "--feed", str(feed), "--db", f"sqlite:///{tmp_path / 'w.db'}", "--json"]
    args += ["--config", str(config)]
    passes = []
    for title in ("t", "another title"):
        text = _rss("Growth was 5.2 percent.").replace(
            "<title>t</title>", f"<title>{title}</title>"
        )
        feed.write_text(text, encoding="utf-8")
        passes.append(imported_by(*args, env=env))
    (first, first_out), (again, again_out) = passes
    assert '"new_versions": 2' in first_out
    assert "worker.pipeline.grouping" in first and "sqlalchemy.orm" in first
    assert '"new_versions": 0, "changes": 0' in again_out
    assert "storage.tables" in again  # the whole pass ran (the feed's body changed)
    loaded = [n for n in again if n.startswith("sqlalchemy.orm") or n == "storage.models"]
    assert not loaded and "worker.pipeline.grouping" not in again
