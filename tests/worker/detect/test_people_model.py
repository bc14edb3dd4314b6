"""The learned second opinion on roles (worker/detect/people_model.py): shipped, loaded, and
adding what the rules alone miss in real excerpts (bench/data/people/dev, by provenance id).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.dev_reports import DEV, ROOT, dev_report, role_pairs
from worker.detect import people_model
from worker.detect.people import extract_people, read_people
from worker.service.seeds import load_roster

MODEL = ROOT / "worker" / "detect" / "people_model.json"
ROSTER = load_roster()


@pytest.mark.parametrize(
    ("file", "report_id", "added"),
    [
        # (kremlin_en-t203, a list cut by a title's dash, was here until round 7: the rules
        # read a dash between title words now, "Aide to the President – Head of ...")
        # (agency_en-t306, "Putin walked together with X and Y to the Alexander Garden", was
        # here until the model was trained again in round 7: it no longer adds Shoigu)
        ("kremlin_en.round3.toml", "kremlin_en-r319", {("Mikhail Mishustin", "spoke")}),
        # a German list of speakers the rules read no role for
        (
            "de.round3.toml",
            "de-r305",
            {
                ("Bruno Schnell", "spoke"),
                ("Günther Beckstein", "spoke"),
                ("Rita Süssmuth", "spoke"),
            },
        ),
    ],
)
def test_model_adds_roles_the_rules_miss(file: str, report_id: str, added: set[Any]) -> None:
    report = dev_report(file, report_id)
    rules = role_pairs(read_people(report["text"], ROSTER, language=report["language"]).people)
    both = role_pairs(extract_people(report["text"], ROSTER, language=report["language"]))
    labelled = {(p["name"], p["role"]) for p in report["people"]}
    assert not added & rules
    assert added <= both - rules
    assert added <= labelled  # right by LABELLING.md


def test_model_keeps_the_rules_people_in_text_order() -> None:
    # a machine translation: the model adds the ten old cadres its last sentence says were
    # present ("Some old cadres were present, including A, B ..."), after the rules' people
    # (until round 7's retraining this was a German minutes excerpt, de-t209, whose board
    # members the model no longer adds)
    report = dev_report("mt_en.round8.toml", "mt_en-t509")
    rules = read_people(report["text"], ROSTER, language="en").people
    both = extract_people(report["text"], ROSTER, language="en")
    assert [p for p in both if p in rules] == list(rules)  # nothing dropped nor moved
    assert {"Mei Chubo", "Huang Jiaxi", "Bai Zunxian"} <= {p.name for p in both} - {
        p.name for p in rules
    }
    names = [p.name for p in both]
    labelled = [p["name"] for p in report["people"]]  # in the order the text names them
    assert names == [n for n in labelled if n in names]


def test_model_is_deterministic_and_small() -> None:
    report = dev_report("agency_en.round6.toml", "agency_en-t306")
    runs = {extract_people(report["text"], ROSTER, language="en") for _ in range(3)}
    assert len(runs) == 1
    assert MODEL.stat().st_size + MODEL.with_suffix(".weights").stat().st_size < 1_000_000


def test_shipped_model_names_its_training_files() -> None:
    trained = json.loads(MODEL.read_text(encoding="utf-8"))["trained_on"]
    assert trained["files"] and all((DEV / name).is_file() for name in trained["files"])
    assert "--hold" in trained["command"]  # how to train it again


def test_scores_are_a_sparse_dot_product() -> None:
    model = {"bias": [0.0, -1.0, 0.0, 0.0], "weights": {"b1=by": [2.0, 0.0, 0.0, 0.0]}}
    probs = people_model.scores(["b1=by", "b1=by", "unknown"], model)
    assert probs["attended"] == pytest.approx(1 / (1 + 2.718281828459045**-2.0))
    assert probs["presided"] == pytest.approx(1 / (1 + 2.718281828459045))


def test_training_is_deterministic() -> None:
    pytest.importorskip("sklearn")  # the `train` extra
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import train_people_model as train

    examples = train.load_examples([DEV / "kremlin_en.round5.toml"], ROSTER)
    assert train.fit(examples, 0.1) == train.fit(examples, 0.1)


def test_cross_validation_reads_a_second_role_and_a_veto() -> None:
    # train_people_model --second / --veto: a second role for a person the rules named, and
    # a rules' role dropped when none of the person's mentions scores it (cross-validation
    # only; made-up probabilities, no report read)
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import train_people_model as train

    ex = train.Example(
        "x.toml", 1, {("a", "attended"), ("b", "attended")}, {("a", "attended"), ("a", "spoke")}
    )
    ex.keys = ["a", "b"]
    low = dict.fromkeys(train.ROLES, 0.01)
    probs = [[{**low, "attended": 0.9, "spoke": 0.8}, low]]
    off = dict.fromkeys(train.ROLES, 1.01)
    assert train.combined([ex], probs, off) == (1, 1, 1)
    assert train.combined([ex], probs, {**off, "2spoke": 0.75}) == (2, 1, 0)
    assert train.combined([ex], probs, {**off, "vattended": 0.05}) == (1, 0, 1)


def _packed(attended_bias: float, **thresholds: dict[str, float]) -> dict[str, Any]:
    """A model of no features whose `attended` probability is the bias's logistic."""
    from worker.detect.role_weights import decode_model, encode_model

    model = decode_model(*encode_model({"bias": [attended_bias, -9.0, -9.0, -9.0], "weights": {}}))
    model.update(thresholds)
    return model


