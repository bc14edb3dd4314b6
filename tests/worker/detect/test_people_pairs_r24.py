"""Round 24: comparing two reports of one occasion, round 23's fresh pairs (now dev, pairs/r23_*,
collectors t23e and t23g) read by cause: a German noun that is a surname cut short ("Höhen" /
"Hohenner") named the person, so she was not removed.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments). Output:
pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.labelled_people import ROSTER
from tests.support.labelled_people import labelled as _labelled
from worker.detect.attendees import compare_people
from worker.detect.mentions import TextNames, names_person, not_only_said
from worker.detect.model import Person
from worker.detect.report import compare_reports
from worker.detect.roster import translit_key


def _named(text: str, name: str) -> bool:
    """Whether `text` names `name` outside what is only said (as `report._named_elsewhere`)."""
    person = Person(name, ROSTER.canonical(name), "attended", "body", 1)
    return names_person(TextNames(not_only_said(text)), person, ROSTER)


# pair r23_t23g_ihk175_cross_outlet (pair-t23g-ihk175-01): inFranken.de (de-t23g01) names the two
# IHK heads greeting the minister and the Festredner; the Nordbayerischer Kurier (de-t23g22) only
# the Festredner. Labels: Hohenner, Weigand and Pschierer removed. "Höhen" of the Kurier's "mit
# Höhen und Tiefen" (key "hohen") was taken for "Hohenner" misspelt (Jaro-Winkler 0.94 with its
# four shared first letters), so Gabriele Hohenner was not removed.
INFRANKEN = (
    "Viel Lob für die IHK\n\n"
    "IHK-Hauptgeschäftsführerin Gabriele Hohenner (l.) und IHK-Präsidentin Sonja Weigand "
    "begrüßten vor dem Dominikanerbau Bayerns Wirtschaftsminister Franz Josef Pschierer (rechts) "
    "und den Festredner, DIHK-Präsident Eric Schweitzer. Foto: Ronald Rinklef\n"
)
KURIER = (
    "Die Kammer als Erfolgsgarant\n\n"
    "Sie ist das Sprachrohr der hiesigen Wirtschaft, sie vertritt die Interessen von 47.000 "
    "Mitgliedsunternehmen und sie hat eine bewegte Geschichte mit Höhen und Tiefen hinter sich: "
    "Die Industrie- und Handelskammer (IHK) für Oberfranken feiert in diesem Jahr ihr 175-jähriges "
    "Bestehen. Mit einem Festakt in Bamberg beging die in Bayreuth ansässige Organisation am "
    "Dienstagabend ihr Jubiläum.\n\n"
    "Festredner Eric Schweitzer, Präsident des Deutschen Industrie- und Handelskammertages "
    "(DIHK), würdigte die Leistungen der Kammer.\n"
)


def test_a_word_that_is_the_surname_cut_short_names_nobody() -> None:
    assert not _named(KURIER, "Gabriele Hohenner")
    assert _named("Hohenner begrüßte die Gäste.", "Gabriele Hohenner")
    # a surname misspelt by a letter, or declined, still names the person
    assert _named("President Dutertre attended.", "Rodrigo Duterte")
    assert _named("Die Rede Schweitzers wurde gelobt.", "Eric Schweitzer")


def test_the_hosts_the_other_report_does_not_name_are_removed() -> None:
    report_a = _labelled(
        "de",
        ("Gabriele Hohenner", "presided"),
        ("Sonja Weigand", "presided"),
        ("Franz Josef Pschierer", "attended"),
        ("Eric Schweitzer", "attended"),
        ("Eric Schweitzer", "spoke"),
    )
    report_b = _labelled("de", ("Eric Schweitzer", "spoke"))
    change = compare_reports(INFRANKEN, KURIER, ROSTER, reports=(report_a, report_b))
    assert change is not None and change.attendees is not None
    assert set(change.attendees.removed) == {
        "Gabriele Hohenner",
        "Sonja Weigand",
        "Franz Josef Pschierer",
    }
    assert change.attendees.added == () and change.attendees.role_changes == ()


_SURNAMES = st.sampled_from(["Hohenner", "Brandstetter", "Villanueva", "Marchetti", "Rosenberg"])


@settings(max_examples=60, deadline=None)
@given(_SURNAMES, st.integers(min_value=2, max_value=5))
def test_a_surname_always_names_itself_and_never_its_start_alone(surname: str, cut: int) -> None:
    name = f"Anna {surname}"
    assert _named(f"Gestern sprach {surname} lange.", name)
    start = surname[: max(len(surname) - cut, 4)]
    key, short = translit_key(surname), translit_key(start)
    if key.startswith(short) and len(key) - len(short) >= 2:  # as the comparison folds them
        assert not _named(f"Gestern sprach {start.lower()} {start} lange.", name)


@settings(max_examples=30, deadline=None)
@given(st.permutations(["Gabriele Hohenner", "Sonja Weigand", "Franz Josef Pschierer"]))
def test_a_list_compared_with_itself_in_any_order_changes_nothing_but_the_order(
    names: list[str],
) -> None:
    people = [Person(n, None, "attended", "body", i) for i, n in enumerate(names, 1)]
    shuffled = [Person(p.name, None, p.role, "body", i) for i, p in enumerate(people[::-1], 1)]
    diff = compare_people(people, shuffled, ROSTER, across=True)
    assert not diff.added and not diff.removed and not diff.role_changes and not diff.variants
    same = compare_people(people, people, ROSTER, across=True)
    assert not same.changed
