"""People and their roles in one Chinese sentence (simplified or traditional).

Chinese reports put the list before its verb ("李强、赵乐际出席会议", "蔡奇主持会议"), or after
"出席会议的还有"; names are cut from titles by the roster, surname tables and title endings.
Matching runs on the simplified text; names come back in the script the text used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from worker.detect import places
from worker.detect import role_cues_zh as cues
from worker.detect.countries_zh import NAMES as COUNTRIES
from worker.detect.model import Role
from worker.detect.roster import Roster, to_simplified

_ZH_TRIGGERS = cues.ZH_CUES
_ZH_MEET_AFTER = cues.ZH_MEET_AFTER
_ZH_MEET_WITH = cues.ZH_MEET_WITH
_ZH_AFTER = cues.ZH_AFTER
_ZH_AFTER_TITLED = cues.ZH_AFTER_TITLED
# A word each of ZH_AFTER_TITLED's patterns holds (主持…的, 在场的, …仪式…欢迎, 颁…给, 交棒给):
# tested first.
_AFTER_TITLED_GATES = ("主持", "在场的", "欢迎", "颁", "交棒", "拜", "质询")
# Whether any gate stands in a sentence, one scan (round 19: the loop asked each in turn).
_AFTER_TITLED_ANY = re.compile("|".join(_AFTER_TITLED_GATES))
# A group named after a list, before its verb: "A、B，中共中央、国务院有关部门负责人出席".
_ZH_GROUP = re.compile(
    r"(?:负责人|负责同志|人士|代表|成员|领导同志|领导人|干部|群众|官兵|专家学者|专家|学者|委员"
    r"|嘉宾|来宾|贵宾|宾客|企业家|领导|首长|[\u4e00-\u9fff]们"
    # the community an occasion gathers ("A、B等，与珠、澳福州十邑乡亲欢聚一堂", zh_hant-v1008)
    r"|乡亲|侨胞|侨界|民众|市民|居民|村民|师生|社友|校友|信众|义工|志工"
    # officials and members named by their body ("香港特区政府主要官员、…、立法会议员，…等400
    # 余人出席", zh_cn-v1303: the walk back stopped there)
    r"|官员|议员|人员|单位)等?了?"
    # a head count after the group: "…等各界人士近300余人"
    r"(?:[近约逾共]?\d+(?:余|多)?[人名位])?$"
)


# The characters a match of _ZH_GROUP can end with: its words' last characters, 们, 等 and 了,
# and a head count's (checked against the pattern by a test).
_GROUP_LAST_CHARS = frozenset("人志士表员部众兵家者宾客导长们亲胞界民生友工位等了名众")


def _group_last(text: str) -> bool:
    """Whether `text` ends with a group word; searched in its last characters only (a search
    for an ending tries every position of the text), and only when its last character can
    end one (most texts end on a name)."""
    if text[-1:] not in _GROUP_LAST_CHARS:
        return False
    return _ZH_GROUP.search(text, max(0, len(text) - 14)) is not None


# When, where and how, between a name and its verb: "马英九今（24）日上午出席", "卓荣泰上午也
# 出席", "习近平在北京主持", "李瑞环受主席团委托主持", "赵惠琴首先向来宾致辞".
_ZH_TIME_TAIL = re.compile(
    r"(?:今(?:[（(]\d{1,2}[）)])?[天日晚晨]?|[昨前明](?:[（(]\d{1,2}[）)])?[天日晚晨]|[（(]\d{1,2}[）)]日|(?:\d{1,2}月)?\d{1,2}日[晚早晨]?"
    # a week named ("下周一", "本周", "上星期"): the whole of it is the tail, so that _unreal sees
    # "下周" still to come ("赖清德下周一就职")
    r"|[上下本](?:周|星期)[一二三四五六日天末]?|周[一二三四五六日天末]|星期[一二三四五六日天]"
    r"|[（(]\d{1,2}日[）)]"
    # the clock named ("朔尔茨当地时间2月15日在慕尼黑会见…", zh_hant-t10z10)
    r"|当地时间"
    r"|[（(](?:[一二三四五六七八九十]{1,3}月)?[一二三四五六七八九十廿卅]{1,3}日[）)]|代理"
    r"|约?(?:\d{1,2}|[一二三四五六七八九十两〇零]{1,3})[时点](?:\d{1,2}分|[一二三四五六七八九十〇零]{1,3}分|整|许|半)?(?:左右)?"
    r"|(?:[一二三四五六七八九十]{1,3}月)?[一二三四五六七八九十廿卅]{1,3}日[晚早晨]?|上午|下午|晚间|晚上|傍晚|中午|早上|凌晨|日前|稍早|近日"
    r"|也|亦|还|均|皆|都|又|再|特别|亲自|亲临|现场|一同|共同|一起|同场|同台|联袂|分别|先后|相继|随后|首先|最后|踊跃|积极"
    r"|专程|亲切|热情|应邀|受邀|应约|同时|当天|当日|是日|翌日|同日|今天|昨天|[也亦均都还]有|进行|前来|特地|特意|专门|上台|登台|上前"
    # the oath's gesture and manner ("马总统高举右手宣誓", "高举右手大声宣誓", "庄严宣誓")
    r"|(?:高举|举起)[左右双]?手|大声|庄严|郑重"
    r"|受[^，。、；：\s]{1,20}?委托|应[^，。、；：\s]{1,24}?邀请|代替(?>[^，。、；：\s]{1,20})|所|(?<![与和及、])代表(?![与和及等])(?>[^，。、；：\s]{1,20})"
    r"|(?:(?<![正现存实所])在|于)(?>[^，。、；：\s]{0,20})"
    r"|率(?:领)?[^，。、；：\s]{1,12}?(?:团队|代表团|一行|班子|官员)"
    r"|(?:缓步|一起|一同|先后)?来到(?>[^，。、；：\s]{1,24})|到(?!会|场|访)(?>[^，。、；：\s]{1,12})|(?:前往|赶赴|赴|至)(?>[^，。、；：\s]{1,20})|作为(?>[^，。、；：\s]{1,24})|担任(?>[^，。、；：\s]{0,6})"
    r"|(?<!、)(?:向|(?<!以下)(?<!身)为|对)(?>[^，。、；：\s]{1,25})|(?<!、)就(?>[^，。、；：\s]{1,40})"
    # the means: "通过视频方式致辞", "以视频形式出席", "通过视频连线", "线上出席"
    r"|(?:通过|以(?!及)|经由)[^，。、；：\s]{0,10}?(?:方式|形式|连线)|(?:通过|经由)?(?:视频|线上|远程)(?:连线)?"
    # the way of travel before an arrival ("弗朗索瓦·奥朗德乘专机抵达", scraped-t14z03)
    r"|乘(?:坐)?(?:专机|包机|飞机|专列|高铁|火车|汽车|车|船))+$"
)


# Every character a piece of the tail can open with: where none stands, no tail starts.
_TAIL_OPENS = re.compile(
    r"[\d今昨前明本（(周星代约一二三四五六七八九十两〇零廿卅上下晚中早凌日稍近也亦还均皆都又再特亲共分先"
    r"相随首最踊积专热应同当受在于率缓来到作向为对就进前登是翌担赶赴至通以经视线远所高举大庄郑联现乘傍]"
)


@lru_cache(maxsize=32768)  # a pure reading of the region, which recurs across versions
def _untimed(region: str) -> str:
    """The region without its time/place tail. The tail is searched for in the last 120
    characters only: a search from every position of a long region costs more than the
    rest of the reading, and no tail is that long."""
    if "代表" in region:
        region = _on_behalf(region)
    # no piece of a tail holds a clause mark or a space: the tail lies after the last one
    start = max(len(region) - 120, *map(region.rfind, _CLAUSE_MARKS)) + 1
    opens = _TAIL_OPENS.search(region, max(0, start))  # most regions end on a name: none
    m = _ZH_TIME_TAIL.search(region, opens.start()) if opens else None
    while m is not None:
        at = m.start()
        if len(region) - at == 2 and region[at] in "向为对就" and _zh_plausible(region[at - 1 :]):
            return region  # "张向晨", "李为民": a given name, not "向…", "为…"
        if region[at] == "于" and _surname_yu(region, at):
            return region  # "校党委常委于世孝": the surname 于, not "at …"
        if region[at] == "到" and region.endswith("邀请", 0, at):
            m = _ZH_TIME_TAIL.search(region, at + 1)  # "邀请到X": the ones invited, no place
            continue
        if region[at] == "于" and region[at - 1 : at] == "、":
            # "胡芷涵、于泽源以及…夏岚在典礼上分别发言": a list item opens with the surname
            # 于, never with the preposition (scraped-v901); the tail is after it
            m = _ZH_TIME_TAIL.search(region, at + 1)
            continue
        size = _representative(region, at) if region.startswith("代表", at) else 0
        if not size:
            return region[:at]
        # "总代表王锦珍分别", "新生代表宋燕分别": a title, a name and the tail after it
        m = _ZH_TIME_TAIL.search(region, at + 2 + size)
    return region


def _surname_yu(region: str, at: int) -> bool:
    """Whether the 于 at `at` opens a name ending the region, after a title or a list mark."""
    rest = region[at:]
    return (
        len(rest) in (2, 3)
        and _zh_plausible(rest)
        and (at == 0 or region[at - 1] in "、，" or bool(_ZH_TITLE_AT_END.search(region[:at])))
    )


_ADDRESS_AFTER = ("老师", "同学", "先生", "女士", "教授", "博士", "同志")


def _representative(region: str, at: int) -> int:
    """The size of the name after a 代表 that is a title ("总代表王锦珍", "教师代表陈秀": no name
    stands before it) rather than "on behalf of" ("张森代表教师"); 0 for the latter."""
    # the name ends the region, the item or a tail follows ("宋燕分别…" is 宋燕, not 宋燕分)
    size = next(
        (
            n
            for n in (3, 2)
            if _zh_plausible(region[at + 2 : at + 2 + n])
            and (
                # (or an aside in brackets: "留学生代表夏岚(乌兹别克斯坦籍)在…", scraped-v901)
                # (or the list's 等: "区人大代表樊万朝等参加了调研", zh_cn-t19z09, round 20)
                region[at + 2 + n : at + 3 + n]
                in ("", "和", "及", "与", "以", "、", "(", "（", "等")
                or _ZH_TIME_TAIL.match(region, at + 2 + n)
                # a form of address after the name: "教师代表钱立新老师发言" (zh_cn-t18z28)
                or region.startswith(_ADDRESS_AFTER, at + 2 + n)
            )
        ),
        0,
    )
    if not size or region[at - 1 : at] in _TITLE_BEFORE_DAIBIAO:
        return size
    if "各" in region[max(0, at - 4) : at]:
        return 0  # "各地代表都乐于参加": representatives of each place, a group
    before = region[max(0, at - 3) : at]
    if _zh_plausible(before) or _zh_plausible(before[-2:]):
        return 0
    return size


def _on_behalf(region: str) -> str:
    """The region up to a name's "代表…" (on behalf of), which may list bodies with 、:
    "市工商联主席钟雁代表各党派、团体发言", "陈竺代表各民主党派中央、全国工商联…致辞"."""
    clause = max(region.rfind("，"), region.rfind("；"), region.rfind("："))
    at = region.rfind("代表", clause + 1)
    if at < 2 or region[at - 1] in _TITLE_BEFORE_DAIBIAO or "、" not in region[at:]:
        return region
    for size in (3, 2):  # a name opening the clause or after a title: "主席钟雁代表"
        head = region[clause + 1 : at - size]
        if _zh_plausible(region[at - size : at]) and (
            not head or _ZH_TITLE_END.search(head[-4:]) is not None
        ):
            return region[:at]
    return region


# The end of a title ending in 代表: "总代表", "首席代表", "人大代表", "全权代表", "常驻代表";
# and a list mark: an item opening with 代表 is a title ("主席陈天成、代表翁沂杰、里长…").
_TITLE_BEFORE_DAIBIAO = frozenset("总席大权驻别务、")


_CLAUSE_MARKS = ("，", "。", "、", "；", "：", " ", "\n", "\u3000", "\t")


# (a space between two Latin words parts no chunk: "…許至椿、Ingay Tali、李啓維")
_ZH_CHUNK = re.compile(r"[，,：:；;（）()“”「」\s](?:(?<![A-Za-z]\s)|(?![A-Za-z]))")
_ZH_ADVERBIAL = re.compile(r"^[^、]{0,16}$")
_ZH_SHORT_ADVERBIAL = re.compile(
    r"^(?:当地时间|北京时间|[今昨前明]?[天日晚]|周[一二三四五六日天]|星期[一二三四五六日天]|\d{1,2}月"
    r"|\d{1,2}日|上午|下午|晚间|晚上|中午|早上|凌晨|当天|当日|同日|随后|会上|会后|其间|期间)*$"
)
# A short aside in brackets inside a list item: "各乡镇(街道)", "(CDU)".
_ZH_ASIDE = re.compile(r"[（(][^（()），,。]{1,30}[)）]")
# A byline in brackets before the lead's first words: "（记者 倪鸿祥）马英九今天…".
_ZH_BYLINE = re.compile(r"[（(][^（()）]{0,30}(?:记者|摄|报道|编辑|电)[^（()）]{0,30}[)）]")
# Verbs in a row share their subject: "出席致词", "主持开训致词", "到会祝贺，并在主席台就座",
# "出席会议并讲话" (a short stretch with no name and no 的 between the two cues; a group
# word there is the second verb's own subject: "到会听取委员发言").
_ZH_REUSE = re.compile(r"^(?:[^、，的]{0,12}|.*，(?:并|并且|接着)?)$")
_ZH_ATTRIBUTIVE = re.compile(
    r"[^，。；、的]{0,12}的[^，。；、]{0,4}?(?:\d|[一二三四五六七八九十百千多数]+[名位人])"
)
# An entrusting phrase names the one who sent, not the one who acts: "受代市长X委托，Y作说明".
_ZH_ENTRUSTED = re.compile(r"^受[^，。；]{1,24}委托$")
_ZH_ENTRUSTING = re.compile(r"受[^，。；受]{1,30}?委托")
# An invitation between a subject and its verb names the host who asked, no subject.
_ZH_INVITED = re.compile(r"^应[^，。；]{0,24}?(?:邀请?|之邀|约)$")
# A clause "Y提交议案并" before a second verb: its subject opens it.
_ZH_CLAUSE_THEN = re.compile(r"^([\u4e00-\u9fff]{3})[^、，]{2,14}并$")
# A negated, future or planned occasion gives no role: "董建华未有现身", "李强将出席".
_ZH_NEGATED = tuple(
    "未 没有 没 不 未有 未能 不会 将 将会 拟 准备 计划 预计 因 也会 还会 亦会 都会"
    # declined, unable, unwilling, whether, may, intends: "婉拒出席", "不克出席", "才愿意参与"
    " 婉拒 拒绝 不克 无法 不能 不愿 愿意 是否 是否会 会否 能否 可能 打算 预定 预料"
    # the plan a programme had, not what was done (round 16, prec16): "卓荣泰原订下午1时出席…
    # 开幕典礼…行程取消" (zh_hant-t15z17)
    " 原定 原订 原本 本来 原计划"
    # confirmed ahead (round 19, fp19; 预料 above came from zh19 at the same time):
    # "已确认出席年会的来宾包括A、B" (none_zh-t18z01)
    " 确认".split()
)


_NEGATED_LAST = frozenset(w[-1] for w in _ZH_NEGATED)  # one set lookup before the endswith
_ZH_FUTURE_TIME = re.compile(r"明[天日晚早晨年]|下(?:周|星期|个?月)|届时")
# (Round 13: 将 first and the character before it asked behind it, the same matches: a
# pattern opening with its character is searched for by it, not tried at every position.)
# A clause still to come just before a cue's clause that has no subject of its own (not 将 of
# a rank or a general: 中将, 将军, 将领).
# 将 a few words before the verb ("将结合出席"), or a meeting to be held that the next clause
# gives its chair ("将于10月21日以视频方式举行，会议由王毅主持"), or the agent still to come
# with its title ("典礼将由民进党立法委员赖瑞隆担任司仪", none_zh-t411).
_ZH_WILL_BEFORE = re.compile(
    r"将(?<![上中少大]将)(?![军领士])(?:[^，。；、\d]{1,6}|由[^，。；]{1,30}"
    r"|于[^，。；]{0,30}(?:举行|召开|举办)，[^，。；]{0,8}由[^，。；]{0,30})$"
)
# (round 16, zh16) and a clause whose time is still to come: "林郑月娥下周二前往上海，出席…晚宴"
# (none-t15z19), "明日率领…前赴成都，翌日出席" (none-t15z22): the clause after it, with no subject
# of its own, is in the same time.
_ZH_FUTURE_CLAUSE = re.compile(
    r"(?:将(?<![上中少大]将)(?![军领士])|明[天日晚早晨]|下(?:周|星期|个?月)|届时)"
    r"[^，。；！？]{0,40}，$"
)
# The occasion a sentence says is still to come carries its tense to the clauses after it that
# have no subject of their own (round 14, prec14): "开幕礼将於二月十一日…举行，并由A、B及C主礼"
# (none-t13z05), "专题演讲将以…为题，说明…，并由A及B主持" (none-r12v11); and a clause opening
# with its own 将 holds it over a list however long: "联谊会将于…举行，将邀请A、B及…与会"
# (none-t13z03). Not 将 of a rank or a general (中将, 将军).
_ZH_FUTURE_SHARED = re.compile(
    r"将(?<![上中少大]将)(?![军领士])[^，。；！？]{0,40}(?:举行|召开|举办|开幕|为题)"
    r"[^。；！？]{0,80}，(?:并由|并|由|届时)[^，。；！？]*$"
    r"|(?:^|，)(?:接下来|随后|稍后|之后|然后|届时)?(?:并|亦|也|还)?将(?<![上中少大]将)(?![军领士])"
    r"[^，。；！？]*$"
)


# An invitation still to come holds over the whole list it invites, commas and all (round 16,
# zh16): "新闻发布会将邀请深圳市政府市长许勤，国家体育总局副局长杨树安…出席并答记者问"
# (none-t15z23); the one-clause tests above stop at the list's first comma.
_ZH_WILL_INVITE = re.compile(
    r"(?:将(?<![上中少大]将)(?![军领士])|拟|计划|预计|准备)(?:会)?邀请[^。；！？]*$"
)


# A presence asked about or barred, its subject between the word and the verb (round 22, zh22):
# "被问到会否影响国家主席习近平出席会议" (zh_hant-t21z16), "美国拒让李家超出席APEC会议", "美方拒邀
# 李家超出席" (zh_hant-t21z17); `_ZH_NEGATED` reads these words only right before the verb.
_ZH_ASKED_OR_BARRED = re.compile(
    r"(?:会否|是否|能否|可否|拒[邀让]|拒绝让|不让|不准|不许)[^，。；！？]{0,24}$"
)


def _future_after(chunk: str, name: str) -> bool:
    """Whether the words after `name` in `chunk` name a time still to come ("于明天…中")."""
    m = _ZH_FUTURE_TIME.search(chunk)
    if m is None:
        return False
    at = chunk.rfind(name)
    return m.start() >= at + len(name) if at >= 0 else True


def _unreal(raw: str, region: str) -> bool:
    """Whether the occasion before a cue is negated or still to come: "李强将出席", "陈德铭还将在
    25日…举行会谈" (`region`: `raw` without its time and place), or "王毅会出席" (会 after a name:
    "will"; not the 会 of a body, "大会出席…")."""
    if (raw[-1:] in _NEGATED_LAST and raw.endswith(_ZH_NEGATED)) or (
        region[-1:] in _NEGATED_LAST and region.endswith(_ZH_NEGATED)
    ):
        return True
    if _ZH_FUTURE_TIME.search(raw, len(region)):
        return True  # "李强明天出席": a time still to come in the tail before the verb
    if (raw.endswith("，") and _ZH_FUTURE_CLAUSE.search(raw)) or (
        region.endswith("，") and _ZH_FUTURE_CLAUSE.search(region)
    ):
        return True  # "王毅将会见A，同B举行会谈": a clause with no subject shares the will
    if "将" in raw and (
        _ZH_WILL_BEFORE.search(raw, max(0, len(raw) - 40)) or _ZH_FUTURE_SHARED.search(raw)
    ):
        return True  # "A、B将结合出席年会", "会议将于21日举行，会议由X主持"
    if "邀请" in raw and _ZH_WILL_INVITE.search(raw):
        return True  # "将邀请A，B…出席"
    if "否" in raw or "拒" in raw or "不" in raw:
        if _ZH_ASKED_OR_BARRED.search(raw, max(0, len(raw) - 30)):
            return True  # "会否影响国家主席习近平出席", "美国拒让李家超出席"
    if not region.endswith("会") or len(region) < 3:
        return False
    head = region[:-1]
    return any(_zh_plausible(head[-n:]) for n in (3, 2)) or bool(_ZH_TITLE_AT_END.search(head))


# An occasion scheduled, announced before it is held: "国务院新闻办公室定于4月19日…举行新闻
# 发布会，请X介绍…情况" (not 决定于, 规定于: decided, laid down; not 原定于, the plan an
# occasion held or moved had; nor 稳定于, 固定于, 锁定于, 限定于: stable, fixed, locked at).
# (its characters first, the one before asked behind them: the same matches; round 13)
_ZH_SCHEDULED = re.compile(r"定(?<![决规确认制原稳固锁限]定)于")


# arranged ahead: "侨界已安排19日（台北时间20日）宴请访团" (none_zh-d1052, a preview)
_ZH_ARRANGED = re.compile(r"(?:已|将|预计|计划)安排")


def _scheduled(simple: str, end: int) -> bool:
    return ("定于" in simple and _ZH_SCHEDULED.search(simple, 0, end) is not None) or (
        "安排" in simple and _ZH_ARRANGED.search(simple, 0, end) is not None
    )


# "习近平、李强等同各界人士代表欢聚一堂": the list ends at 等; who is with them is no name.
_ZH_COMPANY = re.compile(r"等(?:同|与|和|跟)")


@dataclass(frozen=True, slots=True)
class _Hit:
    role: Role
    start: int
    end: int
    after: bool


def _zh_chunk_names(
    chunk: str, roster: Roster, *, last: bool, ctx: ZhContext | None = None
) -> list[str] | None:
    return zh_name_items(chunk, roster, last=last, ctx=ctx) or None


_SPACE = re.compile(r"(?<![A-Za-z])\s+|\s+(?![A-Za-z])")  # (not inside a Latin name)


def _zh_before(region: str, roster: Roster, ctx: ZhContext | None = None) -> list[str]:
    if "；" in region:
        head, region = region.rsplit("；", 1)
        names = _zh_clause_before(region, roster, ctx)
        # "…杨雄，王锦珍；山东省委副书记姜大明，…张建国等领导入场就座": a semicolon between
        # two parts of one list; the part before it goes on the list when it ends on a name
        if names and _starts_with_name(region, roster):
            return _zh_before(head, roster, ctx) + names
        if not names and _groups_only(region):
            # "副省长罗文，…检察长冯键；省人大常委会副秘书长…，…各办事机构负责人列席会议":
            # the named part of the list, then its groups after the semicolon
            return _zh_before(head, roster, ctx)
        return names
    return _zh_clause_before(region, roster, ctx)


def _groups_only(region: str) -> bool:
    """Whether every chunk of `region` names a group ("…副秘书长、机关党组成员，…负责人")."""
    chunks = [c for c in _ZH_CHUNK.split(region) if c]
    return bool(chunks) and all(_group_last(c) for c in chunks)


_ZH_WENT = re.compile(r"前往|赶赴|来到|[^赶]赴")


def _subject_chunk(chunk: str, *, went: bool) -> str:
    """The part of a chunk before the verb that names its subject: the leader of those led
    ("县长黄仲生率县府主管"), or, in the chunk just before the verb's (`went`), the one who went
    there ("张善政今1日上午前往忠灵祠，出席…")."""
    if "委托" in chunk:
        # "市长万庆良受…市委书记张广宁委托致开幕辞": the one entrusted acts, not who entrusted him
        # (rounds 18 and 20: zh_cn-t10z15, scraped-t11z08 and -t11z09)
        entrusted = _ZH_ENTRUSTING.search(chunk)
        if entrusted and entrusted.start() >= 2:
            chunk = chunk[: entrusted.start()] + chunk[entrusted.end() :]
    if "率" in chunk or "带" in chunk:
        chunk = _leader(chunk)
    if went and _ZH_WENT.search(chunk):
        chunk = _untimed(chunk) or chunk
    return chunk


def _zh_clause_before(region: str, roster: Roster, ctx: ZhContext | None) -> list[str]:
    """The list that ends at the end of `region` (one clause: no semicolon in it)."""
    chunks = list(_clause_chunks(region, roster.chinese_names))  # (_companions cuts the last)
    companions = _companions(chunks, roster, ctx)
    found: list[list[str]] = []
    skipped = 0  # chunks of time, place or a group between the list and its verb
    for i, chunk in enumerate(reversed(chunks)):
        if chunk.startswith("受") and _ZH_ENTRUSTED.match(chunk):
            break
        whole = chunk
        chunk = _subject_chunk(chunk, went=0 < i == skipped)
        subject = _clause_subject(chunk, roster) if i == 0 and chunk.endswith("并") else None
        if subject:
            found.append([subject])
            break
        names = _zh_chunk_names(chunk, roster, last=i == skipped, ctx=ctx)
        names = _with_led(names, whole, chunk, i == skipped, roster, ctx)
        if names is None and i > 0:
            names = _on_behalf_chunk(chunk, roster, ctx)
        if names is None and found:
            # "省委常委、省政协副主席焉荣竹，…": a titled name between titled names, its
            # surname one no table holds
            name = _titled_unlisted(chunk.rsplit("、", 1)[-1], roster)
            names = [name] if name else None
        if i == skipped and _between_list_and_verb(chunk, names, roster):
            # "…，市直各单位、各乡镇党政主要负责同志以及台商代表参加": groups named by their
            # bodies and places between the names and the verb, however many
            skipped += 1
            continue
        if names is None and i == skipped:
            names = _names_before_groups(chunk, roster, ctx)
        if names is None:
            if _passes_over(chunk, i, skipped):
                skipped += 1  # "王毅，当地时间周一（21日）在巴黎…与…会晤"
                continue
            if found and _inside_list(chunks, len(chunks) - 1 - i, chunk, roster, ctx):
                continue
            break
        if i == skipped and i and _future_after(chunk, names[-1]):
            return []  # "梁振英于明天…典礼中，会邀请…，出席明日的仪式": a day still to come
        found.append(names)
    return [n for group in reversed(found) for n in group] + (companions if found else [])


def _inside_list(
    chunks: list[str], at: int, chunk: str, roster: Roster, ctx: ZhContext | None
) -> bool:
    """Whether the walk back passes over `chunk` (chunk `at`, as `_subject_chunk` left it), no
    name read in it, among a list's chunks: "上海市委常委，常务副市长…杨雄" (a title whose name
    follows the comma); "…，教务处、工程学院等单位的负责人，世新大学执行长文念萱，…" (a group
    among the list's chunks, zh_cn-t506); an item not read (`_list_goes_on`)."""
    return (
        _title_only(chunk)
        or _group_chunk(chunk, None, roster)
        or _list_goes_on(chunks, at, roster, ctx)
    )


def _list_goes_on(chunks: list[str], at: int, roster: Roster, ctx: ZhContext | None) -> bool:
    """Whether the walk back passes over chunk `at`, an item of a list the walk could not read
    (a name no table holds, a title after its name), because a titled name ends the chunk
    before it: "…县人大常委会主任杨应东，…，县人大常委会副主任强琪、营刘萍，县法院院长冯向宁，…
    陪同" (zh_cn-t17z01)."""
    chunk = chunks[at]
    if at == 0 or len(chunk) > 30 or _CLAUSE_WORDS.search(chunk):
        return False
    before = chunks[at - 1]
    return (
        (_ZH_TITLED_RUN.search(before) is not None or _ZH_TITLE_AT_END.search(before) is not None)
        and _CLAUSE_WORDS.search(before) is None
        and _zh_chunk_names(before, roster, last=True, ctx=ctx) is not None
    )


def _companions(chunks: list[str], roster: Roster, ctx: ZhContext | None) -> list[str]:
    """The named company after the list's 等 in its last chunk, which then ends at 等:
    "A、B等与市老领导C、D等和各界人士欢聚一堂" (C and D take part too)."""
    company = _ZH_COMPANY.search(chunks[-1])
    if not company:
        return []
    companions = zh_name_items(chunks[-1][company.end() :], roster, last=True, ctx=ctx)
    chunks[-1] = chunks[-1][: company.start() + 1]
    return companions


def _headline_part(parts: list[str], known: frozenset[str]) -> str:
    """The last part of a headline, with the runs of names before it that a space parts from
    it ("习近平李克强…栗战书 王沪宁赵乐际韩正出席": one list, a space where 、 would be)."""
    region = parts[-1]
    for part in reversed(parts[:-1]):
        if not (part in known or _segment(part, known)):
            break
        region = f"{part}、{region}"
    return region


@lru_cache(maxsize=16384)  # pure: the region and the roster's names (regions recur)
def _clause_chunks(region: str, known: frozenset[str]) -> tuple[str, ...]:
    """The region's chunks between commas and colons, without asides and bylines in brackets,
    from the headline part that holds the list, after a 由 (by)."""
    if ")" in region or "）" in region:
        if "、" in region:
            region = _unbracketed_lists(region)
        region = _ZH_ASIDE.sub("", _ZH_BYLINE.sub("，", region))
    if " " in region or "\u3000" in region:  # a space parts the clauses of a headline
        region = _headline_part(_SPACE.split(region.strip()), known)
    chunks = _ZH_CHUNK.split(region)
    if "由" in chunks[-1]:
        # "…，颁授仪式由港大副校监李国宝主礼": the one after 由 acts, the clauses before it
        # (a list of honorees) do not
        chunks = [chunks[-1].rsplit("由", 1)[1]]
    elif "由" in region:
        # a chunk opening with 由 (by) names its agent, 由 is no surname there ("…将举行新闻发
        # 布会，由大会发言人就大会议程…回答中外记者提问": no "由大会", none-v1307)
        chunks = [c[1:] if c[:1] == "由" else c for c in chunks]
    if "邀请" in chunks[-1]:
        # "学校邀请刘盛纲院士在…作了…的报告" (zh_cn-t903): the one invited acts, not the inviter
        invited = chunks[-1].rsplit("邀请", 1)[1].removeprefix("到").removeprefix("了")
        if invited:
            return (invited,)
    if "请" in chunks[-1] or "让" in chunks[-1]:
        asked = _ZH_ASKED.search(chunks[-1])
        if asked:  # "卓揆…，所以才请郑丽君主持院会": the one asked acts, not the one asking
            return (asked.group(1),)
    if (
        "应" in region
    ):  # "习近平乘专机抵达喀山，应普京邀请，出席…": the host who asked is no subject
        chunks = [c for c in chunks if not (c.startswith("应") and _ZH_INVITED.match(c))]
    return tuple(chunks)


# A list of names in brackets after its group's title: "历届老乡长(游叡星、林万春)、代表会老
# 主席(张宽已、李汉祥)等贵宾与会" (not an aside: each item is a name).
_ZH_BRACKETED_LIST = re.compile(r"[（(]([\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+)[)）]")


def _unbracketed_lists(region: str) -> str:
    """`region` with its bracketed lists of names read as the items after their title."""

    def unwrap(m: re.Match[str]) -> str:
        items = m.group(1).split("、")
        return m.group(1) if all(_zh_plausible(item) for item in items) else m.group()

    return _ZH_BRACKETED_LIST.sub(unwrap, region)


# One asked to act ("请郑丽君主持", "让A出席"), not an invitation (邀请, 申请, 提请, 聘请).
# (请 or 让 first, the character before asked behind it: the same matches; round 13)
# (not before a list's 等, where 让 ends a given name: "…副主任杨永让等二十几位退休老领导应邀出席",
# round 24)
_ZH_ASKED = re.compile(r"[请让](?<![邀申提聘敬宴转出].)(?!等)([^请让]{2,30})$")


def _clause_subject(chunk: str, roster: Roster) -> str | None:
    """The subject opening a clause "Y提交议案并" before a second verb, or the titled name
    opening it ("大会新闻发言人郭卫民介绍本次大会有关情况并": zh_cn-r13v08, zh_hant-r13v04)."""
    clause = _ZH_CLAUSE_THEN.match(chunk)
    if clause and (_knows(roster, clause.group(1)) or _zh_plausible(clause.group(1))):
        return clause.group(1)
    if "、" in chunk or len(chunk) > 40:
        return None
    title = _ZH_TITLE_END.search(chunk, 0, 16)
    if title is None:
        return None
    name = _zh_titled_lead(chunk[: title.end() + 4], roster)
    # (a verb's words between the name and 并: "郭卫民介绍…情况并", not "郭卫民并")
    if (
        name
        and chunk.find(name, title.end()) == title.end()
        and len(chunk) - title.end() - len(name) > 3
    ):
        return name
    return None


def _title_only(chunk: str) -> bool:
    """A short chunk of a body and a title, no clause ("上海市委常委", not "宣布他为市长")."""
    return (
        len(chunk) <= 10
        and not any(c in chunk for c in "为是了的")
        and _ZH_TITLE_AT_END.search(chunk, max(0, len(chunk) - 8)) is not None
    )


def _on_behalf_chunk(chunk: str, roster: Roster, ctx: ZhContext | None) -> list[str] | None:
    """The name of a chunk "X代表Y" before the verb's own: "张森代表教师，刘钊代表在校生，刘嵘琳
    代表新生先后发言", "汪洋代表…常务委员会，向大会报告工作"."""
    if "代表" not in chunk or _ZH_OWN_VERB.search(chunk):
        return None
    return _zh_chunk_names(_untimed(chunk), roster, last=False, ctx=ctx)


# A chunk with a verb of its own is a clause, not one subject of a list: "陈敬佑首先代表学校
# 向新同学表示…欢迎，接着…介绍了".
_ZH_OWN_VERB = re.compile("表示|[向对]")


def _passes_over(chunk: str, i: int, skipped: int) -> bool:
    """Whether the walk back from the verb goes on past a chunk naming nobody (a time, a
    place, a group right before the verb), or stops there."""
    if i == 0 and _ZH_BODY_END.search(chunk, max(0, len(chunk) - 3)):
        return False  # "…，河北省委召开…": a body is the subject, no one named before it
    return i == skipped and (
        (
            i == 0
            and (_ZH_ADVERBIAL.match(chunk) is not None or _group_last(chunk) or "来自" in chunk)
        )
        or (0 < i < 3 and _ZH_SHORT_ADVERBIAL.match(chunk) is not None)
    )


# The end of a body's name: "河北省委", "市政府", "国务院办公厅", "外交部".
_ZH_BODY_END = re.compile(
    r"(?:[省市县区州党]委|政府|人大|政协|常委会|委员会|办公室|办公厅|党组|[部局厅署])$"
)


# "县长黄仲生率县府主管与民众数百人", "李家超早上率领6名司长": the one leading, before 率.
_ZH_LEADS = re.compile(r"(?:率领|带领|率(?!先))[^，。；]*$")


def _leader(chunk: str) -> str:
    """The chunk up to the leader, when a name leads a group in it."""
    m = _ZH_LEADS.search(chunk)
    if m is None:
        return chunk
    head = _untimed(chunk[: m.start()])
    size = next((n for n in (3, 2) if _zh_plausible(head[-n:])), 0)
    if not size:
        return chunk
    # the name alone unless titles or a list stand before it ("但预期蒋万安" is no list)
    before = head[:-size]
    return head if "、" in before or _ZH_TITLE_END.search(before) else head[-size:]


# The ones a leader leads, named after 率 or 率领 in the chunk before the verb (round 16, zh16):
# "县长徐耀昌率农业处长李乙廷、科长丁美君到场向农友贺节" (zh_hant-t15z28), "陈国基随后率领财政司司长
# 陈茂波、律政司司长林定国等主要官员…宣誓就职" (zh_hant-r15v02): they go with the leader and take
# the verb's role too, as they did when the verb was 出席 (another path read those). Not 带领,
# whose "在…带领下" is CCTV's formula for the ones led by a name. (Rounds 1-27 hold 14 missed
# labels in sentences with 率 before a verb, 6 reports: none is read by this, their verbs are
# no cue; it reads round 28's two.)
_ZH_LED = re.compile(r"率领|率(?!先)")


def _with_led(
    names: list[str] | None,
    whole: str,
    chunk: str,
    nearest: bool,
    roster: Roster,
    ctx: ZhContext | None,
) -> list[str] | None:
    """`names`, the leader's, and the named people after the leader's 率 or 率领 in `whole`
    (the chunk nearest the verb, which `_leader` cut to `chunk`)."""
    if not names or not nearest or chunk is whole or "率" not in whole:
        return names
    m = _ZH_LED.search(whole)
    if m is None:
        return names
    led = zh_name_items(whole[m.end() :], roster, last=True, ctx=ctx)
    return names + [n for n in led if n not in names]


def _starts_with_name(region: str, roster: Roster) -> bool:
    """Whether the first chunk of `region` is a list item with a name (not a clause)."""
    first = _ZH_CHUNK.split(region.strip(), 1)[0]
    return bool(first) and bool(zh_name_items(first, roster, last=False))


def _group_chunk(chunk: str, names: list[str] | None, roster: Roster) -> bool:
    """A chunk naming groups only: it ends with a group word, no list of names ends at an 等
    inside it, and its last item names nobody ("鲤城、丰泽、洛江主要负责人", not "吴伯理、陈清木等
    市各套班子成员" nor "台积电董事长张忠谋夫妇企业家")."""
    if len(chunk) <= 4 or not _group_last(chunk):
        return False
    if not names:
        return True  # (an 等 inside ends a list of bodies: "金防部、…、民航站等中央驻金单位")
    if "等" in chunk[:-2]:
        return False
    # names only as bare items of a list of bodies and places ("丰泽"), none with a title
    items = chunk.split("、")
    return all(n in items for n in names) and not zh_name_items(items[-1], roster, last=True)


# Between a list and its verb, a chunk of groups and titles without a name: "各二级学院院长、书记",
# "学位评定委员会委员、毕业班辅导员", "江、浙、沪道教界人士、居士、信众代表等一千多人" (round 20:
# the walk back stopped at them, so the names before them took no role).
_GROUP_ITEM_SEP = re.compile("、|以及|及|和")
_GROUP_TAIL = re.compile(r"等?(?:[近约逾共]?[\d一二三四五六七八九十百千两]+(?:余|多)?[人名位])?$")
_CLAUSE_WORDS = re.compile(
    "[的是了将向对为把被说]|在(?![校读职任])|表示|并|其中|担任|缺席|出席|列席"
)
_GROUP_OPENING = re.compile("以及|及(?!时)")
_ALL_OF = re.compile(
    "全体|广大|所有|部分|^各"  # "2024届全体毕业生", "各二级学院院长"
    # a count of the holders (round 24, zh24): "…，副区长王勇，10个街道党工委书记，…参加观摩"
    r"|^[\d一二三四五六七八九十百两几]+[个位名]"
)
_STAFF_LAST = frozenset("员师生士")  # "毕业班辅导员", "居士" (not an office: "委员")


def _nameless_group(chunk: str) -> bool:
    """Whether `chunk` names groups only: each item a group ("各职能处室负责人", "信众代表等一千多
    人"), staff ("毕业班辅导员", "居士"), titles under a word for all or each ("各二级学院院长、
    书记", "2024届全体毕业生"), or a place of one or two characters before them ("江、浙、沪道教界
    人士"); no clause in it. A bare office ("国务委员", "最高人民法院院长") is no group: the formula
    "…，国务委员，最高人民法院院长，…出席" names the offices' holders."""
    if chunk[-1:] not in _GROUP_END_CHARS or len(chunk) < 3 or len(chunk) > 40:
        return False  # (most chunks end otherwise: one set lookup decides)
    if _CLAUSE_WORDS.search(chunk) or _ZH_BODY_END.search(chunk, max(0, len(chunk) - 3)):
        return False  # "…，河北省委召开…": a body is the subject
    items = [i for i in _GROUP_ITEM_SEP.split(chunk) if i]
    each = False  # a word for all or each opened an item: the titles after it are theirs
    for j, item in enumerate(items):
        item = _GROUP_TAIL.sub("", item) or item
        each = each or _ALL_OF.search(item) is not None
        if _group_last(item) or (item[-1] in _STAFF_LAST and not item.endswith("委员")):
            continue
        if each and item[-1] in _GROUP_END_CHARS:
            title = _ZH_TITLE_AT_END.search(item, max(0, len(item) - 8))
            if title is None or not _zh_plausible(item[max(0, title.start() - 3) : title.start()]):
                continue  # ("…天文台韩占文院士": a name before its title)
        if j < len(items) - 1 and len(item) <= 2:
            continue  # a place before the group: "江、浙、沪道教界人士"
        return False
    return True


def _between_list_and_verb(chunk: str, names: list[str] | None, roster: Roster) -> bool:
    """Whether the walk back from the verb passes over `chunk`, a group between the list and
    its verb: groups named by their bodies ("各乡镇党政主要负责同志"), titles and groups without a
    name ("…，各二级学院院长、书记，毕业班辅导员，毕业生代表，…参加了典禮", round 20)."""
    if _group_chunk(chunk, names, roster):
        return True
    if names:
        return _representatives(chunk, names, roster)
    return _nameless_group(chunk)


def _names_before_groups(chunk: str, roster: Roster, ctx: ZhContext | None) -> list[str] | None:
    """The names of a chunk that ends with groups after 以及 or 及: "…吉宏忠等有关领导以及江、浙、沪
    道教界人士、居士、信众代表等一千多人参加" (round 20)."""
    head = _before_groups(chunk) if "及" in chunk else None
    return _zh_chunk_names(head, roster, last=True, ctx=ctx) if head else None


def _representatives(chunk: str, names: list[str], roster: Roster) -> bool:
    """Whether the one name of `chunk` is a body's or a group's representatives ("毕业生代表",
    "在校生代表"): the chunk is the name and 代表, and the roster does not know the name."""
    return (
        len(names) == 1
        and chunk.endswith("代表")
        and len(chunk) == len(names[0]) + 2
        and names[0] not in roster.chinese_names
    )


def _before_groups(chunk: str) -> str | None:
    """The part of `chunk` before 以及 or 及 when the rest names groups only ("吉宏忠等有关领导以
    及江、浙、沪道教界人士…等一千多人"): the names' list."""
    last = None
    for m in _GROUP_OPENING.finditer(chunk):
        last = m
    if last is None or last.start() < 2:
        return None
    tail = chunk[last.end() :]
    return chunk[: last.start()] if _nameless_group(tail) else None


def _zh_after(text: str, roster: Roster, ctx: ZhContext | None = None) -> list[str]:
    names: list[str] = []
    skipped = False
    for chunk in _ZH_CHUNK.split(text.rstrip("。！？；!?")):
        if "的" in chunk and _ZH_KIN.search(chunk):
            break  # "孙中山、黄兴等辛亥革命领导人的后裔": named for their kin, not there
        cue = _verb_cue(chunk)
        if cue and chunk[: cue.start()].endswith(_ZH_NEGATED):
            break  # "惟前特首董建华未有现身": the list is over, and this one is absent
        found = zh_name_items(chunk, roster, last=True, ctx=ctx)
        if not found and names:
            if skipped or cue or not _ZH_TITLED_RUN.search(chunk):
                break
            # "…,菲律宾驻沪总领事雅比诗,美国驻沪总领事季瑞达": a titled name no table
            # reads inside the list; the list goes on after it (not after two in a row)
            skipped = True
            continue
        skipped = False
        names.extend(found)
        if cue:
            break  # "…曾荫权夫妇均有出席": the chunk with its own verb closes the list
    return names


_ZH_KIN = re.compile("的(?:后裔|后代|后人|家属|亲属|子女|遗孀)")


def _verb_cue(chunk: str) -> re.Match[str] | None:
    """The first cue word of `chunk` used as a verb: a cue word before 人 or 者 is a title
    inside a list item ("全国人大代表港区召集人袁武", "节目主持人A", "发言人B"), which ends no list
    (zh_hant-t908: the list after 主礼嘉宾有 stopped at 召集人, losing the last 12 guests)."""
    m = _ANY_CUE.search(chunk)  # (most chunks hold no cue word: one search decides)
    while m is not None:
        # (a cue noun ending its chunk is a field of its own, "会议主持人：X", which ends the
        # list before it: none_zh-t515)
        if chunk[m.end() : m.end() + 1] not in ("人", "者") or m.end() + 1 == len(chunk):
            return m
        m = _ANY_CUE.search(chunk, m.end())
    return None


# Words one of which each of role_cues_zh.ZH_CUES holds (empty: too many to test first).
_CUE_GATES: tuple[tuple[str, ...], ...] = (
    ("在主席台", "在场"),
    ("主持", "主礼", "主祭", "举行", "举办"),
    (),
    (),
)


def _cue_patterns(simple: str) -> list[tuple[Role, re.Pattern[str]]]:
    """The cue patterns worth running on a sentence: those with one of their words in it."""
    patterns = []
    for (role, pattern), gate in zip(_ZH_TRIGGERS, _CUE_GATES, strict=True):
        for word in gate:
            if word in simple:
                break
        else:
            if gate:
                continue
        patterns.append((role, pattern))
    if _RARE_WORD.search(simple):
        for role, pattern, words in cues.ZH_CUES_RARE:
            for word in words:
                if word in simple:
                    patterns.append((role, pattern))
                    break
    return patterns


@lru_cache(maxsize=16384)  # pure: the sentence alone decides (versions repeat sentences)
def _zh_hits(simple: str) -> tuple[_Hit, ...]:
    """The cues of a sentence in text order; of two overlapping cues the first listed wins."""
    hits: list[_Hit] = []
    for role, pattern in _cue_patterns(simple):
        for m in pattern.finditer(simple):
            start, end = m.span()
            for h in hits:
                if start < h.end and h.start < end:
                    break
            else:
                hits.append(_Hit(role, start, end, False))
    hits.sort(key=lambda h: h.start)
    if ("听" in simple or "聆" in simple) and any(h.role == "spoke" for h in hits):
        hits = [h for h in hits if not (h.role == "spoke" and _listened_to(simple, h.start))]
    if "派" in simple:
        hits = [
            h for h in hits if not _ZH_SENT_SOMEONE.search(simple, max(0, h.start - 14), h.start)
        ]
    return tuple(hits)


# Who sends someone in their place is not there ("市议员A、B及C也派员到场致意", zh_hant-t13z17;
# "市議員陳文政、何敏誠等則派代表致意", zh_hant-t13z04; "省长X特地派代表到会代其致辞",
# zh_cn-t12z12; "均由市長或派代表率團與會", zh_hant-d902: rounds 15, 22, 24, none labels the
# sender): the cue after it names no one before it. Not the title 特派员 nor a word holding 派
# ("无党派人士", zh_hant-t216; 学派, 流派, 宗派).
_ZH_SENT_SOMEONE = re.compile(r"派(?<![特党学流宗教帮]派)(?:员|代表|人(?!士))[^，。；！？]{0,10}$")


# A speech the subject listens to ("听取当地干部群众代表发言", "等待聆听习主席演讲", "到会听取
# 发言"): the listeners make no speech, until the object ends ("在听取基地汇报后作总结讲话",
# zh_cn-r11v08); the speaker inside the object is read by _zh_heard.
_ZH_LISTENED = re.compile(r"(?:听取|聆听|倾听)(?:了|并)?[^，。；！？后时]{0,16}$")


def _listened_to(simple: str, at: int) -> bool:
    return _ZH_LISTENED.search(simple, max(0, at - 20), at) is not None


def _zh_lists_after(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    """Lists after their cue: "出席会议的还有A、B", "主持记者会的公共事务主任蔡仲礼"."""
    if "是" in simple or "为" in simple or ("员" in simple and _MEMBERS_LISTED.search(simple)):
        yield from _zh_named_group(simple, roster, ctx)
    yield from _zh_attending_after(simple, roster, ctx)
    chair = (
        cues.ZH_AFTER_CHAIR.search(simple)
        if "执行主席" in simple or "主持人" in simple or "主礼" in simple
        else None
    )
    if chair:  # "大会的执行主席是A、B"
        yield "presided", _zh_after(simple[chair.end() :], roster, ctx), simple
    if "的" in simple:
        yield from _zh_role_after(simple, roster, ctx)
    if "听取" in simple:
        yield from _zh_heard(simple, roster, ctx)
    if "受到" in simple and "迎接" in simple:
        yield from _zh_greeted(simple, roster, ctx)
    if "受到" in simple and ("欢迎" in simple or "接待" in simple or "接见" in simple):
        yield from _zh_welcomed(simple, roster, ctx)
    if _AFTER_TITLED_ANY.search(simple) is not None:  # (one scan: most sentences hold none)
        yield from _zh_after_titled(simple, roster, ctx)


def _zh_after_titled(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    """The titled person after a ZH_AFTER_TITLED cue ("主持…的", "颁…给")."""
    for (role, pattern), gate in zip(_ZH_AFTER_TITLED, _AFTER_TITLED_GATES, strict=True):
        if gate not in simple:
            continue
        for m in pattern.finditer(simple):
            if gate == "拜" and _not_done_here(simple, m.start()):
                continue  # "期间将拜会卢森堡首相": a call still to come
            chunk = _ZH_CHUNK.split(simple[m.end() :], 1)[0]
            name = _zh_titled_lead(chunk, roster) or (ctx.opening_name(chunk) if ctx else None)
            if name:
                yield role, [name], simple


_ZH_ATTEND_VERBS = ("出席", "参加", "列席")


def _zh_attending_after(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    """The list after an attending cue ("出席会议的还有A、B"), the titled people an attending
    verb and 的 describe, and the host of the occasion attended."""
    after = (
        _ZH_AFTER.search(simple)
        if "有" in simple
        or "包括" in simple
        or "宴请" in simple
        or "为" in simple
        or "包含" in simple
        else None
    )
    unreal = after is not None and _unreal(
        simple[: after.start()], _untimed(simple[: after.start()])
    )
    if after and not unreal:
        # (not a list still to come: "目前预计出席的名单包括A、B", "将随行的有A")
        listed = _zh_after(simple[after.end() :], roster, ctx)
        if "主礼" in simple and cues.ZH_OFFICIATING.search(simple, 0, after.end()):
            # the officiating guests preside, and attend by an attending word of their own
            # (LABELLING.md, "Wordings settled by count (round 24)")
            yield "presided", listed, simple
            if not cues.ZH_ATTENDING_WORD.search(simple):
                return
        yield "attended", listed, simple
    elif (
        "的" in simple
        and ("出席" in simple or "参加" in simple or "列席" in simple)
        # nor the people its own attending verb describes, read again (round 19, fp19):
        # "已确认出席年会的来宾包括A、B" (none_zh-t18z01)
        and not (unreal and after and simple.startswith(_ZH_ATTEND_VERBS, after.start()))
    ):
        yield from _zh_attending_of(simple, roster, ctx)
    elif "是:" in simple or "为:" in simple or "是：" in simple or "为：" in simple:
        copula = cues.ZH_COPULA_LIST.search(simple)
        if copula and not _unreal(simple[: copula.start()], _untimed(simple[: copula.start()])):
            # "这次晋升上将军衔的军官是：A、B": the group of the occasion, named by a copula
            yield "attended", _zh_after(simple[copula.end() :], roster, ctx), simple
    if "的" in simple and ("出席" in simple or "参加" in simple):
        yield from _zh_host_of(simple, roster, ctx)


# The one greeted on arrival, before 受到: "习近平乘坐专机抵达旧金山国际机场时，受到纽森、耶伦等
# 热情迎接" (the greeters are the cue's own list).
_ZH_GREETED = re.compile(r"受到[^。；]{2,60}?迎接")


def _zh_greeted(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    for m in _ZH_GREETED.finditer(simple):
        raw = simple[: m.start()]
        region = _untimed(raw)
        if region and not _unreal(raw, region):
            yield "attended", _zh_before(region, roster, ctx), simple


# A reception told in the passive (受到…欢迎 / 接待, the hosts inside): "…王成安、姍桃絲和龐建一行，
# 於日前訪問了…商會，受到執行委員會主席吳川源、副主席柯萬國等歡迎" (the hosts preside, the visitors
# before 受到 attend), "受到會長陸超及理事們熱烈歡迎", "均受到…主席洪若珊同副主席蔡金爵、代表林長耕、
# 方水萬、吳福全的熱忱接待" (rounds 20, 22, 23: four outlets). Not a welcome without a named host
# ("受到日本政府和人民的熱情接待", "受到职工的热烈欢迎": nothing read inside).
# (round 24, LABELLING.md "Wordings settled by count (round 24)": 接见 too, and every host
# named inside, a list going on after a comma: "受到金门县议会议长王再生、议员许玉昭、林金量、陈沧江，
# 及议会秘书长许丕赞等人热烈欢迎", zh_hant-t22y16; no manner word alone for a host: "受到热忱欢迎")
_ZH_WELCOMED = re.compile(
    r"受到(?!热烈|热情|热忱|热切|热络|亲切|隆重|盛情)([^。；，,]{2,120}?(?:[，,][^。；，,]{2,60}?){0,2}?)"
    r"(?:等[^。；，,、]{0,10}?)?的?(?:热烈|热情|热忱|热切|热络|亲切|隆重|盛情)?"
    r"的?(?:欢迎|接待|接见)"
)
# Talks between the hosts and their guests told after the reception: the hosts attend as well
# ("…的热情接见，双方就多项议题…交换意见", "并展开各项业务交流").
_ZH_TALKS_AFTER = re.compile(
    r"[^。；]{0,30}?(?:双方|交换意见|(?:展开|进行|开展)[^，。；]{0,8}?(?:交流|座谈|会谈))"
)


_ZH_ATTENDING_VISIT = re.compile("出席|参加|与会|列席|参与")


def _visiting(simple: str) -> bool:
    """Whether a party led by 带领, 率 or 带队 comes to visit ("刘玉培带领…来我校调研", "向邦俊率
    部分政协常委就…进行调研", "白玲带队调研…": no other cue word)."""
    return (
        ("带领" in simple or "率" in simple or "带队" in simple)
        and any(w in simple for w in _VISIT_WORDS)
        and cues.ZH_PARTY_VISIT.search(simple) is not None
    )


def _surveying(simple: str) -> bool:
    """Whether one person comes to survey or inspect ("王先波来到安障乡,调研…": no other cue
    word; role_cues_zh.ZH_SURVEY, round 22)."""
    return ("调研" in simple or "考察" in simple or "视察" in simple) and cues.ZH_SURVEY.search(
        simple
    ) is not None


# The words ZH_PARTY_VISIT ends with, one of which it needs: a scan for each is far cheaper than
# the pattern's try at every 带领 ("在…带领下" opens many a CCTV sentence).
_VISIT_WORDS = (
    "考察",
    "调研",
    "参观",
    "访问",
    "视察",
    "督导",
    "督查",
    "检查",
    "学习",
    "走访",
    "拜会",
    "祝贺",
    "致意",
)


def _welcomed(simple: str) -> bool:
    """Whether a sentence holds a reception in the passive (no cue word of `_CUE_WORDS`: 欢迎
    alone is too common a word to gate a sentence, and to end a list)."""
    return "受到" in simple and _ZH_WELCOMED.search(simple) is not None


def _zh_welcomed(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    for m in _ZH_WELCOMED.finditer(simple):
        hosts = zh_name_items(m.group(1), roster, last=True, ctx=ctx) or _names_before_groups(
            m.group(1), roster, ctx
        )  # "受到會長陸超及理事們熱烈歡迎"
        if not hosts:
            continue
        raw = simple[: m.start()]
        region = _untimed(raw)
        if _unreal(raw, region) or _ZH_ATTENDING_VISIT.search(raw):
            # (a guest welcomed at an occasion she attends, "盧秀燕…與會，受到…總監張光雄…等社友們
            # 的熱切歡迎", zh_hant-t904: the occasion's members greet her, they host no visit)
            continue
        yield "presided", hosts, simple
        if _ZH_TALKS_AFTER.match(simple, m.end()):
            yield "attended", hosts, simple
        guests = _zh_before(region, roster, ctx) if region else []
        if not guests:
            # the visiting party opening the sentence: "…王成安、姍桃絲和龐建一行，於日前訪問了…"
            first = _ZH_CHUNK.split(raw, 1)[0]
            if first.endswith("一行"):
                guests = zh_name_items(first[:-2], roster, last=True, ctx=ctx)
        if guests:
            yield "attended", guests, simple


def _zh_role_after(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    """Another role's cue, 的 and a list: "在主席台就座的还有：A、B", "主持会议的是A"."""
    for role, pattern, words in cues.ZH_AFTER_ROLE:
        for word in words:
            if word in simple:
                break
        else:
            continue
        for m in pattern.finditer(simple):
            yield role, _zh_after(simple[m.end() :], roster, ctx), simple


# A report the meeting heard, its reporter inside the object: "会议听取了…大会秘书长刘春良关于
# 政府工作报告审议情况的汇报，听取了…主任委员刘满仓关于…的报告".
_ZH_HEARD = re.compile(
    # "听取了A作的关于…的报告，B作的关于…的说明": the reports after the first share its 听取
    # "…组长沈春耀受大会秘书处委托作的关于…的汇报" (round 20): the mandate between the two
    # (each alternative opening with a character, not a class: re then scans for those
    # characters instead of trying the pattern at every position; round 24, zhcost24)
    r"(?:听取了?|，|；)([^，。；]{2,50}?)(?:受[^，。；]{1,20}?委托)?(?:所?作的)?(?:关于|对于|就)"
    r"[^。；]{0,80}?的\s*(?:汇报|报告|说明|讲话|发言|介绍"
    # a synonym spinner's words for report and explanation (scraped-t658)
    r"|陈述|阐明)"
)
# The same report with no 关于 (round 13, miss13zh: rounds 18, 20 and 23, three outlets): "听取
# 张德江委员长所作的人大常委会工作报告和李建国副委员长所作的慈善法草案说明", "听取贾庆林作政协
# 全国委员会常务委员会工作报告", "听取了大会副秘书长信春鹰作的大会秘书处…的汇报": the reporter
# right before 作, titled before or after the name or a name alone.
_ZH_HEARD_MADE = re.compile(
    # (和 before its lookbehind, for re's scan for the opening characters: round 24, zhcost24)
    r"(?:听取了?|和(?<=报告和|汇报和|说明和))([^，。；、]{2,40}?)(?:受[^，。；]{1,20}?委托)?所?作的?"
    r"(?!为|用|出|风|品|业)[^。；，]{0,80}?(?:汇报|报告|说明)"
)


# Speakers listed as what the meeting heard, no 的 nor 作 ("在听取陈军、符之冠、梁志强等代表发言
# 后，汪洋指出" zh_hant-r18v04, "听取陈军、蔡培辉、陈云英等代表发言后" scraped-r18v07,
# scraped-r18v08: round 35, three years' meetings in three outlets; the earlier rounds' speakers
# heard stand alone, in other shapes): the names of 听取's object made the speeches. The
# listeners stay without one (`_listened_to`); a group with no name ("听取当地干部群众代表发言")
# gives no one, nor a single name (two or more, parted by 、).
_ZH_HEARD_LIST = re.compile(
    r"听取了?((?:[^，。；！？、后时的]{2,12}、)+[^，。；！？、后时的等]{2,12}?)"
    r"等?(?:[^，。；！？、后时的等]{0,6}?(?:代表|同志|负责人|委员))?的?(?:交流)?发言"
)


_TITLE_AFTER = re.compile(r"副?(?:委员长|主席|总理|书记|部长|主任|秘书长)$")


def _heard_reporter(run: str, roster: Roster) -> str | None:
    """The reporter ending `run`: titled before ("秘书长杨振武"), after ("张德江委员长") or alone."""
    after = _TITLE_AFTER.search(run)
    body = run[: after.start()] if after else run
    if _ZH_TITLE_END.search(body):
        name = _zh_titled_lead(body, roster)
        return name if name and body.endswith(name) else None
    if _knows(roster, body) or (len(body) == 3 and _zh_plausible(body)):  # "听取贾庆林作…报告"
        return body
    return None


def _zh_heard(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    if "发言" in simple:
        for m in _ZH_HEARD_LIST.finditer(simple):
            names = zh_name_items(m.group(1), roster, last=True, ctx=ctx)
            if names:
                yield "spoke", names, simple
    if "的" not in simple:
        return
    for m in _ZH_HEARD.finditer(simple):
        name = _zh_titled_lead(m.group(1), roster) if _ZH_TITLE_END.search(m.group(1)) else None
        if name and m.group(1).endswith(name):  # the titled reporter, nothing after the name
            yield "spoke", [name], simple
    if "作" in simple:
        for m in _ZH_HEARD_MADE.finditer(simple):
            name = _heard_reporter(m.group(1), roster)
            if name:
                yield "spoke", [name], simple


# "有出席活动的民建联议员葛珮帆、林琳及郭玲丽，新民党议员黎栋国…": the verb and 的 describe
# the titled people after them (a title must open the list: "出席的民代人手一支" names no one).
_ZH_ATTENDING_OF = re.compile(r"(?:出席|参加|列席)了?[^，。；、的]{1,16}的")


def _zh_attending_of(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    for m in _ZH_ATTENDING_OF.finditer(simple):
        first = _ZH_CHUNK.split(simple[m.end() :], 1)[0].split("、", 1)[0]
        if _ZH_TITLE_END.search(first) and _zh_titled_lead(first, roster):
            yield "attended", _zh_after(simple[m.end() :], roster, ctx), simple


# The host of the occasion attended: "出席波兰总统杜达在华沙总统府举行的欢迎仪式", "出席梁振英设
# 的晚宴" (the one holding it presides; a body holding it, "由特区政府举办", names no one).
_ZH_HOST_OF = re.compile(
    r"(?:出席|参加)了?([^，。；、的由]{2,30}?)(?:举行|举办|主办|设|主持|设宴)的"
)


def _zh_host_of(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    for m in _ZH_HOST_OF.finditer(simple):
        raw = m.group(1)
        region = _untimed(raw)
        if region and not _unreal(simple[: m.start()], region):
            names = _zh_before(region, roster, ctx)
            if names:
                yield "presided", names, simple


def _zh_heading_list(
    heading: re.Match[str], simple: str, roster: Roster, ctx: ZhContext | None
) -> tuple[Role, list[str], str]:
    """The list under a form's field or a minutes' heading, with the heading's role."""
    names = _zh_after(_spaced_list(simple[heading.end() :]), roster, ctx)
    if not heading.group(1):
        return "attended", names, simple
    if ctx is not None and len(names) == 1:  # "主席致词" later in the minutes is this person
        ctx.titled(names[0], heading.group(1))
    return "presided", names, simple


_ZH_SPACED_ITEMS = re.compile(r"[\u4e00-\u9fff·]{2,6}(?:[ \u3000\t]+[\u4e00-\u9fff·]{2,6})+")


def _spaced_heading(simple: str) -> re.Match[str] | None:
    """A heading parted from its names by spaces alone, when the names are parted by spaces
    too ("出席委员  林德福  柯建铭  张宏陆")."""
    if " " not in simple and "\u3000" not in simple and "\t" not in simple:
        return None
    m = cues.ZH_HEADING_SPACED.match(simple)
    if m is None:
        return None
    field = simple[m.end() :]
    return m if _spaced_list(field) != field else None


def _spaced_list(field: str) -> str:
    """A field's names parted by spaces, as minutes and rosters align them ("出席委员：林德福
    柯建铭  张宏陆  周陈秀霞 许淑华"): the spaces read as the list marks (、) they stand for.
    Only a field of such tokens alone, two to six characters each: a field of prose, whose
    spaces part clauses, is left as it is."""
    if " " not in field and "\u3000" not in field and "\t" not in field:
        return field
    body = field.strip()
    return "、".join(body.split()) if _ZH_SPACED_ITEMS.fullmatch(body) else field


_ZH_HOST_TITLE = re.compile(r"[\u4e00-\u9fff](?<![为是的])")


def _no_subject(simple: str, hit: _Hit) -> bool:
    """Whether the cue has no list before it: "出席观礼嘉宾包括A、B", "在主席台就座的还有A"
    (the list follows: _zh_lists_after); "出席记者会的118人" (the verb describes a group)."""
    if simple.startswith("主持人", hit.start) and _ZH_HOST_TITLE.match(simple, hit.start + 3):
        return True  # "计画主持人吴玛悧": a title before a name (a project's leader), no chair
    if hit.role != "attended":
        if "的" not in simple[hit.end : hit.end + 10]:
            return False
        after = [p.search(simple, hit.start) for r, p, _ in cues.ZH_AFTER_ROLE if r == hit.role]
        return any(m is not None and m.start() < hit.end for m in after)
    ahead = simple[hit.end : hit.end + 24]
    return bool(ahead) and (
        _ZH_ATTRIBUTIVE.match(simple, hit.end) is not None
        or _describes_guests(simple, hit)
        or (("有" in ahead or "包括" in ahead) and _ZH_AFTER.match(simple, hit.start) is not None)
    )


_ZH_WILL = re.compile(r"将(?<![上中少大]将)(?![军领士])|" + _ZH_FUTURE_TIME.pattern)


_MEMBERS = ("代表团", "团", "组", "队", "成员")
_MEMBERS_LISTED = re.compile("员(?:包括|有)")


def _zh_named_group(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], str]]:
    """The names of a group the cue before gave a role, in this sentence ("陪同拜登出席的是
    五名官员：A、B") or in the one before ("…欢迎出席开幕式的国际贵宾。他们是：A、B"); none
    for an occasion still to come ("出席明日的仪式，他们是：")."""
    if not _opens_named_group(simple) and not ("是" in simple and _ZH_IS_COUNT.search(simple)):
        return  # (two narrow scans first: the pattern below tries every 的 and numeral)
    m = cues.ZH_NAMED_GROUP.search(simple)
    if m is None:
        return
    hits = [h for h in _zh_hits(simple) if h.end <= m.start()]
    if hits:
        role: Role | None = None if _ZH_WILL.search(simple, 0, m.start()) else hits[-1].role
    else:
        role = ctx.role_before(simple) if ctx is not None else None
        if role == "present":
            # a group named in the next sentence was not on the rostrum with the one before
            # ("在主席台就坐的各位领导：…。此外，我们还邀请了三位…代表，他们是：A；B", scraped-t516)
            role = "attended"
    if m.group().startswith(_MEMBERS) and role not in ("attended", "present"):
        return  # members are there with their group; no speech or chair is theirs by that
    if role == "presided":
        # a group after a cue of presiding is the ones received, welcomed or honoured ("…向10位
        # 杰出人士颁授名誉大学院士衔。…10位名誉大学院士分别是A、B"): a group chairs nothing
        role = "attended"
    if role is not None:
        yield role, _zh_after(simple[m.end() :], roster, ctx), simple


# The guests a host welcomes, described by what they attend: "举行宴会，欢迎出席…开幕式的国际
# 贵宾", "为出席…的国际贵宾举行欢迎宴会", "对来华出席…的贵宾表示欢迎" (the host attends nothing).
_ZH_GUESTS_OF = re.compile(r"(?:欢迎|迎接|宴请|为|对|向)(?:来华|来京|来港|来澳|前来|专程)?$")
_ZH_GUESTS = re.compile(
    r"[^，。；]{0,40}?的[^，。；]{0,14}?(?:领导人|代表|嘉宾|贵宾|来宾|宾客|客人|外宾|使节|团长|配偶)"
)


def _describes_guests(simple: str, hit: _Hit) -> bool:
    return (
        _ZH_GUESTS_OF.search(simple, max(0, hit.start - 6), hit.start) is not None
        and _ZH_GUESTS.match(simple, hit.end) is not None
    )


# The words after a cue up to the 的 of a noun it describes: "会见了参加…采访活动的东盟记者团".
_ZH_DESCRIBING = re.compile(r"[^，。；、]{0,40}?的")
# A meeting verb whose other side a cue may describe; not a visit (看望, 慰问), labelled both
# ways when its guests attend: scraped-r303 (the visitors attend) and zh_cn-t12z01 (do not).
_ZH_RECEIVES = re.compile(r"会见|接见|会晤")


def _led_party_met(simple: str, bound: int, hit: _Hit) -> int:
    """Where the leaders of a party led on a visit begin when it is the other side of a meeting
    verb: "会见了台湾旺旺集团副董事长胡志强、…总裁蔡绍中率领的台湾媒体参访团一行" (scraped-r11v03):
    after the verb, so that the leaders attend and the host, who presides (`_zh_meetings`;
    LABELLING.md, "Wordings settled by count (round 23)"), does not attend too; else `bound`."""
    if hit.role != "attended" or _ZH_LED_BY.match(simple, hit.start) is None:
        return bound
    verbs = [verb.end() for verb in _ZH_RECEIVES.finditer(simple, bound, hit.start)]
    return verbs[-1] if verbs else bound


def _describes_met(simple: str, bound: int, hit: _Hit) -> bool:
    """Whether an attending cue stands inside the other side of a meeting verb before it and
    describes it: "李书磊在福州会见了参加“…”采访活动的东盟记者团" (zh_cn-t11z01), "会见出席…论坛的
    中国代表团": the guests attend, not the host (round 13)."""
    described = _ZH_DESCRIBING.match(simple, hit.end)
    if hit.role != "attended" or described is None:
        return False
    # (not a named guest, whose meeting both attend: "会见了前来出席…的…理事长冈本保等日本嘉宾",
    # "会见了出席…的…副主席蒋孝严一行": 等 and 一行 follow names)
    guests = re.split(r"[，。；,;]", simple[described.end() :], maxsplit=1)[0]
    return (
        "等" not in guests
        and "一行" not in guests
        and _ZH_RECEIVES.search(simple, bound, hit.start) is not None
    )


# Taking over an office (接任, 出任) is being at its handover only in a report of one: the report
# holds a handover or an inauguration (交接, 就职, 交棒, 布达); and it, like a call paid (拜会,
# 拜访), is no occasion when still to come or told in someone's words ("将接任会长", "赖进坤说，
# 接任…职务", none-t13z03; "期间将拜会卢森堡首相", none_zh-t223; "他表示…已经陆续拜会许多议员",
# zh_hant-t406), nor a career's step ("2001年4月，张越出任…副局长", none_zh-006).
_ZH_HANDOVER = re.compile(r"交接|就职|交棒|布达")
_ZH_TAKES_OVER = ("接任", "出任")
_ZH_CALLS = ("拜会", "拜访")
_ZH_NOT_YET = re.compile(r"(?:将|拟|可|预计|准备|有望|可望|即将)[^，。；]{0,12}$")
_ZH_TOLD = re.compile(r"(?:说|表示|指出|认为)[，,：:]?")


def _not_done_here(simple: str, at: int) -> bool:
    """Whether the act at `at` is still to come or told in someone's words."""
    return (
        _ZH_NOT_YET.search(simple, max(0, at - 14), at) is not None
        or _ZH_TOLD.search(simple, 0, at) is not None
    )


def _office_taken_elsewhere(simple: str, hit: _Hit, ctx: ZhContext | None) -> bool:
    word = simple[hit.start : hit.end]
    if word in _ZH_CALLS:
        return _not_done_here(simple, hit.start)
    if word not in _ZH_TAKES_OVER:
        return False
    if ctx is None or not ctx.tells_handover():
        return True
    return _not_done_here(simple, hit.start)


def _zh_lists(
    simple: str, roster: Roster, ctx: ZhContext | None, meetings: list[tuple[int, list[str]]]
) -> Iterator[tuple[Role, list[str], str]]:
    yield from _zh_lists_after(simple, roster, ctx)
    previous: list[str] = []
    bound = 0
    offices = "任" in simple or "拜" in simple  # (接任, 出任, 拜会, 拜访: most sentences hold none)
    for hit in _zh_hits(simple):
        escort = _escort(simple, hit, roster, ctx)
        if escort is not None:
            yield from _escort_frame(simple, bound, hit, escort, roster, ctx)
            bound = hit.end
            continue
        yield from _escorted(simple, bound, hit, roster, ctx, by="由")
        bound = _led_party_met(simple, bound, hit)
        if (
            _no_subject(simple, hit)
            or _called_off(simple, hit)
            or _describes_met(simple, bound, hit)
            or (offices and _office_taken_elsewhere(simple, hit, ctx))
        ):
            bound = hit.end
            continue
        raw, region = _regions_before(simple, bound, hit)
        region, company = _with_company(region)
        if _unreal(raw, region) or _scheduled(simple, hit.start):
            bound = hit.end
            continue
        earlier = [m for m in meetings if m[0] <= hit.start] if meetings else None
        if earlier and (not previous or earlier[-1][0] > bound):
            previous = earlier[-1][1]  # "与Y举行会谈，并共同主持…": both sides chair
        if previous and _shares_subject(region):
            names = previous  # a clause opening with 并 has no subject of its own
        else:
            names = _zh_before(region, roster, ctx) if region else []
        if (
            not names
            and previous
            and _ZH_REUSE.match(region)
            and not _group_last(region)
            and not _ZH_REPORTED.search(region)
        ):
            names = previous
        if names and hit.role == "spoke" and _studied(simple, hit, names[0]):
            names = []  # "传达学习习近平在…期间的重要讲话": a speech studied, given elsewhere
        if names:
            yield hit.role, names, simple
            if company:
                # (the company may lead a group in turn: "偕副县长王瑞德率县府各局处长")
                company = _subject_chunk(company, went=False)
                yield "attended", zh_name_items(company, roster, last=True, ctx=ctx), simple
            previous = names
            if ctx is not None and len(names) == 1:
                ctx.subject = names[0]
        bound = hit.end


# A speech studied, passed on or carried out is one given at another occasion (round 14,
# prec14: scraped-r10v01, zh_cn-r10v03, rounds 19; 41 such clauses in dev, labelled with no
# role): the verb stands before the speaker's name in its clause ("传达学习习近平…的重要讲话",
# "传达学习…、胡春华副总理关于乡村振兴讲话"), not after it ("X在学习贯彻…会议上讲话").
_ZH_STUDIED = re.compile(r"传达|学习(?!委员会)|贯彻|领会|研读")


def _studied(simple: str, hit: _Hit, first: str) -> bool:
    """Whether a verb of studying stands between the clause's start and the speaker's name."""
    if _ZH_STUDIED.search(simple, 0, hit.start) is None:
        return False  # (none before the cue at all: most sentences)
    start = max(simple.rfind("，", 0, hit.start), simple.rfind("。", 0, hit.start)) + 1
    at = simple.find(first, start, hit.start)
    return at > start and _ZH_STUDIED.search(simple, start, at) is not None


# The list's head count and what they are, after its last name: "A、B、C及D四位监誓人共同主持"
# (zh_hant-t906), "A、B两人出席".
# (人 after a count in words only: "组成人员78人" is a group's count, scraped-t420)
_ZH_COUNTED = re.compile(
    r"(?:(?:[二三四五六七八九十两]{1,2}|\d{1,2})[位名]|[二两三四五六七八九十]人)[^，。、；：\s的]{0,6}$"
)


def _regions_before(simple: str, bound: int, hit: _Hit) -> tuple[str, str]:
    """The words between the cue before and this one, and the same without their time, place
    and manner tail and the list's head count: where the cue's list is looked for."""
    raw = simple[bound : hit.start]
    if raw[-1:] in "的份":  # (one test for most regions, which end on a name)
        raw = _raw_before(simple, raw, hit)
    region = _untimed(raw)
    tail = region[-9:]
    if "位" in tail or "名" in tail or "人" in tail:
        region = _uncounted(region)
    return raw, region


def _raw_before(simple: str, raw: str, hit: _Hit) -> str:
    """`raw`, the words between the cue before and this one (where its list is looked for),
    when it ends in 的 or 份: a speech's transcript under its speaker's name drops its 的
    ("以下为林瑞麟的致辞全文", "…何志平主持开幕礼时的致辞全文": HK government releases,
    zh_hant-v904, v905)."""
    if raw.endswith("身份") and "以" in raw:
        # "张成中以河北省委常委、省政府党组副书记的身份出席会议并讲话" (zh_cn-024): the
        # capacity, which may list titles, is manner between the name and its verb
        raw = _ZH_AS_CAPACITY.sub("", raw)
    if raw.endswith("的") and simple.startswith(_SPEECH_TEXT, hit.start):
        # after another cue, the speech is its subject's, whatever the occasion's name
        # ("以下是行政长官林郑月娥今日…出席二零一八年香港花卉展览开幕典礼的致辞全文", zh_cn-022)
        return "" if len(raw) < hit.start else raw[:-1].removesuffix("时")
    return raw


_ZH_AS_CAPACITY = re.compile(r"以[^，。；]{1,40}?的?身份$")
_SPEECH_TEXT = tuple(f"{w}全文" for w in ("致辞", "致词", "讲辞", "讲话", "发言", "演辞", "演讲"))


def _uncounted(region: str) -> str:
    """`region` without the head count after its last name (an apposition of the list);
    asked when 位, 名 or 人 stands in its last characters."""
    m = _ZH_COUNTED.search(region, max(0, len(region) - 9))
    if m is None:
        return region
    head = region[: m.start()]
    # a list, or a full name (not two characters: "朱洪两人" is two surnames, zh_hant-t302)
    if ("、" in head and _zh_plausible(head[-2:])) or _zh_plausible(head[-3:]):
        return head
    return region


def _shares_subject(region: str) -> bool:
    """Whether the words between two cues open no clause of their own: "，并" ("出席会议，并
    讲话"), or the first cue's object and 并 ("宣读习近平主席贺信并致辞": 习近平 is the object)."""
    return region.endswith(("，并", "，并且")) or (region.endswith("并") and "，" not in region)


# Reported speech between a cue and the next: "许文直致辞表示，本会…积极参与…活动" (what the
# association does, not a second role of the speaker).
_ZH_REPORTED = re.compile(r"(?:表示|指出|强调|认为|提到|说)[，：:]")


# An occasion put off or called off after its cue: "邀请处长谷立言在校演讲也确定延期".
_ZH_CALLED_OFF = re.compile(r"[^，。；]{0,8}?(?:延期|取消|延后|改期|暂停举行|喊停)")


def _called_off(simple: str, hit: _Hit) -> bool:
    """Whether the cue's clause goes on to say the occasion was put off or called off."""
    if not ("延" in simple or "取消" in simple or "改期" in simple or "停" in simple):
        return False  # one scan for the common case
    return _ZH_CALLED_OFF.match(simple, hit.end) is not None


def _escort(simple: str, hit: _Hit, roster: Roster, ctx: ZhContext | None) -> list[str] | None:
    """The one accompanying, between 在 and 陪同下: "王小明在市委书记李大华陪同下调研" (None:
    the cue is not in that frame)."""
    if not simple.startswith("下", hit.end):
        return None
    # 于 as 在 ("卢秀燕于社会局长李允杰的陪同下与会": 於 of traditional text, zh_hant-t904)
    at = max(simple.rfind(by, max(0, hit.start - 40), hit.start) for by in ("在", "于"))
    if at < 0:
        return None
    escort = simple[at + 1 : hit.start]
    return zh_name_items(escort.removesuffix("的"), roster, last=True, ctx=ctx)


def _escort_frame(
    simple: str,
    bound: int,
    hit: _Hit,
    escort: list[str],
    roster: Roster,
    ctx: ZhContext | None,
) -> Iterator[tuple[Role, list[str], str]]:
    """The roles of a "在…陪同下" frame: the escort's (the cue's role) and the escorted's."""
    if _escort_unreal(simple, bound, hit):
        return
    if escort:
        yield hit.role, escort, simple
    by = "于" if simple.rfind("于", 0, hit.start) > simple.rfind("在", 0, hit.start) else "在"
    yield from _escorted(simple, bound, hit, roster, ctx, by=by)


def _escort_unreal(simple: str, bound: int, hit: _Hit) -> bool:
    """Whether the occasion of a "在…陪同下" frame is negated or still to come, told before
    its 在 ("蔡总统将在副总统赖清德、行政院院长苏贞昌等陪同下…接见", none-r11v09): neither the
    escort nor the escorted has a role yet, as with any other cue (`_unreal`)."""
    at = max(simple.rfind(by, max(bound, hit.start - 40), hit.start) for by in ("在", "于"))
    if at <= bound:
        return False
    raw = simple[bound:at]
    return bool(raw) and _unreal(raw, _untimed(raw))


def _escorted(
    simple: str, bound: int, hit: _Hit, roster: Roster, ctx: ZhContext | None, by: str = "在"
) -> Iterator[tuple[Role, list[str], str]]:
    """Those accompanied, attending: the subject just before "在…陪同下" or "由…陪同" in the
    same clause ("习近平在杜达陪同下参观", "县长陈光复5日上午由民政处长张武福陪同，亲自前往"):
    they are at the occasion the escort is at (round 9: 11 of 13 such subjects in dev are
    labelled so)."""
    if not simple.startswith("陪同", hit.start):
        return
    at = simple.rfind(by, max(bound, hit.start - 40), hit.start)
    if at <= bound:
        return
    region = simple[bound:at]
    start = max(map(region.rfind, ("，", "。", "；", "：", "\n"))) + 1  # a list's 、 stays
    if start == len(region) and region.endswith("，"):
        # "A、B，C及县议员多人，由X、Y陪同，…": a clause of its own after the list, which
        # may run over commas (zh_hant-v902)
        names = _zh_before(_untimed(region[:-1]), roster, ctx)
        if names:
            yield "attended", names, simple
        return
    region = _untimed(region[start:])
    names = zh_name_items(region, roster, last=True, ctx=ctx) if region else []
    if names and not region.endswith(("的", "将", "并")):
        yield "attended", names, simple


# "A联同B和C…会见传媒": B and C come with A, and are there whatever A's role.
# (偕 alone too, as Taiwan writes it: "许县长偕副县长王瑞德…列席", zh_hant-d908; not 偕老)
_ZH_TOGETHER = re.compile("联同|偕同|连同|偕(?!同|老)|携手")


def _with_company(region: str) -> tuple[str, str]:
    """The region up to a 联同 in its last clause, and the company named after it."""
    if "同" not in region and "偕" not in region and "携" not in region:
        return region, ""
    start = max(map(region.rfind, _CLAUSE_MARKS[:2]))
    found = list(_ZH_TOGETHER.finditer(region, start + 1))
    if not found:
        return region, ""
    return _untimed(region[: found[-1].start()]), region[found[-1].end() :]


def _zh_titled_lead(chunk: str, roster: Roster) -> str | None:
    """The name right after the last title of `chunk`, before any words that follow it."""
    parts = _ZH_TITLE_END.split(chunk)
    if len(parts) < 2:
        return None
    run = parts[-1]
    for size in (3, 2):
        if _knows(roster, run[:size]):
            return run[:size]
    foreign = len(run) - len(run.lstrip("".join(_TRANSLIT)))  # "奥巴马对中国进行…"
    if 2 <= foreign <= 6 and transliterated(run[:foreign]):
        return run[:foreign]
    if len(run) >= 3 and _zh_plausible(run[:3]):
        return run[:3]
    return run[:2] if _zh_plausible(run[:2]) else None


def _as_written(name: str, simple: str, original: str, ctx: ZhContext | None = None) -> str:
    """The name in the script the text used (traditional texts give traditional names); a
    name the report gave elsewhere ("主席致词": the chair) as it is written there."""
    if simple is original or len(simple) != len(original):
        return name
    at = simple.find(name)
    if at >= 0:
        return original[at : at + len(name)]
    return ctx.as_written(name) if ctx is not None else name


# A word every cue holds (role_cues_zh.ZH_CUES, ZH_AFTER, ZH_MEET_*): one scan for these gates
# the scans per cue, since most sentences with a cue character (会, 同, 出) hold no cue.
_CUE_WORDS = (
    "主持 主礼 主祭 出席 参加 列席 与会 到会 到场 莅临 现身 参与 陪同 就座 就坐 主席台 在场 讲话 致辞 致词 "
    "致欢迎 致贺 致开幕 致闭幕 致答谢 致新年 讲了话 发了言 致了 发言 演讲 演说 报告 汇报 说明 会见 会晤 接见 看望 慰问 "
    "会谈 座谈 通电话 通了电话 通话 会面 见面 欢聚一堂 共聚一堂 相聚一堂 同聚一堂 记者会 发布会 座谈会 茶话会 招待会 酒会 宴会 晚宴 午宴 "
    "研讨会 执行主席 仪式 同桌 在座 宴请 餐叙 餐会 茶叙 齐聚一堂 共襄盛举 剪彩 观礼 默哀 送别 吊唁 通报 "
    "签署 签约 签字 宣誓 人员包括 者包括 人员有 者有 宾包括 宾包含 接待 参访 召集 召开 就职 介绍 到访 主席： 祝酒 入场 上台 监誓 迎接 接机 送行 迎上前 领下 听取 宣读 国书 随行 随同 "
    "讲道 证道 布道 就主席 亲临 光临 司仪 宣布 回答 质询 接任 出任 拜会 拜访 抵达 飞抵 "
    # a party come to visit (ZH_CUES_RARE: "一行到…考察", "率领…代表团来…考察", "率县…考察团到";
    # 带领 alone is asked in _visiting: CCTV's "在…带领下" is too common a gate; 带队 and 率 too,
    # a branch of this pattern costs every position of every sentence)
    "一行 率领 率团 率队 考察团 "
    # relaying to a meeting (ZH_CUES_RARE: "X传达了…精神"; round 23)
    "传达 "
    # a copula before a colon (ZH_COPULA_LIST: "晋升上将军衔的军官是：A、B")
    "是: 是： 为: 为： "
    # witnessing or celebrating together (ZH_CUES_RARE: "共同见证", "共同欢喜庆祝")
    "共同见证 一同见证 共同庆祝 一同庆祝 共同欢 一同欢 共同致贺 一同致贺 共同欢喜 聚首一堂"
).split() + list(cues.RITE_WORDS)


# Characters common in news text first: re tries a trie's branches in order, so a position
# holding a common character that starts no cue word is rejected after fewer comparisons.
# (by how often each character stands in the meetings-zh corpus: the branches are tried in order
# at every position holding one of them, and 国, 一, 共, 代 are as common as 会 or 人; any order
# finds the same words, each branch opening with its own character)
_FIRST_ORDER = {
    c: i
    for i, c in enumerate(
        "国会人主发共代一出同为在领是现上记质监讲入座报点就见到聚参研看通致听召与光观午执列考相仪"
        "交回者亲布接祝汇迎证说宣齐率介随欢送默司扶宾招拜颁签茶晚宴鸣演"
    )
}


def _word_trie(words: list[str] | set[str]) -> str:
    """A pattern finding any of `words`, written as a trie ("主(?:持|礼)|出席"): each
    alternative opens with its own character, so re rejects a position after one comparison
    per first character instead of trying every word; a word another word starts with is
    enough for a search (only where a word starts counts)."""
    firsts: dict[str, set[str]] = {}
    for word in words:
        firsts.setdefault(word[0], set()).add(word[1:])
    parts = []
    for first, rests in sorted(firsts.items(), key=lambda item: _FIRST_ORDER.get(item[0], 99)):
        if "" in rests:
            parts.append(re.escape(first))
        elif len(rests) == 1:
            parts.append(re.escape(first + next(iter(rests))))
        else:
            parts.append(f"{re.escape(first)}(?:{_word_trie(rests)})")
    return "|".join(parts)


_ANY_CUE = re.compile(_word_trie(_CUE_WORDS) + "|" + cues.RITE_ACCEPTING)  # and 代表…接受
# Any word of the rarer cues (role_cues_zh.ZH_CUES_RARE): one scan decides whether they run
# (a trie too: each position is tried against its first character only).
_RARE_WORD = re.compile(
    _word_trie(list(dict.fromkeys(w for _, _, words in cues.ZH_CUES_RARE for w in words)))
)


# The opening of a group's names ("他们是：", "16名…为"; role_cues_zh.ZH_NAMED_GROUP), which
# holds no cue word of its own.
_ZH_IS_COUNT = re.compile(r"是[\d一二三四五六七八九十两]{1,3}[名位]")  # "…的是五名官员："
# Each form a pattern of its own: an alternation whose branches open with a class of
# characters gets no first-character scan and is tried at every position (~5x slower).
_NAMED_OPENINGS = (
    re.compile(r"[们們][是为為][:：]"),
    re.compile(r"[\d一二三四五六七八九十两兩][名位][\u4e00-\u9fff]{1,8}?[为為是]"),
)


# A group's members ("团员包括："), asked only of a text holding 员 (成 and 组 are too common
# to open a pattern that every sentence without a cue runs).
_MEMBERS_OPENING = re.compile(r"[员員](?<=[团團组組队隊成][员員])(?:还|還|也)?(?:包括|有|为|為|是)")


def _opens_named_group(text: str) -> bool:
    # (a hand-written fast path, round 19: each opening is searched only where the text holds
    # a character it must hold, 们/們 or 名/位, as 员 gates the members' opening; the same
    # answer as `any(p.search(text) for p in _NAMED_OPENINGS)`, asked of every Chinese sentence
    # without a cue, where re scanned the whole sentence twice)
    return (
        (("们" in text or "們" in text) and _NAMED_OPENINGS[0].search(text) is not None)
        or (("名" in text or "位" in text) and _NAMED_OPENINGS[1].search(text) is not None)
        or (("员" in text or "員" in text) and _MEMBERS_OPENING.search(text) is not None)
    )


@lru_cache(maxsize=16384)  # per paragraph, which recurs across versions of a report
def zh_holds_cue(text: str) -> bool:
    """Whether any sentence of `text` can hold a role cue (False: none of them does)."""
    simple = to_simplified(text)
    if (
        _ANY_CUE.search(simple)
        or (_opens_named_group(simple) and cues.ZH_NAMED_GROUP.search(simple))
        or _welcomed(simple)
        or _visiting(simple)
        or _surveying(simple)
    ):
        return True
    # noise (inserted pinyin, spaced characters, emoji) can hide a cue until it is removed;
    # most paragraphs hold a bracket or a space and no noise: nothing to search again then
    if _NOISE.search(text) is None:
        return False
    cleaned = clean_zh(text)
    return cleaned != text and _ANY_CUE.search(to_simplified(cleaned)) is not None


# Companions named in a sentence of their own that reads no one by its own cue, only "together"
# (一同, 一起, 同机), right after the sentence that told the occasion ("…总理李克强…乘专机
# 抵达伦敦…，开始对英国进行正式访问。李克强总理夫人程虹同机抵达。", zh_cn-t17z22; round 30's
# zh_cn-t16y05): they attend the occasion of the cue before (ZhContext.role_before: none when
# that one is still to come), as its companions, never its chair or its speakers.


_ZH_COMPANIONS = re.compile(
    r"^(?P<list>[^，。；：,:]{3,60}?)(?:等[^，。；、]{0,4}?)?(?:也|还|亦|均)?(?:一同|一起|同机)"
    r"[^，。；,]{0,10}[。！]?$"
)


def _zh_companions(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> list[tuple[Role, list[str], str]]:
    if ctx is None:
        return []
    m = _ZH_COMPANIONS.match(simple.strip())
    if m is None or ctx.role_before(simple) is None:
        return []
    return [("attended", _zh_before(m.group("list"), roster, ctx), simple)]


def zh_lists_in(
    sentence: str, roster: Roster, ctx: ZhContext | None = None
) -> Iterator[tuple[Role, list[str]]]:
    """Role lists of one sentence; `ctx` carries what earlier sentences of the same report
    said (who "他" is, which names the text gives with a title)."""
    sentence = _clean_sentence(sentence)
    if sentence[:1] == "请":
        return  # a programme's request ("请A、B介绍…情况，并回答记者提问", none_zh-t502)
    if "假" in sentence or "代)" in sentence or "代）" in sentence or "缺席" in sentence:
        sentence = _unannotated(sentence)
    simple = to_simplified(sentence)
    if (
        not _ANY_CUE.search(simple)
        and not (
            ctx is not None and _opens_named_group(simple) and cues.ZH_NAMED_GROUP.search(simple)
        )
        and not _welcomed(simple)
        and not _visiting(simple)
        and not _surveying(simple)
    ):
        return
    if "於" in sentence and simple.replace("于", "於") != simple:
        simple = _kept_yu(sentence, simple)
    if simple == sentence:
        simple = sentence  # the same object: names need no mapping back (_as_written)
    meetings = list(_zh_meetings(simple, roster, ctx))
    spans = [(end, names) for role, names, end in meetings if role == "attended"]
    dead = ctx.deceased() if ctx is not None else _deceased(simple)
    heading = cues.ZH_HEADING.match(simple) or _spaced_heading(simple)
    lists = (  # a form's field or a minutes' heading: "主席：柯文哲", "出席：A、B"
        [_zh_heading_list(heading, simple, roster, ctx)]
        if heading
        else _zh_lists(simple, roster, ctx, spans)
    )
    found = [*lists, *meetings] or (
        _zh_companions(simple, roster, ctx)
        if "，" not in simple and ("一同" in simple or "一起" in simple or "同机" in simple)
        else []
    )
    if found and simple.count("、") >= 2:  # (an enumeration of three items or more)
        found += _carried(simple, found, roster)
    if ctx is not None:
        hits = _zh_hits(simple)
        if hits:  # what a group named in the next sentence did ("他们是：A、B")
            ctx.cue_read(simple, None if _ZH_WILL.search(simple) else hits[-1].role)
    for role, names, _ in found:
        kept = _unglued_all(
            [
                _as_written(n, simple, sentence, ctx)
                for n in names
                if n not in dead and not _word_not_name(n)
            ],
            sentence,
            ctx,
        )
        if ctx is not None and ctx.writes_dots():
            kept = [ctx.fuller(n) for n in kept]
        if kept:
            yield role, kept


# Words no name holds, whatever path read the candidate (round 24, zh24): a cue ("在宴请…负责人时
# 致辞" -> 时致辞), a time ("成员于日前拜访" -> 于日前), or a group's last word ("其他组成人员" ->
# 成人员); none of the 12,347 Chinese names labelled in dev holds one.
_CUE_OR_TIME = "致辞|致词|出席|主持|讲话|发言|参加|日前|近日"
# Both in one search of a name of 14 characters or fewer (`_group_last`'s window holds all of
# it; `\Z`, not `$`, which `_group_last`'s test of the last character excludes before a final
# newline): a pattern's call, not its scan, is the cost (round 24, zhcost24).
assert _ZH_GROUP.pattern.endswith("$")
_NOT_IN_NAME = re.compile(_CUE_OR_TIME + "|" + _ZH_GROUP.pattern[:-1] + r"\Z")
_CUE_OR_TIME_IN = re.compile(_CUE_OR_TIME)


def _word_not_name(name: str) -> bool:
    if len(name) > 14:
        return _CUE_OR_TIME_IN.search(name) is not None or _group_last(name)
    return _NOT_IN_NAME.search(name) is not None


# The first characters of the words seen glued to a two-character name in the development data
# (论坛, 举行, 表示, 昨天, 今天, 一到, 展开, 上将, 总教练, 关于, 应邀, 抵达, 致辞: rounds 12-36, 11 outlets)
# and of the words of time, saying and meeting that follow names most (会见, 出席, 主持, 讲话,
# 发表, 说, 指出, 强调, 认为, 称, 当天, 前往, 分别, 随后, 同时), in both scripts: only a name ending
# in one is asked about (`ZhContext.unglued`; asking every name cost 1.5% of the warm pass).
_GLUE_OPENERS = frozenset(
    "论論举舉表昨今一展上总總关關应應抵致会會出主讲講发發说說指强強认認称稱当當前分随隨同"
)
# What follows a whole name in a list or a clause, never the second character of a word whose
# first a name could have taken ("连战一到" is 连战 + 一到: 到 is not here).
_WHOLE_BEFORE = frozenset("在等和及与與也都为為对對就将將已被把从從向同并並还還均")
_CUES_AFTER_NAME = ("出席", "主持", "参加", "參加", "讲话", "講話", "致辞", "致詞", "发言", "發言")


def _unglued_all(names: list[str], sentence: str, ctx: ZhContext | None) -> list[str]:
    """`names` (of `sentence`), each without a character glued on (`ZhContext.unglued`)."""
    if ctx is None or ctx.known.issuperset(names):
        return names  # (most lists read name only people on the roster: one set operation)
    known = ctx.known
    return [
        ctx.unglued(n, sentence) if len(n) == 3 and n[2] in _GLUE_OPENERS and n not in known else n
        for n in names
    ]


# The items of an enumeration: parted by 、，；.
_ZH_ITEM_SEP = re.compile("[、，；]")
# What opens the last part of an item that is no list item itself, before a name that goes on
# in the list after it: "五日由陈淑惠、简峻庭…", "并邀请金门县教育处督学杨恭墉、观光处李梅凌…",
# "市长林政则偕副市长陈全桂以及市议员王明魁、林汉淇…".
_ZH_LIST_OPENS = re.compile(r"^.*(?:以及|[及和与由偕]|包括|邀请了?|有)")
# What closes the first part of an item that is no list item itself, after a name the list
# before it goes on to: "…、郑正钤与地方居民上百人等共同欢喜庆祝", "…、常董余小春等热情接待".
_ZH_LIST_CLOSES = re.compile(r"(?:以及|[及和与]).*$")  # (and the list's 等: `_etc`)


def _carried(
    simple: str, found: list[tuple[Role, list[str], str]], roster: Roster
) -> list[tuple[Role, list[str], str]]:
    """A list given one role carries it to every item of its enumeration the reading of its
    cue stopped before or began after: "…由分局长李益杰主持，并邀请金门县教育处督学杨恭墉、观光处
    李梅凌、金门县学生校外生活辅导会教官宋洋孝、少年队队长李鑫锴及…代表出席" (zh_hant-v1303: 出席
    reads two of the four). The enumeration is a run of items between 、，；, each a name with
    its titles or a group ("县府局处首长"), with at most the last name of the item before the run
    ("由陈淑惠") and the first name of the item after it ("郑正钤与地方居民…庆祝"); it ends at an
    item with words of its own (a clause, a cue). Its names the cues gave roles in this sentence
    must agree on one role; the names they gave none take it."""
    enumerations = _enumerations(simple, roster)
    if not enumerations:
        return []  # (most sentences with 、 hold none: the roles are not gathered then)
    roles: dict[str, set[Role]] = {}
    for role, names, _ in found:
        for name in names:
            roles.setdefault(name, set()).add(role)
    carried: list[tuple[Role, list[str], str]] = []
    for seeds, strong in enumerations:
        new = [n for n in strong if n not in roles]
        if not new:
            continue
        given = {r for n in seeds if n in roles for r in roles[n]}
        if len(given) == 1:
            carried.append((next(iter(given)), new, simple))
    return carried


# An enumeration of a sentence: the names that may lend it their role (each written once in
# the sentence: one written elsewhere too may have its role from there), and those strong
# enough to take it.
_Enumeration = tuple[tuple[str, ...], tuple[str, ...]]
_ENUMERATIONS: dict[tuple[str, frozenset[str]], tuple[_Enumeration, ...]] = {}


def _enumerations(simple: str, roster: Roster) -> tuple[_Enumeration, ...]:
    """The enumerations of a sentence (`_carried`), kept per sentence and roster name set
    (bounded: versions of a report repeat their sentences, and the reading is pure)."""
    key = (simple, roster.chinese_names)
    found = _ENUMERATIONS.get(key)
    if found is None:
        if len(_ENUMERATIONS) >= 8192:
            _ENUMERATIONS.clear()
        found = _ENUMERATIONS[key] = tuple(_read_enumerations(simple, roster))
    return found


def _read_enumerations(simple: str, roster: Roster) -> Iterator[_Enumeration]:
    text = _ZH_BRACKETED.sub("", _unbracketed_lists(simple))
    items = [i.strip() for i in _ZH_ITEM_SEP.split(text.rstrip("。！？；!? "))]
    if len(items) < 3:
        return
    known = roster.chinese_names
    kinds: list[list[str] | None] = []  # per item: its names, [] a group, None a clause
    for item in items:
        names = [] if not item or _verb_cue(item) else _carried_names(item, roster)
        kinds.append(names if names or (item and _group_item(item)) else None)
    i = 0
    while i < len(items):
        if kinds[i] is None:
            i += 1
            continue
        j = i
        while j < len(items) and kinds[j] is not None:
            j += 1
        run = [n for k in range(i, j) for n in kinds[k] or ()]
        # (an edge goes on the list only next to a name: "…塔吉克斯坦、蒙古国等国政要" no)
        before = _edge_names(items[i - 1], roster, last=True) if i and kinds[i] else []
        after = _edge_names(items[j], roster, last=False) if j < len(items) and kinds[j - 1] else []
        seeds = tuple(n for n in (*before, *run, *after) if text.count(n) == 1)
        strong = [
            n
            for k in range(i, j)
            for n in kinds[k] or ()
            if n in known or (_strong_item(n, items[k]) and not _cut_run(kinds[k], items[k]))
        ]
        # the edges' names: after 由, 及, 邀请… ("五日由陈淑惠") and before 等, 及, 与…
        strong += [n for n in (*before, *after) if _strong_edge(n, known)]
        yield seeds, tuple(dict.fromkeys(strong))
        i = j


def _carried_names(item: str, roster: Roster) -> list[str]:
    """The names of an enumeration's item: the list reading's, or a full name of three
    characters after titles no table lists ("金门县学生校外生活辅导会教官宋洋孝")."""
    if "的" in item:
        return []  # "表扬获奖的当代剧场教育家吴静吉": a clause
    names = zh_name_items(item, roster, last=False)
    if names:
        # the item ends at its last name, a title or a group: no words of a clause after it
        # ("秘书长陈斌山及各局处长分别到玉清宫" is a clause)
        rest = item[item.rfind(names[-1]) + len(names[-1]) :] if names[-1] in item else ""
        if rest and not _group_item(rest) and not _ZH_FAMILY_WORD.match(rest):
            return []
        # nor a clause before it: "钟东锦上午与副县长邱俐俐" (the edge after 与 is read apart)
        head = item[: item.find(names[0])] if names[0] in item else ""
        return [] if _ZH_JOINED_HEAD.search(head) else names
    if (
        len(item) < 5
        or item[-3] not in _SURNAMES
        or item[-4] not in _CARRIED_TITLE_LAST
        or _ZH_TITLE_AT_END.search(item[:-2])  # "副主任严肃": a name of two characters
        or _COUNTED_HEAD.search(item[:-3])  # "幼儿园19位毕业生": a group
    ):
        return names
    name = _unlisted(item[-3:], item[:-3], roster)
    return [name] if name and _zh_plausible(name) else []


_ZH_JOINED_HEAD = re.compile("[与和及同偕跟]")
_ZH_FAMILY_WORD = re.compile("(?:伉俪|夫妇|及夫人|和夫人|夫人)$")
_COUNTED_HEAD = re.compile(r"[\d一二三四五六七八九十两][位名个]")
# The last character of a title before a name in an enumeration: those of `_TITLE_LAST`, and
# "督学", "教官", "国手", "常董", "港督", "首富", "明星", "负责人", "代表", "教授".
_CARRIED_TITLE_LAST = frozenset("长员官士司师察监理事任席委记学手董督富星人表授")


def _cut_run(names: list[str] | None, item: str) -> bool:
    """Whether `item` gave several names without a separator between them: a run cut by the
    tables ("司徒平易近义", a machine's garbled 司徒民义), whose names only the roster vouches for."""
    return names is not None and len(names) > 1 and _ZH_JOINED_HEAD.search(item) is None


def _strong_edge(name: str, known: frozenset[str]) -> bool:
    """Whether `name`, read at an enumeration's edge, is a name on its own evidence: the
    roster's, or a plausible full name of three characters."""
    return name in known or (
        len(name) == 3 and _zh_plausible(name) and _ZH_NOT_BARE.search(name) is None
    )


def _strong_item(name: str, item: str) -> bool:
    """Whether `name`, read in `item` of an enumeration, is a name on its own evidence: a
    plausible name with a title before or after it (not a bare item, "蒙古国", nor a run cut
    into names, "司徒平易近义", nor a word before a title, "毕业同学")."""
    at = item.find(name)
    return (
        at >= 0
        and len(item) > len(name)
        and _zh_plausible(name)
        and _ZH_NOT_BARE.search(name) is None
        and (at + len(name) == len(item) or len(name) == 3)
        and (at == 0 or item[at - 1] not in _JOINTS)
        and not (at > 0 and _zh_plausible(item[max(0, at - 3) : at]))
    )


def _group_item(item: str) -> bool:
    """An item of an enumeration naming a group or a title alone, no one: "县府局处首长"."""
    return _group_last(item) or _title_only(item)


def _edge_names(item: str, roster: Roster, *, last: bool) -> list[str]:
    """The names at the edge of an item next to an enumeration: the last part of the item
    before it (`last`: after 由, 及, 邀请…), the first part of the item after it (before 等, 及,
    与…)."""
    if last:
        part = _ZH_LIST_OPENS.sub("", item)
    else:  # (the list's 等, not a word's: "韩国高等教育财团…")
        end = _etc(item) if "等" in item else None
        part = _ZH_LIST_CLOSES.sub("", item[:end] if end is not None else item)
    if not part or part == item or _verb_cue(part) is not None:
        return []
    return zh_name_items(part, roster, last=False)


def _kept_yu(sentence: str, simple: str) -> str:
    """Simplified text keeps 於 only in names ("王兴於"; its preposition is 于): in a sentence
    written in simplified characters, 於 stays 於. In traditional text 於 is the preposition."""
    if to_simplified(sentence.replace("於", "")) != sentence.replace("於", ""):
        return simple  # other traditional characters: the text is traditional
    return "".join("於" if c == "於" else s for c, s in zip(sentence, simple, strict=True))


# Minutes mark who was absent or sent someone in a list: "彭振声(公假)", "王志庆(请假)",
# "张泽雄(余念梓代)" (余念梓 came in 张泽雄's place). The absent leave the list, a stand-in
# takes the place of the one it stands for.
_STAND_IN = re.compile(r"[\u4e00-\u9fff.·．]{2,8}[（(]([\u4e00-\u9fff.·．]{2,8})代[)）]")
_ABSENT = re.compile(
    r"[\u4e00-\u9fff.·．]{2,8}[（(](?:公假|请假|請假|病假|事假|產假|产假|缺席|出差|公出)[)）][、，,]?"
)


def _unannotated(sentence: str) -> str:
    """The sentence with the absent left out of its lists and stand-ins in their places."""
    return _ABSENT.sub("", _STAND_IN.sub(r"\1", sentence))


# A word every meeting cue holds (role_cues_zh.ZH_MEET_WITH, ZH_MEET_AFTER): one scan gates both.
# The press as the other side of a meeting: "同中外记者见面", "与媒体会面" (any other group is as
# often the hosts as the guests: "与…负责人和…代表会面" gives no chair).
_ZH_PRESS = re.compile(r"(?:记者|媒体|传媒)(?:朋友)?(?:们)?(?:亲切|热情|友好)?$")
_ZH_MEETING_WORD = re.compile(r"会谈|会晤|座谈|通了?电话|通话|会面|见面|会见|接见|看望|慰问")


def _zh_meetings(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], int]]:
    """Both sides of a meeting, talks or a call between named people (attended); one side
    receiving a group ("接见…得奖人") chairs."""
    if not _ZH_MEETING_WORD.search(simple):
        return
    yield from _zh_meetings_with(simple, roster, ctx)
    for m in _ZH_MEET_AFTER.finditer(simple):
        raw = simple[: m.start()]
        region, company = _with_company(_untimed(raw))
        if _unreal(raw, region):
            continue  # "李克强还将会见德国总统施泰因迈尔"
        host = _zh_before(region, roster, ctx)
        rest = _guest_clause(simple, m.end())
        if not host and rest and raw.endswith(("，", ",")):
            # the host's own chunk, with the time and place, before a comma: "国家主席习近平下午在
            # 中南海瀛台，会见赴京述职的行政长官林郑月娥" (zh_hant-t20z28)
            host = _meeting_lead(raw, roster, ctx)
        guest = _all_guests(simple, m.end(), rest, roster, ctx) if host and rest else []
        if host and guest and (_led_party(rest) or _led_party(_clause_from(simple, m.end()))):
            # "会见由…党主席米罗诺夫率领的…考察团" (zh_cn-r17v05, -r17v06), "会见了饶颖奇率领的
            # …参访团" (zh_cn-r17v03): the host receives the party, its leader attends
            yield "presided", host, m.end()
            yield "attended", guest, m.end()
        elif host and guest:
            yield "attended", host + guest, m.end()
        elif host and rest.endswith("一行") and _ZH_TITLE_AT_END.search(rest[:-2]):
            # "会见匈牙利佩斯州州长一行": one official and his party, a talk (zh_cn-t804)
            yield "attended", host, m.end()
        elif host and m.group().startswith(("会见", "接见")) and rest:
            if _one_official(rest) or _met_named_elsewhere(host, rest, ctx):
                yield "attended", host, m.end()  # "王毅会见法国欧洲和外交部长": a talk
                continue
            # one host receiving; several receiving a group together ("习近平、李克强…等在人民
            # 大会堂会见…航天员及参研参试人员代表"), not a guest whose name is not read
            if len(host) == 1 or _group_last(rest) or _ZH_PARTY_MET.search(rest):
                yield "presided", host, m.end()
                if company:  # "林郑月娥…联同A和B…会见传媒"
                    yield "attended", zh_name_items(company, roster, last=True, ctx=ctx), m.end()


def _met_named_elsewhere(host: list[str], rest: str, ctx: ZhContext | None) -> bool:
    """Whether one host meets an other side not read as names, in a headline or a caption ("周强
    会见来华访问的菲律宾客人", "张中伟会见泰国公主诗琳通"), whose report tells the meeting as one
    with a named person and party ("会见了…省长迪奥格拉西亚斯•萨维拉诺一行"; scraped-t854,
    zh_cn-t802): that meeting, attended, not a group received (LABELLING.md, "Wordings settled
    by count (round 23)": 会见X一行 attended in 28 blind reports to 1)."""
    return (
        len(host) == 1
        and ctx is not None
        and not _ZH_PARTY_MET.search(rest)
        and ctx.meets_named_party(host[0])
    )


# Where the other side of a meeting ends: a stop, a comma, 时 or 并, a line break (a headline's
# "会见香港大公报姜在忠" runs on into the next line, a date or the lead: zh_cn-t19z13) or a space
# before a word of two characters or more (a headline's "会见美新任驻华大使伯恩斯 照片曝光",
# zh_hant-t19z10; a space between single characters is letter-spacing: "会见 王 毅").
_ZH_GUEST_END = re.compile(r"[，。；：:,\n]|时|并|\s(?=\S\S)")


def _guest_clause(simple: str, start: int) -> str:
    """The other side of a meeting, from `start` (just after its verb) to `_ZH_GUEST_END`."""
    while simple[start : start + 1] in (" ", "\u3000"):
        start += 1
    end = _ZH_GUEST_END.search(simple, start)
    rest = simple[start : end.start() if end else len(simple)]
    if ")" in rest or "）" in rest:
        return _ZH_ASIDE.sub("", rest)  # "会见黄英贤（左）": a caption's position marker
    if "(" in rest or "（" in rest:
        # a bracketed aside holding a comma: "会见英国外相祁湛明(James Cleverly,又译克萊弗利)"
        # (zh_hant-t19z12): the clause goes on after it
        tail = simple[start : start + len(rest) + 40]
        return _ZH_GUEST_END.split(_ZH_BRACKETED.sub("", tail, count=1), maxsplit=1)[0]
    return rest


# The chunks after the first guest of a meeting, each a title and a name: "会见丹麦外交大臣耶珀·
# 科弗德，气候、能源与能效大臣达恩·约根森，环境大臣莱娅·韦尔梅林" (zh_cn-t21z07). A chunk of a
# clause ("双方就…交换了意见") ends them.
_ZH_GUEST_CHUNKS = re.compile(r"(?:以及|及|和)?([^，,。；;：:\n]*)([，,]?)")


def _all_guests(
    simple: str, start: int, rest: str, roster: Roster, ctx: ZhContext | None
) -> list[str]:
    """The other side of a meeting (`rest`, its first clause from `start`) and its further
    titled guests after a comma."""
    guest = _meeting_guest(rest, roster, ctx)
    return guest + _more_guests(simple, start, roster, ctx) if guest else guest


def _more_guests(simple: str, start: int, roster: Roster, ctx: ZhContext | None) -> list[str]:
    """The titled names in the comma chunks after the first guest of a meeting (whose clause,
    from `start`, ends at a comma), up to the first chunk that is no title and name."""
    end = _ZH_GUEST_END.search(simple, start)
    if end is None or end.group() not in "，,":
        return []
    names: list[str] = []
    for m in _ZH_GUEST_CHUNKS.finditer(simple, end.end()):
        chunk = m.group(1)
        if (
            not chunk
            or len(chunk) > 30
            or _CLAUSE_WORDS.search(chunk)
            or _ANY_CUE.search(chunk)  # "…主任X陪同会见": a role of its own
            or _ZH_TITLED_GUEST.search(chunk) is None
            or _group_last(chunk)
        ):
            break
        found = zh_name_items(chunk, roster, last=False, ctx=ctx)
        if not found:
            run = _ZH_TITLE_END.split(chunk)[-1]
            if not _ZH_HAN_RUN.fullmatch(run) or run[-1] in _ZH_BODY_CHAR:
                break
            found = [run]
        names += found
        if not m.group(2):
            break
    return names


# A delegation or party met, whose head is not named (round 16, zh16): several hosts receiving
# it chair together as one host does ("俞正声、罗清泉分别会见代表团一行", zh_cn-r15v09).
_ZH_PARTY_MET = re.compile(
    r"(?:代表团|考察团|访问团|参访团|访华团|观光团|交流团)(?:一行)?(?:[\d一二三四五六七八九十百]+人)?$"
)
_ZH_LED_BY = re.compile(r"(?:带领|率领|率)的")
# The head of a delegation met: "会见了以日本新澙县议会议长早川吉秀为团长的…代表团一行".
_ZH_HEADED_BY = re.compile(r"以([^，。；]{2,30}?)为(?:团长|组长|领队|首)的")
_ZH_HAN_RUN = re.compile(r"[\u4e00-\u9fff·•‧]{2,8}")


_ZH_CLAUSE_END = re.compile(r"[，。；,;\n]")


def _clause_from(simple: str, start: int) -> str:
    """The clause from `start` to its comma or stop: the other side of a meeting whose name holds
    a 时 (`_ZH_GUEST_END`), "会见了…旺旺中时媒体集团总裁蔡绍中率领的台湾媒体参访团一行"."""
    end = _ZH_CLAUSE_END.search(simple, start)
    return simple[start : end.start() if end else len(simple)]


def _led_party(rest: str) -> bool:
    """Whether `rest`, the other side of a meeting, is a party led by one named: "…率领的…团",
    "以X为团长的…代表团一行" (zh_cn-t10z11), "…代表团X一行" (zh_hant-t19z34); its host presides
    (LABELLING.md, "Wordings settled by count (round 23)": 22 blind reports to 7)."""
    led = _ZH_LED_BY.search(rest) or _ZH_HEADED_BY.search(rest)
    if led is not None:
        return _ZH_PARTY_MET.search(rest, led.end()) is not None
    return _ZH_PARTY_THEN_HEAD.search(rest) is not None


# The party met, then its head and 一行: "会见美国国会众议员代表团史密斯一行" (zh_hant-t19z34).
_ZH_PARTY_THEN_HEAD = re.compile(
    r"(?:代表团|考察团|访问团|参访团|访华团|观光团|交流团)[^，。；、和及]{2,20}一行$"
)


def _meeting_guest(rest: str, roster: Roster, ctx: ZhContext | None) -> list[str]:
    """The names of the other side of a meeting, after its verb."""
    guest = zh_name_items(rest, roster, last=True, ctx=ctx) or _party_head(rest, roster, ctx)
    if not guest and ctx is not None:
        guest = ctx.titled_elsewhere(rest)
    if not guest:
        guest = _titled_runs(rest)
    return guest


_ZH_GUEST_ITEMS = re.compile("、|和|及|以及")


def _titled_runs(rest: str) -> list[str]:
    """The other side of a meeting as titled names no table reads, each item a title and a run
    of two to twelve characters: "会见了议联主席阿克松和秘书长纯贡" (zh_cn-t21z13)."""
    if len(rest) > 40 or _CLAUSE_WORDS.search(rest) or _group_last(rest):
        return []
    names = []
    for item in _ZH_GUEST_ITEMS.split(rest):
        if _ZH_TITLED_GUEST.search(item) is None:
            return []
        run = _ZH_TITLE_END.split(item)[-1]
        if (
            not _ZH_HAN_RUN.fullmatch(run)
            or run[-1] in _ZH_BODY_CHAR
            or _ANY_CUE.search(run)
            or run in _ZH_NOT_NAMES
        ):
            return []
        names.append(run)
    return names


def _party_head(rest: str, roster: Roster, ctx: ZhContext | None) -> list[str]:
    """The named head of the party met, whose name the item reader did not find: the head of
    "以X为团长的代表团" (zh_cn-t10z11), or a transliterated name between its title and 一行
    ("蒙古国科布多省省长嘎拉森多恩杜格一行", zh_cn-t10z12; "知事石井隆一一行", scraped-t10z04),
    which no surname table covers: the title vouches for it, 一行 closes it."""
    headed = _ZH_HEADED_BY.search(rest)
    led = _ZH_LED_BY.search(rest) if headed is None else None
    if headed:
        core = headed.group(1)
        named = zh_name_items(core, roster, last=True, ctx=ctx)
        if named:
            return named
    elif led is not None and _ZH_PARTY_MET.search(rest, led.end()):
        # the leader of the party met, a transliterated name after his title: "会见由俄罗斯“公正
        # 俄罗斯-爱国者-为了真理”党主席米罗诺夫率领的公俄党干部考察团" (zh_cn-r17v05)
        core = rest[: led.start()]
    elif rest.endswith("一行"):
        core = rest[:-2]
    else:
        return []
    run = _ZH_TITLE_END.split(core)[-1]
    if (
        run != core
        and _ZH_HAN_RUN.fullmatch(run)
        and run[-1] not in _ZH_BODY_CHAR  # "…人大代表视察团一行": a body's party, not a name
        and not _group_last(core)
    ):
        return [run]
    return []


# A visit said of the other side of a meeting: "来访的", "正在我国访问的", "应邀访华的".
_ZH_VISITING = re.compile(r"^[^，。；、]{0,12}?访[^，。；、的]{0,4}的")
# An aside in brackets, quotes inside it too: "梅尔茨（又译“默茨”）".
_ZH_BRACKETED = re.compile(r"[（(][^（()）]{0,30}[)）]")


def _one_official(rest: str) -> bool:
    """Whether the other side is one official named by title alone (a headline's "会见法国外交
    部长"), not a group ("会见…代表", "会见各国驻华使节")."""
    return (
        len(rest) <= 16
        and (_ZH_OFFICIAL_END.search(rest) is not None or _ZH_TITLE_AT_END.search(rest) is not None)
        and not _group_last(rest)
        and not any(c in rest for c in "们各等及")
    )


_ZH_OFFICIAL_END = re.compile(
    r"(?:总统|总理|首相|部长|外长|国务卿|大使|议长|秘书长|主席|国王|女王)$"
)


def _zh_meetings_with(
    simple: str, roster: Roster, ctx: ZhContext | None
) -> Iterator[tuple[Role, list[str], int]]:
    """Talks, a call or a meeting "with" the other side: "A同B举行会谈" (both attend)."""
    for m in _ZH_MEET_WITH.finditer(simple):
        if simple[m.start()] == "和" and ("同" in m.group(1) or "与" in m.group(1)):
            # a 和 before the connective of the same meeting ends a name or joins the hosts:
            # "魏凤和27日应约同日本防卫大臣岸信夫视频通话" (zh_cn-t16e02), "A和B同C会谈"
            later = _ZH_MEET_WITH.search(simple, m.start() + 1, m.end())
            if later is not None and later.end() == m.end():
                m = later
        raw = simple[: m.start()]
        region = _untimed(raw)
        if _unreal(raw, region):
            continue  # "陈德铭还将在25日和…柯克举行会谈"
        host = _zh_before(region, roster, ctx)
        side = _ZH_CHUNK.split(m.group(1))[-1]
        if "领的" in side:  # "与由美国国务卿布林肯、…沙利文带领的美方代表团进行了会谈": the leaders
            side = _ZH_LED_BY.split(side, 1)[0].removeprefix("由")
        guest = zh_name_items(side, roster, last=True, ctx=ctx)
        if not guest:
            # the other side with the place after it and a visit before it: "与来访的德国总理梅
            # 尔茨在北京钓鱼台国宾馆举行会晤" (zh_hant-t10z09)
            side = _ZH_CHUNK.split(_ZH_BRACKETED.sub("", m.group(1)))[-1]
            side = _ZH_VISITING.sub("", _untimed(side))
            guest = zh_name_items(side, roster, last=True, ctx=ctx) if side else []
        if not host and guest:
            host = _meeting_lead(raw, roster, ctx)
        if host and not guest and ctx is not None:
            guest = ctx.titled_elsewhere(side)
        if host and guest:
            yield "attended", host + guest, m.end()
        elif host and _ZH_PRESS.search(side):
            # "习近平和…李强、…李希在…同中外记者亲切见面": meeting the press, the one named first
            # holds it and the others named with him attend (LABELLING.md, "Wordings settled by
            # count (round 19)": the others attended in 7 blind reports of 8, in both languages,
            # as the English "Xi Jinping and the other members ... met the press" reads)
            yield "presided", host[:1], m.end()
            if len(host) > 1:
                yield "attended", host[1:], m.end()


# The visit or stay the sentence's subject is on, told before the meeting in a clause of its
# own: "佩洛西周三訪問台灣，與…蔡英文會面" (zh_hant-t17z23), "夏文達結束在北京的兩日行程，今日
# 先後與…會面" (zh_hant-t17z12), "李強繼續訪問俄羅斯日程，…期間，他與…會面" (zh_hant-t17z11).
_ZH_LEAD_VERB = re.compile(
    r"(?:继续|正式|首次|再次|专程)?(?:访问|到访|出访|抵达|结束|来到|前往|率团|在|于)"
)
# what makes a chunk between the subject and the meeting more than the time, place or visit
# (or a meeting not held: still to come, wished, set aside: "除與上海市長龔正會晤外", none-t17z07)
_ZH_LEAD_BREAK = re.compile(
    r"[、和及将拟曾未若除]|表示|说|指出|称|报道|据|邀请|会见|会晤|会谈|预计|计划|准备|希望|可能|有望|如果"
)
_ZH_PRONOUN_LEAD = re.compile(r"^[他她](?:们)?")


def _meeting_lead(raw: str, roster: Roster, ctx: ZhContext | None) -> list[str]:
    """The subject of a meeting "with" someone that the walk back from the connective did not
    find: the name opening the sentence when the chunks after it tell only its visit, the time
    and the place, or a pronoun standing for it ("美國國務卿克里，早上在北京，到訪外交部同外長
    王毅會面", zh_hant-t17z13)."""
    start = max(map(raw.rfind, "。！？；\n")) + 1
    clause = _ZH_BRACKETED.sub("", raw[start:])
    chunks = _ZH_CHUNK.split(clause)
    if not 2 <= len(chunks) <= 5 or not chunks[0] or chunks[0][0] in "应据受在于由":
        return []
    for chunk in chunks:
        if len(chunk) > 30 or _ZH_LEAD_BREAK.search(chunk):
            return []
    pronoun = False
    for chunk in chunks[1:]:
        rest = _ZH_PRONOUN_LEAD.sub("", chunk)
        pronoun = pronoun or rest != chunk
        if rest and zh_name_items(rest, roster, last=False, ctx=ctx):
            return []
    lead = chunks[0]
    verb = _ZH_LEAD_VERB.search(lead, 2)
    if pronoun and (verb is None or verb.group()[-1] in "在于"):
        return []  # a pronoun stands for the one on the visit, not for one merely somewhere
    if verb is not None:
        lead = lead[: verb.start()]
    elif len(lead) > 16:
        return []  # (a chunk of its own holds the subject alone: "美國國務卿克里，早上…")
    return zh_name_items(_untimed(lead), roster, last=True, ctx=ctx) if lead else []


# Noise of scraped copies: pinyin inserted after characters ("王(wang)毅(yi)"), characters
# spaced out ("习 近 平"), emoji.
# (the Han character before the bracket taken and put back, not asked behind: a pattern opening
# with a lookbehind is tried in full at every position)
_INSERTED_PINYIN = re.compile(
    r"([\u4e00-\u9fff])\s*[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?\s*[)）][ \u3000]?"
)
_LATIN_ASIDE = re.compile(r"([\u4e00-\u9fff])\s*[(（]\s*[A-Z][A-Za-z.,'’\- ]{1,48}[)）]")
# The same two from their opening bracket, a Han character and any blanks before it asked by
# `_dropped_after_han`: re scans for the bracket (a class of two characters) where the
# patterns above, opening on a Han character, are tried at each of a Chinese text's characters
# (`ZhContext` cleans whole texts: 3% of the reading of meetings-zh, round 17).
_PINYIN_BRACKET = re.compile(
    r"[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?\s*[)）][ \u3000]?"
)
_ASIDE_BRACKET = re.compile(r"[(（]\s*[A-Z][A-Za-z.,'’\- ]{1,48}[)）]")
_SPACED = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){2,}")
# the mark first (re then skips to the marks), the Chinese character before or after it
_LATIN_THEN_HAN = re.compile(
    r"[A-Z](?<![A-Za-z][A-Z])[A-Za-z'’\-]*(?: [A-Z][A-Za-z'’\-]*){0,3}\s*[(（]([\u4e00-\u9fff]{2,4})[)）]"
)
_SEPARATOR_RUN = re.compile(r"[，,、](?:\s*[，,、])+")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")  # (opens with its literal: scanned in C)
# (opens with its words, so that re scans for them in C; _after_han asks for the title)
_LATIN_HONORIFIC = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms)\.\s*(?=[A-Z][A-Za-z])")
_ASCII_PUNCT = re.compile(r"[,;:!](?:(?<=[\u4e00-\u9fff」”）)][,;:!])|(?=[\u4e00-\u9fff「“（(]))")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！"}
_MALAY_HONORIFIC = re.compile(
    r"(?:丹斯[里裡裏]|准?拿督(?:斯[里裡裏])?|拿汀(?:斯[里裡裏])?)+(?=[\u4e00-\u9fff])"
)
_LOOKALIKE_COMMA = re.compile("(?<=[\u4e00-\u9fff])丶(?=[\u4e00-\u9fff])")
_NOISE = re.compile("[(（ \u3000,;:!\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def _dropped_after_han(bracket: re.Pattern[str], text: str) -> str:
    """`text` without the matches of `bracket` that a Han character and blanks only stand
    before: what `_INSERTED_PINYIN.sub(r"\\1", text)` (`_LATIN_ASIDE`'s) gives, as neither's
    match holds a Han character or an opening bracket after its first character.

    >>> _dropped_after_han(_PINYIN_BRACKET, "王(wang)毅 (yi) 出席(Xinhua)。(li)")
    '王毅出席。(li)'
    """
    parts: list[str] = []
    kept = 0  # the end of the last match dropped: the next one's Han character is past it
    for m in bracket.finditer(text):
        k = m.start()
        while k > kept and text[k - 1].isspace():
            k -= 1
        if k > kept and "\u4e00" <= text[k - 1] <= "\u9fff":
            parts.append(text[kept:k])
            kept = m.end()
    if not parts:
        return text
    parts.append(text[kept:])
    return "".join(parts)


def _after_han(m: re.Match[str]) -> str:
    """The honorific dropped when a Han character stands right before it (the title)."""
    at = m.start()
    return "" if at and "\u4e00" <= m.string[at - 1] <= "\u9fff" else m.group()


def clean_zh(sentence: str) -> str:
    """The sentence without the noise scraped copies add around names.

    >>> clean_zh("王(wang)毅(yi)出席。习 近 平讲话🔥")
    '王毅出席。习近平讲话'
    """
    if "拿" in sentence or "丹斯" in sentence:
        # Malaysian honorifics between a title and a name ("总会长拿督吴逸平", "永久名誉会长丹斯
        # 里戴良业及丹斯里卢成全", "大臣拿督斯裡贊比里"): no part of the name, and the list a
        # walk reads stops at them (round 34: zh_cn-t18z09, t18z19, zh_hant-t18z24; round 23)
        sentence = _MALAY_HONORIFIC.sub("", sentence)
    if "丶" in sentence:
        # the radical 丶 typed for the enumeration comma 、 between names ("韦尚德副秘书长丶
        # 行政办公室张杰主任丶…", zh_cn-t22y09): a look-alike, read as the mark
        sentence = _LOOKALIKE_COMMA.sub("、", sentence)
    if not _NOISE.search(sentence):
        return sentence  # one scan for the common case: nothing to clean
    # each step only when a cheap test finds what it removes
    if ("(" in sentence or "（" in sentence) and _PINYIN_OPEN.search(sentence):
        sentence = _dropped_after_han(_PINYIN_BRACKET, sentence)  # _INSERTED_PINYIN's
        # a name's own spelling after it ("国务卿布林肯(Antony Blinken)、财政部长耶伦(Janet
        # Yellen)"): an aside that would end the list at its bracket (_LATIN_ASIDE's)
        sentence = _dropped_after_han(_ASIDE_BRACKET, sentence)
    if (" " in sentence or "\u3000" in sentence) and _SPACED_GATE.search(sentence):
        sentence = _SPACED.sub(lambda m: re.sub(r"[ \u3000]", "", m.group()), sentence)
    if " " in sentence and _wrapped_prose(sentence):
        sentence = _WRAP_SPACE.sub("", sentence)
    if ("(" in sentence or "（" in sentence) and _LATIN_THEN_HAN.search(sentence):
        # "台湾清华大学Hsueh-Shih Chen(陈学仕)教授": a Latin name with the Chinese one in
        # brackets after it, which the lists read (zh_cn-t904); the bracket is no aside here
        sentence = _LATIN_THEN_HAN.sub(r"\1", sentence)
    if "." in sentence and _LATIN_HONORIFIC.search(sentence):
        # "大学校长Dr. Guy Langvardt": the honorific is no part of the name, and the space
        # after its period would part the title from the name (zh_hant-t908)
        sentence = _LATIN_HONORIFIC.sub(_after_han, sentence)
    if "," in sentence and _SEPARATOR_RUN.search(sentence):
        # a scraper's doubled separators ("副市长钱先斌,,市委常委,、统战部部长易红梅",
        # scraped-t504): the last one stands
        sentence = _SEPARATOR_RUN.sub(lambda m: m.group()[-1], sentence)
    if "," in sentence and _THOUSANDS.search(sentence):
        sentence = _THOUSANDS.sub("", sentence)  # "超过2,000位扶轮社友": one number, no clause
    if "," in sentence or ";" in sentence or ":" in sentence or "!" in sentence:
        # ASCII punctuation in Chinese text (copies typed on Western keyboards) read as the
        # full-width forms the cues and lists are written with; one character for one
        sentence = _ASCII_PUNCT.sub(lambda m: _FULL_WIDTH[m.group()], sentence)
    return _EMOJI.sub("", sentence) if _EMOJI.search(sentence) else sentence


# Sentences recur across versions of a report: their cleaning is kept (bounded; whole texts,
# which ZhContext cleans once per report, are not).
_clean_sentence = lru_cache(maxsize=16384)(clean_zh)


_SPACED_GATE = re.compile("[ \u3000][\u4e00-\u9fff][ \u3000]")  # a character spaced out
# A space inside a word where a page's line ended (text copied from a PDF's columns: "主席何立仁教
# 授、…院长李经文教授及学 院署理校长"): one space between two Chinese characters.
# (the literal space first: re scans for it instead of trying the lookbehind everywhere)
_WRAP_SPACE = re.compile(" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")
_PROSE_MARKS = re.compile("[，、,]")


def _wrapped_prose(sentence: str) -> bool:
    """Whether `sentence` is prose broken by line ends: two or more single spaces between
    Chinese characters in a sentence whose clauses commas part (a headline's spaces part its
    clauses, and minutes' spaces part names, without commas)."""
    first = _WRAP_SPACE.search(sentence)
    return (
        first is not None
        and _WRAP_SPACE.search(sentence, first.end()) is not None
        and _PROSE_MARKS.search(sentence) is not None
    )


_PINYIN_OPEN = re.compile("[(（]\\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")


_TRIGGER_CHARS = re.compile(
    r"[出參参列主致講讲發发就會会見见晤同與与通演報报到莅蒞現现陪場场匯汇做說说召介]"
)
# Cues whose characters are common elsewhere (礼, 聚, 送): gated by the word, not the character.
_TRIGGER_WORDS = re.compile(
    r"齐聚|齊聚|共襄|剪彩|剪綵|观礼|觀禮|默哀|送别|送別|吊唁|弔唁|宴请|宴請|邀请|邀請|同桌|在座|入座|就座|就坐"
    r"|签署|簽署|签约|簽約|签字|簽字|宣誓|人員包括|人员包括|宾包|賓包|接待|参访|參訪|祝酒|上台|上臺|监誓|監誓|迎接|送行|领下|領下|宣读|宣讀|国书|國書|随行|隨行|随同|隨同|迎上前|亲临|親臨|光临|光臨|司仪|司儀"
    r"|是:|是：|为:|为：|為:|為：|聚首一堂"  # (a copula before a colon: ZH_COPULA_LIST)
    r"|抵达|抵達|飞抵|飛抵"
)


# The rites of the occasion (role_cues_zh.RITE_WORDS) in either script.
_TRIGGER_RITES = re.compile(
    "|".join((*cues.RITE_WORDS, *cues.RITE_WORDS_TRADITIONAL, cues.RITE_ACCEPTING))
)


def has_trigger_chars(sentence: str) -> bool:
    return (
        _TRIGGER_CHARS.search(sentence) is not None
        or _TRIGGER_WORDS.search(sentence) is not None
        or _TRIGGER_RITES.search(sentence) is not None
        or _opens_named_group(sentence)  # "他们是：", "16名…为"
    )


# ---- Chinese names ------------------------------------------------------------------

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
    "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
    "卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕"
    "楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初"
    "云容敬扈晁芮都阙浦戈习伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危银亢嵇湛宾戎勾茅"
    "利於揭干但尉冶斯束檀衣展阴昝智幸奉衡富尧闭由努买热阿达赖洪萧阎咸占励怀"
    # round 22 (zh22): rarer surnames of the Hundred Family Surnames that open few words ("新闻发言
    # 人寿小丽", zh_cn-t21z02; "县领导翦鹰", zh_cn-t17z32; 矫, 巢, 濮 in dev rounds 7-38)
    "矫庹仉巢翦荀虢寿郦蒯訾逄郗璩隗宓糜邴钮贲酆鄂蓟郏莘濮厍夔殳乜竺钭笪"
    # round 23 (zh23): 锺, the form Malaysian and Hong Kong papers print for 鍾 in simplified
    # script (to_simplified keeps it: "永久名誉会长锺廷森", zh_cn-t22y16); 么 (Yao, "么永波",
    # zh_cn-t22z05), a surname that opens no word (什么, 怎么 end on it)
    "锺么"
)
_COMPOUND = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 夏侯 长孙 宇文 令狐 司徒 端木".split()
)
_ZH_NOT_NAMES = frozenset(
    "全会 会议 大会 同志 代表 国家 中央 和平 时代 海外 南方 习惯 任务 任何 高度 高层 程序 方面 方式 "
    "方向 万人 王国 金融 石油 黄金 武装 安全 齐心 文化 文明 江河 林业 宁夏 常委 常务 成员 成果 吉林 "
    "明确 明天 严格 严肃 党员 党和 党中 党组 党委 党外 党政 党支 孙中山 毛泽东 邓小平 应邀 向全国 全国 "
    "各界 各方 有关 相关 其他 以及 还有 分别 先后 共同 一起 一同 区委 市委 省委 县委 州委 党委 "
    "韩国 印度 印尼 巴西 古巴 沙特 蒙古 秘鲁 智利 希腊 伊朗 叙利亚 以色列 葡萄牙 "
    "区长 区政府 市政府 班子 干部 包括 周一 周二 周三 周四 周五 周六 周日 周末 周天 周年 周岁 "
    "师长 "
    # provinces and cities whose first character is a surname ("山东、内蒙古、江苏、江西…等省份
    # 已经召开了会议", scraped-r10v01; "来江苏考察访问", scraped-t907; round 14)
    "江苏 江西 云南 海南 安徽 甘肃 广东 广西 山东 山西 湖北 湖南 河北 河南 福建 贵州 青海 "
    "新疆 西藏 台湾 香港 上海 北京 天津 重庆 四川 浙江 辽宁 陕西".split()
)
_ZH_TITLE_END = re.compile(
    r"(?:书记长|干事长|副总召|总召|关长|审计长|绿委|蓝委|民建联|经民联|工联会|新民党|自由党|公民党|委员长|常委|委员|主任|总理|主席|书记|部长|秘书长|院长|检察长|组长|领导人|成员|会长|大使|总统|首相"
    r"|外长|省长|市长|司令员|政委|厅长|局长|总干事|议长|理事长|董事长|行长|署长|负责人|发言人|特使|顾问"
    r"|参谋长|国务委员|领导|常委会|人士|代表|同志|总书记|先生|女士|长官|特首|司长|主委|议员|校长"
    r"|县长|州长|区长|处长|总监|总裁|总长|国王|女王|王储|法官|总统府秘书长|召集人|党主席|特派员"
    r"|专员|公使|参赞|领事|阁揆|主任委员|立委|国务卿|助卿|夫人|太太|妻子|丈夫|次长|助理|大臣"
    r"|国民党|民进党|亲民党|民众党|无党联盟|时代力量|干部|教授|院士|专家|学者"
    r"|总经理|经理|董事|秘书|工程师|会计师|厂长|主管|指挥官|司令|团长|队长|馆长|社长|站长|所长|科长|镇长"
    r"|乡长|村长|里长|庭长|检察官|大法官|研究员|参事|巡视员|调研员|馆员|理事|监事长|监事|总编辑|主编"
    r"|学生|同学|教师|老师|资深大律师|大律师|律师|太平绅士|主礼嘉宾|嘉宾|贵宾"
    # occupations before a name in round 9's unseen reports ("服务站干事林文福", "印太协调员坎贝尔",
    # "中华队球员潘杰楷", "进驻艺术家何仲昌", "计画主持人吴玛悧", "浙籍乡贤许荣茂") and round 10's
    # ("知名艺人叶宪修", "剧作家纪蔚然")
    r"|干事|知事|公主|王子|亲王|协调员|球员|运动员|艺术家|主持人|乡贤"
    r"|得主|园长|艺人|歌手|演员|导演|作家|作曲家|画家|诗人|音乐家|选手|教练|代言人"
    # round 11: performers and prize winners ("青年唢呐演奏家宋京", "金钟奖金奖获得者赵越",
    # zh_cn-t10z20)
    r"|演奏家|歌唱家|舞蹈家|钢琴家|书法家|获得者"
    # a monastery's offices ("焦山定慧寺监院慧忠法师", "扬州大明寺方丈能修法师"); round 10's
    # other titles: "国务资政吴作栋", "世新大学执行长文念萱", "博士生导师王锦堂"
    r"|方丈|监院|住持|资政|执行长|营运长|财务长|导师|牧师|神父|主教|教务长|校监|首长"
    # round 14: the chiefs and priests of Taiwan's indigenous communities ("光荣部落头目郑力元",
    # "祭司林正治"; rounds 20 and 22, four Hualien reports of three outlets)
    r"|头目|祭司)"
)
_ZH_TITLED = re.compile(_ZH_TITLE_END.pattern + r"([\u4e00-\u9fff]{2,3})$")
# a title and a name of two to six characters (no table need read it) ending an item
_ZH_TITLED_RUN = re.compile(_ZH_TITLE_END.pattern + r"[\u4e00-\u9fff·]{2,6}$")
# a title and a name of up to twelve characters with its middle dots (a meeting's guests after
# the first, `_more_guests`: "环境大臣莱娅·韦尔梅林")
_ZH_TITLED_GUEST = re.compile(_ZH_TITLE_END.pattern + r"[\u4e00-\u9fff·]{2,12}$")
_ZH_TITLE_AT_END = re.compile(_ZH_TITLE_END.pattern + "$")
# A foreign leader after a country and a title: "美国总统拜登", "德国总理朔尔茨", "俄罗斯总统
# 弗拉基米尔·普京": transliterated names follow no surname table, the title vouches for them.
_ZH_FOREIGN_TITLED = re.compile(
    # (not "两国元首" or "各国元首": both or every country's heads, scraped-t505)
    r"(?:(?<![两各双多诸])国|斯|亚|兰|尼|本|朝鲜|韩|联|盟|方|邦|府)(?:前|副|代)?(?:总统|总理|首相|外长|外交部长|国务卿|国王|女王|议长"
    r"|总理兼外长|主席|元首|防长|国防部长|大使|秘书长"
    # a minister of a crown or of Japan ("日本防卫大臣岸信夫", "英国外交大臣", zh_cn-t16e03)
    r"|(?:外交|外务|防卫|国防|财政|内务)?大臣|外相|防卫相)"
    # (not the embassy a name follows: "中国驻马来西亚大使馆欧阳玉靖", zh_cn-t22y17)
    r"(?!馆)([\u4e00-\u9fff]{2,5}(?:[·•‧][\u4e00-\u9fff]{1,6}){0,2})$"
)
# An envoy to China, whose name any transliteration may write at any length ("加纳驻华大使邦苏",
# "吉尔吉斯斯坦驻华大使巴克特古洛娃", "伊朗驻华大使克沙瓦尔兹扎德": round 24, credentials of two
# occasions in five outlets).
_ZH_ENVOY = re.compile(r"驻华(?:大使|公使|临时代办)([\u4e00-\u9fff]{2,7})$")
# Verbs whose first character can end a three-character name: "王宁会见" is 王宁 + 会见, not
# 王宁会 (zh_cn-v1301), "尤权关于…的说明" 尤权 + 关于 (scraped-t921).
_GLUED_VERBS = frozenset("会见 会晤 会谈 关于 抵达 抵京 抵港 致辞 致词 出席 主持 讲话 发言".split())
# Round 20 (ppl20): words that open on a character given names hold (举: 张举能, 周鹏举) or that
# a title-led name runs into: "市长龚正论坛前会见" (论坛, zh_cn-t19z15, zh_hant-t19z22), "商务部长
# 罗斯举行" (举行, zh_cn-t19z24), "会见上海市长龚正表示" (表示, zh_hant-t19z26): trimmed from a
# titled name of three characters only (read alone, "高峰举行" is a summit held, not 高峰 + 举行)
_GLUED_WORDS = _GLUED_VERBS | frozenset("举行 论坛 表示".split())


def _unglued(name: str, following: str) -> str:
    """`name` without the first character of a verb glued to it (see `_GLUED_WORDS`)."""
    return name[:2] if len(name) == 3 and name[2] + following[:1] in _GLUED_WORDS else name


_ZH_LEADING = re.compile(
    r"^([\u4e00-\u9fff]{2,3}?)(?=等|分别|\d|在|同|和|也|一起|来到|今天|日|前往|先后|共同|还|应邀|亲切"
    r"|集体|到|于|向|一行|率|代表|作为|乘(?:坐)?专机|抵达|飞抵|"
    + "|".join(sorted(_GLUED_VERBS))
    + ")"
)


# Characters that end a clause word, never a name: "黄坤明在" is 黄坤明 + 在, not 黄坤 + 明在.
_ZH_NOT_LAST = frozenset("在于和与及等也都向为对就将已被把从到说是了的还均并同副们委党省皆")


# Words of saying inside a candidate: "时表示" (when saying) is no name; nor is a body
# ("区政协", "市人大").
_ZH_SAYING = re.compile("表示|指出|强调|认为|介绍|政协|人大|政府|党委")


# Characters no given name holds (none of the 1,275 Chinese names labelled in the development
# data and tests has one after its surname): ordinals and counts, particles and pronouns, and
# the characters of the words a surname character opens most often in news ("曾多次", "南投第",
# "原标题", "席间", "党中央", "宣读习…", "隆重", "祝贺", "文莱", "出席元旦"). A surname-led
# candidate holding one is a word, not a name.
_ZH_DAYS_TO_COME = frozenset("明天 明日 明年 明晚 明早".split())
_NOT_GIVEN = frozenset(
    "次第些个们这那每各该此所被把说是就将已还并而但或因的了着过么吗呢吧啊在与及等对为到也给使"
    "据称记讯稿编责题央间读习贺莱旦届期号议讲话辞召访视察审宣布讨究署谢欢见重集"
    # words of round 9's unseen reports that a surname character opens ("关注", "宣誓"); "盛事"
    # (a grand event), "文化奖" (an award), "游颢兼…主任委员" (also holding a post)
    "注誓事奖兼"
    # round 10: 全场 and 全体 (the whole hall, everyone: 全 is a surname) after a list's 与
    # ("与全场400位客家乡亲共贺国庆", zh_hant-t915; "全体" in zh_hant-t710); no labelled name
    # holds either after its surname
    "场体"
    # round 19 (fp19): the first character of a word of saying, leading or thinking glued after a
    # name ("柯比指，拜登认为…", zh_hant-t18z30: 指 of 指出; 率 of 率领, 认 of 认为, 示 of 表示, 称),
    # of "strategy" (战略), "important" (要), "member" (员), "aircraft" (登机) and "honorary"
    # (荣誉主席: 荣 is a surname, "荣誉主席连战一行", zh_hant round 21): no labelled name of dev
    # or the tests (5,496) holds one after its surname
    "指率略要员称认示机機誉"
)
# A body's or a place's last character ends no name ("农业部", "荆州"), though a Japanese name
# in kanji holds one inside ("服部崇"); round 10: 队 and 站 too ("金门医院、海巡队、民航站等",
# zh_hant-v1303; no labelled name ends in either); round 14: the other units no labelled name
# of dev ends with ("文科处", "巴南区", "展览区", "党组织": rounds 11, 16 and 24, three styles)
_ZH_BODY_LAST = frozenset("部局厅办州队站处区乡县馆院所宫织组")


# The parts of Tibetan names (two make a name of four characters: "泽旺多吉", "白玛赤林",
# "次仁卓玛"), which no surname table covers (zh_cn-t10z19).
_TIBETAN = frozenset(
    "扎西 次仁 多吉 泽旺 格桑 旺堆 卓玛 央金 达瓦 尼玛 索朗 平措 顿珠 洛桑 白玛 强巴 丹增 阿旺 罗布 边巴"
    " 拉巴 普布 巴桑 贡嘎 赤林 才旦 才让 德吉 曲珍 旺姆 措姆 次旦 多杰 嘉措 坚参 群培 仁增 益西 旦增"
    " 格列 土登 洛布 索南 旺加 降措 次央 拉姆 桑珠 朗杰 江村 加措".split()
)


# The gazetteer's Chinese names of places (places.ENTRIES, written in simplified script): no
# name ("先期抵达莫斯科参加…的…何立峰", zh_cn-t17z21; zh_hant-r15v07).
_PLACE_NAMES = frozenset(
    name
    for _, _, names in places.ENTRIES
    for name in names
    if any("\u4e00" <= c <= "\u9fff" for c in name)
)


@lru_cache(maxsize=32768)
def _zh_plausible(name: str) -> bool:
    if name in _ZH_NOT_NAMES or _ZH_TITLE_END.search(name) or name[-1:] in _ZH_NOT_LAST:
        return False
    if name in _PLACE_NAMES:
        return False
    if name[-1:] in _ZH_BODY_LAST or name.endswith("委会"):
        return False  # (a council's short name: "陆委会", rounds 23, 30, 32)
    if _group_last(name):
        # a group word whose first character is a surname is no name: "李家超及官员出席"
        # (zh_hant-t11z22, zh_cn-r12v03, scraped-t10z11), "成员单位…参加" (zh_cn-t915)
        return False
    if name[:2] in _ZH_DAYS_TO_COME:
        return False  # "明天起分别率团参加": a day, not 明 + 天起
    if any(c in _NOT_GIVEN for c in name[1:]):
        return False
    if len(name) == 3 and _ZH_SAYING.search(name):
        return False
    if len(name) == 4 and name[:2] in _TIBETAN and name[2:] in _TIBETAN:
        return True  # "泽旺多吉", "扎西次仁": a Tibetan name of two common parts
    if len(name) == 4 or (len(name) == 3 and name[:2] in _COMPOUND):
        return name[:2] in _COMPOUND
    return 2 <= len(name) <= 3 and name[0] in _SURNAMES


# A name written with a middle dot (Tibetan, Uyghur, foreign): no surname table applies.
_DOTS = "·•‧・．"  # the middle dots (an ASCII full stop may end an English sentence)
_MIDDLE_DOTS = frozenset(_DOTS)
_ZH_DOT = re.compile(r"[·•‧・.．]")  # minutes type an ASCII or full-width full stop ("巴干.巴万")
_ZH_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•‧・.．][\u4e00-\u9fff]{1,8}){1,2}")


_ZH_FAMILY = re.compile(r"^([\u4e00-\u9fff]{2,3}?)(?:夫妇|伉俪)")
# A title or a family word after a name: "郑晓松主任", "习近平总书记", "梁振英夫妇".
_ZH_AFTER_NAME = re.compile(
    r"^([\u4e00-\u9fff]{2,3}?)(?:常务副|副|署理|代理)?(?:"
    + _ZH_TITLE_END.pattern[3:-1]
    + r"|副主任|副主席|副区长|副市长"
    r"|副委员长|政务次长|常务次长"
    r"|副省长|副部长|副总理|夫妇|伉俪|夫人|一行|等人|同志"
    # round 23 (zh23): the offices Malaysian, Macau and embassy releases write after the name
    # ("吴添泉总会长、翁清玉署理总会长", "马翠宏公参、王志民一等秘书", zh_cn-t22y17)
    r"|总会长|公参|总领事|[一二三]等秘书|局绅)$"
)


# Honorifics and degrees written after a full name in Hong Kong, Macau, Malaysian and Thai
# Chinese papers (round 23, zh23: zh_cn-t22y16, zh_hant-t22y17): address words, a Justice of the
# Peace (局绅, 太平绅士), 阁下 (Excellency). Hand-written: no library lists the honorifics these
# papers use; the labels drop them (LABELLING.md, round 19).
_HONORIFIC_AFTER = re.compile(r"(?:先生|女士|小姐|博士|硕士|教授|律师|局绅|太平绅士|阁下)$")
_HONORIFIC_LAST = frozenset("生士姐授师绅下")


def _honoured_name(item: str, trailing: bool, known: frozenset[str]) -> str | None:
    """A titled name with an honorific or a degree after it ("名誉会长陈国平局绅", "经商处公参张佩东
    女士", "特命全权大使管木阁下"): the item read without it, its name kept when it is what stood
    right before the honorific."""
    honoured = _HONORIFIC_AFTER.search(item)
    if honoured is None or honoured.start() < 3:
        return None
    core = item[: honoured.start()]
    name = _item_name(core, trailing, known)
    return name if name and core.endswith(name) else None


# Items recur across sentences and reports (titles, "国务院总理李强"): their reading depends on
# the item and the roster's names only, so it is kept (bounded; a frozenset caches its hash).
@lru_cache(maxsize=32768)
def _item_name(item: str, trailing: bool, known: frozenset[str]) -> str | None:
    if item in known:
        return item
    if len(item) < 4:  # too short for a title after or before a name: those tests skipped
        return _zh_short_item_name(item, known, trailing=trailing)
    run = _ZH_TITLE_END.split(item)[-1]
    after = _ZH_AFTER_NAME.match(item)
    if not after and 4 <= len(run) < len(item):  # "行政长官李家超伉俪": a family word after
        after = _ZH_AFTER_NAME.match(run)
    if after and (after.group(1) in known or _zh_plausible(after.group(1))):
        return after.group(1)
    honoured = _honoured_name(item, trailing, known) if item[-1] in _HONORIFIC_LAST else None
    if honoured:
        return honoured
    wrapped = _wrapped_item_name(item, run, known)
    if wrapped:
        return wrapped
    for size in (4, 3, 2):
        # (not the surname of a name written in full with a middle dot: "亚历山大·武契奇")
        if len(item) > size and item[-size:] in known and item[-size - 1] not in _DOTS:
            return item[-size:]
        if trailing and len(item) > size and item[:size] in known:
            return item[:size]
        # "国家主席习近平乘专机抵达喀山": a titled roster name, then the arrival before the
        # occasion (not any clause: "外长王毅将于…访问", "主席习近平去年视察香港")
        if (
            trailing
            and run != item
            and _ZH_ARRIVED.match(run, size)
            and (run[:size] in known or _zh_plausible(run[:size]))
        ):
            return run[:size]
    if _zh_plausible(item):
        return item
    return (
        _titled_item_name(item, run, trailing=trailing)
        or _after_body(item, known)
        or _after_title_char(item)
        or _foreign_titled(item)
    )


# The countries of the world in Chinese (CLDR's names, simplified: countries_zh.py, generated by
# bench/make_countries_zh.py), after which a foreign official's title and name stand.
_NAME_GRAMMAR = frozenset("的了在是和与及等将也都对为把被从向说")


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    """A trie of COUNTRIES, compiled on first use: 8 ms, which no English or German reading pays."""
    return re.compile(_word_trie(set(COUNTRIES)))


def _country_in(text: str) -> bool:
    """Whether `text` names a foreign country."""
    return _country_pattern().search(text) is not None


def _foreign_titled(item: str) -> str | None:
    """A foreign official's name after a country and a title, whatever the name's characters:
    a transliteration no table holds or too long for one ("乌兹别克斯坦总统米尔济约耶夫", "菲律宾
    驻沪总领事雅比诗") or a name in kanji ("日本东京都知事小池百合子", "日本丸红株式会社中国副总代表
    高桥裕治"). The country and the title vouch for the name; the name is the run after the last
    title, up to six characters, with no word of grammar, no title and no body in it. Round 21
    (zh21): 60 such names were missed in 50 dev reports of 26 rounds (1-37), 175 read."""
    if len(item) < 6:
        return None
    if item.endswith("一行"):
        item = item[:-2]
    if not _country_in(item):
        return None  # (one search of a compiled trie first: most items name no country)
    titles = list(_ZH_TITLE_END.finditer(item))
    if not titles or not 2 <= len(item) - titles[-1].end() <= 10:
        return None
    title = titles[-1]
    if not _country_in(item[: title.start()]):
        return None  # (the country before the title)
    run = item[title.end() :]
    if run[0] in "馆处":
        return None  # the title opens a body's name ("大使馆", "领事馆", "秘书处"; zh_cn-t22z11)
    # (a visit or a verb glued after the name: "…访华", "…举行会谈"; a couple: "…夫妇")
    run = _ZH_FOREIGN_VERB.sub("", _ZH_VISITS.sub("", run))
    run = _ZH_FAMILY_WORD.sub("", run.removesuffix("夫妇").removesuffix("伉俪"))
    if (
        not 2 <= len(run) <= 6
        or not _HAN_ONLY.fullmatch(run)
        or run in _ZH_NOT_NAMES
        or run[:2] in _ZH_NOT_NAMES
        or run[-1] in _ZH_BODY_LAST
        or _group_last(run)
        or any(c in _NAME_GRAMMAR or c in _NOT_GIVEN for c in run)
        or _FOREIGN_NOT_NAME.search(run)
        or _verb_cue(run) is not None
        or _untimed(run) != run
        or _country_in(run)
    ):
        return None
    return run


# Words a run after a foreign title holds that no name does: a rank after the name ("勋爵"),
# kin ("未婚妻"), a party or a rite ("访问团", "颁奖礼"), a leading or a joint act.
_FOREIGN_NOT_NAME = re.compile(
    "勋爵|爵士|妻|丈夫|儿子|女儿|带领|率领|共同|一同|访问|颁奖|典礼|仪式|会谈|会见"
)


# Titles no table lists in full, by how they end: any office ending in 长 ("防长", "副总理兼防长"),
# not a word of growth or length ("增长", "成长", "延长", "家长"); and the last word of ranks and
# professions ("首席执行官", "主任医师", "一级主任科员").
_NOT_TITLE_CHANG = frozenset("增成延擅助生消专特家兄师")
_TITLE_WORD_END = re.compile(
    r"(?:执行|指挥|外交|检察|警|军|武)官$|(?:医|律|教|讲|导|技|工程|会计|设计|建筑)师$"
    r"|(?:科|专|议|职|馆|组|研究|调研|巡视)员$"
)
# The last character of a body or unit before a name and its title after it: "医政科吴剑波科长",
# "县第一人民医院王琼院长", "台中市政府农业局陈柏宏主任秘书".
_UNIT_LAST = frozenset("科院局处部室所校场厂站馆")
_TITLE_WORD_LAST = frozenset("长官师员")
# (the last characters of _TITLE_AFTER_UNIT)
_TITLE_AFTER_LAST = frozenset("长任授师书记理席员赞参使事")
_TITLE_AFTER_UNIT = re.compile(
    r"(?:副|常务副|署理|代理)?(?:科长|院长|局长|处长|部长|主任|所长|校长|站长|馆长|场长|厂长|教授|副教授|"
    r"医师|主任医师|秘书|主任秘书|书记|经理|总经理|董事长|会长|主席|研究员|副研究员"
    # round 23 (zh23): an embassy's and a secretariat's offices after the name ("中国驻意大利大使馆
    # 汤恒参赞", "常设秘书处韦尚德副秘书长", zh_cn-t22z11, t22y09)
    r"|参赞|公参|大使|公使|领事|总领事|秘书长|总会长|理事长|[一二三]等秘书)$"
)


def _after_title_char(item: str) -> str | None:
    """A full name an item ends with after a title no table lists, told by the title's last
    character ("董事长兼首席执行官陈东升", "康复科副主任医师诸澄"), or a name between a unit and its
    title ("医政科吴剑波科长"): the surname table and the given-name characters vouch for the
    name, the title's or the unit's last character for where it starts."""
    if len(item) < 4:
        return None
    # (one look at the characters each shape needs, before any pattern: most items asked are
    # clauses, and hold neither)
    title = _TITLE_AFTER_UNIT.search(item) if item[-1] in _TITLE_AFTER_LAST else None
    if title is not None:
        core = item[: title.start()]
        for size in (3, 2):
            name, head = core[-size:], core[:-size]
            if len(head) >= 1 and head[-1] in _UNIT_LAST and _zh_plausible(name):
                return name
        return None
    for size in (3, 2):
        name, head = item[-size:], item[:-size]
        if (
            len(head) >= 2
            and head[-1] in _TITLE_WORD_LAST
            and (
                (head[-1] == "长" and head[-2] not in _NOT_TITLE_CHANG)
                or _TITLE_WORD_END.search(head) is not None
            )
            and _zh_plausible(name)
        ):
            return name
    return None


# A Latin name after a Chinese title ("成均馆大学副校长Jun Young LEE", "大学校长Guy Langvardt"):
# up to four capitalised words, one of them with a letter in lower case (not an acronym).
_ZH_LATIN_TITLED = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:[A-Z][A-Za-z'’\-]* ){0,3}[A-Z][A-Za-z'’\-]+$"
)


# A religious name before its title: "焦山定慧寺监院慧忠法师", "曙法法师", "司长释莲僧长老".
# A Dharma name has no surname (释 at most), so the surname tables cannot find it; the title
# after it and a title or nothing before it do (zh_cn-t909, scraped-t924).
# Round 14: 大和尚 too ("少林寺方丈永信大和尚", "澳门佛教中心协会主席戒晟大和尚": rounds 16, 20
# and 21, seven reports of Buddhist occasions), and a monastery before the name
# ("台湾十方法华禅院知禅长老").
_CLERGY = ("法师", "大师", "长老", "上师", "禅师", "大和尚")
_ZH_CLERGY = re.compile(r"((?:释)?[\u4e00-\u9fff]{2})(?:法师|大师|长老|上师|禅师|大和尚)$")
_MONASTERY_LAST = frozenset("寺院庵")


def _clergy_name(item: str) -> str | None:
    m = _ZH_CLERGY.search(item)
    if m is None:
        return None
    name, head = m.group(1), item[: m.start()]
    if any(c in _GRAMMAR_CHARS for c in name) or name in _ZH_NOT_NAMES or name[-1] == "位":
        return None  # (a count of the clergy is no name: "带领诸位法师", zh_cn-t11z06)
    if not head:  # (bare, 大师 is a master of anything: "国画大师")
        return None if item.endswith("大师") else name
    return name if _ZH_TITLE_AT_END.search(head) or head[-1] in _MONASTERY_LAST else None


_LATIN_HONOURED = re.compile(
    r"(?:Dr|Prof|Mr|Mrs|Ms|Sir)\.?\s+((?:[A-Z][A-Za-z'’\-]* ){0,3}[A-Z][A-Za-z'’\-]+)$"
)


def _titled_latin(item: str) -> str | None:
    """The Latin name ending a list item after its title (zh_hant-t908, scraped-t915: lists
    of Chinese and foreign guests alike, each with a title)."""
    honoured = _LATIN_HONOURED.match(item)  # "胡红玉及Dr Ronald Leslie ZIMMERN" (zh_cn-t718)
    if honoured:
        name = honoured.group(1)
        return name if any("a" <= c <= "z" for c in name) else None
    m = _ZH_LATIN_TITLED.search(item)
    if m is None or not any("a" <= c <= "z" for c in m.group()):
        return None
    return m.group() if _ZH_TITLE_AT_END.search(item, 0, m.start()) else None


def _after_body(item: str, known: frozenset[str]) -> str | None:
    """A full name of three characters (or a roster name) right after a body no title table
    lists, as lists of local officials write them: "观光处李梅凌" (the tourism office's),
    "市议员参选人张幸松" ("教育处督学杨恭墉" is not read: 督学 ends in no body character)."""
    for size in (4, 3, 2):
        name, head = item[-size:], item[:-size]
        if size == 4 and name[:2] not in _COMPOUND:
            continue  # (four characters: a compound surname's name only, "大使馆欧阳玉靖")
        if (
            len(head) >= 2
            # a body's last character, or 人 of a role no table lists ("负责人", "参选人");
            # not a rank's (士 ends 瑞士 too: "瑞士苏黎世")
            and (head[-1] in _ZH_BODY_CHAR or head[-1] == "人")
            and name[-1] not in _ZH_BODY_CHAR  # "上海市杨浦区": a place, not a name
            and (name in known or (size >= 3 and _vouched_full_name(name)))
        ):
            return name
    return None


_ZH_ARRIVED = re.compile(r"(?:乘专机|乘坐专机|乘机)?(?:抵达|飞抵|到达)")


def _unusual_item_name(item: str, run: str, known: frozenset[str]) -> str | None:
    """Round 10's shapes (zh_hant.round16/17): a Latin name after its title, a titled name
    and its party, a Dharma name before its clergy title, 在 inside a titled name."""
    if "A" <= item[-1:] <= "z":
        return _titled_latin(item)
    if item.endswith("一行") and len(item) > 6:
        return _item_name(item[:-2], False, known)
    if item.endswith(_CLERGY):
        return _clergy_name(item)
    if len(run) == 3 and run[1] == "在" and run != item and run[0] in _SURNAMES:
        # 在 inside a full name that ends its item after a title ("社长姜在忠", "立法议员吴在
        # 权", zh_hant-t606, v1008), where it cannot be "at"; _NOT_GIVEN holds it for running text
        return run if run[2] not in _NOT_GIVEN else None
    return None


def _wrapped_item_name(item: str, run: str, known: frozenset[str]) -> str | None:
    """A name with words around it: a family word after it ("张忠谋夫妇企业家"), a title on
    both sides ("驻日大使王毅大使"), a modifier ending in 的 before it ("卸任县长工作的林明溱"),
    a Latin name after its title ("大学校长Guy Langvardt"), a Dharma name before its title,
    a titled name and its party ("省政协陈海峰副主席一行", zh_cn-t717)."""
    unusual = _unusual_item_name(item, run, known)
    if unusual:
        return unusual
    family = _ZH_FAMILY.search(run) if run else None
    if family and (family.group(1) in known or _zh_plausible(family.group(1))):
        return family.group(1)
    if not run and len(item) > 4:
        inner = _ZH_TITLE_END.sub("", item[-4:], count=1)
        cut = item[: len(item) - 4] + inner
        titled = _ZH_TITLED.search(cut)
        if titled and cut != item and _zh_plausible(titled.group(1)):
            return titled.group(1)
    if not run and len(item) > 5:
        named = _body_name_title(item, known)
        if named:
            return named
        between = [p for p in _ZH_TITLE_END.split(item) if p][-1:]
        if between and (between[0] in known or _zh_plausible(between[0])):
            return between[0]  # "律政司司长郑若骅资深大律师": between two titles
    if "的" in item:
        tail = item.rsplit("的", 1)[1]
        if tail in known or (len(tail) == 3 and _zh_plausible(tail)):
            return tail
        # and with its title after it: "分管高中工作的吴永祥副校长" (zh_cn-t907)
        after = _ZH_AFTER_NAME.match(tail) if len(tail) > 3 else None
        if after and (after.group(1) in known or _zh_plausible(after.group(1))):
            return after.group(1)
    return None


# The last character of a body's name: "外贸协会", "玉山银行", "台南市", "外交部".
_ZH_BODY_CHAR = frozenset("会行市省县区部局司处院所厅团社校馆府署办厂队组镇乡村")
_ZH_RANK = ("常务副", "副", "代理", "执行")
_BODY_WORDS = (
    "大学",
    "中学",
    "小学",
    "政协",
    "人大",
    "侨联",
    "妇联",
    "工商联",
    "文联",
    "科协",
    "残联",
    # an observatory, a broadcaster ("中国科学院云南天文台韩占文院士", zh_cn-t11z10)
    "天文台",
    "电视台",
    "电台",
)


def _body_name_title(item: str, known: frozenset[str]) -> str | None:
    """A name between its body and its title, as Taiwan and Hong Kong write them: "外贸协会黄志
    芳董事长", "台南市叶泽山副市长" (a full name of three characters, or a roster name)."""
    title = _ZH_TITLE_AT_END.search(item)
    head = item[: title.start()] if title else ""
    for rank in _ZH_RANK:
        head = head.removesuffix(rank)
    for size in (3, 2):
        name = head[-size:]
        if (
            len(head) > size
            and (
                head[-size - 1] in _ZH_BODY_CHAR
                # a school ("济南大学李村成教授", zh_cn-t904) or a body named by a word
                # ("省政协陈海峰副主席", zh_cn-t717); not 学 or 协 alone, which end given names
                # (张文学) where _ZH_BODY_CHAR is asked of a name's last character
                or head.endswith(_BODY_WORDS, 0, len(head) - size)
            )
            and (name in known or (size == 3 and _zh_plausible(name)))
        ):
            return name
    return None


def _titled_item_name(item: str, run: str, *, trailing: bool) -> str | None:
    """A name after titles (`run`: the item after its last title), or before clause words."""
    titled = _ZH_TITLED.search(item)
    if titled and (_zh_plausible(titled.group(1)) or _vouched_full_name(titled.group(1))):
        return titled.group(1)
    if len(run) == 4 and run != item and _zh_plausible(run):
        return run  # "副市长欧阳卫民": a compound surname after a title
    ranked = _ranked_name(run) if 4 <= len(run) <= 7 and run != item else None
    if ranked:
        return ranked
    dotted = _ZH_DOTTED.fullmatch(run) if _ZH_DOT.search(run) else None
    if dotted:
        return dotted.group()  # "阿沛·阿旺晋美", "全国政协副主席帕巴拉·格列朗杰"
    if _ZH_DOT.search(run):
        return _dotted_tail(run)
    foreign = _ZH_FOREIGN_TITLED.search(item) or (
        _ZH_ENVOY.search(item) if "驻华" in item else None
    )
    if (
        foreign
        and foreign.group(1) not in _ZH_NOT_NAMES
        # (a second title, no name: "英国首相特使、财政大臣哈蒙德", zh_cn-t17z17, -t17z18)
        and _ZH_TITLE_END.fullmatch(foreign.group(1)) is None
    ):
        # "美国国务卿蒂勒森访华": a headline's visit after the name
        return _ZH_FOREIGN_VERB.sub("", _ZH_VISITS.sub("", foreign.group(1))) or None
    if run and run != item and transliterated(run):
        return run  # "国际展览局秘书长洛塞泰斯": a foreign name after a title
    leading = _ZH_LEADING.match(item) if trailing else None
    if leading and leading.group(1)[0] not in "向应在同和于到对为":
        return leading.group(1) if _zh_plausible(leading.group(1)) else None
    return None


# The last character of a rank or an honorific after a name, which no title table lists in
# full: "高级警司", "总警司", "博士", "中将", "上校", "医生", "牧师", "外交官".
_ZH_VISITS = re.compile(r"(?<=..)(?:访华|访问|来华|抵京|抵达|到访)$")
# A verb glued to a foreign name after its title, and what follows it: "美国总统川普通电前"
# (川普), "俄罗斯总统普廷视讯通话" (普廷), "德国总理萧兹抵北京" (萧兹); round 14, zh_hant-t11z07
# and scraped-t10z07 (rounds 20, 18). Not at the name's first two characters ("文在寅").
_ZH_FOREIGN_VERB = re.compile(r"(?<=..)(?:通电|通话|视讯|视频|举行|抵|前往|会晤|会见|会谈|出席).*$")
_RANK_LAST = frozenset("司士校尉生师官长员授")
_GENERAL = ("上将", "中将", "少将")  # not 将 alone: "林郑月娥将于19日" (will)


def _ranked_name(run: str) -> str | None:
    """The name in the words after a title: a married woman's name, her husband's surname
    before her own ("署长张赵凯渝", "叶刘淑仪"), or a full name of three characters and a rank
    after it ("副指挥官赖孝光高级警司", "主席阎伟宁博士", "指挥官汤家坤中将")."""
    if (
        len(run) == 4
        and run[0] in _SURNAMES
        and run[1] in _SURNAMES
        and _zh_plausible(run[1:])
        and run[2:] not in _ZH_NOT_NAMES  # "黄金时代"
    ):
        return run
    rank = run[3:]
    if (
        2 <= len(rank) <= 4
        and (rank[-1] in _RANK_LAST or rank.endswith(_GENERAL))
        and not any(c in _ZH_NOT_LAST or c in _NOT_GIVEN for c in rank)
        and _zh_plausible(run[:3])
    ):
        return run[:3]
    return None


# Characters of the standard transliteration of foreign names (新华社译名): a run of only these
# after a title is a foreign name ("洛塞泰斯", "奥巴马"), which no surname table covers.
_TRANSLIT = frozenset(
    "阿埃艾安昂奥巴贝本比彼波伯博布查达戴丹道德迪蒂杜多厄恩法范菲费芬丰弗福富伽盖甘冈戈格"
    "古瓜圭哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库拉莱兰朗劳勒雷里利列林琳卢鲁尔登默拜提"
    "伦罗洛马迈麦曼梅蒙米密缪莫姆穆纳奈南内尼涅努诺欧帕潘佩皮普齐奇乔切琼丘萨塞森桑瑟沙"
    "舍什施斯松苏索塔泰坦汤特滕图托瓦威韦维温沃乌伍西希谢辛休雅亚扬耶伊因英尤约泽扎詹"
    # the endings and women's names of Russian, Central Asian and Slavic names ("阿里波夫",
    # "霍利克佐达", "茹曼加林", "伊莉亚娜", "加兹瓦尼", "赛义德"; round 9)
    "夫玛佐茹赛娜莉妮莎兹娅契纽翰罕喀瑞依孜丽黛露芙珊薇蕾茨楞义明"
)
TRANSLIT_CHARS = _TRANSLIT  # for `mentions`: where a dotted name starts and ends in prose


_ZH_DOTTED_END = re.compile(r"([\u4e00-\u9fff]{1,12})((?:[·•‧・.．][\u4e00-\u9fff]{1,8}){1,2})$")


def _dotted_tail(run: str) -> str | None:
    """A dotted foreign name after words no title table holds: "诺贝尔经济学奖获得者詹姆斯.莫里斯"
    (the first part: the transliteration characters before the dot)."""
    m = _ZH_DOTTED_END.search(run)
    if m is None:
        return None
    head = m.group(1)
    size = next((n for n in range(min(len(head), 6), 0, -1) if transliterated(head[-n:] + "阿")), 0)
    return head[-size:] + m.group(2) if size else None


def _translit_run(text: str, at: int) -> int:
    """How many transliteration characters run from `at` in `text`."""
    end = at
    while end < len(text) and text[end] in _TRANSLIT:
        end += 1
    return end - at


def transliterated(run: str) -> bool:
    """Whether `run` reads as a transliterated foreign name: 2-6 transliteration characters
    (or parts joined by a middle dot)."""
    plain = _ZH_DOT.sub("", run)
    return (
        2 <= len(plain) <= 8
        and 2 <= max(map(len, _ZH_DOT.split(run))) <= 8
        and all(c in _TRANSLIT for c in plain)
        and plain[:2] not in _ZH_NOT_NAMES
    )


def _zh_short_item_name(item: str, known: frozenset[str], *, trailing: bool) -> str | None:
    """`_item_name` of an item of at most three characters (most items are a bare name)."""
    if len(item) == 3:
        if item[1:] in known:
            return item[1:]
        if trailing and item[:2] in known:
            return item[:2]
    if _zh_plausible(item):
        return item
    leading = _ZH_LEADING.match(item) if trailing else None
    if leading and leading.group(1)[0] not in "向应在同和于到对为":
        return leading.group(1) if _zh_plausible(leading.group(1)) else None
    return None


# A monarch's regnal number after the name ("伊丽莎白二世", "哈拉尔五世", "查尔斯三世").
_ZH_REGNAL = re.compile(r"[一二三四五六七八九十]{1,3}世$")


_ItemReading = tuple[tuple[str, ...] | None, str, tuple[str, ...] | None, str | None]


def _regnal_item(item: str, roster: Roster) -> _ItemReading | None:
    """A monarch's name with the regnal number after it, as one person (round 19, fp19):
    "英国女王伊丽莎白二世" is 伊丽莎白二世, not 伊丽莎 and 白二世 (zh_cn-t18z13). In
    `_read_item`'s shape: the name as a pair of one."""
    regnal = _ZH_REGNAL.search(item)
    if regnal is None:
        return None
    head = zh_name_items(item[: regnal.start()], roster, last=True)
    if len(head) != 1 or not item[: regnal.start()].endswith(head[0]):
        return None
    return (head[0] + regnal.group(),), "", None, None


def zh_name_items(
    chunk: str, roster: Roster, *, last: bool, ctx: ZhContext | None = None
) -> list[str]:
    """Names in a Chinese list chunk ("中共中央政治局常委李强、蔡奇等" -> [李强, 蔡奇]).

    Titles before a name are dropped; `last` allows words after the final name; `ctx` (the
    report) resolves a pronoun, a title alone or a surname with a title to its full name.
    """
    if "来自" in chunk:  # "来自安庆、长春…等44个城市的市长": places, not people
        chunk = chunk[: chunk.index("来自")]
    items = [
        _ZH_ITEM_OPENING.sub("", i.strip()) if i.startswith(_ZH_OPENINGS) else i.strip()
        for i in chunk.split("、")
    ]
    items = [_spouse(i) for i in items] if "夫人" in chunk or "妻子" in chunk else items
    names: list[str] = []
    known = roster.chinese_names
    listed = False  # the item before this one was a name: this one is most likely one too
    first_unread = False  # the first item gave no name
    for j, item in enumerate(items):
        final = j == len(items) - 1
        before, listed = listed, False
        closed = False  # the item ends at the list's 等: no words run on after it
        if _ITEM_MARKS.search(item, 2):  # 等, a weekday (周, 星期): most items hold neither
            whole = item
            item, final = _list_item(items, j, final)
            closed = final and len(item) < len(whole) and whole[len(item)] == "等"
        pair, run, found, name = (item[-1:] == "世" and _regnal_item(item, roster)) or _read_item(
            item, final and last, known
        )
        if not pair and before and not found and (not name or item[2:3] == "和"):
            # "…蒋宁、泽旺多吉等歌唱家" (zh_cn-t10z19): the last item, closed by 等, reads
            # among names like one between two
            pair = (
                _listed_item(item, known, final=False)
                if closed
                else _among_names(items, j, name, known, final=final)
            )
        if pair:
            names.extend(pair)  # "杨震和张恩迪": two people joined by 和/及/与
            listed = True
            continue
        if found is not None:  # a run of four or more characters without separators
            joined = _joined(found, run, known, ctx if final and last else None)
            if joined:
                names.extend(joined)  # "李强赵乐际王沪宁": a list without separators
                continue
        alone = ctx if final and last and len(items) == 1 else None
        if name is None:
            name = _unread_name(item, items[:j], names, roster, alone)
        if name:
            if j == 1 and first_unread:
                # "部党组成员库热西、汪民…": the first item, a title and a name, before a name;
                # "叶刘淑仪、李国章…": a married woman's two surnames and her name
                first = _titled_unlisted(items[0], roster) or (
                    _ranked_name(items[0]) if len(items[0]) == 4 else None
                )
                names.extend([first] if first else [])
            names.append(name)
            listed = len(item) <= 4 or name in known
        elif j == 0:
            first_unread = True
    return names


# A spouse named after whose spouse she is: "李克强总理夫人程虹同机抵达" (zh_cn-t17z22), "美国总统
# 夫人吉尔": the name after the family word, not the one before it (who is only her husband's
# title here); not a couple joined ("习近平和夫人彭丽媛", "偕夫人", "与夫人": both are there).
_ZH_SPOUSE = re.compile(r"^[^和及偕携与同暨并的]+?的?(?:夫人|妻子)(?=[\u4e00-\u9fff·]{2,})")


def _spouse(item: str) -> str:
    m = _ZH_SPOUSE.match(item)
    return item[m.end() :] if m else item


def _unread_name(
    item: str, earlier: list[str], names: list[str], roster: Roster, alone: ZhContext | None
) -> str | None:
    """The name of an item no table reads: the fallbacks of a lone or long item, or a titled
    name after a name whose surname no table holds ("…市议长戴锡钦、日本台湾交流协会副代表服部崇、
    三井不动产社长植田俊", Japanese names in kanji)."""
    if alone is not None or (earlier and not names and len(item) >= 5):
        return _unread_item(item, earlier if earlier and not names else [], roster, alone)
    return _titled_unlisted(item, roster) if names else None


_ITEM_MARKS = re.compile("[等周星]")


def _list_item(items: list[str], j: int, final: bool) -> tuple[str, bool]:
    """Item `j` of a list, and whether it is the last: the list ends at an 等 in it ("陈清木等
    市各套班子成员、市法院院长", `items` cut after it); a weekday after a name is dropped
    ("主任王毅周一（19日），会见…")."""
    item = items[j]
    if item.find("等", 2) >= 0 and (
        final or _group_last(item) or _titled_then_groups(item, items[j + 1 :])
    ):
        end = _etc(item)
        if end is not None:
            item = item[:end]
            items[j + 1 :] = []
            final = True
    if item.find("周", 2) >= 0 or item.find("星期", 2) >= 0:
        item = _ZH_WEEKDAY_END.sub("", item)
    return item, final


def _titled_then_groups(item: str, rest: list[str]) -> bool:
    """Whether the list ends at the 等 of `item`, a titled name, the items after it groups
    with no titled name: "…特使张庆信等高层政要、政党领袖、各界友人…约200余人齐聚", "…部长张庆信
    等高层政要、…、驻马使节…等800余人参加" (round 24, zh24: the groups' words are no table's,
    so the list was read on past its 等 and no name came back)."""
    titled = _ZH_TITLED.search(item, 0, item.find("等", 2))
    if titled is None or not _zh_plausible(titled.group(1)):
        return False
    return not any(_ZH_TITLED_RUN.search(r) or _ZH_DOT.search(r) for r in rest)


def _joined(
    found: tuple[str, ...], run: str, known: frozenset[str], ctx: ZhContext | None
) -> list[str] | None:
    """The names of a run without separators (`found`: its cut), or, at the end of a list
    (`ctx` given), the report's titled name it opens with ("苏嘉全感性": a name, then words)."""
    joined = list(found) or None
    if (
        ctx is not None
        and not (joined and joined[0] in known)
        and (joined or (len(run) <= 7 and (_zh_plausible(run[:3]) or _zh_plausible(run[:2]))))
    ):
        lead = ctx.leading_name(run)
        joined = [lead] if lead else joined
    return joined


def _unread_item(item: str, before: list[str], roster: Roster, ctx: ZhContext | None) -> str | None:
    """The name of an item no table reads: the subject alone that the report names elsewhere
    ("他", "总统", "萧副总统"; `ctx` given), or a name after titles alone (`before`)."""
    name = ctx.resolve(item) if ctx is not None else None
    return name or (_after_titles(item, before, roster) if before else None)


def _after_titles(item: str, before: list[str], roster: Roster) -> str | None:
    """The full name ending `item` when the items `before` it are titles alone: "国土资源部部长、
    党组书记、国家土地总督察姜大明" (after a title no table lists)."""
    if (
        len(item) >= 5
        and item[-4] in _TITLE_LAST
        and _zh_plausible(item[-3:])
        and _titles_only(before)
    ):
        return _unlisted(item[-3:], item[:-3], roster)
    return None


# The last character of a title ("总督察", "督导", "主任"): the name after one no table lists.
_TITLE_LAST = frozenset("长员官士司师察监理事任席委记")
# the last characters a chunk of groups and titles can end with (a title's, a group's, a count's)
_TITLE_END_LAST = frozenset(word[-1] for word in _ZH_TITLE_END.pattern[3:-1].split("|"))
_GROUP_END_CHARS = _GROUP_LAST_CHARS | _TITLE_END_LAST | _TITLE_LAST | _STAFF_LAST


def _titles_only(items: list[str]) -> bool:
    """Whether each of `items` is a title alone ("部长", "党组书记"), no name in it."""
    return all(len(i) <= 10 and _ZH_TITLE_AT_END.search(i) for i in items)


def _titled_unlisted(item: str, roster: Roster) -> str | None:
    """A full name of three characters after a title whose surname the tables lack, read only
    among names (the caller's list holds titled names on both sides); the words before it
    are titles alone, no clause ("习近平走上主席台监誓")."""
    m = _ZH_TITLED.search(item) if 5 <= len(item) <= 16 else None
    return _unlisted(m.group(1), item[:-3], roster) if m and len(m.group(1)) == 3 else None


def _unlisted(name: str, head: str, roster: Roster) -> str | None:
    """`name` (three characters after `head`, titles) when it can be a name: no word, no
    title, no character a given name never holds, and `head` no clause."""
    if (
        name[:2] in _ZH_NOT_NAMES
        or _ZH_TITLE_END.search(name)
        or any(c in _NOT_GIVEN or c in _ZH_NOT_LAST for c in name)
        or name[-1] in _ZH_BODY_LAST
        or any(c in _ZH_CLAUSE_CHARS for c in head)
        or any(head[i : i + n] in roster.chinese_names for n in (2, 3) for i in range(len(head)))
    ):
        return None
    return name


_ZH_CLAUSE_CHARS = frozenset("走到在于向对为是了的着过来去进")


_ZH_NOT_BARE = re.compile(r"[会行市省县区部局司处院所厅团社校馆府署办厂队组镇乡村界们]$")


@lru_cache(maxsize=8192)
def _listed_item(item: str, known: frozenset[str], *, final: bool) -> tuple[str, ...] | None:
    """An item that reads as a name only among names: "…李忠民、高岭和秘书长王刚" (a name of
    two characters before 和 and a titled name), "…王东明、白玛赤林、丁仲礼…" (a Tibetan name of
    four characters between two names)."""
    head, joint, tail = item.partition("和")
    if joint and len(head) == 2 and _zh_plausible(head) and tail:
        second = _item_name(tail, True, known)
        return (head, second) if second else None
    if (
        len(item) == 2
        and not final
        and item[0] in _SURNAMES
        and item[1] not in "的了着过们等些个场体"
        and item not in _ZH_NOT_NAMES
        and not _ZH_NOT_BARE.search(item)
    ):
        return (item,)  # "宋祖英、张也、戴玉强" (zh_cn-t10z19): a bare item between names
    if (
        len(item) == 3
        and not final
        and item[0] in _SURNAMES
        and item[:2] not in _ZH_NOT_NAMES
        and not any(c in _NOT_GIVEN for c in item[1:])
        and item[-1] not in _ZH_BODY_LAST
        and not _ZH_NOT_BARE.search(item)  # "…丁薛祥、农业部、程军才": a body, not a name
    ):
        return (item,)  # "…王政、邓先同、程军才": 同 ends a name between names
    if (
        len(item) == 4
        and not final
        and (item[0] in _SURNAMES or transliterated(item))
        and not any(c in _NOT_GIVEN or c in _ZH_NOT_LAST for c in item)
        and not _ZH_TITLE_END.search(item)
        and not _ZH_GROUP_WORDS.search(item)
        and not _ZH_NOT_BARE.search(item)
        and item[:2] not in _ZH_NOT_NAMES
    ):
        return (item,)
    return None


def _among_names(
    items: list[str], j: int, name: str | None, known: frozenset[str], *, final: bool
) -> tuple[str, ...] | None:
    """Item `j`, after a name, read as a name only among names: `_listed_item`, or, when
    nothing read it and the item after it is a name too, `_between_names`."""
    item = items[j]
    pair = _listed_item(item, known, final=final)
    if pair or name or final:
        return pair
    after, _, found, named = _read_item(items[j + 1].strip(), False, known)
    return _between_names(item) if after or found or named else None


# A Latin name among Chinese names ("…許至椿、Ingay Tali、李啓維"): one to four capitalised words,
# each with a letter in lower case (an acronym, "APEC", "UN", is a body).
_LATIN_ITEM = re.compile(
    r"(?:[A-Z](?=[A-Za-z'’\-]*[a-z])[A-Za-z'’\-]+ ){0,3}[A-Z](?=[A-Za-z'’\-]*[a-z])[A-Za-z'’\-]+"
)
# Characters of grammar, never in a name (a smaller set than _NOT_GIVEN, which also holds the
# characters of the words a surname character opens in running text: a bare item between two
# names opens no word, so "王宣貿" is a name, not 王 + 宣读).
_GRAMMAR_CHARS = frozenset(
    "这那每各该此所被把说是就将已还并而但或因的了着过么吗呢吧啊在与及等对到也给使们些"
)


# Round 15: the characters of `_NOT_GIVEN` that open a word in running text ("隆重", "文莱",
# "宣读", "会议"), not grammar's. A full name of three characters standing alone after a title or
# a body, ending its item, opens no word there, so these characters are a given name's:
# "博鳌亚洲论坛秘书长周文重主持开幕式" (zh_hant-t14z11), "拟参选人邱议莹、赖瑞隆"
# (zh_hant-t14z21), "副主委李秉记在内" (zh_cn-r14v03). Over the earlier readings of rounds 16-27,
# 13 labelled names the current rules still missed held one; 9 of them (rounds 20-27, nine
# outlets) are read once a plain character stands in its place.
_WORD_CHARS = _NOT_GIVEN - _GRAMMAR_CHARS


@lru_cache(maxsize=4096)
def _vouched_full_name(name: str) -> bool:
    """`_zh_plausible`, or a full name after a title or a body whose given name holds a
    character of a word (`_WORD_CHARS`), not of grammar."""
    if _zh_plausible(name):
        return True
    if len(name) != 3 or name[0] not in _SURNAMES or not any(c in _WORD_CHARS for c in name[1:]):
        return False
    if any(c in _GRAMMAR_CHARS for c in name) or _ZH_TITLE_END.search(name):
        return False  # (a title itself: "董事长", none_zh-t701)
    plain = name[0] + "".join("明" if c in _WORD_CHARS else c for c in name[1:])
    return name not in _ZH_NOT_NAMES and _zh_plausible(plain)


@lru_cache(maxsize=8192)
def _between_names(item: str) -> tuple[str, ...] | None:
    """An item the tables do not read, standing between two names of a list: a name when it
    has a name's shape, whatever its surname or given-name characters ("…肖百灵、虢正贵、潘碧灵",
    "…罗茂文、能荣、陈洪思", "…李宗翰、王宣貿、陳皇宇"), or a Latin name ("許至椿、Ingay Tali、
    李啓維"). The list is the evidence the surname table gives a lone name: no word, title,
    body or group, no grammar character."""
    if _LATIN_ITEM.fullmatch(item):
        return (item,)
    if (
        2 <= len(item) <= 3
        and _HAN_RUN.match(item)
        and item not in _ZH_NOT_NAMES
        and item[:2] not in _ZH_NOT_NAMES
        and item[-1] not in _ZH_NOT_LAST
        and item[-1] not in _ZH_BODY_LAST
        and not any(c in _GRAMMAR_CHARS for c in item)
        and not _ZH_TITLE_END.search(item)
        and not _ZH_GROUP_WORDS.search(item)
        and not _ZH_NOT_BARE.search(item)
    ):
        return (item,)
    return None


_ZH_WEEKDAY_END = re.compile(r"(?:周|星期)[一二三四五六日天]$")


# 等 inside a word (高等, 平等, 同等…): "韩国高等教育财团事务总长朴仁国等嘉宾" ends at the second 等.
# (not 平 or 中, which end given names: "习近平等中国党和国家领导")
_DENG_WORD = frozenset("高初同对均相头优特上次何")


def _etc(item: str) -> int | None:
    """Where the list ends in `item`: its first 等 ("etc.") that no word holds, a title and a
    name still to come after the 等 of a word ("高等教育财团事务总长朴仁国")."""
    at = item.find("等", 2)
    while at != -1:
        after = item.find("等", at + 1)
        words = item[at + 1 : after if after != -1 else len(item)]
        if item[at - 1] not in _DENG_WORD or not _ZH_TITLE_END.search(words) or _group_last(words):
            return at
        at = after
    return None


# One list item's reading depends on the item and the roster's names only: it is kept (bounded;
# a frozenset caches its hash), and only what the report's context adds is done per call.
@lru_cache(maxsize=32768)
def _read_item(
    item: str, trailing: bool, known: frozenset[str]
) -> tuple[tuple[str, ...] | None, str, tuple[str, ...] | None, str | None]:
    """(two or more names joined by 和/及/与, the item after its last title, the names a run
    without separators is cut into (None: no such run; empty: no cut), the item's one name)."""
    pair = _zh_pair(item, known, trailing=trailing)
    if pair:
        return tuple(pair), item, None, None
    run = item if len(item) < 4 else _ZH_TITLE_END.split(item)[-1]
    found: tuple[str, ...] | None = None
    if (
        len(run) >= 4
        and run not in known
        and not _ZH_AFTER_NAME.match(run)
        and not (run != item and transliterated(run))
    ):  # (after a title, a run of transliteration characters is one foreign name: "柯依舍巴耶夫")
        found = _segment(run, known) or ()
        if found:
            return None, run, found, None
    if item.endswith("和") and len(run) == 3 and run[0] in _SURNAMES:
        return None, run, found, run  # "副主任陈斌、蓝进和": 和 ends an item only in a name
    return None, run, found, _item_name(item, trailing, known)


# Words that open a list, not a name: "包括杨琼璎、江启臣…皆到场".
# (and a clause's connective before its list: "不过戴锡钦、副议长叶林传…等干部均有出席")
# (and a transcript's heading: "以下为林瑞麟的致辞全文", "以下是局长邱腾华今日…的致辞全文")
_ZH_ITEM_OPENING = re.compile(
    r"^(?:包括|包含|其中包括|其中有|以及|并?(?:委由|改由)|而|不过|以下(?:为|是))"
)
_ZH_OPENINGS = ("包", "其中", "以及", "委由", "改由", "并委由", "并改由", "而", "不过", "以下")


# The one a funeral report is about: "汪道涵同志的遗体", "曹志同志逝世", "龚全珍遗体告别仪式".
_ZH_DECEASED = re.compile(
    r"([\u4e00-\u9fff]{2,3}?)(?:同志|先生|女士)?的?(?:遗体|遗像|逝世|灵柩|骨灰)"
)


_MOURNING_WORDS = ("遗体", "遺體", "逝世", "灵柩", "靈柩", "骨灰", "遗像", "遺像")


def _deceased(simple: str) -> frozenset[str]:
    if "遗" not in simple and "逝" not in simple and "灵柩" not in simple and "骨灰" not in simple:
        return frozenset()
    return frozenset(m.group(1) for m in _ZH_DECEASED.finditer(simple) if _zh_plausible(m.group(1)))


# Titles a person is named by alone or after the surname ("总统", "萧副总统", "赖揆").
_ZH_CTX_TITLE = (
    r"(?:总统|副总统|总理|副总理|院长|副院长|主席|副主席|部长|市长|县长|外长|主任|委员长|书记"
    r"|总书记|特首|行政长官|议长|主委|揆|阁揆|省长|州长|首相|国务卿|大使|秘书长|局长|署长|处长|董事长"
    r"|校长|会长|理事长|社长|馆长|厅长|司长|区长|镇长|乡长)"
)
_ZH_TITLE_ALONE = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?)" + _ZH_CTX_TITLE)
_ZH_CTX_TITLE_AT = re.compile(_ZH_CTX_TITLE)
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_ZH_TITLE_THEN_NAME = re.compile(_ZH_CTX_TITLE + r"([\u4e00-\u9fff]{2,3})")
_ZH_PRONOUN = re.compile(r"^[他她](?!们)[\u4e00-\u9fff]{0,3}$")


