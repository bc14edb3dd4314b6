"""Grouping reports into events and their discrepancies (pure): real report texts."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    GroupingOptions,
    Member,
    choose,
    discrepancies,
    report_features,
    score,
)
from worker.service.seeds import load_roster

ROSTER = load_roster()

EN_2023 = """Xi pays tribute to national heroes on Martyrs' Day

BEIJING, Sept. 30 (Xinhua) -- Xi Jinping and other leaders of the Communist Party of China (CPC) \
and the state attended a ceremony on Saturday morning in Tian'anmen Square in Beijing to present \
flower baskets to fallen national heroes.

The other leaders included Li Qiang, Zhao Leji, Wang Huning, Cai Qi, Ding Xuexiang, Li Xi and \
Han Zheng. They were joined by representatives from all walks of life at the ceremony."""

ZH_2023 = """烈士纪念日向人民英雄敬献花篮仪式在京隆重举行

（新闻联播）：烈士纪念日向人民英雄敬献花篮仪式30日上午在北京天安门广场隆重举行。\
党和国家领导人习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希、韩正等，同各界代表一起出席仪式。"""

EN_2024 = """Xi pays tribute to fallen heroes on Martyrs' Day

BEIJING, Sept. 30 (Xinhua) -- Chinese President Xi Jinping and other Party and state leaders on \
Monday attended a ceremony at Tian'anmen Square in central Beijing to present flower baskets to \
fallen heroes.

