"""Two causes of the events bench counted over all of dev (round 18, ev18b; docs/events.md).

False pairs by chains: two reports of different labels in one event that do not match each
other directly (score below `join`, or a member saying another occasion): the event holds them
because a third report linked them (a report joined through one member, or a merge). Listed
by the two labels.

Missed pairs of an occasion of days: two reports of one label naming one named occasion (the
`o:` keys), whose days (`when`: the day the lead gives, else the day published) are one to
three days apart: a summit or a meeting of two days dated by two of its days, a night over two
dates. Listed by label, with whether either lead (its first 600 characters) gives the span as a
date range, and whether either says the occasion opened, closed or lasts N days.

    PYTHONPATH=.:bench python bench/events_chains.py [--cohesion 0.3]

Counts from the features and the labels; prints no text of a report."""

from __future__ import annotations

import argparse
import re
from collections import Counter

from bench.events_data import load
from bench.events_quality import group, pairwise
from worker.detect.events import GroupingOptions, other_occasion, score, when

_SAID = re.compile(
    r"two-day|2-day|three-day|3-day|zweitägig|dreitägig|de deux jours|de dos días|两天|为期|"
    r"二日間|両日|двухднев|трехднев|opened|opening|kicked off|concluded|closing|closed|"
    r"wrapped up|开幕|闭幕|開幕|閉幕|eröffne|abschluss|открыл|заверш|clôtur|clausura",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"\b\d{1,2}\s*(?:-|–|to|bis|au|al)\s*\d{1,2}\.?\s+[^\W\d]{3,}|[^\W\d]{3,}\.?\s+\d{1,2}\s*"
    r"(?:-|–|to)\s*\d{1,2}\b|\d{1,2}日?\s*(?:至|到|と|、)\s*\d{1,2}(?:日|両日)"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cohesion", type=float, default=GroupingOptions().cohesion)
    args = parser.parse_args()
    opts = GroupingOptions(cohesion=args.cohesion)
    reports = load("dev")
    got, feats = group(reports, opts)
    tp, fp, fn, fps, fns = pairwise(reports, got)
    by = {r.id: r for r in reports}
    print(f"dev: tp={tp} fp={fp} fn={fn} (cohesion {opts.cohesion})")

    chains: Counter[tuple[str, str]] = Counter()
    direct = chained = 0
    for a, b in fps:
        fa, fb = feats[a], feats[b]
        m = score(fa, fb, opts)
        if m.score >= opts.join and (m.reason == "copy" or not other_occasion(fa, fb, opts)):
            direct += 1
            continue
        chained += 1
        x, y = sorted((by[a].event, by[b].event))
        chains[(x, y)] += 1
    print(f"false pairs: {direct} tied directly, {chained} by a chain (a third report)")
    for (x, y), n in chains.most_common():
        print(f"  {n:4d}  {x}  +  {y}")

    days: Counter[tuple[str, bool, bool]] = Counter()
    for a, b in fns:
        fa, fb = feats[a], feats[b]
        gap = abs((when(fa) - when(fb)).days)
        if not (set(fa.forums) & set(fb.forums) and 1 <= gap <= 3):
            continue
        heads = [f"{by[x].title} {by[x].text[:600]}" for x in (a, b)]
        span = any(_RANGE.search(h) for h in heads)
        said = any(_SAID.search(h) for h in heads)
        days[(by[a].event, span, said)] += 1
    total = sum(days.values())
    print(f"missed pairs naming one named occasion, 1-3 days apart: {total}")
    print(f"  a date range in either lead: {sum(n for k, n in days.items() if k[1])}")
    print(f"  opened/closed/N days said: {sum(n for k, n in days.items() if k[2])}")
    for (label, span, said), n in days.most_common():
        print(f"  {n:4d}  {label}  range={'yes' if span else 'no'} said={'yes' if said else 'no'}")


if __name__ == "__main__":
    main()
