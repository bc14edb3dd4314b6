"""Date expressions: text in, date mentions (spans) and contradictory-date findings out.

`find_dates` locates English and Chinese date expressions (month names, "12 Dec",
"December 12, 2023", ISO dates, weekdays, 2023年12月28日, 星期一) so a diff can tell that an
edit touches a date. `check_dates` reports dates that cannot be right: ranges that end before
they start within one month ("from 28 to 12 December", "December 28-12", 12月28日至12日) and
days that do not exist ("31 February", 2月30日).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from worker.detect.model import Finding

# Hand-written patterns: dateparser's search_dates is slow, English-centred and silently drops
# impossible dates, which are exactly what check_dates must report.
_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_RANGE_SEP = r"\s*(?:-|–|—|~|to|until|till|through|thru|and)\s*"
_YEAR = r"(?:1[89]|2[01])\d\d"
_ZH_NUM = r"[0-9０-９〇零一二两三四五六七八九十廿卅]{1,4}"

_EN_DAY_FIRST = re.compile(
    rf"\b(?P<d1>{_DAY})(?:{_RANGE_SEP}(?P<d2>{_DAY}))?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b"
)
_EN_MONTH_FIRST = re.compile(
    rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\b(?:{_RANGE_SEP}(?P<d2>{_DAY})\b)?"
    rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
)
_EN_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))\b")
# A bare month name; "May", "March" and abbreviations need a day or a year next to them.
_EN_MONTH_ALONE = re.compile(
    r"\b(?:January|February|April|June|July|August|September|October|November|December)\b"
)
_EN_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_ISO = re.compile(
    rf"\b(?P<y>{_YEAR})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d1>3[01]|[12]\d|0?[1-9])(?!\d)"
)
_ZH_DATE = re.compile(
    rf"(?:(?P<y>{_ZH_NUM})年)?(?P<m>{_ZH_NUM})月(?:(?P<d1>{_ZH_NUM})[日号])?"
    rf"(?:\s*(?:至|到|—|-|－|~|～)\s*(?:(?P<m2>{_ZH_NUM})月)?(?P<d2>{_ZH_NUM})[日号])?"
)
# A year on its own is four digits (2023年, 二〇二三年); "过去10年", "十年" and "75周年" are spans.
_ZH_YEAR = re.compile(
    r"(?<![\d〇零一二三四五六七八九十])(?P<y>\d{4}|[〇零一二三四五六七八九]{4})年(?!代)"
)
_ZH_WEEKDAY = re.compile(r"(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]")
# Every pattern above needs one of these (a month or weekday name, a digit, 月, 年, 星期...).
# What each pattern above needs, looked for before running it (a long text names few dates).
# Written to open with one character class, so the regex engine skips ahead in C: a leading
# alternation of classes or words makes it try the whole pattern at every position.
_MONTH_ABBREVS = (
    r"(?<=J)(?:an|un|ul)|(?<=F)eb|(?<=M)a[ry]|(?<=A)(?:pr|ug)|(?<=S)ep|(?<=O)ct|(?<=N)ov|(?<=D)ec"
)
_MONTH_HINT = re.compile(rf"[JFMASOND](?:{_MONTH_ABBREVS})")  # Jan ... Dec
_ISO_HINT = re.compile(r"\d[-/.]\d")
_ZH_WEEKDAY_HINT = re.compile(r"[星礼禮周週]")
# A date with a day: 月, an ISO-like number or a month name.
_DAY_HINT = re.compile(rf"[月\dJFMASOND](?:(?<=月)|(?<=\d)[-/.]\d|{_MONTH_ABBREVS})")
_DATELINE = re.compile(
    rf"^\W*[A-Z][\w .'-]{{1,40}},\s*(?P<date>(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY}))\s*\(",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text; the numbers are filled in where the text gives them."""

    span: tuple[int, int]
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None
    end_month: int | None = None


_ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def numeral_value(text: str | None) -> int | None:
    """Parse "28", "２８", "28th", "二十八", "廿八" or "二〇二三" into an int."""
    if not text:
        return None
    text = re.sub(r"(?:st|nd|rd|th)$", "", text)
    digits = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if digits.isdigit():
        return int(digits)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if "十" not in text:  # positional: 二〇二三
        if all(ch in _ZH_DIGITS for ch in text):
            return int("".join(str(_ZH_DIGITS[ch]) for ch in text))
        return None
    tens, _, units = text.partition("十")
    try:
        return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[units] if units else 0)
    except KeyError:
        return None


def _month(text: str | None) -> int | None:
    if text is None:
        return None
    return _MONTHS.get(text.rstrip(".").lower()) or numeral_value(text)


