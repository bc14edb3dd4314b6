"""Round 11: comparing two reports of one occasion, defences against what the extractor misses.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml ids in the comments) and
people lists built from them. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from worker.detect.attendees import compare_people
from worker.detect.mentions import says_role
from worker.detect.model import Person, Role, Segment
from worker.detect.report import compare_reports
from worker.service.seeds import load_roster

ROSTER = load_roster()


def _person(name: str, role: Role, segment: Segment = "body", position: int = 1) -> Person:
    return Person(name, None, role, segment, position)


# --- a role the first report gives in words the extractor did not read ------------------------

# pair zhde8-hk-nationalday2022-isd-singtao: zh_cn-t811 is the government's release of the speech
# (its heading reads 李家超 attending; the speech itself is the release), zh_cn-t810 Sing Tao's
# report, which reads "他在致辞时表示" as the speech
SPEECH_RELEASE = (
    "行政长官国庆酒会致辞(附图/短片)\n*****************\n"
    "  以下是行政长官李家超今日(十月一日)出席中华人民共和国成立七十三周年国庆酒会致辞:\n \n"
    "各位巿民、各位嘉宾:\n   \n"
    "  今天我非常高兴,首次以第六任行政长官的身分,出席香港特区政府举办的国庆酒会,与大家聚首一堂,"
    "庆祝中华人民共和国成立七十三周年。\n"
)
SINGTAO = (
    "李家超:港遇强愈强前景满信心\n\n2022-10-02 00:00\n\n"
    "(星岛日报报道)昨天是十月一日国庆日,行政长官李家超与政府高层官员昨晨出席升旗仪式和国庆酒会,"
    "庆祝中华人民共和国成立七十三周年。李家超首次以行政长官身分出席国庆酒会,他在致辞时表示,"
    "每逢国庆都见证国家发展一年比一年好。\n\n"
    "升旗仪式昨晨八时在湾仔香港会议展览中心外的金紫荆广场举行。出席仪式的还包括终审法院首席法官"
    "张举能、立法会主席梁君彦。\n"
)


def test_says_role_reads_the_role_word_in_a_clause_naming_the_person() -> None:
    lee = _person("李家超", "attended")
    assert says_role(SPEECH_RELEASE, lee, "spoke", ROSTER)
    assert not says_role(SPEECH_RELEASE, lee, "presided", ROSTER)
    assert not says_role(SPEECH_RELEASE, _person("张举能", "attended"), "spoke", ROSTER)


def test_a_role_the_first_report_gives_in_words_is_no_role_change() -> None:
    change = compare_reports(SPEECH_RELEASE, SINGTAO, ROSTER)
    diff = change.attendees if change else None
    assert diff is not None  # the guests Sing Tao names are added
    assert "张举能" in diff.added
    assert diff.role_changes == ()


# pair zhde8-taichung-anniversary-2025-roles (zh_hant-t812): the Chinese sentence runs on through
# commas, each clause with its own subject: 出席 is said of the councillors, not of 盧秀燕
TAICHUNG = (
    "台中市政府舉辦市長盧秀燕就職七周年記者會，副市長、秘書長、局處長等市府主管全員到場，"
    "立院副院長江啟臣、立委楊瓊瓔到場、國民黨議員李中、民進黨議員陳雅惠等多名地方民代出席，"
    "盧秀燕深深鞠躬，感謝市民支持和市府團隊努力。"
)


def test_a_role_word_of_another_clause_is_not_the_persons() -> None:
    assert not says_role(TAICHUNG, _person("盧秀燕", "presided"), "attended", ROSTER)
    assert says_role(TAICHUNG, _person("陳雅惠", "attended"), "attended", ROSTER)


# pair en8-putin-erdogan-sochi-reshuffle (agency_en-t816): "spokesman for the Russian president"
# is no one presiding
SOCHI = (
    "SOCHI (TASS): Russian and Turkish Presidents Vladimir Putin and Recep Tayyip Erdogan completed"
    " talks in Sochi. The meeting, which began at about 13:30 Moscow time, lasted about three hours."
    "\n\n“Completed,” Dmitry Peskov, spokesman for the Russian president, told TASS when asked if"
    " negotiations were still ongoing. In the conversation, Putin noted the successful interaction"
    " of the two countries."
)


def test_a_title_is_not_a_role_word() -> None:
    assert not says_role(SOCHI, _person("Vladimir Putin", "attended"), "presided", ROSTER)


# --- a segment naming someone the first version listed in another segment --------------------

# pair val8-shanxi-forum-zh: zh_cn-v1308 adds a sub-headline ("武维华、蓝佛安致辞") to the text of
# zh_cn-v1305; 蓝佛安 attends and speaks in the body of both
SHANXI_BEFORE = [
    _person("武维华", "spoke", "lead"),
    _person("武维华", "spoke", "body"),
    _person("蓝佛安", "attended", "body", 2),
    _person("蓝佛安", "spoke", "body", 2),
    _person("熊继军", "presided", "body", 3),
]
SHANXI_AFTER = [
    _person("武维华", "spoke", "lead"),
    _person("蓝佛安", "spoke", "lead", 2),
    *SHANXI_BEFORE[1:],
]


def test_a_lead_naming_someone_the_body_listed_adds_nobody() -> None:
    diff = compare_people(SHANXI_BEFORE, SHANXI_AFTER, ROSTER)
    assert (diff.added, diff.removed, diff.role_changes) == ((), (), ())


def test_a_lead_naming_someone_in_a_new_role_still_tells_it() -> None:
    after = [*SHANXI_AFTER, _person("熊继军", "spoke", "lead", 3)]
    diff = compare_people(SHANXI_BEFORE, after, ROSTER)
    assert diff.added == ("熊继军",)  # speaking is news, not told before


# --- properties ------------------------------------------------------------------------------

_NAMES = ["Li Qiang", "Zhao Leji", "Wang Huning", "Cai Qi", "Ding Xuexiang", "Li Xi", "李家超"]
_ROLES: list[Role] = ["attended", "presided", "spoke", "present"]
_people_lists = st.lists(
    st.tuples(st.sampled_from(_NAMES), st.sampled_from(_ROLES), st.sampled_from(["lead", "body"])),
    min_size=1,
    max_size=8,
)


def _build(rows: list[tuple[str, Role, Segment]]) -> list[Person]:
    return [Person(n, None, r, s, i) for i, (n, r, s) in enumerate(rows, 1)]


@settings(max_examples=80, deadline=None)
@given(_people_lists, st.booleans())
def test_a_list_compared_with_itself_is_unchanged(
    rows: list[tuple[str, Role, Segment]], across: bool
) -> None:
    people = _build(rows)
    assert not compare_people(people, people, ROSTER, across=across).changed


@settings(max_examples=80, deadline=None)
@given(_people_lists, st.randoms(use_true_random=False), st.booleans())
def test_reordering_a_list_only_sets_reordered(
    rows: list[tuple[str, Role, Segment]], random: Random, across: bool
) -> None:
    before = _build(rows)
    shuffled = list(rows)
    random.shuffle(shuffled)
    diff = compare_people(before, _build(shuffled), ROSTER, across=across)
    assert (diff.added, diff.removed, diff.role_changes, diff.variants) == ((), (), (), ())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=5, unique=True))
def test_a_lead_repeating_names_the_body_lists_adds_nobody(names: list[str]) -> None:
    body = [Person(n, None, "attended", "body", i) for i, n in enumerate(_NAMES, 1)]
    before = [Person(_NAMES[0], None, "attended", "lead", 1), *body]
    after = [Person(n, None, "attended", "lead", i) for i, n in enumerate(names, 1)] + body
    diff = compare_people(before, after, ROSTER)
    assert diff.added == ()


# --- a second report naming nobody in a role -------------------------------------------------

# pair val9-fjreception2026: the Foreign Ministry's release (zh_cn-v909) names three officials;
# China.org.cn's English report of the same reception (none-v901) names only its byline
RECEPTION_ZH = (
    "2026年外国记者新春招待会在京举行\n外交部网站\n2026-01-31 11:02\n"
    "2026年1月30日晚,外交部与北京市人民政府在北京艺术中心共同举办2026年外国记者新春招待会。"
    "外交部部长助理洪磊出席并致辞,北京市委宣传部分管日常工作的副部长赵卫东、市政府外办主任黄依华等出席。\n"
)
RECEPTION_EN = (
    "China hosts Spring Festival reception for foreign journalists\n\n"
    "By Zhang Yuxin and Chen Xinyan\nChina.org.cn\n| January 31, 2026\n\n"
    "The 2026 Spring Festival Reception for Foreign Journalists in China, co-hosted by the Ministry"
    " of Foreign Affairs and the People's Government of Beijing Municipality, was held in Beijing"
    " on Friday.\n\nMore than 700 attendees, including foreign reporters, press officers from"
    " embassies in China, spokespersons from government ministries, and Chinese experts, scholars"
    " and media representatives, gathered to mark the upcoming Year of the Horse.\n"
)


def test_a_report_naming_nobody_in_a_role_removes_whom_it_does_not_name() -> None:
    change = compare_reports(RECEPTION_ZH, RECEPTION_EN, ROSTER)
    diff = change.attendees if change else None
    assert diff is not None
    assert set(diff.removed) == {"洪磊", "赵卫东", "黄依华"}
    assert diff.added == ()


def test_a_report_naming_nobody_keeps_whom_it_names() -> None:
    # the same English report naming the speaker outside any role: not removed
    named = RECEPTION_EN + "\nHong Lei, assistant foreign minister, was seen talking to guests.\n"
    change = compare_reports(RECEPTION_ZH, named, ROSTER)
    diff = change.attendees if change else None
    assert diff is not None
    assert "洪磊" not in diff.removed


@settings(max_examples=60, deadline=None)
@given(_people_lists)
def test_against_nobody_everyone_is_removed_and_nobody_added(
    rows: list[tuple[str, Role, Segment]],
) -> None:
    people = _build(rows)
    diff = compare_people(people, [], ROSTER, across=True)
    assert set(diff.removed) == {p.name for p in people}
    assert (diff.added, diff.role_changes) == ((), ())
