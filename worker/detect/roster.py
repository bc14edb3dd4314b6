"""The people roster: canonical English names, Chinese names, aliases and titles.

Input: the parsed `[[people]]` tables of seeds/people.toml (the caller reads the file:
`tomllib.loads(text)["people"]`). Output: a frozen `Roster` that maps any known spelling,
alias or Chinese name (simplified or traditional) to the canonical English name, and
romanises Chinese names it does not know with pypinyin ("蔡奇" -> "Cai Qi").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any

from opencc import OpenCC

from worker.detect.errors import DetectError

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_YEARS = re.compile(r"\s*\([^)]*\)\s*$")
_FOLD = re.compile(r"[\s\-‐‑'’`.·・]+")

# Compound surnames: pypinyin cannot know where a surname ends, so they are listed here.
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 夏侯 长孙 宇文 令狐 司徒 司空 端木 "
    "轩辕 澹台 万俟 呼延 独孤 南宫 西门 闻人 申屠 太史 钟离 百里 东郭 公羊".split()
)
# Surname readings pypinyin gets wrong (it reads the character in its everyday sense).
_SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "乐": "yue",
    "盖": "ge",
    "缪": "miao",
    "覃": "qin",
    "召": "shao",
    "种": "chong",
    "秘": "bi",
    "尉迟": "yuchi",
    "万俟": "moqi",
    "长孙": "zhangsun",
    "令狐": "linghu",
    "翟": "zhai",
    "沈": "shen",
    "柏": "bai",
    "繁": "po",
    "折": "she",
}


# A foreign name in full in Chinese, given names before a middle dot: "亚历山大·武契奇".
_HAN_DOTTED = re.compile(
    r"[\u4e00-\u9fff]+(?:[·•‧・．][\u4e00-\u9fff]+)*[·•‧・．]([\u4e00-\u9fff]{2,})"
)
# A Russian patronymic between given name and surname: "Sergey Viktorovich Lavrov".
_PATRONYMIC = re.compile(
    r"(?<=\w)\s+[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna|yevich|yevna)\s+(?=[A-Z])"
)
# Initials before a surname: "V.V. Putin", "S. K. Shoigu" (the first letter is the given name's).
_LEADING_INITIALS = re.compile(r"([A-Z])\.\s?(?:[A-Z]\.\s?){0,2}(?=[A-Z][a-z])")
_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.(?:\s*[A-Z]\.)*\s+(?=\w)")


class RosterError(DetectError, ValueError):
    """A [[people]] entry is malformed; the message names the entry and the problem."""


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    # one converter for every entry: building one loads OpenCC's dictionaries (~50 ms)
    return OpenCC("s2t")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional Chinese to simplified (other text unchanged): "李強" -> "李强".

    Character by character (each character's conversion cached): OpenCC's phrase matching
    costs eight times as much per sentence and changes nothing that names and role words are
    read by; the length stays the same, so a position in one script is one in the other."""
    return "".join(map(_t2s_char, text)) if _HAN.search(text) else text


@cache
def _t2s_char(char: str) -> str:
    converted = str(_t2s().convert(char)) if _HAN.match(char) else char
    return converted if len(converted) == 1 else char


