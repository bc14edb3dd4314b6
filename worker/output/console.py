"""Terminal and JSON Lines output for the CLI.

On a terminal: a progress bar (rich) while feeds are fetched, then one line per problem and
per change, and a summary. With --json: one JSON object per line on stdout (SPEC.md), nothing
else on stdout.

rich (and the change lines of worker/output/lines.py) is imported when something is printed
for a person, not for --json: a `fetch --json` that finds nothing new never loads it.

Text from feeds is never console markup (rich Text objects, not markup strings) and never
terminal control: every line goes through alerts.safe_text (controls shown as symbols, URL
credentials masked), on a terminal and piped alike; JSON lines through safe_json.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from alerts.event import ChangeEvent
from alerts.safe_text import safe_json, safe_line

if TYPE_CHECKING:
    from rich.console import Console as RichConsole
    from rich.progress import Progress
    from rich.text import Text


class _ConsoleHandler(logging.Handler):
    """Log records printed by a rich console (as plain text: no markup from log messages)."""

    def __init__(self, console: RichConsole) -> None:
        super().__init__()
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        from rich.text import Text

        try:
            self.console.print(Text(self.format(record)), soft_wrap=True)
        except Exception:  # a log line must never break the pass
            self.handleError(record)


def emit_json(obj: Mapping[str, object], stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(safe_json(obj) + "\n")
    out.flush()


@dataclass(slots=True)
class PassReport:
    feeds: int = 0
    errors: int = 0
    new_versions: int = 0
    changes: int = 0
    seconds: float = 0.0
    alerts_sent: int = 0
    alerts_pending: int = 0
    fell_back: int = 0  # entries that took the feed's text because their page was unusable
    deferred: int = 0  # feeds never asked this pass: no free connection slot in time
    events: list[ChangeEvent] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "summary",
            "feeds": self.feeds,
            "errors": self.errors,
            "new_versions": self.new_versions,
            "changes": self.changes,
            "seconds": self.seconds,
            "fell_back": self.fell_back,
            "deferred": self.deferred,
        }


class Console:
    def __init__(self, *, as_json: bool, stream: TextIO | None = None) -> None:
        self.as_json = as_json
        self.out = stream or sys.stdout
        self._progress: Progress | None = None
        self._task: Any = None
        self._bridged: list[tuple[logging.Handler, logging.Handler]] = []

    @cached_property
    def rich(self) -> RichConsole:
        from rich.console import Console as RichConsole

        return RichConsole(file=self.out, highlight=False, soft_wrap=True)

    @cached_property
    def err(self) -> RichConsole:
        from rich.console import Console as RichConsole

        return RichConsole(file=sys.stderr, highlight=False, soft_wrap=True)

    # progress ------------------------------------------------------------------------------
    def start(self, total: int) -> None:
        if self.as_json or not self.err.is_terminal:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress = Progress(
            TextColumn("fetching"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.err,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("feeds", total=total)
        self._route_logs(self._progress.console)

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        self._route_logs(None)

    def _route_logs(self, console: RichConsole | None) -> None:
        """While the progress bar shows, log lines go through its console, which prints them
        above the bar (a handler writing to stderr itself would tear the bar apart)."""
        root = logging.getLogger()
        if console is None:
            for bridge, handler in self._bridged:
                root.removeHandler(bridge)
                root.addHandler(handler)
            self._bridged = []
            return
        for handler in list(root.handlers):
            if isinstance(handler, logging.StreamHandler) and handler.stream in (
                sys.stderr,
                sys.__stderr__,
            ):
                bridge = _ConsoleHandler(console)
                bridge.setFormatter(handler.formatter)
                bridge.setLevel(handler.level)
                root.removeHandler(handler)
                root.addHandler(bridge)
                self._bridged.append((bridge, handler))

    def __enter__(self) -> Console:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # records -------------------------------------------------------------------------------
    def feed(self, line: dict[str, Any]) -> None:
        if self.as_json:
            emit_json(line, self.out)
            return
        from rich.text import Text

        if line["status"] == "error":
            self._print(
                Text.assemble(("error ", "bold red"), safe_line(line["error"] or line["url"]))
            )
            return
        if line["status"] == "deferred":
            self._print(
                Text.assemble(("deferred ", "yellow"), safe_line(line["warning"] or line["url"]))
            )
            return
        if line.get("warning"):
            self._print(Text.assemble(("warning ", "yellow"), safe_line(line["warning"])))
        if line.get("fell_back"):
            self._print(Text.assemble(("feed text ", "yellow"), safe_line(fell_back_line(line))))

    def change(self, event: ChangeEvent) -> None:
        if self.as_json:
            emit_json(event, self.out)
            return
        from rich.text import Text

        from worker.output.lines import INDENT, change_lines

        title = event["article"].get("title") or event["article"].get("url") or "?"
        head = Text.assemble(
            (f"{safe_line(event['kind']):<9} ", "bold magenta"), (safe_line(title), "bold")
        )
        self._print(head)
        for line in change_lines(event):
            self._print(Text(INDENT).append_text(line))

    def summary(self, report: PassReport) -> None:
        if self.as_json:
            emit_json(report.to_json(), self.out)
            return
        self._print(
            f"{plural(report.feeds, 'feed')}, {plural(report.errors, 'error')}, "
            f"{plural(report.new_versions, 'new version')}, {plural(report.changes, 'change')} "
            f"in {report.seconds:.1f}s"
            + (
                f"; {plural(report.fell_back, 'entry', 'entries')} from the feed's text"
                if report.fell_back
                else ""
            )
            + (f"; {report.deferred} deferred" if report.deferred else "")
            + (f"; alerts sent {report.alerts_sent}" if report.alerts_sent else "")
            + (f", pending {report.alerts_pending}" if report.alerts_pending else "")
        )

    def _print(self, text: Text | str) -> None:
        if self._progress is not None:
            self._progress.console.print(text)
        else:
            self.rich.print(text)


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 change", "2 changes"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def fell_back_text(count: int, reasons: dict[str, int], of: int | None = None) -> str:
    """ "2 of 5 entries took the feed's own text (page: HTTP 404 x1, host not found x1)"."""
    detail = ", ".join(f"{why} x{n}" for why, n in reasons.items())
    entries = (
        f"{count} of {plural(of, 'entry', 'entries')}" if of else plural(count, "entry", "entries")
    )
    return f"{entries} took the feed's own text (page: {detail})"


def fell_back_line(line: dict[str, Any]) -> str:
    """One line: how many entries took the feed's text, and why their page was not used."""
    return f"{line['url']}: {fell_back_text(line['fell_back'], line['fell_back_reasons'])}"
