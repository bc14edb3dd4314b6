"""Occasions named by who holds them and what they do, read in round 10 from the misses of
bench/data/events/dev_round10.toml (round 7's held-out split, moved to dev): a body's congress
and the election of its head there, a speech from the throne opening a parliament, a vote of no
confidence, a conclave, a pope's inauguration Mass; and what they must not tie (the talks held
beside a deed, the resignation recalled the next morning). Every excerpt is from the report whose
id is cited (sources in bench/data/events/PROVENANCE.md)."""

from __future__ import annotations

from datetime import date

import pytest

from worker.detect.events import (
    GroupingOptions,
    announces_the_hour,
    previews,
    report_features,
    score,
    told_ahead,
)
from worker.detect.held_occasions import held_occasions, of_one_day
from worker.service.seeds import load_roster

ROSTER = load_roster()
JOIN = GroupingOptions().join

# (report id, title or lead excerpt, the occasion key it names)
NAMED = [
    # a body's congress, and the election of its head there
    (
        "fifa-congress-2024-kiro7",
        "The FIFA Congress on Friday selected from a reduced field of "
        "two candidates to host the 2027 tournament",
        "congress:fifa",
    ),
    (
        "fifa-congress-2025-uol",
        "O 75o Congresso da Fifa teve seu início marcado para mais tarde",
        "congress:fifa",
    ),
    (
        "fifa-congress-2023-harzkurier",
        "Infantino erneut zum FIFA-Präsidenten gewählt",
        "congress:fifa",
    ),
    (
        "ioc-coventry-elected-newindianexpress",
        "Kirsty Coventry has been elected president of the International Olympic Committee",
        "congress:ioc",
    ),
    ("ioc-coventry-elected-gmw", "考文垂(女,1983年生),当选国际奥委会主席!", "congress:ioc"),
    (
        "ioc-coventry-elected-yahoohk",
        "考文垂當選國際奧委會主席 首位非洲人及女性擔任該職務",
        "congress:ioc",
    ),
    # a parliament opened by the speech from the throne
    (
        "kings-speech-2024-politicscouk",
        "King's Speech 2024: The key moments as Labour sets out its legislative programme",
        "throne",
    ),
    ("kings-speech-2024-geo", "The King said this at State Opening of Parliament", "throne"),
    ("kings-speech-2023-tt", "Erste Thronrede von Charles III. als König im Parlament", "throne"),
    (
        "kings-speech-2024-icable",
        "國王查理斯三世與王后卡米拉經西敏寺的專用入口去到上議院,按傳統發表政府內閣撰寫的國王演說。",
        "throne",
    ),
    # a vote of no confidence
    (
        "barnier-censure-euractiv",
        "The successful no confidence motion plunges France back into severe political crisis.",
        "noconfidence",
    ),
    (
        "barnier-censure-finanznachrichten",
        "Frankreichs Parlament stürzt Regierung durch Misstrauensvotum",
        "noconfidence",
    ),
    # a conclave
    (
        "conclave-leo-elected-hurriyet",
        "Robert Prevost elected pope as white smoke rises from Sistine Chapel",
        "conclave",
    ),
    (
        "conclave-leo-elected-euronews-de",
        "Weißer Rauch über dem Vatikan: Habemus Papam",
        "conclave",
    ),
    (
        "conclave-leo-elected-oe24",
        "Am zweiten Tag des Konklaves wählten die Kardinäle am "
        "Donnerstagnachmittag im vierten Wahlgang den Kardinal Robert Prevost",
        "conclave",
    ),
    # a pope's inauguration Mass
    (
        "pope-leo-inauguration-tnx",
        "Pope Leo XIV begins pontificate in historic inaugural Mass at the Vatican",
        "inauguration",
    ),
    (
        "pope-leo-inauguration-bastillepost",
        "教宗良十四世就職彌撒舉行 梵蒂岡聖伯多祿廣場數萬民眾到場觀禮",
        "inauguration",
    ),
    (
        "pope-leo-inauguration-br",
        "Mit einer feierlichen Messe auf dem Petersplatz ist Papst Leo "
        "XIV. offiziell in sein Amt eingeführt worden.",
        "inauguration",
    ),
]


