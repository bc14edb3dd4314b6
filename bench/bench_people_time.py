"""People over time on real history: false alarms on a stable leadership, delay of true flags.

Input: /work/shared/corpus/meetings-zh (CCTV 新闻联播 reports 2022-09 .. 2026-08, one file per
report, the broadcast date in the file name), read in date order exactly as wirediff reads a
stored report (extract_people with the bundled roster, `lists_of`, `find_changes` with the
default `PeopleWatch`). Then synthetic variants of the same real texts:

- removed: one person's name is deleted from every report after a date (as if they vanished);
  expected: one absence finding, naming their real last appearance;
- swapped: two people's names are exchanged in every report after a date (a change of rank);
  expected: one rank finding, at the first report that lists both, then silence once the new
  order is the usual one.

A finding about a member of the stable leadership (the 20th Politburo Standing Committee and
the Vice President, in office over the whole corpus after 2022-10) is a false alarm; findings
about people who really left office are listed apart. Figures: false alarms per 100 reports,
and for each synthetic case the number of findings, their date and the delay (days and
reports) after the change.

Run: PYTHONPATH=. python bench/bench_people_time.py [--corpus DIR] [--history-only] [--json]
(the Qin Gang series of 2023: --corpus bench/data/people_time/qin_gang --history-only)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from worker.detect.appearances import (
    PeopleFinding,
    PeopleWatch,
    ReportLists,
    find_changes,
    lists_of,
)
from worker.detect.lang import detect_language
from worker.detect.people import extract_people
from worker.service.seeds import load_roster

CORPUS = Path("/work/shared/corpus/meetings-zh")
# In office over the whole corpus after the 20th Party Congress (2022-10-23).
STABLE = (
    "Xi Jinping",
    "Li Qiang",
    "Zhao Leji",
    "Wang Huning",
    "Cai Qi",
    "Ding Xuexiang",
    "Li Xi",
    "Han Zheng",
)
CASES: tuple[tuple[str, str, str, str, str], ...] = (
    # kind, date of the change, person, Chinese name, second person (swaps)
    ("removed", "2024-01-01", "Ding Xuexiang", "丁薛祥", ""),
    ("removed", "2024-06-01", "Wang Huning", "王沪宁", ""),
    ("removed", "2023-06-01", "Li Xi", "李希", ""),
    ("swapped", "2024-01-01", "Cai Qi", "蔡奇", "丁薛祥"),
    ("swapped", "2024-06-01", "Zhao Leji", "赵乐际", "王沪宁"),
)

Edit = Callable[[str], str]


def read_corpus(corpus: Path) -> list[tuple[dt.date, str, str]]:
    out = []
    for path in sorted(corpus.glob("*.txt")):
        day = dt.datetime.strptime(path.name[:8], "%Y%m%d").date()
        out.append((day, path.stem, path.read_text(encoding="utf-8")))
    return out


def replay(
    reports: list[tuple[dt.date, str, str]], edit: Callable[[dt.date, str], str]
) -> tuple[list[ReportLists], tuple[PeopleFinding, ...]]:
    roster = load_roster()
    history = []
    for day, key, text in reports:
        text = edit(day, text)
        people = extract_people(text, roster)
        lists = lists_of(people)
        history.append(ReportLists(key, key, day, detect_language(text), "cctv", lists))
    return history, find_changes(history, PeopleWatch())


def _after(change: dt.date, edit: Edit) -> Callable[[dt.date, str], str]:
    return lambda day, text: edit(text) if day >= change else text


def _remove(zh: str) -> Edit:
    return lambda text: text.replace(zh + "、", "").replace("、" + zh, "").replace(zh, "")


def _swap(a: str, b: str) -> Edit:
    """Exchange the two names within each sentence naming both: their order, not who is there."""

    def swap(text: str) -> str:
        parts = text.split("。")
        return "。".join(
            p.replace(a, "\0").replace(b, a).replace("\0", b) if a in p and b in p else p
            for p in parts
        )

    return swap


def run_case(reports: list[tuple[dt.date, str, str]], case: tuple[str, ...]) -> dict[str, Any]:
    kind, when, person, zh, other = case
    change = dt.date.fromisoformat(when)
    edit = _remove(zh) if kind == "removed" else _swap(zh, other)
    history, findings = replay(reports, _after(change, edit))
    wanted = "absence" if kind == "removed" else "rank"
    hits = [f for f in findings if f.kind == wanted and person in f.people]
    after = [r for r in history if r.date >= change]
    row: dict[str, Any] = {"case": kind, "person": person, "from": when, "flags": len(hits)}
    if kind == "removed":
        real_last = max(
            (r.date for r in history if r.date < change and person in r.people), default=None
        )
        row["true_last"] = real_last.isoformat() if real_last else None
    else:
        both = [r for r in after if person in r.people and _pinyin(other) in r.people]
        row["first_listing_both"] = both[0].date.isoformat() if both else None
    if hits:
        first = hits[0]
        row["flagged_on"] = first.date.isoformat()
        row["delay_days"] = (first.date - change).days
        row["delay_reports"] = sum(1 for r in after if r.date <= first.date)
        if kind == "removed":
            row["last_appearance"] = first.detail["last_appearance"]["date"]
    others = [f for f in findings if f not in hits and f.canonical in STABLE]
    row["other_stable_findings"] = [f"{f.date} {f.kind}: {f.summary}" for f in others]
    return row


def _pinyin(zh: str) -> str:
    return {"丁薛祥": "Ding Xuexiang", "王沪宁": "Wang Huning"}.get(zh, zh)


def time_replay(history: list[ReportLists], times: int) -> str:
    """The replay's cost, as run after each feed pass: the history repeated `times` times."""
    big = [
        ReportLists(
            f"{k}-{r.report}",
            r.url,
            r.date + dt.timedelta(days=1461 * k),
            r.language,
            r.feed,
            r.lists,
        )
        for k in range(times)
        for r in history
    ]
    start = time.perf_counter()
    find_changes(big, PeopleWatch())
    took = time.perf_counter() - start
    return (
        f"replay of {len(big)} reports: {took:.2f} s "
        f"({1000 * took / len(big) * 100:.0f} ms per 100 reports)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--scale",
        type=int,
        default=0,
        metavar="N",
        help="also time the replay of the history repeated N times (4 years apart)",
    )
    parser.add_argument(
        "--history-only", action="store_true", help="the real history only, no synthetic variants"
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"{args.corpus}: no such corpus directory", file=sys.stderr)
        return 2
    reports = read_corpus(args.corpus)
    history, findings = replay(reports, lambda _day, text: text)
    stable = [f for f in findings if f.canonical in STABLE]
    other = [f for f in findings if f.canonical not in STABLE]
    n = len(history)
    cases = [] if args.history_only else [run_case(reports, case) for case in CASES]
    if args.json:
        print(
            json.dumps(
                {
                    "reports": n,
                    "false_alarms": len(stable),
                    "per_100": round(100 * len(stable) / n, 2),
                    "cases": cases,
                }
            )
        )
        return 0
    print(
        f"real history: {n} reports {history[0].date} .. {history[-1].date}, watch {PeopleWatch()}"
    )
    print(
        f"false alarms on the stable leadership: {len(stable)} "
        f"({100 * len(stable) / n:.2f} per 100 reports)"
    )
    for f in stable:
        print(f"  FALSE {f.date} {f.kind}: {f.summary}")
    print(f"findings about others (people who left office, or extraction noise): {len(other)}")
    for f in other:
        print(f"  {f.date} {f.kind}: {f.summary}")
    if args.scale:
        print(time_replay(history, args.scale))
    if cases:
        print("synthetic variants of the real reports:")
    for row in cases:
        print("  " + json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
