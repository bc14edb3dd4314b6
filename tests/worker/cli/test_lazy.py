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


def imported_packages(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "worker", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    names = set()
    for line in done.stderr.splitlines()[1:]:
        name = line.rsplit("|", 1)[-1].strip()
        if name:
            names.add(name)
    return names


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
