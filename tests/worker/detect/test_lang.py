"""The language a report is read in (round 12, lang12): real excerpts of the events dev files,
each with its file, id and source. Until round 12 every Latin-script text was "en" or "de" and
every other script "und"; bench/bench_lang.py measures the whole of dev."""

from __future__ import annotations

import pytest

from worker.detect.lang import detect_language
from worker.detect.people import extract_people
from worker.detect.report import check_report, compare_reports

EXCERPTS = [
    # dev_round8.toml d8-coronation-2023-eluniverso-es (eluniverso.com)
    (
        "es",
        "Carlos III del Reino Unido fue coronado esta mañana en la abadía de Westminster, en una "
        "ceremonia religiosa oficiada por el Arzobispo de Canterbury, líder espiritual de la "
        "Iglesia de Inglaterra.",
    ),
    # dev_round13.toml pope-francis-death-maryknoll (Spanish "de", "en": not Dutch)
    (
        "es",
        "El Papa Francisco falleció en la madrugada de hoy, Lunes de Pascua, 21 de abril de 2025, "
        "a la edad de 88 años. Sirvió como pontífice durante 12 años.",
    ),
    # dev_round3.toml lula-xi-2023-ansa (ansa.it)
    (
        "it",
        "(ANSA) - PECHINO, 14 APR - Il presidente Xi Jinping ha ricevuto il suo omologo brasiliano "
        "Luiz Inacio Lula da Silva in Piazza Tienanmen, tra un ricco e composito picchetto d'onore "
        "e lunghi tappeti rossi.",
    ),
    # dev_round11.toml alone-copom-2022-02-opovo (opovo.com.br)
    (
        "pt",
        "O Comitê de Política Monetária (Copom) do Banco Central do Brasil (BCB) elevou nesta "
        "quarta-feira (2) sua taxa básica de juros, a Selic, em 1,5 ponto percentual a 10,75%.",
    ),
    # dev_round8.toml d8-ballondor-2025-tekiano-fr (tekiano.com)
    (
        "fr",
        "Ousmane Dembélé écrit une nouvelle page de l'histoire du football en remportant le Ballon "
        "d'Or 2025 dans la soirée du lundi 22 septembre au théâtre du Châtelet à Paris.",
    ),
    # dev_round8.toml d8-charles-bellevue-banquet-standaard-nl (standaard.be)
    (
        "nl",
        "De Britse koning Charles heeft woensdag zijn beste Duits bovengehaald tijdens een toespraak "
        "in het Bellevue Palace in Berlijn. De koning en zijn echtgenote, koningin-gemalin Camilla, "
        "waren uitgenodigd op een staatsbanket",
    ),
    # dev_round6.toml rday-2025-garuda-id (garuda.tv)
    (
        "id",
        "NEW DELHI – Presiden RI Prabowo Subianto menghadiri parade perayaan Hari Republik India "
        "ke-76 di Kartavya Path, New Delhi, Minggu (26/1), sebagai Tamu Utama atau Chief Guest.\n"
        "Prabowo tiba di lokasi sekitar pukul 10.00 waktu setempat dengan diantar kereta kuda",
    ),
    # dev_round11.toml chandrayaan3-landing-rumfart (rumfart.dk)
    (
        "da",
        "Den indiske ubemandede rumsonde Chandrayaan-3 har idag 23. august 2023 foretaget en blød "
        "landing nær Månens sydpol. den medbringer en rover.",
    ),
    # dev_round11.toml alone-guardiola-interview-interia (sport.interia.pl)
    (
        "pl",
        "Manchester City w miniony weekend zapisał się w historii futbolu. Drużyna prowadzona przez "
        "Pepa Guardiolę wygrała w Turcji 1:0, a zwycięskiego gola strzelił pomocnik Rodri w 68. "
        "minucie spotkania.",
    ),
    # dev_round12.toml alone-air-india-crash-5pyetjet (5pyetjet.al)
    (
        "sq",
        "Një avion pasagjerësh i kompanisë Air India, me destinacion Londrën, është rrëzuar këtë të "
        "enjte pak minuta pas ngritjes nga aeroporti i Ahmedabad.",
    ),
    # dev_round12.toml fico-shot-sta (sta.si)
    (
        "sl",
        "Bratislava, 15. maja - Slovaški premier Robert Fico je v današnjem streljanju po srečanju "
        "vlade v kraju Handlova v osrednjem delu države utrpel hude poškodbe in je življenjsko "
        "ogrožen",
    ),
    # dev_round12.toml alone-notre-dame-ceremony-bljesak (bljesak.info)
    (
        "hr",
        "Ceremonija otvaranja počela je simboličnim gestom pariskog nadbiskupa Laurenta Ulricha, "
        "koji je tri puta pokucao na vrata katedrale, nakon čega je izgovorio riječ",
    ),
    # dev_round7.toml valdai-2025-ria-ru (ria.ru)
    (
        "ru",
        "СОЧИ, 2 окт – РИА Новости. Пленарная сессия ежегодного заседания международного "
        'дискуссионного клуба "Валдай" с участием президента России Владимира Путина началась в '
        "Сочи, передает корреспондент РИА Новости.",
    ),
    # dev_round10.toml nobel-peace-2023-fakty (fakty.com.ua)
    (
        "uk",
        "Лауреатом Нобелівської премії миру у 2023 році стала відома іранська правозахисниця та "
        "журналістка, яка виступала за права жінок і скасування смертної кари, Наргес Мохаммаді.",
    ),
    # dev_round9.toml d9-charles-italy-banquet-khaleej-ar (khaleejtopics.com)
    (
        "ar",
        "حضر الملك تشارلز الثالث والملكة كاميلا عشاءًا حكوميًا استضافه الرئيس سيرجيو ماتاريلا في قصر "
        "كويرينالي مساء الأربعاء.",
    ),
    # dev_round11.toml ucl-final-2024-newspepper (newspepper.gr)
    (
        "el",
        "Η Βασίλισσα της Ευρώπης σήκωσε για 15η φορά στην ιστορία της το μεγαλύτερο Ευρωπαϊκό "
        "τρόπαιο.",
    ),
    # dev_round12.toml ishiba-resigns-epratibha-te (epratibha.net)
    (
        "te",
        "జపాన్ ప్రధాని షిగేరు ఇషిబా తన పదవికి రాజీనామా చేస్తున్నట్లు 2025, సెప్టెంబరు 7న ప్రకటించారు.",
    ),
    # dev_round7.toml delhi-modi-putin-summit-aayudh-hi (aayudh.org)
    (
        "hi",
        "प्रधानमंत्री नरेंद्र मोदी और रूस के राष्ट्रपति व्लादिमीर पुतिन की हैदराबाद हाउस में शुक्रवार को बैठक हुई।",
    ),
]


