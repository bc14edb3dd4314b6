"""Candidates for a learned proposer of names the rules never propose (issue 9, round 11;
judged by bench/train_people_propose.py, NOT shipped: see docs/people.md, "Round 11, a
learned proposer of new names").

The rules' name finders (`people_latin.sentence_lists`, `people_zh.zh_name_items`) and the
learned second opinions that re-score their names (`people_model`, `people_model_zh`) never
see a name the finders do not produce: a Chinese given name the surname tables pass over
("副局长段世杰、王均、杨树安"), a Latin name of unusual shape ("S G Momin", "DP Singh"). This
module proposes such names by shape alone, in the sentences the rules read, and scores each
from its context.

Candidates. Chinese: runs of two or three Han characters (four after a compound surname)
opening on a common surname, bounded on the left by the clause's start, a separator, a title
or a joining word (和, 及, 与, 由 ...) and on the right by a separator, a cue word, a title or
the clause's end. Latin: runs of capitalised words (with initials and name particles) and
each of their tails ("Commander Oleksandr Syrskyi" -> "Oleksandr Syrskyi", "Syrskyi"). A
candidate the finders produced, or whose name the rules or the models already gave a role,
is no candidate.

Features: the characters or words either side, what bounds the candidate, its shape, the cue
words of the sentence (Chinese: by their distance in clauses), how many names its list holds
and which roles the rules gave the names beside it (a name between two people who attended
most often attended). One logistic regression per role, trained on the labelled dev reports
by bench/train_people_propose.py; scored as people_model.py's weights are
(`role_weights`), so a shipped model would run without scikit-learn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from worker.detect.model import Segment
from worker.detect.people_latin import Context, sentence_lists, sentence_words
from worker.detect.people_model_zh import clause_spans
from worker.detect.role_weights import ROLES, add_weights, packed, probabilities
from worker.detect.roster import Roster, to_simplified

__all__ = [
    "Candidate",
    "best",
    "latin_candidates",
    "latin_proposals",
    "scored",
    "zh_candidates",
    "zh_proposals",
]


@dataclass(frozen=True)
class Candidate:
    """One proposed name in one sentence: as written, its key parts, and its features."""

    name: str
    at: int  # which of the sentences
    group: int  # candidates of one group (the tails of one Latin run) give one name at most
    features: tuple[str, ...]


# ---- Chinese ------------------------------------------------------------------------------

_HAN = re.compile(r"[\u4e00-\u9fff]")
_ZH_CLAUSE = re.compile(r"[，,：:；;。！？!?（）()“”「」『』《》\s]")
_ZH_LEFT_WORDS = frozenset("和及与同由请是为向、")
_ZH_CUE_AFTER = re.compile(
    "出席|参加|列席|与会|参会|主持|讲话|致辞|致词|发言|演讲|表示|指出|强调|介绍|会见|会谈|会晤"
    "|接见|陪同|参观|考察|调研|看望|慰问|到场|莅临|宣布|报告|作|等|一行|分别|共同|先后|也|还|在"
    "|出|参|主|讲|致|发|担任|任|率|带"
)
_ZH_AFTER_TITLE = re.compile(
    "先生|女士|老师|教授|同志|法师|大师|上师|牧师|主任|主席|院长|校长|会长|局长|市长|书记|部长"
    "|总裁|董事长|经理|处长|科长|团长|社长|议员|委员|代表|大使|总统|首相|州长|议长"
)


@lru_cache(maxsize=1)
def _zh_tables() -> tuple[frozenset[str], frozenset[str], re.Pattern[str], Any]:
    from worker.detect.people_zh import _COMPOUND, _SURNAMES, _ZH_TITLE_END, _zh_plausible

    return _SURNAMES, _COMPOUND, re.compile(f"(?:{_ZH_TITLE_END.pattern})"), _zh_plausible


@lru_cache(maxsize=1)
def _zh_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from worker.detect.people_zh import _NOT_GIVEN, _ZH_NOT_LAST, _ZH_NOT_NAMES

    return _ZH_NOT_NAMES, _ZH_NOT_LAST, _NOT_GIVEN


def _zh_shaped(name: str) -> bool:
    """A weaker test than the rules' (`_zh_plausible`): the candidates are what it rejects."""
    not_names, _, _ = _zh_words()
    _, _, title_end, _ = _zh_tables()
    return name not in not_names and name[:2] not in not_names and title_end.search(name) is None


