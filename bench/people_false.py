"""The false people of fresh reports, pooled: what the rules gave on rounds 16-23 before anyone
had read them (bench/people_earlier/rules_only/roundk.json for Chinese, rules_only/latin/ for
English and German) against the labels, next to what the current rules give on the same reports.

A false person is a (name, role) the rules give that the labels do not hold, and any person
given on a no-attendee report. `--show` prints each with the sentence that holds its name, for
sorting by cause (docs/people.md, "Round 13: false people of fresh reports").

`--kinds` sorts the false people by machine into kinds (a wrong role, a cut or joined name, a
title, place or organisation, a future or cancelled occasion, not there, a source or a quote, a
caption, an earlier occasion, the rest: a person only mentioned) from the labels and cue words of
the sentence that holds the name, and counts each kind per round and over outlets without
printing a sentence (docs/people.md, "Round 15: false people by kind").

`--cue REGEX` counts, per round, the current rules' false and true people whose sentence holds
the expression, without printing a sentence: whether a shape read on new rounds recurs on the
rounds not read, and how many true people stand beside it (docs/people.md, "Round 16: false
people by kind over rounds 16-29").

`--with-model` reads the earlier readings made with the model of their day (bench/people_earlier
and latin/) instead of the rules alone (round 18, fp18).

Run: PYTHONPATH=.:bench python bench/people_false.py [--rounds 16-23] [--show] [--now] [--kinds]
     [--cue REGEX] [--with-model]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_people import DATA, ROOT, load_roster, name_key

from worker.detect.people import extract_people
from worker.detect.roster import Roster

EARLIER = ROOT / "bench" / "people_earlier" / "rules_only"
WITH_MODEL = ROOT / "bench" / "people_earlier"


def reports_of(round_: int) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted((DATA / "dev").glob(f"*.round{round_}.toml")):
        style = "none" if path.stem.startswith("none") else path.stem.split(".")[0]
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            out.append((style, report))
    return out


def earlier_of(round_: int, base: Path = EARLIER) -> dict[str, list[list[str]]]:
    """What the rules gave on one round before it was read (`base` WITH_MODEL: the rules and the
    model of the day, bench/people_earlier/roundK.json and latin/roundK.json)."""
    found: dict[str, list[list[str]]] = {}
    for path in (base / f"round{round_}.json", base / "latin" / f"round{round_}.json"):
        if path.exists():
            found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def extras(
    got: list[tuple[str, str]], report: dict[str, Any], roster: Roster
) -> tuple[list[tuple[str, str]], int]:
    have = {(name_key(n, roster), r): n for n, r in got}
    want = {(name_key(p["name"], roster), p["role"]) for p in report["people"]}
    return [(have[k], k[1]) for k in have.keys() - want], len(have.keys() & want)


def context(text: str, name: str) -> str:
    at = text.find(name)
    if at < 0:
        last = name.split()[-1] if " " in name else name[-2:]
        at = text.find(last)
    if at < 0:
        return "(not in text)"
    start = max(text.rfind(". ", 0, at), text.rfind("。", 0, at), text.rfind("\n", 0, at), at - 220)
    ends = [e for e in (text.find(". ", at), text.find("。", at), text.find("\n", at)) if e > 0]
    end = min([*ends, at + 220])
    return re.sub(r"\s+", " ", text[start + 1 : end + 1]).strip()


_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a caption",
        re.compile(
            r"\b(?:Photo|Foto|Bild|pictured|caption)\b|[（(](?:前排)?[左右中]|\((?:l|r|M)\.\)"
        ),
    ),
    (
        "not there",
        re.compile(r"\b(?:not|n't|never|absent|nicht|kein\w*|ohne)\b|未|没有|沒有|缺席|不在"),
    ),
    (
        "a future, planned or cancelled occasion",
        re.compile(
            r"\b(?:will|would|shall|to be held|is to|are to|was to|plans?|planned|expect\w*|agreed"
            r" to|upcoming|next|cancel\w*|postpon\w*|defer\w*|invit\w*|wird|werden|soll\w*|plan"
            r"t|geplant|kommende\w*|nächste\w*|abgesagt|verschoben|lädt|eingeladen)\b"
            r"|将|將|拟|擬|计划|計劃|即将|取消|推迟|推遲|预计|預計|邀请|邀請"
        ),
    ),
    (
        "a source, a spokesman or a quote",
        re.compile(
            r"\b(?:said|says|told|tells|reported|reports|according|informed|announced|quoted|sagte"
            r"|sagt|erklärte|berichtete|laut|zufolge)\b|表示|称|稱|指出|说|說|报道|報導|[“”«»„「」\"]"
        ),
    ),
    (
        "an earlier occasion",
        re.compile(
            r"\b(?:earlier|last|previous\w*|recently|ago|former|kürzlich|zuvor|früher|damals"
            r"|vergangenen)\b|此前|曾经|曾經|去年|上月|日前"
        ),
    ),
)
_PLACE_ORG = re.compile(
    r"\b(?:Regions?|Territory|Town|City|Province|Republic|Party|Group|Holdings|Company|Bank|Band"
    r"|Gora|Ministry|Council|Committee|University|Meeting|Forum|Dynasty)\b"
    r"|[市县縣省区區镇鎮村党黨团團部局委会會司院校]$|^(?:Die|Der|Das) "
)


def kind_of(name: str, role: str, labelled: list[str], others: list[str], sentence: str) -> str:
    """The kind of one false person, by machine: from the labels first, then from what the name
    is, then from the cues of its sentence (the first that holds)."""
    if labelled:
        return "a wrong role"
    if sentence == "(not in text)":
        return "not in the text"
    low = name.casefold()
    if any(low != o and (low in o or o in low) for o in others if len(o) > 1):
        return "a name cut or joined (a labelled name's part)"
    if _PLACE_ORG.search(name):
        return "a title, place or organisation taken for a name"
    for kind, cue in _KIND_CUES:
        if cue.search(sentence):
            return kind
    return "the rest (a person only mentioned, a word taken for a name)"


def round_range(spec: str) -> range:
    """Rounds "16-23" (or one round, "22") as a range."""
    lo, _, hi = spec.partition("-")
    return range(int(lo), int(hi or lo) + 1)


def misses_by_shape(
    argv: list[str],
    *,
    doc: str,
    keep: Callable[[str, dict[str, Any]], bool],
    language: Callable[[dict[str, Any]], str | None],
    sentence_of: Callable[[str, str], tuple[str, str]],
    shape: Callable[[str, str, str, str], str],
) -> None:
    """The misses of the earlier readings of some rounds pooled by shape, for the reports `keep`
    holds (bench/people_missed_de.py and people_missed_zh.py: one loop, each language's own
    sentences and shapes). A miss is a labelled (name, role) the earlier reading lacks; "wrong"
    counts those whose name it gave another role, "still" those the current rules miss too."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--rounds", default="16-23")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--shape", default="", help="show only shapes holding this text")
    parser.add_argument("--still", action="store_true", help="show only the misses main keeps")
    args = parser.parse_args(argv)
    rounds = round_range(args.rounds)
    roster = load_roster()
    table: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, set[tuple[str, str]]] = defaultdict(set)
    per_round: Counter[tuple[int, str]] = Counter()
    for k in rounds:
        earlier = earlier_of(k)
        for style, report in reports_of(k):
            if not keep(style, report):
                continue
            then = {(name_key(n, roster), r): n for n, r in earlier.get(report["id"], [])}
            got = extract_people(report["text"], roster, language=language(report))
            now = {(name_key(p.name, roster), p.role) for p in got}
            then_roles: dict[str, list[str]] = defaultdict(list)
            for key, role in then:
                then_roles[key].append(role)
            outlet = report.get("outlet") or report.get("source") or report["id"].split("-")[0]
            for p in report["people"]:
                key = name_key(p["name"], roster)
                per_round[(k, "labels")] += 1
                if (key, p["role"]) in then:
                    continue
                still = (key, p["role"]) not in now
                per_round[(k, "missed")] += 1
                per_round[(k, "still")] += still
                given = ",".join(sorted(then_roles[key])) or None
                sentence, line = sentence_of(report["text"], p["name"])
                kind = shape(sentence, p["name"], p["role"], line)
                table[kind]["missed"] += 1
                table[kind]["still"] += still
                table[kind]["wrong"] += given is not None
                where[kind].add(("r", str(k)))
                where[kind].add(("o", str(outlet)))
                if args.show and args.shape in kind and (still or not args.still):
                    mark = "[now too]" if still else "[gone]"
                    told = f" (given {given})" if given else ""
                    print(
                        f"R{k} {report['id']} | {p['name']} | {p['role']}{told} {mark} | {kind}"
                        f" | {sentence[:300]}"
                    )
    print(f"  {'round':<6} {'labels':>6} {'missed':>6} {'still':>6}")
    for k in rounds:
        print(
            f"  {k:<6} {per_round[(k, 'labels')]:>6} {per_round[(k, 'missed')]:>6}"
            f" {per_round[(k, 'still')]:>6}"
        )
    print(f"\n  {'missed':>6} {'wrong':>6} {'still':>6} {'rounds':>6} {'outlets':>7}  shape")
    for kind, c in sorted(table.items(), key=lambda kv: -kv[1]["missed"]):
        nr = sum(1 for t, _ in where[kind] if t == "r")
        no = sum(1 for t, _ in where[kind] if t == "o")
        print(f"  {c['missed']:>6} {c['wrong']:>6} {c['still']:>6} {nr:>6} {no:>7}  {kind}")


