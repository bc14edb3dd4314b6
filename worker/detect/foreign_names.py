"""The roster's people as Japanese, Korean and Russian texts write them by sound: a name in
katakana ("ゼレンスキー大統領"), in Hangul ("기시다 총리", "트럼프·시진핑") or in Cyrillic by the
family name alone ("Блинкен и Лавров"), and a Japanese person by the family name in kanji with
a title ("岸田首相").

These texts call a foreign leader by the family name, written as it sounds, and the roster
holds names in letters and Chinese characters only: a Japanese report of Kishida's talks with
Zelensky named Kishida alone, a Korean report of Yoon's summit with Kishida named Yoon alone,
and nothing tied them to the English reports naming both (round 16, dev_round20: 23 missed
pairs; `bench/README.md`).

A name is read by its consonants in order, as both alphabets write them (`_latin_key`,
`_kana_key`, `_hangul_key`): lips one class (b, p, f, v: "Lavrov" is ラブロフ), l and r one,
m and n one (トランプ writes Trump's m with ン), the hissing sounds one (s, z, sh, ch, j, ts);
but t and d, k and g stay apart, which kana and Hangul keep (プーチン Putin is PTN, バイデン Biden
PDN). Vowels, h, w and y are dropped, doubled classes written once; a Latin r after a vowel,
before no vowel, which Japanese and Korean lengthen the vowel for ("Starmer" スターマー), may
be silent. Only a key held by one roster person is read, of three classes at least for a family
name and four for a full name. A Korean word-initial ㄱ or ㄷ is read voiced or not (Japanese
names: 기시다 Kishida). A word read so is taken for the name only when the text once writes a
title after it (`foreign_people`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from worker.detect.roster import RosterEntry, has_han, pinyin_name, translit_key
from worker.detect.sounds import ascii_letters, letter_classes

__all__ = ["foreign_people", "is_chinese_name", "is_korean_name"]

FAMILY_KEY = 3  # classes of a family name's key, at least
FULL_KEY = 4  # classes of a full name's key, at least

# Latin spellings to classes, longer first
_LATIN = (
    ("shch", "S"), ("tsch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "S"), ("zh", "S"),
    ("ts", "S"), ("tz", "S"), ("th", "T"), ("ph", "P"), ("ck", "K"), ("qu", "K"), ("kh", "K"),
    ("x", "S"),
)  # fmt: skip
_LATIN_ONE = dict(zip("bpfvtdkgqszjlrmn", "PPPPTDKGKSSSRRNN", strict=True))
_VOWELS = frozenset("aeiouy")


def _latin_keys(word: str) -> set[str]:
    """A name in letters as classes: with each r after a vowel and before none, and without."""
    text = ascii_letters(word)
    full: list[str] = []
    silent: list[str] = []
    for i, spelling, cls in letter_classes(text, _LATIN, _LATIN_ONE):
        full.append(cls)
        # r after a vowel, before no vowel: lengthens the vowel in kana and Hangul
        mute = (
            spelling == "r" and i and text[i - 1] in _VOWELS and text[i + 1 : i + 2] not in _VOWELS
        )
        silent.append("" if mute else cls)
    return {_once("".join(full)), _once("".join(silent))}


def _once(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


# Katakana by its consonant: each row of the syllabary one class (チ and ツ either T or S:
# チ writes "ti" of Putin and "ch" alike); vowels, the small kana, ー and ッ nothing
_KANA_ROWS = {
    "K": "カキクケコ", "G": "ガギグゲゴ", "S": "サシスセソザジズゼゾヂヅ", "T": "タテト", "D": "ダデド",
    "N": "ナニヌネノンマミムメモ", "P": "フバビブベボパピプペポヴ", "R": "ラリルレロ",
}  # fmt: skip
_KANA = {kana: cls for cls, row in _KANA_ROWS.items() for kana in row}
_KANA_EITHER = {"チ": "TS", "ツ": "ST"}
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")


def _kana_keys(word: str) -> set[str]:
    keys = {""}
    for char in word:
        options = list(_KANA_EITHER[char]) if char in _KANA_EITHER else [_KANA.get(char, "")]
        keys = {k + o for k in keys for o in options}
    return {_once(k) for k in keys}


# Hangul by its letters: initials and finals (the Unicode syllable's parts) to classes
_HANGUL_INITIAL = "G K N D T R N P P S S _ S S S K T P _".split()
_HANGUL_FINAL = ["", *"K K K N N N T R R R R R R R R N P P S S NG S S K T P _".split()]
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]{2,}")
# particles after a name ("기시다와", "윤석열은", "트럼프의"), longest first
_PARTICLES = sorted(
    "은 는 이 가 을 를 의 와 과 에 도 로 으로 에게 에서 와의 과의 측 씨 께서 이다 한테".split(),
    key=len,
    reverse=True,
)


def _hangul_keys(word: str, h_as_f: bool = False) -> set[str]:
    keys = {""}
    for i, char in enumerate(word):
        initial, rest = divmod(ord(char) - 0xAC00, 21 * 28)
        final = rest % 28
        first = _HANGUL_INITIAL[initial].replace("_", "")
        # a word-initial ㄱ or ㄷ writes a voiceless stop of a Japanese name too (기시다)
        options = list({"G": "GK", "D": "DT"}[first]) if i == 0 and first in ("G", "D") else [first]
        if initial == 18 and h_as_f:  # ㅎ writes h and, in a Japanese name, f (후미오 Fumio)
            options = ["", "P"]
        last = _HANGUL_FINAL[final].replace("_", "")
        keys = {k + o + last for k in keys for o in options}
    return {_once(k) for k in keys}


def _hangul_words(word: str) -> list[str]:
    """The word and, when it ends in a particle, the word without it."""
    out = [word]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            out.append(word[: -len(particle)])
            break
    return out


def is_chinese_name(entry: RosterEntry) -> bool:
    """A Chinese name in pinyin (Xi Jinping): its family name alone is one syllable."""
    return bool(entry.zh) and translit_key(pinyin_name(entry.zh)) == translit_key(entry.name)


def is_korean_name(entry: RosterEntry) -> bool:
    return len(re.split(r"[\s-]+", entry.name)) == 3 and not has_han(entry.name)


@lru_cache(maxsize=4)
def _sound_index(entries: tuple[RosterEntry, ...]) -> dict[str, str]:
    """Class key -> the one roster person it is: each family name (the last word of a name in
    letters that is neither Chinese nor Korean) and each full name; a key two people share is
    no one's."""
    found: dict[str, set[str]] = {}
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            if has_han(form) or any(c.isdigit() for c in form):
                continue
            words = re.findall(r"[^\W\d_]+", form)
            if len(words) >= 2:
                for key in _latin_keys("".join(words)):
                    if len(key) >= FULL_KEY:
                        found.setdefault(key, set()).add(entry.name)
            if words and not is_chinese_name(entry) and not is_korean_name(entry):
                for key in _latin_keys(words[-1]):
                    if len(key) >= FAMILY_KEY:
                        found.setdefault(key, set()).add(entry.name)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


