"""Round 23's wordings labelled two ways (issue 9, branch issue-conv23): the questions round 22's
blind collectors (who read only LABELLING.md) left unsettled, and those round 22's count left
open; each counted over every dev round, blind rounds (held-out splits moved to dev) apart from
the rest.

For each wording, every dev sentence holding it, the person it governs (the nearest labelled name
before it: `subject`; every name of the sentence: `all`) and the labels the report gives that
person, summed up as the label set (`attended+presided`, `-` for none). Counts are people in
reports (one per person per report) and reports. The reading and the count are people_conv20's
(over this script's table), as people_conv22 does.

- `chuanda`: relaying a document, a higher meeting or a leader's instructions to a meeting (传达,
  傳達): the relayer's label set;
- `delegation`: a host meeting or receiving a delegation led by a named person (people_conv22's
  patterns: "met with a delegation led by X", "X and his delegation", 会见X率领的代表团, 会见X一行):
  the host's label set;
- `oath_admin`: the one administering an oath in English or German ("administered the oath",
  "swore X in", "sworn in by X", "X vereidigte", "von X vereidigt", "nahm den Eid ab"): the label
  set (the Chinese 监誓 was settled in round 22);
- `performers`: people performing at an occasion (performed, sang, played, 表演, 演唱, 献唱, 演奏,
  trat auf, sang, spielte): the label set;
- `greeters`: people greeting arriving guests (greeted the guests at the entrance, receiving line,
  迎宾, 在门口迎接, begrüßte ... am Eingang): the label set;
- `answered`: someone answering reporters' questions (answered questions from reporters, 回答记者
  提问, 答记者问, beantwortete Fragen der Journalisten): the label set of every name of the
  sentence (the minister beside them among them);
- `member_reports`: people 'reported on' / 'gave a report' / 作汇报 / berichtete at a body's
  meeting (people_conv22's pattern): the label set;
- `background`: people told only in a background sentence (people_conv22's pattern): the label
  set of every name of the sentence.

Dev data only (labels are read). Run:
  PYTHONPATH=.:bench python bench/people_conv23.py [--wording NAME] [--show] [--extractor]
      [--rounds 1-42]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from people_conv20 import Tally
from people_conv20 import count as conv20_count
from people_conv20 import report_sightings as conv20_sightings
from people_conv22 import WORDINGS as CONV22_WORDINGS
from people_conventions import parse_rounds

_I = re.I
Patterns = list[tuple[str, re.Pattern[str]]]

WORDINGS: dict[str, tuple[str, Patterns]] = {
    "chuanda": ("subject", [("zh", re.compile(r"传达"))]),
    "delegation": (
        "subject",
        [
            *CONV22_WORDINGS["delegation"][1],
            # people_conv22's English pattern reads no dotted word before "delegation" ("a U.S.
            # congressional delegation led by"): this one does
            (
                "en",
                re.compile(
                    r"\b(?:met|meets|received|receives|meeting)\s+(?:with\s+)?(?:a|an|the)\s+"
                    r"(?:[\w.'-]+\s+){0,5}?delegation\s+(?:[\w.'-]+\s+){0,6}?(?:led|headed)\s+by\b",
                    _I,
                ),
            ),
        ],
    ),
    "oath_admin": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\badminister(?:ed|s|ing)\s+(?:\w+\s+){0,3}?oaths?\b|\bswore\s+(?:[\w.'-]+\s+)"
                    r"{1,8}?in\b",
                    _I,
                ),
            ),
            (
                "de",
                re.compile(
                    r"\b(?:vereidigte|vereidigten|vereidigt)\b|\b(?:nahm|nahmen)\s+(?:\w+\s+){0,6}?"
                    r"(?:Eid|Amtseid|Gelöbnis)\s+ab\b"
                ),
            ),
        ],
    ),
    # the agent of a passive ("The Cabinet sworn in by President X"): the names after the wording
    "oath_admin_by": (
        "after",
        [
            (
                "en",
                re.compile(
                    r"\bsworn\s+in\s+by\b|\boaths?\s+(?:\w+\s+){0,3}?administered\s+by\b", _I
                ),
            )
        ],
    ),
    "performers": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\b(?:performed|performs|performing|sang|sings|played\s+(?:\w+\s+){0,3}?"
                    r"(?:music|songs?|piano|violin|guitar|pieces?)|entertained)\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"表演|演唱|献唱|演奏|演出|献艺|献舞|合唱")),
            (
                "de",
                re.compile(
                    r"\b(?:trat(?:en)?\s+(?:\w+\s+){0,4}?auf|sang|sangen|spielte\w*\s+(?:\w+\s+)"
                    r"{0,4}?(?:Musik|Lied\w*|Stück\w*|Klavier|Gitarre)|musikalisch\w*\s+"
                    r"(?:umrahmt|begleitet|gestaltet))\b"
                ),
            ),
        ],
    ),
    "greeters": (
        "all",
        [
            (
                "en",
                re.compile(
                    r"\b(?:greeted|greeting|welcomed|welcoming)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
                    r"(?:guests|arrivals|visitors|participants|delegates)\b|\breceiving\s+line\b"
                    r"|\bat\s+the\s+(?:entrance|door)\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"门口|迎宾|门前|在门外")),
            ("de", re.compile(r"\b(?:am\s+Eingang|an\s+der\s+Tür|Spalier)\b")),
        ],
    ),
    "answered": (
        "all",
        [
            (
                "en",
                re.compile(
                    r"\banswer(?:ed|s|ing)\s+(?:\w+\s+){0,3}?questions\b|\b(?:took|fielded|"
                    r"taking)\s+(?:\w+\s+){0,2}?questions\b",
                    _I,
                ),
            ),
            (
                "zh",
                re.compile(r"回答(?:了)?[^，。；]{0,12}(?:记者|媒体)?[^，。；]{0,4}提问|答记者问"),
            ),
            ("de", re.compile(r"\bbeantwortete\w*\s+(?:\w+\s+){0,4}?Fragen\b")),
        ],
    ),
    "member_reports": CONV22_WORDINGS["member_reports"],
    "background": CONV22_WORDINGS["background"],
}


def _set(rs: set[str]) -> str:
    return "+".join(sorted(rs)) or "-"


WAYS: dict[str, Callable[[set[str]], str]] = dict.fromkeys(WORDINGS, _set)


def report_sightings(
    report: dict[str, Any], wording: str, extractor: bool
) -> Iterator[tuple[str, list[tuple[str, set[str]]]]]:
    """(sentence, [(person, labels)]) of each sentence of the report holding the wording: the
    reading of people_conv20 over this script's table."""
    return conv20_sightings(report, wording, extractor, wordings=WORDINGS, width=300)


def count(
    wording: str, rounds: set[int] | None, show: bool, extractor: bool
) -> tuple[Tally, dict[tuple[str, str], set[str]]]:
    """Per (blind|other, label set): people by language, and the reports (people_conv20's count
    over this script's table)."""
    return conv20_count(
        wording, show, extractor, rounds=rounds, ways=WAYS, sightings=report_sightings
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wording", action="append", default=[])
    parser.add_argument("--rounds", default="", help="e.g. 1-41 (default every dev round)")
    parser.add_argument("--show", action="store_true")
    parser.add_argument(
        "--extractor", action="store_true", help="also the names the extractor finds (unlabelled)"
    )
    args = parser.parse_args(argv)
    rounds = parse_rounds(args.rounds) if args.rounds else None
    for wording in args.wording or list(WORDINGS):
        count(wording, rounds, args.show, args.extractor)


if __name__ == "__main__":
    main(sys.argv[1:])
