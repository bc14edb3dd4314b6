"""A change event as lines of rich Text for a terminal: `fetch` and `changes` print them.

Apart from worker/output/console.py so that a command writing JSON Lines never imports rich
(~25 ms of a `fetch --json`'s start; see that module).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from alerts.event import Attendees, ChangeEvent, Edit
from alerts.safe_text import safe_line

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
