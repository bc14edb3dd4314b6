"""What arrival order costs the grouping: pairs missed in publication order that another order joins.

    python bench/events_order.py --split dev [--without dev_round28.toml] [--shuffles 4]
        [--second-look 3] [--by-file]

Grouping is incremental: each report is placed against the events of the reports before it, so
the order a feed brings them in can decide whether two reports meet in one event. The reports
are replayed (the same in-memory twin of the store's index as bench/events_quality.py) in
publication order, then in other orders: the whole list reversed, each day's reports in reverse
id order, and `--shuffles` random orders of each day's reports (a feed brings one day's reports
in any order; seeds 0, 1, ...). For each it prints the pairs the publication order missed that
this order joins, the false pairs it makes that publication order does not, and the union over
all orders: an upper bound on what any placement independent of order could win, with its cost.

`--second-look K` places every report of an event of at most K reports again at the end,
against the final store (its candidates from the index, its own event among them), and prints
what moving those that find another event would gain and cost: a report placed before the
event it belongs to had grown, looked at once more.

`--by-file` prints, per file, the missed pairs within the file, those another order joins, and
the false pairs within the file another order makes (counts only: safe on an unread judge file).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.events_data import Report, load
from bench.events_quality import MemoryIndex
from worker.detect.events import Features, GroupingOptions, place, report_features
from worker.service.seeds import load_roster

Pair = tuple[str, str]


def replay(
    order: Iterable[Report], features: dict[str, Features], opts: GroupingOptions
) -> MemoryIndex:
    index = MemoryIndex(opts)
    for r in order:
        index.add(r.id, features[r.id])
    return index


def pairs(event_of: dict[str, str]) -> set[Pair]:
    by_event: dict[str, list[str]] = defaultdict(list)
    for rid, event in event_of.items():
        by_event[event].append(rid)
    return {p for ids in by_event.values() for p in itertools.combinations(sorted(ids), 2)}


def orders(reports: list[Report], shuffles: int) -> list[tuple[str, list[Report]]]:
    """The other arrival orders: reversed, each day reversed, each day shuffled."""
    forward = sorted(reports, key=lambda r: (r.published, r.id))
    out = [
        ("reversed", forward[::-1]),
        ("each day reversed", sorted(forward, key=lambda r: (r.published, _desc(r.id)))),
    ]
    for seed in range(shuffles):
        rnd = random.Random(seed)
        shuffled = sorted(reports, key=lambda r: (r.published, rnd.random()))
        out.append((f"each day shuffled (seed {seed})", shuffled))
    return out


def _desc(text: str) -> list[int]:
    return [-ord(c) for c in text]


def second_look(
    index: MemoryIndex, features: dict[str, Features], opts: GroupingOptions, k: int
) -> dict[str, str]:
    """Reports of events of at most `k` reports that, placed again against the final store,
    join another event: {report: that event}."""
    size = Counter(index.event_of.values())
    moves = {}
    for rid, event in index.event_of.items():
        if size[event] > k:
            continue
        f = features[rid]
        found = [c for c in index.candidates(f) if c[2] is not f]
        placed = place(f, found, opts, index.sizes(found))
        if placed.event is not None and placed.event != event:
            moves[rid] = placed.event
    return moves


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("dev",), default="dev")
    parser.add_argument("--without", action="append", default=[], metavar="FILE")
    parser.add_argument("--shuffles", type=int, default=4)
    parser.add_argument("--second-look", type=int, default=0, metavar="K")
    parser.add_argument("--by-file", action="store_true")
    args = parser.parse_args()
    opts = GroupingOptions()
    reports = [r for r in load(args.split) if r.file not in args.without]
    roster = load_roster()
    features = {r.id: report_features(r.title, r.text, r.published, roster) for r in reports}
    truth = pairs({r.id: r.event for r in reports})
    forward = replay(sorted(reports, key=lambda r: (r.published, r.id)), features, opts)
    got = pairs(forward.event_of)
    missed = truth - got
    print(f"publication order: tp={len(got & truth)} fp={len(got - truth)} fn={len(missed)}")
    joined: set[Pair] = set()
    made: set[Pair] = set()
    for name, order in orders(reports, args.shuffles):
        other = pairs(replay(order, features, opts).event_of)
        gain, false = (other & truth) - got, (other - truth) - got
        joined |= gain
        made |= false
        print(
            f"{name}: tp={len(other & truth)} fp={len(other - truth)}; missed pairs joined "
            f"{len(gain)}, false pairs made {len(false)}, true pairs lost {len((got & truth) - other)}"
        )
    print(
        f"any other order: missed pairs joined {len(joined)} of {len(missed)}, false pairs made {len(made)}"
    )
    size = Counter(forward.event_of.values())
    by_sizes = Counter(tuple(sorted(min(size[forward.event_of[x]], 3) for x in p)) for p in joined)
    print(
        "  by the sizes of the two events they sit in (3: 3 or more): "
        + ", ".join(f"{a}+{b}: {n}" for (a, b), n in sorted(by_sizes.items()))
    )
    for k in range(1, args.second_look + 1):
        moved = dict(forward.event_of)
        moved.update(second_look(forward, features, opts, k))
        after = pairs(moved)
        print(
            f"second look at events of <= {k}: true gained {len((after & truth) - got)}, "
            f"false gained {len((after - truth) - got)}, true lost {len((got & truth) - after)}"
        )
    if args.by_file:
        file_of = {r.id: r.file for r in reports}

        def within(ps: set[Pair]) -> Counter[str]:
            return Counter(file_of[a] for a, b in ps if file_of[a] == file_of[b])

        m, j, f = within(missed), within(joined), within(made)
        for name in sorted(set(m) | set(f)):
            print(
                f"  {name}: missed {m[name]}, joined in another order {j[name]}, false made {f[name]}"
            )


if __name__ == "__main__":
    main()