# (report id, excerpt): a setting, not the occasion itself
SETTINGS = [
    # the audience after the Mass (word start: "pontiff’s inauguration" is read from "pontiff")
    (
        "pope-zelensky-audience-ankole",
        "President Volodymyr Zelensky met with Pope Leo XIV at the "
        "Vatican on May 18, following the pontiff’s inauguration Mass, according to Vatican News.",
    ),
    # the resignation after the vote
    (
        "barnier-resigns-leitzahl",
        "Der französische Premierminister Barnier hat nach einem "
        "erfolgreichen Misstrauensvotum gegen seine Mitte-Rechts- Regierung seinen Rücktritt "
        "eingereicht.",
    ),
]


@pytest.mark.parametrize(("rid", "text"), SETTINGS, ids=[s[0] for s in SETTINGS])
def test_a_deed_in_its_setting_names_no_occasion(rid: str, text: str) -> None:
    assert held_occasions(text) == (), rid


def test_a_vote_of_no_confidence_and_a_conclave_are_not_of_one_day() -> None:
    # the report of the next morning recalls the vote ("Zum ersten Mal seit mehr als 60 Jahren
    # stürzt die französische Nationalversammlung die Regierung durch ein Misstrauensvotum",
    # barnier-resigns-webworld); a conclave lasts days
    assert not of_one_day("noconfidence")
    assert not of_one_day("conclave")
    assert of_one_day("throne")
    assert of_one_day("congress:fifa")


def _features(title: str, text: str, day: date):  # type: ignore[no-untyped-def]
    return report_features(title, text, day, ROSTER)


def test_reports_of_a_body_congress_group_across_languages() -> None:
    # fifa-congress-2025-uol (Portuguese) and fifa-congress-2025-fifa
    uol = _features(
        "Congresso da Fifa é atrasado por viagem de presidente da entidade com Trump",
        "O 75o Congresso da Fifa teve seu início marcado para mais tarde porque o presidente da "
        "entidade, Gianni Infantino, chegou atrasado a Assunção, no Paraguai.",
        date(2025, 5, 15),
    )
    fifa = _features(
        "FIFA President highlights impact of groundbreaking Club World Cup at Congress",
        "Historic event takes place in Paraguay for the first time as FIFA Member Associations "
        "gather in the South American country’s capital, Asunción",
        date(2025, 5, 15),
    )
    assert score(uol, fifa).score >= JOIN


def test_talks_beside_a_deed_are_not_tied_to_it_by_its_name() -> None:
    # pope-zelensky-audience-nina (talks, naming the inaugural address) and
    # pope-leo-inauguration-tnx (the Mass): one day, two occasions
    nina = _features(
        "Pope holds meeting with Zelensky after inauguration Mass",
        "Pope Leo XIV met with Ukrainian President Volodymyr Zelensky following his inauguration "
        "Mass at the Vatican. During his inaugural address in St Peter’s Square, the Pope spoke "
        "out against the ongoing war in Ukraine.",
        date(2025, 5, 18),
    )
    tnx = _features(
        "Pope Leo XIV begins pontificate in historic inaugural Mass at the Vatican",
        "Pope Leo XIV officially began his papacy on Sunday during a grand inaugural Mass at St "
        "Peter’s Square, attended by over 200,000 faithful and global dignitaries.",
        date(2025, 5, 18),
    )
    assert "inauguration" in nina.forums and "inauguration" in tnx.forums
    # (the weak rule of a person and the wording still ties these two: left as it is)
    assert score(nina, tnx).reason != "the same named occasion"


