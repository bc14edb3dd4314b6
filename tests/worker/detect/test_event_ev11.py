"""Mechanisms read from the misses of dev_round15 (round 10's held-out events split, moved to dev)
in round 11 (branch issue-ev11). Each title or excerpt is of a report of bench/data/events/ (its id
in a comment; source in bench/data/events/PROVENANCE.md under it); the pairs are in
tests/data/events/ev11_cases.toml."""

from __future__ import annotations

from datetime import date

from worker.detect.events import previews, report_features
from worker.detect.outcomes import says_outcome
from worker.service.seeds import load_roster

ROSTER = load_roster()


def test_a_pages_stamp_in_chinese_is_no_lead_and_dates_nothing() -> None:
    # golden-horse-60-linetoday-hk (LINE TODAY 香港), published 25 November 2023: the stamp's
    # update, "更新於 2023年11月26日04:28", had dated the awards night to the 26th
    text = (
        "娛樂\n\n【第60屆金馬獎】吳慷仁首奪影帝、林品彤封最年輕影后!香港電影共奪4大獎\n\n"
        "娛樂 on LINE\n更新於 2023年11月26日04:28 • 發布於 2023年11月25日17:08 • 二弟\n\n"
        "第60屆金馬獎頒獎典禮圓滿結束,最終由導演夫妻檔黃驥與大塚龍治所執導的中國電影《石門》"
        "爆冷奪得最佳劇情長片,金馬影帝影后同樣是首次得獎,分別是《富都青年》吳慷仁及《小曉》"
        "林品彤,其中後者更以12歲之齡成為史上最年輕得獎者。\n"
    )
    f = report_features(
        "【第60屆金馬獎】吳慷仁首奪影帝、林品彤封最年輕影后!香港電影共奪4大獎",
        text,
        date(2023, 11, 25),
        ROSTER,
    )
    assert f.occasion is None
    assert "頒獎典禮" in text and f.kinds == ("ceremony",)


def test_an_outcome_said_first_is_no_preview_of_what_it_makes_someone() -> None:
    # ldp-election-2024-devdiscourse (Devdiscourse), ldp-election-2025-yomiuri (The Japan News)
    assert not previews(
        "Shigeru Ishiba Wins LDP Leadership Race, Set to Become Japan's Prime Minister", ""
    )
    assert not previews(
        "Sanae Takaichi Elected Japan LDP President, Poised to Be Japan’s First Female Prime "
        "Minister",
        "",
    )
    # (the name of a contest is no outcome held: a preview still; nor is a Chinese noun,
    # none_zh-019 of the people pool: "國民黨主席選舉進入倒數階段,將于本月18日投票")
    assert previews("LDP election: Takaichi set to become Japan's first female leader", "")
    assert not says_outcome("國民黨主席選舉進入倒數階段,")
    assert previews("國民黨主席選舉進入倒數階段,將于本月18日投票。", "")
