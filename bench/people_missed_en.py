"""The missed people of fresh English reports, pooled: the labelled (name, role) that the rules
gave on rounds 16-23 before anyone had read them (bench/people_earlier/rules_only/latin/) did not
give, next to whether the current rules still miss them ("still") and a first guess at the
SHAPE that carries the role (`shape_of`), read by hand afterwards (docs/people.md, "Round 13:
English misses of fresh reports, pooled by shape").

A miss is a labelled (name, role) the reading lacks; "name read" marks one whose name the
reading gave with another role (a role miss, not a name miss).

`--cue REGEX` counts, per round, the labelled (name, role) of the current rules that stand in a
sentence holding the expression: missed (and of those, whose name was read with another role)
and found, without printing a sentence: whether a cause read on new rounds recurs over the
rounds not read, and how many labels the wording already gives (round 22, issue-ppl22; the
false people's side is people_false.py's `--cue`).

Run: PYTHONPATH=.:bench python bench/people_missed_en.py [--rounds 16-23] [--show] [--lang en]
     [--cue REGEX]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from bench_people import load_roster, name_key
from people_false import context, earlier_of, reports_of, round_range

from worker.detect.people import extract_people
from worker.detect.roster import Roster

# The shapes, first match wins; each a regular expression over the sentence holding the name
# (hand-written: the shapes are a reading aid for the pool, not a rule of the detector).
SHAPES: list[tuple[str, re.Pattern[str]]] = [
    ("speaker label", re.compile(r"^\W*{name}\s*(?:\([^)]{{0,60}}\)\s*)?:")),
    (
        "greeting or thanks list",
        re.compile(r"\b(?:welcom|thank|greet|congratulat|grateful|salut)\w*", re.I),
    ),
    (
        "passive",
        re.compile(
            r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:attended|chaired|hosted|"
            r"presided|led|headed|addressed|joined|opened|received|organi[sz]ed|held|met|"
            r"welcomed|moderated|co-chaired)\b",
            re.I,
        ),
    ),
    (
        "participle or nominal phrase",
        re.compile(
            r"\b(?:accompanied by|joined by|attended by|chaired by|hosted by|presided over by|"
            r"led by|headed by|with the participation of|in the presence of|"
            r"together with|alongside|along with)\b",
            re.I,
        ),
    ),
    (
        "list after including / among",
        re.compile(r"\b(?:including|included|among them|among others|such as|as well as)\b", re.I),
    ),
    (
        "role told by a noun",
        re.compile(
            r"\b(?:host|hosts|guest|guests|speaker|speakers|keynote|moderator|participants|"
            r"attendees|delegates|co-chair|chairman of the meeting|panelists?)\b",
            re.I,
        ),
    ),
    (
        "cue before a copula (present were, joining X were, saw the attendance of)",
        re.compile(
            r"\b(?:present|joining|attending|participat\w*|in attendance|on hand|among those)\b"
            r"[^.;]{0,80}\b(?:were|was|are|is|included|include)\b|saw the (?:attendance|"
            r"participation|presence) of",
            re.I,
        ),
    ),
    (
        "speech told by said / says / reported",
        re.compile(r"\b(?:said|says|has said|stated|noted|stressed|reported|told)\b", re.I),
    ),
    (
        "an occasion by a verb of no cue (visit, tour, sign, hand over, witness, present)",
        re.compile(
            r"\b(?:visit\w*|tour\w*|sign\w*|hand\w* over|witness\w*|present\w*|inspect\w*|"
            r"award\w*|arriv\w*|laid|lay\w*|watch\w*|unveil\w*|launch\w*|call\w* on)\b",
            re.I,
        ),
    ),
    ("caption or heading", re.compile(r"^[^.!?]{0,140}$")),
    (
        "a list of titled names, the cue in another sentence",
        re.compile(r"(?:[A-Z][\w'-]+ [A-Z][\w'-]+,[^,]{3,90},){2}"),
    ),
]


def shape_of(
    sentence: str, name: str, given: Sequence[tuple[str, str]] = (), role: str = ""
) -> str:
    """The first shape of SHAPES the sentence holding `name` has. Before the word shapes: a
    sentence where the reading gave another name the labelled role (`given`) read its cue, so
    the miss is the list walked, not the cue ("a list partly read")."""
    head = re.compile(SHAPES[0][1].pattern.format(name=re.escape(name)))
    if head.search(sentence):
        return SHAPES[0][0]
    if sentence == "(not in text)":
        return "name not in the text as labelled"
    if any(r == role and n != name and n in sentence for n, r in given):
        return "a list partly read (the cue read, this item lost)"
    for label, pattern in SHAPES[1:]:
        if pattern.search(sentence):
            return label
    return "other (cue far from the names, a verb of no cue ...)"


def misses(
    got: list[tuple[str, str]], report: dict[str, Any], roster: Roster
) -> list[tuple[str, str, bool]]:
    have = {(name_key(n, roster), r) for n, r in got}
    names = {k for k, _ in have}
    out = []
    for p in report["people"]:
        key = name_key(p["name"], roster)
        if (key, p["role"]) not in have:
            out.append((p["name"], p["role"], key in names))
    return out


def cue_misses(rounds: range, cue: re.Pattern[str], roster: Roster, lang: str) -> None:
    """The current rules' misses and finds among the labels whose sentence (as `--show` gives
    it) holds `cue`, per round and over all, without printing a sentence."""
    print(f"  {'round':<6} {'missed':>6} {'(name read)':>11} {'found':>5}")
    total: Counter[str] = Counter()
    for k in rounds:
        counts: Counter[str] = Counter()
        for _, report in reports_of(k):
            if (report.get("language") or "en") != lang or not report["people"]:
                continue
            labelled = [
                p for p in report["people"] if cue.search(context(report["text"], p["name"]))
            ]
            if not labelled:
                continue
            got = extract_people(report["text"], roster, language=lang)
            have = {(name_key(p.name, roster), p.role) for p in got}
            names = {key for key, _ in have}
            for p in labelled:
                key = name_key(p["name"], roster)
                found = (key, p["role"]) in have
                counts["found" if found else "missed"] += 1
                counts["read"] += not found and key in names
        total.update(counts)
        print(f"  {k:<6} {counts['missed']:>6} {counts['read']:>11} {counts['found']:>5}")
    print(f"  {'all':<6} {total['missed']:>6} {total['read']:>11} {total['found']:>5}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", default="16-23")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--show", action="store_true")
    parser.add_argument(
        "--cue",
        default="",
        help="count the current rules' misses and finds among the labels whose sentence holds"
        " this regular expression (per round; no sentence printed)",
    )
    args = parser.parse_args(argv)
    rounds = round_range(args.rounds)
    roster = load_roster()
    if args.cue:
        cue_misses(rounds, re.compile(args.cue), roster, args.lang)
        return
    table: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, set[tuple[int, str]]] = defaultdict(set)
    print(f"  {'round':<6} {'labelled':>8} {'missed then':>11} {'still':>6} {'name read':>9}")
    for k in rounds:
        earlier = earlier_of(k)
        counts: Counter[str] = Counter()
        for style, report in reports_of(k):
            if (report.get("language") or "en") != args.lang or not report["people"]:
                continue
            then = [(str(p[0]), str(p[1])) for p in earlier.get(report["id"], [])]
            now = [
                (p.name, p.role) for p in extract_people(report["text"], roster, language=args.lang)
            ]
            still = {(n, r) for n, r, _ in misses(now, report, roster)}
            counts["labelled"] += len(report["people"])
            for n, r, read in misses(then, report, roster):
                sentence = context(report["text"], n)
                shape = shape_of(sentence, n, then, r)
                counts["then"] += 1
                counts["still"] += (n, r) in still
                counts["read"] += read
                table[shape]["then"] += 1
                table[shape]["still"] += (n, r) in still
                table[shape]["read"] += read
                where[shape].add((k, report.get("outlet") or style))
                where[shape + " rounds"].add((k, style))
                if args.show:
                    mark = "still" if (n, r) in still else "found"
                    print(
                        f"R{k} {report['id']} {style} | {n} | {r} | {mark}"
                        f"{' | name read' if read else ''} | {shape} | {sentence}"
                    )
        print(
            f"  {k:<6} {counts['labelled']:>8} {counts['then']:>11} {counts['still']:>6}"
            f" {counts['read']:>9}"
        )
    print(
        f"\n  {'shape':<40} {'missed':>6} {'still':>5} {'read':>5} {'rounds':>6} {'styles':>6}"
        f" {'outlets':>7}"
    )
    for shape, c in sorted(table.items(), key=lambda kv: -kv[1]["then"]):
        outlets = {o for _, o in where[shape]}
        rounds_ = {r for r, _ in where[shape + " rounds"]}
        styles = {s for _, s in where[shape + " rounds"]}
        print(
            f"  {shape[:40]:<40} {c['then']:>6} {c['still']:>5} {c['read']:>5}"
            f" {len(rounds_):>6} {len(styles):>6} {len(outlets):>7}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
