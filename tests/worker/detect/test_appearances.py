"""People over time, pure: absences and changes of rank found in a replayed history."""

from __future__ import annotations

import datetime as dt

from worker.detect.appearances import (
    NameList,
    PeopleWatch,
    ReportLists,
    find_changes,
    lists_of,
    report_date,
    usual_position,
)
from worker.detect.model import Person

START = dt.date(2024, 1, 1)
LEADERS = ("Li Qiang", "Zhao Leji", "Wang Huning", "Cai Qi", "Ding Xuexiang", "Li Xi")


def weekly(n: int, names: tuple[str, ...]) -> ReportLists:
    return ReportLists(
        str(n),
        f"https://x.test/{n}",
        START + dt.timedelta(days=7 * n),
        "zh",
        "f",
        (NameList("attended", names, names),),
    )


def test_a_stable_list_gives_no_finding():
    assert find_changes([weekly(n, LEADERS) for n in range(40)]) == ()


def test_someone_who_vanishes_is_flagged_once_with_the_last_appearance():
    without = tuple(n for n in LEADERS if n != "Cai Qi")
    history = [weekly(n, LEADERS) for n in range(20)] + [weekly(n, without) for n in range(20, 40)]
    [finding] = find_changes(history)
    assert finding.kind == "absence" and finding.canonical == "Cai Qi"
    assert finding.detail["last_appearance"]["report"] == "https://x.test/19"
    assert finding.date >= START + dt.timedelta(days=7 * 19 + PeopleWatch().absent_days)
    assert finding.open


def test_flagged_again_only_after_a_new_appearance():
    without = tuple(n for n in LEADERS if n != "Cai Qi")
    history = (
        [weekly(n, LEADERS) for n in range(20)]
        + [weekly(n, without) for n in range(20, 30)]
        + [weekly(n, LEADERS) for n in range(30, 32)]
        + [weekly(n, without) for n in range(32, 45)]
    )
    findings = find_changes(history)
    assert [f.detail["last_appearance"]["report"] for f in findings] == [
        "https://x.test/19",
        "https://x.test/31",
    ]
    assert [f.open for f in findings] == [False, True]


def test_a_swap_is_flagged_once_then_becomes_the_usual_order():
    swapped = ("Li Qiang", "Zhao Leji", "Wang Huning", "Ding Xuexiang", "Cai Qi", "Li Xi")
    history = [weekly(n, LEADERS) for n in range(10)] + [weekly(n, swapped) for n in range(10, 30)]
    [finding] = find_changes(history)
    assert finding.kind == "rank" and finding.canonical == "Ding Xuexiang"
    assert finding.detail["moved"] == [
        {"above": "Ding Xuexiang", "below": "Cai Qi", "usual_for": 10}
    ]
    assert finding.date == START + dt.timedelta(days=70)
    assert not finding.open  # the new order is the usual one now


def test_an_order_seen_too_rarely_is_no_usual_order():
    swapped = ("Zhao Leji", "Li Qiang")
    history = [weekly(0, ("Li Qiang", "Zhao Leji")), weekly(1, swapped), weekly(2, swapped)]
    assert find_changes(history) == ()


def test_lists_restart_where_positions_do_and_the_lead_counts_only_without_a_body():
    people = [
        Person("李强", "Li Qiang", "attended", "lead", 1),
        Person("李强", "Li Qiang", "attended", "body", 1),
        Person("蔡奇", "Cai Qi", "attended", "body", 2),
        Person("王毅", "Wang Yi", "attended", "body", 1),
        Person("习近平", "Xi Jinping", "presided", "lead", 1),
    ]
    assert [(lst.role, lst.names) for lst in lists_of(people)] == [
        ("attended", ("Li Qiang", "Cai Qi")),
        ("attended", ("Wang Yi",)),
        ("presided", ("Xi Jinping",)),
    ]


def test_the_date_comes_from_the_report():
    seen = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert report_date(dt.datetime(2023, 5, 1, tzinfo=dt.UTC), "", seen) == dt.date(2023, 5, 1)
    assert report_date(None, "新华社北京2023年7月11日电", seen) == dt.date(2023, 7, 11)
    assert report_date(None, "no date here", seen) == dt.date(2026, 1, 1)


def test_usual_position():
    assert usual_position([2, 3, 3]) == 3
    assert usual_position([]) is None
