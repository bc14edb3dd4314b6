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
