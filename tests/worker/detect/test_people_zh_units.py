"""Pieces of the Chinese reading: the time/place tail after a name, list items that are
bodies, the gate of the rites."""

from __future__ import annotations

import re._parser as sre_parse  # type: ignore[import-not-found]

from worker.detect.people import extract_people
from worker.detect.people_zh import (
    _GROUP_LAST_CHARS,
    _HONORIFIC_AFTER,
    _HONORIFIC_LAST,
    _TAIL_OPENS,
    _TITLE_AFTER_LAST,
    _TITLE_AFTER_UNIT,
    _ZH_GROUP,
    _ZH_TIME_TAIL,
    _item_name,
    _untimed,
    has_trigger_chars,
    zh_holds_cue,
)


def _firsts(items: list[tuple[object, object]]) -> set[str]:  # noqa: C901
    """The characters a sequence of parsed pattern items can open with."""
    found: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero-width
        if name == "LITERAL":
            found.add(chr(arg))  # type: ignore[arg-type]
        elif name == "IN":
            for inner_op, inner in arg:  # type: ignore[attr-defined]
                if str(inner_op) == "LITERAL":
                    found.add(chr(inner))
                elif str(inner_op) == "CATEGORY":
                    found.update("0123456789")  # \d
                elif str(inner_op) == "RANGE":
                    found.update(chr(c) for c in range(inner[0], inner[1] + 1))
        elif name == "BRANCH":
            for alternative in arg[1]:  # type: ignore[index]
                found |= _firsts(list(alternative))
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            body = arg[-1] if name == "SUBPATTERN" else arg  # type: ignore[index]
            found |= _firsts(list(body))  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            found |= _firsts(list(arg[2]))  # type: ignore[index]
            if arg[0] == 0:  # type: ignore[index]
                continue  # optional: what follows can open too
        return found
    return found


def test_every_opening_of_the_tail_passes_its_prefilter() -> None:
    # a piece of the tail whose first character the pre-filter lacks is never found
    opens = _firsts(list(sre_parse.parse(_ZH_TIME_TAIL.pattern)))
    assert "本" in opens
    assert sorted(c for c in opens if not _TAIL_OPENS.match(c)) == []


def test_every_group_ending_passes_the_last_character_gate() -> None:
    # _group_last asks the pattern only when the text's last character can end a match
    words = _ZH_GROUP.pattern.split("(?:", 1)[1].split(")等?了?", 1)[0]
    lasts = {w[-1] for w in words.split("|") if w and "[" not in w}
    assert sorted(lasts - _GROUP_LAST_CHARS) == []
    assert {"们", "等", "了", "人", "名", "位"} <= _GROUP_LAST_CHARS


def _last_characters(pattern: str) -> set[str]:
    """The last characters of a pattern's alternatives "(?:…)(?:a|b|…)$" (a class's members)."""
    body = pattern.rsplit("(?:", 1)[1].rsplit(")$", 1)[0]
    lasts: set[str] = set()
    for word in body.split("|"):
        lasts.add(word[-1])
    return lasts


def test_every_honorific_and_office_after_a_name_passes_its_last_character_gate() -> None:
    # (round 23) the item reader asks each pattern only when the item's last character can end it
    assert sorted(_last_characters(_HONORIFIC_AFTER.pattern) - _HONORIFIC_LAST) == []
    assert sorted(_last_characters(_TITLE_AFTER_UNIT.pattern) - _TITLE_AFTER_LAST) == []


def test_an_honorific_after_a_titled_name_is_no_part_of_it() -> None:
    # round 23 (zh_cn-t22y16, zh_hant-t22y17): the name before 局绅, 博士, 阁下 (simplified items)
    known: frozenset[str] = frozenset()
    assert _item_name("名誉会长陈国平局绅", False, known) == "陈国平"
    assert _item_name("特命全权大使管木阁下", False, known) == "管木"
    assert _item_name("吴添泉总会长", False, known) == "吴添泉"
    # (nothing before the honorific that reads as a name: no name)
    assert _item_name("全体女士", False, known) is None


def test_this_week_is_a_tail() -> None:
    assert _untimed("赖清德本周") == "赖清德"
    assert _untimed("主席李强本周末也") == "主席李强"


def test_a_long_run_of_openers_ends() -> None:
    # overlapping pieces once made the search exponential (14 在: 0.13 s; 40: hours)
    region = "李强" + "在" * 40 + "开会讨论了很多很多很多很多的事情并且决定了一些事情"
    assert _untimed(region) == region


def test_a_body_between_names_is_no_name() -> None:
    text = "会议由李强主持，蔡奇、丁薛祥、农业部、程军才出席会议。"
    names = [p.name for p in extract_people(text, language="zh")]
    assert "农业部" not in names
    assert "丁薛祥" in names


def test_accepting_gates_the_rites_only_on_behalf() -> None:
    # zh_hant-d1014: "由…林光華代表接受" takes part; an interview (接受采访) is no rite
    assert has_trigger_chars("由義民廟董事長林光華代表接受。")
    assert zh_holds_cue("由義民廟董事長林光華代表接受。")
    interview = "赖清德在接受媒体采访时表示，将持续推动改革。"
    assert not has_trigger_chars(interview)
    assert not zh_holds_cue(interview)


def test_scanned_patterns_open_with_characters() -> None:
    # re scans a text for a pattern's opening characters only when each of its alternatives
    # opens with one (not a class, a group of words or a lookbehind); otherwise it tries the
    # pattern at every position: ZH_AFTER's "(?:来宾|嘉宾|贵宾)…" alternative was four fifths
    # of its cost (round 24, zhcost24)
    from re import _compiler, _parser  # type: ignore[attr-defined]

    from worker.detect import people, people_zh
    from worker.detect import role_cues_zh as cues

    for pattern in (
        cues.ZH_AFTER,
        people_zh._ZH_HEARD,
        people_zh._ZH_HEARD_MADE,
        people._ZH_CONFERRED,
    ):
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        assert _compiler._get_charset_prefix(parsed, pattern.flags) is not None, pattern.pattern


def test_words_no_name_holds_in_one_search() -> None:
    # _NOT_IN_NAME's one search answers as the cue/time words' search or _group_last did
    from worker.detect.people_zh import _CUE_OR_TIME_IN, _group_last, _word_not_name

    names = "王毅 习近平 时致辞 于日前 成人员 各界人士近300余人 张三等 李四们 马英九 主持人".split()
    names += ["人员\n", "一二三四五六七八九十一二三四人员"]
    for name in names:
        both = _CUE_OR_TIME_IN.search(name) is not None or _group_last(name)
        assert _word_not_name(name) == both, name
