"""A learned span-and-role reader of people (issue 9, round 21): trained, then judged on rounds
it never saw, as fresh reports meet it.

Unlike the learned second opinions (bench/train_people_model*.py), which re-score the names the
rules' finder proposes, this reads the text itself in two steps:

1. Spans: a linear-chain CRF (python-crfsuite, L-BFGS) tags every token B / I / O, B and I
   being the tokens of a name labelled in a role. Tokens are words for Latin scripts and
   characters for Chinese (a run of Latin letters inside Chinese text stays one word). Features:
   the token, its shape, affixes and neighbours, its script; the project's own tables (the
   roster's spellings found in the sentence, the given-name table, the Chinese surname table);
   the role cue words of worker/detect/role_cues*.py (ROLE_WORDS, ZH_CUES, NOT_DONE) to the
   left and right; and the rules' own reading of the report (the names the rules gave, with
   their roles) aligned to the tokens.
2. Roles: one L2 logistic regression per role (attended, presided, spoke, present) over each
   found name's context (words and cues either side, the sentence's cues, the rules' role for
   it), trained on the labelled names' occurrences; a name's role probability is the highest
   over its occurrences in the report, and a name gets every role at 0.5 or above, at least
   its likeliest one.

Labels: each labelled (name, role) is found in the text by its tokens (case folded; the
pinyin readings scrapers print after characters dropped from text and name alike, as
bench_people does); every occurrence is tagged, the longest name first. A report's output is
{(name_key, role)} scored as bench_people scores.

The judgement (`judge`): train on dev rounds 1-33 (file suffix .roundN; none is round 1), score
rounds 34-39 (the six most recent blind rounds) per style, against the rules as they stood
before those rounds reached dev (bench/people_earlier/roundN.json for Chinese, latin/roundN.json
for English and German: the rules and model of their day, the fresh-like baseline) and
today's rules, and the combinations: the union; the union of tagger names whose span
confidence reaches a threshold chosen by block cross-validation on rounds 1-33 alone (the best
F1, and for the "fp" forms the best whose no-attendee false positives stay within +10% of the
rules'), also for the tagger's new names only and only in reports where the rules named
someone; the tagger's roles in place of the rules' for the names both found. The tables print
P/R/F1 per style and round and the no-attendee false positives; `--dump` keeps each judged
report's readings, which `pooled` pools over both scripts. The rules' reading the tagger
reads as a feature is, for every report, that of its own round's earlier rules (today's rules
for round 1, which has no earlier reading; `--rules-cache` names the JSON of today's readings,
made by `today` below).

Run (one script at a time; 2 cores are shared):
  PYTHONPATH=.:bench python bench/people_tagger.py today OUT.json      # today's rules, r1 + 34+
  PYTHONPATH=.:bench python bench/people_tagger.py judge --script latin --rules-cache OUT.json \
      [--cache DIR] [--folds 3] [--none-copies 1] [--dump DUMP.json]
  PYTHONPATH=.:bench python bench/people_tagger.py pooled DUMP_LATIN.json DUMP_ZH.json
  PYTHONPATH=.:bench python bench/people_tagger.py train --script zh --upto 33 --out MODEL
The training is deterministic: the same data and settings write the same model bytes.
Judged in round 21 and not shipped (docs/people.md, "Round 21: a learned span-and-role reader").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_people import load_roster, name_key

from worker.detect.attendees import unannotated
from worker.detect.people_reader import (
    Found,
    Sentence,
    Tables,
    Token,
    align,
    mention_features,
    new_pairs,
    note_found,
    role_probs,
    sentence_features,
    sentences,
    tokenize,
)
from worker.detect.roster import Roster

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "bench" / "data" / "people" / "dev"
EARLIER = ROOT / "bench" / "people_earlier"
ROLES = ("attended", "presided", "spoke", "present")
LAST_TRAIN = 33  # rounds 1-33 train; 34-39 are judged
CRF_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 120,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
ROLE_C = 0.1
ROLE_MIN_COUNT = 3
# the sentences of the no-attendee reports are trained on this many times (a CRF takes no
# weights): `--none-copies`, 1 in the first run
NONE_COPIES = 1
NEGATIVE_EVERY = 4  # of the sentences with no name, cue or rules' name: every 4th is trained on

# --- data -----------------------------------------------------------------------------------


@dataclass
class Report:
    id: str
    style: str
    round: int
    lang: str  # "zh", "en" or "de"
    text: str  # the pinyin readings dropped
    want: set[tuple[str, str]]
    gold: dict[str, set[str]]  # name as written -> roles
    earlier: list[tuple[str, str]]  # the rules as they stood before the round reached dev
    today: list[tuple[str, str]] | None = None  # today's rules (for rounds 1 and 34+)
    tokens: list[Token] = field(default_factory=list)
    sents: list[list[int]] = field(default_factory=list)


def round_of(path: Path) -> int:
    m = re.search(r"\.round(\d+)$", path.stem)
    return int(m.group(1)) if m else 1


def load_reports(
    roster: Roster, script: str, today: dict[str, Any], files: list[Path] | None = None
) -> list[Report]:
    earlier: dict[str, list[tuple[str, str]]] = {}
    for folder in (EARLIER, EARLIER / "latin"):
        for path in sorted(folder.glob("round*.json")):
            for rid, pairs in json.loads(path.read_text(encoding="utf-8")).items():
                earlier[rid] = [(n, r) for n, r in pairs]
    out = []
    for path in files if files is not None else sorted(DEV.glob("*.toml")):
        style = "none" if path.stem.startswith("none") else path.stem.split(".")[0]
        rnd = round_of(path)
        for rep in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            lang = rep.get("language") or "en"
            if (lang == "zh") != (script == "zh"):
                continue
            gold: dict[str, set[str]] = defaultdict(set)
            for p in rep["people"]:
                gold[unannotated(p["name"])].add(p["role"])
            now = today.get(rep["id"])
            rules = earlier.get(rep["id"])
            r = Report(
                rep["id"],
                style,
                rnd,
                lang,
                unannotated(rep["text"]),
                {(name_key(p["name"], roster), p["role"]) for p in rep["people"]},
                dict(gold),
                rules if rules is not None else [tuple(x) for x in (now or [])],  # type: ignore[misc]
                [tuple(x) for x in now] if now is not None else None,  # type: ignore[misc]
            )
            r.tokens = tokenize(r.text)
            r.sents = sentences(r.text, r.tokens)
            out.append(r)
    return out


# --- features (worker/detect/people_reader.py's, which the shipped reader reads with) --------


def report_sentences(rep: Report, tables: Tables) -> list[Sentence]:
    return sentence_features(rep.text, rep.lang, rep.tokens, rep.sents, rep.earlier, tables)


# --- training -------------------------------------------------------------------------------


def _gold_tags(rep: Report) -> tuple[list[str], dict[int, tuple[int, str]]]:
    tags = ["O"] * len(rep.tokens)
    spans: dict[int, tuple[int, str]] = {}
    for a, b, name in align(rep.gold, rep.tokens):
        tags[a] = "B"
        for k in range(a + 1, b):
            tags[k] = "I"
        spans[a] = (b, name)
    return tags, spans


def train(reports: list[Report], tables: Tables, out: Path) -> dict[str, Any]:
    """The span CRF (`out`.crf) and the role weights (`out`.roles.json); the same reports and
    settings give the same bytes."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    feats: list[list[str]] = []
    ys: dict[str, list[int]] = {r: [] for r in ROLES}
    weight: list[float] = []
    negatives = 0
    for rep in reports:
        tags, spans = _gold_tags(rep)
        zh = rep.lang == "zh"
        times = Counter(name for _, name in spans.values())
        for s in report_sentences(rep, tables):
            stags = [tags[i] for i in s.idx]
            if "B" not in stags and not any(s.rules) and not any(s.cues):
                negatives += 1
                if negatives % NEGATIVE_EVERY:
                    continue
            for _ in range(NONE_COPIES if rep.style == "none" else 1):
                trainer.append(s.feats, stags)
            for p, i in enumerate(s.idx):
                if i in spans:
                    b, name = spans[i]
                    end = p + (b - i)
                    if end > len(s.idx):
                        continue
                    feats.append(mention_features(s, p, end, zh))
                    weight.append(1.0 / times[name])
                    for r in ROLES:
                        ys[r].append(int(r in rep.gold[name]))
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(out.with_suffix(".crf")))
    roles = fit_roles(feats, ys, weight)
    out.with_suffix(".roles.json").write_text(
        json.dumps(roles, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    return roles


def fit_roles(
    feats: Sequence[Sequence[str]], ys: dict[str, list[int]], weight: list[float]
) -> dict[str, Any]:
    """One logistic regression per role over the mentions' context features, fitted and encoded
    as bench/train_people_model.py fits the shipped second opinion's."""
    from train_people_model import fit_roles as fit

    return fit(feats, ys, ROLE_C, ROLE_MIN_COUNT, weight)


# --- reading --------------------------------------------------------------------------------


def read(
    rep: Report, tables: Tables, tagger: Any, roles: dict[str, Any], roster: Roster
) -> dict[str, Found]:
    """{name key: Found} for one report."""
    zh = rep.lang == "zh"
    found: dict[str, Found] = {}
    for s in report_sentences(rep, tables):
        for p, q, conf in tagged_spans(tagger, s):
            ruled = conf if any(s.rules) else 0.0
            a, b = rep.tokens[s.idx[p]].start, rep.tokens[s.idx[q - 1]].end
            name = rep.text[a:b]
            key = name_key(name, roster)
            probs = role_probs(mention_features(s, p, q, zh), roles)
            note_found(found, key, name, conf, probs, ruled)
    return found


def tagged_spans(tagger: Any, s: Sentence) -> Iterator[tuple[int, int, float]]:
    """The names the tagger tags in one sentence: (first token, one past the last, the least
    marginal of its tags: the span's confidence)."""
    tagger.set(s.feats)
    tags = tagger.tag()
    p = 0
    while p < len(tags):
        if tags[p] == "O":
            p += 1
            continue
        q = p + 1
        while q < len(tags) and tags[q] == "I":
            q += 1
        yield p, q, min(tagger.marginal(tags[k], k) for k in range(p, q))
        p = q


def tagger_pairs(found: dict[str, Found], t: float = 0.0) -> set[tuple[str, str]]:
    return {(k, r) for k, f in found.items() if f.conf >= t for r in f.roles()}


def keyed(pairs: Iterable[tuple[str, str]], roster: Roster) -> set[tuple[str, str]]:
    return {(name_key(n, roster), r) for n, r in pairs}


def replaced(rules: set[tuple[str, str]], found: dict[str, Found]) -> set[tuple[str, str]]:
    """The rules' names, with the tagger's roles for those it found too."""
    out = set()
    for k in {k for k, _ in rules}:
        if k in found:
            out |= {(k, r) for r in found[k].roles()}
        else:
            out |= {(k, r) for kk, r in rules if kk == k}
    return out


# --- judging --------------------------------------------------------------------------------

Counts = list[int]  # tp, fp, fn


def count(got: set[tuple[str, str]], want: set[tuple[str, str]]) -> Counts:
    return [len(got & want), len(got - want), len(want - got)]


def prf(c: Counts) -> str:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f"{p:.3f}/{r:.3f}/{f:.3f}"


def f1(c: Counts) -> float:
    return 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0


def _model_paths(cache: Path, script: str, tag: str) -> Path:
    return cache / f"{script}-{tag}"


def fitted(
    reports: list[Report], tables: Tables, cache: Path, script: str, tag: str
) -> tuple[Any, dict[str, Any]]:
    import pycrfsuite

    path = _model_paths(cache, script, tag)
    if not path.with_suffix(".roles.json").exists():
        print(f"  training {tag} on {len(reports)} reports", flush=True)
        train(reports, tables, path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path.with_suffix(".crf")))
    return tagger, json.loads(path.with_suffix(".roles.json").read_text(encoding="utf-8"))


def read_all(
    reports: list[Report],
    tables: Tables,
    model: tuple[Any, dict[str, Any]],
    roster: Roster,
    cache: Path,
    tag: str,
) -> list[dict[str, Found]]:
    path = cache / f"{tag}.read.json"
    if path.exists():
        saved = json.loads(path.read_text(encoding="utf-8"))
        return [{k: Found(*v) for k, v in saved[r.id].items()} for r in reports]
    out = [read(r, tables, model[0], model[1], roster) for r in reports]
    path.write_text(
        json.dumps(
            {
                r.id: {k: [f.name, f.conf, f.probs, f.conf_ruled] for k, f in found.items()}
                for r, found in zip(reports, out, strict=True)
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return out


def block_folds(rounds: list[int], k: int) -> list[set[int]]:
    """`k` blocks of consecutive rounds."""
    size = math.ceil(len(rounds) / k)
    return [set(rounds[i : i + size]) for i in range(0, len(rounds), size)]


def _gated(rules: set[tuple[str, str]], found: dict[str, Found], t: float) -> set[tuple[str, str]]:
    """The tagger's pairs at span confidence `t` or above, in a report where the rules named
    someone (none where they named nobody)."""
    return tagger_pairs(found, t) if rules else set()


def _in_ruled(
    rules: set[tuple[str, str]], found: dict[str, Found], t: float
) -> set[tuple[str, str]]:
    """The tagger's new names found at `t` or above in a sentence where the rules named
    someone."""
    named = {k for k, _ in rules}
    return {
        (k, r) for k, f in found.items() if k not in named and f.conf_ruled >= t for r in f.roles()
    }


Combo = Callable[[Report, dict[str, Found], Roster, dict[str, float]], set[tuple[str, str]]]


def _earlier(rep: Report, roster: Roster) -> set[tuple[str, str]]:
    return keyed(rep.earlier, roster)


# The columns: (heading, the reading, the threshold it needs or "")
COMBOS: list[tuple[str, Combo, str]] = [
    ("tagger", lambda rep, fd, ro, t: tagger_pairs(fd), ""),
    ("rules-at-time", lambda rep, fd, ro, t: _earlier(rep, ro), ""),
    ("today's rules", lambda rep, fd, ro, t: keyed(rep.today or [], ro), ""),
    ("union", lambda rep, fd, ro, t: _earlier(rep, ro) | tagger_pairs(fd), ""),
    (
        "union>=t",
        lambda rep, fd, ro, t: _earlier(rep, ro) | tagger_pairs(fd, t["union"]),
        "union",
    ),
    (
        "union>=t fp",
        lambda rep, fd, ro, t: _earlier(rep, ro) | tagger_pairs(fd, t["union fp"]),
        "union fp",
    ),
    (
        "new>=t fp",
        lambda rep, fd, ro, t: _earlier(rep, ro) | new_pairs(_earlier(rep, ro), fd, t["new fp"]),
        "new fp",
    ),
    (
        "gated>=t fp",
        lambda rep, fd, ro, t: _earlier(rep, ro) | _gated(_earlier(rep, ro), fd, t["gated fp"]),
        "gated fp",
    ),
    (
        "in ruled sent. fp",
        lambda rep, fd, ro, t: _earlier(rep, ro) | _in_ruled(_earlier(rep, ro), fd, t["ruled fp"]),
        "ruled fp",
    ),
    ("roles repl.", lambda rep, fd, ro, t: replaced(_earlier(rep, ro), fd), ""),
    ("today roles repl.", lambda rep, fd, ro, t: replaced(keyed(rep.today or [], ro), fd), ""),
    (
        "repl.+new>=t fp",
        lambda rep, fd, ro, t: (
            replaced(_earlier(rep, ro), fd) | new_pairs(_earlier(rep, ro), fd, t["repl new fp"])
        ),
        "repl new fp",
    ),
]
GRID = [round(0.5 + 0.025 * i, 3) for i in range(21)] + [1.01]


def choose_thresholds(
    reports: list[Report], reads: list[dict[str, Found]], roster: Roster
) -> dict[str, float]:
    """Each combination's span threshold over the cross-validated reports: the best pooled F1;
    for the "fp" ones, the best F1 whose no-attendee false positives stay within 10% of the
    earlier rules' (1.01, nothing added, when none does)."""
    base = sum(count(_earlier(rep, roster), rep.want)[1] for rep in reports if rep.style == "none")
    out: dict[str, float] = {}
    for head, combo, name in COMBOS:
        if not name:
            continue
        best = (-1.0, 1.01)
        for t in GRID:
            c, nfp = [0, 0, 0], 0
            for rep, found in zip(reports, reads, strict=True):
                got = combo(
                    rep,
                    found,
                    roster,
                    dict.fromkeys(
                        ("union", "union fp", "new fp", "repl new fp", "gated fp", "ruled fp"), t
                    ),
                )
                k = count(got, rep.want)
                if rep.style == "none":
                    nfp += k[1]
                else:
                    c = [x + y for x, y in zip(c, k, strict=True)]
            allowed = not name.endswith("fp") or nfp <= 1.1 * base
            if name in ("union", "gated fp", "ruled fp") and t in (
                0.5,
                0.75,
                0.9,
                0.95,
                0.975,
                1.0,
            ):
                print(f"      {head} at {t}: {prf(c)}, no-attendee fp {nfp} (rules {base})")
            if allowed and f1(c) > best[0]:
                best = (f1(c), t)
        out[name] = best[1]
        print(f"    {head}: threshold {best[1]} (cross-validated F1 {best[0]:.3f})")
    return out


def judge(args: argparse.Namespace) -> None:
    global NONE_COPIES
    NONE_COPIES = args.none_copies
    roster = load_roster()
    tables = Tables(roster)
    today = json.loads(Path(args.rules_cache).read_text(encoding="utf-8"))
    reports = load_reports(roster, args.script, today)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    training = [r for r in reports if r.round <= LAST_TRAIN]
    held = [r for r in reports if r.round > LAST_TRAIN]
    print(f"{args.script}: {len(training)} reports train (rounds 1-33), {len(held)} judged")
    model = fitted(training, tables, cache, args.script, f"upto{LAST_TRAIN}")
    reads = read_all(held, tables, model, roster, cache, f"{args.script}-held")
    rounds = sorted({r.round for r in training})
    cv_reads: list[dict[str, Found]] = [{} for _ in training]
    for n, block in enumerate(block_folds(rounds, args.folds)):
        fold_model = fitted(
            [r for r in training if r.round not in block],
            tables,
            cache,
            args.script,
            f"fold{n}of{args.folds}",
        )
        part = [i for i, r in enumerate(training) if r.round in block]
        got = read_all(
            [training[i] for i in part],
            tables,
            fold_model,
            roster,
            cache,
            f"{args.script}-fold{n}of{args.folds}",
        )
        for i, g in zip(part, got, strict=True):
            cv_reads[i] = g
    print(f"  thresholds by {args.folds}-block cross-validation on rounds 1-33:")
    thresholds = choose_thresholds(training, cv_reads, roster)
    table("rounds 1-33 cross-validated", training, cv_reads, roster, thresholds, by_round=False)
    table("rounds 34-39", held, reads, roster, thresholds, by_round=True)
    if args.dump:
        dump = {
            rep.id: {
                "style": rep.style,
                "round": rep.round,
                "want": sorted(rep.want),
                "columns": {
                    head: sorted(combo(rep, found, roster, thresholds)) for head, combo, _ in COMBOS
                },
            }
            for rep, found in zip(held, reads, strict=True)
        }
        Path(args.dump).write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")


def table(
    title: str,
    reports: list[Report],
    reads: list[dict[str, Found]],
    roster: Roster,
    thresholds: dict[str, float],
    *,
    by_round: bool,
) -> None:
    heads = [h for h, _, _ in COMBOS]
    groups: dict[str, list[Counts]] = defaultdict(lambda: [[0, 0, 0] for _ in heads])
    nones = [0] * len(heads)
    for rep, found in zip(reports, reads, strict=True):
        for j, (_, combo, _) in enumerate(COMBOS):
            c = count(combo(rep, found, roster, thresholds), rep.want)
            if rep.style == "none":
                nones[j] += c[1]
                continue
            for g in ("overall", rep.style, *([f"round {rep.round}"] if by_round else [])):
                groups[g][j] = [x + y for x, y in zip(groups[g][j], c, strict=True)]
    print(f"{title}, P/R/F1 per column (no-attendee false positives last):")
    print("  " + " " * 12 + "".join(f"{h:>20}" for h in heads))
    for g, cs in sorted(groups.items(), key=lambda kv: (kv[0] != "overall", kv[0])):
        print(f"  {g:<12}" + "".join(f"{prf(c):>20}" for c in cs))
    print(f"  {'none fp':<12}" + "".join(f"{n:>20}" for n in nones))


def pooled(paths: list[Path]) -> None:
    """The dumps of `judge --dump` (one per script) pooled: overall and per style."""
    reports: dict[str, Any] = {}
    for path in paths:
        reports.update(json.loads(path.read_text(encoding="utf-8")))
    heads = list(next(iter(reports.values()))["columns"])
    groups: dict[str, list[Counts]] = defaultdict(lambda: [[0, 0, 0] for _ in heads])
    nones = [0] * len(heads)
    for rep in reports.values():
        want = {tuple(x) for x in rep["want"]}
        for j, h in enumerate(heads):
            c = count({tuple(x) for x in rep["columns"][h]}, want)  # type: ignore[misc]
            if rep["style"] == "none":
                nones[j] += c[1]
                continue
            for g in ("overall", rep["style"]):
                groups[g][j] = [x + y for x, y in zip(groups[g][j], c, strict=True)]
    print("pooled over the dumps, P/R/F1 per column (no-attendee false positives last):")
    print("  " + " " * 12 + "".join(f"{h:>20}" for h in heads))
    for g, cs in sorted(groups.items(), key=lambda kv: (kv[0] != "overall", kv[0])):
        print(f"  {g:<12}" + "".join(f"{prf(c):>20}" for c in cs))
    print(f"  {'none fp':<12}" + "".join(f"{n:>20}" for n in nones))


def today_readings(out: Path) -> None:
    """Today's rules on the reports of round 1 and rounds 34 on: {id: [[name, role]]}."""
    from worker.detect.people import extract_people

    roster = load_roster()
    found: dict[str, list[list[str]]] = {}
    for path in sorted(DEV.glob("*.toml")):
        rnd = round_of(path)
        if rnd != 1 and rnd <= LAST_TRAIN:
            continue
        for rep in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            people = extract_people(rep["text"], roster, language=rep.get("language") or None)
            found[rep["id"]] = [[p.name, p.role] for p in people]
    out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("today", help="today's rules on rounds 1 and 34+, as JSON")
    t.add_argument("out", type=Path)
    j = sub.add_parser("judge", help="train on rounds 1-33, judge rounds 34-39")
    j.add_argument("--script", choices=("latin", "zh"), required=True)
    j.add_argument("--rules-cache", required=True, help="the JSON `today` wrote")
    j.add_argument("--cache", default="/tmp/people_tagger", help="models and readings kept here")
    j.add_argument("--folds", type=int, default=3, help="blocks of rounds 1-33 for the threshold")
    j.add_argument("--none-copies", type=int, default=1, help="no-attendee sentences' copies")
    j.add_argument("--dump", default=None, help="write each judged report's readings here")
    po = sub.add_parser("pooled", help="the dumps of both scripts pooled, per style")
    po.add_argument("dumps", type=Path, nargs="+")
    tr = sub.add_parser("train", help="train one model and print its digests")
    tr.add_argument("--script", choices=("latin", "zh"), required=True)
    tr.add_argument("--rules-cache", required=True)
    tr.add_argument("--upto", type=int, default=LAST_TRAIN)
    tr.add_argument("--style", default=None, help="only this style's reports (quick runs)")
    tr.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "today":
        today_readings(args.out)
    elif args.command == "pooled":
        pooled(args.dumps)
    elif args.command == "judge":
        judge(args)
    else:
        roster = load_roster()
        today = json.loads(Path(args.rules_cache).read_text(encoding="utf-8"))
        reports = [
            r
            for r in load_reports(roster, args.script, today)
            if r.round <= args.upto and (args.style is None or r.style == args.style)
        ]
        train(reports, Tables(roster), args.out)
        for suffix in (".crf", ".roles.json"):
            p = args.out.with_suffix(suffix)
            print(f"{p}: {p.stat().st_size} bytes, sha256 {digest(p)}")


if __name__ == "__main__":
    main(sys.argv[1:])
