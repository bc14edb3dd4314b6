"""Copies of one text read alike? The learned reader's people under the ways copies differ
(issue 9, round 23, branch issue-reader23).

Two copies of one report differ in page furniture, not in what they say: another headline, page
noise lines (share buttons, "Advertisement", a source line), paragraphs joined into one line or
split one sentence a line, other whitespace (blank lines, indents, CRLF, doubled spaces). Every
dev report is read as written and in each such variant, without and with the reader
(`extract_people(..., reader=...)`), and the reports whose (person, role) set changes are
counted: without the reader (the rules' own), with it, and those where only the reader's extra
people changed. `--compare` also runs `compare_reports(original, variant)` with the reader and
counts the variants reported with someone added or removed (the comparison a user sees),
without and with the reader.

The variants add no name: headlines and noise lines are fixed, name-free strings per language.

  PYTHONPATH=.:bench python bench/people_reader_copies.py [--rounds 1-41] [--every N]
      [--variants headline noise ...] [--compare] [--show N]

`--rounds 42` scores round 42 (round 22's held-out split) as counts only: `--show` prints
nothing for it (its texts are not read).
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Callable
from typing import Any

from bench_people import DATA, load_roster, name_key

from worker.detect.people import extract_people, use_reader
from worker.detect.report import compare_reports
from worker.detect.roster import Roster

UNREAD = {42}  # rounds whose texts are not printed (`--show`)

HEADLINES = {
    "en": "Latest news from the region",
    "de": "Aktuelle Nachrichten aus der Region",
    "zh": "最新消息速递",
}
NOISE_TOP = {
    "en": ["Share this article", "Print | Email | Font size: A A A"],
    "de": ["Artikel teilen", "Drucken | E-Mail | Schriftgröße"],
    "zh": ["分享到：", "【字号 大 中 小】 【打印】 【关闭】"],
}
NOISE_MID = {"en": "Advertisement", "de": "Anzeige", "zh": "广告"}
NOISE_END = {
    "en": ["Related stories", "Copyright 2024. All rights reserved."],
    "de": ["Weitere Artikel", "Alle Rechte vorbehalten."],
    "zh": ["相关新闻", "版权所有 未经授权禁止转载"],
}


def _lang(report: dict[str, Any]) -> str:
    lang = report.get("language") or "en"
    return lang if lang in HEADLINES else "en"


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def headline(text: str, lang: str) -> str:
    """Another headline line above the text."""
    return HEADLINES[lang] + "\n" + text


def noise(text: str, lang: str) -> str:
    """Page noise lines: above, after the second paragraph, below."""
    lines = text.split("\n")
    cut = 0
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen == 2:
                cut = i + 1
                break
    if cut:
        lines = [*lines[:cut], NOISE_MID[lang], *lines[cut:]]
    return "\n".join(NOISE_TOP[lang] + lines + NOISE_END[lang])


def joined(text: str, lang: str) -> str:
    """Paragraphs joined into one line (a space between in letters, none in Chinese)."""
    return ("" if lang == "zh" else " ").join(line.strip() for line in _lines(text))


_SENT_END = re.compile(r"(?<=[。！？])|(?<=[a-z]{3}[.!?])\s+(?=[A-Z\"“])")


def split(text: str, lang: str) -> str:
    """Each paragraph split one sentence a line."""
    out = []
    for line in text.split("\n"):
        parts = [p.strip() for p in _SENT_END.split(line)]
        out.append("\n".join(p for p in parts if p) if line.strip() else line)
    return "\n".join(out)


def spaced(text: str, lang: str) -> str:
    """Other whitespace: a blank line between paragraphs, an indent (a full-width one in
    Chinese), trailing spaces, CRLF line ends, doubled spaces after a full stop."""
    indent = "\u3000\u3000" if lang == "zh" else "  "
    lines = [indent + line.strip() + " " for line in _lines(text)]
    out = "\r\n\r\n".join(lines)
    return out.replace(". ", ".  ")


VARIANTS: dict[str, Callable[[str, str], str]] = {
    "headline": headline,
    "noise": noise,
    "joined": joined,
    "split": split,
    "spaced": spaced,
}


def people(text: str, lang: str, roster: Roster, reader: bool) -> set[tuple[str, str]]:
    got = extract_people(text, roster, language=lang, reader=reader)
    return {(name_key(p.name, roster), p.role) for p in got}


def round_of(stem: str) -> int:
    m = re.search(r"\.round(\d+)$", stem)
    return int(m.group(1)) if m else 1


def parse_rounds(spec: str) -> set[int]:
    out: set[int] = set()
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out |= set(range(int(a), int(b or a) + 1))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", default="1-41", help="dev rounds read, e.g. 1-41 or 42")
    parser.add_argument("--every", type=int, default=1, help="every Nth report only")
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--compare", action="store_true", help="also compare_reports, reader on")
    parser.add_argument("--show", type=int, default=0, help="print N changed reports a variant")
    args = parser.parse_args(argv)
    rounds = parse_rounds(args.rounds)
    roster = load_roster()
    reports = []
    for path in sorted((DATA / "dev").glob("*.toml")):
        rnd = round_of(path.stem)
        if rnd in rounds:
            for r in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
                reports.append((rnd, r))
    reports = reports[:: args.every]
    counts: dict[str, Counter[str]] = {v: Counter() for v in args.variants}
    shown: Counter[str] = Counter()
    for rnd, report in reports:
        lang = _lang(report)
        text = report["text"]
        base = {rd: people(text, lang, roster, rd) for rd in (False, True)}
        extra = base[True] - base[False]
        for name in args.variants:
            other = VARIANTS[name](text, lang)
            got = {rd: people(other, lang, roster, rd) for rd in (False, True)}
            c = counts[name]
            c["reports"] += 1
            rules_moved = got[False] != base[False]
            reader_moved = (got[True] - got[False]) != extra
            c["rules changed"] += rules_moved
            c["with reader changed"] += got[True] != base[True]
            c["reader's extra changed"] += reader_moved
            c["only the reader's changed"] += reader_moved and not rules_moved
            if args.compare:
                for rd, key in ((False, "compared +/- rules"), (True, "compared +/- reader")):
                    use_reader(rd)
                    change = compare_reports(text, other, roster)
                    diff = change.attendees if change else None
                    c[key] += bool(diff and (diff.added or diff.removed))
                use_reader(False)
            if reader_moved and args.show and shown[name] < args.show and rnd not in UNREAD:
                shown[name] += 1
                print(
                    f"  {name} {report['id']}: extra {sorted(extra)} -> "
                    f"{sorted(got[True] - got[False])}"
                )
    keys = [
        "rules changed",
        "with reader changed",
        "reader's extra changed",
        "only the reader's changed",
    ] + (["compared +/- rules", "compared +/- reader"] if args.compare else [])
    print(f"dev rounds {args.rounds}, every {args.every}: {len(reports)} reports")
    print(f"  {'variant':<10} " + " | ".join(keys))
    for name, c in counts.items():
        print(f"  {name:<10} " + " | ".join(f"{c[k]:>{len(k)}}" for k in keys))
    total = Counter[str]()
    for c in counts.values():
        total.update(c)
    print(f"  {'all':<10} " + " | ".join(f"{total[k]:>{len(k)}}" for k in keys))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
