"""The learned second opinions judged on the most recent rounds, as fresh reports meet them.

For the English and German model (`--script latin`, bench/train_people_model.py) or the
Chinese one (`--script zh`, bench/train_people_model_zh.py): every dev report's mentions are
scored (a) by the shipped weights and thresholds, and (b) by leave-one-round-out
cross-validation (each round by a model trained on the others, the trainer's settings), with
the thresholds the trainer would ship (`--per-language` for Latin) chosen over the earlier
readings of all rounds, and again over the rounds before `--recent` only (so that the recent
rounds' figures owe nothing to their own labels). Printed: the earlier rules alone and plus
each model, pooled over the rounds from `--recent` on (rounds 18-23 by default: rounds 18 and
19 are round 10's held-out splits, 20 and 21 round 11's, 22 and 23 round 12's), per language
and per style, with the no-attendee false positives; then over all rounds.

The shipped English and German weights saw rounds 1-14, the Chinese ones rounds 1-8 (their
JSON lists the files), so on the recent rounds both are as fresh as the cross-validated ones.

Run: PYTHONPATH=.:bench python bench/people_model_recent.py --script latin [--recent 18]
[--c 0.1] [--min-count 8] [--max-fp-rise 15] [--cache DIR] [--shipped-only] [--upto 33]
[--folds 1-18]

`--cache DIR` (round 18) keeps each held round's probabilities in DIR (one JSON per script,
settings and round) and reads them back on the next run, so that a run stopped on a loaded
machine resumes where it stopped and a finished one prints its tables again in seconds; the
folds are the same fits as without it. A cache is only valid for the dev files and code it was
made with: empty DIR after either changes. `--shipped-only` prints the first two columns alone
(the earlier rules and the shipped model), without any fit.

`--upto N` (round 20) holds the rounds after N back from every fit: each fold is fitted on the
rounds up to N alone, the thresholds are chosen over those folds (the trainers' procedure on a
dev set that ends at round N), and the rounds after N are scored by the one model fitted on all
the rounds up to N; they are printed over the earlier rules-only readings and over today's
rules, per language, style and round, beside the shipped weights (which saw rounds 1-14 and
1-8). `--folds A-B` fits only those held rounds into `--cache` and stops, so that the folds of
one run can be fitted by several processes at once; a last run without it reads them all.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import train_people_model as latin
import train_people_model_zh as zh
from bench_people import load_roster

from worker.detect import people_model, people_model_zh, role_weights

Counts = tuple[int, int, int]


def _style(ex: Any) -> str:
    return str(ex.file.split(".")[0])


def _score(
    examples: list[Any],
    probs: list[list[dict[str, float]]],
    thresholds: Callable[[Any], dict[str, float]],
    rules: Callable[[Any], set[tuple[str, str]]],
) -> Counts:
    tp = fp = fn = 0
    for ex, ps in zip(examples, probs, strict=True):
        a, b, c = latin.combined([ex], [ps], thresholds(ex), rules)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def _line(label: str, examples: list[Any], columns: list[tuple[Any, Any]], rules: Any) -> str:
    out = f"  {label:<12}"
    nones = [i for i, ex in enumerate(examples) if ex.file.startswith("none")]
    fps = []
    for probs, thresholds in columns:
        counts = _score(examples, probs, thresholds, rules)
        out += f"  {latin.prf(*counts)}"
        fps.append(
            str(
                _score([examples[i] for i in nones], [probs[i] for i in nones], thresholds, rules)[
                    1
                ]
            )
        )
    return out + "   none fp " + " / ".join(fps)


def cached_folds(
    examples: list[Any],
    script: str,
    c: float,
    min_count: int,
    cache: Path | None,
    only: set[int] | None = None,
    upto: int | None = None,
) -> list[list[dict[str, float]]]:
    """Leave-one-round-out probabilities as the trainers' `cross_validate` computes them, each
    held round's read from `cache` when a run with the same settings saved it, else fitted and
    (with `cache`) saved; with `only`, those held rounds alone (the others' reports left
    empty). With `upto`, every fold is fitted on the rounds up to `upto` alone (the rounds after
    it are held back from every fit; a held round after `upto` is scored by the fit on all the
    rounds up to it)."""
    probs: list[list[dict[str, float]]] = [[] for _ in examples]
    top = max((ex.round for ex in examples), default=0) if upto is None else upto
    held_back: dict[str, Any] | None = None
    for held in sorted({ex.round for ex in examples} & (only or {ex.round for ex in examples})):
        tag = "" if upto is None else f"-u{upto}"
        path = cache / f"{script}-c{c}-m{min_count}{tag}-r{held}.json" if cache else None
        part = [i for i, ex in enumerate(examples) if ex.round == held]
        if path is not None and path.exists():
            saved = json.loads(path.read_text(encoding="utf-8"))
            for i, ps in zip(part, saved, strict=True):
                probs[i] = ps
            continue
        if held > top and held_back is not None:
            model = held_back  # the rounds after `upto` all meet the same fit
        else:
            train = [ex for ex in examples if ex.round != held and ex.round <= top]
            model = latin.fit(train, c, min_count)
            held_back = model if held > top else None
        if script == "latin":
            model["add"] = dict.fromkeys(people_model.ROLES, 1.0)
            packed = role_weights.decode_model(*role_weights.encode_model(model))
            for i in part:
                probs[i] = [people_model.scores(fs, packed) for fs in examples[i].features]
        else:
            for i in part:
                probs[i] = [people_model_zh.scores(fs, model) for fs in examples[i].features]
        if path is not None:
            path.write_text(json.dumps([probs[i] for i in part]), encoding="utf-8")
        print(f"    fold {held} fitted", flush=True)
    return probs


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--script", choices=("latin", "zh"), required=True)
    parser.add_argument("--recent", type=int, default=18, help="the first recent round")
    parser.add_argument("--c", type=float, default=None, help="the trainer's default if unset")
    parser.add_argument("--min-count", type=int, default=None)
    parser.add_argument("--max-fp-rise", type=int, default=None)
    parser.add_argument(
        "--shipped-only", action="store_true", help="the first two columns: no cross-validation"
    )
    parser.add_argument("--cache", type=Path, default=None, help="keep each fold's probabilities")
    parser.add_argument(
        "--upto",
        type=int,
        default=None,
        help="fit every fold on the rounds up to this one alone; the later rounds are held back",
    )
    parser.add_argument(
        "--folds",
        default=None,
        help="fit only these held rounds into --cache (e.g. 1-18) and stop: folds in parallel",
    )
    return parser


def main(argv: list[str]) -> None:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    if args.upto is not None:
        args.recent = args.upto + 1  # thresholds chosen over the rounds up to it alone
    only = _rounds(args.folds) if args.folds else None

    def folds(examples: list[Any], script: str, c: float, mc: int) -> list[Any]:
        probs = cached_folds(examples, script, c, mc, args.cache, only, args.upto)
        if only is not None:
            sys.exit(0)
        return probs

    roster = load_roster()
    never = dict.fromkeys(people_model.ROLES, 1.01)
    if args.script == "latin":
        c, mc = args.c or 0.1, args.min_count or 8
        rise = 15 if args.max_fp_rise is None else args.max_fp_rise
        files = latin.training_files(0)
        examples = latin.load_examples(files, roster, latin.load_earlier(roster))
        rules: Callable[[Any], set[tuple[str, str]]] = latin.earlier_rules
        shipped = people_model._model()
        shipped_probs = [
            [people_model.scores(fs, shipped) for fs in ex.features] for ex in examples
        ]

        def shipped_t(ex: Any) -> dict[str, float]:
            return dict(shipped.get("add_" + ex.lang, shipped["add"]))

        def choose(part: list[int]) -> Callable[[Any], dict[str, float]]:
            own = {}
            for lang in ("en", "de"):
                idx = [i for i in part if examples[i].lang == lang]
                own[lang] = latin.choose_thresholds(
                    [examples[i] for i in idx], [probs[i] for i in idx], rules, rise
                )
            print(f"    thresholds {own}")
            return lambda ex: own[ex.lang]

        probs = [] if args.shipped_only else folds(examples, "latin", c, mc)
    else:
        c, mc = args.c or 0.03, args.min_count or 5
        rise = 2 if args.max_fp_rise is None else args.max_fp_rise
        files = zh.training_files(0)
        examples = zh.load_examples(files, roster)
        for ex in examples:
            ex.lang = "zh"
        rules = zh._earlier
        shipped = people_model_zh._model()
        shipped_probs = [
            [people_model_zh.scores(fs, shipped) for fs in ex.features] for ex in examples
        ]

        def shipped_t(ex: Any) -> dict[str, float]:
            return dict(shipped["add"])

        def choose(part: list[int]) -> Callable[[Any], dict[str, float]]:
            t = zh.choose_thresholds([examples[i] for i in part], [probs[i] for i in part], rise)
            print(f"    thresholds {t}")
            return lambda ex: t

        probs = [] if args.shipped_only else folds(examples, "zh", c, mc)
    print(f"{args.script}: {len(examples)} reports, {len(files)} files, C {c}, min-count {mc}")
    columns = [(shipped_probs, lambda ex: never), (shipped_probs, shipped_t)]
    _judge(args, examples, columns, probs, choose, rules)


def _judge(
    args: argparse.Namespace,
    examples: list[Any],
    columns: list[tuple[Any, Any]],
    probs: list[list[dict[str, float]]],
    choose: Callable[[list[int]], Any],
    rules: Callable[[Any], set[tuple[str, str]]],
) -> None:
    """The cross-validated columns added to the shipped ones (`columns`), and the tables."""
    everything = list(range(len(examples)))
    if not args.shipped_only:
        if args.upto is None:
            print("  CV thresholds over all rounds:")
            columns = [*columns, (probs, choose(everything))]
        print(f"  CV thresholds over rounds before {args.recent}:")
        columns = [
            *columns,
            (probs, choose([i for i in everything if examples[i].round < args.recent])),
        ]
    recent = [i for i, ex in enumerate(examples) if ex.round >= args.recent]
    if args.upto is None:
        print(
            "  columns P/R/F1: earlier rules alone | + shipped model | + CV model, thresholds of"
            f" all rounds | + CV model, thresholds of rounds < {args.recent}"
        )
        _tables(f"rounds {args.recent}+", recent, examples, columns, rules, by_round=True)
        _tables("all rounds", everything, examples, columns, rules, by_round=False)
        return
    print(
        "  columns P/R/F1: rules alone | + shipped model | + the model fitted on rounds up to"
        f" {args.upto}, thresholds of their leave-one-round-out cross-validation"
    )
    _tables(f"rounds {args.recent}+", recent, examples, columns, rules, by_round=True)
    print("today's rules (in-sample for the rules: they were read on the held-back rounds)")
    _tables(f"rounds {args.recent}+", recent, examples, columns, _today, by_round=True)


def _rounds(spec: str) -> set[int]:
    """ "18" or "1-18": the rounds named."""
    first, _, last = spec.partition("-")
    return set(range(int(first), int(last or first) + 1))


def _today(ex: Any) -> set[tuple[str, str]]:
    return set(ex.rules)


def _tables(
    title: str,
    idx: list[int],
    examples: list[Any],
    columns: list[tuple[Any, Any]],
    rules: Callable[[Any], set[tuple[str, str]]],
    *,
    by_round: bool,
) -> None:
    """The reports `idx` pooled, then by language, style and (`by_round`) round."""

    def sub(i_list: list[int]) -> tuple[list[Any], list[tuple[Any, Any]]]:
        cols = [([p[i] for i in i_list], t) for p, t in columns]
        return [examples[i] for i in i_list], cols

    print(title)
    groups: list[tuple[str, list[int]]] = [("pooled", idx)]
    for lang in sorted({examples[i].lang for i in idx}):
        groups.append((f"lang {lang}", [i for i in idx if examples[i].lang == lang]))
    for style in sorted({_style(examples[i]) for i in idx}):
        groups.append((style, [i for i in idx if _style(examples[i]) == style]))
    for r in sorted({examples[i].round for i in idx}) if by_round else ():
        groups.append((f"round {r}", [i for i in idx if examples[i].round == r]))
    for label, part in groups:
        exs, cols = sub(part)
        print(_line(label, exs, cols, rules))


if __name__ == "__main__":
    main(sys.argv[1:])
