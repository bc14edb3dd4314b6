"""Wordings the labels of different rounds treat differently: for each role cue, how the labels
treat the person it governs, per round and language.

Round 13 found many fresh misses and false people to be one wording labelled two ways (宣布…开幕
presided in some reports and attended in others, a plain 介绍了 spoke in rounds 3-7 and no role
later). No extractor scores well where the labels disagree, and the next round's collectors guess
again. This tool finds such wordings by counting, not by reading single reports:

- cues: every English or German word opening on a stem of the extractor's cue tables
  (`role_cues.LATIN_STEMS`), every run of two or more Han characters in the Chinese cue tables
  (`role_cues_zh`), the phrases of PHRASES (two-part wordings round 13 named), and words mined
  next to labelled names (the past-tense word after a name, the one before it; the two Han
  characters after a Chinese name);
- the person a cue governs: the nearest candidate name before it in its clause (`_ cue`, the
  subject) and the nearest after it (`cue _`, the object); a phrase with a gap also governs the
  first name inside it (`cue [_]`). Candidates are the labelled names and the names the current
  extractor gives in any role (so that an unlabelled person can be seen at all);
- the treatment: the roles the labels give that person in that report, or none.

Per cue and position: A, the role most of its people are labelled with; B, the most common other
role of those not labelled A; the counts of A, B, another role, and unlabelled; then the rounds
whose people are mostly A and those mostly not A, and the counts of the recent blind rounds
(16-25 by default) alone. A cue is listed when the people not labelled A are at least `--min-side`
and between `--low` and `--high` of them all: a cue governing two kinds of clause (met a named
guest / met a body) is listed too, and reading its sightings (`--show CUE`) tells a convention
question from a reading question.

Dev data only (labels are read). Run:
  PYTHONPATH=.:bench python bench/people_conventions.py [--rounds 1-25] [--lang zh]
      [--min 8] [--recent 16-25] [--cue "_ welcomed"] [--show "_ welcomed"] [--no-extractor]
      [--speakers]  (a transcript's speakers by the heading before them: round 16)
(--cue prints one cue's row and its A/B/unlabelled counts per round and language)
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench_people import DATA, load_roster, name_key

from worker.detect import role_cues_zh
from worker.detect.attendees import unannotated
from worker.detect.people import extract_people
from worker.detect.people_zh import _ZH_TITLE_END
from worker.detect.role_cues import LATIN_STEMS
from worker.detect.roster import Roster, has_han, to_simplified

ROLES = ("presided", "attended", "spoke", "present")
NONE = "-"

# Two-part wordings round 13 found labelled two ways; the gap may hold the governed guest.
PHRASES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("zh", "宣布…开幕", re.compile(r"宣布[^。；！？\n]{0,40}?开幕")),
    ("zh", "宣布…闭幕", re.compile(r"宣布[^。；！？\n]{0,40}?闭幕")),
    ("zh", "受到…欢迎", re.compile(r"受到[^。；！？\n]{0,30}?(?:欢迎|接待|迎接)")),
    ("zh", "共同主持", re.compile(r"共同主持")),
    ("zh", "介绍了", re.compile(r"(?<!向)介绍了")),
    (
        "en",
        "welcomed … for talks",
        re.compile(r"\bwelcom\w*\b[^.;]{0,80}?\bfor\s+(?:talks|a meeting|negotiations)", re.I),
    ),
    (
        "en",
        "briefed the President",
        re.compile(
            r"\b(?:briefed|reported to)\s+(?:the\s+)?(?:President|head of state|Prime Minister)\b"
        ),
    ),
    ("en", "welcome by", re.compile(r"\bwelcome\s+(?:was\s+)?(?:given\s+)?by\b", re.I)),
    ("en", "declared … open", re.compile(r"\bdeclared?\b[^.;]{0,60}?\bopen(?:ed)?\b", re.I)),
    ("de", "eröffnete", re.compile(r"\beröffnete\b")),
    # round 15: the wordings round 14 left open
    ("zh", "监交", re.compile(r"监交")),
    ("zh", "颁授", re.compile(r"(?<![获受])颁授(?!仪式|典礼|礼)")),
    (
        "en",
        "presented … medals",
        re.compile(
            r"\b(?:presented|awarded)\s+(?:[\w-]+\s+){0,10}?(?:awards|decorations|medals?|prizes"
            r"|orders|certificates|honou?rs)\b"
        ),
    ),
    ("de", "empfing", re.compile(r"\bempfing(?:en)?\b")),
    # round 16: a host receiving a guest in English; a transcript's speaker label
    (
        "en",
        "received (a guest)",
        re.compile(
            r"\b(?:received|receives)\b(?!\s+(?:by|from|an?|the\s+(?:title|credentials|honou?r"
            r"|report)|credentials|letters|briefings?|interrogations|attention|requests|honou?rs"
            r"|awards?|medals?|orders?|the\s+Hero)\b)"
        ),
    ),
    ("en", "received by", re.compile(r"\breceived\s+(?:\w+\s+){0,4}?by\b")),
    (
        "en",
        "speaker label:",
        re.compile(r"(?m)^(?:(?:[A-Z][\w.'’-]*|of|the|and|for)\s+){0,11}[A-Z][\w.'’-]*:(?=\s)"),
    ),
)

_LATIN_CUE = re.compile(
    r"\b(?:[a-zäöüß]+-)?(?:" + "|".join(sorted(LATIN_STEMS, key=len, reverse=True)) + r")[\w-]*",
    re.I,
)
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'-]*")
# Words a Latin cue stem opens that name a person or a thing, not what the person did.
_NOUNS = frozenset(
    "president presidents presidential presidency presidium chairman chairwoman chairperson "
    "chairmen party parties leader leaders leadership state meeting meetings partner partners "
    "report reports reporter reporters calls calling joint guest guests".split()
)
# Two Han characters after a name that are a title, a time or a place, not a verb.
_NOT_ZH_VERB = re.compile(_ZH_TITLE_END.pattern + r"|^[在于今昨上下前本同和与及、]")
_STOP = frozenset(
    "and or of the a an on in at to for with by as also then later was were is are has had have "
    "who which that said says und der die das den dem des am im zu mit von bei sowie auch".split()
)
_SENTENCE_END = re.compile(r"[.!?;]\s|[。；！？\n]")
_HAN_SKIP = "等同志也还分别先后亲自随后一同共同"


def _patterns(value: Any) -> Iterator[re.Pattern[str]]:
    """Every compiled pattern in a module-level value (a pattern, or tuples holding them)."""
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _patterns(item)


def _zh_table_words() -> list[str]:
    """The runs of two or more Han characters in the Chinese cue tables (those that pair a role
    with its patterns) that are no title: the words they know."""
    words = {
        run
        for value in vars(role_cues_zh).values()
        if isinstance(value, tuple)
        and value
        and isinstance(value[0], tuple)
        and value[0][0] in ROLES
        for pattern in _patterns(value)
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", pattern.pattern)
        if not _ZH_TITLE_END.fullmatch(run)
    }
    return sorted(words)


@dataclass(frozen=True)
class Sighting:
    cue: str  # "_ welcomed" (the person before), "welcomed _" (after), "宣布…开幕 [_]" (inside)
    report_id: str
    round: int
    lang: str
    treatment: str  # "presided", "attended+spoke", or NONE
    name: str
    context: str


def round_of(path: Path) -> int:
    """dev/<style>.roundN.toml is round N; the first files (dev/<style>.toml) are round 1."""
    found = re.search(r"\.round(\d+)$", path.stem)
    return int(found.group(1)) if found else 1


def parse_rounds(spec: str) -> set[int]:
    out: set[int] = set()
    for part in spec.split(","):
        low, _, high = part.partition("-")
        out.update(range(int(low), int(high or low) + 1))
    return out


def dev_reports(rounds: set[int] | None) -> Iterator[tuple[int, dict[str, Any]]]:
    for path in sorted((DATA / "dev").glob("*.toml")):
        round_ = round_of(path)
        if rounds is None or round_ in rounds:
            for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
                yield round_, report


def _lang(report: dict[str, Any]) -> str:
    return str(report.get("language") or ("zh" if has_han(report["text"]) else "en"))


def _places(text: str, name: str, lang: str) -> Iterator[tuple[int, int]]:
    """Where a name stands in the (simplified, for Chinese) text; a Latin name by its last word
    too ("Xi presided" is Xi Jinping's)."""
    forms = [name]
    if lang != "zh" and " " in name and len(name.split()[-1]) >= 3:
        forms.append(name.split()[-1])
    for form in forms:
        flags = 0 if lang == "zh" else re.I
        edge = "" if lang == "zh" else r"\b"
        for found in re.finditer(edge + re.escape(form) + edge, text, flags):
            yield found.start(), found.end()


def candidates(
    report: dict[str, Any], text: str, lang: str, roster: Roster, extracted: Iterable[str]
) -> list[tuple[int, int, str, str]]:
    """(start, end, key, name) of every labelled or extracted name in the text, by position."""
    names = {unannotated(p["name"]) for p in report["people"]} | set(extracted)
    out = []
    for name in names:
        written = to_simplified(name) if lang == "zh" else name
        for start, end in _places(text, written, lang):
            out.append((start, end, name_key(name, roster), name))
    # a shorter form inside a longer name's place is that name
    out.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str, str]] = []
    for c in out:
        if kept and c[0] < kept[-1][1]:
            continue
        kept.append(c)
    return kept


