"""Round 18 (disc18): discrepancies read by hand against the dev texts; each test is a wrong
alert of main (or the one right one, kept), on real excerpts of bench/data/events/ (ids given)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import Discrepancy, Member, discrepancies, report_features
from worker.service.seeds import load_roster

ROSTER = load_roster()


def found(*reports: tuple[str, str, str, date]) -> list[Discrepancy]:
    return discrepancies(
        [
            Member(url, report_features(title, text, day, ROSTER))
            for url, title, text, day in reports
        ]
    )


def alerted(items: list[Discrepancy]) -> list[tuple[str, tuple[str, ...], str]]:
    return [(d.kind, d.reports, d.summary) for d in items if d.consensus]


ALASKA = date(2025, 8, 16)
# alaska-2025-zeenews (dev_round4.toml)
ZEE = (
    "Anchorage (Alaska): U.S. President Donald Trump described his meeting with Russian "
    'President Vladimir Putin on August 15 in Alaska as "extremely productive". The two leaders '
    "met along with top aides, including Secretary of State Marco Rubio and US Special Envoy "
    "Steve Witkoff for Trump and Russian Foreign Minister Sergey Lavrov and foreign policy aide "
    "Yury Ushakov for Putin."
)
# e15-trump-putin-alaska-en-educatedworld (dev_round20.toml)
EDUCATED = (
    "Anchorage, Alaska, August 16 , 2025\nU.S. President Donald Trump and Russian President "
    "Vladimir Putin exchanged a warm handshake on Friday as they kicked off a high-stakes summit "
    "in Alaska.\nInitially planned as a one-on-one, the talks have been expanded into a "
    "three-on-three format. Trump was joined by Secretary of State Marco Rubio and special envoy "
    "Steve Witkoff, while Putin was flanked by Foreign Minister Sergey Lavrov and senior adviser "
    "Yuri Ushakov."
)
# e13-trump-putin-alaska-2025-de-freiepresse (dev_round18.toml): the two sides, no list
FREIE_TITLE = (
    "Applaus für Putin, aber kein Deal: Treffen zwischen Trump und Putin bleibt ohne Ergebnisse"
)
FREIE = (
    FREIE_TITLE + "\n\nDonald Trump hat hoch gepokert - doch er verlässt den Gipfel in Alaska mit "
    "leeren Händen. Kreml-Chef Wladimir Putin hingegen nutzt den roten Teppich auf der "
    "amerikanischen Luftwaffenbasis virtuos für eine Rückkehr aus der weltpolitischen "
    "Isolation. Ein Waffenstillstand für die Ukraine ist weiter nicht in Sicht.\n"
)


def test_a_report_naming_only_the_two_sides_leaves_nobody_out() -> None:
    items = found(
        (
            "zee",
            "What happened at Alaska summit: Trump calls talks with Putin fantastic",
            ZEE,
            ALASKA,
        ),
        (
            "educated",
            "Trump, Putin shake hands ahead of Ukraine talks at Alaska summit",
            EDUCATED,
            ALASKA,
        ),
        ("freie", FREIE_TITLE, FREIE, ALASKA),
    )
    assert [d for d in items if d.kind == "missing"] == []


# ldp-election-2025-japantimes and ldp-election-2025-nippon-jiji (dev_round15.toml)
LDP = date(2025, 10, 4)
JAPANTIMES = (
    "Takaichi gained 149 lawmaker votes and 36 LDP chapter votes, topping Koizumi's 145 votes "
    "from lawmakers and 11 from the prefectural chapters."
)
JIJI = (
    "Takaichi received 149 votes from LDP lawmakers and 36 from its 47 prefectural chapters, "
    "both surpassing Koizumi's 145 and 11, respectively."
)


def test_a_report_counting_two_things_with_one_word_is_no_other_count() -> None:
    items = found(
        ("jt", "LDP election winner: Takaichi", JAPANTIMES, LDP),
        ("nation", "Takaichi elected LDP president", JIJI, LDP),
        ("jiji", "Takaichi Wins LDP Race", JIJI, LDP),
    )
    assert alerted(items) == []


MOROCCO = date(2023, 9, 9)
# e17-morocco-quake-fr-tf1info and e17-morocco-quake-fr-24haubenin (dev_round22.toml)
TF1 = (
    "Selon un bilan provisoire, ce séisme a entraîné la mort de 296 personnes dans les provinces "
    "d'Al-Haouz et Marrakech. Selon la même source, 153 personnes ont été blessées."
)
BENIN = (
    "Selon un nouveau bilan provisoire, le séisme a entraîné la mort de 820 personnes dans les "
    "provinces d'Al-Haouz et Marrakech. 672 personnes ont été blessées et hospitalisées."
)


def test_a_later_toll_against_two_reports_is_still_a_discrepancy() -> None:
    items = found(
        ("tf1", "Maroc : au moins 296 morts", TF1, MOROCCO),
        ("franceinfo", "Séisme au Maroc", TF1, MOROCCO),
        ("benin", "Un séisme fait des centaines de morts au Maroc", BENIN, MOROCCO),
    )
    assert alerted(items) == [
        ("number", ("benin",), "benin gives 820, 672 personnes; 2 other reports give 296, 153")
    ]


CORONATION = date(2023, 5, 6)
# e13-coronation-charles-2023-fr-francetvinfo and e17-coronation-charles-fr-upday
FRANCEINFO = "Samedi 6 mai, Charles III franchit les portes de l'abbaye. Devant 2 300 invités, le roi avance."
UPDAY = "Charles III a été couronné samedi, lors d'une cérémonie grandiose devant près de 2.300 invités."


def test_a_count_cut_at_its_thousands_space_is_the_same_count() -> None:
    items = found(
        ("franceinfo", "Couronnement", FRANCEINFO, CORONATION),
        ("minorityvoice", "Couronnement de Charles III", FRANCEINFO, CORONATION),
        ("upday", "Le roi Charles III a été couronné", UPDAY, CORONATION),
    )
    assert [d for d in items if d.kind == "number"] == []


def test_a_year_and_a_month_are_no_counts() -> None:
    # nobel-peace-2023-irishtimes (dev_round15.toml): "the 2003 Nobel Peace Prize laureate";
    # alone-amatrice-day-after-ilfatto (dev_round15.toml): "26 agosto"
    day = date(2023, 10, 6)
    usual = "Narges Mohammadi won the 2023 Nobel Peace Prize on Friday."
    other = "She works with Shirin Ebadi, the 2003 Nobel Peace Prize laureate."
    items = found(
        ("a", "Nobel", usual, day), ("b", "Nobel", usual, day), ("c", "Nobel", other, day)
    )
    assert [d for d in items if d.kind == "number"] == []
    quake = date(2016, 8, 25)
    usual = "Il terremoto del 24 agosto ha colpito il Centro Italia."
    other = "Nella notte del 26 agosto nuove scosse nel Centro Italia."
    items = found(
        ("a", "Sisma", usual, quake), ("b", "Sisma", usual, quake), ("c", "Sisma", other, quake)
    )
    assert [d for d in items if d.kind == "number"] == []


def test_a_date_a_day_apart_is_shown_never_alerted() -> None:
    # the Fed's decision of 14 December 2022: e11-fed22-gxcbt (Beijing's 15th),
    # e11-fed22-financialdistrict (Manila's 15th), e11-fed22-unionleader (Washington's 14th)
    items = found(
        (
            "gxcbt",
            "美联储加息",
            "12月15日,美国联邦储备委员会宣布,将联邦基金利率目标区间上调50个基点。",
            date(2022, 12, 15),
        ),
        (
            "fd",
            "Fed Raises Key Rate",
            "The Federal Reserve raised its key rate (early Thursday, Dec. 15, 2022, in Manila).",
            date(2022, 12, 15),
        ),
        (
            "ul",
            "Fed news conference",
            "The Federal Reserve raised interest rates by half a percentage point, December 14, 2022.",
            date(2022, 12, 14),
        ),
    )
    dates = [d for d in items if d.kind == "date"]
    assert all(not d.consensus for d in dates)


PARIS = date(2024, 5, 6)
# trilateral-2024-breitbart, e15-macron-xi-paris-en-babel (talks with von der Leyen) and
# macron-xi-invalides-2024-zjifz-zh (the welcome ceremony of the same afternoon), one event
BREITBART_TITLE = (
    "Macron, EU President Von Der Leyen, Open Trilateral Talks With Xi Jinping in Paris"
)
BREITBART = (
    BREITBART_TITLE + "\n\nAFP — French President Emmanuel Macron on Monday pressed Xi Jinping to "
    "coordinate closely with Europe.\n\nOpening an initial trilateral meeting attended by "
    "European Commission president Ursula von der Leyen, Macron said coordination was vital.\n"
)
BABEL_TITLE = (
    "The leaders of the People's Republic of China and France, as well as the President of the "
    "European Commission met in Paris. They talked about the war in Ukraine"
)
BABEL = (
    "Chinese leader Xi Jinping and French President Emmanuel Macron, as well as European "
    "Commission President Ursula von der Leyen met in Paris. They discussed Russiaʼs war in "
    "Ukraine and escalation in the Middle East.\n"
)
INVALIDES_TITLE = "当地时间5月6日下午,正在法国进行国事访问的国家主席习近平在巴黎出席法国总统马克龙举行的隆重盛大欢迎仪式。"
INVALIDES = (
    INVALIDES_TITLE + "\n习近平和夫人彭丽媛乘车抵达时,马克龙和夫人布丽吉特在下车处热情迎接。"
    "在雄壮的进行曲中,两国元首步入广场。\n蔡奇、王毅等参加欢迎仪式。\n"
)


def test_a_report_of_the_welcome_ceremony_leaves_out_nobody_of_the_talks() -> None:
    items = found(
        ("breitbart", BREITBART_TITLE, BREITBART, PARIS),
        ("babel", BABEL_TITLE, BABEL, PARIS),
        ("zjifz", INVALIDES_TITLE, INVALIDES, date(2024, 5, 7)),
    )
    assert [d for d in items if d.kind == "missing"] == []


LI_SCHOLZ = date(2022, 11, 5)
# likeqiang-scholz-2022-eir and likeqiang-scholz-2022-unmission (dev_round3.toml)
EIR = (
    "Following his meeting with Chinese President Xi Jinping, German Chancellor Olaf Scholz held "
    "talks on Nov. 4 with his counterpart, Chinese Premier Li Keqiang, in which they discussed "
    "enhancing bilateral economic and political ties.\n"
)
UNMISSION = (
    "Premier Li Keqiang and Chancellor Olaf Scholz Jointly Meet the Press\n\nOn the afternoon of "
    "November 4, 2022, Premier Li Keqiang of the State Council held talks with German Chancellor "
    "Olaf Scholz who was paying an official visit to China.\n\nLi Keqiang expressed welcome to "
    "Scholz for visiting China. The Chinese side attaches great importance to China-Germany "
    "relations, and President Xi Jinping had an in-depth discussion with you.\n"
)


def test_three_names_of_talks_in_prose_are_no_order_of_precedence() -> None:
    title = "Li Keqiang Holds Talks with German Chancellor Olaf Scholz"
    items = found(
        ("eir", "Scholz and Li Keqiang call for German-Chinese cooperation", EIR, LI_SCHOLZ),
        ("unmission", title, UNMISSION, LI_SCHOLZ),
        ("liberia", title, UNMISSION, LI_SCHOLZ),
    )
    assert [d for d in items if d.kind == "order"] == []
