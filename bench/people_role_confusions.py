"""Roles read otherwise than labelled, counted over the dev files: for each person both the
extractor and the labels have in a report, each role read and not labelled, with the labelled
roles not read ("-": none), per language, and in how many rounds (dev file suffixes: round30, ...) it occurs.

Input: bench/data/people/dev/*.toml (not none*). Output: printed counts, most frequent first;
with `--ids round30,round31`, the report ids and name keys of those round files (the rounds one
may read). Round 17 (branch issue-pairs17): a misread role is what most wrong pairs of one
occasion hold besides an unread name (`pairs_causes.py`).

Run: PYTHONPATH=.:bench python bench/people_role_confusions.py [--ids round30,round31] [--top 30]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter, defaultdict

from bench_people import DATA, load_roster, name_key

from worker.detect.people import extract_people


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ids", default="", help="comma-separated round files to list ids of")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    listed = set(filter(None, args.ids.split(",")))
    roster = load_roster()
    counts: Counter[tuple[str, str, str]] = Counter()
    rounds: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    ids: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for path in sorted((DATA / "dev").glob("*.toml")):
        if path.stem.startswith("none"):
            continue
        rnd = path.stem.split(".")[-1] if "." in path.stem else "base"
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            language = report.get("language") or None
            got: dict[str, set[str]] = defaultdict(set)
            want: dict[str, set[str]] = defaultdict(set)
            lang = "zh" if language == "zh" else language
            for p in extract_people(report["text"], roster, language=lang):
                got[name_key(p.name, roster)].add(p.role)
            for q in report["people"]:
                want[name_key(q["name"], roster)].add(q["role"])
            for key in got.keys() & want.keys():
                for role in got[key] - want[key]:
                    kind = (role, "/".join(sorted(want[key] - got[key])) or "-", lang or "?")
                    counts[kind] += 1
                    rounds[kind].add(rnd)
                    if rnd in listed:
                        ids[kind].append((report["id"], key))
    print(f"{'count':>6} {'rounds':>6}  read / labelled not read / language")
    for kind, n in counts.most_common(args.top):
        shown = f"  {ids[kind]}" if ids[kind] else ""
        print(f"{n:6d} {len(rounds[kind]):6d}  {' / '.join(kind)}{shown}")


if __name__ == "__main__":
    main(sys.argv[1:])
