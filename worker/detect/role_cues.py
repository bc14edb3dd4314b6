"""The words that give people their role, per language and per position in the clause.

`people_latin` finds the name lists first and then asks which cue governs each list: a verb
after it (the list is the subject), a passive "by", an inverted "were", a "with" of meeting
before it (the list is the object or complement). The tables below are the only place a
phrasing lives: a new way of saying a known role is a word added here, not a new rule.

Every pattern is matched at a fixed position (`re.match` on the text after or before the
list), so the tables read like the clauses they describe.
"""

from __future__ import annotations

import re

from worker.detect.model import Role

# ---- English and German: the list stands BEFORE its cue (it is the subject) --------------

_DET = r"(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?"
_ADJ = r"(?:[\w-]+\s+){0,3}?"
_GATHERING = (
    r"(?:meeting|meetings|session|sessions|conference|videoconference|video\s+conference"
    r"|symposium|seminar|briefing|forum|consultations?|council|plenum|plenary|summit"
    r"|reception|banquet|ceremony|dinner|luncheon|hearing|review|inspection|dialogue"
    r"|roundtable|round-table|gathering|event|rally|celebration|assembly|congress|talk)"
)
# Verbs of meeting someone: the subject and the people after "with" both take part.
MEET_WITH = re.compile(
    r"(?:(?:held|holds|hold|had|has|have|having|holding)\s+(?:talks|consultations|"
    r"an?\s+(?:[\w-]+\s+){0,2}?(?:conversation|call|talk|chat|exchange|meeting|bilateral)"
    r"|a\s+(?:[\w-]+\s+){0,2}?talks)"
    r"|met|meets|meet|meeting|talked|talks|talk|conferred|spoke|speaks|chatted"
    r"|(?:spoke|talked)\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone)"
    r"(?:\s+(?:via|by|over)\s+(?:video\s*link|videoconference|(?:tele)?phone))?"
    r"\s+(?:separately\s+)?with\b",
    re.I,
)
# "X met Y", "X received Y": the people right after the verb take part too.
MEET_DIRECT = re.compile(
    r"\b(?:met|meets|meet|received|receives|welcomed|welcomes|greeted|greets|hosted|hosts)"
    r"(?:\s+with)?\b",
    re.I,
)
# "X welcomed / received / greeted Y": with a named guest after it, X is the host.
HOST_DIRECT = re.compile(
    r"(?:has\s+|have\s+|had\s+)?(?:welcomed|welcomes|received|receives|greeted|greets)\b", re.I
)

SUBJECT_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        "present",
        re.compile(
            r"(?:(?:were|was|are|is)\s+(?:also\s+)?(?:present|seated\s+on\s+the\s+rostrum"
            r"|on\s+the\s+rostrum|seated\s+in\s+the\s+front\s+row|in\s+the\s+front\s+row)"
            r"|sat\s+(?:on\s+the\s+rostrum|in\s+the\s+front\s+row))\b",
            re.I,
        ),
    ),
    (
        "attended",
        re.compile(
            r"(?:(?:were|was)\s+(?:also\s+)?among\s+(?:those|the)\s+(?:attending|present|participants)"
            r"|(?:also\s+)?(?:attend|attends|attended|co-attended)"
            r"|(?:took|take|takes|taking)\s+part|participat(?:e|es|ed)|join(?:s|ed)"
            r"|accompan(?:ied|ies|y)|witness(?:ed|es)?|met|meet|meets"
            r"|(?:held|holds|hold|had|has|have)\s+"
            + _DET
            + _ADJ
            + r"(?:talks|call|conversation|consultations|negotiations|discussions|chat|phone\s+call)"
            r"|(?:spoke|talked|speak|talk|speaks|talks)\s+(?:by|on\s+the|over\s+the)\s+(?:tele)?phone"
            r"|(?:were|was|is|are)\s+(?:also\s+)?(?:in\s+attendance|at\s+(?:the\s+)?"
            + _GATHERING
            + r"))\b",
            re.I,
        ),
    ),
    (
        "presided",
        re.compile(
            r"(?:presid(?:ed|es|e)(?:\s+over)?|co-?chair(?:ed|s)?|chair(?:ed|s)?|co-?host(?:ed|s)?"
            r"|host(?:ed|s)?|moderat(?:ed|es)|convene(?:d|s)?|officiat(?:ed|es)"
            r"|(?:convened|convenes|called|calls|led|leads|opened|opens)\s+"
            + _DET
            + _ADJ
            + _GATHERING
            + r")\b",
            re.I,
        ),
    ),
    (
        "spoke",
        re.compile(
            r"(?:(?:delivered|delivers|deliver|made|makes|make|gave|gives|give|presented"
            r"|presents)\s+"
            + _DET
            + _ADJ
            + r"(?:speech(?:es)?|address|addresses|remarks|report|toast|keynote|lecture"
            r"|statement|briefing)"
            r"|address(?:ed|es)\s+(?!to\b|the\s+(?:issue|problem|question|need|concern)s?\b)"
            r"|spoke|speaks|gave\s+a\s+talk)\b",
            re.I,
        ),
    ),
)

