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
[--c 0.1] [--min-count 8] [--max-fp-rise 15]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

import train_people_model as latin
import train_people_model_zh as zh
from bench_people import load_roster

from worker.detect import people_model, people_model_zh

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


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--script", choices=("latin", "zh"), required=True)
    parser.add_argument("--recent", type=int, default=18, help="the first recent round")
    parser.add_argument("--c", type=float, default=None, help="the trainer's default if unset")
    parser.add_argument("--min-count", type=int, default=None)
    parser.add_argument("--max-fp-rise", type=int, default=None)
    args = parser.parse_args(argv)
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

        probs = latin.cross_validate(examples, c, mc)
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

        probs = zh.cross_validate(examples, c, mc)
    print(f"{args.script}: {len(examples)} reports, {len(files)} files, C {c}, min-count {mc}")
    everything = list(range(len(examples)))
    print("  CV thresholds over all rounds:")
    t_all = choose(everything)
    print(f"  CV thresholds over rounds before {args.recent}:")
    t_before = choose([i for i in everything if examples[i].round < args.recent])
    columns = [
        (shipped_probs, lambda ex: never),
        (shipped_probs, shipped_t),
        (probs, t_all),
        (probs, t_before),
    ]
    print(
        "  columns P/R/F1: earlier rules alone | + shipped model | + CV model, thresholds of all"
        f" rounds | + CV model, thresholds of rounds < {args.recent}"
    )
    recent = [i for i, ex in enumerate(examples) if ex.round >= args.recent]
    _tables(f"rounds {args.recent}+", recent, examples, columns, rules, by_round=True)
    _tables("all rounds", list(range(len(examples))), examples, columns, rules, by_round=False)


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