def cue_spans(text: str, lang: str, zh_words: list[str]) -> Iterator[tuple[str, int, int, bool]]:
    """(cue, start, end, is_phrase) of every cue in the text."""
    if lang == "zh":
        for word in zh_words:
            for found in re.finditer(re.escape(word), text):
                yield word.lower(), found.start(), found.end(), False
    else:
        for found in _LATIN_CUE.finditer(text):
            word = found.group(0)
            if word[0].islower() and word not in _NOUNS:
                yield word.lower(), found.start(), found.end(), False
    for phrase_lang, cue, pattern in PHRASES:
        if phrase_lang == lang:
            for found in pattern.finditer(text):
                yield cue, found.start(), found.end(), True


def _near(gap: str, lang: str, before: bool) -> bool:
    """A name this far from its cue stands in the cue's clause."""
    if _SENTENCE_END.search(gap):
        return False
    if lang == "zh":
        return len(gap) <= (15 if before else 12)
    return len(_WORD.findall(gap)) <= (10 if before else 6)


def governed(
    start: int,
    end: int,
    places: list[tuple[int, int, str, str]],
    text: str,
    lang: str,
    phrase: bool,
) -> Iterator[tuple[str, tuple[int, int, str, str]]]:
    """("_ ", place) for the nearest name before the cue, (" _", place) after, (" [_]", place)
    inside a phrase's gap."""
    before = [p for p in places if p[1] <= start]
    if before and _near(text[before[-1][1] : start], lang, True):
        yield "_ ", before[-1]
    after = [p for p in places if p[0] >= end]
    if after and _near(text[end : after[0][0]], lang, False):
        yield " _", after[0]
    if phrase:
        inside = [p for p in places if p[0] >= start and p[1] <= end]
        if inside:
            yield " [_]", inside[0]