# "X held a meeting": one person holding a meeting chairs it; several hold it among themselves.
CONVENE = re.compile(
    r"(?:has\s+|have\s+|had\s+)?(?:held|holds|hold|holding)\s+"
    + _DET
    + _ADJ
    + _GATHERING
    + r"\b(?!\s+with\b)",
    re.I,
)

# German: the list before its verb ("Putin leitete die Sitzung").
DE_SUBJECT_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("present", re.compile(r"(?:war|waren)\s+(?:auch\s+|ebenfalls\s+)?anwesend\b")),
    (
        "attended",
        re.compile(
            r"(?:nahm|nahmen|nimmt|nehmen)\s+(?:auch\s+|ebenfalls\s+)?(?:[^.;:]{0,80}?\s)?teil\b"
            r"|(?:besuchte|besuchten)\b"
        ),
    ),
    (
        "presided",
        re.compile(
            r"(?:leitete|leiteten|leitet|moderierte|moderierten|eröffnete|eröffneten|empfing"
            r"|empfingen|empfängt|war\s+Gastgeber(?:in)?|hatte\s+den\s+Vorsitz)\b"
        ),
    ),
    (
        "spoke",
        re.compile(
            r"(?:hielt|hielten|hält)\s+(?:eine|die)\s+(?:\w+\s+)?(?:Rede|Ansprache|Festrede)"
            r"|(?:sprach|sprachen|spricht)\b(?!\s+(?:über|von|mit|sich))|redete\b"
        ),
    ),
)
DE_MEET_WITH = re.compile(
    r"(?:traf|trafen|trifft)\s+(?:sich\s+)?(?:[^.;:]{0,40}?\s)?mit\b|(?:telefonierte|telefonierten"
    r"|sprach|sprachen)\s+(?:[^.;:]{0,40}?\s)?mit\b"
)

# ---- the list stands AFTER its cue (object, complement, passive agent) -------------------
# Searched in the clause before the list; only titles may stand between the cue and the list
# ("chaired by Foreign Minister X"), which `people_latin` checks.

