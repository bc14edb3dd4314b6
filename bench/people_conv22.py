"""Round 22's wordings labelled two ways (issue 9, branch issue-conv22): round 22's six blind
collectors, who read only LABELLING.md, named these wordings as unsettled; each is counted here
over every dev round, blind rounds (held-out splits moved to dev) apart from the rest.

For each wording, every dev sentence holding it, the person it governs (the nearest labelled name
before it: `subject`; the names after it: `after`; every name of the sentence: `all`) and the
labels the report gives that person, summed up as the label set (`attended+presided`, `-` for
none) or as the wording's two ways (`WAYS`). Counts are people in reports (one per person per
report) and reports. The helpers are people_conv17's and people_conv20's (sentences, the people of
a sentence, the blind rounds).

- `oath`: the one sworn in or taking an oath (sworn in, took the oath, 宣誓就职, 宣誓, 宣读誓词,
  vereidigt, legte den Eid ab): the label set;
- `oath_admin`: the one administering an oath (administered the oath, swore in, 监誓, 主持宣誓,
  nahm den Eid ab): the label set;
- `inspection`: the leader of an inspection or a visit (调研, 考察, 视察, 带队, 率队, "led a
  delegation", toured, inspected, besichtigte): `presided` or not;
- `video`: a video message or address at an occasion (视频致辞, 视频讲话, "video message", "video
  address", "by video link", Videobotschaft): `spoke` or not;
- `opened`: opening a meeting or an event ("opened the meeting", "kicked off", 开幕 is round 14's
  declaring and not counted, eröffnete): the label set;
- `briefing_zh`: 汇报, 通报, 介绍 (round 15 settled the plain 介绍了), 传达 at a meeting: `spoke` or
  not;
- `verlas`: reading a text out in German (verlas, verlesen, trug ... vor): `spoke` or not;
- `greeting`: greeting guests at the entrance, a receiving line, performers (greeted the guests,
  at the door, receiving line, performed, 表演, 演唱, begrüßte ... am Eingang, trat auf): labelled
  or not;
- `delegation`: a host meeting a delegation led by a named person (people_conv20's patterns) or
  "X and the delegation members", 会见X一行: `presided` or not;
- `also_attended`: the chair of a meeting "which was also attended by" others (also attended by,
  also in attendance, 出席会议的还有): the chair's `attended` too or not;
- `couple_host`: "X and his wife held a reception / hosted", 夫妇, 偕夫人, und seine Frau: the
  label set of each of the couple;
- `member_reports`: members giving reports at a body's meeting (reported on, gave reports,
  berichtete, 作汇报, 述职): the label set;
- `background`: people told in a background sentence about an earlier occasion (earlier, last
  year, previously, had met, 此前, 曾, 早前, zuvor, bereits): labelled or not.

Dev data only (labels are read). Run:
  PYTHONPATH=.:bench python bench/people_conv22.py [--wording NAME] [--show] [--extractor]
      [--rounds 1-41]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from people_conv20 import WORDINGS as CONV20_WORDINGS
from people_conv20 import Tally
from people_conv20 import count as conv20_count
from people_conv20 import report_sightings as conv20_sightings
from people_conventions import parse_rounds

_I = re.I
Patterns = list[tuple[str, re.Pattern[str]]]

WORDINGS: dict[str, tuple[str, Patterns]] = {
    "oath": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\b(?:(?:was|were|is|are|been|be|being|get|got)\s+sworn\s+in|took\s+(?:the|"
                    r"an|his|her|their)\s+(?:\w+\s+){0,2}?oaths?|taking\s+(?:the|an|his|her|their)"
                    r"\s+(?:\w+\s+){0,2}?oaths?|sworn\s+in\s+as)\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"宣誓就职|宣誓就任|宣誓|宣读(?:了)?(?:就职)?誓词|举行就职典礼")),
            (
                "de",
                re.compile(
                    r"\b(?:vereidigt|legte\w*\s+(?:\w+\s+){0,4}?(?:Eid|Amtseid|Gelöbnis)|"
                    r"Amtseid|schwor\w*|Vereidigung)\b"
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
                    r"\badminister(?:ed|s)\s+(?:the\s+)?oaths?|\bswore\s+(?:\w+\s+){1,6}?in\b"
                    r"|\bsworn\s+in\s+by\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"监誓|主持宣誓|领誓|带领[^，。；]{0,10}宣誓")),
            ("de", re.compile(r"\b(?:nahm|nahmen)\s+(?:\w+\s+){0,6}?(?:Eid|Amtseid)\s+ab\b")),
        ],
    ),
    "inspection": (
        "subject",
        [
            (
                "zh",
                re.compile(r"调研|考察|视察|带队|率队|率团|带领[^，。；]{0,10}(?:代表团|考察团)"),
            ),
            (
                "en",
                re.compile(
                    r"\b(?:led|leading|heads|headed)\s+(?:a|an|the)\s+(?:\w+\s+){0,4}?"
                    r"(?:delegation|team|inspection)|\b(?:toured|tours|inspected|inspects|"
                    r"inspection\s+tour|fact-finding|on\s+a\s+tour\s+of)\b",
                    _I,
                ),
            ),
            (
                "de",
                re.compile(
                    r"\b(?:besichtigte|besichtigten|inspizierte|führte\s+(?:\w+\s+){0,3}?"
                    r"Delegation|Rundgang)\b"
                ),
            ),
        ],
    ),
    "video": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\bvideo\s+(?:message|address|speech|greeting|remarks|statement)s?\b|\b(?:speech|"
                    r"remarks|address|addressed|spoke|message)\s+(?:\w+\s+){0,5}?(?:via|by|through)\s+"
                    r"(?:a\s+)?video\b|\b(?:videotaped|pre-recorded)\b",
                    _I,
                ),
            ),
            (
                "zh",
                re.compile(
                    r"视频(?:致辞|讲话|发言|贺词|致贺|演讲)|(?:通过|以)视频(?:方式)?(?:致|发表|讲话|发言)"
                ),
            ),
            ("de", re.compile(r"Videobotschaft|Video-Botschaft|Videogruß|Grußwort per Video")),
        ],
    ),
    "opened": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\b(?:opened|opens|kicked\s+off|kicks\s+off)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,4}?"
                    r"(?:meeting|session|conference|forum|event|summit|ceremony|congress|"
                    r"exhibition|festival|discussion|talks|proceedings|sitting|plenary|dialogue)\b",
                    _I,
                ),
            ),
            ("de", re.compile(r"\b(?:eröffnete|eröffneten|eröffnet)\b")),
        ],
    ),
    "briefing_zh": (
        "subject",
        [("zh", re.compile(r"汇报|通报|(?<!的)介绍(?:了)?|传达(?:了)?"))],
    ),
    "verlas": (
        "subject",
        [("de", re.compile(r"\b(?:verlas|verlasen|verlesen|trug\s+(?:\w+\s+){0,5}?vor)\b"))],
    ),
    "greeting": (
        "all",
        [
            (
                "en",
                re.compile(
                    r"\b(?:greeted|greeting|welcomed|welcoming)\s+(?:the\s+)?(?:\w+\s+){0,3}?"
                    r"(?:guests|arrivals|visitors|participants|delegates)\b|\breceiving\s+line\b"
                    r"|\bat\s+the\s+(?:entrance|door)\b|\bperform(?:ed|ing|ance)\b|\bsang\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"门口|迎宾|门前迎接|表演|演唱|演出|献唱|演奏")),
            (
                "de",
                re.compile(
                    r"\b(?:am\s+Eingang|an\s+der\s+Tür|Spalier|trat(?:en)?\s+(?:\w+\s+){0,4}?auf"
                    r"|sang|sangen|spielte\w*\s+(?:\w+\s+){0,3}?(?:Musik|Lied)|musikalisch)\b"
                ),
            ),
        ],
    ),
    "delegation": (
        "subject",
        [
            *CONV20_WORDINGS["delegation"][1],
            (
                "en",
                re.compile(
                    r"\b(?:met|meets|received|receives|meeting)\s+(?:with\s+)?(?:\w+\s+){1,6}?"
                    r"and\s+(?:the\s+|his\s+|her\s+)?(?:members\s+of\s+(?:the|his|her)\s+)?"
                    r"(?:\w+\s+)?delegation(?:\s+members)?\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"(?:会见|接见|会晤)(?:了)?[^，。；]{1,30}一行")),
        ],
    ),
    "also_attended": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\b(?:was|were)\s+also\s+attended\s+by\b|\balso\s+in\s+attendance\b|"
                    r"\b(?:which|that)\s+was\s+(?:also\s+)?attended\s+by\b|\b(?:meeting|session|"
                    r"ceremony|conference|event|talks|forum)\s+attended\s+by\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"出席(?:会议|活动|仪式)?的(?:还有|有)")),
            ("de", re.compile(r"\b(?:nahmen|nahm)\s+(?:auch|außerdem|ebenfalls)\b")),
        ],
    ),
    "couple_host": (
        "all",
        [
            (
                "en",
                re.compile(
                    r"\band\s+(?:his|her)\s+(?:wife|husband|spouse)\b[^.]{0,80}\b(?:held|hosted|"
                    r"hosts|gave|threw|organi[sz]ed)\b",
                    _I,
                ),
            ),
            (
                "zh",
                re.compile(
                    r"(?:夫妇|偕夫人|和夫人|与夫人|及夫人)[^，。；]{0,30}(?:举行|举办|设宴|宴请|款待)"
                ),
            ),
            (
                "de",
                re.compile(
                    r"\bund\s+(?:seine|ihre)\s+(?:Frau|Ehefrau|Gattin|Mann|Ehemann)\b[^.]{0,80}"
                    r"\b(?:gaben|luden|empfingen|veranstalteten)\b"
                ),
            ),
        ],
    ),
    "member_reports": (
        "subject",
        [
            (
                "en",
                re.compile(
                    r"\b(?:reported\s+on|gave\s+(?:a\s+)?reports?|delivered\s+(?:a\s+)?reports?|"
                    r"made\s+(?:a\s+)?reports?|presented\s+(?:a\s+|the\s+)?reports?)\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"作(?:了)?(?:工作)?汇报|述职|作(?:了)?[^，。；]{0,20}报告")),
            ("de", re.compile(r"\b(?:berichtete|berichteten|erstattete\w*\s+Bericht)\b")),
        ],
    ),
    "background": (
        "all",
        [
            (
                "en",
                re.compile(
                    r"\b(?:earlier\s+(?:this|that|in)|last\s+(?:year|month|week)|previously|"
                    r"had\s+(?:met|attended|visited|held|chaired|hosted|spoken|addressed)|"
                    r"in\s+(?:19|20)\d\d,)\b",
                    _I,
                ),
            ),
            ("zh", re.compile(r"此前|早前|曾于|曾在|去年|前年|上次|此前一天")),
            (
                "de",
                re.compile(
                    r"\b(?:zuvor|bereits\s+(?:im|am|vor)|vergangenen\s+(?:Jahr|Monat)|Vorjahr|"
                    r"hatte\w*\s+(?:\w+\s+){0,5}?(?:getroffen|besucht|teilgenommen|empfangen))\b"
                ),
            ),
        ],
    ),
}


def _set(rs: set[str]) -> str:
    return "+".join(sorted(rs)) or "-"


def _has(role: str) -> Callable[[set[str]], str]:
    return lambda rs: role if role in rs else (f"no {role}" if rs else "unlabelled")


WAYS: dict[str, Callable[[set[str]], str]] = {
    "oath": _set,
    "oath_admin": _set,
    "inspection": _has("presided"),
    "video": _has("spoke"),
    "opened": _set,
    "briefing_zh": _has("spoke"),
    "verlas": _has("spoke"),
    "greeting": lambda rs: "labelled" if rs else "unlabelled",
    "delegation": _has("presided"),
    # only the chairs count (people given `presided`): attended too or not
    "also_attended": lambda rs: (
        ("presided+attended" if "attended" in rs else "presided alone")
        if "presided" in rs
        else "not a chair"
    ),
    "couple_host": _set,
    "member_reports": _set,
    "background": lambda rs: "labelled" if rs else "unlabelled",
}


def report_sightings(
    report: dict[str, Any], wording: str, extractor: bool
) -> Iterator[tuple[str, list[tuple[str, set[str]]]]]:
    """(sentence, [(person, labels)]) of each sentence of the report holding the wording: the
    reading of people_conv20 over this script's table."""
    return conv20_sightings(report, wording, extractor, wordings=WORDINGS, width=260)


def count(
    wording: str, rounds: set[int] | None, show: bool, extractor: bool
) -> tuple[Tally, dict[tuple[str, str], set[str]]]:
    """Per (blind|other, way): people by language, and the reports (people_conv20's count over
    this script's table)."""
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