def _mention(m: re.Match[str]) -> DateMention:
    groups = m.groupdict()
    return DateMention(
        span=(m.start(), m.end()),
        text=m.group(),
        year=numeral_value(groups.get("y")),
        month=_month(groups.get("m")),
        day=numeral_value(groups.get("d1")),
        end_day=numeral_value(groups.get("d2")),
        end_month=_month(groups.get("m2")),
    )


def find_dates(text: str) -> list[DateMention]:
    """Return the date expressions in `text`, in order, without overlaps (longest first).

    >>> [d.text for d in find_dates("Beijing, 12 Dec -- held on Monday, December 28, 2023")]
    ['12 Dec', 'Monday', 'December 28, 2023']
    >>> [(d.month, d.day, d.end_day) for d in find_dates("会议于12月28日至12日举行")]
    [(12, 28, 12)]
    """
    return _find(text, with_day_only=False)


def _find(text: str, *, with_day_only: bool) -> list[DateMention]:
    """`find_dates`; with `with_day_only`, only the kinds of expression that can hold a day."""
    month = _MONTH_HINT.search(text) is not None
    with_numbers = (
        (_ISO, _ISO_HINT.search(text) is not None),
        (_ZH_DATE, "月" in text),
        (_EN_DAY_FIRST, month),
        (_EN_MONTH_FIRST, month),
        (_EN_MONTH_YEAR, month and not with_day_only),
    )
    found: list[DateMention] = []
    for pattern, needed in with_numbers:
        if needed:
            found.extend(_mention(m) for m in pattern.finditer(text))
    if not with_day_only:
        names_only = (
            (_EN_MONTH_ALONE, month),
            (_EN_WEEKDAY, "day" in text),
            (_ZH_YEAR, "年" in text),
            (_ZH_WEEKDAY, _ZH_WEEKDAY_HINT.search(text) is not None),
        )
        for pattern, needed in names_only:
            if needed:
                found.extend(
                    DateMention((m.start(), m.end()), m.group()) for m in pattern.finditer(text)
                )
    found.sort(key=lambda d: (d.span[0], -(d.span[1] - d.span[0])))
    result: list[DateMention] = []
    for mention in found:
        if result and mention.span[0] < result[-1].span[1]:
            continue
        if mention.month is not None and not 1 <= mention.month <= 12:
            continue
        result.append(mention)
    return result


def _exists(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February may exist
    except ValueError:
        return False
    return True


def _dateline(text: str) -> str | None:
    m = _DATELINE.search(text[:5000])
    return m.group("date") if m else None


def _dates_with_day(text: str) -> Iterator[DateMention]:
    """The dates of `text` that may hold a day, found line by line on the lines that name a
    month (or hold 月 or an ISO-like number): most lines of a long text name none.

    One search of the whole text finds the next such line (no hint crosses a line break), so
    lines without a hint cost no Python-level step.
    """
    hint = _DAY_HINT.search(text)
    while hint is not None:
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        for d in _find(text[start:end], with_day_only=True):
            yield replace(d, span=(d.span[0] + start, d.span[1] + start))
        hint = _DAY_HINT.search(text, end)


def check_dates(text: str) -> tuple[Finding, ...]:
    """Return findings for dates in `text` that cannot be right.

    >>> [f.summary for f in check_dates("It was held from 28 to 12 December.")]
    ['date range "28 to 12 December" ends (day 12) before it starts (day 28)']
    >>> [f.summary for f in check_dates("截至2月30日")]
    ['date "2月30日" does not exist']
    """
    findings: list[Finding] = []
    dateline = _dateline(text)
    for d in _dates_with_day(text):
        if d.month is None or d.day is None:
            continue
        detail: dict[str, object] = {"text": d.text, "span": list(d.span)}
        if dateline and dateline != d.text:
            detail["dateline"] = dateline
        if not _exists(d.year, d.month, d.day):
            findings.append(
                Finding("date", f'date "{d.text}" does not exist', {**detail, "problem": "invalid"})
            )
            continue
        if d.end_day is None:
            continue
        end_month = d.end_month or d.month
        if not _exists(d.year, end_month, d.end_day):
            findings.append(
                Finding("date", f'date "{d.text}" does not exist', {**detail, "problem": "invalid"})
            )
        elif end_month == d.month and d.end_day < d.day:
            summary = f'date range "{d.text}" ends (day {d.end_day}) before it starts (day {d.day})'
            detail.update(
                problem="range_reversed",
                start={"year": d.year, "month": d.month, "day": d.day},
                end={"year": d.year, "month": end_month, "day": d.end_day},
            )
            findings.append(Finding("date", summary, detail))
    return tuple(findings)
