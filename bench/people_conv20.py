"""Round 20's wordings labelled two ways (issue 9, branch issue-label20): rounds 36 and 37's
collectors flagged wordings in their notes, and the lead named others; each is counted here over
every dev round, blind rounds (held-out splits moved to dev) apart from the rest.

For each wording, every dev sentence holding it, the person it governs (the nearest labelled name
before it: `subject`; the names after it: `after`; or every name of the sentence: `all`) and the
labels the report gives that person, summed up as the wording's two ways (`WAYS`). Counts are
people in reports (one per person per report) and reports.

- `press_lead`: one person holding, giving or leading a press conference or a briefing ("held a
  press conference", "gab eine Pressekonferenz", 召开/举行新闻发布会, 举行记者会): `presided` or not;
- `zhuli`: officiating guests (主礼, 主禮, 莅临主礼, 主礼嘉宾): `presided` or `attended` alone;
- `shuoming`: explaining a draft or a plan to a meeting (作关于…的说明, 就…作说明, 作了说明): `spoke`
  or not;
- `xuandu`: reading a document out (宣读): `spoke` or not;
- `exec_chair`: the executive chairs of a session (执行主席, 執行主席): `presided` or not;
- `delegation`: a host meeting or receiving a delegation led by a named person ("met with a
  delegation led by X", 会见以X为团长的代表团, 會見X率領的代表團): `presided` or not;
- `opens_session`: opening a session or a meeting of a body ("eröffnete die Sitzung", "opened the
  session", 宣布会议开幕 is round 14's declaring and not counted here): `presided` or not;
- `airport`: greeting a named guest at the airport (接机, 接機, "met at the airport by", "am
  Flughafen ... begrüßt"): labelled (`attended`) or not (needs --extractor to see the unlabelled).

Dev data only (labels are read). Run:
  PYTHONPATH=.:bench python bench/people_conv20.py [--wording NAME] [--show] [--extractor]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from people_conv17 import sentence_people, sentences
from people_conventions import _lang, _places, dev_reports

from worker.detect.attendees import unannotated
from worker.detect.roster import to_simplified

# held-out splits later moved to dev (LABELLING.md, Layout): round 1's test split (2), the test
# splits of rounds 2-6 (5-9), round 7's validation and test (11, 12), round 8's (13, 14), and
# every test and validation split of rounds 9-25 (16-45)
BLIND = {2, 5, 6, 7, 8, 9, 11, 12, 13, 14, *range(16, 46)}

_I = re.I
WORDINGS: dict[str, tuple[str, list[tuple[str, re.Pattern[str]]]]] = {
    "press_lead": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\b(?:held|holds|gave|gives|hosted|hosts|led|chaired|convened)\s+(?:a|an|"
                    r"the|his|her|their|its)?\s*(?:\w+\s+){0,3}?(?:press|news)\s+(?:conference|"
                    r"briefing)s?\b",
                    _I,
                ),
            ),
            (
                "de",
                re.compile(
                    r"\b(?:gab|gaben|hielt|hielten|leitete)\s+(?:\w+\s+){0,4}?"
                    r"(?:Pressekonferenz|Medienkonferenz|Pressegespräch)"
                ),
            ),
            (
                "zh",
                re.compile(
                    r"(?:召开|举行|举办|主持)(?:了)?[^，。；]{0,12}(?:新闻发布会|记者会|记者招待会|"
                    r"新闻发布|吹风会)"
                ),
            ),
        ],
    ),
    "zhuli": ("all", [("zh", re.compile(r"主礼"))]),
    "shuoming": (
        "subject",
        [
            (
                "zh",
                re.compile(
                    r"作(?:了)?(?:关于)?[^，。；]{0,40}(?:的)?说明|就[^，。；]{1,40}作(?:了)?说明"
                ),
            )
        ],
    ),
    "xuandu": ("subject", [("zh", re.compile(r"宣读"))]),
    "exec_chair": ("all", [("zh", re.compile(r"执行主席"))]),
    "delegation": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\b(?:met|meets|received|receives|meeting)\s+(?:with\s+)?(?:a|an|the)\s+"
                    r"(?:[\w-]+\s+){0,5}?delegation\s+(?:[\w-]+\s+){0,6}?(?:led|headed)\s+by\b",
                    _I,
                ),
            ),
            (
                "de",
                re.compile(
                    r"\b(?:empfing|traf|trafen|empfangen)\b[^.]{0,80}\bDelegation\b[^.]{0,40}"
                    r"\b(?:unter\s+(?:der\s+)?Leitung|angeführt|geleitet|mit\s+\w+\s+an\s+der\s+Spitze)"
                ),
            ),
            (
                "zh",
                re.compile(
                    r"(?:会见|接见|会晤|会谈)(?:了)?[^，。；]{0,30}(?:率领|带领|率|为团长)[^，。；]{0,20}"
                    r"(?:代表团|访问团|考察团|访华团|团)"
                ),
            ),
        ],
    ),
    "opens_session": (
        "subject",
        [
            (
                "de",
                re.compile(
                    r"\b(?:eröffnete|eröffneten)\s+(?:\w+\s+){0,3}?(?:die|den|das)\s+(?:\w+\s+)?"
                    r"(?:\w*[Ss]itzung|\w*[Vv]ersammlung|Beratung|Tagung|Gemeinderat|Stadtrat|Kreistag"
                    r"|Landtag|Konferenz)"
                ),
            ),
            (
                "en",
                re.compile(
                    r"\bopen(?:ed|s)\s+the\s+(?:\w+\s+){0,3}?(?:session|meeting|sitting|plenary)\b",
                    _I,
                ),
            ),
        ],
    ),
    "airport": (
        "all",
        [
            ("zh", re.compile(r"接机|机场[^，。；]{0,12}(?:迎接|欢迎|接)")),
            (
                "en",
                re.compile(
                    r"\b(?:greeted|met|welcomed|received)\s+(?:\w+\s+){0,6}?at\s+(?:the\s+)?"
                    r"(?:\w+\s+){0,3}?(?:airport|air\s+terminal)|\bairport\b[^.]{0,60}\b(?:greeted|"
                    r"met|welcomed|received)\s+by\b",
                    _I,
                ),
            ),
            (
                "de",
                re.compile(r"\bFlughafen\b[^.]{0,80}\b(?:begrüßt|empfangen|begrüßte|empfing)\b"),
            ),
        ],
    ),
}


# the two ways a wording's person is labelled (a label set -> the way it counts for)
def _presided(rs: set[str]) -> str:
    return "presided" if "presided" in rs else "not presided"


WAYS: dict[str, Callable[[set[str]], str]] = {
    "press_lead": _presided,
    "zhuli": lambda rs: "presided" if "presided" in rs else ("attended" if rs else "unlabelled"),
    "shuoming": lambda rs: "spoke" if "spoke" in rs else "no spoke",
    "xuandu": lambda rs: "spoke" if "spoke" in rs else "no spoke",
    "exec_chair": _presided,
    "delegation": _presided,
    "opens_session": _presided,
    "airport": lambda rs: "+".join(sorted(rs)) if rs else "unlabelled",
}


def _roles(report: dict[str, Any]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = defaultdict(set)
    for p in report["people"]:
        roles[unannotated(p["name"])].add(p["role"])
    return roles


def report_sightings(
    report: dict[str, Any],
    wording: str,
    extractor: bool,
    wordings: dict[str, Any] | None = None,
    width: int = 240,
) -> Iterator[tuple[str, list[tuple[str, set[str]]]]]:
    """(sentence, [(person, labels)]) of each sentence of the report holding the wording
    (`wordings`: another script's table of the same shape, people_conv22's; `width`: the
    sentence's characters kept)."""
    part, pats_all = (wordings or WORDINGS)[wording]
    lang = _lang(report)
    pats = [p for wl, p in pats_all if wl == lang]
    text = to_simplified(report["text"]) if lang == "zh" else report["text"]
    if not pats or not any(p.search(text) for p in pats):
        return
    roles = _roles(report)
    names = set(roles)
    if extractor:
        from worker.detect.people import extract_people

        names |= {unannotated(p.name) for p in extract_people(report["text"])}
    for s, e in sentences(text):
        sent = text[s:e]
        found_at = [m for p in pats for m in p.finditer(sent)]
        if not found_at:
            continue
        first = min(m.start() for m in found_at)
        found, subject = sentence_people(sent, lang, names, roles, first)
        if part == "subject":
            people = [subject[0]] if subject else []
        elif part == "after":
            people = [
                n
                for n, _ in found
                if any(
                    a >= first
                    for a, _ in _places(sent, to_simplified(n) if lang == "zh" else n, lang)
                )
            ]
        else:
            people = [n for n, _ in found]
        if people:
            yield sent.strip()[:width], [(n, roles.get(n, set())) for n in people]


Tally = dict[tuple[str, str], Counter[str]]  # (blind, way) -> people by language
Sightings = Callable[[dict[str, Any], str, bool], Iterator[tuple[str, list[tuple[str, set[str]]]]]]


def count(
    wording: str,
    show: bool,
    extractor: bool,
    rounds: set[int] | None = None,
    ways: dict[str, Callable[[set[str]], str]] | None = None,
    sightings: Sightings | None = None,
) -> tuple[Tally, dict[tuple[str, str], set[str]]]:
    """Per (blind|other, way): people by language, and the reports, over the dev `rounds`
    (every round by default); `ways` and `sightings` are another script's table and reading
    of the same shape (people_conv22's)."""
    way_of = (ways or WAYS)[wording]
    sightings = sightings or report_sightings
    people: Tally = defaultdict(Counter)
    reports: dict[tuple[str, str], set[str]] = defaultdict(set)
    rounds_of: dict[tuple[str, str], set[int]] = defaultdict(set)
    for round_, report in dev_reports(rounds):
        seen: set[str] = set()
        blind = "blind" if round_ in BLIND else "other"
        for sent, found in sightings(report, wording, extractor):
            shown = []
            for name, rs in found:
                way = way_of(rs)
                shown.append(f"{name}={'+'.join(sorted(rs)) or '-'}")
                if name in seen:
                    continue
                seen.add(name)
                people[(blind, way)][_lang(report)] += 1
                reports[(blind, way)].add(report["id"])
                rounds_of[(blind, way)].add(round_)
            if show:
                star = "*" if round_ in BLIND else ""
                print(f"  [r{round_}{star}] {report['id']}: {', '.join(shown)}\n      {sent}")
    for key in sorted(people):
        blind, way = key
        print(
            f"== {wording} {blind} {way}: {sum(people[key].values())} people "
            f"({dict(people[key])}) in {len(reports[key])} reports, rounds "
            f"{','.join(map(str, sorted(rounds_of[key])))}"
        )
    return people, reports


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wording", action="append", default=[])
    parser.add_argument("--show", action="store_true")
    parser.add_argument(
        "--extractor", action="store_true", help="also the names the extractor finds (unlabelled)"
    )
    args = parser.parse_args(argv)
    for wording in args.wording or list(WORDINGS):
        count(wording, args.show, args.extractor)


if __name__ == "__main__":
    main(sys.argv[1:])
