"""Mechanisms read from dev_round14's misses (round 9's held-out test split, moved to dev at the
start of round 10; bench/README.md, "Round 10 (branch issue-ev14): dev_round14 read by cause").
Each title or excerpt is of a report of bench/data/events/dev_round14.toml (its id in a comment;
source in bench/data/events/PROVENANCE.md under it); the pairs are in
tests/data/events/round14_cases.toml."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    announces_the_hour,
    kinds_agree,
    occasion_kinds,
    report_features,
    same_person,
)
from worker.detect.held_occasions import held_occasions, of_one_day
from worker.detect.outcomes import outcome_kinds
from worker.detect.places import occasion_places, places_named
from worker.service.seeds import load_roster

ROSTER = load_roster()


def test_the_nobel_prize_in_physics_is_a_named_occasion_of_one_morning() -> None:
    # nobel-physics-2024-chengxu-peoples (人民日报客户端), nobel-physics-2024-businesstoday
    assert held_occasions("2024年诺贝尔物理学奖揭晓:两名杰出科学家分享荣誉") == ("nobelphysics",)
    assert "nobelphysics" in held_occasions(
        "Nobel Prize in Physics 2024: John Hopfield and Geoffrey Hinton honoured"
    )
    assert of_one_day("nobelphysics")


def test_a_film_festivals_award_night_is_named_by_its_prize_in_any_language() -> None:
    # berlinale-2021-jungewelt (junge Welt, dpa), golden-horse-2025-cna-yahoo (中央社),
    # golden-horse-2020-shvoice-ja (Japanese)
    assert "awards:berlinale" in held_occasions(
        "Der Goldene Bär der Berlinale 2021 geht an den Regisseur Radu Jude (Rumänien)"
    )
    assert "goldenhorse" in held_occasions("第62屆金馬獎今晚在台北流行音樂中心順利落幕")
    assert "goldenhorse" in held_occasions("金馬奨「消失的情人節」が5冠 81歳女優、五度登壇でMVP")
    assert all(of_one_day(k) for k in ("awards:berlinale", "goldenhorse", "awards:cannes"))


def test_the_popes_blessing_is_named_by_urbi_et_orbi_or_his_christmas_message() -> None:
    # urbi-2018-bbc (BBC), urbi-2015-kleinezeitung (Kleine Zeitung)
    assert held_occasions("Pope Francis urges peace in Christmas message") == ("urbi:pope",)
    assert held_occasions("Vatikan: Papst verkündete Urbi et Orbi") == ("urbi:pope",)
    # (a Christmas message of someone else is none: the King's)
    assert held_occasions("The King's Christmas message praises carers") == ()


def test_uefas_congress_is_a_bodys_congress_in_any_alphabet() -> None:
    # uefa-congress-2025-sportua (Sport.ua), uefa-congress-2025-xinhua
    assert "congress:uefa" in held_occasions(
        "49-й очередной Конгресс УЕФА, организованный Футбольным союзом Сербии (FSS), собрал в "
        "Белграде всех 55 президентов"
    )
    assert "congress:uefa" in held_occasions("The 49th UEFA Congress opened Thursday in Belgrade")


def test_a_capital_standing_for_its_government_is_no_place_of_the_occasion() -> None:
    # xi-takaichi-gyeongju-japantimes (The Japan Times)
    sentence = (
        "Prime Minister Sanae Takaichi allayed fears she would take a more hawkish approach to "
        "Beijing in her first meeting with Chinese President Xi Jinping"
    )
    assert places_named(sentence) == ("beijing",)
    assert occasion_places(sentence) == ()
    assert occasion_places("Xi Jinping held talks with Sanae Takaichi in Beijing") == ("beijing",)


def test_a_french_transliteration_is_one_person_and_one_index_key() -> None:
    # macron-putin-call-blick-fr (Blick, AFP) and macron-putin-call-nv (NV): "Poutine" / Putin
    assert same_person("vladimirpoutine", "vladimirputin")
    fr = report_features(
        "Poutine et Macron ont échangé au téléphone, pour la première fois depuis 2022",
        "Le président français Emmanuel Macron s'est entretenu avec son homologue russe Vladimir "
        "Poutine pour la première fois depuis septembre 2022.",
        date(2025, 7, 1),
        ROSTER,
    )
    assert "p:vladimirputin" in fr.index_keys()


def test_an_hour_in_the_italian_future_or_in_dpas_brackets_is_a_preview() -> None:
    # alone-leo-christmas-programme-rtl (RTL 102.5), alone-wegner-vote-preview-stern (stern, dpa)
    assert announces_the_hour(
        "La messa di Natale, presieduta da Papa Leone XIV per la prima volta dalla sua elezione "
        "oggi alle 10, nella Basilica di San Pietro, sarà seguita dalla Benedizione “Urbi et "
        "Orbi”, alla città di Roma e al Mondo, alle 12, dalla Loggia centrale della Basilica."
    )
    assert announces_the_hour(
        "Zweieinhalb Monate nach der Wiederholungswahl zum Berliner Abgeordnetenhaus stellt sich "
        "der CDU-Landesvorsitzende Kai Wegner am Donnerstag (12.00 Uhr) im Landesparlament als "
        "neuer Regierender Bürgermeister zur Wahl."
    )


def test_a_chinese_span_of_days_and_a_traditional_dateline_date_the_occasion() -> None:
    # summer-davos-2024-kwongwah (光华日报): the forum "于25日至27日", published on the 25th
    davos = report_features(
        "夏季达沃斯论坛开幕 中国吁反对脱钩断链",
        "世界经济论坛第15届新领军者年会(夏季达沃斯论坛)于25日至27日在辽宁省大连国际会议中心举行,"
        "有近80个国家和地区的1600多名代表与会。中国国务院总理李强在开幕仪式上致词。",
        date(2024, 6, 25),
        ROSTER,
    )
    assert davos.occasion == "06-25"
    # golden-horse-2025-cna-yahoo (中央社): filed "台北22日電", "今晚", published on the 23rd
    horse = report_features(
        "白恐「大濛」金馬獲4獎大贏家 張震、范冰冰封帝后",
        "（中央社記者王心妤台北22日電）第62屆金馬獎今晚在台北流行音樂中心順利落幕。",
        date(2025, 11, 23),
        ROSTER,
    )
    assert horse.occasion == "11-22"


def test_a_french_sentence_given_is_a_verdict() -> None:
    # lepen-verdict-pravda-fr (News-Pravda France), lepen-verdict-libe (Libération)
    assert outcome_kinds(
        "Cour De Paris condamnas Marine le Pen, chef du parti de droite rassemblement National, a "
        "écopé de quatre ans de prison",
        "",
    ) == ("verdict",)
    assert outcome_kinds(
        "La peine d'inéligibilité avec exécution provisoire prononcée contre Marine Le Pen "
        "est-elle exceptionnelle ?",
        "",
    ) == ("verdict",)


def test_an_edition_in_chinese_numerals_is_a_title_number() -> None:
    # summer-davos-2025-yeeworld (译世界, 外交部官网转载): "第十六届", as "16th Annual Meeting" writes it
    f = report_features(
        "双语|李强在第十六届夏季达沃斯论坛开幕式上的致辞",
        "Address by H.E. Li Qiang, Premier of the State Council of the People's Republic of China, "
        "at the Opening Plenary of the Annual Meeting of the New Champions 2025",
        date(2025, 6, 27),
        ROSTER,
    )
    assert f.marks == ("16",)
    assert "wef" in f.forums


def test_a_film_festivals_winners_and_its_prize_are_one_key() -> None:
    # cannes-2025-thenews (The News International, dev_round12) and cannes-2025-springfield
    # (Springfield News-Sun, AP, dev_round12);
    # oscars2024-rtlbe (RTL Info, Belga/AFP, dev_round11): "l'Oscar du meilleur réalisateur"
    assert held_occasions(
        "Cannes Film Festival 2025 winners revealed as star-studded night ends in chaos"
    ) == ("awards:cannes",)
    assert held_occasions(
        "Cannes awards Palme d'Or to Iranian revenge drama 'It Was Just an Accident'"
    ) == ("awards:cannes",)
    assert held_occasions(
        "Christopher Nolan remporte l'Oscar du meilleur réalisateur pour Oppenheimer"
    ) == ("oscars",)


def test_an_outcome_after_a_count_or_far_from_the_setting_word_is_read() -> None:
    # wegner-elected-orf (ORF): the title is the lead's first sentence
    assert outcome_kinds(
        "Zweieinhalb Monate nach der Wiederholungswahl zum Berliner Abgeordnetenhaus ist der "
        "CDU-Landesvorsitzende Kai Wegner heute nach zwei gescheiterten Versuchen im dritten "
        "Wahlgang zum neuen Regierenden Bürgermeister gewählt worden",
        "",
    ) == ("election",)
    # (a setting still: the congratulations after the election, round 11's case)
    assert outcome_kinds("Xi congratulates Lula after he was elected president", "") == ()


def test_an_annual_meeting_is_a_session_another_report_may_call_a_meeting() -> None:
    # summer-davos-2024-qichecc (qichecc.com, WEF China reposting)
    assert occasion_kinds(
        "Welcome to Day 1 of the Annual Meeting of the New Champions 2024", ""
    ) == ("session",)
    # valdai-2023-ruetir (Ruetir) and valdai-2023-oananews-tass (OANA News, TASS; dev_round7):
    # the annual meeting of the Valdai club and "Valdai Club meeting", one plenary
    a = report_features(
        "Putin: We must build a new world",
        "Russian President Vladimir Putin attends the 20th Annual Meeting of the Valdai "
        "Discussion Club in Sochi, Russia, October 5, 2023. Photo/Sputnik/Grigory "
        "Sysoyev/REUTERS",
        date(2023, 10, 5),
        ROSTER,
    )
    b = report_features(
        "Putin spends more than 3 1/2 hours to speak, take questions at Valdai Club meeting",
        "MOSCOW, October 5. /TASS/. The Valdai International Discussion Club meeting attended by "
        "Russian President Vladimir Putin lasted 3 hours and 41 minutes.",
        date(2023, 10, 5),
        ROSTER,
    )
    assert a.kinds == ("session",) and b.kinds == ("talks",)
    assert kinds_agree(a, b) is None
