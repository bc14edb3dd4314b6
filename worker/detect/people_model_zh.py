"""A learned second opinion on the roles of names in Chinese sentences.

Input: the Chinese sentences the rules read (`people.extract_people`: those holding a cue
character) and the people the rules found. Output: (name, role, segment) the rules did not
give, when the model is confident of them.

Candidates are the rules' own names: each clause of a sentence (cut at its punctuation) is
read as a list by `people_zh.zh_name_items` (surname tables, the roster, 、-lists, titles
dropped). Each name is scored from general features of its context: the characters before
and after its list in the clause, the clauses either side, the cue words of the sentence
and how many clauses away each stands (出席, 主持, 讲话, 会见, 陪同 ...), its place in the
list, the title before it, the clause's punctuation, the segment. One logistic regression
per role, trained on the labelled Chinese dev reports by bench/train_people_model_zh.py,
which writes `people_model_zh.json` (package data) and records the files it used.

Inference is a sparse dot product over feature strings (no numpy at run time), as in the
English and German model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from worker.detect.model import Person, Role, Segment
from worker.detect.people_zh import (
    _ZH_NOT_NAMES,
    _ZH_TITLE_END,
    _unannotated,
    _zh_plausible,
    clean_zh,
    zh_name_items,
)
from worker.detect.role_weights import ROLES, add_weights, mention_sums, packed, probabilities
from worker.detect.roster import Roster, pinyin_name, to_simplified

__all__ = ["ROLES", "Mention", "additions", "mentions", "scores"]


_CLAUSE = re.compile(r"[，,：:；;。！？!?（）()“”「」『』\s]")
# Words that give or deny a role, read with their distance in clauses from the list.
_CUES = re.compile(
    "出席|参加|列席|与会|参会|主持|讲话|致辞|致词|发言|演讲|讲述|表示|指出|强调|介绍|说|会见"
    "|会谈|会晤|接见|通电话|见证|陪同|参观|考察|调研|看望|慰问|在座|到场|莅临|观礼|主礼|宣布"
    "|报告|作|听取|邀请|欢迎|率|一行|同志|等|还有|包括|此外|会议|活动|仪式|典礼|开幕|闭幕"
    "|发表|进行|提出|前往|来到|宣读|带领|率领"
)
# What makes a cue unreal or someone else's: the future, a plan, a refusal, an absence.
_MOODS = re.compile(
    "将|拟|计划|预计|预定|原定|届时|明天|邀请|邀|未|没有|不|婉拒|缺席|请假|随行|随团|逝世|哀悼|悼念"
)
_TITLE = re.compile(
    r"(?:书记|主席|总理|部长|主任|委员|市长|省长|院长|长|员|总统|大使|代表|先生|女士)$"
)


# A name after a title ("副市长罗孝廉现场陪同", "镇党委尚金楼主持"), wherever it stands in its
# clause: the rules read it only where a list's grammar puts it.
_AFTER_TITLE = re.compile(
    f"(?:{_ZH_TITLE_END.pattern}|党委|党组|政府)" + r"(?=([\u4e00-\u9fff]{2,3}))"
)


_DOTS = frozenset("·•‧・.．")


def _name_at(simple: str, at: int, n: int, end: int) -> bool:
    """A plausible name of `n` characters at `at`: not a word opening it ("包括立法会"), nor
    running into a cue ("李群主持": 李群, not 李群主)."""
    name = simple[at : at + n]
    if len(name) < n or at + n > end or not _zh_plausible(name) or name[:2] in _ZH_NOT_NAMES:
        return False
    return n == 2 or not _CUES.match(simple, at + 2)


@lru_cache(maxsize=16384)  # pure; clauses recur across versions of a report
def _titled_names(clause: str) -> tuple[tuple[int, str], ...]:
    found = []
    for m in _AFTER_TITLE.finditer(clause):
        run = m.group(1)
        titled = next((run[:n] for n in (3, 2) if _name_at(clause, m.end(), n, len(clause))), None)
        if titled and clause[m.end() + len(titled) : m.end() + len(titled) + 1] not in _DOTS:
            found.append((m.end(), titled))  # (not the first part of a dotted name: "达亚·瑞迪")
    return tuple(found)


@lru_cache(maxsize=16384)
def _roster_names(clause: str, known: frozenset[str]) -> tuple[tuple[int, str], ...]:
    found = []
    for at in range(len(clause) - 1):
        name = next((clause[at : at + n] for n in (4, 3, 2) if clause[at : at + n] in known), "")
        if name and len(name) >= 2:
            found.append((at, name))
    return tuple(found)


def _across_cue(simple: str, at: int, n: int) -> bool:
    """Whether a cue word runs across either end of the `n` characters at `at`: a name shares
    no character with the verb after or before it ("鄢萍出" + "席仪式" of "鄢萍出席仪式",
    zh_cn-t13y11 and scraped-t13z01, round 24: the name is 鄢萍, which the rules give)."""
    last = _CUES.match(simple, at + n - 1)
    if last is not None and last.end() > at + n:
        return True
    first = _CUES.match(simple, at - 1) if at > 0 else None
    return first is not None and first.end() > at


def _candidates(simple: str, start: int, end: int, roster: Roster) -> list[tuple[str, int]]:
    """The names of one clause and where they start: the rules' list reading
    (`zh_name_items`), then a plausible name after a title, then the roster's names."""
    found: dict[int, str] = {}
    taken: set[int] = set()

    def put(name: str, at: int) -> None:
        span = range(at, at + len(name))
        if at >= 0 and not taken.intersection(span) and not _across_cue(simple, at, len(name)):
            found[at] = name
            taken.update(span)

    for name in zh_name_items(simple[start:end], roster, last=True):
        put(name, simple.find(name, start, end))
    clause = simple[start:end]
    for at, name in _titled_names(clause):
        put(name, start + at)
    for at, name in _roster_names(clause, roster.chinese_names):
        put(name, start + at)
    return [(found[at], at) for at in sorted(found)]


