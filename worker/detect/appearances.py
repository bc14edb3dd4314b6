"""People over time: each report's lists of people in, appearances and findings out.

Input: the people `extract_people` found in one report (`lists_of`), then the lists of many
reports (`ReportLists`), each with the date the report gives (`report_date`: its published
date, else the first date in its text, else when it was first seen; never the wall clock,
so history can be replayed). Output: `find_changes` walks the reports in date order and
returns the two kinds of finding of SPEC.md "Events and people over time":

- absence: someone who appeared regularly has not been listed for a while although reports
  that usually list them with their peers keep coming;
- rank: a list places two people against the order they held for many reports.

Both are flagged once: an absence again only after a new appearance, an inversion again only
after the old order came back. Thresholds are `PeopleWatch` (docs/people-over-time.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from worker.detect.model import Person
from worker.detect.watch import PeopleWatch as PeopleWatch  # defined there, used from here too

FindingKind = Literal["absence", "rank"]


@dataclass(frozen=True, slots=True)
class NameList:
    """One list of people in a report: its role and the canonical names, in text order."""

    role: str
    names: tuple[str, ...]
    spellings: tuple[str, ...]  # as written, same order


@dataclass(frozen=True, slots=True)
class ReportLists:
    """A report's lists of people, with its date: what the history is made of."""

    report: str  # a stable key for the report (the store's article id)
    url: str
    date: dt.date
    language: str
    feed: str
    lists: tuple[NameList, ...]

    @property
    def people(self) -> frozenset[str]:
        return frozenset(n for lst in self.lists for n in lst.names)


@dataclass(frozen=True, slots=True)
class PeopleFinding:
    """An absence or a change of rank, with the report where it was found."""

    id: str  # stable: the same finding from the same history has the same id
    kind: FindingKind
    canonical: str
    date: dt.date
    report: str
    summary: str
    people: tuple[str, ...]  # everyone it names (for the people watch list)
    detail: dict[str, Any] = field(default_factory=dict)
    open: bool = True  # still true at the end of the history

    def to_dict(self) -> dict[str, Any]:
        """The `finding` object of SPEC.md."""
        return {
            "type": "finding",
            "kind": self.kind,
            "canonical": self.canonical,
            "summary": self.summary,
            "detail": {"id": self.id, "date": self.date.isoformat(), **self.detail},
        }


def lists_of(people: Sequence[Person]) -> tuple[NameList, ...]:
    """Cut `extract_people`'s output into its lists (a list restarts where positions do).

    The body's lists are used for a role the body names; the lead's only otherwise, so a
    report whose lead repeats the body counts once.

    >>> from worker.detect.model import Person
    >>> ps = [Person("A B", "A B", "attended", "body", 1), Person("C D", "C D", "attended", "body", 2)]
    >>> [lst.names for lst in lists_of(ps)]
    [('A B', 'C D')]
    """
    body_roles = {p.role for p in people if p.segment == "body"}
    kept = [p for p in people if p.segment == "body" or p.role not in body_roles]
    lists: list[tuple[str, list[Person]]] = []
    for person in kept:
        last = lists[-1] if lists else None
        if (
            last is None
            or last[0] != person.role
            or person.position <= last[1][-1].position
            or any(p.key == person.key for p in last[1])
        ):
            lists.append((person.role, [person]))
        else:
            last[1].append(person)
    return tuple(
        NameList(role, tuple(p.key for p in members), tuple(p.name for p in members))
        for role, members in lists
    )


def report_date(
    published: dt.datetime | None, text: str, first_seen: dt.datetime | dt.date
) -> dt.date:
    """The date a report is about: published, else the first full date in its text, else
    when it was first seen.

    >>> report_date(None, "Beijing, 2023年1月10日 ...", dt.date(2024, 5, 1))
    datetime.date(2023, 1, 10)
    """
    if published is not None:
        return published.date()
    from worker.detect.dates import find_dates  # its patterns: only when a report is stored

    for mention in find_dates(text[:2000]):
        if mention.year and mention.month and mention.day:
            try:
                return dt.date(mention.year, mention.month, mention.day)
            except ValueError:
                continue  # "31 February": check_dates reports it; not a date to file under
    return first_seen.date() if isinstance(first_seen, dt.datetime) else first_seen


