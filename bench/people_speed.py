"""Reports per second of `extract_people` for whichever wirediff is on PYTHONPATH, so that two
commits can be timed on the same texts by the same script (one process per commit).

Input: /work/shared/corpus/meetings-zh/*.txt (43 CCTV reports) and the English dev excerpts of
bench/data/people/dev (agency, Kremlin, Xinhua, machine-translated). Output: one line, e.g.
`zh-branch zh_cold=171 zh_warm=1790 en_warm=1328 de_warm=900`: the first pass over the Chinese reports in a
fresh process (caches empty), the best of 7 later passes, and the best of 7 English passes
and of 7 passes over the German dev excerpts (bench/data/people/dev/de.toml).
Process CPU time; the machine is shared, so run the commits alternately, several times.

Run: git worktree add /tmp/base <commit>
     for i in 1 2 3; do PYTHONPATH=$PWD python bench/people_speed.py new
                        PYTHONPATH=/tmp/base python bench/people_speed.py base; done
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

from worker.detect.people import extract_people

try:
    from worker.service.seeds import load_roster
except ImportError:  # commits before the restructure of 2026-12-02 (such as bacd2e7)
    from worker.seeds import load_roster  # type: ignore[import-not-found,no-redef]

CORPUS = Path("/work/shared/corpus/meetings-zh")
DEV = Path(__file__).resolve().parent / "data" / "people" / "dev"


def main(label: str) -> None:
    roster = load_roster()
    zh = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    en = [
        r["text"]
        for style in ("agency_en", "kremlin_en", "xinhua_en", "mt_en")
        for r in tomllib.loads((DEV / f"{style}.toml").read_text(encoding="utf-8"))["report"]
    ]

    de = [r["text"] for r in tomllib.loads((DEV / "de.toml").read_text(encoding="utf-8"))["report"]]

    def once(texts: list[str]) -> float:
        start = time.process_time()
        for text in texts:
            extract_people(text, roster)
        return time.process_time() - start

    cold = once(zh)
    warm = min(once(zh) for _ in range(7))
    once(en)
    en_warm = min(once(en) for _ in range(7))
    once(de)
    de_warm = min(once(de) for _ in range(7))
    print(
        f"{label} zh_cold={len(zh) / cold:.0f} zh_warm={len(zh) / warm:.0f} "
        f"en_warm={len(en) / en_warm:.0f} de_warm={len(de) / de_warm:.0f}"
    )


if __name__ == "__main__":
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: corpus not present")
    main(sys.argv[1] if len(sys.argv) > 1 else "this")