_ZH_CUES = re.compile(
    "出席|参加|列席|与会|参会|主持|讲话|致辞|致词|发言|演讲|表示|指出|强调|会见|会谈|会晤|接见"
    "|通电话|陪同|参观|考察|调研|看望|慰问|到场|莅临|观礼|主礼|宣布|报告|听取|邀请|欢迎|一行|等"
    "|还有|包括|会议|活动|仪式|典礼|开幕|颁奖|表演|演唱|司仪|嘉宾|宣誓|就职"
)
_ZH_MOODS = re.compile("将|拟|计划|预计|未|没有|不|缺席|请假|逝世|悼念")


def _zh_spans(
    simple: str, start: int, end: int, titles: set[int]
) -> Iterator[tuple[int, int, str]]:
    """(start, end, left kind) of each name-shaped run of the clause simple[start:end]."""
    surnames, compound, _, _ = _zh_tables()
    for i in range(start, end - 1):
        two = simple[i : i + 2]
        if simple[i] not in surnames and two not in compound:
            continue
        if i == start:
            left = "open"
        elif i in titles:
            left = "title"
        elif simple[i - 1] in _ZH_LEFT_WORDS:
            left = "word"
        else:
            continue
        lengths = (3, 4) if two in compound else (2, 3)
        for n in lengths:
            j = i + n
            if j > end:
                continue
            if not all(_HAN.match(c) for c in simple[i:j]):
                break
            if not _zh_shaped(simple[i:j]):
                continue
            if j < end and not (
                simple[j] in "、和及与"
                or _ZH_CUE_AFTER.match(simple, j)
                or _ZH_AFTER_TITLE.match(simple, j)
            ):
                continue
            yield i, j, left


def zh_candidates(
    sentences: Sequence[tuple[str, str]],
    known: Iterable[str],
    taken: dict[int, set[str]],
    roles: dict[str, set[str]],
    segment_of: Sequence[Segment] | None = None,
) -> list[Candidate]:
    """The proposed names of Chinese sentences ((as written, simplified)): `known` are names
    (simplified) not to propose
    (given a role, or found by the finders), `taken` the finders' names per sentence (they
    count in a list's size), `roles` the roles the rules gave each name (simplified)."""
    _, _, title_end, _ = _zh_tables()
    blocked = tuple(known)
    found: list[Candidate] = []
    group = 0
    for at, (written, simple) in enumerate(sentences):
        titles = {m.end() for m in title_end.finditer(simple)}
        spans = clause_spans(simple, _ZH_CLAUSE)
        cues = [(m.start(), m.group()) for m in _ZH_CUES.finditer(simple)]
        moods = sorted({f"mood={m.group()}" for m in _ZH_MOODS.finditer(simple)})
        others = taken.get(at, set())
        for c, (start, end) in enumerate(spans):
            clause = simple[start:end]
            runs = list(_zh_spans(simple, start, end, titles))
            for i, j, left in runs:
                name = simple[i:j]
                if any(name in b or b in name for b in blocked):
                    continue
                group += 1
                feats = [
                    f"len={j - i}",
                    f"left={left}",
                    f"b1={simple[i - 1] if i > start else '^'}",
                    f"b2={simple[max(start, i - 2) : i] or '^'}",
                    f"a1={simple[j] if j < end else '$'}",
                    f"a2={simple[j : j + 2] if j < end else '$'}",
                    f"pb={simple[start - 1] if start else '^'}",
                    f"pa={simple[end] if end < len(simple) else '$'}",
                    f"items={min(clause.count('、') + 1, 4)}",
                    f"c={min(c, 2)}",
                    f"named={min(sum(1 for o in others if o in clause), 3)}",
                    f"runs={min(len(runs), 3)}",
                    f"plausible={_zh_tables()[3](name)}",
                ]
                if any(ch in _zh_words()[2] for ch in name[1:]):
                    feats.append("notgiven")
                if name[-1] in _zh_words()[1]:
                    feats.append("notlast")
                if segment_of is not None:
                    feats.append(f"seg={segment_of[at]}")
                near = {r for o in others if o in clause for r in roles.get(o, ())}
                feats.extend(f"nrole={r}" for r in sorted(near))
                sent = {r for o in others for r in roles.get(o, ())}
                feats.extend(f"srole={r}" for r in sorted(sent))
                for pos, cue in cues:
                    k = next((k for k, (s, e) in enumerate(spans) if s <= pos < e), c)
                    d = max(-2, min(2, k - c))
                    side = "" if d else ("<" if pos < i else ">")
                    feats.append(f"cue={cue}@{d}{side}")
                feats.extend(moods)
                found.append(Candidate(written[i:j], at, group, tuple(dict.fromkeys(feats))))
    return found


# ---- Latin --------------------------------------------------------------------------------

