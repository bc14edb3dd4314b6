"""Round 15 (branch issue-ev15): a Chinese name as a Russian text writes it (the Palladius
system, "Си Цзиньпин") is read as the roster's person; an undated report of talks that matches
the events of two days alike goes to the event of the day it was filed; two reports naming
nobody up front, of one day, a place and a proper noun in common, are one happening. The
excerpts are real (bench/data/events/dev_round16.toml, dev_round18.toml and dev_round19.toml,
ids in the comments)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    Features,
    GroupingOptions,
    _noun_and_place,
    _palladius,
    mentioned_people,
    place,
    report_features,
    score,
)
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e14-xi-putin-informal-2023-ru-interfax (Interfax, 20 March 2023: the informal meeting)
INTERFAX_TITLE = "Беседа Путина и Си Цзиньпина продолжалась четыре с половиной часа"
INTERFAX = (
    INTERFAX_TITLE + "\nМосква. 20 марта. INTERFAX.RU - В Москве завершилась неформальная встреча "
    "президента Владимира Путина и председателя КНР Си Цзиньпина. Китайский лидер покинул "
    "Кремль.\nВ общей сложности общение Путина и Си Цзиньпина продлилось четыре с половиной "
    "часа.\n"
)
# e14-xi-putin-informal-2023-ru-moika78 (Мойка78, 20 March 2023)
MOIKA = (
    "Неформальные переговоры между президентом РФ Владимиром Путиным и председателем КНР Си "
    "Цзиньпином подошли к концу. Об этом сообщили в пресс-службе Кремля.\n\nВ целом политики "
    "общались почти 4,5 часа.\n"
)
# e14-xi-putin-formal-2023-ru-gazeta (Газета.Ru, 21 March 2023: the formal talks; no date)
GAZETA = (
    "Переговоры президента РФ Владимира Путина и председателя КНР Си Цзиньпина в Большом "
    "Кремлевском дворце завершились.\nОни продлились около трех часов.\nНа встрече Путин и Си "
    "Цзиньпин подписали два заявления — о планах экономического сотрудничества и о планах "
    "углубления партнерства двух стран.\n"
)
# e13-xi-putin-kremlin-formal-2023-en-tbsnews (dev_round18, 21 March 2023: the formal talks)
TBS = (
    "Russian President Vladimir Putin welcomed Chinese leader Xi Jinping at the Kremlin on "
    "Tuesday for the start of formal talks expected to focus on the Ukraine crisis and deepening "
    "economic cooperation.\n\nThe two presidents shook hands and stood side by side for the "
    "playing of the national anthems before heading into the talks, footage from state "
    "television showed.\n"
)


def _features(title: str, text: str, published: date) -> Features:
    return report_features(title, text, published, ROSTER)


def test_chinese_names_in_russian_are_the_roster_people() -> None:
    # "Си Цзиньпина" (genitive) and "Си Цзиньпином" (instrumental) are Xi Jinping, as the
    # roster's Russian names in any case were read already ("Владимира Путина")
    assert set(mentioned_people(INTERFAX, ROSTER)) == {"vladimirputin", "xiyinping"}
    assert set(mentioned_people(MOIKA, ROSTER)) == {"vladimirputin", "xiyinping"}


def test_palladius_spelling_of_roster_names() -> None:
    by_name = {e.name: e for e in ROSTER.entries}
    # Си Цзиньпин, Дин Сюэсян, Чжао Лэцзи, Ли Цян, as `_romanise` reads them
    assert _palladius(by_name["Xi Jinping"]) == [("si", "tszinpin")]
    assert _palladius(by_name["Ding Xuexiang"]) == [("din", "syuesyan")]
    assert _palladius(by_name["Zhao Leji"]) == [("chzhao", "letszi")]
    assert _palladius(by_name["Li Qiang"]) == [("li", "tsyan")]
    # a name that is no Chinese name's pinyin is not spelt so (Putin's 普京 is "pujing")
    assert _palladius(by_name["Vladimir Putin"]) == []


def test_undated_talks_go_to_the_event_of_the_day_filed() -> None:
    # Gazeta's report of the formal talks, filed on the 21st and giving no date, matches the
    # informal meeting's reports of the 20th and the formal talks' report of the 21st alike
    # (the same two sides, talks): the day it was filed decides
    gazeta = _features("", GAZETA, date(2023, 3, 21))
    meeting = [
        _features(INTERFAX_TITLE, INTERFAX, date(2023, 3, 20)),
        _features("", MOIKA, date(2023, 3, 20)),
    ]
    talks = _features("", TBS, date(2023, 3, 21))
    assert all(score(gazeta, f, OPTS).score >= OPTS.join for f in (*meeting, talks))
    candidates = [("meeting-0320", date(2023, 3, 20), f) for f in meeting]
    candidates.append(("talks-0321", date(2023, 3, 21), talks))
    assert place(gazeta, candidates, OPTS).event == "talks-0321"
    # and a report of the meeting, filed that day, still joins the meeting
    assert place(meeting[1], candidates[:1] + candidates[2:], OPTS).event == "meeting-0320"


# e11-notredame-everydayng (dev_round16, The New York Times via Everyday NG, 15 April 2019)
NOTRE_DAME_EN_TITLE = (
    "PARIS — A large fire broke out at the Cathedral of Notre-Dame in Paris on Monday evening"
)
NOTRE_DAME_EN = (
    "By Aurelien Breeden, The New York Times\nPARIS — A large fire broke out at the Cathedral "
    "of Notre-Dame in Paris on Monday evening, causing part of the historic church’s spire to "
    "collapse as the blaze spread along its roof.\n"
)
# e14-notre-dame-fire-fr-francetvinfo (dev_round19, franceinfo, 15 April 2019; no title)
NOTRE_DAME_FR = (
    "La flèche de Notre-Dame de Paris, qui date du XIXe siècle, s'est effondrée sur elle-même "
    "en raison de l'incendie qui s'est déclaré un peu avant 19 heures, lundi 15 avril au soir, "
    "dans la cathédrale parisienne. L'origine de l'incendie n'était pas connue dans "
    "l'immédiat.\n"
)


def test_a_happening_told_by_a_place_and_a_proper_noun() -> None:
    # Notre-Dame's fire in English and French: nobody named up front, one day, Paris and
    # "Notre(-Dame)" in both: one happening
    en = _features(NOTRE_DAME_EN_TITLE, NOTRE_DAME_EN, date(2019, 4, 15))
    fr = _features("", NOTRE_DAME_FR, date(2019, 4, 15))
    assert _noun_and_place(en, fr)
    assert score(en, fr, OPTS).score >= OPTS.join
