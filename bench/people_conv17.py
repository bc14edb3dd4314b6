"""Round 17's four wordings labelled two ways (issue 9, branch issue-conv17): for each, every dev
sentence holding the wording, the people of that sentence and the roles the labels give them,
counted by round, blind rounds (held-out splits moved to dev) apart from the rest.

Dev data only (labels are read). Run:
  PYTHONPATH=.:bench python bench/people_conv17.py [--wording honoured] [--show] [--extractor]
(--extractor adds the names the current extractor finds, so that unlabelled people are seen)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from people_conventions import _lang, _places, dev_reports

from worker.detect.attendees import unannotated
from worker.detect.people import extract_people
from worker.detect.roster import to_simplified

# held-out splits later moved to dev (LABELLING.md, Layout): round 1's test split (2), the test
# splits of rounds 2-6 (5-9), round 7's validation and test (11, 12), round 8's (13, 14), and
# every test and validation split of rounds 9-16 (16-31)
BLIND = {2, 5, 6, 7, 8, 9, 11, 12, 13, 14, *range(16, 32)}

_DE_HONOUR = (
    r"Ehrennadel|Medaille|Stadtmedaille|Verdienstkreuz|Verdienstmedaille|Urkunde|Ehrenurkunde|"
    r"Auszeichnung|Preis|Orden|Ehrenbrief|Ehrenzeichen|Plakette|Ehrenamtspreis|Ehrenring|"
    r"Verdienstabzeichen"
)
WORDINGS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    # people honoured at a ceremony (the recipients)
    "honoured": [
        ("de", re.compile(r"\b(?:[Aa]usgezeichnet|geehrt)\b")),
        ("de", re.compile(r"\b(?:nahmen|nahm)\b[^.;]*\bentgegen\b")),
        ("de", re.compile(r"\berhielt(?:en)?\b[^.;]{0,60}(?:" + _DE_HONOUR + r")")),
        ("de", re.compile(r"(?:" + _DE_HONOUR + r")[^.;]{0,60}\berhielt(?:en)?\b")),
        (
            "en",
            re.compile(
                r"\b(?:received|accepted)\s+(?:the|an?|their|his|her)\s+(?:\w+\s+){0,3}?"
                r"(?:award|medal|prize|order|honou?r|decoration|title|certificate)s?\b"
                r"|\b(?:were|was)\s+(?:also\s+)?(?:honou?red|awarded|decorated)\b",
                re.I,
            ),
        ),
        ("zh", re.compile(r"受到表彰|受表彰|获颁|荣获|获授")),
    ],
    # the honoured as the object of a presenting: "presented X with", "awarded to X", "überreichte
    # ... an X", "Verleihung ... an X", 向X颁发, 为X颁奖, 颁给 (every name of the sentence is shown:
    # the presenter among them, round 15's rule)
    "honoured_object": [
        (
            "en",
            re.compile(
                r"\bpresent(?:ed|s)\s+(?:\w+\s+){1,6}?with\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,3}?"
                r"(?:award|medal|prize|order|decoration|certificate|title)s?\b|\b(?:award|medal|prize|"
                r"order|decoration)s?\s+(?:\w+\s+){0,4}?(?:was|were)\s+(?:presented|awarded|given)\s+to\b",
                re.I,
            ),
        ),
        (
            "de",
            re.compile(r"\b(?:überreichte|überreichten|Verleihung|verliehen)\b[^.;]{0,80}\ban\b"),
        ),
        ("zh", re.compile(r"[向为给][^，。；]{1,20}颁(?:发|授|奖)|颁(?:发|授)给")),
    ],
    # a host who receives or welcomes guests: the subject before the verb
    "host_de": [("de", re.compile(r"\b(?:empfing|empfingen|begrüßte|begrüßten)\b"))],
    "host_en": [
        (
            "en",
            re.compile(
                r"\b(?:received|receives|welcomed|welcomes)\s+(?!credential|letter|an?\s+award|"
                r"the\s+award|brief|report|request)",
            ),
        )
    ],
    # "present" against "attended" (the guide: "present at the meeting were", "were also
    # present" -> present)
    "present_en": [
        (
            "en",
            re.compile(
                r"\b(?:were|was|is|are)\s+(?:\w+\s+){0,2}?present\b(?!\s+(?:a|an|the|his|her)\b)"
                r"|\bpresent\s+(?:at\s+(?:\w+\s+){0,6}?)?(?:were|was)\b|\bin the presence of\b",
                re.I,
            ),
        )
    ],
    "hosted_en": [("en", re.compile(r"\bhost(?:ed|s)\b(?!\s+by)"))],
    # English "hosted a meeting / talks with <person>"
    "hosted_with": [
        (
            "en",
            re.compile(
                r"\bhost(?:ed|s|ing)?\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+){0,3}?"
                r"(?:meeting|talks|conversation|negotiations|dialogue|call|discussion|"
                r"session|summit)s?\s+(?:\w+\s+){0,4}?with\b",
                re.I,
            ),
        ),
    ],
}


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for found in re.finditer(r"(?<=[.!?。！？；;])\s*|\n+", text):
        if found.start() > start:
            out.append((start, found.start()))
        start = found.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


Treated = tuple[str, str]  # (name, "presided+spoke" or "-")


def sentence_people(
    sent: str, lang: str, names: set[str], roles: dict[str, set[str]], first: int
) -> tuple[list[Treated], Treated | None]:
    """Every name of the sentence with its labelled roles, and the nearest one before the
    wording (its subject)."""
    found: list[Treated] = []
    subject, subject_at = None, -1
    for name in sorted(names):
        written = to_simplified(name) if lang == "zh" else name
        places = [a for a, _ in _places(sent, written, lang)]
        if not places:
            continue
        treat = "+".join(sorted(roles.get(name, ()))) or "-"
        found.append((name, treat))
        before = [a for a in places if a < first]
        if before and max(before) > subject_at:
            subject, subject_at = (name, treat), max(before)
    return found, subject


def report_sightings(
    report: dict[str, Any], wording: str, extractor: bool, subject_only: bool
) -> Iterator[tuple[str, list[Treated]]]:
    """(sentence, the people counted) of each sentence of the report holding the wording."""
    lang = _lang(report)
    pats = [p for wl, p in WORDINGS[wording] if wl == lang]
    text = to_simplified(report["text"]) if lang == "zh" else report["text"]
    if not pats or not any(p.search(text) for p in pats):
        return
    roles: dict[str, set[str]] = defaultdict(set)
    for p in report["people"]:
        roles[unannotated(p["name"])].add(p["role"])
    names = set(roles)
    if extractor:
        names |= {p.name for p in extract_people(report["text"])}
    for s, e in sentences(text):
        sent = text[s:e]
        if not any(p.search(sent) for p in pats):
            continue
        first = min(m.start() for p in pats for m in p.finditer(sent))
        found, subject = sentence_people(sent, lang, names, roles, first)
        if subject_only:
            if subject is None:
                continue
            found = [subject]
        yield sent.strip()[:300], found


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wording", action="append", default=[])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--extractor", action="store_true")
    parser.add_argument(
        "--subject", action="store_true", help="count only the nearest name before the wording"
    )
    args = parser.parse_args(argv)
    for wording in args.wording or list(WORDINGS):
        per_round: dict[int, Counter[str]] = defaultdict(Counter)
        shown = []
        for round_, report in dev_reports(None):
            for sent, found in report_sightings(report, wording, args.extractor, args.subject):
                per_round[round_].update(treat for _, treat in found)
                shown.append((round_, report["id"], sent, found))
        blind: Counter[str] = Counter()
        rest: Counter[str] = Counter()
        for round_, c in per_round.items():
            (blind if round_ in BLIND else rest).update(c)
        print(f"== {wording}: blind {dict(blind.most_common())}  rest {dict(rest.most_common())}")
        for round_ in sorted(per_round):
            print(f"  r{round_}{'*' if round_ in BLIND else ''}: {dict(per_round[round_])}")
        if args.show:
            for round_, rid, sent, found in shown:
                print(f"  [{round_}] {rid}: {found}\n      {sent}")


if __name__ == "__main__":
    main(sys.argv[1:])
