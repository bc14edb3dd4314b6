"""Hong Kong and Macao names across scripts in the dev data: how many a comparison ties.

    PYTHONPATH=.:bench python bench/people_cantonese.py [--show]

Two counts, each over dev data only:

- events: every labelled event of the events dev pool with a report in letters and one in
  Chinese characters; each person the report in letters puts in a role under a name in
  Cantonese shape (`cantonese.latin_syllables`: "Leung Chun-ying", "Paul Chan Mo-po") or a
  Hong Kong surname after an English given name ("Paul Chan"), and whether a Chinese report
  of the event puts them in a role too: tied by the roster or pinyin (the keys grouping
  compares), by Cantonese (`cantonese.same_name`), or by no one;
- pairs: the dev pairs of a report in letters and one in characters, the same count.

A name the other report names in no role is counted apart ("named only": the mention filter's
case, `cantonese.in_han_text`).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

from bench.events_data import load
from worker.detect import cantonese
from worker.detect.events import person_key
from worker.detect.people import extract_people
from worker.detect.roster import has_han, to_simplified
from worker.service.seeds import load_roster

DATA = Path(__file__).parent / "data" / "people"


def _hk(name: str) -> bool:
    return not has_han(name) and bool(
        cantonese.latin_syllables(name) or cantonese._hk_surname(name)
    )


def _tally(latin_text: str, han_texts: list[str], roster, counts: Counter, show: str) -> None:
    latin_people = extract_people(latin_text, roster)
    han_people = [p for t in han_texts for p in extract_people(t, roster)]
    han_keys = {person_key(p.name, p.canonical)[0] for p in han_people}
    seen = set()
    for p in latin_people:
        if p.name in seen or not _hk(p.name):
            continue
        seen.add(p.name)
        key = person_key(p.name, p.canonical)[0]
        if key in han_keys:
            how = "roster or pinyin"
        elif any(cantonese.same_name(p.name, q.name) for q in han_people if has_han(q.name)):
            how = "cantonese"
        elif any(cantonese.in_han_text(p.name, to_simplified(t)) for t in han_texts):
            how = "named only (cantonese)"
        else:
            how = "no one"
        counts[how] += 1
        if show:
            print(f"  {show}: {p.name} -> {how}")


def _events(roster, show: bool) -> Counter[str]:
    events: dict[str, list] = defaultdict(list)
    for r in load("dev"):
        if not r.event.startswith("single:"):
            events[r.event].append(r)
    counts: Counter[str] = Counter()
    for event, reports in sorted(events.items()):
        han = [f"{r.title}\n{r.text}" for r in reports if has_han(r.title + r.text[:300])]
        latin = [f"{r.title}\n{r.text}" for r in reports if not has_han(r.title + r.text[:300])]
        for text in latin if han else ():
            _tally(text, han, roster, counts, event if show else "")
    return counts


def _pairs(roster, show: bool) -> Counter[str]:
    texts = {}
    for path in sorted((DATA / "dev").glob("*.toml")):
        for r in tomllib.loads(path.read_text("utf-8")).get("report", []):
            texts[r["id"]] = r["text"]
    counts: Counter[str] = Counter()
    for path in sorted((DATA / "pairs").glob("*.toml")):
        if path.name.startswith(("test_", "val_")):
            continue  # held out: never opened
        pairs = tomllib.loads(path.read_text("utf-8")).get("pair", [])
        for pair in [pairs] if isinstance(pairs, dict) else pairs:
            if pair.get("split", "dev") != "dev":
                continue
            a = pair.get("a_text") or texts[pair["a"]]
            b = pair.get("b_text") or texts[pair["b"]]
            if has_han(a[:300]) != has_han(b[:300]):
                latin, han = (b, a) if has_han(a[:300]) else (a, b)
                _tally(latin, [han], roster, counts, pair["id"] if show else "")
    return counts


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    roster = load_roster()
    print(f"events dev, HK names in letters put in a role: {dict(_events(roster, args.show))}")
    print(f"dev pairs across scripts, the same: {dict(_pairs(roster, args.show))}")


if __name__ == "__main__":
    main(sys.argv[1:])
