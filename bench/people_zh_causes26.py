"""The Chinese misses and false people of today's rules by cause class (issue 9, round 26), over
the pool (every zh_cn and zh_hant dev round but the judge's: round 44 and round 45's even ids) and
the read half (round 45's odd ids). Reads a `people_round_groups.py --dump` for the outcomes and
the dev files for the texts; prints counts only (no text).

A miss is (a) "never a span" when `people_unfound` finds no candidate for the name anywhere in
the report, else (b/c) a span given no role or another role. (a) is split by the name's shape and
what touches it; (b/c) by the first role word of the sentence holding the name (a crude cue: the
first of the list below the sentence holds, not the clause's own verb).

Run: PYTHONHASHSEED=0 PYTHONPATH=.:bench python bench/people_zh_causes26.py DUMP.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from collections import Counter
from typing import Any

from bench_people import DATA, load_roster
from people_unfound import tally

# the brief's classes of role words, first match wins (simplified and traditional forms)
CUES = (
    ("主礼", r"主礼|主禮"),
    ("见证", r"见证|見證"),
    ("陪同", r"陪同|陪伴|随同|隨同"),
    ("由…主持", r"由[^。]{0,30}主持"),
    ("主持", r"主持"),
    ("致辞/致词", r"致[辞词辭詞]|致[^，,。]{1,4}[辞词辭詞]"),
    ("讲话/发言", r"讲话|講話|发言|發言|演讲|演講"),
    ("颁奖/颁发", r"颁|頒"),
    ("揭牌/剪彩/启动", r"揭牌|揭幕|剪彩|启动|啟動|鸣锣|鳴鑼"),
    ("宣布/宣读", r"宣布|宣读|宣讀|宣佈"),
    ("介绍/汇报", r"介绍|介紹|汇报|匯報|报告|報告"),
    ("共同/一同", r"共同|一同|一起"),
    ("率/带领", r"率|带领|帶領|带队|帶隊|领队|領隊"),
    ("迎接/欢迎/接见", r"迎接|欢迎|歡迎|接见|接見|会见|會見|看望|慰问|慰問|拜会|拜會|拜访|拜訪"),
    ("出席/参加", r"出席|参加|參加|与会|與會|列席|参与|參與|到场|到場"),
    ("表示/指出", r"表示|指出|说|說|强调|強調"),
)
TITLE_AFTER = re.compile(
    r"^(?:副|常务副|常務副|代理)?[\u4e00-\u9fff]{0,4}?(?:长|長|书记|書記|主任|委员|委員|主席|老师|"
    r"老師|教授|博士|先生|女士|同志|总理|總理|总统|總統|大使|董事|经理|經理|总务|總務|秘书|秘書|理事|"
    r"顾问|顧問|议员|議員|牧师|牧師|法师|法師|干事|幹事|参赞|參贊|领事|領事|会长|會長|校长|校長|"
    r"代表|院士|上将|上將|主委|高专|高專)"
)
BYLINE = re.compile(r"记者|記者|编辑|編輯|摄影|攝影|来源|來源|通讯员|通訊員")
SENTENCE = re.compile(r"[^。！？!?\n]*")


def _sentence(text: str, name: str) -> str:
    return next((m.group() for m in SENTENCE.finditer(text) if name in m.group()), "")


def _odd(report_id: str) -> bool:
    digits = "".join(c for c in report_id if c.isdigit())
    return int(digits[-1]) % 2 == 1


def _span_class(name: str, sentence: str) -> str:
    at = sentence.find(name)
    if at < 0:
        return "not written so in the text (variant, other script)"
    after = sentence[at + len(name) : at + len(name) + 6]
    if re.search(r"[·•\-A-Za-z]", name):
        return "foreign, dotted or Latin"
    if " " in name:
        return "letter-spaced"
    if len(name) == 4:
        return "four characters (compound or double surname, foreign)"
    if len(name) == 2:
        return "two characters (no given-name room)"
    if TITLE_AFTER.match(after):
        return "title after the name (金怡书记, 黃五東秘書長)"
    if (
        at > 0
        and re.match(r"[\u4e00-\u9fff]", sentence[at - 1])
        and re.match(r"[\u4e00-\u9fff]", after[:1] or "x")
    ):
        return "glued on both sides, no title after"
    return "other"


def _cue_class(sentence: str) -> str:
    return next((label for label, pat in CUES if re.search(pat, sentence)), "no role word")


def _extra_class(name: str, sentence: str) -> str:
    at = sentence.find(name)
    before = sentence[max(0, at - 4) : at] if at >= 0 else ""
    if BYLINE.search(before):
        return "byline or credit"
    if at >= 0 and re.search(r"带领|帶領|的讲话|的講話", sentence[at : at + len(name) + 6]):
        return "named inside another's words"
    return "other (word, place, unit, part of a name)"


def _count(
    row: dict[str, Any],
    report: dict[str, Any],
    roster: Any,
    group: str,
    counts: dict[tuple[str, str], Counter[str]],
) -> None:
    spans = {}
    if row["missed"]:
        for _, found, name, role in tally(report, roster, [("today", None)]):
            spans[name, role] = found
    for name, role in row["missed"]:
        sentence = _sentence(report["text"], name)
        if spans.get((name, role)) in ("none", "part"):
            cls = "(a) never a span: " + _span_class(name, sentence)
        else:
            cls = "(b/c) a span, no role or another: " + _cue_class(sentence)
        counts.setdefault((group, "missed"), Counter())[cls] += 1
    for name, _ in row["extra"]:
        cls = _extra_class(name, _sentence(report["text"], name))
        counts.setdefault((group, "false"), Counter())[cls] += 1


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", help="a people_round_groups.py --dump file")
    args = ap.parse_args(argv)
    roster = load_roster()
    reports: dict[str, dict[str, Any]] = {}
    for path in sorted((DATA / "dev").glob("*.toml")):
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            reports[report["id"]] = report
    counts: dict[tuple[str, str], Counter[str]] = {}
    with open(args.dump, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["style"] not in ("zh_cn", "zh_hant") or row["round"] == 44:
                continue
            if row["round"] == 45 and not _odd(row["id"]):
                continue  # the judge's half: scored only, never read
            group = "read" if row["round"] == 45 else "pool"
            _count(row, reports[row["id"]], roster, group, counts)
    for (group, kind), c in sorted(counts.items()):
        print(f"{group} {kind}: {sum(c.values())}")
        for cls, n in c.most_common():
            print(f"  {n:5d}  {cls}")


if __name__ == "__main__":
    main()
