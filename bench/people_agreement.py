"""How far two careful labellers agree, beside how far the extractor agrees with either
(issue 9, round 21).

A held-out split's labels are the yardstick of issue 9's goal (F1 0.95). If two people who
follow LABELLING.md disagree on many names or roles, part of the gap between the extractor
and the goal is the labels' own noise, and no extractor could close it; if they agree, the gap
is the extractor's. Round 21 measured it: a second labeller, blind (it read only LABELLING.md
and the texts, never the first labels nor any output), labelled a sample of round 20's
held-out test split (dev/*.round38.toml) again; its labels are
bench/data/people/agreement/round38_iaa21.toml.

`sample` writes the texts to label (no labels, no notes): per style up to `--per-style` reports
drawn with a fixed seed, `--none` from the no-attendee files. `score` (the default) prints, per
style, the second labels against the first (the labels in dev/), the rules as they stood
before the round reached dev (bench/people_earlier/, what the round scored as a fresh split)
against the first labels, and today's rules against the first labels, all on the same
reports and with bench_people's scoring (one name key per person, one point per role);
`--show` lists every (name, role) the two labellers give differently.

Run: PYTHONPATH=.:bench python bench/people_agreement.py [score] [--show]
     PYTHONPATH=.:bench python bench/people_agreement.py sample OUT [--round 38] [--seed 21]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench_people import DATA, Score, load_roster, name_key

from worker.detect.people import extract_people
from worker.detect.roster import Roster

AGREEMENT = DATA / "agreement"
EARLIER = Path(__file__).resolve().parent / "people_earlier"
# the second labellings made so far: (file, the dev round it relabels, `sample`'s --per-style
# and --none; seed 21 both)
LABELLINGS = (("round38_iaa21.toml", 38, 15, 10), ("round36_iaa21b.toml", 36, 12, 8))


def dev_round(round_: int) -> dict[str, tuple[str, dict[str, Any]]]:
    """The first labels of one dev round: {id: (style, report)}; no-attendee files -> "none"."""
    reports: dict[str, tuple[str, dict[str, Any]]] = {}
    for path in sorted((DATA / "dev").glob(f"*.round{round_}.toml")):
        style = "none" if path.name.startswith("none") else path.name.split(".")[0]
        for report in tomllib.loads(path.read_text(encoding="utf-8"))["report"]:
            reports[report["id"]] = (style, report)
    return reports


def earlier_reading(round_: int) -> dict[str, list[list[str]]]:
    """What the rules gave the round before it reached dev: {id: [[name, role], ...]}."""
    found: dict[str, list[list[str]]] = {}
    for path in (EARLIER / f"round{round_}.json", EARLIER / "latin" / f"round{round_}.json"):
        found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def keys(people: Iterable[tuple[str, str]], roster: Roster) -> set[tuple[str, str]]:
    return {(name_key(name, roster), role) for name, role in people}


def agreement(want: set[tuple[str, str]], got: set[tuple[str, str]]) -> Score:
    """`got` scored against `want` as bench_people scores one report."""
    extra = got - want
    score = Score(len(got & want), len(extra), len(want - got), 1, 1 if extra else 0)
    score.f1_sum = score.f1
    return score


def _people(report: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["name"], p["role"]) for p in report["people"]]


def score(show: bool) -> None:
    roster = load_roster()
    columns = ("second labeller", "rules before the round", "rules today")
    totals: dict[str, list[Score]] = defaultdict(lambda: [Score() for _ in columns])
    for file_name, round_, _, _ in LABELLINGS:
        first = dev_round(round_)
        earlier = earlier_reading(round_)
        second = tomllib.loads((AGREEMENT / file_name).read_text(encoding="utf-8"))["report"]
        for report in second:
            style, labelled = first[report["id"]]
            want = keys(_people(labelled), roster)
            language = labelled.get("language") or None
            today = extract_people(labelled["text"], roster, language=language)
            readings = (
                keys(_people(report), roster),
                keys(((name, role) for name, role in earlier.get(report["id"], [])), roster),
                keys(((p.name, p.role) for p in today), roster),
            )
            for column, got in enumerate(readings):
                for key in (style, f"round {round_}", "overall"):
                    totals[key][column].add(agreement(want, got))
            if show and readings[0] != want:
                names = {name_key(n, roster): n for n, _ in _people(labelled) + _people(report)}
                only_first = sorted((names[k], r) for k, r in want - readings[0])
                only_second = sorted((names[k], r) for k, r in readings[0] - want)
                print(f"  {report['id']}: first only {only_first}, second only {only_second}")
    print(
        f"{'style':12} {'reports':>7}  " + "  ".join(f"{c + ' (F1 tp/fp/fn)':>32}" for c in columns)
    )
    for style in sorted(totals, key=lambda s: (s == "overall", s.startswith("round "), s)):
        cells = [f"{s.f1:.3f} (P {s.precision:.3f}) {s.tp}/{s.fp}/{s.fn}" for s in totals[style]]
        print(f"{style:12} {totals[style][0].reports:7}  " + "  ".join(f"{c:>32}" for c in cells))


def sample(out: Path, round_: int, seed: int, per_style: int, none: int) -> None:
    """Texts of one dev round to label again, without labels or notes."""
    rng = random.Random(seed)
    by_style: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for style, report in dev_round(round_).values():
        by_style[style].append(report)
    lines = [
        f"# Texts of dev round {round_} to label again (people_agreement.py sample, seed {seed})\n"
    ]
    for style in sorted(by_style):
        reports = by_style[style]
        for report in rng.sample(
            reports, min(none if style == "none" else per_style, len(reports))
        ):
            quote = "'''" if "'''" not in report["text"] else '"""'
            lines.append(
                f'[[report]]\nid = "{report["id"]}"\nlanguage = "{report["language"]}"\n'
                f'source = "{report["source"]}"\ntext = {quote}\n{report["text"]}{quote}\n'
            )
    out.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="score", choices=("score", "sample"))
    parser.add_argument("out", nargs="?", type=Path, help="sample: the texts file to write")
    parser.add_argument("--show", action="store_true", help="score: list the disagreements")
    parser.add_argument("--round", type=int, default=38)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--per-style", type=int, default=15)
    parser.add_argument("--none", type=int, default=10)
    args = parser.parse_args(argv)
    if args.command == "sample":
        if args.out is None:
            parser.error("sample needs OUT, the texts file to write")
        sample(args.out, args.round, args.seed, args.per_style, args.none)
    else:
        score(args.show)


if __name__ == "__main__":
    main(sys.argv[1:])
