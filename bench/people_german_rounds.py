"""German people per dev round: every German report (style de, the German scraped copies and
the German no-attendee reports) scored per round file, the bands of rounds 2-15, 16-25 and 26-27
summed, and each report's misses and extras written to a JSON file, so that two trees can be
compared report by report (issue 9, round 15, branch issue-de15).

Same scoring as bench_people.py (a (name, role) pair counts; no-attendee reports: false people).
`de.toml` (no round in its name) counts as round 1.

Run: PYTHONPATH=.:bench python bench/people_german_rounds.py OUT.json
"""

from __future__ import annotations

import json
import re
import sys
import tomllib

from bench_people import DATA, Score, load_roster, score_report


def main(argv: list[str]) -> None:
    roster = load_roster()
    out: dict[str, dict[str, object]] = {}
    rows: dict[tuple[int, str], Score] = {}
    for path in sorted((DATA / "dev").glob("*.toml")):
        m = re.search(r"round(\d+)", path.name)
        round_ = int(m.group(1)) if m else 1
        style = path.stem.split(".")[0]
        for report in tomllib.loads(path.read_text(encoding="utf-8")).get("report", []):
            if report.get("language") != "de" and style != "de":
                continue
            score, outcome = score_report(report, roster)
            kind = "none" if style.startswith("none") else "people"
            rows.setdefault((round_, kind), Score()).add(score)
            out[report["id"]] = {
                "round": round_,
                "missed": sorted(map(list, outcome.missed)),
                "extra": sorted(map(list, outcome.extra)),
            }
    if argv:
        with open(argv[0], "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=0)
    bands = {"2-15": Score(), "16-25": Score(), "26-27": Score()}
    none = Score()
    for (round_, kind), s in sorted(rows.items()):
        if kind == "none":
            none.add(s)
            continue
        band = "2-15" if round_ <= 15 else "16-25" if round_ <= 25 else "26-27"
        if round_ > 1:
            bands[band].add(s)
        print(
            f"  round {round_:>2}: {s.reports:>3} reports  P {s.precision:.3f} R {s.recall:.3f}"
            f" F1 {s.f1:.3f}  {s.tp}/{s.fp}/{s.fn}"
        )
    for band, s in bands.items():
        print(
            f"  rounds {band}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
            f"  {s.tp}/{s.fp}/{s.fn}"
        )
    print(
        f"  German no-attendee reports: {none.reports}, false people {none.fp} in {none.fp_reports}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
