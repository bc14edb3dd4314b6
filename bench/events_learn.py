"""A learned pair score for event grouping, evaluated against the hand-set rules.

    python bench/events_learn.py --without dev_round6.toml [--folds] [--residual]
        [--thresholds 0.5,0.7,0.9] [--validate FILE]

Every pair of dev reports that the store's index would bring together (a key in common, days
within the window) and that no hard rule sets apart (other days, places, named occasions or
sides: `score` gives them nothing whatever the evidence) is one example, labelled by whether
the hand labels put both in one event; --residual keeps only the pairs the rules leave below
`join`. Its features are the evidence `score` already computes (`pair_vector`). A logistic
regression (L2, Newton's method: a score of 18 numbers needs no library) is fitted on them.
The learned score is tried as one more weak rule: a pair it gives at least the threshold joins
(exactly `join`), after every hand-set rule and under every hard one (`group_learned` swaps it
in for the bench run only; worker/ is not changed).
--folds: leave one events file out at a time, fit on the rest, pick the threshold on the
rest's grouping F1, and score the file left out: figures of material the weights never saw.
--validate FILE: fit and pick on every other file, then score FILE with the rules alone and
with the learned score (two scorings of a validation file).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.events_data import Report, load
from bench.events_quality import group, pairwise
from worker.detect import events as ev
from worker.detect.events import NO_MATCH, Features, GroupingOptions, Match, report_features
from worker.service.seeds import load_roster

Example = tuple[str, str, tuple[float, ...], int]

PAIR_FEATURES = (
    "bias",
    "same script",
    "wording alike (same script, kinds not differing)",
    "distinctive title and lead words in common (/10, at most 10)",
    "people in common (/6, at most 6)",
    "people in common, share of the shorter list",
    "someone in common named up front by both",
    "the same kind of occasion",
    "a kind not known to agree or differ",
    "one day of the occasion",
    "both leads date it to the same day",
    "a place in common",
    "a named occasion in common",
    "a number of the titles in common",
    "the same two sides",
    "the other side differs",
    "chairs conflict",
    "a time of day in common",
)


def pair_vector(
    a: Features, b: Features, kinds: bool | None, shared: int, text: float, other_side: bool
) -> tuple[float, ...]:
    """The evidence `score` reads for a pair, as numbers in `PAIR_FEATURES` order."""
    same_script = ev._script(a) == ev._script(b)
    ka, kb = a.all_keys, b.all_keys
    words = len(ev._words(a) & ev._words(b)) if same_script else 0
    return (
        1.0,
        float(same_script),
        text,
        min(words, 10) / 10,
        min(shared, 6) / 6,
        min(1.0, shared / max(1, min(len(ka), len(kb)))),
        float(ev._shared_up_front(a, b)),
        float(kinds is True),
        float(kinds is None),
        float(ev._same_day(a, b)),
        float(ev._same_dated_day(a, b)),
        float(bool(set(a.places) & set(b.places))),
        float(bool(set(a.forums) & set(b.forums))),
        float(bool(set(a.marks) & set(b.marks))),
        float(ev.same_sides(a, b)),
        float(other_side),
        float(ev._chairs_conflict(a, b)),
        float(bool(set(a.times) & set(b.times))),
    )


def probability(x: tuple[float, ...], w: list[float]) -> float:
    z = sum(a * b for a, b in zip(w, x, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


_RULES = ev._tied_by_occasion
LEARNED: dict[str, object] = {"weights": None, "threshold": 1.0}


def _tied_or_learned(
    a: Features,
    b: Features,
    kinds: bool | None,
    other_side: bool,
    shared: int,
    text: float,
    opts: GroupingOptions,
) -> Match:
    """The rules' last resort (`_tied_by_occasion`), then the learned score: a pair whose
    probability reaches the threshold joins (exactly `join`, as the other weak rules)."""
    tied = _RULES(a, b, kinds, other_side, shared, text, opts)
    w = LEARNED["weights"]
    if tied.score or not isinstance(w, list):
        return tied
    x = pair_vector(a, b, kinds, shared, text, other_side)
    threshold = LEARNED["threshold"]
    assert isinstance(threshold, float)
    return Match(opts.join, "learned") if probability(x, w) >= threshold else NO_MATCH


def group_learned(
    reports: list[Report], opts: GroupingOptions, w: list[float] | None, threshold: float
) -> dict[str, str]:
    """Group with the learned score added to the rules (none: the rules alone)."""
    LEARNED.update(weights=w, threshold=threshold)
    ev._tied_by_occasion = _tied_or_learned  # type: ignore[assignment]
    try:
        return group(reports, opts)[0]
    finally:
        ev._tied_by_occasion = _RULES  # type: ignore[assignment]


def vector(a: Features, b: Features, opts: GroupingOptions) -> tuple[float, ...] | None:
    """The pair's evidence as `score` reads it, or None when a hard rule sets it apart."""
    if not ev.within_window(a, b.day, ev.when(b), opts.window_days) or ev._other_days(
        a, b, opts.window_days
    ):
        return None
    if ev.days_apart(a, b, opts) or ev._elsewhere(a, b) or ev.sides_differ(a, b):
        return None
    kinds = ev.kinds_agree(a, b)
    shared = ev._shared(a, b)
    same = ev._script(a) == ev._script(b)
    text = ev._text_similarity(a, b) if same and kinds is not False else 0.0
    other_side = shared < opts.many_people and ev.counterpart_differs(a, b)
    return pair_vector(a, b, kinds, shared, text, other_side)


