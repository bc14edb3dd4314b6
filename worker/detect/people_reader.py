"""The learned span-and-role reader, gated (issue 9, rounds 22 and 23): people the rules miss.

A linear-chain CRF tags each token of a report B / I / O (B and I the tokens of a name in a
role), one logistic regression per role reads each tagged name's context, and a sentence gate,
a logistic regression over each occurrence of a name the rules did not give (its sentence's
features, its own confidence and role probability, the language, how many people the rules
named), decides which of the reader's names are added. The CRF and role weights were trained on
dev rounds 1-39 (bench/people_tagger.py, bench/people_gate.py `export`, round 22); the sentence
gate on out-of-fold readings of rounds 1-41 (bench/people_gate_sentence.py, round 23): each
decision reads one sentence, so two copies of one report (another headline, page noise, other
line breaks) get the same extra people (docs/people.md, "Round 23: the learned reader read
sentence by sentence").

Tokens are words in Latin scripts and characters in Chinese; sentences end at a line break,
。！？；!?; or a full stop after a lower-case word of three letters or more. The CRF is decoded
here in Python (Viterbi and forward-backward over the three labels), from the weights in
`people_reader.json.gz`, read on first use (`extract_people(..., reader=...)`; the config's
`[people] reader`).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from worker.detect.role_cues import NOT_DONE, ROLE_WORDS
from worker.detect.role_cues_zh import ZH_CUES
from worker.detect.roster import (
    Roster,
    fold,
    has_han,
    pinyin_name,
    surname_reading,
    to_simplified,
    unannotated,
)

ROLES = ("attended", "presided", "spoke", "present")
LABELS = ("O", "B", "I")

_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(
    rf"[{_HAN_CLASS}]|[^\W\d_{_HAN_CLASS}]+(?:['’\-][^\W\d_{_HAN_CLASS}]+)*|\d+|[^\s]"
)
_HAN = re.compile(rf"[{_HAN_CLASS}]")
_STOPS = frozenset("。！？；!?;")


# --- tokens and sentences -------------------------------------------------------------------


@dataclass
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def sentences(text: str, tokens: list[Token]) -> list[list[int]]:
    """Token indices by sentence: a line break, 。！？；!?;, or a full stop after a word of
    three letters or more (not after "Mr", "U.S", a single initial)."""
    out: list[list[int]] = []
    cur: list[int] = []
    for i, tok in enumerate(tokens):
        if cur and "\n" in text[tokens[i - 1].end : tok.start]:
            out.append(cur)
            cur = []
        cur.append(i)
        prev = tokens[i - 1].text if i else ""
        if tok.text in _STOPS or (
            tok.text == "." and len(prev) >= 3 and prev[-1].islower() and not _HAN.match(prev)
        ):
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


@lru_cache(maxsize=1 << 16)
def shape(word: str) -> str:
    """The word's letters, digits and marks as X / x / d / o, runs cut to two (read once per
    word: a report repeats its words, and the four substitutions were a quarter of the
    reader's cost; bench/README.md, round 22, issue-reader22b)."""
    if _HAN.match(word):
        return "H"
    s = re.sub(r"[A-ZÀ-ÞА-Я]", "X", word)
    s = re.sub(r"[a-zß-ÿа-я]", "x", s)
    s = re.sub(r"\d", "d", s)
    s = re.sub(r"[^Xxd]", lambda m: m.group() if m.group() in ".,-'’" else "o", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


@lru_cache(maxsize=1 << 16)
def token_key(word: str) -> str:
    return to_simplified(word).casefold() if _HAN.search(word) else word.casefold()


def person_key(name: str, roster: Roster) -> str:
    """One key per person: the roster's canonical name, else pinyin, else the folded name
    (bench_people's scoring key)."""
    name = unannotated(name)
    known = roster.canonical(name)
    if known:
        return fold(known)
    return fold(pinyin_name(name)) if has_han(name) else fold(name)


def align(names: Iterable[str], tokens: list[Token]) -> list[tuple[int, int, str]]:
    """Every occurrence of each name in the tokens, (first, end, name), the longest name first,
    none overlapping another."""
    keys = [token_key(t.text) for t in tokens]
    first: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        first[k].append(i)
    taken = [False] * len(tokens)
    found = []
    parts = [(n, [token_key(t.text) for t in tokenize(n)]) for n in names]
    for name, want in sorted(parts, key=lambda p: (-len(p[1]), p[0])):
        if not want:
            continue
        for i in first.get(want[0], ()):
            j = i + len(want)
            if keys[i:j] == want and not any(taken[i:j]):
                found.append((i, j, name))
                taken[i:j] = [True] * (j - i)
    return sorted(found)


# --- features -------------------------------------------------------------------------------


class Tables:
    """The project's own tables, as features."""

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self.spellings: dict[str, list[list[str]]] = defaultdict(list)
        for entry in roster.entries:
            for s in entry.spellings():
                ks = [token_key(t.text) for t in tokenize(s)]
                if ks:
                    self.spellings[ks[0]].append(ks)
        self.words = {k for v in self.spellings.values() for ks in v for k in ks}

    def roster_spans(self, keys: list[str]) -> list[str]:
        """ "B"/"I" where a roster spelling stands in `keys` (the longest)."""
        tags = [""] * len(keys)
        i = 0
        while i < len(keys):
            best = 0
            for ks in self.spellings.get(keys[i], ()):
                if len(ks) > best and keys[i : i + len(ks)] == ks:
                    best = len(ks)
            if best:
                tags[i] = "B"
                for k in range(i + 1, i + best):
                    tags[k] = "I"
                i += best
            else:
                i += 1
        return tags


def cue_tokens(text: str, tokens: list[Token], idx: list[int], zh: bool) -> list[set[str]]:
    """The roles whose cue words cover each token of a sentence."""
    start, end = tokens[idx[0]].start, tokens[idx[-1]].end
    sent = text[start:end]
    marks: list[tuple[int, int, str]] = []
    role: str
    for role, pattern in ROLE_WORDS.items():
        marks += [(m.start() + start, m.end() + start, role) for m in pattern.finditer(sent)]
    if zh:
        for role, pattern in ZH_CUES:
            marks += [(m.start() + start, m.end() + start, role) for m in pattern.finditer(sent)]
    out: list[set[str]] = [set() for _ in idx]
    for a, b, role in marks:
        for n, i in enumerate(idx):
            if tokens[i].start < b and tokens[i].end > a:
                out[n].add(role)
    return out


@dataclass
class Sentence:
    """One sentence's tokens, read for both steps."""

    idx: list[int]
    feats: list[list[str]]
    cues: list[set[str]]
    words: list[str]
    rules: list[set[str]]
    future: bool
    starts: int = 0  # how many of the rules' names start in the sentence


def word_features(
    toks: list[str],
    keys: list[str],
    p: int,
    lang: str,
    tables: Tables,
    ros: list[str],
    shapes: Sequence[str],
) -> list[str]:
    """The token at `p` and its neighbours, its shape, and the tables' word of it (`shapes`:
    the sentence's tokens' shapes)."""
    zh = lang == "zh"
    n = len(toks)
    w = keys[p]
    f = ["b", "w=" + w, "sh=" + shapes[p]]
    for d in (-2, -1, 1, 2):
        q = p + d
        f.append(f"w{d}=" + (keys[q] if 0 <= q < n else ("<s>" if q < 0 else "</s>")))
    f.append("w-1w=" + (keys[p - 1] if p else "<s>") + "|" + w)
    f.append("ww+1=" + w + "|" + (keys[p + 1] if p + 1 < n else "</s>"))
    for d in (-1, 1):
        q = p + d
        f.append(f"sh{d}=" + (shapes[q] if 0 <= q < n else "-"))
    if zh:
        for d, tag in ((0, "sur"), (1, "sur-1"), (2, "sur-2")):
            if p >= d and surname_reading(to_simplified(toks[p - d])):
                f.append(tag)
    else:
        f += ["p3=" + w[:3], "s3=" + w[-3:], "s2=" + w[-2:], "lg=" + lang]
        if tables.roster.is_given_name(toks[p]):
            f.append("giv")
        if p and tables.roster.is_given_name(toks[p - 1]):
            f.append("giv-1")
        if w in tables.words:
            f.append("rw")
    if ros[p]:
        f.append("ros" + ros[p])
    for d in (-1, 1):
        if 0 <= p + d < n and ros[p + d]:
            f.append(f"ros{d}")
    return f


def _rule_tokens(
    rules: Iterable[tuple[str, str]], tokens: list[Token]
) -> tuple[dict[int, set[str]], set[int]]:
    """The roles the rules gave the name each token stands in, and the names' first tokens."""
    rule_roles: dict[str, set[str]] = defaultdict(set)
    for written, r in rules:
        rule_roles[unannotated(written)].add(r)
    rule_tok: dict[int, set[str]] = {}
    rule_start: set[int] = set()
    for a, b, name in align(rule_roles, tokens):
        rule_start.add(a)
        for k in range(a, b):
            rule_tok[k] = rule_roles[name]
    return rule_tok, rule_start


def _sentence_context(
    text: str, tokens: list[Token], idx: list[int], zh: bool, tables: Tables
) -> tuple[list[str], list[str], list[str], list[set[str]], bool]:
    """What every word of one sentence reads of it, for listing features and for scoring alike:
    its words, their keys, the roster's spans over them, the cue words and whether the sentence
    tells of something still to come."""
    toks = [tokens[i].text for i in idx]
    keys = [token_key(t) for t in toks]
    sent_text = text[tokens[idx[0]].start : tokens[idx[-1]].end]
    return (
        toks,
        keys,
        tables.roster_spans(keys),
        cue_tokens(text, tokens, idx, zh),
        bool(NOT_DONE.search(sent_text)),
    )


def sentence_features(
    text: str,
    lang: str,
    tokens: list[Token],
    sents: list[list[int]],
    rules: Iterable[tuple[str, str]],
    tables: Tables,
) -> list[Sentence]:
    """Each sentence's token features; `rules` the (name, role) pairs the rules gave."""
    zh = lang == "zh"
    rule_tok, rule_start = _rule_tokens(rules, tokens)
    out = []
    window = 12 if zh else 6
    for idx in sents:
        toks, keys, ros, cues, future = _sentence_context(text, tokens, idx, zh, tables)
        sent_cues = sorted({r for c in cues for r in c})
        feats = []
        n = len(idx)
        shapes = [shape(t) for t in toks]
        for p in range(n):
            f = word_features(toks, keys, p, lang, tables, ros, shapes)
            left = {r for q in range(max(0, p - window), p) for r in cues[q]}
            right = {r for q in range(p + 1, min(n, p + 1 + window)) for r in cues[q]}
            f += ["cL=" + r for r in sorted(left)] + ["cR=" + r for r in sorted(right)]
            f += ["c=" + r for r in sorted(cues[p])]
            f += ["sc=" + r for r in sent_cues]
            if future:
                f.append("fut")
            # (no "first sentence" feature since round 23: another headline or a noise line
            # above makes another sentence the first, and a copy is read alike)
            i = idx[p]
            if i in rule_tok:
                f.append("ruB" if i in rule_start else "ruI")
                f += ["ru=" + r for r in sorted(rule_tok[i])]
            feats.append(f)
        starts = sum(i in rule_start for i in idx)
        rules_at = [rule_tok.get(i, set()) for i in idx]
        out.append(Sentence(idx, feats, cues, keys, rules_at, future, starts))
    return out


Vec = tuple[float, float, float]
Scores = list[Vec]
# `Crf.own`: a word's own summed weights, its given-name or surname flag, and the weights of
# the six features it gives its neighbours
Own = tuple[float, float, float, bool, tuple[Vec, Vec, Vec, Vec, Vec, Vec]]


def sentence_scores(
    text: str,
    lang: str,
    tokens: list[Token],
    sents: list[list[int]],
    rules: Iterable[tuple[str, str]],
    tables: Tables,
    crf: Crf,
) -> list[tuple[Sentence, Scores]]:
    """Each sentence (without its token features) and the CRF's scores of its tokens: the
    sums of the weights of `sentence_features`' features, worked out without listing them
    all. The features a word gives itself (the word, its shape, affixes, the tables' word of
    it) and its neighbours (the word and its shape two or one before or after them) are
    summed once per word and process (`Crf.own`), those of the whole sentence (its cues, a
    future) once per sentence; the rest as `word_features` names them.
    (Listing every feature of every token was half the reader's cost: bench/README.md, round
    22, issue-reader22b.)"""
    zh = lang == "zh"
    get = crf.state.get
    rule_tok, rule_start = _rule_tokens(rules, tokens)
    out = []
    window = 12 if zh else 6
    for idx in sents:
        toks, keys, ros, cues, future = _sentence_context(text, tokens, idx, zh, tables)
        const = ["sc=" + r for r in {r for c in cues for r in c}]
        if future:
            const.append("fut")
        c0, c1, c2 = _summed(const, get)
        n = len(idx)
        own = [crf.own(t, k, lang, tables) for t, k in zip(toks, keys, strict=True)]
        near = _near(own, crf.edges)
        marked = [(q, c) for q, c in enumerate(cues) if c]  # most tokens are no cue
        scores = []
        for p in range(n):
            f = _around(p, keys, own, ros, zh)
            if marked:
                left = {r for q, c in marked if p - window <= q < p for r in c}
                right = {r for q, c in marked if p < q <= p + window for r in c}
                f += ["cL=" + r for r in left] + ["cR=" + r for r in right]
                f += ["c=" + r for r in cues[p]]
            i = idx[p]
            if i in rule_tok:
                f.append("ruB" if i in rule_start else "ruI")
                f += ["ru=" + r for r in rule_tok[i]]
            s0, s1, s2 = _summed(f, get)
            o, v = own[p], near[p]
            scores.append((s0 + o[0] + v[0] + c0, s1 + o[1] + v[1] + c1, s2 + o[2] + v[2] + c2))
        rules_at = [rule_tok.get(i, set()) for i in idx]
        starts = sum(i in rule_start for i in idx)
        out.append((Sentence(idx, [], cues, keys, rules_at, future, starts), scores))
    return out


def _near(own: list[Own], edges: Sequence[Vec]) -> list[Vec]:
    """Each position's summed weights of the words and shapes around it (`Own`'s `near`,
    `edges` past the sentence's ends)."""
    near = [o[4] for o in own]
    columns = (
        [edges[0], edges[0]] + [v[0] for v in near],  # "w-2=": the word two before
        [edges[1]] + [v[1] for v in near],  # "w-1="
        [v[2] for v in near[1:]] + [edges[2]],  # "w1="
        [v[3] for v in near[2:]] + [edges[3], edges[3]],  # "w2="
        [edges[4]] + [v[4] for v in near],  # "sh-1=": the shape of the word before
        [v[5] for v in near[1:]] + [edges[5]],  # "sh1="
    )
    return [
        (
            a[0] + b[0] + c[0] + d[0] + e[0] + f[0],
            a[1] + b[1] + c[1] + d[1] + e[1] + f[1],
            a[2] + b[2] + c[2] + d[2] + e[2] + f[2],
        )
        for a, b, c, d, e, f in zip(*columns, strict=False)  # the first len(own) of each
    ]


def _around(p: int, keys: list[str], own: list[Own], ros: list[str], zh: bool) -> list[str]:
    """The features `word_features` gives the token at `p` by its neighbours, but for their
    words and shapes alone (`_near`)."""
    n = len(keys)
    w = keys[p]
    f = [
        "w-1w=" + (keys[p - 1] if p else "<s>") + "|" + w,
        "ww+1=" + w + "|" + (keys[p + 1] if p + 1 < n else "</s>"),
    ]
    if zh:
        if p >= 1 and own[p - 1][3]:
            f.append("sur-1")
        if p >= 2 and own[p - 2][3]:
            f.append("sur-2")
    elif p and own[p - 1][3]:
        f.append("giv-1")
    if ros[p]:
        f.append("ros" + ros[p])
    if p and ros[p - 1]:
        f.append("ros-1")
    if p + 1 < n and ros[p + 1]:
        f.append("ros1")
    return f


def _summed(feats: Iterable[str], get: Any) -> tuple[float, float, float]:
    """The summed state weights of `feats` (`get`: the CRF's state weights' `get`)."""
    s0 = s1 = s2 = 0.0
    for f in feats:
        w = get(f)
        if w is not None:
            s0 += w[0]
            s1 += w[1]
            s2 += w[2]
    return s0, s1, s2


def mention_features(s: Sentence, a: int, b: int, zh: bool) -> list[str]:
    """The context of a name at sentence positions [a, b), for the role step."""
    window = 12 if zh else 8
    n = len(s.idx)
    f = ["b"]
    for q in range(max(0, a - window), a):
        f.append("L=" + s.words[q])
        f += [f"cL{min(a - q, 9) // 3}=" + r for r in s.cues[q]]
    for q in range(b, min(n, b + window)):
        f.append("R=" + s.words[q])
        f += [f"cR{min(q - b + 1, 9) // 3}=" + r for r in s.cues[q]]
    f.append("w-1=" + (s.words[a - 1] if a else "<s>"))
    f.append("w+1=" + (s.words[b] if b < n else "</s>"))
    f += ["sc=" + r for r in sorted({r for c in s.cues for r in c})]
    f += ["ru=" + r for r in sorted(s.rules[a])]
    if s.future:
        f.append("fut")
    if a == 0:
        f.append("first")
    return sorted(set(f))


def role_probs(fs: Sequence[str], model: dict[str, Any]) -> dict[str, float]:
    totals = list(model["bias"])
    for f in fs:
        w = model["weights"].get(f)
        if w:
            for j in range(len(totals)):
                totals[j] += w[j]
    return {r: 1.0 / (1.0 + math.exp(-t)) for r, t in zip(ROLES, totals, strict=True)}


@dataclass
class Found:
    """A name the tagger found in a report: its best span confidence and role probabilities."""

    name: str
    conf: float
    probs: dict[str, float]
    # the best span confidence among its occurrences in a sentence where the rules named
    # someone (0.0 when none)
    conf_ruled: float = 0.0

    def roles(self, t: float = 0.5) -> set[str]:
        best = max(ROLES, key=lambda r: (self.probs[r], -ROLES.index(r)))
        return {r for r in ROLES if self.probs[r] >= t} | {best}


def note_found(
    found: dict[str, Found],
    key: str,
    name: str,
    conf: float,
    probs: dict[str, float],
    ruled: float,
) -> None:
    """Count one tagged occurrence of the person `key`: its first spelling kept, the best
    confidences and role probabilities over its occurrences (the run-time reading's and
    bench/people_tagger's)."""
    old = found.get(key)
    if old is None:
        found[key] = Found(name, conf, probs, ruled)
    else:
        old.conf = max(old.conf, conf)
        old.conf_ruled = max(old.conf_ruled, ruled)
        old.probs = {r: max(old.probs[r], probs[r]) for r in ROLES}


# --- the CRF, decoded in Python -------------------------------------------------------------


class Crf:
    """A linear-chain CRF over B / I / O from crfsuite's weights: `tag` gives the Viterbi
    labels and each label's marginal probability (forward-backward), as crfsuite's tagger."""

    def __init__(self, state: dict[str, list[float]], transitions: list[list[float]]) -> None:
        self.state = state
        self.trans = transitions  # [from][to], in LABELS' order
        # (word, language) -> `own`, for the tables of `_own_tables`
        self._own: dict[tuple[str, str], Own] = {}
        self._own_tables: Tables | None = None
        get = state.get
        # a sentence's ends, as neighbours: "w-2=<s>", "w-1=<s>", "w1=</s>", "w2=</s>",
        # "sh-1=-", "sh1=-"
        ends = ("w-2=<s>", "w-1=<s>", "w1=</s>", "w2=</s>", "sh-1=-", "sh1=-")
        self.edges = tuple(_summed([f], get) for f in ends)

    def own(self, tok: str, key: str, lang: str, tables: Tables) -> Own:
        """What a word gives the scores by itself: the summed state weights of the features
        `word_features` gives it for itself (the bias, the word, its shape; in letters its
        affixes, the language, a given name, a roster word; in Chinese a surname); whether it
        is a given name (letters) or a surname (Chinese), which its neighbours' features
        read; and the weights of the features it gives its neighbours (`_near`: the word two
        and one after them, one and two before them, its shape after and before them)."""
        if tables is not self._own_tables or len(self._own) > 200_000:
            self._own = {}
            self._own_tables = tables
        known = self._own.get((tok, lang))
        if known is not None:
            return known
        shp = shape(tok)
        f = ["b", "w=" + key, "sh=" + shp]
        if lang == "zh":
            flag = bool(surname_reading(to_simplified(tok)))
            if flag:
                f.append("sur")
        else:
            f += ["p3=" + key[:3], "s3=" + key[-3:], "s2=" + key[-2:], "lg=" + lang]
            flag = tables.roster.is_given_name(tok)
            if flag:
                f.append("giv")
            if key in tables.words:
                f.append("rw")
        get = self.state.get
        near = (
            _summed(["w-2=" + key], get),
            _summed(["w-1=" + key], get),
            _summed(["w1=" + key], get),
            _summed(["w2=" + key], get),
            _summed(["sh-1=" + shp], get),
            _summed(["sh1=" + shp], get),
        )
        s0, s1, s2 = _summed(f, get)
        own: Own = (s0, s1, s2, flag, near)
        self._own[(tok, lang)] = own
        return own

    def tag(self, feats: Sequence[Sequence[str]]) -> tuple[list[str], list[list[float]]]:
        scores = self.scores(feats)
        return _viterbi(scores, self.trans), _marginals(scores, self.trans)

    def scores(self, feats: Sequence[Sequence[str]]) -> list[tuple[float, float, float]]:
        """Each position's score of O, B and I: the sum of its features' state weights."""
        state = self.state
        scores = []
        for fs in feats:
            s0 = s1 = s2 = 0.0
            for f in fs:
                w = state.get(f)
                if w is not None:
                    s0 += w[0]
                    s1 += w[1]
                    s2 += w[2]
            scores.append((s0, s1, s2))
        return scores


def _viterbi(scores: list[tuple[float, float, float]], tr: list[list[float]]) -> list[str]:
    """The best labelling (of equals the lower label, as crfsuite), the three labels unrolled
    (twice as fast as loops over them; the same sums and comparisons)."""
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = tr
    b0, b1, b2 = scores[0]
    back: list[tuple[int, int, int]] = []
    for s0, s1, s2 in scores[1:]:
        a, b, c = b0 + t00, b1 + t10, b2 + t20
        if a >= b:
            k0, v0 = (0, a) if a >= c else (2, c)
        else:
            k0, v0 = (1, b) if b >= c else (2, c)
        a, b, c = b0 + t01, b1 + t11, b2 + t21
        if a >= b:
            k1, v1 = (0, a) if a >= c else (2, c)
        else:
            k1, v1 = (1, b) if b >= c else (2, c)
        a, b, c = b0 + t02, b1 + t12, b2 + t22
        if a >= b:
            k2, v2 = (0, a) if a >= c else (2, c)
        else:
            k2, v2 = (1, b) if b >= c else (2, c)
        b0, b1, b2 = v0 + s0, v1 + s1, v2 + s2
        back.append((k0, k1, k2))
    best = (b0, b1, b2)
    j = max(range(3), key=lambda i: best[i])
    path = [j]
    for p in reversed(back):
        j = p[j]
        path.append(j)
    return [LABELS[j] for j in reversed(path)]


def _marginals(
    scores: list[tuple[float, float, float]], tr: list[list[float]]
) -> list[list[float]]:
    """Each position's label probabilities by the scaled forward-backward recursion."""
    et = [[math.exp(w) for w in row] for row in tr]
    es = []
    for s in scores:
        m = max(s)
        es.append((math.exp(s[0] - m), math.exp(s[1] - m), math.exp(s[2] - m)))
    n = len(es)
    (e00, e01, e02), (e10, e11, e12), (e20, e21, e22) = et
    # the three labels unrolled (the same products and sums, in the same order, as loops)
    scale = [sum(es[0])]
    alpha = [(es[0][0] / scale[0], es[0][1] / scale[0], es[0][2] / scale[0])]
    a0, a1, a2 = alpha[0]
    for x0, x1, x2 in es[1:]:
        r0 = (a0 * e00 + a1 * e10 + a2 * e20) * x0
        r1 = (a0 * e01 + a1 * e11 + a2 * e21) * x1
        r2 = (a0 * e02 + a1 * e12 + a2 * e22) * x2
        z = r0 + r1 + r2
        scale.append(z)
        a0, a1, a2 = r0 / z, r1 / z, r2 / z
        alpha.append((a0, a1, a2))
    beta: list[tuple[float, float, float]] = [(1.0, 1.0, 1.0)] * n
    b0 = b1 = b2 = 1.0
    for t in range(n - 2, -1, -1):
        x0, x1, x2 = es[t + 1]
        z = scale[t + 1]
        b0, b1, b2 = (
            (e00 * x0 * b0 + e01 * x1 * b1 + e02 * x2 * b2) / z,
            (e10 * x0 * b0 + e11 * x1 * b1 + e12 * x2 * b2) / z,
            (e20 * x0 * b0 + e21 * x1 * b1 + e22 * x2 * b2) / z,
        )
        beta[t] = (b0, b1, b2)
    out = []
    for a, b in zip(alpha, beta, strict=True):
        p = (a[0] * b[0], a[1] * b[1], a[2] * b[2])
        z = p[0] + p[1] + p[2]
        out.append([p[0] / z, p[1] / z, p[2] / z])
    return out


def tagged_spans(
    crf: Crf, s: Sentence, scores: Scores | None = None
) -> Iterator[tuple[int, int, float]]:
    """The names the CRF tags in one sentence: (first token, one past the last, the least
    marginal of its labels: the span's confidence); `scores` its tokens' (`sentence_scores`),
    else those of its features. The marginals are worked out only for a sentence whose best
    labelling names someone (most name nobody)."""
    if scores is None:
        scores = crf.scores(s.feats)
    tags = _viterbi(scores, crf.trans)
    if "B" not in tags and "I" not in tags:
        return
    marg = _marginals(scores, crf.trans)
    p = 0
    while p < len(tags):
        if tags[p] == "O":
            p += 1
            continue
        q = p + 1
        while q < len(tags) and tags[q] == "I":
            q += 1
        yield p, q, min(marg[k][LABELS.index(tags[k])] for k in range(p, q))
        p = q


# --- the report gate ------------------------------------------------------------------------

# words that tell an occasion (a meeting, a visit, a ceremony) in any of the three languages
OCCASION = re.compile(
    r"\b(?:meeting|meetings|talks|session|conference|summit|forum|ceremony|reception|visit|"
    r"visited|met|hosted|chaired|attended|delegation|symposium|banquet|Sitzung|Treffen|"
    r"Gespräch|Gespräche|Konferenz|Gipfel|Besuch|Empfang|Zeremonie|Delegation|besuchte|"
    r"traf|empfing)\b|会议|会见|会谈|座谈|论坛|仪式|访问|出席|主持|会晤|宴会|代表团|會議|會見|會談|"
    r"論壇|儀式|訪問|會晤|代表團"
)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def report_features(
    text: str,
    lang: str,
    tokens: list[Token],
    sents: list[list[int]],
    rules: Sequence[tuple[str, str]],
    found: dict[str, Found],
    tables: Tables,
) -> list[str]:
    """What the gate reads of one report: the rules' own reading, cue and occasion words,
    names in the lead, the reader's confidence, the language and the length."""
    roster = tables.roster
    keyed = {(person_key(n, roster), r) for n, r in rules}
    named = {k for k, _ in keyed}
    lead_end = tokens[sents[min(1, len(sents) - 1)][-1]].end if sents else 0
    lead = text[:lead_end]
    f = ["lg=" + lang, "rules=" + _bucket(len(named), (0, 1, 3))]
    f += ["rr=" + r for r in sorted({r for _, r in keyed})]
    lead_rules = [
        a for a, _, _ in align({n for n, _ in rules}, tokens) if tokens[a].end <= lead_end
    ]
    f.append("leadrules=" + _bucket(len(lead_rules), (0, 1, 3)))
    cues: dict[str, int] = defaultdict(int)
    lead_cues: set[str] = set()
    for role, pattern in ROLE_WORDS.items():
        cues[role] += len(pattern.findall(text))
        if pattern.search(lead):
            lead_cues.add(role)
    if lang == "zh":
        for role, pattern in ZH_CUES:
            cues[role] += len(pattern.findall(text))
            if pattern.search(lead):
                lead_cues.add(role)
    f += [f"cue{r}=" + _bucket(n, (0, 1, 3)) for r, n in sorted(cues.items())]
    f += ["leadcue=" + r for r in sorted(lead_cues)]
    f.append("anycue=" + _bucket(sum(cues.values()), (0, 1, 3, 8)))
    f.append("occ=" + _bucket(len(OCCASION.findall(text)), (0, 1, 3)))
    f.append("leadocc=" + _bucket(len(OCCASION.findall(lead)), (0, 1)))
    if NOT_DONE.search(lead):
        f.append("notdone_lead")
    ros = 0
    for idx in sents:
        ros += tables.roster_spans([token_key(tokens[i].text) for i in idx]).count("B")
    f.append("roster=" + _bucket(ros, (0, 1, 3)))
    f.append("len=" + _bucket(len(tokens), (60, 150, 300, 600)))
    for t in (0.5, 0.8, 0.95):
        f.append(f"found{t}=" + _bucket(sum(fd.conf >= t for fd in found.values()), (0, 1, 3)))
        new = sum(fd.conf >= t for k, fd in found.items() if k not in named)
        f.append(f"new{t}=" + _bucket(new, (0, 1, 3)))
    best = max((fd.conf for fd in found.values()), default=0.0)
    f.append("maxconf=" + _bucket(int(best * 20), (10, 16, 18, 19)))
    ruled = max((fd.conf_ruled for fd in found.values()), default=0.0)
    f.append("ruledconf=" + _bucket(int(ruled * 20), (0, 16, 18, 19)))
    for r in ROLES:
        top = max((fd.probs[r] for fd in found.values()), default=0.0)
        f.append(f"p{r}=" + _bucket(int(top * 10), (2, 5, 8)))
    return sorted(set(f))


def new_pairs(
    rules: set[tuple[str, str]], found: dict[str, Found], t: float
) -> set[tuple[str, str]]:
    """The reader's names the rules did not name, at span confidence `t` or above."""
    named = {k for k, _ in rules}
    return {(k, r) for k, f in found.items() if k not in named and f.conf >= t for r in f.roles()}


def pair_features(
    report: list[str], rules: set[tuple[str, str]], found: dict[str, Found], lang: str
) -> list[tuple[tuple[str, str], list[str]]]:
    """The pair gate's rows of one report: each extra (name key, role) of the reader at 0.5 or
    above, with the report's features and its own (confidence, role probability, the role)."""
    out = []
    for key, r in sorted(new_pairs(rules, found, 0.5)):
        fd = found[key]
        f = ["r:" + x for x in report]
        f += [
            "conf=" + _bucket(int(fd.conf * 20), (10, 14, 16, 17, 18, 19)),
            "ruled=" + _bucket(int(fd.conf_ruled * 20), (0, 14, 17, 19)),
            "role=" + r,
            "prob=" + _bucket(int(fd.probs[r] * 10), (4, 6, 8)),
            "nroles=" + str(len(fd.roles())),
            "lgrole=" + lang + r,
        ]
        out.append(((key, r), f))
    return out


# --- reading --------------------------------------------------------------------------------


@dataclass
class Mention:
    """One name the CRF tags in one sentence: the person's key, the name as written, where it
    starts in the text, the span's confidence and this occurrence's role probabilities."""

    key: str
    name: str
    at: int
    conf: float
    probs: dict[str, float]

    def roles(self, t: float = 0.5) -> set[str]:
        best = max(ROLES, key=lambda r: (self.probs[r], -ROLES.index(r)))
        return {r for r in ROLES if self.probs[r] >= t} | {best}


def read_mentions(
    text: str,
    lang: str,
    tokens: list[Token],
    sents: list[list[int]],
    rules: Sequence[tuple[str, str]],
    tables: Tables,
    crf: Crf,
    roles: dict[str, Any],
) -> list[tuple[Sentence, list[Mention]]]:
    """Each sentence in which the CRF tags a name, with the names it tags there, in text
    order."""
    zh = lang == "zh"
    out = []
    for s, scores in sentence_scores(text, lang, tokens, sents, rules, tables, crf):
        here = []
        for p, q, conf in tagged_spans(crf, s, scores):
            a, b = tokens[s.idx[p]].start, tokens[s.idx[q - 1]].end
            name = text[a:b]
            probs = role_probs(mention_features(s, p, q, zh), roles)
            here.append(Mention(person_key(name, tables.roster), name, a, conf, probs))
        if here:
            out.append((s, here))
    return out


def read_found(
    text: str,
    lang: str,
    tokens: list[Token],
    sents: list[list[int]],
    rules: Sequence[tuple[str, str]],
    tables: Tables,
    crf: Crf,
    roles: dict[str, Any],
) -> dict[str, Found]:
    """{person key: Found}: every name the CRF tags, its best confidence and role
    probabilities over its occurrences."""
    found: dict[str, Found] = {}
    for s, here in read_mentions(text, lang, tokens, sents, rules, tables, crf, roles):
        ruled = any(s.rules)
        for m in here:
            note_found(found, m.key, m.name, m.conf, m.probs, m.conf if ruled else 0.0)
    return found


# --- the sentence gate (round 23) -----------------------------------------------------------
#
# Round 22's pair gate read the whole report (its lead, its length, its cue and occasion words,
# every name the reader found), so two copies of one report that differ only in a headline, a
# page-noise line or a line break could be read with different extra people, and their
# comparison called them added or removed (round 22's fresh identical pairs, 2 of 4). This gate
# reads, for each occurrence of a name, only the sentence it stands in, the occurrence itself,
# the language and how many people the rules named in the report (the rules' reading, which a
# copy shares); a (name, role) is added when one of its occurrences passes. So a sentence two
# copies share gives the same extra people in both (bench/people_reader_copies.py counts it).


def sentence_gate_features(
    text: str,
    lang: str,
    tokens: list[Token],
    s: Sentence,
    here: Sequence[Mention],
    named: set[str],
    tables: Tables,
) -> list[str]:
    """What the gate reads of one sentence with tagged names: its length, the rules' names and
    roles in it, its cue and occasion words, a future, roster names, and how many names the
    reader tags in it (new ones: the rules did not name them in the report)."""
    sent_text = text[tokens[s.idx[0]].start : tokens[s.idx[-1]].end]
    f = [
        "lg=" + lang,
        "slen=" + _bucket(len(s.idx), (8, 20, 40, 80)),
        "srules=" + _bucket(s.starts, (0, 1, 3)),
        "socc=" + _bucket(len(OCCASION.findall(sent_text)), (0, 1)),
        "sros=" + _bucket(tables.roster_spans(s.words).count("B"), (0, 1, 3)),
    ]
    f += ["srr=" + r for r in sorted({r for rs in s.rules for r in rs})]
    f += ["sc=" + r for r in sorted({r for c in s.cues for r in c})]
    if s.future:
        f.append("fut")
    for t in (0.5, 0.8, 0.95):
        f.append(f"sfound{t}=" + _bucket(len({m.key for m in here if m.conf >= t}), (0, 1, 3)))
        new = len({m.key for m in here if m.conf >= t and m.key not in named})
        f.append(f"snew{t}=" + _bucket(new, (0, 1, 3)))
    return f


GateRow = tuple[str, str, str, int, float, list[str]]  # key, role, name, at, conf, features


def gate_rows(
    text: str,
    lang: str,
    tokens: list[Token],
    read: Sequence[tuple[Sentence, list[Mention]]],
    named: set[str],
    tables: Tables,
    least: float = 0.5,
) -> list[GateRow]:
    """The gate's rows: each occurrence, at span confidence `least` or above, of a name the
    rules did not name, once per role it may have, with its sentence's features and its own
    (confidence, role, role probability, how many roles), in text order."""
    out: list[GateRow] = []
    report = "rules=" + _bucket(len(named), (0, 1, 3))
    for s, here in read:
        cands = [m for m in here if m.key not in named and m.conf >= least]
        if not cands:
            continue
        sent = sentence_gate_features(text, lang, tokens, s, here, named, tables)
        ruled = "ruled" if s.starts else "unruled"
        for m in cands:
            roles = m.roles()
            for r in sorted(roles, key=ROLES.index):
                f = [*sent, report, ruled]
                f += [
                    "conf=" + _bucket(int(m.conf * 20), (10, 14, 16, 17, 18, 19)),
                    "role=" + r,
                    "prob=" + _bucket(int(m.probs[r] * 10), (4, 6, 8)),
                    "nroles=" + str(len(roles)),
                    "lgrole=" + lang + r,
                ]
                out.append((m.key, r, m.name, m.at, m.conf, f))
    return out


def gate_prob(gate: dict[str, Any], feats: Iterable[str]) -> float:
    total = gate["bias"] + sum(gate["weights"].get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-total))


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    """The shipped weights, read once, on first use."""
    raw = resources.files("worker.detect").joinpath("people_reader.json.gz").read_bytes()
    data: dict[str, Any] = json.loads(gzip.decompress(raw))
    for part in data["scripts"].values():
        part["crf_model"] = Crf(part["crf"]["state"], part["crf"]["transitions"])
    return data


