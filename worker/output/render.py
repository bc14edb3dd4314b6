"""Whole-document diffs for `wirediff diff`: text (ANSI colour on a terminal) and HTML.

The change event lists edits sentence by sentence; a reader comparing two versions also
wants the whole text with deletions and insertions marked in place. Tokens keep their spans,
so the marked text reproduces both versions' own spacing and punctuation exactly. Control
characters from the texts are shown as symbols (alerts.safe_text): only our own colour codes
reach the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from html import escape
from typing import Any

from rapidfuzz.distance import Indel

from alerts.render import DEL_STYLE, INS_STYLE  # the alert e-mail's, so diffs look alike
from alerts.safe_text import safe_line, visible
from worker.detect.tokens import iter_tokens


def diff_runs(a: str, b: str) -> Iterator[tuple[str, str]]:
    """(kind, text) runs: kind is "equal", "delete" or "insert", covering both texts in order.

    Equal runs are taken from the later text (with its own spacing). A change sits where it
    sat in its own text: an insertion after the later text's spacing, a deletion after the
    earlier text's spacing, so "Chang-Diaz, Ellen Ochoa and" -> "Chang-Diaz and" reads
    "Chang-Diaz[-, Ellen Ochoa-] and" and "蔡奇、丁薛祥、李希" -> "蔡奇、李希" reads
    "蔡奇、[-丁薛祥、-]李希" (no space is added). A deletion comes before the insertion that
    replaces it.
    """
    ta, tb = iter_tokens(a), iter_tokens(b)
    ids: dict[str, int] = {}
    ia = [ids.setdefault(t.text, len(ids)) for t in ta]
    ib = [ids.setdefault(t.text, len(ids)) for t in tb]
    pos_b = 0  # how much of b has been emitted
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []

    def flush() -> Iterator[tuple[str, str]]:
        nonlocal pos_b
        if inserted:  # the later text's spacing before the insertion stays in place
            lo = inserted[0][0]
            yield "equal", b[pos_b : tb[lo].start]
            pos_b = tb[lo].start
        if deleted:
            lo, hi = deleted[0][0], deleted[-1][1]
            if not inserted:  # the earlier text's spacing before the deletion
                yield "equal", a[ta[lo - 1].end : ta[lo].start] if lo else ""
            yield "delete", a[ta[lo].start : ta[hi - 1].end]
        if inserted:
            hi = inserted[-1][1]
            yield "insert", b[tb[inserted[0][0]].start : tb[hi - 1].end]
            pos_b = tb[hi - 1].end
        deleted.clear()
        inserted.clear()

    for op in Indel.opcodes(ia, ib):
        if op.tag == "equal":
            yield from flush()
            # up to the end of the last equal token: the spacing after it belongs to what follows
            end = tb[op.dest_end - 1].end
            if op.dest_end < len(tb) or op.src_end < len(ta):
                yield "equal", b[pos_b:end]
                pos_b = end
            continue
        if op.src_end > op.src_start:
            deleted.append((op.src_start, op.src_end))
        if op.dest_end > op.dest_start:
            inserted.append((op.dest_start, op.dest_end))
    yield from flush()
    if pos_b < len(b):
        yield "equal", b[pos_b:]


def render_diff_text(
    a: str,
    b: str,
    *,
    change: Any = None,
    color: bool | None = None,
    header: Sequence[str] = (),
) -> str:
    """The later text with [-deleted-]{+inserted+} marks (coloured on a terminal), under a
    header: `header` lines (the article, the versions and their dates), then the summary."""
    use_color = sys.stdout.isatty() if color is None else color
    out = [f"# {safe_line(line)}\n" for line in header]
    if change is not None:
        out.append(f"# {change.kind}: {visible(change.summary)}\n\n")
    else:
        out.append("# no change beyond whitespace, quotes or punctuation\n\n")
    for kind, raw in diff_runs(a, b):
        text = visible(raw, multiline=True)
        if kind == "equal":
            out.append(text)
        elif use_color:
            out.append(("\x1b[31;9m" if kind == "delete" else "\x1b[32m") + text + "\x1b[0m")
        else:
            out.append(f"[-{text}-]" if kind == "delete" else f"{{+{text}+}}")
    return "".join(out).rstrip("\n") + "\n"


def render_diff_html(
    a: str, b: str, *, title: str, change: Any = None, header: Sequence[str] = ()
) -> str:
    """A standalone HTML page: the later text with <del>/<ins> marks; all text escaped."""
    parts: list[str] = []
    for kind, text in diff_runs(a, b):
        html = escape(text).replace("\n\n", "</p>\n<p>").replace("\n", "<br>")
        if kind == "equal":
            parts.append(html)
        elif kind == "delete":
            parts.append(f'<del style="{DEL_STYLE}">{html}</del>')
        else:
            parts.append(f'<ins style="{INS_STYLE}">{html}</ins>')
    summary = (
        escape(change.summary)
        if change is not None
        else "no change beyond whitespace, quotes or punctuation"
    )
    about = "".join(f"<p>{escape(safe_line(line))}</p>\n" for line in header)
    return visible(
        "<!doctype html>\n<html><head><meta charset='utf-8'>"
        f"<title>wirediff: {escape(title)}</title></head>\n<body>"
        f"<h1>{escape(title)}</h1>\n{about}<p><em>{summary}</em></p>\n<p>{''.join(parts)}</p>\n"
        "</body></html>",
        multiline=True,
    )