# (report id, title, lead's first sentence, a preview?)
PREVIEWS = [
    # the infinitive of a choice: the choice is the news
    (
        "fifa-congress-2024-kiro7",
        "Brazil is chosen to host the 2027 Women's World Cup",
        "BANGKOK — (AP) — Brazil will host the 2027 Women’s World Cup after a vote of FIFA’s "
        "full membership chose the South American bid over a joint proposal from Belgium, "
        "Netherlands and Germany.",
        False,
    ),
    (
        "fifa-congress-2024-perthnow",
        "Brazil win vote to host soccer's 2027 Women's World Cup",
        "Brazil will host the 2027 Women's World Cup after a vote of FIFA's 211 members chose "
        "the South American bid over a joint bid from Belgium, Netherlands and Germany.",
        False,
    ),
    # an infinitive whose object is an edition of years ahead
    (
        "fifa-congress-2024-tag24",
        "Brazil to host 2027 Women's World Cup as Gaza overshadows FIFA meeting",
        "",
        False,
    ),
    # an infinitive after an ordinal: the congress's place in a series, not a headline's
    (
        "fifa-council-paraguay-inside",
        "Paraguay chosen to host the 75th FIFA Congress",
        "The Ordinary Congress will be the sixth to take place in South America",
        False,
    ),
    # a guide to the occasion ahead
    (
        "sotu-2024-preview-dcourier",
        "State of the Union: What to watch as Biden addresses the nation",
        "",
        True,
    ),
    # what stays a preview
    (
        "berkshire-agm-2024-preview-redstate",
        "Warren Buffett to attend 60th Berkshire Hathaway shareholder meeting",
        "",
        True,
    ),
    (
        "ruto-visit-announced-kenyanpost",
        "JOE and JILL BIDEN to host WILLIAM RUTO in the WHITE HOUSE in May - This is what they "
        "will discuss",
        "",
        True,
    ),
]


@pytest.mark.parametrize(
    ("rid", "title", "sentence", "ahead"), PREVIEWS, ids=[p[0] for p in PREVIEWS]
)
def test_a_preview_and_a_report_of_a_choice(
    rid: str, title: str, sentence: str, ahead: bool
) -> None:
    assert previews(title, sentence) is ahead, rid


# the session a speech from the throne opens, said without the speech
OPENED = [
    (
        "kings-speech-2024-1und1",
        "König Charles III. eröffnete am Mittwochmittag das Parlament und verlas dabei die von "
        "der Regierung verfasste Rede.",
    ),
    (
        "kings-speech-2024-icable",
        "英國國會新一屆會期展開 查理斯三世發表演說:要振興經濟、改善民生 重建歐盟關係",
    ),
]


@pytest.mark.parametrize(("rid", "text"), OPENED, ids=[o[0] for o in OPENED])
def test_a_parliament_opened_is_the_occasion_of_the_speech_from_the_throne(
    rid: str, text: str
) -> None:
    assert "throne" in held_occasions(text), rid


def test_a_date_of_another_year_written_after_it_is_an_occasion_recalled() -> None:
    # kings-speech-2023-tt: the Queen's death recalled in the lead of the King's Speech, 7 November
    # 2023 (a German date, "Am 8. September 2022")
    tt = _features(
        "Erste Thronrede von Charles III. als König im Parlament",
        "Noch als Thronfolger hatte Charles die traditionelle Rede im Mai 2022 wegen "
        "gesundheitlicher Probleme von Königin Elizabeth II. bereits in Vertretung seiner Mutter "
        "gehalten. Am 8. September 2022 war die Königin dann im Alter von 96 Jahren gestorben, "
        "Charles folgte ihr auf dem Thron.",
        date(2023, 11, 7),
    )
    assert tt.occasion is None
    # the year of the day published is still the occasion's ("am 4. Dezember 2024")
    same_year = _features(
        "Frankreichs Parlament stürzt Regierung",
        "Die Nationalversammlung hat am 4. Dezember 2024 die Regierung gestürzt.",
        date(2024, 12, 5),
    )
    assert same_year.occasion == "12-04"