def test_german_mentions_read_the_german_thresholds() -> None:
    # round 9: the German rules miss far more, so the model earns German mentions a role at a
    # lower probability (bench/train_people_model.py --per-language); English keeps its own
    model = _packed(
        1.0,
        add=dict.fromkeys(people_model.ROLES, 0.85),
        add_de=dict.fromkeys(people_model.ROLES, 0.625),
    )  # P(attended) = 0.73
    mention = people_model.Mention("Karl Maier", 0, "body", 1, (["lang=de"], [], []))
    assert list(people_model.confident([mention], model, "de")) == [(mention, "attended")]
    assert list(people_model.confident([mention], model, "en")) == []
    assert list(people_model.confident([mention], _packed(1.0, add=model["add"]), "de")) == []


def test_a_name_beside_a_stand_in_is_not_added() -> None:
    # "hatte Thorsten Frei Merz vertreten": the rules read who stands in; the name they left
    # is the one represented, absent (tests/data/people/cases.toml, de-stand-in-...)
    model = _packed(5.0, add=dict.fromkeys(people_model.ROLES, 0.5))
    beside = people_model.Mention("Friedrich Merz", 0, "body", 1, ([], ["stand-in"], []))
    alone = people_model.Mention("Friedrich Merz", 0, "body", 1, ([], [], []))
    assert list(people_model.confident([beside], model, "de")) == []
    assert list(people_model.confident([alone], model, "de")) == [(alone, "attended")]
    text = "Staatsminister Thorsten Frei hat beim Treffen in Paris Bundeskanzler Merz vertreten."
    reading = read_people(text, ROSTER, language="de")
    found = list(people_model.mentions(reading.sentences, reading.ctx, "de"))
    assert any("stand-in" in m.parts[1] for m in found)


def test_recent_rounds_are_scored_with_each_reports_thresholds() -> None:
    # bench/people_model_recent.py (round 13): the rounds closest to fresh reports scored over
    # the earlier rules, each report with its language's thresholds (made-up probabilities)
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import people_model_recent as recent
    import train_people_model as train

    def example(lang: str) -> Any:
        ex = train.Example("x.round20.toml", 20, set(), {("a", "attended")}, earlier=set())
        ex.keys, ex.lang = ["a"], lang
        return ex

    low = dict.fromkeys(train.ROLES, 0.01)
    probs = [[{**low, "attended": 0.7}], [{**low, "attended": 0.7}]]
    own = {"en": dict.fromkeys(train.ROLES, 0.9), "de": dict.fromkeys(train.ROLES, 0.6)}
    examples = [example("en"), example("de")]
    counts = recent._score(examples, probs, lambda ex: own[ex.lang], train.earlier_rules)
    assert counts == (1, 0, 1)  # the German mention reaches its threshold, the English not


def test_recent_rounds_folds_are_cached_and_read_back(tmp_path: Any, monkeypatch: Any) -> None:
    # bench/people_model_recent.py --cache (round 18): each held round's probabilities are the
    # trainers' leave-one-round-out fold, saved once and read back without fitting again
    pytest.importorskip("sklearn")  # the `train` extra
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import people_model_recent as recent
    import train_people_model as train

    files = [DEV / "kremlin_en.round5.toml", DEV / "kremlin_en.round6.toml"]
    examples = train.load_examples(files, ROSTER)
    assert {ex.round for ex in examples} == {5, 6}
    fresh = train.cross_validate(examples, 0.1, 2)
    assert recent.cached_folds(examples, "latin", 0.1, 2, tmp_path) == fresh
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "latin-c0.1-m2-r5.json",
        "latin-c0.1-m2-r6.json",
    ]

    def no_fit(*_: Any) -> Any:
        raise AssertionError("a cached fold was fitted again")

    monkeypatch.setattr(train, "fit", no_fit)
    assert recent.cached_folds(examples, "latin", 0.1, 2, tmp_path) == fresh


def test_held_back_rounds_meet_no_fit(tmp_path: Any) -> None:
    # bench/people_model_recent.py --upto (round 20): a retrain judged on rounds it never saw;
    # every fold is fitted on the rounds up to `upto` alone, and the rounds after it are scored
    # by the one model fitted on all of those
    pytest.importorskip("sklearn")  # the `train` extra
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    import people_model_recent as recent
    import train_people_model as train

    from worker.detect import role_weights

    files = [DEV / f"kremlin_en.round{n}.toml" for n in (5, 6, 7)]
    examples = train.load_examples(files, ROSTER)
    probs = recent.cached_folds(examples, "latin", 0.1, 2, tmp_path, upto=6)

    def scored(rounds: set[int], held: int) -> list[Any]:
        model = train.fit([ex for ex in examples if ex.round in rounds], 0.1, 2)
        model["add"] = dict.fromkeys(train.ROLES, 1.0)
        packed = role_weights.decode_model(*role_weights.encode_model(model))
        return [
            [people_model.scores(fs, packed) for fs in ex.features]
            for ex in examples
            if ex.round == held
        ]

    by_round = {
        n: [p for p, ex in zip(probs, examples, strict=True) if ex.round == n] for n in (5, 6, 7)
    }
    assert by_round[5] == scored({6}, 5)  # round 7 is in no fold's fit
    assert by_round[7] == scored({5, 6}, 7)
    assert (tmp_path / "latin-c0.1-m2-u6-r7.json").is_file()
