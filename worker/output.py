"""Terminal and JSON Lines output for the CLI.

On a terminal: a progress bar (rich) while feeds are fetched, then one line per problem and
per change, and a summary. With --json: one JSON object per line on stdout (SPEC.md), nothing
else on stdout.

Text from feeds is never console markup (rich Text objects, not markup strings) and never
terminal control: every line goes through alerts.safe_text (controls shown as symbols, URL
credentials masked), on a terminal and piped alike; JSON lines through safe_json.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TextIO

from rich.console import Console as RichConsole
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from alerts.safe_text import safe_json, safe_line


def emit_json(obj: dict[str, Any], stream: TextIO | None = None) -> None:
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
    events: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "summary",
            "feeds": self.feeds,
            "errors": self.errors,
            "new_versions": self.new_versions,
            "changes": self.changes,
            "seconds": self.seconds,
        }


class Console:
    def __init__(self, *, as_json: bool, stream: TextIO | None = None) -> None:
        self.as_json = as_json
        self.out = stream or sys.stdout
        self.rich = RichConsole(file=self.out, highlight=False, soft_wrap=True)
        self.err = RichConsole(file=sys.stderr, highlight=False, soft_wrap=True)
        self._progress: Progress | None = None
        self._task: Any = None

    # progress ------------------------------------------------------------------------------
    def start(self, total: int) -> None:
        if self.as_json or not self.err.is_terminal:
            return
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

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

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
        if line["status"] == "error":
            self._print(
                Text.assemble(("error ", "bold red"), safe_line(line["error"] or line["url"]))
            )
        elif line.get("warning"):
            self._print(Text.assemble(("warning ", "yellow"), safe_line(line["warning"])))

    def change(self, event: dict[str, Any]) -> None:
        if self.as_json:
            emit_json(event, self.out)
            return
        title = event["article"].get("title") or event["article"].get("url") or "?"
        self._print(
            Text.assemble(
                (f"{safe_line(event['kind']):<9} ", "bold magenta"),
                (safe_line(title), "bold"),
                "\n          ",
                safe_line(event["summary"]),
                "\n          ",
                (safe_line(event["article"].get("url")), "dim"),
            )
        )

    def summary(self, report: PassReport) -> None:
        if self.as_json:
            emit_json(report.to_json(), self.out)
            return
        self._print(
            f"{report.feeds} feeds, {report.errors} errors, {report.new_versions} new versions, "
            f"{report.changes} changes in {report.seconds:.1f}s"
            + (f"; alerts sent {report.alerts_sent}" if report.alerts_sent else "")
            + (f", pending {report.alerts_pending}" if report.alerts_pending else "")
        )

    def _print(self, text: Text | str) -> None:
        if self._progress is not None:
            self._progress.console.print(text)
        else:
            self.rich.print(text)
