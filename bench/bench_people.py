"""Precision, recall and F1 of people extraction on real reports, per style; pairs; speed.

Input:
- bench/data/people/{dev,val,test}/*.toml: real report excerpts labelled by hand (LABELLING.md),
  one file per style; none*.toml hold reports that name nobody in a role (precision only).
- bench/data/people/pairs/*.toml: real pairs of reports of one event and the expected
  comparison (added, removed, role changes).
- /work/shared/corpus/meetings-zh (43 CCTV reports; index.json names the leaders of the
  attendee sentences) and the seed report, when present: the styles the extractor was first
  built on, kept as a regression check.

Output: printed figures. A person counts as found when the name (folded, or through the roster
or pinyin) and the role both match a label; every extracted (name, role) not labelled is a
false positive. The test split is never tuned on: `--show` lists misses for dev only.

F1 counts every (name, role); F1/rep is the mean of each report's own F1, so that a long list
does not outweigh the short reports.

Run: PYTHONPATH=. python bench/bench_people.py [--split dev|val|test|both] [--show] [--style S]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from worker.detect.attendees import lead_body_diff, unannotated
from worker.detect.people import extract_people, use_reader
from worker.detect.report import compare_reports
from worker.detect.roster import Roster, fold, has_han, pinyin_name

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "people"
CORPUS = Path("/work/shared/corpus/meetings-zh")
SEED = ROOT / "seeds" / "000_51e97353ff3bef23.txt"


def load_roster() -> Roster:
    """The roster wirediff itself uses: seeds/people.toml and the given names."""
    from worker.service.seeds import load_roster as bundled

    return bundled()


def name_key(name: str, roster: Roster) -> str:
    """One key per person: the roster's canonical name, else pinyin, else the folded name."""
    # a label may keep the pinyin a scraper printed after each character ("李(li)强(qiang)",
    # names as written) while the extractor reads the name without it: the same person
    name = unannotated(name)
    known = roster.canonical(name)
    if known:
        return fold(known)
    return fold(pinyin_name(name)) if has_han(name) else fold(name)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    reports: int = 0
    fp_reports: int = 0
    f1_sum: float = 0.0  # each report's own F1, for the per-report mean

    @property
    def report_f1(self) -> float:
        """The mean of the reports' own F1: one long list weighs as much as a short report
        (the micro-averaged `f1` counts every name, so a 50-name council list outweighs ten
        short reports)."""
        return self.f1_sum / self.reports if self.reports else 1.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.reports += other.reports
        self.fp_reports += other.fp_reports
        self.f1_sum += other.f1_sum

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Outcome:
    missed: list[tuple[str, str]] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)


def score_report(report: dict[str, Any], roster: Roster) -> tuple[Score, Outcome]:
    language = report.get("language") or None
    lang = "zh" if language == "zh" else language
    people = extract_people(report["text"], roster, language=lang)
    got = {(name_key(p.name, roster), p.role): p.name for p in people}
    want = {(name_key(p["name"], roster), p["role"]): p["name"] for p in report["people"]}
    tp = len(got.keys() & want.keys())
    extra = [(got[k], k[1]) for k in got.keys() - want.keys()]
    missed = [(want[k], k[1]) for k in want.keys() - got.keys()]
    score = Score(tp, len(extra), len(missed), 1, 1 if extra else 0)
    score.f1_sum = score.f1
    return score, Outcome(missed, extra)


def load_reports(split: str) -> dict[str, list[dict[str, Any]]]:
    """Reports by style (file name up to its first dot; none*.toml -> "none").

    dev/<style>.round2.toml, .round5.toml, .round6.toml, .round7.toml, .round8.toml, .round9.toml,
    .round12.toml, .round13.toml, .round16.toml, .round18.toml, .round20.toml, .round22.toml,
    .round24.toml, .round26.toml, .round28.toml, .round30.toml, .round32.toml, .round34.toml and
    .round36.toml, .round38.toml, .round40.toml, .round42.toml, .round43.toml, .round44.toml and
    .round45.toml hold rounds 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    20, 21, 22, 23, 24 and 25's test splits,
    moved to dev once they had been seen; .round10.toml is round 7's extra development data,
    .round11.toml, .round14.toml, .round17.toml, .round19.toml, .round21.toml, .round23.toml,
    .round25.toml, .round27.toml, .round29.toml, .round31.toml, .round33.toml, .round35.toml and
    .round37.toml, .round39.toml and .round41.toml rounds 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
    18, 19, 20 and 21's validation splits, .round15.toml round 9's extra development data.
    """
    by_style: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted((DATA / split).glob("*.toml")):
        style = "none" if path.stem.startswith("none") else path.stem.split(".")[0]
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            by_style[style].append(report)
    return by_style


