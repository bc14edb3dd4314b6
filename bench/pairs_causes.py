"""Wrong pairs of reports counted by what is wrong in them, for pair rounds nobody reads.

Input: bench/data/people/pairs/*.toml (split dev) with ids of labelled dev reports. Output: for
the pairs that compare wrong, one count per kind of wrong element, in two columns: the pair files
whose names start with one of `--read` (the rounds read for causes) and all the others. Kinds: a
name added, removed or a role change too many or missing; for a name, whether the extractor read
it in that report and whether the labels have it there (extraction against comparison). With
`--ids`, the pair ids and name keys of each kind (for the rounds one may read). Round 17: each
wrong pair compared once more with the labelled people of both reports, "pairs wrong:
extraction" when it compares right then, "pairs wrong: comparison or label" when wrong either way.

Round 21: `--classes` sorts each wrong pair of the read files into one class, the first that
fits (`_CLASSES`: the comparison or the label, then for the pairs wrong through extraction a
report read as naming nobody, role changes alone, a person of a list not read, a false person, a
person the other report names kept out), with its pairs and the rounds (pair-file groups) it
recurs in; read files only.

Run: PYTHONPATH=.:bench python bench/pairs_causes.py [--labelled] [--read r15] [--ids] [--classes]
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter, defaultdict
from typing import Any

from bench_pairs import _labelled
from bench_people import DATA, _names, load_reports, load_roster, name_key

from worker.detect.report import check_report, compare_reports


def _elements(
    pair: dict[str, Any], a: dict[str, Any], b: dict[str, Any], reports: Any, roster: Any
) -> list[tuple[str, str]]:
    change = compare_reports(a["text"], b["text"], roster, reports=reports)
    d = change.attendees if change else None
    got_added = _names(d.added if d else (), roster)
    want_added = _names(pair.get("added", []), roster)
    got_removed = _names(d.removed if d else (), roster)
    want_removed = _names(pair.get("removed", []), roster)
    got_roles = {
        (name_key(r.name, roster), r.before, r.after) for r in (d.role_changes if d else ())
    }
    want_roles = {
        (name_key(r["name"], roster), r["before"], r["after"]) for r in pair.get("role_changes", [])
    }
    labelled_a = {name_key(p["name"], roster) for p in a.get("people", [])}
    labelled_b = {name_key(p["name"], roster) for p in b.get("people", [])}
    read_a = {name_key(p.name, roster) for p in reports[0].people}
    read_b = {name_key(p.name, roster) for p in reports[1].people}
    out: list[tuple[str, str]] = []
    sides = (
        ("added", "add", got_added, want_added, "b", "a", labelled_b, labelled_a, read_b),
        ("removed", "remove", got_removed, want_removed, "a", "b", labelled_a, labelled_b, read_a),
    )
    for what, verb, got, want, here, there, labelled_here, labelled_there, read_here in sides:
        for n in got - want:
            why = (
                f"no person of {here}'s labels"
                if n not in labelled_here
                else f"labelled in {there}, not read there"
                if n in labelled_there
                else f"labelled in {here} only, the labels {verb} nobody"
            )
            out.append((f"{what} too many: {why}", n))
        for n in want - got:
            why = (
                f"not read in {here}"
                if n not in read_here
                else f"read in {here}, filtered or matched"
            )
            out.append((f"{what} missing: {why}", n))
    out += [(f"role change too many: {r[1]} -> {r[2]}", r[0]) for r in got_roles - want_roles]
    out += [(f"role change missing: {r[1]} -> {r[2]}", r[0]) for r in want_roles - got_roles]
    return out


# Round 21: one class per wrong pair, the first that fits (a pair has often several causes).
_CLASSES = (
    "the comparison or the label (wrong with the labelled people too)",
    "a report read as naming nobody the labels name",
    "role changes alone",
    "a person of a list not read",
    "a false person (no person of the labels)",
    "a person the other report names kept out, or matched",
)


def _class(wrong: list[tuple[str, str]], empty: bool, labelled_wrong: bool) -> str:
    kinds = [kind for kind, _ in wrong]
    if labelled_wrong:
        return _CLASSES[0]
    if empty:
        return _CLASSES[1]
    if all(k.startswith("role change") for k in kinds):
        return _CLASSES[2]
    if any("not read in" in k for k in kinds):
        return _CLASSES[3]
    if any("no person of" in k for k in kinds):
        return _CLASSES[4]
    return _CLASSES[5]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labelled", action="store_true", help="compare the labelled people")
    parser.add_argument("--read", default="r15", help="comma-separated pair file prefixes read")
    parser.add_argument("--ids", action="store_true", help="list pair ids (read rounds only)")
    parser.add_argument("--classes", action="store_true", help="one class per wrong read pair")
    args = parser.parse_args(argv)
    read = tuple(args.read.split(","))
    roster = load_roster()
    texts = {r["id"]: r for reports in load_reports("dev").values() for r in reports}
    counts: Counter[tuple[str, str]] = Counter()
    ids: dict[str, list[tuple[str, str]]] = defaultdict(list)
    classes: dict[str, list[tuple[str, str]]] = defaultdict(list)  # class -> (group, pair id)
    for path in sorted((DATA / "pairs").glob("*.toml")):
        column = "read" if path.name.startswith(read) else "other"
        pairs = tomllib.loads(path.read_text(encoding="utf-8")).get("pair", [])
        for pair in [pairs] if isinstance(pairs, dict) else pairs:
            if pair.get("split", "dev") != "dev" or "a" not in pair or "b" not in pair:
                continue
            a, b = texts[pair["a"]], texts[pair["b"]]
            reports = (
                (_labelled(a, a["text"], roster), _labelled(b, b["text"], roster))
                if args.labelled
                else (check_report(a["text"], roster), check_report(b["text"], roster))
            )
            wrong = _elements(pair, a, b, reports, roster)
            counts[(column, "pairs")] += 1
            counts[(column, "pairs wrong")] += bool(wrong)
            if wrong and not args.labelled:
                # round 17: the pair read with the labelled people too, to tell extraction
                # (right then) from comparison or label (wrong either way)
                labelled = (_labelled(a, a["text"], roster), _labelled(b, b["text"], roster))
                cause = (
                    "comparison or label"
                    if _elements(pair, a, b, labelled, roster)
                    else "extraction"
                )
                counts[(column, f"pairs wrong: {cause}")] += 1
                if column == "read":
                    ids[f"pairs wrong: {cause}"].append((pair["id"], ""))
                    klass = _class(wrong, _read_empty(reports, a, b), cause != "extraction")
                    classes[klass].append((path.name.split("_", 1)[0], pair["id"]))
            for kind, name in wrong:
                counts[(column, kind)] += 1
                if column == "read":
                    ids[kind].append((pair["id"], name))
    print(f"{'other':>6} {'read':>6}  kind (read: pair files {', '.join(read)}*)")
    for kind in sorted({k for _, k in counts}):
        print(f"{counts[('other', kind)]:6d} {counts[('read', kind)]:6d}  {kind}")
    if args.ids:
        for kind, found in sorted(ids.items()):
            print(kind, found)
    if args.classes:
        _print_classes(classes, show_ids=args.ids)


def _read_empty(reports: Any, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether the extractor reads nobody in a report of the pair that the labels name people in."""
    return any(
        not report.people and lab.get("people") for report, lab in zip(reports, (a, b), strict=True)
    )


def _print_classes(classes: dict[str, list[tuple[str, str]]], *, show_ids: bool) -> None:
    print(f"{'pairs':>6} {'rounds':>6}  class (read files only, first class that fits)")
    for klass in _CLASSES:
        found = classes.get(klass, [])
        print(f"{len(found):6d} {len({g for g, _ in found}):6d}  {klass}")
        if show_ids:
            print("       ", sorted(i for _, i in found))


if __name__ == "__main__":
    main(sys.argv[1:])
