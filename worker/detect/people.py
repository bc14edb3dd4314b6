"""Who a report names as attending, presiding, speaking or present, and how two lists differ.

Input: a report's plain text (English, German or Chinese, simplified or traditional) and
an optional `Roster`. Output: `Person` values in text order (`extract_people`); the lists are
compared in `attendees`. This module cuts the text into lead, body and sentences; each
sentence goes to `people_latin` or `people_zh`, which find the name lists and the cue that
gives them their role (the cues themselves are in `role_cues` and `role_cues_zh`). people_zh
is imported with the first text that needs it (Han characters, or a Chinese or Japanese
text): its patterns and cues are ~40 ms of CPU to compile, paid by every process that reads
people otherwise, a `fetch` of a few English articles included.

Lead and body: the text is cut into paragraphs (non-empty lines). If a dateline paragraph
("Beijing, 12 Dec (Xinhua) --", "新华社北京12月12日电", "（新闻联播）") comes after some
headline lines, those lines are the lead and the dateline paragraph starts the body; if
the dateline opens the text, or there is none, the first paragraph is the lead. A text
of one paragraph is all body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from worker.detect import people_model
from worker.detect.lang import detect_language
from worker.detect.lowered_names import lowered_names_read
from worker.detect.model import Person, Role, Segment
from worker.detect.people_de import (
    continued_roles,
    continues_list,
    future,
    guests_before,
    handed_honour,
    invited_members,
    negated,
    not_yet,
    photo_caption,
    preview,
    pronoun_role,
    speaker_label,
    unwrapped,
)
from worker.detect.people_headed import HEAD_IN, LIST_HEAD, headed_roles, join_lists, zh_copula
from worker.detect.people_latin import Context as LatinContext
from worker.detect.people_latin import (
    anaphor_noun,
    anaphoric_names,
    as_he_roles,
    continued_names,
    group_object_roles,
    group_roles_without_names,
    headed,
    latin_lists,
    list_anaphor,
    lower_given_names,
    names_a_group,
    names_in,
    pair_roles,
    pronoun_roles,
    sentence_lists,
    split_glued,
    trailing_group_roles,
)
from worker.detect.people_occasion import occasion_paragraphs, occasion_people
from worker.detect.places import ENTRIES
from worker.detect.role_cues import LATIN_STEMS, literal_trie
from worker.detect.roster import Roster, has_han, pinyin_name, to_simplified
from worker.detect.watch import reader_on, use_reader

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["extract_people", "use_reader"]

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .'-]{1,40},\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"[^\n]{0,40}?(?:--|—|–)|.{0,60}\((?:Xinhua|Reuters|AP|AFP|TASS|Sputnik|dpa|KCNA)\)"
    r"|[^\n]{0,12}(?:新华社|新華社|中新社|中央社)[^\n]{0,20}?电|[^\n]{0,12}[电電]\s*[（(]"
    r"|[^\n]{0,8}(?:（新闻联播）|（新聞聯播）|央视网消息|央視網消息|本报讯|本報訊))"
)
# A period that does not end a sentence: initials, titles, and the ordinals and dates of
# German ("am 35. Jahrestag", "am 21.9. den") and abbreviated months ("Dec. 12").
# The literal abbreviations, as a trie (`literal_trie`: one branch per first letter at each
# place of the window instead of every word; the same matches, as `\.$` must follow).
_ABBREV_WORDS = (
    "Mrs Ms Gen Col No Frhr v d"
    # a title before a name in the plural, and the French ones ("joined Sens. Joe Manchin, ...
    # and Lisa Murkowski", agency_en-r16v04; "his wife Mme. Peng Liyuan", xinhua_en-t11e21;
    # round 24, en24c)
    " Sens Reps Gens Govs Cols Capts Profs Ambs Hons Majs Revs Adms Brigs Mme Mmes Mlle Messrs"
    # a Russian initial of two letters (`_Y_INITIAL` tells where it is one)
    " Ya Ye Yo Yu"
    " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov"
    " Dec ca bzw vgl z.B u.a Dr.med Inc Ltd Corp Co Prof St"
    " Gov Sen Rep Amb Hon Rev Mt Ft Stv stellv Bayer Abg Min"
    # a delegate to the US Congress: "Rep. Carol Miller, Rep. TJ Cox, Del. Kilili Sablan,
    # Ambassador Stapleton Roy" (xinhua_en-t19e02: the list was cut at "Del.")
    " Del"
    " Govt Dept Univ Maj Brig Capt Cdr Sgt Adm Engr"
    " Mag MMag Bgm Ing Dipl"
    # clergy: "Erzbischof em. Dr. X", "Msgr. X", "Pfr. X", "Neukirchen b. Hl. Blut"
    " em Msgr Pfr Hl Hr Fr"
    # Austrian offices abbreviated before a name: "LAbg. Hubert Lang", "LHStv. Uwe Scheuch"
    " LAbg NAbg BAbg LHStv LH Vzbgm Vbgm GR StR LR KR"
).split()
_ABBREV = re.compile(
    # (a letter of a Latin, Greek or Cyrillic word before it, not \b: a Han character is a word
    # character too, and "大学校长Dr. Guy Langvardt" split at "Dr." (zh_hant-t908))
    r"(?<![0-9A-Za-z_\u00c0-\u024f\u0370-\u04ff])(?:[A-Z]"
    # a capital and lower-case consonants, no vowel: no word, an initial or an abbreviation
    # ("Erzhan Kh. Kazykhan", "Md. Nazmul Islam", "The Rt. Hon.", "Vgbm. Florian Hinteregger",
    # "LH-Stvtr. Stephan Pernkopf", "Mr.", "Dr.", "St.", "Lt.", "Msgr.", "Bgm."; round 24,
    # en24c; "Ng" is a surname)
    r"|(?!Ng\.)[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-xz\u00df]{1,4}"
    rf"|{literal_trie(_ABBREV_WORDS)})\.$"
)
# A sentence ends at a run of 。！？!?； or at a period before a space or the text's end
# ("[。！？!?；]+|\.(?!\S)"), written to open with one class of characters: re then skips in C
# to the next candidate character, where the alternation, opening with a repeat, was tried at
# every position (2.4 times the time over the English dev paragraphs, same matches).
# A period before a lower-case word ends no sentence ("at 11:00 a.m. a meeting of", "etc.
# participated", "Binh,... leaders of departments"; German "evtl. auch", "usw. zu fördern").
_SENT_END = re.compile(r"[。！？!?；.](?:(?<=\.)(?!\S)(?!\s+[a-zäöü])|(?<!\.)[。！？!?；]*)")
_ZH_SENT_END = re.compile(r"[。！？!?.](?:(?<=\.)(?!\S)|(?<!\.)[。！？!?]*)")
# A lower-case word next: no sentence starts there ("Papst Benedikt XVI. im Vatikan").
_LOWER_NEXT = re.compile(r"\s+[a-z]")
# A Russian initial of two letters (Ю, Я, Е, Ё) opening a name after a lower-case word or a
# mark, not a Chinese name's last syllable ("Pro-rectors A. Eltsov and Yu. Losev", mt_en-t16a23;
# "Wang Yu." ends one)
_Y_INITIAL = re.compile(r"(?:^|[^\w\s]\s*|\s[a-z]+\s+)Y[aeou]\.$")
# German ordinals and dates: "am 35. Jahrestag", "am 21.9. den" (in English "on July 4." ends
# a sentence, so this holds for German text only), and abbreviations of one lower-case letter
# ("Ministerpräsident a. D.", "u. a.", "i. R."); and compound offices abbreviated before a name
# (round 14: "Bez. Hauptmann A, Altbgm. Prof. Mag. B, ... Stadtgartendir. C, Kurdir. D",
# de-r13v05: the list went on past them).
_DE_ORDINAL = re.compile(
    r"(?<![\d,])\b\d{1,2}\.$|(?<![\w.])(?:[a-zäöü]|Bez|I{2,3}|IV)\.$|(?<=[a-zäöü])(?:bgm|dir)\.$"
)
# A ruler's numeral is an ordinal too, in a sentence going on in lower case ("mit Königin
# Elizabeth II. getroffen", "Papst Benedikt XVI. im Vatikan"; de-t13z15, -t13z22, -t13z24,
# -r13v09: four outlets, rounds 24 and 25); before a capital it may end one ("Teil II. Dann").
_DE_REGNAL = re.compile(r"(?<= )(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)\.$")


# A heading alone on its line ("Anwesend:", "Participants:") heads the paragraph after it.
_HEADING_ONLY = re.compile(
    r"^\W*(?:Teilnehmer(?:innen)?|Teilnehmende|Anwesend(?:\s+(?:waren|sind))?|Anwesende|Participants|Attendees"
    r"|Attending|In attendance|Present|Also present|Speakers|Redner(?:innen)?|Vorsitz|Chair"
    r"|Chairman|Chairperson|Chaired by|Presiding|Moderator|Host)\s*:?\s*$",
    re.I,
)
# A German roll call in minutes, its heading alone on a line ("Anwesend:", "Anwesend waren:"),
# then one entry a line: titles, a name, notes ("Bürgermeister Rupert Metzler als
# Vorsitzender", "Rm Steins i. V. für Rm Barsch", "Herr Barfuss Handwerkskammer"). Read by
# `people_latin.headed_list`; a line with a verb is a note, a heading of its own ends the roll
# unless it opens a section ("a) Stimmberechtigte Mitglieder:").
_ROLL_HEAD = re.compile(
    r"^\W*(?![^:]*\b(?:nicht|kein|keine|abwesend|entschuldigt)\b)"
    r"(?:Anwesend(?:\s+(?:waren|sind))?|Anwesende|Teilnehmer(?:innen)?|Teilnehmende"
    # a sentence for a heading: "Von der Verwaltung waren anwesend:", "Es nahmen teil:"
    r"|[A-ZÄÖÜ][^.;:]{0,50}\s(?:waren|sind)\s+anwesend|(?:Es\s+)?nahmen\s+teil)\s*:?\s*$",
    re.I,
)
_ROLL_ENTRY = re.compile(r"^(?=.{4,90}$)[A-ZÄÖÜa-z][\w.`'’\-]*(?:\s+\S+){1,9}$(?<![:;,])")
_ROLL_VERB = re.compile(
    r"\b(?:sind|waren|ist|war|hat|haben|hatte|hatten|wird|wurde|wurden|fehlt|fehlen|fehlte|fehlten)\b"
)
_ROLL_SECTION = re.compile(r"^(?:[a-z\d]{1,2}[).]|[IVX]{1,4}\.)\s")
# A numbered entry, the title it shares with the entry above in ditto marks: "1.)  Bürgermeister
# OSR Hermann Heiß", "4.)   "   "   Rudolf Riegler" (minutes of a council, de-t15z23): the
# number and the marks go, the rest is read as an entry (not a section: no colon closes it).
_ROLL_ABBREVIATION = re.compile(r"(?<=[a-zäöüß]{2})\.(?=\s+\S)")
_ROLL_NUMBER = re.compile(
    r"^\d{1,3}\s*(?:\.\s*\)|[.)])\s+(?:[\"“”„〃]\s*)*(?=[^\s:]+(?:\s+\S+)*$)(?!.*:$)"
)
# The same in Chinese minutes and forms (matched on the simplified line): "主席" / "柯文哲",
# "出席" / "A、B、C", "列席人员"; the heading and its line are read as "出席：A、B、C".
_ZH_HEADING_ONLY = re.compile(
    r"^(?:[一二三四五六七八九十\d]{1,2}[、.．]\s*)?(?:主席|会议主席|主持人?|会议主持人?|记录|纪录"
    r"|(?:出席|列席|与会|参加|参会|请假|缺席)(?:者|人员|委员|人士|嘉宾|领导|代表|单位|名单)?)\s*[:：]?$"
)
# A line under such a heading: a name, then its title after a comma (a press fact sheet:
# "Speakers" / "Liu Guozhong, secretary of the CPC Shaanxi Provincial Committee").
_NAME_THEN_TITLE = re.compile(r"^((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+),\s+\S")


# A line a page wrapped inside a sentence: it ends with a comma or a joining word, or the next
# line goes on in lower case ("... Landeshauptleutekonferenz" / "der österreichischen ...").
_WRAPPED_END = re.compile(
    # (no "an", "zu", "auf", "in": German verb particles end sentences and headlines)
    r"(?:,|\b(?:und|sowie|oder|mit|von|der|die|das|des|dem|den|zur|zum"
    r"|and|or|with|of|the|by))$"
)


_BYLINE_START = re.compile(r"(?i:by|von|from|source|quelle|foto|photo)\b")


_ENDS = '.!?:;。！？：；”"»)'


def _wrapped(line: str, following: str) -> bool:
    if len(line) < 50 or not following or line[-1:] in _ENDS or has_han(line[-1:]):
        return False  # a headline, a byline or a finished sentence
    if len(following) < 40 and _BYLINE_START.match(following):
        return False  # "by admin", "von Marion Fink": a byline under a headline
    # (a line opening with a comma goes on with the one before: a page's links removed from a
    # list, "Li Keqiang" / ", Zhang Dejiang" / "and Zhang Gaoli" / "were also present")
    return (
        following[0].islower()
        or following[0] in ",;"
        or _WRAPPED_END.search(line[-12:]) is not None
    )


_ZH_CONTINUES = "，、。；：）」』,;:)"
_ZH_OPEN_BREAK = "、，《“「『（"


def _zh_wrapped(lines: list[str], i: int, *, inside: bool = False) -> bool:
    """A Chinese line a wire's fixed width broke inside a sentence: it ends on a character or
    a comma, and the next line goes on with punctuation, or the lines around it have its
    width (CNA's 24 characters a line)."""
    line = lines[i]
    if i + 1 < len(lines) and line[-1:] in "《“「『（":
        return True  # broken inside an opening bracket or quote ("…作的关于《" / "…法》的说明")
    if i + 1 >= len(lines) or line[-1:] in "。！？!?」”" or not has_han(line[-2:]):
        return False
    following = lines[i + 1]
    if following[:1] in _ZH_CONTINUES or line[-1] in "、，":
        return True  # a list or a sentence broken after (or before) its separator
    width = len(line)

    def same(j: int) -> bool:  # ASCII commas in a line of Han make widths differ by a few
        return 0 <= j < len(lines) and abs(len(lines[j]) - width) <= 2

    # a block of three lines of one width, this one not the last of them; or a line of the
    # block being read (`inside`) whose next line ends the paragraph ("村里長等。")
    block = (same(i + 1) and (same(i - 1) or same(i + 2))) or (inside and same(i - 1))
    return width >= 16 and block and not line.endswith(("：", ":"))


def _fixed_width(lines: list[str]) -> bool:
    """Every line at most 100 characters, three or more of 60+ without a sentence end: a text
    a fixed width broke inside its sentences (`_latin_block` joins it)."""
    return all(len(line) <= 100 for line in lines) and (
        sum(len(line) >= 60 and line[-1] not in _ENDS for line in lines) >= 3
    )


def _latin_block(lines: list[str]) -> list[str]:
    """The lines of a text a fixed width broke inside its sentences (see `_fixed_width`)
    joined into paragraphs: a line of the block's width with no end goes on in the next
    ("Premier Wen" / "Jiabao joined")."""
    if not _fixed_width(lines):
        return lines
    joined: list[str] = []
    glue = False
    for i, line in enumerate(lines):
        if glue:
            joined[-1] += f" {line}"
        else:
            joined.append(line)
        width = len(line) >= 60 and line[-1] not in _ENDS and i + 1 < len(lines)
        # inside a block its last line may be short; a block opens on two lines of one width
        near = lines[i - 1] if glue else lines[i + 1] if width else ""
        glue = width and len(near) >= 60 and abs(len(near) - len(line)) <= 12
    return joined


def _zh_block_candidate(lines: list[str]) -> bool:
    """Two lines in a row of one width (16+ characters, no sentence end), or a line the next
    one continues with punctuation: a wire's wrapped block may be there (one cheap pass
    before the line-by-line reading)."""
    return any(
        a[-1] not in "。！？!?」”"
        and (
            b[:1] in _ZH_CONTINUES
            or a[-1] in _ZH_OPEN_BREAK
            or (len(a) >= 16 and abs(len(a) - len(b)) <= 1)
        )
        for a, b in pairwise(lines)
    )


def _block_lines(text: str, *, han: bool) -> list[str]:
    """The lines of `text`, those a fixed width broke inside a sentence joined again."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 2 and _zh_block_candidate(lines) and han:
        joined: list[str] = []
        glue = False
        for i, line in enumerate(lines):
            if glue:
                joined[-1] += line
            else:
                joined.append(line)
            glue = _zh_wrapped(lines, i, inside=glue)
        return joined
    return _latin_block(lines) if len(lines) > 2 and not han else lines


def _paragraphs(text: str, *, han: bool) -> list[str]:
    """The paragraphs of `text` (`han`: whether it holds a Han character)."""
    lines = _block_lines(text, han=han)
    if not any(
        line[-1:] == ":" or len(line) < 25 or (len(line) >= 50 and line[-1] not in _ENDS)
        for line in lines
    ):
        return lines  # no heading, no wrapped line: the common case in one scan
    lines = join_lists(lines)  # "The ambassadors are:" and one name a line after it
    merged: list[str] = []
    under = False  # under a heading whose lines each give one person and a title
    roll: int | None = None  # the German roll call ("Anwesend:") the entry lines join
    for line in lines:
        if merged and len(merged[-1]) <= 12 and _zh_heading(merged[-1]):
            merged[-1] = f"{merged[-1].rstrip(':：')}：{line}"
            continue
        if roll is not None or (merged and merged[-1][-1:] == ":" and len(merged[-1]) < 70):
            roll, taken = _roll_call(merged, roll, line)  # (asked only after a heading)
            if taken:
                continue
        # a heading is a short line: only after one are its entries read
        heading = (
            bool(merged) and len(merged[-1]) < 40 and _HEADING_ONLY.match(merged[-1]) is not None
        )
        entry = _NAME_THEN_TITLE.match(line) if under or heading else None
        if under and entry:
            merged[-1] += f"; {entry.group(1)}"
            continue
        under = heading and entry is not None and not merged[-1].endswith(":")
        if under and entry:
            merged[-1] = f"{merged[-1]}: {entry.group(1)}"
        elif heading or (merged and _wrapped(merged[-1], line)):
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.append(line)
    return merged


def _roll_call(merged: list[str], roll: int | None, line: str) -> tuple[int | None, bool]:
    """A German roll call in minutes, one person a line under "Anwesend:", with sections ("a)
    Stimmberechtigte Mitglieder:", "CDU") and notes between ("Von den vier Ortsvorstehern sind
    zwei anwesend"): its entries join the heading (`merged[roll]`), the other lines stay on
    their own. Returns where the roll stands now, and whether `line` joined it or was taken."""
    if line[:1].isdigit():
        line = _ROLL_NUMBER.sub("", line)  # "4.)   "   "   Rudolf Riegler": the entry's name
        # an abbreviated title's full stop ends no sentence: "Geschäftsf. GR Werner Gallistl"
        line = _ROLL_ABBREVIATION.sub("", line)
    entry = _ROLL_ENTRY.match(line) is not None and _ROLL_VERB.search(line) is None
    if roll is not None:
        if entry:
            item = line.rstrip(".")  # "Herr StR Sierau 6/Dez.": no sentence ends there
            merged[roll] += f" {item}" if merged[roll].endswith(":") else f"; {item}"
            return roll, True
        if (line.endswith(":") and not _ROLL_SECTION.match(line)) or len(line) > 150:
            return None, False  # "Abwesend:", "Entschuldigt:", or prose: the roll is over
        return roll, False
    if not merged or len(merged[-1]) >= 70 or not _ROLL_HEAD.match(merged[-1]) or len(line) > 90:
        return None, False
    roll = len(merged) - 1
    # (the heading `people_latin.headed_list` reads: "Anwesend", or "Teilnehmer")
    merged[roll] = "Anwesend:" if "nwesend" in merged[roll] else "Teilnehmer:"
    if entry:
        merged[roll] += f" {line.rstrip('.')}"
    else:
        merged.append(line)
    return roll, True


def _zh_heading(line: str) -> bool:
    return has_han(line[:1]) and _ZH_HEADING_ONLY.match(to_simplified(line)) is not None


def _lead_count(paragraphs: Sequence[str]) -> int:
    """How many paragraphs form the lead (see the module docstring)."""
    if len(paragraphs) < 2:
        return 0
    for i, para in enumerate(paragraphs[:8]):
        if _DATELINE.match(para[:200]):
            return i if i > 0 else 1
    return 1


def _headlines_of_preview(paragraphs: Sequence[str]) -> int:
    """How many paragraphs open a German text as its headline (lines no sentence end closes,
    and a page's lines above it) over a body whose first sentence tells its occasion in the
    future (`people_de.future`): the headline's present is then the announcement's
    ("Bundespräsident Van der Bellen empfängt italienischen Präsidenten Sergio Mattarella zum
    Staatsbesuch" over "... wird kommenden Montag ... empfangen", none-r17v04; "Van der Bellen
    trifft Kiska am Neusiedlersee", none-r17v05; "AVISO: ... empfängt den König ...",
    none-r17v06, round 33; "Bundeskanzlerin Merkel empfängt den Präsidenten ..., Barack Obama"
    over "Der Sprecher ... teilt mit:" and "... wird am 19. Juni 2013 ... begrüßen",
    none-t10z01, -z02, round 18). 0 otherwise: a report's headline in the present over a body in
    the past ("Kanzler Scholz empfängt Selenskyj mit militärischen Ehren", de-t17g35) is read,
    and so is one over a body that opens on a programme or a date in the present ("Schneider-
    Ammann lädt zum Bundesratsreisli" over "Die Bundesratsreise steht auf dem Programm",
    de-t17g34; "Bundeskanzlerin Merkel empfängt Angehörige ..." over "... empfängt am 14.
    Dezember 2016 um 14:00 Uhr ...", de-r309, round 3: both labelled from the headline)."""
    if len(paragraphs) < 2 or paragraphs[0].rstrip()[-1:] in _SENTENCE_ENDS:
        return 0  # (most texts open on a sentence: one test)
    for index, paragraph in enumerate(paragraphs[:_HEADLINE_DEPTH]):
        if paragraph.rstrip()[-1:] not in _SENTENCE_ENDS:
            if _HEADING_ONLY.match(paragraph):
                return 0  # a roll call ("Anwesend: A; B") is no headline
            continue  # a headline, or a page's line above it ("Pressemitteilung:", a date)
        if "wird" not in paragraph and "werde" not in paragraph:
            return 0  # no future in it (`people_de.future`)
        for sentence in _sentences(paragraph, german=True):
            if not sentence.endswith(":"):  # ("Der Sprecher der Bundesregierung ... teilt mit:")
                return index if future(sentence) else 0
    return 0


_HEADLINE_DEPTH = 16
_SENTENCE_ENDS = frozenset('.!?"“”»«')


def _inside_brackets(paragraph: str, start: int, end: int) -> bool:
    """True when a period at `end` stands in a short bracket the text closes soon after: no
    sentence ends inside "(evang. Gesamtkirchengemeinde)"."""
    opened = paragraph.rfind("(", start, end)
    if opened < 0 or end - opened > 40 or paragraph.find(")", opened, end) >= 0:
        return False
    closed = paragraph.find(")", end, end + 40)
    return closed >= 0 and "(" not in paragraph[end:closed] and "." not in paragraph[end:closed]


def _sentences(paragraph: str, *, german: bool = False, zh: bool = False) -> Iterator[str]:
    for start, end in _sentence_spans(paragraph, german=german, zh=zh):
        yield paragraph[start:end]


def _sentence_spans(
    paragraph: str, *, german: bool = False, zh: bool = False
) -> Iterator[tuple[int, int]]:
    """Where the sentences of `paragraph` start and end, without the spaces around them (the
    places let `_CueWords` answer for a sentence from one search of its paragraph)."""
    start = 0
    for m in (_ZH_SENT_END if zh else _SENT_END).finditer(paragraph):
        end = m.end()
        # (a match ending in a period is the period alone: `_SENT_END`)
        if paragraph[end - 1] == ".":
            # Only the last few characters can hold an abbreviation: searching there (the
            # characters before still count for \b) instead of the whole sentence so far.
            window = end - 8 if end - 8 > start else start
            if (
                _abbreviation_before(paragraph, start, window, end)
                or (german and _DE_ORDINAL.search(paragraph, window, end))
                or (
                    german
                    and paragraph[end - 2] in "IVX"
                    and _DE_REGNAL.search(paragraph, window, end)
                    and _LOWER_NEXT.match(paragraph, end)
                )
            ):
                continue  # "U.S." or "Mr." does not end a sentence
            # "Siegfried Bessey (evang. Gesamtkirchengemeinde)": an abbreviation (a bracket
            # opened in the last 40 characters asked first: `_inside_brackets`)
            if paragraph.find("(", end - 40 if end - 40 > start else start, end) >= 0 and (
                _inside_brackets(paragraph, start, end)
            ):
                continue
        if paragraph[start : start + 1].isspace():  # (a space after the last sentence's end)
            start += len(paragraph[start:end]) - len(paragraph[start:end].lstrip())
        yield start, end
        start = end
    if paragraph[start:].strip():
        yield _stripped(paragraph, start, len(paragraph))


def _abbreviation_before(paragraph: str, start: int, window: int, end: int) -> bool:
    """Whether the period at `end` closes an abbreviation or an initial (`_ABBREV`); a
    Russian initial of two letters only where it opens a name (`_Y_INITIAL`)."""
    found = _ABBREV.search(paragraph, window, end)
    if found is None:
        return False
    at = found.start()
    return (
        paragraph[at] != "Y"
        or paragraph[at + 1] not in "aeou"
        or _Y_INITIAL.search(paragraph, max(start, end - 24), end) is not None
    )


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of `text[start:end].strip()` in `text`."""
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    return start, start + len(piece.strip())


def _canonical(name: str, roster: Roster) -> str | None:
    known = roster.canonical(name)
    if known:
        return known
    return pinyin_name(name) if has_han(name) else None


_NO_ROSTER = Roster.empty()


# A stem every English or German cue in role_cues holds (role_cues.LATIN_STEMS): a paragraph
# without one names no list, and one scan of it is far cheaper than reading its sentences.
# The literal stems as a trie, the few with a word end (r"led\b") after it.
_LITERAL_STEMS = [s for s in LATIN_STEMS if not re.search(r"[\\()\[\]?*+.|^$]", s)]
_LATIN_KEYWORDS = re.compile(  # searched in the lower-cased text
    "|".join([literal_trie(_LITERAL_STEMS), *(s for s in LATIN_STEMS if s not in _LITERAL_STEMS)])
)
# The same without the stems opening with a space (" drew ", not "andrew"), for a paragraph
# that holds none of them (nearly all): the same matches there, but a space opening a stem
# makes re try the trie at every space of the text (15% more time over the dev texts).
_SPACED_STEMS = tuple(s for s in LATIN_STEMS if s.startswith(" "))
_UNSPACED_KEYWORDS = re.compile(
    "|".join(
        [
            literal_trie([s for s in _LITERAL_STEMS if s not in _SPACED_STEMS]),
            *(s for s in LATIN_STEMS if s not in _LITERAL_STEMS),
        ]
    )
)

_WORD_CHAR = re.compile(r"\w")


class _CueWords:
    """Whether a paragraph, or a sentence of it, holds a cue word (`_LATIN_KEYWORDS`) in its
    lower-cased text: a sentence that ends before the first cue word found holds none, and
    one around it holds it, so one search answers for the paragraph and for its sentences up
    to that word (the same question asked of each sentence's text was as many searches again
    as of the paragraphs, over the English and German dev texts)."""

    __slots__ = ("_found", "_from", "_keywords", "_low", "_paragraph")

    def __init__(self, paragraph: str) -> None:
        self._paragraph = paragraph
        self._low = low = paragraph.lower()
        # (`_UNSPACED_KEYWORDS` finds the same where no stem opening with a space stands)
        self._keywords = _UNSPACED_KEYWORDS
        for stem in _SPACED_STEMS:  # (a loop: no generator per paragraph)
            if stem in low:
                self._keywords = _LATIN_KEYWORDS
                break
        self._found: re.Match[str] | None = None
        self._from = -1  # where the search that found `_found` started (-1: none yet)

    def _search(self, start: int) -> re.Match[str] | None:
        self._found, self._from = self._keywords.search(self._low, start), start
        return self._found

    def in_paragraph(self) -> bool:
        return self._search(0) is not None

    def in_sentence(self, start: int, end: int) -> bool:
        """Whether the sentence `paragraph[start:end]` holds a cue word, as its own text."""
        low = self._low
        if len(low) != len(self._paragraph):  # ("İ" lower-cased is two characters)
            return _LATIN_KEYWORDS.search(self._paragraph[start:end].lower()) is not None
        found = self._found
        if self._from < 0 or self._from > start or (found is not None and found.start() < start):
            found = self._search(start)  # the first cue word at or after the sentence's start
        if found is None or (found.start() >= end and not _WORD_CHAR.match(low, end)):
            return False  # none before its end (which cuts no word: "led\b" would differ)
        if found.end() <= end:
            return True
        return self._keywords.search(low, start, end) is not None  # found runs past its end


# A transcript's speaker label opening a paragraph ("Vladimir Putin: We are very glad ..."):
# read though it holds no cue word (people_latin gives the speaker the speech). The label may
# stand alone on its line ("Prime Minister Dmitriy Medvedev:", the speech in the paragraphs
# after it) and hold a translator's note ("Xi Jinping (retranslated): President Putin, ...").
_SPEAKER_LINE = re.compile(
    r"(?:[A-Z][\w.'’-]+\s+){1,5}[A-Z][\w'’-]+(?:\s*\([\w\s-]{1,20}\))?:(?:\s+\S|\s*$)"
)


def _speaker_line(text: str) -> bool:
    """A speaker's label before what was said, in full sentences, a salutation ("Mikhail
    Mishustin: Mr Volodin,") or nothing on its line: not a headline quoting someone ("Dmitry
    Medvedev: New government should follow path taken by Kyrgyzstan")."""
    return (
        text.rstrip()[-1:] in (".", "!", "?", '"', "”", "…", ",", ":")
        and _SPEAKER_LINE.match(text) is not None
    )


# A photo caption's position marker between names: "Xi Jinping (3rd L, front), Li Keqiang (C)".
_POSITION = re.compile(
    r"\s*\((?:(?:\d+(?:st|nd|rd|th)|first|second|third|front|back|rear|top)\s+)*"
    r"(?:L|R|C|left|right|center|centre)"
    r"(?:\s*,\s*(?:front|back|rear|top|bottom))?\)"
)


# A scraped page that kept a site's name tooltips inline: each name is followed by itself
# reversed and its title, glued to the next word ("Sergei Kiriyenko Kiriyenko SergeiFirst
# Deputy Chief of Staff ,"). The repeat goes; the title stays as an apposition.
# A cheap test first: the tooltip glues its title on (a lower-case letter, then a capital and
# a lower-case letter; written from the capital, which re skips to in C: half the time of
# "[a-z][A-Z][a-z]", tried at every lower-case letter).
_GLUED = re.compile(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")
# The tooltip may carry no title ("Nursultan Nazarbayev Nazarbayev Nursultan .", "Veronika
# Skvortsova Skvortsova Veronika ,") and a given name may hold a hyphen ("Tokayev
# Kassym-JomartPresident"): round 12, scraped-t11e18, scraped-r10v05.
_TOOLTIP = re.compile(
    r"\b([A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?)\s([A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?) \2 \1"
    # the title glued on may run up to a transcript's speaker colon, which then follows the
    # name ("Alexander Bastrykin Bastrykin AlexanderChairman of the Investigative Committee of
    # Russia : Mr President, ..."); the repeat may go on with any word ("Nursultan Nazarbayev
    # Nazarbayev Nursultan on his 80th birthday"); the name may wrap at a line's end
    # ("Ukhnaagiin\nKhurelsukh Khurelsukh UkhnaagiinPresident"): round 13, scraped-t12e12,
    # scraped-t12e03, scraped-t705
    r"(?:(?P<label>[A-Z][^\n:.!?;]{0,150}?\s:)(?=\s)|(?=[A-Z][a-z])|(?= [.,;:a-z]))"
)


# (possessive: the space after the word is no letter of it, so giving letters back never
# matches; round 13)
_REPEATED = re.compile(r"([A-Z][a-z'’]++) \1\b")


# The same without brackets, as agencies' captions write it: "X, left, and Y, right, attend".
_BARE_POSITION = re.compile(
    r",\s*(?:(?:\d+(?:st|nd|rd|th)|second|third|fourth)\s+(?:from\s+)?)?"
    r"(?:left|right)(?=\s*,)"
)


def _past_dateline(sentence: str) -> str:
    if "(" in sentence:
        sentence = _POSITION.sub("", sentence)
    if "left," in sentence or "right," in sentence:  # (two scans: cheaper than a search)
        sentence = _BARE_POSITION.sub("", sentence)
    dateline = _DATELINE.match(sentence)
    if dateline:  # "Beijing, 28 Dec (Xinhua) -- Xi Jinping attended ...": the list starts after
        sentence = sentence[dateline.end() :].lstrip(" -—–")
    return sentence


class _Before:
    """What one sentence leaves for the next: the roles of an unnamed group it opens with
    ("Senior leaders attended ..." -> "They included A, B and C"; in German the roles of its
    last list, for "Weiters: D, E und F" going on with it), and the one person its
    first list names (for "He" / "She" opening the next); and the sentence itself, for a
    German pronoun in the next one (a paragraph skipped whole is split only if asked)."""

    __slots__ = ("_earlier", "_last", "_whole", "group", "listed", "person")

    def __init__(self) -> None:
        self.group: list[Role] = []
        self.person: str | None = None
        self.listed: list[Role] = []  # the roles of the last list read, for "Others are ..."
        self._last = ""
        self._whole = False
        self._earlier: list[str] = []  # the two texts passed before `_last`

    def clear(self) -> None:
        self.group, self.person, self.listed = [], None, []

    def passed(self, text: str, *, whole: bool = False) -> None:
        """`text` was read (a sentence), or skipped (`whole`: a paragraph)."""
        self._earlier = [*self._earlier[-1:], self._last]
        self._last, self._whole = text, whole

    def he(self, ctx: LatinContext) -> str | None:
        """Whom "He" / "She" opening the next sentence stands for: the one person the first
        list of this one put in a role, else the one person it names (round 11)."""
        if self.person:
            return self.person
        named = list(dict.fromkeys(names_in(self.sentence(), ctx)))
        return named[0] if len(named) == 1 else None

    def named_list(self, ctx: LatinContext) -> list[str]:
        """The names of the sentence before when they make one list of two or more ("A, B
        and C were appointed ... . They also pledged allegiance ...")."""
        text = self.sentence()
        lists = ctx.lists_in(text) if text else []
        if len(lists) != 1 or len(lists[0]) < 2:
            return []
        return [it.name for it in lists[0] if not it.possessive]

    def named_pair(self, ctx: LatinContext) -> list[str]:
        """The two people the last text naming anyone names (up to three back: a photo
        gallery's slide title may stand between), for "The two leaders"."""
        for text in (self.sentence(), *reversed(self._earlier)):
            named = list(dict.fromkeys(names_in(text, ctx))) if text else []
            if named:
                return named if len(named) == 2 else []
        return []

    def recent(self) -> list[str]:
        """The sentences of the last three texts passed, the last one first (round 11: the
        occasion a list under a heading belongs to, `people_headed`)."""
        texts = [self.sentence(), *reversed(self._earlier)]
        return [s for t in texts if t for s in reversed(list(_sentences(t, german=False)))]

    def sentence(self) -> str:
        """The sentence right before the one being read ("" at the start of the text)."""
        if self._whole:
            self._last = next(reversed(list(_sentences(self._last, german=True))), "")
            self._whole = False
        return self._last


def _latin_sentence(
    sentence: str, ctx: LatinContext, german: bool, before: _Before
) -> list[tuple[Role, list[str]]]:
    """The lists of one sentence (read past its dateline, `_past_dateline`); `before` holds
    the previous sentence's leftovers and is updated for the next one."""
    sentence, found = lowered_names_read(sentence, ctx)
    if not german:
        if before.group:
            names = anaphoric_names(sentence, ctx)
            found.extend((role, names) for role in before.group if names)
        if (roles := pronoun_roles(sentence)) and (he := before.he(ctx)):
            found.extend((role, [he]) for role in roles)
        if not found:
            roles, subject = as_he_roles(sentence, ctx)
            found.extend((role, [subject]) for role in roles if subject)
        if pair := pair_roles(sentence):  # the sentence's subject: whatever else it lists
            they = list_anaphor(sentence)
            named = before.named_list(ctx) if they else before.named_pair(ctx)
            found.extend((role, named) for role in pair if named)
        if not found and (noun := anaphor_noun(sentence)):
            roles = _earlier_group_roles(before, noun, ctx)
            names = anaphoric_names(sentence, ctx) if roles else []
            found.extend((role, names) for role in roles if names)
        if not found and before.listed:
            names = continued_names(sentence, ctx)
            found.extend((role, names) for role in before.listed if names)
    else:
        found = _german_found(sentence, ctx, before, found)
    if found:
        before.listed = list(dict.fromkeys(role for role, _ in found))
    elif before.listed and ctx.lists_in(sentence):
        before.listed = []  # a list in no role came between: "Others are" goes on from it
    first = found[0][1] if found else []
    before.person = first[0] if len(first) == 1 else None
    if german:  # the roles of the sentence's last list, for a list going on after it
        before.group = [role for role, names in found if names == found[-1][1]]
    elif found:  # a group of the occasion just told of: "... to welcome guests attending"
        before.group = trailing_group_roles(sentence)
    else:
        before.group = group_roles_without_names(sentence)
    return found


def _earlier_group_roles(before: _Before, noun: str, ctx: LatinContext) -> list[Role]:
    """The roles a cue of the last three sentences gave the unnamed group `noun` an anaphor
    names ("... received letters of credence from eight newly appointed ambassadors ... . The
    event formally marks ... . The new ambassadors are A of X, B from Y": agency_en-t23e15;
    round 24, en24b): the nearest sentence holding the group in a role, past sentences that
    name nobody (one naming people came between: the group is no longer the topic)."""
    for earlier in before.recent()[:3]:
        if noun in earlier.lower() and (roles := group_object_roles(earlier, noun)):
            return roles
        if names_in(earlier, ctx):
            break  # a sentence naming people came between: the group is no longer the topic
    return []


def _german_found(
    sentence: str,
    ctx: LatinContext,
    before: _Before,
    found: list[tuple[Role, list[str]]],
) -> list[tuple[Role, list[str]]]:
    """A German sentence's lists, or the list of the sentence before going on in it; none
    when the sentence tells an occasion still to come by a word of its time or a plan (round
    22, de22: "Am morgigen Freitag findet ... unter dem Vorsitz von X statt"; the clause
    readings ask it of their own clause, a list governed by a noun, "Vorsitz von", was not
    asked)."""
    if not found:
        found = _german_continued(sentence, ctx, before)
    return [] if found and not_yet(sentence) else found


def _german_continued(
    sentence: str, ctx: LatinContext, before: _Before
) -> list[tuple[Role, list[str]]]:
    """A German sentence going on with the list of the one before ("Weiters: A, B und C"
    after a list of guests), or naming the members of a group of guests it told of ("...
    fanden sich 50 Gäste ein. Unter ihnen A, B": round 15)."""
    if not continues_list(sentence):
        return []
    if before.group:
        names = names_in(sentence, ctx)
        return [(role, names) for role in continued_roles(sentence, before.group) if names]
    if guests_before(sentence, before.sentence()):
        names = names_in(sentence, ctx)
        return [("attended", names)] if names else []
    return []


@dataclass(frozen=True, slots=True)
class RulesReading:
    """What the rules found in a text, and the English or German sentences they read (with
    the context naming them): the learned second opinion (`people_model`) reads the same."""

    people: tuple[Person, ...]
    sentences: tuple[tuple[Segment, str], ...]
    ctx: LatinContext
    lang: str
    # how many of `sentences` had been read when each person was found (for the text order)
    places: tuple[int, ...] = ()
    texts: tuple[tuple[Segment, str], ...] = ()  # the paragraphs read (`occasion_people`)


# The languages (`detect_language`) whose people are read: English and German by the rules in
# letters, Chinese and Japanese by the rules in Han; Korean and "und" (no letters) as before
# round 12. A text in any other language names no one here: the English rules read a Spanish
# "Ministro de Asuntos Exteriores" as a person attending (round 12, lang12).
RULES_FOR = frozenset({"en", "de", "zh", "ja", "ko", "und"})


def extract_people(
    text: str,
    roster: Roster = _NO_ROSTER,
    *,
    language: str | None = None,
    reader: bool | None = None,
) -> tuple[Person, ...]:
    """Named people with their roles, in text order, once per (person, role, segment): the
    rules' people, and those the learned models add (`people_model` in English and German,
    `people_model_zh` in Chinese, after the rules). None in a language without rules
    (`RULES_FOR`). With `reader` (default: `use_reader`'s, worker.detect.watch: the config's
    `[people] reader`), also the people the learned
    span-and-role reader finds that the rules did not, where its pair gate and confidence agree
    (`people_reader`), after the others.

    >>> [(p.name, p.role) for p in extract_people("Beijing talks\\n\\nXi Jinping presided "
    ...     "over the meeting. Li Qiang and Cai Qi attended.")]
    [('Xi Jinping', 'presided'), ('Li Qiang', 'attended'), ('Cai Qi', 'attended')]
    """
    lang = language or detect_language(text)
    if lang not in RULES_FOR:
        return ()
    people = _ruled_people(text, roster, lang)
    if not (reader_on() if reader is None else reader):
        return people
    return _with_reader(text, roster, lang, people)


def _with_reader(
    text: str, roster: Roster, lang: str, people: tuple[Person, ...]
) -> tuple[Person, ...]:
    """`people` and, after them, the learned reader's extra people (`people_reader`)."""
    from worker.detect import people_reader

    extra = people_reader.extra_people(text, lang, [(p.name, p.role) for p in people], roster)
    if not extra:
        return people
    out = list(people)
    seen = {(p.key.casefold(), p.role, p.segment) for p in people}
    first_break = text.find("\n")
    for name, role in extra:
        at = text.find(name)
        segment: Segment = "lead" if 0 <= at < first_break else "body"
        _add(out, seen, [name], role, segment, roster)  # type: ignore[arg-type]
    return tuple(out)


def _ruled_people(text: str, roster: Roster, lang: str) -> tuple[Person, ...]:
    """The rules' people and the learned second opinions' (`extract_people` without the
    reader)."""
    reading = read_people(text, roster, language=lang)
    if reading.lang not in ("en", "de") or not reading.sentences:
        return reading.people
    people = list(reading.people)
    seen = {((p.canonical or p.name).casefold(), p.role, p.segment) for p in people}
    # the model adds people the rules gave no role at all (where the rules read a list, they
    # are right far more often: bench/train_people_model.py)
    named = {(p.canonical or p.name).casefold() for p in people}

    answers: dict[str, bool] = {}  # a text names the same people in many sentences

    def known(name: str) -> bool:
        answer = answers.get(name)
        if answer is None:
            key = (_canonical(name, roster) or name).casefold()
            answer = key in named
            if not answer and " " not in key:
                # a surname alone for the one fuller name the rules gave: the same person, not
                # one they missed (round 19, fp19; `_surnames_of_named`)
                answer = sum(n.endswith(" " + key) for n in named) == 1
            answers[name] = answer
        return answer

    found = list(people_model.mentions(reading.sentences, reading.ctx, reading.lang, known))
    # nothing the model adds in a German preview ("wird ... begrüßen"), nor to the honoured of
    # an honour handed over (`people_de.handed_honour`)
    if found and reading.lang == "de":
        found = _not_previews(found, reading.sentences)
    if not found:
        return reading.people  # and a process that never needs the weights never reads them
    added: list[tuple[int, Person]] = []
    for mention, role in people_model.confident(found, language=reading.lang):
        _add(people, seen, [mention.name], role, mention.segment, roster, mention.position)
        if len(people) > len(reading.people):
            added.append((mention.at + 1, people.pop()))
    return _in_text_order(reading, added)


def _not_previews(
    found: list[people_model.Mention], sentences: Sequence[tuple[Segment, str]]
) -> list[people_model.Mention]:
    """The model's German mentions outside sentences that tell what is still to come
    (`people_de.preview`) or hand an honour over (`people_de.handed_honour`), each sentence
    tested once."""
    previews = {
        at: preview(sentences[at][1])
        or handed_honour(sentences[at][1])
        or negated(sentences[at][1])
        or (at > 0 and invited_members(sentences[at][1], sentences[at - 1][1]))
        for at in {m.at for m in found}
    }
    return [m for m in found if not previews[m.at]]


def _in_text_order(reading: RulesReading, added: list[tuple[int, Person]]) -> tuple[Person, ...]:
    """The rules' people and the model's (each after the sentences read up to its own), in
    the order the text names them."""
    if not added:
        return reading.people
    keyed = [
        (place, 0, i, p)
        for i, (place, p) in enumerate(zip(reading.places, reading.people, strict=True))
    ]
    keyed += [(place, 1, i, p) for i, (place, p) in enumerate(added)]
    return tuple(p for *_, p in sorted(keyed, key=lambda k: k[:3]))


# The frames of a report's occasion that give the names the rules left a role
# (`people_occasion`; round 22, occ22): those whose precision held on unread dev rounds.
OCCASION_FRAMES: frozenset[str] = frozenset(
    (
        "subject:came:",
        "subject:thanked:",
        "before:voran:",
        "before:featured:",
        "before:involves:",
    )
)


def _add_occasion(
    texts: Sequence[tuple[Segment, str]],
    lang: str,
    ctx: LatinContext,
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
    roster: Roster,
) -> None:
    """The people of the report's occasion the rules gave no role (`people_occasion`), in
    the English or German paragraphs of `texts` (every paragraph read)."""
    if not OCCASION_FRAMES or lang not in ("en", "de"):
        return
    texts = occasion_paragraphs(texts, people, OCCASION_FRAMES)
    if not texts:
        return
    sentences = occasion_sentences(texts, lang)
    german = lang == "de"
    for added in occasion_people(sentences, people, ctx, german=german, frames=OCCASION_FRAMES):
        _add(people, seen, [added.name], added.role, added.segment, roster)


def occasion_sentences(
    texts: Sequence[tuple[Segment, str]], lang: str
) -> list[tuple[Segment, str]]:
    """Every sentence of the Latin paragraphs `texts`, read past its dateline."""
    return [
        (segment, _past_dateline(sentence))
        for segment, paragraph in texts
        for sentence in _sentences(paragraph, german=lang == "de")
    ]


def read_people(
    text: str, roster: Roster = _NO_ROSTER, *, language: str | None = None
) -> RulesReading:
    """The rules' people (see `extract_people`) and the Latin-script sentences they read."""
    lang = language or detect_language(text)
    text = _normalised(text, lang)
    text = _caps_surnames(text, roster, lang)
    han = has_han(text)  # one scan: without Han in the text, none in its parts either
    paragraphs = _paragraphs(text, han=han)
    lead = _lead_count(paragraphs)
    seen: set[tuple[str, Role, Segment]] = set()
    people: list[Person] = []
    read: list[tuple[Segment, str]] = []
    places: list[int] = []  # per person: how many sentences of `read` were read then
    latin = lang not in ("zh", "ja")
    ctx = LatinContext(roster, text, german=lang == "de")
    zh = _zh() if han or not latin else None
    zh_ctx = zh.ZhContext(text, roster.chinese_names) if zh is not None and han else None
    before = _Before()  # what a sentence leaves for the next
    zh_read: list[tuple[Segment, str]] = []  # the Chinese sentences read, for the model
    pictured: list[tuple[Segment, str]] = []  # people German photo captions show, no role
    texts: list[tuple[Segment, str]] = []  # the paragraphs read, for the occasion's reading
    headlines = _headlines_of_preview(paragraphs) if lang == "de" else 0
    for index, paragraph in enumerate(paragraphs):
        segment: Segment = "lead" if index < lead else "body"
        # a link to another story ("Mehr lesen - X trifft sich mit Y"), or the title of an
        # announcement (`_headlines_of_preview`: its present tells what is to come)
        if index < headlines or _RELATED.match(paragraph):
            continue
        caption = _german_paragraph(paragraph, lang, people, seen, segment, roster)
        paragraph = caption or paragraph  # (a caption's credit names the photographer)
        texts.append((segment, paragraph))
        cues = _CueWords(paragraph) if latin else None
        if (
            cues is not None
            and caption is None
            and not (han and has_han(paragraph))
            and not cues.in_paragraph()
            and not _speaker_line(paragraph)
            and not (lang == "en" and HEAD_IN.search(paragraph))
            and not (lang == "en" and names_a_group(paragraph))
        ):
            before.clear()
            before.passed(paragraph, whole=True)
            continue
        if zh is not None and not latin and not zh.zh_holds_cue(paragraph):
            continue  # one scan of the paragraph instead of one per sentence
        for start, end in _sentence_spans(paragraph, german=lang == "de", zh=not latin):
            sentence = paragraph[start:end]
            if cues is not None and not (han and has_han(sentence)):
                _add_headed(sentence, lang, ctx, before, people, seen, segment)
                if (
                    caption is None
                    and not cues.in_sentence(start, end)
                    and not _speaker_line(sentence)
                    and not (
                        continues_list(sentence)
                        and (before.group or guests_before(sentence, before.sentence()))
                    )
                    # "The new ambassadors are A, B": a group a cue before told of (en24b)
                    and not (lang == "en" and names_a_group(sentence))
                ):
                    before.clear()  # no cue word: no list, for the rules nor for the model
                else:
                    past = _past_dateline(sentence)
                    # (a list under a heading is read by the rules whole, `headed_list`: the
                    # model reads none of it, its notes after a name are no name's)
                    read.append(
                        (segment, "" if past.find(":", 0, 40) > 0 and headed(past) else past)
                    )
                    given: set[str] = set()
                    for role, names in _latin_people(sentence, past, ctx, lang, before, people):
                        _add(people, seen, names, role, segment, roster)
                        given.update(names)
                    pictured.extend((segment, n) for n in _pictured(sentence, ctx, given, caption))
            elif zh is not None and zh.has_trigger_chars(sentence):
                zh_read.append((segment, sentence))
                for role, names in zh.zh_lists_in(zh_copula(sentence), roster, zh_ctx):
                    _add(people, seen, names, role, segment, roster)
            places.extend([len(read)] * (len(people) - len(places)))
            before.passed(sentence)
    _add_pictured(pictured, roster, people, seen)
    places.extend([len(read)] * (len(people) - len(places)))
    people, places = _presenters_kept(text, lang, people, places)
    people, places = _surnames_of_named(lang, people, places)
    _heading_talks(text, lang, people, seen, roster)
    _received_talks(text, lang, people, seen, roster)
    _add_occasion(texts, lang, ctx, people, seen, roster)
    places.extend([len(read)] * (len(people) - len(places)))
    if zh_read and lang == "zh":  # (trained on reports read as Chinese: not Japanese)
        _add_zh_model(zh_read, roster, people, seen)
        places.extend([len(read)] * (len(people) - len(places)))
    return RulesReading(tuple(people), tuple(read), ctx, lang, tuple(places), tuple(texts))


# Presenting awards is no chairing and, for one who has another role at the ceremony, no role of
# its own (LABELLING.md, "Wordings settled by count", round 15): "Vladimir Putin presented orders,
# medals and ..." then his address under a transcript's speaker label is `spoke` alone
# (kremlin_en-t701, kremlin_en-r10v04, scraped-t13e03; "presented medals ... and delivered an
# important speech", xinhua_en-r13v05), while "then awarded the gold medal" after nothing else
# attends (scraped-t604). The subject: a name or "the President" / "the head of state" just before.
_AWARDS_PRESENTED = re.compile(
    r"\b(?:presented|awarded)\s+(?:[\w-]+\s+){0,10}?"
    r"(?:awards|decorations|medals?|prizes|orders|certificates|honours|honors)\b"
)
# (Chinese: conferring honours or degrees, "贺一诚在典礼上向34名人士…颁授了勋章", zh_hant-t10z04,
# whose 由贺一诚主持 makes him the chair alone; in either script)
# (the lookbehind after the verb's first character: a pattern opening with one is tried at every
# position of the text, one opening with a character only where that character stands; round
# 24, zhcost24)
_ZH_CONFERRED = re.compile(
    r"[颁頒](?<![获受獲].)授(?!仪式|典礼|礼|工作|给|予|名单|的|儀式|典禮|禮|給|名單)"
)
_ZH_RELAYED = re.compile(r"传达(?!室|给|到)")
_ATTENDING = re.compile(
    r"\b(?:attend\w*|took\s+part|takes\s+part|participat\w*|joined)\b|出席|参加|参与|列席", re.I
)
_SENTENCE_START = re.compile(r"[.!?]\s|\n|[。！？；]")


def _surnames_of_named(
    lang: str, people: list[Person], places: list[int]
) -> tuple[list[Person], list[int]]:
    """An English surname alone that the roster does not know, given beside the one fuller name
    of the same text it ends, is that person ("Mr Poltavchenko briefed the President" after
    "Georgy Poltavchenko", kremlin_en-t18e19; "KP Oli", "S Jaishankar", "Pramod K Verma"):
    their role goes to the fuller name, not to a second person (round 19, fp19). Two fuller
    names ending in it ("William Ruto", "Rachel Ruto") leave it as it is. Round 20 (fp20): the
    same for a given name alone that begins the one fuller name ("Sheikh Mishal received Prince
    Faisal" after "Prince Faisal bin Farhan", agency_en-t19a19), and in German ("Präsident
    Sousa" of "Marcelo Rebelo de Sousa", de-t18g11)."""
    if lang not in ("en", "de"):
        return people, places
    alone = [p for p in people if p.canonical is None and " " not in p.name]
    if not alone:
        return people, places
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for p in people:
        if " " in p.name:
            by_last.setdefault(p.name.rsplit(" ", 1)[1], set()).add(p.key)
            by_first.setdefault(p.name.split(" ", 1)[0], set()).add(p.key)
    if not any(p.name in by_last or p.name in by_first for p in alone):
        return people, places
    full = {p.key: p for p in people}
    kept: list[Person] = []
    kept_places: list[int] = []
    seen: set[tuple[str, Role, Segment]] = set()
    for p, at in zip(people, places, strict=True):
        keys = by_last.get(p.name) if p.canonical is None and " " not in p.name else None
        if keys is None and p.canonical is None and " " not in p.name:
            keys = by_first.get(p.name)
        if keys is not None and len(keys) == 1:
            whole = full[next(iter(keys))]
            p = Person(whole.name, whole.canonical, p.role, p.segment, p.position)
        mark = (p.key.casefold(), p.role, p.segment)
        if mark in seen:
            continue
        seen.add(mark)
        kept.append(p)
        kept_places.append(at)
    return kept, kept_places


def _presenters_kept(
    text: str, lang: str, people: list[Person], places: list[int]
) -> tuple[list[Person], list[int]]:
    """`_presenters_with_a_role` where the text presents or confers awards."""
    if (
        lang == "en"
        and ("presented" in text or "awarded" in text)
        and _AWARDS_PRESENTED.search(text)
    ):
        return _presenters_with_a_role(text, people, places)
    if lang == "zh" and "授" in text and _ZH_CONFERRED.search(text):
        return _presenters_with_a_role(to_simplified(text), people, places, zh=True)
    if lang == "zh" and ("传达" in text or "傳達" in text):
        # one who relays a higher meeting or a document to the meeting attends, or has the
        # other role the text gives ("李伊林主持召开…会议" and a headline's "李伊林传达…精神",
        # scraped-t18g14: presided alone; LABELLING.md, "Wordings settled by count (round 23)")
        simple = to_simplified(text)
        return _presenters_with_a_role(simple, people, places, zh=True, verb=_ZH_RELAYED)
    return people, places


# A transcript headed by the meeting, talks or conversation it gives the words of, with a named
# person ("Meeting with Emergencies Minister Vladimir Puchkov", "Beginning of conversation with
# Kassym-Jomart Tokayev", "Excerpts from a Talk with Kazakhstan President Nursultan Nazarbaev"):
# the speakers under it (the host is named by the label alone) attend as well as speak, and so
# does the person it names (LABELLING.md, "Wordings settled by count (round 16)": blind rounds
# 39 to 5). A heading naming a body or a group ("Meeting with the Government Cabinet",
# "... with representatives of the business community") names nobody: its speakers only speak.
_TALKS_HEADING = re.compile(
    r"(?m)^[ \t]*(?:(?:Beginning|Start|Excerpts|Extracts|Transcript)\s+(?:of|from)\s+)*"
    # what the transcript is, then the talks it follows or opens (round 18: kremlin_en-t17e04,
    # -t17e16): "Opening Remarks During a Meeting with NATO Secretary General George Robertson",
    # "[Medvedev] Press Statement and Answers to Journalists' Questions at News Conference
    # following Talks with Italian Prime Minister Silvio Berlusconi"
    r"(?:(?:\[[^\]\n]{1,30}\]\s*)?(?:(?:[A-Z][\w'’-]*|and|to|of|at|the|a)\s+){1,14}?"
    r"(?i:at|during|following|after)\s+)?"
    r"(?:(?:a|the)\s+)?(?:Transcript\s+of\s+)?(?:(?:a|the)\s+)?"
    r"(?:Working\s+|Bilateral\s+|Russian-[A-Z][\w-]*\s+)?"
    r"(?:[Mm]eeting|[Tt]alks?|[Cc]onversation|[Tt]elephone\s+conversation)\s+with\s+"
    r"(?P<obj>[^\n]{3,200})$"
)
_TALKS_WORDS = ("eeting with", "alks with", "alk with", "onversation with")
# A speaker's label opening a line: titles and the name, capitalised but for "of", "the", "and".
_LABEL_AT_LINE = re.compile(
    r"(?m)^(?:(?:[A-Z][\w.'’-]*|of|the|and|for)\s+){0,11}[A-Z][\w.'’-]*"
    r"(?:\s*\([\w\s-]{1,20}\))?:(?=\s)"
)


def _talks_headings(text: str) -> list[re.Match[str]]:
    """The lines that are a heading of talks (`_TALKS_HEADING`), found by their words (a scan
    in C) and matched at their start: most texts hold none, and no line-by-line pattern runs
    over them."""
    headings = []
    for words in _TALKS_WORDS:
        at = text.find(words)
        while at >= 0:
            found = _TALKS_HEADING.match(text, text.rfind("\n", 0, at) + 1)
            if found is not None:
                headings.append(found)
            at = text.find(words, at + len(words))
    return headings


def _heading_talks(
    text: str,
    lang: str,
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
    roster: Roster,
) -> None:
    """`attended` for the speakers of an English transcript under a heading of talks with a
    named person, and for that person (`_TALKS_HEADING`)."""
    if lang != "en" or ":" not in text:
        return
    headings = _talks_headings(text)
    if not headings:
        return
    first = _LABEL_AT_LINE.search(text)
    if first is None:
        return
    before = [h for h in headings if h.end() <= first.start()]
    if not before:
        return
    heading = max(before, key=lambda h: h.start())  # the last heading before the first label
    obj = heading.group("obj")

    def last_word(person: Person) -> str:
        return person.name.split()[-1]

    def named(person: Person, where: str) -> bool:
        return re.search(r"\b" + re.escape(last_word(person)) + r"\b", where, re.I) is not None

    guests = [p for p in people if named(p, obj)]
    if not guests:
        return  # a body or a group
    labels = " ".join(m.group() for m in _LABEL_AT_LINE.finditer(text, first.start()))
    chairs = {p.name for p in people if p.role == "presided"}
    for person in list(people):
        if person.role == "attended" or person.name in chairs:
            continue
        if person in guests or (person.role == "spoke" and named(person, labels)):
            _add(people, seen, [person.name], "attended", person.segment, roster)


# The host of a named guest received ("X received Y", "Y was received by X", "X empfing Y",
# "Y wurde von X empfangen") presides; where the text tells talks held at the reception in words
# of its own ("the parties discussed ...", "During the conversation, views were exchanged",
# "anschließend zogen sich die beiden zu einem Gespräch zurück", "Es sei ein sehr angenehmes
# Gespräch gewesen"), the host takes part in them too, as the guest does: `attended` as well
# (LABELLING.md, "Wordings settled by count (round 19)": blind rounds 43 hosts to 11). A talk
# still to come ("will hold talks", "ist ein Gespräch ... geplant", "stehen Gespräche auf dem
# Programm"), one with a third person the text names, a welcome at an airport (a greeter, the
# talks are held by others) or a delegation received (round 15: a group received) adds nothing.
# (Each pattern opens on its letters, not on a word boundary, so that the engine skips to the
# next possible first letter in C: the whole text of most reports is searched once.)
_RECEIVED = {
    "en": re.compile(r"receiv(?:ed|es)\b"),
    "de": re.compile(r"empf(?:ing|ingen|ängt|angen)\b"),
}
_RECEIVED_TALK = {
    # (searched in the lower-cased text)
    "en": re.compile(
        r"(?:talks|discussed|discussions?|conversation|exchanged\s+(?:their\s+)?(?:views|opinions)"
        r"|exchange\s+of\s+views|dialogue"
        # the two sides as the subject of what they said or did ("The sides hailed", "both
        # sides noted"; round 26, roles26), not as an object ("urged the two sides to")
        r"|(?:the|both)\s+(?:two\s+)?sides\s+(?:also\s+|then\s+)?(?:[a-z]+ed|held|had|spoke"
        r"|took|made|met|saw))\b"
    ),
    # (searched in the text as written: nouns capitalised, verbs not)
    "de": re.compile(
        r"espräch|(?:Unterredung|Meinungsaustausch|tauschten\s+sich|erörterten|berieten"
        r"|diskutierten)\b"
    ),
}
_RECEIVED_PLANNED = {
    "en": re.compile(
        r"\b(?:will|would|shall|scheduled|expected|plans?|planned|to\s+hold|is\s+to|are\s+to"
        r"|ahead\s+of|before)\b",
        re.I,
    ),
    "de": re.compile(
        r"\b(?:geplant|soll|sollen|sollte|wird|werden|will|wollen|erwartet|vorgesehen)\b"
        # a talk on the programme ("steht ... ein Gespräch auf dem Programm"), not one whose
        # topics "stehen im Mittelpunkt" (de-t19g10); "vor" a talk, not "vor allem" (de-t219)
        r"|\b(?:steht|stehen)\b[^.]{0,80}\b(?:Programm|Plan|an)\b|\bvor\b(?!\s+allem\b)"
        r"|\bfreu\w*\s+sich\b"
    ),
}
_RECEIVED_NOT = re.compile(r"[Aa]irport|Flughafen|[Dd]elegation(?!\s+(?:led|headed)\s+by\b)")
_RECEIVED_GATE = {"en": "receiv", "de": "empf"}


def _received_talks(
    text: str,
    lang: str,
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
    roster: Roster,
) -> None:
    """`attended` for the host of a named guest received, where the text tells their talks
    (`_RECEIVED_TALK`)."""
    gate = _RECEIVED_GATE.get(lang)
    if gate is None or gate not in text:
        return  # (a substring scan in C first: most texts receive nobody)
    attending = {p.name for p in people if p.role == "attended"}
    hosts = [p for p in people if p.role == "presided" and p.name not in attending]
    if not hosts or not attending:
        return
    received = _RECEIVED[lang]
    receptions = list(dict.fromkeys(_sentence_at(text, m.start()) for m in received.finditer(text)))
    words = {p.name: p.name.split()[-1] for p in people}
    found: list[tuple[Person, set[str]]] = []  # each host with the guests received with him
    for host in hosts:
        guests: set[str] = set()
        for sentence in receptions:
            if _word_in(words[host.name], sentence) and not _RECEIVED_NOT.search(sentence):
                guests.update(
                    g for g in attending if g != host.name and _word_in(words[g], sentence)
                )
        if guests:
            found.append((host, guests | {host.name}))
    if not found:
        return
    # (the talks searched last, in the few texts that receive a named guest: the words of talks
    # are common ones, a search of every text would cost more than the rest of this pass)
    searched = text.lower() if lang == "en" else text
    talked = list(
        dict.fromkeys(
            _sentence_at(text, m.start()) for m in _RECEIVED_TALK[lang].finditer(searched)
        )
    )
    planned = _RECEIVED_PLANNED[lang]
    keys = {p.name: p.key for p in people}
    for host, pair in found:
        # (the same person named twice, "Putin" beside "Wladimir Putin" in one text, is no third
        # person: round 21, de-t20g33)
        same = {keys[n] for n in pair}
        for sentence in talked:
            if not planned.search(sentence) and not any(
                _word_in(words[n], sentence) for n in words if n not in pair and keys[n] not in same
            ):
                _add(people, seen, [host.name], "attended", host.segment, roster)
                break


def _sentence_at(text: str, at: int) -> str:
    """The sentence of `text` holding position `at`: between the stops (. ! ? or a line break)
    around it. The full stop of an abbreviation or of an ordinal ends none: "Bundespräsident Dr.
    Frank-Walter Steinmeier", "am 26. April" (de-t219, de-t19g33)."""
    start = max(_stop_before(text, at), text.rfind("!", 0, at), text.rfind("?", 0, at))
    start = max(start, text.rfind("\n", 0, at)) + 1
    end = len(text)
    for stop in "!?\n":
        found = text.find(stop, at)
        if 0 <= found < end:
            end = found
    found = _stop_after(text, at, end)
    return text[start : found if found >= 0 else end]


# The word before a full stop that ends no sentence: a day or month (an ordinal, "26."), one
# letter, or a short title ("Dr.", "Prof.", "Mr.", "St.").
_NO_STOP = re.compile(r"(?:\b\d{1,2}|\b[A-Za-zÄÖÜ]|\b(?:Dr|Prof|Mr|Mrs|Ms|St|Mag|Ing|Jr|Sr))\Z")


def _stop_before(text: str, at: int) -> int:
    found = text.rfind(".", 0, at)
    while found > 0 and _NO_STOP.search(text, max(0, found - 5), found):
        found = text.rfind(".", 0, found)
    return found


def _stop_after(text: str, at: int, end: int) -> int:
    found = text.find(".", at, end)
    while found >= 0 and _NO_STOP.search(text, max(0, found - 5), found):
        found = text.find(".", found + 1, end)
    return found


def _word_in(word: str, sentence: str) -> bool:
    """Whether `word` stands in `sentence` as a whole word (no letter or digit joined to it)."""
    at = sentence.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not sentence[at - 1].isalnum()) and (
            end == len(sentence) or not sentence[end].isalnum()
        ):
            return True
        at = sentence.find(word, at + 1)
    return False


def _presenters_with_a_role(
    text: str,
    people: list[Person],
    places: list[int],
    *,
    zh: bool = False,
    verb: re.Pattern[str] | None = None,
) -> tuple[list[Person], list[int]]:
    """The people without the `attended` of an award's presenter (or of who relays, `verb`) who
    speaks or chairs too (and whom no sentence tells attending): the presenter is named in the
    sentence before the verb, or is "the President" / "the head of state"."""
    before = ""  # the sentences' words before each verb of presenting
    if verb is None:
        verb = _ZH_CONFERRED if zh else _AWARDS_PRESENTED
    for found in verb.finditer(text):
        starts = [m.end() for m in _SENTENCE_START.finditer(text, 0, found.start())]
        before += " " + text[starts[-1] if starts else 0 : found.start()]
    titled = not zh and re.search(r"\bPresident\b|\bhead of state\b", before) is not None

    def key(person: Person) -> str:
        return to_simplified(person.name) if zh else person.name.split()[-1]

    other = {key(p) for p in people if p.role in ("spoke", "presided")}
    sentences = _SENTENCE_START.split(text)

    def presenter(person: Person) -> bool:
        name = key(person)
        if person.role != "attended" or name not in other:
            return False
        named = name in before if zh else re.search(r"\b" + re.escape(name) + r"\b", before)
        if not (titled or named):
            return False
        return not any(name in sentence and _ATTENDING.search(sentence) for sentence in sentences)

    kept = [(p, at) for p, at in zip(people, places, strict=True) if not presenter(p)]
    return [p for p, _ in kept], [at for _, at in kept]


def _add_headed(
    sentence: str,
    lang: str,
    ctx: LatinContext,
    before: _Before,
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
    segment: Segment,
) -> None:
    """The people an English list under a heading with no cue names ("The ambassadors are: A;
    B"), in the roles the occasion of the sentences before gives its group (`people_headed`)."""
    if lang != "en" or not LIST_HEAD.match(sentence):
        return

    def roles_of(text: str, names: list[str]) -> list[Role]:
        wanted = set(names)
        found = latin_lists(text, ctx, german=False)
        return list(dict.fromkeys(role for role, got in found if wanted.intersection(got)))

    def names_of(text: str) -> list[str]:
        return names_in(text, ctx)

    roles, names = headed_roles(sentence, before.recent(), names_of, roles_of)
    for role in roles:
        _add(people, seen, names, role, segment, ctx.roster)


# A caption of the honoured ("Die geehrten Persönlichkeiten: A, B, C und D (v.l.n.r.)",
# de-t11z11; "Konnten aus den Händen von Landrat X die ... Verdienstmedaille ... entgegennehmen
# (v. l. n. r.): A, B, C und D", de-t18g29; "Die Geehrten mit ...", "ausgezeichnet wurden").
_HONOURED_PICTURED = re.compile(
    r"\b(?:[Gg]eehrte[nr]?|[Gg]eehrt|ausgezeichnet(?:en?)?|entgegen(?:nehmen|genommen)?)\b"
)


def _pictured(sentence: str, ctx: LatinContext, given: set[str], caption: str | None) -> list[str]:
    """The people a sentence of a German photo caption (`caption`; None: the sentence is no
    caption's) shows that its cues gave no role: they are at the occasion ("Bundesrat Ignazio
    Cassis schüttelt Hände in Altdorf. (Bild: ...)"). Full names only: a lone capitalised word
    after a title is often no name ("Leiter Bereich 6")."""
    if caption is None or (
        ("ehrt" in sentence or "entgegen" in sentence or "ausgezeichnet" in sentence)
        and _HONOURED_PICTURED.search(sentence)
    ):
        return []  # (round 19) the honoured pictured have no role (LABELLING.md, round 17)
    return [
        item.name
        for group in sentence_lists(_past_dateline(sentence), ctx)
        for item in group
        if item.name not in given and " " in item.name and not item.possessive
    ]


def _german_paragraph(
    paragraph: str,
    lang: str,
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
    segment: Segment,
    roster: Roster,
) -> str | None:
    """The photo caption a German paragraph is, without its credit (people_de.photo_caption);
    and a German transcript's speaker ("MP Laschet: Meine Damen und Herren, ...") spoke, in
    the caption or else the paragraph. (One call per paragraph for both: round 11, pspeed11.)"""
    if lang != "de":
        return None
    caption = photo_caption(paragraph)
    text = caption or paragraph
    speaker = speaker_label(text) if ":" in text[:40] else None
    if speaker:
        _add(people, seen, [speaker], "spoke", segment, roster)
    return caption


def _add_pictured(
    pictured: list[tuple[Segment, str]],
    roster: Roster,
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
) -> None:
    """The people photo captions show attend, unless the text gives them a role of their own
    (one who chaired or spoke is there already: "Festredner X und Oberbürgermeister Y (v.l.)")."""
    named = {(p.canonical or p.name).casefold() for p in people}
    for segment, name in pictured:
        if (_canonical(name, roster) or name).casefold() not in named:
            _add(people, seen, [name], "attended", segment, roster)


def _add_zh_model(
    zh_read: list[tuple[Segment, str]],
    roster: Roster,
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
) -> None:
    """A learned second opinion on names the rules gave no role (people_model_zh), after them."""
    for name, role, segment in _zh_model().additions(zh_read, roster, people):
        _add(people, seen, [name], role, segment, roster)


# A page's link to another story, which names people at another occasion.
_RELATED = re.compile(
    r"(?:read\s+(?:more|also)|also\s+read|see\s+also|related(?:\s+(?:news|stories|articles))?"
    r"|mehr\s+(?:lesen|zum\s+thema)|lesen\s+sie\s+(?:auch|mehr)|weiterlesen"
    r"|相关(?:阅读|新闻|报道|文章)|延伸阅读|推荐阅读|更多阅读|相關(?:閱讀|新聞|報導)|延伸閱讀|推薦閱讀)"
    r"\s*[:：\-–—]",
    re.I,
)


def _zh() -> ModuleType:
    """people_zh, imported the first time a text needs it (see the module's doc)."""
    from worker.detect import people_zh

    return people_zh


def _zh_model() -> ModuleType:
    """people_model_zh, imported with people_zh (it reads people_zh's names)."""
    from worker.detect import people_model_zh

    return people_model_zh


def _tooltip_dropped(m: re.Match[str]) -> str:
    """The name of a tooltip without its repeat; a comma before the title it glued on."""
    if m.group("label"):
        return f"{m.group(1)} {m.group(2)}:"
    glued = m.end() < len(m.string) and m.string[m.end()] != " "
    return f"{m.group(1)} {m.group(2)}, " if glued else f"{m.group(1)} {m.group(2)}"


# A surname written in capitals after a known given name, as Austrian and agency copies set it
# ("Bürgermeister Ing. Peter STEINBACH", "Mandatare Eva–Maria HIMMELBAUER und Bgm. Richard HOGL",
# de-t13z04 and de-r13v07; "Bundeskanzlerin Angela MERKEL ... Petro POROSCHENKO", de-t19g27): an
# acronym to the rules, so the name was cut to its given name or dropped. Read in title case
# (same length, so no offset moves; names compare case-blind). Not a capitals word after a word
# no given name ("Partei SPD"), nor a Chinese surname first ("WU Ken": capitals first).
# (found from the capitals, after a space: the engine scans for that cheaply, where a pattern
# opening on the given name is tried at every capital of a German text)
_CAPS_SURNAME = re.compile(r" ([A-ZÄÖÜ][A-ZÄÖÜ][A-ZÄÖÜ]+)\b(?![-–.])")
_GIVEN_BEFORE = re.compile(r"[A-ZÄÖÜ][a-zäöüßáàâçéèêëíïñóôúû]+(?:[-–][A-ZÄÖÜ][a-zäöüß]+)?")


def _caps_surnames(text: str, roster: Roster, lang: str = "de") -> str:
    """The German text with each capitals surname after a known given name in title case."""
    if lang != "de":
        return text
    parts, last = [], 0
    for m in _CAPS_SURNAME.finditer(text):
        start = text.rfind(" ", 0, m.start()) + 1
        given = _GIVEN_BEFORE.fullmatch(text, start, m.start())
        if given is None or not roster.is_given_name(re.split("[-–]", given.group())[0]):
            continue
        caps = m.group(1)
        parts.append(text[last : m.start(1)] + caps[0] + caps[1:].lower())
        last = m.end(1)
    return "".join(parts) + text[last:] if parts else text


def _normalised(text: str, lang: str) -> str:
    """The text with what scrapers and machines garble in names put right (see `_TOOLTIP`,
    `people_latin.lower_given_names`)."""
    if lang in ("zh", "ja"):
        return text
    glued = _GLUED.search(text) is not None
    # (a tooltip holds a word said twice, "Nazarbayev Nazarbayev": four times cheaper to look
    # for than the tooltip itself, and in 28 of 1,793 English dev texts)
    if (glued or (lang == "en" and _REPEATED.search(text))) and _TOOLTIP.search(text):
        text = _TOOLTIP.sub(_tooltip_dropped, text)
        glued = _GLUED.search(text) is not None
    if any(p.search(text) for p in _GLUED_SENTENCE_BY_END):
        text = _GLUED_SENTENCE.sub(r"\g<0> ", text)
    if lang == "de" and "\n" in text:
        text = unwrapped(text)  # a page set at a fixed width: its lines joined again
    elif lang == "en" and "\n" in text:
        # a copy wrapped at no fixed width (a repost's lines of 5 to 80 characters: "The
        # President took part" / "in the final plenary session", "President of Russia
        # Vladimir" / "Putin: I suppose so"): the same joining as a German page's
        text = _unwrapped_en(text)
    if lang == "en":
        given = lower_given_names(text)
        if given != text:  # (it rarely changes a text: no second scan for the test then)
            text, glued = given, _GLUED.search(given) is not None
        if glued:
            text = split_glued(text)
        if "&" in text or "< " in text:
            text = _BROKEN_MARKUP.sub(" ", text)
        if _CAPS_LABEL.search(text):
            text = _CAPS_LABEL.sub(_label_cased, text)
    return text


# Two sentences a copy glued together, the space after the full stop lost ("was held at the
# Zaozhuang Museum.Wang Ya, former deputy mayor, ...", "in School of Humanities.The executive
# dean Xiang Zhongmin"): the space put back, so that the second sentence opens on its own and
# its subject is read. After two lower-case letters only ("U.S.Army", "St.Petersburg" stay
# as they are), and not before a domain's ending ("Pravda.Ru", "News.Az").
_GLUED_NEXT = (
    r"(?!(?:Ru|Az|Com|Net|Org|Info|Ua|Kz|By|Uz|Am|Ge|Md|Kg|Tj|Tm|Lv|Lt|Ee|Cn|Tv|Io)\b)"
    r"(?=[A-Z][a-z])"
)
_GLUED_SENTENCE = re.compile(r"[.!?](?<=[a-z][a-z][.!?])" + _GLUED_NEXT)
# The same, one pattern per sentence end, to look for: a pattern opening with a literal
# character is searched for by that character alone, one opening with a class ("[.!?]") tests
# the class at every character, three times the cost over a text (round 13).
_GLUED_SENTENCE_BY_END = tuple(
    re.compile(re.escape(end) + f"(?<=[a-z][a-z]{re.escape(end)})" + _GLUED_NEXT) for end in ".!?"
)


# A line that may open in lower case: its first character past any blank (an ASCII letter in
# lower case or any other character; `str.islower` holds of no other ASCII): one literal
# search, where most texts' lines are stripped and compared one by one for nothing (round 13).
_LOWER_LINE = re.compile(r"\n\s*[a-z\x80-\U0010ffff]")


def _unwrapped_en(text: str) -> str:
    """An English text whose lines were wrapped inside its sentences at no fixed width joined
    again, as `people_de.unwrapped` joins a German page: when at least three lines, and a
    fifth of them, end with no sentence end before a line opening in lower case, every line
    with no end joins the next once a sentence went on (in lower case, after "and", "of",
    "the", a comma: `_WRAPPED_END`, after a line of 100+ characters, or in a line of 40+
    characters as long as the next within 12: a paragraph's first lines at its width); a
    fixed-width block's lines are joined by their width first (`_latin_block`: "Premier Wen" /
    "Jiabao joined")."""
    if len(_LOWER_LINE.findall(text)) < 3:
        return text  # (fewer than three lines can open in lower case: the common case)
    lines = [line.strip() for line in text.split("\n")]
    filled = [line for line in lines if line]
    going_on = sum(
        1
        for line, following in pairwise(filled)
        if line[-1] not in _EN_ENDS and following[:1].islower()
    )
    if going_on < 3 or going_on * 5 < len(filled):
        return text  # (the common case)
    if _fixed_width(filled):
        lines = _latin_block(filled)
    out: list[str] = []
    going = False  # a sentence went on: the headline's lines are behind
    for line in lines:
        if out and out[-1] and line and out[-1][-1] not in _EN_ENDS:
            going = (
                going
                or line[0].islower()
                or _WRAPPED_END.search(out[-1][-12:]) is not None
                or len(out[-1]) > 100  # a paragraph (the block's joined lines), no headline
                or (40 <= len(out[-1]) and abs(len(out[-1]) - len(line)) <= 12)  # one width
            )
            if going:  # (a line in capitals joins only then: "Vladimir" / "Putin: I suppose")
                out[-1] = f"{out[-1]} {line}"
                continue
        out.append(line)
        # a paragraph's line (a fixed-width block joined, 100+ characters): the headline is
        # behind, so a list broken before a capital goes on ("Cai Qi, Ding" / "Xuexiang, Li")
        going = going or len(line) > 100
    return "\n".join(out)


_EN_ENDS = '.!?:;"”»'  # (no ")": "Communist Party of China (CPC)" / "and the state attended")


# A transcript's speaker label in capitals ("PRESIDENT OF RUSSIA DMITRY MEDVEDEV: This
# morning, ..."): read as the label it is, in the case names are read in.
# (A capital first, then that it opens its line: re skips in C to the capitals; "(?m)^" first
# had the pattern tried at every position, round 24, encost24.)
_CAPS_LABEL = re.compile(r"[A-Z](?<![^\n].)[A-Z’'-]+(?: [A-Z][A-Z’'-]+){1,9}(?=:\s+\S)")
_LOWER_IN_TITLE = frozenset("of the and for".split())


def _label_cased(m: re.Match[str]) -> str:
    return " ".join(
        w.lower() if w.lower() in _LOWER_IN_TITLE else w.capitalize() for w in m.group().split()
    )


# HTML a machine translation broke apart and left in the text: "Putin and & nbsp; Biden",
# "< p> The conversation".
_BROKEN_MARKUP = re.compile(r"\s*&\s?(?:nbsp|amp|quot|#160);\s*|<\s?/?\s?p>\s*")


def _latin_people(
    sentence: str,
    past: str,
    ctx: LatinContext,
    lang: str,
    before: _Before,
    people: list[Person],
) -> Iterator[tuple[Role, list[str]]]:
    """The lists of an English or German sentence holding a cue word (`past`: the sentence
    read past its dateline), with what the sentence before left (`before`) and, in German,
    the people a pronoun stands for."""
    found = _latin_sentence(past, ctx, lang == "de", before)
    yield from found
    if lang == "de" and (not found or sentence.startswith(("Er ", "Sie "))):
        yield from _german_pronoun(sentence, before.sentence(), people, ctx)


def _german_pronoun(
    sentence: str, previous: str, people: Sequence[Person], ctx: LatinContext
) -> Iterator[tuple[Role, list[str]]]:
    """A German sentence naming nobody that gives a role through a pronoun (people_de): the
    speaker is the first person the sentence before names; "beide" holding talks after a
    reception are its host (the one who presided so far) and the guests."""
    role = pronoun_role(sentence)
    if role in ("spoke", "present"):
        # the sentence before is the loop's, not found again in the text (that was quadratic)
        named = names_in(previous, ctx) if previous else []
        if role == "spoke" and named:
            yield role, named[:1]
        elif len(named) == 2:  # "Ihr Telefonat ...": the two the sentence before names
            yield "attended", named
    elif role == "attended":
        hosts = {p.name for p in people if p.role == "presided"}
        if len(hosts) == 1 and any(p.role == "attended" and p.name not in hosts for p in people):
            yield role, list(hosts)


# A cardinal's rank written inside his name ("Joachim Kardinal Meisner", "Reinhard Cardinal
# Marx"), as the church styles it: the person is the name without it.
_INNER_RANK = re.compile(r"^((?:\S+\s+){1,2}?)(?:Kardinal|Cardinal)\s+(?=\S)")


# Round 18 (fp18): Chinese words every reading path might take for a name, which name no
# person: a city or a country the gazetteer knows ("新华社莫斯科8月20日电", zh_cn-t17z21;
# "李克強抵達莫斯科", zh_hant-r15v07; "在柏林", zh_cn-t407), a city by its 市 ("高雄市議員",
# zh_hant-t17z29; "寧德市", scraped-r14v06; "全市", zh_cn-t16z19) and a council or an assembly
# ("陸委會", rounds 23, 30 and 32; "閉幕會", "由大会", "商会"). No dev label is such a name.
_HAN_BODY_END = ("委会", "大会", "商会", "幕会")


@lru_cache(maxsize=1)
def _han_places() -> frozenset[str]:
    # Built on the first name in Chinese characters, not on import: to_simplified builds
    # OpenCC's converter (its dictionaries loaded), which a pass with no Chinese report never
    # needs (bench/README.md, round 25, speed25).
    return frozenset(
        to_simplified(name) for _, _, names in ENTRIES for name in names if has_han(name)
    )


@lru_cache(maxsize=4096)
def _han_no_person(name: str) -> bool:
    """Whether a name in Chinese characters is a place or a body, not a person."""
    plain = to_simplified(name)
    return plain[-1:] == "市" or plain.endswith(_HAN_BODY_END) or plain in _han_places()


def _add(
    people: list[Person],
    seen: set[tuple[str, Role, Segment]],
    names: Sequence[str],
    role: Role,
    segment: Segment,
    roster: Roster,
    first: int = 1,
) -> None:
    for position, written in enumerate(dict.fromkeys(names), start=first):
        # (a Han first character tested by comparing the whole string, no slice: "\ua000" is
        # the first code point past the block; round 18, costp18)
        if "\u4e00" <= written < "\ua000" and _han_no_person(written):
            continue
        name = _INNER_RANK.sub(r"\1", written) if "ardinal " in written else written
        canonical = _canonical(name, roster)
        key = (canonical or name).casefold()
        if (key, role, segment) not in seen:
            seen.add((key, role, segment))
            people.append(Person(name, canonical, role, segment, position))
