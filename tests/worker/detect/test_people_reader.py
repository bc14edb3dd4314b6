"""The learned reader's Python CRF decoder and its shipped model (worker/detect/people_reader.py;
the gated cases on real dev excerpts are in tests/data/people/gate22_cases.toml)."""

from __future__ import annotations

import itertools
import math

from worker.detect import people_reader as pr


def _brute(crf: pr.Crf, feats: list[list[str]]) -> tuple[list[str], list[list[float]]]:
    """Every labelling scored: the best one and each position's label probabilities."""
    n = len(feats)
    unary = [[sum(crf.state.get(f, [0.0] * 3)[j] for f in fs) for j in range(3)] for fs in feats]
    scores = {}
    for path in itertools.product(range(3), repeat=n):
        s = sum(unary[t][path[t]] for t in range(n))
        s += sum(crf.trans[path[t - 1]][path[t]] for t in range(1, n))
        scores[path] = s
    z = sum(math.exp(s) for s in scores.values())
    marg = [[0.0] * 3 for _ in range(n)]
    for path, s in scores.items():
        for t, j in enumerate(path):
            marg[t][j] += math.exp(s) / z
    best = max(scores, key=lambda p: scores[p])
    return [pr.LABELS[j] for j in best], marg


def test_decoder_matches_every_labelling_scored() -> None:
    crf = pr.Crf(
        {"cap": [-1.0, 2.0, 0.5], "low": [1.5, -1.0, -0.5], "giv": [0.0, 1.0, -0.3]},
        [[0.4, 0.2, -3.0], [-0.5, -1.0, 2.0], [0.3, -0.8, 1.0]],
    )
    feats = [["low"], ["cap", "giv"], ["cap"], ["low"], ["cap"]]
    tags, marg = crf.tag(feats)
    want_tags, want_marg = _brute(crf, feats)
    assert tags == want_tags
    for got, want in zip(marg, want_marg, strict=True):
        assert all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(got, want, strict=True))


def test_shipped_model_reads() -> None:
    model = pr._model()
    assert model["trained"] == "dev rounds 1-39"
    assert 0.5 <= model["confidence"] <= 1.0 and 0.0 < model["gate_at"] < 1.0
    assert set(model["scripts"]) == {"latin", "zh"}
    tokens = pr.tokenize("Li Qiang attended.")
    assert [t.text for t in tokens] == ["Li", "Qiang", "attended", "."]
