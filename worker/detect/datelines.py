"""Where a lead was filed from, and the first day of a span of days. Pure.

A lead often opens with the place it was filed from, with no date: "FRANKFURT (dpa-AFX) -",
"Tokyo (Jiji Press)—", "NEW DELHI:", "The Hague, June 26:", "MOSCOW (dpa-AFX) - The NATO
summit has declared ...". That place (and that date) is the desk's, not the occasion's: an
agency files a report of the summit in Washington from Moscow. Reading it as where the occasion
is sets two reports of one occasion apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from worker.detect.places import places_named

# Up to six words opening the lead (capitalised, numbers, or the particles of place names:
# "Dar es Salaam", "Savelletri di Fasano"), perhaps an agency in brackets, then a dash or a
# colon: the place (and date) the report was filed from.
_FILED_FROM = re.compile(
    r"^\s*(?P<head>(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|\d{1,2}|d[aei]|del|es|el|la|le)"
    r"(?:[ ,]+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|\d{1,2}|d[aei]|del|es|el|la|le)){0,5})"
    # a single hyphen only with a space beside it: "EZB-Rat", "NATO-Gipfel" are one word
    r"\s*(?P<agency>(?:\([^()\n]{2,30}\)\s*){0,2})(?P<sep>--|—|–|(?<=\s)-|-(?=\s)|:)"
    r"\s*(?=[\w\"'“‘«(])"
)
# An agency's dateline with its date: "MOSCOW, October 5. /TASS/.", "СОЧИ, 2 окт – РИА
# Новости.", "Kuala Lumpur, 3 April 2023 (TDI):". The agency's full stop ends no sentence.
_AGENCY_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z .'-]{1,40},\s*[^\n]{1,30}?(?:/\s*[A-Za-z]+\s*/\.?|\)\s*:)"
    r"|[А-ЯЁ][А-ЯЁа-яё .-]{1,30},\s*\d{1,2}\s+[а-яё]{3,9}\.?\s*[-–—]\s*[^.\n]{2,30}\.)\s*"
)
# A short code in capitals in brackets is a party's ("Friedrich Merz (CDU):", "Donald Trump
# (R) -") unless it is an agency's.
_PARTY_CODE = re.compile(r"\(\s*[A-Z]{1,4}\s*\)")
_SHORT_AGENCIES = frozenset(
    "AP AFP UPI PTI IANS ANI TASS PANA TDI APA KNA SDA DPA EFE ANSA MTI CTK PAP BNS WAM SPA KUNA"
    " QNA IRNA ISNA BNA MENA SANA KCNA NNA".split()
)


def _names_an_agency(brackets: str) -> bool:
    """Brackets after the head name an agency ("(dpa-AFX)", "(PANA)"), not a party ("(CDU)")."""
    for code in re.findall(r"\(([^()]*)\)", brackets):
        if not _PARTY_CODE.fullmatch(f"({code})") or code.strip() in _SHORT_AGENCIES:
            return True
    return False


def without_filing_place(lead: str) -> str:
    """The lead without the place it was filed from when it opens with one: an agency's
    dateline ("MOSCOW, October 5. /TASS/."), a head in capitals
    ("KANAZAWA--", "NEW DELHI:"), with an agency in brackets ("Addis Ababa, Ethiopia (PANA) -"),
    or a place the gazetteer knows ("Paris:", "The Hague, June 26:")."""
    agency = _AGENCY_DATELINE.match(lead)
    if agency:
        return lead[agency.end() :]
    m = _FILED_FROM.match(lead)
    if not m or len(m.group("head")) > 45:
        return lead
    head = m.group("head")
    letters = [c for c in head if c.isalpha()]
    # one word in capitals before a colon is a subject ("BRICS: leaders of the bloc")
    one_word_colon = m.group("sep") == ":" and " " not in head.strip(" ,")
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters) and not one_word_colon
    if capitals or _names_an_agency(m.group("agency")) or places_named(head):
        return lead[m.end() :]
    return lead


# "from Thursday 13th to Saturday 15th June", "du 13 au 15 juin", "vom 13. bis 15. Juni": the day
# before the range word is the first day of the occasion, in the month of the date after it.
_SPAN_BEFORE = re.compile(
    # (not the number of a day of the occasion, "G7 Hiroshima Summit: Day 1 - May 19, 2023",
    # of a stage, a round or a part: round 20)
    r"(?<![\d.,:])(?<!\bday )(?<!\btag )(?<!\bjour )(?<!\bgiorno )(?<!\bdía )(?<!\bstage )"
    r"(?<!\bround )(?<!\bpart )(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er|\.)?\s+(?:to|until|till|through|au|al"
    r"|bis|-|–)\s+(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)


def first_day_of_span(text: str, start: int) -> int | None:
    """The first day of a span of days whose last day's date starts at `start` ("13th to
    Saturday 15th June": 13), or None when no span ends there."""
    m = _SPAN_BEFORE.search(text, max(0, start - 30), start)
    return int(m.group(1)) if m else None


# The day before the report was filed, or that day, in words, in the languages the feeds
# bring: "took place last night", "yesterday", "gestern", "hier soir" (not "hier" alone: German
# "here"), "ieri", "ayer", "вчера", "昨晚出席國慶晚會"; "today", "heute", "oggi", "今天發表國慶演說",
# "今（5）日".
_RELATIVE_DAY = re.compile(
    r"\b(?:(yesterday|last night|gestern|gestrigen|ieri|ayer|ontem|вчера"
    r"|hier (?:soir|matin|après-midi))"
    r"|(today|tonight|this (?:morning|afternoon|evening)|heute|heutigen|aujourd'hui"
    r"|ce (?:matin|soir)|oggi|stamattina|stasera|hoy|hoje|сегодня))\b"
    r"|(昨[天日晚]|昨夜)|(今[天日晚]|今\s*[（(]\s*\d{1,2}\s*[)）]\s*日)",
    re.IGNORECASE,
)


def relative_day(lead: str, filed: date, skip: Callable[[int], bool] | None = None) -> date | None:
    """The day a lead gives in words relative to the day it was filed ("last night": the day
    before), the first it gives outside what `skip` says to pass over (the offset of a word in
    a clause recalling or announcing another occasion); None when it gives none."""
    for hit in _RELATIVE_DAY.finditer(lead):
        if skip is not None and skip(hit.start()):
            continue
        return filed - timedelta(days=1) if hit.group(1) or hit.group(3) else filed
    return None