# A meeting with a named person and party after its host's name (ZhContext.meets_named_party).
_ZH_MEETS_PARTY = r"[^。！？\n]{0,40}?(?:会见|接见)了?([^。！？，,；\n]{2,40}?)一行"


class ZhContext:
    """What one report says about its people, for reading its sentences: the last person
    named alone as the subject of a role ("他" in a later sentence), and the names the text
    gives with a title anywhere in it ("总统赖清德", "立法院长苏嘉全"), which a title alone
    ("总统致词"), a surname with a title ("萧副总统") or a name run into the words after it
    ("苏嘉全感性发表") stand for. The titled names are read once, when first needed."""

    __slots__ = (
        "_clean",
        "_cue",
        "_dead",
        "_dotted",
        "_given",
        "_handover",
        "_simplified",
        "_text",
        "_titled",
        "_unglued",
        "known",
        "subject",
    )

    def __init__(self, text: str, known: frozenset[str] = frozenset()) -> None:
        self._text = text
        self._titled: dict[str, str] | None = None  # name -> the title it is given
        self._simplified: str | None = None
        self._clean = text
        self._dead: frozenset[str] | None = None
        self._given: dict[str, str] = {}  # titles the reading gave (a minutes' "主席：X")
        self.subject: str | None = None
        self.known = known  # the roster's Chinese names
        self._cue: tuple[str, Role | None] | None = None  # the last sentence with a cue
        self._dotted: bool | None = None  # whether the text writes a name with a middle dot
        self._handover: bool | None = None  # whether the report tells of a handover
        self._unglued: dict[str, str] = {}  # `unglued`'s answers

    def tells_handover(self) -> bool:
        """Whether the report tells of a handover or an inauguration (交接, 就职, 交棒, 布达)."""
        if self._handover is None:
            self._handover = _ZH_HANDOVER.search(self._simple()) is not None
        return self._handover

    def cue_read(self, simple: str, role: Role | None) -> None:
        """`simple` held a cue; `role` is its last cue's (None: an occasion still to come)."""
        self._cue = (simple, role)

    def role_before(self, simple: str) -> Role | None:
        """The role of the last cue of the sentence before `simple` (a caption line may stand
        between them), which a group named in `simple` shares."""
        if self._cue is None:
            return None
        before, role = self._cue
        text = self._simple()
        at = text.find(simple)
        end = text.rfind(before, 0, at) + len(before) if at > 0 else -1
        return role if end >= len(before) and at - end <= 60 else None

    def titled(self, name: str, title: str) -> None:
        """`name` holds `title` in this report (read from a form's field, not a phrase)."""
        self._given[name] = title
        if self._titled is not None:
            self._titled.setdefault(name, title)

    def deceased(self) -> frozenset[str]:
        """The people a funeral report mourns: never attending their own farewell."""
        if self._dead is None:
            # most reports mourn nobody: one scan of the raw text before simplifying it
            mourning = any(word in self._text for word in _MOURNING_WORDS)
            self._dead = _deceased(self._simple()) if mourning else frozenset()
        return self._dead

    def _simple(self) -> str:
        if self._simplified is None:
            self._clean = clean_zh(self._text)
            self._simplified = to_simplified(self._clean)
        return self._simplified

    def as_written(self, name: str) -> str:
        """`name` (simplified) in the script the report writes it in."""
        at = self._simple().find(name)
        return self._clean[at : at + len(name)] if at >= 0 else name

    def _names(self) -> dict[str, str]:
        if self._titled is None:
            simple = self._simple()
            found: dict[str, str] = {}
            for m in _ZH_TITLE_THEN_NAME.finditer(simple):
                name = m.group(1)
                longer = simple[m.start(1) : m.start(1) + 4]
                if len(longer) == 4 and longer in self.known:
                    found.setdefault(longer, m.group()[: -len(name)])  # "行政长官林郑月娥"
                    continue
                if _translit_run(simple, m.start(1)) > 3:
                    continue  # "副总理茹曼加林": a foreign name, not 茹曼加 + 林
                name = name if _zh_plausible(name) else name[:2]
                name = _unglued(name, simple[m.start(1) + 3 : m.start(1) + 4])
                if _zh_plausible(name):
                    found.setdefault(name, m.group()[: -len(m.group(1))])
            end = 0
            for m in _ZH_CTX_TITLE_AT.finditer(simple):
                # the title first, then the name before it (a scan for a name of any two or
                # three characters tries every position of the text)
                at = m.start()
                size = next((n for n in (3, 2) if _HAN_ONLY.fullmatch(simple, at - n, at)), 0)
                if at - size < end or not size:
                    continue
                name = simple[at - size : at]
                if _zh_plausible(name) and len(name) == 3:
                    found.setdefault(name, m.group())
                end = m.end()
            for name, title in self._given.items():
                found.setdefault(name, title)
            self._titled = found
        return self._titled

    def resolve(self, item: str) -> str | None:
        if self.subject and _ZH_PRONOUN.match(item):
            return self.subject  # "他上台致词时": the one person just named
        if not _ZH_TITLE_ALONE.fullmatch(item):
            return None
        names = self._names()
        if item[0] in _SURNAMES:  # "萧副总统", "赖揆": the titled name with that surname
            same = [n for n in names if n[0] == item[0]]
            if len(same) == 1:
                return same[0]
            if not same and _ZH_TITLE_ALONE.fullmatch(item, 1):
                return None  # "马总统" with no titled 马 in the text: not the one other 总统
        exact = [n for n, t in names.items() if t == item]
        if len(exact) == 1:
            return exact[0]  # "副总统致词": the one 副总统, though a 总统 is named too
        titled = [n for n, t in names.items() if t.endswith(item[-2:])]
        return titled[0] if len(titled) == 1 else None  # "总统致词": the one 总统

    def writes_dots(self) -> bool:
        """Whether the text writes any name with a middle dot (most reports: one scan)."""
        if self._dotted is None:
            # (a scan per mark: str's search for one character beats re's class at each one)
            self._dotted = any(mark in self._text for mark in _DOTS)
        return self._dotted

    def fuller(self, name: str) -> str:
        """A foreign surname alone as the report writes it in full with a middle dot: "蒂勒森"
        is "雷克斯・蒂勒森" (the given names: transliteration characters before the dot)."""
        if _ZH_DOT.search(name):
            return name
        simple = to_simplified(name)
        if not transliterated(simple):
            return name
        text = self._simple()
        # each place the name stands after a middle dot (str's search for the name, not a
        # pattern opening with the dots' class, tried at every position of the text for each
        # name: round 24, zhcost24; the name holds no dot, so no two such places overlap)
        at = text.find(simple, 1)
        while at > 0:
            if text[at - 1] in _MIDDLE_DOTS:
                dot = at - 1
                head = _translit_run(text[max(0, dot - 12) : dot][::-1], 0)
                if head:  # the given names: the transliteration characters ending at the dot
                    return self._clean[dot - head : at + len(simple)]
            at = text.find(simple, at + 1)
        return name

    def opening_name(self, run: str) -> str | None:
        """The name `run` opens with, when the report gives it with a title elsewhere: "主持毕业
        典礼的郑宪宗精心策划" (校长郑宪宗 earlier in the report)."""
        if self._titled is None and self._simple().count(run[:2]) < 2:
            return None
        return next((run[:n] for n in (3, 2) if run[:n] in self._names()), None)

    def meets_named_party(self, host: str) -> bool:
        """Whether the report tells `host` meeting a named person and party ("会见X一行", no
        delegation or body before 一行): "郭庚茂在省会河北会堂会见了来我省进行友好访问的匈牙利佩斯州
        州长伊姆莱·索伯一行" (zh_cn-t804)."""
        for m in re.finditer(re.escape(host) + _ZH_MEETS_PARTY, self._simple()):
            side = m.group(1)
            if not _ZH_PARTY_MET.search(side) and side[-1] not in _ZH_BODY_CHAR:
                return True
        return False

    def titled_elsewhere(self, item: str) -> list[str]:
        """`item` as the one other side of a meeting, when the report gives it after a title
        elsewhere: "李克强…与默克尔通电话" (德国总理默克尔 earlier), a foreign name no table reads."""
        if not 2 <= len(item) <= 6 or not _HAN_ONLY.fullmatch(item) or item in _ZH_NOT_NAMES:
            return []
        return [item] if re.search(_ZH_CTX_TITLE + re.escape(item), self._simple()) else []

    def unglued(self, name: str, sentence: str) -> str:
        """`name` (as written) without a third character the word after it lent ("龚正论坛前会见"
        is 龚正 + 论坛, "謝鋒昨會見" 謝鋒 + 昨, "罗斯举行" 罗斯 + 举行: zh_cn-t19z15, zh_hant-t19z10,
        zh_cn-t19z24), when the text names the person by the first two characters alone
        elsewhere: before a mark or a clause word ("龚正：", "龚正在", "谢锋会见"), never only
        before another character of a name (siblings "王红丽" and "王红磊", scraped-r19v05).
        The short name stands there as a name does, after a mark or a title ("上海市长龚正。",
        "，龚正致送"; not "议程后闭幕。", scraped-r17v01). A name the text writes three times or
        more in full is that name ("李瑞环" five times, "李瑞" once in a keyword line,
        scraped-r407). Read in the text as written (simplifying the whole report costs more
        than the few names asked); a name `sentence` ends with a mark is whole ("A、B出席").
        Three characters long and off the roster (`_unglued_all` asks no other)."""
        done = self._unglued.get(name)
        if done is not None:
            return done  # (a name whole in one sentence is a name in every other)
        at = sentence.find(name) + 3
        if (
            2 < at < len(sentence)
            and (
                not "\u4e00" <= sentence[at] <= "\u9fff"
                or sentence[at] in _WHOLE_BEFORE
                or sentence.startswith(_CUES_AFTER_NAME, at)
            )
        ) or (to_simplified(name[0]) not in _SURNAMES or not _HAN_ONLY.fullmatch(name)):
            done = name
        else:
            done = self._read_unglued(name)
        self._unglued[name] = done
        return done

    def _read_unglued(self, name: str) -> str:
        if to_simplified(name) in self.known:
            return name
        text = self._text
        short = name[:2]
        count = text.count(name)
        if not 0 < count <= 2 or text.count(short) <= count:
            return name
        if not _zh_plausible(to_simplified(short)):
            return name
        at = text.find(short)
        while at >= 0:
            after = text[at + 2 : at + 3]
            if (
                after != name[2]
                and (
                    not after
                    or not "\u4e00" <= after <= "\u9fff"
                    or to_simplified(after) in _ZH_NOT_LAST
                    or to_simplified(text[at + 2 : at + 4]) in _GLUED_VERBS
                )
                and (
                    at == 0
                    or not "\u4e00" <= text[at - 1] <= "\u9fff"
                    or _ZH_TITLE_AT_END.search(to_simplified(text[max(0, at - 8) : at])) is not None
                )
            ):
                return short
            at = text.find(short, at + 2)
        return name

    def leading_name(self, run: str) -> str | None:
        if len(run) > 7 or (self._titled is None and self._simple().count(run[:2]) < 2):
            return None  # a titled name stands elsewhere in the text, or it is no name
        for size in (3, 2):
            if run[:size] in self._names() and len(run) - size <= 4:
                return run[:size]
        return None