def has_han(text: str) -> bool:
    """True when `text` holds a Chinese character."""
    # (isascii reads a flag the string keeps: most names and many texts are ASCII)
    return not text.isascii() and _HAN.search(text) is not None


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The matching key of a written name: case, accents, spaces, hyphens and
    apostrophes ignored; Chinese turned simplified. "Wang Hu-ning" -> "wanghuning"."""
    if has_han(name):
        return _FOLD.sub("", to_simplified(name))
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _FOLD.sub("", plain.casefold())


# One spelling per sound for names transliterated from Russian (and into German): Aleksandr /
# Alexander, Sergey / Sergei / Sergej, Yury / Yuri / Juri, Dmitriy / Dmitry, Nikolay / Nikolai,
# Tatyana / Tatiana, Wladimir / Vladimir, Schoigu / Shoigu. Applied to folded Latin names only.
_TRANSLIT = (
    (re.compile(r"sch"), "sh"),
    (re.compile(r"tsch"), "ch"),
    (re.compile(r"^w|(?<=[aeiou])w"), "v"),
    (re.compile(r"^j|(?<=[aeiou])j"), "y"),
    (re.compile(r"ks"), "x"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(?<=[^aeiou])ander\b"), "andr"),
    (re.compile(r"(?:iy|yy|ij|ii)\b"), "y"),
    (re.compile(r"(?<=[aeo])[yj]\b"), "i"),
    (re.compile(r"y\b"), "i"),
    (re.compile(r"ya"), "ia"),
    (re.compile(r"yu"), "iu"),
    (re.compile(r"ye"), "e"),
    (re.compile(r"(.)\1"), r"\1"),
)


@lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """The matching key of a Latin-script name with transliteration variants merged.

    >>> translit_key("Aleksandr Bortnikov") == translit_key("Alexander Bortnikov")
    True
    >>> translit_key("Sergej Schoigu") == translit_key("Sergey Shoigu") == translit_key("Sergei Shoigu")
    True
    >>> translit_key("Yury Ushakov") == translit_key("Juri Uschakow")
    True
    """
    if has_han(name):
        return fold(name)
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    words = ["".join(c for c in w if c.isalpha()) for w in decomposed.split()]
    out = []
    for word in words:
        for pattern, repl in _TRANSLIT:
            word = pattern.sub(repl, word)
        out.append(word)
    return "".join(out)


# One given name in its Ukrainian and its Russian form (and German spellings of them), as reports
# translated from Russian write a Ukrainian's name ("Wladimir Selenskyj", "Vladimir Zelensky")
# where others keep the Ukrainian ("Wolodymyr Selenskyj"); by `translit_key`, which merges w/v,
# ks/x and the like. Round 18 (attendees, pair r17 t17g-kiew2024-spelling); round 21: the roster
# reads them too (`Roster.canonical`).
GIVEN_ACROSS: tuple[frozenset[str], ...] = tuple(
    frozenset(translit_key(w) for w in group.split())
    for group in (
        "volodymyr volodimir vladimir",
        "oleksandr aleksandr",
        "oleksiy oleksii aleksey aleksei",
        "dmytro dmitry",
        "mykola nikolai nikolay",
        "serhiy serhii sergey sergei",
        "andriy andrii andrey andrei",
        "mykhailo mykhaylo mikhail",
        "petro pyotr",
    )
)
GIVEN_ACROSS_GROUP = {form: group for group in GIVEN_ACROSS for form in group}


def surname_reading(char: str) -> str | None:
    """The pinyin of a surname that reads otherwise as a word ("曾" zeng, not ceng; "单" shan)."""
    return _SURNAME_READINGS.get(char)


# (The cache this function had lost in round 14, when `surname_reading` was written between it
# and its decorator: every warm pass then romanised every name through pypinyin again, 1.8
# times the instructions of reading the Chinese texts, bench/people_ir.py zh.)
@lru_cache(maxsize=65536)
def pinyin_name(name: str) -> str:
    """Romanise a Chinese personal name surname first: "丁薛祥" -> "Ding Xuexiang",
    "欧阳修" -> "Ouyang Xiu". Non-Chinese input comes back unchanged."""
    simple = to_simplified(name.strip())
    if not has_han(simple):
        return name
    cut = 2 if simple[:2] in _COMPOUND_SURNAMES and len(simple) > 2 else 1
    surname, given = simple[:cut], simple[cut:]
    # pypinyin loads ~200 ms of dictionaries: only when a Chinese name is off the roster
    from pypinyin import Style, lazy_pinyin

    sur = surname_reading(surname) or "".join(lazy_pinyin(surname, style=Style.NORMAL))
    giv = "".join(lazy_pinyin(given, style=Style.NORMAL, v_to_u=True))
    return f"{sur.capitalize()} {giv.capitalize()}".strip()


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One person of the roster."""

    name: str
    zh: str = ""
    zh_hant: str = ""
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        forms = [self.name, *self.aliases, self.zh, self.zh_hant]
        parts = self.name.split()
        if len(parts) == 2 and not has_han(self.name):
            forms.append(f"{parts[1]} {parts[0]}")  # Western order: "Jinping Xi"
        return tuple(f for f in forms if f)


