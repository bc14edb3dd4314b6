"""Where a lead was filed from, and the first day of a span of days. Pure.

A lead often opens with the place it was filed from, with no date: "FRANKFURT (dpa-AFX) -",
"Tokyo (Jiji Press)—", "NEW DELHI:", "The Hague, June 26:", "MOSCOW (dpa-AFX) - The NATO
summit has declared ...". That place (and that date) is the desk's, not the occasion's: an
agency files a report of the summit in Washington from Moscow. Reading it as where the occasion
is sets two reports of one occasion apart.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from worker.detect.places import places_named

# Up to six words opening the lead (capitalised, numbers, or the particles of place names:
# "Dar es Salaam", "Savelletri di Fasano"), perhaps an agency in brackets, then a dash or a
# colon: the place (and date) the report was filed from.
_FILED_FROM = re.compile(
    r"^\s*(?P<head>(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|\d{1,2}|d[aei]|del|es|el|la|le)"
    r"(?:[ ,]+(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|\d{1,2}|d[aei]|del|es|el|la|le)){0,5})"
    r"\s*(?P<agency>(?:\([^()\n]{2,30}\)\s*){0,2})(?:--|—|–|-|:)\s*(?=[\w\"'“‘«(])"
)


def without_filing_place(lead: str) -> str:
    """The lead without the place it was filed from when it opens with one: a head in capitals
    ("KANAZAWA--", "NEW DELHI:"), with an agency in brackets ("Addis Ababa, Ethiopia (PANA) -"),
    or a place the gazetteer knows ("Paris:", "The Hague, June 26:")."""
    m = _FILED_FROM.match(lead)
    if not m or len(m.group("head")) > 45:
        return lead
    head = m.group("head")
    letters = [c for c in head if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    if capitals or m.group("agency") or places_named(head):
        return lead[m.end() :]
    return lead


# "from Thursday 13th to Saturday 15th June", "du 13 au 15 juin", "vom 13. bis 15. Juni": the day
# before the range word is the first day of the occasion, in the month of the date after it.
_SPAN_BEFORE = re.compile(
    r"(?<![\d.,:])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er|\.)?\s+(?:to|until|till|through|au|al"
    r"|bis|-|–)\s+(?:[^\W\d_]+\s+)?$",
    re.IGNORECASE,
)


def first_day_of_span(text: str, start: int) -> int | None:
    """The first day of a span of days whose last day's date starts at `start` ("13th to
    Saturday 15th June": 13), or None when no span ends there."""
    m = _SPAN_BEFORE.search(text, max(0, start - 30), start)
    return int(m.group(1)) if m else None


# The day before the report was filed, or that day, in words: "took place last night",
# "yesterday", "gestern", "hier soir" (not "hier" alone: German "here"), "ieri", "ayer", "вчера",
# "昨天", "昨日".
_RELATIVE = (
    (
        1,
        re.compile(
            r"\b(?:yesterday|last night|gestern|gestrigen|ieri|ayer|ontem|вчера)\b"
            r"|\bhier (?:soir|matin|après-midi)\b|昨天|昨日|昨晚",
            re.IGNORECASE,
        ),
    ),
    (
        0,
        re.compile(
            r"\b(?:today|tonight|this (?:morning|afternoon|evening)|heute|heutigen"
            r"|aujourd'hui|ce (?:matin|soir)|oggi|stamattina|stasera|hoy|hoje|сегодня)\b"
            r"|今天|今日|今晚",
            re.IGNORECASE,
        ),
    ),
)


def relative_day(lead: str, filed: date) -> date | None:
    """The day a lead gives in words relative to the day it was filed ("last night": the day
    before), the first it gives; None when it gives none."""
    found = [(m.start(), back) for back, pattern in _RELATIVE if (m := pattern.search(lead))]
    return filed - timedelta(days=min(found)[1]) if found else None
