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


def test_reading_scores_are_those_of_the_training_features() -> None:
    """The reader sums its CRF scores without listing each token's features
    (`sentence_scores`, round 22, issue-reader22b): the same scores, to rounding, as the
    features training lists (`sentence_features`), and the same names tagged, on the real dev
    excerpts of tests/data/people/gate22_cases.toml in both scripts, with and without the
    rules' people."""
    import tomllib
    from pathlib import Path

    from worker.detect.people import extract_people
    from worker.detect.roster import unannotated
    from worker.service.seeds import load_roster

    cases = Path(__file__).resolve().parents[2] / "data" / "people" / "gate22_cases.toml"
    roster = load_roster()
    tables = pr._tables(roster)
    model = pr._model()
    for case in tomllib.loads(cases.read_text("utf-8"))["extract"]:
        text, lang = unannotated(case["text"]), case["language"]
        crf = model["scripts"]["zh" if lang == "zh" else "latin"]["crf_model"]
        ruled = [(p.name, p.role) for p in extract_people(text, roster, language=lang)]
        for rules in ([], ruled):
            tokens = pr.tokenize(text)
            sents = pr.sentences(text, tokens)
            listed = pr.sentence_features(text, lang, tokens, sents, rules, tables)
            summed = pr.sentence_scores(text, lang, tokens, sents, rules, tables, crf)
            assert len(listed) == len(summed) > 1
            for s, (t, scores) in zip(listed, summed, strict=True):
                assert (s.idx, s.cues, s.words, s.rules) == (t.idx, t.cues, t.words, t.rules)
                for a, b in zip(crf.scores(s.feats), scores, strict=True):
                    assert all(math.isclose(x, y, abs_tol=1e-9) for x, y in zip(a, b, strict=True))
                spans = list(pr.tagged_spans(crf, s))
                fast = list(pr.tagged_spans(crf, t, scores))
                assert [(a, b) for a, b, _ in spans] == [(a, b) for a, b, _ in fast]
                for (_, _, c), (_, _, d) in zip(spans, fast, strict=True):
                    assert math.isclose(c, d, abs_tol=1e-9)


def _cases() -> list[dict[str, object]]:
    import tomllib
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "data" / "people"
    out: list[dict[str, object]] = []
    for name in ("gate22_cases.toml", "reader23_cases.toml"):
        out += tomllib.loads((data / name).read_text("utf-8"))["extract"]
    return out


def test_copies_of_one_text_get_the_same_extra_people() -> None:
    """Round 23 (issue-reader23): the sentence gate reads, for each name, only the sentence it
    stands in (and the language, and how many people the rules named), so two copies of one
    report that differ in a headline, page-noise lines, paragraphs joined or split, or
    whitespace get the same extra people from the reader: the comparison of two copies can
    call no one added or removed for them. Real dev excerpts (gate22_cases.toml,
    reader23_cases.toml), each against five such copies (bench/people_reader_copies.py's)."""
    import sys
    from pathlib import Path

    from worker.detect.people import extract_people
    from worker.service.seeds import load_roster

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
    try:
        from people_reader_copies import VARIANTS
    finally:
        sys.path.pop(0)
    roster = load_roster()

    def extra(text: str, lang: str) -> set[tuple[str, str]]:
        rules = {
            (p.key.casefold(), p.role)
            for p in extract_people(text, roster, language=lang, reader=False)
        }
        both = {
            (p.key.casefold(), p.role)
            for p in extract_people(text, roster, language=lang, reader=True)
        }
        return both - rules

    for case in _cases():
        text, lang = str(case["text"]), str(case["language"])
        want = extra(text, lang)
        for name, variant in VARIANTS.items():
            if name == "joined" and lang != "zh" and "\n" in text.strip():
                # paragraphs run together: a headline line becomes part of the first sentence
                continue
            assert extra(variant(text, lang), lang) == want, (case["id"], name)


def test_a_sentence_gets_its_gate_features_from_itself() -> None:
    """The gate's rows of a sentence do not change when other sentences (a headline, a noise
    line, an unrelated paragraph full of cue words and names) stand around it."""
    from worker.detect.roster import Roster

    roster = Roster.empty()
    tables = pr._tables(roster)
    model = pr._model()
    part = model["scripts"]["latin"]
    core = "Prime Minister Ivan Petrov met Governor Anna Berg in Kazan on Monday."
    rows = []
    for text in (
        core,
        "Talks in Kazan\n" + core,
        "Share this article\n" + core + "\nAdvertisement\nThe summit chaired by Olaf Weber "
        "was attended by Li Ming and Sergei Orlov, who spoke at the ceremony.",
    ):
        tokens = pr.tokenize(text)
        sents = pr.sentences(text, tokens)
        read = pr.read_mentions(
            text, "en", tokens, sents, [], tables, part["crf_model"], part["roles"]
        )
        got = pr.gate_rows(text, "en", tokens, read, set(), tables)
        start = text.find(core)
        rows.append(
            {(k, r, c, tuple(f)) for k, r, _, at, c, f in got if start <= at < start + len(core)}
        )
    assert rows[0] and rows[0] == rows[1] == rows[2]
