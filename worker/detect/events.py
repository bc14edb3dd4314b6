"""Which reports describe one occasion, and where they disagree. Pure: values in, values out.

A report is reduced once to `Features` (its day, who it puts in which role, its folded title
and lead, the start of its text, the date it gives for the occasion, the kind of occasion and
who its title names, and its numbers); the features are what the store keeps and indexes, so
grouping never re-reads texts.

Grouping (`score`, `place`): a new report is compared with candidate reports published within
the window (the store finds them through an index on day, canonical people and title terms) and
joins the event of the best-scoring one if that score reaches `join`; another event it matches
at least `merge` is merged into that one (one occasion that arrived as two events). How the
score is made, and why, is in docs/events.md. The day is part of an event's identity: a report
never joins an event whose first report is further away than the window, so the same meeting
held every year (or every month) gives one event per occasion; and the same people on another
day, at another kind of occasion or with another counterpart are another occasion.

Discrepancies (`discrepancies`): every report of an event is compared with the event's
consensus: people most reports name but one leaves out, a different chair, another date,
other numbers, a list in another order. Each finding names the reports it concerns.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Any

from rapidfuzz import fuzz

from worker.detect import cantonese
from worker.detect.attendees import compare_people
from worker.detect.datelines import first_day_of_span, relative_day, without_filing_place
from worker.detect.dates import DateMention, find_dates
from worker.detect.entities import bodies_named, is_craft
from worker.detect.foreign_names import foreign_people, is_chinese_name, is_korean_name
from worker.detect.held_occasions import (
    DEEDS,
    HAPPENINGS,
    ahead_of_it,
    company_results,
    held_occasions,
    of_one_day,
    says_coming,
)
from worker.detect.lang import detect_language
from worker.detect.model import AttendeeDiff, Person
from worker.detect.outcomes import KINDS as OUTCOMES
from worker.detect.outcomes import fold_noun, outcome_kinds, proper_nouns, says_outcome
from worker.detect.people import extract_people
from worker.detect.people_latin import Context as LatinContext
from worker.detect.people_latin import names_in
from worker.detect.places import (
    CITY_OF,
    occasion_places,
    occasions_named,
    places_differ,
    places_named,
    where_named,
)
from worker.detect.roster import (
    Roster,
    RosterEntry,
    has_han,
    pinyin_name,
    to_simplified,
    translit_key,
)

_NO_ROSTER = Roster.empty()
MAX_ABSORBED = 1  # events one new report may merge into the one it joins, at most
STRICT_PAIRS = 16  # pairs of candidate members the strict merge compares, at most (bounded work)
# two roster people in common and no second tie: a score just short of `join`, by this factor
SHORT_OF_A_TIE = 0.9
FEATURES_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    """The thresholds of grouping ([events] in the config; docs/events.md explains each)."""

    window_days: int = 2  # reports further apart than this (published, and dated) never join
    join: float = 0.6  # a report joins the best event scoring at least this
    copy: float = 0.9  # texts this alike (start of the text, folded) are copies of one report
    min_shared_people: int = 2  # people evidence needs at least this many people in common
    title: float = 0.75  # same-language titles and leads this alike (folded) describe one event
    candidates: int = 64  # at most this many candidate reports are scored per new report
    # a report matching two events this well merges them (one occasion); 1 (the default): never,
    # since the absorbed event's id is gone and a script holding it finds nothing
    merge: float = 1.0
    # a report linking two events merges them when every pair of their candidate members
    # matches (at least `join`) and none says another occasion: one occasion that arrived as
    # two events (the absorbed event's id is kept as a redirect to the one it joined)
    strict_merge: bool = True
    # the day of the occasion: reports whose days (the day the lead gives, else the day published
    # or up to `undated_days` before it) are further apart than `day_slack` describe two occasions
    day_slack: int = 0
    undated_days: int = 1
    # this many people in common are evidence enough on their own: the kind of occasion and who
    # the titles name are not asked for (an opening session's list of twenty)
    many_people: int = 4
    # a report joins an event only if it matches at least this share of the event's members it
    # is compared with (those in its script, and those it contradicts): agreement with the
    # event as a whole, not with one member; 0: one member is enough (single link). 0.5 was
    # measured in round 18 (ev18b: fewer chains in older files, but 5 true pairs lost in the
    # freshest blind file and none false gained there), so the default stays 0.3
    cohesion: float = 0.3


# -- features ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Named:
    """A person a report puts in a role: `key` matches across spellings, scripts and languages."""

    key: str
    canonical: str
    name: str
    role: str
    position: int


@dataclass(frozen=True)
class Features:
    """One report as grouping sees it (no slots: the key sets are computed once, on first use,
    since scoring asks for them again and again)."""

    language: str
    day: date
    title: str  # folded
    lead: str  # folded
    start: str  # the folded start of the text, for near-identical copies
    people: tuple[Named, ...] = ()
    occasion: str | None = None  # "MM-DD", the day the lead gives for the occasion
    numbers: tuple[tuple[str, str], ...] = ()  # (the word after it, the number), in text order
    display_title: str = ""
    mentioned: tuple[str, ...] = ()  # keys of roster people named anywhere, in a role or not
    marks: tuple[str, ...] = ()  # numbers of the title that are no dates: "110", "75" (周年, th)
    kinds: tuple[str, ...] = ()  # what kind of occasion the title (else the lead) says: "talks"
    principals: tuple[str, ...] = ()  # keys of the people the title (else the lead) names
    head: tuple[str, ...] = ()  # keys of everyone the title and the lead name
    places: tuple[str, ...] = ()  # where the title and the lead's first sentence say it is
    forums: tuple[str, ...] = ()  # the named occasion the title (else the lead) says: "sco"
    times: tuple[str, ...] = ()  # the times of day the title and lead's first sentence give
    names: tuple[str, ...] = ()  # keys of people off the roster the title and lead name (letters)
    nouns: tuple[str, ...] = ()  # the title's proper nouns, folded ("starship"): `proper_nouns`
    ahead: bool = False  # the report announces the occasion ahead (`previews`): a preview
    # keys of the people the main clause of the lead's first sentence names (who acted)
    front: tuple[str, ...] = ()
    # the bodies, products and happenings the title (else the lead; its first sentence only
    # until round 21) names, one key across languages (worker/detect/entities.py: "OPEC",
    # "ОПЕК", "歐佩克" -> "opec")
    bodies: tuple[str, ...] = ()
    # the days of the month the lead gives ("9月22日", "21日", "on Dec. 6"): a lead giving the
    # day another report dates the occasion to tells both days (`_two_clocks`)
    days: tuple[int, ...] = ()
    # the cities and countries ("cc:MA") the title and the lead name, in any language
    # (`places.where_named`: the gazetteer and Babel's names; round 19, ev19b)
    where: tuple[str, ...] = ()
    # the proper nouns of the lead's start (`proper_nouns` of the lead alone): a title names
    # few, and two languages' titles of one happening often share none (round 21)
    lead_nouns: tuple[str, ...] = ()

    @cached_property
    def people_keys(self) -> frozenset[str]:
        return frozenset(p.key for p in self.people)

    @cached_property
    def all_keys(self) -> frozenset[str]:
        """Everyone the report names (grouping evidence), in a role or merely mentioned."""
        return self.people_keys | frozenset(self.mentioned) | frozenset(self.names)

    def index_keys(self) -> frozenset[str]:
        """What the store indexes (with the day): canonical people and a few title terms."""
        return frozenset(
            {f"p:{k}" for k in self.all_keys}
            # a long name also by its loose spelling (`_loose`), which is often another
            # language's key itself: "vladimirpoutine" (French) is found by "vladimirputin"
            | {f"p:{_loose(k)}" for k in self.all_keys if len(k) >= LOOSE_LETTERS}
            | {f"t:{t}" for t in _terms(self)}
            | {f"o:{k}" for k in self.forums}
            | {f"b:{k}" for k in self.bodies}
            | {f"s:{k}" for k in self.family_names}
            | {f"n:{k}" for k in self.nouns[:4]}
            # the same nouns by the first letters of their key, so a name in two alphabets or
            # two spellings meets ("Навальный" and "Navalny", "Francesco" and "Francisco")
            | {f"r:{k[:NOUN_STEM]}" for k in map(_noun_key, self.nouns[:4]) if len(k) >= NOUN_STEM}
            # and by their consonants, as an Arabic title's words are (`_arabic_names_agree`)
            | {f"k:{k}" for k in self.skeletons}
            # and by the counts it gives, which two languages write alike (`_same_count`)
            | {f"c:{k}" for k in _counts(self)}
            # and by where it is: a city when the title and lead name nobody (a happening
            # no one holds), a place with a count it gives, a country with the kind it says
            | _where_keys(self)
        )

    @cached_property
    def skeletons(self) -> frozenset[str]:
        """The consonants (`_skeleton`) of the title's first four proper nouns, or of the words
        of its title in Arabic or an Indic script, which write no capitals (a page giving no
        title: of its lead's start): how a name is found across two alphabets. A name of two
        short words is read by both together too ("ابراهيم رئيسي", "Ebrahim Raisi": "brmrs")."""
        uncased = _UNCASED_WORD.findall(self.title or self.lead[:UNCASED_LEAD])
        words = uncased[:24] if uncased else [fold_noun(n) for n in self.nouns[:4]]
        each = [_skeleton(w) for w in words]
        pairs = (x + y for x, y in itertools.pairwise(each) if min(len(x), len(y)) >= 2)
        return frozenset(k for k in itertools.chain(each, pairs) if len(k) >= ARABIC_SKELETON)

    @cached_property
    def family_names(self) -> frozenset[str]:
        """The last word of the name, in letters, of each person the report reads: a report
        calling them by it alone ("Merz bietet Trump ... an") is found by the reports naming
        them in full ("Friedrich Merz"), whose keys it does not share."""
        out = set()
        for p in self.people:
            last = p.name.split()[-1] if p.name.split() else ""
            if len(last) >= 4 and last.isalpha() and not has_han(last):
                out.add(translit_key(last))
        return frozenset(out)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": FEATURES_SCHEMA,
            "language": self.language,
            "day": self.day.isoformat(),
            "title": self.title,
            "lead": self.lead,
            "start": self.start,
            "people": [[p.key, p.canonical, p.name, p.role, p.position] for p in self.people],
            "occasion": self.occasion,
            "numbers": [list(n) for n in self.numbers],
            "display_title": self.display_title,
            "mentioned": list(self.mentioned),
            "marks": list(self.marks),
            "kinds": list(self.kinds),
            "principals": list(self.principals),
            "head": list(self.head),
            "places": list(self.places),
            "forums": list(self.forums),
            "times": list(self.times),
            "names": list(self.names),
            "nouns": list(self.nouns),
            "ahead": self.ahead,
            "front": list(self.front),
            "bodies": list(self.bodies),
            "days": list(self.days),
            "where": list(self.where),
            "lead_nouns": list(self.lead_nouns),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Features:
        return cls(
            language=str(data.get("language") or "en"),
            day=date.fromisoformat(str(data["day"])),
            title=str(data.get("title") or ""),
            lead=str(data.get("lead") or ""),
            start=str(data.get("start") or ""),
            people=tuple(
                Named(str(k), str(c), str(n), str(r), int(p))
                for k, c, n, r, p in data.get("people") or ()
            ),
            occasion=data.get("occasion"),
            numbers=tuple((str(w), str(v)) for w, v in data.get("numbers") or ()),
            display_title=str(data.get("display_title") or ""),
            mentioned=tuple(str(k) for k in data.get("mentioned") or ()),
            marks=tuple(str(m) for m in data.get("marks") or ()),
            kinds=tuple(str(k) for k in data.get("kinds") or ()),
            principals=tuple(str(k) for k in data.get("principals") or ()),
            head=tuple(str(k) for k in data.get("head") or ()),
            places=tuple(str(k) for k in data.get("places") or ()),
            forums=tuple(str(k) for k in data.get("forums") or ()),
            times=tuple(str(k) for k in data.get("times") or ()),
            names=tuple(str(k) for k in data.get("names") or ()),
            nouns=tuple(str(k) for k in data.get("nouns") or ()),
            ahead=bool(data.get("ahead")),
            front=tuple(str(k) for k in data.get("front") or ()),
            bodies=tuple(str(k) for k in data.get("bodies") or ()),
            days=tuple(int(d) for d in data.get("days") or ()),
            where=tuple(str(k) for k in data.get("where") or ()),
            lead_nouns=tuple(str(k) for k in data.get("lead_nouns") or ()),
        )


_DATELINE = re.compile(
    # a date alone opening the paragraph, then a separator: when it was filed ("September 21,
    # 2024_ Chinese President ...", "2024-09-21 | ...")
    r"^\s*(?:(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}"
    r"|\d{4}-\d{2}-\d{2})\s*(?:_|--|—|–|-|:|\|)"
    r"|(?:[A-Z][A-Za-z .'-]{1,40},?\s*(?:\(?[A-Z][A-Za-z]*\)?\s*[-,]\s*)?"
    r"(?:\d{1,2}\.?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"[^\n]{0,40}?(?:--|—|–|-)|[^\n]{0,20}?(?:新华社|新華社|中新社|中新網|中新网|本报|本報)"
    r"[^\n]{0,12}?[电電]))"
)
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
# Pinyin printed after Han characters (ruby annotations that scraped copies flatten into the
# text: "澳门 mén 特区 qū", "澳門(mén)特區(qū)"): a lowercase syllable with a tone mark right after
# a Han character.
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_RUBY = re.compile(
    rf"(?<=[\u3400-\u9fff])\s?\(?[a-zü{_TONES}]*[{_TONES}][a-zü{_TONES}]*\)?(?![a-z])"
    r"(?:\s(?=[\u3400-\u9fff]))?"
)
_DIGITS = re.compile(r"\d[\d,.]*")
_STOP = frozenset(
    "the of and a an in on at to for with by from as is are was were be has have its his her "
    "their this that which who xinhua beijing news china chinese says said held holds "
    # the titles every report on a Chinese leader repeats: no evidence of one occasion
    "general secretary communist party central committee president chairman military "
    "commission members member standing political bureau state leaders leader also during "
    "after before over into other about more than will would should been being when where "
    "while there these those such them they were what date important speech delivered "
    "meeting morning afternoon evening monday tuesday wednesday thursday friday saturday "
    "sunday today called calls urged stressed emphasized".split()
)
_EN_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+|-)([A-Za-z]{3,})")
_ZH_NUMBER = re.compile(
    r"(\d+(?:\.\d+)?|[一二三四五六七八九十百千万两]+)\s*(名|人|位|项|个|家|件|条|亿|万)"
)
# A number another script's word follows (glued, as Korean and Japanese write a count, or after
# a space), or a decimal comma and any word: the European and Cyrillic decimal ("8,8 stepeni").
# The word is kept to its first letters: only the number is compared across languages.
_OTHER_NUMBER = re.compile(
    r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d.,:/])[\s-]*"
    r"([\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\uac00-\ud7a3]"
    r"[^\s\d.,;:!?()\[\]\"'«»“”‘’]{0,11})"
    r"|(?<![\w.,:/-])(\d+,\d{1,2})[\s-]+([^\W\d_]{3,})"
)
# Words after a number that make it a date, an age or an ordinal: not a count to compare.
_NOT_COUNTS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec years year session sessions plenary "
    "anniversary national committee central percent p.m a.m".split()
)


def fold_for_match(text: str, names: Iterable[tuple[str, str]] = ()) -> str:
    """Text reduced to what two reports of one event share: case, width, script (traditional
    Chinese to simplified), punctuation, dates (removed) and numbers (one sign) folded, and
    each name written as its canonical key so "Cai Qi" and "蔡奇" read alike."""
    text = _RUBY.sub("", unicodedata.normalize("NFC", text))
    text = unicodedata.normalize("NFKC", text)
    for span_start, span_end in reversed([d.span for d in find_dates(text)]):
        text = text[:span_start] + " " + text[span_end:]
    for written, key in sorted(names, key=lambda n: -len(n[0])):
        if written:
            text = text.replace(written, f" {key} ")
    text = to_simplified(text).casefold()
    text = _DIGITS.sub(" # ", text)
    if text.isascii():
        return " ".join(_PUNCT.sub(" ", text).split())
    return " ".join(_PUNCT.sub(_marks_kept, text).split())


def _marks_kept(run: re.Match[str]) -> str:
    """A run of what is no letter or digit, as a word break, except the combining marks in it
    (Unicode category M): a Devanagari, Thai or Tamil vowel sign, a virama, is part of its word
    ("मोदी", "बैठक"), which `\\W` would break into consonants. The vowel points of Hebrew,
    Arabic and Syriac (canonical combining classes 10-36, the classes Unicode gives those points
    alone) are dropped: they are written in some copies and not others, and the word is the same
    ("سَلام" and "سلام")."""
    out = []
    for c in run.group():
        if unicodedata.category(c)[0] != "M":
            out.append(" ")
        elif not 10 <= unicodedata.combining(c) <= 36:
            out.append(c)
    return "".join(out)


def _wordlike(word: str) -> bool:
    """Letters, with the combining marks of their script ("हैदराबाद"): `str.isalpha` is False
    for a word with a vowel sign."""
    return word.isalpha() or all(c.isalpha() or unicodedata.category(c)[0] == "M" for c in word)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_URL = re.compile(r"\s*(?:https?://|www\.)\S+\s*$")
# A page's chrome in a paragraph of its own: a stamp of when it was put online ("Written:
# 2025-09-04 17:50:45Updated: ...", "发布时间:2025-04-16 08:30:00 | 来源:新华网", "FE Team |
# Published: June 19, 2024 20:43:57", an image's "2025-01-17T182152Z_2_...") or a trail of
# the site's sections ("你的位置:凯尊k5 > 新闻动态 > ..."): no lead, and no day of the occasion.
_CHROME = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:\s*|T)\d{1,2}:?\d{2}|\S\s*>\s*\S[^>]*>\s*\S"
    # a day and a time alone ("• 21/04/2025 • 07:23"; ev15)
    r"|^\W*\d{1,2}[/.]\d{1,2}[/.]\d{4}\W+\d{1,2}:\d{2}\W*$"
    r"|\b(?:published|updated|posted|written)\s*:"
    # a byline ("Published by Alejandro Baños Verified by 1 de octubre, 2024"; round 10),
    # opening its paragraph (not prose: "A letter written by Xi Jinping was read out")
    r"|^\s*(?:published|updated|posted|written|verified) by\b"
    # the same stamps in Chinese, Japanese and Korean, a word of putting online or updating
    # and a date with its year ("更新於 2023年11月26日04:28 • 發布於 2023年11月25日17:08":
    # its update's day had dated the Golden Horse awards to the day after; round 11, ev11)
    r"|(?:更新|發布|发布|發佈|发表|發表|公開|公开|配信|입력|수정|등록)(?:於|于|時間|时间|日時|日)?"
    r"\s*[:：]?\s*\d{4}\s*[年./-]",
    re.IGNORECASE,
)
CHROME_CHARS = 160  # a paragraph this long at most may be chrome; a longer one is prose


def _chrome(para: str) -> bool:
    return len(para) <= CHROME_CHARS and _CHROME.search(para) is not None


def _lead(title: str, text: str) -> str:
    """The first substantial paragraph without its dateline ("BEIJING, Dec. 8 (Xinhua) --"),
    past the page's chrome (a stamp, a trail of sections)."""
    paras = _paragraphs(text)
    # a page's header: the title, one short paragraph (a deck) and the stamp of when it was put
    # online: the report begins after the stamp ("El Santo Padre había estado internado y ayer
    # se mostró ..." between the title and "21/04/2025 • 07:23" is the deck, whose "ayer" dated
    # the Pope's death to the day before; ev15, dev_round11 and dev_round13). (Not a headline
    # after a trail of sections, above the stamp, under a title that is the site's name: the
    # photo caption after it is no lead.)
    stamp = next((i for i, p in enumerate(paras[:5]) if _chrome(p)), None)
    if (
        stamp is not None
        and stamp >= 2
        and title.strip()
        and paras[stamp - 2].startswith(title.strip())
        and len(paras[stamp - 1]) <= CHROME_CHARS
    ):
        paras = paras[stamp + 1 :] + paras[:stamp]
    for i, para in enumerate(paras):
        # the title again, perhaps with a stamp after it ("... (14:14)"), is no lead
        repeated = para.startswith(title.strip()) and len(para) - len(title.strip()) < 20
        if (title.strip() and repeated) or _URL.match(para) or _chrome(para):
            continue
        if len(para) < 40:
            if not _short_sentence(para):
                continue
            # a sentence of few characters in Chinese, Japanese or Korean is a lead, with the
            # paragraph after it ("国家主席习近平14日同美国当选总统特朗普通电话。"; round 22)
            para = " ".join((para, *paras[i + 1 : i + 2]))
        m = _DATELINE.match(para)
        return without_filing_place(para[m.end() :] if m else para)[:400]
    return text[:400]


_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SHORT_SENTENCE_CHARS = 20  # characters of Chinese, kana or Hangul a short lead holds, at least


def _short_sentence(para: str) -> bool:
    """A paragraph under 40 characters that is a sentence of Chinese, Japanese or Korean: 20
    such characters at least, ending as a sentence does ("。", "다.")."""
    text = para.rstrip()
    return (
        text.endswith(("。", "！", ".")) and len(_CJK_LETTER.findall(text)) >= SHORT_SENTENCE_CHARS
    )


_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            "monday 星期一 周一",
            "tuesday 星期二 周二",
            "wednesday 星期三 周三",
            "thursday 星期四 周四",
            "friday 星期五 周五",
            "saturday 星期六 周六",
            "sunday 星期日 星期天 周日",
        )
    )
    for name in names.split()
}
# "5日上午", "30日": a Chinese lead gives the day of the month alone (the month is the report's)
# (the first day of a span too, "于25日至27日在大连举行": the 25th, as a span with its month is
# read; ev14)
# (and, round 13, the Japanese 午前 / 午後: "２１日午後"; never the end of a range, "11月5—10日")
_ZH_DAY_ONLY = re.compile(
    r"(?<![\d月—–~〜-])(3[01]|[12]\d|0?[1-9])日(?=[上下中晚早凌午电電在，,、\s至到])"
)


_TITLE_NUMBER = re.compile(r"(?<![\d.,:])(\d{2,4})(?![\d.,:%])")


def _marks(title: str) -> tuple[str, ...]:
    """The numbers a title gives that are neither dates nor years nor times: "the 110th
    anniversary" / "110周年", "75th" / "75周年", the same in any language."""
    text = unicodedata.normalize("NFKC", title)
    for start, end in reversed([d.span for d in find_dates(text)]):
        text = text[:start] + " " + text[end:]
    found = [m.group(1) for m in _TITLE_NUMBER.finditer(text)]
    # an edition in Chinese numerals ("第十六届夏季达沃斯论坛": the 16th, as "16th Annual
    # Meeting" writes it; ev14)
    found += [n for m in _ZH_EDITION.finditer(text) if len(n := _zh_number(m.group(1))) >= 2]
    return tuple(dict.fromkeys(n for n in found if not (len(n) == 4 and 1900 <= int(n) <= 2100)))


_ZH_EDITION = re.compile(r"第([一二三四五六七八九十百]+)[届屆次]")


