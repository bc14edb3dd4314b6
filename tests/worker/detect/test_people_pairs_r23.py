"""Round 23: comparing two reports of one occasion, the failing attendee_change pairs and round
22's pairs (now dev, pairs/r22_*) read by cause: a sentence glued to the next, a Korean name told
by its surname alone, a foreign name in Chinese characters told by one of its parts.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments). Output:
pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.labelled_people import ROSTER
from tests.support.labelled_people import labelled as _labelled
from worker.detect.attendees import _dotted_part, compare_people
from worker.detect.mentions import TextNames, names_person, not_only_said
from worker.detect.model import Person
from worker.detect.report import compare_reports


def _named(text: str, name: str) -> bool:
    """Whether `text` names `name` outside what is only said (as `report._named_elsewhere`)."""
    person = Person(name, ROSTER.canonical(name), "attended", "body", 1)
    return names_person(TextNames(not_only_said(text)), person, ROSTER)


# pair r22_t22a_moonlunch_attendee_change (pair-t22a-moonlunch): Yonhap (agency_en-t22a29) has
# Moon hold the luncheon; KBS World (agency_en-t22a30) glues its sentences ("on Wednesday.According
# to ...") and names him afterwards only as "Moon". Labels: Moon presides in both (and speaks in
# KBS). The attribution "According to" cut the glued sentence from its start, and "Moon" alone was
# read as no name of "Moon Jae-in" (its last word taken for the surname), so he was removed.
YONHAP = (
    "Moon holds luncheon meeting with ex-PMs, ministers\n"
    "SEOUL, April 20 (Yonhap) -- President Moon Jae-in on Wednesday held a luncheon meeting with "
    "former prime ministers and government ministers who had served during his five-year term, "
    "Moon's spokesperson said.\n"
    "About 50 former officials, including former Prime Ministers Lee Nak-yon and Chung Sye-kyun, "
    "attended the meeting, presidential spokesperson Park Kyung-mee said in a statement.\n"
)
KBS = (
    "President Moon Jae-in invited his former prime ministers and ministerial-level officials for "
    "a luncheon meeting on Wednesday.According to a written statement by top office spokesperson "
    "Park Kyung-mee on Thursday, the roughly 50 participants included former Prime Ministers Lee "
    "Nak-yon and Chung Sye-kyun, as well as former finance minister Kim Dong-yeon. Former justice "
    "ministers Cho Kuk and Choo Mi-ae as well as former land minister Kim Hyun-mee were absent.In "
    "his opening remarks, Moon thanked the attendees for their hard work, emphasizing that "
    "everyone in his administration had put forth every ounce of their energy into fulfilling "
    "state tasks.\n"
)


def test_a_sentence_glued_to_the_next_keeps_its_names() -> None:
    first = KBS.split("According")[0] + "According to a statement by Park Kyung-mee, it went well."
    assert _named(first, "Moon Jae-in")


def test_a_korean_name_is_named_by_its_surname_alone() -> None:
    assert _named("In his opening remarks, Moon thanked the attendees.", "Moon Jae-in")
    assert _named("President Moon hosted them at lunch.", "Moon Jae-in")
    # another person of that surname, or a surname too short to tell, names nobody
    assert not _named("Chung Eui-yong attended the meeting.", "Chung Sye-kyun")
    assert not _named("Paul Chan attended the meeting.", "Henry Chan Mo-po")
    assert not _named("Kim attended the meeting.", "Kim Dong-yeon")


def test_the_host_named_by_the_other_report_is_not_removed() -> None:
    report_a = _labelled(
        "en",
        ("Moon Jae-in", "presided"),
        ("Lee Nak-yon", "attended"),
        ("Chung Sye-kyun", "attended"),
    )
    # the extractor's reading of KBS: the guests, not the host
    report_b = _labelled(
        "en",
        ("Lee Nak-yon", "attended"),
        ("Chung Sye-kyun", "attended"),
        ("Kim Dong-yeon", "attended"),
    )
    change = compare_reports(YONHAP, KBS, ROSTER, reports=(report_a, report_b))
    assert change is not None and change.attendees is not None
    assert change.attendees.removed == ()
    assert change.attendees.added == ("Kim Dong-yeon",)


# pair r22_t22y_thaicc2010_role_reshuffle (pair-t22y-thaicc2010): the Thai 世界日報
# (zh_hant-t22y17) writes the prime minister in full, 阿披實‧域差棲哇 (co-presiding, on the
# rostrum); the 中新社 copy (zh_hant-t22y18) by his given name, 阿披實 (opening the ceremony,
# speaking). Labels: the same person, two role changes. The names were not tied: one removed,
# the other's roles lost.
def test_a_foreign_name_in_characters_is_tied_to_one_of_its_parts() -> None:
    assert _dotted_part("阿披實", "阿披實‧域差棲哇")
    assert _dotted_part("阿披實‧域差棲哇閣下", "阿披實")  # a title glued to the last part
    assert _dotted_part("施泰因迈尔", "弗兰克-瓦尔特·施泰因迈尔")
    assert not _dotted_part("域差", "阿披實‧域差棲哇")  # part of a part: no
    assert not _dotted_part("李強", "李強")


def test_a_foreign_name_in_full_and_by_its_given_name_is_one_person() -> None:
    before = [
        Person("阿披實‧域差棲哇", None, "presided", "body", 1),
        Person("阿披實‧域差棲哇", None, "present", "body", 2),
        Person("吳宏豐", None, "spoke", "body", 3),
    ]
    after = [
        Person("阿披實", None, "attended", "body", 1),
        Person("阿披實", None, "spoke", "body", 2),
        Person("吳宏豐", None, "spoke", "body", 3),
    ]
    diff = compare_people(before, after, ROSTER, across=True)
    assert diff.added == () and diff.removed == ()
    assert {(r.before, r.after) for r in diff.role_changes} == {
        ("presided", "attended"),
        ("present", "spoke"),
    }


_HAN = st.text(alphabet="阿披實域差棲哇施泰因迈尔李強王", min_size=2, max_size=4)


@settings(max_examples=60, deadline=None)
@given(st.lists(_HAN, min_size=1, max_size=3), st.lists(_HAN, min_size=1, max_size=3))
def test_dotted_parts_are_symmetric_and_undotted_names_never_tie(
    x: list[str], y: list[str]
) -> None:
    a, b = "‧".join(x), "·".join(y)
    assert _dotted_part(a, b) == _dotted_part(b, a)
    if len(x) == len(y) == 1:
        assert not _dotted_part(a, b)  # two Chinese names, neither in parts: other people


@settings(max_examples=30, deadline=None)
@given(st.permutations(["阿披實‧域差棲哇", "吳宏豐", "任啟亮", "管木"]))
def test_a_list_with_dotted_names_compared_with_itself_changes_nothing(names: list[str]) -> None:
    people = [Person(n, None, "attended", "body", i) for i, n in enumerate(names, 1)]
    diff = compare_people(people, list(reversed(people)), ROSTER, across=True)
    assert not diff.added and not diff.removed and not diff.role_changes
