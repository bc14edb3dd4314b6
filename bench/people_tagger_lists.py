"""The learned reader's new names, gated by the lists the rules read (issue 9, round 21b).

bench/people_tagger.py's reader (a CRF span tagger and logistic role classifiers, trained on dev
rounds 1-33) finds more of the people than the rules did, but as many false ones in the reports
that name nobody in a role. Here a name the reader finds and the rules did not is taken only when
it stands in one coordinated list with a name the rules gave a role: the names (the rules' names
aligned to the text, and the reader's) are chained left to right wherever the text between two
of them is a list separator (a comma, 、, ；, "and", "und", "sowie", 和, 及, 与, a line break, a
bullet), optionally with up to `gap` other tokens (a title: ", Foreign Minister", "、国务院副总理")
and no role cue word nor sentence end between them. A new name in a chain holding a rules' name
takes the role of the nearest rules' name in that chain (or the reader's roles where the reader
is sure of one: `reader` 0.9), at span confidence `t` or above.

Variants (`Gate`): `gap` (0: only separators between two names; N: up to N other tokens, words in
Latin scripts and characters in Chinese), `adjacent` (the new name's own neighbour in the chain
must be a rules' name, not another new name), `min_rules` (2: only lists the rules read at least
twice, i.e. read partly), `cue` (the sentence holds a cue word of the role the name takes).

The reader is not retrained: its models are people_tagger's (`--cache`, as `judge` wrote them; a
missing one is trained), and its readings, with each occurrence's tokens, are kept beside them
(`*.mentions.json`). Each gate's threshold is chosen on dev rounds 1-33 by the same block cross-
validation (each block read by the fit on the other two): the best pooled F1 whose no-attendee
false positives stay within +10% of the rules-at-the-time; then rounds 34-39 are scored.

Run (one script at a time; 2 cores are shared; about 3 minutes each with the models cached):
  PYTHONPATH=.:bench python bench/people_tagger_lists.py judge --script latin \
      --rules-cache /tmp/model21/today.json --cache /tmp/model21/c1 --dump DUMP_LATIN.json
  PYTHONPATH=.:bench python bench/people_tagger_lists.py judge --script zh ... --dump DUMP_ZH.json
  PYTHONPATH=.:bench python bench/people_tagger_lists.py stacked --script latin ... --dump D.json
  PYTHONPATH=.:bench python bench/people_tagger_lists.py pooled DUMP_LATIN.json DUMP_ZH.json
`stacked` (after `judge`, from the kept mentions): a logistic gate over the same links and the
reader's confidence, fitted on rounds 1-33's out-of-fold readings.
Judged in round 21 and not shipped (docs/people.md, "the learned reader's names gated by the
rules' lists").
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import people_tagger as pt
from bench_people import load_roster, name_key

from worker.detect.attendees import unannotated
from worker.detect.role_cues import ROLE_WORDS
from worker.detect.role_cues_zh import ZH_CUES
from worker.detect.roster import Roster

# the separators of a coordinated list (a line break and a bullet stand for one too)
_SEP = (
    r"(?<![^\W\d_])(?:as\s+well\s+as|sowie|and|und)(?![^\W\d_])"
    r"|&|,|;|、|，|；|以及|和|及|与|與|\n|[-•·–*]"
)
_SEPS = re.compile(_SEP, re.I)
_ONLY_SEPS = re.compile(rf"(?:\s|{_SEP})*", re.I)


@dataclass(frozen=True)
class Gate:
    """One way of gating the reader's new names by the rules' lists."""

    gap: int = 0  # other tokens allowed between two names of a list (a title)
    adjacent: bool = False  # the new name's own neighbour must be a rules' name
    min_rules: int = 1  # rules' names the list must hold
    cue: bool = False  # the sentence must hold a cue word of the role taken
    reader: float = 1.01  # the reader's roles instead of the list's at this probability
    agree: bool = False  # only the roles both the list and the reader give

    def label(self) -> str:
        parts = [f"gap{self.gap}"]
        if self.adjacent:
            parts.append("adj")
        if self.min_rules > 1:
            parts.append(f"r{self.min_rules}")
        if self.cue:
            parts.append("cue")
        if self.reader <= 0.0:
            parts.append("reader role")
        elif self.reader <= 1.0:
            parts.append(f"rd{self.reader}")
        if self.agree:
            parts.append("agree")
        return " ".join(parts)


@dataclass
class Mention:
    """One occurrence of a name the reader found: tokens [a, b) of the report."""

    key: str
    name: str
    a: int
    b: int
    conf: float
    probs: dict[str, float]


def read_mentions(
    rep: pt.Report, tables: pt.Tables, tagger: Any, roles: dict[str, Any], roster: Roster
) -> list[Mention]:
    """Every span the reader tags in a report, with its confidence and role probabilities (as
    people_tagger.read, one row an occurrence)."""
    zh = rep.lang == "zh"
    out = []
    for s in pt.report_sentences(rep, tables):
        for p, q, conf in pt.tagged_spans(tagger, s):
            a, b = rep.tokens[s.idx[p]].start, rep.tokens[s.idx[q - 1]].end
            name = rep.text[a:b]
            probs = pt.role_probs(pt.mention_features(s, p, q, zh), roles)
            out.append(
                Mention(name_key(name, roster), name, s.idx[p], s.idx[q - 1] + 1, conf, probs)
            )
    return out


def found_of(mentions: list[Mention]) -> dict[str, pt.Found]:
    """people_tagger's per-name reading from the occurrences (best confidence, best
    probabilities)."""
    found: dict[str, pt.Found] = {}
    for m in mentions:
        old = found.get(m.key)
        if old is None:
            found[m.key] = pt.Found(m.name, m.conf, dict(m.probs))
        else:
            old.conf = max(old.conf, m.conf)
            old.probs = {r: max(old.probs[r], m.probs[r]) for r in pt.ROLES}
    return found


def links(gap: str, extra: int) -> bool:
    """Whether the text between two names joins them in one list: separators only, or (with
    `extra`) a separator and up to `extra` other tokens, no role cue word, no sentence end."""
    if not _SEPS.search(gap):
        return False
    if _ONLY_SEPS.fullmatch(gap):
        return True
    if not extra or "\n" in gap.strip(" \t"):
        return False
    if any(p.search(gap) for p in ROLE_WORDS.values()) or any(p.search(gap) for _, p in ZH_CUES):
        return False
    if re.search(r"[。！？!?]|[a-zß-ÿ]{3,}\.(?:\s|$)|^\s*\.\s", gap):
        return False
    others = [t for t in pt.tokenize(_SEPS.sub(" ", gap)) if t.text.strip() and t.text not in "()"]
    return len(others) <= extra


def _sentence_cues(rep: pt.Report) -> list[set[str]]:
    """The role cue words each sentence holds, by sentence."""
    out = []
    for idx in rep.sents:
        sent = rep.text[rep.tokens[idx[0]].start : rep.tokens[idx[-1]].end]
        roles = {r for r, p in ROLE_WORDS.items() if p.search(sent)}
        if rep.lang == "zh":
            roles |= {r for r, p in ZH_CUES if p.search(sent)}
        out.append(roles)
    return out


Item = tuple[int, int, str, bool, Mention | None]  # tokens [a, b), key, a rules' name, mention


def _items(
    rep: pt.Report, mentions: list[Mention], roster: Roster, rule_roles: dict[str, set[str]]
) -> list[Item]:
    """A list's possible items in text order: the rules' names where they stand, the reader's
    spans elsewhere (a span of a name the rules gave counts as theirs)."""
    items: list[Item] = []
    taken = [False] * len(rep.tokens)
    for a, b, n in pt.align({unannotated(n) for n, _ in rep.earlier}, rep.tokens):
        items.append((a, b, name_key(n, roster), True, None))
        for k in range(a, b):
            taken[k] = True
    for m in mentions:
        if not any(taken[m.a : m.b]):
            items.append((m.a, m.b, m.key, m.key in rule_roles, m))
    return sorted(items, key=lambda x: (x[0], x[1]))


def _chains(
    rep: pt.Report, items: list[Item], gap: int, sent_of: dict[int, int]
) -> list[list[int]]:
    """The items joined into lists: consecutive items with a separator between them (and up
    to `gap` other tokens within one sentence)."""
    chains: list[list[int]] = []
    for n, it in enumerate(items):
        if chains:
            prev = items[n - 1]
            between = rep.text[rep.tokens[prev[1] - 1].end : rep.tokens[it[0]].start]
            same = sent_of.get(prev[0]) == sent_of.get(it[0])
            if prev[1] <= it[0] and links(between, gap if same else 0):
                chains[-1].append(n)
                continue
        chains.append([n])
    return chains


def list_gated(
    rep: pt.Report, mentions: list[Mention], roster: Roster, gate: Gate, t: float
) -> set[tuple[str, str]]:
    """The reader's new names that stand in a list with a rules' name, with their roles."""
    rule_roles: dict[str, set[str]] = defaultdict(set)
    for k, r in pt.keyed(rep.earlier, roster):
        rule_roles[k].add(r)
    if not rule_roles:
        return set()
    items = _items(rep, mentions, roster, rule_roles)
    sent_of = {i: s for s, idx in enumerate(rep.sents) for i in idx}
    cues = _sentence_cues(rep) if gate.cue else []
    out: set[tuple[str, str]] = set()
    for chain in _chains(rep, items, gate.gap, sent_of):
        ruled = [i for i in chain if items[i][3]]
        if not ruled or len({items[i][2] for i in ruled}) < gate.min_rules:
            continue
        for pos, i in enumerate(chain):
            a, _, key, is_rule, m = items[i]
            if is_rule or m is None or m.conf < t:
                continue
            if gate.adjacent:
                near = [chain[j] for j in (pos - 1, pos + 1) if 0 <= j < len(chain)]
                near = [j for j in near if items[j][3]]
            else:
                near = sorted(ruled, key=lambda j: (abs(chain.index(j) - pos), j))
            if near:
                out |= {
                    (key, r)
                    for r in _roles(gate, rule_roles[items[near[0]][2]], m, cues, sent_of[a])
                }
    return out


def _roles(gate: Gate, listed: set[str], m: Mention, cues: list[set[str]], sent: int) -> set[str]:
    """The roles a new name takes: its list neighbour's, or the reader's where it is sure."""
    mine = pt.Found(m.name, m.conf, m.probs).roles()
    roles = mine if max(m.probs.values()) >= gate.reader else set(listed)
    if gate.agree:
        roles &= mine
    if gate.cue:
        roles &= cues[sent]
    return roles


# --- judging --------------------------------------------------------------------------------


def mentions_all(
    reports: list[pt.Report],
    tables: pt.Tables,
    model: tuple[Any, dict[str, Any]],
    roster: Roster,
    cache: Path,
    tag: str,
) -> list[list[Mention]]:
    path = cache / f"{tag}.mentions.json"
    if path.exists():
        saved = json.loads(path.read_text(encoding="utf-8"))
        return [[Mention(*row) for row in saved[r.id]] for r in reports]
    out = [read_mentions(r, tables, model[0], model[1], roster) for r in reports]
    path.write_text(
        json.dumps(
            {
                r.id: [[m.key, m.name, m.a, m.b, m.conf, m.probs] for m in ms]
                for r, ms in zip(reports, out, strict=True)
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return out


def _in_ruled(rep: pt.Report, mentions: list[Mention], roster: Roster, t: float) -> set[Any]:
    """model21's sentence gate: new names the reader finds at `t` or above in a sentence where
    the rules named someone (people_tagger's "in ruled sent.")."""
    rules = pt.keyed(rep.earlier, roster)
    named = {k for k, _ in rules}
    ruled_tok = {
        i
        for a, b, _ in pt.align({unannotated(n) for n, _ in rep.earlier}, rep.tokens)
        for i in range(a, b)
    }
    ruled_sents = {s for s, idx in enumerate(rep.sents) if ruled_tok & set(idx)}
    sent_of = {i: s for s, idx in enumerate(rep.sents) for i in idx}
    found = found_of(mentions)
    best: dict[str, float] = {}
    for m in mentions:
        if sent_of[m.a] in ruled_sents:
            best[m.key] = max(best.get(m.key, 0.0), m.conf)
    return {
        (k, r)
        for k, f in found.items()
        if k not in named and best.get(k, 0.0) >= t
        for r in f.roles()
    }


GATES = [
    Gate(),
    Gate(reader=0.9),
    Gate(reader=0.0),
    Gate(adjacent=True, reader=0.0),
    Gate(gap=4),
    Gate(gap=4, agree=True),
    Gate(gap=4, reader=0.0),
    Gate(gap=4, adjacent=True, reader=0.0),
    Gate(gap=4, min_rules=2, reader=0.0),
    Gate(gap=4, cue=True, reader=0.0),
    Gate(gap=8, reader=0.0),
    Gate(gap=16, reader=0.0),
]


def columns() -> list[tuple[str, Any]]:
    """(heading, reading(rep, mentions, roster, t)) of each column judged."""
    cols: list[tuple[str, Any]] = [
        ("rules-at-time", None),
        ("tagger", None),
        ("in ruled sent.", lambda rep, ms, ro, t: _in_ruled(rep, ms, ro, t)),
    ]
    for g in GATES:
        cols.append((g.label(), lambda rep, ms, ro, t, g=g: list_gated(rep, ms, ro, g, t)))
    return cols


def reading(
    head: str, fn: Any, rep: pt.Report, ms: list[Mention], roster: Roster, t: float
) -> set[tuple[str, str]]:
    rules = pt.keyed(rep.earlier, roster)
    if head == "rules-at-time":
        return rules
    if head == "tagger":
        return pt.tagger_pairs(found_of(ms))
    return rules | fn(rep, ms, roster, t)


def choose(
    reports: list[pt.Report], reads: list[list[Mention]], roster: Roster
) -> dict[str, tuple[float, float]]:
    """Each column's threshold on the cross-validated reports: the best F1 whose no-attendee
    false positives stay within +10% of the rules' (1.01, nothing added, when none does); and
    the best F1 regardless."""
    base = sum(
        pt.count(pt.keyed(r.earlier, roster), r.want)[1] for r in reports if r.style == "none"
    )
    out = {}
    for head, fn in columns():
        if fn is None:
            continue
        best, free = (-1.0, 1.01), (-1.0, 1.01)
        for t in pt.GRID:
            c, nfp = [0, 0, 0], 0
            for rep, ms in zip(reports, reads, strict=True):
                k = pt.count(reading(head, fn, rep, ms, roster, t), rep.want)
                if rep.style == "none":
                    nfp += k[1]
                else:
                    c = [x + y for x, y in zip(c, k, strict=True)]
            if pt.f1(c) > free[0]:
                free = (pt.f1(c), t)
            if nfp <= 1.1 * base and pt.f1(c) > best[0]:
                best = (pt.f1(c), t)
        out[head] = (best[1], free[1])
        print(
            f"    {head}: threshold {best[1]} (cross-validated F1 {best[0]:.4f});"
            f" unbounded {free[1]} ({free[0]:.4f})",
            flush=True,
        )
    return out


def table(
    title: str,
    reports: list[pt.Report],
    reads: list[list[Mention]],
    roster: Roster,
    ts: dict[str, float],
    *,
    by_round: bool,
) -> dict[str, dict[str, list[set[tuple[str, str]]]]]:
    cols = columns()
    groups: dict[str, list[pt.Counts]] = defaultdict(lambda: [[0, 0, 0] for _ in cols])
    nones = [0] * len(cols)
    got_all: dict[str, dict[str, Any]] = {}
    for rep, ms in zip(reports, reads, strict=True):
        got_all[rep.id] = {}
        for j, (head, fn) in enumerate(cols):
            got = reading(head, fn, rep, ms, roster, ts.get(head, 1.01))
            got_all[rep.id][head] = sorted(got)
            c = pt.count(got, rep.want)
            if rep.style == "none":
                nones[j] += c[1]
                continue
            for g in ("overall", rep.style, *([f"round {rep.round}"] if by_round else [])):
                groups[g][j] = [x + y for x, y in zip(groups[g][j], c, strict=True)]
    print(f"{title}, P/R/F1 (no-attendee false positives last):")
    print("  " + " " * 12 + "".join(f"{h[:18]:>19}" for h, _ in cols))
    for g, cs in sorted(groups.items(), key=lambda kv: (kv[0] != "overall", kv[0])):
        print(f"  {g:<12}" + "".join(f"{pt.prf(c):>19}" for c in cs))
    print(f"  {'none fp':<12}" + "".join(f"{n:>19}" for n in nones), flush=True)
    return got_all


def judge(args: argparse.Namespace) -> None:
    roster = load_roster()
    tables = pt.Tables(roster)
    today = json.loads(Path(args.rules_cache).read_text(encoding="utf-8"))
    reports = pt.load_reports(roster, args.script, today)
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    training = [r for r in reports if r.round <= pt.LAST_TRAIN]
    held = [r for r in reports if r.round > pt.LAST_TRAIN]
    print(f"{args.script}: {len(training)} reports cross-validated, {len(held)} judged")
    model = pt.fitted(training, tables, cache, args.script, f"upto{pt.LAST_TRAIN}")
    reads = mentions_all(held, tables, model, roster, cache, f"{args.script}-held")
    rounds = sorted({r.round for r in training})
    cv: list[list[Mention]] = [[] for _ in training]
    for n, block in enumerate(pt.block_folds(rounds, args.folds)):
        tag = f"fold{n}of{args.folds}"
        fold = pt.fitted(
            [r for r in training if r.round not in block], tables, cache, args.script, tag
        )
        part = [i for i, r in enumerate(training) if r.round in block]
        got = mentions_all(
            [training[i] for i in part], tables, fold, roster, cache, f"{args.script}-{tag}"
        )
        for i, g in zip(part, got, strict=True):
            cv[i] = g
    print(f"  thresholds by {args.folds}-block cross-validation on rounds 1-33:")
    chosen = choose(training, cv, roster)
    bounded = {h: b for h, (b, _) in chosen.items()}
    table("rounds 1-33 cross-validated", training, cv, roster, bounded, by_round=False)
    got = table("rounds 34-39", held, reads, roster, bounded, by_round=True)
    if args.dump:
        dump = {
            rep.id: {
                "style": rep.style,
                "round": rep.round,
                "want": sorted(rep.want),
                "columns": got[rep.id],
            }
            for rep in held
        }
        Path(args.dump).write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")


# --- a learned gate over the list links (stacked) -------------------------------------------

_LEVELS = [Gate(gap=g, reader=0.0) for g in (0, 4, 8, 16, 40)]
_ADJ = Gate(gap=4, adjacent=True, reader=0.0)


def candidates(
    rep: pt.Report, mentions: list[Mention], roster: Roster
) -> list[tuple[tuple[str, str], list[float]]]:
    """Each (new name, reader's role) pair of a report with the features of the learned gate:
    the reader's span confidence and role probability, the tightest list gap that joins it to a
    rules' name (0, 4, 8, 16, 40 tokens or none), a rules' name its own neighbour, a rules' name
    in its sentence, how many names the rules gave, the language, the role, the report's length."""
    named = {k for k, _ in pt.keyed(rep.earlier, roster)}
    linked = [{k for k, _ in list_gated(rep, mentions, roster, g, 0.0)} for g in _LEVELS]
    adj = {k for k, _ in list_gated(rep, mentions, roster, _ADJ, 0.0)}
    insent = {k for k, _ in _in_ruled(rep, mentions, roster, 0.0)}
    n = len(named)
    out = []
    for k, f in found_of(mentions).items():
        if k in named:
            continue
        lvl = next((i for i, s in enumerate(linked) if k in s), len(_LEVELS))
        for r in sorted(f.roles()):
            x = [f.conf, f.conf**4, f.probs[r]]
            x += [float(lvl <= i) for i in range(len(_LEVELS))]
            x += [float(k in adj), float(k in insent)]
            x += [float(n == 0), float(n == 1), float(2 <= n <= 3), float(n >= 4)]
            x += [float(rep.lang == "de")] + [float(r == q) for q in pt.ROLES[:3]]
            x.append(math.log1p(len(rep.tokens)))
            out.append(((k, r), x))
    return out


Scored = list[tuple[pt.Report, list[tuple[tuple[str, str], float]]]]


def _fit_gate(rows: list[tuple[pt.Report, list[Any]]]) -> Any:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([f for _, cs in rows for _, f in cs])
    y = np.array([int(p in r.want) for r, cs in rows for p, _ in cs])
    return LogisticRegression(C=1.0, max_iter=2000).fit(x, y)


def _score(rows: list[tuple[pt.Report, list[Any]]], clf: Any) -> Scored:
    import numpy as np

    out: Scored = []
    for r, cs in rows:
        probs = clf.predict_proba(np.array([f for _, f in cs]))[:, 1] if cs else []
        out.append((r, [(p, float(s)) for (p, _), s in zip(cs, probs, strict=True)]))
    return out


def _with_gate(scored: Scored, roster: Roster, t: float) -> list[set[tuple[str, str]]]:
    return [pt.keyed(r.earlier, roster) | {p for p, s in ps if s >= t} for r, ps in scored]


def stacked(args: argparse.Namespace) -> None:
    """A logistic gate over `candidates`, fitted on rounds 1-33's out-of-fold readings (each
    block's gate fitted on the other two blocks, its threshold the best F1 within +10% no-attendee
    false positives), then fitted on all of 1-33 and judged on rounds 34-39. Reads the mentions
    `judge` kept in `--cache`."""
    roster = load_roster()
    today = json.loads(Path(args.rules_cache).read_text(encoding="utf-8"))
    reports = pt.load_reports(roster, args.script, today)
    cache = Path(args.cache)
    saved: dict[str, Any] = {}
    for path in sorted(cache.glob(f"{args.script}-*.mentions.json")):
        saved.update(json.loads(path.read_text(encoding="utf-8")))
    rows = [(r, candidates(r, [Mention(*m) for m in saved[r.id]], roster)) for r in reports]
    training = [x for x in rows if x[0].round <= pt.LAST_TRAIN]
    held = [x for x in rows if x[0].round > pt.LAST_TRAIN]
    oof: Scored = []
    for block in pt.block_folds(sorted({r.round for r, _ in training}), args.folds):
        clf = _fit_gate([x for x in training if x[0].round not in block])
        oof += _score([x for x in training if x[0].round in block], clf)

    def counts(scored: Scored, t: float) -> tuple[pt.Counts, int]:
        c, nfp = [0, 0, 0], 0
        for (r, _), got in zip(scored, _with_gate(scored, roster, t), strict=True):
            k = pt.count(got, r.want)
            if r.style == "none":
                nfp += k[1]
            else:
                c = [a + b for a, b in zip(c, k, strict=True)]
        return c, nfp

    base, base_fp = counts(oof, 2.0)
    best = (pt.f1(base), 2.0)
    for t in [i / 40 for i in range(4, 40)]:
        c, nfp = counts(oof, t)
        if nfp <= 1.1 * base_fp and pt.f1(c) > best[0]:
            best = (pt.f1(c), t)
    c, nfp = counts(oof, best[1])
    print(
        f"{args.script} rounds 1-33 cross-validated: rules {pt.prf(base)} ({base_fp} no-attendee)"
    )
    print(f"  learned gate at {best[1]}: {pt.prf(c)} ({nfp} no-attendee)")
    scored = _score(held, _fit_gate(training))
    c, nfp = counts(scored, best[1])
    print(f"rounds 34-39: learned gate {pt.prf(c)} ({nfp} no-attendee)")
    if args.dump:
        got = _with_gate(scored, roster, best[1])
        dump = {
            r.id: {
                "style": r.style,
                "round": r.round,
                "want": sorted(r.want),
                "columns": {
                    "rules-at-time": sorted(pt.keyed(r.earlier, roster)),
                    "learned gate": sorted(g),
                },
            }
            for (r, _), g in zip(scored, got, strict=True)
        }
        Path(args.dump).write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")


def pooled(paths: list[Path]) -> None:
    """The dumps of `judge --dump` (one per script) pooled, one line a column: P/R/F1 overall,
    F1 per style, the no-attendee false positives."""
    reports: dict[str, Any] = {}
    for path in paths:
        reports.update(json.loads(path.read_text(encoding="utf-8")))
    heads = list(next(iter(reports.values()))["columns"])
    styles = sorted({r["style"] for r in reports.values()} - {"none"})
    groups: dict[str, dict[str, pt.Counts]] = {h: defaultdict(lambda: [0, 0, 0]) for h in heads}
    nones = dict.fromkeys(heads, 0)
    for rep in reports.values():
        want = {tuple(x) for x in rep["want"]}
        for h in heads:
            c = pt.count({tuple(x) for x in rep["columns"][h]}, want)  # type: ignore[misc]
            if rep["style"] == "none":
                nones[h] += c[1]
                continue
            for g in ("overall", rep["style"]):
                groups[h][g] = [x + y for x, y in zip(groups[h][g], c, strict=True)]
    print(f"pooled over {len(reports)} reports: P/R/F1 overall, F1 per style, no-attendee fp")
    print(
        f"{'':<24}{'tp/fp/fn':>16}{'overall':>18}"
        + "".join(f"{s[:10]:>11}" for s in styles)
        + f"{'none fp':>9}"
    )
    for h in heads:
        g = groups[h]
        line = f"{h:<24}{'/'.join(map(str, g['overall'])):>16}{pt.prf(g['overall']):>18}"
        line += "".join(f"{pt.f1(g[s]):>11.3f}" for s in styles)
        print(line + f"{nones[h]:>9}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    j = sub.add_parser("judge", help="gate the reader's new names by the rules' lists")
    j.add_argument("--script", choices=("latin", "zh"), required=True)
    j.add_argument("--rules-cache", required=True, help="the JSON people_tagger's `today` wrote")
    j.add_argument("--cache", default="/tmp/people_tagger", help="models and readings kept here")
    j.add_argument("--folds", type=int, default=3)
    j.add_argument("--dump", default=None, help="write each judged report's readings here")
    st = sub.add_parser("stacked", help="a learned gate over the list links (after judge)")
    st.add_argument("--script", choices=("latin", "zh"), required=True)
    st.add_argument("--rules-cache", required=True)
    st.add_argument("--cache", default="/tmp/people_tagger")
    st.add_argument("--folds", type=int, default=3)
    st.add_argument("--dump", default=None)
    po = sub.add_parser("pooled", help="the dumps of both scripts pooled, per style")
    po.add_argument("dumps", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "pooled":
        pooled(args.dumps)
    elif args.command == "stacked":
        stacked(args)
    else:
        judge(args)


if __name__ == "__main__":
    main(sys.argv[1:])
