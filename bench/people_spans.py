"""Name spans of people extraction, apart from roles: per dev file and per style, how many
labelled people are read with the right name (in any role), how many are read only with a
wrong span, how many are missed entirely, and how many extracted names are no labelled
person's at all.

A person read with the wrong span costs twice in bench_people.py (a false positive and a miss)
and breaks comparisons of two reports ("Tebartz-van" for "Tebartz-van Elst", "萧兹抵" for 萧兹 +
抵达). This bench separates those errors from role errors:

- right: a labelled name some extracted name equals after bench_people's normalisation
  (`name_key`: the roster's canonical name, pinyin, the folded name), whatever the roles;
- span: an extracted name that equals no labelled name but overlaps one: it stands over or
  inside one of the label's occurrences in the text, or (when either cannot be found in the
  text) shares a word of three letters or more that is no particle with it, or a run of two
  Han characters;
- span-lost: a labelled name not read right but overlapped by a span error;
- missed: a labelled name neither read right nor overlapped;
- non-name: an extracted name that overlaps no labelled name (a person given no role by the
  labels, or no person at all: "后首次").

Span errors are then sorted by cause (a Chinese name glued to what follows it, a title kept, a
particle, an initial, a hyphen lost, ...): `causes` below.

Counts only by default, so that a held-out split may be scored (`--split val`); `--show` lists
each span error (dev only).

Run: PYTHONPATH=.:bench python bench/people_spans.py [--split dev|val] [--style S] [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bench_people import DATA, load_roster, name_key

from worker.detect.attendees import unannotated
from worker.detect.people import _normalised, _paragraphs, _sentence_spans, extract_people
from worker.detect.people_latin import Context, names_in
from worker.detect.roster import Roster, fold, has_han

# words a name may share with another's without being one span: particles and short words
_PARTICLES = frozenset(
    "van von der den de del della di da das dos du la le ter ten zu bin ibn bint binti al el "
    "abu ben mac st".split()
)
_TITLES = frozenset(
    "dr dr. prof prof. mr mr. mrs mrs. ms ms. sir dame lord lady herr frau president premier "
    "minister chancellor king queen prince princess general gen. mayor senator governor "
    "bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin landrat landrätin "
    "pfarrer pfarrerin bischof ministerpräsident ministerpräsidentin bundeskanzler "
    "bundeskanzlerin bundespräsident staatssekretär staatssekretärin vorsitzender "
    "vorsitzende".split()
)
_HAN = re.compile(r"[\u3400-\u9fff]+")
_DOTS = "·•‧・."


@dataclass
class Count:
    labels: int = 0
    right: int = 0
    span_lost: int = 0
    missed: int = 0
    missed_read: int = 0  # letters: the name finder reads the name right, no role given
    missed_span: int = 0  # letters: the name finder reads it only with a wrong span
    extracted: int = 0
    span: int = 0
    non_name: int = 0

    def add(self, other: Count) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class SpanError:
    report: str
    got: str
    labels: list[str]
    cause: str


@dataclass
class Outcome:
    count: Count
    errors: list[SpanError] = field(default_factory=list)
    non_names: list[str] = field(default_factory=list)
    finder_spans: list[SpanError] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # letters: misses no name finder reads


def finder_names(text: str, lang: str, roster: Roster) -> list[str]:
    """Every name the Latin name finder (`people_latin.names_in`) reads in the sentences of a
    text in letters, whatever their roles: what a miss would need first."""
    text = _normalised(text, lang)
    ctx = Context(roster, text, german=lang == "de")
    names: list[str] = []
    for paragraph in _paragraphs(text, han=False):
        for start, end in _sentence_spans(paragraph, german=lang == "de"):
            names.extend(names_in(paragraph[start:end], ctx))
    return names


def _places(name: str, texts: tuple[str, ...]) -> list[tuple[int, int, int]] | None:
    """Where `name` stands in each of the texts (index, start, end), case ignored and, for a
    name in letters, as whole words ("Xi" is not in "Xuexiang"); None when in none of them."""
    if not name.strip():
        return None
    edge = "" if has_han(name) else r"(?<!\w)"
    pattern = re.compile(edge + re.escape(name) + ("" if has_han(name) else r"(?!\w)"), re.I)
    found = [
        (i, m.start(), m.end()) for i, text in enumerate(texts) for m in pattern.finditer(text)
    ]
    return found or None


def _words(name: str) -> set[str]:
    return {
        w
        for w in (fold(w) for w in re.split(r"[\s\-‐–]+", name.casefold()))
        if len(w) >= 3 and w not in _PARTICLES
    }


def _han_runs(name: str) -> set[str]:
    return {run[i : i + 2] for run in _HAN.findall(name) for i in range(len(run) - 1)}


def _overlap(got: str, label: str, where: dict[str, list[tuple[int, int, int]] | None]) -> bool:
    a, b = where.get(got), where.get(label)
    if a is not None and b is not None:
        return any(i == j and s < f and t < e for i, s, e in a for j, t, f in b)
    if has_han(got) or has_han(label):
        return bool(_han_runs(got) & _han_runs(label))
    return bool(_words(got) & _words(label))


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"\s+", name.strip()) if t]


def cause(got: str, label: str, lang: str) -> str:
    """The likeliest cause of an extracted name `got` standing for the labelled `label`."""
    if has_han(got) or has_han(label):
        return _han_cause(got, label)
    return _latin_cause(got, label, lang)


def _han_cause(got: str, label: str) -> str:
    if not (has_han(got) and has_han(label)):
        return "zh: script differs"
    if any(d in got + label for d in "·•‧・"):
        if any(d in label for d in "·•‧・") and label.startswith(got.rstrip("·•‧・")):
            return "zh: · name cut"
        return "zh: · name other"
    if got.startswith(label):
        return "zh: glued to what follows"
    if got.endswith(label):
        return "zh: title or word before kept"
    if label in got:
        return "zh: words on both sides kept"
    if label.startswith(got):
        return f"zh: cut at end ({len(label)} -> {len(got)})"
    if label.endswith(got):
        return f"zh: cut at start ({len(label)} -> {len(got)})"
    if label[-1] == got[0] or label[0] == got[-1]:
        return "zh: shifted (two names run together)"
    return "zh: other"


def _latin_cause(got: str, label: str, lang: str) -> str:
    g, lab = _tokens(got), _tokens(label)
    fg, fl = [fold(t) for t in g], [fold(t) for t in lab]
    if sorted(fg) == sorted(fl):
        return "latin: order"
    if "".join(fg) == "".join(fl) or fold(got) == fold(label):
        return "latin: spacing or hyphen"
    if label.casefold() in got.casefold():
        return _kept(got, label, lang)
    if got.casefold() in label.casefold():
        return _lost(got, label)
    words = g + lab
    if any(t.isupper() and len(t) > 2 for t in words):
        return "latin: all-caps word"
    if any(fold(t) in _PARTICLES or t.casefold().startswith(("al-", "el-")) for t in words):
        return "latin: particle"
    if any(len(t.strip(".")) <= 1 for t in words):
        return "latin: initials"
    if "-" in got + label:
        return "latin: hyphen"
    return "latin: words differ (one shared)" if set(fg) & set(fl) else "latin: other"


def _kept(got: str, label: str, lang: str) -> str:
    """The cause of an extracted name holding the label and more words."""
    at = got.casefold().index(label.casefold())
    before, after = got[:at].strip(), got[at + len(label) :].strip()
    if before and not after:
        titled = fold(before.split()[-1]) in {fold(t) for t in _TITLES} or before.endswith(".")
        kind = "title" if titled else "word"
        return f"{'de' if lang == 'de' else 'latin'}: {kind} before kept"
    return "latin: words after kept" if after and not before else "latin: words on both sides kept"


def _lost(got: str, label: str) -> str:
    """The cause of an extracted name that is part of the label."""
    low, whole = got.casefold(), label.casefold()
    lost = whole.replace(low, " ").split()
    if any(w.strip(",") in _PARTICLES or w.startswith(("al-", "el-")) for w in lost):
        return "latin: particle lost"
    if any(len(w.strip(".")) <= 1 or w.endswith(".") for w in lost):
        return "latin: initial lost"
    if whole.startswith(low):
        if got.endswith("-") or "-" in label[len(got) : len(got) + 2]:
            return "latin: hyphen cut"
        return "latin: last word lost"
    if whole.endswith(low):
        if len(_tokens(got)) == 1:
            return "latin: surname alone (the fuller name not taken)"
        return "latin: first given name lost (a title's word?)"
    return "latin: words on both sides lost"


def score(report: dict[str, Any], roster: Roster) -> Outcome:
    language = report.get("language") or None
    lang = "zh" if language == "zh" else language
    text = report["text"]
    people = extract_people(text, roster, language=lang)
    labels: dict[str, str] = {}
    for p in report.get("people", []):
        labels.setdefault(name_key(p["name"], roster), unannotated(p["name"]))
    got: dict[str, str] = {}
    for p in people:
        got.setdefault(name_key(p.name, roster), unannotated(p.name))
    count = Count(labels=len(labels), extracted=len(got))
    right = labels.keys() & got.keys()
    count.right = len(right)
    texts = (unannotated(text), _normalised(text, lang or "en"))
    where = {n: _places(n, texts) for n in [*labels.values(), *got.values()]}
    touched: set[str] = set()
    errors: list[SpanError] = []
    for key, name in got.items():
        if key in right:
            continue
        over = [lk for lk, label in labels.items() if _overlap(name, label, where)]
        if not over:
            count.non_name += 1
            continue
        count.span += 1
        touched.update(k for k in over if k not in right)
        # the cause against the label it overlaps most: one not read right, then the longest
        best = max(over, key=lambda k: (k not in right, len(labels[k])))
        errors.append(
            SpanError(
                report["id"],
                name,
                [labels[k] for k in over],
                cause(name, labels[best], lang or ""),
            )
        )
    count.span_lost = len(touched)
    missed = [k for k in labels if k not in right and k not in touched]
    count.missed = len(missed)
    outcome = Outcome(count, errors)
    outcome.non_names = [
        name
        for key, name in got.items()
        if key not in right and not any(_overlap(name, label, where) for label in labels.values())
    ]
    if missed and lang in ("en", "de") and not has_han(text):
        read = {name_key(n, roster): n for n in finder_names(text, lang, roster)}
        for n in read.values():
            where.setdefault(n, _places(n, texts))
        for key in missed:
            if key in read:
                count.missed_read += 1
                continue
            over = [n for n in read.values() if _overlap(n, labels[key], where)]
            if over:
                count.missed_span += 1
                outcome.finder_spans.extend(
                    SpanError(report["id"], n, [labels[key]], cause(n, labels[key], lang))
                    for n in over
                )
            else:
                outcome.unread.append(labels[key])
    return outcome


def files(split: str, style: str | None) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    for path in sorted((DATA / split).glob("*.toml")):
        file_style = "none" if path.stem.startswith("none") else path.stem.split(".")[0]
        if style and file_style != style and path.stem.split(".")[0] != style:
            continue
        reports = tomllib.loads(path.read_text(encoding="utf-8")).get("report", [])
        yield path.name, file_style, reports


def _row(name: str, c: Count) -> str:
    return (
        f"  {name:<26} {c.labels:>6} {c.right:>6} {c.span_lost:>6} {c.missed:>6}"
        f" {c.missed_read:>6} {c.missed_span:>6} {c.extracted:>6} {c.span:>6} {c.non_name:>6}"
    )


HEADER = (
    f"  {'file':<26} {'labels':>6} {'right':>6} {'s-lost':>6} {'missed':>6}"
    f" {'m-read':>6} {'m-span':>6} {'extr':>6} {'span':>6} {'nonnm':>6}"
)


def _report_lines(outcome: Outcome, report_id: str, causes: dict[str, Counter[str]]) -> list[str]:
    """The lines `--show` prints for one report; the causes counted."""
    lines: list[str] = []
    for error in outcome.errors:
        causes["span"][error.cause] += 1
        lines.append(f"    {error.report}: {error.got!r} ~ {error.labels} [{error.cause}]")
    for error in outcome.finder_spans:
        causes["finder"][error.cause] += 1
        lines.append(f"    {error.report}: finder {error.got!r} ~ {error.labels} [{error.cause}]")
    if outcome.unread:
        lines.append(f"    {report_id}: names not read {outcome.unread}")
    if outcome.non_names:
        lines.append(f"    {report_id}: non-names {outcome.non_names}")
    return lines


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "val", "test"], default="dev")
    parser.add_argument("--style", help="only this style's files")
    parser.add_argument("--files", action="store_true", help="a row per file (dev only)")
    parser.add_argument(
        "--show", action="store_true", help="list span errors and non-names (dev only)"
    )
    args = parser.parse_args(argv)
    if args.split != "dev" and (args.show or args.files):
        parser.error("--show and --files are for the dev split only: held-out splits are scored")
    roster = load_roster()
    by_style: dict[str, Count] = defaultdict(Count)
    causes: dict[str, Counter[str]] = {"span": Counter(), "finder": Counter()}
    print(f"{args.split}:")
    print(HEADER)
    for name, style, reports in files(args.split, args.style):
        total = Count()
        shown: list[str] = []
        for report in reports:
            outcome = score(report, roster)
            total.add(outcome.count)
            shown.extend(_report_lines(outcome, report["id"], causes))
        by_style[style].add(total)
        if args.files:
            print(_row(name, total))
        if args.show and shown:
            print("\n".join(shown))
    if args.files:
        print(HEADER)
    overall = Count()
    for style, c in sorted(by_style.items()):
        print(_row(style, c))
        if style != "none":
            overall.add(c)
    print(_row("overall (people)", overall))
    for title, counter in (
        ("span errors by cause:", causes["span"]),
        ("misses the name finder reads with a wrong span, by cause (letters):", causes["finder"]),
    ):
        print(f"  {title}")
        for cause_name, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"    {n:>5}  {cause_name}")


if __name__ == "__main__":
    main(sys.argv[1:])