@pytest.mark.parametrize(("language", "text"), EXCERPTS)
def test_a_report_is_read_in_its_language(language: str, text: str) -> None:
    assert detect_language(text) == language


def test_german_minutes_stay_german() -> None:
    # people dev de.round16.toml de-t912 (rathaus.dortmund.de, lines of a committee's minutes): its
    # list of members, "i. V." and "WBF-Do" line after line, holds more "i" and "do" than German
    # function words; Polish needs half as many again as German's
    text = (
        "Niederschrift\n\nüber die 37. Sitzung des Ausschusses für Wirtschafts- und "
        "Beschäftigungsförderung\n\n\nam 21.04.2004\nSaal der Partnerstädte, Rathaus, "
        "Friedensplatz 1, 44135 Dortmund\n\nÖffentliche Sitzung\n\nSitzungsdauer: 15:00 - 17:00 "
        "Uhr\n\nAnwesend waren:\n\na) Stimmberechtigte Mitglieder:\nCDU\nRm Schneider i. V. für "
        "Rm Dr. Eiteneyer\nRm Grote\nSPD\nRm Prüsse\nRm Steins i. V. für Rm Barsch\nRm Zupfer i. "
        "V. für Rm Drabig\nsB Dr. Lyding-Lichterfeld i. V. für sB Gähner\n\nb) Mitglieder ohne "
        "Stimmrecht:\nsE Kara Ausländerbeirat\nsE Blasczyk Seniorenbeirat i. V. für sE "
        "Middendorf\n\nd) Verwaltung:\nHerr Dr. Küpper WBF-Do\nHerr Beyer WBF-Do\nHerr Ellerkamp "
        "WBF-Do\nHerr Schlickewei WBF-Do\nHerr Poth WBF-Do\nFrau Dr. Keidies WBF-Do\nFrau "
        "Milberg WBF-Do\nHerr Ruff WBF-Do\nHerr Deitelhoff WBF-Do\n"
    )
    assert detect_language(text) == "de"


