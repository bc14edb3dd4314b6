"""Round 24's wordings labelled two ways (issue 9, branch issue-conv24): the questions round 24's
blind collectors (who read only LABELLING.md) were unsure of; each counted over every dev round,
blind rounds (held-out splits moved to dev, people_conv20.BLIND: 2, 5-9, 11-14, 16-43) apart from
the rest.

For each wording, every dev sentence holding it, the people it may govern (the nearest labelled
name before it: `subject`; the names after it: `after`; every name of the sentence: `all`; the
names inside the wording's own span, 受到X接见: `inside`) and the labels the report gives each of
them, summed up as the label set (`attended+presided`, `-` for none). Counts are people in
reports (one per person per report) and reports. The reading and the count are people_conv20's
over this script's table, as people_conv22 and people_conv23 do; `inside` is this script's.
The tool's sightings are read by hand: the person a wording governs is not always the one its
part names (`all` holds the guests of a ceremony as well as its officiant); LABELLING.md's counts
are the hand-read ones, by report id.

- `officiate`: officiating guests and officiants ("officiating guests", "officiated at", "arrived
  to officiate", 主礼嘉宾 (round 20's noun before a list), 主礼/主禮 as a verb (round 20: presided)):
  the label set of every name of the sentence;
- `credence`: ambassadors' credentials or letters of credence received ("received the
  credentials of", "accepted letters of credence from", 接受…递交(的)国书, "nahm das
  Beglaubigungsschreiben entgegen"): every name of the sentence (the receiver among them);
- `liturgy`: a principal consecrator, a celebrant, a bishop leading a liturgy or a Mass
  ("Hauptzelebrant", "zelebrierte", "leitete den Gottesdienst", "celebrated Mass", "principal
  consecrator", 主持弥撒, 主礼弥撒, 祝圣): every name of the sentence;
- `reading`: reading minutes, a protocol, a poem or a remembrance text out ("verlas das
  Protokoll", "sprach das Totengedenken", "read out the names", 朗读, 朗诵, 宣读祭文): the subject;
- `greet_arrival`: greeting guests on their arrival (a non-chair's "begrüßte die Gäste", airport
  greeters 到机场迎接, 迎接, "greeted at the airport", "was welcomed on arrival by"): every name of
  the sentence;
- `introduced`: a plain "introduced" / "stellte ... vor" / 介绍 (round 15 settled the plain
  Chinese 介绍了: no speech): the subject;
- `received_by`: the host named inside "received by" (受到X(的)接见/会见/接待, "were received by X",
  "von X empfangen"): the names inside the wording's span (Chinese, German) or after it (English).

Dev data only (labels are read). Run:
  PYTHONPATH=.:bench python bench/people_conv24.py [--wording NAME] [--show] [--extractor]
      [--rounds 1-43]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from people_conv17 import sentence_people, sentences
from people_conv20 import Tally, _roles
from people_conv20 import count as conv20_count
from people_conv20 import report_sightings as conv20_sightings
from people_conventions import _lang, _places, parse_rounds

from worker.detect.attendees import unannotated
from worker.detect.roster import to_simplified

_I = re.I
Patterns = list[tuple[str, re.Pattern[str]]]

WORDINGS: dict[str, tuple[str, Patterns]] = {
    "officiate": (
        "all",
        [
            ("en", re.compile(r"\bofficiat\w*", _I)),
            ("zh", re.compile(r"主礼")),
        ],
    ),
    "credence": (
        "all",
        [
            ("en", re.compile(r"\bcredentials\b|\bletters?\s+of\s+credence\b|\bcredence\b", _I)),
            ("de", re.compile(r"Beglaubigungsschreiben|Akkreditierung\w*|akkreditiert")),
            ("zh", re.compile(r"国书")),
        ],
    ),
    "liturgy": (
        "all",
        [
            (
                "en",
                re.compile(
                    r"\b(?:celebrated|celebrates|celebrating)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}?"
                    r"(?:Mass|liturgy|Eucharist|service|vespers)|\bconsecrat\w*|\bcelebrant\b|"
                    r"\b(?:presided|presides|led|leads|leading|conducted|officiated)\s+(?:over\s+)?"
                    r"(?:the\s+|a\s+)?(?:\w+\s+){0,3}?(?:Mass|liturgy|Eucharist|service|prayers?|"
                    r"vespers|requiem)\b|\b(?:Mass|liturgy|service)\s+(?:was\s+)?(?:celebrated|"
                    r"led|officiated|conducted|presided)\s+(?:over\s+)?by\b|\b(?:homily|sermon)\b",
                    _I,
                ),
            ),
            (
                "de",
                re.compile(
                    r"Hauptzelebrant\w*|[Zz]elebr\w*|Konzelebr\w*|\bleitete\w*\b[^.]{0,60}"
                    r"(?:Gottesdienst|Messe|Andacht|Liturgie|Segnung|Feier)|(?:Gottesdienst|Messe|"
                    r"Andacht|Liturgie|Segnung)\w*\b[^.]{0,80}\b(?:geleitet|gestaltet|gehalten|"
                    r"zelebriert|gefeiert)\b|\bhielt\w*\b[^.]{0,60}(?:Gottesdienst|Predigt|Messe|"
                    r"Andacht|Festpredigt)|\bpredigte\b|\bweihte\b|\bsegnete\w*\b|"
                    r"\bspendete\w*\b[^.]{0,40}Segen|\bBischofsweihe\b"
                ),
            ),
            (
                "zh",
                re.compile(
                    r"(?:主持|主礼|带领)[^，。；]{0,12}(?:弥撒|礼拜|祭礼|法会|祈福|圣祭|感恩祭|礼仪)|"
                    r"(?:弥撒|礼拜|法会|感恩祭)[^，。；]{0,12}(?:主持|主礼)|祝圣|主祭|主法"
                ),
            ),
        ],
    ),
    "reading": (
        "subject",
        [
            (
                "de",
                re.compile(
                    r"\bverl(?:as|asen|iest|esen)\b|Totengedenk\w*|\blas\b[^.]{0,80}\bvor\b|"
                    r"\btrug\w*\b[^.]{0,80}\bvor\b|\bvorgelesen\b|\brezitier\w*"
                ),
            ),
            (
                "en",
                re.compile(
                    r"\bread\s+(?:out\s+)?(?:\w+\s+){0,3}?(?:minutes|names|poem|poems|passage|"
                    r"protocol|excerpts?|prayer|scripture|verses?|remembrance|roll)\b|\bread\s+out\b"
                    r"|\brecit(?:ed|es|ing)\b",
                    _I,
                ),
            ),
            (
                "zh",
                re.compile(r"朗读|朗诵|诵读|宣读(?:了)?(?:祭文|悼词|纪要|会议纪要|记录)|读祭文"),
            ),
        ],
    ),
    "greet_arrival": (
        "all",
        [
            (
                "de",
                re.compile(
                    r"\bbegrüß\w*\b[^.]{0,80}\b(?:Gäste|Gästen|Besucher\w*|Teilnehmer\w*|"
                    r"Delegation|Ehrengäste|Anwesenden|Flughafen|Ankunft)\b|\b(?:Flughafen|Ankunft)"
                    r"\b[^.]{0,80}\bbegrüß\w*"
                ),
            ),
            ("zh", re.compile(r"迎接|接机|迎候|到机场|在机场")),
            (
                "en",
                re.compile(
                    r"\b(?:greeted|welcomed|met|received)\b[^.]{0,80}\b(?:at\s+the\s+(?:\w+\s+){0,3}?"
                    r"airport|on\s+(?:his|her|their)\s+arrival|upon\s+(?:his|her|their\s+)?arrival|"
                    r"on\s+arrival)\b|\bairport\b[^.]{0,80}\b(?:greeted|welcomed|met|received)\s+by\b"
                    r"|\bgreeted\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:guests|visitors|arrivals|"
                    r"delegates|delegation)\b",
                    _I,
                ),
            ),
        ],
    ),
    "introduced": (
        "subject",
        [
            ("en", re.compile(r"\bintroduc(?:ed|es|ing)\b", _I)),
            ("de", re.compile(r"\bstellte\w*\b[^.]{0,100}?\bvor\b|\bvorgestellt\b|\bvorstellte\b")),
            ("zh", re.compile(r"介绍")),
        ],
    ),
    "received_by": (
        "inside",
        [
            ("zh", re.compile(r"受到[^。；]{0,120}?(?:接见|会见|接待|欢迎|会晤)")),
            (
                "de",
                re.compile(r"\bvon\s+[^.,]{0,80}?\b(?:empfangen|begrüßt)\b"),
            ),
            (
                "en",
                re.compile(
                    r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?received\s+by\s+[^.;]{0,80}",
                    _I,
                ),
            ),
        ],
    ),
}


def _set(rs: set[str]) -> str:
    return "+".join(sorted(rs)) or "-"


WAYS: dict[str, Callable[[set[str]], str]] = dict.fromkeys(WORDINGS, _set)


def _inside(
    report: dict[str, Any], wording: str, extractor: bool, width: int = 300
) -> Iterator[tuple[str, list[tuple[str, set[str]]]]]:
    """The names inside each span of the wording (受到X的接见: X)."""
    _, pats_all = WORDINGS[wording]
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
        spans = [m.span() for p in pats for m in p.finditer(sent)]
        if not spans:
            continue
        found, _ = sentence_people(sent, lang, names, roles, min(a for a, _ in spans))
        people = [
            n
            for n, _ in found
            if any(
                a <= at < b
                for at, _ in _places(sent, to_simplified(n) if lang == "zh" else n, lang)
                for a, b in spans
            )
        ]
        if people:
            yield sent.strip()[:width], [(n, roles.get(n, set())) for n in people]


def report_sightings(
    report: dict[str, Any], wording: str, extractor: bool
) -> Iterator[tuple[str, list[tuple[str, set[str]]]]]:
    """(sentence, [(person, labels)]) of each sentence of the report holding the wording."""
    if WORDINGS[wording][0] == "inside":
        return _inside(report, wording, extractor)
    return conv20_sightings(report, wording, extractor, wordings=WORDINGS, width=300)


def count(
    wording: str, rounds: set[int] | None, show: bool, extractor: bool
) -> tuple[Tally, dict[tuple[str, str], set[str]]]:
    """Per (blind|other, label set): people by language, and the reports."""
    return conv20_count(
        wording, show, extractor, rounds=rounds, ways=WAYS, sightings=report_sightings
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wording", action="append", default=[])
    parser.add_argument("--rounds", default="", help="e.g. 1-43 (default every dev round)")
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