MORE_NAMED = [
    # taking office is the swearing-in
    (
        "sheinbaum-sworn-in-jang",
        "Claudia Sheinbaum became the first female in the history of Mexico to take the "
        "president’s office.",
        "inauguration",
    ),
    (
        "sheinbaum-sworn-in-vallarta",
        "Claudia Sheinbaum assumes the presidency of Mexico",
        "inauguration",
    ),
    # the Nobel Peace Prize in Ukrainian
    (
        "nobel-peace-2023-fakty",
        "Нобелівська премія миру 2023: лауреаткою стала іранська захисниця прав жінок Наргес "
        "Мохаммаді",
        "nobelpeace",
    ),
]


@pytest.mark.parametrize(
    ("rid", "text", "key"), NAMED + MORE_NAMED, ids=[n[0] for n in NAMED + MORE_NAMED]
)
def test_an_occasion_named_by_its_body_or_its_deed(rid: str, text: str, key: str) -> None:
    assert key in held_occasions(text), rid


def test_since_taking_office_is_a_setting() -> None:
    # a deed recalled after "since" (the tenure it opened): not the occasion reported
    assert held_occasions("It is his first visit abroad since taking office in May.") == ()


def test_a_byline_is_page_chrome_not_the_lead() -> None:
    # sheinbaum-sworn-in-voz: the byline with its date is not the lead, the next paragraph is
    voz = _features(
        "Claudia Sheinbaum, Mexico's new president",
        "Published by Alejandro Baños Verified by 1 de octubre, 2024\n\n"
        "Four months after winning the election, Claudia Sheinbaum was sworn in as Mexico's new "
        "president before Congress on Tuesday.",
        date(2024, 10, 1),
    )
    assert voz.lead.startswith("four months after")
    assert "inauguration" in voz.forums


def test_a_short_lead_naming_an_author_is_no_byline() -> None:
    # review8: "written by" inside a sentence is prose; a byline opens its paragraph
    letter = _features(
        "Xi sends letter to forum",
        "A letter written by Xi Jinping was read out at the forum in Beijing on Monday.\n\n"
        "The forum brought together scholars from 40 countries.",
        date(2024, 10, 1),
    )
    assert letter.lead.startswith("a letter written by xi jinping")


# (report id, lead's first sentence, occasion "MM-DD", day published, language, a programme of
# the day ahead?)
TOLD_AHEAD = [
    (
        "euco-special-2025-preview-mia",
        "- European Union leaders will gather on Thursday in Brussels to find a response to the "
        "United States' drastic turn on support for war-torn Ukraine.",
        "03-06",
        date(2025, 3, 6),
        "en",
        True,
    ),
    (
        "kings-speech-2024-preview-nurinteressant",
        "Mit der Thronrede von König Charles III. wird am Mittwoch die Sitzungsperiode des "
        "neugewählten britischen Parlaments eröffnet.",
        "07-17",
        date(2024, 7, 17),
        "de",
        True,
    ),
    # the announcement made that day is the occasion reported (dev_round8)
    (
        "d8-india-budget-session-dates-hindustantimes",
        "Budget Session 2024 will begin from July 22 to August 12, announced parliamentary "
        "affairs minister Kiren Rijiju on Saturday.",
        "07-06",
        date(2024, 7, 6),
        "en",
        False,
    ),
    # told in a past tense: held
    (
        "euco-special-2025-anews",
        "The EU leaders have agreed to new defense spending plans following emergency talks "
        "held in Brussels on Thursday.",
        "03-06",
        date(2025, 3, 6),
        "en",
        False,
    ),
]


@pytest.mark.parametrize(
    ("rid", "sentence", "occasion", "published", "lang", "ahead"),
    TOLD_AHEAD,
    ids=[t[0] for t in TOLD_AHEAD],
)
def test_a_programme_of_the_day_published_is_a_preview(
    rid: str, sentence: str, occasion: str, published: date, lang: str, ahead: bool
) -> None:
    assert told_ahead(sentence, occasion, published, lang) is ahead, rid


