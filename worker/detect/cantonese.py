"""Hong Kong and Macao names: the same person in Chinese characters and in Cantonese spelling.

Hong Kong's government, its press and English reports of Hong Kong and Macao write a Chinese
name as it sounds in Cantonese, not in Mandarin pinyin: 梁振英 is "Leung Chun-ying" (pinyin
"Liang Zhenying"), 曾蔭權 "Tsang Yam-kuen", 林鄭月娥 "Lam Cheng Yuet-ngor", often with an English
given name before it ("Paul Chan Mo-po" = 陳茂波, "John Lee Ka-chiu" = 李家超). The roster and
pinyin tie neither spelling to the characters, and the match by sound (`sounds`) is made for
foreign names written by sound in Chinese, so it pairs such a name with a wrong one.

Each character's Cantonese readings come from ToJyutping (CanCLID's character and word
dictionary, in Jyutping, the Linguistic Society of Hong Kong's romanisation); every reading is
kept (a surname's own reading is often not the everyday one: 曾 zang1, 區 au1). The table below
writes a Jyutping syllable as the Hong Kong government writes it in names (the "Hong Kong
Government Cantonese Romanisation" of the Immigration Department's and the Government's name
lists: initials b/d/g written p/t/k, z/c written ch or ts, oeng written eung, yu written u or
ue, ...), with the variants that usage keeps (Chan/Chun for zan, Lee/Li/Kei for ei), and the
spellings Macao's government uses (j written i, ing written eng: "Ho Iat Seng" = 賀一誠). The
correspondence is the one set out in the Wikipedia article "Hong Kong Government Cantonese
Romanisation" (its table of Jyutping finals and initials), checked against the names of Hong
Kong officials in the dev reports.

A name in letters is held against Chinese characters only when it is written in Cantonese
shape (`latin_syllables`): two to four syllables each a Cantonese spelling, and at least one
that pinyin does not have ("Leung", "Kwok", "Tsang"), or a hyphenated given name after an English
one ("Paul Chan Mo-po"). A pinyin name ("Wang Yi", "Chen Mo") is never read by Cantonese.
ToJyutping (~0.7 s to load its dictionary) is imported only when such a name meets a Chinese one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

__all__ = [
    "han_spellings",
    "hk_spellings",
    "in_han_text",
    "latin_syllables",
    "mandarin_pinyin",
    "names_in_text",
    "same_name",
    "same_surname",
    "surname_differs",
]

# Jyutping initials (longest first) and how Hong Kong (and Macao) write them.
_INITIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gw", ("kw",)), ("kw", ("kw",)), ("ng", ("ng",)),
    ("b", ("p",)), ("p", ("p",)), ("m", ("m",)), ("f", ("f",)), ("d", ("t",)), ("t", ("t",)),
    ("n", ("n",)), ("l", ("l",)), ("g", ("k",)), ("k", ("k",)), ("h", ("h",)), ("w", ("w",)),
    ("z", ("ch", "ts", "tz")), ("c", ("ch", "ts", "tz")), ("s", ("s", "sh")), ("j", ("y", "i")),
)  # fmt: skip
# Jyutping finals and how Hong Kong (and Macao: ao, io, eng, ek, ong, eong, oi) write them.
_FINALS: dict[str, tuple[str, ...]] = {
    "aa": ("a", "ah"), "aai": ("ai",), "aau": ("au", "ow"), "aam": ("am",), "aan": ("an",),
    "aang": ("ang",), "aap": ("ap",), "aat": ("at",), "aak": ("ak",),
    "ai": ("ai",), "au": ("au", "ow", "ao"), "am": ("am", "um"), "an": ("an", "un"),
    "ang": ("ang", "ung"), "ap": ("ap",), "at": ("at", "ut"), "ak": ("ak",),
    "e": ("e",), "ei": ("ei", "i", "ee"), "eu": ("eu",), "em": ("em",), "eng": ("eng",),
    "ep": ("ep",), "ek": ("ek", "eck"),
    "i": ("i", "ee"), "iu": ("iu", "io"), "im": ("im",), "in": ("in",), "ing": ("ing", "eng"),
    "ip": ("ip",), "it": ("it",), "ik": ("ik", "ick", "ek"),
    "o": ("o", "oh", "or", "aw"), "oi": ("oi", "oy"), "ou": ("o", "ou"), "on": ("on",),
    "ong": ("ong",), "ot": ("ot",), "ok": ("ok",),
    "u": ("u", "oo"), "ui": ("ui", "ooi"), "un": ("un", "oon"), "ung": ("ung", "ong"),
    "ut": ("ut", "oot"), "uk": ("uk", "ook"),
    "oe": ("oe",), "oeng": ("eung", "eong"), "oek": ("euk", "eok"),
    "eoi": ("ui", "eui", "ue", "oi"), "eon": ("un", "eun"), "eot": ("ut", "eut"),
    "yu": ("u", "ue", "yu"), "yun": ("un", "uen", "yun"), "yut": ("ut", "uet", "yut"),
}  # fmt: skip
# Whole syllables the table does not give: z/c/s before i ("Tsz", "Sze"), j before yu ("Yu",
# "Yuen", "Yuet"; Macao "U", "Un"), and the older reading of mau ("Mo" of 陳茂波, Mo-po).
_SYLLABLES: dict[str, tuple[str, ...]] = {
    "zi": ("tsz", "tsze", "tze", "chi", "tsi"), "ci": ("tsz", "tsze", "tze", "chi", "tsi"),
    "si": ("sze", "see", "si", "shi", "sz"), "jyu": ("yu", "yue", "u"),
    "jyun": ("yuen", "yun", "un"), "jyut": ("yuet", "yut"), "mau": ("mo",), "m": ("m",),
    "ng": ("ng",), "ji": ("yi", "yee", "ee"),
}  # fmt: skip

# Every pinyin syllable of Mandarin names (pypinyin's readings, without interjections and the
# rare syllables that are common Cantonese spellings: "wong", "lo", "kei"): a name all of whose
# syllables are pinyin is read as pinyin.
_PINYIN = frozenset(
    """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai
    can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chuai
    chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng
    di dia dian diao die ding diu dong dou du duan dui dun duo e en eng er fa fan fang fei fen
    feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun
    guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia
    jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong
    kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang
    liao lie lin ling liu long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng
    mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang
    niao nie nin ning niu nong nou nu nuan nuo nv nve ou pa pai pan pang pao pei pen peng pi
    pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que
    qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng
    sha shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
    si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu
    tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong
    xiu xu xuan xue xun ya yan yang yao ye yi yin ying yong you yu yuan yue yun za zai zan zang
    zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai
    zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo""".split()
)

_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")
_HYPHEN = re.compile(r"[-‐‑]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TONE = re.compile(r"\d+$")


def mandarin_pinyin(name: str) -> bool:
    """Whether a name in letters is a Chinese name in pinyin: two or three words, each one or
    two syllables of Mandarin (`_PINYIN`), written as one word or hyphenated.

    >>> mandarin_pinyin("Yang Xiuping"), mandarin_pinyin("Wang Yi"), mandarin_pinyin("Xi Jin-ping")
    (True, True, True)
    >>> mandarin_pinyin("Sonexay Siphandone"), mandarin_pinyin("Manuel Marrero")
    (False, False)
    """
    words = _WORD.findall(name.casefold())
    if not 2 <= len(words) <= 3:
        return False

    def spelled(word: str) -> bool:
        return word in _PINYIN or any(
            word[:k] in _PINYIN and word[k:] in _PINYIN for k in range(1, len(word))
        )

    return all(all(spelled(part) for part in _HYPHEN.split(w)) for w in words)


def _split(syllable: str) -> tuple[str, str]:
    for initial, _ in _INITIALS:
        if syllable.startswith(initial) and syllable != initial:
            return initial, syllable[len(initial) :]
    return "", syllable


@lru_cache(maxsize=2048)
def hk_spellings(jyutping: str) -> frozenset[str]:
    """How Hong Kong (or Macao) writes one Jyutping syllable in a name, tone or not.

    >>> sorted(hk_spellings("loeng4"))
    ['leong', 'leung']
    >>> "tsang" in hk_spellings("zang1"), "kuen" in hk_spellings("kyun4")
    (True, True)
    """
    syllable = _TONE.sub("", jyutping.casefold())
    out = set(_SYLLABLES.get(syllable, ()))
    initial, final = _split(syllable)
    finals = _FINALS.get(final, ())
    starts = dict(_INITIALS).get(initial, ("",))
    out.update(s + f for s in starts for f in finals)
    if initial == "j" and final.startswith("i"):
        out.update(finals)  # "Ip" as well as "Yip" (葉 jip)
    return frozenset(out)


@cache
def _all_spellings() -> frozenset[str]:
    """Every spelling the table writes (whether or not a character reads so): the words a name
    in Cantonese shape is made of."""
    out = {s for spellings in _SYLLABLES.values() for s in spellings}
    for initial, starts in (("", ("",)), *_INITIALS):
        for final, finals in _FINALS.items():
            if initial or final not in ("m", "ng"):
                out.update(s + f for s in starts for f in finals)
    return frozenset(out)


def _english(word: str, spellings: frozenset[str]) -> bool:
    """An English given name before a Cantonese one ("Paul", "Carrie"): no syllable of
    Cantonese or pinyin ("Zheng Hui" is pinyin throughout)."""
    return "-" not in word and word not in spellings and word not in _PINYIN


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in plain if c.isascii() and (c.isalpha() or c == "-"))


@lru_cache(maxsize=8192)
def latin_syllables(name: str) -> tuple[tuple[str, ...], ...]:
    """The ways a name in letters reads as a Cantonese name, surname first, as its syllables;
    () when it is not written in Cantonese shape.

    The shape: an English given name or none ("Paul", "John"), then two to four syllables each a
    Cantonese spelling, surname first ("Chan Mo-po", "Lam Cheng Yuet-ngor"), or the given name
    first when it is hyphenated and the surname last ("Chun-ying Leung"); and one syllable at
    least that pinyin does not have, or a hyphenated given name after an English one. A name
    in pinyin reads as none ("Wang Yi", "Li Jiachao").

    >>> latin_syllables("Paul Chan Mo-po")
    (('chan', 'mo', 'po'),)
    >>> latin_syllables("Wang Yi"), latin_syllables("Chan Mo-po")
    ((), ())
    """
    words = [_fold(w) for w in _WORD.findall(name)]
    if not 2 <= len(words) <= 5 or not all(words):
        return ()
    spellings = _all_spellings()
    english = 0
    while english < len(words) and _english(words[english], spellings):
        english += 1
    if english > 2:
        return ()
    chinese = words[english:]
    parts = [_HYPHEN.split(w) for w in chinese]
    syllables = tuple(s for p in parts for s in p)
    if not 2 <= len(syllables) <= 4 or not all(len(s) > 1 and s in spellings for s in syllables):
        return ()  # (one letter, "E M", "A On", is an initial or a word)
    hyphenated = any(len(p) > 1 for p in parts)
    if not (any(s not in _PINYIN for s in syllables) or (english and hyphenated)):
        return ()
    if not hyphenated and english == 0 and len(chinese) > 3:
        return ()
    orders = [syllables]
    if len(parts) == 2 and len(parts[0]) > 1 and len(parts[1]) == 1:
        # "Chun-ying Leung": the given name first, as English writes it
        orders.append((*parts[1], *parts[0]))
    return tuple(orders)


@lru_cache(maxsize=8192)
def han_spellings(char: str) -> frozenset[str]:
    """Every way Hong Kong or Macao writes a Chinese character of a name: its Cantonese
    readings (ToJyutping: all of them, a surname's own included), each as `hk_spellings`."""
    # ToJyutping loads its dictionary (~0.7 s) on import: only when a Cantonese-shaped name
    # in letters meets one in characters
    if not _HAN.match(char):
        return frozenset()
    import ToJyutping

    out: set[str] = set()
    for _char, readings in ToJyutping.get_jyutping_candidates(char):
        for reading in readings:
            out.update(hk_spellings(reading))
    return frozenset(out)


def _han_chars(name: str) -> str:
    return "".join(_HAN.findall(name))


def _reads(syllables: tuple[str, ...], chars: str) -> bool:
    return len(syllables) == len(chars) and all(
        s in han_spellings(c) for s, c in zip(syllables, chars, strict=True)
    )


def same_name(latin: str, han: str) -> bool:
    """True when `latin`, written in Cantonese shape, is the Cantonese reading of `han`, one
    syllable a character: "Leung Chun-ying" / 梁振英, "Paul Chan Mo-po" / 陳茂波.

    >>> same_name("Tsang Yam-kuen", "曾蔭權"), same_name("Paul Chan", "賴如鑫")
    (True, False)
    """
    orders = latin_syllables(latin)
    if not orders:
        return False
    chars = _han_chars(han)
    if not 2 <= len(chars) <= 4:
        return False
    return any(_reads(order, chars) for order in orders)


def _windows(words: list[str]) -> Iterator[str]:
    for i in range(len(words)):
        for j in range(i + 2, min(i + 5, len(words)) + 1):
            yield " ".join(words[i:j])


_CAPITALISED_RUN = re.compile(
    r"[A-Z][a-z]*(?:[-‐‑][A-Za-z][a-z]*)*(?:\s+[A-Z][a-z]*(?:[-‐‑][A-Za-z][a-z]*)*)+"
)


def names_in_text(text: str) -> tuple[str, ...]:
    """The names in Cantonese shape a text in letters writes: every run of two to five of its
    capitalised words that `latin_syllables` reads ("Leung Chun-ying", "Paul Chan Mo-po")."""
    found: dict[str, None] = {}
    for run in _CAPITALISED_RUN.findall(text):
        for window in _windows(run.split()):
            if latin_syllables(window):
                found[window] = None
    return tuple(found)


@lru_cache(maxsize=4096)
def in_han_text(latin: str, text: str) -> bool:
    """True when a Chinese text writes, anywhere, the characters `latin` reads as in Cantonese
    ("Eric Chan Kwok-ki" in "...政務司司長陳國基..."): the text's characters one by one."""
    orders = latin_syllables(latin)
    if not orders or not _HAN.search(text):
        return False
    for order in orders:
        size = len(order)
        for i in range(len(text) - size + 1):
            if order[0] in han_spellings(text[i]) and _reads(order, text[i : i + size]):
                return True
    return False


# The common surnames of Hong Kong and Macao as their governments spell them (Chan 陳, Wong 黃
# 王, Leung 梁, Cheung 張, Lau 劉, Lee 李, ...): a name in letters that is an English given name
# and one of them ("Paul Chan", "Carrie Lam") is a Hong Kong person's.
_HK_SURNAMES = frozenset(
    """au chai chak chan chau cheng cheuk cheung chiu choi chong chow chu chuk chung fan fok fong
    fu fung ha hau heung ho hon hui hung ip kam kan ko kong ku kwan kwok kwong lai lam lau law lee
    leong leung li liu lo lok lui luk lun lung ma mak man mo mok mui ng ngai pang poon shek shiu
    shum sin siu so sung sze tai tam tang to tong tsang tse tsoi tsui tung wai wan wong woo wu yam
    yau yeung yim yip yiu yu yuen yung""".split()
)
_DOT = re.compile(r"[·・•‧．]")


def _hk_surname(latin: str) -> str:
    """The surname of a name written as Hong Kong writes it with an English given name ("Paul
    Chan", "Eric Chan Kwok-ki": "chan"), else ''."""
    words = [_fold(w) for w in _WORD.findall(latin)]
    spellings = _all_spellings()
    english = 0
    while english < len(words) and _english(words[english], spellings):
        english += 1
    rest = words[english:]
    if not 1 <= english <= 2 or not 1 <= len(rest) <= 3 or rest[0] not in _HK_SURNAMES:
        return ""
    return rest[0] if all(s in spellings for w in rest for s in _HYPHEN.split(w)) else ""


def surname_differs(latin: str, han: str) -> bool:
    """True when `latin` is a Hong Kong person's name with an English given name ("Paul Chan")
    and the surname of `han` (its first character; after a middle dot, the last part's) does
    not read as that surname in Cantonese: "Paul Chan" is no 賴如鑫, however alike they sound
    (`sounds.same_sound` 0.86). A Chinese name is no foreign one written by sound."""
    surname = _hk_surname(latin)
    if not surname:
        return False
    chars = _han_chars(_DOT.split(han)[-1])
    return bool(chars) and surname not in han_spellings(chars[0])


def same_surname(latin: str, han: str) -> bool:
    """True when `latin` is a Hong Kong person's name with an English given name ("Jasper
    Tsang", "Rita Fan") and `han`, a Chinese name of two to four characters, has that surname in
    Cantonese (曾鈺成, 范徐麗泰). The given names tell nothing (one is English, the other
    Chinese), so this is a candidate only: the caller asks that the two be each other's only fit
    (round 13, pair r12v legco-farewell-2011: a government release in Chinese and in English).

    >>> same_surname("Jasper Tsang", "曾钰成"), same_surname("Paul Chan", "賴如鑫")
    (True, False)
    >>> same_surname("Wang Yi", "王毅")  # pinyin: no Hong Kong name
    False
    """
    surname = _hk_surname(latin)
    chars = _han_chars(han)
    return bool(surname) and 2 <= len(chars) <= 4 and surname in han_spellings(chars[0])