def find_changes(
    reports: Iterable[ReportLists],
    watch: PeopleWatch = PeopleWatch(),  # noqa: B008  # frozen: a shared default is safe
) -> tuple[PeopleFinding, ...]:
    """Absences and changes of rank found walking `reports` in date order.

    >>> day = lambda n: dt.date(2024, 1, 1) + dt.timedelta(days=7 * n)
    >>> trio = lambda n, names: ReportLists(str(n), f"u{n}", day(n), "en", "f",
    ...     (NameList("attended", names, names),))
    >>> history = [trio(n, ("A", "B", "C")) for n in range(6)] + [trio(6, ("B", "A", "C"))]
    >>> [f.summary for f in find_changes(history)]
    ['B listed above A (attended, en), against their order in the 6 reports before']
    """
    ordered = sorted(reports, key=lambda r: (r.date, r.report))
    absences = _Absences(watch)
    ranks = _Ranks(watch)
    for report in ordered:
        absences.see(report)
        ranks.see(report)
    return tuple(sorted([*absences.findings(), *ranks.findings()], key=lambda f: (f.date, f.id)))


_PairKey = tuple[str, str, str, str]  # language, role, and the two names sorted


def _pair_key(language: str, role: str, a: str, b: str) -> _PairKey:
    first, second = sorted((a, b))
    return (language, role, first, second)


def _finding_id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


# -- absence ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Record:
    """One person's history as the walk goes: appearances, peers, chances to be listed."""

    dates: list[dt.date] = field(default_factory=list)
    last: ReportLists | None = None
    peers: Counter[str] = field(default_factory=Counter)  # who was listed with them, how often
    peer_set: frozenset[str] = frozenset()  # their peers as of their last appearance
    chances: int = 0  # reports that listed enough of their peers ...
    listed: int = 0  # ... and listed them too
    missed: list[ReportLists] = field(default_factory=list)  # such reports since the last one
    flagged: PeopleFinding | None = None


class _Absences:
    def __init__(self, watch: PeopleWatch) -> None:
        self.watch = watch
        self.people: dict[str, _Record] = defaultdict(_Record)
        # peer -> the people who count them as a peer: only those can be missing from a report
        # (walking everyone for every report cost 7.6 s over 4,300 reports; this is linear)
        self.followers: dict[str, set[str]] = defaultdict(set)
        self.found: list[PeopleFinding] = []

    def see(self, report: ReportLists) -> None:
        present = report.people
        candidates = set().union(*(self.followers.get(p, ()) for p in present)) - present
        for name in sorted(candidates):
            record = self.people[name]
            if self._expected(record, present):
                record.chances += 1
                record.missed.append(report)
                self._check(name, record, report)
        for name in present:
            record = self.people[name]
            if self._expected(record, present):
                record.chances += 1
                record.listed += 1
            self._appear(name, record, report)

    def findings(self) -> list[PeopleFinding]:
        still = {r.flagged.id for r in self.people.values() if r.flagged is not None}
        return [replace(f, open=f.id in still) for f in self.found]

    def _expected(self, record: _Record, present: frozenset[str]) -> bool:
        """Would a report listing these people usually list this person too?"""
        peers = record.peer_set
        if not peers:  # listed alone so far: nothing says which reports should list them
            return False
        return len(peers & present) >= self.watch.peer_quorum * len(peers)

    def _peers(self, record: _Record) -> frozenset[str]:
        least = self.watch.peer_share * max(len(record.dates), 1)
        return frozenset(p for p, n in record.peers.items() if n >= least)

    def _appear(self, name: str, record: _Record, report: ReportLists) -> None:
        if record.last is not None and record.last.report == report.report:
            return
        record.dates.append(report.date)
        record.last = report
        record.missed = []
        record.flagged = None
        colisted = {n for lst in report.lists if name in lst.names for n in lst.names}
        record.peers.update(colisted - {name})
        peers = self._peers(record)
        for gone in record.peer_set - peers:
            self.followers[gone].discard(name)
        for peer in peers - record.peer_set:
            self.followers[peer].add(name)
        record.peer_set = peers

    def _check(self, name: str, record: _Record, report: ReportLists) -> None:
        watch, last = self.watch, record.last
        if record.flagged is not None or last is None:
            return
        since = last.date - dt.timedelta(days=watch.window_days)
        if len(record.dates) - bisect_left(record.dates, since) < watch.min_appearances:
            return
        if (report.date - last.date).days < watch.absent_days:
            return
        # Laplace's rule: how often they were listed when reports listed their peers; the
        # misses counted so far are left out, so a long absence does not excuse itself.
        rate = (record.listed + 1) / (record.chances - len(record.missed) + 2)
        chance = (1 - rate) ** len(record.missed)
        if chance > watch.miss_chance:
            return
        record.flagged = self._finding(name, record, report, chance)
        self.found.append(record.flagged)

    def _finding(
        self, name: str, record: _Record, report: ReportLists, chance: float
    ) -> PeopleFinding:
        last = record.last
        assert last is not None  # checked by the caller
        days = (report.date - last.date).days
        return PeopleFinding(
            id=_finding_id("absence", name, last.report),
            kind="absence",
            canonical=name,
            date=report.date,
            report=report.report,
            summary=f"{name} not listed for {days} days ({len(record.missed)} reports that "
            f"usually list them with {', '.join(sorted(self._peers(record))[:4])} did not); "
            f"last listed {last.date.isoformat()}",
            people=(name,),
            detail={
                "last_appearance": {"date": last.date.isoformat(), "report": last.url},
                "days": days,
                "missing_from": [
                    {"date": r.date.isoformat(), "report": r.url} for r in record.missed
                ],
                "peers": sorted(self._peers(record)),
                "chance": round(chance, 4),
            },
        )


