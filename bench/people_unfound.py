"""How many of the (name, role) labels the rules miss have a name the rules' name finder never
produces anywhere in the report (issue 9, round 11: is a learned proposer of new names worth
building?).

For each dev report with people, the misses are the labels the rules did not give: the rules
as they stood before the report's round reached dev (bench/people_earlier/, by
bench/people_rules_at.py; round 1 has none: today's rules) and today's rules. Each missed name
is put in one of four classes, by the names today's name finder gives over the whole text:

- ``read``: a candidate name of a sentence the rules read (what the learned second opinions,
  people_model and people_model_zh, can already score);
- ``unread``: the finder gives it, but only in sentences the rules skip (no cue word);
- ``part``: only a part or a longer form of it is found (a surname alone, a name run on into
  a title, two names read as one);
- ``none``: the finder never produces it anywhere in the report.

Latin: the names are `people_latin.sentence_lists` over every sentence of the normalised text;
Chinese: `people_model_zh`'s candidates (the rules' `zh_name_items` per clause, a name after a
title, the roster's names) over every sentence. A name matches a label by bench_people's
`name_key` (roster canonical name, pinyin, folded).

Run: PYTHONPATH=.:bench python bench/people_unfound.py [--today] [--show none] [--round 18]
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench_people import DATA, ROOT, load_roster, name_key

from worker.detect import people_model_zh
from worker.detect.people import (
    _normalised,
    _paragraphs,
    _past_dateline,
    _sentence_spans,
    extract_people,
    read_people,
)
from worker.detect.people_latin import Context, sentence_lists
from worker.detect.roster import Roster, has_han

EARLIER = ROOT / "bench" / "people_earlier"
CLASSES = ("read", "unread", "part", "none")


def round_of(path: Path) -> int:
    m = re.search(r"\.round(\d+)$", path.stem)
    return int(m.group(1)) if m else 1


def load_earlier() -> dict[str, list[list[str]]]:
    found: dict[str, list[list[str]]] = {}
    for path in [*sorted(EARLIER.glob("round*.json")), *sorted((EARLIER / "latin").glob("*.json"))]:
        found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def latin_names(text: str, lang: str, roster: Roster) -> Iterator[str]:
    """Every name the Latin name finder gives in any sentence of the text."""
    text = _normalised(text, lang)
    ctx = Context(roster, text, german=lang == "de")
    for paragraph in _paragraphs(text, han=has_han(text)):
        for start, end in _sentence_spans(paragraph, german=lang == "de"):
            for group in sentence_lists(_past_dateline(paragraph[start:end]), ctx):
                for item in group:
                    yield item.name


def zh_names(text: str, roster: Roster) -> Iterator[str]:
    """Every candidate name people_model_zh finds in any sentence of the text."""
    for paragraph in _paragraphs(text, han=True):
        for start, end in _sentence_spans(paragraph, zh=True):
            for m in people_model_zh.mentions([("body", paragraph[start:end])], roster):
                yield m.name


def read_names(text: str, lang: str, roster: Roster) -> set[str]:
    """The candidate names of the sentences the rules read (the learned models' domain)."""
    if lang == "zh":
        found: set[str] = set()
        real = people_model_zh.additions

        def record(sentences: Any, r: Roster, people: Any, model: Any = None) -> Iterator[Any]:
            found.update(m.name for m in people_model_zh.mentions(sentences, r))
            return iter(())

        people_model_zh.additions = record  # type: ignore[assignment]
        try:
            read_people(text, roster, language="zh")
        finally:
            people_model_zh.additions = real
        return found
    reading = read_people(text, roster, language=lang)
    return {
        item.name
        for _, sentence in reading.sentences
        for group in sentence_lists(sentence, reading.ctx)
        for item in group
    }


def _parts(key: str) -> set[str]:
    return set(key.split())


def classify(label: str, read: set[str], anywhere: set[str], zh: bool) -> str:
    if label in read:
        return "read"
    if label in anywhere:
        return "unread"
    for key in anywhere:
        if (zh and (key in label or label in key)) or (
            not zh and (_parts(key) <= _parts(label) or _parts(label) <= _parts(key))
        ):
            return "part"
    return "none"


def tally(
    report: dict[str, Any],
    roster: Roster,
    rulesets: list[tuple[str, set[tuple[str, str]] | None]],
) -> Iterator[tuple[str, str, str, str]]:
    """(which rules, class, name as labelled, role) of each label a reading of the rules
    missed (None: today's rules)."""
    text, lang = report["text"], report["language"]
    want = {(name_key(p["name"], roster), p["role"]): p["name"] for p in report["people"]}
    if lang == "zh":
        anywhere_names = set(zh_names(text, roster))
    else:
        anywhere_names = set(latin_names(text, lang, roster))
    read = {name_key(n, roster) for n in read_names(text, lang, roster)}
    anywhere = {name_key(n, roster) for n in anywhere_names} | read
    today: set[tuple[str, str]] | None = None
    for which, reading in rulesets:
        got = reading
        if got is None:
            if today is None:
                found = extract_people(text, roster, language=lang)
                today = {(name_key(p.name, roster), p.role) for p in found}
            got = today
        for key, role in sorted(want.keys() - got):
            yield which, classify(key, read, anywhere, lang == "zh"), want[key, role], role


def show(
    counts: dict[tuple[str, str], Counter[str]],
    by_round: dict[tuple[int, str], Counter[str]],
    *,
    earlier: bool,
) -> None:
    for which in ("earlier", "today"):
        print(f"\nmisses of the {which} rules: class counts (share)")
        for lang in ("en", "de", "zh", "all"):
            c = counts[which, lang]
            total = sum(c.values())
            if not total:
                continue
            cells = "  ".join(f"{k} {c[k]:4d} ({c[k] / total:.2f})" for k in CLASSES)
            print(f"  {lang:3s} missed {total:5d}: {cells}")
    if earlier:
        print("\nearlier rules, by round: missed / none")
        for (k, lang), c in sorted(by_round.items()):
            total = sum(c.values())
            print(f"  round {k:2d} {lang}: {total:4d} / {c['none']:3d} ({c['none'] / total:.2f})")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--today", action="store_true", help="misses of today's rules only")
    ap.add_argument("--show", choices=CLASSES, help="print the misses of this class")
    ap.add_argument("--round", type=int, help="only this round's files")
    args = ap.parse_args(argv)
    roster = load_roster()
    earlier = load_earlier()
    # counts[(which rules, language)][class]
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_round: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    for path in sorted((DATA / "dev").glob("*.toml")):
        k = round_of(path)
        if args.round and k != args.round:
            continue
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            lang = report.get("language")
            if lang not in ("en", "de", "zh") or not report.get("people"):
                continue
            rulesets: list[tuple[str, set[tuple[str, str]] | None]] = []
            if not args.today:
                if report["id"] in earlier:
                    got = {(name_key(n, roster), r) for n, r in earlier[report["id"]]}
                    rulesets.append(("earlier", got))
                elif k == 1:
                    rulesets.append(("earlier", None))  # round 1: today's rules
            rulesets.append(("today", None))
            shown = "today" if args.today else "earlier" if args.show else None
            for which, c, key, role in tally(report, roster, rulesets):
                counts[which, lang][c] += 1
                counts[which, "all"][c] += 1
                if which == "earlier":
                    by_round[k, lang][c] += 1
                if args.show == c and which == shown:
                    print(f"{report['id']}\t{key}\t{role}")
    show(counts, by_round, earlier=not args.today)


if __name__ == "__main__":
    main()