_INITIAL = re.compile(r"[A-ZÄÖÜ]{1,3}$")
_CAP = re.compile(r"[A-ZÄÖÜÉÁ‘'][\w'’‘-]*$")
_STOPS = frozenset('.;:!?"“”()')
_WINDOW = 5


@lru_cache(maxsize=1)
def _latin_tables() -> tuple[frozenset[str], frozenset[str]]:
    from worker.detect.people_latin import _PARTICLES, _TITLE_WORDS

    return _PARTICLES, _TITLE_WORDS


def _latin_runs(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, end) token spans of capitalised runs: capitalised words, initials with their
    full stops, particles between capitalised words."""
    particles, _ = _latin_tables()
    n, i = len(words), 0
    while i < n:
        if not _CAP.match(words[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            w = words[j]
            if _CAP.match(w):
                j += 1
            elif (
                w == "." and _INITIAL.match(words[j - 1]) and j + 1 < n and _CAP.match(words[j + 1])
            ):
                j += 1
            elif w.lower() in particles and j + 1 < n and _CAP.match(words[j + 1]):
                j += 1
            else:
                break
        yield i, j
        i = j


def _shape_features(
    words: Sequence[str],
    low: Sequence[str],
    i: int,
    j: int,
    start: int,
    given_names: frozenset[str],
    lang: str,
) -> list[str]:
    """What the tail words[start:j] of the run words[i:j] looks like."""
    particles, titles = _latin_tables()
    tail = words[start:j]
    feats = [
        f"lang={lang}",
        f"ntok={min(len(tail), 4)}",
        f"drop={min(start - i, 3)}",
        f"run={min(j - i, 5)}",
        "opens" if i == 0 else "inside",
    ]
    if start > i:
        feats.append(f"d={low[start - 1]}")
        if low[start - 1] in titles:
            feats.append("dtitle")
    for m, w in enumerate(tail):
        if w.casefold() in given_names:
            feats.append(f"given{min(m, 1)}")
        if _INITIAL.match(w) and len(w) <= 3:
            feats.append("initial")
        if w.isupper() and len(w) > 3:
            feats.append("caps")
        if w.lower() in particles:
            feats.append("particle")
        if w.lower() in titles:
            feats.append("titleword")
    return feats


def _context_features(
    low: Sequence[str],
    i: int,
    j: int,
    given: Sequence[tuple[int, int, frozenset[str]]],
    alpha: Sequence[str],
) -> list[str]:
    """The words around the run words[i:j] (to the clause's stops, at most `_WINDOW`), the
    sentence's word stems, and the roles the rules gave the names beside it."""
    feats = []
    for d in (1, 2):
        feats.append(f"b{d}={low[i - d]}" if i - d >= 0 else f"b{d}=^")
        feats.append(f"a{d}={low[j + d - 1]}" if j + d - 1 < len(low) else f"a{d}=$")
    lo = i
    while lo > 0 and low[lo - 1] not in _STOPS and i - lo < _WINDOW:
        lo -= 1
    hi = j
    while hi < len(low) and low[hi] not in _STOPS and hi - j < _WINDOW:
        hi += 1
    feats.extend(f"bw={w}" for w in low[lo:i] if w[:1].isalpha())
    feats.extend(f"aw={w}" for w in low[j:hi] if w[:1].isalpha())
    feats.extend(f"s~{w[:5]}" for w in alpha if len(w) > 3)
    near = 0
    for s, e, rs in given:
        if (e <= i and i - e <= 2) or (s >= j and s - j <= 2):
            near += 1
            feats.extend(f"nrole={r}" for r in sorted(rs))
    feats.append(f"near={min(near, 2)}")
    feats.extend(f"srole={r}" for r in sorted({r for *_, rs in given for r in rs}))
    return feats


def latin_candidates(
    sentences: Sequence[tuple[list[str], list[str]]],
    taken: dict[int, list[tuple[int, int]]],
    blocked: set[str],
    roles: dict[int, list[tuple[int, int, frozenset[str]]]],
    given_names: frozenset[str],
    lang: str,
    lowered: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """The proposed names of tokenised sentences ((words as written, lower-cased)): `taken`
    the token spans the finder gave per sentence (no candidate overlaps one), `blocked` the
    folded names and name words not to propose, `roles` the finder's spans with the roles the
    rules gave them, per sentence."""
    particles, _ = _latin_tables()
    found: list[Candidate] = []
    group = 0
    for at, (words, low) in enumerate(sentences):
        spans = taken.get(at, [])
        given = roles.get(at, [])
        alpha = sorted({w for w in low if w[:1].isalpha()})
        for i, j in _latin_runs(words):
            if any(s < j and i < e for s, e in spans):
                continue
            group += 1
            for start in range(i, j):
                if low[start] in particles or words[start] == ".":
                    continue
                tail = words[start:j]
                name = " ".join(tail).replace(" .", ".")
                if name.casefold() in blocked or any(w.casefold() in blocked for w in tail):
                    continue
                if len(tail) > 5 or (
                    lang == "en" and any(w.casefold() in lowered for w in tail if w != ".")
                ):
                    continue  # a word the text writes in lower case too is no name's
                feats = _shape_features(words, low, i, j, start, given_names, lang)
                feats += _context_features(low, i, j, given, alpha)
                feats.append(f"named={min(len(spans), 3)}")
                found.append(Candidate(name, at, group, tuple(dict.fromkeys(feats))))
    return found


# ---- scoring ------------------------------------------------------------------------------


def scored(found: Sequence[Candidate], m: dict[str, Any]) -> list[dict[str, float]]:
    """Each candidate's probability of each role under the model `m` (role_weights' form)."""
    weights = packed(m)
    out: list[dict[str, float]] = []
    for cand in found:
        totals = list(m["bias"])
        add_weights(cand.features, weights, totals)
        out.append(dict(probabilities(totals, ROLES)))
    return out


def best(
    found: Sequence[Candidate], probs: Sequence[dict[str, float]], threshold: dict[str, float]
) -> Iterator[tuple[Candidate, str]]:
    """Each (candidate, role) at or above the role's threshold, one name per group (its
    best-scoring candidate) and per name."""
    chosen: dict[int, tuple[float, Candidate, dict[str, float]]] = {}
    for cand, p in zip(found, probs, strict=True):
        top = max(p[r] / threshold[r] for r in ROLES)
        held = chosen.get(cand.group)
        if top >= 1.0 and (held is None or top > held[0]):
            chosen[cand.group] = (top, cand, p)
    for _, cand, p in sorted(chosen.values(), key=lambda x: (x[1].at, x[1].group)):
        for role in ROLES:
            if p[role] >= threshold[role]:
                yield cand, role


def zh_proposals(
    sentences: Sequence[tuple[Segment, str]], roster: Roster, given: Sequence[tuple[str, str]]
) -> list[Candidate]:
    """The candidates of the Chinese sentences the rules read, beside the (name, role) pairs
    `given` (the rules' and the models' people)."""
    from worker.detect import people_model_zh
    from worker.detect.people_zh import _unannotated, clean_zh

    roles: dict[str, set[str]] = {}
    for name, role in given:
        roles.setdefault(to_simplified(name), set()).add(role)
    taken: dict[int, set[str]] = {}
    pairs = []
    for at, (segment, sentence) in enumerate(sentences):
        written = clean_zh(sentence)
        if "假" in written or "代)" in written or "代）" in written or "缺席" in written:
            written = _unannotated(written)
        pairs.append((written, to_simplified(written)))
        names = {
            to_simplified(m.name) for m in people_model_zh.mentions([(segment, sentence)], roster)
        }
        taken[at] = names | {n for n in roles if n in pairs[-1][1]}
    known = set(roles).union(*taken.values()) if taken else set(roles)
    return zh_candidates(pairs, known, taken, roles, [s for s, _ in sentences])


def latin_proposals(
    sentences: Sequence[tuple[Segment, str]],
    ctx: Context,
    lang: str,
    given: Sequence[tuple[str, str]],
) -> list[Candidate]:
    """The candidates of the English or German sentences the rules read, beside the (name,
    role) pairs `given`."""
    roster = ctx.roster

    def key(name: str) -> str:
        return (roster.canonical(name) or name).casefold()

    roles: dict[str, set[str]] = {}
    blocked: set[str] = set()
    for name, role in given:
        roles.setdefault(key(name), set()).add(role)
        blocked.add(name.casefold())
        blocked.update(w.casefold() for w in name.split())
    tokenised = []
    taken: dict[int, list[tuple[int, int]]] = {}
    near: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    for at, (_, sentence) in enumerate(sentences):
        low, spans = sentence_words(sentence)
        tokenised.append(([sentence[s:e] for s, e in spans], low))
        for group in sentence_lists(sentence, ctx) if sentence else []:
            for item in group:
                taken.setdefault(at, []).append((item.first, item.last))
                near.setdefault(at, []).append(
                    (item.first, item.last, frozenset(roles.get(key(item.name), ())))
                )
                blocked.add(item.name.casefold())
                blocked.update(w.casefold() for w in item.name.split())
    lowered = frozenset(w for w in re.findall(r"\b[a-zäöüß][\w'’-]*", ctx.text))
    return latin_candidates(tokenised, taken, blocked, near, roster.given_names, lang, lowered)
