"""How a foreign name sounds, the same whether written in Latin letters or in Chinese characters.

Chinese writes foreign names by sound ("Emmanuel Macron" = 埃马纽埃尔·马克龙, "Aleksandar Vucic" =
亚历山大·武契奇), so an English and a Chinese report of one meeting name the same foreign guests
in two scripts that neither the roster nor pinyin ties together (pinyin of 武契奇 is "wu qi qi").
Both spellings keep the consonants of the original in order, each as one of a few classes
(lips, teeth, throat, hiss, liquid, nasal, f/v/w), while vowels, doubled letters and syllable
boundaries differ. `sound_key` writes a name as that class string; two spellings of one name
give keys that differ in a letter or two (Vladimir FLTML / 弗拉基米尔 FLSML), unrelated names
differ in most. No library does this for Chinese transliterations (phonetic libraries such as
jellyfish's metaphone or soundex read Latin letters only), hence the table below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache

from rapidfuzz import fuzz

from worker.detect.roster import has_han

__all__ = ["ascii_letters", "letter_classes", "same_sound", "sound_key"]

# Latin letters to classes; longer spellings first ("tsch" before "ts", "sh" before "s").
_LATIN = (
    ("shch", "S"), ("tsch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "S"), ("zh", "S"),
    ("ts", "S"), ("tz", "S"), ("cz", "S"), ("sz", "S"), ("kh", "H"), ("th", "T"), ("ph", "F"),
    ("ck", "K"), ("qu", "K"), ("x", "KS"),
)  # fmt: skip
_LATIN_ONE = dict(zip("bpdtgkqhszjfvwlrmn", "PPTTKKKHSSSFFFLLMN", strict=True))
# Pinyin initials to the same classes (j/q/x/z/c/s all hiss: 契 qi writes "ci" of Vucic).
_INITIALS = (
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"),
    ("g", "K"), ("k", "K"), ("h", "H"), ("j", "S"), ("q", "S"), ("x", "S"), ("z", "S"),
    ("c", "S"), ("s", "S"), ("f", "F"), ("w", "F"), ("l", "L"), ("r", "L"), ("m", "M"),
    ("n", "N"),
)  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")
# Two keys at least this similar (rapidfuzz ratio) can be one name; measured on the roster's
# foreign names written both ways (Lavrov/拉夫罗夫 1.0, Medvedev/梅德韦杰夫 0.8, Vladimir
# Putin/弗拉基米尔·普京 0.75) against every other pairing of them (1.7% of wrong pairings of
# surnames alone reach 0.75; whole names, being longer, fewer). Callers also ask that the two
# names be each other's best match.
SAME_SOUND = 0.75
_SHORTEST = 3  # a key of one or two classes matches too much by chance


def ascii_letters(name: str) -> str:
    """A name's letters, folded to lower case and stripped of accents (č to c), others dropped."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in plain if c.isalpha() and c.isascii())


def letter_classes(
    text: str, spellings: tuple[tuple[str, str], ...], one: Mapping[str, str]
) -> Iterator[tuple[int, str, str]]:
    """`text` (`ascii_letters`) as (position, spelling, class): the longest of `spellings` at
    each position first, else one letter by `one` (a c soft before e, i, y: Cesar, Vucic's c;
    a letter `one` lacks gives ""). The Chinese sound keys and the kana and Hangul ones
    (worker.detect.foreign_names) walk letters alike, each with its own classes."""
    i = 0
    while i < len(text):
        for spelling, cls in spellings:
            if text.startswith(spelling, i):
                yield i, spelling, cls
                i += len(spelling)
                break
        else:
            char = text[i]
            if char == "c":
                yield i, char, "S" if text[i + 1 : i + 2] in ("e", "i", "y") else "K"
            else:
                yield i, char, one.get(char, "")
            i += 1


def _latin_key(name: str) -> str:
    return "".join(cls for _, _, cls in letter_classes(ascii_letters(name), _LATIN, _LATIN_ONE))


def _han_key(name: str) -> str:
    # pypinyin loads its dictionaries on first use: only names that reach this comparison pay.
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for syllable in lazy_pinyin(name, style=Style.NORMAL, errors="ignore"):
        if syllable == "er":  # 尔 writes a final r (Vladimir = 弗拉基米尔)
            out.append("L")
            continue
        for initial, cls in _INITIALS:
            if syllable.startswith(initial):
                out.append(cls)
                syllable = syllable[len(initial) :]
                break
        if syllable.endswith(("n", "ng")):
            out.append("N")  # 曼 man writes "man" of Manuel, nasal included
    return "".join(out)


