"""An `Alert` (or a list of them, for a digest) in, a plain-text or HTML message body out.

Everything that came from a feed (titles, text, names, URLs) is HTML-escaped, so a report
can never inject markup into an email. Long diffs are cut (default: 50 edits or about 20 KB
of edit text) with a note saying how many edits were left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from alerts.message import Alert, AlertAttendees, AlertEdit

DEL_STYLE = "background:#fdd;color:#900;text-decoration:line-through"
INS_STYLE = "background:#dfd;color:#060;text-decoration:none"
CELL_STYLE = "border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top"


@dataclass(frozen=True, slots=True)
class Limits:
    max_edits: int = 50
    max_chars: int = 20_000  # total edit text shown
    max_edit_chars: int = 2_000  # one before/after/context string


DIGEST_LIMITS = Limits(max_edits=5, max_chars=4_000, max_edit_chars=500)


def subject(alert: Alert) -> str:
    """`[wirediff] <kind>: <article title>` on one line, at most about 200 characters."""
    title = " ".join(alert.title.split())
    if len(title) > 180:
        title = title[:179] + "…"
    prefix = "[wirediff] test: " if alert.is_test else f"[wirediff] {alert.kind}: "
    return prefix + title


def digest_subject(alerts: Sequence[Alert]) -> str:
    return f"[wirediff] digest: {len(alerts)} change{'s' if len(alerts) != 1 else ''}"


def shown_edits(edits: Sequence[AlertEdit], limits: Limits) -> tuple[list[AlertEdit], int]:
    """The edits that fit in `limits`, each string clipped, and how many were left out."""
    shown: list[AlertEdit] = []
    used = 0
    for edit in edits[: limits.max_edits]:
        clipped = AlertEdit(
            edit.op,
            _clip(edit.before, limits.max_edit_chars),
            _clip(edit.after, limits.max_edit_chars),
            _clip(edit.context, limits.max_edit_chars),
            edit.cls,
            edit.touches,
        )
        size = len(clipped.before) + len(clipped.after) + len(clipped.context)
        if shown and used + size > limits.max_chars:
            break
        shown.append(clipped)
        used += size
    return shown, len(edits) - len(shown)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _more_note(hidden: int) -> str:
    return f"{hidden} more edit{'s' if hidden != 1 else ''} not shown"


# ---- plain text --------------------------------------------------------------------------


def render_text(alert: Alert, limits: Limits = Limits()) -> str:
    """The plain-text part: summary, link, edits as [-deleted-]{+inserted+}, attendee changes."""
    lines = [subject(alert), ""]
    if alert.summary:
        lines += [alert.summary, ""]
    lines += _text_header(alert)
    edits, hidden = shown_edits(alert.edits, limits)
    if edits:
        lines += ["", "Wording:"]
        lines += [f"  * {_text_edit(e)}" for e in edits]
        if hidden:
            lines.append(f"  ({_more_note(hidden)})")
    lines += _text_attendees(alert.attendees)
    return "\n".join(lines).rstrip() + "\n"


def _text_header(alert: Alert) -> list[str]:
    lines = [f"Article: {alert.article_url}"] if alert.article_url else []
    if alert.feed_url:
        feed = f"{alert.feed_title} <{alert.feed_url}>" if alert.feed_title else alert.feed_url
        lines.append(f"Feed: {feed}")
    if alert.from_version is not None or alert.to_version is not None:
        lines.append(f"Versions: {alert.from_version} -> {alert.to_version}")
    if alert.similarity is not None:
        lines.append(f"Similarity: {alert.similarity:.3f}")
    return lines


def _text_edit(edit: AlertEdit) -> str:
    marked = (f"[-{edit.before}-]" if edit.before else "") + (
        f"{{+{edit.after}+}}" if edit.after else ""
    )
    touches = f" (touches {', '.join(edit.touches)})" if edit.touches else ""
    context = f"\n      in: {edit.context}" if edit.context else ""
    return f"{edit.op}: {marked}{touches}{context}"


def _text_attendees(att: AlertAttendees) -> list[str]:
    rows = _attendee_rows(att)
    if not rows:
        return []
    return ["", "People:"] + [f"  {label}: {value}" for label, value in rows]


def _attendee_rows(att: AlertAttendees) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if att.added:
        rows.append(("Added", ", ".join(att.added)))
    if att.removed:
        rows.append(("Removed", ", ".join(att.removed)))
    moved = att.moved() if att.reordered or att.before else ()
    if moved:
        rows.append(("Moved", ", ".join(f"{n} (#{a} -> #{b})" for n, a, b in moved)))
    for v in att.variants:
        rows.append(("Variant", f"{', '.join(v.before)} -> {', '.join(v.after)}"))
    for r in att.role_changes:
        rows.append(("Role", f"{r.name}: {r.before} -> {r.after}"))
    if rows and (att.before or att.after):
        rows += [("Before", ", ".join(att.before)), ("After", ", ".join(att.after))]
    return rows


# ---- HTML --------------------------------------------------------------------------------


def render_html(alert: Alert, limits: Limits = Limits()) -> str:
    """The HTML part: a self-contained document with inline styles (mail clients drop <style>)."""
    body = render_html_fragment(alert, limits)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        f'<body style="font-family:sans-serif;line-height:1.4">{body}</body></html>'
    )


def render_html_fragment(alert: Alert, limits: Limits = Limits()) -> str:
    """The HTML part without the document around it (an Atom entry's content)."""
    return _html_section(alert, limits, heading="h2")


def _html_section(alert: Alert, limits: Limits, heading: str) -> str:
    parts = [f"<{heading}>{escape(subject(alert))}</{heading}>"]
    if alert.summary:
        parts.append(f"<p>{escape(alert.summary)}</p>")
    parts.append(_html_links(alert))
    edits, hidden = shown_edits(alert.edits, limits)
    if edits:
        items = "".join(f"<li>{_html_edit(e)}</li>" for e in edits)
        parts.append(f"<h3>Wording</h3><ul>{items}</ul>")
        if hidden:
            parts.append(f"<p><em>{_more_note(hidden)}</em></p>")
    parts.append(_html_attendees(alert.attendees))
    return "".join(parts)


def _link(url: str, text: str) -> str:
    # only http(s) links become anchors: a javascript: or data: URL from a feed stays text
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}">{escape(text)}</a>'
    return escape(text)