class Mention:
    """One candidate name in one clause, with its features in three parts: the sentence's,
    its list's and its own (the first two shared, so `additions` sums each once)."""

    __slots__ = ("name", "parts", "segment")

    def __init__(self, name: str, segment: Segment, parts: tuple[list[str], ...]) -> None:
        self.name = name
        self.segment: Segment = segment
        self.parts = parts

    @property
    def features(self) -> list[str]:
        return [f for part in self.parts for f in part]


def _grams(text: str, tag: str) -> Iterator[str]:
    for i in range(len(text) - 1):
        yield f"{tag}={text[i : i + 2]}"


def clause_spans(simple: str, stops: re.Pattern[str] = _CLAUSE) -> list[tuple[int, int]]:
    """The (start, end) of each non-empty stretch of `simple` between two `stops` matches."""
    spans, start = [], 0
    for m in stops.finditer(simple):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(simple):
        spans.append((start, len(simple)))
    return spans


def _list_features(
    simple: str, spans: list[tuple[int, int]], c: int, lo: int, hi: int
) -> list[str]:
    """What a clause's list shares: the text before and after it, the clauses around, the
    cue words of the sentence by their distance in clauses, the punctuation either side."""
    start, end = spans[c]
    before, after = simple[start:lo], simple[hi:end]
    feats = [
        f"c={min(c, 2)}",
        f"left={min(len(spans) - c - 1, 2)}",
        f"pb={simple[start - 1] if start else '^'}",
        f"pa={simple[end] if end < len(simple) else '$'}",
        f"b1={before[-1:] or '^'}",
        f"b2={before[-2:] or '^'}",
        f"a1={after[:1] or '$'}",
        f"a2={after[:2] or '$'}",
        f"a3={after[:3] or '$'}",
        *_grams(before, "bb"),
        *_grams(after, "ab"),
    ]
    if c:
        feats.extend(_grams(simple[spans[c - 1][0] : spans[c - 1][1]][-6:], "pc"))
    if c + 1 < len(spans):
        feats.extend(_grams(simple[spans[c + 1][0] : spans[c + 1][1]][:6], "nc"))
    for m in _CUES.finditer(simple):
        at = next((k for k, (s, e) in enumerate(spans) if s <= m.start() < e), c)
        d = max(-2, min(2, at - c))
        side = "" if d else ("<" if m.start() < lo else ">")
        feats.append(f"cue={m.group()}@{d}{side}")
    return list(dict.fromkeys(feats))


def _own(simple: str, at: int, name: str, position: int, count: int, roster: Roster) -> list[str]:
    item_start = max(simple.rfind("、", 0, at), simple.rfind("，", 0, at)) + 1
    title = simple[item_start:at]
    own = [
        "first" if position == 1 else "later",
        "last" if position == count else "notlast",
        f"n={min(count, 3)}",
        f"len={min(len(name), 4)}",
        f"t2={title[-2:] or '-'}",
    ]
    if _TITLE.search(title):
        own.append("titled")
    if name in roster.chinese_names:
        own.append("roster")
    return own


