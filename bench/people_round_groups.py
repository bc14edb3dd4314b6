"""People extraction per style over groups of dev rounds: every dev file, the rounds named
(`--read`, the rounds read for causes), the rounds never read (`--unread`, e.g. a validation
split scored only), and the pool of all other rounds (where a cause read on new rounds is counted
and judged); no-attendee false people per language. `--dump FILE` writes each report's outcome
(tp/fp/fn, missed, extra) as JSON lines, and `--against FILE` lists the reports whose outcome
differs from an earlier dump (which labels a change gains or loses, by report id).

Same scoring as bench_people.py (a (name, role) pair counts; none*.toml: false positives).

`--halves` splits each `--read` round by its ids' last digit (round 24 on): the odd-numbered
reports are the ones read for causes, the even-numbered ones are scored only and, with the
`--unread` rounds, make the "judge" table a change is decided on.

Run: PYTHONHASHSEED=0 PYTHONPATH=.:bench python bench/people_round_groups.py --read 42
     --unread 41 [--halves] [--dump after.jsonl] [--against before.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from bench_people import DATA, load_roster, score_report


def outcomes() -> list[dict[str, Any]]:
    roster = load_roster()
    rows = []
    for path in sorted((DATA / "dev").glob("*.toml")):
        style = "none" if path.stem.startswith("none") else path.stem.split(".")[0]
        round_ = int(path.stem.split(".round")[1]) if ".round" in path.stem else 0
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            s, o = score_report(report, roster)
            lang = report.get("language") or "en"
            rows.append(
                {
                    "id": report["id"],
                    "file": path.name,
                    "style": style if style != "none" else f"none_{lang}",
                    "round": round_,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "missed": sorted(map(list, o.missed)),
                    "extra": sorted(map(list, o.extra)),
                }
            )
    return rows


def table(rows: list[dict[str, Any]], name: str, keep: Callable[[dict[str, Any]], bool]) -> None:
    agg: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for r in rows:
        if keep(r):
            a = agg[r["style"]]
            a[0] += r["tp"]
            a[1] += r["fp"]
            a[2] += r["fn"]
            a[3] += 1
            a[4] += r["fp"] > 0
    print(f"{name}:")
    total = [0, 0, 0]
    for style, (tp, fp, fn, n, fp_reports) in sorted(agg.items()):
        if style.startswith("none"):
            print(f"  {style:<12} {n:>5} reports, false people {fp} in {fp_reports}")
            continue
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        print(f"  {style:<12} {n:>5} reports  {_prf(tp, fp, fn)}")
    print(f"  {'overall':<12} {'':>13} {_prf(*total)}")


def _odd(row: dict[str, Any]) -> bool:
    digits = "".join(c for c in row["id"] if c.isdigit())
    return bool(digits) and int(digits[-1]) % 2 == 1


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}  {tp}/{fp}/{fn}"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--read", type=int, nargs="*", default=[], help="rounds read for causes")
    parser.add_argument("--unread", type=int, nargs="*", default=[], help="rounds scored only")
    parser.add_argument("--dump", help="write each report's outcome here (JSON lines)")
    parser.add_argument("--against", help="list the reports that differ from this dump")
    parser.add_argument(
        "--halves", action="store_true", help="judge on the read rounds' even ids and --unread"
    )
    args = parser.parse_args(argv)
    rows = outcomes()
    read, unread = set(args.read), set(args.unread)
    table(rows, "every dev file", lambda r: True)
    for k in sorted(read | unread):
        table(
            rows,
            f"round {k} ({'read' if k in read else 'never read'})",
            lambda r, k=k: r["round"] == k,
        )
    table(rows, "the other rounds (pool)", lambda r: r["round"] not in read | unread)
    if args.halves:
        table(rows, "read: odd ids of the read rounds", lambda r: r["round"] in read and _odd(r))
        table(
            rows,
            "judge: even ids of the read rounds and the unread rounds",
            lambda r: r["round"] in unread or (r["round"] in read and not _odd(r)),
        )
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.against:
        with open(args.against, encoding="utf-8") as f:
            before = {(r["file"], r["id"]): r for r in map(json.loads, f)}
        print("reports whose outcome changed:")
        for r in rows:
            b = before.get((r["file"], r["id"]))
            if b is None or (b["missed"], b["extra"]) == (r["missed"], r["extra"]):
                continue
            gained = [m for m in b["missed"] if m not in r["missed"]]
            lost = [m for m in r["missed"] if m not in b["missed"]]
            new_fp = [m for m in r["extra"] if m not in b["extra"]]
            gone_fp = [m for m in b["extra"] if m not in r["extra"]]
            print(f"  {r['id']}: +true {gained} -true {lost} +false {new_fp} -false {gone_fp}")


if __name__ == "__main__":
    main(sys.argv[1:])
