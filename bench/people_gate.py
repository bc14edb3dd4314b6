"""A report-level gate for the learned reader's extra people (issue 9, round 22).

bench/people_tagger.py's reader (a CRF span tagger and logistic role classifiers) finds many of
the names the rules miss, but as surely adds false people on reports that name nobody in a role.
Here a small logistic classifier reads the whole report (does it tell an occasion with people in
roles?) and the reader's extra (name, role) pairs, those of names the rules did not name, are
added to the rules' only where the gate's probability reaches `g` and the reader's span
confidence reaches `t`.

Data: the reader is fitted on dev rounds 1-39 (`upto39`) and, for the out-of-fold readings the
gate is trained and cross-validated on, on two of three blocks of consecutive rounds of 1-39
(each block read by the fit on the other two). Rounds 40 and 41 (round 21's test and validation
splits) are read once by the `upto39` fit and judged.

Round 23 (issue-reader23): the shipped gate is now bench/people_gate_sentence.py's, which reads
one sentence per decision (copies of one report read alike); `export` here writes round 22's
whole-report gate, which worker/detect/people_reader.py no longer reads.

Run (one script at a time; 2 cores are shared):
  PYTHONPATH=.:bench python bench/people_tagger.py today /tmp/gate22/today.json
  PYTHONPATH=.:bench python bench/people_gate.py read --script latin \
      --rules-cache /tmp/gate22/today.json --cache /tmp/gate22/c
  PYTHONPATH=.:bench python bench/people_gate.py read --script zh ...
  PYTHONPATH=.:bench python bench/people_gate.py judge --rules-cache /tmp/gate22/today.json \
      --cache /tmp/gate22/c
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import people_tagger as pt
from bench_people import load_roster

from worker.detect import people_reader as pr
from worker.detect.roster import Roster

LAST_TRAIN = 39  # rounds 1-39 train; 40 and 41 are judged
FOLDS = 3


def readings(
    script: str, rules_cache: Path, cache: Path
) -> tuple[list[pt.Report], list[dict[str, pt.Found]], list[pt.Report], list[dict[str, pt.Found]]]:
    """(training reports, their out-of-fold readings, judged reports, their readings)."""
    roster = load_roster()
    tables = pt.Tables(roster)
    today = json.loads(rules_cache.read_text(encoding="utf-8"))
    reports = pt.load_reports(roster, script, today)
    cache.mkdir(parents=True, exist_ok=True)
    training = [r for r in reports if r.round <= LAST_TRAIN]
    held = [r for r in reports if r.round > LAST_TRAIN]
    model = pt.fitted(training, tables, cache, script, f"upto{LAST_TRAIN}")
    reads = pt.read_all(held, tables, model, roster, cache, f"{script}-held{LAST_TRAIN}")
    rounds = sorted({r.round for r in training})
    oof: list[dict[str, pt.Found]] = [{} for _ in training]
    for n, block in enumerate(pt.block_folds(rounds, FOLDS)):
        tag = f"r{LAST_TRAIN}fold{n}of{FOLDS}"
        part = [i for i, r in enumerate(training) if r.round in block]
        fold_model = pt.fitted(
            [r for r in training if r.round not in block], tables, cache, script, tag
        )
        got = pt.read_all(
            [training[i] for i in part], tables, fold_model, roster, cache, f"{script}-{tag}"
        )
        for i, g in zip(part, got, strict=True):
            oof[i] = g
    return training, oof, held, reads


def report_features(
    rep: pt.Report, found: dict[str, pt.Found], roster: Roster, tables: pt.Tables
) -> list[str]:
    """What the gate reads of one report (worker/detect/people_reader.py's features)."""
    return pr.report_features(rep.text, rep.lang, rep.tokens, rep.sents, rep.earlier, found, tables)


Row = tuple[pt.Report, dict[str, pt.Found], list[str]]


def _encode(rows: list[Row], vocab: dict[str, int] | None = None) -> tuple[Any, dict[str, int]]:
    import numpy as np

    if vocab is None:
        vocab = {f: i for i, f in enumerate(sorted({f for _, _, fs in rows for f in fs}))}
    x = np.zeros((len(rows), len(vocab)))
    for n, (_, _, fs) in enumerate(rows):
        for f in fs:
            if f in vocab:
                x[n, vocab[f]] = 1.0
    return x, vocab


TARGETS: dict[str, Callable[[Row, Roster], int]] = {
    # A: the report names someone in a role
    "people": lambda row, ro: int(bool(row[0].want)),
    # B: the reader's extra pairs (confidence 0.5 or above) hold more true pairs than false
    "extra": lambda row, ro: int(_extra_gain(row, ro) > 0),
    # C: each extra pair weighed by itself, with the report's features (not a report target)
    "pair": lambda row, ro: 0,
}


def _extra_gain(row: Row, roster: Roster) -> int:
    rules = pt.keyed(row[0].earlier, roster)
    new = pt.new_pairs(rules, row[1], 0.5)
    return len(new & row[0].want) - len(new - row[0].want)


def fit_gate(rows: list[Row], roster: Roster, target: str) -> tuple[Any, dict[str, int]]:
    from sklearn.linear_model import LogisticRegression

    x, vocab = _encode(rows)
    y = [TARGETS[target](row, roster) for row in rows]
    return LogisticRegression(C=0.5, max_iter=3000).fit(x, y), vocab


def gate_probs(rows: list[Row], model: tuple[Any, dict[str, int]]) -> list[float]:
    x, _ = _encode(rows, model[1])
    return [float(p) for p in model[0].predict_proba(x)[:, 1]]


def combined(
    rep: pt.Report, found: dict[str, pt.Found], roster: Roster, gp: Any, g: float, t: float
) -> set[tuple[str, str]]:
    """The rules' pairs, plus the reader's extra names' pairs at confidence `t` or above when
    the gate's probability reaches `g` (a report's, or with the `pair` gate each pair's)."""
    rules = pt.keyed(rep.earlier, roster)
    if isinstance(gp, dict):
        return rules | {pair for pair, p in gp.items() if p >= g and found[pair[0]].conf >= t}
    if gp < g:
        return rules
    return rules | pt.new_pairs(rules, found, t)


def pair_rows(row: Row, roster: Roster) -> list[tuple[tuple[str, str], list[str]]]:
    """The `pair` gate's rows of one report (worker/detect/people_reader.py's features)."""
    return pr.pair_features(row[2], pt.keyed(row[0].earlier, roster), row[1], row[0].lang)


def pair_probs(
    rows: list[Row],
    model: tuple[Any, dict[str, int]] | None,
    roster: Roster,
) -> list[dict[tuple[str, str], float]]:
    out = []
    for row in rows:
        prs = pair_rows(row, roster)
        if not prs or model is None:
            out.append({})
            continue
        x, _ = _encode([(row[0], row[1], f) for _, f in prs], model[1])
        out.append(
            {
                pair: float(p)
                for (pair, _), p in zip(prs, model[0].predict_proba(x)[:, 1], strict=True)
            }
        )
    return out


def fit_pairs(rows: list[Row], roster: Roster) -> tuple[Any, dict[str, int]]:
    from sklearn.linear_model import LogisticRegression

    flat: list[Row] = []
    y = []
    for row in rows:
        for pair, f in pair_rows(row, roster):
            flat.append((row[0], row[1], f))
            y.append(int(pair in row[0].want))
    x, vocab = _encode(flat)
    return LogisticRegression(C=0.5, max_iter=3000).fit(x, y), vocab


GATE_GRID = [round(0.3 + 0.05 * i, 2) for i in range(13)] + [
    0.92,
    0.94,
    0.96,
    0.97,
    0.98,
    0.99,
    1.01,
]
CONF_GRID = [round(0.5 + 0.05 * i, 2) for i in range(10)] + [0.975, 1.01]


def score(
    rows: list[Row],
    probs: list[float],
    roster: Roster,
    g: float,
    t: float,
    by: Callable[[pt.Report], list[str]] = lambda r: ["overall"],
) -> tuple[dict[str, pt.Counts], int]:
    groups: dict[str, pt.Counts] = defaultdict(lambda: [0, 0, 0])
    nfp = 0
    for (rep, found, _), gp in zip(rows, probs, strict=True):
        c = pt.count(combined(rep, found, roster, gp, g, t), rep.want)
        if rep.style == "none":
            nfp += c[1]
            continue
        for key in by(rep):
            groups[key] = [a + b for a, b in zip(groups[key], c, strict=True)]
    return dict(groups), nfp


def choose(
    rows: list[Row], probs: list[float], roster: Roster, slack: float
) -> tuple[float, float]:
    """The (gate, confidence) thresholds of the best pooled F1 whose no-attendee false people
    stay within `slack` of the rules'."""
    _, base = score(rows, probs, roster, 1.01, 1.01)
    best = (-1.0, 1.01, 1.01)
    for g in GATE_GRID:
        for t in CONF_GRID:
            groups, nfp = score(rows, probs, roster, g, t)
            f = pt.f1(groups.get("overall", [0, 0, 0]))
            if nfp <= base * (1 + slack) and f > best[0]:
                best = (f, g, t)
    return best[1], best[2]


def out_of_fold(rows: list[Row], blocks: list[set[int]], roster: Roster, target: str) -> list[Any]:
    """The gate's probabilities over rounds 1-39, each block's by the gate fitted on the other
    two (a float a report; a {pair: probability} with the `pair` gate)."""
    oof: list[Any] = [0.0] * len(rows)
    for block in blocks:
        inside = [i for i, (r, _, _) in enumerate(rows) if r.round in block]
        outside = [row for row in rows if row[0].round not in block]
        got: list[Any]
        if target == "pair":
            got = pair_probs([rows[i] for i in inside], fit_pairs(outside, roster), roster)
        else:
            got = gate_probs([rows[i] for i in inside], fit_gate(outside, roster, target))
        for i, p in zip(inside, got, strict=True):
            oof[i] = p
    return oof


def judge(args: argparse.Namespace) -> None:
    roster = load_roster()
    tables = pt.Tables(roster)
    train_rows: list[Row] = []
    held_rows: list[Row] = []
    for script in args.scripts:
        training, oof, held, reads = readings(script, args.rules_cache, args.cache)
        train_rows += [
            (r, f, report_features(r, f, roster, tables))
            for r, f in zip(training, oof, strict=True)
        ]
        held_rows += [
            (r, f, report_features(r, f, roster, tables)) for r, f in zip(held, reads, strict=True)
        ]
    rounds = sorted({r.round for r, _, _ in train_rows})
    blocks = pt.block_folds(rounds, FOLDS)
    print(
        f"{len(train_rows)} reports of rounds 1-{LAST_TRAIN} (blocks "
        + ", ".join(f"{min(b)}-{max(b)}" for b in blocks)
        + f"), {len(held_rows)} judged"
    )

    def style_of(rep: pt.Report) -> list[str]:
        return ["overall", rep.style, "zh" if rep.lang == "zh" else "en+de"]

    out: dict[str, Any] = {}
    for target in args.targets:
        oof = out_of_fold(train_rows, blocks, roster, target)
        # nested: each block's thresholds chosen on the other two
        nested: dict[str, pt.Counts] = defaultdict(lambda: [0, 0, 0])
        nested_fp = 0
        picks = []
        for block in blocks:
            other = [i for i, (r, _, _) in enumerate(train_rows) if r.round not in block]
            inside = [i for i, (r, _, _) in enumerate(train_rows) if r.round in block]
            g, t = choose(
                [train_rows[i] for i in other], [oof[i] for i in other], roster, args.slack
            )
            picks.append((g, t))
            grp, nfp = score(
                [train_rows[i] for i in inside], [oof[i] for i in inside], roster, g, t, style_of
            )
            for k, c in grp.items():
                nested[k] = [a + b for a, b in zip(nested[k], c, strict=True)]
            nested_fp += nfp
        g, t = choose(train_rows, oof, roster, args.slack)
        base, base_fp = score(train_rows, oof, roster, 1.01, 1.01, style_of)
        print(
            f"\ngate '{target}': thresholds on rounds 1-{LAST_TRAIN} g {g} t {t}; per block {picks}"
        )
        print(f"  cross-validated rounds 1-{LAST_TRAIN} (nested thresholds), rules -> gated:")
        for k in sorted(base, key=lambda k: (k != "overall", k)):
            print(
                f"    {k:<12} {pt.prf(base[k])} -> {pt.prf(nested[k])}  ({pt.f1(nested[k]) - pt.f1(base[k]):+.3f})"
            )
        print(f"    no-attendee false people {base_fp} -> {nested_fp}")
        out[target] = {"g": g, "t": t}
        if not args.held:
            continue
        probs: list[Any]
        if target == "pair":
            probs = pair_probs(held_rows, fit_pairs(train_rows, roster), roster)
        else:
            probs = gate_probs(held_rows, fit_gate(train_rows, roster, target))

        def by_round(rep: pt.Report) -> list[str]:
            return [*style_of(rep), f"round {rep.round}"]

        hb, hb_fp = score(held_rows, probs, roster, 1.01, 1.01, by_round)
        hg, hg_fp = score(held_rows, probs, roster, g, t, by_round)
        reader, _ = score(held_rows, probs, roster, 0.0, 0.5, by_round)
        print("  rounds 40+41 (read once): rules -> gated (rules + every extra at 0.5 in brackets)")
        for k in sorted(hb, key=lambda k: (k != "overall", k)):
            print(
                f"    {k:<12} {pt.prf(hb[k])} -> {pt.prf(hg[k])}  ({pt.f1(hg[k]) - pt.f1(hb[k]):+.3f})  [{pt.f1(reader[k]):.3f}]"
            )
        print(f"    no-attendee false people {hb_fp} -> {hg_fp}")
        none_fp_reports = sum(
            1
            for (r, f, _), p in zip(held_rows, probs, strict=True)
            if r.style == "none" and combined(r, f, roster, p, g, t)
        )
        print(
            f"    no-attendee reports with a false person: {none_fp_reports} of "
            f"{sum(r.style == 'none' for r, _, _ in held_rows)}"
        )


# the pair gate's thresholds, chosen by `judge` on rounds 1-39's out-of-fold readings (the best
# pooled F1 whose no-attendee false people stay within +10% of the rules')
GATE_AT = 0.65
CONFIDENCE = 0.85
PACKAGED = Path(__file__).resolve().parent.parent / "worker" / "detect" / "people_reader.json.gz"


def crf_weights(path: Path) -> tuple[dict[str, list[float]], list[list[float]]]:
    """A trained crfsuite model's state and transition weights, rounded to 4 places as shipped
    (the run-time decoder, people_reader.Crf, reads them)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path.with_suffix(".crf")))
    info = tagger.info()
    state: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for (attr, label), w in info.state_features.items():
        state[attr][pr.LABELS.index(label)] = round(w, 4)
    trans = [[0.0] * 3 for _ in pr.LABELS]
    for (a, b), w in info.transitions.items():
        trans[pr.LABELS.index(a)][pr.LABELS.index(b)] = round(w, 4)
    return dict(state), trans


def export(args: argparse.Namespace) -> None:
    """The shipped model: the `upto39` CRFs and role weights, and the pair gate fitted on every
    out-of-fold reading of rounds 1-39, into worker/detect/people_reader.json.gz."""
    roster = load_roster()
    tables = pt.Tables(roster)
    rows: list[Row] = []
    scripts: dict[str, Any] = {}
    for script in ("latin", "zh"):
        training, oof, _, _ = readings(script, args.rules_cache, args.cache)
        rows += [
            (r, f, report_features(r, f, roster, tables))
            for r, f in zip(training, oof, strict=True)
        ]
        path = pt._model_paths(args.cache, script, f"upto{LAST_TRAIN}")
        state, trans = crf_weights(path)
        roles = json.loads(path.with_suffix(".roles.json").read_text(encoding="utf-8"))
        scripts[script] = {
            "crf": {"state": dict(sorted(state.items())), "transitions": trans},
            "roles": roles,
        }
    clf, vocab = fit_pairs(rows, roster)
    gate = {
        "bias": round(float(clf.intercept_[0]), 4),
        "weights": {
            f: round(float(clf.coef_[0][i]), 4)
            for f, i in sorted(vocab.items())
            if round(float(clf.coef_[0][i]), 4)
        },
    }
    model = {
        "trained": f"dev rounds 1-{LAST_TRAIN}",
        "gate_at": GATE_AT,
        "confidence": CONFIDENCE,
        "gate": gate,
        "scripts": scripts,
    }
    raw = write_model(args.out, model)
    print(f"{args.out}: {args.out.stat().st_size} bytes ({len(raw)} unpacked)")


def write_model(out: Path, model: dict[str, Any]) -> bytes:
    """The reader's model as shipped: compact sorted JSON, gzip with no time stamp (the same
    bytes for the same model); returns the JSON."""
    import gzip

    raw = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    out.write_bytes(gzip.compress(raw, 9, mtime=0))
    return raw


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("read", help="fit the reader on rounds 1-39 and its blocks; read")
    r.add_argument("--script", choices=("latin", "zh"), required=True)
    r.add_argument("--rules-cache", type=Path, required=True)
    r.add_argument("--cache", type=Path, required=True)
    j = sub.add_parser("judge", help="fit the gate on rounds 1-39 out of fold; judge 40+41")
    j.add_argument("--rules-cache", type=Path, required=True)
    j.add_argument("--cache", type=Path, required=True)
    j.add_argument("--targets", nargs="+", default=["people"], choices=sorted(TARGETS))
    j.add_argument(
        "--slack", type=float, default=0.1, help="no-attendee fp allowed over the rules'"
    )
    j.add_argument("--scripts", nargs="+", default=["latin", "zh"])
    j.add_argument("--held", action="store_true", help="also score rounds 40 and 41 (once)")
    e = sub.add_parser(
        "export", help="write the shipped model (worker/detect/people_reader.json.gz)"
    )
    e.add_argument("--rules-cache", type=Path, required=True)
    e.add_argument("--cache", type=Path, required=True)
    e.add_argument("--out", type=Path, default=PACKAGED)
    args = parser.parse_args(argv)
    if args.command == "export":
        export(args)
    elif args.command == "judge":
        judge(args)
    elif args.command == "read":
        training, _, held, _ = readings(args.script, args.rules_cache, args.cache)
        print(
            f"{args.script}: {len(training)} training reports read out of fold, {len(held)} judged"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
