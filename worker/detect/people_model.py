"""A learned second opinion on the roles of English and German name lists.

Input: the sentences the rules read (`people.read_people`) and the people they found. Output:
the same people, plus a (name, role) the rules did not give when the model is confident of it.

The rules (people_latin) recognise a list's role by its cue; a list whose clause they do not
know ("are for the first time participating in the event as cabinet members, including A, B
and C") gets none. The model scores every candidate name the rules' own name finder gives
(`people_latin.sentence_lists`) from general features of its context: the words around its
list, its place in the list, its title words, the sentence's words, the language. One logistic
regression per role, trained on the labelled dev reports by bench/train_people_model.py,
which writes `people_model.json` and `people_model.weights` (package data, `encode_model`)
and records the files it used.

Inference is a hand-written sparse dot product over feature strings: a few hundred features
per sentence against a dict, microseconds, deterministic, and no numpy or scikit-learn at run
time (they are a training-only extra: importing numpy alone costs more than reading a report).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from worker.detect.model import Role, Segment
from worker.detect.people_latin import (
    STAND_IN,
    Context,
    Item,
    list_moods,
    sentence_lists,
    sentence_words,
)
from worker.detect.role_weights import (
    ROLES,
    add_weights,
    decode_model,
    mention_sums,
    packed,
    probabilities,
)

__all__ = ["ROLES", "Mention", "confident", "mentions", "scores"]

_WINDOW = 8  # words read before and after a list
_STEM = 5  # words are also read by their first letters: "attend", "attended", "attending"


class Mention:
    """One candidate name in one sentence, with its features in three parts: the sentence's,
    its list's and its own (the first two shared by the same objects, so that `confident`
    sums each once)."""

    __slots__ = ("at", "name", "parts", "position", "segment")

    def __init__(
        self, name: str, at: int, segment: Segment, position: int, parts: tuple[list[str], ...]
    ) -> None:
        self.name = name
        self.at = at  # which of the sentences given to `mentions`
        self.segment: Segment = segment
        self.position = position
        self.parts = parts

    @property
    def features(self) -> list[str]:
        return [f for part in self.parts for f in part]


def _words(low: Sequence[str], start: int, end: int, tag: str) -> list[str]:
    # a list, not a generator: a yield per feature cost more than building the string
    feats = []
    for w in low[start:end]:
        feats.append(f"{tag}={w}")
        if len(w) > _STEM and w[0].isalpha():
            feats.append(f"{tag}~{w[:_STEM]}")
    return feats


def _list_features(low: list[str], group: list[Item], lists: list[list[Item]], k: int) -> list[str]:
    """What a whole list shares: the words before and after it, its size and place."""
    start, end = group[0].prefix, group[-1].last
    feats = [f"n={min(len(group), 3)}", f"list={min(k, 2)}", f"lists={min(len(lists), 3)}"]
    if start == 0:
        feats.append("opens")
    before = max(0, start - _WINDOW)
    for d in range(1, 4):  # the nearest words, by distance: "by", "chaired by"
        feats.append(f"b{d}={low[start - d]}" if start - d >= 0 else f"b{d}=^")
        feats.append(f"a{d}={low[end + d - 1]}" if end + d - 1 < len(low) else f"a{d}=$")
    feats.append(f"b21={_pair(low, start - 2)}")
    feats.append(f"a12={_pair(low, end)}")
    feats.extend(_words(low, before, start, "bw"))
    feats.extend(_words(low, end, end + _WINDOW, "aw"))
    return feats


_STOPS = frozenset('.;:!?"“”()')


def _clause(low: Sequence[str], start: int, end: int) -> list[str]:
    """The words of the list's clause (to the nearest stop either side), by side."""
    i = start
    while i > 0 and low[i - 1] not in _STOPS:
        i -= 1
    j = end
    while j < len(low) and low[j] not in _STOPS:
        j += 1
    return _words(low, i, start, "cb") + _words(low, end, j, "ca")