def mined_words(text: str, lang: str, places: list[tuple[int, int, str, str]]) -> set[str]:
    """Words next to names that no cue table holds: the past-tense word after a name and the one
    before it (English, German), the two Han characters after a name (Chinese)."""
    out: set[str] = set()
    starts = {p[0] for p in places}
    for start, end, _, _ in places:
        if lang == "zh":
            rest = text[end : end + 6].lstrip(_HAN_SKIP)
            if any(end <= at <= end + 3 for at in starts):
                continue  # a list of names without marks: the next name, no verb
            if re.match(r"[\u4e00-\u9fff]{2}", rest) and not _NOT_ZH_VERB.match(rest[:2]):
                out.add(rest[:2])
            continue
        after = [w for w in _WORD.findall(text[end : end + 60]) if w.lower() not in _STOP]
        words = [w for w in _WORD.findall(text[max(0, start - 40) : start])]
        for word in after[:1] + words[-1:]:
            ending = r"(?:te|ten)$" if lang == "de" else r"ed$"
            if word.islower() and re.search(ending, word) and word not in _NOUNS:
                out.add(word)
    return out


def _treatment(roles: set[str]) -> str:
    return "+".join(r for r in ROLES if r in roles) or NONE


def report_sightings(
    round_: int, report: dict[str, Any], roster: Roster, zh_words: list[str], use_extractor: bool
) -> tuple[list[Sighting], set[str]]:
    lang = _lang(report)
    text = to_simplified(report["text"]) if lang == "zh" else report["text"]
    extracted = (
        [p.name for p in extract_people(report["text"], roster, language=lang)]
        if use_extractor
        else []
    )
    places = candidates(report, text, lang, roster, extracted)
    labels: dict[str, set[str]] = defaultdict(set)
    for person in report["people"]:
        labels[name_key(unannotated(person["name"]), roster)].add(person["role"])
    out = []
    for cue, start, end, phrase in cue_spans(text, lang, zh_words):
        for side, (p_start, p_end, key, name) in governed(start, end, places, text, lang, phrase):
            label = f"_ {cue}" if side == "_ " else f"{cue}{side}"
            left, right = min(start, p_start), max(end, p_end)
            out.append(
                Sighting(
                    label,
                    str(report["id"]),
                    round_,
                    lang,
                    _treatment(labels.get(key, set())),
                    name,
                    text[max(0, left - 20) : right + 20].replace("\n", " "),
                )
            )
    return out, mined_words(text, lang, places)


