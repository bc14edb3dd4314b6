"""The Chinese misses of fresh reports, pooled by the shape that carries the role (issue 9, round
13): what the rules gave on rounds 16-23 before anyone had read them
(bench/people_earlier/rules_only/roundk.json) against the labels of the Chinese reports (zh_cn,
zh_hant and the Chinese scraped copies), next to what the current rules give.

A miss is a labelled (name, role) the earlier reading does not hold ("wrong": it gave that name
another role). Each is put in one shape of the sentence that holds the name (`shape`: a pass
over the sentence's structure, read by hand afterwards; the first shape that fits wins), and
marked "now too" when the current rules still miss it. `--show` prints each with its sentence;
the table counts misses, rounds and outlets per shape (docs/people.md, "Round 13: Chinese
misses of fresh reports"). The German twin is bench/people_missed_de.py.

Run: PYTHONPATH=.:bench python bench/people_missed_zh.py [--rounds 16-23] [--show] [--shape S]
"""

from __future__ import annotations

import re
import sys
from typing import Any

from people_false import misses_by_shape

from worker.detect.attendees import unannotated

# The shapes, in the order they are tried. Each is a shape of the sentence (where the role is
# told), not a cue word: the words below only recognise the shape.
_CAPTION = re.compile(
    r"圖為|图为|[（(]?(?:左|右)[起一二三四]|[摄攝]影?[：:]|^[（(]|[）)]$|圖片|图片"
)
_GREETING = re.compile(r"欢迎|歡迎|感谢|感謝|致谢|致謝|答谢|答謝|慰问|慰問|祝贺|祝賀")
_PASSIVE = re.compile(
    r"受到|获得|獲得|[被获獲]邀|应邀|應邀|由[^，。,]{1,40}(?:主持|主禮|主礼|担任|擔任)"
)
_ROLE_NOUN = re.compile(
    r"嘉[宾賓]|[来來][宾賓]|[贵貴][宾賓]|主[礼禮]|主持人|[讲講]者|[讲講]嘉|[与與]会|[与與]會|出席者|"
    r"代表[团團]|主席台|主席臺|[宾賓]客|[贵貴]客|主[讲講]|等人|一行"
)
_NOMINAL = re.compile(
    r"陪同|[见見]证|[见見]證|一同|共同|一起|偕|[带帶]领|[带帶]領|率[领領]?|在[^，。]{1,30}下|[联聯]袂|携手|攜手"
)
_QUOTED = re.compile(r"[“「『\"][^”」』\"]{4,}[”」』\"]|表示|指出|强调|強調|认为|認為|说|說")
_SPEECH = re.compile(
    r"致辞|致詞|讲话|講話|发言|發言|演讲|演講|致[欢歡]迎[辞詞]|作[^，。]{0,20}报告|報告"
)
_HEARD = re.compile(r"[听聽][取与與]了?[^。；]{2,60}?[作做]")
_COLON_LIST = re.compile(r"[：:]")
_ENUM = re.compile(r"(?:[\u4e00-\u9fff]{2,4}[、，,]){2,}")


def sentence_of(text: str, name: str) -> tuple[str, str]:
    """The sentence holding the name (cut at 。！？； and line ends) and its line."""
    at = text.find(name)
    if at < 0:
        at = text.find(unannotated(name))
    if at < 0 and len(name) > 2:
        at = text.find(name[-2:])
    if at < 0:
        return "(not in text)", ""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    pos = at - start
    a = max(line.rfind(c, 0, pos) for c in "。！？；") + 1
    ends = [e for e in (line.find(c, pos) for c in "。！？；") if e >= 0]
    b = min(ends) + 1 if ends else len(line)
    return re.sub(r"\s+", " ", line[a:b]).strip(), line.strip()


def _list_line(s: str, name: str, line: str) -> bool:
    # a short line not closed by a full stop: an item of a list, a table or a heading
    return len(line) < 40 and line[-1:] not in "。！？"


def _far(s: str, name: str) -> bool:
    return len(s) > 120


# The shapes in the order tried: (name, test of sentence, name, line).
_SHAPES: tuple[tuple[str, Any], ...] = (
    ("a line of a list, table or heading (cue above or none)", _list_line),
    ("caption (图为, 左起, a bracket)", lambda s, n, ln: _CAPTION.search(s)),
    ("greeting, thanks or congratulation (欢迎, 感谢, 慰问)", lambda s, n, ln: _GREETING.search(s)),
    ("passive or 由-agent (受到, 应邀, 由X主持)", lambda s, n, ln: _PASSIVE.search(s)),
    (
        "accompaniment or nominal phrase (陪同, 在X见证下, 一同, 率)",
        lambda s, n, ln: _NOMINAL.search(s),
    ),
    (
        "role told by a noun (嘉宾, 主礼, 与会, 主持人, 代表团)",
        lambda s, n, ln: _ROLE_NOUN.search(s),
    ),
    (
        "a report inside the object of the listeners' verb (听取X作的报告)",
        lambda s, n, ln: _HEARD.search(s),
    ),
    ("a speech (致辞, 讲话, 发言, 报告)", lambda s, n, ln: _SPEECH.search(s)),
    (
        "a quote's speaker or a report of words (表示, 指出, “…”)",
        lambda s, n, ln: _QUOTED.search(s),
    ),
    ("list after a colon", lambda s, n, ln: _COLON_LIST.search(s[: max(s.find(n), 0)])),
    ("long sentence, cue far from the name", lambda s, n, ln: _far(s, n)),
)


def shape(sentence: str, name: str, role: str = "", line: str = "") -> str:
    """The shape of the sentence that carries the missed role (see the module's doc)."""
    if sentence == "(not in text)":
        return "name not in the text as labelled"
    for kind, test in _SHAPES:
        if test(sentence, name, line):
            return str(kind)
    return "other"


def chinese(style: str, report: dict[str, Any]) -> bool:
    return style in ("zh_cn", "zh_hant") or (
        style == "scraped" and str(report.get("language", "")).startswith("zh")
    )


def main(argv: list[str]) -> None:
    misses_by_shape(
        argv,
        doc=__doc__ or "",
        keep=chinese,
        language=lambda report: report.get("language") or None,
        sentence_of=sentence_of,
        shape=shape,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
