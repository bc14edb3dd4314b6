"""English and German lists read partly (issue 9, round 25, issue-en25b): a labelled (name, role)
the rules miss while the list reading of its own sentence (`latin_lists`) gives the same role to
another list of that sentence. Each is counted by what stands between the list holding the name
and the nearest list given the role (the gap `_continues` reads when a list carries its role to
the next): the gap's first token ("starts:lower" a lower-case word, "starts:(" a bracket), a
clause word (`_BREAK`), a stop, a participle in -ed/-ing, or "not-adjacent" (another list
between). Over the pool (every dev round but the judge's, 43) and round 44's odd-numbered ids;
round 44's even ids and round 43 are never read. `--show CLASS` prints the sentences of a class.

Run: PYTHONHASHSEED=0 PYTHONPATH=.:bench python bench/people_round_groups.py --read 44
     --unread 43 --dump /tmp/now.jsonl
     PYTHONHASHSEED=0 PYTHONPATH=.:bench python bench/people_list_cuts.py /tmp/now.jsonl
     [--show CLASS]
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from collections import Counter
from typing import Any

from bench_people import DATA, load_roster
from people_missed_de import sentence_of

from worker.detect.people_latin import _BREAK, Context, _Tok, _tokens, latin_lists

JUDGE_ROUND, READ_ROUND = 43, 44


def readable(row: dict[str, Any]) -> bool:
    """The pool and round 44's odd-numbered ids; never round 43 nor round 44's even ids."""
    if row["round"] == JUDGE_ROUND:
        return False
    if row["round"] == READ_ROUND:
        m = re.search(r"(\d+)$", row["id"])
        return bool(m) and int(m.group(1)) % 2 == 1
    return True


def why(gap: list[_Tok]) -> str:
    """What in the gap between two lists stops the one carrying its role to the other."""
    if not gap:
        return "empty"
    first = gap[0].text
    if first not in (",", ";", "–", "—"):
        kind = "lower" if first.islower() else ("Cap" if first[0].isalpha() else first)
        return f"starts:{kind}"
    if len(gap) < 3:
        return "short"
    if len(gap) > 25:
        return "long"
    for t in gap[1:-1]:
        if t.low in _BREAK:
            return f"break:{t.low}"
        if t.text in (".", ":", "!", "?", "(", ")", "—", "–"):
            return f"punct:{t.text}"
        if not t.cap and t.text.isalpha() and t.low.endswith(("ed", "ing")):
            return "ed/ing"
    last = gap[-1]
    if last.text not in (",", ";") and last.low not in ("and", "und", "sowie"):
        return "ends:" + ("lower" if last.text.islower() else last.text)
    return "continues"


def cut_of(sentence: str, ctx: Context, name: str, role: str) -> str | None:
    """The class of a missed (name, role) of `sentence` whose list got no role while another
    list of the sentence got it; None when the sentence holds no such list."""
    toks = _tokens(sentence)
    groups = ctx.lists_in(sentence, toks)
    given: dict[str, set[str]] = {}
    for r, names in latin_lists(sentence, ctx, german=ctx.german):
        for n in names:
            given.setdefault(n, set()).add(r)
    last = name.split()[-1]
    k = next((j for j, g in enumerate(groups) for it in g if it.name.split()[-1] == last), None)
    if k is None or any(role in given.get(it.name, ()) for it in groups[k]):
        return None
    near = [j for j, g in enumerate(groups) if any(role in given.get(it.name, ()) for it in g)]
    if not near:
        return None
    j = min(near, key=lambda j: abs(j - k))
    a, b = (groups[j], groups[k]) if j < k else (groups[k], groups[j])
    gap = toks[a[-1].last : b[0].prefix]
    return ("after " if j < k else "before ") + (why(gap) if abs(j - k) == 1 else "not-adjacent")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump", help="people_round_groups.py --dump output")
    ap.add_argument("--show", help="print the sentences whose class holds this text")
    args = ap.parse_args(argv)
    rows = {}
    with open(args.dump, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["id"]] = row
    roster = load_roster()
    counts: Counter[tuple[str, str, str]] = Counter()
    for path in sorted((DATA / "dev").glob("*.toml")):
        for rep in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            row = rows.get(rep["id"])
            lang = rep.get("language") or "en"
            if row is None or lang not in ("en", "de") or not readable(row) or not row["missed"]:
                continue
            ctx = Context(roster, rep["text"], german=lang == "de")
            half = "read" if row["round"] == READ_ROUND else "pool"
            for name, role in sorted(map(tuple, row["missed"])):
                sentence, _ = sentence_of(rep["text"], name)
                kind = cut_of(sentence, ctx, name, role)
                if kind is None:
                    continue
                counts[(lang, half, kind)] += 1
                if args.show and args.show in kind:
                    print(rep["id"], kind, "|", name, "|", sentence[:240])
    if not args.show:
        for (lang, half, kind), n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            print(f"{n:5d}  {lang}  {half:4s}  {kind}")


if __name__ == "__main__":
    main()
