"""Round 17 (branch issue-evnames17): reports tied by the body, product or happening they name,
across scripts and languages (worker/detect/entities.py). Reports of OPEC's output cut or of a
Starship flight name nobody the roster knows and, in two languages, share no word: "OPEC" and
"歐佩克" (石油輸出國組織), "Starship" and "スターシップ". Each pair was never compared before
this round (no index key in common) and is tied now, by one key indexed and one day. The
excerpts are real (bench/data/events/dev_round21.toml, dev_round12.toml; ids in the comments)."""

from __future__ import annotations

from datetime import date

import pytest

from worker.detect.entities import bodies_named
from worker.detect.events import GroupingOptions, report_features, score
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e16-opec-2016-11-en-dailysabah (Daily Sabah (AFP), 30 November 2016; dev_round21)
SABAH_TITLE = "OPEC reaches deal to cut output by 1.2 million barrels, a first since 2008"
SABAH = (
    "The OPEC oil cartel defied expectations Wednesday and nailed down its first joint output "
    "cut since 2008 after tough talks in Vienna, sending oil prices soaring."
)
# e16-opec-2016-11-zh-cri (國際在線 (新華社), 1 December 2016; dev_round21)
CRI_TITLE = "歐佩克8年來首次決定減産"
CRI = (
    "新華社維也納11月30日電(記者王騰飛劉向)石油輸出國組織(歐佩克)11月30日在維也納會議上決定將"
    "原油日産量減少120萬桶。這是該組織2008年以來首次決定減産。"
)
# starship-flight5-kyma (KYMA (AP), 13 October 2024; dev_round12)
KYMA_TITLE = (
    "SpaceX launches its mega Starship rocket. This time, mechanical arms catches it at landing"
)
KYMA = (
    "SpaceX has launched its enormous Starship rocket on its boldest test flight yet, catching "
    "it with mechanical arms back at the pad. This fifth try involved grabbing the returning "
    "booster at the Texas pad."
)
# starship-flight5-binance-ja (Binance Square (PANews), 13 October 2024; dev_round12)
BINANCE = (
    "PANewsは10月13日、5回目のスターシップ試験飛行中に、スペースXが発射塔の「箸」機械アームを使用"
    "して第1段の超重量ロケットをクランプし、重要な目標を達成したと報じた。"
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (SABAH_TITLE, "opec"),
        (CRI_TITLE, "opec"),
        (CRI, "opec"),
        (KYMA_TITLE, "starship"),
        (BINANCE, "starship"),
        (BINANCE, "spacex"),
    ],
)
def test_a_body_is_one_key_in_every_script(text: str, key: str) -> None:
    assert key in bodies_named(text)


def test_an_acronym_in_a_title_in_capitals_is_no_body() -> None:
    assert bodies_named("WHO WON THE NIGHT IN PARIS? THE WINNERS") == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            (SABAH_TITLE, SABAH, date(2016, 11, 30), "en"),
            (CRI_TITLE, CRI, date(2016, 12, 1), "zh"),
        ),
        (
            (KYMA_TITLE, KYMA, date(2024, 10, 13), "en"),
            ("", BINANCE, date(2024, 10, 13), "ja"),
        ),
    ],
)
def test_one_body_named_in_two_languages_ties_one_day(
    first: tuple[str, str, date, str], second: tuple[str, str, date, str]
) -> None:
    a = report_features(first[0], first[1], first[2], ROSTER, language=first[3])
    b = report_features(second[0], second[1], second[2], ROSTER, language=second[3])
    assert set(a.bodies) & set(b.bodies)
    assert {k for k in a.index_keys() if k.startswith("b:")} & b.index_keys()
    assert score(b, a, OPTS).score >= OPTS.join


def test_one_body_a_year_later_is_another_occasion() -> None:
    a = report_features(SABAH_TITLE, SABAH, date(2016, 11, 30), ROSTER, language="en")
    b = report_features(CRI_TITLE, CRI, date(2017, 12, 1), ROSTER, language="zh")
    assert score(b, a, OPTS).score < OPTS.join
