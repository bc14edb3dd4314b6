"""People extraction per dev file: each round's held-out reports, once moved to dev, scored on
their own (bench_people.py scores a style's files together).

A round's held-out split shows what unseen material does; once it is in dev and tuned on, its
figure is in-sample, and the older files show whether a change holds beyond what it was tuned
on. Same scoring as bench_people.py (a (name, role) pair counts; none*.toml: false positives).

`--reader`: with the learned reader's people (worker/detect/people_reader.py). `--pairs`: the
dev pairs' outcomes per round of their file (pairs/r<N>_*, r<N>v_*; others "older"), right /
total per kind, counts only (round 23, issue-reader23: round 22's fresh pairs r22_* apart).

Run: PYTHONPATH=. python bench/bench_people_rounds.py [--style zh_cn] [--show] [--reader] [--pairs]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import defaultdict

from bench_people import (
    DATA,
    Score,
    load_reports,
    load_roster,
    pair_outcome,
    score_report,
)

from worker.detect.people import use_reader
from worker.detect.roster import Roster


def pairs_by_round(roster: Roster) -> None:
    """Right / total per kind, per round of the pair files (dev pairs only)."""
    texts = {r["id"]: r for reports in load_reports("dev").values() for r in reports}
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for path in sorted((DATA / "pairs").glob("*.toml")):
        m = re.match(r"r(\d+)v?_", path.name)
        group = f"r{m.group(1)}" if m else "older"
        pairs = tomllib.loads(path.read_text(encoding="utf-8")).get("pair", [])
        for pair in [pairs] if isinstance(pairs, dict) else pairs:
            if pair.get("split", "dev") != "dev":
                continue
            ok = pair_outcome(pair, texts, roster)[0]
            cell = table[group][pair.get("kind", "?")]
            cell[0] += ok
            cell[1] += 1
    every: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group in sorted(table, key=lambda g: (g == "older", int(g[1:]) if g != "older" else 0)):
        kinds = table[group]
        right = sum(c[0] for c in kinds.values())
        total = sum(c[1] for c in kinds.values())
        for k, c in kinds.items():
            every[k][0] += c[0]
            every[k][1] += c[1]
        cells = ", ".join(f"{k} {c[0]}/{c[1]}" for k, c in sorted(kinds.items()))
        print(f"  pairs {group:<6} {right}/{total} ({cells})")
    right = sum(c[0] for c in every.values())
    total = sum(c[1] for c in every.values())
    cells = ", ".join(f"{k} {c[0]}/{c[1]}" for k, c in sorted(every.items()))
    print(f"  pairs all    {right}/{total} ({cells})")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--style", help="only the files of this style (none_zh for its none file)")
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    parser.add_argument("--reader", action="store_true", help="with the learned reader's people")
    parser.add_argument("--pairs", action="store_true", help="pairs per round, counts only")
    args = parser.parse_args(argv)
    use_reader(args.reader)
    roster = load_roster()
    if args.pairs:
        pairs_by_round(roster)
        return
    print(f"  {'file':<26} {'reports':>7} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn  fp-reports")
    for path in sorted((DATA / "dev").glob("*.toml")):
        if args.style and path.stem.split(".")[0] != args.style:
            continue
        score = Score()
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            s, outcome = score_report(report, roster)
            score.add(s)
            if args.show and (outcome.missed or outcome.extra):
                print(f"    {report['id']}: missed {outcome.missed} extra {outcome.extra}")
        print(
            f"  {path.name:<26} {score.reports:>7} {score.precision:6.3f} {score.recall:6.3f}"
            f" {score.f1:6.3f}   {score.tp}/{score.fp}/{score.fn}  {score.fp_reports}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
