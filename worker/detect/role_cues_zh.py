"""The Chinese cue words of people's roles (role_cues holds the English and German ones).

A module of its own so that reading a text without Han characters never compiles them:
`people.extract_people` imports people_zh, and people_zh this module, with the first text that
needs them (~40 ms of regular expressions a process saves when it reads no Chinese).
"""

from __future__ import annotations

import re

from worker.detect.model import Role

# ---- Chinese: matched on the simplified text; the list stands before its cue --------------
# Each alternative of a cue opens with a literal character (no group, no lookbehind first): re
# then skips to the positions holding one of those characters instead of trying every position.
# A cue word used as a noun ("列席人士", "出席人员", "参加者") is not a verb of the list.
_NOT_VERB = r"(?!人士|人员|证|者|名单|范围|对象|情况)"
# What after 质询 makes it the session's noun, not a member's questioning ("质询时段", "质询小组")
_NOT_QUESTIONING = (
    r"(?!时间|时段|日期|议程|小组|台|期间|顺序|内容|议题|的|前|后|案|权|过程|制度|会|[与和及、])"
)
# Not after "向" and the one it is told to, in the same clause ("向汪市长汇报了": `_NOT_TO_ONE_MET`
# follows 汇报, fixed-width lookbehinds, one for each distance of 向 up to 16 characters)
_NOT_TO_ONE_MET = "".join(rf"(?<!向[^，。；、：,;:]{{{n}}}汇报)" for n in range(1, 17))
ZH_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    # (就坐 as 就座, a common variant: "在主席台就坐的各位领导：A；B", scraped-t516)
    (
        "present",
        re.compile(r"在主席台(?:前排|上)?就[座坐]|在主席台(?:前排|上)|在场(?!人士|人员|观礼)"),
    ),
    (
        "presided",
        re.compile(
            # (arriving to officiate, 莅临主礼, is the officiant's: presided only, LABELLING.md,
            # "Wordings settled by count (round 24)"; the whole words, so that 莅临's attending
            # cue, which overlaps, gives way)
            r"主持|主礼|主祭|主持人|莅临主礼|"
            + "|".join(
                rf"{verb}了?[^，。；、的]{{0,12}}?(?:记者会|发布会|座谈会|茶话会|招待会|酒会|宴会|晚宴"
                r"|午宴|见面会|说明会|研讨会|欢迎仪式|仪式[，,]?欢迎)"
                for verb in ("举行", "举办")
            )
        ),
    ),
    (
        "attended",
        re.compile(
            "|".join(
                f"{verb}{_NOT_VERB}"
                for verb in "出席 参加 列席 与会 到会 到场 莅临 现身 参与 陪同 出席了 参加了".split()
            )
            # guests gathered in one hall: "A、B等贵宾…共聚一堂" (欢聚, 共聚, 相聚, 同聚)
            + "|[欢共相同]聚一堂"
            # came in person ("吴惠权等光临盛会", scraped-t925; "亲临现场"); before another
            # cue it is manner, that cue gives the role ("马英九总统亲临主持": presided only)
            + "".join(
                f"|{word}(?!主持|主礼|致|讲话|发言|演讲|剪彩|颁)" for word in ("亲临", "光临")
            )
        ),
    ),
    (
        "spoke",
        re.compile(
            "|".join(
                verb
                + r"了?(?:关于[^。；]{0,80}?的|题为[“「《][^”」》。]{1,60}[”」》]的|[^，。、；的]{1,10}的)?"
                r"[^，。、；的]{0,8}?"
                r"(?:讲话|致辞|致词|发言|演讲|演说|报告|汇报|说明|谈话|感言|看法|贺词|祝词|献词|宣讲)"
                # (a written statement is no speech: "抵埗时发表书面讲话", zh_hant-t11z09; dev
                # labels give none of the five people of such sentences `spoke`)
                r"(?<!书面讲话)(?<!书面致辞)(?<!书面发言)"
                for verb in ("发表", "作(?<![工合创操动写制]作)", "做")
            )
            # (not the noun of the speakers: "致词者均关心灾情", zh_hant-t510, names no one)
            + r"|致(?:欢迎|贺|开幕|闭幕|答谢|新年|祝酒)?(?:辞|词)(?!者)|讲话(?!精神|者)"
            + r"|发言(?!人|者)|演讲(?!者)|演说(?!者)"
            # the verb split by its aspect 了 (round 16, zh16): "副省长蒋大国讲了话" (zh_cn-
            # r15v09), "发了言", "致了辞" (dev rounds 16-27 hold 7 `spoke` labels in such
            # sentences that no cue read; their lists stay unread for other causes)
            + r"|讲了话|发了言|致了(?:欢迎|贺)?(?:辞|词)"
            # a sermon is the speech of a service ("主持讲道的，是…王怡方牧师")
            + r"|讲道|证道|布道"
        ),
    ),
)
# The words of the rites in ZH_CUES_RARE (simplified; people_zh gates sentences on these and
# their traditional forms); 颁 stands for 颁奖, 颁赠 and "亲颁…予", whose words need not touch.
RITE_WORDS = tuple(
    "点燃 鸣锣 敲锣 敲响锣 扶轿 上香 参香 参拜 拈香 恭送 恭迎 领誓 致赠 颁 交接 交棒 代为领奖".split()
)
RITE_WORDS_TRADITIONAL = tuple(
    "點燃 鳴鑼 敲鑼 敲響鑼 扶轎 上香 參香 參拜 拈香 恭送 恭迎 領誓 致贈 頒 交接 交棒 代為領獎".split()
)
# Accepting for someone else ("由A代表接受"), the one rite whose words need not touch: gated on
# this form, since bare 接受 opens every "接受采访" (same in either script).
RITE_ACCEPTING = r"代表[^，。；、]{0,10}?接受"
# A party come to visit (ZH_CUES_RARE below): its leaders and members named before "一行", or
# before leading a delegation or a team, then where they came to inspect, survey or visit.
ZH_PARTY_VISIT = re.compile(
    r"(?:一行(?:[\d一二三四五六七八九十]{1,3}人)?|(?:率领|带领|带队，?|率)(?!先)[^，。；]{0,40}?)"
    # where they went (来, 到, 赴; round 20: 前往, 深入, 至), what they inspected ("率部分政协常委
    # 就…进行调研", zh_cn-t19z10), an inspection made jointly ("带领…代表联合视察", zh_cn-t17z01), or
    # the inspection right after 带队 ("白玲带队调研…", zh_cn-t19z07; "由…徐伟南带队，组织…到…视察",
    # zh_cn-t19z08; "带领考察组来到我区，就…进行交流考察", zh_cn-t18z05)
    r"(?:(?:来|到|赴|前往|深入|至)[^，。；]{1,30}?(?:，就[^，。；]{1,30}?(?:进行|开展)[^，。；]{0,4}?)?"
    r"|就[^，。；]{1,30}?(?:进行|开展)[^，。；]{0,4}?|联合|(?<=带队))"
    r"(?:考察|调研|参观|访问"
    # an inspection or a study trip ("王小军带领第三检查组到我区…进行督导检查", zh_cn-t17z08;
    # "赵贡桥同志带领市督导督查组…赴西秀区开展…督导督查", zh_cn-t17z06; "陈和春率…培训班一行赴
    # 上海学习", zh_cn-t17z12)
    r"|视察|督导|督查|检查|学习"
    # round 20: a call paid, greetings brought on the spot ("一行到…总部进行走访", zh_cn-t17z10;
    # "带领…到烈屿乡拜会", zh_hant-r12v04; "率…至现场祝贺", zh_hant-r19v05; "率相关部会前往议场
    # 致意", zh_hant-024)
    r"|走访|拜会|祝贺|致意)"
)
# One person come to survey or inspect, the party's leader alone (round 22, LABELLING.md
# "Wordings settled by count (round 22)": the leader of a survey or an inspection attends;
# "蔡秀军到省教育厅调研", zh_cn-t716; "王先波来到安障乡,调研春耕备耕", zh_cn-t12z16; "邀…交通部长
# 王国材、台铁局长杜微到花莲考察", zh_hant-t13z02); not the survey's team or its report ("调研组",
# "视察报告"), nor a visit's words quoted as a time ("视察时的重要讲话"), nor 深入 (in depth:
# "深入开展调研" reads no one, meetings-zh). people_zh gates a sentence on this pattern itself
# (`_surveying`), not on its words: 调研 and 考察 stand in many sentences that hold no other cue.
ZH_SURVEY = re.compile(
    r"(?:来到|到|赴|前往)[^，。；、,]{1,20}?[，,]?(?:调研|考察|视察)"
    r"(?!组|团|员|报告|时的|精神|期间)"
)
# Cues rarer than those above, each run only when one of its words is in the sentence (a
# scan for a word is far cheaper than running a pattern over every sentence); after them,
# so that of two overlapping cues the one above wins.
ZH_CUES_RARE: tuple[tuple[Role, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "present",
        # (the Xinhua formula "…组长董力会见时在座": seated at the meeting, zh_cn-t20z06; not 在
        # before 座谈/座談, at a forum: "分别在座谈会上讲了话", zh_cn-t12z04, scraped-t15z13; round 22)
        re.compile(
            r"入场就[座坐]|入席就[座坐]|就[座坐]|(?:(?:会见|会谈|会晤|接见)时)?在座(?![的谈談])"
        ),
        ("就座", "就坐", "在座"),
    ),
    (
        "presided",
        re.compile(r"邀请?[^，。；]{0,24}?(?:餐叙|餐会|聚餐|茶叙|晚宴|午宴)"),
        ("邀",),
    ),
    # (not the reception as a noun, thanked for: "吴锦市长对董长清总经理的热情接待表示感谢",
    # zh_cn-t20z18, -t20z19, zh_cn-t10z10: the one thanking is no host)
    (
        "presided",
        re.compile(
            r"接待(?<!受到接待)(?<!受接待)(?<!的接待)(?<!的热情接待)(?<!的周到接待)(?<!的盛情接待)"
            r"(?<!的热忱接待)(?<!的精心接待)(?!处|室|中心)"
        ),
        ("接待",),
    ),
    # the host of a banquet ("梁君彦…设新春午宴，宴请行政长官李家超…", "习近平…设宴欢迎…各国贵宾",
    # "林佳龙今天中午设宴款待", "曾钰成宴请梁振英等"): dev rounds 3, 11 and 20, five outlets; not a
    # banquet's noun ("接受…的宴请") nor one given for a group alone ("宴请全体与会使节", a
    # programme in none_zh-t212)
    (
        "presided",
        re.compile(
            r"设[^，。；、的]{0,4}?宴(?!会厅)"
            r"|宴请(?<!的宴请)(?!全体|各|与会|出席|参加|了?[\d一二三四五六七八九十几数多])"
        ),
        ("宴",),
    ),
    # credentials: who receives them holds the ceremony, the envoys presenting them take part
    # ("习近平接受19国新任驻华大使递交国书", "使节们…依次向习近平递交国书。他们是：A、B")
    # (presenting them is 递交, 呈递 or 呈交: "使节们依次向习近平呈递国书。这7位新任驻华大使是：
    # A、B", round 24, three outlets)
    ("presided", re.compile(r"接受[^，。；]{0,24}?(?:递交|呈递|呈交)国书"), ("国书",)),
    ("attended", re.compile(r"(?:递交|呈递|呈交)国书"), ("国书",)),
    (
        "attended",
        re.compile(
            r"齐聚一堂|共襄盛举|剪彩|观礼|肃立默哀|默哀|送别|吊唁|参访(?!团)|(?:率领|带领)的[^，。；]{0,12}?参访团|祝酒(?<!庆祝酒)(?!会)"
        ),
        ("齐聚", "共襄", "剪彩", "观礼", "默哀", "送别", "吊唁", "参访", "祝酒"),
    ),
    # a list that witnesses or celebrates the occasion together, a verb of its own outside
    # the cue words ("市长林政则偕副市长陈全桂以及市议员A、B、C与地方居民上百人等共同欢喜庆祝",
    # "署长A、副部长B…与一众离岛地区领袖及社会贤达聚首一堂，共同见证", "习近平与梁振英及林郑月娥
    # 共同见证A与B签署", "与市长谢国梁共同致贺"): dev rounds 12, 18 and 19, four reports of four
    # outlets; not a witnessing noun ("在与会人员的共同见证下", zh_cn-r314)
    (
        "attended",
        re.compile(
            r"(?<!的)(?:共同|一同)(?:[^，。；、的]{0,2}?)(?:见证|庆祝|欢庆|欢度|致贺)(?!下)|聚首一堂"
        ),
        ("共同", "一同", "聚首一堂"),
    ),
    # who entered the venue or went on stage together, or watched over an oath
    # ("A、B与市府团队入场唱国歌", "A与B一起上台", "在司法院长A监誓下")
    (
        "attended",
        re.compile(r"入场(?!就座|入席|券|费|证|人数|时间)|(?:一起|一同|共同|相偕)上台|监誓(?!人)"),
        ("入场", "上台", "监誓"),
    ),
    # relaying a higher meeting, a document or a leader's words to the meeting is no speech:
    # the relayer attends, or has the other role the text gives (people._presenters_kept;
    # LABELLING.md, "Wordings settled by count (round 23)": "区委副书记X传达了市委十一届十次全会
    # 精神", zh_cn-t808); not a purpose ("以传达…的决心"), nor the meeting's agenda after its
    # chair's clause ("X主持召开…会议，传达学习…"). What is relayed is part of the cue, so that a
    # leader named in it ("传达了习近平总书记…重要讲话精神") is no list after it.
    (
        "attended",
        re.compile(
            r"(?<!以)(?<!为)(?<!来)(?<![，,、])传达(?:了|学习了)?(?!室|给|到)"
            r"[^，。；]{0,60}?(?:精神|讲话|要求|指示|部署|决定|文件|内容)"
        ),
        ("传达",),
    ),
    (
        "attended",
        re.compile(
            r"代表[^，。；、]{0,10}?(?:签署|签约|签字)|完成宣誓|宣誓就职|宣誓就任"
            # taking the oath in person ("李慧琼率先宣誓", "A、B在内的90名候任议员依次进行宣誓",
            # "要求他们重新宣誓，包括A、B"), not the oath's things ("宣誓仪式", "宣誓人", "宣誓有效")
            r"|宣誓(?!人|仪式|典礼|词|礼|席|位|有效|次序|授证|布达|结束|的)"
        ),
        ("签", "宣誓"),
    ),
    # a party come to visit: its leaders and members named before "一行", or before leading a
    # delegation or a team, then where they came to inspect, survey or visit ("徐东升，校长孙承武，
    # 常务校长刘先义一行到云顶体育考察交流", "侯有喜，…县长许健率县党政考察团到…通州区考察",
    # "刘玉培带领…负责人等一行十人来我校调研"; rounds 22, 24, 25; labelled so in rounds 3, 5, 13,
    # 16 too)
    ("attended", ZH_PARTY_VISIT, ("一行", "带领", "带队", "率")),
    # one person come to survey or inspect (ZH_SURVEY above)
    ("attended", ZH_SURVEY, ("调研", "考察", "视察")),
    # the entourage: "A、B等多名中央官员随行", "A、B随同调研" (not its noun: "随行人员有…",
    # read after the cue below; nor the idiom 随行就市, to follow the market)
    (
        "attended",
        re.compile(
            r"随行(?!人员|记者|团|的|者|名单|还|也|有|包括|就市)|随同(?=调研|考察|视察|检查)"
        ),
        ("随行", "随同"),
    ),
    ("spoke", re.compile(r"通报了?[^，。；]{0,40}?(?:报告|情况)"), ("通报",)),
    # answering questions is speaking ("大会新闻发言人郭卫民…并回答中外记者提问", "郭卫民回答了12个
    # 问题"; a press conference's spokesman, rounds 21 and 25, zh_cn, zh_hant and scraped copies
    # of five outlets); not a question answered in writing or still to come (people_zh._unreal)
    (
        "spoke",
        re.compile(r"回答(?:了)?[^，。；、]{0,12}?(?:提问|问题)(?!的|时)"),
        ("回答",),
    ),
    # reading out a letter or a statement to the meeting ("胡春华宣读习近平主席贺信"), not an oath
    # (a decision, an order or a list read out is no speech: "张又侠宣读了…签署的晋升上将军衔命令",
    # "王长顺宣读了《关于准予…毕业的决定》"; round 20, five outlets: labelled attended or no role)
    (
        "spoke",
        re.compile(
            r"宣读(?!了?誓)(?![^，。；]{0,60}?(?:决定|命令|名单|通知|文件|决议|公告|任命|祈祷文|议事录))"
        ),
        ("宣读",),
    ),
    # who greets a visitor on arrival takes part ("A、B在机场热情迎接", "受到A、B等热情迎接",
    # "张汉晖也到机场迎接"), as does the entourage ("蔡奇、王毅等陪同人员同机抵达"); not the
    # welcoming of a year or an event ("迎接新年", "迎接党的二十大"); and who sees the visitor off
    # on leaving, the same at the other end of the visit ("…大使黄勇到机场送行", round 16, zh16:
    # dev rounds 23 and 29, four reports of three outlets, each labelled `attended`)
    (
        "attended",
        re.compile(
            r"迎接(?=[，。；]|$)|(?<=机场)送行(?=[，。；]|$)|迎上前去|陪同人员(?=同机|抵达|一同)"
            # greeters at the airport, the visitor named after the verb or meeting the plane
            # (LABELLING.md, "Wordings settled by count (round 24)": attended; "…大使刘晓明等到
            # 机场迎接李克强总理和夫人", "上海市台办副主任李骁东等人接机", "龚萨福亲自接机")
            r"|(?<=机场)迎接(?!仪式|典礼|的)|(?<![迎直间连衔对])接机(?=[，。；]|$)"
        ),
        ("迎接", "送行", "迎上前", "陪同人员", "接机"),
    ),
    # an arrival for the occasion the same sentence names (a visit, a summit, a ceremony): who
    # arrives takes part ("李强乘包机抵达惠灵顿国际机场，开始对新西兰进行正式访问"). Dev labels give
    # the subject of such an arrival `attended` in 31 of 32 sightings (rounds 7-26; 15 read by no
    # other cue before round 15); of a bare arrival ("夏宝龙及其车队抵达礼宾府", none_zh-t814)
    # in 13 of 18. Not its modifier ("抵达的旅客"), nor one to come (people_zh._unreal: "将抵达").
    (
        "attended",
        re.compile(
            r"(?:抵达|飞抵)(?!的|时间|人数)(?=[^。；！？]{0,40}?"
            r"(?:访问|国事|出席|参加|会议|峰会|论坛|典礼|仪式|活动))"
        ),
        ("抵达", "飞抵"),
    ),
    # convened ("韩国瑜召集朝野协商", "李强召开国务院常务会议"): the one convening chairs
    ("presided", re.compile(r"召集(?!人)|召开(?!的|前|后|期间|之际)"), ("召集", "召开")),
    # a council's questioning (质询, Taiwan's and Hong Kong's legislatures and councils): the
    # member questioning speaks ("议员蔡其雍针对…问题，质询产业发展处长李铭培", "由议员陈鸿禧质询",
    # "陈文昌质询时再批"; round 24, four reports of three outlets), the official questioned
    # attends (ZH_AFTER_TITLED). Not the session's noun ("县政总质询", "业务质询", "政党质询"),
    # nor the questions stood for or answered ("备质询", "答复议员质询").
    (
        "spoke",
        re.compile(
            r"质询(?<![总务案党备答覆复询出受的着著与和及、]质询)(?<!答议员质询)(?<!满议员质询)(?<!答委员质询)"
            + _NOT_QUESTIONING
        ),
        ("质询",),
    ),
    # who takes over an office at its handover or inauguration is there ("由侨务顾问白适荣接任
    # 会长", "监事长和秘书长分别由黄得富和林南宏出任", "新任会长由公明里里长蔡水松接任"; rounds 22
    # and 24, three outlets): only in a report telling of a handover, and not one still to come
    # ("将由…接任"; people_zh._office_taken_elsewhere; not "出任北京市公安局副局长", a career)
    ("attended", re.compile(r"(?:接任|出任)(?!人选|者|后|前|以来|的)"), ("接任", "出任")),
    # a call paid in person (拜会, 拜访): the visitor is there ("侨委会委员长陈士魁…前往日本，拜会
    # 大阪、京都、神户等地侨社", "驻美代表袁健生7月8日首次拜访纽约侨团", "林定国拜访…大使戴兵",
    # "佐藤孝弘等人昨天拜会台南市长黄伟哲"; rounds 3, 15, 22 and 24, six outlets), and so is the
    # one visited (ZH_AFTER_TITLED). Not the new year's reception (团拜会), nor a call to come
    # (people_zh._office_taken_elsewhere: "将拜会葡萄牙总统").
    (
        "attended",
        re.compile(r"拜(?:会|访)(?<!团拜会)(?!的|时间|行程|团|活动|之)"),
        ("拜会", "拜访"),
    ),
    # the one overseeing a handover takes part in it, like the other guests of the ceremony
    # ("由客委会主委刘庆中监交"; LABELLING.md, "Wordings settled by count", round 15)
    ("attended", re.compile(r"监交"), ("监交",)),
    # the masters of ceremonies lead the programme, as a 主持人 does ("并由宋芝龄和黄守东担任
    # 大会司仪", zh_hant-t10z14); not the MC who only speaks ("现场司仪表示")
    ("presided", re.compile(r"担任[^，。；、]{0,8}?司仪"), ("司仪",)),
    # the one leading others up takes part ("在政务司司长陈国基带领下上台宣誓")
    ("attended", re.compile(r"(?:带领|率领|引领)(?=下)"), ("领下",)),
    # a rite of the occasion done in person takes part (temples, openings, award ceremonies):
    # "A、B共同点燃起马炮", "由A、B亲自恭送…回銮", "A与B交接", "A担任颁奖嘉宾", "A致辞并颁奖"
    # (not the noun: "颁奖典礼", "交接典礼"; unveiling a plaque, 揭牌, is no role in the
    # labelling guide), and collecting or accepting for someone else
    # ("由A代为领奖", "由A代表接受")
    (
        "attended",
        re.compile(
            r"点燃|鸣锣|敲(?:响)?锣|扶轿|上香|参香|参拜|拈香|恭送|恭迎|领誓|致赠|颁赠|担任颁奖嘉宾"
            r"|颁奖(?!典礼|礼|仪式|晚会|大会|嘉宾|活动|台|人|者|状)"
            r"|(?<!印信)(?<!印鉴)(?<!职务)(?<!业务)(?<!工作)交接(?!典礼|仪式|大会|会|日|后|前|的|工作|之)"
            r"|交棒|代为领奖|" + RITE_ACCEPTING
        ),
        (*RITE_WORDS, "接受"),
    ),
    (
        "attended",
        # (nor the ceremony's name with its oath: "就职宣誓仪式由A、B共同主持", zh_hant-t906)
        re.compile(
            r"就职(?![^，。；]{0,4}周年|以来|后|前|演说|演讲|典礼|仪式|满|宣誓(?:仪式|典礼))"
        ),
        ("就职",),
    ),
    # who declares the occasion open or closed is at it ("县委书记郭碧勋宣布运动会开幕", "王国生宣布：
    # 第十二届…洽谈会开幕"): attended, no chair (LABELLING.md, round 14: 13 of the 14 blind reports
    # of rounds 16-25 whose declarer has no other role). Not a date announced ("宣布，…将于…开幕"),
    # nor after another verb of the same person ("致辞并宣布开幕": that verb gives the role).
    (
        "attended",
        re.compile(
            r"宣布(?<!并宣布)(?![，,])了?(?:(?!将|于)[^，,。；！？]){0,30}?[开闭]幕(?![式词辞会])"
        ),
        ("宣布",),
    ),
    # the one conferring degrees or honours takes part in the conferment, no chair (LABELLING.md,
    # "Wordings settled by count", round 15: "由校长武东星亲自颁授毕业证书", zh_hant-t14z14), and
    # with a speech of the same clause the speech alone ("习近平向…获得者颁授勋章奖章并发表重要
    # 讲话", zh_cn-r13v03); not the one given them (获颁授), nor the ceremony's name (颁授典礼)
    (
        "attended",
        re.compile(
            r"(?<![获受])颁授(?!仪式|典礼|礼|工作|给|予|名单|的)"
            r"(?![^，。；]{0,30}?并(?:发表)?[^，。；]{0,6}?(?:讲话|致辞|致词|演讲))"
        ),
        ("颁授",),
    ),
    # the one taking the chair's seat ("总统就主席位")
    ("presided", re.compile(r"就主席(?:位|座|席)"), ("就主席",)),
    # "分别汇报了", "向大会报告", "通报了…情况": a report made to the meeting. Not a plain
    # "介绍了…情况" (round 13, spoke13: one's own work told to guests or a meeting, "省长马兴瑞
    # 介绍了…有关情况", "分别介绍了各自省市情况"; labels of rounds 8-23 hold no `spoke` for 25 people read
    # so, in zh_cn, zh_hant and scraped copies, those of rounds 3-7 five): 介绍 is a
    # report only when made to the meeting by name ("向大会介绍", below)
    (
        "spoke",
        re.compile(
            # (a report to the one met is part of the meeting, no speech: "金位海主席向汪市长汇报了
            # …", "欧阳莉副董事长向陈和春副主席一行汇报了…" (LABELLING.md, round 14's "a report or words
            # to the one met"; round 18: zh_cn-t17z10, -t17z12, labelled so in 2 of 2); a report
            # to the meeting stays a speech ("向大会汇报", below)
            r"汇报" + _NOT_TO_ONE_MET + r"了|通报了|(?:分别|先后|依次|相继)(?:汇报|报告|通报)"
            # "A、B分别就各自分管工作进行汇报" (zh_cn-t906)
            r"|进行了?(?:工作)?(?:汇报|报告)"
            # a titled name reporting to the meeting: "校长黄颂良报告该校…表现", "司长释莲栽长老
            # 报告…条例", "司长吴尚年报告：" (zh_hant-d1017, t909, t306); not the noun (工作报告,
            # 报告显示, 报告书), a kind of report (施政报告, 国情报告, 专案报告), nor one avoided or
            # still to come (闪躲报告, 拒绝报告, "报告并备质询" / "报告及备质询", "报告后": Taiwan's
            # legislature, zh_hant-t513, none_zh-t509); the lookbehind after the word keeps the
            # pattern opening with it
            r"|报告(?<![作做的份篇项告度总大政情案题务躲避绝]报告)"
            r"(?!显示|指出|称|中|书|会|厅|人|里|内|期|单|表|说|后|[并及]备|了?[^，。；]{0,4}?(?:显示|指出))"
            r"|向(?:大会|会议|全会|来宾|与会|常委会|主席团)[^，。；]{0,4}?(?:报告|汇报|介绍|通报)"
        ),
        ("汇报", "介绍", "通报", "报告"),
    ),
)
# The list follows its cue: "出席会议的还有A、B", "出席座谈会的党外人士还有A、B",
# "出席者包括A、B", "亦有出席，包括A、B".
ZH_AFTER = re.compile(
    "|".join(
        verb + r"(?:观礼|活动|会议|仪式)?"
        # "出席交流活动的澳门特区行政、立法、司法机构主要负责人包括A"
        # ("参加新春团拜的议员，除了议长郭信良外，还包括A、B": one named besides, zh_hant-r16v09)
        r"(?:[^，。的]{0,15}的(?:[^，。的有]{1,30}?)?(?:，除了?[^，。]{1,24}?以?外，)?(?:还|也)?"
        r"(?:有(?!关|所|些|效|力|序)|包括)"
        # "参加升旗典礼的贵宾，包括有A", "与会嘉宾云集，有A"
        r"|[^，。的]{0,15}?(?:的)?(?:嘉宾|贵宾|来宾|人士|官员|要员)[^，。、的]{0,4}[，,：:]\s*(?:还|也|亦)?(?:包括有?|有)[:：]?"
        # "出席主礼嘉宾有A": a word of the group's kind before its noun; 包含 as 包括 ("與會人員包含
        # 花蓮市長魏嘉賢、…", zh_hant-t11z12)
        # (and officials: "中方与会官员包括A", "在场参加欢送仪式官员包括A", zh_hant-t16z18,
        # zh_hant-r15v03; "与会者则有A")
        r"|(?:[^，。的、\s]{0,4}?(?:者|嘉宾|贵宾|来宾|人员|官员)|的领导|的嘉宾|的人士)?(?:还|亦|也|则)?"
        r"(?:包括|包含|有(?!关|所|些|效|力|序))[:：]?"
        r"|[，,]\s*(?:包括|有)[:：]?"
        # the occasion named with no 的 before the list ("出席是次會議還有專項小組副協調員A，委員
        # B、C", zh_hant-t17z27)
        r"|(?:是次|本次|此次|这次|今次)?(?:会议|活动|仪式|典礼)(?:还|也|亦)(?:有(?!关|所|些|效|力|序|助)|包括)[:：]?)"
        # and a rite done in person: "此次点燃起马炮的重要嘉宾包括A、B"
        for verb in "出席 参加 列席 与会 到场 到会 到访 莅临 陪同 迎接 宣誓 点燃 剪彩 恭送 扶轿 上香".split()
    )
    # at the table, in attendance, in the party: "同桌的还有A、B", "宴请行政长官A、B"
    + "|"
    + "|".join(f"{word}的(?:还|也)?有[:：]?" for word in "同桌 在座 同席 随行 陪同".split())
    + "|宴请|"
    # the officiating guests, a noun ("主礼嘉宾包括A、B": they attend; zh_hant-t915, and
    # "出席…的主礼嘉宾有" above; "主礼嘉宾：A" or "为A" is ZH_AFTER_CHAIR's chair)
    + "主礼嘉宾(?:还|也|亦)?(?:包括有?|包含|有)[:：]?|"
    # the guests there: "现场来宾包含A委员、B…" (zh_hant-t511), "与会嘉宾包括"
    # (one alternative per opening word: an alternative opening with a group of words would
    # take from re its scan for the opening characters, and ZH_AFTER runs on most sentences)
    + "|".join(
        f"{word}(?:来宾|嘉宾|贵宾)(?:还|也|亦)?(?:包括有?|包含|有)[:：]?"
        for word in "现场 与会 到场 出席".split()
    )
    # the guests of the occasion, whatever words describe them before: "活動當日來自臺灣的貴賓
    # 包括A、B" (zh_hant-t12z25), "來賓包括日本參眾議員…" (a list of groups: no names)
    # (one alternative per noun: a group of them opening an alternative took from re its scan
    # for the opening characters, and the whole pattern was tried at every position of every
    # sentence asked, four fifths of its cost: round 24, zhcost24)
    + "|"
    + "|".join(f"{noun}(?:还|也|亦)?(?:包括有?|包含)[:：]?" for noun in ("来宾", "嘉宾", "贵宾"))
    + "|"
    # a list of participants by its noun: "宣誓人员包括A、B", "与会者有A"
    + "|".join(
        f"{noun}(?:还|也)?(?:包括|有|为)[:：]?"
        for noun in "宣誓人员 宣誓人 参加人员 出席人员 与会人员 与会者 参加者 出席者 参会人员 随行人员".split()
    )
)
# The officiating guests (主礼嘉宾, or 主礼 as a verb, "担任主礼，包括A"): a list of them after
# ZH_AFTER presides (LABELLING.md, "Wordings settled by count (round 24)": the officiant presides,
# attends as well by an attending word of their own, ZH_ATTENDING_WORD: "出席…的主礼嘉宾包括A、B",
# "主礼嘉宾包括A、B等出席"). The noun within eight characters of the list's opening word.
ZH_OFFICIATING = re.compile(
    r"主礼(?:嘉宾|人)?[^，。；：:]{0,8}?(?:[，,]\s*)?(?:还|也|亦|则)?(?:包括|包含|有|为)[:：]?"
)
ZH_ATTENDING_WORD = re.compile(r"出席|参加|参与|列席|与会|到场|到会|莅临(?!主礼)|亲临|光临")
# A list a copula and a colon introduce, its group named before it and no verb of its own:
# "这次晋升上将军衔的军官是：A、B" (zh_cn-t11z19, 2023), "这10位军官警官是：A、B…" (zh_cn-t11z20, 2015,
# another site). The group is people (a word ending in 官 员 人 者 宾 表 士 生 家 手 导) described by
# a clause (的) or pointed at (这, 以下); without the colon "X为…" and "X是…" are descriptions ("3人
# 为…转任", none_zh-026), and a group with neither ("獲授予榮譽勳章者為：", none_zh-t705) is a list of
# honours. (A copula after 先后, 分别, 依次 is read as 有 before: people_headed.zh_copula.)
ZH_COPULA_LIST = re.compile(
    r"(?:的|这|以下)[^，。；的\n]{0,12}?(?:官|员|人|者|宾|表|士|生|家|手|导)(?:是|为)[:：]"
)
# (each alternative opens with its word, so that re skips to the positions holding one)
# Any other role's cue, then 的 and a list: "在主席台就座的还有：A、B", "主持会议的是A",
# "致辞的有A、B" (the role is the cue's, not attended); each run only when one of its words
# is in the sentence.
ZH_AFTER_ROLE: tuple[tuple[Role, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "present",
        # (or a colon after the group: "在主席台就坐的各位领导：A；B")
        re.compile(
            r"就[座坐]的(?:[^，。、的有（(]{1,8}?)?(?:(?:还|也|亦)?(?:有|包括)[:：]?|[:：])"
        ),
        ("就座的", "就坐的"),
    ),
    (
        "presided",
        re.compile(
            r"主持(?:[^，。、；的]{1,8})?的[，,]?(?:[^，。、的有（(]{1,8}?)?(?:还|也|亦)?(?:有|包括|是|为)[:：]?"
        ),
        ("主持",),
    ),
    (
        "spoke",
        re.compile(
            r"(?:讲话|致辞|致词|发言)的(?:[^，。、的有（(]{1,8}?)?(?:还|也|亦)?(?:有|包括|是)[:：]?"
        ),
        ("讲话的", "致辞的", "致词的", "发言的"),
    ),
    # the council members questioning in turn: "首先上场质询的有议员A、B、C" (round 24)
    (
        "spoke",
        re.compile(r"质询的(?:[^，。、的有（(]{1,8}?)?(?:还|也|亦)?(?:有|包括|是)[:：]?"),
        ("质询的",),
    ),
)
# The role's cue, then 的 and the person with a title: "主持上午英文记者会的公共事务主任蔡仲礼".
ZH_AFTER_TITLED: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("presided", re.compile(r"主持[^，。；、的]{1,16}的")),
    ("present", re.compile(r"在场的")),
    # the guest of a welcome ceremony: "胡锦涛…举行仪式，欢迎美国总统奥巴马对中国进行国事访问"
    ("attended", re.compile(r"(?:举行|举办)(?:了)?[^，。；的]{0,10}?仪式[，,]?欢迎")),
    # the laureate handed the award in person: "黄定光颁奖给品学兼优二等奖得主吴少君同学",
    # "李远亲颁特别贡献奖予得主郑明进"
    ("attended", re.compile(r"颁[^，。；、]{0,12}?(?:给|予)")),
    # the one taking over: "由林正雄会长交棒给第27届新任会长、…董事长周文东"
    ("attended", re.compile(r"交棒(?:给|予)")),
    # the one a visitor calls on: "林定国拜访中华人民共和国驻大韩民国特命全权大使戴兵" (round 24)
    (
        "attended",
        re.compile(r"拜(?:会|访)(?<!团拜会)(?=[\u4e00-\u9fff])(?!的|时间|行程|团|活动|之)"),
    ),
    # the official a council member questions: "张启楷今日质询农业部长陈骏季时" (round 24)
    (
        "attended",
        re.compile(
            r"(?<![总务案党备答覆复询出受])质询" + _NOT_QUESTIONING + r"(?=[\u4e00-\u9fff])"
        ),
    ),
)
# A list after a role noun and 是/为: "大会的执行主席是A、B", "主持人为A".
ZH_AFTER_CHAIR = re.compile(r"(?:执行主席|主持人|主礼嘉宾|主礼人)(?:是|为|：|:)")
# A form's field or a minutes' heading opening its line, then a colon and the list
# ("主席：柯文哲", "四、出席者：外交部国际组织司司长吴尚年", "列席人员：A、B"); "记录", "请假"
# and "缺席" give no role. `people` joins a heading alone on its line to the line after it.
ZH_HEADING = re.compile(
    r"(?:[一二三四五六七八九十\d]{1,2}[、.．]\s*)?(?:(主席|会议主席|主持人?|会议主持人?)"
    r"|(?:出席|列席|与会|参加|参会)(?:者|人员|委员|人士|嘉宾|领导|代表|单位|名单)?)\s*[:：]"
)
# The same heading with spaces for its colon ("出席委员  林德福  柯建铭"): read only when the
# names after it are parted by spaces too (people_zh._spaced_list).
ZH_HEADING_SPACED = re.compile(
    r"(?:(主席|会议主席|主持人|会议主持人)"
    r"|(?:出席|列席|与会|参加|参会)(?:者|人员|委员|人士|嘉宾|领导|代表)?)[ \u3000\t]+(?=[\u4e00-\u9fff])"
)
# Meetings between named people: both sides take part ("习近平会见美国总统拜登",
# "习近平同普京举行会谈", "李强与朔尔茨通电话"). The other side follows 会见/会晤 or
# stands between 同/与/和 and the verb.
ZH_MEET_AFTER = re.compile(r"(?:会见|会晤|接见|看望|慰问)(?:了)?")
ZH_MEET_WITH = re.compile(
    # (同日 is "the same day", not 同日本; a 和 that ends a name before the connective,
    # "魏凤和同日本防卫大臣岸信夫视频通话", is left for the connective after it)
    r"[同与和跟](?<!共[同与和跟])(?!日(?!本)|时|样|志|期|事|行|仁|[同与跟])([^，。；]{2,40}?)"
    # the verb may carry 了 ("举行了会谈", "通了电话", "进行了视频通话") and words before its noun
    # ("同美国总统拜登举行中美元首会晤", scraped-t20g01; "举行首次会晤"), and stand after a comma
    # ("与到访的国民党名誉主席连战，进行两人第四度会晤", zh_hant-t20z08)
    r"(?:[，,]?(?:举行|进行)了?[^，。；]{0,8}?)?(?:会谈|会晤|座谈|通了?电话|通话|视频通话|视频会晤|会面|见面"
    r"|举行了?会见)"
)
# The names of a group the sentence, or the one before, gives a role: "他们是：A、B" (the guests
# just welcomed), "16名非官守议员为A、B" (the members just sworn in), "陪同拜登出席的是五名官员：
# A、B". The role is the cue's before it (people_zh._zh_named_group).
ZH_NAMED_GROUP = re.compile(
    r"[他她]们(?:分别|依次)?(?:是|为)[:：]"
    # the members of a delegation or team just said to attend ("澳门代表团一行廿四人出席会议，
    # …。团员包括：A、B", zh_hant-t914); people_zh gives them attending roles only
    r"|(?:代表团|团|组|队)?(?<![^，。；：\s代表团组队])(?:团员|成员|组员|队员)(?:还|也)?(?:包括|有|为|是)[:：]?"
    r"|(?:\d{1,3}|[一二三四五六七八九十两]{1,3})[名位][\u4e00-\u9fff]{1,8}?(?:分别)?(?:为|是)[:：]?"
    r"|的(?:也|还)?是(?:\d{1,3}|[一二三四五六七八九十两]{1,3})[名位][\u4e00-\u9fff]{0,6}[:：]"
)
