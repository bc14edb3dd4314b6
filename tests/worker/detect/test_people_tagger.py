"""bench/people_tagger.py: the learned span-and-role reader of round 21 (issue 9, not shipped).

Its training must be deterministic (the same reports and settings write the same model bytes),
and its labels must come from the text: each labelled name found by its tokens."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.support.dev_reports import ROOT
from worker.service.seeds import load_roster

ROSTER = load_roster()


def _tagger():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "bench"))
    import people_tagger

    return people_tagger


def test_training_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")  # the `train` extra
    pytest.importorskip("sklearn")
    pt = _tagger()
    reports = [
        r for r in pt.load_reports(ROSTER, "latin", {}) if r.style == "kremlin_en" and r.round == 5
    ]
    assert reports
    tables = pt.Tables(ROSTER)
    pt.train(reports, tables, tmp_path / "a")
    pt.train(reports, tables, tmp_path / "b")
    for suffix in (".crf", ".roles.json"):
        a, b = (tmp_path / "a").with_suffix(suffix), (tmp_path / "b").with_suffix(suffix)
        assert a.read_bytes() == b.read_bytes()
    # the reader trained on these reports reads most of their labelled people back
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str((tmp_path / "a").with_suffix(".crf")))
    roles = json.loads((tmp_path / "a").with_suffix(".roles.json").read_text(encoding="utf-8"))
    found = {key for r in reports for key in pt.read(r, tables, tagger, roles, ROSTER)}
    labelled = {key for r in reports for key, _ in r.want}
    assert len(found & labelled) >= 0.8 * len(labelled)


def test_labels_are_found_by_their_tokens() -> None:
    pt = _tagger()
    text = "Vladimir Putin met Xi Jinping. 习近平会见普京。Putin spoke."
    tokens = pt.tokenize(text)
    found = pt.align(["Vladimir Putin", "Putin", "习近平"], tokens)
    names = [(text[tokens[a].start : tokens[b - 1].end], n) for a, b, n in found]
    # the longest name first: "Putin" is not found inside "Vladimir Putin"
    assert names == [("Vladimir Putin", "Vladimir Putin"), ("习近平", "习近平"), ("Putin", "Putin")]
    # characters for Chinese, words for Latin scripts, sentences at 。 and a full stop
    assert [t.text for t in tokens][5:9] == [".", "习", "近", "平"]
    assert len(pt.sentences(text, tokens)) == 3


def _lists():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "bench"))
    import people_tagger_lists

    return people_tagger_lists


def _report(text: str, earlier: list[tuple[str, str]], lang: str = "en"):  # type: ignore[no-untyped-def]
    pt = _tagger()
    rep = pt.Report("r", "test", 34, lang, text, set(), {}, earlier)
    rep.tokens = pt.tokenize(text)
    rep.sents = pt.sentences(text, rep.tokens)
    return rep


def _mention(rep, name: str, conf: float, role: str):  # type: ignore[no-untyped-def]
    pt, ls = _tagger(), _lists()
    from bench_people import name_key

    ((a, b, _),) = pt.align([name], rep.tokens)
    probs = dict.fromkeys(pt.ROLES, 0.1) | {role: 0.8}
    return ls.Mention(name_key(name, ROSTER), name, a, b, conf, probs)


def test_new_names_are_taken_from_the_rules_lists() -> None:
    ls = _lists()
    rep = _report(
        "The talks were attended by Vladimir Putin, Sergei Lavrov and Anton Vaino. Later, "
        "Foreign Minister Ivan Petrov spoke.",
        [("Vladimir Putin", "attended"), ("Anton Vaino", "attended")],
    )
    lavrov = _mention(rep, "Sergei Lavrov", 0.9, "spoke")
    petrov = _mention(rep, "Ivan Petrov", 0.99, "spoke")
    ms = [lavrov, petrov]
    # in the rules' list, with its role; the name in another sentence is not taken
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(), 0.5) == {(lavrov.key, "attended")}
    # the reader's own role instead; under the span threshold nothing
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(reader=0.0), 0.5) == {(lavrov.key, "spoke")}
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(), 0.95) == set()
    # the sentence holds an "attended" cue; two rules' names in the list
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(cue=True, min_rules=2), 0.5) == {
        (lavrov.key, "attended")
    }
    # the rules named nobody: nothing
    none = _report(rep.text, [])
    assert ls.list_gated(none, ms, ROSTER, ls.Gate(reader=0.0), 0.0) == set()


def test_list_links_allow_a_title_only_with_a_gap() -> None:
    ls = _lists()
    rep = _report(
        "Attending were Vladimir Putin and Foreign Minister Sergei Lavrov.",
        [("Vladimir Putin", "attended")],
    )
    ms = [_mention(rep, "Sergei Lavrov", 0.9, "attended")]
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(), 0.5) == set()
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(gap=4), 0.5) == {(ms[0].key, "attended")}
    # adjacent: its neighbour is a rules' name
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(gap=4, adjacent=True), 0.5)
    # no cue word, no sentence end and no word "and" inside a name between two names
    assert not ls.links(" said ", 4)
    assert not ls.links(", who attended with ", 4)
    assert not ls.links("Anderson", 4)
    assert ls.links(",\n- ", 0)


def test_chinese_lists_join_at_the_enumeration_comma() -> None:
    ls = _lists()
    rep = _report(
        "会议由张三主持，李四、王五、赵六出席。", [("李四", "attended"), ("赵六", "attended")], "zh"
    )
    ms = [_mention(rep, "王五", 0.9, "attended"), _mention(rep, "张三", 0.9, "presided")]
    # 张三 is joined to 李四 only over the cue word 主持: not a list
    assert ls.list_gated(rep, ms, ROSTER, ls.Gate(gap=16), 0.5) == {(ms[0].key, "attended")}
    # the learned gate's candidates: both new names, one feature row each
    rows = ls.candidates(rep, ms, ROSTER)
    assert sorted(p for p, _ in rows) == sorted([(ms[0].key, "attended"), (ms[1].key, "presided")])
    assert len({len(x) for _, x in rows}) == 1
