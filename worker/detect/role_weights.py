"""The weights of the learned second opinions on people's roles (people_model, people_model_zh):
one logistic regression per role, scored as a sparse dot product over feature strings.

Written by hand, not numpy or scikit-learn: a report has a few hundred features against tens
of thousands of weights, which a dict lookup and four additions per feature score in
microseconds, while importing numpy alone costs more than reading a report. Both models score
with this module, so they add the same floats in the same order.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from collections.abc import Sequence
from typing import Any, NamedTuple, TypeVar

from worker.detect.model import Role

__all__ = [
    "ROLES",
    "Packed",
    "add_weights",
    "decode_model",
    "encode_model",
    "mention_sums",
    "packed",
    "probabilities",
]

# The roles both models score, in the order of each feature's weights
ROLES: tuple[Role, ...] = ("attended", "presided", "spoke", "present")
ROLE_COUNT = len(ROLES)
R = TypeVar("R", bound=str)


def encode_model(model: dict[str, Any]) -> tuple[str, bytes]:
    """The model as its two files: JSON without the weights, but with the features in order,
    and their weights as little-endian doubles, one per role (`ROLES`) for each feature. Parsing 67,540 numbers of
    JSON was most of the model's first use (the same floats, without a parse).

    >>> text, data = encode_model({"bias": [0.0] * 4, "weights": {"b1=by": [1.5, 0, 0, -2]}})
    >>> decode_model(text, data)["packed"]
    Packed(at={'b1=by': 0}, flat=array('d', [1.5, 0.0, 0.0, -2.0]))
    """
    weights: dict[str, list[float]] = model["weights"]
    rest = {k: v for k, v in model.items() if k != "weights"}
    rest["features"] = sorted(weights)
    flat = array("d", [float(x) for f in rest["features"] for x in weights[f]])
    if sys.byteorder == "big":
        flat.byteswap()
    return json.dumps(rest, ensure_ascii=False, sort_keys=True) + "\n", flat.tobytes()


def decode_model(text: str, data: bytes) -> dict[str, Any]:
    """The model `encode_model` wrote, its weights packed (`Packed`)."""
    model: dict[str, Any] = json.loads(text)
    features: list[str] = model.pop("features")
    flat = array("d")
    flat.frombytes(data)
    if sys.byteorder == "big":
        flat.byteswap()
    if len(flat) != ROLE_COUNT * len(features):
        raise ValueError(f"{len(flat)} weights for {len(features)} features")
    model["packed"] = Packed(
        dict(zip(features, range(0, len(flat), ROLE_COUNT), strict=True)), flat
    )
    return model


class Packed(NamedTuple):
    """The weights as one array of doubles, a feature's four from `at[feature]` on: no object
    per weight to build when the model is read (a dict of 16,885 lists took 10 ms of a fresh
    process), nor to fetch from memory when a report is scored (its list and four floats)."""

    at: dict[str, int]
    flat: array[float]


def packed(model: dict[str, Any]) -> Packed:
    """The model's weights packed: as `decode_model` read them, or packed now from a model's
    dict of lists (a model fitted in memory, or a JSON of weights)."""
    if "packed" in model:
        known: Packed = model["packed"]
        return known
    weights: dict[str, list[float]] = model["weights"]  # a model given as a dict (tests)
    flat = array("d", [float(x) for w in weights.values() for x in w])
    return Packed(dict(zip(weights, range(0, len(flat), ROLE_COUNT), strict=True)), flat)


# Each model's weights by feature as tuples of four floats, filled as features are met: a
# feature's four array reads and four new floats were a quarter of `add_weights`, and a report's
# features are mostly those of the reports before it. Keyed by the id of the model's `at`,
# which the entry holds, so the id stays its own; a feature no model knows is kept as None.
_Seen = dict[str, tuple[float, ...] | None]
_SEEN: dict[int, tuple[dict[str, int], _Seen]] = {}
_UNSEEN: tuple[float, ...] = (math.nan,)  # what `get` answers for a feature not met yet
_SEEN_MODELS = 8  # models at once (two in a service; tests build small ones)
_SEEN_FEATURES = 1 << 15  # features a model keeps before its dict is emptied (a few MB)


def _seen(weights: Packed) -> _Seen:
    entry = _SEEN.get(id(weights.at))
    if entry is None or entry[0] is not weights.at:
        if len(_SEEN) >= _SEEN_MODELS:
            _SEEN.clear()
        entry = _SEEN[id(weights.at)] = (weights.at, {})
    elif len(entry[1]) > _SEEN_FEATURES:
        entry[1].clear()
    return entry[1]


def add_weights(features: Sequence[str], weights: Packed, totals: list[float]) -> None:
    # The four roles' sums unrolled into locals: the inner loop over roles was half of the
    # model's cost (same additions in the same order, so the same floats).
    a, b, c, d = totals
    seen = _seen(weights)
    get = seen.get
    at = weights.at.get
    flat = weights.flat
    unseen = _UNSEEN
    for f in features:
        w = get(f, unseen)
        if w is unseen:
            i = at(f)
            w = seen[f] = None if i is None else (flat[i], flat[i + 1], flat[i + 2], flat[i + 3])
        if w is not None:
            a += w[0]
            b += w[1]
            c += w[2]
            d += w[3]
    totals[:] = (a, b, c, d)


def probabilities(totals: Sequence[float], roles: Sequence[R]) -> dict[R, float]:
    """Each role's probability from its sum (the logistic function)."""
    return {role: 1.0 / (1.0 + math.exp(-t)) for role, t in zip(roles, totals, strict=True)}


def mention_sums(
    parts: Sequence[list[str]],
    bias: Sequence[float],
    weights: Packed,
    shared: dict[int, list[float]],
) -> list[float]:
    """Each role's sum for one mention whose features come in parts: all but the last are
    shared by several mentions (a sentence's, a list's) and summed once each, kept in `shared`
    by the part's identity (the caller keeps the parts alive while `shared` lives); the last is
    the mention's own."""
    *common, own = parts
    totals = list(bias)
    for part in common:
        known = shared.get(id(part))
        if known is None:
            known = shared[id(part)] = [0.0] * len(totals)
            add_weights(part, weights, known)
        totals = [a + b for a, b in zip(totals, known, strict=True)]
    add_weights(own, weights, totals)
    return totals