def _knows(roster: Roster, name: str) -> bool:
    """A roster name: the roster holds both scripts of each, and the text read here is turned
    simplified first, so one set lookup does (Roster.knows_chinese converts every miss)."""
    return name in roster.chinese_names


# (跟 too, the spoken "and" of Taiwanese reports: "董事长何达煌跟嘉义县长翁章梁都现身")
_ZH_AND = re.compile(r"以及|[和及与跟]")
_JOINTS = frozenset("和及与跟以")


def _ends_in_he(head: str) -> str | None:
    """The name of three characters ending in 和 that ends `head` before a joint (和 is
    then the name's: "乡长江永和与…"), as `_read_item` reads "副主任陈斌、蓝进和"."""
    run = _ZH_TITLE_END.split(head)[-1]
    return run if len(run) == 3 and run[0] in _SURNAMES else None


def _zh_pair(item: str, known: frozenset[str], *, trailing: bool) -> list[str] | None:
    """Two items joined by 和/及/与: both names ("杨震和张恩迪"), or a name and a group
    ("李家超伉俪和政府高层官员" -> 李家超)."""
    if not ("和" in item or "及" in item or "与" in item or "跟" in item) or item in known:
        return None
    # each 和/及/与 in turn: a name can hold one ("董事会秘书曹和平以及相关人员")
    for joint in _ZH_AND.finditer(item):
        head, tail = item[: joint.start()], item[joint.end() :]
        if tail[:1] in _JOINTS:
            continue  # "乡长江永和与…": 和 before another joint ends a name (zh_hant-d1005)
        if "等" in head:
            # "范玉珍等校领导及65667部队首长于连双": a name and its group, then 及 and the
            # next titled name (scraped-t418)
            named, _, group = head.partition("等")
            head = named if named and _ZH_GROUP_WORDS.search(group) else head
        first = _item_name(head, False, known) if head else None
        if first is None and head.endswith("和"):
            first = _ends_in_he(head)
        second = _item_name(tail, trailing, known) if tail else None
        if (
            len(head) == 2
            and joint.group() != "以及"  # joins list items, never two words of a body
            and first
            and head not in known
            and _ZH_TITLE_END.search(tail)
        ):
            continue  # "文史和学习委员会主任王太华": two words of a body, not a bare name
        rest = _zh_pair(tail, known, trailing=trailing) if first and tail else None
        if first and rest:
            return [first, *rest]  # "陈秀和…周纪明同学以及新生代表宋燕": three joined
        if first and second:
            return [first, second]
        if first and (_ZH_GROUP_WORDS.search(tail) or _ZH_BODY_ITEM.search(tail)):
            return [first]  # "…蔡宗喜及省经委、商务厅有关领导": a name, then a body
        if first and tail and _ZH_TITLE_END.split(tail)[-1] == "":
            # "董事长张强与市交控集团党委书记、董事长贾泉涌": the titles of the next person
            return [first]
        if second and not head:
            return [second]  # "及终审法院院长岑浩辉": the last item of a list
    return None


