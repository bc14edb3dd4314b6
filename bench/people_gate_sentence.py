"""The learned reader's sentence gate (issue 9, round 23, branch issue-reader23).

Round 22's pair gate (bench/people_gate.py) read the whole report: its lead, length, cue and
occasion words and every name the reader found. Two copies of one report (another headline,
page-noise lines, another line break) could then get different extra people, and round 22's
fresh identical pairs compared wrongly (2 of 4). This gate reads, for each occurrence of a
name the rules did not give, only its sentence, the occurrence itself, the language and how
many people the rules named (worker/detect/people_reader.py, `gate_rows`); a (name, role) is
added when one occurrence reaches the CRF confidence `t` and the gate's probability `g`.

The CRF and role weights are round 22's (fitted on dev rounds 1-39, shipped); only the gate is
fitted here, on out-of-fold readings: rounds 1-39 each read by the CRF fitted on the two other
blocks of rounds (1-13, 14-26, 27-39: round 22's `r39fold<n>of3`, refitted by
bench/people_tagger.py's `fitted` into the cache), rounds 40 and 41 by the shipped CRF (fitted
on 1-39). The rules' people each report is read with are those of its own round
(bench/people_earlier), as in rounds 21 and 22.

  read --script latin|zh --rules-cache TODAY.json --cache DIR   the gate's rows, cached
  judge --cache DIR [--held]   rounds 1-39 cross-validated by block (thresholds nested), and
                               the gate fitted on 1-39 read on rounds 40+41 (round 22's judge)
  export --cache DIR           the gate fitted on rounds 1-41 (thresholds chosen on their
                               out-of-fold rows, four blocks) into the shipped model

Round 42 (round 22's held-out split) is not read here: it is judged by bench_people.py
--reader's figures only.

Run: PYTHONPATH=.:bench python bench/people_gate_sentence.py read --script latin ...
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import people_tagger as pt
from bench_people import load_roster
from people_gate import crf_weights, write_model

from worker.detect import people_reader as pr

LAST = 41  # rounds 1-41 are read; 42 is round 22's held-out split, judged elsewhere
FOLD_UPTO = 39  # the CRF's own training rounds, read out of fold by block
FOLDS = 3
GATE_GRID = [round(0.3 + 0.05 * i, 2) for i in range(13)] + [0.92, 0.94, 0.96, 0.98, 1.01]
CONF_GRID = [round(0.5 + 0.05 * i, 2) for i in range(10)] + [0.975, 1.01]
SLACK = 0.1  # no-attendee false people allowed over the rules' (round 22's rule)
PACKAGED = Path(__file__).resolve().parent.parent / "worker" / "detect" / "people_reader.json.gz"

# one report: its id, style, round, the rules' (key, role) pairs, the labelled ones, its rows
# [key, role, conf, features]
Doc = dict[str, Any]


def _crf_of(path: Path) -> pr.Crf:
    """A crfsuite model as the run-time decoder (bench/people_gate.py `export`'s rounding)."""
    return pr.Crf(*crf_weights(path))


def read(args: argparse.Namespace) -> None:
    roster = load_roster()
    tables = pr._tables(roster)
    today = json.loads(args.rules_cache.read_text(encoding="utf-8"))
    reports = [r for r in pt.load_reports(roster, args.script, today) if r.round <= LAST]
    shipped = pr._model()["scripts"]["zh" if args.script == "zh" else "latin"]
    rounds = sorted({r.round for r in reports if r.round <= FOLD_UPTO})
    models: dict[int, tuple[pr.Crf, dict[str, Any]]] = {}
    for n, block in enumerate(pt.block_folds(rounds, FOLDS)):
        path = pt._model_paths(args.cache, args.script, f"r{FOLD_UPTO}fold{n}of{FOLDS}")
        if not path.with_suffix(".roles.json").exists():
            training = [r for r in reports if r.round <= FOLD_UPTO and r.round not in block]
            print(f"  training fold {n} on {len(training)} reports", flush=True)
            pt.train(training, pt.Tables(roster), path)
        roles = json.loads(path.with_suffix(".roles.json").read_text(encoding="utf-8"))
        for rnd in block:
            models[rnd] = (_crf_of(path), roles)
    docs: list[Doc] = []
    for rep in reports:
        crf, roles = models.get(rep.round, (shipped["crf_model"], shipped["roles"]))
        rules = [(n, r) for n, r in rep.earlier]
        got = pr.read_mentions(rep.text, rep.lang, rep.tokens, rep.sents, rules, tables, crf, roles)
        named = {pr.person_key(n, roster) for n, _ in rules}
        rows = pr.gate_rows(rep.text, rep.lang, rep.tokens, got, named, tables)
        docs.append(
            {
                "id": rep.id,
                "style": rep.style,
                "round": rep.round,
                "lang": rep.lang,
                "rules": sorted(pt.keyed(rules, roster)),
                "want": sorted(rep.want),
                "rows": [[k, r, c, f] for k, r, _, _, c, f in rows],
            }
        )
    out = args.cache / f"rows-{args.script}.json"
    out.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    print(f"{args.script}: {len(docs)} reports, {sum(len(d['rows']) for d in docs)} rows -> {out}")


def load_docs(cache: Path) -> list[Doc]:
    docs: list[Doc] = []
    for script in ("latin", "zh"):
        docs += json.loads((cache / f"rows-{script}.json").read_text(encoding="utf-8"))
    for d in docs:
        d["rules"] = {tuple(x) for x in d["rules"]}
        d["want"] = {tuple(x) for x in d["want"]}
    return docs


def fit(docs: list[Doc]) -> dict[str, Any]:
    """A logistic regression over every row (each labelled by whether its (name, role) is
    labelled in its report), as {bias, weights}."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = [(row[3], int((row[0], row[1]) in d["want"])) for d in docs for row in d["rows"]]
    vocab = {f: i for i, f in enumerate(sorted({f for fs, _ in rows for f in fs}))}
    x = np.zeros((len(rows), len(vocab)))
    for n, (fs, _) in enumerate(rows):
        for f in fs:
            x[n, vocab[f]] = 1.0
    clf = LogisticRegression(C=0.5, max_iter=3000).fit(x, [y for _, y in rows])
    weights = {f: round(float(clf.coef_[0][i]), 4) for f, i in sorted(vocab.items())}
    return {
        "bias": round(float(clf.intercept_[0]), 4),
        "weights": {f: w for f, w in weights.items() if w},
    }


def probs(docs: list[Doc], gate: dict[str, Any]) -> list[list[float]]:
    return [[pr.gate_prob(gate, row[3]) for row in d["rows"]] for d in docs]


def added(d: Doc, ps: list[float], g: float, t: float) -> set[tuple[str, str]]:
    return {
        (row[0], row[1]) for row, p in zip(d["rows"], ps, strict=True) if row[2] >= t and p >= g
    }


def score(
    docs: list[Doc],
    ps: list[list[float]],
    g: float,
    t: float,
    by: Callable[[Doc], list[str]] = lambda d: ["overall"],
) -> tuple[dict[str, pt.Counts], int]:
    groups: dict[str, pt.Counts] = defaultdict(lambda: [0, 0, 0])
    nfp = 0
    for d, p in zip(docs, ps, strict=True):
        c = pt.count(d["rules"] | added(d, p, g, t), d["want"])
        if d["style"] == "none":
            nfp += c[1]
            continue
        for key in by(d):
            groups[key] = [a + b for a, b in zip(groups[key], c, strict=True)]
    return dict(groups), nfp


def choose(docs: list[Doc], ps: list[list[float]]) -> tuple[float, float]:
    """The (gate, confidence) thresholds of the best pooled F1 whose no-attendee false people
    stay within SLACK of the rules' (round 22's rule)."""
    _, base = score(docs, ps, 1.01, 1.01)
    best = (-1.0, 1.01, 1.01)
    for g in GATE_GRID:
        for t in CONF_GRID:
            groups, nfp = score(docs, ps, g, t)
            f = pt.f1(groups.get("overall", [0, 0, 0]))
            if nfp <= base * (1 + SLACK) and f > best[0]:
                best = (f, g, t)
    return best[1], best[2]


def out_of_fold(docs: list[Doc], blocks: list[set[int]]) -> list[list[float]]:
    oof: list[list[float]] = [[] for _ in docs]
    for block in blocks:
        gate = fit([d for d in docs if d["round"] not in block])
        for i, d in enumerate(docs):
            if d["round"] in block:
                oof[i] = [pr.gate_prob(gate, row[3]) for row in d["rows"]]
    return oof


def style_of(d: Doc) -> list[str]:
    return ["overall", d["style"], "zh" if d["lang"] == "zh" else "en+de"]


def _print(title: str, base: dict[str, pt.Counts], got: dict[str, pt.Counts]) -> None:
    print(title)
    for k in sorted(base, key=lambda k: (k != "overall", k)):
        delta = pt.f1(got[k]) - pt.f1(base[k])
        print(f"    {k:<12} {pt.prf(base[k])} -> {pt.prf(got[k])}  ({delta:+.3f})")


def judge(args: argparse.Namespace) -> None:
    docs = load_docs(args.cache)
    train = [d for d in docs if d["round"] <= FOLD_UPTO]
    blocks = pt.block_folds(sorted({d["round"] for d in train}), FOLDS)
    oof = out_of_fold(train, blocks)
    nested: dict[str, pt.Counts] = defaultdict(lambda: [0, 0, 0])
    nested_fp = 0
    picks = []
    for block in blocks:
        other = [i for i, d in enumerate(train) if d["round"] not in block]
        inside = [i for i, d in enumerate(train) if d["round"] in block]
        g, t = choose([train[i] for i in other], [oof[i] for i in other])
        picks.append((g, t))
        grp, nfp = score([train[i] for i in inside], [oof[i] for i in inside], g, t, style_of)
        for k, c in grp.items():
            nested[k] = [a + b for a, b in zip(nested[k], c, strict=True)]
        nested_fp += nfp
    base, base_fp = score(train, oof, 1.01, 1.01, style_of)
    g, t = choose(train, oof)
    print(
        f"{len(train)} reports of rounds 1-{FOLD_UPTO}; thresholds g {g} t {t}; per block {picks}"
    )
    _print(
        f"  cross-validated rounds 1-{FOLD_UPTO} (nested thresholds), rules -> gated:", base, nested
    )
    print(f"    no-attendee false people {base_fp} -> {nested_fp}")
    if not args.held:
        return
    held = [d for d in docs if FOLD_UPTO < d["round"] <= LAST]
    ps = probs(held, fit(train))

    def by_round(d: Doc) -> list[str]:
        return [*style_of(d), f"round {d['round']}"]

    hb, hb_fp = score(held, ps, 1.01, 1.01, by_round)
    hg, hg_fp = score(held, ps, g, t, by_round)
    _print(
        f"  rounds {FOLD_UPTO + 1}-{LAST}, the gate fitted on 1-{FOLD_UPTO}: rules -> gated", hb, hg
    )
    print(f"    no-attendee false people {hb_fp} -> {hg_fp}")


def export(args: argparse.Namespace) -> None:
    docs = load_docs(args.cache)
    rounds = sorted({d["round"] for d in docs})
    blocks = [*pt.block_folds([r for r in rounds if r <= FOLD_UPTO], FOLDS)]
    blocks.append({r for r in rounds if r > FOLD_UPTO})
    g, t = choose(docs, out_of_fold(docs, blocks))
    model = json.loads(gzip.decompress(args.out.read_bytes()))
    for part in model["scripts"].values():
        # no "first sentence" feature is read since round 23 (people_reader.sentence_scores)
        part["crf"]["state"].pop("s0", None)
    model["gate"] = fit(docs)
    model["gate_at"], model["confidence"] = g, t
    model["gate_kind"] = "sentence"
    model["gate_trained"] = f"dev rounds 1-{LAST}, out of fold (round 23)"
    raw = write_model(args.out, model)
    print(f"g {g} t {t}; {args.out}: {args.out.stat().st_size} bytes ({len(raw)} unpacked)")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("read")
    r.add_argument("--script", choices=("latin", "zh"), required=True)
    r.add_argument("--rules-cache", type=Path, required=True)
    r.add_argument("--cache", type=Path, required=True)
    j = sub.add_parser("judge")
    j.add_argument("--cache", type=Path, required=True)
    j.add_argument("--held", action="store_true", help="also rounds 40+41")
    e = sub.add_parser("export")
    e.add_argument("--cache", type=Path, required=True)
    e.add_argument("--out", type=Path, default=PACKAGED)
    args = parser.parse_args(argv)
    {"read": read, "judge": judge, "export": export}[args.command](args)


if __name__ == "__main__":
    main(sys.argv[1:])
