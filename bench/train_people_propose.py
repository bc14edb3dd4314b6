"""Train and judge the learned proposer of names the rules never propose
(worker/detect/people_propose.py).

Input: every labelled dev report (bench/data/people/dev/*.toml) in English, German or Chinese.
For each report, the sentences the rules read (`people.read_people`; the Chinese ones as
people_model_zh receives them), and two readings of the rules: the rules as they stood before
the report's round reached dev (bench/people_earlier/, bench/people_rules_at.py; round 1:
today's) and today's. Each reading gives its own candidates (a name the reading already gave a
role is none) and features (the roles of the names beside a candidate). A candidate's labels
are the roles the report gives its name (bench_people's `name_key`).

Judged by leave-one-round-out cross-validation over the rounds (file suffix .roundN; none is
round 1): a model fitted on the other rounds' candidates (earlier readings) scores the held
round's; the earlier rules plus each candidate at or above its role's threshold (one name per
Latin run) are scored as bench_people scores. Thresholds per script (Chinese, Latin) on the
pooled held-out rows, among those that raise the no-attendee reports' false positives by at
most `--max-fp-rise` (a share) over the earlier rules'.

Nothing is written: the proposer was not shipped (round 11: no threshold adds a right name
without more wrong ones; docs/people.md, "Round 11, a learned proposer of new names").

Run: PYTHONPATH=.:bench python bench/train_people_propose.py [--c 0.1] [--min-count 2]
(needs the `train` extra; about 4 minutes on one core.)
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import propose_candidates as people_propose
from bench_people import DATA, load_roster, name_key
from people_unfound import load_earlier, round_of
from propose_candidates import Candidate
from train_people_model import fit_roles

from worker.detect import people_model_zh, role_weights
from worker.detect.people import extract_people, read_people
from worker.detect.roster import Roster

ROLES = role_weights.ROLES
GRID = [round(0.3 + 0.05 * i, 2) for i in range(14)] + [1.01]  # 0.3 .. 0.95, off


@dataclass
class Example:
    rid: str
    round: int
    lang: str
    want: set[tuple[str, str]]
    earlier: set[tuple[str, str]]
    today: set[tuple[str, str]]
    none: bool  # a no-attendee report
    cands: dict[str, list[Candidate]] = field(default_factory=dict)  # by reading
    keys: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, list[set[str]]] = field(default_factory=dict)


_READ: list[Any] = []


def _record(sentences: Any, roster: Roster, people: Any, model: Any = None) -> Any:
    _READ.append(list(sentences))
    return iter(())


def proposals(
    text: str, lang: str, roster: Roster, given: Sequence[tuple[str, str]]
) -> list[Candidate]:
    if lang == "zh":
        _READ.clear()
        real = people_model_zh.additions
        people_model_zh.additions = _record
        try:
            read_people(text, roster, language="zh")
        finally:
            people_model_zh.additions = real
        return people_propose.zh_proposals(_READ[0] if _READ else [], roster, given)
    reading = read_people(text, roster, language=lang)
    return people_propose.latin_proposals(reading.sentences, reading.ctx, lang, given)


def load(roster: Roster) -> list[Example]:
    earlier = load_earlier()
    examples = []
    for path in sorted((DATA / "dev").glob("*.toml")):
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            lang = report.get("language")
            if lang not in ("en", "de", "zh"):
                continue
            text = report["text"]
            today_people = [(p.name, p.role) for p in extract_people(text, roster, language=lang)]
            old = earlier.get(report["id"])
            old_people = today_people if old is None else [(n, r) for n, r in old]
            want = {(name_key(p["name"], roster), p["role"]) for p in report["people"]}
            ex = Example(
                report["id"],
                round_of(path),
                lang,
                want,
                {(name_key(n, roster), r) for n, r in old_people},
                {(name_key(n, roster), r) for n, r in today_people},
                not report["people"],
            )
            roles: dict[str, set[str]] = defaultdict(set)
            for k, r in want:
                roles[k].add(r)
            for which, given in (("earlier", old_people), ("today", today_people)):
                cands = proposals(text, lang, roster, given)
                ex.cands[which] = cands
                ex.keys[which] = [name_key(c.name, roster) for c in cands]
                ex.labels[which] = [set(roles.get(k, ())) for k in ex.keys[which]]
            examples.append(ex)
    return examples


def script(c: Candidate) -> str:
    return "latin" if any(f.startswith("lang=") for f in c.features) else "zh"


def fit(
    examples: list[Example], c: float, min_count: int, which: str = "earlier"
) -> dict[str, Any]:
    feats = [
        [*cand.features, f"script={script(cand)}"] for ex in examples for cand in ex.cands[which]
    ]
    labels = [lab for ex in examples for lab in ex.labels[which]]
    ys = {r: [int(r in lab) for lab in labels] for r in ROLES}
    return fit_roles(feats, ys, c, min_count)


def with_script(cands: list[Candidate]) -> list[Candidate]:
    return [Candidate(c.name, c.at, c.group, (*c.features, f"script={script(c)}")) for c in cands]


def score(
    examples: list[Example],
    probs: dict[str, list[dict[str, float]]],
    thresholds: dict[str, dict[str, float]],
    which: str,
    langs: tuple[str, ...] = ("en", "de", "zh"),
) -> tuple[int, int, int, int]:
    """tp, fp, fn, and the no-attendee false positives of a reading plus the additions."""
    tp = fp = fn = nfp = 0
    for ex in examples:
        if ex.lang not in langs:
            continue
        got = set(ex.earlier if which == "earlier" else ex.today)
        cands = ex.cands[which]
        if cands:
            s = "zh" if ex.lang == "zh" else "latin"
            keys = dict(zip([id(c) for c in cands], ex.keys[which], strict=True))
            for cand, role in people_propose.best(cands, probs[ex.rid], thresholds[s]):
                got.add((keys[id(cand)], role))
        tp += len(got & ex.want)
        fp += len(got - ex.want)
        fn += len(ex.want - got)
        if ex.none:
            nfp += len(got)
    return tp, fp, fn, nfp


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cv_probs(
    examples: list[Example], c: float, min_count: int
) -> dict[str, dict[str, list[dict[str, float]]]]:
    """Each report's candidates' probabilities (both readings) from the model fitted on the
    other rounds."""
    out: dict[str, dict[str, list[dict[str, float]]]] = {"earlier": {}, "today": {}}
    for k in sorted({ex.round for ex in examples}):
        model = fit([ex for ex in examples if ex.round != k], c, min_count)
        for ex in examples:
            if ex.round == k:
                for which in out:
                    out[which][ex.rid] = people_propose.scored(with_script(ex.cands[which]), model)
        print(f"  fold {k} done", file=sys.stderr)
    return out


def choose(
    examples: list[Example],
    probs: dict[str, list[dict[str, float]]],
    max_fp_rise: float,
) -> dict[str, dict[str, float]]:
    """Per script, per role thresholds by coordinate ascent on the pooled held-out F1 over the
    earlier rules, within the no-attendee false-positive cap."""
    off: dict[str, float] = {r: 1.01 for r in ROLES}
    thresholds = {"zh": dict(off), "latin": dict(off)}
    base_nfp = score(examples, probs, thresholds, "earlier")[3]
    cap = base_nfp * (1 + max_fp_rise)
    for s, langs in (("zh", ("zh",)), ("latin", ("en", "de"))):
        for _ in range(2):
            for r in ROLES:
                best_t, best_f = thresholds[s][r], -1.0
                for t in GRID:
                    trial = {**thresholds, s: {**thresholds[s], r: t}}
                    tp, fp, fn, _ = score(examples, probs, trial, "earlier", langs)
                    nfp = score(examples, probs, trial, "earlier")[3]
                    if nfp <= cap and f1(tp, fp, fn) > best_f + 1e-9:
                        best_t, best_f = t, f1(tp, fp, fn)
                thresholds[s][r] = best_t
    return thresholds


def report(
    examples: list[Example],
    probs: dict[str, dict[str, list[dict[str, float]]]],
    thresholds: dict[str, dict[str, float]],
) -> None:
    off: dict[str, dict[str, float]] = {
        "zh": {r: 1.01 for r in ROLES},
        "latin": {r: 1.01 for r in ROLES},
    }
    for which in ("earlier", "today"):
        for langs in (("en",), ("de",), ("zh",), ("en", "de", "zh")):
            a = score(examples, probs[which], off, which, langs)
            b = score(examples, probs[which], thresholds, which, langs)
            pa, pb = a[0] / max(1, a[0] + a[1]), b[0] / max(1, b[0] + b[1])
            print(
                f"{which:7s} {'+'.join(langs):8s} F1 {f1(*a[:3]):.4f} -> {f1(*b[:3]):.4f}  "
                f"P {pa:.4f} -> {pb:.4f}  tp {a[0]} -> {b[0]}  fp {a[1]} -> {b[1]}  "
                f"no-attendee fp {a[3]} -> {b[3]}"
            )
    print("held-out rounds 16-19 (fresh to the earlier rules), earlier rules:")
    for k in (16, 17, 18, 19):
        sub = [ex for ex in examples if ex.round == k]
        a = score(sub, probs["earlier"], off, "earlier")
        b = score(sub, probs["earlier"], thresholds, "earlier")
        print(
            f"  round {k}: F1 {f1(*a[:3]):.4f} -> {f1(*b[:3]):.4f} tp +{b[0] - a[0]} fp +{b[1] - a[1]}"
        )


def ranking(examples: list[Example], probs: dict[str, list[dict[str, float]]]) -> None:
    """How many of each script's top-scored candidates (held out, earlier rules) are right:
    what any threshold could keep."""
    for s in ("zh", "latin"):
        rows = []
        for ex in examples:
            if (ex.lang == "zh") != (s == "zh"):
                continue
            cands = zip(ex.cands["earlier"], ex.labels["earlier"], probs[ex.rid], strict=True)
            for _, labels, p in cands:
                role = max(p, key=lambda r: p[r])
                rows.append((p[role], role in labels))
        rows.sort(reverse=True)
        tops = ", ".join(
            f"top {k}: {sum(right for _, right in rows[:k])} right (p >= {rows[k - 1][0]:.3f})"
            for k in (10, 20, 40, 80)
            if len(rows) >= k
        )
        print(f"{s}: {len(rows)} candidates; {tops}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.1)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--max-fp-rise", type=float, default=0.05)
    args = ap.parse_args(argv)
    roster = load_roster()
    examples = load(roster)
    n = Counter(script(c) for ex in examples for c in ex.cands["earlier"])
    pos = Counter(
        script(c)
        for ex in examples
        for c, lab in zip(ex.cands["earlier"], ex.labels["earlier"], strict=True)
        if lab
    )
    print(f"{len(examples)} reports; candidates {dict(n)}, labelled {dict(pos)}")
    probs = cv_probs(examples, args.c, args.min_count)
    ranking(examples, probs["earlier"])
    thresholds = choose(examples, probs["earlier"], args.max_fp_rise)
    print("thresholds", json.dumps(thresholds))
    report(examples, probs, thresholds)


if __name__ == "__main__":
    main()