def sightings(
    reports: Iterable[tuple[int, dict[str, Any]]], roster: Roster, use_extractor: bool = True
) -> list[Sighting]:
    """Every cue sighting in the reports: the table's cues first, then the mined words that
    stand next to names in at least three reports (read in a second pass)."""
    zh_words = _zh_table_words()
    reports = list(reports)
    found: list[Sighting] = []
    mined: Counter[str] = Counter()
    for round_, report in reports:
        seen, words = report_sightings(round_, report, roster, zh_words, use_extractor)
        found += seen
        mined.update(words)
    extra = sorted(
        w for w, n in mined.items() if n >= 3 and w not in zh_words and not _LATIN_CUE.fullmatch(w)
    )
    if extra:
        latin = [w for w in extra if not has_han(w)]
        han = [w for w in extra if has_han(w)]
        for round_, report in reports:
            lang = _lang(report)
            text = to_simplified(report["text"]) if lang == "zh" else report["text"]
            words = han if lang == "zh" else latin
            if not words:
                continue
            places = candidates(report, text, lang, roster, [])
            found += _mined_sightings(round_, report, text, lang, words, places, roster)
    return found


def _mined_sightings(
    round_: int,
    report: dict[str, Any],
    text: str,
    lang: str,
    words: list[str],
    places: list[tuple[int, int, str, str]],
    roster: Roster,
) -> list[Sighting]:
    labels: dict[str, set[str]] = defaultdict(set)
    for person in report["people"]:
        labels[name_key(unannotated(person["name"]), roster)].add(person["role"])
    out = []
    edge = "" if lang == "zh" else r"\b"
    for word in words:
        for found in re.finditer(edge + re.escape(word) + edge, text):
            for side, (_, _, key, name) in governed(
                found.start(), found.end(), places, text, lang, False
            ):
                label = f"_ {word}" if side == "_ " else f"{word}{side}"
                out.append(
                    Sighting(
                        label + " (mined)",
                        str(report["id"]),
                        round_,
                        lang,
                        _treatment(labels.get(key, set())),
                        name,
                        text[max(0, found.start() - 40) : found.end() + 40].replace("\n", " "),
                    )
                )
    return out


@dataclass
class Row:
    cue: str
    langs: str
    total: int
    role_a: str
    role_b: str
    n_a: int
    n_b: int
    n_other: int
    n_none: int
    rounds_a: list[int]
    rounds_not: list[int]
    recent_a: int
    recent_not: int
    recent_b: int

    @property
    def not_a(self) -> int:
        return self.total - self.n_a


def _roles(seen: Iterable[Sighting]) -> Counter[str]:
    roles: Counter[str] = Counter()
    for s in seen:
        roles.update(s.treatment.split("+") if s.treatment != NONE else [])
    return roles


def base_rates(found: list[Sighting]) -> dict[str, float]:
    """How often each role is labelled on a governed person, over all cues."""
    roles = _roles(found)
    return {r: roles[r] / len(found) for r in ROLES if roles[r]} if found else {}