_TABLES: list[tuple[Roster, Tables]] = []  # the tables of the last roster read


def _tables(roster: Roster) -> Tables:
    if not _TABLES or _TABLES[0][0] is not roster:
        _TABLES[:] = [(roster, Tables(roster))]
    return _TABLES[0][1]


def extra_people(
    text: str,
    lang: str,
    rules: Sequence[tuple[str, str]],
    roster: Roster,
    model: dict[str, Any] | None = None,
) -> list[tuple[str, str]]:
    """The (name as written, role) pairs the reader adds to the rules' `rules` (name, role):
    names the rules did not give, where one of their occurrences reaches the CRF confidence
    and the sentence gate's probability the model asks, in text order. Each decision reads one
    sentence (`gate_rows`): two copies of one text sharing a sentence get the same people from
    it."""
    m = model if model is not None else _model()
    part = m["scripts"]["zh" if lang == "zh" else "latin"]
    text = unannotated(text)
    tokens = tokenize(text)
    if not tokens:
        return []
    sents = sentences(text, tokens)
    tables = _tables(roster)
    read = read_mentions(text, lang, tokens, sents, rules, tables, part["crf_model"], part["roles"])
    named = {person_key(n, roster) for n, _ in rules}
    least = m["confidence"]
    # only a name the rules did not give, at the model's confidence, can be added: without
    # one, no sentence's features are worked out
    if not any(x.key not in named and x.conf >= least for _, here in read for x in here):
        return []
    gate = m["gate"]
    added: dict[tuple[str, str], tuple[int, str]] = {}
    for key, role, name, at, _, feats in gate_rows(text, lang, tokens, read, named, tables, least):
        if (key, role) not in added and gate_prob(gate, feats) >= m["gate_at"]:
            added[(key, role)] = (at, name)
    ordered = sorted(added.items(), key=lambda kv: (kv[1][0], ROLES.index(kv[0][1])))
    return [(name, role) for (_, role), (_, name) in ordered]
