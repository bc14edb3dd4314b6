"""Round 14 (branch issue-ev14): precision on fresh reports. Two sides among the guests of
another occasion, a day alone before the Japanese comma, a departure for the occasion ahead,
two named occasions read in more words, and an occasion of one day told east of it. Each title
and text is of a report of bench/data/events/ (its id in a comment; its source in
bench/data/events/PROVENANCE.md under that id)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    GroupingOptions,
    announces,
    occasion_day,
    previewing,
    report_features,
    score,
    sides_among_guests,
)
from worker.service.seeds import load_roster

ROSTER = load_roster()
JOIN = GroupingOptions().join

# e13-sco-tianjin-banquet-2025-en-anews (dev_round18), published 2025-08-31: Xi's banquet for the summit's guests
SCO_BANQUET = report_features(
    "China’s Xi hosts foreign guests for banquet as part of SCO summit",
    "China’s Xi hosts foreign guests for banquet as part of SCO summit\n"
    "\n"
    '"Chinese President Xi Jinping on Sunday hosted a banquet in the northern port ci'
    "ty of Tianjin to welcome international guests who are attending the Shanghai Coo"
    "peration Organization (SCO) Summit 2025, state media reported.\n"
    "\n"
    "Xi, along with his wife Peng Liyuan, welcomed Russian President Vladimir Putin, "
    "Turkish President Recep Tayyip Erdoğan, Indian Prime Minister Narendra Modi, Pak"
    "istan's Premier Shehbaz Sharif and other heads of state, Beijing-based Xinhua Ne"
    "ws reported.\n"
    "\n"
    "Footage aired on state broadcaster CCTV showed Xi welcoming the guests one after"
    " another as they posed for a group photo before proceeding to the banquet hall.\n",
    date(2025, 8, 31),
    ROSTER,
)

# e13-xi-modi-tianjin-2025-en-freepressjournal (dev_round18), published 2025-08-31: Xi's talks with Modi that noon
XI_MODI_FREEPRESS = report_features(
    "",
    "Prime Minister Narendra Modi on Sunday (August 31) held a five-hour meeting with"
    " Chinese President Xi Jinping on the sidelines of the Shanghai Cooperation Organ"
    "isation (SCO) Summit in Tianjin. This was their first face-to-face interaction s"
    "ince October 2024 in Kazan.\n"
    "\n"
    'After the meeting, PM Modi posted on X, "Had a fruitful meeting with President X'
    "i Jinping in Tianjin on the sidelines of the SCO Summit. We reviewed the positiv"
    "e momentum in India-China relations since our last meeting in Kazan. We agreed o"
    "n the importance of maintaining peace and tranquillity in the border areas and r"
    "eaffirmed our commitment to cooperation based on mutual respect, mutual interest"
    ', and mutual sensitivity."\n',
    date(2025, 8, 31),
    ROSTER,
)

# e13-xi-modi-tianjin-2025-en-newsx (dev_round18), published 2025-08-31
XI_MODI_NEWSX = report_features(
    "",
    "In his opening remarks at the bilateral meeting with Prime Minister Narendra Mod"
    "i in Tianjin during the SCO Summit 2025, Chinese President Xi Jinping discussed "
    "the shifting global dynamics. He said, “the world is going towards transformatio"
    "n. China and India are two of the most civilizational countries. We are the worl"
    "d’s two most populous countries and part of the Global South… It is vital to be "
    "friends, a good neighbour, and the Dragon and the Elephant to come together.”\n"
    "\n"
    "Xi further noted that this year marks the 75th anniversary of China-India diplom"
    "atic relations.\n",
    date(2025, 8, 31),
    ROSTER,
)

# xi-dinner-2023-dailycaller (dev_round3), published 2023-11-16: Xi's dinner with the business leaders
XI_DINNER_DAILYCALLER = report_features(
    "China's Xi receives standing ovation from American business leaders",
    "Chinese President Xi Jinping received a standing ovation from American business "
    "leaders during an exclusive dinner in San Francisco on Wednesday.\n"
    "\n"
    "Xi met with President Joe Biden on the sidelines of the Asia-Pacific Economic Co"
    "operation (APEC) conference in San Francisco Wednesday and had talks on a broad "
    "range of issues, including military communications, fentanyl trafficking and Tai"
    "wan. During a private dinner in the city's downtown Hyatt Regency hours later, X"
    "i gave a speech about the need for China-U.S. cooperation and received praise fr"
    "om hundreds of high-level American business executives.\n"
    "\n"
    "Among the leaders at the reception and dinner were Apple CEO Tim Cook, Blackrock"
    " CEO Larry Fink, Tesla and X CEO Elon Musk and a number of executives from FedEx"
    ", Qualcomm, KKR, Blackstone and Boeing.\n",
    date(2023, 11, 16),
    ROSTER,
)

# xi-biden-2023-peoplecn (dev_round3), published 2023-11-16: the Filoli talks
XI_BIDEN_PEOPLECN = report_features(
    "Bowen in SF | Xi meets Biden at the Filoli estate",
    "President Xi Jinping met with his US counterpart, Joe Biden, at the Filoli estat"
    "e in San Francisco on Wednesday. The two leaders talked behind closed doors for "
    "about 2 hours. Li Bowen, a reporter from People's Daily, is currently in San Fra"
    "ncisco to cover the events.\n",
    date(2023, 11, 16),
    ROSTER,
)

# e13-xi-putin-beijing-2025-ja-livedoor-cnn (dev_round18), published 2025-09-02: the Xi-Putin talks in Beijing
XI_PUTIN_LIVEDOOR = report_features(
    "",
    "天津で開催された上海協力機構首脳会議で顔を合わせるプーチン氏（左）と習近平氏/Alexander Kazakov/AFP/POOL/Getty Images中国"
    "・天津（ＣＮＮ）ロシアのプーチン大統領は２日、８月３１日に中国に到着して以来、首脳である習近平（シーチンピン）国家主席と初めて公式会談を行い、中国との関係が「前"
    "例のないほど高いレベル」にあると称賛した。北京の人民大会堂で行われた会談は、二人の権力者の結束を示す新たな事例となった。\n",
    date(2025, 9, 2),
    ROSTER,
)

# xi-modi-2025-abplive (dev_round4), published 2025-08-31
XI_MODI_ABPLIVE = report_features(
    "Dragon, elephant must come together, Xi Jinping tells PM Modi at China bilateral meeting",
    "Chinese President Xi Jinping and Prime Minister held a bilateral meeting on the "
    "sidelines of the Shanghai Cooperation Organisation (SCO) summit in Tianjin on Su"
    "nday. During the talks, Xi told PM Modi that it is vital for the two neighbourin"
    'g nations to be friends and for "the dragon and the elephant to come together."\n'
    "\n"
    "Highlighting the significance of the India-China ties and cooperation, given the"
    ' rapidly evolving global landscape, the Chinese President told PM Modi: "The Wor'
    "ld is going towards transformation. China and India are two of the most civiliza"
    "tional countries. We are the world's two most populous countries and part of the"
    ' Global South."\n',
    date(2025, 8, 31),
    ROSTER,
)

# magadan-2025-parapolitika (dev_round4), published 2025-08-15: Putin on his way to Anchorage
MAGADAN = report_features(
    "Putin heads to crucial Trump meeting with armored convoy",
    "Russian President Vladimir Putin has begun his journey to the United States for "
    "the critical summit with his American counterpart, Donald Trump, scheduled for t"
    "oday at 22:00 (Greek time) in Alaska, at Elmendorf Air Base in Anchorage.\n"
    "\n"
    "Before departing for American territory, the Russian president made a stop in Ma"
    "gadan, the Russian port on the Sea of Okhotsk (Northwest Pacific) located approx"
    "imately 5,900 kilometers from Moscow. There, according to Tass news agency, he i"
    "s set to visit a fish oil processing plant, the Mayak social and cultural center"
    ", and a monument honoring heroic Russian pilots in the coming hours. He will als"
    "o meet with regional governor Sergei Nosov.\n",
    date(2025, 8, 15),
    ROSTER,
)

# alaska-2025-tass (dev_round4), published 2025-08-15: the Anchorage summit
ALASKA_TASS = report_features(
    "President Vladimir Putin of Russia and President Donald Trump of the United States made statements at a joint news conference following their Alaska talks but left without taking questions from reporters.",
    "ANCHORAGE /Alaska/, August 16. /TASS/. President Vladimir Putin of Russia and Pr"
    "esident Donald Trump of the United States made statements at a joint news confer"
    "ence following their Alaska talks but left without taking questions from reporte"
    "rs.\n"
    "\n"
    "The news conference lasted a little over 12 minutes. Putin was the first to make"
    " a statement, highlighting Moscow's determination to resolve the Ukraine conflic"
    "t and improve relations with the US, one of Russia's closest neighbors. The Russ"
    "ian leader's statement lasted eight and a half minutes.\n"
    "\n"
    "Trump made a brief four-minute statement, praising the work of Russia's delegati"
    "on and the negotiating process but added, however, that Washington and Moscow ha"
    "d not been able to reach a compromise on all issues.\n"
    "\n"
    "The presidents shook hands after concluding the news conference.\n",
    date(2025, 8, 15),
    ROSTER,
)

# e13-pope-leo-elected-2025-zh-ktsf (dev_round18), published 2025-05-08
LEO_KTSF = report_features(
    "",
    "【KTSF】\n"
    "\n"
    "梵蒂岡樞機團秘密會議週四選出新教宗,新教宗是樞機主教普雷沃斯特(Robert Prevost),來自美國,是歷史上首位美國人出任教宗。\n"
    "\n"
    "普雷沃斯特現年69歲,在秘魯出任樞機主教的工作,在教廷主理主教事務,他是梵蒂岡2千年來,首位出任教宗的美國人。\n"
    "\n"
    "他出任教宗後,名號是「良十四世」(Leo XIV)。\n",
    date(2025, 5, 8),
    ROSTER,
)

# conclave-leo-elected-hurriyet (dev_round10), published 2025-05-08
LEO_HURRIYET = report_features(
    "Robert Prevost elected pope as white smoke rises from Sistine Chapel",
    "Robert Prevost elected pope as white smoke rises from Sistine Chapel\n"
    "VATICAN CITY\n"
    "\n"
    "Cardinals chose Robert Prevost of the U.S. as the new pope to lead the world's 1"
    ".4 billion Catholics on May 8.\n"
    "White smoke poured out of the Sistine Chapel chimney at 6:07 p.m. local time, si"
    "gnaling that a pontiff had been elected to lead the Catholic Church.\n"
    "The first American pope in the 2,000-year history of the Catholic Church, will t"
    "ake the name Leo XIV.\n"
    "Prevost's first words as he addressed the crowd from the balcony of the basilica"
    ', which was fitted out with red curtains was, “Peace be with you."\n',
    date(2025, 5, 8),
    ROSTER,
)

# e13-noto-quake-2024-en-thenewsminute (dev_round18), published 2024-01-01
NOTO_NEWSMINUTE = report_features(
    "",
    "The Japan Meteorological Agency (JMA) on Monday, January 1, issued a tsunami war"
    "ning along the western coastal regions of Ishikawa, Niigata and Toyama prefectur"
    "es. The agency said the Ishikawa prefecture, along the Sea of Japan, was hit by "
    "a series of quakes measuring a preliminary magnitude of 7.4. It issued a major t"
    "sunami warning for Ishikawa, while the rest of the northwestern coast of the mai"
    "n island of Honshu was issued lower-level tsunami warnings or advisories.\n"
    "Public broadcaster NHK warned torrents of water could reach as high as 5 meters "
    "(16.5 feet). NHK reported that smaller tsunami waves were already confirmed to h"
    "ave reached the coastline.\n",
    date(2024, 1, 1),
    ROSTER,
)

# e13-noto-quake-2024-en-yomiuri (dev_round18), published 2024-01-01
NOTO_YOMIURI = report_features(
    "Strong Earthquakes Hit Ishikawa Pref. on New Year’s Day; Tsunami Warning Issued Along Sea of Japan Coast (Update2)",
    "A strong earthquake with an estimated magnitude of 7.4 struck the Noto region of"
    " Ishikawa Prefecture at around 4:10 p.m. Monday, registering 7 on the Japanese s"
    "eismic intensity scale — the highest level — following an upper 5 seismic intens"
    "ity scale earthquake four minutes earlier. A major tsunami warning has been issu"
    "ed for the region, with a possibility of tsunami five meters high.\n"
    "\n"
    "Tsunami warnings have been issued along the Sea of Japan coast from Yamagata Pre"
    "fecture to the northern part of Hyogo Prefecture, and tsunami advisories have be"
    "en issued the full length of the Sea of Japan coast from Hokkaido to Tsushima Is"
    "land in Nagasaki Prefecture.\n",
    date(2024, 1, 1),
    ROSTER,
)


def test_two_sides_among_the_guests_of_a_banquet_are_not_its_talks() -> None:
    # the banquet names Xi up front and four guests, Modi among them; the talks name Xi and Modi
    assert sides_among_guests(SCO_BANQUET, XI_MODI_FREEPRESS)
    assert score(SCO_BANQUET, XI_MODI_FREEPRESS).score < JOIN
    assert score(XI_MODI_FREEPRESS, SCO_BANQUET).score < JOIN


def test_the_dinner_of_the_day_is_not_the_talks_of_the_day() -> None:
    # dev_round3, read for nothing this round: Xi's dinner in San Francisco, Biden at his table
    assert sides_among_guests(XI_DINNER_DAILYCALLER, XI_BIDEN_PEOPLECN)
    assert score(XI_DINNER_DAILYCALLER, XI_BIDEN_PEOPLECN).score < JOIN


def test_two_reports_of_the_talks_still_join() -> None:
    assert not sides_among_guests(XI_MODI_FREEPRESS, XI_MODI_NEWSX)
    assert score(XI_MODI_FREEPRESS, XI_MODI_NEWSX).score >= JOIN


def test_a_day_alone_before_the_japanese_comma_is_the_occasions() -> None:
    # "プーチン大統領は２日、８月３１日に中国に到着して以来": the 31st is his arrival, recalled
    assert occasion_day(XI_PUTIN_LIVEDOOR) == date(2025, 9, 2)
    # so the talks in Beijing are not the Xi-Modi talks of 31 August in Tianjin
    assert score(XI_PUTIN_LIVEDOOR, XI_MODI_ABPLIVE).score < JOIN


def test_a_departure_for_the_occasion_announces_it() -> None:
    assert announces("Putin heads to crucial Trump meeting with armored convoy")
    assert announces("Lukashenko leaves for working visit to Russia to meet Putin")
    assert announces("King departs for four-day state visit to China, his first since ascending")
    # a course taken is no departure
    assert not announces("Germany heads for snap election after Scholz loses confidence vote")
    assert previewing(MAGADAN) and not previewing(ALASKA_TASS)
    assert score(MAGADAN, ALASKA_TASS).score < JOIN


def test_the_conclave_in_more_words() -> None:
    # "梵蒂冈枢机团秘密会议，选出新教宗" and an English report of the white smoke
    assert "conclave" in LEO_KTSF.forums
    assert score(LEO_KTSF, LEO_HURRIYET).score >= JOIN


def test_quakes_in_the_plural_name_the_earthquake() -> None:
    assert "quake" in NOTO_NEWSMINUTE.forums
    assert score(NOTO_NEWSMINUTE, NOTO_YOMIURI).score >= JOIN


# e11-fed22-times (dev_round16), published 2022-12-14: no day given
FED22_TIMES = report_features(
    "Under Jerome Powell the Federal Reserve has been aggressively raising rates to fight inflation",
    "Under Jerome Powell the Federal Reserve has been aggressively raising rates to f"
    "ight inflation\n"
    "\n"
    "The US Federal Reserve slowed its aggressive interest rate rises but signalled m"
    "ore increases next year, prompting a sell-off on Wall Street.\n"
    "\n"
    "Policymakers at the central bank raised interest rates by 50 basis points — a st"
    "ep down from a series of 75-point increases in its battle to cool inflation — as"
    " they convened for the final time this year. The benchmark rate is now set at 4."
    "25 to 4.5 per cent, its highest level in 15 years. Most Fed officials expect it "
    "to reach between 5 and 5.5 per cent by the end of next year, according to projec"
    "tions released on Wednesday night.\n",
    date(2022, 12, 14),
    ROSTER,
)

# e11-fed22-gxcbt (dev_round16), published 2022-12-15: "12月15日", Beijing's morning
FED22_GXCBT = report_features(
    "12月15日,美国联邦储备委员会宣布,将联邦基金利率目标区间上调50个基点到4.25%至4.5%之间",
    "(资料图)\n"
    "\n"
    "12月15日,美国联邦储备委员会宣布,将联邦基金利率目标区间上调50个基点到4.25%至4.5%之间,这也是美联储今年第七次加息。据悉,美联储在今年6月、7月、"
    "9月和11月连续四次加息75个基点,而此次加息50个基点决定表明了加息速度的放缓。(财联社)\n",
    date(2022, 12, 15),
    ROSTER,
)

# d8-noto-kishida-presser-0102-worldjpn (dev_round8), published 2024-01-02
NOTO_PRESSER_0102 = report_features(
    "Press Conference by the Prime Minister on the 2024 Noto Peninsula Earthquake",
    "[Title] Press Conference by the Prime Minister on the 2024 Noto Peninsula Earthq"
    "uake\n"
    "\n"
    "[Place]\n"
    "[Date] January 2, 2024\n"
    "[Source] Cabinet Public Affairs Office, Cabinet Secretariat\n"
    "[Notes] Provisional translation\n"
    "[Full text]\n"
    "\n"
    "Yesterday, the 2024 Noto Peninsula Earthquake with a maximum intensity of seven "
    "on the Japanese scale of zero to seven occurred. First of all, I would like to e"
    "xpress my heartfelt condolences to those who lost their lives, as well as my sym"
    "pathies to all those affected by the disaster.\n"
    "\n"
    "Following the establishment last night of the Emergency Headquarters that I lead"
    ", we held a meeting of the headquarters a short while ago. This initiative is th"
    "e same as what the Government took at the time of the 2016 Kumamoto Earthquakes."
    "\n",
    date(2024, 1, 2),
    ROSTER,
)

# d8-noto-kishida-presser-0103-asahi (dev_round8), published 2024-01-03: the toll of the next day
NOTO_TOLL_0103 = report_features(
    "Death toll from New Year's Day quake in Ishikawa rises to 65",
    "THE ASAHI SHIMBUN\n"
    "January 3, 2024 at 18:57 JST\n"
    "KANAZAWA--The death toll from the New Year's Day earthquake in Ishikawa Prefectu"
    "re stood at 65 as of 3 p.m. on Jan. 3, prefectural officials said.\n"
    "The magnitude-7.6 earthquake in the Noto Peninsula left at least 323 people inju"
    "red, some seriously, officials added.\n"
    "Around 33,400 people were staying in evacuation centers.\n"
    "Thirty-two deaths were confirmed in Wajima, followed by 22 in Suzu and five in N"
    "anao. There were two fatalities each in Noto and Anamizu and one each in Hakui a"
    "nd Shika.\n"
    "As of 8 a.m., officials said 1,090 Self-Defense Force personnel were engaged in "
    "search and rescue operations, mainly in the cities of Wajima and Suzu.\n"
    "At least 27 buildings collapsed in Ishikawa Prefecture, according to the Fire an"
    "d Disaster Management Agency and other sources. Many residents were believed to "
    "be trapped under the rubble of collapsed buildings and homes.\n"
    "Prime Minister Fumio Kishida said the government is doing its utmost to provide "
    "first-aid and rescue operations.\n"
    '"More than 40 hours have passed since the earthquake struck," Kishida told a new'
    's conference in Tokyo on Jan. 3. "The rescue of victims is a race against time, '
    'and we feel that we are now at a critical moment."\n',
    date(2024, 1, 3),
    ROSTER,
)


def test_an_occasion_of_one_day_told_east_of_it() -> None:
    # dev_round16: the Fed's decision of 14 December 2022, undated in a report of that day, dated
    # to the 15th in Beijing's morning
    assert occasion_day(FED22_TIMES) is None
    assert occasion_day(FED22_GXCBT) == date(2022, 12, 15)
    match = score(FED22_GXCBT, FED22_TIMES)
    assert match.score >= JOIN and match.reason == "an occasion of one day, told east of it"


def test_a_happening_is_not_told_east_of_it() -> None:
    # an earthquake's reports of the next days are of what follows it (dev_round8)
    assert score(NOTO_TOLL_0103, NOTO_PRESSER_0102).score < JOIN
