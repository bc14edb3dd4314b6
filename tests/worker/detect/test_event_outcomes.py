"""Occasions with an outcome (worker/detect/outcomes.py, round 11): the deed read from a table
per language, the title's proper nouns, and the rule tying two reports by them
(`same_happening` in worker/detect/events.py). Pairs of real reports in
tests/data/events/outcome_cases.toml (bench/data/events/dev_round11.toml)."""

from __future__ import annotations

from datetime import date

import pytest

from worker.detect.events import kinds_agree, report_features
from worker.detect.outcomes import OUTCOMES, outcome_kinds, proper_nouns
from worker.service.seeds import load_roster

ROSTER = load_roster()
# The pairs of real reports in ../data/events/outcome_cases.toml are checked by
# test_event_grouping_cases.py with the other grouping cases.


# Titles of dev_round11.toml (id in the comment): one language at least per kind.
TITLES = [
    ("verdict", "L'ancien président Nicolas Sarkozy condamné à 5 ans de prison ferme"),  # fr
    ("verdict", "STF condena Bolsonaro a 27 anos e 3 meses de prisão por trama golpista"),  # pt
    ("verdict", "Trump es culpable de cargos por el pago secreto a Stormy Daniels"),  # es
    ("election", "Javier Milei é eleito presidente da Argentina"),  # pt, milei-runoff-guamareemdia
    ("election", "Elecciones en Brasil: Lula irá a una segunda vuelta"),  # es, inforama
    ("election", "Argentina, Milei dell'ultradestra è il nuovo presidente"),  # it, italiaoggi
    ("vote", "El Congreso aprueba la ley de amnistía con una mayoría absoluta"),  # es
    ("death", "Muere el papa Francisco"),  # es, francis-death-elhuarache
    ("victory", "Pogacar vince anche la crono finale e festeggia il terzo Tour"),  # it, italpress
    ("victory", "Nemo gewinnt für die Schweiz den Eurovision Song Contest"),  # de, kleinreport
    ("launch", "Starship-Riesenrakete von SpaceX explodiert bei erstem Testflug"),  # de, stern
    ("launch", "Chandrayaan-3 landet nær Månens sydpol"),  # da, rumfart
    ("victory", "Švajcarski izvođač Nemo pobednik Evrovizije"),  # sr, esc2024-naslovi-rferl
    (
        "vote",
        "El Congreso respalda la Ley de Amnistía y la envía al BOE",
    ),  # es, amnesty-final-upday
    # round 9, dev_round12 (sources in bench/data/events/PROVENANCE.md: yoon-impeached-blueroof,
    # -dlf, -rd; fico-shot-gauchazh, -tasr; key-bridge-ilmessaggero, -oldsaltblog;
    # milton-landfall-wusf; ishiba-resigns-devdiscourse)
    ("impeachment", "Breaking news analysis: Yoon Suk-yeol is impeached"),
    ("impeachment", "Parlament stimmt für Amtsenthebungsverfahren gegen Präsident Yoon"),
    ("impeachment", "Zuid-Koreaans parlement stemt voor afzetten president Yoon"),
    ("attack", "Premiê da Eslováquia é baleado e levado a hospital; estado de saúde é grave"),
    ("attack", "Prime Minister Fico shot and injured"),
    ("collapse", "Ponte crollato a Baltimora, la nave: marinai ancora a bordo"),
    ("collapse", "Baltimore Key Bridge Collapses After Being Struck by Container Ship MV Dali"),
    (
        "collapse",
        "Hurricane Milton makes landfall near Siesta Key with destructive rain, wind and surge",
    ),
    ("resignation", "Turmoil in Japan: PM Ishiba resigns amidst party pressure"),
]


@pytest.mark.parametrize(("kind", "title"), TITLES, ids=[t for _, t in TITLES])
def test_the_outcome_is_read_from_the_table_of_each_language(kind: str, title: str) -> None:
    assert kind in outcome_kinds(title, "")


def test_every_kind_has_a_row_for_the_languages_of_the_feeds() -> None:
    for kind, rows in OUTCOMES.items():
        assert {"en", "es", "pt", "it", "fr", "de", "ko", "el", "sr"} <= set(rows), kind