# -- rank ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Order:
    """The usual order of two people in one kind of list, and how it has held."""

    upper: str
    held: int = 1  # reports that placed them so
    against: int = 0  # consecutive reports since that placed them the other way
    finding: PeopleFinding | None = None


class _Ranks:
    def __init__(self, watch: PeopleWatch) -> None:
        self.watch = watch
        self.orders: dict[_PairKey, _Order] = {}
        self.found: list[PeopleFinding] = []

    def see(self, report: ReportLists) -> None:
        seen: set[_PairKey] = set()
        for lst in report.lists:
            moved: list[tuple[str, str, int]] = []
            for i, upper in enumerate(lst.names):
                for lower in lst.names[i + 1 :]:
                    key = _pair_key(report.language, lst.role, upper, lower)
                    if key in seen or upper == lower:
                        continue
                    seen.add(key)
                    held = self._observe(key, upper)
                    if held:
                        moved.append((upper, lower, held))
            if moved:
                self._report(report, lst, moved, seen)

    def findings(self) -> list[PeopleFinding]:
        still = {o.finding.id for o in self.orders.values() if o.finding and o.against}
        return [replace(f, open=f.id in still) for f in self.found]

    def _observe(self, key: _PairKey, upper: str) -> int:
        """Count one placement; the reports the broken order had held, when it is a finding."""
        order = self.orders.get(key)
        if order is None:
            self.orders[key] = _Order(upper)
            return 0
        if order.upper == upper:
            order.held += 1
            order.against = 0
            order.finding = None
            return 0
        order.against += 1
        if order.held < self.watch.stable_reports:  # no usual order yet: this one will do
            self.orders[key] = _Order(upper)
            return 0
        if order.against >= self.watch.adopt_reports:  # changed and stayed changed
            self.orders[key] = _Order(upper, held=order.against)
            return 0
        return order.held if order.against == 1 else 0

    def _report(
        self,
        report: ReportLists,
        lst: NameList,
        moved: list[tuple[str, str, int]],
        seen: set[_PairKey],
    ) -> None:
        risers = Counter(upper for upper, _, _ in moved)
        canonical = risers.most_common(1)[0][0]
        pairs = "; ".join(f"{u} listed above {low}" for u, low, _ in moved)
        held = min(h for _, _, h in moved)
        finding = PeopleFinding(
            id=_finding_id("rank", report.report, lst.role, *(f"{u}>{lo}" for u, lo, _ in moved)),
            kind="rank",
            canonical=canonical,
            date=report.date,
            report=report.report,
            summary=f"{pairs} ({lst.role}, {report.language}), against their order in the "
            f"{held} reports before",
            people=tuple(dict.fromkeys(n for u, low, _ in moved for n in (u, low))),
            detail={
                "report": report.url,
                "language": report.language,
                "list": lst.role,
                "order": list(lst.names),
                "moved": [{"above": u, "below": low, "usual_for": h} for u, low, h in moved],
            },
        )
        self.found.append(finding)
        for upper, lower, _ in moved:
            self.orders[_pair_key(report.language, lst.role, upper, lower)].finding = finding


def usual_position(positions: Iterable[int]) -> int | None:
    """The position a person holds most often (the lower one on a tie).

    >>> usual_position([3, 2, 3, 4])
    3
    """
    counts = Counter(positions)
    if not counts:
        return None
    best = max(counts.values())
    return min(p for p, n in counts.items() if n == best)
