"""People extraction per dev file: each round's held-out reports, once moved to dev, scored on
their own (bench_people.py scores a style's files together).

A round's held-out split shows what unseen material does; once it is in dev and tuned on, its
figure is in-sample, and the older files show whether a change holds beyond what it was tuned
on. Same scoring as bench_people.py (a (name, role) pair counts; none*.toml: false positives).

Run: PYTHONPATH=. python bench/bench_people_rounds.py [--style zh_cn] [--show]
"""

from __future__ import annotations

import argparse
import sys
import tomllib

from bench_people import DATA, Score, load_roster, score_report


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--style", help="only the files of this style (none_zh for its none file)")
    parser.add_argument("--show", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    roster = load_roster()
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
