"""Warm passes of `extract_people` over one language's texts of `people_speed.py`, to count
instructions under valgrind: unlike the clock on a shared machine, the count repeats to the
instruction (with PYTHONHASHSEED fixed), so a 1% change between two commits is seen.

Instructions per warm pass = (count with N passes - count with 0) / N (both runs load the
modules and the roster and make one warm-up pass). NOGC=1 switches the cycle collector off
after loading: its collections fall at different points when the code allocates differently,
which moves the count by up to ~1% between commits that change nothing in this path.

Run (per commit, per language en/de/zh):
  ir() { NOGC=1 PYTHONHASHSEED=0 PYTHONPATH=$1 valgrind --tool=cachegrind --cache-sim=no \
         --cachegrind-out-file=/dev/null python bench/people_ir.py $2 $3 2>&1 \
         | grep "I *refs" | awk '{gsub(",","",$NF); print $NF}'; }
  echo $(( ($(ir $PWD en 2) - $(ir $PWD en 0)) / 2 ))

READER=1 reads with the learned reader too (`extract_people(..., reader=True)`; round 22,
issue-reader22b): its own instructions are the count with it less the count without.
"""

from __future__ import annotations

import gc
import os
import sys
import tomllib
from pathlib import Path

from worker.detect.people import extract_people
from worker.service.seeds import load_roster

CORPUS = Path("/work/shared/corpus/meetings-zh")
DEV = Path(__file__).resolve().parent / "data" / "people" / "dev"


def texts(lang: str) -> list[str]:
    """The texts `people_speed.py` times for `lang`."""
    if lang == "zh":
        return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    styles = ("agency_en", "kremlin_en", "xinhua_en", "mt_en") if lang == "en" else ("de",)
    return [
        r["text"]
        for style in styles
        for r in tomllib.loads((DEV / f"{style}.toml").read_text(encoding="utf-8"))["report"]
    ]


def main(lang: str, passes: int) -> None:
    roster = load_roster()
    reader = bool(os.environ.get("READER"))
    if os.environ.get("NOGC"):
        gc.disable()
    read = texts(lang)
    for _ in range(1 + passes):
        for text in read:
            extract_people(text, roster, reader=reader)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
