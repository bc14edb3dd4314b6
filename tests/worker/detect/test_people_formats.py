"""People extraction on texts written in the real formats of Kremlin English readouts, German
government press releases and Taiwanese (traditional Chinese) reports: whole names out."""

from __future__ import annotations

import pytest

from worker.detect.people import extract_people

CASES = [
    (
        "Vladimir Putin held a meeting with permanent members of the Security Council.\n\n"
        "Taking part in the meeting were Prime Minister Mikhail Mishustin, Speaker of the "
        "Federation Council Valentina Matviyenko, Foreign Minister Sergei Lavrov and Director "
        "of the Federal Security Service Alexander Bortnikov.",
        [
            ("Vladimir Putin", "presided"),  # he holds the meeting with a body: he chairs it
            ("Mikhail Mishustin", "attended"),
            ("Valentina Matviyenko", "attended"),
            ("Sergei Lavrov", "attended"),
            ("Alexander Bortnikov", "attended"),
        ],
    ),
    (
        "The President held a meeting with Governor of the Tula Region Dmitry Milyaev.",
        [("Dmitry Milyaev", "attended")],
    ),
    ("Vladimir Putin chaired a meeting on economic issues.", [("Vladimir Putin", "presided")]),
    (
        "Vladimir Putin met with Chairman of the State Affairs Commission of the Democratic "
        "People's Republic of Korea Kim Jong Un.",
        [("Vladimir Putin", "attended"), ("Kim Jong Un", "attended")],  # both sides of the talks
    ),
    (
        "The President had a telephone conversation with President of the United States "
        "Donald Trump.",
        [("Donald Trump", "attended")],
    ),
    (
        "An der Sitzung nahmen Bundespräsident Frank-Walter Steinmeier, die Präsidentin der "
        "Europäischen Kommission Ursula von der Leyen und Bundesaußenministerin Annalena "
        "Baerbock teil.",
        [
            ("Frank-Walter Steinmeier", "attended"),
            ("Ursula von der Leyen", "attended"),
            ("Annalena Baerbock", "attended"),
        ],
    ),
    (
        "Bundeskanzler Olaf Scholz empfing am Mittwoch den französischen Staatspräsidenten "
        "im Bundeskanzleramt.",
        [("Olaf Scholz", "presided")],
    ),
    (
        # the verb of a call may carry 了 (zh_hant-t816, 中評社 quoting the MFA briefing)
        "昨晚中國國家主席習近平同美國總統特朗普通了電話。",
        [("習近平", "attended"), ("特朗普", "attended")],
    ),
    (
        # names after a body or a role no title table lists ("觀光處李梅凌", "參選人張幸松"),
        # as local reports list officials (zh_hant-v1303, zh_hant-v1304; round 9)
        "分局長李益杰主持座談會,觀光處李梅凌、市議員參選人張幸松、少年隊隊長李鑫鍇出席。",
        [
            ("李益杰", "presided"),
            ("李梅凌", "attended"),
            ("張幸松", "attended"),
            ("李鑫鍇", "attended"),
        ],
    ),
    (
        # 座谈 is a meeting between its sides like 会谈 (zh_cn-t803, a 湖南卫视 headline)
        "杜家毫、许达哲、李微微与张晓明座谈",
        [
            ("杜家毫", "attended"),
            ("许达哲", "attended"),
            ("李微微", "attended"),
            ("张晓明", "attended"),
        ],
    ),
    (
        # the one accompanied is at the occasion too (zh_hant-t805, zh_hant-v1007; round 9)
        "縣長陳光復5日上午由民政處長張武福陪同,親自前往議員家中拜訪。",
        [("陳光復", "attended"), ("張武福", "attended")],
    ),
    (
        "劉文欽、林榕生在縣選委會副總幹事劉祥俊等人陪同下前往登記。",
        [("劉祥俊", "attended"), ("劉文欽", "attended"), ("林榕生", "attended")],
    ),
    # a place after its city or country is no name ("上海市楊浦區", "瑞士蘇黎世")
    ("上海市楊浦區、瑞士蘇黎世代表出席。", []),
    (
        # a house of worship named after someone is a place (agency_en-t818, Belta on Valaam)
        "Vladimir Putin greeted Alexander Lukashenko at the entrance to the Church of the "
        "Smolensk Icon of the Mother of God.",
        [("Vladimir Putin", "presided"), ("Alexander Lukashenko", "attended")],  # the host greets
    ),
    (
        # an Arabic name of many given names and particles is one person's, whole (scraped-t809,
        # a copy of a Kremlin credentials ceremony; "Al" is no given name opening a second one)
        "Ambassador Hamud Salim Abdullah Al Tuwayh attended the ceremony in the Kremlin.",
        [("Hamud Salim Abdullah Al Tuwayh", "attended")],
    ),
    (
        "Crown Prince Mohammed bin Salman bin Abdulaziz Al Saud attended the summit.",
        [("Mohammed bin Salman bin Abdulaziz Al Saud", "attended")],
    ),
    (
        # a headline's question word opens no name (agency_en-t820, Belta)
        "Bilateral Cooperation and Ukraine: What Else Lukashenko and Putin Discussed in Valaam\n\n"
        "Alexander Lukashenko and Vladimir Putin met in Valaam.",
        [("Alexander Lukashenko", "attended"), ("Vladimir Putin", "attended")],
    ),
    (
        # German opening a sentence with the cue's object (de-t815, a Styrian municipality's
        # anniversary): who leads through the programme chairs it
        "Durch das Programm führte Gemeindesekretär Norbert Rössler.",
        [("Norbert Rössler", "presided")],
    ),
    # "gekommen waren" first in the sentence as well as after the list (an invented line)
    (
        "Gekommen waren auch Bürgermeister Hans Müller und Landrat Karl Maier.",
        [("Hans Müller", "attended"), ("Karl Maier", "attended")],
    ),
    # the moderation taken over, in either order (an invented line of a common construction)
    (
        "Die Moderation des Abends übernahm Bürgermeisterin Anna Huber.",
        [("Anna Huber", "presided")],
    ),
    (
        # a meeting told of is not the occasion: its other side was not at the telling
        # (tests/data/events/alaska2025.toml, trump-briefs-europe-2025-trt-de; round 9)
        "Nach dem Gipfel in Alaska hat US-Präsident Donald Trump den ukrainischen Präsidenten "
        "Wolodymyr Selenskyj sowie weitere europäische Staats- und Regierungschefs über sein "
        "Treffen mit Kremlchef Wladimir Putin informiert.",
        [("Donald Trump", "attended"), ("Wolodymyr Selenskyj", "attended")],
    ),
    (
        # two initials before a surname are a name, not an abbreviation like "U.S." (Indian
        # and Russian official styles: agency_en-v1306 "B. D. Mishra", agency_en-v1308)
        "U.S. Ambassador Eric Garcetti, Governor B. D. Mishra and Chief Minister M.K. Stalin "
        "attended the function.",
        [("Eric Garcetti", "attended"), ("B. D. Mishra", "attended"), ("M. K. Stalin", "attended")],
    ),
    (
        "總統馬英九今（24）日上午出席「2014全國科學技術會議」開幕典禮並致詞。",
        [("馬英九", "attended"), ("馬英九", "spoke")],
    ),
    (
        "行政院長江宜樺今天主持行政院會，副院長毛治國、秘書長李四川出席。",
        [("江宜樺", "presided"), ("毛治國", "attended"), ("李四川", "attended")],
    ),
    (
        "行政院長卓榮泰上午出席記者會，立法院長韓國瑜、台北市長蔣萬安也出席。",
        [("卓榮泰", "attended"), ("韓國瑜", "attended"), ("蔣萬安", "attended")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_names_come_out_whole_with_their_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.role) for p in extract_people(text)] == expected


def test_a_news_story_without_a_meeting_names_nobody() -> None:
    text = (
        "Hours later, the pair had to attend an event in London. The measure is intended to "
        "ensure employers cannot claim ignorance. Debbie Meadows remained near Bennett for "
        "much of the event, introducing her to donors and other attendees."
    )
    assert extract_people(text) == ()
