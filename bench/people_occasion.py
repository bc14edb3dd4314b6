"""What each frame of a report's occasion (`worker.detect.people_occasion`) would add to the
English and German readings of the dev reports, counted without printing a sentence (round 22,
issue-occ22).

For every dev report in English or German: the reading as it is (rules and model, no frame),
then every name the frames would give a role. Each addition is counted per frame and per group
of rounds: right (the labels hold that name in that role), wrong role (the labels hold the name
in another role), false (the labels lack the name; every addition to a no-attendee report is
false). Groups: `read` (rounds read for causes, `--read`), `select` (the even unread rounds up to
39: the frames are chosen on their counts), `judge` (the odd unread rounds up to 39) and `r41`
(round 21's validation split, never read); `--styles` splits each by style.

Run: PYTHONPATH=.:bench python bench/people_occasion.py [--read 40] [--styles] [--min 3]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter, defaultdict
from typing import Any

from bench_people import DATA, load_roster, name_key
from people_false import context

from worker.detect import people
from worker.detect.lang import detect_language
from worker.detect.model import Segment
from worker.detect.people import RulesReading, extract_people, occasion_sentences, read_people
from worker.detect.people_occasion import Added, occasion_people

_ROUND = re.compile(r"\.round(\d+)\.toml$")
ROSTER = load_roster()


def group_of(round_: int, read: set[int]) -> str:
    if round_ in read:
        return "read"
    if round_ == 41:
        return "r41"
    return "select" if round_ % 2 == 0 else "judge"


def reachable(
    report: dict[str, Any],
    reading: RulesReading,
    sentences: list[tuple[Segment, str]],
    c: Counter[str],
) -> None:
    """The labels the reading misses outright, by whether a list of the report holds the name
    at all ("right": what a frame here could reach)."""
    roster = reading.ctx.roster
    listed = {
        name_key(it.name, roster)
        for _, s in sentences
        for items in reading.ctx.lists_in(s)
        for it in items
    }
    got = {name_key(p.name, roster) for p in reading.people}
    for p in report["people"]:
        k = name_key(p["name"], roster)
        if k not in got:
            c["right" if k in listed else "false"] += 1


def additions(
    report: dict[str, Any], lang: str, frames: frozenset[str] | None
) -> tuple[RulesReading, list[tuple[Segment, str]], list[Added]]:
    """The reading (no frame) and what `frames` add to it (each frame's own when None)."""
    reading = read_people(report["text"], ROSTER, language=lang)
    read_in: dict[str, set[str]] = {}
    for person, place in zip(reading.people, reading.places, strict=False):
        if place:
            read_in.setdefault(reading.sentences[place - 1][1], set()).add(person.name.casefold())
    sentences = occasion_sentences(reading.texts, lang)
    added = occasion_people(
        sentences,
        reading.people,
        reading.ctx,
        german=lang == "de",
        frames=frames,
        read_in=read_in,
        every=frames is None,
    )
    return reading, sentences, added


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--read", default="40", help="rounds read for causes, comma-separated")
    parser.add_argument("--styles", action="store_true", help="split the groups by style")
    parser.add_argument("--show", action="store_true", help="print the read rounds' additions")
    parser.add_argument("--only", default="", help="frames whose names start so (comma-separated)")
    parser.add_argument("--ids", action="store_true", help="print each addition's report id")
    parser.add_argument("--min", type=int, default=1, help="frames with at least this many")
    args = parser.parse_args(argv)
    read = {int(r) for r in args.read.split(",") if r}
    frames = frozenset(args.only.split(",")) if args.only else None
    saved = people.OCCASION_FRAMES
    people.OCCASION_FRAMES = frozenset()
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for path in sorted((DATA / "dev").glob("*.toml")):
        m = _ROUND.search(path.name)
        round_ = int(m.group(1)) if m else 1
        style = "none" if path.stem.startswith("none") else path.stem.split(".")[0]
        if style in ("zh_cn", "zh_hant"):
            continue
        group = group_of(round_, read)
        where = f"{group}/{style}" if args.styles else group
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            lang = report.get("language") or detect_language(report["text"])
            if lang not in ("en", "de"):
                continue
            reading, sentences, added = additions(report, lang, frames)
            if report["people"] and reading.people:
                reachable(report, reading, sentences, counts[("~missed outright", where)])
            if not added:
                continue
            now = extract_people(report["text"], ROSTER, language=lang)
            have = {(name_key(p.name, ROSTER), p.role) for p in now}
            want = {(name_key(p["name"], ROSTER), p["role"]) for p in report["people"]}
            wanted = {k for k, _ in want}
            for a in added:
                key = (name_key(a.name, ROSTER), a.role)
                if key in have:
                    continue
                mark = "right" if key in want else "role" if key[0] in wanted else "false"
                if args.ids:
                    print(f"R{round_} {report['id']} {a.frame} {mark}")
                if args.show and group == "read":
                    print(f"R{round_} {report['id']} {a.frame} {a.role} {a.name!r} {mark}")
                    print("     ", context(report["text"], a.name)[:300])
                family = a.frame.split(":")[0].split("-")[0] + " (all)"
                for f in (a.frame, family):
                    counts[(f, where)][mark] += 1
                    counts[(f, where)]["none"] += style == "none"
    people.OCCASION_FRAMES = saved
    table(counts, args.min)


def table(counts: dict[tuple[str, str], Counter[str]], least: int) -> None:
    frames = sorted({f for f, _ in counts})
    wheres = sorted({w for _, w in counts})
    print(
        f"  {'frame':<24} {'group':<18} {'right':>5} {'role':>5} {'false':>5} {'(none)':>6} {'P':>5}"
    )
    for f in frames:
        total = sum(sum(counts[(f, w)].values()) for w in wheres)
        if total < least:
            continue
        for w in wheres:
            c = counts.get((f, w))
            if not c:
                continue
            n = c["right"] + c["role"] + c["false"]
            p = c["right"] / n if n else 0.0
            print(
                f"  {f:<24} {w:<18} {c['right']:>5} {c['role']:>5} {c['false']:>5}"
                f" {c['none']:>6} {p:5.2f}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
