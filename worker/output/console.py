"""Terminal and JSON Lines output for the CLI.

On a terminal: a progress bar (rich) while feeds are fetched, then one line per problem and
per change, and a summary. With --json: one JSON object per line on stdout (SPEC.md), nothing
else on stdout.

Text from feeds is never console markup (rich Text objects, not markup strings) and never
terminal control: every line goes through alerts.safe_text (controls shown as symbols, URL
credentials masked), on a terminal and piped alike; JSON lines through safe_json.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TextIO

from rich.console import Console as RichConsole
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from alerts.event import Attendees, ChangeEvent, Edit
from alerts.safe_text import safe_json, safe_line


class _ConsoleHandler(logging.Handler):
    """Log records printed by a rich console (as plain text: no markup from log messages)."""

    def __init__(self, console: RichConsole) -> None:
        super().__init__()
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
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
        self.rich = RichConsole(file=self.out, highlight=False, soft_wrap=True)
        self.err = RichConsole(file=sys.stderr, highlight=False, soft_wrap=True)
        self._progress: Progress | None = None
        self._task: Any = None
        self._bridged: list[tuple[logging.Handler, logging.Handler]] = []

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


INDENT = " " * 10
MAX_EDITS = 8  # a change with more edits lists these, then points to `wirediff diff`
CONTEXT = 100  # characters of context shown around an edit


def change_lines(event: ChangeEvent, *, where: bool = True) -> list[Text]:
    """A change event for a person: its summary, where and when (unless where=False), then the
    edits themselves (before -> after, in their sentence) and the people lists that changed.
    Every text from a feed is shown safely (secrets masked, control characters visible)."""
    event = _safe_strings(event)
    lines = [Text(event["summary"])]
    place = _where(event) if where else ""
    if place:
        lines.append(Text(place, style="dim"))
    edits = event.get("wording", {}).get("edits", [])
    for edit in edits[:MAX_EDITS]:
        lines.extend(_edit_lines(edit))
    if len(edits) > MAX_EDITS:
        url = event["article"].get("url") or ""
        lines.append(
            Text(f"... and {len(edits) - MAX_EDITS} more edits: wirediff diff {url}", style="dim")
        )
    lines.extend(_people_lines(event.get("attendees")))
    title = event.get("title")
    if title:
        lines.append(Text.assemble("title: ", _marked(title["before"], title["after"])))
    return lines


def _safe_strings(value: Any) -> Any:
    if isinstance(value, str):
        return safe_line(value)
    if isinstance(value, dict):
        return {key: _safe_strings(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_safe_strings(item) for item in value]
    return value


def _where(event: ChangeEvent) -> str:
    parts = []
    url = event["article"].get("url")
    if url:
        parts.append(url)
    versions = (event.get("from_version"), event.get("to_version"))
    if versions[0] is not None:
        parts.append(f"v{versions[0]} -> " + (f"v{versions[1]}" if versions[1] else "gone"))
    feed = event.get("feed") or {}
    if feed.get("url"):
        parts.append(f"feed {feed.get('title') or feed['url']}")
    if event.get("detected_at") and versions[0] is not None:
        when = event["detected_at"].replace("T", " ")[:16]
        parts.append(f"detected {when} UTC")
    return "  ".join(parts)


def _edit_lines(edit: Edit) -> list[Text]:
    touches = ", ".join(edit.get("touches") or [])
    label = edit.get("op", "edit") if edit.get("op") != "replace" else "edit"
    line = Text.assemble((f"{label:<7}", "yellow"), _marked(edit.get("before"), edit.get("after")))
    if touches:
        line.append(f"  ({touches})", style="dim")
    out = [line]
    context = " ".join((edit.get("context") or "").split())
    if context:
        out.append(Text(f"       in: {_around(context, edit.get('after') or edit.get('before'))}"))
    return out


def _marked(before: str | None, after: str | None) -> Text:
    """[-before-]{+after+}, as `wirediff diff` marks them."""
    text = Text()
    if before:
        text.append(f"[-{before}-]", style="red strike")  # not colour alone
    if after:
        text.append(f"{{+{after}+}}", style="green underline")
    return text


def _around(context: str, anchor: str | None) -> str:
    """At most CONTEXT characters of `context`, centred on `anchor` when it is there."""
    if len(context) <= CONTEXT:
        return context
    at = context.find(anchor) if anchor else -1
    start = max(0, min(at - CONTEXT // 3, len(context) - CONTEXT)) if at >= 0 else 0
    piece = context[start : start + CONTEXT]
    return ("..." if start else "") + piece + ("..." if start + CONTEXT < len(context) else "")


def _people_lines(attendees: Attendees | None) -> list[Text]:
    if not attendees:
        return []
    out = []
    for names, label in (
        (attendees["added"], "people added"),
        (attendees["removed"], "people removed"),
    ):
        if names:
            out.append(Text(f"{label}: {', '.join(names)}"))
    for variant in attendees.get("variants") or []:
        before, after = ", ".join(variant["before"]), ", ".join(variant["after"])
        out.append(Text(f"written differently: {before} -> {after}"))
    if attendees.get("reordered"):
        out.append(Text("order of the list changed"))
    return out