def row_of(cue: str, seen: list[Sighting], recent: set[int], base: dict[str, float]) -> Row:
    """A against B and unlabelled for one cue's sightings. A is the role this cue's people
    carry most above its rate over all cues (most people are attendees: a chairing cue's
    people attend too, and its A is presided)."""
    roles = _roles(seen)
    lifted = [r for r in roles if roles[r] >= 3 and r in base]
    role_a = max(lifted, key=lambda r: roles[r] / base[r], default=NONE)
    lacking = [s for s in seen if role_a not in s.treatment.split("+")]
    others: Counter[str] = Counter(s.treatment.split("+")[0] for s in lacking)
    role_b = (
        max((r for r in others if r != NONE), key=lambda r: others[r], default=NONE)
        if any(r != NONE for r in others)
        else NONE
    )
    by_round: dict[int, list[bool]] = defaultdict(list)
    for s in seen:
        by_round[s.round].append(role_a in s.treatment.split("+"))
    rounds_a = sorted(r for r, v in by_round.items() if sum(v) * 2 > len(v))
    rounds_not = sorted(r for r, v in by_round.items() if sum(v) * 2 < len(v))
    new = [s for s in seen if s.round in recent]
    return Row(
        cue,
        "/".join(sorted({s.lang for s in seen})),
        len(seen),
        role_a,
        role_b,
        len(seen) - len(lacking),
        others[role_b] if role_b != NONE else 0,
        sum(n for r, n in others.items() if r not in (role_b, NONE)),
        others[NONE],
        rounds_a,
        rounds_not,
        sum(1 for s in new if role_a in s.treatment.split("+")),
        sum(1 for s in new if role_a not in s.treatment.split("+")),
        sum(1 for s in new if role_b != NONE and s.treatment.split("+")[0] == role_b),
    )


def disagreements(
    found: list[Sighting],
    recent: set[int],
    min_total: int = 8,
    min_side: int = 3,
    low: float = 0.2,
    high: float = 0.8,
) -> list[Row]:
    """The cues whose people are labelled A in some sightings and not in a substantial share
    of the others, the largest minority first."""
    by_cue: dict[str, list[Sighting]] = defaultdict(list)
    for s in found:
        by_cue[s.cue].append(s)
    base = base_rates(found)
    rows = []
    for cue, seen in by_cue.items():
        if len(seen) < min_total:
            continue
        row = row_of(cue, seen, recent, base)
        if row.role_a == NONE:
            continue
        share = row.n_a / row.total
        if row.not_a >= min_side and low <= share <= high:
            rows.append(row)
    rows.sort(key=lambda r: (-min(r.n_a, r.not_a), r.cue))
    return rows


def breakdown(row: Row, seen: list[Sighting]) -> str:
    """A / B / unlabelled (/ another role) per round and per language: "r16 2/1/0 ... | zh 5/1/1"."""

    def counts(group: list[Sighting]) -> str:
        firsts = [s.treatment.split("+") for s in group]
        n_a = sum(1 for t in firsts if row.role_a in t)
        n_b = sum(1 for t in firsts if row.role_a not in t and t[0] == row.role_b)
        n_none = sum(1 for t in firsts if t == [NONE])
        rest = len(group) - n_a - n_b - n_none
        return f"{n_a}/{n_b}/{n_none}" + (f"+{rest}" if rest else "")

    by_round: dict[int, list[Sighting]] = defaultdict(list)
    by_lang: dict[str, list[Sighting]] = defaultdict(list)
    for s in seen:
        by_round[s.round].append(s)
        by_lang[s.lang].append(s)
    rounds = " ".join(f"r{r} {counts(g)}" for r, g in sorted(by_round.items()))
    langs = " ".join(f"{lang} {counts(g)}" for lang, g in sorted(by_lang.items()))
    return f"{rounds} | {langs}"


def _span(rounds: list[int]) -> str:
    return ",".join(map(str, rounds)) if rounds else "-"


def print_table(rows: list[Row], recent_label: str) -> None:
    print(
        f"{'cue':28} {'lang':8} {'n':>4}  {'A':9} {'B':9} {'A':>4} {'B':>4} {'oth':>4} {'none':>4}"
        f"  {'recent A/notA':>13}  rounds mostly A | mostly not A  ({recent_label})"
    )
    for r in rows:
        print(
            f"{r.cue[:28]:28} {r.langs:8} {r.total:4}  {r.role_a:9} {r.role_b:9} {r.n_a:4} {r.n_b:4}"
            f" {r.n_other:4} {r.n_none:4}  {r.recent_a:>6}/{r.recent_not:<6}  "
            f"{_span(r.rounds_a)} | {_span(r.rounds_not)}"
        )


# A transcript's heading: the meeting, talks or conversation it gives the words of, and with whom.
_TALKS_HEADING = re.compile(
    r"(?m)^[ \t]*(?:(?:Beginning|Start|Excerpts|Extracts|Transcript)\s+(?:of|from)\s+)*"
    r"(?:(?:a|the)\s+)?(?:Transcript\s+of\s+)?(?:(?:a|the)\s+)?"
    r"(?:Working\s+|Bilateral\s+|Russian-[A-Z][\w-]*\s+)?"
    r"(?:meeting|talks?|conversation|telephone\s+conversation)s?\s+with\s+(?P<obj>[^\n]+)$",
    re.I,
)
_LABEL = next(p for lang, cue, p in PHRASES if cue == "speaker label:")