def examples(
    reports: list[Report], feats: dict[str, Features], opts: GroupingOptions, residual: bool
) -> list[Example]:
    by_key: dict[tuple[str, date], list[str]] = defaultdict(list)
    out: list[Example] = []
    label = {r.id: r.event for r in reports}
    for r in sorted(reports, key=lambda r: (r.published, r.id)):
        f = feats[r.id]
        seen: set[str] = set()
        days = {f.day + timedelta(days=d) for d in range(-opts.window_days, opts.window_days + 1)}
        for key in f.index_keys():
            for day in days:
                seen.update(by_key.get((key, day), ()))
        for other in sorted(seen):
            x = vector(f, feats[other], opts)
            if residual and x is not None and ev.score(f, feats[other], opts).score >= opts.join:
                continue  # the rules join it already: the learned score is asked only below
            if x is not None:
                same = label[r.id] == label[other] and not label[r.id].startswith("single:")
                out.append((r.id, other, x, int(same)))
        for key in f.index_keys():
            by_key[(key, f.day)].append(r.id)
    return out


def _solve(m: list[list[float]], v: list[float]) -> list[float]:
    n = len(v)
    a = [[*row, v[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(n):
            if r != c and a[c][c]:
                k = a[r][c] / a[c][c]
                a[r] = [x - k * y for x, y in zip(a[r], a[c], strict=True)]
    return [a[i][n] / a[i][i] if a[i][i] else 0.0 for i in range(n)]


def fit(xs: list[tuple[float, ...]], ys: list[int], l2: float = 1.0) -> list[float]:
    """Logistic regression, L2 penalty on every weight but the bias, Newton's method."""
    d = len(xs[0])
    w = [0.0] * d
    for _ in range(25):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(xs, ys, strict=True):
            p = 1 / (
                1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x, strict=True)))))
            )
            g = p - y
            s = p * (1 - p)
            for i in range(d):
                if x[i]:
                    grad[i] += g * x[i]
                    row = hess[i]
                    xi = s * x[i]
                    for j in range(d):
                        if x[j]:
                            row[j] += xi * x[j]
        for i in range(1, d):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        hess[0][0] += 1e-6
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def f1_of(reports: list[Report], got: dict[str, str]) -> tuple[float, float, float, int, int, int]:
    tp, fp, fn, _, _ = pairwise(reports, got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--without", action="append", default=[], metavar="FILE")
    parser.add_argument("--folds", action="store_true")
    parser.add_argument("--thresholds", default="0.5,0.6,0.7,0.8,0.9,0.95")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--residual", action="store_true", help="fit on the pairs the rules leave")
    parser.add_argument(
        "--validate",
        metavar="FILE",
        help="an events file kept out of fitting and of the threshold's choice, scored at the "
        "end with the rules alone and with the learned score (counts as two scorings of it)",
    )
    args = parser.parse_args()
    opts = GroupingOptions()
    pool = [r for r in load("dev") if r.file not in args.without]
    reports = [r for r in pool if r.file != args.validate]
    roster = load_roster()
    feats = {r.id: report_features(r.title, r.text, r.published, roster) for r in reports}
    exs = examples(reports, feats, opts, args.residual)
    print(f"examples={len(exs)} positive={sum(e[3] for e in exs)}")
    thresholds = [float(t) for t in args.thresholds.split(",")]
    if args.folds:
        _folds(reports, exs, thresholds, args.l2, opts)
    w = fit([e[2] for e in exs], [e[3] for e in exs], args.l2)
    print("weights (fitted on every file above):")
    for name, x in zip(PAIR_FEATURES, w, strict=True):
        print(f"    {x:+.4f}  {name}")
    picked = max(thresholds, key=lambda t: f1_of(reports, group_learned(reports, opts, w, t))[2])
    print(f"threshold picked on those files' grouping F1: {picked}")
    if args.validate:
        mine = [r for r in pool if r.file == args.validate]
        rules = group_learned(pool, opts, None, 1.0)
        learned = group_learned(pool, opts, w, picked)
        print(f"{args.validate}: rules   {_fmt(f1_of(mine, rules))}")
        print(f"{args.validate}: learned {_fmt(f1_of(mine, learned))}")


def _folds(
    reports: list[Report],
    exs: list[Example],
    thresholds: list[float],
    l2: float,
    opts: GroupingOptions,
) -> None:
    """Leave one events file out: fit on the rest, pick the threshold on the rest's grouping
    F1, score the file left out (rules alone, then each threshold)."""
    file_of = {r.id: r.file for r in reports}
    base = group(reports, opts)[0]
    for held in sorted({r.file for r in reports} - {"people pool"}):
        train = [e for e in exs if held not in (file_of[e[0]], file_of[e[1]])]
        w = fit([e[2] for e in train], [e[3] for e in train], l2)
        rest = [r for r in reports if r.file != held]
        mine = [r for r in reports if r.file == held]
        rows = []
        for t in thresholds:
            got = group_learned(reports, opts, w, t)
            rows.append((t, f1_of(rest, got), f1_of(mine, got)))
        picked = max(rows, key=lambda row: row[1][2])[0]
        print(f"{held}: rules {_fmt(f1_of(mine, base))} (rest {_fmt(f1_of(rest, base))})")
        for t, fr, fm in rows:
            mark = " <- picked on the rest" if t == picked else ""
            print(f"  learned >= {t}: {_fmt(fm)} (rest {_fmt(fr)}){mark}")


def _fmt(r: tuple[float, float, float, int, int, int]) -> str:
    return f"P {r[0]:.3f} R {r[1]:.3f} F1 {r[2]:.3f} (tp {r[3]} fp {r[4]} fn {r[5]})"


if __name__ == "__main__":
    main()
