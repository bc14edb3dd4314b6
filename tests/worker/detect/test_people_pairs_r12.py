"""Round 12: comparing two reports of one occasion, round 11's fresh pairs read for causes.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments) and
people lists built from them. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from worker.detect.attendees import compare_people
from worker.detect.mentions import says_role, told_as_done
from worker.detect.model import Person, Report, Role
from worker.detect.report import compare_reports
from worker.service.seeds import load_roster

ROSTER = load_roster()


def _person(name: str, role: Role, position: int = 1) -> Person:
    return Person(name, None, role, "body", position)


# --- one person, two spellings, two roles -----------------------------------------------------

# pair r11_en11_kissinger2007_role_reshuffle: the Kremlin's transcript (kremlin_en-t11e16) has
# "President Vladimir Putin: ..." and "Henry Kissinger: ..." speak; a blog (agency_en-t11e26)
# tells that Kissinger "met with Putin today" (both attended, by surname only)
TRANSCRIPT = [_person("Vladimir Putin", "spoke", 1), _person("Henry Kissinger", "spoke", 2)]
BLOG = [_person("Kissinger", "attended", 1), _person("Putin", "attended", 2)]


def test_a_short_form_in_another_role_is_a_role_change() -> None:
    diff = compare_people(TRANSCRIPT, BLOG, ROSTER, across=True)
    assert diff.added == ()
    assert diff.removed == ()
    assert {(r.name, r.before, r.after) for r in diff.role_changes} == {
        ("Vladimir Putin", "spoke", "attended"),
        ("Henry Kissinger", "spoke", "attended"),
    }


def test_another_surname_in_another_role_is_still_added_and_removed() -> None:
    # the blog's "former Russian premier" named: someone else, not Kissinger
    other = [_person("Primakov", "attended", 1), _person("Putin", "attended", 2)]
    diff = compare_people(TRANSCRIPT, other, ROSTER, across=True)
    assert diff.added == ("Primakov",)
    assert diff.removed == ("Henry Kissinger",)


def test_two_names_fitting_one_short_form_are_not_guessed() -> None:
    two = [_person("Henry Kissinger", "spoke", 1), _person("Nancy Kissinger", "spoke", 2)]
    diff = compare_people(two, [_person("Kissinger", "attended")], ROSTER, across=True)
    assert diff.added == ("Kissinger",)
    assert set(diff.removed) == {"Henry Kissinger", "Nancy Kissinger"}


def test_two_alike_names_in_other_roles_stay_two_people() -> None:
    # "Wang Yi" / "Wang Yu" (Jaro-Winkler 0.93, ratio 0.83) are other people: a removal and an
    # addition, not one person's role change
    diff = compare_people(
        [_person("Wang Yi", "presided")], [_person("Wang Yu", "attended")], ROSTER, across=True
    )
    assert diff.role_changes == ()
    assert diff.added == ("Wang Yu",)
    assert diff.removed == ("Wang Yi",)


def test_a_spelling_in_another_role_is_one_person() -> None:
    # pair r11_en11_popefuneral_attendee_change: "Volodymyr Zelensky" (agency_en-t11e06) and
    # "Volodymyr Zelenskyy" (agency_en-t11e07), here in two roles
    diff = compare_people(
        [_person("Volodymyr Zelensky", "presided")],
        [_person("Volodymyr Zelenskyy", "attended")],
        ROSTER,
        across=True,
    )
    assert (diff.added, diff.removed) == ((), ())
    assert [(r.before, r.after) for r in diff.role_changes] == [("presided", "attended")]


# --- a first report the extractor read nobody in, which tells the role in words ---------------

# pair r11_en11_popefuneral_cross_outlet: an aggregator's copy of a France 24 report
# (scraped-t11e07) and the Irish bishops' news site (agency_en-t11e08); the cardinal's homily
# in both, which the extractor reads only in the second
FUNERAL_A = (
    "Mighty and meek bid farewell to Pope Francis at funeral Mass\n\n"
    "World leaders and Catholics said goodbye to Pope Francis in a funeral Saturday that "
    "underlined his committment to the poor and the most vulnerable.\n"
    "It was then carried into the church, escorted by Swiss Guards.\n"
    "Earlier, Cardinal Giovanni Battista Re, the 91-year-old dean of the College of Cardinals, "
    "eulogised Francis as a pope of the people, a pastor who knew how to communicate to the "
    "least among us with an informal, spontaneous style.\n"
    "He was a pope among the people, with an open heart towards everyone, Re said in a spirited "
    "and highly personal sermon.\n"
)
FUNERAL_B = (
    "On Saturday 26 April, the Church bid farewell to Pope Francis in a moving Funeral Mass "
    "celebrated in Saint Peter\u2019s Square, the very place where the late pontiff had led so "
    "many historic liturgies and joyful gatherings over the past twelve years.\n"
    "Cardinal Giovanni Battista Re, Dean of the College of Cardinals, delivered the homily before "
    "a sea of mourners, including global dignitaries and pilgrims, who came to honour the first "
    "pope from the Americas.\n"
)

# pair r7_rights_council_2011_attendee_change: an Itar-Tass preview (none-t718) and the Kremlin's
# report of the meeting (kremlin_en-t718): Medvedev chairing is news against the preview
PREVIEW = (
    "Medvedev to meet members of Council for civil society & human rights\n\n"
    "MOSCOW, July 5 (Itar-Tass) - Russian President Dmitry Medvedev will on\n"
    "Tuesday meet members of the presidential Council for the development of\n"
    "civil society and human rights.\n"
)
KREMLIN = (
    "Meeting of the Council for Civil Society Institutions and Human Rights\n\n"
    "July 5, 2011, Nalchik\n\n"
    "Dmitry Medvedev chaired a meeting of the Council for Civil Society Institutions and Human "
    "Rights in the capital of Kabardino-Balkaria.\n"
)


def test_says_role_done_skips_what_is_still_to_come() -> None:
    re_ = _person("Giovanni Battista Re", "spoke")
    assert says_role(FUNERAL_A, re_, "spoke", ROSTER, done=True)
    medvedev = _person("Dmitry Medvedev", "presided")
    planned = "Russian President Dmitry Medvedev will on Tuesday chair a meeting of the Council."
    assert says_role(planned, medvedev, "presided", ROSTER)
    assert not says_role(planned, medvedev, "presided", ROSTER, done=True)


def test_a_first_report_telling_the_role_in_words_adds_nobody() -> None:
    change = compare_reports(FUNERAL_A, FUNERAL_B, ROSTER)
    assert change is None or change.attendees is None or not change.attendees.added


def test_a_preview_still_adds_whom_the_report_states() -> None:
    change = compare_reports(PREVIEW, KREMLIN, ROSTER)
    assert change is not None and change.attendees is not None
    assert change.attendees.added == ("Dmitry Medvedev",)


# --- a person the first report names only in a plan ------------------------------------------

# pair r2_xi_berlin_attendee_change: an early agency version (de-t207) has Merkel only in a plan
# ("Am Vormittag sollte Xi Bundeskanzlerin Angela Merkel treffen"); the later one (de-t225) tells
# the meeting as held. The people are the labelled ones (the extractor reads the plan as held)
BERLIN_EARLY = (
    "Chinas Präsident Xi in Berlin mit militärischen Ehren begrüsst\n\n"
    "Der deutsche Bundespräsident Frank Walter Steinmeier hat am Mittwoch den chinesischen "
    "Staatschef Xi Jinping in Berlin empfangen. Xi wurde bei seinem Eintreffen in Schloss "
    "Bellevue mit militärischen Ehren begrüsst.\n\n"
    "Am Vormittag sollte Xi Bundeskanzlerin Angela Merkel treffen. Das Treffen des chinesischen "
    "Staatschefs mit Merkel dient unter anderem der Vorbereitung des G20-Gipfels in Hamburg, an "
    "dem Xi ab Freitag teilnimmt.\n"
)
BERLIN_LATER = (
    "Bundeskanzlerin Angela Merkel (CDU) ist am Mittwoch in Berlin mit dem chinesischen "
    "Staatschef Xi Jinping zusammengekommen. Merkel sagte zur Begrüßung, das Treffen sei eine "
    '"gute Gelegenheit", die Beziehungen zwischen Deutschland und China zu erweitern.\n\n'
    "Zuvor hatte Bundespräsident Frank Walter Steinmeier den chinesischen Präsidenten empfangen. "
    "Xi wurde bei seinem Eintreffen in Schloss Bellevue mit militärischen Ehren begrüßt.\n"
)


def _report(people: list[Person]) -> Report:
    return Report(language="de", people=tuple(people), findings=())


def test_told_as_done_drops_the_sentences_of_a_plan() -> None:
    done = told_as_done(BERLIN_EARLY)
    assert "sollte" not in done
    assert "Frank Walter Steinmeier hat am Mittwoch" in done


def test_a_person_named_only_in_a_plan_and_then_stated_is_added() -> None:
    early = [_person("Frank Walter Steinmeier", "presided", 1), _person("Xi Jinping", "attended")]
    later = [_person("Angela Merkel", "attended", 1), *early]
    change = compare_reports(
        BERLIN_EARLY, BERLIN_LATER, ROSTER, reports=(_report(early), _report(later))
    )
    assert change is not None and change.attendees is not None
    assert change.attendees.added == ("Angela Merkel",)
    # named as met in a sentence told as done, she is not added: the mention filter keeps her
    held = BERLIN_EARLY.replace("Am Vormittag sollte Xi", "Am Vormittag hat Xi").replace(
        "treffen.", "getroffen."
    )
    change = compare_reports(held, BERLIN_LATER, ROSTER, reports=(_report(early), _report(later)))
    assert change is None or change.attendees is None or not change.attendees.added