# A date that is the dateline's (when the report was filed), not the occasion's: right after it
# "电" / "電" ("北京3月21日电"), "讯" / "訊" ("9月9日讯,当地时间周四(9月8日)18点", "【新唐人2015年
# 12月17日訊】週三"; round 16), an agency in brackets or slashes, or a dash ("July 9 (TASS) --").
# An ISO date ("2022-10-16") in a lead is a page's stamp (when it was put online), not prose.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FILED_AFTER = re.compile(
    r"\.?\s*(?:[电電讯訊]|\((?!\s*(?:local|ora |hora |heure ))|/|--|—|–|_)", re.IGNORECASE
)
# Weekdays and dates of the languages find_dates does not read: "am Dienstagmorgen", "dem 16.
# April", "в понедельник".
_GERMAN_DAYS = "montag dienstag mittwoch donnerstag freitag samstag sonntag".split()
_RUSSIAN_DAYS = "понедельник вторник среду четверг пятницу субботу воскресенье".split()
_ROMANCE_DAYS = (
    "segunda terça quarta quinta sexta sábado domingo".split(),
    "lunes martes miércoles jueves viernes sábado domingo".split(),
    "lunedì martedì mercoledì giovedì venerdì sabato domenica".split(),
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
)
# Monday = 0, as date.weekday()
_OTHER_WEEKDAYS = {
    w: i for names in (_GERMAN_DAYS, _RUSSIAN_DAYS, *_ROMANCE_DAYS) for i, w in enumerate(names)
}
# Portuguese's first five need "-feira" ("a segunda" is also "the second"); the other Romance
# weekdays count after "on"/"this" ("el martes", "il lunedì", "le mardi", "no domingo").
_FEIRA_DAYS = _ROMANCE_DAYS[0][:5]
_ROMANCE_AFTER_ARTICLE = list(
    dict.fromkeys(w for names in _ROMANCE_DAYS for w in names if w not in _FEIRA_DAYS)
)
_OTHER_WEEKDAY = re.compile(
    rf"(?<![\w])(?:(?:am|vom|seit)\s+)?({'|'.join(_GERMAN_DAYS)})"
    rf"|(?<![\w])во?\s+({'|'.join(_RUSSIAN_DAYS)})(?![\w])"
    rf"|(?<![\w])({'|'.join(_FEIRA_DAYS)})-feira(?![\w])"
    r"|(?<![\w])(?:nesta|neste|na|no|nessa|neste|el|este|esta|il|ce|le)\s+"
    rf"({'|'.join(_ROMANCE_AFTER_ARTICLE)})(?![\w])",
    re.IGNORECASE,
)
# Month names of the languages find_dates does not read (German, Italian, Portuguese, Spanish,
# French, Russian in the genitive), for "dem 16. April", "del 20 novembre", "20 de novembro",
# "20 марта".
_OTHER_MONTHS = {
    name: i + 1
    for names in (
        "januar februar märz april mai juni juli august september oktober november dezember",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    )
    for i, name in enumerate(names.split())
}
_OTHER_DATE = re.compile(
    r"(?<![\d.])(3[01]|[12]\d|0?[1-9])(?:\.|er)?\s*(?:de\s+)?("
    + "|".join(sorted(_OTHER_MONTHS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)


# words before a date that make it the start or end of a term, not the day of the occasion
_SPAN_START = re.compile(
    r"(?:\b(?:from|since|until|till|starting|effective|ab|seit|bis)|\bas of)"
    r"\s+(?:the\s+|dem\s+|zum\s+)?$",
    re.IGNORECASE,
)


# a date in a clause that says "since": a past occasion the lead recalls ("the first visit since
# the change of government in Germany on 6 May"), not the one reported
# (and a clause counting from it: "just one day after he addressed the Catholic world on Easter
# Sunday" dates what the report tells by the day before it; ev15, dev_round13)
_SINCE = re.compile(
    r"(?:\b(?:since|seit)\b"
    r"|\b(?:(?:a|one|two|three|\d+)\s+(?:days?|weeks?)|hours|days|weeks|the day)\s+after\b"
    r"|\b(?:un|dos|tres|\d+)\s+días?\s+después\s+de\b|\b(?:un|due|tre|\d+)\s+giorn[oi]\s+dopo\b"
    r"|\b(?:einen|zwei|drei|\d+)\s+tag(?:e|en)?\s+nach\b)"
    r"[^.,;:!?()]{0,60}$",
    re.IGNORECASE,
)


# a date in a clause announcing an occasion to come ("The fourth ministerial meeting ... is
# scheduled to open in Beijing on Tuesday", in a report of the ministers' meeting the day before)
# (the clause ends at a comma or a clause word: "The summit, which is expected to draw 20
# leaders, opened in Tianjin on August 31")
_TO_COME = re.compile(
    r"\b(?:(?:is|are) (?:set|scheduled|expected|due|slated) to|to be held)\b"
    r"(?:(?!\b(?:which|who|while|but|and then|when|after|before)\b)[^.,;!?]){0,60}$",
    re.IGNORECASE,
)


# a date in a clause of what will be, told beside the occasion reported: a relative clause of the
# future ("Macron, who will attend the Republic Day Parade in Delhi on Friday", in a report of
# his Jaipur roadshow the day before) or "until" ("There won't be another try until at least
# Wednesday"). A future in the main clause is a preview's own occasion ("The 2022 Nobel Peace
# Prize will be announced on Friday": `told_ahead` reads it so) and keeps its day (round 24,
# ev24b: counted on every dev report against its label's day)
_WILL_CLAUSE = re.compile(
    r"(?:[,，]\s*(?:who|which|where|wo|der|die|das|qui|que|che|quien|который|которая|которые)\s+"
    r"(?:\w+\s+){0,2}?(?:will|shall|wird|werden|va|vont|sarà|saranno|vai|vão|будет|будут)\b"
    r"|\b(?:until|till)\b)"
    r"(?:(?!\b(?:which|who|while|but|and then|when|after|said|says)\b)[^.;:!?]){0,60}$",
    re.IGNORECASE,
)


def _recalled(lead: str, start: int, *, to_come: bool = True) -> bool:
    """A "since" / "seit" clause just before `start`: what follows is a past occasion recalled;
    or (`to_come`) a clause saying what will be: an occasion to come."""
    window = max(0, start - 70)
    return _SINCE.search(lead, window, start) is not None or (
        to_come and _TO_COME.search(lead, window, start) is not None
    )


def _to_be(lead: str, start: int) -> bool:
    """A clause of what will be (`_WILL_CLAUSE`) just before `start`."""
    return _WILL_CLAUSE.search(lead, max(0, start - 70), start) is not None


# a clock time right before a date: a page's stamp ("15:00, October 23, 2024 By ..."), when
# the page was put online, not the occasion's day
_CLOCK_BEFORE = re.compile(r"\b[0-2]?\d:[0-5]\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*,?\s*$")

_SPAN_END = re.compile(r"\s*(?:\bto|\buntil|\btill|\bthrough|\bbis|-|–)(?!\w)", re.IGNORECASE)


# A Chinese clause counting from the date it opens with: "台湾1月13日完成选举后,新任立法委员今天就职"
# (after the election of 13 January, the new legislators took office today), "...以来": the date
# is of an occasion recalled (round 11, ev11c)
_HAN_AFTER = re.compile(r"[^，,、。；;：:!！?？\s]{0,24}?(?:[之以]?[后後]|以[来來])(?=[，,、])")


def _term_or_past(lead: str, span: tuple[int, int], text: str) -> bool:
    """A date that starts or ends a term ("the abolition of roaming from March 1"; "held from
    December 11 to 12" is the occasion's first day), or that a clause saying "since" recalls
    (a past occasion): not the day of the occasion reported."""
    start, end = span
    if _recalled(lead, start) or _HAN_AFTER.match(lead, end):
        return True
    return bool(
        _SPAN_START.search(lead, max(0, start - 16), start)
        and not _SPAN_END.match(lead, end)
        and not _SPAN_END.search(text.strip())
    )


# A date more than this many days after the report was published is an occasion it announces
# ("den Weg für Neuwahlen am 23. Februar frei machen"), not the one it reports.
AHEAD_DAYS = 2
# A date whose year the lead gives, another year's and more than this many days from the day
# published, is an occasion recalled (a photo caption's "2015.11.7"), not the one reported.
RECALLED_DAYS = 31


def _ahead(day: date | None, published: date) -> bool:
    return day is not None and (day - published).days > AHEAD_DAYS


def _another_time(mention: DateMention, published: date) -> bool:
    """A date the lead gives of another occasion than the one reported: announced ahead, or
    recalled from another year (see `AHEAD_DAYS`, `RECALLED_DAYS`)."""
    assert mention.month and mention.day
    if mention.year and mention.year != published.year:
        try:
            given = date(mention.year, mention.month, mention.day)
        except ValueError:
            return False
        return abs((given - published).days) > RECALLED_DAYS
    return _far(_near(mention.month, mention.day, published), published)


def _far(day: date | None, published: date) -> bool:
    """A date of no year given that is no day of the occasion reported: announced ahead (more
    than `AHEAD_DAYS` after the day published) or recalled (more than `RECALLED_DAYS` before
    it: "Yoon Suk Yeol was impeached by the parliament on December 14" in a report of his
    removal on 4 April; round 9 of issue 13b, dev_round12). A late report of an occasion (a
    Chinese copy of a press conference published nine days after it) is within the month."""
    return _ahead(day, published) or (day is not None and (published - day).days > RECALLED_DAYS)


def _occasion(lead: str, published: date) -> str | None:
    """The day the lead gives for the occasion ("MM-DD"): a date with its month ("Dec. 6",
    "12月6日", "16. April", "20 novembre") that is not the dateline's ("北京3月21日电", "MOSCOW, July 9. /TASS/.");
    else a day of the month alone ("6日上午") or a weekday ("on Wednesday", "am Dienstag"), read
    as the latest such day on or before the day the dateline gives, else the day published."""
    mentions = find_dates(lead)
    filed: date | None = None
    # a day of the month alone before it ("高市早苗総裁（６４）は２１日午後、... 選出された ...
    # １０月４日の自民党総裁選で"): the date with its month comes later, of an occasion recalled
    # (round 13)
    day_alone = _ZH_DAY_ONLY.search(lead)
    for mention in mentions:
        if not (mention.month and mention.day):
            continue
        if _filed(lead, mention):
            filed = filed or _near(mention.month, mention.day, published)
            continue
        if day_alone and day_alone.start() < mention.span[0]:
            break
        if _term_or_past(lead, mention.span, mention.text) or _another_time(mention, published):
            continue
        if _in_caption(lead, mention.span[0]):
            continue
        if (
            _to_be(lead, mention.span[0])
            and _near(mention.month, mention.day, published) != published
        ):
            # an occasion to come, another day than the one published (a preview of the day
            # published is dated by it, as before)
            continue
        first = first_day_of_span(lead, mention.span[0]) or mention.day
        return f"{mention.month:02d}-{first:02d}"
    for dated in _OTHER_DATE.finditer(lead):
        month, day = _OTHER_MONTHS[dated.group(2).casefold()], int(dated.group(1))
        if dated.start() < 60 and _FILED_AFTER.match(lead, dated.end()):
            # "PARIS, 7. Mai (Xinhua) --": the dateline's
            filed = filed or _near(month, day, published)
            continue
        if (
            _recalled(lead, dated.start())
            or _far(_near(month, day, published), published)
            or _of_another_year(lead, dated.end(), month, day, published)
        ):
            continue
        day = first_day_of_span(lead, dated.start()) or day
        return f"{month:02d}-{day:02d}"
    upto = filed or published
    back = _counted_back(lead, mentions, upto) or relative_day(
        # "today" in a clause of what is to come is still the day ("Leaders are expected to
        # gather in Kazan today")
        lead,
        upto,
        lambda at: _recalled(lead, at, to_come=False),
    )
    return f"{back.month:02d}-{back.day:02d}" if back else None


# A photo's caption: its date is the day the picture was taken ("In this July 11, 2019, file
# photo Federal Reserve Chair Jerome Powell presents ...", "... on August 5, 2012 in Pasadena,
# California. ... Pool, Getty Images", "Waves break on the coastline in Yilan on July 24, 2024
# as Typhoon Gaemi approaches Taiwan. I-Hwa Cheng. — AFP/file"), often a file picture of
# another day; the occasion's day is the one the report's prose gives, else the day published
# (round 24, ev24b)
_CAPTION_CUE = re.compile(
    r"\bfile (?:photo|picture|image)\b|\bGetty Images\b|\bREUTERS\s*/|\bAFP\s*/|/\s*AFP\b"
    r"|\bAP Photo\b|\(AP Photo|\bPhoto(?:graph)?\s*(?:by|:)|\bFoto\s*:|\(Photo\b",
    re.IGNORECASE,
)
_CAPTION_SENTENCE = re.compile(r"[^.!?。！？]*(?:[.!?。！？]|$)")
CAPTION_TAIL = 80  # characters at the end of a lead in which a photo credit makes it a caption


def _in_caption(lead: str, start: int) -> bool:
    """The date at `start` is in a photo's caption: its sentence says so ("file photo"), or the
    lead ends with a photo credit ("Getty Images", "REUTERS/NASA", "AFP/file")."""
    for m in _CAPTION_SENTENCE.finditer(lead):
        if m.start() <= start < max(m.end(), m.start() + 1):
            if _CAPTION_CUE.search(m.group()):
                return True
            break
    return _CAPTION_CUE.search(lead, max(0, len(lead) - CAPTION_TAIL)) is not None


_YEAR_AFTER = re.compile(r"\s*((?:19|20)\d\d)\b")


def _filed(lead: str, mention: DateMention) -> bool:
    """A date of when the report was filed: a stamp ("2022-09-22", "10:17 2019-02-28"), or a
    dateline's ("北京3月21日电", "【新唐人北京时间2022年09月22日讯】")."""
    stamp = _ISO_DATE.fullmatch(mention.text.strip()) is not None or bool(
        _CLOCK_BEFORE.search(lead, max(0, mention.span[0] - 12), mention.span[0])
    )
    return (
        stamp
        or (mention.span[0] < 60 and _FILED_AFTER.match(lead, mention.span[1]) is not None)
        or _REPORTER_AFTER.match(lead, mention.span[1]) is not None
    )


# A date whose clause's subject is the reporter: "3月5日,南都记者从普利兹克奖官网获悉" (on 5 March
# the reporter learned from the prize's site), "김정한 기자 =": the day the report was written,
# as a dateline's, not the occasion's (round 24, ev24b)
_REPORTER_AFTER = re.compile(r"[,，、]?\s*[\u4e00-\u9fff]{0,6}?(?:记者|記者)(?![会會])")


def _of_another_year(lead: str, end: int, month: int, day: int, published: date) -> bool:
    """A date in a language `find_dates` does not read ("Am 8. September 2022 war die Königin
    ... gestorben"), whose year, written after it, is another year's and more than
    `RECALLED_DAYS` from the day published: an occasion recalled (round 10), as `_another_time`
    reads it of the dates `find_dates` gives."""
    year = _YEAR_AFTER.match(lead, end)
    if year is None or int(year.group(1)) == published.year:
        return False
    try:
        given = date(int(year.group(1)), month, day)
    except ValueError:
        return False
    return abs((given - published).days) > RECALLED_DAYS


def _counted_back(lead: str, mentions: Sequence[DateMention], upto: date) -> date | None:
    """The day a lead gives by its day of the month alone ("6日上午") or by its weekday ("on
    Wednesday", "am Dienstag"): the latest such day on or before `upto`, or the day after."""
    day_only = _ZH_DAY_ONLY.search(lead)
    if day_only:
        wanted = int(day_only.group(1))
        return next(
            (d for d in (upto - timedelta(days=n) for n in range(-1, 31)) if d.day == wanted),
            None,
        )
    found = [
        (m.span[0], _WEEKDAYS[m.text.strip().casefold()])
        for m in mentions
        if m.text.strip().casefold() in _WEEKDAYS
    ]
    if not found:
        found = [
            (other.start(), _OTHER_WEEKDAYS[next(g for g in other.groups() if g).casefold()])
            for other in _OTHER_WEEKDAY.finditer(lead)
        ]
    for start, weekday in found:
        if _recalled(lead, start):
            continue
        # the next day is the one meant more often than a week ago: a preview ("will meet on
        # Wednesday"), or a report published west of the occasion, a day behind
        back = (upto.weekday() - weekday + 1) % 7 - 1
        # a weekday in a clause of what will be is never a past day: "Das Gericht will am
        # Montag über die Sache beraten" in Saturday's report of the vote is next Monday, not
        # the Monday before (ev15, dev_round12)
        if back > 0 and _FUTURE.search(lead, max(0, start - 60), start):
            continue
        # nor one of another day than the day published in a clause of what will be
        # ("Macron, who will attend the Republic Day Parade in Delhi on Friday", published on
        # Thursday; "won't be another try until at least Wednesday"; round 24, ev24b)
        if back != 0 and _to_be(lead, start):
            continue
        return upto - timedelta(days=back)
    return None


# a clause saying what will be, up to a weekday: the auxiliaries of the future in the
# languages `_counted_back` reads weekdays in (English "will", German "will" too, "wants to";
# not the French "sera", which is the Italian evening: "ieri sera")
_FUTURE = re.compile(
    r"\b(?:will|shall|wird|werden|wollen|soll|sollen|va|vont|seront|van a|va a"
    r"|vai|vão|sarà|saranno|будет|будут)\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)


# The time of day an occasion is held, in the languages the feeds bring: the talks of the
# morning and the tea or the dinner of the evening are two occasions of the same people on the
# same day.
_TIMES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "morning",
            r"\bmorning\b|上午|早上|清晨|vormittag|\bmorgens\b|\bam morgen\b|\bутром\b"
            r"|\bmatin(?:ée)?\b|\bmattin(?:a|ata)\b|\bmanhã\b",
        ),
        (
            "afternoon",
            r"\bafternoon\b|\bmidday\b|下午|中午|nachmittag|\bmittag|après-midi"
            r"|\bpomeriggio\b|\bà tarde\b|\bpor la tarde\b",
        ),
        (
            "evening",
            r"\bevening\b|\btonight\b|(?<!over)\bnight\b|晚|夜|abend|\bвечер"
            r"|\bsoir(?:ée)?\b|\bsera(?:ta)?\b|\bnoite\b|\bnoche\b",
        ),
    )
)


def times_of_day(text: str) -> tuple[str, ...]:
    """The times of day `text` gives: "morning", "afternoon", "evening"."""
    folded = to_simplified(unicodedata.normalize("NFKC", text))
    return tuple(name for name, pattern in _TIMES if pattern.search(folded))


def _near(month: int, day: int, published: date) -> date | None:
    """The date of that month and day nearest the day published."""
    found = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: abs((d - published).days), default=None)


# What kind of occasion a report is about, read from its title (else the start of its lead), in
# the languages the feeds bring. Read in this order, each match blanked before the next kinds are
# read, so "meets the press" is a press conference and not talks, and "the welcome banquet after
# the talks" a banquet. A speech is the weakest: many reports of talks or a session say that
# someone "delivered an important speech" (发表重要讲话), so it counts only when nothing else does.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "call",
            r"phone|video ?call|video ?link|videoconferenc|通电话|通话|电话|视频会晤|视频通话"
            r"|telefon|телефон|통화|전화"
            # the noun alone (round 16): "in 2-hour call", "hold call on TikTok", "'very good'
            # call with Zelensky"; not a courtesy call (a visit), an earnings call, calls for
            r"|(?<!courtesy )(?<!earnings )\bcall with\b|\b\d+-(?:hour|minute) call\b"
            r"|\b(?:hold|holds|held|holding|had)\s+(?:a |an |their |first |second )?call\b",
        ),
        (
            "press",
            r"(?:press|news) (?:conference|briefing)|meets? (?:with )?(?:the )?(?:press|reporters)"
            r"|q ?& ?a|question-and-answer|direct line|记者会|见记者|新闻发布会|吹风会"
            r"|pressekonferenz|пресс-конференц|прям\w* лини|conferenza stampa|coletiva|기자회견",
        ),
        (
            "banquet",
            r"banquet|dinner|luncheon|\breception\b|\bgala\b|宴|酒会|招待会|晚会|bankett"
            r"|abendessen|ужин|банкет|\bcena\b|jantar|만찬|오찬|연회"
            # tea after talks is an occasion of its own, as a dinner is
            r"|茶叙|(?:over|on|for|a) tea\b|\btea (?:talk|party|ceremony)|\btee\b|чаепити",
        ),
        (
            "ceremony",
            r"ceremon|\baward|\bhonou?r(?:ed|s)?\b|\border of\b|medal|flag-raising|升旗|仪式"
            r"|颁授|授予|勋章|典礼|zeremonie|церемон|орден|cerimonia|cerimônia"
            r"|\bparade\b|阅兵|militärparade|парад|défilé|parata|desfile",
        ),
        (
            "deliberation",
            r"deliberat|panel discussion|with (?:national )?(?:deputies|lawmakers)|审议|beratung",
        ),
        ("inspection", r"inspection tour|\binspect(?:s|ed|ing)\b|考察|视察|调研|besichtig"),
        (
            "session",
            r"(?:session|congress|plenum|assembly|conference)s? (?:opens|closes|concludes)"
            r"|opens (?:its |the |an? )?(?:\w+ ){0,2}session|(?:opening|closing) (?:session|meeting)"
            r"|plenary|开幕|闭幕|全体会议|全会|eröffn|открыт\w* сесси"
            # a body's yearly meeting is a session, not talks ("the Annual Meeting of the New
            # Champions", a shareholders' annual meeting; ev14)
            r"|annual (?:general )?meeting|general meeting|shareholders['’]? meeting|股东大会",
        ),
        (
            "court",
            r"\bsentenced\b|\b(?:on|stands?) trial\b|宣判|判处|审判|庭审|urteil|приговор",
        ),
        ("symposium", r"symposium|seminar|座谈会|研讨会|symposion"),
        ("study", r"\bstud(?:y|ies|ied)\b|学习会|集体学习|专题学习"),
        (
            "talks",
            r"\bmeets?\b|\bmet\b|meeting|talks|summit|会见|会谈|会晤"
            r"|晤|见面|峰会|会面|trifft|treffen|\bgetroffen\b|\btraf(?:en)?\b|empf(?:ä|ae)ngt|empfangen"
            r"|gespräch|встреч|переговор"
            r"|incontr|encontr|reuni|\breceb(?:e|em|eu|er)\b|\brecib(?:e|en|ió)\b"
            r"|\bricev(?:e|ono)\b|\bre[çc]oit\b"
            # Korean (round 16): 정상회담, 회담, 회견 (a meeting with; 기자회견 is read before)
            r"|회담|회견|접견",
        ),
        (
            "speech",
            # "address regional, global issues" is to deal with them, not a speech: the issue
            # its object, within two words (not "addresses the nation on the situation",
            # "delivers address on energy crisis")
            r"speech|\baddress(?:es|ed)?\b(?!\s+(?:(?!(?:on|nation|parliament|assembly)\b)"
            r"[\w'-]+,?\s+){0,2}(?:issues|concerns|challenges"
            r"|questions|problems|needs|situation|crisis|tensions|matters)\b)"
            r"|keynote|\bremarks\b|致辞|讲话|演讲|演说|讲演|\brede\b"
            r"|ansprache|выступ|обращени|discorso|discurso|연설",
        ),
        # someone "hosts" talks, a dinner, a parade: talks only when nothing else is said
        ("talks", r"\bhost(?:s|ed|ing)?\b"),
    )
)
_MEETS = next(pattern for kind, pattern in _KINDS if kind == "talks")  # meets, talks, 会见...
# An opening or closing ceremony is a ceremony, and the opening or close of a session (a
# forum's, a congress's): "the opening ceremony of the Boao Forum" and "年会开幕式" are one
# occasion, and the opening ceremony of a memorial is the ceremony of its unveiling.
_OPENING = re.compile(r"(?:opening|closing|inaugural) ceremon\w*|[开闭]幕式", re.IGNORECASE)


def occasion_kinds(title: str, lead: str) -> tuple[str, ...]:
    """The kinds of occasion the title says (else the first 200 characters of the lead): "talks",
    "call", "banquet", "press", "ceremony", "deliberation", "inspection", "session", "symposium",
    "study", "court", "speech" (only when no other kind is said). A title saying only that
    someone hosts something defers to the lead's kind when the lead says one."""
    hosted: tuple[str, ...] = ()
    for text in (title, lead[:200]):
        original = folded = to_simplified(unicodedata.normalize("NFKC", text))
        found: list[str] = []
        if _OPENING.search(folded):
            found += ["ceremony", "session"]
            folded = _OPENING.sub(" ", folded)
        for kind, pattern in _KINDS:
            if kind == "speech" and found:
                break
            if kind == "talks" and ("speech" in found or "talks" in found):
                break
            if pattern.search(folded):
                found.append(kind)
                folded = pattern.sub(" ", folded)
        if found == ["talks"] and not hosted and not _MEETS.search(original):
            # a title saying only that someone hosts something ("Hosting 2036 Olympics is
            # India's dream"): the lead's kind, if it says one, is the occasion's
            hosted = tuple(found)
            continue
        if found:
            return tuple(found)
    return hosted


def _kinds(title: str, lead: str) -> tuple[str, ...]:
    """The kinds of occasion (`occasion_kinds`), else the outcome (`outcome_kinds`), the title
    says; else the lead's. An outcome the title says outranks a kind the lead alone says:
    "Austria's JJ wins Eurovision Song Contest" is a victory, though its lead goes on to the
    "host city Basel" (round 9, dev_round12)."""
    kinds = occasion_kinds(title, lead)
    if kinds and title.strip() and not occasion_kinds(title, ""):
        return outcome_kinds(title, "") or kinds
    return kinds or outcome_kinds(title, lead)


_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}


def _zh_number(value: str) -> str:
    """A count written in Chinese numerals as digits ("二" and "两" are both 2, "十二" 12), so
    "二人" and "两人" are one count; digits, and 万 or 亿 (a magnitude), are kept as written."""
    if not value or any(c not in _ZH_DIGITS and c not in _ZH_UNITS for c in value):
        return value
    total = digit = 0
    for c in value:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        else:
            total += (digit or 1) * _ZH_UNITS[c]
            digit = 0
    return str(total + digit)


