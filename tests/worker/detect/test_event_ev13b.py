"""Round 13 (branch issue-ev13b): evidence across languages. A number glued to or followed by
a word of another alphabet ("119표", "8.8 तीव्रता") or written with a decimal comma ("jačine 8,7
stepeni") is a number `_same_count` compares across languages, with the same day; two proper
nouns spelt alike in two languages, one of them no roster person's name, one day, tie two
reports (`_nouns_alike`). Each title and text is of a report of bench/data/events/ (its id and
file in a comment; its source there under that id)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    GroupingOptions,
    _counts,
    _nouns_alike,
    _numbers,
    report_features,
    score,
)
from worker.service.seeds import load_roster

ROSTER = load_roster()
JOIN = GroupingOptions().join
QUAKE_DAY = date(2025, 7, 30)

# e12-kamchatka-hi-aajtak, published 30 July 2025 (no headline shown)
KAMCHATKA_HI = report_features(
    "",
    "रूस के कामचटका प्रायद्वीप के पास 8.8 तीव्रता का भूकंप आया. भूकंप का केंद्र प्रशांत महासागर में "
    "पेत्रोपावलोव्स्क शहर से लगभग 90 किलोमीटर दूर था, जिसकी गहराई 25 किलोमीटर थी. इस भूकंप के बाद "
    "सुनामी ने तटीय इलाकों को प्रभावित किया.\n",
    QUAKE_DAY,
    ROSTER,
)
# e12-kamchatka-en-safir, published 30 July 2025: its stored text opens with the headline
KAMCHATKA_EN = report_features(
    "8.8 magnitude earthquake in Kamchatka; tsunami warning for coasts of Russia, Japan and the US",
    "8.8 magnitude earthquake in Kamchatka; tsunami warning for coasts of Russia, Japan and the US\n"
    "A powerful earthquake measuring 8.8 on the Richter scale shook the eastern coast of the "
    "Kamchatka Peninsula in the Russian Far East this morning, Wednesday, July 30, at 11:25 a.m. "
    "local time.\nThe earthquake, which occurred at a depth of 19.3 kilometers and 125 kilometers "
    "east-southeast of the city of Petropavlovsk-Kamchatsky, is the strongest earthquake in the "
    "region since 1952 and one of the most powerful earthquakes recorded in the world since 2011.\n",
    QUAKE_DAY,
    ROSTER,
)
# e12-kamchatka-sr-pravda, published 30 July 2025: its magnitude is another (8,7)
KAMCHATKA_SR = report_features(
    "Kamčatku pogodio najjači zemljotres od 1952. godine, proglašena opasnost od cunamija",
    "Zemljotres jačine 8,7 stepeni pogodio je Kamčatku. To je najjači potres u regionu od 1952. "
    "godine.\nNema informacija o žrtvama, ali je zabeležena materijalna šteta.\n",
    QUAKE_DAY,
    ROSTER,
)
# e12-expo2030-ko-hankook, published 28 November 2023 (no headline shown)
EXPO_KO = report_features(
    "",
    "28일(현지시간) 사우디아라비아 리야드가 2030 세계박람회(엑스포) 개최지로 확정됐다. 부산은 1차 투표의 "
    "관문을 끝내 넘지 못했다.\n이날 프랑스 파리 시내 팔레드콩그레에서 열린 국제박람회기구(BIE) 총회 "
    "결과, 1차 투표에서 119표를 획득한 리야드가 2030 엑스포 개최지로 최종 낙점됐다. 이번 엑스포 "
    "개최지 투표엔 BIE 회원국 총 182개 국 중 165개국이 참여했다.\n",
    date(2023, 11, 28),
    ROSTER,
)
# e12-expo2030-en-trtworld, published 28 November 2023
EXPO_EN = report_features(
    "Saudi Arabia wins bid to host 2030 World Expo in Riyadh",
    "Saudi Arabia's Riyadh has won the right to host the 2030 World Expo, vote results showed, "
    "in another diplomatic victory for a Gulf country after the Qatar football World Cup last "
    "year.\nSouth Korea's Busan and Italy's Rome were also in the running to host the world fair, "
    "a five-yearly event that attracts millions of visitors and billions of dollars in "
    "investment.\nRiyadh won 119 votes, Busan 29 and Rome 17, results from 182 members of the "
    "Paris-based Bureau International des Expositions (BIE) showed on Tuesday.\n",
    date(2023, 11, 28),
    ROSTER,
)


def test_numbers_in_other_scripts_and_decimal_commas() -> None:
    assert ("तीव्रता", "8.8") in _numbers("रूस के कामचटका प्रायद्वीप के पास 8.8 तीव्रता का भूकंप", "hi")
    assert ("표를", "119") in _numbers("1차 투표에서 119표를 획득한 리야드가", "ko")
    assert ("stepeni", "8.7") in _numbers("Zemljotres jačine 8,7 stepeni pogodio je Kamčatku", "sr")
    # a clock time, a year and a day of the month are no counts
    assert _counts(EXPO_KO) == frozenset({"119", "182", "165"})
    # e12-expo2030-ko-edaily's byline: a clock time is no count
    assert "25" not in {v for _, v in _numbers("2023.11.29 01:25:00 by이지은 기자", "ko")}


def test_one_magnitude_joins_hindi_and_english() -> None:
    match = score(KAMCHATKA_HI, KAMCHATKA_EN)
    assert match.score >= JOIN and match.reason == "the same count, one day"


def test_one_vote_count_joins_korean_and_english() -> None:
    assert score(EXPO_KO, EXPO_EN).score >= JOIN


def test_another_magnitude_or_another_day_does_not_join() -> None:
    assert "8.7" in _counts(KAMCHATKA_SR)
    assert score(KAMCHATKA_SR, KAMCHATKA_HI).score < JOIN
    later = report_features(
        "", "रूस के कामचटका प्रायद्वीप के पास 8.8 तीव्रता का भूकंप आया.\n", date(2025, 8, 2), ROSTER
    )
    assert score(later, KAMCHATKA_EN).score < JOIN


# e12-bdo21-es-deia (dev_round17), published 29 November 2021 (no headline shown)
BDO21_ES = report_features(
    "",
    "El argentino Lionel Messi, de 34 años y actualmente en el París Saint-Germain, se alzó este "
    "lunes con el Balón de Oro de la revista France Football que ha ganado ya en siete "
    "ocasiones.\n\nEl exfutbolista del Barcelona superó al polaco Robert Lewandowski y al francés "
    "Karim Benzema en la clasificación de este premio que se creó en 1956.\n",
    date(2021, 11, 29),
    ROSTER,
)
# e12-bdo21-en-fourfourtwo (dev_round17), published 29 November 2021
BDO21_EN = report_features(
    "Lionel Messi wins record seventh Ballon d’Or",
    "Lionel Messi wins record seventh Ballon d’Or\n\nLionel Messi has won the Ballon d’Or\n"
    "(Image credit: Christophe Ena)\n\nLionel Messi has won the seventh men’s Ballon d’Or of his "
    "illustrious career at a ceremony in Paris.\n",
    date(2021, 11, 29),
    ROSTER,
)
# kings-speech-2023-scotsman (dev_round10), published 7 November 2023
KINGS_SPEECH_EN = report_features(
    "King’s Speech live: All the announcements as King Charles makes first King’s Speech",
    "All Sections\nKing’s Speech live: All the announcements as King Charles makes first King’s "
    "Speech\n\nKing Charles is set to announce all the legislation ministers intend to pass in "
    "the coming year at the State Opening of Parliament. \n\nBy Alexander Brown\n",
    date(2023, 11, 7),
    ROSTER,
)
# kings-speech-2023-sueddeutsche (dev_round10), published 7 November 2023
KINGS_SPEECH_DE = report_features(
    "König Charles: King's Speech im Parlament – Sunaks Programm",
    'In seiner ersten "King\'s Speech" stellt Charles III. de facto das vorgezogene '
    'Wahlprogramm von Rishi Sunak vor. Der Premier will vor allem mit "Law and Order" punkten.'
    "\n\nVon Alexander Mühlauer, London\n",
    date(2023, 11, 7),
    ROSTER,
)
# trump-verdict-retodiario (dev_round11), published 31 May 2024: the verdict of the 30th
TRUMP_VERDICT_ES = report_features(
    "Donald Trump, primer expresidente de EE.UU. declarado culpable en juicio penal",
    "El expresidente de Estados Unidos, Donald Trump, ha sido declarado culpable de 34 cargos en "
    "un juicio histórico celebrado en Nueva York.\n",
    date(2024, 5, 31),
    ROSTER,
)
# alone-trump-tower-presser-wkxi (dev_round12), published 31 May 2024: labelled by its lead,
# the press conference at Trump Tower the day after the verdict
TRUMP_TOWER_EN = report_features(
    "Donald Trump found guilty in hush money trial",
    "NEW YORK, NEW YORK - MAY 31: Former U.S. President Donald Trump holds a press conference "
    "following the verdict in his hush-money trial at Trump Tower on May 31, 2024 in New York "
    "City.\n",
    date(2024, 5, 31),
    ROSTER,
)


def test_the_prize_and_its_winner_spelt_alike_join_spanish_and_english() -> None:
    # "Balón" and "Ballon" are one key in letters; "Messi" in both
    assert _nouns_alike(BDO21_ES, BDO21_EN)
    assert score(BDO21_ES, BDO21_EN).score >= JOIN


def test_the_speech_and_the_king_join_german_and_english() -> None:
    assert _nouns_alike(KINGS_SPEECH_DE, KINGS_SPEECH_EN)
    assert score(KINGS_SPEECH_DE, KINGS_SPEECH_EN).score >= JOIN


def test_one_roster_person_s_two_names_are_no_two_nouns() -> None:
    # "Donald" and "Trump" in both titles, one day: a person, whom the people rules weigh
    assert not _nouns_alike(TRUMP_VERDICT_ES, TRUMP_TOWER_EN)


def test_two_nouns_spelt_alike_on_another_day_do_not_join() -> None:
    later = report_features(
        "", "El argentino Lionel Messi se alzó con el Balón de Oro.\n", date(2021, 12, 3), ROSTER
    )
    assert not _nouns_alike(later, BDO21_EN)
    assert score(later, BDO21_EN).score < JOIN
