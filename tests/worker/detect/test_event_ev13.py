"""Round 13 (branch issue-ev13): taking office by other people, one day, is another occasion.
Each title and text is of a report of bench/data/events/ (its id in a comment; its source in
bench/data/events/PROVENANCE.md under that id)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import GroupingOptions, report_features, score
from worker.service.seeds import load_roster

ROSTER = load_roster()
JOIN = GroupingOptions().join

# d8-japan-diet-ishiba-2024-10-nikkeilive-ja (dev_round8), published 1 October 2024
ISHIBA_JA = report_features(
    "石破茂総裁、第102代首相に選出",
    "第214臨時国会が1日召集され、自民党の石破茂総裁が衆参本会議の首相指名選挙で、第102代首相に"
    "選出された。皇居での首相任命式と閣僚認証式を経て、公明党との連立による石破内閣が発足した。"
    "石破氏は国会会期末の9日に衆院を解散し、「15日公示、27日投開票」の日程で衆院選に臨む方針だ。\n",
    date(2024, 10, 1),
    ROSTER,
)
# e12-sheinbaum-es-wradio (dev_round17), published 1 October 2024: "investidura" is read as a
# head of government elected (`premier-elected`), as in Spain, besides the swearing-in
SHEINBAUM_WRADIO = report_features(
    "(no headline shown in stored excerpt)",
    "Este primero de octubre toma protesta como la primera presidenta de México Claudia "
    "Sheinbaum en el Congreso de la Unión. Con la ceremonia de investidura presidencial queda "
    "concluida la administración del presidente Andrés Manuel López Obrador; la banda "
    "presidencial será colocada por Ifigenia Martínez.\n\nA la entrega de la Banda Presidencial "
    "ante el Congreso de la Unión asisten representantes y mandatarios de 105 países del "
    "mundo.\n",
    date(2024, 10, 1),
    ROSTER,
)
# d9-sheinbaum-informador-es (dev_round9), published 1 October 2024
SHEINBAUM_INFORMADOR = report_features(
    "Claudia Sheinbaum: Cronología de la toma de protesta como Presidenta de México",
    "Claudia Sheinbaum Pardo asumió este 1 de octubre de 2024 la Presidencia Constitucional de "
    "los Estados Unidos Mexicanos, marcando un hito histórico al convertirse en la primera mujer "
    "en ocupar este cargo en más de 200 años de historia independiente del país. La ceremonia "
    "se llevó a cabo en la Cámara de Diputados durante una sesión solemne del Congreso de la "
    "Unión, con la presencia del presidente saliente, Andrés Manuel López Obrador, quien la "
    "precede como el número 66 en la lista de presidentes.\n",
    date(2024, 10, 1),
    ROSTER,
)


def test_taking_office_by_other_people_is_another_occasion() -> None:
    # both name a head of government taking office, that day; nobody in common
    assert "premier-elected" in ISHIBA_JA.forums
    assert "premier-elected" in SHEINBAUM_WRADIO.forums
    assert score(ISHIBA_JA, SHEINBAUM_WRADIO).score < JOIN


def test_the_same_person_taking_office_still_joins() -> None:
    assert score(SHEINBAUM_WRADIO, SHEINBAUM_INFORMADOR).score >= JOIN


# e12-takaichi-ja-livedoor (dev_round17), published 21 October 2025: the day in full-width
# digits first ("２１日午後"), the LDP election of 4 October recalled after it
TAKAICHI_JA = report_features(
    "",
    "自民党の高市早苗総裁（６４）は２１日午後、衆参両院本会議の首相指名選挙で第１０４代首相に選出"
    "された。女性の首相は憲政史上初めて。ただちに組閣を行い、皇居での首相親任式と閣僚認証式を経て、"
    "同日夜に高市内閣が正式に発足する。高市氏は石破茂・前首相の後継を選ぶ１０月４日の自民党総裁選で、"
    "小泉進次郎、林芳正、小林鷹之、茂木敏充の４氏を破り、総裁の座に就いた。\n",
    date(2025, 10, 21),
    ROSTER,
)
# e12-takaichi-zh-udn (dev_round17), published 21 October 2025
TAKAICHI_UDN = report_features(
    "高市早苗在眾院首相選舉勝出 日本誕生首位女首相",
    "高市早苗在眾院首相選舉勝出 日本誕生首位女首相\n日本眾議院今天下午舉行首相指名選舉，自民黨總裁"
    "高市早苗獲得多數支持，獲指名為日本第104任首相，即使參議院投票結果不同，根據日本憲法規定，她也"
    "將成為日本史上首位女首相。\n",
    date(2025, 10, 21),
    ROSTER,
)


def test_a_day_of_the_month_in_full_width_digits_before_a_recalled_date() -> None:
    assert TAKAICHI_JA.occasion == "10-21"
    assert score(TAKAICHI_JA, TAKAICHI_UDN).score >= JOIN


def test_the_end_of_a_range_is_no_day_alone() -> None:
    # ciie-2025-hk01-zh (dev_round7), published 5 November 2025: "11月5—10日" is the span
    ciie = report_features(
        "總理李強出席上海進博會開幕式並演講 參展國家創新高",
        "第八屆中國國際進口博覽會將於11月5—10日在上海舉辦。11月5日，國務院總理李強將出席開幕式及相關"
        "活動並發表主旨演講。\n",
        date(2025, 11, 5),
        ROSTER,
    )
    assert ciie.occasion == "11-05"


# e12-nepalquake-en-hansindia (dev_round17), published 25 April 2015
DHARARA_HANSINDIA = report_features(
    "Historic Dharara Tower Collapses in Kathmandu After 7.9 Earthquake",
    "Historic Dharara Tower Collapses in Kathmandu After 7.9 Earthquake\n\nA historic tower built "
    "in the 19th century collapsed in the Nepali capital Kathmandu following a severe earthquake "
    "today and at least one body was removed as police cordoned off the area, a Reuters witness "
    "said.\n",
    date(2015, 4, 25),
    ROSTER,
)
# e12-nepalquake-en-eatpraynepal (dev_round17), published 27 April 2015 (a blog)
DHARARA_BLOG = report_features(
    "Dharara collapses Nepal Earthquake disaster 2015",
    "Eat Pray Nepal Blog: April 2015\n\nMonday, April 27, 2015\n\nDharara collapses Nepal "
    "Earthquake disaster 2015\n\nPray For Nepal - The earthquake on Saturday April 25, 2015 was "
    "the biggest to hit Nepal since 1930. The cost of rebuilding is estimated to cost US$ 5 "
    "Billion to $10 Billion.\n",
    date(2015, 4, 27),
    ROSTER,
)


def test_one_outcome_named_by_a_title_noun_the_other_writes() -> None:
    # one collapse, one day: "Dharara" is a proper noun of the blog's title and a word of the
    # other title, which is in capitals throughout
    assert score(DHARARA_HANSINDIA, DHARARA_BLOG).score >= JOIN