def _html_links(alert: Alert) -> str:
    rows = []
    if alert.article_url:
        rows.append(f"Article: {_link(alert.article_url, alert.article_url)}")
    if alert.feed_url:
        rows.append(f"Feed: {_link(alert.feed_url, alert.feed_title or alert.feed_url)}")
    if alert.from_version is not None or alert.to_version is not None:
        rows.append(f"Versions: {alert.from_version} → {alert.to_version}")
    if alert.similarity is not None:
        rows.append(f"Similarity: {alert.similarity:.3f}")
    return "<p>" + "<br>".join(rows) + "</p>" if rows else ""


def _marks(edit: AlertEdit) -> str:
    deleted = f'<del style="{DEL_STYLE}">{escape(edit.before)}</del>' if edit.before else ""
    inserted = f'<ins style="{INS_STYLE}">{escape(edit.after)}</ins>' if edit.after else ""
    return deleted + inserted


def _html_edit(edit: AlertEdit) -> str:
    """The edit marked inside its context when the context contains it, else on its own."""
    touches = f" <small>(touches {escape(', '.join(edit.touches))})</small>" if edit.touches else ""
    anchor = edit.after or edit.before
    at = edit.context.find(anchor) if anchor else -1
    if at < 0:
        context = (
            f'<br><small style="color:#666">{escape(edit.context)}</small>' if edit.context else ""
        )
        return f"{escape(edit.op)}: {_marks(edit)}{touches}{context}"
    before, after = edit.context[:at], edit.context[at + len(anchor) :]
    return f"{escape(before)}{_marks(edit)}{escape(after)}{touches}"


def _html_attendees(att: AlertAttendees) -> str:
    rows = _attendee_rows(att)
    if not rows:
        return ""
    cells = "".join(
        f'<tr><th style="{CELL_STYLE}">{escape(label)}</th>'
        f'<td style="{CELL_STYLE}">{escape(value)}</td></tr>'
        for label, value in rows
    )
    return f'<h3>People</h3><table style="border-collapse:collapse">{cells}</table>'


# ---- digests -----------------------------------------------------------------------------


def render_digest_text(alerts: Sequence[Alert], limits: Limits = DIGEST_LIMITS) -> str:
    """One message listing several changes, each cut shorter than a single alert."""
    header = digest_subject(alerts)
    sections = [render_text(a, limits).rstrip() for a in alerts]
    return "\n\n".join([header, *sections]).rstrip() + "\n"


def render_digest_html(alerts: Sequence[Alert], limits: Limits = DIGEST_LIMITS) -> str:
    sections = "<hr>".join(_html_section(a, limits, heading="h3") for a in alerts)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        f'<body style="font-family:sans-serif;line-height:1.4">'
        f"<h2>{escape(digest_subject(alerts))}</h2>{sections}</body></html>"
    )