def test_a_day_given_by_the_readers_clock_is_not_the_occasions() -> None:
    # sotu-2023-ntd-zh: Biden's address of Tuesday evening in Washington, "Wednesday 10 a.m."
    # Beijing time
    ntd = _features(
        "美国总统拜登北京时间周三(2月8日)上午10点,发表任内第二份国情咨文。",
        "【新唐人北京时间2023年02月08日讯】美国总统拜登北京时间周三(2月8日)上午10点,发表任内第二份"
        "国情咨文。指出美国经济在疫情后复苏,通货膨胀率下降。",
        date(2023, 2, 8),
    )
    assert ntd.occasion is None
    assert ntd.times == ()
    # d9-xi-obama-blairhouse-2015-guancha (dev_round9): the local day is still read ("24日"),
    # the arrival's Beijing time is not
    guancha = _features(
        "习近平访美抵达华盛顿 与奥巴马夜游白宫共进晚宴",
        "24日,中国国家主席习近平继续在美国的国事访问行程,他在结束了西雅图之旅之后,北京时间今早五点半,"
        "习主席抵达了访美第二站——美国首都华盛顿,将在这里出席奥巴马总统为其举行的一系列国事活动。",
        date(2015, 9, 25),
    )
    assert guancha.occasion == "09-24"


GOVERNMENT_FALLS = [
    ("barnier-censure-euractiv", "French left and far-right bring down Barnier government"),
    (
        "barnier-censure-debrecensun",
        "The French National Assembly overthrew the government of Michel Barnier on Wednesday "
        "night.",
    ),
    # "since" a year is a comparison, not the setting of another occasion
    (
        "barnier-censure-webdo",
        "This Wednesday, December 4, 2024 will remain a significant date in French political "
        "history. For the first time since 1962, a government was censored by the National "
        "Assembly, illustrating the deep political instability.",
    ),
    (
        "barnier-censure-deutschlandfunk",
        "Französische Regierung durch Misstrauensantrag der Opposition gestürzt",
    ),
]


@pytest.mark.parametrize(("rid", "text"), GOVERNMENT_FALLS, ids=[g[0] for g in GOVERNMENT_FALLS])
def test_a_government_brought_down_is_a_vote_of_no_confidence(rid: str, text: str) -> None:
    assert "noconfidence" in held_occasions(text), rid


def test_taking_office_in_chinese() -> None:
    # ioc-handover-hkcw, ioc-handover-yzknct: the IOC's new president takes office
    assert "inauguration" in held_occasions("国际奥委会迎来首位女性掌舵人 80后主席就职!")
    assert "inauguration" in held_occasions(
        "国际奥委会举行主席职位交接仪式,第一位女性主席考文垂正式上任"
    )
    # since taking office: a tenure, not the occasion
    assert "inauguration" not in held_occasions("赖清德上任以来首次出访")


def test_a_place_named_in_passing_does_not_set_one_named_occasion_apart() -> None:
    # nobel-peace-2024-lokmat (Oslo) and nobel-peace-2024-newshour (the laureates are
    # survivors "of Hiroshima and Nagasaki"): one prize announced
    lokmat = _features(
        "Nobel Peace Prize 2024 awarded to Japanese nuclear bomb survivors Nihon Hidankyo",
        "Oslo [Norway], October 11 : The Norwegian Nobel Committee has awarded the Nobel Peace "
        "Prize for 2024 to Nihon Hidankyo, a Japanese group of atomic bomb survivors.",
        date(2024, 10, 11),
    )
    newshour = _features(
        "Japanese atomic bomb survivor group Nihon Hidankyo wins Nobel Peace Prize",
        "The Japanese anti-nuclear organization Nihon Hidankyo, a grassroots movement of "
        "Hibakusha, or survivors of the atomic bombs of Hiroshima and Nagasaki, was given the "
        "Nobel Peace Prize on Friday.",
        date(2024, 10, 11),
    )
    assert lokmat.places != newshour.places
    assert score(lokmat, newshour).score >= JOIN