def test_an_english_report_naming_portuguese_places_stays_english() -> None:
    # dev_round3.toml's Lula-Xi reports in English: "da", "do", "de" in names
    text = (
        "Chinese President Xi Jinping arrived at the Palacio da Alvorada in Brasilia, where he was "
        "received by Brazilian President Luiz Inacio Lula da Silva for talks on trade."
    )
    assert detect_language(text) == "en"


def test_a_list_of_names_is_no_portuguese() -> None:
    # (tests/worker/detect/test_people.py's 300 names: "NameAoo5", read as words "o" and "i":
    # Portuguese's article 32 times, one word of its list only)
    names = [f"Name{chr(65 + i % 26)}{i:03d} Surname{chr(65 + i // 26)}" for i in range(300)]
    names = [n.replace("0", "o").replace("1", "i") for n in names]
    text = ", ".join(names[:-1]) + " and " + names[-1] + " attended the meeting."
    assert detect_language(text) == "en"


def test_no_letters_is_undetermined() -> None:
    assert detect_language("12.05.2024 - 591") == "und"


def test_a_spanish_report_names_no_one_by_english_rules() -> None:
    # dev_round9.toml d9-charles-italy-banquet-euronews-es (es.euronews.com): the English rules
    # read "Asuntos Exteriores" (the ministry) as a person who attended; no rules for Spanish
    text = (
        "El rey Carlos III y la reina Camilla asistieron el miércoles por la noche a una cena de "
        "Estado ofrecida por el presidente italiano, Sergio Mattarella, en el palacio del "
        "Quirinale. En el acto, que coincidió con el aniversario de boda de la pareja, "
        "participaron como invitados la primera ministra, Giorgia Meloni, y el ministro de Asuntos "
        "Exteriores, Antonio Tajani.\n"
    )
    assert [p.name for p in extract_people(text, language="en")] != []  # what it was read as
    assert extract_people(text) == ()
    assert check_report(text).language == "es"


def test_a_report_in_a_language_without_rules_removes_no_one() -> None:
    # dev_round7.toml valdai-2025-tass-en (tass.com) and valdai-2025-ria-ru (ria.ru), one
    # occasion: the Russian report's people are not read, which was "across languages (en ->
    # und): removed from the list: Vladimir Putin"
    english = (
        "SOCHI, October 2. /TASS/. Russian President Vladimir Putin is taking part in the 22nd "
        'annual meeting of the Valdai International Discussion Club in Sochi, titled "The '
        'Polycentric World: Instructions for Use."\n'
    )
    russian = (
        "СОЧИ, 2 окт – РИА Новости. Пленарная сессия ежегодного заседания международного "
        'дискуссионного клуба "Валдай" с участием президента России Владимира Путина началась в '
        "Сочи, передает корреспондент РИА Новости.\n"
    )
    assert [p.name for p in check_report(english).people] == ["Vladimir Putin"]
    assert check_report(russian).language == "ru"
    assert compare_reports(english, russian) is None
    assert compare_reports(russian, english) is None


