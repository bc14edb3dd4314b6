"""Whole-document diffs for `wirediff diff`: text (ANSI colour on a terminal) and HTML.

The change event lists edits sentence by sentence; a reader comparing two versions also
wants the whole text with deletions and insertions marked in place. Tokens keep their spans,
so the marked text reproduces both versions' own spacing and punctuation exactly.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from html import escape
from typing import Any

from rapidfuzz.distance import Indel

from worker.detect.tokens import Token, iter_tokens

DEL_STYLE = "background:#fdd;color:#900;text-decoration:line-through"
INS_STYLE = "background:#dfd;color:#060;text-decoration:none"


def _runs(a: str, b: str) -> Iterator[tuple[str, str]]:
    """(kind, text) runs: kind is "equal", "delete" or "insert", covering both texts in order."""
    ta, tb = iter_tokens(a), iter_tokens(b)
    ids: dict[str, int] = {}
    ia = [ids.setdefault(t.text, len(ids)) for t in ta]
    ib = [ids.setdefault(t.text, len(ids)) for t in tb]
    pos_a = pos_b = 0
    for op in Indel.opcodes(ia, ib):
        tag, a1, a2, b1, b2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            end_b = _end(tb, b2, len(b))
            yield "equal", b[pos_b:end_b]
            pos_a, pos_b = _end(ta, a2, len(a)), end_b
            continue
        if tag in ("delete", "replace") and a2 > a1:
            end_a = _end(ta, a2, len(a))
            yield "delete", a[pos_a:end_a]
            pos_a = end_a
        if tag in ("insert", "replace") and b2 > b1:
            end_b = _end(tb, b2, len(b))
            yield "insert", b[pos_b:end_b]
            pos_b = end_b
    if pos_b < len(b):
        yield "equal", b[pos_b:]


def _end(tokens: list[Token], index: int, length: int) -> int:
    """Where the gap after token `index - 1` ends: the start of token `index`, or the end."""
    return tokens[index].start if index < len(tokens) else length


def render_diff_text(a: str, b: str, *, change: Any = None, color: bool | None = None) -> str:
    """The later text with [-deleted-]{+inserted+} marks (coloured on a terminal)."""
    use_color = sys.stdout.isatty() if color is None else color
    out: list[str] = []
    if change is not None:
        out.append(f"# {change.kind}: {change.summary}\n\n")
    else:
        out.append("# no change beyond whitespace, quotes or punctuation\n\n")
    for kind, text in _runs(a, b):
        if kind == "equal":
            out.append(text)
        elif use_color:
            out.append(("\x1b[31;9m" if kind == "delete" else "\x1b[32m") + text + "\x1b[0m")
        else:
            out.append(f"[-{text}-]" if kind == "delete" else f"{{+{text}+}}")
    return "".join(out).rstrip("\n") + "\n"


def render_diff_html(a: str, b: str, *, title: str, change: Any = None) -> str:
    """A standalone HTML page: the later text with <del>/<ins> marks; all text escaped."""
    parts: list[str] = []
    for kind, text in _runs(a, b):
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
    return (
        "<!doctype html>\n<html><head><meta charset='utf-8'>"
        f"<title>wirediff: {escape(title)}</title></head>\n<body>"
        f"<h1>{escape(title)}</h1>\n<p><em>{summary}</em></p>\n<p>{''.join(parts)}</p>\n</body></html>"
    )
