"""Date mentions and contradictory dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.detect.dates import check_dates, find_dates

FIND = [
    ("day-month", "Beijing, 12 Dec (Xinhua)", ["12 Dec"]),
    ("month-day-year", "on December 12, 2023, officials said", ["December 12, 2023"]),
    ("iso", "published 2023-12-28T10:00", ["2023-12-28"]),
    ("weekday", "talks on Monday", ["Monday"]),
    ("month-alone", "in December the talks", ["December"]),
    ("may-needs-a-day", "we may go; on May 5 we went", ["May 5"]),
    ("zh-full", "2023年12月28日召开", ["2023年12月28日"]),
    ("zh-range", "12月28日至12日", ["12月28日至12日"]),
    ("zh-numerals", "二〇二三年十二月二十八日", ["二〇二三年十二月二十八日"]),
    ("zh-weekday", "星期一和周五", ["星期一", "周五"]),
    ("zh-year", "2023年", ["2023年"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIND], ids=[c[0] for c in FIND])
def test_find_dates(text: str, expected: list[str]) -> None:
    found = find_dates(text)
    assert [d.text for d in found] == expected
    assert all(text[d.span[0] : d.span[1]] == d.text for d in found)


BAD = [
    ("en-from-to", "held in Beijing from 28 to 12 December.", "range_reversed"),
    ("en-dash", "held 28-12 December 2023.", "range_reversed"),
    ("en-month-first", "held December 28 to 12.", "range_reversed"),
    ("en-between", "between 30 and 2 May.", "range_reversed"),
    ("en-31-feb", "on 31 February", "invalid"),
    ("en-iso-29-feb-2023", "on 2023-02-29", "invalid"),
    ("zh-range", "会议于12月28日至12日在北京举行。", "range_reversed"),
    ("zh-range-dash", "12月28日—12日", "range_reversed"),
    ("zh-invalid", "截至2月30日", "invalid"),
    ("zh-numerals-invalid", "二月三十日", "invalid"),
]


@pytest.mark.parametrize(("text", "problem"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_check_dates_flags(text: str, problem: str) -> None:
    findings = check_dates(text)
    assert len(findings) == 1
    assert findings[0].kind == "date"
    assert findings[0].detail["problem"] == problem


GOOD = [
    ("en-range", "held from 10 to 12 December 2023."),
    ("en-cross-month", "from 28 December to 3 January"),
    ("zh-cross-month", "12月28日至1月3日"),
    ("leap-day", "29 February 2024"),
    ("zh-leap-no-year", "2月29日"),
    ("plain-numbers", "28 to 12 votes in the chamber"),
]


@pytest.mark.parametrize("text", [c[1] for c in GOOD], ids=[c[0] for c in GOOD])
def test_check_dates_accepts_good_dates(text: str) -> None:
    assert check_dates(text) == ()


def test_seed_report_range_is_flagged_with_dateline() -> None:
    seed = (Path(__file__).parents[2] / "data" / "cases" / "seed_dateline.txt").read_text("utf-8")
    (finding,) = check_dates(seed)
    assert finding.detail["text"] == "28 to 12 December"
    assert finding.detail["dateline"] == "12 Dec"
    assert "28 to 12 December" in finding.summary


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("过去10年取得了历史性成就", []),
        ("成立75周年", []),
        ("十年来", []),
        ("2023年12月28日", ["2023年12月28日"]),
        ("二〇二三年", ["二〇二三年"]),
    ],
    ids=["span-of-years", "anniversary", "decade", "full-date", "chinese-year"],
)
def test_chinese_years_are_four_digits_spans_are_not_dates(text: str, found: list[str]) -> None:
    assert [m.text for m in find_dates(text)] == found