# Round 15 (lang15): a text's CJK language by the share of the text each script writes, not by
# a few characters of one (bench/bench_lang.py: 15 of the 16 misreadings of people dev were these).
# people dev zh_hant.round26.toml zh_hant-t14z25 (cna.com.tw): every CNA page carries the line of
# Japanese offering its Japanese edition; the report was read as Japanese (the same in rounds
# 14, 22-26: zh_hant-v1306, zh_hant-t12z31, zh_hant-t13z03, none_zh none-r12v06 ...)
CNA = (
    "本網站使用相關技術提供更好的閱讀體驗,同時尊重使用者隱私,點這裡瞭解中央社隱私聲明當您關閉此視窗,"
    "代表您同意上述規範。\nYour browser does not appear to support Traditional Chinese. Would you "
    'like to go to CNA’s English website, “Focus Taiwan" ?\nこちらのページは繁体字版です。日本語版'
    "「フォーカス台湾」に移動しますか。\n中央社一手新聞APP Icon中央社一手新聞APP\n下載\n\n"
    "習近平見梅克爾 稱中國擴大開放說到做到\n\n2019/9/6 21:21\n\n(中央社台北6日電)中國國家主席習近平"
    "今天在北京會見到訪的德國總理梅克爾,他強調中國在市場和經貿上能給予德國的好處,稱「中方擴大開放說到"
    "做到」。雙方並就重大國際問題達成廣泛共識。\n\n梅克爾(Angela Merkel)上午與中國國務院總理李克強"
    "會談時,曾當面提出對香港的關切,認為需要和平解決香港的問題。\n"
)


def test_a_chinese_page_with_a_line_of_japanese_is_chinese() -> None:
    assert detect_language(CNA) == "zh"
    report = check_report(CNA)
    assert report.language == "zh"
    names = [p.name for p in report.people]
    assert names == [p.name for p in extract_people(CNA, language="zh")]
    assert "習近平" in names or "Xi Jinping" in names


def test_the_katakana_middle_dot_of_a_chinese_name_is_no_japanese() -> None:
    # people dev zh_hant.round9.toml zh_hant-t611 (nanmuxuan.com): "雷克斯・蒂勒森"
    text = (
        "美國國務卿蒂勒森訪華 與中國外交部長王毅舉行會談\n美國國務卿雷克斯・蒂勒森今天(30日)訪華。"
        "中國外交部長王毅下午1點半在北京人民大會堂與蒂勒森舉行會談。\n"
    )
    assert detect_language(text) == "zh"
    assert detect_language("雷克斯・蒂勒森") == "zh"


def test_japanese_writing_many_kanji_stays_japanese() -> None:
    # events dev_round6.toml cpc-4th-plenum-closes-livedoor-ja (news.livedoor.com): kana 18% of
    # its Han and kana, the fewest of the Japanese reports
    text = (
        "中国共産党第20期4中全会、北京で開催 2025年10月23日 23時15分 新華社通信 会議で重要演説を行う"
        "習近平氏。（北京＝新華社記者／謝環馳） 【新華社北京10月23日】中国共産党第20期中央委員会第4回全体"
        "会議（4中全会）が20〜23日、北京で開かれた。中央政治局が主宰し、習近平（しゅう・きんぺい）共産党"
        "中央委員会総書記が重要演説を行った。北京で開かれた４中全会の様子。（北京＝新華社記者／丁海濤）\n"
    )
    assert detect_language(text) == "ja"


