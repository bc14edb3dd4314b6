"""Names read with the wrong role, or with one of two roles missing, counted by the cue of the
sentences that name them (round 26, branch issue-roles26).

For each report of the chosen dev files (English and German styles) and each person both the
extractor and the labels hold, the kind of confusion: `swap` (a role read that is not labelled,
and a labelled role not read), `missing` (a labelled role not read, every read role labelled),
`extra` (a read role not labelled, every labelled role read). The cue is the first wording of
`CUES` (in that order) found in a sentence of the report that names the person (the full name
as labelled, or its last word). Files: every dev round but round 44 and round 45's even ids
(the pool and round 45's odd ids, the ones that may be read), or `--rounds 45 --odd`.

Run: PYTHONHASHSEED=0 PYTHONPATH=.:bench python bench/people_roles26.py [--show CUE] [--kind swap]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from bench_people import DATA, load_roster, name_key

from worker.detect.people import extract_people
from worker.detect.roster import Roster

RoleMap = dict[str, set[str]]

# (label, pattern): the first that a sentence naming the person holds is its cue
CUES: list[tuple[str, re.Pattern[str]]] = [
    (label, re.compile(pattern))
    for label, pattern in [
        ("under the patronage", r"(?i)under the (?:patronage|auspices)|Schirmherr"),
        ("chaired/presided", r"(?i)\b(?:chair(?:ed|s|ing)?|presid(?:ed|es|ing)) (?:over )?"),
        ("co-chaired", r"(?i)co-?chair|co-?host"),
        ("hosted", r"(?i)\bhost(?:ed|s|ing)?\b|Gastgeber"),
        ("received", r"(?i)\breceiv(?:ed|es|ing)\b"),
        ("welcomed", r"(?i)\bwelcom(?:ed|es|ing)\b|begrüß"),
        ("empfing", r"(?i)empf(?:ing|angen|ängt)"),
        ("leitete", r"(?i)leitete|unter (?:dem )?Vorsitz|Vorsitz"),
        (
            "held talks/meeting with",
            r"(?i)\bh(?:eld|olds?|olding) (?:\w+ ){0,3}(?:talks|meeting|consultations|conversation|discussions?|negotiations)\b",
        ),
        ("met with", r"(?i)\bmee?ts?(?: with)?\b|\bmeeting with\b"),
        (
            "talks with",
            r"(?i)talks with|conversation with|\bcall with|spoke (?:by phone|on the phone) with",
        ),
        ("traf/Gespräch", r"(?i)\btraf\b|Gespräch|Treffen|getroffen"),
        ("delegation led by", r"(?i)delegation|led by|headed by"),
        (
            "attended",
            r"(?i)attend|took part|take part|participat|joined|nahm|teilnahm|teilgenommen|dabei",
        ),
        ("accompanied", r"(?i)accompan|begleit"),
        ("opened", r"(?i)\bopen(?:ed|s)\b|eröffne"),
        ("visit", r"(?i)visit|tour|inspect|besuch"),
        ("speech", r"(?i)speech|address|remarks|spoke|Rede|sprach|Grußwort"),
    ]
]


_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def _cue(text: str, name: str) -> tuple[str, str]:
    parts = _SPLIT.split(text)
    sentences = [s for s in parts if name in s] or [s for s in parts if name.split()[-1] in s]
    for label, pattern in CUES:
        for s in sentences:
            if pattern.search(s):
                return label, s
    return "other", sentences[0] if sentences else "(not in text)"


def _reports(rounds: set[int], odd_only: bool, langs: set[str]) -> Iterator[dict[str, Any]]:
    """The readable reports: not none*, not round 44, not round 45's even ids."""
    for path in sorted((DATA / "dev").glob("*.toml")):
        rnd = int(path.stem.split(".round")[1]) if ".round" in path.stem else 0
        if path.stem.startswith("none") or rnd == 44 or (rounds and rnd not in rounds):
            continue
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            odd = int(re.sub(r"\D", "", report["id"][-2:]) or 0) % 2 == 1
            if (report.get("language") or "en") not in langs:
                continue
            if (rnd == 45 or odd_only) and not odd:
                continue  # round 45's even ids: judged, never read
            yield report


def _roles(report: dict[str, Any], roster: Roster) -> tuple[RoleMap, RoleMap, dict[str, str]]:
    lang = report.get("language") or "en"
    got: RoleMap = defaultdict(set)
    want: RoleMap = defaultdict(set)
    names: dict[str, str] = {}
    for p in extract_people(report["text"], roster, language=lang):
        got[name_key(p.name, roster)].add(p.role)
    for q in report["people"]:
        key = name_key(q["name"], roster)
        want[key].add(q["role"])
        names.setdefault(key, q["name"])
    return got, want, names


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", default="", help="only these rounds (comma-separated)")
    parser.add_argument("--odd", action="store_true", help="only odd-numbered ids")
    parser.add_argument("--show", default="", help="list the sightings of this cue")
    parser.add_argument("--kind", default="", help="only this kind (swap, missing, extra)")
    parser.add_argument("--langs", default="en,de")
    args = parser.parse_args(argv)
    rounds = {int(r) for r in args.rounds.split(",") if r}
    roster = load_roster()
    counts: Counter[tuple[str, str, str, str]] = Counter()
    shown: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for report in _reports(rounds, args.odd, set(args.langs.split(","))):
        got, want, names = _roles(report, roster)
        for key in got.keys() & want.keys():
            extra, lost = got[key] - want[key], want[key] - got[key]
            kind = "swap" if extra and lost else "missing" if lost else "extra" if extra else ""
            if not kind or (args.kind and kind != args.kind):
                continue
            cue, sentence = _cue(report["text"], names[key])
            read = "/".join(sorted(extra)) or "-"
            row = (kind, f"{read} for {'/'.join(sorted(lost)) or '-'}", cue, report["language"])
            counts[row] += 1
            if args.show and args.show == cue:
                shown[row].append(
                    f"{report['id']} [{names[key]}] read {sorted(got[key])} "
                    f"labelled {sorted(want[key])}: {sentence[:300]}"
                )
    for row, n in counts.most_common():
        print(f"{n:5d}  {' | '.join(row)}")
        for line in shown.get(row, []):
            print(f"         {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
