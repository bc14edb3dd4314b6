"""`extract_people`'s people on every dev text and the meetings-zh texts, one line each, so a
change meant to cost less and give the same output can be checked against a tree before it.

    PYTHONPATH=TREE:bench python bench/people_same.py > out.txt   # per tree, then diff
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from worker.detect.people import extract_people
from worker.service.seeds import load_roster

DEV = Path(__file__).resolve().parent / "data" / "people" / "dev"
CORPUS = Path("/work/shared/corpus/meetings-zh")


def main() -> None:
    roster = load_roster()
    for path in sorted(DEV.glob("*.toml")):
        reports = tomllib.loads(path.read_text(encoding="utf-8")).get("report", [])
        for i, report in enumerate(reports):
            text = report.get("text")
            if isinstance(text, str):
                people = extract_people(text, roster)
                sys.stdout.write(f"{path.name}:{report.get('id', i)}\t{people!r}\n")
    for path in sorted(CORPUS.glob("*.txt")):
        people = extract_people(path.read_text(encoding="utf-8"), roster)
        sys.stdout.write(f"{path.name}\t{people!r}\n")


if __name__ == "__main__":
    main()