@pytest.mark.parametrize(
    "text",
    [
        # people dev xinhua_en.round25.toml xinhua_en-r13v03 (hxen.net): a Chinese site's menu
        # around a Xinhua report in English
        "和谐英语\n\n您现在的位置是:首页 > 英语新闻 > 国内英语新闻\n\n正文\n\n国内英语新闻:Chinese VP "
        "addresses opening ceremony of New Economy Forum\n\n2019-11-22来源:Xinhuanet\n\nBEIJING, Nov. "
        "21 (Xinhua) -- Chinese Vice President Wang Qishan on Thursday addressed the opening "
        "ceremony of the 2019 New Economy Forum, stressing the importance of innovation to "
        "development.\n",
        # events dev_round9.toml d9-hualien-quake-kekenet (kekenet.com): a bilingual lesson
        "A 7.3-magnitude earthquake jolted the sea area near Hualien of China's Taiwan at 7:58 am "
        "Wednesday (Beijing Time), followed by multiple aftershocks, according to the China "
        "Earthquake Networks Center (CENC).\n据中国地震台网中心(CENC)报道,2024年4月3日北京时间上午7点"
        "58分,中国台湾花莲附近海域发生7.3级地震,随后发生多次余震。\nThe epicenter was monitored at "
        "23.81 degrees north latitude and 121.74 degrees east longitude, at a depth of 12 km, said "
        "a report issued by the CENC.\n中国地震台网中心发布的一份报告称,震中位于北纬23.81度,东经121.74"
        "度,深度12公里。\n",
    ],
)
def test_an_english_report_with_some_chinese_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        # people dev de.round26.toml de-t14z12 (Xinhua German): "in" as often as "der", "des"
        "BEIJING, 4. November (Xinhua) -- Der chinesische Staatspräsident Xi Jinping traf am "
        "Freitag in der Großen Halle des Volkes in Beijing Bundeskanzler Olaf Scholz anlässlich "
        "seines offiziellen Besuchs in China.\n",
        # people dev de.round9.toml de-t612 (a photo caption)
        "Bundeskanzler Karl Nehammer (ÖVP) in seiner Rede zur Eröffnung.\nBild: GEORG HOCHMUTH "
        "(APA)\n",
    ],
)
def test_a_short_german_text_is_german(text: str) -> None:
    assert detect_language(text) == "de"


@pytest.mark.parametrize(
    "text",
    [
        # events dev_round17.toml e12-alone-turkey-runoff-tr: was Croatian ("açıklama" cut at its
        # "ı" into "aç" and "klama", the pieces "i" and "a" counted for the languages they are a
        # word of)
        "Resmi olmayan sonuçlara göre 2. tur seçimlerini kaybeden Kılıçdaroğlu, 21.30'da "
        "açıklama yapacak\n\n2. tur seçimlerinde sandıkların yüzde 98'i açılırken, resmi olmayan "
        "sonuçlara göre Cumhur İttifakı'nın adayı Recep Tayyip Erdoğan seçimi kazandı.\n\n"
        "Türkiye bugün cumhurbaşkanlığı seçimlerinin 2. turu için sandık başına gitti.\n\n"
        "Saat 20.10 itibarıyla Erdoğan 26 milyon 891 bin 260 oy alarak yüzde 52.12 ile yarışı önde "
        "götürüyor. Kılıçdaroğlu ise 24 milyon 706 bin 361 oy alarak yüzde 47.88 oranında "
        "bulunuyor.\n",
        # events dev_round17.toml e12-alone-imamoglu-arrest-tr: was English ("İ" case-folds to
        # "i" and a dot above: "İmamoğlu" gave an "i" every time)
        "İstanbul Büyükşehir Belediye Başkanı Ekrem İmamoğlu ve 91 kişi, 19 Mart sabahı "
        "gözaltına alındıktan sonra savcılık ve hakimlikteki ifade süreçlerini tamamladı. "
        "İmamoğlu, her iki soruşturma dosyasıyla ilgili savunmalarını yaptı. İmamoğlu, "
        "“yolsuzluk” soruşturması çerçevesinde tutuklanırken, “kent uzlaşısı” soruşturmasında "
        "ise tutuksuz yargılanacak.\n",
    ],
)
def test_a_turkish_report_is_turkish(text: str) -> None:
    assert detect_language(text) == "tr"
    assert extract_people(text) == ()
