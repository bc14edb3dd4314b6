"""Chinese misses by the list they stand in: does the reader stop inside a list it read?

For every (name, role) pair the labels give and extraction misses in a Chinese report, the
name's enumeration in the text is found: the labelled and extracted names of the report, in
text order, linked when no more than `GAP` characters stand between one and the next, no
sentence ends there (。！？), a separator does (、，,；;：: a line break, a space, 及 和 与 以及)
and, outside brackets, no character of a clause (的 是 在 把 了 说 也 都 就 …). Titles and
bracketed notes between names ("、中联办新界工作部副部长", "(海大副校长)、") keep a list
together; a verb between two names ("会见", "，如果立法院能够把前院长") parts them. The miss is
then one of:

- carried: another name of its enumeration got the missed role (the list was read, and the
  reader stopped before this item, or began after it);
- other role: other names of the enumeration got roles, none the missed one;
- unread list: an enumeration of two or more names, none given a role;
- alone, other role: no enumeration, the name itself got another role;
- alone: no enumeration, no role;
- not in text: the label's name is not written in the text as labelled.

A rough reading (the enumeration is found from the names both sides know, not parsed), made
to size the class a list mechanism could reach. Counts only by default; `--show` prints each
miss with its class and context (dev files only, round 19 left out: it stays unread).

Run: PYTHONPATH=.:bench python bench/people_zh_lists.py [--style zh_hant] [--show]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from typing import Any

from bench_people import DATA, load_roster, name_key

from worker.detect.people import extract_people
from worker.detect.roster import Roster, has_han, to_simplified

STYLES = ("zh_cn", "zh_hant", "scraped")
GAP = 40
_SENTENCE_END = re.compile("[。！？!?]")
_SEPARATOR = re.compile(r"[、，,；;：:\n ]|以及|[及和与與]")
_BRACKETS = re.compile(r"[（(][^（()）]{0,40}[)）]")
# characters of a clause, not of a title: a gap holding one outside brackets is no list's
_CLAUSE = re.compile("[的是在把了说也都就让请但而并后时表由被向对从将会已]")
CLASSES = ("carried", "other role", "unread list", "alone, other role", "alone", "not in text")


def _spans(simple: str, name: str) -> list[tuple[int, int]]:
    key = to_simplified(name)
    return [(m.start(), m.end()) for m in re.finditer(re.escape(key), simple)] if key else []


def _linked(simple: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = simple[a[1] : b[0]]
    core = _BRACKETS.sub("", gap)
    return (
        0 <= len(gap) <= GAP
        and _SENTENCE_END.search(gap) is None
        and (gap == "" or _SEPARATOR.search(gap) is not None)
        and _CLAUSE.search(core) is None
    )


def classify(report: dict[str, Any], roster: Roster) -> list[tuple[str, str, str, str]]:
    """(class, name, role, context) per missed pair of `report`."""
    text = report["text"]
    simple = to_simplified(text)
    people = extract_people(text, roster, language="zh")
    got: dict[str, set[str]] = {}
    for p in people:
        got.setdefault(name_key(p.name, roster), set()).add(p.role)
    want = {(name_key(p["name"], roster), p["role"]): p["name"] for p in report["people"]}
    missed = [(want[k], k[1]) for k in want.keys() - {(k, r) for k, rs in got.items() for r in rs}]
    if not missed:
        return []
    # every occurrence of every name either side knows, in text order
    names = {p["name"] for p in report["people"]} | {p.name for p in people}
    found = sorted(
        (span, name_key(n, roster)) for n in names if has_han(n) for span in _spans(simple, n)
    )
    # drop occurrences inside a longer one (林郑 in 林郑月娥)
    found = [
        f
        for f in found
        if not any(g != f and g[0][0] <= f[0][0] and f[0][1] <= g[0][1] for g in found)
    ]
    chain_of: list[int] = []
    for i, (span, _) in enumerate(found):
        linked = i > 0 and _linked(simple, found[i - 1][0], span)
        chain_of.append(chain_of[-1] if linked else i)
    out = []
    for name, role in sorted(missed):
        key = name_key(name, roster)
        at = [i for i, (_, k) in enumerate(found) if k == key]
        if not at:
            out.append(("not in text", name, role, ""))
            continue
        # the occurrence whose class comes first in CLASSES
        best, i = min(
            ((_class(found, chain_of, i, key, role, got), i) for i in at),
            key=lambda c: CLASSES.index(c[0]),
        )
        s = found[i][0][0]
        out.append((best, name, role, text[max(0, s - 50) : s + 30].replace("\n", "⏎")))
    return out


def _class(
    found: list[tuple[tuple[int, int], str]],
    chain_of: list[int],
    i: int,
    key: str,
    role: str,
    got: dict[str, set[str]],
) -> str:
    """The class of the miss of (`key`, `role`) at its occurrence `i` (see the docstring)."""
    mates = [k for j, (_, k) in enumerate(found) if chain_of[j] == chain_of[i] and k != key]
    roles = set().union(*(got.get(k, set()) for k in mates)) if mates else set()
    if role in roles:
        return "carried"
    if roles:
        return "other role"
    if mates:
        return "unread list"
    return "alone, other role" if got.get(key) else "alone"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--style", choices=STYLES, help="only this style")
    parser.add_argument("--show", action="store_true", help="each miss with its class")
    args = parser.parse_args(argv)
    roster = load_roster()
    total: dict[str, Counter[str]] = {}
    for path in sorted((DATA / "dev").glob("*.toml")):
        style = path.stem.split(".")[0]
        if style not in (args.style,) if args.style else style not in STYLES:
            continue
        if "round19" in path.name:
            continue  # round 10's validation split: scored, never read
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            if not has_han(report["text"]):
                continue
            for cls, name, role, context in classify(report, roster):
                total.setdefault(style, Counter())[cls] += 1
                total.setdefault(f"{style} {role}", Counter())[cls] += 1
                if args.show:
                    print(f"  {report['id']} [{cls}] {name}/{role}: {context}")
    print(f"  {'style (role)':<22}" + "".join(f"{c:>19}" for c in CLASSES) + f"{'all':>7}")
    for style, counts in sorted(total.items()):
        print(
            f"  {style:<22}"
            + "".join(f"{counts[c]:>19}" for c in CLASSES)
            + f"{sum(counts.values()):>7}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