# (report id, lead, announces the hour the occasion begins later that day?)
HOUR_AHEAD = [
    (
        "sheinbaum-inauguration-preview-nomad",
        "The first-ever Inauguration Day is today, Tuesday, October 1, to celebrate the "
        "swearing-in of Claudia Sheinbaum Pardo, Mexico’s first female president. The ceremony, "
        "held at the Legislative Palace of San Lázaro in Mexico City, will begin at 9 a.m.",
        True,
    ),
    (
        "barnier-resignation-preview-leitzahl",
        "Nach seinem Sturz durch ein Misstrauensvotum im Parlament reicht Frankreichs Premier "
        "Barnier den Rücktritt seiner Regierung bei Präsident Macron ein. Barnier wird um 10.00 "
        "Uhr im Elysee-Palast erwartet, wie das Präsidialamt mitteilte.",
        True,
    ),
    (
        "pope-leo-inauguration-preview-br",
        "Rom: In einer Stunde beginnt die feierliche Messe zur Amtseinführung von Papst Leo XIV.",
        True,
    ),
    # dev_round8: another outlet's preview of the coronation
    (
        "d8-coronation-2023-preview-stern-de",
        "In der Londoner Westminster Abbey findet am Samstag die feierliche Krönung des "
        "britischen Königs Charles III. statt. Charles und seine Frau Camilla fahren um 10.20 Uhr "
        "(Ortszeit, 11.20 Uhr MESZ) in einer Kutsche vom Buckingham-Palast zur Westminster Abbey, "
        "die Zeremonie dort beginnt um 12.00 Uhr MESZ.",
        True,
    ),
    # a report of the occasion that gives its hour in the past
    (
        "barnier-censure-euractiv",
        "A majority of deputies in the French National Assembly voted shortly after 8:00pm on "
        "Wednesday in favour of the motion.",
        False,
    ),
    # review8: an hour's length told of the past is no hour ahead, nor a number after "at"
    (
        "review8-over-in-an-hour",
        "The ceremony, attended by Li Qiang and Wang Yi, was over in an hour. Tickets for the "
        "concert had sold out in one hour.",
        False,
    ),
    (
        "review8-in-einer-stunde-beendet",
        "Die Sitzung war nach knapp einer Stunde beendet, die Wahl in einer Stunde entschieden.",
        False,
    ),
    (
        "review8-will-start-at-a-count",
        "The new rules will start to apply at 12 companies from next year.",
        False,
    ),
]


@pytest.mark.parametrize(("rid", "lead", "ahead"), HOUR_AHEAD, ids=[h[0] for h in HOUR_AHEAD])
def test_the_hour_an_occasion_will_begin_makes_a_preview(rid: str, lead: str, ahead: bool) -> None:
    assert announces_the_hour(lead) is ahead, rid


def test_a_chief_information_officer_is_no_olympic_committee() -> None:
    # review8: "CIO" in English is a company's chief information officer, not the IOC's
    # French, Italian or Spanish initials; its election is no IOC session
    assert held_occasions("The company's CIO was elected to the board on Monday.") == ()
    assert held_occasions("Bach was re-elected IOC president at the session in Lima.") == (
        "congress:ioc",
    )


def test_taking_office_ahead_or_long_ago_is_no_inauguration() -> None:
    # review8: taking office told of the future ("who will take office"), or as the span since
    # ("上任三个月来", "上任不久"), is a setting, not the occasion reported
    for text in (
        "Trump, who will take office on January 20, met Xi Jinping in Mar-a-Lago on Friday.",
        "习近平会见了上任不久的新加坡总理黄循财。",
        "李强表示，新政府上任三个月来成绩显著。",
    ):
        assert held_occasions(text) == (), text
    assert held_occasions("Claudia Sheinbaum took office as Mexico's president on Tuesday.") == (
        "inauguration",
    )
    assert held_occasions("80后主席就职。") == ("inauguration",)
