"""The changes page's filters, from URL query parameters (so every view can be bookmarked).

`feed`, `kind`, `person`, `since`, `until`, `q`, `cursor` and `limit`; a bad value is a
`FilterError` naming the parameter. A person is matched in any script through the roster:
"蔡奇", "Cai Qi" and "Tsai Chi" find the same changes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from alerts.event import KINDS
from storage.browse import ChangeFilter, Cursor
from storage.models import Change
from worker.detect.roster import Roster, fold, has_han, pinyin_name, to_simplified
from worker.durations import parse_duration
from worker.errors import ConfigError

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
PARAMS = ("feed", "kind", "person", "since", "until", "q")


class FilterError(ValueError):
    """A query parameter the page cannot use; the message names it."""


@dataclass(frozen=True, slots=True)
class Query:
    """The filters as given (for links and forms) and as the store applies them."""

    given: dict[str, str]
    store: ChangeFilter
    person: Person | None
    cursor: Cursor | None
    limit: int

    def url(self, path: str, **changes: str | None) -> str:
        """`path` with these filters, some replaced (None drops one)."""
        params = {**self.given, **changes}
        if self.limit != PAGE_SIZE and "limit" not in changes:
            params["limit"] = str(self.limit)
        kept = {k: v for k, v in params.items() if v}
        return path + ("?" + urlencode(kept) if kept else "")


def parse_query(params: Mapping[str, str], roster: Roster) -> Query:
    given = {k: params[k].strip() for k in PARAMS if params.get(k, "").strip()}
    kind = given.get("kind")
    if kind is not None and kind not in KINDS:
        raise FilterError(f"kind {kind!r}: expected one of {', '.join(KINDS)}")
    person = Person.of(given["person"], roster) if "person" in given else None
    flt = ChangeFilter(
        feed_url=given.get("feed"),
        kind=kind,
        since=_time(given.get("since"), "since"),
        until=_time(given.get("until"), "until"),
        text=given.get("q"),
        names=person.forms if person else (),
    )
    return Query(given, flt, person, _cursor(params.get("cursor")), _limit(params.get("limit")))


def _time(value: str | None, name: str) -> datetime | None:
    """An ISO date or time (UTC when no zone is given), or an age such as 12h or 7d."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.now(UTC) - timedelta(seconds=parse_duration(value, what=name))
        except ConfigError as err:
            raise FilterError(
                f"{name} {value!r}: expected a date, a time or an age such as 7d"
            ) from err
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def encode_cursor(cursor: Cursor) -> str:
    return f"{cursor.detected_at.isoformat()}~{cursor.id}"


def _cursor(value: str | None) -> Cursor | None:
    if not value:
        return None
    at, sep, change_id = value.partition("~")
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        when = None
    if not sep or when is None or when.tzinfo is None or not change_id:
        raise FilterError(f"cursor {value!r}: not a cursor from a page's 'older' link")
    return Cursor(when, change_id)


def _limit(value: str | None) -> int:
    if not value:
        return PAGE_SIZE
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE_SIZE:
        raise FilterError(f"limit {value!r}: expected a whole number from 1 to {MAX_PAGE_SIZE}")
    return int(value)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True, slots=True)
class Person:
    """A person asked for, with every spelling the roster knows (English, Chinese, aliases)."""

    asked: str
    canonical: str | None
    forms: tuple[str, ...]

    @classmethod
    def of(cls, name: str, roster: Roster) -> Person:
        canonical = roster.canonical(name)
        forms = {name} if has_han(name) else {name, name.title()}  # "cai qi" is written "Cai Qi"
        if canonical is not None:
            entry = next(e for e in roster.entries if e.name == canonical)
            forms.update(entry.spellings())
        elif has_han(name):
            forms.update((to_simplified(name), pinyin_name(name)))
        return cls(name, canonical, tuple(sorted(forms)))

    def named_in(self, change: Change, roster: Roster) -> bool:
        """True when the change's event names this person: in its lists of people, or in the
        wording, title or summary it reports (a whole name, not part of a longer one)."""
        event: dict[str, Any] = json.loads(change.event)
        keys = {fold(f) for f in self.forms}
        for name in _listed_names(event):
            if fold(name) in keys or (
                self.canonical is not None and roster.canonical(name) == self.canonical
            ):
                return True
        return any(self._in_text(text) for text in _texts(event))

    def _in_text(self, text: str) -> bool:
        folded = _norm(text)
        for form in self.forms:
            needle = _norm(form)
            if not needle:
                continue
            if has_han(needle):
                if needle in folded or to_simplified(needle) in to_simplified(folded):
                    return True
            elif re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", folded):
                return True
        return False


def _listed_names(event: Mapping[str, Any]) -> Iterator[str]:
    att = event.get("attendees") or {}
    for key in ("before", "after", "added", "removed"):
        yield from (str(n) for n in att.get(key) or ())
    for variant in att.get("variants") or ():
        yield from (str(n) for n in (*variant.get("before", ()), *variant.get("after", ())))
    for role in att.get("role_changes") or ():
        yield str(role.get("name", ""))


def _texts(event: Mapping[str, Any]) -> Iterator[str]:
    yield str(event.get("summary") or "")
    yield str((event.get("article") or {}).get("title") or "")
    title = event.get("title") or {}
    yield from (str(title.get("before") or ""), str(title.get("after") or ""))
    for edit in (event.get("wording") or {}).get("edits") or ():
        yield from (str(edit.get(k) or "") for k in ("before", "after", "context"))
