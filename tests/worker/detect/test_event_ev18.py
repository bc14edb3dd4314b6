"""Round 18 (branch issue-ev18): occasions named in the languages dev_round22 writes them in.
Each excerpt is real (bench/data/events/dev_round22.toml; ids in the comments) and read no
named occasion before this round."""

from __future__ import annotations

from datetime import date

from worker.detect.events import GroupingOptions, report_features, score
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e17-brics-kazan-ru-rentv (РЕН ТВ, 23 October 2024)
RENTV_TITLE = "Лидеры стран БРИКС приняли Казанскую декларацию"
RENTV = (
    "Лидеры стран объединения БРИКС приняли Казанскую декларацию. Об утверждении документа в "
    "ходе саммита сообщил президент РФ Владимир Путин.\n"
    "Декларация фиксирует итоги встречи на высшем уровне и всего председательства России в "
    "объединении.\n"
)
# e17-brics-kazan-en-sputnik (Sputnik, 23 October 2024)
SPUTNIK_TITLE = "BRICS Summit Adopts Final Declaration With Long-Term Goals - Putin"
SPUTNIK = (
    "KAZAN, Russia (Sputnik) - The BRICS summit has adopted a final declaration that contains "
    "general assessments of the state of affairs in the world, as well as goals for the long "
    "term, Russian President Vladimir Putin said on Wednesday.\n"
)


def test_brics_in_cyrillic_is_its_summit() -> None:
    # "БРИКС" was no name of the body: the Russian report of the Kazan declaration named no
    # summit, and the English one of the same hour did
    ru = report_features(RENTV_TITLE, RENTV, date(2024, 10, 23), ROSTER)
    en = report_features(SPUTNIK_TITLE, SPUTNIK, date(2024, 10, 23), ROSTER)
    assert "brics" in ru.forums
    assert score(ru, en, OPTS).reason == "the same named occasion"


# e17-worldcup-final-en-aljazeera (Al Jazeera, 18 December 2022)
ALJAZEERA_TITLE = "Messi’s Argentina beat France on penalties to win World Cup"
ALJAZEERA = (
    "Lionel Messi’s Argentina overcome France in rollercoaster showpiece event concluded by "
    "Gonzalo Montiel’s spot-kick.\n"
    "Argentina have won the 2022 World Cup after a thrilling penalty shootout victory against "
    "France in an astonishing final.\n"
)
# e17-worldcup-final-en-iheart (iHeart, 18 December 2022)
IHEART_TITLE = "Argentina Wins 2022 World Cup"
IHEART = (
    "Argentina won the 2022 World Cup, defeating France in penalty kicks in Lusail Stadium in "
    "Qatar on Sunday (December 18).\n"
)


def test_a_cup_won_is_its_final() -> None:
    # two titles telling the final by its result, "to win World Cup", "Wins 2022 World Cup":
    # no named occasion before, so nothing tied the two reports of that evening
    a = report_features(ALJAZEERA_TITLE, ALJAZEERA, date(2022, 12, 18), ROSTER)
    b = report_features(IHEART_TITLE, IHEART, date(2022, 12, 18), ROSTER)
    assert "final:worldcup" in a.forums and "final:worldcup" in b.forums
    match = score(a, b, OPTS)
    assert match.score >= OPTS.join and match.reason == "the same named occasion"


def test_a_match_of_the_cup_is_no_final() -> None:
    # a match won in the competition, and a tennis major's titles (several finals a weekend)
    for title in ("Real Madrid win Champions League opener", "Alcaraz wins Wimbledon"):
        f = report_features(title, title, date(2024, 9, 17), ROSTER)
        assert not any(k.startswith("final:") for k in f.forums), title


def test_the_final_of_another_year_is_apart() -> None:
    # the same words a year later: another final (the window parts them)
    a = report_features(IHEART_TITLE, IHEART, date(2022, 12, 18), ROSTER)
    b = report_features(
        "Argentina Wins World Cup", "Argentina won the World Cup.", date(2023, 12, 18), ROSTER
    )
    assert score(a, b, OPTS).score < OPTS.join


def test_a_cup_won_years_ago_is_no_final() -> None:
    # a clause recalling a player's win is no report of the final
    title = "Toni Kroos, who won the World Cup in 2014, announces his retirement"
    f = report_features(title, title, date(2024, 5, 21), ROSTER)
    assert "final:worldcup" not in f.forums
