"""Per-channel filters: an `Alert` in, "send it on this channel?" out.

Filters combine with AND; an empty filter lets everything through. `people` and `words` are
watch lists: a change passes when one watched name appears or disappears (attendee lists,
variants, role changes, or wording edits), or a watched word is inserted or removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from alerts.message import Alert


@dataclass(frozen=True, slots=True)
class Filters:
    feeds: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    min_change: float = 0.0
    people: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def matches(self, alert: Alert) -> bool:
        """True when the alert passes every configured filter (a test alert passes all)."""
        if alert.is_test:
            return True
        if self.feeds and alert.feed_url not in self.feeds:
            return False
        if self.kinds and not (self.kinds & aspects(alert)):
            return False
        if alert.change + 1e-9 < self.min_change:  # 1 - 0.91 is 0.0899999... in floats
            return False
        if self.people and not any(person_changed(alert, p) for p in self.people):
            return False
        return not self.words or any(word_changed(alert, w) for w in self.words)


def aspects(alert: Alert) -> frozenset[str]:
    """The kinds of change an event carries: its `kind` plus wording/attendees when present.

    An event names only its most significant kind (SPEC.md), so a channel that asked for
    "wording" still hears about an attendee change that also edited the text.
    """
    found = {alert.kind}
    if alert.edits:
        found.add("wording")
    if alert.attendees.changed:
        found.add("attendees")
    return frozenset(found)


def person_changed(alert: Alert, name: str) -> bool:
    """True when `name` was added, removed, re-spelled or re-roled, or an edit adds/drops it."""
    att = alert.attendees
    if any(_same_name(name, other) for other in alert.people):  # absence, rank: who it names
        return True
    listed = [*att.added, *att.removed, *(r.name for r in att.role_changes)]
    found = alert.event.get("discrepancy")
    if isinstance(found, dict) and isinstance(found.get("detail"), dict):
        detail = found["detail"]  # who is missing, or in what role, however the reports write it
        listed += [str(detail.get("person") or ""), *map(str, detail.get("names") or ())]
    for variant in att.variants:
        listed += [*variant.before, *variant.after]
    if any(_same_name(name, other) for other in listed):
        return True
    return any(_count(name, e.before) != _count(name, e.after) for e in alert.edits)


def word_changed(alert: Alert, word: str) -> bool:
    """True when an edit inserts or removes `word` (whole word; substring for CJK)."""
    return any(_count(word, e.before) != _count(word, e.after) for e in alert.edits)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _same_name(a: str, b: str) -> bool:
    return _fold(a) == _fold(b) or _fold(a).replace(" ", "") == _fold(b).replace(" ", "")


def _has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


def _count(needle: str, haystack: str) -> int:
    folded, text = _fold(needle), _fold(haystack)
    if not folded:
        return 0
    if _has_cjk(folded):
        # CJK text has no spaces between words: a plain substring is the word match
        return text.count(folded)
    return len(re.findall(rf"(?<!\w){re.escape(folded)}(?!\w)", text))