@lru_cache(maxsize=16384)
def sound_key(name: str) -> str:
    """The consonant classes of a name in order, doubled classes merged.

    >>> sound_key("Emmanuel Macron") == sound_key("埃马纽埃尔·马克龙")
    True
    >>> sound_key("Sergey Lavrov"), sound_key("谢尔盖·拉夫罗夫")
    ('SLKLFLF', 'SLKLFLF')
    """
    key = _han_key(name) if has_han(name) else _latin_key(name)
    return _DOUBLED.sub(r"\1", key)


def same_sound(a: str, b: str) -> float:
    """How alike two names sound, 0..1 (0 when either key is too short to tell). A name in
    Chinese characters is also held against each word of a Latin one and its last two words:
    Chinese reports often write a foreigner by the surname alone ("恩达伊施米耶" for "Evariste
    Ndayishimiye", "加里巴什维利" for "Irakli Garibashvili").

    >>> same_sound("恩达伊施米耶", "Evariste Ndayishimiye")
    1.0
    """
    (a, na), (b, nb) = _regnal(a), _regnal(b)
    if na and nb and na != nb:
        return 0.0  # Charles III is not 查尔斯二世
    best = _alike(sound_key(a), sound_key(b))
    if has_han(a) != has_han(b):
        han, latin = (a, b) if has_han(a) else (b, a)
        words = _WORDS.findall(latin)
        parts = [*words, " ".join(words[-2:])] if len(words) > 1 else []
        best = max([best, *(_alike(sound_key(han), sound_key(part)) for part in parts)])
    return best


_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# A monarch's or a pope's ordinal after the name: a Roman numeral in letters ("Elizabeth II",
# "Charles III.", "Leo XIV"), a numeral and 世 in Chinese (伊丽莎白二世, 查尔斯三世, 利奥十四世). It
# is no sound of the name (二世 reads "er shi", LS, which "II" never writes), so a name is
# compared without it, and two different ordinals are two people. Round 19, pair r18
# t18z-likeqiangqueen2014_zh_en (Xinhua's Chinese against China Daily's English).
# Ordinals up to XXXIX (popes reach XXIII): a trailing initial such as "D" or "M" is none.
_ROMAN = re.compile(r"\s+(X{0,3}(?:IX|IV|V?I{0,3}))\.?\s*$")
_HAN_ORDINAL = re.compile(r"([一二三四五六七八九十]{1,3})世\s*$")
_HAN_DIGITS = dict(zip("一二三四五六七八九", range(1, 10), strict=True))
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _regnal(name: str) -> tuple[str, int]:
    """The name without a regnal ordinal after it, and the ordinal (0 when none).

    >>> _regnal("Elizabeth II"), _regnal("伊丽莎白二世"), _regnal("利奥十四世"), _regnal("Xi Jinping")
    (('Elizabeth', 2), ('伊丽莎白', 2), ('利奥', 14), ('Xi Jinping', 0))
    """
    if has_han(name):
        found = _HAN_ORDINAL.search(name)
        if found is None or found.start() < 2:
            return name, 0
        tens, ten, ones = found.group(1).rpartition("十")  # 三 / 十四 / 二十三
        value = (_HAN_DIGITS.get(tens, 1) * 10 if ten else 0) + _HAN_DIGITS.get(ones, 0)
        known = tens in ("", *_HAN_DIGITS) and ones in ("", *_HAN_DIGITS)
        return (name[: found.start()], value) if value and known else (name, 0)
    found = _ROMAN.search(name)
    if found is None or not found.group(1) or found.start() == 0:
        return name, 0
    digits = [_ROMAN_VALUES[c] for c in found.group(1)]
    value = sum(-d if d < n else d for d, n in zip(digits, [*digits[1:], 0], strict=True))
    return name[: found.start()], value


def _alike(ka: str, kb: str) -> float:
    if len(ka) < _SHORTEST or len(kb) < _SHORTEST:
        return 0.0
    return fuzz.ratio(ka, kb) / 100
