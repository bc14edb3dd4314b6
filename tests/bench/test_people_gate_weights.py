"""bench/people_gate.py `crf_weights`: a trained crfsuite model's weights as the shipped model
holds them (rounded to 4 places), read by one function for `export` and for
bench/people_gate_sentence.py's decoder; the run-time decoder (people_reader.Crf) on them tags
as crfsuite's own tagger does."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from worker.detect import people_reader as pr

ROOT = Path(__file__).resolve().parents[2]

# a toy sequence labelling: a capitalised word after "minister" or "president" begins a name
TRAIN = [
    (["the", "minister", "Wang", "Yi", "spoke"], ["O", "O", "B", "I", "O"]),
    (["president", "Putin", "attended", "the", "talks"], ["O", "B", "O", "O", "O"]),
    (["the", "talks", "ended", "late"], ["O", "O", "O", "O"]),
    (["minister", "Annalena", "Baerbock", "came"], ["O", "B", "I", "O"]),
]


def _feats(words: list[str]) -> list[list[str]]:
    out = []
    for i, w in enumerate(words):
        prev = words[i - 1].lower() if i else "<s>"
        out.append([f"w={w.lower()}", f"w-1={prev}", f"cap={w[:1].isupper()}"])
    return out


def test_crf_weights_are_crfsuites_rounded_and_tag_as_it_does(tmp_path: Path) -> None:
    pycrfsuite = pytest.importorskip("pycrfsuite")  # the `train` extra
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))  # the bench tools import one another bare
    gate = importlib.import_module("people_gate")
    sentence_gate = importlib.import_module("people_gate_sentence")

    path = tmp_path / "toy"
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in TRAIN:
        trainer.append(_feats(words), labels)
    trainer.set_params({"c2": 0.01, "max_iterations": 50})
    trainer.train(str(path.with_suffix(".crf")))

    state, trans = gate.crf_weights(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path.with_suffix(".crf")))
    info = tagger.info()
    for (attr, label), w in info.state_features.items():
        assert state[attr][pr.LABELS.index(label)] == round(w, 4)
    for (a, b), w in info.transitions.items():
        assert trans[pr.LABELS.index(a)][pr.LABELS.index(b)] == round(w, 4)
    assert all(len(row) == 3 for row in [*state.values(), *trans])

    crf = sentence_gate._crf_of(path)  # the decoder people_gate_sentence reads with
    assert (crf.state, crf.trans) == (state, trans)
    for words in (["minister", "Wang", "Yi", "spoke"], ["the", "talks", "ended"]):
        labels, _ = crf.tag(_feats(words))
        assert labels == tagger.tag(_feats(words))
