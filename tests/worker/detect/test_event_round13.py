"""Mechanisms read from dev_round13's misses (development data collected in round 9 by helper
events9b; bench/README.md, "Round 9b (branch issue-events9b): dev_round13 collected, scored as it came, read by cause"). Each title or excerpt is of a
report of bench/data/events/dev_round13.toml (its id in a comment; source in
bench/data/events/PROVENANCE.md under it); the pairs are in tests/data/events/round13_cases.toml."""

from __future__ import annotations

from datetime import date

from worker.detect.events import report_features
from worker.detect.held_occasions import held_occasions, of_one_day
from worker.detect.outcomes import outcome_kinds
from worker.service.seeds import load_roster

ROSTER = load_roster()


def test_the_outcome_table_reads_russian_arabic_and_indonesian_titles() -> None:
    # navalny-death-sputnik-kg (Sputnik Кыргызстан)
    assert outcome_kinds("Умер Навальный, сообщает управление ФСИН", "") == ("death",)
    # raisi-death-akhbar-rif (أخبار الريف): the death and, since round 25, the crash it came by
    assert outcome_kinds(
        "وفاة الرئيس الإيراني ووزير خارجيته في تحطم مروحية فوق منطقة جبلية", ""
    ) == ("death", "crash")
    # indonesia-quickcount-kompas (Kompas.com)
    assert "election" in outcome_kinds(
        'Unggul di "Quick Count", Prabowo: Harus Tetap Tunggu Hasil Resmi dari KPU', ""
    )


def test_a_death_said_by_the_word_for_the_dead_or_a_headline_noun() -> None:
    # raisi-death-dnaindia (DNA India), pope-francis-death-quotidiano (QN),
    # pope-francis-death-uol (UOL), navalny-death-pravda-ua (Ukrainska Pravda)
    titles = (
        "Iran President Ebrahim Raisi dead after rescuers find 'no survivors' at helicopter crash "
        "site",
        "Morto Papa Francesco",
        "Anúncio da morte do papa Francisco",
        "Russian Federal Penitentiary Service reports death of Alexei Navalny",
    )
    for title in titles:
        assert outcome_kinds(title, "") == ("death",), title
    # (an Italian "morto" inside a sentence is no headline's verb: the table reads it only first)
    assert outcome_kinds("Il ricordo del vescovo morto nel 1990", "") == ()


def test_the_nobel_categories_are_named_occasions_of_one_morning() -> None:
    # nobel-chem-2024-dw-de (Deutsche Welle), nobel-chem-2023-boursier-reuters (Boursier.com),
    # nobel-chem-2024-laitimes (traditional Chinese copy)
    assert held_occasions("Chemie-Nobelpreis teilen sich drei Protein-Wissenschaftler") == (
        "nobelchemistry",
    )
    assert held_occasions("Le prix Nobel de chimie 2023 a été attribué mercredi") == (
        "nobelchemistry",
    )
    assert "nobelchemistry" in held_occasions("2024年諾貝爾化學獎揭曉")
    # alone-nobel-medicine-2024-dlf (Deutschlandfunk)
    assert "nobelmedicine" in held_occasions(
        "Nobelpreis für Medizin geht an US-Amerikaner Ambros und Ruvkun"
    )
    assert all(of_one_day(k) for k in ("nobelchemistry", "nobelmedicine", "nobeleconomics"))


def test_the_oscars_named_in_spanish() -> None:
    # oscars-2023-informador (El Informador), oscars-2023-publimetro (Publimetro)
    assert "oscars" in held_occasions("ganó el premio a Mejor Película en los Oscar 2023")
    assert "oscars" in held_occasions("la selección del Óscar 2023 a la Mejor Actriz")


def test_a_name_in_two_alphabets_is_one_index_key() -> None:
    # navalny-death-sputnik-kg and navalny-death-la7: the store finds one from the other
    ru = report_features(
        "Умер Навальный, сообщает управление ФСИН",
        "БИШКЕК, 16 фев — Sputnik. Алексей Навальный* умер в исправительной колонии № 3.",
        date(2024, 2, 16),
        ROSTER,
    )
    it = report_features(
        "Alexey Navalny è morto, l'oppositore di Putin si sarebbe sentito male dopo una passeggiata",
        "Secondo il servizio penitenziario russo l'oppositore Alexey Navalny è morto nella colonia "
        "penale n. 3 del distretto autonomo russo di Yamalo-Nenets.",
        date(2024, 2, 16),
        ROSTER,
    )
    shared = {k for k in ru.index_keys() & it.index_keys() if k.startswith("r:")}
    assert shared == {"r:naval"}