_ZH_GROUP_WORDS = re.compile(
    r"(?:官员|负责人|人士|代表|成员|领导|干部|嘉宾|群众|委员|同志|人员|议员|首长|团队|民众|乡亲|居民|官兵"
    r"|师生|职工|员工|各界|团体|[\u4e00-\u9fff]界|市民|学生|观众|游客"
    # members of a club or a faith, and a head count ("叶惟尧及超过2000位扶轮社友", zh_hant-t903)
    r"|社友|校友|会员|信众|善信|[\d一二三四五六七八九十百千万两]+(?:多|余)?[位名])"
)


_HAN_RUN = re.compile(r"^[\u4e00-\u9fff]+$")
# A body's name as a list item: "省经委", "商务厅", "市政府".
_ZH_BODY_ITEM = re.compile(r"^[\u4e00-\u9fff]{1,8}[委会厅局部府办署院]$")


@lru_cache(maxsize=8192)
def _segment(run: str, known: frozenset[str]) -> tuple[str, ...] | None:
    """A run of names written without separators, as in headlines and captions, cut into
    names: roster names (`known`) first, else surname-led names of two or three characters.
    Only a cut that covers the whole run, and the one best cut, counts.

    >>> _segment("张小三李小四王小五", frozenset())
    ('张小三', '李小四', '王小五')
    """
    if len(run) > 48 or not _HAN_RUN.match(run):
        return None
    cuts: list[tuple[int, list[str]]] = []  # (roster names used, names)
    steps = [0]  # a long headline run ("习近平李克强…王岐山", 26 characters) is walked with a bound

    def walk(at: int, names: list[str], hits: int) -> None:
        steps[0] += 1
        if len(cuts) > 64 or steps[0] > 4000:
            return
        if at == len(run):
            cuts.append((hits, names))
            return
        for size in (4, 3, 2):
            piece = run[at : at + size]
            if len(piece) < size:
                continue
            if piece in known:
                walk(at + size, [*names, piece], hits + 1)
            elif size < 4 and _zh_plausible(piece):
                walk(at + size, [*names, piece], hits)

    walk(0, [], 0)
    if not cuts:
        return None
    best = max(hits for hits, _ in cuts)
    if best == 0:
        # Without a roster name, only full names of three characters: two-character pieces
        # are as often words ("全国工商联" is no 全国工 + 商联, "蔡英文除感谢" no list).
        cuts = [(hits, names) for hits, names in cuts if all(len(n) == 3 for n in names)]
    winners = {tuple(names) for hits, names in cuts if hits == best}
    if len(winners) != 1:
        return None
    names = next(iter(winners))
    return names if len(names) >= 2 else None
