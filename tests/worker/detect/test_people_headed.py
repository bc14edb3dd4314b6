"""A list under a heading with no cue of its own takes the occasion of the sentence before
(round 11, worker/detect/people_headed.py), from real dev excerpts."""

from __future__ import annotations

from worker.detect.people import extract_people
from worker.detect.people_headed import join_lists, list_lines, zh_copula

# xinhua_en-r10v04 (dev round 19), the first items of its list
R10V04 = """Xi receives credentials of new ambassadors to China

Chinese President Xi Jinping received the credentials of 28 new ambassadors to China in Beijing on December 12.

The ambassadors are:

-- André Haspels from the Netherlands

-- Abdelkader El Ansari from Morocco

-- Michael S. Christensen from Denmark

-- Nicholas O'Brien from Ireland
"""


def _people(text: str, language: str = "en") -> set[tuple[str, str]]:
    return {(p.name, p.role) for p in extract_people(text, language=language)}


def test_dash_list_under_heading_takes_credentials_occasion_r10v04() -> None:
    got = _people(R10V04)
    for name in ("André Haspels", "Abdelkader El Ansari", "Michael S. Christensen"):
        assert (name, "attended") in got
    assert ("Nicholas O'Brien", "attended") in got


def test_list_lines_stop_at_first_line_that_is_no_item_r10v04() -> None:
    lines = [
        "The ambassadors are:",
        "-- André Haspels from the Netherlands",
        "-- Abdelkader El Ansari from Morocco",
        "Chinese President Xi Jinping received the credentials of 28 new ambassadors to China.",
    ]
    assert list_lines(lines[0], lines[1:]) == 2
    assert join_lists(lines)[0] == (
        "The ambassadors are: André Haspels from the Netherlands; Abdelkader El Ansari from Morocco"
    )
    assert list_lines("The latest news are:", lines[1:]) == 2  # a heading: read or not by cue


def test_inline_list_after_copula_takes_occasion_of_sentence_before_r10v05() -> None:
    # xinhua_en-r10v05 (dev round 19), its second paragraph cut to three envoys
    text = (
        "Xi Jinping Accepts Credentials from Thirteen Newly-appointed Ambassadors to China\n\n"
        "The newly-appointed Ambassadors to China arrived successively, walked up the steps "
        "and entered the Beijing Hall. The Ambassadors presented credentials to Xi Jinping in "
        "succession. Xi Jinping shook hands and posed for photos with them respectively. These "
        "thirteen newly-appointed Ambassadors are Barbadian Ambassador to China François "
        "Jackman, Peruvian Ambassador to China Luis Quesada and Ambassador of San Marino to "
        "China Ilaria Salicioni.\n"
    )
    got = _people(text)
    for name in ("François Jackman", "Luis Quesada", "Ilaria Salicioni"):
        assert (name, "attended") in got


def test_heading_list_with_no_occasion_stays_unread_none_d9503() -> None:
    # none-d9503 (dev round 15): "The committees are ..." lists no people at an occasion
    text = (
        "The Governor-elect in Niger State, Umar Mohammed Bago, has approved the governorship "
        "inauguration subcommittees leadership and members.\n"
        "A statement by Dr Mohammed Santuraki, Chairman of the inauguration Committee, disclosed "
        "that Bago approved the constitution and membership of nine Inauguration subcommittees.\n"
        "The committees are Security, Health & Safety, Venue, Accommodation, Transport & "
        "Logistics, Inauguration Lecture, Protocol, Welfare & Entertainment and Special Events "
        "Subcommittees.\n"
    )
    assert _people(text) == set()


def test_zh_list_copula_read_as_you_t10z17() -> None:
    # zh_cn-t10z17 (dev round 18): "先后是" opens the list of the group the clause before names
    sentence = (
        "今天在部长通道接受采访的国务院各部门主要负责人先后是:人力资源与社会保障部部长尹蔚民、"
        "国土资源部部长姜大明。"
    )
    assert zh_copula(sentence).startswith("今天在部长通道接受采访的国务院各部门主要负责人有:")


def test_zh_candidates_list_stays_unread_none_zh_round16() -> None:
    # none_zh (dev round 16, by-election candidates): "分別是" after registering is no occasion;
    # also with the comma dropped, so that the copula is read as "有"
    text = "臺灣“中選會”指出,完成登記參選的3人,分別是國民黨顏寬恒、民進黨陳世凱及全民的黨余思家。"
    assert _people(text, "zh") == set()
    assert "3人有" in zh_copula(text.replace("3人,", "3人"))
    assert _people(text.replace("3人,", "3人"), "zh") == set()