def speaker_headings(
    reports: Iterable[tuple[int, dict[str, Any]]], blind: set[int]
) -> tuple[Counter[tuple[str, bool, str]], list[str]]:
    """How the labels treat a transcript's speakers who do not chair, by the heading before the
    first speaker label: talks or a meeting "with" a person the labels name ("person"), "with"
    nobody named (a body, a group: "no person"). The person the heading names is left out (the
    heading gives them the occasion); counts (kind, blind round, treatment) and one line each."""
    counts: Counter[tuple[str, bool, str]] = Counter()
    lines = []
    for round_, report in reports:
        text = report["text"]
        first = _LABEL.search(text)
        headings = list(_TALKS_HEADING.finditer(text, 0, first.start())) if first else []
        if not headings:
            continue
        heading = headings[-1]
        roles: dict[str, set[str]] = defaultdict(set)
        for person in report["people"]:
            roles[unannotated(person["name"])].add(person["role"])

        def named(name: str, where: str) -> bool:
            return name.split()[-1].casefold() in where.casefold()

        obj = heading.group("obj")
        guests = {n for n in roles if named(n, obj)}
        labels = " ".join(m.group() for m in _LABEL.finditer(text))
        kind = "person" if guests else "no person"
        for name in roles:
            if name in guests or "presided" in roles[name] or not named(name, labels):
                continue
            treatment = _treatment(roles[name])
            counts[(kind, round_ in blind, treatment)] += 1
            lines.append(
                f"{kind:9} {treatment:16} r{round_:<3} {report['id']:22} {name:22} "
                f"| {heading.group().strip()[:80]}"
            )
    return counts, lines


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", help="e.g. 1-25 (default: every dev round)")
    parser.add_argument(
        "--recent", default="16-25", help="the blind rounds that settle a convention"
    )
    parser.add_argument("--lang", choices=["en", "de", "zh"])
    parser.add_argument("--min", type=int, default=8, help="sightings a cue needs to be listed")
    parser.add_argument("--min-side", type=int, default=3)
    parser.add_argument("--low", type=float, default=0.2)
    parser.add_argument("--high", type=float, default=0.8)
    parser.add_argument(
        "--cue", action="append", default=[], help="the row of this cue, listed or not"
    )
    parser.add_argument("--show", action="append", default=[], help="list this cue's sightings")
    parser.add_argument("--no-extractor", action="store_true", help="labelled names only")
    parser.add_argument(
        "--speakers",
        action="store_true",
        help="a transcript's speakers by the heading before them (round 16), blind = --recent",
    )
    args = parser.parse_args(argv)
    rounds = parse_rounds(args.rounds) if args.rounds else None
    roster = load_roster()
    reports = [
        (r, rep) for r, rep in dev_reports(rounds) if args.lang is None or _lang(rep) == args.lang
    ]
    recent = parse_rounds(args.recent)
    if args.speakers:
        counts, lines = speaker_headings(reports, recent)
        print("\n".join(sorted(lines)))
        for (kind, blind, treatment), n in sorted(counts.items()):
            print(f"{kind:9} {'blind' if blind else 'other':5} {treatment:16} {n}")
        return
    found = sightings(reports, roster, use_extractor=not args.no_extractor)
    for cue in args.show:
        for s in sorted((s for s in found if s.cue == cue), key=lambda s: (s.treatment, s.round)):
            print(f"{s.treatment:16} r{s.round:<3} {s.report_id:22} {s.name:20} {s.context}")
        print()
    if args.show:
        return
    if args.cue:
        base = base_rates(found)
        chosen = [c for c in args.cue if any(s.cue == c for s in found)]
        rows = [row_of(c, [s for s in found if s.cue == c], recent, base) for c in chosen]
        print_table(rows, f"recent = rounds {args.recent}")
        for row in rows:
            print(f"{row.cue}: {breakdown(row, [s for s in found if s.cue == row.cue])}")
        return
    rows = disagreements(found, recent, args.min, args.min_side, args.low, args.high)
    print(f"{len(reports)} reports, {len(found)} sightings, {len(rows)} cues whose labels disagree")
    print_table(rows, f"recent = rounds {args.recent}")


if __name__ == "__main__":
    main(sys.argv[1:])