At around 10 a.m., Xi and other leaders -- Li Qiang, Zhao Leji, Wang Huning, Cai Qi, Ding \
Xuexiang, Li Xi and Han Zheng -- arrived at the square."""


def features(text: str, day: date):  # type: ignore[no-untyped-def]
    title = text.splitlines()[0]
    return report_features(title, text, day, ROSTER)


def test_english_and_chinese_reports_of_one_ceremony_match() -> None:
    en = features(EN_2023, date(2023, 10, 1))
    zh = features(ZH_2023, date(2023, 9, 30))
    assert score(en, zh).score >= GroupingOptions().join


def test_the_same_ceremony_a_year_later_is_another_event() -> None:
    zh = features(ZH_2023, date(2023, 9, 30))
    later = features(EN_2024, date(2024, 9, 30))
    assert score(zh, later).score == 0.0
    event, _ = choose(later, [("e2023", date(2023, 9, 30), zh)])
    assert event is None


def test_features_survive_the_store() -> None:
    zh = features(ZH_2023, date(2023, 9, 30))
    assert type(zh).from_json(zh.to_json()) == zh


def test_an_attendee_dropped_by_one_copy_is_a_discrepancy() -> None:
    full = "Beijing talks\n\nXi Jinping presided over the meeting. Li Qiang, Zhao Leji and Cai Qi attended."
    short = "Beijing talks\n\nXi Jinping presided over the meeting. Li Qiang and Cai Qi attended."
    day = date(2024, 1, 8)
    members = [
        Member("https://a.example/1", features(full, day)),
        Member("https://b.example/1", features(full, day)),
        Member("https://c.example/1", features(short, day)),
    ]
    found = discrepancies(members)
    assert [(d.kind, d.reports, d.detail["person"]) for d in found] == [
        ("missing", ("https://c.example/1",), "Zhao Leji")
    ]


def test_names_cut_otherwise_by_a_machine_are_no_absence() -> None:
    right = "Talks\n\nLi Qiang, Cai Qi, Ding Xuexiang and Li Xi attended the meeting."
    cut = "Talks\n\nLi Qiang, Cai Qiding, Xue Xiang and Li Xi attended the meeting."
    day = date(2024, 1, 8)
    members = [Member("a", features(right, day)), Member("b", features(cut, day))]
    assert [d for d in discrepancies(members) if d.kind == "missing"] == []


def test_two_reports_only_differ_no_consensus_says_which_is_right() -> None:
    """The issue's 'present in most reports but missing from one' needs a majority: with one
    other report naming the person there is a difference (shown, `consensus: false`), not a
    discrepancy; a third report naming them too makes it one."""
    full = "Beijing talks\n\nXi Jinping presided over the meeting. Li Qiang, Zhao Leji and Cai Qi attended."
    short = "Beijing talks\n\nXi Jinping presided over the meeting. Li Qiang and Cai Qi attended."
    day = date(2024, 1, 8)
    pair = [Member("a", features(full, day)), Member("c", features(short, day))]
    (found,) = discrepancies(pair)
    assert (found.kind, found.reports, found.consensus) == ("missing", ("c",), False)
    trio = [*pair, Member("b", features(full, day))]
    (found,) = discrepancies(trio)
    assert (found.kind, found.reports, found.consensus) == ("missing", ("c",), True)


def test_another_order_needs_two_reports_agreeing_on_theirs() -> None:
    one = "Talks\n\nLi Qiang, Zhao Leji, Wang Huning and Cai Qi attended the meeting."
    other = "Talks\n\nCai Qi, Wang Huning, Zhao Leji and Li Qiang attended the meeting."
    third = "Talks\n\nZhao Leji, Li Qiang, Cai Qi and Wang Huning attended the meeting."
    day = date(2024, 1, 8)
    pair = [Member("a", features(one, day)), Member("b", features(other, day))]
    assert {(d.reports, d.consensus) for d in discrepancies(pair) if d.kind == "order"} == {
        (("a",), False),
        (("b",), False),
    }
    # three orders, no two alike: no consensus against any of them, nothing found
    apart = [*pair, Member("c", features(third, day))]
    assert [d for d in discrepancies(apart) if d.kind == "order"] == []
    agreed = [*pair, Member("c", features(one, day))]
    assert [(d.reports, d.consensus) for d in discrepancies(agreed) if d.kind == "order"] == [
        (("b",), True)
    ]


def test_people_one_report_names_in_passing_count_for_the_other() -> None:
    """Two reports of one gala (real udn/World Journal reports, shortened): one puts four
    people in roles; the other reads only the speaker in a role but names the three others in
    its text, under names the roster does not know."""
    from worker.detect.events import Features, Named

    day = date(2025, 10, 9)
    roles = Features(
        "zh",
        day,
        "title",
        "lead",
        "start",
        people=(
            Named("laichingte", "Lai Ching-te", "赖清德", "spoke", 0),
            Named("hankuoiu", "Han Kuo-yu", "韩国瑜", "attended", 1),
            Named("luxiuian", "Lu Xiuyan", "卢秀燕", "attended", 2),
            Named("xushuhua", "Xu Shuhua", "许淑华", "attended", 3),
        ),
    )
    passing = Features(
        "zh",
        day,
        "another title",
        "another lead",
        "laichingte 总统到场致词 他感谢韩国瑜 卢秀燕 南投县长许淑华",
        people=(Named("laichingte", "Lai Ching-te", "赖清德", "attended", 0),),
    )
    assert score(roles, passing).score >= GroupingOptions().join
    # only the speaker in common, the others not named at all: no evidence of one occasion
    bare = Features(
        "zh", day, "another title", "another lead", "laichingte 总统到场致词", people=passing.people
    )
    assert score(roles, bare).score < GroupingOptions().join


def test_a_report_matching_several_events_merges_a_bounded_number_of_them() -> None:
    from worker.detect.events import MAX_ABSORBED, place

    en = features(EN_2023, date(2023, 10, 1))
    zh = features(ZH_2023, date(2023, 9, 30))
    # five events each holding a report of the same ceremony (a store filled while grouping
    # was off): the new report joins one and absorbs at most MAX_ABSORBED others
    merging = GroupingOptions(merge=0.8)  # merging is opt-in
    candidates = [(f"e{i}", date(2023, 9, 30), zh) for i in range(5)]
    # the loose merge is off by default, and so is any merge when the strict one is turned off
    assert place(en, candidates, GroupingOptions(strict_merge=False)).absorbed == ()
    # the strict merge (on by default): the five reports are one report's copies, every pair
    # across two events matches, so one event is absorbed (its id redirected by the store)
    assert len(place(en, candidates).absorbed) == MAX_ABSORBED
    placed = place(en, candidates, merging)
    assert placed.event is not None and placed.event not in placed.absorbed
    assert len(placed.absorbed) == MAX_ABSORBED
    # an event whose day is further than the window from the joined event's is never absorbed
    far = place(en, [("near", date(2023, 9, 30), zh), ("far", date(2023, 10, 3), zh)], merging)
    assert far.event == "near" and far.absorbed == ()
