"""Round 15: comparing two reports of one occasion, round 14's fresh pairs read for causes.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments) and the
labelled people lists of those reports. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from worker.detect.attendees import compare_people
from worker.detect.mentions import TextNames, names_person, says_role, told_as_done
from worker.detect.model import Person, Role, RoleChange
from worker.detect.report import compare_reports
from worker.service.seeds import load_roster

ROSTER = load_roster()


def _people(*named: tuple[str, Role]) -> list[Person]:
    return [Person(name, None, role, "body", i) for i, (name, role) in enumerate(named, 1)]


def _diff(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[RoleChange, ...]]:
    change = compare_reports(a, b, ROSTER)
    if change is None or change.attendees is None:
        return (), (), ()
    people = change.attendees
    return people.added, people.removed, people.role_changes


# --- a sentence telling what was done, then after "and" what is still to come -----------------

# pair r14_en14_scholz_putin_call2024_spelling: AP (agency_en-t14e16) and Babel
# (agency_en-t14e20) both name Zelenskyy, whom Scholz had called beforehand; the AP sentence goes
# on "and would do so again", which used to drop the whole sentence as a plan
AP_2024 = (
    "BERLIN (AP) — Germany's government says that Chancellor Olaf Scholz had a one-hour call"
    " with Russian President Vladimir Putin, the first such conversation in two years."
    " Hebestreit says Scholz had spoken beforehand with Ukrainian President Volodymyr Zelenskyy,"
    " and would do so again after the call with Putin."
)
BABEL_2024 = (
    "German Federal Chancellor Olaf Scholz had a telephone conversation with Russian leader"
    " Vladimir Putin in the afternoon of November 15.\n\nOn the eve of the conversation with"
    " Putin, Scholz spoke by phone with the President of Ukraine Volodymyr Zelensky and will do"
    " so again."
)


def test_what_was_done_before_and_a_plan_still_names_the_person() -> None:
    done = told_as_done(AP_2024)
    assert "Volodymyr Zelenskyy" in done
    assert "would do so again" not in done


def test_a_plan_with_its_own_subject_is_dropped_whole() -> None:
    assert told_as_done("Putin will meet Xi and Modi on Friday.") == ""
    assert told_as_done("He said Putin and Modi will meet.") == ""


def test_two_agencies_naming_the_same_three_people_add_nobody() -> None:
    assert _diff(AP_2024, BABEL_2024) == ((), (), ())


# --- given names misspelt or written as an initial ---------------------------------------------

# pair r14_en14_putin_lukashenko_call2020_spelling: kremlin.ru (kremlin_en-t14e10) against a
# Reuters copy (scraped-t14e07) that writes "Vladmir Putin"
KREMLIN_2020 = (
    "Telephone conversation with President of Belarus Alexander Lukashenko\n\nAugust 24, 2020\n\n"
    "Vladimir Putin had a telephone conversation with President of Belarus Alexander Lukashenko."
    "\n\nThe presidents continued discussing the developments in Belarus. Alexander Lukashenko"
    " informed Vladimir Putin about the measures being taken to normalise the situation in the"
    " country."
)
REUTERS_2020 = (
    "Putin, Lukashenko discussed Belarus crisis on phone - Belarus state media\n"
    "Reuters | Minsk | Updated: 24-08-2020 19:39 IST\n"
    "Russian President Vladmir Putin and Belarusian leader Alexander Lukashenko spoke by"
    " telephone on Monday and discussed the situation in Belarus, the Belta news agency reported."
)


def test_a_misspelt_given_name_is_the_same_person() -> None:
    assert _diff(KREMLIN_2020, REUTERS_2020) == ((), (), ())
    vladmir = Person("Vladmir Putin", None, "attended", "body", 1)
    assert names_person(TextNames(KREMLIN_2020), vladmir, ROSTER)


def test_another_given_name_is_still_another_person() -> None:
    nikolai = Person("Nikolai Lukashenko", None, "attended", "body", 1)
    assert not names_person(TextNames(KREMLIN_2020), nikolai, ROSTER)


# pair r14_en14_rostec2025_spelling: kremlin.ru's transcript (kremlin_en-t14e11) against a blog
# translating the Russian one (mt_en-t14e09), "V. Putin: ...", "S. Chemezov: ..."
def test_an_initial_stands_for_the_given_name() -> None:
    kremlin = _people(
        ("Vladimir Putin", "attended"),
        ("Sergei Chemezov", "attended"),
        ("Vladimir Putin", "spoke"),
        ("Sergei Chemezov", "spoke"),
    )
    blog = _people(("V. Putin", "spoke"), ("S. Chemezov", "spoke"))
    diff = compare_people(kremlin, blog, ROSTER, across=True)
    assert (diff.added, diff.removed, diff.role_changes) == ((), (), ())
    other = _people(("V. Putin", "spoke"), ("A. Chemezov", "spoke"))
    assert compare_people(kremlin, other, ROSTER, across=True).added == ("A. Chemezov",)


# --- attending and being present: one or the other ---------------------------------------------

# pair r14_en14b_prc74_reception_role_reshuffle: the embassy's English copied by a scraper
# (scraped-t14x01) has the Standing Committee members "present at the reception which was
# attended by about 800 guests"; a machine rewrite (mt_en-t14x09) has the reception "attended
# by other high-ranking officials including Zhao Leji ...": a role change the labels tell
PRESENT = (
    "Li Qiang presided over the reception. Zhao Leji, Wang Huning, Cai Qi, Ding Xuexiang, Li Xi,"
    " and Han Zheng were present at the reception which was attended by about 800 guests from"
    " home and abroad to celebrate the birthday of the PRC."
)


def test_a_sentence_saying_present_does_not_say_attended_for_them() -> None:
    zhao = Person("Zhao Leji", None, "present", "body", 2)
    assert says_role(PRESENT, zhao, "attended", ROSTER)  # the word is there
    assert not says_role(PRESENT, zhao, "attended", ROSTER, instead_of="present")


def test_present_against_attended_is_a_role_change() -> None:
    attended = (
        "The reception, hosted by Li Qiang, member of the Standing Committee of the Political"
        " Bureau of the CPC Central Committee and Premier of the State Council, was attended by"
        " other high-ranking officials including Zhao Leji, Wang Huning, Cai Qi, Ding Xuexiang,"
        " Li Xi, and Han Zheng."
    )
    _, _, changes = _diff(PRESENT, attended)
    assert {(c.name, c.before, c.after) for c in changes} >= {
        ("Zhao Leji", "present", "attended"),
        ("Han Zheng", "present", "attended"),
    }


# --- property: a list against itself with initials for given names ------------------------------

_SURNAMES = ["Putin", "Chemezov", "Lavrov", "Shoigu", "Ushakov", "Peskov"]
_GIVEN = ["Vladimir", "Sergei", "Dmitry", "Yury", "Anton", "Maria"]


@given(st.permutations(range(len(_SURNAMES))), st.sets(st.integers(0, len(_SURNAMES) - 1)))
def test_initials_for_given_names_add_and_remove_nobody(
    order: list[int], initialled: set[int]
) -> None:
    full = _people(*((f"{_GIVEN[i]} {_SURNAMES[i]}", "attended") for i in range(len(_SURNAMES))))
    short = _people(
        *(
            (f"{_GIVEN[i][0]}. {_SURNAMES[i]}" if i in initialled else full[i].name, "attended")
            for i in order
        )
    )
    diff = compare_people(full, short, ROSTER, across=True)
    assert (diff.added, diff.removed, diff.role_changes) == ((), (), ())
