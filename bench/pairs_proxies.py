"""The comparison's tests of what a report says, read on single dev reports instead of pairs:
for causes that move no pair of the rounds one did not read (round 22, docs/people.md).

Input: bench/data/people/dev/*.toml (round 41, never read, counted only, no ids printed) and,
for `kept-out`, bench/data/people/pairs/*.toml. Output: printed counts (and ids for the rounds up
to 40).

- `said --dump FILE`: per dev report, which names it names outside what is only said
  (`mentions.not_only_said`): its labelled people, and capitalised runs of two or three words no
  label gives a role there. Run it with two trees' `worker` (PYTHONPATH=<tree>:bench) and
  `said --compare BASE NEW`: the names one tree leaves unnamed, labelled (a person with a role
  taken for one only quoted) or not.
- `taken`: for each person the extractor reads in a report and each role it does not read them
  in, `mentions.says_role` without and with `taken`/`own` (another person read in that role takes
  its word); where the two differ, whether the labels give the person that role (the new reading
  wrong) or not (right).
- `kept-out --groups r2_,r3_ --skip r21`: of the pairs' wanted additions and removals, those the
  comparison with `compare_people` alone has and the whole comparison keeps out (named elsewhere),
  by how the other report names the person in every sentence naming them: only in an
  attribution ("according to"), only with a say-verb, or otherwise; and wanted role changes
  `compare_people` has and a filter drops. With the extractor and with the labelled people.

Run: PYTHONPATH=.:bench python bench/pairs_proxies.py taken|said ...|kept-out ...
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from bench_pairs import _labelled
from bench_people import DATA, _names, load_roster, name_key

from worker.detect.attendees import compare_people, unannotated
from worker.detect.mentions import (
    _SAID,
    _SENTENCE_END,
    TextNames,
    names_person,
    not_only_said,
    says_role,
)
from worker.detect.model import Person
from worker.detect.report import check_report, compare_reports
from worker.detect.roster import Roster

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\b")
_ATTRIBUTION = re.compile(r"\baccording\s+to\b", re.I)
_ROLES = ("attended", "presided", "spoke", "present")


def _reports() -> list[tuple[bool, dict[str, Any]]]:
    """(held, report) for every dev report; held: round 41's, counted only."""
    out = []
    for path in sorted((DATA / "dev").glob("*.toml")):
        held = "round41" in path.name
        out += [(held, r) for r in tomllib.loads(path.read_text(encoding="utf-8"))["report"]]
    return out


def _person(name: str, roster: Roster) -> Person:
    return Person(name, roster.canonical(name), "attended", "body", 1)


def said_dump(path: str) -> None:
    roster = load_roster()
    out: dict[str, list[list[str]]] = {}
    for held, report in _reports():
        plain = unannotated(report["text"])
        if not re.search(r"[A-Za-z]{4}", plain):
            continue
        names = TextNames(not_only_said(plain))
        labelled = {p["name"] for p in report.get("people", [])}
        keys = {name_key(n, roster) for n in labelled}
        candidates = {(n, "labelled") for n in labelled} | {
            (m, "other")
            for m in set(_CAPITALISED.findall(plain))
            if name_key(m, roster) not in keys
        }
        out[("held:" if held else "") + report["id"]] = sorted(
            [n, kind] for n, kind in candidates if names_person(names, _person(n, roster), roster)
        )
    Path(path).write_text(json.dumps(out), encoding="utf-8")


def said_compare(base_path: str, new_path: str) -> None:
    base = json.loads(Path(base_path).read_text(encoding="utf-8"))
    new = json.loads(Path(new_path).read_text(encoding="utf-8"))
    counts: Counter[tuple[str, str, str]] = Counter()
    for rid, named in base.items():
        before = {tuple(e) for e in named}
        after = {tuple(e) for e in new.get(rid, [])}
        column = "round 41" if rid.startswith("held:") else "dev"
        for name, kind in sorted(before - after):
            counts[(column, "unnamed", kind)] += 1
            if column == "dev":
                print(f"  unnamed ({kind}): {rid} {name}")
        for _, kind in after - before:
            counts[(column, "newly named", kind)] += 1
    for key, n in sorted(counts.items()):
        print(f"{n:6d}  {' / '.join(key)}")