OBJECT_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        "presided",
        re.compile(
            r"\b(?:presided\s+over|chaired|co-?chaired|hosted|co-?hosted|moderated|convened|led"
            r"|opened|officiated|headed)\s+(?:[\w.]+\s+){0,3}?by\b"
            r"|\bunder\s+the\s+(?:chairmanship|chair|presidency)\s+of\b"
            r"|\b(?:When|While)\s+(?:presiding\s+over|chairing|hosting)\b[^,]{0,80},"
            r"|^\W*(?:Presiding\s+over|Chairing|Hosting|Co-chairing|Moderating)\b[^,]{0,80},",
            re.I,
        ),
    ),
    (
        "attended",
        re.compile(
            r"\b(?:attended|accompanied|joined)\s+(?:[\w.]+\s+){0,3}?by\b"
            r"|\b(?:meeting|talks|session|conference|ceremony|event|discussions?|debate|summit)"
            r"\s+(?:also\s+)?(?:involved|included|brought\s+together|gathered)\b"
            r"|\bwith\s+the\s+participation\s+of\b"
            r"|\b(?:talks|meeting|meetings|conversation|call|consultations)\s+between\b",
            re.I,
        ),
    ),
    ("present", re.compile(r"\bin\s+the\s+presence\s+of\b", re.I)),
    (
        "spoke",
        re.compile(
            r"\baddressed\s+by\b"
            r"|^\W*(?:Addressing|Speaking\s+(?:at|during|to)|In\s+(?:his|her)\s+(?:speech|address))"
            r"\b[^,]{0,80},",
            re.I,
        ),
    ),
)
# "Taking part in the meeting were", "Also present were", "Participants included": the words
# of the inverted clause, then its verb. The role comes from the first group that matches.
INVERTED_VERB = re.compile(
    r"\b(?:were|was|are|is|included|includes|include|being)(?:\s+also)?\s*:?", re.I
)
INVERTED_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        "present",
        re.compile(
            r"\b(?:present|seated|sitting|on\s+the\s+rostrum|in\s+the\s+front\s+row)\b", re.I
        ),
    ),
    (
        "attended",
        re.compile(
            r"\b(?:attending|attendees|taking\s+part|took\s+part|participating|participants"
            r"|joining|accompanying|in\s+attendance|those\s+attending|guests)\b",
            re.I,
        ),
    ),
    ("spoke", re.compile(r"\b(?:speakers|speaking|addressing)\b", re.I)),
    ("presided", re.compile(r"\b(?:presiding|chairing|hosting|co-chairs?|hosts?)\b", re.I)),
)
DE_OBJECT_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        "presided",
        re.compile(
            r"\bunter\s+(?:dem\s+|der\s+)?(?:Vorsitz|Leitung)\s+(?:von\b)?"
            r"|\b(?:geleitet|moderiert|eröffnet)\s+von\b"
        ),
    ),
    (
        "attended",
        re.compile(
            r"\b(?:Teilnehmer(?:innen)?|Teilnehmende|Gäste|Mit\s+dabei)\s+(?:waren|sind)\b"
            r"(?:\s+(?:auch|unter\s+anderem|u\.\s*a\.))?"
            r"|\bin\s+Begleitung\s+von\b|\bbegleitet\s+von\b",
        ),
    ),
    ("present", re.compile(r"\b(?:Anwesend|Zugegen)\s+(?:waren|war)\b(?:\s+auch)?")),
    ("spoke", re.compile(r"\b(?:Es\s+)?(?:sprachen|redeten|Redner(?:innen)?\s+waren)\b")),
)
# German V2: a list right after these verbs is their subject when the clause opens with
# something else ("Am Montag leitete Putin die Sitzung").
DE_V2_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("presided", re.compile(r"\b(?:leitete|leiteten|eröffnete|empfing|empfingen)\s+$")),
    ("spoke", re.compile(r"\b(?:sprach|sprachen|hielt|hielten)\s+$")),
)
# "wurde von X geleitet": the participle after the list.
DE_PASSIVE_AFTER = re.compile(r"\s*(?:geleitet|moderiert|eröffnet)\b")
DE_TEIL_AFTER = re.compile(r"[^.;:]{0,80}?\bteil\b")


# ---- Chinese: matched on the simplified text; the list stands before its cue --------------
# A cue word used as a noun ("列席人士", "出席人员", "参加者") is not a verb of the list.
_NOT_VERB = r"(?!人士|人员|证|者|名单|范围|对象|情况)"
ZH_CUES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("present", re.compile(r"在主席台(?:前排|上)?就座|在主席台(?:前排|上)|在场(?!人士|人员)")),
    ("presided", re.compile(r"主持|主礼|主祭|主持人")),
    (
        "attended",
        re.compile(
            rf"(?:出席|参加|列席|与会|到会|到场|莅临|现身|参与|陪同|出席了|参加了){_NOT_VERB}"
        ),
    ),
    (
        "spoke",
        re.compile(
            r"(?:发表|作|做)了?(?:关于[^。；]{0,80}?的)?[^，。、；的]{0,8}?"
            r"(?:讲话|致辞|致词|发言|演讲|演说|报告|汇报|说明)"
            r"|致(?:欢迎|贺|开幕|闭幕|答谢|新年)?(?:辞|词)|讲话(?!精神)|发言(?!人)|演讲|演说"
        ),
    ),
)
# The list follows its cue: "出席会议的还有A、B", "出席座谈会的党外人士还有A、B",
# "出席者包括A、B", "亦有出席，包括A、B".
ZH_AFTER = re.compile(
    r"(?:出席|参加|列席|与会)(?:[^，。的]{0,15}的(?:[^，。、的有]{1,8}?)?(?:还|也)?有"
    r"|(?:者|嘉宾|人员|的领导|的嘉宾|的人士)?(?:还|亦|也)?(?:包括|有)[:：]?"
    r"|[，,]\s*(?:包括|有)[:：]?)"
)
# Meetings between named people: both sides take part ("习近平会见美国总统拜登",
# "习近平同普京举行会谈", "李强与朔尔茨通电话"). The other side follows 会见/会晤 or
# stands between 同/与/和 and the verb.
ZH_MEET_AFTER = re.compile(r"(?:会见|会晤|接见|看望|慰问)(?:了)?")
ZH_MEET_WITH = re.compile(
    r"[同与和跟]([^，。；、]{2,40}?)(?:举行)?(?:会谈|会晤|通电话|通话|视频通话|视频会晤|会面|见面"
    r"|举行会见)"
)
