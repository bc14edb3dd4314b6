"""The learned reader's cost (worker/detect/people_reader.py), and a check that cutting it
changes nobody it reads (issue 9, round 22, branch issue-reader22b).

  dump OUT      every dev report read with the reader (`extract_people(..., reader=True)`):
                {report id: [[name, canonical, role, segment, position], ...]} as JSON
  diff A B      the reports whose people differ between two dumps (none: exit 0)
  time          the people reading's CPU per report, every 7th dev report, without and with
                the reader, alternated (`--rounds`), each the best of `--best` passes (after a
                first pass with the reader, also timed: a process's words read the first time)
  profile OUT   pyinstrument over the reader's part alone (`extra_people`) on every 7th report

Run from the worktree: PYTHONPATH=.:bench python bench/people_reader_cost.py dump /tmp/a.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from bench_people import load_reports

from worker.detect.people import extract_people
from worker.detect.roster import Roster
from worker.service.seeds import load_roster


def _reports() -> list[dict[str, Any]]:
    return [r for reports in load_reports("dev").values() for r in reports]


def _lang(report: dict[str, Any]) -> str | None:
    return report.get("language") or None


def dump(out: str) -> None:
    roster = load_roster()
    rows = {}
    for report in _reports():
        people = extract_people(report["text"], roster, language=_lang(report), reader=True)
        rows[report["id"]] = [[p.name, p.canonical, p.role, p.segment, p.position] for p in people]
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(rows, fh, ensure_ascii=False, indent=0, sort_keys=True)
    print(f"{len(rows)} reports, {sum(map(len, rows.values()))} people -> {out}")


def diff(a: str, b: str) -> int:
    with open(a, encoding="utf-8") as fa, open(b, encoding="utf-8") as fb:
        left, right = json.load(fa), json.load(fb)
    differ = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
    for key in differ[:20]:
        print(key, left.get(key), "->", right.get(key))
    print(f"{len(differ)} of {len(left.keys() | right.keys())} reports differ")
    return 1 if differ else 0


def _pass(texts: Sequence[tuple[str, str | None]], roster: Roster, reader: bool) -> float:
    start = time.process_time()
    for text, lang in texts:
        extract_people(text, roster, language=lang, reader=reader)
    return time.process_time() - start


def timing(rounds: int, best: int) -> None:
    roster = load_roster()
    texts = [(r["text"], _lang(r)) for r in _reports()[::7]]
    _pass(texts[:1], roster, True)  # the modules, the model, the tables
    cold = _pass(texts, roster, True)  # each word read for the first time in this process
    print(f"first pass reader=on : {cold / len(texts) * 1000:.2f} ms a report")
    for n in range(rounds):
        for reader in (False, True):
            cpu = min(_pass(texts, roster, reader) for _ in range(best))
            ms = cpu / len(texts) * 1000
            print(
                f"round {n + 1} reader={'on ' if reader else 'off'}: {ms:.2f} ms a report, "
                f"{len(texts) / cpu:.0f} reports/s ({len(texts)} reports, best of {best})"
            )


def profile(out: str) -> None:
    from pyinstrument import Profiler

    from worker.detect import people_reader
    from worker.detect.lang import detect_language

    roster = load_roster()
    rows = []
    for r in _reports()[::7]:
        lang = _lang(r) or detect_language(r["text"])
        people = extract_people(r["text"], roster, language=lang, reader=False)
        rows.append((r["text"], lang, [(p.name, p.role) for p in people]))
    people_reader.extra_people("warm up", "en", [], roster)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text, lang, rules in rows:
        people_reader.extra_people(text, lang, rules, roster)
    profiler.stop()
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(profiler.output_text(unicode=False, color=False, show_all=False))
    print(f"{len(rows)} reports -> {out}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("dump").add_argument("out")
    d = sub.add_parser("diff")
    d.add_argument("a")
    d.add_argument("b")
    t = sub.add_parser("time")
    t.add_argument("--rounds", type=int, default=2)
    t.add_argument("--best", type=int, default=2)
    sub.add_parser("profile").add_argument("out")
    args = parser.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out)
    elif args.cmd == "diff":
        return diff(args.a, args.b)
    elif args.cmd == "time":
        timing(args.rounds, args.best)
    else:
        profile(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
