"""The `wirediff` command line (click). Exit codes: 0 the work ran (per-feed failures are
reported, not fatal); 2 bad usage or a bad config, one line naming the problem; 1 anything else.

This module builds the group and registers the commands by name (COMMANDS); each command
lives in its own module (worker/cli/<module>.py) and imports only the shared helpers of
worker/cli/common.py, never this module nor another command. A command's module is imported
when that command runs (or its own --help is asked for), so `wirediff --version` and
`wirediff --help` load click and nothing of the HTTP, database or extraction stack.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from importlib import import_module
from typing import Any, NamedTuple, NoReturn

import click

import worker
from worker import code_cache, re_cache
from worker.service.logs import PlainFormatter


class Command(NamedTuple):
    module: str  # under worker.cli
    attribute: str  # the click command or group in it
    summary: str  # the first paragraph of its help, for `wirediff --help` without importing the
    # module (tests/worker/cli/test_lazy.py keeps the two equal)


COMMANDS: dict[str, Command] = {
    "alerts": Command(
        "alerts", "alerts_group", "Alert channels and the outbox of undelivered alerts."
    ),
    "changes": Command(
        "changes", "changes_cmd", "List detected changes, with each one's alert delivery state."
    ),
    "compare": Command(
        "changes",
        "compare_cmd",
        "Compare two texts (versions, outlets, languages); with one file, check it against itself.",
    ),
    "db": Command("db", "db", "The store's schema."),
    "demo": Command(
        "demo",
        "demo_cmd",
        "Run the whole pipeline offline on the bundled seed report and show what it finds.",
    ),
    "diff": Command("changes", "diff_cmd", "The difference between two versions of one report."),
    "events": Command(
        "events",
        "events_cmd",
        "Events: the reports of one occasion, grouped across feeds and languages.",
    ),
    "export": Command(
        "evidence",
        "export_cmd",
        "Export captures and versions as WARC 1.1 (request, response, resource, metadata).",
    ),
    "feeds": Command(
        "feeds", "feeds_group", "Manage the feeds wirediff watches (kept in the store)."
    ),
    "fetch": Command("fetch", "fetch", "One pass over the feeds, then exit."),
    "history": Command(
        "changes",
        "history_cmd",
        "The stored versions of one report, and whether it is still in its feed.",
    ),
    "people": Command(
        "people", "people_cmd", "People seen in the stored reports; NAME: one person's timeline."
    ),
    "run": Command(
        "run",
        "run_cmd",
        "The daemon: poll feeds on their intervals, revisit articles, deliver alerts.",
    ),
    "serve": Command(
        "serve",
        "serve_cmd",
        "Read-only web pages over the store, with JSON twins and Atom feeds of changes.",
    ),
    "verify": Command(
        "evidence", "verify_cmd", "Recompute every digest and link of the evidence log."
    ),
}


class LazyGroup(click.Group):
    """Click's documented pattern for lazily loaded subcommands: a command's module is
    imported by name when the command is looked up to run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        code_cache.add("dataclasses")  # when main() installed it: before the command's classes
        command = getattr(import_module(f"worker.cli.{entry.module}"), entry.attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"worker.cli.{entry.module}.{entry.attribute} is not a command")
        _add_verbose(command)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """A misspelt command gets click's "Did you mean" as options do (click draws it from
        `self.commands`, empty here: the commands are in COMMANDS)."""
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            from difflib import get_close_matches

            close = get_close_matches(name, COMMANDS)
            if close:
                ctx.fail(f"No such command {name!r}. Did you mean {close[0]!r}?")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands from COMMANDS, without importing a command's module: a
        stand-in command of the same summary shortens it as click.Group.format_commands does."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=entry.summary).get_short_help_str(limit))
            for name, entry in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(sorted(rows))


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(worker.__version__, prog_name="wirediff")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """wirediff: know when an official or wire-service report changes.

    Fetches news feeds, stores every version of every report, and flags changed wording,
    numbers, dates and lists of people (attended, presided, spoke).
    """
    handler = _StderrHandler()
    handler.setFormatter(PlainFormatter("%(levelname)s %(name)s %(message)s"))
    logging.basicConfig(handlers=[handler])
    _verbosity(verbose)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when a record comes, not when the handler was made
    (in-process runners swap it; a handler holding an old one would write to a closed file)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _more_verbose(ctx: click.Context, _param: click.Parameter, count: int) -> None:
    """-v after the command's name counts with the ones before it (`wirediff -v fetch -v`)."""
    if count:
        _verbosity(int(ctx.find_root().params.get("verbose") or 0) + count)