def _pair(low: Sequence[str], at: int) -> str:
    return "_".join(low[i] if 0 <= i < len(low) else "#" for i in (at, at + 1))


def mentions(
    sentences: Sequence[tuple[Segment, str]],
    ctx: Context,
    lang: str,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Mention]:
    """Every candidate name of the sentences, with its features (none from the rules' output:
    the rules were written from the training reports, so there they are right far more often
    than on new reports, and a model trusting them learns to add nothing). A name that `skip`s
    is not given, and a list whose names all do is passed over (the features are most of the
    model's cost).

    >>> from worker.detect.roster import Roster
    >>> [m.name for m in mentions([("body", "Li Qiang and Cai Qi attended.")],
    ...     Context(Roster.empty(), ""), "en")]
    ['Li Qiang', 'Cai Qi']
    """
    for at, (segment, sentence) in enumerate(sentences):
        lists = sentence_lists(sentence, ctx)
        wanted = [[skip is None or not skip(it.name) for it in g] for g in lists]
        unread = [k for k, w in enumerate(wanted) if any(w)]
        if not unread:
            continue
        low, spans = sentence_words(sentence)
        # in sorted order as strings ("s=" sorts before "s~"), each word's strings built once
        alpha = sorted({w for w in low if w[:1].isalpha()})
        stems = sorted({w[:_STEM] for w in alpha if len(w) > _STEM})
        shared = [f"lang={lang}", f"seg={segment}", *[f"s={w}" for w in alpha]]
        shared += [f"s~{w}" for w in stems]
        for k in unread:
            group = lists[k]
            common = _list_features(low, group, lists, k)
            start, end = spans[group[0].prefix][0], spans[group[-1].last - 1][1]
            common.extend(list_moods(sentence, start, end))
            common.extend(_clause(low, group[0].prefix, group[-1].last))
            common = list(dict.fromkeys(common))
            for position, item in enumerate(group, start=1):
                if not wanted[k][position - 1]:
                    continue
                own = [
                    "first" if position == 1 else "later",
                    "last" if position == len(group) else "notlast",
                    *(f"t={w}" for w in low[item.prefix : item.first]),
                ]
                if item.possessive:
                    own.append("possessive")
                if ctx.roster.canonical(item.name):
                    own.append("roster")
                parts = (shared, common, list(dict.fromkeys(own)))
                yield Mention(item.name, at, segment, position, parts)


@lru_cache(maxsize=1)
def _model() -> dict[str, Any]:
    """The shipped weights, read once (the detect core's only files, and only on first use)."""
    files = resources.files("worker.detect")
    return decode_model(
        files.joinpath("people_model.json").read_text("utf-8"),
        files.joinpath("people_model.weights").read_bytes(),
    )


def scores(features: Sequence[str], model: dict[str, Any] | None = None) -> dict[Role, float]:
    """The probability of each role for one mention's features (a sparse dot product)."""
    m = model if model is not None else _model()
    totals = list(m["bias"])
    add_weights(list(dict.fromkeys(features)), packed(m), totals)
    return probabilities(totals, ROLES)


def confident(
    found: Sequence[Mention], model: dict[str, Any] | None = None, language: str = "en"
) -> Iterator[tuple[Mention, Role]]:
    """Each (mention, role) the model gives with at least its threshold for the role. The
    thresholds were chosen by cross-validation (bench/train_people_model.py), per language
    where the model holds a set of the language's own (`add_de`): the German rules miss far
    more, so German mentions earn a role at lower probabilities than English ones."""
    m = model if model is not None else _model()
    threshold: dict[str, float] = m.get("add_" + language, m["add"])
    weights = packed(m)
    partial: dict[int, list[float]] = {}  # a shared part's sum, by the part's identity
    for mention in found:
        if STAND_IN in mention.parts[1]:
            continue  # beside a stand-in, the name the rules left is the one represented
        probs = probabilities(mention_sums(mention.parts, m["bias"], weights, partial), ROLES)
        for role in ROLES:
            if probs[role] >= threshold[role]:
                yield mention, role
