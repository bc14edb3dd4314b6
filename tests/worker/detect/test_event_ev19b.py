"""Round 19 (branch issue-ev19b): reports of one happening that share no person, tied by where
it is (worker/detect/places.py `where_named`: the gazetteer with CLDR's names of countries and of
the time-zone database's cities, in every locale the feeds write in, made from Babel by
bench/make_places_cldr.py) and, for a country, by
a count or the kind of occasion too. Each pair below was missed before this round (no person in
common; the Korean report not even fetched, no index key in common). The excerpts are real
(bench/data/events/dev_round17.toml, dev_round19.toml, dev_round6.toml; ids in the comments)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from worker.detect.events import Features, GroupingOptions, report_features, score
from worker.detect.places import where_named
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e12-expo2030-en-trtworld (TRT World, 28 November 2023; dev_round17)
TRT_TITLE = "Saudi Arabia wins bid to host 2030 World Expo in Riyadh"
TRT = (
    "Saudi Arabia's Riyadh has won the right to host the 2030 World Expo, vote results showed, "
    "in another diplomatic victory for a Gulf country after the Qatar football World Cup last "
    "year.\n\nSouth Korea's Busan and Italy's Rome were also in the running to host the world "
    "fair, a five-yearly event that attracts millions of visitors and billions of dollars in "
    "investment.\n\nRiyadh won 119 votes, Busan 29 and Rome 17, results from 182 members of the "
    "Paris-based Bureau International des Expositions (BIE) showed on Tuesday."
)
# e12-expo2030-ko-newspim (뉴스핌, 29 November 2023; dev_round17)
NEWSPIM = (
    "[세종=뉴스핌] 최영수 기자 = '2030 세계박람회' 개최지가 사우디 리야드로 확정됐다. 부산은 29표에 "
    "그치면서 아깝게 유치에 실패했다.\n28일(현지시간) 프랑스 파리에서 개최된 국제박람회기구(BIE) "
    "제173차 총회에서 열린 '2030 세계엑스포' 개최지 투표에서 이 같이 결정됐다.\n1차 투표에서 투표 "
    "수의 3분 2를 차지하면 개최지로 선정된다. 투표 결과 1차 투표에서 사우디(리야드)가 119표를 "
    "얻으면서 곧바로 개최지로 확정됐다."
)
# e14-beirut-blast-de-gsi-news (GSI News, 5 August 2020; dev_round19)
GSI = (
    "Dienstagabend, 4.8, ereigneten sich zwei Explosionen im Hafen von Beirut. Die gewaltigen "
    "Detonationen töteten laut dem libanesischen Gesundheitsministerium über 70 Menschen und "
    "verletzten mehr als 3700. Die Druckwelle der zweiten Explosion ließ einzelne Häuser in sich "
    "zusammenstürzen."
)
# e14-beirut-blast-de-euronews (Euronews (Deutsch), 5 August 2020; dev_round19)
EURONEWS = (
    "Bei der gewaltigen Detonation in der libanesischen Hauptstadt Beirut ist die Anzahl der "
    "Toten auf über 100 gestiegen. Etwa 4.000 Menschen wurden verletzt.\n\nDurch die "
    "Erschütterung zerbarsten Fenster, Trümmerteile schlugen Löcher in Wände."
)
# e14-morocco-quake-fr-centrepresse (Centre Presse Aveyron, 9 September 2023; dev_round19)
CENTREPRESSE = (
    "Le Maroc a été touché par un puissant séisme, dans la soirée du vendredi 8 septembre 2023. "
    "Selon un dernier bilan provisoire, 632 personnes sont mortes.\n\nUn puissant séisme s'est "
    "produit tard vendredi dans la chaîne montagneuse du Haut Atlas, au Maroc. Au moins 632 "
    "personnes sont mortes et 329 autres ont été blessées, a rapporté samedi la télévision "
    "publique marocaine, citant le ministère de l'Intérieur."
)
# e14-morocco-quake-fr-allafrica (AllAfrica (RFI), 9 September 2023; dev_round19)
ALLAFRICA = (
    "La terre a tremblé dans le centre du Maroc, dans la région de Marrakech, à une magnitude de "
    "7 sur l'échelle de Richter, dans la nuit du vendredi 8 au samedi 9 septembre. Le nombre de "
    "victimes est en constante augmentation, d'importants dégâts sont signalés. Le dernier bilan "
    "des autorités marocaines fait état d'au moins 632 morts et 329 blessés."
)
# cpc-4th-plenum-opens-peoplecn (People's Daily Online (Xinhua), 20 October 2025; dev_round6)
PEOPLECN_TITLE = "20th CPC Central Committee starts fourth plenary session"
PEOPLECN = (
    "20th CPC Central Committee starts fourth plenary session\n(Xinhua) 12:44, October 20, 2025\n"
    "BEIJING, Oct. 20 (Xinhua) -- The 20th Central Committee of the Communist Party of China "
    "(CPC) started its fourth plenary session in Beijing on Monday morning."
)
# cpc-4th-plenum-closes-ettoday-zh (ETtoday 新聞雲, 23 October 2025; dev_round6): the closing,
# labelled apart from the opening
ETTODAY_TITLE = "中共四中全會閉幕 公報審議通過「十五五」規劃建議"
ETTODAY = (
    "▲中共四中全會今天閉幕，全會公報正式審議通過「十五五」規劃建議。（圖／路透社）\n\n記者任以芳／北京報導"
    "\n\n中共第二十屆中央委員會第四次全體會議（簡稱二十屆四中全會）於10月20日至23日在北京舉行，23日發表"
    "全會公報，正式審議通過《中共中央關於制定國民經濟和社會發展第十五個五年規劃的建議》。對港澳與兩岸議題，"
    "公報延續一貫表述，「促進香港、澳門長期繁榮穩定，推動兩岸關係和平發展、推進祖國統一大業。」"
)


def features(title: str, text: str, day: date, language: str) -> Features:
    return report_features(title, text, day, ROSTER, language=language)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (TRT_TITLE, "riyadh"),
        (TRT_TITLE, "cc:SA"),
        (NEWSPIM, "riyadh"),  # 리야드, in Hangul (Babel's Korean exemplar city)
        (NEWSPIM, "cc:SA"),  # the city's country
        (ALLAFRICA, "cc:MA"),  # "Maroc"
        ("Землетрясение в Марокко", "cc:MA"),  # a Russian name, any case ending
        ("摩洛哥发生强烈地震", "cc:MA"),
        ("モロッコ中部で強い地震", "cc:MA"),
    ],
)
def test_a_place_is_one_key_in_every_language(text: str, key: str) -> None:
    assert key in where_named(text)


def test_a_meeting_in_french_is_no_island() -> None:
    # (Réunion, the island, is "une réunion" in French, Spanish, Italian and Portuguese)
    assert where_named("Réunion au sommet à Paris") == ("paris", "cc:FR")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a city and a count (119 votes), English and Korean, a day apart by the clock
        (
            (TRT_TITLE, TRT, date(2023, 11, 28), "en"),
            ("", NEWSPIM, date(2023, 11, 29), "ko"),
        ),
        # one city, nobody named up front, one day
        (("", GSI, date(2020, 8, 5), "de"), ("", EURONEWS, date(2020, 8, 5), "de")),
        # one country and one count (632 dead, 329 injured)
        (
            ("", CENTREPRESSE, date(2023, 9, 9), "fr"),
            ("", ALLAFRICA, date(2023, 9, 9), "fr"),
        ),
    ],
)
def test_reports_sharing_only_where_it_is_are_tied(
    first: tuple[str, str, date, str], second: tuple[str, str, date, str]
) -> None:
    a, b = features(*first), features(*second)
    assert a.index_keys() & b.index_keys()  # fetched: a key in common
    assert score(b, a, OPTS).score >= OPTS.join


def test_a_city_ties_only_reports_placing_it_in_one_city() -> None:
    # the closing report names Beijing, Hong Kong and Macao: it says no one city
    opens = features(PEOPLECN_TITLE, PEOPLECN, date(2025, 10, 20), "en")
    closes = features(ETTODAY_TITLE, ETTODAY, date(2025, 10, 23), "zh")
    assert "beijing" in opens.where and "beijing" in closes.where
    assert score(closes, opens, OPTS).score < OPTS.join


def test_the_same_place_a_year_later_is_another_happening() -> None:
    a = features("", GSI, date(2020, 8, 5), "de")
    b = features("", EURONEWS, date(2021, 8, 5), "de")
    assert score(b, a, OPTS).score < OPTS.join


def test_a_country_alone_does_not_tie() -> None:
    # (many unrelated reports of a day name one country; invented text, not of dev)
    a = features(
        "", "Morocco unveiled a new plan for its farmers on Saturday.", date(2023, 9, 9), "en"
    )
    b = features("", "摩洛哥本周末举办国际音乐节，吸引大批游客。", date(2023, 9, 9), "zh")
    assert "cc:MA" in a.where and "cc:MA" in b.where
    assert score(b, a, OPTS).score < OPTS.join


def test_where_is_kept_with_the_features() -> None:
    a = features(TRT_TITLE, TRT, date(2023, 11, 28), "en")
    assert Features.from_json(a.to_json()).where == a.where


def test_places_across_languages_are_read_without_loading_babel() -> None:
    """A fetch that groups reports reads CLDR's names from the generated module: loading 24 of
    Babel's locales cost ~0.2 s of every such pass (round 19, lead)."""
    code = (
        "import sys\n"
        "from worker.detect.places import where_named\n"
        "print(where_named('Riyadh won 119 votes, Rabat and 摩洛哥 none'))\n"
        "print('babel' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert out == ["('riyadh', 'cc:SA', 'rabat', 'cc:MA')", "False"]