def evaluate(split: str, roster: Roster, *, show: bool, only: str | None) -> dict[str, Any]:
    by_style = load_reports(split)
    if not by_style:
        print(f"{split}: no reports in bench/data/people/{split}/ (collect the split first)")
        return {}
    total = Score()
    rows: dict[str, Any] = {}
    for style, reports in sorted(by_style.items()):
        if only and style != only:
            continue
        score = Score()
        for report in reports:
            s, outcome = score_report(report, roster)
            score.add(s)
            if show and split == "dev" and (outcome.missed or outcome.extra):
                print(f"  {report['id']}: missed {outcome.missed} extra {outcome.extra}")
        rows[style] = score
        if style != "none":
            total.add(score)
    print(f"{split}:")
    print(f"  {'style':<12} {'reports':>7} {'P':>6} {'R':>6} {'F1':>6} {'F1/rep':>6}   tp/fp/fn")
    for style, s in rows.items():
        if style == "none":
            continue
        print(
            f"  {style:<12} {s.reports:>7} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
            f" {s.report_f1:6.3f}   {s.tp}/{s.fp}/{s.fn}"
        )
    print(
        f"  {'overall':<12} {total.reports:>7} {total.precision:6.3f} {total.recall:6.3f}"
        f" {total.f1:6.3f} {total.report_f1:6.3f}   {total.tp}/{total.fp}/{total.fn}"
    )
    none = rows.get("none")
    if none:
        print(
            f"  no-attendee reports: {none.reports}, false positives {none.fp}"
            f" in {none.fp_reports} reports"
        )
    return rows


def _names(items: Iterable[str], roster: Roster) -> set[str]:
    return {name_key(n, roster) for n in items}


def pair_outcome(
    pair: dict[str, Any], texts: dict[str, dict[str, Any]], roster: Roster
) -> tuple[bool, Any, set[tuple[str, str, str]]]:
    """Whether a pair compares as its labels expect (added, removed and role changes, by name
    key), with the comparison's attendee diff and its role changes."""
    a = pair.get("a_text") or texts[pair["a"]]["text"]
    b = pair.get("b_text") or texts[pair["b"]]["text"]
    change = compare_reports(a, b, roster)
    diff = change.attendees if change else None
    got_roles = {
        (name_key(r.name, roster), r.before, r.after) for r in (diff.role_changes if diff else ())
    }
    want_roles = {
        (name_key(r["name"], roster), r["before"], r["after"]) for r in pair.get("role_changes", [])
    }
    ok = (
        _names(diff.added if diff else (), roster) == _names(pair.get("added", []), roster)
        and _names(diff.removed if diff else (), roster) == _names(pair.get("removed", []), roster)
        and got_roles == want_roles
    )
    return ok, diff, got_roles


def evaluate_pairs(split: str, roster: Roster, *, show: bool) -> None:
    texts = {r["id"]: r for reports in load_reports(split).values() for r in reports}
    right = total = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [right, total]
    for path in sorted((DATA / "pairs").glob("*.toml")):
        pairs = tomllib.loads(path.read_text(encoding="utf-8")).get("pair", [])
        for pair in [pairs] if isinstance(pairs, dict) else pairs:
            if pair.get("split", "dev") != split:
                continue
            ok, diff, got_roles = pair_outcome(pair, texts, roster)
            total += 1
            right += ok
            by_kind[pair.get("kind", "?")][0] += ok
            by_kind[pair.get("kind", "?")][1] += 1
            if show and split == "dev" and not ok:
                print(
                    f"  pair {pair['id']}: added {diff.added if diff else ()} removed "
                    f"{diff.removed if diff else ()} roles {sorted(got_roles)}"
                )
    if total:
        kinds = ", ".join(f"{k} {r}/{t}" for k, (r, t) in sorted(by_kind.items()))
        print(f"  pairs: {right}/{total} compare as expected ({kinds})")


def meetings_zh(roster: Roster) -> None:
    """The CCTV corpus the extractor was first built on: recall must stay 1.0."""
    if not (CORPUS / "index.json").exists():
        print("meetings-zh: corpus not present, skipped")
        return
    index = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))
    tp = fn = 0
    texts = [(CORPUS / e["file"]).read_text(encoding="utf-8") for e in index]
    for entry, text in zip(index, texts, strict=True):
        truth = set(entry.get("leaders_named_in_attendee_sentences", []))
        got = {p.name for p in extract_people(text, roster, language="zh")}
        tp, fn = tp + len(got & truth), fn + len(truth - got)
    print(f"meetings-zh: {len(index)} reports, recall {tp / max(tp + fn, 1):.3f} (tp={tp} fn={fn})")


def seed(roster: Roster) -> None:
    people = extract_people(SEED.read_text(encoding="utf-8"), roster)
    diff = lead_body_diff(people, roster)
    print(f"seed: {len(people)} people; lead vs body: {diff.to_dict() if diff else None}")


def throughput(roster: Roster) -> None:
    texts = [r["text"] for reports in load_reports("dev").values() for r in reports]
    if CORPUS.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text in texts:
            extract_people(text, roster)
        best = min(best, time.process_time() - start)
    print(
        f"throughput: {len(texts) / best:.0f} reports/s over {len(texts)} reports (CPU, best of 3)"
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # val: a fresh collection scored (never read) while a round's changes are designed, to see
    # whether they generalise before the held-out test split is scored; moved to dev after.
    parser.add_argument("--split", choices=["dev", "val", "test", "both"], default="both")
    parser.add_argument("--show", action="store_true", help="list misses (dev split only)")
    parser.add_argument("--style", help="only this style")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument(
        "--reader", action="store_true", help="with the learned reader's people (people_reader)"
    )
    args = parser.parse_args(argv)
    if args.reader:
        use_reader(True)
    roster = load_roster()
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        evaluate(split, roster, show=args.show, only=args.style)
        evaluate_pairs(split, roster, show=args.show)
    if not args.style:
        meetings_zh(roster)
        seed(roster)
    if not args.no_speed:
        throughput(roster)


if __name__ == "__main__":
    main(sys.argv[1:])