def _verbosity(count: int) -> None:
    """-v: wirediff's own INFO lines; -vv: DEBUG, with every HTTP request and migration step."""
    logging.getLogger().setLevel(logging.WARNING - 10 * min(count, 2))
    for noisy in ("httpx", "httpcore", "alembic"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if count >= 2 else logging.WARNING)


def _add_verbose(command: click.Command) -> None:
    """Every command takes -v too, so it can follow the command's name (added once); a group
    that also runs on its own (`wirediff events`) takes it as well as its sub-commands."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _add_verbose(sub)
        if not command.invoke_without_command:
            return
    if not any(param.name == "verbose" for param in command.params):
        command.params.append(
            click.Option(
                ["-v", "--verbose"],
                count=True,
                expose_value=False,
                is_eager=True,
                callback=_more_verbose,
                help="More log output (-vv for debug).",
            )
        )


def main() -> None:
    """Console-script entry point. Ctrl-C is exit 130 with one line, for every command (click
    itself would print "Aborted!" and exit 1).

    Once the command is over, the process ends without tearing the interpreter down: freeing
    every module and object one by one (SQLAlchemy, aiohttp, the extractor...) took 0.2-0.5 s
    after a `fetch` had finished, as long as a whole pass of a hundred unchanged feeds. Output
    and logs are flushed first; every store transaction is committed (or rolled back) and every
    pool shut down by then, by the command itself."""
    _process_settings()
    try:
        _main()
    except SystemExit as done:
        if sys.getprofile() is not None or sys.gettrace() is not None:
            raise  # a profiler or coverage writes its data at interpreter exit
        _end(done.code)


def _process_settings() -> None:
    """Settings for the command's process (not for code that imports worker.cli).

    - The cyclic garbage collector looks at the young objects every 700 allocations by default;
      a command allocates hundreds of thousands of objects that live until it ends (the modules
      it imports: a `fetch` that stores a few changed articles imports SQLAlchemy, trafilatura
      and the people readers), and each look costs more than the garbage it finds. At 50,000
      the collector took 37-60 ms of a 25-article pass's CPU instead of 121-157 ms (the main
      process's CPU 1.55-1.66 s instead of 1.81 s, two runs each; bench/README.md, issue 10
      fourth round); cycles are still collected, a few MB later. Objects that are not in a
      cycle are freed at once as always.
    - httpx imports its own command-line client (`httpx._main`: rich, pygments, click) when it is
      imported; wirediff never runs it. A None entry in sys.modules makes that one import fail,
      and httpx defines instead the stub it has for an install without its CLI extras: ~30 ms of
      CPU less before a `fetch --json` sends its first request (rich is then imported only by
      a console that prints to a terminal).
    - Alembic (a store created or migrated: every first pass) imports Mako, whose error pages
      import pygments to colour the template source they show; wirediff renders no templates
      with Mako. Blocked the same way, Mako keeps its plain error pages: ~30 ms of CPU less
      in the store's creation, before a first pass's first request (issue 10, round 7).
    """
    gc.set_threshold(50_000, 10, 10)
    re_cache.install()
    code_cache.install()
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    if "mako" not in sys.modules:
        sys.modules.setdefault("mako.ext.pygmentplugin", None)  # type: ignore[arg-type]


def _end(code: object) -> NoReturn:
    """Exit with `code` as SystemExit would (None: 0, an int, else printed and 1), at once."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`), a closed stream
            pass
    logging.shutdown()
    re_cache.save()
    code_cache.save()
    os._exit(code or 0)


def _main() -> NoReturn:
    try:
        code = cli.main(prog_name="wirediff", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("wirediff: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
