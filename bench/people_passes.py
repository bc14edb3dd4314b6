"""`extract_people` over every development text of one language, N times: a fixed amount of
work for valgrind to count instructions, which on a shared machine say more than wall times.

Input: bench/data/people/dev/*.toml (English: agency_en, kremlin_en, xinhua_en, mt_en, scraped
and none, 641 texts; German: de, 128 texts). Output: nothing; the instruction count is
valgrind's. The first pass fills the caches (its cost is the first reading of a report); the
later passes are the next versions of the same reports. So, per pass:

    first = count(N=1) - count(N=0)          warm = (count(N=3) - count(N=1)) / 2

Run: PYTHONPATH=<tree> valgrind --tool=callgrind --callgrind-out-file=/dev/null \
         python bench/people_passes.py en|de N     # "Collected : <instructions>"
(works against older trees too: the script reads the data of the tree it is in, and imports
wirediff from PYTHONPATH)
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from worker.detect.people import extract_people

try:
    from worker.service.seeds import load_roster
except ImportError:  # commits before the restructure of 2026-12-02
    from worker.seeds import load_roster  # type: ignore[import-not-found,no-redef]

DEV = Path(__file__).resolve().parent / "data" / "people" / "dev"
ENGLISH = ("agency_en", "kremlin_en", "xinhua_en", "mt_en", "scraped", "none")


def texts(lang: str) -> list[str]:
    styles = ENGLISH if lang == "en" else ("de",)
    return [
        r["text"]
        for path in sorted(DEV.glob("*.toml"))
        if path.name.split(".")[0] in styles
        for r in tomllib.loads(path.read_text(encoding="utf-8")).get("report", [])
    ]


def main(lang: str, passes: int) -> None:
    roster = load_roster()
    chosen = texts(lang)
    # the modules a text imports on first need (people_zh) are imported before any pass
    extract_people("Xi Jinping attended.", roster)
    extract_people("习近平出席。", roster)
    for _ in range(passes):
        for text in chosen:
            extract_people(text, roster)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
