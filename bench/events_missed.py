"""The missed pairs of the events set, each by the first rule that stops it (round 14, ev14b).

    python bench/events_missed.py --split dev [--show dev_round18.toml ...] [--without FILE]

Replays the grouping as bench/events_quality.py does (reports in the order published, the
in-memory index) and keeps, for each report, the candidates it was scored against and the
event it joined. A missed pair (two reports under one label, in two events at the end) is then
classed by the first thing that stops it, the later report against the earlier one:

- "not fetched": the earlier report was not among the later one's candidates (no index key in
  common within the days asked, a key in common outside the days asked, or beyond the
  `candidates` first);
- a rule of `score` that says another occasion, in `score`'s order (the window, both leads
  dated to other days, another place or named occasion, other sides, a preview against a
  report, a series' title, kinds that differ, one undated and the days apart);
- "weak": nothing against the pair, too little evidence for `join`, by the people in common,
  whether a kind agrees and whether the two are in one language (the labels' language);
- "join, in two events": the pair scores `join` and the later report went elsewhere (its
  tally of the earlier one's event incoherent, another event scoring higher, or a merge
  refused).

Prints the count of each class over all files and per file; `--show FILE` lists that file's
missed pairs with their titles and class (dev data only: never a held-out split).

`--scripts` (round 24, ev24c) counts the missed pairs by the scripts of the two reports' labelled
languages (one language; two languages of one script, Latin for en, de, fr ...; or the two
scripts) against a coarse class (not fetched, by whether any index key is shared; scores
`join`, placed apart; days; weak, by the people in common; the other rules by name).

`--joins` (round 16, evjoin16) breaks the pairs scoring `join` and left in two events down by
what the grouping did when the later report (b) was placed, against the event then holding
the earlier one (a): that event's members said another occasion at least as often as they
matched b (a member under b's own label, or one of another label that joined it first), b
matched too few of them (cohesion), or b joined another event first, one holding no report of
its label ("wrong") or one that does, the merge then refused (b joined a third event that
absorbed nothing else, a member of either event against b, a member of a's event in b's script
unmatched, more pairs across than `STRICT_PAIRS`, a pair across saying another occasion, or a
pair across short of `join`). With `--show FILE` each such pair of that file is listed with the
tallies b made of every candidate event ("A" a's event, "J" the one b joined; "*" a report of
b's label).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.events_data import Report, load
from bench.events_quality import MemoryIndex, pairwise
from worker.detect import events as ev
from worker.detect.events import Features, GroupingOptions, place, report_features
from worker.service.seeds import load_roster


class TracingIndex(MemoryIndex):
    """The in-memory index, keeping what each report was scored against and where it went."""

    def __init__(self, opts: GroupingOptions) -> None:
        super().__init__(opts)
        self.seen: dict[str, set[str]] = {}  # report -> candidate reports scored
        # report -> event joined at placement (None: it founded one)
        self.joined: dict[str, str | None] = {}
        self.event_then: dict[str, dict[str, str]] = {}  # report -> candidates' events then
        self.absorbed: dict[str, tuple[str, ...]] = {}  # report -> events it merged
        # report -> {event: [(member, linked/unlinked/contra/other script, score, reason)]}
        self.tallies: dict[str, dict[str, list[tuple[str, str, float, str]]]] = {}

    def add(self, rid: str, f: Features) -> str:
        hits = self._ranked(f)
        self.seen[rid] = set(hits)
        self.event_then[rid] = {r: self.event_of[r] for r in hits}
        found = self.candidates(f)
        placed = place(f, found, self.opts, self.sizes(found))
        self.joined[rid] = placed.event
        self.absorbed[rid] = placed.absorbed
        # what b made of each candidate's event, member by member (as `place` tallies it)
        tally: dict[str, list[tuple[str, str, float, str]]] = defaultdict(list)
        for r in hits:
            event = self.event_of[r]
            if not ev.within_window(
                f, self.event_day[event], self.event_day[event], self.opts.window_days
            ):
                continue
            match = ev.score(f, self.features[r], self.opts)
            if match.reason != "copy" and ev.other_occasion(f, self.features[r], self.opts):
                state = "contra"
            elif match.score >= self.opts.join:
                state = "linked"
            elif ev._script(f) == ev._script(self.features[r]):
                state = "unlinked"
            else:
                state = "other script"
            tally[event].append((r, state, match.score, match.reason))
        self.tallies[rid] = dict(tally)
        # replay the parent's bookkeeping (placing again costs a second scoring, fine here)
        return super().add(rid, f)

    def _ranked(self, f: Features) -> list[str]:
        from datetime import timedelta

        hits: dict[str, int] = defaultdict(int)
        days = {
            d + timedelta(days=delta)
            for d in {f.day, ev.when(f)}
            for delta in range(-self.opts.window_days, self.opts.window_days + 1)
        }
        for key in f.index_keys():
            for day in days:
                for rid in self.by_key.get((key, day), ()):
                    hits[rid] += 1
        return sorted(hits, key=lambda r: (-hits[r], r))[: self.opts.candidates]


def stopping_rule(a: Features, b: Features, opts: GroupingOptions) -> str:
    """The first rule of `score` that keeps b (the later report) from a, or "weak: ..."."""
    if not ev.within_window(a, b.day, ev.when(b), opts.window_days):
        return "days: beyond the window"
    if ev._other_days(a, b, opts.window_days):
        return "days: both dated, beyond the window"
    apart = ev.days_apart(a, b, opts)
    if apart and ev.occasion_day(a) and ev.occasion_day(b):
        return "days: both dated to other days"
    if ev._elsewhere(a, b):
        return "another place, time or named occasion"
    if ev.sides_differ(a, b):
        return "other sides"
    if ev.previewing(a) != ev.previewing(b):
        return "a preview against a report"
    if ev._recurring_title(a, b):
        return "a series' title"
    kinds = ev.kinds_agree(a, b)
    if kinds is False:
        return "kinds differ"
    if apart:
        return "days: one undated, a day apart"
    shared = ev._shared(a, b)
    if shared < ev.GroupingOptions().many_people and ev.counterpart_differs(a, b):
        return "another counterpart"
    who = {0: "no one", 1: "one person"}.get(shared, f"{min(shared, 3)}+ people")
    kind = "one kind" if kinds else "no kind"
    return f"weak: {who} in common, {kind}"


def classify(
    reports: list[Report], index: TracingIndex, features: dict[str, Features], opts: GroupingOptions
) -> dict[tuple[str, str], str]:
    order = {r.id: i for i, r in enumerate(sorted(reports, key=lambda r: (r.published, r.id)))}
    by_id = {r.id: r for r in reports}
    _, _, _, _, fns = pairwise(reports, index.event_of)
    out: dict[tuple[str, str], str] = {}
    for x, y in fns:
        a, b = sorted((x, y), key=order.__getitem__)
        fa, fb = features[a], features[b]
        lang = "one language" if _lang(by_id[a]) == _lang(by_id[b]) else "two languages"
        m = ev.score(fb, fa, opts)
        if m.score >= opts.join:
            if a not in index.seen[b]:
                cause = "join, but not fetched"
            elif index.joined[b] == index.event_then[b][a]:
                cause = "join, joined (moved later?)"
            elif ev.other_occasion(fb, fa, opts):
                cause = "join, yet another occasion"
            else:
                cause = "join, in two events (tally or merge)"
        elif a not in index.seen[b]:
            keys = fa.index_keys() & fb.index_keys()
            why = "beyond the first candidates" if keys else "no key in common"
            # (a key in common outside the days asked is the window's, not the cap's: ev24d)
            if keys and not ev.within_window(fa, fb.day, ev.when(fb), opts.window_days):
                why = "a key in common, outside the days asked"
            cause = f"not fetched ({why}), else {stopping_rule(fb, fa, opts)}"
        else:
            cause = stopping_rule(fb, fa, opts)
        out[(a, b)] = f"{cause} | {lang}"
    return out


def join_cause(
    a: str, b: str, index: TracingIndex, by_id: dict[str, Report], opts: GroupingOptions
) -> str:
    """Why b, scoring a at `join` with nothing against the pair, did not end in a's event."""
    event_a = index.event_then[b].get(a)
    tallies = index.tallies[b]
    if event_a is None or event_a not in tallies:
        return "a's event not among b's candidates"
    states = Counter(state for _, state, _, _ in tallies[event_a])
    label = by_id[b].event
    contra = [m for m, state, _, _ in tallies[event_a] if state == "contra"]
    if contra and len(contra) >= states["linked"]:
        own = all(by_id[m].event == label for m in contra)
        return "a's event against b: " + (
            "a member of b's label says another occasion"
            if own
            else "a member of another label joined it first"
        )
    compared = states["linked"] + states["unlinked"] + states["contra"]
    if states["linked"] < opts.cohesion * compared:
        return "a's event: b matches too few of its members (cohesion)"
    joined = index.joined[b]
    if joined is None:
        return "b founded an event"
    members = [m for m, e in index.event_then[b].items() if e == joined]
    if not any(by_id[m].event == label for m in members):
        return "b joined another event first, wrong"
    return "b joined another event of its label, merge refused: " + _refused(
        b, joined, event_a, index, by_id, opts
    )