def taken() -> None:
    roster = load_roster()
    counts: Counter[tuple[str, str]] = Counter()
    for held, report in _reports():
        read = check_report(report["text"], roster)
        plain = unannotated(report["text"])
        labelled = {(name_key(p["name"], roster), p["role"]) for p in report.get("people", [])}
        by_name: dict[str, list[Person]] = {}
        for p in read.people:
            by_name.setdefault(p.name, []).append(p)
        for name, people in by_name.items():
            have = {p.role for p in people}
            for role in _ROLES:
                if role in have:
                    continue
                for own in sorted(have):
                    person = next(p for p in people if p.role == own)
                    others = tuple(q for q in read.people if q.role == role and q.name != name)
                    if not others:
                        continue
                    if says_role(plain, person, role, roster) == says_role(
                        plain, person, role, roster, taken=others, own=own
                    ):
                        continue
                    wrong = (name_key(name, roster), role) in labelled
                    column = "round 41" if held else "dev"
                    counts[
                        (column, "labelled (new reading wrong)" if wrong else "not labelled")
                    ] += 1
                    if wrong and not held:
                        print(f"  labelled: {report['id']} {name} {own} -> {role}")
    for key, n in sorted(counts.items()):
        print(f"{n:6d}  {' / '.join(key)}")


def kept_out(groups: tuple[str, ...], skip: tuple[str, ...]) -> None:
    roster = load_roster()
    texts = {r["id"]: r for _, r in _reports()}
    counts: Counter[tuple[str, str]] = Counter()
    for path in sorted((DATA / "pairs").glob("*.toml")):
        if not path.name.startswith(groups) or (skip and path.name.startswith(skip)):
            continue
        pairs = tomllib.loads(path.read_text(encoding="utf-8")).get("pair", [])
        for pair in [pairs] if isinstance(pairs, dict) else pairs:
            if "a" not in pair or "b" not in pair:
                continue
            a, b = texts[pair["a"]], texts[pair["b"]]
            for mode in ("extractor", "labelled"):
                reports = (
                    (_labelled(a, a["text"], roster), _labelled(b, b["text"], roster))
                    if mode == "labelled"
                    else (check_report(a["text"], roster), check_report(b["text"], roster))
                )
                raw = compare_people(reports[0].people, reports[1].people, roster, across=True)
                change = compare_reports(a["text"], b["text"], roster, reports=reports)
                diff = change.attendees if change else None
                sides = (
                    ("added", a["text"], reports[1].people, raw.added, diff.added if diff else ()),
                    (
                        "removed",
                        b["text"],
                        reports[0].people,
                        raw.removed,
                        diff.removed if diff else (),
                    ),
                )
                for what, other, people, found, got in sides:
                    want = _names(pair.get(what, []), roster)
                    kept = _names(got, roster)
                    person = {name_key(p.name, roster): p for p in people}
                    for name in found:
                        key = name_key(name, roster)
                        if key not in want or key in kept or key not in person:
                            continue
                        sentences = [
                            s
                            for s in _SENTENCE_END.split(unannotated(other))
                            if s and names_person(TextNames(s), person[key], roster)
                        ]
                        how = (
                            "named nowhere"
                            if not sentences
                            else "only in an attribution"
                            if all(_ATTRIBUTION.search(s) for s in sentences)
                            else "only with a say-verb"
                            if all(_SAID.search(s) for s in sentences)
                            else "otherwise"
                        )
                        counts[(mode, f"{what} wanted, kept out: {how}")] += 1
                wanted = {
                    (name_key(r["name"], roster), r["before"], r["after"])
                    for r in pair.get("role_changes", [])
                }
                told = {
                    (name_key(r.name, roster), r.before, r.after)
                    for r in (diff.role_changes if diff else ())
                }
                compared = {(name_key(r.name, roster), r.before, r.after) for r in raw.role_changes}
                counts[(mode, "role change wanted, compared, dropped")] += len(
                    (wanted - told) & compared
                )
    for key, n in sorted(counts.items()):
        print(f"{n:6d}  {' / '.join(key)}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    said = sub.add_parser("said")
    said.add_argument("--dump")
    said.add_argument("--compare", nargs=2, metavar=("BASE", "NEW"))
    sub.add_parser("taken")
    kept = sub.add_parser("kept-out")
    kept.add_argument("--groups", required=True, help="comma-separated pair file prefixes")
    kept.add_argument("--skip", default="", help="comma-separated prefixes left out")
    args = parser.parse_args(argv)
    if args.what == "said":
        if args.dump:
            said_dump(args.dump)
        if args.compare:
            said_compare(*args.compare)
    elif args.what == "taken":
        taken()
    else:
        skip = tuple(p for p in args.skip.split(",") if p)
        kept_out(tuple(args.groups.split(",")), skip)


if __name__ == "__main__":
    main(sys.argv[1:])