def _numbers(text: str, language: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    head = text[:3000]
    if language == "zh" or has_han(head):
        found += [
            (unit, _zh_number(value)) for value, unit in _ZH_NUMBER.findall(to_simplified(head))
        ]
    for value, word in _EN_NUMBER.findall(head):
        word = word.casefold()
        if word in _NOT_COUNTS or (word.endswith(("th", "st", "nd", "rd")) and len(word) <= 4):
            continue
        found.append((word, value.replace(",", "")))
    # (round 13) a number of another script's words ("8.8 तीव्रता", "119표", "8,8 балла") or
    # written with a decimal comma ("Stärke 8,8", "jačine 8,7 stepeni"): one number in every
    # language, as `_same_count` compares it
    for value, word, decimal, after in _OTHER_NUMBER.findall(head):
        if decimal:
            found.append((after.casefold(), decimal.replace(",", ".")))
        else:
            found.append((word.casefold(), value.replace(",", "")))
    return tuple(dict.fromkeys(found))


def person_key(name: str, canonical: str | None) -> tuple[str, str]:
    """(key, canonical) of a written name: the roster's name, else pinyin for Chinese, else the
    name itself; the key merges transliteration variants (Wladimir/Vladimir)."""
    shown = canonical or (pinyin_name(name) if has_han(name) else name)
    return translit_key(shown), shown


@lru_cache(maxsize=4)
def _roster_pattern(
    entries: tuple[RosterEntry, ...],
) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for every spelling on the roster (full names only: a surname alone, "Xi",
    is too loose), and the canonical name of each folded spelling."""
    canon: dict[str, str] = {}
    for entry in entries:
        for form in entry.spellings():
            if (has_han(form) and len(form) >= 2) or (" " in form.strip() and len(form) >= 5):
                canon[to_simplified(form).casefold()] = entry.name
    if not canon:
        return None, canon
    # Chinese runs its words together: a Han name is read anywhere ("总统普京举行"), a name in
    # letters only as whole words
    han = sorted((a for a in canon if has_han(a)), key=len, reverse=True)
    latin = sorted((a for a in canon if not has_han(a)), key=len, reverse=True)
    parts = []
    if latin:
        parts.append(r"(?<![\w])(?:" + "|".join(map(re.escape, latin)) + r")(?![a-z])")
    if han:
        parts.append("|".join(map(re.escape, han)))
    return re.compile("|".join(parts)), canon


def mentioned_people(text: str, roster: Roster) -> tuple[str, ...]:
    """Keys of the roster's people named anywhere in `text` (in any script), in text order."""
    return tuple(dict.fromkeys(key for _, key in _roster_mentions(text, roster)))


def _roster_mentions(text: str, roster: Roster) -> list[tuple[int, str]]:
    """(where in the folded text, key) of each naming of a roster person, in text order."""
    pattern, canon = _roster_pattern(roster.entries)
    if pattern is None:
        return []
    folded = to_simplified(unicodedata.normalize("NFKC", text)).casefold()
    found = [(m.start(), canon[m.group()]) for m in pattern.finditer(folded)]
    if _CYRILLIC.search(folded):
        found += _cyrillic_people(folded, roster)
        found += _cyrillic_family(folded, roster)
    if _HANGUL.search(folded):
        found += _hangul_people(folded, roster)
    if _HANGUL.search(folded) or _KANA_OR_HAN.search(folded):
        # a name by sound in katakana or Hangul, a Japanese family name in kanji (round 16)
        found += foreign_people(folded, roster.entries)
    if _UNCASED_WORD.search(folded) or _GREEK.search(folded):
        found += _consonant_people(folded, roster)
    return sorted((at, translit_key(name)) for at, name in found)


NAME_SKELETON = 5  # consonants of a full name, at least, looked up in the roster by them


@lru_cache(maxsize=4)
def _skeleton_names(entries: tuple[RosterEntry, ...]) -> dict[str, str]:
    """The roster's full names in letters (two or three words) by the consonants of the whole
    name (`_skeleton`), `NAME_SKELETON` at least: "Keir Starmer" is "krstrmr"."""
    index: dict[str, str] = {}
    for entry in entries:
        for form in entry.spellings():
            words = form.split()
            if has_han(form) or not 2 <= len(words) <= 3 or _CYRILLIC.search(form):
                continue
            key = _skeleton("".join(_skeleton(w) for w in words))
            if len(key) >= NAME_SKELETON:
                index.setdefault(key, entry.name)
    return index


_CONSONANT_WORD = re.compile(r"[\u0600-\u06ff]+|[\u0900-\u0d7f]+|[\u0370-\u03ff]+")


def _consonant_people(folded: str, roster: Roster) -> list[tuple[int, str]]:
    """(where, canonical name) of the roster's people a text in Arabic, an Indic script or Greek
    names in full: two or three words running, read by their consonants (`_skeleton`) as the
    roster's names in letters are: "Κιρ Στάρμερ" is Keir Starmer, "షిగేరు ఇషిబా" Shigeru Ishiba
    (round 11, ev11b)."""
    index = _skeleton_names(roster.entries)
    words = [(m.start(), _skeleton(m.group())) for m in _CONSONANT_WORD.finditer(folded)]
    found = []
    for i, (at, _) in enumerate(words):
        for n in (2, 3):
            run = words[i : i + n]
            if len(run) == n and (hit := index.get(_skeleton("".join(w for _, w in run)))):
                found.append((at, hit))
                break
    return found


# Hangul, romanised by the Unicode syllable's parts (its initial, vowel and final letter): the
# Revised Romanization with the initial stops unvoiced, as names in letters mostly write them
# ("Kim", "Park", "Jong"), the silent initial ㅇ as nothing.
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_HANGUL_INITIALS = "k kk n t tt r m p pp s ss _ j jj ch k t p h".split()
_HANGUL_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_HANGUL_FINALS = ("", *"k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split())
# A name's sound in letters, as both alphabets write it: voiced and unvoiced stops one (RR's
# "g", "d", "b" and a name's "k", "t", "p"), r and l one, vowels, y, w and h dropped.
_KOREAN_SOUND = str.maketrans("gdbr", "ktpl", "aeiouywh_'")
# A reporter's name in a byline, followed by the word for reporter or correspondent: "김정한 기자",
# "山田太郎記者", "特派員"; who wrote the report is no one it is about (round 24, ev24b)
_BYLINE_AFTER = re.compile(
    r"\s*(?:기자|특파원|통신원|記者|记者|特派員|特派员)(?!회견|단|会|會|団|团|招待)"
)
KOREAN_SKELETON = 4  # consonants of a name, at least, looked up in the roster


def _hangul_latin(syllable: str) -> str:
    initial, rest = divmod(ord(syllable) - 0xAC00, 21 * 28)
    vowel, final = divmod(rest, 28)
    return _HANGUL_INITIALS[initial] + _HANGUL_VOWELS[vowel] + _HANGUL_FINALS[final]


def _korean_sound(latin: str) -> str:
    """The part's consonants; an h opening it is kept: ㅎ is no silent ㅇ, and "Han" (한) is
    no "Un" (은) (round 24, ev24b: "김정한", a reporter, had read as Kim Jong Un)."""
    folded = latin.casefold()
    head = "h" if folded.startswith("h") else ""
    return head + re.sub(r"(.)\1+", r"\1", folded.translate(_KOREAN_SOUND))


@lru_cache(maxsize=4)
def _korean_names(entries: tuple[RosterEntry, ...]) -> dict[tuple[str, ...], str]:
    """The roster's people with a spelling of a Korean name, three parts ("Yoon Suk-yeol", "Kim
    Jong Un"), by the consonants of each part (`_korean_sound`): a name in Hangul is three
    syllables, each one part."""
    index: dict[tuple[str, ...], str] = {}
    for entry in entries:
        for form in entry.spellings():
            parts = re.split(r"[\s-]+", form.strip())
            if len(parts) != 3 or has_han(form) or not all(p.isalpha() for p in parts):
                continue
            sounds = tuple(_korean_sound(p) for p in parts)
            if len("".join(sounds)) >= KOREAN_SKELETON:
                index.setdefault(sounds, entry.name)
    return index


def _hangul_people(folded: str, roster: Roster) -> list[tuple[int, str]]:
    """(where, canonical name) of the roster's people a text names in Hangul: the first three
    syllables of a word (a Korean name; a particle may follow, "윤석열은"), romanised, each by
    its consonants against a part of a three-part name: "윤석열" is Yoon Suk Yeol, "김정은" Kim
    Jong Un. The surname 이 (리 in the North) is written Lee or Ri in letters (round 11, ev11:
    the Korean reports of Yoon's impeachment named nobody the roster knew)."""
    index = _korean_names(roster.entries)
    found = []
    for m in _HANGUL.finditer(folded):
        name = m.group()[:3]
        if len(name) < 3:
            continue
        if len(m.group()) == 3 and _BYLINE_AFTER.match(folded, m.end()):
            # a reporter's byline: "(서울=뉴스1) 김정한 기자 =" (round 24, ev24b)
            continue
        sounds = tuple(_korean_sound(_hangul_latin(c)) for c in name)
        tries = [sounds, ("l", *sounds[1:])] if name[0] in "이리" else [sounds]
        hit = next((index[k] for k in tries if k in index), None)
        if hit:
            found.append((m.start(), hit))
    return found


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def _romanise(word: str) -> str:
    """A Russian word in Latin letters, each sound spelt as translit_key spells it."""
    latin = "".join(_CYRILLIC_LATIN.get(c, c) for c in word).replace("_", "")
    return translit_key(latin)


@lru_cache(maxsize=4)
def _cyrillic_names(
    entries: tuple[RosterEntry, ...],
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The roster's full names (two words at least) as romanised Russian names are written in
    any grammatical case: each word's stem (its last vowel dropped), which a written word must
    start with and pass by three letters at most ("Владимиром Путиным", "Нарендрой Моди");
    indexed by the first two letters of the first stem."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entry in entries:
        for form in entry.spellings():
            words = form.split()
            if has_han(form) or len(words) < 2:
                continue
            stems = [_russian_stem(w) for w in words]
            if any(len(w) < 2 for w in stems):
                continue
            index.setdefault(stems[0][:2], []).append((tuple(stems), entry.name))
        # a Chinese name as Russian writes it ("Си Цзиньпин"), which no spelling in letters is
        for palladius in _palladius(entry):
            stems = [_russian_stem(w) for w in palladius]
            if all(len(w) >= 2 for w in stems):
                index.setdefault(stems[0][:2], []).append((tuple(stems), entry.name))
    return index


# A Chinese name as Russian writes it (the Palladius system: "Си Цзиньпин", "Ли Цян", "Дин
# Сюэсян"), from its pinyin syllable by syllable: the initial, then the final (after j, q, x
# and y the u is ü; after z, c, s the i is ы). Read from dev_round19 (round 15): the Russian
# reports of the Xi-Putin talks of March 2023 named Putin only, "Си Цзиньпина" unread.
_PALLADIUS_INITIALS = {
    "zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д",
    "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц",
    "x": "с", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip
_PALLADIUS_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я",
    "iao": "яо", "ie": "е", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин",
    "iong": "юн", "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань",
    "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь",
}  # fmt: skip
# a syllable with no initial: y and w written as the vowel they are ("yi" и, "you" ю, "wang"
# ван, "wu" у)
_PALLADIUS_BARE = {
    "ya": "я", "yan": "янь", "yang": "ян", "yao": "яо", "ye": "е", "yi": "и", "yin": "инь",
    "ying": "ин", "yong": "юн", "you": "ю", "yu": "юй", "yuan": "юань", "yue": "юэ",
    "yun": "юнь", "wu": "у", "wo": "во",
}  # fmt: skip


def _palladius_syllable(syllable: str) -> str | None:
    """One pinyin syllable (no tone, ü as v) in Cyrillic as Russian writes it, else None."""
    if syllable in _PALLADIUS_BARE:
        return _PALLADIUS_BARE[syllable]
    if syllable.startswith("w"):  # wa, wai, wan, wang, wei, wen, weng: в and the final
        final = _PALLADIUS_FINALS.get("e" + syllable[2:] if syllable[1:2] == "e" else syllable[1:])
        return "в" + final if final else None
    initial = next((i for i in ("zh", "ch", "sh") if syllable.startswith(i)), syllable[:1])
    if initial not in _PALLADIUS_INITIALS:
        initial = ""
    final = syllable[len(initial) :]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "v" + final[1:]  # ju, qu, xu, xuan, jun: ü
    if final == "i" and initial in ("z", "c", "s"):
        return _PALLADIUS_INITIALS[initial] + "ы"
    if initial == "h" and final == "ui":  # (Palladius writes hui as хуэй)
        return "хуэй"
    cyrillic = _PALLADIUS_FINALS.get(final)
    return _PALLADIUS_INITIALS.get(initial, "") + cyrillic if cyrillic else None


def _palladius(entry: RosterEntry) -> list[tuple[str, ...]]:
    """A roster person's Chinese name as a Russian text writes it, romanised as `_romanise`
    reads that text, one tuple of words ("Си Цзиньпин": ("si", "tszinpin")); none for a name
    that is not Chinese or whose pinyin does not split into the name's words."""
    words = entry.name.casefold().split()
    if not entry.zh or not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
        return []
    # pypinyin is loaded once per roster, only when a Cyrillic text is read
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(entry.zh, style=Style.NORMAL, v_to_u=False)
    out: list[str] = []
    for word in words:
        run = ""
        cyrillic = ""
        while syllables and len(run) < len(word):
            syllable = syllables.pop(0).casefold()
            run += syllable.replace("v", "u")
            written = _palladius_syllable(syllable)
            if written is None:
                return []
            cyrillic += written
        if run != word:
            return []
        out.append("".join(_CYRILLIC_LATIN.get(c, c) for c in cyrillic).replace("_", ""))
    return [tuple(out)] if not syllables else []


# A Latin c is spelt in Cyrillic as it sounds: "к" before a, o, u, a consonant or at the end
# ("Macron" is "Макрон", romanised "makron"), "ц" before e, i, y ("Vucic" aside, a ts sound)
_HARD_C = re.compile(r"ck|c(?![eiy]|h)")


def _russian_stem(word: str) -> str:
    """A name's word as a Russian text spells it, romanised (`_romanise`), with its last vowel
    dropped: the stem every grammatical case of it starts with ("Макроном", "Путиным")."""
    stem = _HARD_C.sub("k", translit_key(word))
    return stem[:-1] if len(stem) > 3 and stem[-1] in "aeiouy" else stem


_WORD = re.compile(r"[\w\u0400-\u04ff]+")
CYRILLIC_STEM = 5  # letters of a family name's stem read alone in Cyrillic, at least


@lru_cache(maxsize=4)
def _cyrillic_stems(entries: tuple[RosterEntry, ...]) -> tuple[tuple[str, str], ...]:
    """(stem, canonical name) of each family name as a Russian text writes it (`_russian_stem`,
    `CYRILLIC_STEM` letters at least), held by one person: not a Chinese or Korean name's."""
    found: dict[str, set[str]] = {}
    for entry in entries:
        if is_chinese_name(entry) or is_korean_name(entry):
            continue
        for form in (entry.name, *entry.aliases):
            words = re.findall(r"[^\W\d_]+", form)
            if not words or has_han(form):
                continue
            stem = _russian_stem(words[-1])
            if len(stem) >= CYRILLIC_STEM:
                found.setdefault(stem, set()).add(entry.name)
    return tuple(sorted(((s, next(iter(n))) for s, n in found.items() if len(n) == 1)))


def _cyrillic_family(folded: str, roster: Roster) -> list[tuple[int, str]]:
    """(where, canonical name) of the roster's people a Russian text names by the family name
    alone, in any grammatical case ("Блинкен и Лавров", "Переговоры Путина и Си Цзиньпина"):
    the stem and up to three letters of ending (round 16, dev_round20)."""
    stems = _cyrillic_stems(roster.entries)
    found = []
    for m in _WORD.finditer(folded):
        if len(m.group()) < CYRILLIC_STEM or not _CYRILLIC.match(m.group()):
            continue
        word = _romanise(m.group())
        for stem, name in stems:
            if word.startswith(stem) and len(word) - len(stem) <= 3:
                found.append((m.start(), name))
                break
    return found


def _cyrillic_people(folded: str, roster: Roster) -> list[tuple[int, str]]:
    """(where, canonical name) of the roster's people a Russian text names in full."""
    index = _cyrillic_names(roster.entries)
    words = [(m.start(), _romanise(m.group())) for m in _WORD.finditer(folded)]
    found = []
    for i, (at, word) in enumerate(words):
        for stems, name in index.get(word[:2], ()):
            following = words[i : i + len(stems)]
            if len(following) == len(stems) and all(
                w.startswith(stem) and len(w) - len(stem) <= 3
                for (_, w), stem in zip(following, stems, strict=True)
            ):
                found.append((at, name))
                break
    return found


@lru_cache(maxsize=65536)
def _venue(name: str) -> bool:
    """A name read as a person's that is a venue the gazetteer knows: "Palacio da Alvorada" of
    "meets with President Luiz Inácio Lula da Silva, at the Palacio da Alvorada" (round 11,
    ev11: it stood among the sides of the talks, which no other report named)."""
    return len(name.split()) >= 2 and any(p in CITY_OF for p in places_named(name))


def _place_as_name(name: str, roster: Roster) -> bool:
    """A name in letters read as a person's that names a city or a country and begins with no
    given name: "Hiroshima Marks" (a title's verb), "La Russie", "Estadio Olímpico de Berlín",
    "Real Madrid", "Estados Unidos" (round 22). Off the roster such a name stood up front as
    someone the report names, and a report naming someone up front is not tied by its place
    alone (`_placed_alike`). "Israel Katz", "Jordan Bardella" begin with a given name."""
    first = name.split()[0].casefold()
    return first not in roster.given_names and bool(where_named(name))


def report_features(
    title: str,
    text: str,
    day: date,
    roster: Roster = _NO_ROSTER,
    *,
    language: str | None = None,
    read: tuple[str, tuple[Person, ...]] | None = None,
) -> Features:
    """Everything grouping and the discrepancy check need from one report, computed once.

    `read`: (language, people) of `text` as the pipeline read it with this roster (its
    people over time and change detection); taken instead of reading the text again when
    the report's language here (its first 2,000 characters) is that language."""
    lang = language or detect_language(text[:2000] or title)
    people = read[1] if read is not None and read[0] == lang else None
    named: list[Named] = []
    for person in people if people is not None else extract_people(text, roster, language=lang):
        if _venue(person.name):
            continue
        key, shown = person_key(person.name, person.canonical)
        named.append(Named(key, shown, person.name, person.role, person.position))
    spellings = [(p.name, p.key) for p in named]
    lead = _lead(title, text)
    mentioned = mentioned_people(f"{title}\n{text}", roster)
    short = _short_names(named, mentioned, roster)
    in_title = _named_in(title, spellings, roster, short)
    in_lead = _named_in(lead, spellings, roster, short)
    # the lead has no dateline left (`_lead`): its first sentence is the report's
    sentence = _first_sentence(lead)
    # who meets whom is said in the main clause: not in a clause recalling another occasion
    # ("..., a day after the two attended a military parade ... alongside Vladimir Putin")
    first = len(_MAIN_CLAUSE.split(sentence, maxsplit=1)[0])
    # a title naming one occasion and then the next ("Trump spricht mit Putin, dann mit
    # Selenskyj"): the sides are the first one's
    then = _THEN.search(title) or _TOLD_OF.search(title)
    upto = min(then.start() if then else len(title), _occasion_clause_end(title, in_title))
    # people the title names in a clause dated to another year are of an occasion recalled
    # ("这是继2013年习近平与奥巴马总统在安纳伯格阳光庄园,以及2017年和特朗普总统在海湖庄园举行会谈之后", a
    # title of the Xi-Biden talks of 2023): not the sides of this one
    recalled = _other_year_clauses(title, day)
    principals = tuple(
        dict.fromkeys(
            k for at, k in in_title if at < upto and not any(s <= at < e for s, e in recalled)
        )
    ) or tuple(dict.fromkeys(k for at, k in in_lead if at < first))
    head = tuple(dict.fromkeys((*principals, *(k for _, k in in_lead))))
    # a report whose title and lead name nobody grouping knows: the names they write (off the
    # roster, matching only the same written name) stand in for its people
    written = () if head else _written_names(title, lead, text, lang, roster, mentioned)
    if head and lang not in ("zh", "ja", "ru"):
        # a roster person written in another language's spelling ("Vladimir Poutine" beside
        # "Emmanuel Macron"): before Macron was on the roster, the written names found him;
        # now the roster's names fill the head, and he is read by his loose spelling
        # (`_loose`) among the names the title and lead write
        loose = _loose_roster_keys(roster.entries)
        others = _written_names(title, lead, text, lang, roster, mentioned) if loose else ()
        found = [loose[_loose(k)] for k in others if len(k) >= LOOSE_LETTERS and _loose(k) in loose]
        if found:
            head = tuple(dict.fromkeys((*head, *found)))
            mentioned = tuple(dict.fromkeys((*mentioned, *found)))
    if lang == "zh":
        # people off the roster a Chinese report names after their title: keys too (round 12)
        written = tuple(dict.fromkeys((*written, *_han_names(title, lead, text, roster))))
    # a day and a time of day given by the reader's clock ("美国总统拜登北京时间周三(2月8日)上午10点
    # 发表国情咨文": Tuesday evening in Washington) are not the occasion's (round 10)
    # (full-width digits read as digits: "２１日午後", a Japanese lead's day; round 13)
    local_lead = _local(lead.translate(_WIDE_DIGITS))
    occasion = _occasion(local_lead, day) or _occasion(_local(title.translate(_WIDE_DIGITS)), day)
    return Features(
        language="zh" if lang in ("zh", "ja") else lang,
        day=day,
        title=fold_for_match(title, spellings),
        lead=fold_for_match(lead, spellings),
        start=fold_for_match(text[:1500], spellings),
        people=tuple(dict.fromkeys(named)),
        occasion=occasion,
        numbers=_numbers(text, lang),
        display_title=" ".join(title.split())[:300],
        mentioned=mentioned,
        marks=_marks(title),
        # an occasion with an outcome (a verdict, an election, a final won), when no other kind
        # is said: read from a table per language (worker/detect/outcomes.py, round 11)
        kinds=_kinds(title, lead),
        principals=principals,
        head=head or written,
        places=occasion_places(f"{_before_setting(title)}\n{_before_setting(sentence)}"),
        forums=_forums(title, sentence, lead, text[:800]),
        times=times_of_day(_local(f"{title}\n{sentence}")),
        names=written,
        nouns=(
            *proper_nouns(title, lead),
            *(_han_crafts(title or lead) if lang in ("zh", "ja") else ()),
        ),
        ahead=previews(title, sentence)
        or told_ahead(sentence, occasion, day, lang)
        or announces_the_hour(lead),
        front=tuple(dict.fromkeys(k for at, k in in_lead if at < first)),
        bodies=bodies_named(title) or bodies_named(lead),
        days=_lead_days(local_lead),
        where=where_named(f"{_without_dateline(title)}\n{lead}")[:WHERE_PLACES],
        lead_nouns=proper_nouns("", lead) if title else (),
    )


def _lead_days(lead: str) -> tuple[int, ...]:
    """The days of the month a lead gives: dates with their month ("9月22日", "Dec. 6") and days
    alone ("21日上午"), whatever they date, but the day it was filed (a stamp, a dateline's)."""
    found = {m.day for m in find_dates(lead) if m.day and not (m.month and _filed(lead, m))}
    found.update(int(m.group(1)) for m in _ZH_DAY_ONLY.finditer(lead))
    return tuple(sorted(found))


def _without_dateline(title: str) -> str:
    """A title without the place it was filed from ("新华社北京3月23日电" as a page's title): where
    the reporter was, not where the occasion is (`Features.where`)."""
    m = _DATELINE.match(title)
    return without_filing_place(title[m.end() :] if m else title)


_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


# A craft or a mission named in Han characters and numbered ("嫦娥六号", "神舟十七号", "天问一号"):
# two characters before the number and 号, not a date ("本月6号") nor an ordinal ("第1号").
_HAN_CRAFT = re.compile(
    r"([\u4e00-\u9fff][\u4e00-\u9fff](?<![月第日年的在于於是为為]))"
    r"(?:[一二三四五六七八九十]{1,3}|\d{1,3})[号號]"
)
_PINYIN_VOWEL = frozenset("aeo")


def _han_crafts(head: str) -> tuple[str, ...]:
    """The pinyin of the crafts and missions a Chinese title (else the start of its lead) names
    by a numbered Han name, as a title in letters writes them ("嫦娥六号" Chang'e-6 is
    "chang'e", "神舟十七号" Shenzhou-17 "shenzhou"): the name's only spelling in letters, so a
    proper noun of the report (round 11, ev11c)."""
    found = _HAN_CRAFT.findall(to_simplified(head[:UNCASED_LEAD]))
    if not found:
        return ()
    # pypinyin loads its dictionaries on first use: only titles naming a craft pay
    from pypinyin import Style, lazy_pinyin

    nouns = []
    for name in dict.fromkeys(found):
        syllables = lazy_pinyin(name, style=Style.NORMAL)
        # a syllable opening with a vowel after another is written after an apostrophe
        nouns.append(
            syllables[0]
            + "".join(("'" if s[:1] in _PINYIN_VOWEL else "") + s for s in syllables[1:])
        )
    return tuple(nouns)


# The reader's clock, not the occasion's: Beijing (or Taipei, Hong Kong) time in a Chinese
# report of an occasion abroad, up to the end of its clause ("北京时间周三(2月8日)上午10点,")
_READERS_CLOCK = re.compile(
    r"(?:(?:北京|台北|香港)(?:时间|時間)|\bBeijing time\b)"
    r"(?:(?!(?:北京|台北|香港)(?:时间|時間))[^,，。;；!！?？】\]]){0,20}",
    re.IGNORECASE,
)


def _local(text: str) -> str:
    """`text` with the days and times given by the reader's clock blanked (their places kept):
    the occasion's own day and time of day are those it gives otherwise, or none."""
    return _READERS_CLOCK.sub(lambda m: " " * len(m.group()), text)


# Where a title goes on from its occasion to another time: "Biden and Xi kicked off their last
# meeting, ... just over two months before Trump returns", "Xi, Putin hold talks as Trump ...",
# "Scholz trifft Modi, bevor ...". Only once two people were named before it (the sides).
_TITLE_OTHER_TIME = re.compile(
    r"\b(?:before|after|ahead of|as|amid|while|since|until|following|when|bevor|nachdem|während"
    r"|vor|nach|seit)\b",
    re.IGNORECASE,  # a headline in title case: "Japan's Ishiba Hosts South Korea's Lee Ahead of"
)


def _occasion_clause_end(title: str, in_title: Sequence[tuple[int, str]]) -> int:
    """Where the title's clause of its occasion ends: at a word of another time (before, after,
    as ...) once two people have been named before it; people named after it are recalled or
    awaited, not the sides (dev: the Japan Times' Lima report naming Trump "just over two months
    before" his return was set apart from every other report of the Xi-Biden meeting)."""
    for m in _TITLE_OTHER_TIME.finditer(title):
        if len({k for at, k in in_title if at < m.start()}) >= 2:
            return m.start()
    return len(title)


_CLAUSE = re.compile(r"[^,，;；:：。!！?？]+")
_YEAR_IN = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def _other_year_clauses(title: str, published: date) -> list[tuple[int, int]]:
    """The spans of the title's clauses that give a year other than the year published (an
    occasion recalled: "继2013年习近平与奥巴马总统...会谈之后")."""
    spans = []
    for m in _CLAUSE.finditer(title):
        years = {int(y) for y in _YEAR_IN.findall(m.group())}
        if years and published.year not in years:
            spans.append((m.start(), m.end()))
    return spans


# A past occasion given as the setting of this one: "hosts Chinese leader at Tourmalet pass for
# private meetings after high-stakes state visit in Paris".
_SETTING = re.compile(r"\b(?:after|following|nach|nachdem|après|dopo|después de|depois de)\b")


def _before_setting(text: str) -> str:
    """`text` up to a word giving a past occasion as its setting: the places named after it
    are that occasion's, not this one's (the Pyrenees the day after Paris)."""
    m = _SETTING.search(text)
    return text[: m.start()] if m else text


# A title going on to the next occasion: "..., then ...", "..., dann mit ...", "随后".
_THEN = re.compile(
    r"[,;]\s*(?:and\s+)?(?:then|later|dann|danach|anschließend|затем|потом)\b|随后|隨後|之后又|之後又"
)
# A meeting the title's people are told of or talk about ("informiert Selenskyj über sein Treffen
# mit Putin", "briefs Zelensky on his talks with Putin"): the sides of that meeting are not the
# occasion's, which is the telling (the Alaska briefing is not the summit).
_TOLD_OF = re.compile(
    r"\büber\s+(?:sein|seine[mn]?|ihr|ihre[mn]?|das|den|dem|die)\s+(?:[\wäöüß-]+\s+)?"
    r"(?:Treffen|Gespräch|Gespräche|Telefonat|Gipfel|Gipfeltreffen|Unterredung)\s+mit\b"
    # (English: a possessive's only; "Readout of the call with X" reports the call itself)
    r"|\b(?:on|about)\s+(?:his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:meeting|talks|call|conversation|summit)\s+with\b",
    re.IGNORECASE,
)
# The end of a sentence's main clause: a clause of another time or occasion after a comma (", a
# day after ...", ", after ...", ", as ...", ", ahead of ...").
_MAIN_CLAUSE = re.compile(
    r",\s+(?:(?:a|one|two|three) (?:day|days|week|weeks) |shortly |just |hours )?"
    r"(?:after|before|as|while|when|following|ahead of|on the eve of)\b"
)


def _forums(title: str, sentence: str, lead: str, start: str) -> tuple[str, ...]:
    """The named occasions the title (else the lead's first sentence) names, and those named
    by who holds them and what they do in the title or the lead (`held_occasions`: "EZB senkt
    die Zinsen")."""
    named = occasions_named(title) or occasions_named(sentence)
    in_title = held_occasions(title)
    # a rate decision the title tells is the report's: another bank's the lead names is its
    # setting ("Bank of England holds steady ..." over "... a day after the Fed cut"; round 20)
    decided = {k for k in in_title if k.startswith(_RATES)}
    # (the title and the lead read together: a body the lead names and its act the title says,
    # "Eröffnungsfeier in Paris gestartet" over "Der erste Akt der Sommerspiele läuft"; round 20)
    in_lead = [
        k
        for k in held_occasions(f"{title}\n{lead}")
        if not decided or not k.startswith(_RATES) or k in decided
    ]
    return tuple(dict.fromkeys((*named, *in_title, *in_lead, *company_results(title, start))))


_RATES = "rates:"  # the keys of a central bank's rate decision (`held_occasions`)


# A possessive after a name ("Prime Minister Anthony Albanese's center-left Labor Party"): the
# name is read without it.
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s\b")

# A photo credit in brackets, "(Xinhua/Zhai Jianlan)", "(Michael Kappeler / dpa / Michael
# Kappeler)": who took the picture is no one the report is about.
_CREDIT = re.compile(r"\([^()/]{2,60}/[^()]{2,80}\)")


# The head word of a name that is a body, a building, a prize, a craft or a work, not a person, in
# the languages written in letters: "Tate Gallery", "Booker Prize", "Prix Goncourt", "Smart
# Lander", "Związku Radzieckim", "Academia Sueca" (round 24, ev24b: read as people, they stood
# up front as someone a report names and set it apart from its occasion's other reports)
INSTITUTION_HEADS = frozenset(
    "prize prizes award awards gallery galleries museum museums lander rover probe telescope "
    "spacecraft satellite mission agency university institute foundation council committee "
    "commission ministry bank union association society corporation company group center "
    "centre hall palace stadium arena airport station hotel church cathedral school college "
    "academy court parliament senate assembly congress forum summit festival party "
    "preis preise galerie stiftung partei ministerium verband universität institut akademie "
    "prix musée fondation parti ministère banque université académie assemblée "
    "premio museo galleria fondazione partito ministero banca università istituto accademia "
    "fundación partido ministerio banco universidad instituto academia "
    "prêmio fundação ministério universidade "
    "związek związku nagroda muzeum fundacja partia".split()
)
# a name that goes on the name of such a body: "Smart Lander for Investigating Moon"
_INSTITUTION_LINK = re.compile(
    r"([^\W\d_]+)\s+(?:for|of|on|de|del|della|di|des|du|der|für|do|da)\s+"
    r"(?:the\s+|la\s+|le\s+|l['’])?$",
    re.IGNORECASE,
)


def _institution(name: str, part: str) -> bool:
    """A name read as a person's that is a body's, a prize's or a craft's (`INSTITUTION_HEADS`):
    one of its words is such a head, or it follows one and a link ("Lander for")."""
    if any(w.casefold() in INSTITUTION_HEADS for w in re.split(r"[\s-]+", name)):
        return True
    at = part.find(name)
    link = _INSTITUTION_LINK.search(part, max(0, at - 40), at) if at > 0 else None
    return link is not None and link.group(1).casefold() in INSTITUTION_HEADS


def _written_names(
    title: str, lead: str, text: str, lang: str, roster: Roster, known: Sequence[str]
) -> tuple[str, ...]:
    """Keys of the people a report in letters names in its title and lead, by the name it
    writes them under, roster or not: "Merz" of a title, read as the "Friedrich Merz" the text
    names in full. Off the roster a key matches only the same written name, so in practice
    only reports in one alphabet share it."""
    if lang in ("zh", "ja", "ru") or has_han(title[:40]) or _CYRILLIC.search(title):
        return ()
    ctx = LatinContext(roster, text, german=lang == "de")
    keys: dict[str, None] = {}
    for part in (title, _CREDIT.sub(" ", lead[:600])):
        part = _POSSESSIVE.sub("", part)
        for name in names_in(part, ctx):
            # (a venue the gazetteer knows is no person: "Xi Jinping is received by Lula at the
            # Alvorada Palace", whose lead writes "Palacio da Alvorada"; round 11, ev11)
            if len(name.split()) < 2 or _venue(name) or _place_as_name(name, roster):
                continue
            if _institution(name, part):
                continue
            key, _ = person_key(name, None)
            if key not in known:
                keys[key] = None
    return tuple(keys)


# A title a Chinese report writes before a name: "南韓總統李在明", "日本首相石破茂"
_HAN_TITLE = re.compile(
    r"(?:总统|总理|首相|主席|国王|女王|总书记|外长|部长|议长|秘书长|行政长官|国务卿|大使|总裁)"
    r"([\u4e00-\u9fff]{3})"
)
# What follows a title that is no name: a word the title begins ("总统府", "主席台", "主席团",
# "总统办公室", "总统夫人", "总统职位"), or the predicate after a title written after the name
# ("马克龙总统举行会谈", "总统首次在", "大使递交国书"): a verb, a preposition, an adverb
_HAN_PREDICATE = re.compile(
    r"[府台团办夫职首递在与和同对向将于也还就是的及等称说致为以从到已曾又都并而今昨]"
    r"|举行|会见|会晤|会谈|表示|出席|访问|发表|指出|强调|宣布|宣誓|任内|当选|抵达|再次|共同|保持"
)


@lru_cache(maxsize=4)
def _loose_roster_keys(entries: tuple[RosterEntry, ...]) -> dict[str, str]:
    """The loose spelling (`_loose`) of each roster name in letters, and the person's key."""
    out: dict[str, str] = {}
    for entry in entries:
        if has_han(entry.name):
            continue
        for form in entry.spellings():
            key = translit_key(form)
            if not has_han(form) and len(form.split()) >= 2 and len(key) >= LOOSE_LETTERS:
                out.setdefault(_loose(key), translit_key(entry.name))
    return out


@lru_cache(maxsize=4)
def _roster_han(entries: tuple[RosterEntry, ...]) -> frozenset[str]:
    """The roster's names in Chinese characters (simplified)."""
    return frozenset(to_simplified(form) for e in entries for form in (e.zh, e.zh_hant) if form)


def _han_names(title: str, lead: str, text: str, roster: Roster) -> tuple[str, ...]:
    """Keys (pinyin) of the people off the roster a Chinese title or lead names after their
    title ("總統李在明", "首相石破茂"): the three characters after it (a Chinese or Korean name),
    or its first two when the report writes those with another character after them too ("拜登和",
    "拜登在"), written again elsewhere in the report ("李在明（左）"), not the start of a roster name, nor a word the title begins or a predicate
    (`_HAN_PREDICATE`). A key off the roster is the name's pinyin: it matches the same name in
    Chinese (and a Chinese name in pinyin); a Korean or a Japanese name in Chinese characters
    is not its name in letters ("李在明" is no "Lee Jae-myung"), nor is a transliterated one
    ("巴菲特" is no "Buffett")."""
    keys: dict[str, None] = {}
    body = ""  # read only when a title is followed by a name
    for m in _HAN_TITLE.finditer(to_simplified(f"{title}\n{lead}")):
        name = m.group(1)
        if _HAN_PREDICATE.match(name):
            continue
        body = body or to_simplified(f"{title}\n{text}")
        if body.count(name[:2]) > body.count(name):
            # written elsewhere with another character after its first two ("拜登和", "拜登在"):
            # a name of two
            name = name[:2]
        if body.count(name) < 2:
            continue
        if any(name[:size] in _roster_han(roster.entries) for size in (2, 3)):
            continue
        keys[translit_key(pinyin_name(name))] = None
    return tuple(keys)


# A sentence ends after a word of three lower-case letters at least: "St. Petersburg", "Mr. Xi",
# "U.S. President" and "Dec. 6" go on
_SENTENCE_END = re.compile(r"(?<=[^\W\d_A-ZА-Я]{3}[.!?])\s|(?<=[\d)\"'”][.!?])\s|(?<=[。！？])\s")


def _first_sentence(lead: str) -> str:
    if _KANA.search(lead[:200]):
        # Japanese puts no space after 。: the sentence ends there
        return lead.split("。", 1)[0][:300]
    return _SENTENCE_END.split(lead, maxsplit=1)[0][:300]


_KANA = re.compile(r"[\u3040-\u30ff]")


_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")


@lru_cache(maxsize=4)
def _surnames(entries: tuple[RosterEntry, ...]) -> dict[str, tuple[str, ...]]:
    """The key of each roster person (two words at least, in letters) and the names a title calls
    them by alone: the family name, first for a Chinese name ("Xi" of "Xi Jinping": the name
    its characters read as), last for others ("Putin", "Modi"), and the roster's aliases of one
    word ("Jokowi", "Lula": the name a person is known by, which is not the last word of
    "Luiz Inacio Lula da Silva")."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        words = entry.name.split()
        if has_han(entry.name) or len(words) < 2:
            continue
        chinese = bool(entry.zh) and translit_key(pinyin_name(entry.zh)) == translit_key(entry.name)
        # a Korean name is written family name first too: a spelling with the given name
        # hyphenated ("Lee Jae-myung", "Kim Jong-un", "Yoon Suk-yeol") says so
        chinese = chinese or any(_KOREAN_GIVEN.search(form) for form in entry.spellings())
        single = (a for a in entry.aliases if len(a.split()) == 1 and not has_han(a))
        out[translit_key(entry.name)] = tuple(
            dict.fromkeys((words[0] if chinese else words[-1], *single))
        )
    return out


def _short_names(
    named: Sequence[Named], mentioned: Sequence[str], roster: Roster
) -> tuple[tuple[str, str], ...]:
    """(family name, key) of the people a report names in full somewhere: its title and lead
    may call them by that name alone ("Will Modi and Xi meet in Kazan?", of a text naming
    Narendra Modi and Xi Jinping). A family name two of its people share is no one's."""
    surnames = _surnames(roster.entries)
    found: dict[str, set[str]] = {}
    for key in mentioned:
        for name in surnames.get(key, ()):
            found.setdefault(name, set()).add(key)
    for p in named:
        words = p.name.split()
        if len(words) >= 2 and not has_han(p.name) and p.key not in surnames:
            found.setdefault(words[-1], set()).add(p.key)
    return tuple(
        (name, next(iter(keys)))
        for name, keys in sorted(found.items())
        if len(keys) == 1 and len(name) >= 2 and name[:1].isupper() and name.isalpha()
    )


def _named_in(
    text: str,
    known: Sequence[tuple[str, str]],
    roster: Roster,
    short: Sequence[tuple[str, str]] = (),
) -> list[tuple[int, str]]:
    """(where, key) of the people `text` names: the roster's, by any spelling it knows, in any
    script, the people the report's lists hold, by the name the report writes them under, and
    (`short`) people the report names in full elsewhere, by their family name alone."""
    found = _roster_mentions(text, roster)
    for name, key in short:
        hit = re.search(rf"(?<![\w'’]){re.escape(name)}(?![\w]|['’][a-z])", text)
        if hit:
            found.append((hit.start(), key))
    if short and _CYRILLIC.search(text):
        found += _cyrillic_short(text, short)
    folded = to_simplified(unicodedata.normalize("NFKC", text)).casefold()
    for name, key in known:
        written = to_simplified(unicodedata.normalize("NFKC", name)).casefold().strip()
        if len(written) < 2:
            continue
        at = folded.find(written)
        while at >= 0:
            end = at + len(written)
            if has_han(written) or not (
                (at and folded[at - 1].isalnum()) or (end < len(folded) and folded[end].isalnum())
            ):
                found.append((at, key))
                break
            at = folded.find(written, at + 1)
    return sorted(found)


def _cyrillic_short(text: str, short: Sequence[tuple[str, str]]) -> list[tuple[int, str]]:
    """(where, key) of the people a Russian text names in full elsewhere, by their family name
    alone in any grammatical case ("Путин поговорил с Макроном", of a lead naming "Эммануэль
    Макрон"): the name's stem (`_russian_stem`, four letters at least: "Моди" would be "мод",
    the start of "модель") and up to three letters of ending."""
    stems = [(_russian_stem(name), key) for name, key in short]
    stems = [(stem, key) for stem, key in stems if len(stem) >= 4]
    found = []
    for m in _WORD.finditer(text.casefold()):
        word = _romanise(m.group())
        for stem, key in stems:
            if word.startswith(stem) and len(word) - len(stem) <= 3:
                found.append((m.start(), key))
    return found


def _terms(features: Features) -> list[str]:
    """A few distinctive words of the title (bigrams for Chinese): the index's text keys."""
    title = features.title or features.lead[:80]
    if has_han(title):
        chars = title.replace(" ", "")
        grams = dict.fromkeys(chars[i : i + 2] for i in range(len(chars) - 1))
        return [g for g in grams if has_han(g)][:8]
    words = [w for w in title.split() if len(w) >= 5 and w not in _STOP and w != "#"]
    return sorted(dict.fromkeys(words), key=lambda w: (-len(w), w))[:5]


# -- grouping ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """How well a report matches another: the score in [0, 1] and what gave it."""

    score: float
    reason: str


NO_MATCH = Match(0.0, "")


def _script(features: Features) -> str:
    return "han" if features.language == "zh" else "latin"


def score(a: Features, b: Features, opts: GroupingOptions = GroupingOptions()) -> Match:
    """How likely two reports describe one occasion (see docs/events.md for the rule)."""
    if not within_window(a, b.day, when(b), opts.window_days) or _other_days(
        a, b, opts.window_days
    ):
        return NO_MATCH
    same_script = _script(a) == _script(b)
    if same_script and a.start and b.start:
        copy = fuzz.ratio(a.start[:1200], b.start[:1200]) / 100
        if copy >= opts.copy:
            return Match(copy, "copy")
    # the same people on another day, or at another kind of occasion, or with someone else in
    # the title: another occasion (talks on Monday and the summit on Tuesday; the meeting and
    # that evening's dinner; the premier's talks with a guest and the president's)
    # or elsewhere: the talks in the Great Hall and the tea at Zhongnanhai; and a preview and
    # a report of the occasion it announces, which share its people, its words, its day; and
    # two instances of a series under one title
    apart = days_apart(a, b, opts)
    if (
        (apart and occasion_day(a) and occasion_day(b) and not _two_clocks(a, b))
        or _elsewhere(a, b)
        or sides_differ(a, b)
        or previewing(a) != previewing(b)
        or _recurring_title(a, b)
    ):
        return NO_MATCH
    kinds = kinds_agree(a, b)
    shared = _shared(a, b)
    # every rule that reads the wording needs kinds that do not differ
    text = _text_similarity(a, b) if same_script and kinds is not False else 0.0
    if apart:
        return _across_days(a, b, kinds, shared, text, opts)
    other_side = shared < opts.many_people and (
        counterpart_differs(a, b) or sides_among_guests(a, b)
    )
    people = 0.0
    if kinds is not False and not other_side:
        people = _people_score(a, b, shared, opts)
        if people and shared <= 2 and not _two_people_tied(a, b, kinds, text, opts):
            people = min(people, opts.join * SHORT_OF_A_TIE)
    best = Match(people, f"{shared} people in common") if people else NO_MATCH
    if best.score < opts.join:
        tied = _tied_by_occasion(a, b, kinds, other_side, shared, text, opts)
        best = max(best, tied, key=_by_score)
    if text >= opts.title and kinds is not False:
        best = max(best, Match(text, "title and lead agree"), key=_by_score)
    if people and shared and same_script:
        both = 0.5 * people + 0.5 * text / max(opts.title, 1e-9) * opts.join
        best = max(best, Match(min(both, 1.0), "people and wording"), key=_by_score)
    # Someone in the chair in one report and absent or in another role in the other: two
    # occasions of the same people (a meeting and the study session after it).
    if best.score and _chairs_conflict(a, b):
        best = Match(best.score * 0.5, best.reason + ", other chair")
    return best


def _recurring_title(a: Features, b: Features) -> bool:
    """One title on two days, over texts that are no copies of each other, neither dating the
    occasion to one day: a series (the Prime Minister's daily press conference on the
    earthquake, "Press Conference by the Prime Minister on ...", 2 and 3 January), whose
    instances share their title and differ in what they say and the day they are published."""
    if a.day == b.day or not a.title or a.title != b.title or len(a.title.split()) < 4:
        return False
    # a title saying an outcome is no series': an outcome is had once ("Austria's JJ wins
    # Eurovision Song Contest", an agency's headline on the night and the next morning; round 9)
    if set(a.kinds) & set(b.kinds) & OUTCOMES:
        return False
    return not (occasion_day(a) and occasion_day(a) == occasion_day(b))


def _elsewhere(a: Features, b: Features) -> bool:
    """The same people at another place (the talks in the Great Hall and the tea at
    Zhongnanhai; a call joins two places, each side speaking from its own), or at another
    named occasion (the SCO summit and the parade in Beijing)."""
    # (two reports of one named occasion, a prize announced in Oslo, name another place only
    # in passing: the laureates "survivors of the atomic bombs of Hiroshima"; round 10)
    one_named = bool(set(a.forums) & set(b.forums))
    if "call" not in (*a.kinds, *b.kinds) and (
        (places_differ(a.places, b.places) and not one_named)
        or (a.times and b.times and not set(a.times) & set(b.times))
    ):
        return True
    return bool(a.forums and b.forums and not set(a.forums) & set(b.forums))


def other_occasion(a: Features, b: Features, opts: GroupingOptions = GroupingOptions()) -> bool:
    """What the two reports say of the occasion itself sets them apart, whatever else they
    share: both leads date it to other days, they place it elsewhere, or they say kinds with
    nothing in common."""
    if _other_days(a, b, opts.window_days):
        return True
    if occasion_day(a) and occasion_day(b) and days_apart(a, b, opts) and not _two_clocks(a, b):
        return True
    return (
        _elsewhere(a, b)
        or previewing(a) != previewing(b)
        or sides_differ(a, b)
        or (kinds_agree(a, b) is False and not _closing_press(a, b))
    )


def sides(f: Features) -> frozenset[str]:
    """Who meets whom: the two or three people the title (else the lead's first sentence) of
    a report of talks or a call names. Empty when it says no such kind or names one person or
    more than three (a list of those present)."""
    if not set(f.kinds) & _TWO_SIDED or not 2 <= len(f.principals) <= 3:
        return frozenset()
    return frozenset(f.principals)


def sides_differ(a: Features, b: Features) -> bool:
    """Both reports are of talks or a call between sides they name, and neither's sides are
    among the other's: Putin's talks with Modi and Putin's talks with Xi on the same day are two
    occasions, though Putin is in both. A report naming two of the three leaders of a
    trilateral meeting is not set apart (it names fewer, not others). Across alphabets only
    the roster's people count (other names are spelt otherwise in each)."""
    sa, sb = sides(a), sides(b)
    if not sa or not sb:
        return False
    if _alphabet(a) != _alphabet(b):
        sa, sb = sa & set(a.mentioned), sb & set(b.mentioned)
        if len(sa) < 2 or len(sb) < 2:
            return False

    def within(x: frozenset[str], y: frozenset[str]) -> bool:
        return all(any(same_person(k, o) for o in y) for k in x)

    return not within(sa, sb) and not within(sb, sa)


def _closing_press(a: Features, b: Features) -> bool:
    """Talks and a press conference: the joint press conference that closes talks is reported
    as an occasion of its own, but it is no evidence against the talks' other reports."""
    return {"talks", "press"} <= {*a.kinds, *b.kinds} and not set(a.kinds) & set(b.kinds)


def _tied_by_occasion(
    a: Features,
    b: Features,
    kinds: bool | None,
    other_side: bool,
    shared: int,
    text: float,
    opts: GroupingOptions,
) -> Match:
    """Few people, tied by the occasion: the same two sides at the same kind of occasion, the
    same named occasion (a summit, a forum, a recurring conference: "上合峰会" / "SCO summit"),
    or one person anchored (see `_anchored`)."""
    # (two sides that one report names as two guests among many of another occasion's: no tie)
    two_sides = same_sides(a, b) and not sides_among_guests(a, b)
    if kinds and two_sides:
        return Match(opts.join, "the same two sides, the same kind of occasion")
    # neither saying a kind ("continued their informal communication at Zhongnanhai"): the
    # same two sides at the same place, that day, are the occasion
    if kinds is None and set(a.places) & set(b.places) and two_sides:
        return Match(opts.join, "the same two sides, the same place")
    # a title announcing the occasion ahead and a report of it: the weak ties below (a person,
    # a named occasion, wording) are what a preview shares with the occasion it announces
    if _announced(a) != _announced(b):
        return NO_MATCH
    # who meets whom matters at talks; at a draw, a rate decision, a coronation, the people
    # a report names are those it quotes
    sided = bool({*a.kinds, *b.kinds} & _TWO_SIDED)
    if not (other_side and sided) and _same_named_occasion(a, b, kinds):
        return Match(opts.join, "the same named occasion")
    if not (other_side and sided) and same_happening(a, b, kinds):
        return Match(opts.join, "the same outcome, named alike")
    if not other_side and _anchored(a, b, kinds, shared):
        return Match(opts.join, "one person, one occasion")
    if not other_side and _same_count(a, b):
        return Match(opts.join, "the same count, one day")
    if not other_side and kinds is not False and _nouns_alike(a, b):
        return Match(opts.join, "proper nouns spelt alike, one day")
    if not other_side and kinds is not False and _noun_and_place(a, b):
        return Match(opts.join, "a proper noun and a place, one day")
    if not other_side and (named := _named_or_placed(a, b, kinds)):
        return Match(opts.join, named)
    if not other_side and _worded_alike(a, b, kinds, shared, text, opts):
        return Match(opts.join, "a person and the wording, one day")
    return NO_MATCH


# A headline announcing an occasion ahead: "Narendra Modi to take oath ...", "India is set to
# showcase ...", "普京将于29日发表年度国情咨文" (the infinitive of headlines, 将于, 即将), "Putin
# plans to meet ...", "Xi-Kim Summit Planned", "Putin, Lukashenko may discuss ...", "Путин
# примет участие", "Xi Jinping wird an der Eröffnungszeremonie ... teilnehmen". A plain "will"
# is left out: titles quote it ("Putin: We will do everything ...").
_AHEAD = (
    # "X to visit": the headline's infinitive has its subject before it ("To celebrate the 71st
    # anniversary, ..." opening a title is a purpose, not an announcement)
    r"\b(?:(?:set|due|expected|slated|poised|scheduled) to"
    # (not the infinitive of a choice, "Brazil is chosen to host", "win vote to host", nor one
    # whose object is an edition of years ahead, "to host 2027 Women's World Cup": the choice
    # is the news; round 10)
    r"|(?<=\w )(?<!chosen )(?<!picked )(?<!selected )(?<!elected )(?<!named )(?<!voted )"
    r"(?<!vote )(?<!votes )(?<!bid )(?<!bids )"
    # (nor a body's decision: "EU agrees to open membership talks with Ukraine"; ev11c)
    r"(?<!agrees )(?<!agreed )(?<!agree )(?<!decides )(?<!decided )(?<!decide )"
    # nor one after an ordinal ("the sixth to take place in South America")
    r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!fifth )(?<!sixth )(?<!seventh )"
    r"(?<!eighth )(?<!ninth )(?<!tenth )(?<!last )(?<!only )"
    r"to (?:visit|meet|take|attend|hold|address|deliver|celebrate|host|travel|chair"
    r"|open|showcase|sign|embark|arrive|unveil|speak|participate)(?!\s+(?:the\s+)?(?:19|20)\d\d\b)"
    r"|plans? to|planning to|planned"
    # a departure for the occasion ahead ("Putin heads to crucial Trump meeting", "Lukashenko
    # leaves for working visit to Russia", "King departs for four-day state visit to China"; not
    # "heads for", "Germany heads for snap election", a course taken)
    r"|(?<=\w )(?:heads? to|leaves? for|departs? for|sets? off for)"
    # a guide to the occasion ahead ("State of the Union: What to watch as Biden addresses the
    # nation"; round 10)
    r"|what to (?:expect|watch|anticipate)"
    r"|(?:may|might|could) (?:discuss|meet|hold|visit|sign|attend))\b"
    r"|[将將](?:于|於|在|出席|赴|访|訪|举行|舉行|发表|發表|会见|會見|同|与|與|主持|前往|首次|举办"
    r"|舉辦|召开|召開|出访|出訪)|即[将將](?!到来|到來)"
    r"|(?<!\w)(?:примет участие|выступит|проведет|проведёт|проведут|встретится|посетит"
    r"|пройдет|пройдёт|состоится)(?!\w)"
    r"|\bwird\b[^.!?]{0,100}?\b(?:teilnehmen|treffen|reisen|halten|sprechen|besuchen)\b"
    # the future of the verbs of occasions in Spanish, Portuguese, Italian and French ("Así
    # tomará protesta Claudia Sheinbaum", "se reunirá", "parteciperà", "se rendra")
    r"|(?<!\w)(?:tomará|asumirá|visitará|reunirá|participará|asistirá|encabezará|celebrará"
    r"|realizará|viajará|presidirá|pronunciará|recibirá|firmará|jurará|receberá|parteciperà"
    r"|incontrerà|visiterà|terrà|giurerà|riceverà|presiederà|rencontrera|participera|recevra"
    r"|prononcera|visitera|se rendra)(?!\w)"
)
_ANNOUNCES = re.compile(_AHEAD, re.IGNORECASE)
# The lead's first sentence announcing it: the same, and "will" with the verbs of occasions
# ("Xi Jinping and Kim Jong-un will hold talks", "Putin will traditionally take part").
_ANNOUNCES_LEAD = re.compile(
    _AHEAD + r"|\bwill (?:\w+ly )?(?:take part|attend|hold|meet|visit|deliver|address|speak"
    r"|host|travel|chair|open|sign|arrive|participate|be held|pay|lead)\b"
    r"(?!\s+(?:the\s+)?(?:19|20)\d\d\b)"
    # scheduled, in the Romance languages: "alle ore 10 è prevista la messa", "está prevista
    # para", "est prévue à" (round 11)
    r"|\b(?:è|sono|está|están|estão|est|sont) previst[oaie]s?\b|\b(?:est|sont) prévues?\b",
    re.IGNORECASE,
)
# A verb saying the occasion took place, or is taking place, before the words announcing one:
# "Putin hails ... as Xi prepares to host ...", "Biden and Xi kicked off what is expected to
# be ...", "... convened a grand gathering to celebrate ...", "Putin spends more than 3 1/2
# hours to speak": a report, the announcement aside. Saying or confirming that something will
# be ("the Foreign Ministry said ... will hold talks", "the Kremlin announced") is announcing it.
_REPORTED = re.compile(
    r"(?i:\b(?:met|meets?|held|holds?|hosted|hosts|received|receives|attended|attends|signs"
    r"|opens|began|begins|arrives|left|leaves|hails|thanks|kicks|welcomes|delivers|spoke|speaks"
    r"|took|takes|told|was|were|has|have|had)\b)"
    r"|\b(?!(?:announc|confirm|report|stat|expect|schedul|plann|slat|pois|add|not)ed\b)"
    r"[a-z]{3,}ed\b"
    # a verb in -s ("hails"), not the plural subject of the infinitive announcing ("World
    # leaders to attend", "trade talks set to resume", "officials expected to visit")
    r"|\b[a-z]{3,}[^\Wsuiy\d]s\b(?!\s+(?:(?:set|due|expected|slated|poised|scheduled)\s+)?to\b)"
)
# A title saying the occasion was held, in Chinese: 出席, 会见, 举行 ... (not after 将)
_REPORTED_HAN = re.compile(
    r"(?<![将將])(?:出席|会见|會見|会谈|會談|会晤|會晤|举行|舉行|主持|发表|發表|通电话|通電話|抵达|抵達"
    r"|致辞|致詞|讲话|講話)"
    r"|[\u3400-\u9fff]了"
)


def _announcing(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern` announces something in `text`, and no verb of an occasion held comes first."""
    hit = pattern.search(text)
    if hit is None:
        return False
    # read on past the announcing words, so that a plural subject is seen before its "to"
    reported = _REPORTED.search(text)
    return not (
        (reported is not None and reported.end() <= hit.start())
        or _REPORTED_HAN.search(text, 0, hit.start())
        # an outcome said first: "Shigeru Ishiba Wins LDP Leadership Race, Set to Become
        # Japan's Prime Minister", "Sanae Takaichi Elected Japan LDP President, Poised to Be
        # ..." (title case hides the verb's case from `_REPORTED`; round 11, ev11)
        or says_outcome(text[: hit.start()])
    )


@lru_cache(maxsize=65536)
def announces(title: str) -> bool:
    """Whether a title announces the occasion ahead rather than reports it.

    >>> announces("Narendra Modi to take oath as Prime Minister at 7.15 pm today")
    True
    >>> announces("Modi takes oath as Prime Minister for third term")
    False
    >>> announces("Putin hails 'unprecedented level' of ties as Xi prepares to host parade")
    False
    """
    return _announcing(_ANNOUNCES, title)


def previews(title: str, sentence: str) -> bool:
    """Whether a report announces the occasion ahead: its title (`announces`), or the first
    sentence of its lead when the title does not say it was held ("China's Foreign Ministry said
    Thursday that President Xi Jinping and North Korean leader Kim Jong-un will hold talks"),
    says it is to come. A preview is not a report of the occasion it announces, however much
    it shares with one (docs/events.md).

    >>> previews("China Confirms Xi-Kim Summit Planned", "")
    True
    >>> previews("总理李强出席进博会开幕式", "第八届进博会将于11月5日在上海举办。")
    False
    """
    if announces(title):
        return True
    if _REPORTED.search(title) or _REPORTED_HAN.search(title):
        return False
    if _hindi_future(sentence):
        return True
    # a Chinese sentence ends at its full stop, spaced or not
    return _announcing(_ANNOUNCES_LEAD, re.split(r"[。！？]", sentence, maxsplit=1)[0])


# Hindi puts its verb last, and its future is the verb's ending: -गा, -गी, -गे after a vowel
# sign ("लैंड करेगा", "होगी", "जाएंगे"; not a noun's, "ज़िंदगी")
_HINDI_FUTURE = re.compile(
    r"(?:[\u0947\u094b\u0948][\u0902\u0901]?|[एओ][\u0902\u0901]?)(?:गा|गी|गे)$"
)
# (a clause ends at a stop, and at कि, "that": "प्रधानमंत्री ने कहा कि भारत ... करेगा" tells what
# was said, in its main clause before it)
_HINDI_CLAUSE = re.compile(r"[।?!|]|\.\.\.|…|\.(?=\s|$)|\sकि\s")


def _hindi_future(sentence: str) -> bool:
    """The lead's first clause, in Hindi, ends in the future: "'चंद्रयान-3' चंद्रमा के साउथ पोल
    रीजन में लैंड करेगा..." the morning of the landing is a preview (round 11, ev11b)."""
    if not _INDIC.search(sentence[:80]):
        return False
    clause = _HINDI_CLAUSE.split(sentence, maxsplit=1)[0]
    words = re.findall(r"[\u0900-\u097f]+", clause)
    return bool(words) and _HINDI_FUTURE.search(words[-1]) is not None


# A verb in a past tense: the sentence tells an occasion held. English: a past form ("met",
# "arrived", "have arrived"; not the adjectives of a plan, "scheduled", "expected"); German:
# the auxiliaries of the perfect and the passive, and the past of the verbs of meeting.
_PAST = {
    "en": re.compile(
        r"\b(?:met|held|hosted|received|attended|began|left|spoke|took|told|gave|made|led|came"
        r"|went|saw|was|were|had|has|have)\b"
        # a verb in -ed is written in lower case: "United States" is a name (round 10)
        r"|(?-i:\b(?!(?:announc|confirm|report|stat|expect|schedul|plann|slat|pois|add|not|b)ed\b)"
        r"[a-z]{3,}ed\b)",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|traf|trafen|empfing|sprach|kam"
        r"|kamen|reiste|reisten|besuchte|landete)\b"
        r"|\b(?:ist|sind)\b[^.]{0,80}\bge\w+(?:t|en)\b",
        re.IGNORECASE,
    ),
}


def told_ahead(sentence: str, occasion: str | None, published: date, lang: str) -> bool:
    """Whether the lead's first sentence dates the occasion after the day the report was
    published and tells it in the present: a preview written as a programme ("Britain's King
    Charles III travels to Germany on Wednesday", published on Tuesday; "Am Donnerstagvormittag
    trifft der Kanzler im Weißen Haus auf Donald Trump", published on Wednesday). A report of
    the occasion published a day behind it (west of it) tells it in a past tense ("have arrived
    ... to watch a military parade Wednesday"). Read in the languages whose past is a form of the
    verb (English, German)."""
    past = _PAST.get(lang)
    if past is None or not occasion:
        return False
    dated = _occasion_date(occasion, published)
    if dated is None or past.search(sentence):
        return False
    # the day published: told in the future ("European Union leaders will gather on Thursday in
    # Brussels", published on Thursday; "Mit der Thronrede ... wird am Mittwoch die
    # Sitzungsperiode ... eröffnet"; round 10), a report of the morning before the occasion
    if dated > published:
        return True
    # (not what was announced that day: "Budget Session 2024 will begin from July 22 to August
    # 12, announced parliamentary affairs minister Kiren Rijiju on Saturday" is the announcement)
    return (
        dated == published
        and _WILL[lang].search(sentence) is not None
        and _SAID.search(sentence) is None
    )


_SAID = re.compile(
    r"\b(?:announc\w*|said|says|told|confirm\w*|stated)\b|\b(?:kündigte|teilte|sagte|erklärte"
    r"|bestätigte)\b",
    re.IGNORECASE,
)


# The future of the verbs of occasions, in the languages `told_ahead` reads (round 10)
_WILL = {
    "en": re.compile(
        r"\bwill (?:\w+ly )?(?:gather|convene|begin|start|meet|hold|open|take place|be held"
        r"|attend|address|deliver|host|sign|travel|arrive)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\bwird\b[^.!?]{0,100}?\b(?:eröffnet|stattfinden|beginnen|teilnehmen|treffen|halten"
        r"|sprechen|empfangen|unterzeichnen)\b",
        re.IGNORECASE,
    ),
}


# The hour the occasion is to begin, later that day: a preview ("The ceremony ... will begin at
# 9 a.m.", "Barnier wird um 10.00 Uhr im Elysee-Palast erwartet", "In einer Stunde beginnt die
# feierliche Messe"; round 10)
_HOUR_AHEAD = re.compile(
    # (an hour: "at 9 a.m.", "at 10:30"; not a count, "will start to apply at 12 companies")
    r"\bwill (?:\w+ )?(?:begin|start|open|take place|be held|kick off)\b[^.;]{0,40}?"
    r"\bat \d{1,2}(?:[.:]\d\d\b|\s*(?:[ap]\.?m\b|o'clock\b))"
    r"|\bwird\b[^.;]{0,60}?\bum \d{1,2}(?:[.:]\d\d)? uhr\b[^.;]{0,60}?"
    r"\b(?:erwartet|beginnen|stattfinden|eröffnet)\b"
    r"|\b(?:beginnt|startet) um \d{1,2}(?:[.:]\d\d)? uhr"
    # an hour from now with its beginning (not a length told: "was over in an hour")
    r"|\bin einer stunde (?:beginnt|startet)\b|\b(?:beginnt|startet)\b[^.;]{0,40}?\bin einer stunde\b"
    r"|\bin (?:an|one) hour,? (?:the )?[^.;]{0,40}?\b(?:begins|starts|opens)\b"
    r"|\b(?:begins|starts|opens) in (?:an|one) hour\b"
    # a few hours before it begins, in each language (round 11: "A quelques heures du début de
    # la cérémonie d'ouverture"; before something, not a length told)
    r"|\ba few hours (?:before|ahead of)\b|\bwenigen? stunden vor\b"
    r"|(?<!\w)[aà] quelques heures (?:du|de|avant)\b|\ba poche ore (?:da|dal|dalla|dall|prima)\b"
    r"|\ba pocas horas (?:de|del|para)\b|\ba poucas horas (?:de|do|da)\b"
    # the hour in the future of the Romance languages (ev14, dev_round14: "La messa ...
    # oggi alle 10 ... sarà seguita dalla Benedizione Urbi et Orbi ... alle 12", a programme)
    r"|\b(?:sarà|saranno|si terrà|si terranno|avrà luogo|inizierà|comincerà)\b[^.;]{0,100}?"
    r"\balle (?:ore )?\d{1,2}\b"
    r"|\b(?:será|serán|se celebrará|tendrá lugar|comenzará|empezará)\b[^.;]{0,100}?"
    r"\ba las \d{1,2}\b"
    r"|\b(?:será|serão|terá lugar|começará|acontecerá)\b[^.;]{0,100}?\bàs \d{1,2}\b"
    r"|\b(?:sera|seront|aura lieu|débutera|commencera|se tiendra)\b[^.;]{0,100}?"
    r"(?<!\w)à \d{1,2}\s?h\b"
    # an agency's schedule, the hour in brackets after the day ("stellt sich ... am Donnerstag
    # (12.00 Uhr) im Landesparlament ... zur Wahl", dpa's preview of the morning)
    r"|\bam \w+ \(\d{1,2}[.:]\d\d uhr\)",
    re.IGNORECASE,
)


def announces_the_hour(lead: str) -> bool:
    """Whether the lead gives the hour its occasion is to begin, later that day (a preview)."""
    return _HOUR_AHEAD.search(lead) is not None


# Three readings of a preview, each for its rule (the round 7 review tried one flag for all
# three: dev pairs fp 72 -> 89, F1 0.873 -> 0.865, so they stay apart): `previewing` (title or
# lead, stored as `ahead`) sets a preview and a report apart anywhere; `_announced` (the title
# alone, with `says_coming`) keeps the weak ties (a person, wording) from joining a preview to
# the report; `_written_ahead` (also "ahead of", and the lead's "is set to") keeps even two
# previews from being tied by a named occasion alone, which they share with the occasion.
def previewing(f: Features) -> bool:
    """Whether the report announces its occasion ahead (features stored before `ahead` was
    read: by the title alone)."""
    return f.ahead or announces(f.display_title)


def _written_ahead(f: Features) -> bool:
    """A report written ahead of the named occasion it names: its title announces it, or its
    title or lead says it is to come or is about what comes before it (`ahead_of_it`: "is set
    to present the Union Budget", "... ahead of Union Budget presentation")."""
    return announces(f.display_title) or ahead_of_it(f.title, f.lead[:200])


def _announced(f: Features) -> bool:
    """A title announcing the occasion ahead (`announces`; or, folded, `says_coming`: "Budget
    2024: How many times ..." does not, "... is set to present ..." does)."""
    return announces(f.display_title) or says_coming(f.title)


def _same_named_occasion(a: Features, b: Features, kinds: bool | None) -> bool:
    """Both name one named occasion (a summit, a rate decision, a draw, a coronation), say no
    kinds that differ, are both of it held (a preview shares its name and its day), and are
    of one day (see `_same_day`)."""
    common = set(a.forums) & set(b.forums)
    if kinds is False or not common:
        return False
    # a happening (an earthquake) is the occasion of the reports of it, not of the occasions it
    # gives rise to: two reports both saying a kind (the Prime Minister's and the Chief Cabinet
    # Secretary's press conferences on it, one day) are not tied by it
    # (and one saying a kind of occasion held, other than an outcome, is of that occasion: the
    # Prime Minister's press conference on the earthquake is not the earthquake's; round 9b)
    if common <= HAPPENINGS and (set(a.kinds) | set(b.kinds)) - OUTCOMES:
        return False
    # a deed (a swearing-in, a pope's inauguration Mass) is no talks: talks held that day are
    # held beside it ("Pope holds meeting with Zelensky after inauguration Mass", round 10)
    if common <= DEEDS and {*a.kinds, *b.kinds} & _TWO_SIDED:
        return False
    # a head of government or state takes office in some country most weeks: taking office by
    # other people is another occasion (Ishiba designated prime minister by the Diet and
    # Sheinbaum's investiture in Mexico City, both on 1 October 2024; round 13). A coronation, a
    # conclave, a royal wedding are of one person the world over, named otherwise in each
    # language ("King Charles III", "el rey Carlos III"): not asked of them
    if common <= _TAKING_OFFICE and _other_doers(a, b):
        return False
    # (a preview read from the lead too, "将于25日至27日在天津举办": two previews of a forum
    # share its name and nothing of what is held; ev14)
    if _written_ahead(a) or _written_ahead(b) or (a.ahead and b.ahead):
        return False
    if _same_day(a, b):
        return True
    # an occasion of one day (a rate decision, a draw, a swearing-in, a state banquet) and a
    # report giving no day, filed the day after it: the next morning's report of it
    one_day = any(of_one_day(k) for k in set(a.forums) & set(b.forums))
    return one_day and (_filed_next_day(a, b) or _filed_next_day(b, a))


_TAKING_OFFICE = frozenset({"premier-elected", "inauguration"})


def _same_body(a: Features, b: Features, kinds: bool | None) -> bool:
    """Both name one body, product or happening of worker/detect/entities.py up front (the
    title, else the lead: "OPEC reaches deal to cut output", "歐佩克8年來首次
    決定減産"), on one day (or one giving no day, filed the next), with no kinds that differ,
    neither written ahead, and not other people up front (`_other_doers`): reports naming
    nobody the roster knows, in two languages, share nothing else (round 17, evnames17)."""
    common = set(a.bodies) & set(b.bodies)
    if kinds is False or not common:
        return False
    if _written_ahead(a) or _written_ahead(b) or a.ahead or b.ahead:
        return False
    if all(is_craft(k) for k in common):
        # a numbered craft ("Chang'e-6", "嫦娥六号") has many occasions of its days: the crew's
        # press conference the eve of its launch, a report recalling its landing a fortnight on:
        # a tie only on the one day both date it to (or were published, giving none), each
        # published that day or the next, neither saying a kind of occasion but an outcome (a
        # summit's report wishing the landing well is the summit's; round 20)
        if not (_same_day(a, b) and all(0 <= (f.day - when(f)).days <= 1 for f in (a, b))):
            return False
        if (set(a.kinds) | set(b.kinds)) - OUTCOMES:
            return False
    elif not (_same_day(a, b) or _filed_next_day(a, b) or _filed_next_day(b, a)):
        return False
    return not _other_doers(a, b)


WHERE_PLACES = 6  # the places a report's title and lead name, kept (`Features.where`)
WHERE_COUNTS = 6  # the counts indexed with each place (`_where_keys`), at most


def _cities(f: Features) -> list[str]:
    return [k for k in f.where if not k.startswith("cc:")]


def _named_or_placed(a: Features, b: Features, kinds: bool | None) -> str:
    """Why two reports naming nobody in common are one happening: one body named up front
    (`_same_body`), or where it is (`_placed_alike`); "" when neither."""
    if _same_body(a, b, kinds):
        return "one body named up front, one day"
    if _placed_alike(a, b, kinds):
        return "one place, nobody up front or one count, one day"
    return ""


def _one_city(f: Features) -> bool:
    """The title and lead name places in one city (a venue counts as its city)."""
    return len({CITY_OF.get(k, k) for k in _cities(f)}) == 1


def _where_keys(f: Features) -> set[str]:
    """The index keys of where a report is (`_placed_alike` ties by them): each place with each
    count it gives ("l:riyadh:119", "l:cc:MA:632"); and, for a report whose title and lead name
    nobody, each city alone and each country with the kind of occasion it says. A country alone
    is no key: many unrelated reports of a day name one."""
    counts = sorted(_counts(f))[:WHERE_COUNTS]
    keys = {f"l:{k}:{c}" for k in f.where for c in counts}
    if not _up_front(f):
        keys |= {f"l:{k}" for k in _cities(f)}
        keys |= {f"l:{k}:{kind}" for k in f.where if k.startswith("cc:") for kind in f.kinds}
    return keys


def _placed_alike(a: Features, b: Features, kinds: bool | None) -> bool:
    """Reports of one happening told in words that share nothing but where it is, on one day
    (or one giving no day, filed the next), neither written ahead, no kinds that differ
    (round 19, ev19b; counted over all of dev in docs/events.md): both name nobody up front and
    one city (the Beirut blast's anniversary, the Osaka expo's opening), or one country and the
    same kind; or they name one place (a city or a country) and give one count (the expo of
    2030 won in Riyadh by 119 votes, told in English and Korean; a quake's toll in Morocco),
    and not other people up front (`_other_doers`)."""
    if kinds is False or not set(a.where) & set(b.where):
        return False
    if a.ahead or b.ahead or _written_ahead(a) or _written_ahead(b):
        return False
    if not (_same_day(a, b) or _filed_next_day(a, b) or _filed_next_day(b, a)):
        return False
    shared = set(a.where) & set(b.where)
    if not _up_front(a) and not _up_front(b):
        # (a report naming places in two cities or more does not say which one it is in:
        # "中共四中全會閉幕" naming Beijing, Hong Kong and Macao; as `places_differ` reads them)
        if (_one_city(a) and _one_city(b) and any(not k.startswith("cc:") for k in shared)) or (
            kinds and any(k.startswith("cc:") for k in shared)
        ):
            return True
    return bool(_counts(a) & _counts(b)) and not _other_doers(a, b)


def _other_doers(a: Features, b: Features) -> bool:
    """Both reports name people up front, none of them in common (`_shared`), and no proper
    noun of their titles agrees. A report in another alphabet than Latin counts only roster
    people: a name off the roster is spelt otherwise in each (a roster person named in letters
    is read under the roster's key, so in letters any name counts)."""
    fa, fb = _up_front(a), _up_front(b)
    if _alphabet(a) != _alphabet(b):
        fa = fa if _alphabet(a) == "latin" else fa & _roster_keys(a)
        fb = fb if _alphabet(b) == "latin" else fb & _roster_keys(b)
    return bool(fa and fb) and not _shared(a, b) and not nouns_agree(a, b)


def _roster_keys(f: Features) -> frozenset[str]:
    return f.people_keys | frozenset(f.mentioned)


def _filed_next_day(x: Features, y: Features) -> bool:
    """`x` gives no day and was published the day after `y`'s occasion (the day `y` gives,
    else the day it was published)."""
    return occasion_day(x) is None and (x.day - when(y)).days == 1


def same_happening(a: Features, b: Features, kinds: bool | None) -> bool:
    """One outcome (a verdict, an election, a law passed, a death, a final won, a launch: the
    table of worker/detect/outcomes.py, in every language it holds) said by both, on one day
    (or one report giving no day and filed the next), neither written ahead of it, and named
    alike: someone in common up front, or a proper noun of both titles ("Starship", "Nemo",
    "Bolsonaro" of "Jair Bolsonaro"). A verdict in Paris told in French, Spanish and Italian
    shares nothing else (round 11)."""
    if not kinds:
        return False
    common = set(a.kinds) & set(b.kinds) & OUTCOMES
    if (
        not common
        and not {*a.kinds, *b.kinds} >= {"court", "verdict"}
        and not _won_election(set(a.kinds), set(b.kinds))
    ):
        return False
    if _written_ahead(a) or _written_ahead(b):
        return False
    if not (_same_day(a, b) or _filed_next_day(a, b) or _filed_next_day(b, a)):
        return False
    # named alike: someone in common up front, a proper noun in common, or one named occasion
    # ("L'Eurovision" / "Eurovision Song Contest": the song contest's table name; round 9), or
    # (round 13) a proper noun of one's title written in the other's title or lead
    return (
        _shared_up_front(a, b)
        or nouns_agree(a, b)
        or bool(set(a.forums) & set(b.forums))
        or _noun_in_head(a, b)
        or _noun_in_head(b, a)
    )


NOUN_IN_HEAD = 5  # letters of a title's proper noun, at least, looked for in the other's words


def _noun_in_head(x: Features, y: Features) -> bool:
    """A proper noun of `x`'s title (5 letters or more) is a word of `y`'s title or lead, where
    `y` does not read it as a proper noun of its own (a title in capitals throughout, "Historic
    Dharara Tower Collapses in Kathmandu After 7.9 Earthquake" / "Dharara collapses Nepal
    Earthquake disaster 2015"; "Mars Curiosity Rover Landing a Success" / "Curiosity lands on
    Mars!"; "Takaichi elected LDP president" / a lead naming "Sanae Takaichi")."""
    words = set(y.title.split()) | set(y.lead.split())
    return any(len(key) >= NOUN_IN_HEAD and key in words for key in (fold_noun(n) for n in x.nouns))


NOUN_STEM = 5  # letters of a noun's key the store indexes it by (round 9b)
NOUN_LIKENESS = 88  # rapidfuzz ratio: one name spelt by two languages ("Francesco", "Francisco")
NOUN_FUZZY_LETTERS = 7  # names this long at least may differ by a letter


def nouns_agree(a: Features, b: Features) -> bool:
    """A proper noun of one report's title is one of the other's, spelt alike, or the last
    word of a name the other writes up front ("bolsonaro" of "Jair Bolsonaro")."""
    for x, y in ((a, b), (b, a)):
        keys = [_noun_key(n) for n in y.nouns]
        up_front = _named_up_front(y) | frozenset(y.names)
        for noun in x.nouns:
            # (the length of the word as written: "Moon" is "mon" to `translit_key`)
            if len(fold_noun(noun)) < 4:
                continue
            key = _noun_key(noun)
            if any(
                key == other
                or (
                    min(len(key), len(other)) >= NOUN_FUZZY_LETTERS
                    and fuzz.ratio(key, other) >= NOUN_LIKENESS
                )
                or _inflected(key, other)
                for other in keys
            ):
                return True
            if len(key) >= 5 and any(k != key and k.endswith(key) for k in up_front):
                return True
    return _arabic_names_agree(a, b) or _arabic_names_agree(b, a)


# Arabic letters by the consonant a name in letters spells them with (`_skeleton`); the long
# vowels and their seats (alif, waw, ya, hamza, ta marbuta), ayn and the h's are dropped, as
# vowels and h are in letters; p and v are b and f, g is j, as Arabic writes them.
_ARABIC_CONSONANTS = str.maketrans(
    {
        **dict.fromkeys("اأإآٱىيوؤئءةعهحـ", ""),
        "ب": "b",
        "پ": "b",
        "ت": "t",
        "ث": "t",
        "ط": "t",
        "ج": "j",
        "چ": "S",
        "گ": "j",
        "غ": "j",
        "خ": "k",
        "ق": "k",
        "ك": "k",
        "د": "d",
        "ذ": "d",
        "ض": "d",
        "ر": "r",
        "ز": "z",
        "ظ": "z",
        "س": "s",
        "ص": "s",
        "ش": "S",
        "ف": "f",
        "ڤ": "f",
        "ل": "l",
        "م": "m",
        "ن": "n",
    }
)
_ARABIC = re.compile(r"[\u0600-\u06ff]+")
# the article and the one-letter words joined to a noun: "والرئيس", "بسجن", "لدوري"
_ARABIC_PREFIX = re.compile(r"^(?:[وفبلك]?ال|[وفبلك])(?=\w{3})")
# letters to the consonants Arabic writes them with: ch and sh one letter, c before e, i, y
# an s, else a k; x two
_LATIN_CONSONANTS = (
    (re.compile(r"[cs]h"), "S"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"[ckq]"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"[pb]"), "b"),
    (re.compile(r"[vf]|ph"), "f"),
    (re.compile(r"[gj]"), "j"),
    (re.compile(r"[aeiouyhw'’\W\d_]"), ""),
)
ARABIC_SKELETON = 4  # consonants of a name, at least, compared across the two alphabets


# The Indic scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
# Malayalam) share one layout, a block of 128 code points each from U+0900: a consonant is at
# the same place in every block. By that place, the consonant a name in letters spells it with
# (as `_LATIN_CONSONANTS` writes it: g is j, p b, v f, ch and sh S; y and h dropped); the
# anusvara is an n ("फ्रांसिस" Francis), the vowels, vowel signs, virama and nukta nothing.
_INDIC_PLACES = {
    0x02: "n",
    **{
        place: latin.strip("_")
        for place, latin in zip(
            range(0x15, 0x3A),
            "k k j j n S S j j n t t d d n t t d d n n b f b b m _ r r l l l f S S s _".split(),
            strict=True,
        )
    },
    **dict(zip(range(0x58, 0x5F), "kkjjrrf", strict=True)),
}
_INDIC_CONSONANTS = {
    block + place: latin
    for block in range(0x0900, 0x0D80, 0x80)
    for place, latin in _INDIC_PLACES.items()
}
# Greek, its two-letter spellings of b, d and g first ("Τραμπ" Trump, "Ντόναλντ" Donald)
_GREEK_PAIRS = re.compile(r"μπ|ντ|γκ|γγ")
_GREEK_CONSONANTS = str.maketrans(
    {
        **dict.fromkeys("αεηιουωάέήίόύώϊϋΐΰ", ""),
        **dict(zip("βγδζθκλμνπρσςτφχ", "fjdjtklmnbrsstfk", strict=True)),
        "ξ": "ks",
        "ψ": "bs",
    }
)
_GREEK = re.compile(r"[\u0370-\u03ff]")
_INDIC = re.compile(r"[\u0900-\u0d7f]")
# a word of a script writing no capitals, whose every word may be a name: Arabic, Indic
_UNCASED_WORD = re.compile(r"[\u0600-\u06ff]+|[\u0900-\u0d7f]+")
UNCASED_LEAD = 200  # characters of the lead read for names when the page gives no title
_KANA_OR_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _skeleton(word: str) -> str:
    """A name's consonants as both alphabets write them, doubled ones once, z as j (Hindi
    writes Sarkozy's z with ज): "Sarkozy", "ساركوزي" and "सरकोजी" are "srkj", "Manchester" and
    "مانشستر" "mnSstr", "Francis" and "फ्रांसिस" "frns", "Λονδίνο" and "London" "lndn"."""
    if _ARABIC.fullmatch(word):
        out = _ARABIC_PREFIX.sub("", word).translate(_ARABIC_CONSONANTS)
    elif _INDIC.search(word):
        out = "".join(_INDIC_CONSONANTS.get(ord(c), "") for c in word)
    elif _GREEK.search(word):
        folded = _GREEK_PAIRS.sub(_greek_pair, word.casefold())
        out = folded.translate(_GREEK_CONSONANTS)
    else:
        out = unicodedata.normalize("NFKD", word.casefold())
        out = "".join(c for c in out if not unicodedata.combining(c))
        for pattern, repl in _LATIN_CONSONANTS:
            out = pattern.sub(repl, out)
    return re.sub(r"(.)\1+", r"\1", out.replace("z", "j"))


def _greek_pair(m: re.Match[str]) -> str:
    """μπ, ντ, γκ: b, d, g at the start of a word or after a consonant ("Ντόναλντ" Donald),
    mb, nd, ng after a vowel ("Τραμπ" Trump)."""
    after_vowel = m.start() > 0 and m.string[m.start() - 1] in _GREEK_VOWELS
    return ({"μπ": "m"}.get(m.group(), "n") if after_vowel else "") + _GREEK_PAIR[m.group()]


_GREEK_PAIR = {"μπ": "b", "ντ": "d", "γκ": "j", "γγ": "j"}
_GREEK_VOWELS = frozenset("αεηιουωάέήίόύώϊϋΐΰ")


def _arabic_names_agree(x: Features, y: Features) -> bool:
    """A word of `x`'s title in Arabic, an Indic script or Greek spells a proper noun of `y`'s
    title in letters, read by its consonants (`ARABIC_SKELETON` at least): Arabic and the Indic
    scripts write no capitals, and a foreign name in any of them is a transliteration
    ("ساركوزي" Sarkozy, "مانشستر سيتي" Manchester City; ev15, dev_round13; "फ्रांसिस" Francis,
    "Λονδίνο" London, round 11, ev11b). One consonant more at the end of the longer is another
    language's ending ("frns" Francis, "frnsk" Francesco)."""
    script = _skeleton_script(x)
    if not y.nouns or script == "latin" or _skeleton_script(y) != "latin":
        return False
    if x.skeletons & y.skeletons:
        return True
    return any(
        len(long) - len(short) == 1 and long.startswith(short)
        for a in x.skeletons
        for b in y.skeletons
        for short, long in [sorted((a, b), key=len)]
    )


def _skeleton_script(f: Features) -> str:
    """The alphabet `Features.skeletons` read: "arabic", "indic", "greek" or "latin" (any other,
    Han, kana, Hangul, Cyrillic, whose names are compared otherwise)."""
    head = f.title or f.lead[:UNCASED_LEAD]
    if _ARABIC.search(head):
        return "arabic"
    if _INDIC.search(head):
        return "indic"
    if _GREEK.search(head):
        return "greek"
    if _alphabet(f) != "latin" or _HANGUL.search(head) or _KANA_OR_HAN.search(head):
        return "other"
    return "latin"


NOUN_ENDING = 2  # letters one language adds to another's spelling of a name, at most


def _inflected(key: str, other: str) -> bool:
    """One name with another language's ending: the shorter key (6 letters at least) starts
    the longer, which has at most `NOUN_ENDING` letters more ("francis" and "francisco",
    "francesco" being "francisco" by `NOUN_LIKENESS`; ev15, dev_round13)."""
    short, long = sorted((key, other), key=len)
    return len(short) >= 6 and 0 < len(long) - len(short) <= NOUN_ENDING and long.startswith(short)


@lru_cache(maxsize=4096)
def _noun_key(noun: str) -> str:
    """A proper noun as two languages' titles are compared: in letters as `translit_key` spells
    it, a Russian one romanised first ("Навальный" and "Navalny" are one name; round 9b)."""
    folded = fold_noun(noun)
    return _romanise(folded) if _CYRILLIC.search(folded) else translit_key(folded)


WORDED_SHARE = 2 / 3  # of `title`: wording this alike, with a person and a day in common
WORDED_WORDS = 4  # distinctive title and lead words in common, at least


def _worded_alike(
    a: Features, b: Features, kinds: bool | None, shared: int, text: float, opts: GroupingOptions
) -> bool:
    """Two reports in one script, published the same day (neither dating the occasion to
    another day), naming someone in common up front, saying no kinds that differ, and worded
    somewhat alike: titles or leads at least 2/3 of `title` alike and 4 distinctive words in
    common. A person, a day and wording are each weak; together they are one occasion
    (Independence Day reports naming only "PM Modi", one saying no kind of occasion)."""
    if kinds is False or not shared or text < WORDED_SHARE * opts.title:
        return False
    if not _published_same_day(a, b):
        return False
    if not _shared_up_front(a, b) or _demoted(a, b):
        return False
    return len(_words(a) & _words(b)) >= WORDED_WORDS


def _demoted(a: Features, b: Features) -> bool:
    """Someone of the roster one report names up front (its title and lead) whom the other
    names only further down: at the other's occasion that person was not who acted (Putin
    conferring the order on Modi, and Modi's address to the diaspora that evening, which
    recalls Putin in passing). The weak ties (a person and the wording) are no evidence then."""
    for x, y in ((a, b), (b, a)):
        below = set(y.mentioned) - _named_up_front(y)
        if below & set(x.head) & set(x.mentioned):
            return True
    return False


def _across_days(
    a: Features, b: Features, kinds: bool | None, shared: int, text: float, opts: GroupingOptions
) -> Match:
    """A report that gives no day, published two days or more after the other's occasion: its
    wording, or a long list and the same kind of occasion, may still tie them."""
    if text >= opts.title and kinds is not False:
        return Match(text, "title and lead agree")
    if shared >= opts.many_people and kinds:
        people = max(opts.join, _people_score(a, b, shared, opts))
        return Match(people, f"{shared} people in common, the same kind of occasion")
    # one edition of a named occasion (its number in both titles: "the 16th Annual Meeting of
    # the New Champions", "第十六届夏季达沃斯论坛"), the same kind, someone in common up front: a
    # transcript of the opening address published two days later (ev14, dev_round14)
    if (
        kinds
        and set(a.forums) & set(b.forums)
        and set(a.marks) & set(b.marks)
        and _shared_up_front(a, b)
        and not (_announced(a) or _announced(b))
    ):
        return Match(opts.join, "one edition of a named occasion")
    if kinds is not False and (_told_east_of_it(a, b) or _told_east_of_it(b, a)):
        return Match(opts.join, "an occasion of one day, told east of it")
    # one outcome dated by two clocks, someone in common up front or its proper nouns agreeing
    # (or the named occasion of one day both name: the Bank of Japan's decision)
    if _two_clocks(a, b) and (_shared_up_front(a, b) or nouns_agree(a, b) or _one_day_named(a, b)):
        return Match(opts.join, "one outcome, dated by two clocks")
    return NO_MATCH


def _two_clocks(a: Features, b: Features) -> bool:
    """Both leads date the occasion, a day apart, and it is one that is had once: an outcome
    both say (a final won, a landing, a verdict, an election won; kinds that agree) or a named
    occasion of one day both name (a rate decision). A night in one place is the next morning
    in another ("la notte del 20 novembre" of Milei's runoff in Rome, the 19th in Buenos Aires;
    Curiosity landing on Sunday night in California, on Monday in GMT): two clocks, not two
    occasions (round 17, evprev17). Neither is a preview; what ties them is `_across_days`'s."""
    da, db = occasion_day(a), occasion_day(b)
    if da is None or db is None or abs((da - db).days) != 1:
        return False
    # each of its day: dated the day published or the day before (not a report of the results
    # five days on, recalling the landing)
    if not (0 <= (a.day - da).days <= 1 and 0 <= (b.day - db).days <= 1):
        return False
    if previewing(a) or previewing(b) or _written_ahead(a) or _written_ahead(b):
        return False
    # a lead giving the other's day as well tells two days, not one occasion by two clocks:
    # "9月22日,香港金管局将基准利率上调75个基点 ... 21日,美联储宣布上调" is the HKMA's rise of the
    # 22nd, which dates the Fed's of the 21st it follows (round 19, dev_round23)
    if db.day in a.days or da.day in b.days:
        return False
    outcome = bool(set(a.kinds) & OUTCOMES and set(b.kinds) & OUTCOMES) and kinds_agree(a, b)
    # (the outcome of a title only, the lead telling another occasion of the next day: "Donald
    # Trump found guilty in hush money trial" over "Trump holds a press conference following the
    # verdict ... on May 31")
    if outcome and any(occasion_kinds("", f.lead[:200]) for f in (a, b)):
        return False
    return bool(outcome) or _one_day_named(a, b)


def _one_day_named(a: Features, b: Features) -> bool:
    """Both name one named occasion held in one day (a rate decision, an award night)."""
    return any(of_one_day(k) and k not in HAPPENINGS for k in set(a.forums) & set(b.forums))


def _told_east_of_it(x: Features, y: Features) -> bool:
    """`x`, in another alphabet than `y`, dates an occasion of one day both name to the day
    after `y`, giving no day, was published: one evening told from the other side of the world
    (the Fed's decision of 14 December 2022, 2 p.m. in Washington, "12月15日 ... 美国联邦储备委员会
    宣布" in Beijing's morning; round 14). Neither written ahead of it."""
    dated = occasion_day(x)
    if dated is None or occasion_day(y) is not None or (dated - y.day).days != 1:
        return False
    if _written_ahead(x) or _written_ahead(y):
        return False
    return any(of_one_day(k) and k not in HAPPENINGS for k in set(x.forums) & set(y.forums))


def _people_score(a: Features, b: Features, shared: int, opts: GroupingOptions) -> float:
    """The people rule: the overlap of the shorter list, discounted while few people are in
    common; 0 when too few are (a report may hold no key at all yet share people: their
    written names in its text)."""
    ka, kb = a.all_keys, b.all_keys
    small = max(len(ka), len(kb)) <= 3  # a call or a meeting of two or three: all must match
    # a short report that puts all its (two or more) people in the roles the other gives them too
    in_roles = a.people_keys & b.people_keys
    short = min((a, b), key=lambda f: len(f.people_keys)).people_keys
    contained = len(in_roles) >= opts.min_shared_people and short <= in_roles
    if not (
        shared >= max(opts.min_shared_people, 3)
        or (small and shared >= min(opts.min_shared_people, len(ka), len(kb)) and shared >= 2)
        or contained
        or _same_principals(a, b)
    ):
        return 0.0
    # (a roster person the report only mentions, in no role and not who acted, is no one of
    # its occasion's: "the transatlantic future after Trump's election" in a report of the
    # ministers' meeting in Warsaw does not thin its overlap with a report of it)
    ca, cb = _cast(a, kb), _cast(b, ka)
    return min(1.0, shared / max(1, min(len(ca), len(cb)))) * min(
        1.0, shared / 3 if not small else 1.0
    )


def _cast(f: Features, other: frozenset[str]) -> frozenset[str]:
    """Whom a report puts at its occasion: everyone it names but the roster's people it only
    mentions (in no role, not in its title's or lead's main clause), unless the other names
    them too."""
    acted = f.people_keys | set(f.principals) | set(f.front)
    passing = frozenset(k for k in f.mentioned if k not in acted and k not in other)
    return f.all_keys - passing


def _same_principals(a: Features, b: Features) -> bool:
    """A report naming two or three people, all of them the people the other's title names,
    whatever others the other lists further down: "Xi hears report from HKSAR chief executive"
    and CNA's "習近平聽取李家超述職" naming Li Qiang, Cai Qi and Ding Xuexiang as present."""
    short, full = sorted((a, b), key=lambda f: len(f.all_keys))
    keys = short.all_keys
    return 2 <= len(keys) <= 3 and keys == frozenset(full.principals) and keys <= full.all_keys


# A speech is given at most occasions (a session, a ceremony, a banquet): it agrees with every
# kind but these, where a speech is another occasion (an address to the diaspora the day of the
# talks).
_NO_SPEECH = frozenset({"talks", "call", "study"})
# A state visit's welcome ceremony (or an award handed over), the talks and the joint press
# conference that closes them are one occasion when both leads date them to the same day.
_TOGETHER = frozenset({"talks", "ceremony", "press"})


def kinds_agree(a: Features, b: Features) -> bool | None:
    """Whether the two reports say the same kind of occasion: None when one says none (or a
    speech only, which most occasions hold), or when kinds that differ are two readings of one
    day, one place and the same people up front."""
    ka, kb = set(a.kinds), set(b.kinds)
    if not ka or not kb:
        return None
    if ka & kb:
        return True
    # outcomes (round 11) are evidence for, never against: "Lula vence" is a victory and an
    # election; a verdict is what a court gives
    if (ka | kb) & OUTCOMES:
        # (and an election is won: "Lula Wins Brazil Presidency" and "Lula defeats Bolsonaro to
        # win Brazil presidency again", read as an election; round 11, ev11)
        return True if {*ka, *kb} >= {"court", "verdict"} or _won_election(ka, kb) else None
    if any({x, y} <= _TOGETHER for x in ka for y in kb) and _same_dated_day(a, b):
        return True
    # a speech and a session, a ceremony, a banquet: not known to differ, not known to agree
    if (ka == {"speech"} and not kb <= _NO_SPEECH) or (kb == {"speech"} and not ka <= _NO_SPEECH):
        return None
    # a speech or a ceremony at a named occasion both name (the opening remarks or the opening
    # ceremony of a summit whose other reports say "summit", read as talks)
    # (and a session: a forum's plenary that another report calls its "meeting", "the Valdai
    # club meeting" / "the annual meeting of the Valdai Discussion Club"; ev14)
    if {"speech", "ceremony", "session"} & (ka | kb) and set(a.forums) & set(b.forums):
        return None
    # one day, one place and someone in common up front: two readings of one occasion (a guest
    # "accorded a warm welcome" as he arrived for the talks; the leader "meets" the diaspora he
    # addresses), not known to differ; the other evidence decides
    if set(a.places) & set(b.places) and _same_day(a, b) and _shared_up_front(a, b):
        return None
    return False


def _won_election(ka: set[str], kb: set[str]) -> bool:
    """One report says a victory and the other an election (and neither another outcome)."""
    both = ka | kb
    return both <= {"victory", "election"} and ka != kb and not (ka & kb)


def counterpart_differs(a: Features, b: Features) -> bool:
    """Someone one report's title names (else its lead's first sentence: the host and the guest,
    the caller and the called) whom the other's title and lead, naming two people at least (its
    own two sides), do not name: the premier's talks with the chancellor are not the
    president's. Across scripts, only people the roster knows count (the keys of others are
    transliterations that differ from one language to the next). A title naming more than
    three people is a list of those present, not the two sides of an occasion."""
    for x, y in ((a, b), (b, a)):
        seen = (*y.head, *y.principals, *_written_in_head(x, y))
        if len(set(seen)) < 2 or len(x.principals) > 3:
            continue
        for key in x.principals:
            if any(same_person(key, other) for other in seen):
                continue
            if key in x.mentioned or _script(x) == _script(y):
                return True
        # a person of the roster the title or the main clause of the lead's first sentence names
        # (who acted, three at most) whom the other report, naming two up front, does not name
        # at all: Putin's talks with Lukashenko at the Supreme State Council, and their talks
        # of another day (dev_round5: tp +1, fp -1)
        extra = (set(x.front) | set(x.principals)) & set(x.mentioned)
        if 2 <= len(x.principals) and len(extra) <= 3 and len(set(y.head)) >= 2:
            if any(not any(same_person(k, o) for o in y.all_keys) for k in extra):
                return True
    return False


GUESTS = 4  # people a report names, at least, to be a list of those present rather than sides


def sides_among_guests(a: Features, b: Features) -> bool:
    """One report names the two (or three) sides of talks or a call; the other names no sides,
    one person up front (the host) and `GUESTS` people or more, the sides among them: both
    sides are guests of another occasion of that day (a summit's banquet, a parade, a family
    photo), not at their talks. Xi's banquet in Tianjin welcoming Putin, Erdogan, Modi and
    Sharif, and Xi's talks with Modi that noon (dev_round18); Xi's dinner with the business
    leaders in San Francisco, Biden at his table, and the Filoli talks (dev_round3). A list
    of those present at the talks themselves names both sides up front (the title's sides)."""
    for x, y in ((a, b), (b, a)):
        sx = sides(x)
        if not sx or sides(y) or len(y.principals) != 1 or len(y.all_keys) < GUESTS:
            continue
        if all(any(same_person(k, o) for o in y.all_keys) for k in sx):
            return True
    return False


def _written_in_head(x: Features, y: Features) -> tuple[str, ...]:
    """Keys of `x`'s people whose written name `y`'s title or lead holds, though `y` did not read
    them as people ("Xi Jinping urges Olaf Scholz to ...")."""
    haystack = f" {y.title} {y.lead} "
    found = []
    for p in x.people:
        if f" {p.key} " in haystack:
            found.append(p.key)
            continue
        written = _folded_name(p.name)
        if not written or "#" in written:
            continue
        if has_han(written):
            hit = len(written.replace(" ", "")) >= 2 and written.replace(" ", "") in haystack
        else:
            hit = f" {written} " in haystack
        if hit:
            found.append(p.key)
            continue
        # a roster person the other report calls by the family name alone ("PM Modi", whom a
        # Chinese report names "莫迪"): the last word of the canonical name, unless the name is
        # Chinese (whose family name is its first word, too short to be read alone)
        family = _family_name(p.canonical, p.name)
        if family and f" {family} " in haystack:
            found.append(p.key)
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=65536)
def _family_name(canonical: str, written: str) -> str:
    """The folded last word of the canonical name in letters of a person written in Chinese
    characters ("莫迪": "modi"), "" for a Chinese name read from its characters ("习近平")."""
    words = canonical.split()
    # (only for a name written in Chinese characters: in letters, the written name is read
    # above, and a family name alone is too loose, "Ibrahim" of Anwar Ibrahim and of the King)
    if len(words) < 2 or has_han(canonical) or not has_han(written):
        return ""
    if translit_key(pinyin_name(written)) == translit_key(canonical):
        return ""
    last = _folded_name(words[-1])
    return last if len(last) >= 4 else ""


def same_sides(a: Features, b: Features) -> bool:
    """Both reports' titles and leads name the same two or three people: the two sides."""
    pa = set(a.principals) | set(_written_in_head(b, a))
    pb = set(b.principals) | set(_written_in_head(a, b))
    if not 2 <= len(pa) <= 3 or not 2 <= len(pb) <= 3:
        return False
    return all(any(same_person(x, y) for y in pb) for x in pa) and all(
        any(same_person(y, x) for x in pa) for y in pb
    )


def same_person(a: str, b: str) -> bool:
    """Two keys of one person: equal, or one the other's start or end, four letters at least
    ("modi" / "narendramodi", "lula" / "luladasilva")."""
    if a == b or (min(len(a), len(b)) >= LOOSE_LETTERS and _loose(a) == _loose(b)):
        return True
    short, full = sorted((a, b), key=len)
    return len(short) >= 4 and (full.startswith(short) or full.endswith(short))


LOOSE_LETTERS = 10  # keys this long at least may be one name spelt by two languages


@lru_cache(maxsize=65536)
def _loose(key: str) -> str:
    """A key with the letters languages transliterate a name with folded together: z and s
    (not the zh of pinyin), j, y and i, doubled letters once: "volodymyrselenskyj" (German)
    and "volodymyrzelenski" (English) are one name; since ev14 also French "ou" for u and a
    mute final e: "vladimirpoutine" is "vladimirputin" (dev_round14's call in French)."""
    folded = re.sub(r"z(?!h)", "s", key).replace("j", "i").replace("y", "i").replace("ou", "u")
    return re.sub(r"(.)\1+", r"\1", folded).removesuffix("e")


def _day_range(f: Features, opts: GroupingOptions) -> tuple[date, date]:
    known = occasion_day(f)
    if known:
        return known, known
    return f.day - timedelta(days=opts.undated_days), f.day


def days_apart(a: Features, b: Features, opts: GroupingOptions = GroupingOptions()) -> bool:
    """The days of the two occasions differ: the day each lead gives ("on Monday", "20日",
    "am Dienstag"), else the day published or the day before (a report is filed the day of
    the occasion or the next), more than `day_slack` apart."""
    (a0, a1), (b0, b1) = _day_range(a, opts), _day_range(b, opts)
    return (b0 - a1).days > opts.day_slack or (a0 - b1).days > opts.day_slack


def _same_dated_day(a: Features, b: Features) -> bool:
    da, db = occasion_day(a), occasion_day(b)
    return bool(da and da == db)


def _anchored(a: Features, b: Features, kinds: bool | None = None, shared: int = -1) -> bool:
    """A thin report naming one person only and a fuller one naming that person too, tied by
    the occasion: both titles give the same number that is no date ("the 110th anniversary" /
    "110周年"); or the same kind of occasion on the same day (both leads date it alike, else
    published the same day or the next), with the fuller report putting the person in a role or
    both saying that kind (an English digest naming only the leader at the centre, and CCTV's
    list); or, neither saying a kind, both naming that one person alone up front on one day of
    the occasion (see `_same_day`). Of talks or a call, the thin report must name the other side too. (Reports naming two
    people or more are the people rule's.) Whom a report names is read up front (its title,
    lead and roles): a Chinese report naming the leader's delegation further down is still
    about the leader alone. Published the same day ties them only when neither dates the
    occasion to another day than its own (a report of yesterday's talks in Paris and an undated
    one of today's visit to the Pyrenees)."""
    thin, full = sorted((a, b), key=lambda f: len(_named_up_front(f)))
    named = _named_up_front(thin)
    if len(named) != 1 or kinds is False:
        return False
    if not (shared if shared >= 0 else _shared(a, b)):
        return False
    if _other_side_unseen(thin, full):
        return False
    if _someone_else_presides(thin, full, named):
        return False
    if kinds:
        # a name and a kind tie two reports of one day only: published the same day (neither
        # dating the occasion to another day), both dating it alike, or one dating it to the
        # day the other, undated, was published; an undated report published the next day may
        # be of the leader's next occasion (the talks in Paris, then the Pyrenees)
        return _same_day(a, b)
    # both about that one person alone, on one day, neither saying a kind: one occasion (an
    # election, an address, an inauguration reported in another language with other words)
    if named == _named_up_front(full) and _same_day(a, b):
        return True
    return named <= full.people_keys and (
        bool(set(a.marks) & set(b.marks)) or _same_dated_day(a, b)
    )


_TWO_SIDED = frozenset({"talks", "call"})


def _someone_else_presides(thin: Features, full: Features, named: frozenset[str]) -> bool:
    """The fuller report's title names who holds its occasion (presiding: a briefing, a
    meeting chaired) and that is not the thin report's one person, whom it names only further
    down: the Chief Secretary's briefing that evening, recalling what the Chief Executive
    announced that morning, is not the Chief Executive's press conference (ev14,
    dev_round14)."""
    chairs = [p for p in full.people if p.role == "presided" and p.key in full.principals]
    if not chairs or any(same_person(k, p) for k in named for p in full.principals):
        return False
    written = {p.key: p.canonical for p in thin.people}
    for key in named:
        for chair in chairs:
            if same_person(key, chair.key) or _one_name(
                written.get(key, key).split(), chair.canonical.split()
            ):
                return False
    return True


def _dated_day_is_published_day(x: Features, y: Features) -> bool:
    """`x` dates the occasion to the day `y`, giving no day, was published."""
    return occasion_day(y) is None and occasion_day(x) == y.day


def _named_up_front(f: Features) -> frozenset[str]:
    """Whom a report is about: the people its title and lead name and those it puts in a role,
    else everyone it names (a delegation named further down is not who met)."""
    return frozenset(f.head) | f.people_keys if f.head else f.all_keys


def _other_side_unseen(thin: Features, full: Features) -> bool:
    """Talks or a call whose other side the fuller report's title names and the thin report's
    title and lead do not: a leader meets several guests a day, and a report naming only the
    leader may be of any of those meetings. Across alphabets, only a side the roster knows."""
    if not set(full.kinds) & _TWO_SIDED or len(full.principals) < 2:
        return False
    sides = set(full.principals) - thin.all_keys
    # in another alphabet only the roster's people can be seen ("Нарендрой Моди" is not
    # "Narendra Modi" to a reader without him on the roster): the others are not asked for
    if _alphabet(thin) != _alphabet(full):
        sides &= set(full.mentioned)
    written = set(_written_in_head(full, thin))
    return bool(sides) and not sides & written


def _alphabet(f: Features) -> str:
    if f.language == "zh":
        return "han"
    return "cyrillic" if _CYRILLIC.search(f.title) or _CYRILLIC.search(f.lead) else "latin"


def when(f: Features) -> date:
    """The day of the occasion: the day the lead gives, else the day published."""
    return occasion_day(f) or f.day


def within_window(f: Features, published: date, occasion: date, window: int) -> bool:
    """Whether a report is within `window` days of another report (or an event), published
    or dated: a report published a week after the occasion that its lead dates (a Chinese
    report of the joint press conference, published nine days later) is still of its days."""
    return abs((f.day - published).days) <= window or abs((when(f) - occasion).days) <= window


def occasion_day(f: Features) -> date | None:
    """The day the lead gives for the occasion ("on Dec. 6", "8月31日"), in the year that puts
    it nearest the day the report was published; None when the lead gives none."""
    return _occasion_date(f.occasion, f.day) if f.occasion else None


@lru_cache(maxsize=65536)
def _occasion_date(occasion: str, published: date) -> date | None:
    month, day = (int(x) for x in occasion.split("-"))
    return _near(month, day, published)


def _two_people_tied(
    a: Features, b: Features, kinds: bool | None, text: float, opts: GroupingOptions
) -> bool:
    """Two people meet often: two in common need a second piece of evidence (the same kind
    of occasion, both leads giving the same day, wording in common, or both titles naming the
    two of them), and each report must name one of them up front (its title or lead): two
    leaders a report names further down (a report of the summit's close recalling their talks)
    do not make it a report of their meeting."""
    second = (
        # (the same kind on one day of the occasion only: a state visit holds talks day after
        # day, and an undated report published the next day may be of the next day's, Macron
        # hosting Xi in the Pyrenees the day after their talks in Paris; or in one place both
        # name: the welcome dinner in San Francisco reported undated the next morning)
        (kinds and (_same_day(a, b) or bool(set(a.places) & set(b.places))))
        or _same_dated_day(a, b)
        or text >= opts.title * 0.8
        or same_sides(a, b)
        or (_same_day(a, b) and _both_up_front_in_both(a, b))
    )
    return bool(second) and _shared_up_front(a, b)


def _both_up_front_in_both(a: Features, b: Features) -> bool:
    """Two people in common whom each report names up front (its title and lead): on one day,
    what both reports are about, whatever kind of occasion one of them does not say."""
    fa, fb = _up_front(a), _up_front(b)
    both = a.all_keys & b.all_keys & fa & fb
    # a name off the roster spelt otherwise by each language ("Selenskyj" / "Zelensky")
    loose = {x for x in fa - both for y in fb - both if x != y and same_person(x, y)}
    return len(both) + len(loose) >= 2


_HAN_MAGNITUDES = {"万": 10_000, "亿": 100_000_000}
COUNT_AT_LEAST = 100  # a count this large (or with a fraction) is told by few occasions of a day


def _counts(f: Features) -> frozenset[str]:
    """The counts a report gives (`numbers`, its title's `marks`) that few occasions of one day
    share: 100 or more, or a fraction ("7.8"), and no year."""
    out = set()
    for word, value in (*f.numbers, *(("", m) for m in f.marks)):
        # (round 19, ev19b) one count in every language: "1.037 morts" is 1037 where a dot groups
        # thousands (`_whole`), "1.2万人" is 12000
        value = _whole(value, f.language).replace(",", "")
        try:
            number = float(value) * _HAN_MAGNITUDES.get(word, 1)
        except ValueError:
            continue
        whole = number.is_integer()
        if whole and 1900 <= number <= 2100:
            continue
        if number >= COUNT_AT_LEAST or (not whole and number >= 1):
            out.add(f"{number:g}")
    return frozenset(out)


def _same_count(a: Features, b: Features) -> bool:
    """Two reports in two languages giving one count (the 367 passengers of a jet, 204 votes
    for an impeachment, 591 points of a song contest's winner), of one day: what happened, told
    in two languages that share no word (round 12)."""
    if a.language == b.language or not _same_day(a, b):
        return False
    return bool(_counts(a) & _counts(b))


NOUNS_ALIKE = 2  # proper nouns of two languages' titles spelt alike, at least (`_nouns_alike`)
NOUN_ALIKE_LETTERS = 5  # letters of each, as written
NOUN_SPELLING = 75  # rapidfuzz ratio of two spellings of one name, same first three letters


def _nouns_alike(a: Features, b: Features) -> bool:
    """Two reports in two languages, of one day, naming two proper nouns spelt alike (as
    `_noun_key` writes them in letters: "Balón" and "Ballon", "Messi" in both, "Kamčatku" and
    "Kamchatka"), one of them no roster person's name: a night's winner and its prize, a
    contest and its host. A person's name is left to the people rules (two leaders, one day,
    are many occasions; round 13)."""
    if a.language == b.language or _script(a) == "han" or _script(b) == "han":
        return False
    if not _same_day(a, b):
        return False
    matched = _alike_nouns(a, b)
    return len(matched) >= NOUNS_ALIKE and _one_off_roster(a, b, matched)


def _alike_nouns(a: Features, b: Features) -> set[str]:
    """The proper nouns of `a` (5 letters at least) spelt alike with one of `b`'s."""
    ka = {
        _noun_key(n) for n in (*a.nouns, *a.lead_nouns) if len(fold_noun(n)) >= NOUN_ALIKE_LETTERS
    }
    kb = {
        _noun_key(n) for n in (*b.nouns, *b.lead_nouns) if len(fold_noun(n)) >= NOUN_ALIKE_LETTERS
    }
    return {x for x in ka if any(_spelt_alike(x, y) for y in kb)}


def _one_off_roster(a: Features, b: Features, matched: set[str]) -> bool:
    """Whether one of the nouns in `matched` is no roster person's name in either report."""
    roster = _roster_keys(a) | _roster_keys(b)
    return any(not any(k in person for person in roster) for k in matched)


def _noun_and_place(a: Features, b: Features) -> bool:
    """Two reports naming nobody up front, of one day, that name a place in common and a
    proper noun spelt alike (as `_nouns_alike` compares them, 5 letters at least, no roster
    person's name): a happening no one holds, told without the people the rules read (round
    15: Notre-Dame's fire in Paris, "Notre" of "Notre-Dame" in French and English; the Beirut
    port's anniversary; Haneda's runway collision, "Coast Guard" at Tokyo). Any two languages,
    one too: a page without a title leaves the wording rules little to read."""
    if _up_front(a) or _up_front(b) or not set(a.places) & set(b.places):
        return False
    if not _same_day(a, b):
        return False
    return _one_off_roster(a, b, _alike_nouns(a, b))


def _spelt_alike(x: str, y: str) -> bool:
    # (rapidfuzz's ratio, as `nouns_agree`; the first letters kept, so "Austria" is no
    # "Australia")
    return x == y or (
        x[:3] == y[:3] and min(len(x), len(y)) >= 6 and fuzz.ratio(x, y) >= NOUN_SPELLING
    )


def _same_day(a: Features, b: Features) -> bool:
    """One day of the occasion: published the same day (neither dating it to another day),
    both dating it alike, or one dating it to the day the other, giving none, was published."""
    return (
        _published_same_day(a, b)
        or _same_dated_day(a, b)
        or _dated_day_is_published_day(a, b)
        or _dated_day_is_published_day(b, a)
    )


def _published_same_day(a: Features, b: Features) -> bool:
    """Published the same day, neither dating the occasion to another day."""
    return a.day == b.day and all(occasion_day(x) in (None, x.day) for x in (a, b))


def _shared_up_front(a: Features, b: Features) -> bool:
    """Each report's title or lead names someone of the people the two have in common (or
    both name one person up front, one of them by the family name alone: "Merz bietet Trump
    enge Zusammenarbeit an" and "Trump meets Germany's Chancellor Friedrich Merz")."""
    common = a.all_keys & b.all_keys
    fa, fb = _up_front(a), _up_front(b)
    if common & fa and common & fb:
        return True
    return any(same_person(x, y) for x in fa - common for y in fb - common)


def _up_front(f: Features) -> frozenset[str]:
    """Whom a report names up front: its title and lead; when they name nobody (a page whose
    lead is site chrome, "Official website of the President of Russia"), whom it says presided."""
    return frozenset(f.head) or frozenset(p.key for p in f.people if p.role == "presided")


def _other_days(a: Features, b: Features, window: int) -> bool:
    """Both leads date the occasion, and further apart than the window: two occasions (a
    symposium held on 31 August and reported in October is not the congress of that week)."""
    da, db = occasion_day(a), occasion_day(b)
    return bool(da and db and abs((da - db).days) > window)


def _shared(a: Features, b: Features) -> int:
    """People both reports name; a surname alone ("Modi") matches the full name
    ("Narendra Modi") of the other report when nothing else does."""
    ka, kb = a.all_keys, b.all_keys
    common = ka & kb
    rest_b = kb - common
    short = 0
    full = {p.key: p.canonical for p in (*a.people, *b.people)}
    for key in ka - common:
        x = full.get(key, "")
        for other in rest_b:
            y = full.get(other, "")
            if (x and y and _one_name(x.split(), y.split())) or (
                min(len(key), len(other)) >= LOOSE_LETTERS and _loose(key) == _loose(other)
            ):
                short += 1
                rest_b = rest_b - {other}
                break
    tied = _cantonese_ties(a, b, common)
    return len(common) + short + tied + _named_in_text(a, b, common) + _named_in_text(b, a, common)


def _cantonese_ties(a: Features, b: Features, common: frozenset[str]) -> int:
    """People one report puts in a role under a Hong Kong or Macao name in Cantonese spelling
    and the other in characters ("Leung Chun-ying" / 梁振英: `cantonese.same_name`): their keys
    (the spelling, pinyin) differ. Round 11."""
    if not a.people or not b.people or (a.language == "zh") == (b.language == "zh"):
        return 0
    ties: set[str] = set()
    for x, y in ((a, b), (b, a)):
        latin = {
            p.key: p.name
            for p in x.people
            if p.key not in common and not has_han(p.name) and cantonese.latin_syllables(p.name)
        }
        if not latin:
            continue
        han = {p.name for p in y.people if p.key not in common and has_han(p.name)}
        ties.update(k for k, n in latin.items() if any(cantonese.same_name(n, h) for h in han))
    return len(ties)


def _one_name(x: list[str], y: list[str]) -> bool:
    """Two written names of one person: the same last name and one of them that name alone
    ("Modi" / "Narendra Modi"), or the same first and last names with middle names left out
    ("Nana Akufo-Addo" / "Nana Addo Dankwa Akufo-Addo")."""
    if x[-1] != y[-1]:
        return False
    return len(x) == 1 or len(y) == 1 or (x[0] == y[0] and len(x) != len(y))


def _named_in_text(a: Features, b: Features, common: frozenset[str]) -> int:
    """People `a` puts in a role whom `b` names only in passing, under a name the roster does
    not know (so no key of `b` holds them): their written name found in `b`'s text. A name of
    three Han characters or two words at least, so a surname alone never counts."""
    found = 0
    haystack = f" {b.start} "
    for p in a.people:
        if p.key in common or p.key in b.all_keys:
            continue
        written = _folded_name(p.name)
        if not written or "#" in written:
            continue
        if has_han(written):
            hit = len(written.replace(" ", "")) >= 3 and written.replace(" ", "") in b.start
        else:
            hit = len(written.split()) >= 2 and f" {written} " in haystack
            # a Hong Kong name in Cantonese spelling, written in characters by `b` (round 11)
            hit = hit or (b.language == "zh" and cantonese.in_han_text(p.name, b.start))
        found += hit
    return found


@lru_cache(maxsize=50_000)
def _folded_name(name: str) -> str:
    """A written name folded as the texts are (once per name: scoring meets it again and again)."""
    return fold_for_match(name)


def _by_score(m: Match) -> float:
    return m.score


def _words(f: Features) -> frozenset[str]:
    return _distinctive(f.title, f.lead)


@lru_cache(maxsize=65536)
def _distinctive(title: str, lead: str) -> frozenset[str]:
    return frozenset(
        w for w in f"{title} {lead}".split() if len(w) >= 4 and w not in _STOP and _wordlike(w)
    )


def _text_similarity(a: Features, b: Features) -> float:
    """How alike the wording of two reports in one script is (0..1): titles, leads, and each
    one's title against the other's lead (a page whose title is site chrome often repeats the
    headline as its first line, and a rewrite's headline is often another's first sentence)."""
    if a.language == "zh":
        # no spaces between Chinese words: a title (8+ characters) found in the other's title
        # and lead, both ways
        best = 0.0
        for x, y in ((a, b), (b, a)):
            if len(x.title.replace(" ", "")) >= 8 and (y.title or y.lead):
                best = max(best, fuzz.partial_ratio(x.title, y.title + " " + y.lead[:200]) / 100)
        return best
    title = fuzz.token_sort_ratio(a.title, b.title) / 100 if a.title and b.title else 0.0
    wa, wb = _words(a), _words(b)
    common = len(wa & wb)
    if common >= 5:
        # the distinctive words of title and lead: other wording, same occasion
        title = max(title, common / min(len(wa), len(wb)))
    lead = fuzz.ratio(a.lead[:300], b.lead[:300]) / 100 if a.lead and b.lead else 0.0
    crossed = max(_headline_in_lead(a, b), _headline_in_lead(b, a))
    return max(title, lead, crossed)


def _headline_in_lead(a: Features, b: Features) -> float:
    """`a`'s title (a sentence: 6 words and 40 characters at least) against the start of `b`'s
    lead, as long as the title: the same headline, whether a page gives it as its title or as
    its first line."""
    if len(a.title) < 40 or len(a.title.split()) < 6 or not b.lead:
        return 0.0
    return fuzz.ratio(a.title, b.lead[: len(a.title) + 10]) / 100


def _chairs(f: Features) -> frozenset[str]:
    """Who presided, among the people the title and lead name when they name any (a chair read
    deep in the text, from a list of delegation members, is no evidence of another occasion)."""
    chairs = frozenset(p.key for p in f.people if p.role == "presided")
    return chairs & frozenset(f.head) if f.head else chairs


def _chairs_conflict(a: Features, b: Features) -> bool:
    ca, cb = _chairs(a), _chairs(b)
    if not ca or not cb or ca & cb:
        return False
    names = {p.key: p.canonical.split() for p in (*a.people, *b.people)}
    return not any(_one_name(names[x], names[y]) for x in ca for y in cb)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a new report goes: the event it joins (None: it founds one), how well it matched,
    and the other events it matches as well (at least `merge`, days within the window of the
    joined event's): one occasion that reached the store as two events, merged into `event`."""

    event: str | None
    match: Match
    absorbed: tuple[str, ...] = ()


@dataclass(slots=True)
class _Tally:
    """What a new report makes of one event's members among its candidates: the best match,
    how many members it matches (`linked`), how many in its script it does not (`unlinked`),
    and how many say another occasion (`contra`)."""

    day: date
    best: Match = NO_MATCH
    linked: int = 0
    unlinked: int = 0
    contra: int = 0
    strong: int = 0  # members matched at `join` by a rule that is no weak tie, or as copies
    weak: int = 0  # members matched at `join` by a weak tie only (`_WEAK_TIES`)
    own_day: int = 0  # members matched whose occasion is of the day an undated report was filed

    def coherent(self, opts: GroupingOptions) -> bool:
        """The report agrees with the event as a whole, not with one member: it contradicts
        fewer members than it matches (one report of the tea at Zhongnanhai that names no place
        links the talks and the tea otherwise), and it matches at least `cohesion` of the
        members it is compared with (one report linking to one member, the event growing, the
        next report linking to another member would chain distinct occasions into one). A
        copy of a member always joins. (Matching no member, it joins nothing anyway: its
        best match is still told.)"""
        if self.best.reason == "copy" or not (self.linked or self.contra):
            return True
        compared = self.linked + self.unlinked + self.contra
        return self.contra < self.linked and self.linked >= opts.cohesion * compared


def place(
    new: Features,
    candidates: Iterable[tuple[str, date, Features]],
    opts: GroupingOptions = GroupingOptions(),
    sizes: Mapping[str, int] | None = None,
) -> Placement:
    """Candidates are (event id, the event's day, a member's features). The best match at least
    `join` wins, among events whose day is within the window and that the report agrees with
    as a whole (`_Tally.coherent`); every other event the report matches at least `merge` is
    absorbed into it (a report that links two events shows they describe one occasion: an
    English digest and a Chinese list that share one name only, joined by a full English
    report naming all)."""
    tallies: dict[str, _Tally] = {}
    seen: dict[str, list[Features]] = {}
    undated = occasion_day(new) is None and bool(set(new.kinds) & _TWO_SIDED)
    for event_id, event_day, features in candidates:
        if not within_window(new, event_day, event_day, opts.window_days):
            continue
        tally = tallies.setdefault(event_id, _Tally(event_day))
        seen.setdefault(event_id, []).append(features)
        match = score(new, features, opts)
        if match.reason != "copy" and other_occasion(new, features, opts):
            # a member that says another occasion (another day, place, named occasion, kind
            # or sides)
            tally.contra += 1
            continue
        if match.score >= opts.join:
            tally.linked += 1
            tally.strong += match.reason not in _WEAK_TIES and not _by_people(match)
            tally.weak += match.reason in _WEAK_TIES
            tally.own_day += undated and when(features) == new.day
        elif _script(new) == _script(features):
            # a member in the report's script that it does not match (across scripts fewer
            # rules can match: no wording, only the roster's names)
            tally.unlinked += 1
        if match.score > tally.best.score:
            tally.best = match
    by_event = {e: t for e, t in tallies.items() if t.best.score and t.coherent(opts)}
    if not by_event:
        return Placement(None, NO_MATCH)
    # a tie goes to the event of the day an undated report was filed (rather than the day
    # before, which `undated_days` also allows: the Xi-Putin talks of 21 March 2023 and their
    # informal meeting of the 20th, both "talks" of the same two sides), then to the event more
    # of whose members the report matches
    ranked = sorted(
        by_event.items(),
        key=lambda item: (
            item[1].best.score,
            item[1].own_day > 0,
            item[1].linked - item[1].contra,
            item[0],
        ),
        reverse=True,
    )
    event_id, top = ranked[0]
    if top.best.score < opts.join:
        return Placement(None, top.best)
    return Placement(
        event_id, top.best, _absorbed(event_id, top, ranked[1:], seen, opts, sizes or {})
    )


def _absorbed(
    event_id: str,
    top: _Tally,
    others: Sequence[tuple[str, _Tally]],
    seen: Mapping[str, Sequence[Features]],
    opts: GroupingOptions,
    sizes: Mapping[str, int],
) -> tuple[str, ...]:
    """The events the report joining `event_id` merges into it: each it matches at least
    `merge` (off by default), or at least `join` with every pair of the two events' candidate
    members matching and none contradicting (`strict_merge`, on by default), days within the
    window. Bounded work per report: two events of one occasion are what arrival order makes;
    more would be a store filled while grouping was off (the next linking report merges the
    next)."""
    absorbed: list[str] = []
    for other, t in others:
        if len(absorbed) >= MAX_ABSORBED:
            break
        if abs((t.day - top.day).days) > opts.window_days:
            continue
        if (opts.merge < 1.0 and t.best.score >= opts.merge) or (
            opts.strict_merge
            and t.best.score >= opts.join
            # the report saw every member of the other event (`sizes`, when the store gives
            # them): members sharing no index key with it are unseen, and one member it matches
            # is no witness of the whole (round 18, ev18b: the ECB's rise told with "as Fed
            # hits pause", the one report of the Fed's event an ECB report finds)
            and len(seen[other]) >= sizes.get(other, 0)
            and not (top.contra or t.contra or t.unlinked)
            and _all_pairs_match(
                seen[event_id],
                seen[other],
                opts,
                not top.unlinked,
                _links_all(top, t, len(seen[event_id]), len(seen[other])),
                # (the event joined seen whole too: its one member is all it holds)
                vouched=sizes.get(event_id, 0) <= 1
                and _vouched(top, t, len(seen[event_id]), len(seen[other])),
            )
        ):
            absorbed.append(other)
    return tuple(absorbed)


def _by_people(match: Match) -> bool:
    return match.reason.endswith("people in common")


def _links_all(top: _Tally, other: _Tally, ours: int, theirs: int) -> bool:
    """The report linking two events matches every member of both it is compared with, each
    at `join` by a rule that reads the occasion (no weak tie, no count of people in common:
    the same three leaders are at the talks and at the summit's close), or as a copy: a
    witness of every member at once. Round 14 (ev14b): India Today's report of the Kamchatka
    earthquake matches the Serbian report (the count) and the English, Russian and Japanese
    ones (the named occasion), two events that nothing else had tied."""
    return all(
        t.strong == t.linked == n and not (t.unlinked or t.contra)
        for t, n in ((top, ours), (other, theirs))
    )


def _vouched(top: _Tally, other: _Tally, ours: int, theirs: int) -> bool:
    """The linking report vouches for two events of one report each (round 24, ev24d): it
    matches the one member of the event it joins and the one member of the other, each at
    `join` by a rule that is no weak tie (people in common, a named occasion, a count, a place,
    proper nouns ...), nothing against it. Two reports that share nothing to read (a German and
    an Arabic report of the Day of German Unity in Hanover, Reuters' and India Today's reports
    of the Nobel ceremony in Oslo) are then one occasion when the pair says no other one and
    is of one day (`_all_pairs_match`): the triangle closed by its third side."""
    return (
        ours == theirs == 1
        and top.linked == other.linked == 1
        and not (top.weak or other.weak or top.unlinked or other.unlinked)
    )


def _all_pairs_match(
    ours: Sequence[Features],
    theirs: Sequence[Features],
    opts: GroupingOptions,
    seconded: bool = False,
    linked_all: bool = False,
    vouched: bool = False,
) -> bool:
    """Every member of one event (among the candidates) matches every member of the other at
    least `join`, and none says another occasion: the two events are one occasion that arrived
    as two (the report linking them names what each side named; round 12). Pairs that cannot
    match by wording alone (across scripts) must match all the same: a strict test, since
    merging is not undone. `seconded`: the linking report matches every member of both events
    it is compared with; a pair falling short is then taken as matching when each member of
    `theirs` is matched already by one of `ours` (round 13, below). `linked_all`: the linking
    report matches every member of both by a rule reading the occasion (`_links_all`); a pair
    falling short in two languages is then taken as matching (round 14). `vouched`: the
    linking report joins an event of one report and links another of one report, by no weak
    tie (`_vouched`); the one pair across, short of `join` and saying no other occasion, is
    then taken as matching when it is of one day (`_same_day`; round 24, ev24d)."""
    if len(ours) * len(theirs) > STRICT_PAIRS:
        return False
    short = False  # a pair under `join`, nothing against it
    short_apart = False  # such a pair not of one day
    witnessed: set[int] = set()  # members of the other event one of ours matches (not weakly)
    for a in ours:
        for i, b in enumerate(theirs):
            if other_occasion(a, b, opts):
                return False
            match = score(a, b, opts)
            if match.reason == "copy" or (
                match.score >= opts.join and match.reason not in _WEAK_TIES
            ):
                witnessed.add(i)
            elif match.score < opts.join and not _short_of_a_tie(match, opts):
                short = True
                short_apart = short_apart or not _same_day(a, b)
                # (one language: its wording rules had their chance; the linking report
                # witnesses only pairs in two languages, that share no word to be read)
                linked_all = linked_all and a.language != b.language
    # A pair falling short, nothing against it, is taken as matching when the linking report
    # matches every member of both events (`seconded`) and each member of the other event is
    # matched by a member of this one already, not by a weak tie: the linking report is then
    # the second witness of each (round 13, ev13c: the German report of the Nobel Peace Prize
    # 2023 and the English ones, two reports of one event each naming what the other lacks)
    # and (round 24, ev24d) when the linking report vouches for two events of one report each
    # (`_vouched`), the pair saying no other occasion and of one day
    return (
        not short
        or linked_all
        or (seconded and len(witnessed) == len(theirs))
        or (vouched and not short_apart)
    )


# the weak ties of `score`: one person and a kind, a person and some wording on one day (each
# joins a report to an event, never vouches for a merge)
_WEAK_TIES = frozenset({"one person, one occasion", "a person and the wording, one day"})


def _short_of_a_tie(match: Match, opts: GroupingOptions) -> bool:
    """Two members the same people in common and nothing against them, held just short of
    `join` for want of a second tie (two roster people, no kind or place agreeing: the capped
    score of `score`): the report linking their events is that tie (a German report of the
    Scholz-Modi talks naming no kind, the English ones naming the talks; round 12)."""
    return match.reason.endswith("people in common") and match.score >= opts.join * SHORT_OF_A_TIE


def choose(
    new: Features,
    candidates: Iterable[tuple[str, date, Features]],
    opts: GroupingOptions = GroupingOptions(),
) -> tuple[str | None, Match]:
    """The event `new` joins (see `place`), without the events it would absorb."""
    placed = place(new, candidates, opts)
    return placed.event, placed.match


def event_id_for(founder: str) -> str:
    """An event's id, derived from its first report so that a retry makes the same id."""
    return hashlib.sha256(f"event\x1f{founder}".encode()).hexdigest()[:20]


# -- discrepancies -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """A report of an event, as the discrepancy check sees it: its URL and its features."""

    url: str
    features: Features


@dataclass(frozen=True, slots=True)
class Discrepancy:
    kind: str  # missing | role | date | number | order
    summary: str
    reports: tuple[str, ...]
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def consensus(self) -> bool:
        """False for a difference between two reports only: no majority says which is right,
        so it is shown with the event but never alerted."""
        return bool(self.detail.get("consensus", True))

    @property
    def key(self) -> str:
        """Stable identity of the finding: the same disagreement found again is not new."""
        stable = {k: v for k, v in self.detail.items() if k not in _VOLATILE}
        material = "\x1f".join([self.kind, *self.reports, *sorted(map(str, stable.items()))])
        return hashlib.sha256(material.encode()).hexdigest()[:24]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "summary": self.summary,
            "reports": list(self.reports),
            "detail": self.detail,
        }


_LIST_ROLES = ("attended", "presided")
# Parts of a finding that change as reports join (how many agree): not part of its identity,
# so a finding confirmed by one more report is not new.
_VOLATILE = frozenset({"named_by", "usual", "names"})


def discrepancies(members: Sequence[Member]) -> list[Discrepancy]:
    """Where a report disagrees with the others of its event (the consensus: what more than
    half of the other reports that say anything about it say, and at least two of them, agreeing
    with each other). Where only two reports speak to it, no consensus exists: the difference is
    a finding with detail `consensus: false` (shown, never alerted). Fewer than two reports:
    nothing."""
    if len(members) < 2:
        return []
    found: list[Discrepancy] = []
    found += _missing(members)
    found += _roles(members)
    found += _dates(members)
    found += _numbers_differ(members)
    found += _order(members)
    return found


def _names_of(members: Sequence[Member]) -> dict[str, str]:
    names: dict[str, str] = {}
    for m in members:
        for p in m.features.people:
            names.setdefault(p.key, p.canonical)
    return names


def _persons(m: Member) -> tuple[Person, ...]:
    return tuple(
        Person(p.name, p.canonical, p.role, "body", p.position)  # type: ignore[arg-type]
        for p in m.features.people
    )


def _really_left_out(m: Member, other: Member, key: str) -> bool:
    """True when the list comparison of the two reports (which pairs up names cut, merged,
    shortened or spelled otherwise: "Cai Qiding, Xue Xiang" / "Cai Qi, Ding Xuexiang",
    "Modi" / "Narendra Modi") still finds `key`'s person only in `other`."""
    written = {p.name for p in other.features.people if p.key == key}
    return bool(written & set(_lists_compared(_persons(other), _persons(m)).removed))


@lru_cache(maxsize=4096)
def _lists_compared(before: tuple[Person, ...], after: tuple[Person, ...]) -> AttendeeDiff:
    """Two members' lists compared once: each report joining an event checks its members
    again, the same pairs each time (most of what the check cost, bench/README.md round 14)."""
    return compare_people(before, after, across=True)


def _missing(members: Sequence[Member]) -> list[Discrepancy]:
    """People named in a role by most of the other reports that list that role, left out by
    one whose own list of that role names at least two people and shares someone with theirs
    (a report that names only the chair says nothing about who attended), and whose text does
    not name them anywhere (then it is a role the text gives in a way not read, not an absence);
    across scripts, only people the roster knows (`_checkable_in`).
    """
    names = _names_of(members)
    out: list[Discrepancy] = []
    for role in _LIST_ROLES:
        lists = {m.url: {p.key for p in m.features.people if p.role == role} for m in members}
        listing = [m for m in members if len(lists[m.url]) >= 2]
        for m in listing:
            if len(_in_roles(m)) < 3:
                # two people in roles: the two sides of talks or a call, or an excerpt naming
                # only the principals, no list of who else was there (round 18)
                continue
            others = [o for o in listing if o is not m and _same_kind(m, o)]
            counts = Counter(k for o in others for k in lists[o.url])
            if not others or not lists[m.url] & set(counts):
                continue
            for key, count in sorted(counts.items()):
                if count * 2 <= len(others) or _names_person(m.features, key):
                    continue
                if _written_in(m, _spellings(members, key)):
                    continue
                if not _checkable_in(m, key, others):
                    continue
                # a consensus is two other reports at least, naming the person alike; one
                # other report against this one is only a difference
                consensus = count >= 2
                if len(others) > 1 and not consensus:
                    continue
                witness = next(o for o in others if key in lists[o.url])
                if not _really_left_out(m, witness, key):
                    continue
                detail: dict[str, Any] = {
                    "person": names[key],
                    "role": role,
                    "named_by": count,
                    "names": _spellings(members, key),
                }
                if consensus:
                    summary = (
                        f"{names[key]} ({role}) is missing from {m.url}; "
                        f"{count} of {len(others)} other reports name them"
                    )
                else:
                    summary = (
                        f"{names[key]} ({role}) is named by {witness.url}, not by {m.url} "
                        "(a difference: no other report to say which is right)"
                    )
                    detail["consensus"] = False
                out.append(Discrepancy("missing", summary, (m.url,), detail))
    return out


def _in_roles(m: Member) -> frozenset[str]:
    """Everyone the report puts in a role of a list (attended, presided)."""
    return frozenset(p.key for p in m.features.people if p.role in _LIST_ROLES)


def _same_kind(a: Member, b: Member) -> bool:
    """The two reports do not say different kinds of occasion: a report of the welcome
    ceremony and one of the talks of the same visit (one event) list different people, and
    neither leaves out the other's (round 18: Xinhua's Invalides ceremony and AFP's talks with
    von der Leyen, 6 May 2024)."""
    ka, kb = set(a.features.kinds), set(b.features.kinds)
    return not ka or not kb or bool(ka & kb)


def _written_in(m: Member, spellings: Sequence[str]) -> bool:
    """The report writes one of the person's names (as another report writes it: two words or
    three Han characters at least) in its text, though it was not read in a role: upday names
    "Nahost-Gesandten Steve Witkoff" among the delegations (round 18)."""
    haystack = f" {m.features.start} "
    for name in spellings:
        written = _folded_name(name)
        if not written or "#" in written:
            continue
        if has_han(written):
            if len(written.replace(" ", "")) >= 3 and written.replace(" ", "") in m.features.start:
                return True
        elif len(written.split()) >= 2 and f" {written} " in haystack:
            return True
    return False


def _names_person(f: Features, key: str) -> bool:
    """The report names the person, under this key or another of theirs: "President-elect
    Donald Trump" (a title read into the name) and "Donald Trump" are one person."""
    return key in f.all_keys or any(same_person(key, k) for k in f.all_keys)


def _checkable_in(m: Member, key: str, others: Sequence[Member]) -> bool:
    """Whether `m` could be seen to leave the person out: a report in the other script names
    only the roster's people by a key the others share ("Olaf Scholz" and "朔尔茨" are two keys
    when the roster does not know him), so a person it does not know is checked only against
    reports in the same script."""
    if any(key in o.features.mentioned for o in others):
        return True
    script = _script(m.features)
    return any(_script(o.features) == script and key in o.features.all_keys for o in others)


def _spellings(members: Sequence[Member], key: str) -> list[str]:
    """How the reports write one person ("Zhao Leji", "赵乐际"): channels filter on any."""
    return sorted({p.name for m in members for p in m.features.people if p.key == key})


def _roles(members: Sequence[Member]) -> list[Discrepancy]:
    """Someone in the chair according to one report and only attending according to most
    others (or the reverse), among reports that put three people or more in roles (a meeting
    with a chair, not the two sides of talks). Two reports that disagree: one finding naming
    both. A report giving both roles, one of them the others', does not disagree: its other
    role is read from another occasion it recalls (a photo caption's "习近平主持会议")."""
    names = _names_of(members)
    out: list[Discrepancy] = []
    said: dict[str, list[tuple[Member, frozenset[str]]]] = {}
    for m in members:
        mine: dict[str, set[str]] = {}
        for p in m.features.people:
            if p.role in _LIST_ROLES:
                mine.setdefault(p.key, set()).add(p.role)
        if len(mine) < 3:
            # two people in roles: the two sides of talks or a call, where "presided" is the
            # host receiving a guest ("hosted", "received"), a reading, not a chair
            continue
        for key, held in mine.items():
            said.setdefault(key, []).append((m, frozenset(held)))
    for key, views in sorted(said.items()):
        if len(views) < 2 or len({r for _, r in views}) < 2:
            continue
        counts = Counter(r for _, r in views)
        usual, count = counts.most_common(1)[0]
        if count * 2 > len(views) and count >= 2:
            for m, roles in views:
                if not (roles <= usual or usual <= roles):
                    out.append(
                        Discrepancy(
                            "role",
                            f"{names[key]}: {'/'.join(sorted(roles))} according to {m.url}, "
                            f"{'/'.join(sorted(usual))} according to {count} other reports",
                            (m.url,),
                            {
                                "person": names[key],
                                "roles": sorted(roles),
                                "usual": sorted(usual),
                                "names": _spellings(members, key),
                            },
                        )
                    )
        elif len(views) == 2 and not (views[0][1] <= views[1][1] or views[1][1] <= views[0][1]):
            (a, ra), (b, rb) = views
            out.append(
                Discrepancy(
                    "role",
                    f"{names[key]}: {'/'.join(sorted(ra))} according to {a.url}, "
                    f"{'/'.join(sorted(rb))} according to {b.url} (a difference: no other "
                    "report to say which is right)",
                    (a.url, b.url),
                    {"person": names[key], "roles": [sorted(ra), sorted(rb)], "consensus": False},
                )
            )
    return out


def _dates(members: Sequence[Member]) -> list[Discrepancy]:
    """A report dating the occasion otherwise than most (three reports giving a date at
    least). A day apart is only a difference (shown, never alerted): time zones (the Fed's
    Wednesday is Thursday in Manila and Beijing), a meeting of two days dated by its first, a
    "today" counted from the day filed rather than the dateline's: every one of the seven
    alertable date findings of dev was one of these (round 18)."""
    said = [(m, m.features.occasion) for m in members if m.features.occasion]
    if len(said) < 3:
        return []
    counts = Counter(d for _, d in said)
    usual, count = counts.most_common(1)[0]
    if count * 2 <= len(said):
        return []
    out: list[Discrepancy] = []
    for m, d in said:
        if d == usual:
            continue
        summary = f"{m.url} dates the occasion {d}; {count} other reports say {usual}"
        detail: dict[str, Any] = {"date": d, "usual": usual}
        if _days_apart(d, usual, m.features.day.year) <= 1:
            summary += " (a difference: a day apart, as time zones or a meeting of two days make)"
            detail["consensus"] = False
        out.append(Discrepancy("date", summary, (m.url,), detail))
    return out


def _days_apart(a: str, b: str, year: int) -> int:
    """Days between two "MM-DD" dates of one occasion (around the new year: the nearer way)."""
    try:
        x = date(year, *map(int, a.split("-")))
        y = date(year, *map(int, b.split("-")))
    except ValueError:
        return 366
    gap = abs((x - y).days)
    return min(gap, 365 - gap) if gap > 300 else gap


# Words after a number that say no counted thing (round 18): function words, months of other
# languages (a date), magnitudes ("1.5 million" of what?) and the measure words of Chinese that
# count anything (个: "两个半小时" and "一个议题").
_NO_THING = frozenset(
    "the a an of from to and or but with for by on in at as was were has have had is are be "
    "this that these those than then its his her their our about some over under after before "
    "che con del della dei alle alla sulla sono gli per tra fra nel una uno "
    "de del la las los el en con para tras por sobre despu entre desde "
    "der die das den dem des und mit von auf aus bei nach gegen sich sind ist war "
    "le les des du au aux sur dans pour avec par sans "
    "do da dos das em para com por sobre "
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre enero febrero abril mayo junio julio septiembre octubre noviembre diciembre "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre "
    "décembre decembre januar februar märz maerz juni juli oktober dezember janeiro fevereiro "
    "março marco maio junho julho setembro outubro novembro dezembro ene dic "
    "million millions billion billions trillion thousand thousands hundred millionen milliarden "
    "millones milioni miliardi millions milliards milhões milhoes bilhões crore lakh "
    "个 项 件 条 万 亿".split()
)


def _numbers_differ(members: Sequence[Member]) -> list[Discrepancy]:
    """A count given by most reports (the same word after it, in one language) and another
    count for the same thing in one report. Round 18, on the dev findings read by hand: a
    report giving several numbers before one word counts several things (149 votes from
    lawmakers, 145 for the runner-up; a 7.7 earthquake and a 6.4 aftershock), so its numbers
    are compared in order, as a whole, with reports giving as many; a count the others give too
    (under another word), or a report giving the usual count under another word, is two things
    counted, not one told two ways (325 votes in the second round, 310 in the first); years and
    the words of `_NO_THING` count nothing; and "2.300" against "300" is a count read whole
    and one cut at its thousands space ("2 300 invités")."""
    out: list[Discrepancy] = []
    given: dict[tuple[str, str], list[tuple[Member, tuple[str, ...]]]] = {}
    for m in members:
        by_word: dict[str, list[str]] = {}
        for word, value in m.features.numbers:
            if word in _NO_THING or _a_year(value):
                continue
            by_word.setdefault(word, []).append(_whole(value, m.features.language))
        for word, written in by_word.items():
            given.setdefault((m.features.language, word), []).append((m, tuple(written)))
    told = {m.url: {_whole(v, m.features.language) for _, v in m.features.numbers} for m in members}
    for key, seen in given.items():
        counts = Counter(values for _, values in seen)
        if len(counts) < 2:
            continue
        usual, count = counts.most_common(1)[0]
        if count < 2 or count * 2 <= len(seen):
            continue
        others = [m for m, values in seen if values == usual]
        for m, values in seen:
            if values == usual or len(values) != len(usual):
                continue
            if any(_thousands_cut(a, b) for a, b in zip(values, usual, strict=True)):
                continue
            if set(usual) & told[m.url] - set(values) or any(
                sum(v in told[o.url] for o in others) * 2 > len(others) for v in values
            ):
                continue
            value, usual_s = ", ".join(values), ", ".join(usual)
            out.append(
                Discrepancy(
                    "number",
                    f"{m.url} gives {value} {key[1]}; {count} other reports give {usual_s}",
                    (m.url,),
                    {"word": key[1], "number": value, "usual": usual_s},
                )
            )
    return out


def _a_year(value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2100


def _whole(value: str, language: str) -> str:
    """A count as one number: "2.300" is 2300 where a dot groups thousands (not in English or
    Chinese, where it is a decimal point)."""
    if language not in ("en", "zh") and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", value):
        return value.replace(".", "")
    return value


def _thousands_cut(a: str, b: str) -> bool:
    """One count read whole and cut at its thousands space by the other reading: 2300 and
    300."""
    if not (a.isdigit() and b.isdigit()) or a == b:
        return False
    big, small = (a, b) if len(a) > len(b) else (b, a)
    return len(small) == 3 and big.endswith(small)


ORDER_SHARED = 4  # attendees two reports must share for their order to be compared


def _order(members: Sequence[Member]) -> list[Discrepancy]:
    """The attendees in another order than most reports give them (the order of precedence
    is itself news), among reports sharing four of them at least: three are the two sides of
    talks and one more named in passing, in the order the prose happens to name them (round
    18: EIR's "Following his meeting with Xi Jinping, Scholz held talks with Li Keqiang")."""
    names = _names_of(members)
    lists = []
    for m in members:
        seq = [p.key for p in m.features.people if p.role == "attended"]
        lists.append((m, list(dict.fromkeys(seq))))
    out: list[Discrepancy] = []
    for m, seq in lists:
        if len(seq) < ORDER_SHARED:
            continue
        agree = 0
        disagreeing: list[list[str]] = []
        for other, oseq in lists:
            if other is m:
                continue
            common = [k for k in seq if k in oseq]
            if len(common) < ORDER_SHARED:
                continue
            if [k for k in oseq if k in common] == common:
                agree += 1
            else:
                disagreeing.append(oseq)
        if agree or not disagreeing:
            continue
        if _two_agree(seq, disagreeing):
            summary = (
                f"{m.url} lists the attendees in another order than "
                f"{len(disagreeing)} other reports"
            )
            detail: dict[str, Any] = {"order": [names[k] for k in seq]}
        elif len(members) == 2:
            summary = (
                f"{m.url} lists the attendees in another order than the other report "
                "(a difference: no other report to say which is right)"
            )
            detail = {"order": [names[k] for k in seq], "consensus": False}
        else:
            continue
        out.append(Discrepancy("order", summary, (m.url,), detail))
    return out


def _two_agree(seq: list[str], others: list[list[str]]) -> bool:
    """Two of `others` give the same order to at least `ORDER_SHARED` people of `seq` (a consensus
    against `seq`, not merely two other orders)."""
    for i, a in enumerate(others):
        for b in others[i + 1 :]:
            common = [k for k in seq if k in a and k in b]
            if len(common) >= ORDER_SHARED and [k for k in a if k in common] == [
                k for k in b if k in common
            ]:
                return True
    return False
