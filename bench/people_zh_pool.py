"""The Chinese reports of dev scored per report and pooled by round range (issue 9, round 22):
the rounds a helper read, the earlier rounds it only counted, and the never-read round 41 apart,
so that a change is kept only when it holds on the rounds nobody tuned it on.

A report is Chinese when its first 400 characters hold more than 30 Han characters (zh_cn,
zh_hant, the Chinese copies of scraped, none_zh and the Chinese ones of none). `--save FILE`
writes each report's tp/fp/fn, misses and extras (bench_people.score_report) as JSON; `--compare
A B` prints per-style figures of two saved files for the pooled rounds 0-39 (a file without a
round suffix counts as 0), the read round and round 41, the change in tp and fp, and, per
report of rounds 0-40 whose reading changed, the names and roles found, lost, newly false and
no longer false (never those of round 41, which is only scored).

Round 41 is always apart: with `--read 42` (round 23) the unread rounds are 0-40.

Run: PYTHONPATH=.:bench python bench/people_zh_pool.py --save /tmp/a.json
     PYTHONPATH=.:bench python bench/people_zh_pool.py --compare /tmp/a.json /tmp/b.json [--read 40]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from typing import Any

from bench_people import DATA, load_roster, score_report

_HAN = re.compile(r"[\u4e00-\u9fff]")
_STYLES = ("zh_cn", "zh_hant", "scraped", "none_zh", "none")


def chinese(report: dict[str, Any]) -> bool:
    return len(_HAN.findall(report["text"][:400])) > 30


def save(path: str) -> None:
    roster = load_roster()
    out: dict[str, list[Any]] = {}
    for file in sorted((DATA / "dev").glob("*.toml")):
        style = file.stem.split(".")[0]
        if style not in _STYLES:
            continue
        m = re.search(r"round(\d+)$", file.stem)
        k = int(m.group(1)) if m else 0
        for report in tomllib.loads(file.read_text(encoding="utf-8")).get("report", []):
            if not chinese(report):
                continue
            s, o = score_report(report, roster)
            out[report["id"]] = [style, k, s.tp, s.fp, s.fn, sorted(o.missed), sorted(o.extra)]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


def figures(saved: dict[str, list[Any]], lo: int, hi: int) -> str:
    total: dict[str, list[int]] = {}
    for style, k, tp, fp, fn, *_ in saved.values():
        if lo <= k <= hi and (k != 41 or lo == 41):  # round 41 is only ever scored apart
            t = total.setdefault("none" if style.startswith("none") else style, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + tp, t[1] + fp, t[2] + fn
    out = []
    for style in ("zh_cn", "zh_hant", "scraped"):
        tp, fp, fn = total.get(style, [0, 0, 0])
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.append(f"{style} {tp}/{fp}/{fn} {f1:.3f}")
    out.append(f"no-attendee fp {total.get('none', [0, 0, 0])[1]}")
    return " | ".join(out)


def compare(a_path: str, b_path: str, read: int) -> None:
    with open(a_path, encoding="utf-8") as f:
        a = json.load(f)
    with open(b_path, encoding="utf-8") as f:
        b = json.load(f)
    for lo, hi, label in (
        # (round 41, never read, stays apart when a later round is the one read: round 23
        # read round 42 and counted rounds 0-40)
        (0, read - 1, f"unread 0-{min(read - 1, 40)}"),
        (read, read, f"read {read}"),
        (41, 41, "round 41"),
    ):
        print(f"{label}\n  A {figures(a, lo, hi)}\n  B {figures(b, lo, hi)}")
        keys = [i for i in a if lo <= a[i][1] <= hi and (a[i][1] != 41 or lo == 41) and i in b]
        dtp = sum(b[i][2] - a[i][2] for i in keys)
        dfp = sum(b[i][3] - a[i][3] for i in keys)
        print(f"  tp {dtp:+d} fp {dfp:+d}")
    for i, row in a.items():
        if i not in b or row[1] == 41 or row[5:] == b[i][5:]:
            continue
        ma, mb = set(map(tuple, row[5])), set(map(tuple, b[i][5]))
        xa, xb = set(map(tuple, row[6])), set(map(tuple, b[i][6]))
        print(
            f"  {i} (round {row[1]}): found {sorted(ma - mb)} lost {sorted(mb - ma)}"
            f" newly false {sorted(xb - xa)} no longer false {sorted(xa - xb)}"
        )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--save", help="score the current tree into this JSON file")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"))
    parser.add_argument("--read", type=int, default=40, help="the round read (default 40)")
    args = parser.parse_args(argv)
    if args.save:
        save(args.save)
    if args.compare:
        compare(args.compare[0], args.compare[1], args.read)


if __name__ == "__main__":
    main(sys.argv[1:])