def _refused(
    b: str,
    joined: str,
    event_a: str,
    index: TracingIndex,
    by_id: dict[str, Report],
    opts: GroupingOptions,
) -> str:
    if index.absorbed[b]:
        return "it absorbed a third event"
    ours, theirs = index.tallies[b][joined], index.tallies[b][event_a]
    if any(state == "contra" for _, state, _, _ in ours + theirs):
        return "a member of either event against b"
    if any(state == "unlinked" for _, state, _, _ in theirs):
        return "a member of a's event in b's script unmatched"
    if len(ours) * len(theirs) > ev.STRICT_PAIRS:
        return "more pairs across than STRICT_PAIRS"
    for x, *_ in ours:
        for y, *_ in theirs:
            if ev.other_occasion(index.features[x], index.features[y], opts):
                same = by_id[x].event == by_id[y].event
                return "a pair across says another occasion" + (
                    " (one label)" if same else " (two labels)"
                )
    return "a pair across short of join"


def _lang(r: Report) -> str:
    return (r.language or "?").split("-")[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev",), default="dev")
    parser.add_argument("--show", action="append", default=[], metavar="FILE")
    parser.add_argument("--without", action="append", default=[], metavar="FILE")
    parser.add_argument(
        "--scripts",
        action="store_true",
        help="count the missed pairs by the scripts of the two languages and a coarse class",
    )
    parser.add_argument(
        "--joins",
        action="store_true",
        help="break the pairs scoring join, left in two events, down by what the grouping did",
    )
    args = parser.parse_args()
    opts = GroupingOptions()
    reports = [r for r in load(args.split) if r.file not in args.without]
    roster = load_roster()
    index = TracingIndex(opts)
    features: dict[str, Features] = {}
    for r in sorted(reports, key=lambda r: (r.published, r.id)):
        features[r.id] = report_features(r.title, r.text, r.published, roster)
        index.add(r.id, features[r.id])
    classes = classify(reports, index, features, opts)
    by_id = {r.id: r for r in reports}
    total: Counter[str] = Counter()
    files: dict[str, set[str]] = defaultdict(set)
    per_file: dict[str, Counter[str]] = defaultdict(Counter)
    for (a, b), cls in classes.items():
        fa, fb = by_id[a].file, by_id[b].file
        where = fa if fa == fb else "across files"
        total[cls] += 1
        per_file[where][cls] += 1
        files[cls].add(where)
    print(f"missed pairs: {len(classes)}")
    for cls, n in total.most_common():
        print(f"  {n:4d}  files {len(files[cls]):2d}  {cls}")
    for name in sorted(per_file):
        print(f"{name}: " + "; ".join(f"{c} {n}" for c, n in per_file[name].most_common()))
    if args.scripts:
        _scripts(classes, by_id)
    if args.joins:
        _joins(classes, index, by_id, opts, args.show)
        return
    for name in args.show:
        print(f"\n== {name}")
        for (a, b), cls in sorted(classes.items(), key=lambda kv: (by_id[kv[0][0]].event, kv[1])):
            ra, rb = by_id[a], by_id[b]
            if ra.file != name or rb.file != name:
                continue
            print(f"[{cls}] {ra.event}")
            for r in (ra, rb):
                f = features[r.id]
                print(
                    f"    {r.id} {r.published} {_lang(r)} {r.outlet[:20]!r} {r.title[:90]!r}"
                    f" kinds={f.kinds} occ={f.occasion} keys={sorted(f.all_keys)[:6]}"
                    f" nouns={f.nouns[:4]} places={f.places} forums={f.forums}"
                )


# The script each labelled language is written in (any other language: Latin letters).
_SCRIPTS = {
    "zh": "Han",
    "ja": "Japanese",
    "ko": "Hangul",
    "ru": "Cyrillic",
    "uk": "Cyrillic",
    "bg": "Cyrillic",
    "sr": "Cyrillic",
    "ar": "Arabic",
    "fa": "Arabic",
    "hi": "Devanagari",
    "bn": "Bengali",
    "te": "Telugu",
    "gu": "Gujarati",
    "el": "Greek",
}


def coarse(cls: str) -> str:
    """A missed pair's class, coarse: "not fetched (...)", "scores join, placed apart",
    "days", the weak classes as they are, the other rules by name."""
    cause = cls.split(" | ")[0]
    if cause.startswith("not fetched"):
        if "outside the days" in cause:
            return "not fetched (a key, outside the days asked)"
        return "not fetched (" + ("no key" if "no key" in cause else "beyond the first") + ")"
    if cause.startswith("join"):
        return "scores join, placed apart"
    if cause.startswith("days"):
        return "days"
    return cause


def script_pair(a: Report, b: Report) -> str:
    la, lb = _lang(a), _lang(b)
    if la == lb:
        return "one language"
    sa, sb = (_SCRIPTS.get(x, "Latin") for x in (la, lb))
    if sa == sb:
        return f"two languages, {sa}"
    return "two languages, " + "/".join(sorted((sa, sb)))


def _scripts(classes: dict[tuple[str, str], str], by_id: dict[str, Report]) -> None:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for (a, b), cls in classes.items():
        table[script_pair(by_id[a], by_id[b])][coarse(cls)] += 1
    print("\nmissed pairs by the scripts of the two languages:")
    for pair, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{sum(counts.values()):5d}  {pair}")
        for cls, n in counts.most_common():
            print(f"         {n:4d}  {cls}")


def _joins(
    classes: dict[tuple[str, str], str],
    index: TracingIndex,
    by_id: dict[str, Report],
    opts: GroupingOptions,
    show: list[str],
) -> None:
    causes: dict[str, Counter[str]] = defaultdict(Counter)
    shown: list[str] = []
    for (a, b), cls in sorted(classes.items()):
        if not cls.startswith("join, in two events"):
            continue
        cause = join_cause(a, b, index, by_id, opts)
        fa, fb = by_id[a].file, by_id[b].file
        causes[fa if fa == fb else "across files"][cause] += 1
        causes["all"][cause] += 1
        if fa in show or fb in show:
            shown.append(f"[{cause}] {by_id[b].event}")
            shown.append(f"    a {a} {by_id[a].published} {by_id[a].title[:80]!r}")
            shown.append(f"    b {b} {by_id[b].published} {by_id[b].title[:80]!r}")
            for event, members in index.tallies[b].items():
                mark = "A" if event == index.event_then[b].get(a) else " "
                mark = "J" if event == index.joined[b] else mark
                listed = "; ".join(
                    f"{m}{'*' if by_id[m].event == by_id[b].event else ''} {state} {sc:.2f}"
                    for m, state, sc, _ in members
                )
                shown.append(f"      [{mark}] {listed}")
    print("\npairs scoring join, left in two events, by what the grouping did:")
    for where in ["all", *sorted(w for w in causes if w != "all")]:
        print(f"{where}:")
        for cause, n in causes[where].most_common():
            print(f"  {n:4d}  {cause}")
    print("\n".join(shown))


if __name__ == "__main__":
    main()