def test_outcomes_are_evidence_for_never_against() -> None:
    # "Lula vence nas urnas" (a victory) and "Lula é eleito" (an election): not known to differ
    # (since round 11, ev11, known to agree: an election is won)
    a = report_features("Lula vence nas urnas", "Lula vence.", date(2022, 10, 30))
    b = report_features("Lula é eleito presidente do Brasil", "Lula é eleito.", date(2022, 10, 30))
    assert a.kinds == ("victory",) and b.kinds == ("election",)
    assert kinds_agree(a, b) is True


def test_proper_nouns_are_words_written_with_a_capital_inside_a_sentence() -> None:
    # sentence case (Spanish): the capitals are names
    assert proper_nouns(
        "Cohete Starship de SpaceX explota en el aire en su primer vuelo de prueba", ""
    ) == ("starship", "spacex")
    # title case (English): the title's capitals say nothing; the lead's do
    assert proper_nouns(
        "India's Moon Moment Is Here: A Small Step For Chandrayaan-3",
        "The nation waits as Chandrayaan-3 nears the lunar south pole.",
    ) == ("chandrayaan",)
    # a title with a verb in lower case is no headline in title case: its capitals are names
    assert "nemo" in proper_nouns("Švajcarski izvođač Nemo pobednik Evrovizije", "")


def test_a_greek_report_of_the_final_joins_the_one_of_the_night_before() -> None:
    # esc2023-gazzetta (Gazzetta.gr, 2023-05-14, undated) and esc2023-trend (Trend, 2023-05-14,
    # dating the final to Saturday 13 May): one victory, Loreen, filed the next day
    el = report_features(
        "",
        "Η Loreen κέρδισε για χάρη της Σουηδίας την Eurovision 2023 με 583 συνολικά βαθμούς, "
        "επιβεβαιώνοντας τα στοιχήματα.",
        date(2023, 5, 14),
    )
    assert el.kinds == ("victory",) and "loreen" in el.nouns


# Previews and named occasions in other languages (round 11), excerpts of dev_round11.toml.
def test_a_mass_scheduled_in_italian_is_a_preview() -> None:
    # alone-canonization-preview-skytg24 (Sky TG24, 2025-09-07), written before the Mass began
    lead = (
        "È già piena Piazza San Pietro in Vaticano, dove alle ore 10 è prevista la messa di papa "
        "Leone XIV con la canonizzazione di Pier Giorgio Frassati e di Carlo Acutis."
    )
    assert report_features("", lead, date(2025, 9, 7)).ahead


def test_a_few_hours_before_it_begins_is_a_preview() -> None:
    # alone-paris2024-opening-preview-rtn (RTN, 2024-07-26), the weather ahead of the ceremony
    lead = (
        "Nuages avec ou sans pluie? A quelques heures du début de la cérémonie d'ouverture des "
        "JO, une certaine incertitude demeure toujours quant à la météo prévue pour la soirée."
    )
    f = report_features(
        "Jour J pour la cérémonie d'ouverture sur la Seine", lead, date(2024, 7, 26)
    )
    assert f.ahead and "opening:olympics" in f.forums


def test_the_opening_ceremony_in_italian_and_the_nobel_prize_in_korean_are_named() -> None:
    # paris2024-opening-skytg24 (Sky TG24, 2024-07-26)
    it = report_features(
        "",
        "La tradizionale cerimonia di inaugurazione dei Giochi Olimpici si è svolta "
        "eccezionalmente al di fuori di uno stadio, lungo la Senna.",
        date(2024, 7, 26),
    )
    assert "opening:olympics" in it.forums
    # nobel-lit-etoday (이투데이, 2024-10-10)
    ko = report_features(
        "",
        "스웨덴 한림원은 10일(현지시간) 한국인 소설가 한강<사진>을 노벨 문학상 수상자로 선정했다.",
        date(2024, 10, 10),
    )
    assert "nobelliterature" in ko.forums


def test_an_outcome_given_as_the_setting_of_what_is_told_is_not_the_occasion() -> None:
    # bench/data/people none-015 (People's Daily Online, Xinhua, 2018-03-17) and none-013
    # (Global Times, 2018-03-19): congratulations on an election, not the election
    assert (
        outcome_kinds(
            "",
            "Russian President Vladimir Putin on Saturday sent a message to his Chinese counterpart, "
            "Xi Jinping, congratulating him on his election as Chinese president.",
        )
        == ()
    )
    assert (
        outcome_kinds(
            "Congratulations are pouring in from around the world after Xi Jinping was elected "
            "Chinese president",
            "",
        )
        == ()
    )
