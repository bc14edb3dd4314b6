"""Pairs of reports of one occasion scored per pair file's round and kind, with the people the
extractor reads or with the labelled people (the comparison alone).

Input: bench/data/people/pairs/*.toml (one split), the split's labelled reports.
Output: printed scores, one line per group of pair files ("r10" for pairs/r10_*.toml, "r10v"
for pairs/r10v_*.toml, "ende", "zh", ...) with the kinds, and the whole split. No pair's
outcome is printed, so held-out splits can be scored with it too.

`--labelled` compares the labelled people of both reports instead of the extracted ones: a pair
that compares right then and wrong with the extractor fails through extraction; one that
compares wrong either way through the comparison or its label (round 11, docs/people.md).

Run: PYTHONPATH=.:bench python bench/bench_pairs.py [--split dev] [--labelled]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import defaultdict
from typing import Any

from bench_people import DATA, _names, load_reports, load_roster, name_key

from worker.detect.model import Person, Report
from worker.detect.report import check_report, compare_reports
from worker.detect.roster import Roster


def _labelled(report: dict[str, Any], text: str, roster: Roster) -> Report:
    people = tuple(
        Person(p["name"], roster.canonical(p["name"]), p["role"], "body", i)
        for i, p in enumerate(report.get("people", []), 1)
    )
    return Report(language=check_report(text, roster).language, people=people, findings=())


def _right(pair: dict[str, Any], texts: dict[str, Any], roster: Roster, labelled: bool) -> bool:
    a = pair.get("a_text") or texts[pair["a"]]["text"]
    b = pair.get("b_text") or texts[pair["b"]]["text"]
    reports = None
    if labelled and "a" in pair and "b" in pair:
        reports = (_labelled(texts[pair["a"]], a, roster), _labelled(texts[pair["b"]], b, roster))
    change = compare_reports(a, b, roster, reports=reports)
    diff = change.attendees if change else None
    got_roles = {
        (name_key(r.name, roster), r.before, r.after) for r in (diff.role_changes if diff else ())
    }
    want_roles = {
        (name_key(r["name"], roster), r["before"], r["after"]) for r in pair.get("role_changes", [])
    }
    return (
        _names(diff.added if diff else (), roster) == _names(pair.get("added", []), roster)
        and _names(diff.removed if diff else (), roster) == _names(pair.get("removed", []), roster)
        and got_roles == want_roles
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "val", "test"], default="dev")
    parser.add_argument("--labelled", action="store_true", help="compare the labelled people")
    args = parser.parse_args(argv)
    roster = load_roster()
    texts = {r["id"]: r for reports in load_reports(args.split).values() for r in reports}
    scores: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for path in sorted((DATA / "pairs").glob("*.toml")):
        group = path.name.split("_", 1)[0]
        pairs = tomllib.loads(path.read_text(encoding="utf-8")).get("pair", [])
        for pair in [pairs] if isinstance(pairs, dict) else pairs:
            if pair.get("split", "dev") != args.split:
                continue
            ok = _right(pair, texts, roster, args.labelled)
            for key in ((group, pair["kind"]), (group, ""), ("all", pair["kind"]), ("all", "")):
                scores[key][0] += ok
                scores[key][1] += 1
    for group in sorted({g for g, _ in scores}, key=lambda g: (g == "all", g)):
        right, total = scores[(group, "")]
        kinds = ", ".join(
            f"{k} {r}/{t}" for (g, k), (r, t) in sorted(scores.items()) if g == group and k
        )
        print(f"{group:>6}: {right}/{total} ({kinds})")


if __name__ == "__main__":
    main(sys.argv[1:])
