"""Grouping quality on the events evaluation set: pairwise precision, recall and F1.

    python bench/events_quality.py --split dev [--show] [--discrepancies] [--by-file]
        [--without dev_round6.toml]

Reports are fed in the order they were published (as a feed would bring them), each grouped
incrementally by the same code the pipeline runs (worker.detect.events.place), with candidates
from an in-memory twin of the store's index (day window, shared people and title terms). A
pair of reports is a true positive when both the labels and the grouping put them in one event.
"Merged across years" counts events formed of reports labelled as occasions in different years.
--discrepancies prints every finding, for checking by hand, and counts the discrepancies
(against a consensus: alerted when asked for) apart from the differences between two reports.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.events_data import Report, load
from worker.detect.events import (
    Features,
    GroupingOptions,
    Member,
    discrepancies,
    place,
    report_features,
    when,
)
from worker.service.seeds import load_roster


class MemoryIndex:
    """The store's candidate query, in memory: reports within the window sharing an index key,
    the ones sharing most keys first, at most `candidates` of them."""

    def __init__(self, opts: GroupingOptions) -> None:
        self.opts = opts
        self.by_key: dict[tuple[str, date], set[str]] = defaultdict(set)
        self.features: dict[str, Features] = {}
        self.event_of: dict[str, str] = {}
        self.event_day: dict[str, date] = {}

    def candidates(self, f: Features) -> list[tuple[str, date, Features]]:
        hits: dict[str, int] = defaultdict(int)
        # the days published and, for a late report, the days of the occasion its lead dates
        days = {
            d + timedelta(days=delta)
            for d in {f.day, when(f)}
            for delta in range(-self.opts.window_days, self.opts.window_days + 1)
        }
        for key in f.index_keys():
            for day in days:
                for rid in self.by_key.get((key, day), ()):
                    hits[rid] += 1
        ranked = sorted(hits, key=lambda r: (-hits[r], r))[: self.opts.candidates]
        return [
            (self.event_of[r], self.event_day[self.event_of[r]], self.features[r]) for r in ranked
        ]

    def sizes(self, found: list[tuple[str, date, Features]]) -> dict[str, int]:
        """How many reports each candidate event holds (the store's `storage.events.sizes`)."""
        counted = dict.fromkeys((event for event, _, _ in found), 0)
        for event in self.event_of.values():
            if event in counted:
                counted[event] += 1
        return counted

    def add(self, rid: str, f: Features) -> str:
        found = self.candidates(f)
        placed = place(f, found, self.opts, self.sizes(found))
        event = placed.event
        if event is None:
            event = f"e:{rid}"
            self.event_day[event] = f.day
        for other in placed.absorbed:  # one occasion that was two events: merged into `event`
            for member, was in self.event_of.items():
                if was == other:
                    self.event_of[member] = event
            self.event_day[event] = min(self.event_day[event], self.event_day.pop(other))
        self.event_day[event] = min(self.event_day[event], f.day)
        self.event_of[rid] = event
        self.features[rid] = f
        for key in f.index_keys():
            self.by_key[(key, f.day)].add(rid)
        return event


def group(
    reports: list[Report], opts: GroupingOptions
) -> tuple[dict[str, str], dict[str, Features]]:
    roster = load_roster()
    index = MemoryIndex(opts)
    for r in sorted(reports, key=lambda r: (r.published, r.id)):
        f = report_features(r.title, r.text, r.published, roster)
        index.add(r.id, f)
    return index.event_of, index.features


def pairwise(reports: list[Report], got: dict[str, str]) -> tuple[int, int, int, list, list]:
    tp = fp = fn = 0
    fps, fns = [], []
    for a, b in itertools.combinations(reports, 2):
        same_label = a.event == b.event
        same_got = got[a.id] == got[b.id]
        if same_label and same_got:
            tp += 1
        elif same_got:
            fp += 1
            fps.append((a.id, b.id))
        elif same_label:
            fn += 1
            fns.append((a.id, b.id))
    return tp, fp, fn, fps, fns


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--show", action="store_true", help="list false merges and misses")
    parser.add_argument("--discrepancies", action="store_true")
    parser.add_argument(
        "--by-file", action="store_true", help="also the figures of the pairs within each file"
    )
    parser.add_argument(
        "--merge",
        type=float,
        default=GroupingOptions().merge,
        help="[events] merge: below 1 a report linking two events merges them (default: off)",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="FILE",
        help="leave this events file's reports out of the pool (a validation file kept unread)",
    )
    args = parser.parse_args()
    opts = GroupingOptions(merge=args.merge)
    reports = [r for r in load(args.split) if r.file not in args.without]
    if not reports:
        raise SystemExit(f"split {args.split}: no reports in bench/data/events/ (collect it first)")
    got, features = group(reports, opts)
    tp, fp, fn, fps, fns = pairwise(reports, got)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    labelled = {r.event for r in reports if not r.event.startswith("single:")}
    multi = {e for e in labelled if sum(r.event == e for r in reports) > 1}
    langs = {e for e in multi if len({_lang(r, features) for r in reports if r.event == e}) > 1}
    by_event: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_event[got[r.id]].append(r)
    across_years = [
        sorted(r.id for r in rs)
        for rs in by_event.values()
        if len({r.event for r in rs}) > 1 and len({r.published.year for r in rs}) > 1
    ]
    print(
        f"split={args.split} reports={len(reports)} labelled events={len(labelled)} "
        f"(with 2+ reports: {len(multi)}, in two languages: {len(langs)}) "
        # reports alone under their label: the people pool's ("single:") and each file's own
        # unrelated reports ("alone-..." and the like), which must join nobody
        f"unrelated reports={sum(r.event not in multi for r in reports)}"
    )
    print(f"pairs: tp={tp} fp={fp} fn={fn}")
    print(f"pairwise precision={precision:.3f} recall={recall:.3f} F1={f1:.3f}")
    print(f"events merged across years: {len(across_years)}")
    if args.by_file:
        for name in sorted({r.file for r in reports}):
            ftp, ffp, ffn, _, _ = pairwise([r for r in reports if r.file == name], got)
            fp_ = ftp / (ftp + ffp) if ftp + ffp else 1.0
            fr = ftp / (ftp + ffn) if ftp + ffn else 1.0
            ff1 = 2 * fp_ * fr / (fp_ + fr) if fp_ + fr else 0.0
            print(
                f"  {name}: tp={ftp} fp={ffp} fn={ffn} "
                f"precision={fp_:.3f} recall={fr:.3f} F1={ff1:.3f}"
            )
    if args.show:
        for a, b in fps:
            print(f"  false merge: {a} + {b}")
        for a, b in fns:
            print(f"  missed: {a} + {b}")
    if args.discrepancies:
        by_id = {r.id: r for r in reports}
        found = {True: 0, False: 0}
        for event, rs in sorted(by_event.items()):
            if len(rs) < 2:
                continue
            members = [Member(r.id, features[r.id]) for r in sorted(rs, key=lambda r: r.id)]
            for d in discrepancies(members):
                found[d.consensus] += 1
                label = d.kind if d.consensus else f"{d.kind}, difference"
                print(
                    f"[{label}] {event} {d.summary} | {', '.join(by_id[x].outlet for x in d.reports)}"
                )
        print(
            f"findings: {found[True]} discrepancies against a consensus (alerted when "
            f"[events] alert_discrepancies is on), {found[False]} differences between two "
            "reports (shown, never alerted)"
        )


def _lang(r: Report, features: dict[str, Features]) -> str:
    return features[r.id].language


if __name__ == "__main__":
    main()