def _strings(entry: Mapping[str, Any], key: str, index: int) -> tuple[str, ...]:
    value = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RosterError(f"people entry {index}: {key!r} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _entry(raw: Mapping[str, Any], index: int) -> RosterEntry:
    if not isinstance(raw, Mapping):
        raise RosterError(f"people entry {index}: expected a [[people]] table")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RosterError(f"people entry {index}: 'name' is missing or not a string")
    zh, zh_hant = raw.get("zh", ""), raw.get("zh_hant", "")
    if not isinstance(zh, str) or not isinstance(zh_hant, str):
        raise RosterError(f"people entry {index} ({name}): 'zh'/'zh_hant' must be strings")
    return RosterEntry(
        name=name.strip(),
        zh=zh.strip(),
        zh_hant=zh_hant.strip(),
        aliases=_strings(raw, "aliases", index),
        titles=_strings(raw, "titles", index),
    )


def _merge_entry(old: RosterEntry, new: RosterEntry) -> RosterEntry:
    aliases = tuple(dict.fromkeys((*old.aliases, *new.aliases)))
    titles = tuple(dict.fromkeys((*old.titles, *new.titles)))
    return RosterEntry(old.name, new.zh or old.zh, new.zh_hant or old.zh_hant, aliases, titles)


@dataclass(frozen=True, slots=True)
class Roster:
    """Known people. Build with `Roster.from_entries`; look up with `canonical`.

    >>> r = Roster.from_entries([{"name": "Cai Qi", "zh": "蔡奇", "aliases": ["Tsai Chi"]}])
    >>> r.canonical("蔡奇"), r.canonical("tsai chi"), r.canonical("Nobody Here")
    ('Cai Qi', 'Cai Qi', None)
    """

    entries: tuple[RosterEntry, ...] = ()
    _index: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    _zh_names: frozenset[str] = frozenset()
    _translit: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    given_names: frozenset[str] = frozenset()  # casefolded; see `with_given_names`
    first_words: frozenset[str] = frozenset()  # folded first words of every Latin spelling
    # canonical name -> the titles held now (open-ended years), lower case, without years
    _current: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # `canonical`'s answers by name as written: reading a text asks about its names again and
    # again (~20 times a report); emptied when full (_ANSWERS)
    _answers: dict[str, str | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    # `fingerprint`, once worked out (or given by whoever built the roster: `with_fingerprint`)
    _fingerprint: list[str] = field(default_factory=list, init=False, compare=False, repr=False)

    @classmethod
    def empty(cls) -> Roster:
        """A roster that knows nobody; pinyin still romanises Chinese names."""
        return _EMPTY

    @classmethod
    def from_entries(cls, entries: Iterable[Mapping[str, Any]]) -> Roster:
        """Build from parsed `[[people]]` tables; a bad entry raises RosterError."""
        if isinstance(entries, (str, bytes, Mapping)):
            raise RosterError("people: expected a list of [[people]] tables")
        by_name: dict[str, RosterEntry] = {}
        for i, raw in enumerate(entries, start=1):
            entry = _entry(raw, i)
            if not entry.zh_hant and entry.zh:
                entry = RosterEntry(
                    entry.name,
                    entry.zh,
                    str(_s2t().convert(entry.zh)),
                    entry.aliases,
                    entry.titles,
                )
            old = by_name.get(entry.name)
            by_name[entry.name] = _merge_entry(old, entry) if old else entry
        return cls._build(tuple(by_name.values()))

    @classmethod
    def _build(cls, entries: tuple[RosterEntry, ...]) -> Roster:
        index: dict[str, str] = {}
        zh_names: set[str] = set()
        translit: dict[str, str | None] = {}
        for entry in entries:
            for form in entry.spellings():
                index.setdefault(fold(form), entry.name)
                if not has_han(form) and " " in form.strip():
                    key = translit_key(form)  # full names only: a surname alone is too loose
                    translit[key] = (
                        entry.name if translit.get(key, entry.name) == entry.name else None
                    )
            for zh in (entry.zh, entry.zh_hant):
                if zh:
                    zh_names.update((zh, to_simplified(zh)))
        unique = {k: v for k, v in translit.items() if v is not None}
        firsts = frozenset(
            key
            for entry in entries
            for form in entry.spellings()
            if form.strip() and not has_han(form)
            for key in (fold(form.split()[0]), translit_key(form.split()[0]))
        )
        current = {
            e.name: tuple(_YEARS.sub("", t).strip().casefold() for t in e.titles if _OPEN.search(t))
            for e in entries
        }
        return cls(
            entries,
            MappingProxyType(index),
            frozenset(zh_names),
            MappingProxyType(unique),
            first_words=firsts,
            _current=MappingProxyType({k: v for k, v in current.items() if v}),
        )

    def built(self) -> tuple[Any, ...]:
        """What `_build` and `with_given_names` made, as tuples, dicts, frozensets and strings
        only (what `marshal` writes): `Roster.rebuilt` makes the same roster from it."""
        return (
            _BUILT_FORMAT,
            tuple((e.name, e.zh, e.zh_hant, e.aliases, e.titles) for e in self.entries),
            dict(self._index),
            self._zh_names,
            dict(self._translit),
            self.given_names,
            self.first_words,
            dict(self._current),
        )

    @classmethod
    def rebuilt(cls, built: Any) -> Roster:
        """The roster `built()` gave `built` from; RosterError when it is not such a tuple."""
        try:
            form, entries, index, zh_names, translit, given, firsts, current = built
            if form != _BUILT_FORMAT:
                raise ValueError(f"format {form!r}")
            people = tuple(RosterEntry(n, z, h, tuple(a), tuple(t)) for n, z, h, a, t in entries)
            for field_value, kind in (
                (index, dict),
                (zh_names, frozenset),
                (translit, dict),
                (given, frozenset),
                (firsts, frozenset),
                (current, dict),
            ):
                if not isinstance(field_value, kind):
                    raise TypeError(f"{type(field_value).__name__}, not {kind.__name__}")
        except (TypeError, ValueError) as err:
            raise RosterError(f"not a built roster: {err}") from err
        return cls(
            people,
            MappingProxyType(index),
            zh_names,
            MappingProxyType(translit),
            given_names=given,
            first_words=firsts,
            _current=MappingProxyType(current),
        )

    def merge(self, other: Roster) -> Roster:
        """This roster extended by `other` (a user's file); `other` adds aliases and titles."""
        by_name = {e.name: e for e in self.entries}
        for entry in other.entries:
            old = by_name.get(entry.name)
            by_name[entry.name] = _merge_entry(old, entry) if old else entry
        merged = Roster._build(tuple(by_name.values()))
        merged = merged.with_given_names(self.given_names | other.given_names)
        if self._fingerprint and not other.given_names:  # (a user's file has no given names)
            # the bundled roster's given fingerprint and the user's few entries, not 22,500
            # given names hashed again
            import hashlib

            parts = f"merge\0{self.fingerprint}\0{other.fingerprint}"
            merged.with_fingerprint(hashlib.sha256(parts.encode()).hexdigest())
        return merged

    @property
    def fingerprint(self) -> str:
        """A digest of what this roster knows (its entries and given names): two rosters with
        the same fingerprint read every text alike. Worked out once (~5-9 ms for the bundled
        roster's 22,500 given names) unless given (`with_fingerprint`)."""
        if not self._fingerprint:
            import hashlib

            digest = hashlib.sha256(f"roster {_BUILT_FORMAT}\0".encode())
            for e in self.entries:
                digest.update(repr((e.name, e.zh, e.zh_hant, e.aliases, e.titles)).encode())
            digest.update("\0".join(sorted(self.given_names)).encode())
            self._fingerprint.append(digest.hexdigest())
        return self._fingerprint[0]

    def with_fingerprint(self, fingerprint: str) -> Roster:
        """This roster, its fingerprint given by whoever built it from known inputs (the
        bundled roster's cache file is named by a digest of its seeds and of the code that
        builds it: worker.service.seeds)."""
        self._fingerprint[:] = [fingerprint]
        return self

    def with_given_names(self, names: Iterable[str]) -> Roster:
        """This roster knowing these given names ("Markus", "Sauli"): in German, where every
        noun is capitalised, a name without a title before it needs a known given name."""
        return replace(self, given_names=frozenset(n.casefold() for n in names))

    def is_given_name(self, word: str) -> bool:
        """True for a known given name, or a hyphenated pair of them ("Frank-Walter")."""
        low = word.casefold()
        if low in self.given_names:
            return True
        parts = low.split("-")
        return len(parts) == 2 and all(p in self.given_names for p in parts)

    def canonical(self, name: str) -> str | None:
        """The canonical English name for any known spelling, alias or Chinese name, or
        another transliteration of a known full name ("Aleksandr" for "Alexander")."""
        answers = self._answers
        try:
            return answers[name]
        except KeyError:
            if len(answers) >= _ANSWERS:
                answers.clear()
            known = answers[name] = self._canonical(name)
            return known

    def _canonical(self, name: str) -> str | None:
        if not name.strip():
            return None
        known = self._index.get(fold(name))
        if known is None and self._translit and " " in name.strip() and not has_han(name):
            known = self._translit.get(translit_key(name))
            if known is None:
                known = self._given_across(name)
        if known is None and ". " in name and not has_han(name):
            # a middle initial the roster does not give: "Vladimir V. Putin", "Antony J. Blinken"
            bare = _INITIAL.sub(" ", name)
            if bare != name:
                return self._canonical(bare)
        if known is None and (lead := _LEADING_INITIALS.match(name)) and not has_han(name):
            known = self._by_initial(lead.group(1), name[lead.end() :])
        if known is None and " " in name and (bare := _PATRONYMIC.sub(" ", name)) != name:
            # a Russian name with the patronymic: "Sergey Viktorovich Lavrov" is Sergey Lavrov
            return self._canonical(bare)
        if known is None and has_han(name) and (dotted := _HAN_DOTTED.fullmatch(name)):
            # a foreign name in full, given names before a middle dot ("亚历山大·武契奇"), is
            # the person whose surname the roster gives alone ("武契奇"), as reports write it
            known = self._index.get(fold(dotted.group(1)))
        return known

    def _given_across(self, name: str) -> str | None:
        """The one person the name is with its first given name in another language's form
        (`GIVEN_ACROSS`: "Wladimir Selenskyj", a Russian agency's German copy, is Wolodymyr
        Selenskyj, whom the roster knows)."""
        words = name.split()
        group = GIVEN_ACROSS_GROUP.get(translit_key(words[0]))
        if group is None:
            return None
        rest = translit_key(" ".join(words[1:]))
        found = {
            known
            for form in group
            if form != translit_key(words[0])
            and (known := self._translit.get(form + rest)) is not None
        }
        return found.pop() if len(found) == 1 else None

    def _by_initial(self, initial: str, surname: str) -> str | None:
        """The one person on the roster named `surname` whose given name begins with `initial`
        ("V.V. Putin", the Russian official style: given name and patronymic as initials)."""
        key = fold(surname)
        found = {
            e.name
            for e in self.entries
            if " " in e.name
            and not has_han(e.name)
            and e.name.startswith(initial)
            and fold(e.name.rsplit(" ", 1)[1]) == key
        }
        return found.pop() if len(found) == 1 else None

    def chinese_to_english(self, name: str) -> str:
        """English form of a Chinese name: the roster's, else pinyin ("蔡奇" -> "Cai Qi")."""
        return self.canonical(name) or pinyin_name(name)

    def knows_chinese(self, name: str) -> bool:
        """True when `name` is a Chinese name on the roster (either script)."""
        return name in self._zh_names or to_simplified(name) in self._zh_names

    @property
    def chinese_names(self) -> frozenset[str]:
        """Every Chinese name on the roster, simplified and traditional."""
        return self._zh_names

    @property
    def titles(self) -> frozenset[str]:
        """Every title the roster knows, without its years: "Premier", "Vice President"."""
        return frozenset(_YEARS.sub("", t) for e in self.entries for t in e.titles)

    def current_titles(self, name: str) -> tuple[str, ...]:
        """The titles the person `name` refers to holds now (open-ended years), lower case
        and without years: ("president of russia",)."""
        canon = self.canonical(name)
        return self._current.get(canon, ()) if canon else ()

    def titles_of(self, name: str) -> tuple[str, ...]:
        """The titles (with years) of the person `name` refers to, () if unknown."""
        canon = self.canonical(name)
        return next((e.titles for e in self.entries if e.name == canon), ())


_BUILT_FORMAT = 1  # of `Roster.built()`'s tuple
_OPEN = re.compile(r"\d{4}-\)")  # "(2000-2008, 2012-)": a title held now
_ANSWERS = 65536  # names a roster remembers `canonical`'s answer for

_EMPTY = Roster()


_READING = re.compile(r"(?<=[\u3400-\u9fff])\([a-zà-ǜü]{1,7}\)")


def unannotated(text: str) -> str:
    """`text` without pinyin readings printed after its characters.

    >>> unannotated("習(xí)近平和彭麗媛")
    '習近平和彭麗媛'
    """
    return _READING.sub("", text) if "(" in text else text