def cue_counts(rounds: range, cue: re.Pattern[str], roster: Roster) -> None:
    """How many of the current rules' false and true (name, role) pairs stand in a sentence that
    holds `cue` (the sentence of the name's first mention, as `--show` gives it), per round: a
    shape read on the new rounds, counted over the rounds not read without reading them
    (round 16, prec16: a cue that stands beside more true people than false is no kind)."""
    print(f"  {'round':<6} {'false':>5} {'true':>5}")
    total = Counter()
    for k in rounds:
        counts = Counter()
        for _, report in reports_of(k):
            want = {(name_key(p["name"], roster), p["role"]) for p in report["people"]}
            got = extract_people(report["text"], roster, language=report.get("language") or None)
            for key, name in {(name_key(p.name, roster), p.role): p.name for p in got}.items():
                if cue.search(context(report["text"], name)):
                    counts["true" if key in want else "false"] += 1
        total.update(counts)
        print(f"  {k:<6} {counts['false']:>5} {counts['true']:>5}")
    print(f"  {'all':<6} {total['false']:>5} {total['true']:>5}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", default="16-23")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--now", action="store_true", help="show the current rules' extras")
    parser.add_argument("--kinds", action="store_true", help="count the false people by kind")
    parser.add_argument(
        "--with-model",
        action="store_true",
        help="the earlier readings with the model of their day (bench/people_earlier, latin/)"
        " rather than the rules alone (rules_only/)",
    )
    parser.add_argument(
        "--cue",
        default="",
        help="count the current rules' false and true people whose sentence"
        " holds this regular expression (per round; no sentence printed)",
    )
    args = parser.parse_args(argv)
    rounds = round_range(args.rounds)
    roster = load_roster()
    if args.cue:
        cue_counts(rounds, re.compile(args.cue), roster)
        return
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    print(
        f"  {'round':<6} {'earlier fp':>10} {'(none)':>6} {'now fp':>7} {'(none)':>6}  tp then/now"
    )
    for k in rounds:
        earlier = earlier_of(k, WITH_MODEL if args.with_model else EARLIER)
        counts = Counter()
        for style, report in reports_of(k):
            lang = report.get("language") or None
            then = [tuple(p) for p in earlier.get(report["id"], [])]
            now = [(p.name, p.role) for p in extract_people(report["text"], roster, language=lang)]
            (xt, tt), (xn, tn) = extras(then, report, roster), extras(now, report, roster)
            none = style == "none"
            counts["then"] += len(xt)
            counts["now"] += len(xn)
            counts["tp_then"] += tt
            counts["tp_now"] += tn
            if none:
                counts["then_none"] += len(xt)
                counts["now_none"] += len(xn)
            if args.kinds:
                others = [p["name"].casefold() for p in report["people"]]
                for n, r in xn if args.now else xt:
                    key = name_key(n, roster)
                    labelled = [
                        p["role"] for p in report["people"] if name_key(p["name"], roster) == key
                    ]
                    kind = kind_of(n, r, labelled, others, context(report["text"], n))
                    outlet = report.get("outlet") or report["id"].split("-")[0]
                    kinds[kind][f"r{k}"] += 1
                    kinds[kind]["all"] += 1
                    kinds[kind]["none"] += none
                    kinds[kind][f"o:{outlet}"] = 1
            if args.show:
                for n, r in xn if args.now else xt:
                    kept = "" if args.now else (" [now too]" if (n, r) in now else " [gone]")
                    key = name_key(n, roster)
                    labelled = [
                        p["role"] for p in report["people"] if name_key(p["name"], roster) == key
                    ]
                    print(
                        f"R{k} {report['id']} {style} | {n} | {r}{kept} | labelled {labelled}"
                        f" | {context(report['text'], n)}"
                    )
        print(
            f"  {k:<6} {counts['then']:>10} {counts['then_none']:>6} {counts['now']:>7}"
            f" {counts['now_none']:>6}  {counts['tp_then']}/{counts['tp_now']}"
        )
    if args.kinds:
        head = " ".join(f"{k:>4}" for k in rounds)
        print(f"\n  {'all':>4} {'none':>4} {'outl':>4} | {head} | kind")
        for kind, c in sorted(kinds.items(), key=lambda kv: -kv[1]["all"]):
            outlets = sum(1 for key in c if key.startswith("o:"))
            per = " ".join(f"{c[f'r{k}']:>4}" for k in rounds)
            print(f"  {c['all']:>4} {c['none']:>4} {outlets:>4} | {per} | {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