@lru_cache(maxsize=4)
def _kanji_families(entries: tuple[RosterEntry, ...]) -> dict[str, str]:
    """The family name in kanji of each Japanese person (four characters, written in letters
    otherwise than their pinyin: 岸田文雄 Fumio Kishida): the first two."""
    out: dict[str, set[str]] = {}
    for entry in entries:
        if len(entry.zh) == 4 and not is_chinese_name(entry) and not is_korean_name(entry):
            out.setdefault(entry.zh[:2], set()).add(entry.name)
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}


# the titles a Japanese text writes after a family name
_JA_TITLE = "首相|総理|氏|外相|元首相|前首相|政権|内閣|総裁|大臣|さん"


@lru_cache(maxsize=4)
def _kanji_pattern(entries: tuple[RosterEntry, ...]) -> re.Pattern[str] | None:
    families = _kanji_families(entries)
    if not families:
        return None
    names = "|".join(map(re.escape, sorted(families, key=len, reverse=True)))
    return re.compile(rf"({names})(?:{_JA_TITLE})")


# The titles that follow a name by sound: Japanese (folded to simplified characters, as the text
# is read; after a country's one-character name, "トランプ米大統領"), Korean (after up to two
# words: a given name, a country, "기시다 후미오 일본 총리")
_JA_AFTER = re.compile(
    r"[米露中韩仏独英伊印日豪加乌朝台]?(?:大统领|首相|外相|总理|国务长官|长官|主席|议长|总裁|国王|氏|"
    r"副大统领|报道官|前大统领|元大统领|元首相|政权|さん)"
)
_KO_TITLES = (
    "대통령", "총리", "주석", "국가주석", "장관", "위원장", "여사", "총재", "부총리", "외교부장",
    "대변인", "국무장관", "외무장관", "총장", "국왕", "의장", "전 대통령", "부통령", "왕세자",
)  # fmt: skip
# countries a Korean text writes between a name and its title ("트럼프 미국 대통령"): no names
_KO_COUNTRIES = frozenset(
    "미국 중국 일본 러시아 한국 북한 프랑스 독일 영국 우크라이나 인도 이탈리아 캐나다 호주 브라질 튀르키예 "
    "터키 이란 이스라엘 대만 베트남 인도네시아 필리핀 스페인 폴란드 헝가리 벨라루스 카자흐스탄 사우디 "
    "이집트 남아공 멕시코 아르헨티나 교황청 유럽 아프리카".split()
)
# a Korean name (three syllables, the commonest family names first: 김건희) is no foreign one
_KO_SURNAMES = frozenset("김이박최정강조윤장임")
_KO_NEXT = re.compile(r"[ \t]+([\uac00-\ud7a3]+)")


