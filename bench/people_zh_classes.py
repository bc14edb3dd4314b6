"""The Chinese misses of today's rules by class (issue 9, round 25): (a) the name is never a
candidate span (`people_unfound`'s "none" and "part"), (b) a span the reading gave no role at
all, (c) the name given another role. Over the pool (every Chinese dev round but the judge's,
43, and round 44) and round 44's odd-numbered ids (the read half); round 44's even ids and
round 43 are never read. `--jsonl FILE` writes each miss with its class (for the pool and the
read half only).

Run: PYTHONHASHSEED=0 PYTHONPATH=.:bench python bench/people_zh_classes.py [--jsonl FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from collections import Counter, defaultdict

from bench_people import DATA, load_roster, name_key
from people_unfound import tally

from worker.detect.people import extract_people

JUDGE_ROUND, READ_ROUND = 43, 44


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jsonl", help="write each miss with its class here")
    args = ap.parse_args(argv)
    roster = load_roster()
    out = open(args.jsonl, "w", encoding="utf-8") if args.jsonl else None
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for path in sorted((DATA / "dev").glob("*.toml")):
        m = re.search(r"\.round(\d+)$", path.stem)
        k = int(m.group(1)) if m else 1
        if k == JUDGE_ROUND or path.stem.startswith("none"):
            continue
        for report in tomllib.loads(path.read_text(encoding="utf-8"))["report"]:
            if report.get("language") != "zh" or not report.get("people"):
                continue
            if k == READ_ROUND and int(re.findall(r"\d+", report["id"])[-1]) % 2 == 0:
                continue  # the judge's half: never read
            group = "read" if k == READ_ROUND else "pool"
            got = extract_people(report["text"], roster, language="zh")
            named = {name_key(p.name, roster) for p in got}
            for _, found, name, role in tally(report, roster, [("today", None)]):
                cls = (
                    "a"
                    if found in ("none", "part")
                    else "c"
                    if name_key(name, roster) in named
                    else "b"
                )
                counts[group][cls] += 1
                counts[group][f"{cls}:{found}"] += 1
                if out is not None:
                    row = {
                        "id": report["id"],
                        "group": group,
                        "class": cls,
                        "name": name,
                        "role": role,
                    }
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    for group, c in counts.items():
        print(group, " ".join(f"{k} {v}" for k, v in sorted(c.items())))


if __name__ == "__main__":
    main()
