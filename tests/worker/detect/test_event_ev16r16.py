"""Round 16 (branch issue-ev16): the roster's people as Japanese, Korean and Russian texts write
them by sound, the family name in katakana, Hangul or Cyrillic ("ゼレンスキー大統領", "기시다
후미오 일본 총리", "Блинкен и Лавров"), and a Japanese family name in kanji before a title
("岸田総理大臣"); a word that only sounds like a name, with no title after it, is no name. The
excerpts are real (bench/data/events/dev_round17.toml and dev_round20.toml, ids in the
comments)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    GroupingOptions,
    mentioned_people,
    occasion_kinds,
    report_features,
    score,
)
from worker.detect.held_occasions import held_occasions
from worker.service.seeds import load_roster

ROSTER = load_roster()
OPTS = GroupingOptions()

# e15-kishida-zelensky-kyiv-ja-jiji (時事ドットコム, 21 March 2023)
JIJI_TITLE = "岸田首相、ゼレンスキー大統領と会談へ ウクライナ初訪問"
JIJI = (
    "岸田文雄首相は21日、ウクライナの首都キーウ(キエフ)を訪問し、ゼレンスキー大統領と会談する。"
    "日本外務省が発表した。\nゼレンスキー氏は1月の電話首脳会談で、首相のウクライナ訪問を要請した。"
    "2月にバイデン米大統領がキーウを電撃訪問。\n"
)
# e15-kishida-yoon-summit-ko-kbs (KBS, 16 March 2023)
KBS_TITLE = "[속보] 한일 정상회담 시작…“한일 관계 새 출발, 셔틀외교 복원” / KBS 2023.03.16."
KBS = (
    "윤석열 대통령과 기시다 후미오 일본 총리가 12년 만의 '셔틀 외교' 복원을 알리는 한일 정상회담을 "
    '시작했습니다. 윤 대통령은 오늘(16일) 오후 일본 도쿄 총리 관저에서 기시다 총리를 만나 "그간 '
    "여러 현안으로 어려움을 겪던 한일 관계가 새롭게 출발한다는 것을 양국 국민들께 알려 드리는 특별한 "
    '의미가 있다고 생각한다"고 말했습니다.\n'
)
# e15-kishida-yoon-summit-en-yomiuri (The Japan News, 16 March 2023)
YOMIURI_TITLE = "Japan, South Korean Leaders Hold Summit in Tokyo"
YOMIURI = (
    "South Korea’s President Yoon Suk Yeol shakes hands with Japan’s Prime Minister Fumio "
    "Kishida, as the meet at the prime minister’s official residence in Tokyo, Japan, March 16, "
    "2023.\n\nIn the first visit to Japan by a South Korean president since December 2011 "
    "outside of multilateral gatherings, Prime Minister Fumio Kishida held a summit with South "
    "Korean President Yoon Suk Yeol in Tokyo on Thursday.\n"
)
# e15-trump-xi-busan-ko-channela (채널A, 30 October 2025)
CHANNELA = (
    "트럼프·시진핑, 김해국제공항 도착…곧 정상회담 시작\n\n도널드 트럼프 미국 대통령이 30일 시진핑 "
    "중국 국가주석과의 정상회담을 위해 경주를 떠나 부산 김해국제공항에 도착했습니다.\n"
)
# e15-blinken-lavrov-call-ru-kasparov (Каспаров.Ru, 29 July 2022)
KASPAROV = "Блинкен и Лавров провели первый разговор с начала войны"
# e15-putin-xi-informal-ru-mdiplomat (Московский дипломат, 20 March 2023)
MDIPLOMAT = "Переговоры Путина и Си Цзиньпина завершились"


def test_japanese_names_by_sound_and_by_kanji_family_name() -> None:
    # the katakana family name before 大統領 and 米大統領, the kanji family name before 首相
    people = mentioned_people(f"{JIJI_TITLE}\n{JIJI}", ROSTER)
    assert {"fumiokishida", "volodymyrzelenski", "yoebiden"} <= set(people)


def test_korean_names_by_sound_with_their_title() -> None:
    # 기시다 후미오 일본 총리: the family name, the given name, the country, the title
    assert {"yonsukeol", "fumiokishida"} <= set(mentioned_people(KBS, ROSTER))
    # 트럼프 미국 대통령, 시진핑 중국 국가주석, and so also the headline's "트럼프·시진핑"
    people = mentioned_people(CHANNELA, ROSTER)
    assert {"donaldtrump", "xiyinping"} <= set(people)


def test_russian_family_names_alone() -> None:
    assert set(mentioned_people(KASPAROV, ROSTER)) == {"antoniblinken", "sergeilavrov"}
    assert set(mentioned_people(MDIPLOMAT, ROSTER)) == {"vladimirputin", "xiyinping"}


def test_words_that_sound_like_names_without_a_title_are_none() -> None:
    # e15-boj-policy-meeting-ja-qnew: システム ("system") is Starmer's consonants, no title
    assert mentioned_people("マイナス金利導入前のシステムに戻す", ROSTER) == ()
    # e12-expo2030-ko-newspim (dev_round17): 그쳤다 ("fell short") is Kishida's consonants, and
    # its title comes after a full stop and another name (한덕수): not Kishida
    text = "한국(부산)은 29표에 그쳤다. 한덕수 총리는 투표 결과에 대해 밝혔다."
    assert "fumiokishida" not in mentioned_people(text, ROSTER)
    # e15-kishida-yoon-summit-ko-ytn: a Korean name (김건희 여사) is no foreign one
    assert (
        mentioned_people("윤 대통령은 부인 김건희 여사와 함께 도쿄 땅을 밟았습니다.", ROSTER) == ()
    )


def test_korean_and_english_reports_of_one_summit_are_tied() -> None:
    # main: the Korean report named Yoon alone, one person in common, weak
    ko = report_features(KBS_TITLE, f"{KBS_TITLE}\n\n{KBS}", date(2023, 3, 16), ROSTER)
    en = report_features(YOMIURI_TITLE, YOMIURI, date(2023, 3, 16), ROSTER)
    assert score(ko, en, OPTS).score >= OPTS.join


def test_central_banks_in_chinese_and_japanese() -> None:
    # e15-fomc-decision-zh-hket: Hong Kong's name of the Fed, 聯儲局, and 加息
    assert "rates:fed" in held_occasions(
        "【儲局議息】聯儲局FOMC加息0.25厘 符合市場預期 利率達22年高"
    )
    # e15-boj-policy-meeting-ja-jijiequity: the Bank of Japan's meeting by its own name
    assert "rates:boj" in held_occasions("【2024年7月30日~31日】金融政策決定会合の結果(要約)")
    # e15-boj-policy-meeting-ja-qnew: the bank and its monetary policy in the lead
    lead = "2024年3月19日、日本銀行の金融政策決定会合で「金融政策の枠組みの見直し」が決まりました。"
    assert "rates:boj" in held_occasions(lead)
    # monetary policy said of no bank names no decision
    assert held_occasions("政府は金融政策について説明した") == ()


def test_korean_kinds_of_occasion() -> None:
    # e15-kishida-yoon-summit-ko-kbs and -ytn: 정상회담 (a summit's talks), 기자회견 (the press
    # conference), read as the other languages' kinds are
    assert occasion_kinds(KBS_TITLE, "") == ("talks",)
    ytn = "尹, 기시다와 한일 정상회담·기자회견...이 시각 도쿄 / YTN"
    assert set(occasion_kinds(ytn, "")) == {"press", "talks"}
    # e12-expo2030-ko-edaily (dev_round17): a vote's result is no kind of occasion
    assert occasion_kinds("[속보]부산 엑스포 유치 좌절…사우디 리야드 개최 확정", "") == ()


def test_a_chinese_dateline_in_xun_is_not_the_occasion() -> None:
    # e14-queen-death-zh-sanhaostreet (dev_round19), published 9 September 2022: "9月9日讯" is
    # when it was filed; the Queen died on the 8th, local time
    title = "世界通讯!英女王伊丽莎白二世去世 享年96岁 查尔斯成为英国国王"
    text = (
        "9月9日讯,当地时间周四(9月8日)18点,英国白金汉宫证实,英女王伊丽莎白二世在苏格兰巴尔莫勒尔"
        "城堡去世,享年96岁。\n"
    )
    assert report_features(title, text, date(2022, 9, 9), ROSTER).occasion == "09-08"


def test_a_call_told_by_the_noun_alone() -> None:
    # e15-biden-xi-call-en-axios (dev_round20), xi-trump-call-2025-01-17 (dev_round6),
    # trump-zelensky-call-2025-03-19 (dev_round7): calls that say neither phone nor video
    for title in (
        'Xi warns Biden not to "play with fire" on Taiwan in 2-hour call',
        "Trump, China’s Xi hold call on TikTok, trade, Taiwan",
        "Trump boasts 'very good' call with Zelensky",
    ):
        assert occasion_kinds(title, "") == ("call",), title
    # a courtesy call is a visit, "calls for" an appeal (xi-meets-anwar-beijing-2023-03-31,
    # dev_round7; pope-francis-easter-blessing-2025-04-20, dev_round13)
    assert "call" not in occasion_kinds("PM Anwar pays courtesy call on China’s President Xi", "")
    assert "call" not in occasion_kinds("Pope Francis calls for global peace in Easter message", "")