def mentions(sentences: Sequence[tuple[Segment, str]], roster: Roster) -> Iterator[Mention]:
    """Every candidate name of the sentences (as written), with its features.

    >>> [m.name for m in mentions([("body", "市委常委赵京东，副市长罗孝廉现场陪同。")],
    ...     Roster.empty())]
    ['赵京东', '罗孝廉']
    """
    cache = _cache(roster)
    for segment, sentence in sentences:
        found = cache.get((segment, sentence))
        if found is None:
            if len(cache) >= _CACHED:
                cache.clear()
            found = cache[segment, sentence] = tuple(_sentence_mentions(segment, sentence, roster))
        yield from found


_CACHED = 8192  # sentences per roster (they recur across versions of a report)
_CACHES: dict[int, tuple[Roster, dict[tuple[str, str], tuple[Mention, ...]]]] = {}


def _cache(roster: Roster) -> dict[tuple[str, str], tuple[Mention, ...]]:
    """The sentences read with `roster` (a Roster is not hashable: kept by identity, with the
    roster itself, so that its id is not reused while the entry lives)."""
    held = _CACHES.get(id(roster))
    if held is None or held[0] is not roster:
        if len(_CACHES) >= 4:
            _CACHES.clear()
        held = _CACHES[id(roster)] = (roster, {})
    return held[1]


def _sentence_mentions(segment: Segment, sentence: str, roster: Roster) -> Iterator[Mention]:
    written = clean_zh(sentence)
    if "假" in written or "代)" in written or "代）" in written or "缺席" in written:
        written = _unannotated(written)  # the absent leave a minutes' list, as for the rules
    simple = to_simplified(written)
    spans = clause_spans(simple)
    shared: list[str] | None = None
    for c, (start, end) in enumerate(spans):
        found = _candidates(simple, start, end, roster)
        if not found:
            continue
        if shared is None:
            moods = {f"mood={m.group()}" for m in _MOODS.finditer(simple)}
            shared = [f"seg={segment}", *sorted(moods), *sorted(set(_grams(simple, "s")))]
        lo, hi = found[0][1], max(at + len(n) for n, at in found)
        common = _list_features(simple, spans, c, lo, hi)
        for position, (name, at) in enumerate(found, start=1):
            own = _own(simple, at, name, position, len(found), roster)
            yield Mention(written[at : at + len(name)], segment, (shared, common, own))


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    """The shipped weights, read once (on the first Chinese report)."""
    raw = resources.files("worker.detect").joinpath("people_model_zh.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    data["packed"] = packed(data)  # once, not per report
    return data


def scores(features: Sequence[str], model: dict[str, Any] | None = None) -> dict[Role, float]:
    """The probability of each role for one mention's features (a sparse dot product)."""
    m = model if model is not None else _model()
    totals = list(m["bias"])
    add_weights(list(dict.fromkeys(features)), packed(m), totals)
    return probabilities(totals, ROLES)


def _key(name: str, roster: Roster) -> str:
    return (roster.canonical(name) or pinyin_name(name) or name).casefold()


def additions(
    sentences: Sequence[tuple[Segment, str]],
    roster: Roster,
    people: Sequence[Person],
    model: dict[str, Any] | None = None,
) -> Iterator[tuple[str, Role, Segment]]:
    """Each (name, role, segment) the model gives at or above the role's threshold, for a
    name the rules gave no role at all (thresholds by cross-validation, see
    bench/train_people_model_zh.py)."""
    m = model if model is not None else _model()
    named = {(p.canonical or p.name).casefold() for p in people}
    written = {p.name for p in people}

    def known(name: str) -> bool:  # a name the rules gave, or a part of one
        return _key(name, roster) in named or any(name in n for n in written)

    threshold: dict[str, float] = m["add"]
    weights = packed(m)
    partial: dict[int, list[float]] = {}  # a shared part's sum, by the part's identity
    # listed first: a part's identity keys its sum only while the part lives
    for mention in list(mentions(sentences, roster)):
        if known(mention.name):
            continue
        probs = probabilities(mention_sums(mention.parts, m["bias"], weights, partial), ROLES)
        for role in ROLES:
            if probs[role] >= threshold[role]:
                yield mention.name, role, mention.segment