def _titled_hangul(folded: str, end: int, given: set[str]) -> bool:
    """A title after the Hangul word ending at `end`, only spaces between: the next word, or
    after the person's given name (keys `given`: "기시다 후미오 일본 총리") and a country."""
    m = _KO_NEXT.match(folded, end)
    if m and given and _hangul_keys(m.group(1), h_as_f=True) & given:
        m = _KO_NEXT.match(folded, m.end())
    if m and m.group(1) in _KO_COUNTRIES:
        m = _KO_NEXT.match(folded, m.end())
    return bool(m and m.group(1).startswith(_KO_TITLES))


@lru_cache(maxsize=4)
def _given_keys(entries: tuple[RosterEntry, ...]) -> dict[str, set[str]]:
    """Each person's first word of the name as classes (a given name, written after the family
    name in Korean): "Fumio" of Fumio Kishida."""
    out: dict[str, set[str]] = {}
    for entry in entries:
        words = re.findall(r"[^\W\d_]+", entry.name)
        if len(words) >= 2:
            out[entry.name] = {k for k in _latin_keys(words[0]) if len(k) >= 2}
    return out


def foreign_people(folded: str, entries: tuple[RosterEntry, ...]) -> list[tuple[int, str]]:
    """(where, canonical name) of the roster's people a folded text names by sound in katakana
    or Hangul, or by a Japanese family name in kanji before a title. A name by sound is read
    only of a person the text once writes with a title after it ("ゼレンスキー大統領", "기시다
    총리", "트럼프 미국 대통령"): a word of katakana or Hangul that sounds like a name and has no
    title is mostly a word ("システム" and Starmer, "그쳤다" and Kishida); the person's other
    mentions ("트럼프·시진핑", "기시다와") are then read too.

    >>> from worker.detect.roster import RosterEntry as E
    >>> people = (E("Volodymyr Zelensky"), E("Fumio Kishida", zh="岸田文雄"), E("Joe Biden"),
    ...           E("Vladimir Putin"), E("Antony Blinken"), E("Donald Trump"), E("Keir Starmer"))
    >>> [name for _, name in foreign_people("岸田首相はゼレンスキー大统领と会谈", people)]
    ['Fumio Kishida', 'Volodymyr Zelensky']
    >>> [name for _, name in foreign_people("システムに戻す", people)]
    []
    >>> text = "기시다와 회담. 기시다 후미오 일본 총리와 바이든 대통령, 푸틴 대통령"
    >>> [name for _, name in foreign_people(text, people)]
    ['Fumio Kishida', 'Fumio Kishida', 'Joe Biden', 'Vladimir Putin']
    """
    index = _sound_index(entries)
    found: list[tuple[int, str]] = []
    titled: set[str] = set()
    for m in _KATAKANA_RUN.finditer(folded):
        tries = [(m.start(), m.group().replace("・", ""))]
        at = m.start()
        for part in m.group().split("・"):
            tries.append((at, part))
            at += len(part) + 1
        for where, word in tries:
            hit = {index[k] for k in _kana_keys(word) if k in index}
            if len(hit) == 1:
                name = hit.pop()
                found.append((where, name))
                if _JA_AFTER.match(folded, m.end()):
                    titled.add(name)
                break
    given = _given_keys(entries)
    for m in _HANGUL_RUN.finditer(folded):
        if (
            m.group() in _KO_COUNTRIES
            or m.group().startswith(_KO_TITLES)
            or (len(m.group()) == 3 and m.group()[0] in _KO_SURNAMES)
        ):
            continue
        for word in _hangul_words(m.group()):
            hit = {index[k] for k in _hangul_keys(word) if k in index}
            if len(hit) == 1:
                name = hit.pop()
                found.append((m.start(), name))
                if word == m.group() and _titled_hangul(folded, m.end(), given.get(name, set())):
                    titled.add(name)
                break
    found = [(at, name) for at, name in found if name in titled]
    if (pattern := _kanji_pattern(entries)) is not None and has_han(folded):
        families = _kanji_families(entries)
        found += [(m.start(), families[m.group(1)]) for m in pattern.finditer(folded)]
    return sorted(found)
