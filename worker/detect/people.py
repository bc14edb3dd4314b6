"""Who a report names as attending, presiding, speaking or present, and how two lists differ.

Input: a report's plain text (English, German or Chinese, simplified or traditional) and
an optional `Roster`. Output: `Person` values in text order (`extract_people`), and the
`AttendeeDiff` between two lists of them (`compare_people`, `lead_body_diff`).

Lead and body: the text is cut into paragraphs (non-empty lines). If a dateline paragraph
("Beijing, 12 Dec (Xinhua) --", "新华社北京12月12日电", "（新闻联播）") comes after some
headline lines, those lines are the lead and the dateline paragraph starts the body; if
the dateline opens the text, or there is none, the first paragraph is the lead. A text
of one paragraph is all body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from worker.detect.lang import detect_language
from worker.detect.model import Person, Role, Segment
from worker.detect.roster import Roster, has_han, pinyin_name, to_simplified

__all__ = ["extract_people", "latin_name", "zh_name_items"]

_T = TypeVar("_T")

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .'-]{1,40},\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"[^\n]{0,40}?(?:--|—|–)|.{0,60}\((?:Xinhua|Reuters|AP|AFP|TASS|Sputnik|dpa|KCNA)\)"
    r"|[^\n]{0,12}(?:新华社|新華社|中新社|中央社)[^\n]{0,20}?电|[^\n]{0,12}[电電]\s*[（(]"
    r"|[^\n]{0,8}(?:（新闻联播）|（新聞聯播）|央视网消息|央視網消息|本报讯|本報訊))"
)
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bSt|\bGen|\bCol|\bLt|\bJr|\bSr|\bNo)\.$")
_SENT_END = re.compile(r"[。！？!?；]+|\.(?=\s)|\.$")

# English and German triggers. AFTER: the list follows the words; BEFORE: it precedes them.
_EN_AFTER: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("presided", re.compile(r"\b(?:presided over|chaired|hosted|led|moderated)\s+by\s+", re.I)),
    (
        "presided",
        re.compile(
            r"\bunter\s+(?:dem\s+)?Vorsitz\s+von\s+|\bgeleitet\s+von\s+"
            r"|\bvon\s+(?=[^.;:]{2,80}?\bgeleitet\b)"  # "wurde von Kanzler X geleitet"
        ),
    ),
    ("attended", re.compile(r"\b(?:attended|accompanied)\s+by\s+", re.I)),
    ("present", re.compile(r"\b(?:Seated|Sitting) on the rostrum (?:were|was)\s+", re.I)),
    ("present", re.compile(r"\bIn the front row (?:were|was|sat)\s+", re.I)),
    (
        "present",
        re.compile(
            r"\b(?:Also\s+)?(?:Present at\b[^.;:]{0,80}?\b|(?:Among those\s+)?present\s+)"
            r"(?:were|was)\s+(?:also\s+)?",
            re.I,
        ),
    ),
    (
        "presided",
        re.compile(r"\b(?:When|While)\s+(?:presiding over|chairing)\s+the\s+\w+\s*,\s*", re.I),
    ),
    (
        "attended",
        re.compile(
            r"\b(?:Also\s+)?(?:Attending|Taking part in|Participating in|Joining)"
            r"\b[^.;:]{0,80}?\b(?:were|was)\s+(?:also\s+)?",
            re.I,
        ),
    ),
    ("attended", re.compile(r"\b(?:Teilnehmer|Anwesend)\b[^.;:]{0,60}?\bwaren\s+")),
    (
        "attended",  # the other side of a meeting, talks or a call (Kremlin readouts)
        re.compile(
            r"\b(?:held\s+(?:a\s+)?(?:meeting|talks|consultations)|met"
            r"|had\s+an?\s+(?:telephone\s+)?(?:conversation|talk))\s+with\s+",
            re.I,
        ),
    ),
)
_EN_BEFORE: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (
        "present",
        re.compile(
            r"\b(?:(?:were|was)\s+(?:also\s+)?present\s+at\s+the\s+\w+"
            r"|(?:were|was)\s+(?:also\s+)?(?:seated|present)\s+on\s+the\s+rostrum"
            r"|sat\s+(?:on the rostrum|in the front row)|(?:were|was)\s+(?:seated\s+)?in the front row"
            r"|(?:were|was)\s+(?:also\s+)?present\b)",
            re.I,
        ),
    ),
    (
        "attended",
        re.compile(
            r"\b(?:also\s+)?(?:attended|took\s+part\s+in"
            r"|participated\s+in|(?:were|was)\s+among\s+those\s+attending)\b",
            re.I,
        ),
    ),
    ("presided", re.compile(r"\b(?:presided\s+over|presided|chaired)\b", re.I)),
    (
        "spoke",
        re.compile(
            r"\b(?:delivered|made|gave)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}"
            r"(?:speech(?:es)?|address|remarks)\b|\bspoke\b|\baddressed\s+the\b",
            re.I,
        ),
    ),
    ("presided", re.compile(r"\bleitete(?:n)?\b|\bempfing(?:en)?\b|\bgeleitet\b")),
    (
        "attended",  # the one who holds talks or a call with someone takes part in it too
        _BOTH_SIDES := re.compile(
            r"\b(?:held\s+(?:talks|consultations)|met|had\s+an?\s+(?:telephone\s+)?"
            r"(?:conversation|talk|call|phone\s+call))\s+with\b",
            re.I,
        ),
    ),
    ("spoke", re.compile(r"\bhielt(?:en)?\s+(?:eine|die)\s+(?:\w+\s+)?(?:Rede|Ansprache)\b")),
    ("spoke", re.compile(r"\bsprach(?:en)?\b(?!\s+(?:über|von|mit))")),
    (
        # "Vladimir Putin held a meeting with permanent members of the Security Council": the
        # one who holds or convenes a meeting with a body (not with a named person) chairs it.
        "presided",
        _CHAIR := re.compile(
            r"\b(?:held|convened|chaired)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:meeting|session|conference|videoconference|council)\b(?!\s+with\s+(?-i:[A-Z]))",
            re.I,
        ),
    ),
)
# A word each trigger above holds (lower-cased): a sentence without it cannot match the pattern,
# and an `in` test is far cheaper than an IGNORECASE scan. In table order.
_GATES: dict[re.Pattern[str], tuple[str, ...]] = dict(
    zip(
        (pattern for _, pattern in (*_EN_AFTER, *_EN_BEFORE)),
        (
            ("by",),
            ("von",),
            ("attended", "accompanied"),
            ("rostrum",),
            ("front row",),
            ("present",),
            ("presiding", "chairing"),
            ("attending", "taking part", "participating", "joining"),
            ("waren",),
            ("with",),
            ("present", "seated", "sat", "front row"),
            ("attended", "took", "participated", "among those"),
            ("presided", "chaired"),
            ("speech", "address", "remarks", "spoke"),
            ("leitete", "empfing", "geleitet"),
            ("with",),
            ("hielt",),
            ("sprach",),
            ("held", "convened", "chaired"),
        ),
        strict=True,
    )
)
_DE_TEIL = re.compile(r"\bnahm(?:en)?\s+(?:auch\s+)?(.+?)\s+teil\b")
_DE_TEIL_PLACE = re.compile(r"^(?:auch\s+)?(?:an|am|bei|beim)\b")
_LIST_SPLIT = re.compile(
    r"\s*(?:,|;)\s*(?:and\s+|und\s+|sowie\s+)?|\s+(?:and|und|sowie|as well as)\s+"
)
_EN_STOP = re.compile(
    r"^(?:who|which|where|when|while|whose|as|after|before|during|to|stressing|saying|said|noting"
    r"|that|in|on|at|with|for|from|wer|welche|als|nachdem|bei|mit)\b"
)
_REUSE = re.compile(
    r"^[\s,]*(?:(?:the|a|an|this|that|its|der|die|das|den|dem)?\s*[\w-]+\s*){0,3}"
    r"(?:and|und|then)\s*$",
    re.I,
)

# Chinese triggers, matched on the simplified text.
_ZH_TRIGGERS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("present", re.compile(r"在主席台(?:前排|上)?就座")),
    ("presided", re.compile(r"主持")),
    ("attended", re.compile(r"出席|参加|列席")),
    (
        "spoke",
        re.compile(
            r"(?:发表|作)了?(?:重要|总结|主旨|书面|新年)?(?:讲话|致辞|发言)|致辞|讲话(?!精神)"
        ),
    ),
)
# "出席会议的还有A、B", "出席座谈会的党外人士还有A、B": the list follows 有.
_ZH_AFTER = re.compile(r"(?:出席|参加|列席)[^，。的]{0,15}的(?:[^，。、的有]{1,8}?)?(?:还|也)?有")
# A group named after a list, before its verb: "A、B，中共中央、国务院有关部门负责人出席".
_ZH_GROUP = re.compile(
    r"(?:负责人|负责同志|人士|代表|成员|领导同志|领导人|干部|群众|官兵|专家学者|专家|学者|委员)等?$"
)
# When and how, between a name and its verb: "马英九今（24）日上午出席", "卓荣泰上午也出席".
_ZH_TIME_TAIL = re.compile(
    r"(?:[今昨前明](?:[（(]\d{1,2}[）)])?[天日晚晨]?|[（(]\d{1,2}[）)]日|(?:\d{1,2}月)?\d{1,2}日"
    r"|上午|下午|晚间|晚上|中午"
    r"|早上|凌晨|日前|稍早|也|亦|特别|亲自|一同|共同|都)+$"
)
_ZH_CHUNK = re.compile(r"[，,：:（）()“”「」]")
_ZH_ADVERBIAL = re.compile(r"^[^、]{0,16}$")
_ZH_REUSE = re.compile(r"^[^、，]{0,12}?(?:并|并且|后|和)$")


@dataclass(frozen=True, slots=True)
class _Hit:
    role: Role
    start: int
    end: int
    after: bool


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _lead_count(paragraphs: Sequence[str]) -> int:
    """How many paragraphs form the lead (see the module docstring)."""
    if len(paragraphs) < 2:
        return 0
    for i, para in enumerate(paragraphs[:8]):
        if _DATELINE.match(para[:200]):
            return i if i > 0 else 1
    return 1


def _sentences(paragraph: str) -> Iterator[str]:
    start = 0
    for m in _SENT_END.finditer(paragraph):
        # Only the last few characters can hold an abbreviation: searching there (the
        # characters before still count for \b) instead of the whole sentence so far.
        if m.group().startswith(".") and _ABBREV.search(
            paragraph, max(start, m.end() - 6), m.end()
        ):
            continue  # "U.S." or "Mr." does not end a sentence
        yield paragraph[start : m.end()].strip()
        start = m.end()
    if paragraph[start:].strip():
        yield paragraph[start:].strip()


def _latin_list(text: str, roster: Roster, *, backward: bool) -> list[str]:
    pieces = [p.strip(" .\"“”'") for p in _LIST_SPLIT.split(text) if p and p.strip(" .")]
    names: list[str] = []
    for piece in reversed(pieces) if backward else pieces:
        if _EN_STOP.match(piece) and (names or not backward):
            break
        name = latin_name(piece, roster)
        if name is None:
            name = latin_name(_without_adjuncts(piece), roster)  # "X on Tuesday", "visiting X in Y"
        if name is None and not backward and not names:
            name = latin_name(_leading_capitalised(piece), roster)  # "X stressed that ..."
            if name:
                names.append(name)
                break
        if name:
            names.append(name)
        elif backward and names and not piece[:1].islower() and len(piece.split()) > 5:
            break  # a long clause that is not an appositive ends the list
    return names[::-1] if backward else names


# When and where around a name: "Xi Jinping on Tuesday", "visiting President Macron in Beijing".
_TRAILING_ADJUNCT = re.compile(
    r"\s+(?:on|in|at|here|there|via|during|earlier|later|today|yesterday|this|last)\b.*$"
)
_LEADING_LOWER = re.compile(
    r"^(?:(?:visiting|incoming|outgoing|former|acting|then|newly|elected|new)\s+)+(?=[A-Z])"
)


def _without_adjuncts(piece: str) -> str:
    """The piece without a trailing time/place phrase and leading lower-case modifiers."""
    return _LEADING_LOWER.sub("", _TRAILING_ADJUNCT.sub("", piece))


def _leading_capitalised(piece: str) -> str:
    """The capitalised words a clause opens with: "Li Qiang stressed that" -> "Li Qiang"."""
    words = []
    for word in piece.split():
        if not word[:1].isupper():
            break
        words.append(word)
    return " ".join(words)


def _latin_hits(sentence: str) -> list[_Hit]:
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    low = sentence.lower()
    for after, table in ((True, _EN_AFTER), (False, _EN_BEFORE)):
        for role, pattern in table:
            if not any(word in low for word in _GATES[pattern]):
                continue
            for m in pattern.finditer(sentence):
                # these two read their names before the words another trigger reads after them
                if pattern not in (_BOTH_SIDES, _CHAIR) and any(
                    m.start() < e and s < m.end() for s, e in taken
                ):
                    continue
                taken.append((m.start(), m.end()))
                hits.append(_Hit(role, m.start(), m.end(), after))
    return sorted(hits, key=lambda h: (h.start, h.after))  # a subject before what follows it


def _latin_lists(sentence: str, roster: Roster) -> Iterator[tuple[Role, list[str]]]:
    dateline = _DATELINE.match(sentence)
    if dateline:  # "Beijing, 28 Dec (Xinhua) -- Xi Jinping attended ...": the list starts after
        sentence = sentence[dateline.end() :].lstrip(" -—–")
    hits = _latin_hits(sentence)
    for m in _DE_TEIL.finditer(sentence):
        inner = m.group(1)
        if _DE_TEIL_PLACE.match(inner):
            yield "attended", _latin_list(sentence[: m.start()], roster, backward=True)
        else:
            yield "attended", _latin_list(inner, roster, backward=False)
    previous: list[str] = []
    for i, hit in enumerate(hits):
        if hit.after:
            # the list runs to the next trigger after this one (one sharing its words does not end it)
            stop = next((h.start for h in hits[i + 1 :] if h.start >= hit.end), len(sentence))
            names = _latin_list(sentence[hit.end : stop], roster, backward=False)
        else:
            bound = max((h.end for h in hits[:i] if h.end <= hit.start), default=0)
            region = sentence[bound : hit.start]
            names = _latin_list(region, roster, backward=True)
            if not names and previous and _REUSE.match(region):
                names = previous
        if names:
            yield hit.role, names
            previous = names


def _zh_chunk_names(chunk: str, roster: Roster, *, last: bool) -> list[str] | None:
    names = zh_name_items(chunk, roster, last=last)
    return names or None


def _zh_before(region: str, roster: Roster) -> list[str]:
    chunks = [c for c in _ZH_CHUNK.split(region)]
    if "由" in chunks[-1]:
        chunks[-1] = chunks[-1].rsplit("由", 1)[1]
    found: list[list[str]] = []
    skipped = False
    for i, chunk in enumerate(reversed(chunks)):
        names = _zh_chunk_names(chunk, roster, last=i == 0 or (skipped and i == 1))
        if names is None:
            if i == 0 and not skipped and (_ZH_ADVERBIAL.match(chunk) or _ZH_GROUP.search(chunk)):
                skipped = True
                continue
            break
        found.append(names)
    return [n for group in reversed(found) for n in group]


def _zh_after(text: str, roster: Roster) -> list[str]:
    names: list[str] = []
    for chunk in _ZH_CHUNK.split(text):
        found = zh_name_items(chunk, roster, last=True)
        if not found and names:
            break
        names.extend(found)
    return names


def _zh_lists(simple: str, roster: Roster) -> Iterator[tuple[Role, list[str], str]]:
    after = _ZH_AFTER.search(simple)
    if after:
        yield "attended", _zh_after(simple[after.end() :], roster), simple
    hits: list[_Hit] = []
    for role, pattern in _ZH_TRIGGERS:
        for m in pattern.finditer(simple):
            if not any(m.start() < h.end and h.start < m.end() for h in hits):
                hits.append(_Hit(role, m.start(), m.end(), False))
    hits.sort(key=lambda h: h.start)
    previous: list[str] = []
    bound = 0
    for hit in hits:
        region = _ZH_TIME_TAIL.sub("", simple[bound : hit.start])
        names = _zh_before(region, roster) if region else []
        if not names and previous and _ZH_REUSE.match(region):
            names = previous
        if names:
            yield hit.role, names, simple
            previous = names
        bound = hit.end


def _as_written(name: str, simple: str, original: str) -> str:
    """The name in the script the text used (traditional texts give traditional names)."""
    if simple is original or len(simple) != len(original):
        return name
    at = simple.find(name)
    return original[at : at + len(name)] if at >= 0 else name


def _canonical(name: str, roster: Roster) -> str | None:
    known = roster.canonical(name)
    if known:
        return known
    return pinyin_name(name) if has_han(name) else None


_NO_ROSTER = Roster.empty()
_ListFinder = Callable[[str, Roster], Iterator[tuple[Role, list[str]]]]


def _zh_finder(sentence: str, roster: Roster) -> Iterator[tuple[Role, list[str]]]:
    simple = to_simplified(sentence) if _has_trigger_chars(sentence) else sentence
    for role, names, _ in _zh_lists(simple, roster):
        yield role, [_as_written(n, simple, sentence) for n in names]


_TRIGGER_CHARS = re.compile(r"[出參参列主致講讲發发就]")


def _has_trigger_chars(sentence: str) -> bool:
    return _TRIGGER_CHARS.search(sentence) is not None


# A word every English or German trigger above holds: a paragraph without one names no list,
# and one scan of it is far cheaper than trying each trigger on each of its sentences.
_LATIN_KEYWORDS = re.compile(
    r"p(?:resid|art|resent)|chair|host|led|moderat|vorsitz|geleitet|attend|rostrum|front row|accompan"
    r"|joining|teilnehm|anwesend|s(?:peech|poke|prach)|addres|remark|leitete|hielt|nahm"
    r"|met|meeting|talks|consultations|conversation|empfing"
)  # searched in the lower-cased paragraph: an IGNORECASE alternation is several times slower


def extract_people(
    text: str, roster: Roster = _NO_ROSTER, *, language: str | None = None
) -> tuple[Person, ...]:
    """Named people with their roles, in text order, once per (person, role, segment).

    >>> [(p.name, p.role) for p in extract_people("Beijing talks\\n\\nXi Jinping presided "
    ...     "over the meeting. Li Qiang and Cai Qi attended.")]
    [('Xi Jinping', 'presided'), ('Li Qiang', 'attended'), ('Cai Qi', 'attended')]
    """
    lang = language or detect_language(text)
    finder: _ListFinder = _zh_finder if lang in ("zh", "ja") else _latin_lists
    paragraphs = _paragraphs(text)
    lead = _lead_count(paragraphs)
    seen: set[tuple[str, Role, Segment]] = set()
    people: list[Person] = []
    latin = lang not in ("zh", "ja")
    han = has_han(text)  # one scan: without Han in the text, none in its parts either
    for index, paragraph in enumerate(paragraphs):
        segment: Segment = "lead" if index < lead else "body"
        if (
            latin
            and not (han and has_han(paragraph))
            and not _LATIN_KEYWORDS.search(paragraph.lower())
        ):
            continue
        for sentence in _sentences(paragraph):
            if (
                latin
                and not (han and has_han(sentence))
                and _LATIN_KEYWORDS.search(sentence.lower())
            ) or _has_trigger_chars(sentence):
                for role, names in finder(sentence, roster):
                    _add(people, seen, names, role, segment, roster)
    return tuple(people)


def _add(
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
    names: Sequence[str],
    role: Role,
    segment: Segment,
    roster: Roster,
) -> None:
    for position, name in enumerate(dict.fromkeys(names), start=1):
        canonical = _canonical(name, roster)
        key = (canonical or name).casefold()
        if (key, role, segment) not in seen:
            seen.add((key, role, segment))
            people.append(Person(name, canonical, role, segment, position))


# ---- names: is this piece of a list a person's name? ------------------------------------

# Hand-written vocabularies: no maintained library tells a title from a name in a list.
_TITLE_WORDS = frozenset(
    "president vice premier minister secretary chairman chairwoman chair speaker aide "
    "councilor councillor director head chief governor mayor ambassador spokesman spokesperson "
    "spokeswoman envoy commander deputy prosecutor procurator comrade mr mrs ms dr prof "
    "professor king queen prince princess emperor chancellor sheikh sultan emir pope justice "
    "judge senator leader adviser advisor member members officer commissioner administrator "
    "assistant counselor representative general admiral marshal colonel "
    "präsident präsidentin vizepräsident kanzler kanzlerin herr frau".split()
)
_ORG_WORDS = frozenset(
    "council committee commission duma office ministry department federation assembly congress "
    "bureau party court procuratorate government administration service agency guard forces "
    "staff corps bank region province republic union kremlin executive presidential security "
    "state national central parliament senate cabinet army navy military police university "
    "academy institute association organization organisation group company corporation fund "
    "foundation league front conference forum summit secretariat politburo standing political "
    "international affairs foreign defence defense interior finance economic trade commerce "
    "health education energy emergencies prime first executive chamber city county "
    "states kingdom emirates nations föderationsrat staatsduma regierung ministerium "
    # portfolio words of titles ("Special Representative for Environmental Protection, Ecology
    # and Transport Sergei Ivanov"): never part of a person's name
    "environmental environment protection ecology transport transportation development "
    "relations policy economy industry industrial justice culture sport sports science "
    "technology technologies agriculture labour labor construction communications digital "
    "resources natural social welfare housing infrastructure investment investments "
    "cooperation integration affairs youth tourism property internal external strategic "
    "planning taxation customs statistics veterans civil climate information media".split()
)
_LOWER_OK = frozenset(
    "of the for and on de la des der die das für von und du in at to state foreign vice general "
    "secretary president premier minister councilor councillor chairman chief deputy prime "
    "special envoy spokesperson spokesman member director head aide adviser ambassador".split()
)
_LEADING_SKIP = frozenset(
    "the a an in on at when also and then but meanwhile earlier later today yesterday "
    "der die das am auch bei im und sowie "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
_DE_TITLE_SUFFIX = re.compile(
    r"(?:minister|ministerin|präsident|präsidentin|sekretär|sprecher|vorsitzende[rn]?|kanzler"
    r"|kanzlerin|berater|leiter|chef|rates|rats|amtes|ministeriums|duma|premier)$",
    re.I,
)
_CAP_TOKEN = re.compile(r"^[A-ZÀ-ÞĀ-ſ][\w'’.\-]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z.\-]+$")
_RUN_TOGETHER = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")


def _is_title_or_org(token: str) -> bool:
    low = token.casefold().strip(".")
    return low in _TITLE_WORDS or low in _ORG_WORDS or bool(_DE_TITLE_SUFFIX.search(low))


# Lower-case particles inside a surname: "Ursula von der Leyen", "Ludwig van Beethoven".
_PARTICLES = frozenset("bin al van von der den de la le da di du ibn dos del ter ten zu".split())


def _particle_name(name: list[str]) -> str | None:
    """Given name, particles, surname: the end of `name` when particles stand before its last
    word ("... Kommission Ursula von der Leyen" -> "Ursula von der Leyen")."""
    j = len(name) - 2
    while j >= 0 and name[j] in _PARTICLES:
        j -= 1
    if j < len(name) - 2 and j >= 0 and name[j][:1].isupper():
        return " ".join(name[j:])
    return None


def _trailing_run(tokens: list[str]) -> int:
    """Index where the trailing run of capitalised tokens (name particles allowed) starts."""
    start = len(tokens)
    while start > 0 and (
        _CAP_TOKEN.match(tokens[start - 1])
        or (tokens[start - 1] in _PARTICLES and start < len(tokens))
    ):
        start -= 1
    return start


def _roster_suffix(tokens: list[str], roster: Roster) -> str | None:
    for size in range(min(4, len(tokens)), 0, -1):
        candidate = " ".join(tokens[-size:])
        if roster.canonical(candidate):
            return candidate
    return None


def latin_name(piece: str, roster: Roster) -> str | None:
    """The person's name a list piece ends with, titles stripped, or None.

    >>> latin_name("and Vice President Han Zheng", Roster.empty())
    'Han Zheng'
    >>> latin_name("members of the Standing Committee", Roster.empty()) is None
    True
    """
    tokens = piece.strip(' .,;:"“”()').split()
    while tokens and tokens[0].casefold() in ("and", "und", "sowie", "&"):
        tokens = tokens[1:]
    if not tokens or tokens[-1].endswith(("'s", "’s")):
        return None
    run = _trailing_run(tokens)
    if any(t.casefold() not in _LOWER_OK for t in tokens[:run] if not t[:1].isupper()):
        return None  # a clause or a lower-case description, not "Title Name"
    titled = any(_is_title_or_org(t) for t in tokens[: run + 1])  # "die Präsidentin ..." too
    if run > 0 and not titled and tokens[run - 1].casefold() in ("the", "der", "die", "das", "a"):
        return None  # "the Xinjiang Production ..." names a body, not a person
    name = tokens[run:]
    last_title = max((i for i, t in enumerate(name) if _is_title_or_org(t)), default=-1)
    name = name[last_title + 1 :]
    while name and name[0].casefold() in _LEADING_SKIP:
        name = name[1:]
    known = _roster_suffix(name, roster)
    if known:
        return known
    with_particles = _particle_name(name)
    if with_particles:
        return with_particles
    if len(name) == 1 and _RUN_TOGETHER.match(name[0]):
        return name[0]  # "LiuFang": a name with its space lost
    if not 2 <= len(name) <= 4 or any(_ACRONYM.match(t) for t in name):
        return None
    return " ".join(name[-3:]) if len(name) == 4 else " ".join(name)


_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
    "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
    "卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕"
    "楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋相初"
    "云容敬扈晁芮都阙浦戈习伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危银亢嵇湛宾戎勾茅"
    "利於揭干但尉冶斯束檀衣展阴昝智幸奉衡富尧闭由努买热阿达赖洪萧阎"
)
_COMPOUND = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 夏侯 长孙 宇文 令狐 司徒 端木".split()
)
_ZH_NOT_NAMES = frozenset(
    "全会 会议 大会 同志 代表 国家 中央 和平 时代 海外 南方 习惯 任务 任何 高度 高层 程序 方面 方式 "
    "方向 万人 王国 金融 石油 黄金 武装 安全 齐心 文化 文明 江河 林业 宁夏 常委 常务 成员 成果 吉林 "
    "明确 明天 严格 严肃 党员 党和 党中 党组 党委 党外 党政 孙中山 毛泽东 邓小平 应邀 向全国 全国 "
    "各界 各方 有关 相关 其他 以及 还有 分别 先后 共同 一起 一同".split()
)
_ZH_TITLE_END = re.compile(
    r"(?:常委|委员|主任|总理|主席|书记|部长|秘书长|院长|检察长|组长|领导人|成员|会长|大使|总统|首相"
    r"|外长|省长|市长|司令员|政委|厅长|局长|总干事|议长|理事长|董事长|行长|署长|负责人|发言人|特使|顾问"
    r"|参谋长|国务委员|领导|常委会|人士|代表|同志|总书记|先生|女士|长官|特首|司长|主委|议员|校长"
    r"|县长|州长|区长|处长|总监|总裁|总长|国王|女王|王储|法官|总统府秘书长|召集人|党主席)"
)
_ZH_TITLED = re.compile(_ZH_TITLE_END.pattern + r"([\u4e00-\u9fff]{2,3})$")
_ZH_LEADING = re.compile(
    r"^([\u4e00-\u9fff]{2,3}?)(?=等|分别|\d|在|同|和|也|一起|来到|今天|日|前往|先后|共同|还|应邀|亲切"
    r"|集体|到|于|向|一行|率|代表|作为)"
)


def _zh_plausible(name: str) -> bool:
    if name in _ZH_NOT_NAMES or _ZH_TITLE_END.search(name):
        return False
    if len(name) == 4 or (len(name) == 3 and name[:2] in _COMPOUND):
        return name[:2] in _COMPOUND
    return 2 <= len(name) <= 3 and name[0] in _SURNAMES


def _zh_item_name(item: str, roster: Roster, *, trailing: bool) -> str | None:
    if roster.knows_chinese(item):
        return item
    for size in (4, 3, 2):
        if len(item) > size and roster.knows_chinese(item[-size:]):
            return item[-size:]
        if trailing and len(item) > size and roster.knows_chinese(item[:size]):
            return item[:size]
    if _zh_plausible(item):
        return item
    titled = _ZH_TITLED.search(item)
    if titled and _zh_plausible(titled.group(1)):
        return titled.group(1)
    leading = _ZH_LEADING.match(item) if trailing else None
    if leading and leading.group(1)[0] not in "向应在同和于到对为":
        return leading.group(1) if _zh_plausible(leading.group(1)) else None
    return None


def zh_name_items(chunk: str, roster: Roster, *, last: bool) -> list[str]:
    """Names in a Chinese list chunk ("中共中央政治局常委李强、蔡奇等" -> [李强, 蔡奇]).

    Titles before a name are dropped; `last` allows words after the final name.
    """
    items = [i.strip() for i in chunk.split("、")]
    names: list[str] = []
    for j, item in enumerate(items):
        final = j == len(items) - 1
        if final and "等" in item[2:]:
            item = item[: item.index("等", 2)]
        pair = _zh_pair(item, roster, trailing=final and last)
        if pair:
            names.extend(pair)  # "杨震和张恩迪": two people joined by 和/及/与
            continue
        name = _zh_item_name(item, roster, trailing=final and last)
        if name:
            names.append(name)
    return names


_ZH_AND = re.compile(r"[和及与]")


def _zh_pair(item: str, roster: Roster, *, trailing: bool) -> list[str] | None:
    if not _ZH_AND.search(item) or roster.knows_chinese(item):
        return None
    head, tail = _ZH_AND.split(item, maxsplit=1)
    first = _zh_item_name(head, roster, trailing=False)
    second = _zh_item_name(tail, roster, trailing=trailing)
    return [first, second] if first and second else None
