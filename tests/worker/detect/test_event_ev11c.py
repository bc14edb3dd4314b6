"""Mechanisms read from the missed pairs of all dev in round 11 (branch issue-ev11c): the classes
ev11b measured and left. Each title or excerpt is of a report of bench/data/events/ (its id in
a comment; source in bench/data/events/PROVENANCE.md under it)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import _han_crafts, announces, nouns_agree, report_features, score
from worker.detect.held_occasions import held_occasions
from worker.service.seeds import load_roster

ROSTER = load_roster()


def test_a_bodys_admission_of_members_is_its_decision() -> None:
    # brics-2023-expansion-yahoo-telegraph, brics-2023-expansion-zonebourse,
    # brics-2023-expansion-dailymaverick, brics-2023-expansion-stfrancis (dev_round15)
    assert "admission:brics" in held_occasions("Saudi Arabia and Iran to join Brics")
    assert "admission:brics" in held_occasions(
        "Les BRICS invitent six nouveaux pays, dont l'Iran et l'Arabie Saoudite"
    )
    assert "admission:brics" in held_occasions(
        "BRICS expansion welcomes Argentina, Saudi Arabia, Iran, Egypt, Ethiopia and UAE into "
        "the network"
    )
    assert "admission:brics" in held_occasions(
        "Argentina, Egypt, Ethiopia, Iran, Saudi Arabia and UAE to become full members of BRICS"
    )
    # eu-summit-ukraine-talks-dw-live, eu-summit-ukraine-talks-dunya (dev_round15)
    assert "admission:eu" in held_occasions("EU approves Ukraine and Moldova accession talks")
    assert "admission:eu" in held_occasions(
        "EU summit decides to launch membership talks with Ukraine"
    )


def test_a_leader_backing_expansion_at_the_summit_is_no_decision() -> None:
    # brics-2023-livemint (dev_round5: the summit's opening plenary of 23 August, labelled apart
    # from the decision announced the next morning): the topic is no admission
    assert "admission:brics" not in held_occasions(
        "PM Modi backs BRICS expansion, calls for consensus-based move"
    )
    # (joining the summit is attending it: "Modi to join BRICS summit")
    assert "admission:brics" not in held_occasions("Modi to join BRICS summit in Johannesburg")


def test_the_bodys_ministers_deciding_are_not_its_summit() -> None:
    # brics-2023-expansion-zonebourse's title with the body's ministers as the subject (no dev
    # report of a ministers' meeting says an admission; the guard the brief asks for)
    assert "admission:brics" not in held_occasions(
        "Les ministres des BRICS invitent six nouveaux pays, dont l'Iran et l'Arabie Saoudite"
    )
    assert "admission:eu" not in held_occasions(
        "EU foreign ministers approve Ukraine and Moldova accession talks"
    )


def test_a_bodys_decision_to_open_talks_announces_nothing() -> None:
    # eu-summit-ukraine-talks-thejournal (dev_round15): the decision is the news
    assert not announces("EU agrees to open membership talks with Ukraine")
    # (the infinitive of a plan still announces: "Putin plans to meet ...", "X to visit")
    assert announces("Modi to visit Ukraine next week")


def test_the_eu_decision_told_two_ways_is_one_occasion() -> None:
    # eu-summit-ukraine-talks-dunya (Dunya News, Reuters) and eu-summit-ukraine-talks-dw-live
    # (Deutsche Welle): no one in common, no wording in common, only the body and its decision
    dunya = report_features(
        "EU summit decides to launch membership talks with Ukraine",
        "EU summit decides to launch membership talks with Ukraine\n\nBRUSSELS (Reuters) - "
        "European Union leaders unexpectedly agreed on Thursday to open membership talks with "
        "Ukraine, something Hungarian Prime Minister Viktor Orban for weeks had vowed to block.",
        date(2023, 12, 14),
        ROSTER,
    )
    dw = report_features(
        "EU approves Ukraine and Moldova accession talks",
        "EU approves Ukraine and Moldova accession talks\nWhat you need to know\n- EU leaders "
        "are meeting for the last European Union summit of the year\n- The Council agreed to "
        "open membership talks with Ukraine and Moldova, despite Hungary's earlier veto threat",
        date(2023, 12, 14),
        ROSTER,
    )
    assert score(dunya, dw).score >= 0.6


def test_a_numbered_han_craft_is_its_name_in_letters() -> None:
    # change6-landing-taogongwei (央视新闻 via taogongwei.com, dev_round12; the page gives no
    # title) and change6-landing-tass (TASS): "嫦娥六号" is Chang'e 6
    zh = report_features(
        "",
        "今天6时23分,嫦娥六号着陆器和上升器组合体在鹊桥二号中继星支持下,成功着陆在月球背面南极-艾特肯盆地"
        "预选着陆区。详情\n国家航天局发布嫦娥六号月背着陆影像。",
        date(2024, 6, 2),
        ROSTER,
    )
    en = report_features(
        "",
        "BEIJING, June 2. /TASS/. The Chang’e 6 spacecraft landing module has successfully "
        "reached the predetermined South Pole - Aitken area on the reverse side of the Moon.",
        date(2024, 6, 2),
        ROSTER,
    )
    assert "chang'e" in zh.nouns
    assert nouns_agree(zh, en)
    assert score(zh, en).score >= 0.6
    # shenzhou17-shedunews (上海发布, dev_round15)
    assert _han_crafts("神舟十七号载人飞船发射取得圆满成功!快来看这些精彩瞬间!") == ("shenzhou",)


def test_a_date_or_an_ordinal_before_hao_is_no_craft() -> None:
    # (the colloquial day of the month, "本月6号", and an order's number, "第1号")
    assert _han_crafts("会议将于本月6号举行") == ()
    assert _han_crafts("国务院令第1号") == ()


def test_a_chinese_date_counted_from_is_recalled() -> None:
    # ly-speaker-2024-rfi-zh (RFI 中文, dev_round6): "after the election of 13 January, the new
    # legislators took office today": the speaker's election of 1 February, as CNA dates it
    rfi = report_features(
        "台湾新国会议员就职 国民党韩国瑜当选立院院长",
        "01/02/2024 - 11:02\n\n台湾1月13日完成选举后,新任立法委员今天就职,113名新科立委经过两轮投票,由国民党推举的"
        "韩国瑜和江启臣双双当选院长、副院长,也正式确立,民进党总统当选人赖清德5月就任后,将面临在野掌握国会、"
        "及担任议长的局面。",
        date(2024, 2, 1),
        ROSTER,
    )
    assert rfi.occasion == "02-01"
    # ly-speaker-2024-focustaiwan (Focus Taiwan, CNA)
    cna = report_features(
        "KMT's Han Kuo-yu elected legislative speaker in runoff vote",
        "Taipei, Feb. 1 (CNA) The Kuomintang's (KMT) Han Kuo-yu (韓國瑜) was elected speaker of "
        "Taiwan's 11th Legislature in a runoff vote on Thursday, triggered after Taiwan People's "
        "Party (TPP) lawmakers voted for their own candidate Huang Shan-shan (黃珊珊) in the first "
        "round.",
        date(2024, 2, 1),
        ROSTER,
    )
    assert score(rfi, cna).score >= 0.6
    # (a date the clause does not count from is the occasion's: udn's report of the plenum,
    # cpc-4th-plenum-closes-udn-zh, dev_round6, its second paragraph)
    udn = report_features(
        "中共20屆四中全會閉幕 通過十五五規畫建議",
        "根據會議公報，中共二十屆中央委員會第四次全體會議（四中全會），於10月20日至23日在北京舉行，出席本會的有"
        "中央委員168人，候補中央委員147人。",
        date(2025, 10, 23),
        ROSTER,
    )
    assert udn.occasion == "10-20"
