"""Round 26: two versions (copies) of one report, a person the first version already names and
the extractor reads only in the second is not added (`report._role_words` through
`report._first_names`, as across reports and as round 18 does for removals).

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments). Output:
pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.labelled_people import ROSTER
from worker.detect.report import compare_reports

# pair r22_t22z_xia2025hk_cross_outlet (pair-t22z-xia2025hk): the Hong Kong government's release
# in traditional characters (zh_hant-t22z06) and a simplified copy (zh_cn-t22z13), the same
# paragraphs. Labels: nobody added or removed, no role change. The extractor reads the officials
# of "參與官員包括..." in the simplified copy only, so 陳茂波, 許正宇 and 陳百里 were added.
HANT = (
    "  夏寶龍主任出席座談會,與香港工商界和金融界人士互動交流,出席者包括主要商會和企業代表。"
    "參與官員包括行政長官李家超、財政司司長陳茂波、財政司副司長黃偉綸、財經事務及庫務局局長許正宇"
    "和署理商務及經濟發展局局長陳百里博士。\n\n"
    "  下午,夏寶龍主任在李家超、文化體育及旅遊局局長羅淑佩、海洋公園公司董事局主席龐建貽和"
    "海洋公園公司行政總裁黃嗣輝陪同下考察海洋公園。\n"
)
HANS = (
    "夏宝龙出席座谈会,与香港工商界和金融界人士互动交流,出席者包括主要商会和企业代表,"
    "参与官员包括行政长官李家超、财政司司长陈茂波、财政司副司长黄伟纶、财经事务及库务局局长许正宇"
    "和署理商务及经济发展局局长陈百里。\n"
    "下午,夏宝龙在李家超、文化体育及旅游局局长罗淑佩、海洋公园公司董事局主席庞建贻和"
    "海洋公园公司行政总裁黄嗣辉陪同下考察海洋公园。\n"
)


def _added(a: str, b: str) -> tuple[str, ...]:
    change = compare_reports(a, b, ROSTER)
    return change.attendees.added if change and change.attendees else ()


def test_a_copy_reading_whom_the_first_copy_names_adds_nobody() -> None:
    assert _added(HANT, HANS) == ()


def test_a_version_naming_someone_new_still_adds_them() -> None:
    # the same copy with a person the first version never names: still added
    b = HANS.replace("下午,夏宝龙在李家超、", "下午,夏宝龙在李家超、发展局局长甯汉豪、")
    assert "甯汉豪" in _added(HANT, b)


@settings(max_examples=20, deadline=None)
@given(st.permutations(["李家超", "陈茂波", "黄伟纶", "许正宇"]))
def test_a_list_compared_with_itself_in_any_order_adds_and_removes_nobody(names: list[str]) -> None:
    a = "参与官员包括" + "、".join(["李家超", "陈茂波", "黄伟纶", "许正宇"]) + "。\n"
    b = "参与官员包括" + "、".join(names) + "。\n"
    change = compare_reports(a, b, ROSTER)
    diff = change.attendees if change else None
    assert diff is None or (not diff.added and not diff.removed and not diff.role_changes)
