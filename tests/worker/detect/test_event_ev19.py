"""Round 19 (branch issue-ev19): a lead giving both days tells two occasions, not one by two clocks.

`_two_clocks` (round 17) reads two reports dating one occasion of one day a day apart as one
occasion told by two clocks. Zhitong Finance's report of the Hong Kong Monetary Authority's
rise of 22 September 2022 names the Fed's decision (its only named occasion) and dates it
itself: "21日,美联储宣布上调" (bench/data/events/dev_round23.toml, labelled alone against the
Fed's reports: the held-out test split of round 18, where the rule joined it to the Fed's
event, 3 false pairs). A lead giving the other report's day as well is no second clock.
Excerpts as the reports give them (ids cited)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    Features,
    GroupingOptions,
    other_occasion,
    report_features,
    score,
)
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e18-alone-hkma-hike-zh-zhitong (Zhitong Finance, 2022-09-22)
HKMA = (
    "智通财经APP获悉,9月22日,香港金管局将基准利率上调75个基点至3.5%。21日,美联储宣布上调联邦基金利率"
    "目标区间75个基点到3%至3.25%之间,这也是一年内美联储第三次大幅度加息75个基点。美联储此次加息已经将联邦"
    "基金利率提高至2008年初以来的最高水平。"
)
# e18-fomc-2022-09-de-onvista (onvista, dpa-AFX, 2022-09-21)
ONVISTA_TITLE = "US-Notenbank hebt Leitzins erneut um 0,75 Prozentpunkte an (from URL slug)"
ONVISTA = (
    "WASHINGTON (dpa-AFX) - Die US-Notenbank Fed hat ihren Leitzins erneut kräftig angehoben. Der "
    "Zins steigt um 0,75 Prozentpunkte und liegt jetzt in einer Spanne von 3,0 bis 3,25 Prozent, wie "
    "die Fed am Mittwoch nach ihrer Zinssitzung in Washington bekannt gab. Analysten hatten diesen "
    "Schritt überwiegend erwartet."
)
# e18-fomc-2022-09-zh-ntdtv (NTD Television, 2022-09-22)
NTDTV = (
    "【新唐人北京时间2022年09月22日讯】周三(9月21日),美联储不出意外,将联邦基准利率再次上调三码,并且暗示"
    "接下来仍将继续加息。美国三大股指周三收盘齐跌。\n"
    "美联储主席鲍威尔:“在今天的会议上,委员会将联邦基金利率的目标区间上调了3/4个百分点,使目标区间达到 "
    "3%~3.25%。”"
)


def _features(title: str, text: str, day: str) -> Features:
    return report_features(title, text, date.fromisoformat(day), ROSTER)


def test_the_hkma_rise_dating_the_fed_decision_the_day_before_stays_apart() -> None:
    hkma = _features("", HKMA, "2022-09-22")
    assert hkma.days == (21, 22)
    for fed in (
        _features(ONVISTA_TITLE, ONVISTA, "2022-09-21"),
        _features("", NTDTV, "2022-09-22"),
    ):
        assert other_occasion(hkma, fed, OPTS)
        assert score(hkma, fed, OPTS).score < OPTS.join


def test_the_fed_reports_still_join_and_a_dateline_is_no_day_given() -> None:
    onvista = _features(ONVISTA_TITLE, ONVISTA, "2022-09-21")
    ntdtv = _features("", NTDTV, "2022-09-22")
    # the dateline's 22nd (北京时间2022年09月22日讯) is when it was filed, not a day it gives
    assert ntdtv.days == (21,)
    assert score(onvista, ntdtv, OPTS).score >= OPTS.join


def test_the_days_survive_the_store() -> None:
    hkma = _features("", HKMA, "2022-09-22")
    assert Features.from_json(hkma.to_json()).days == hkma.days
