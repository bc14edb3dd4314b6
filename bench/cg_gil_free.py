"""How much of extraction runs without the GIL: the edited pass's 25 pages (bench/cg_edit_stages.py's
articles) extracted under `valgrind --tool=callgrind`, less a run extracting none, and the
inclusive instructions of the libxml2 calls lxml makes with the GIL released (`with nogil`:
XPath evaluation, HTML parsing) among them. Threads can run that share beside the pipeline.

    PYTHONPATH=. python bench/cg_gil_free.py WORK/data.json   (cg_edit_stages.py's WORK)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

NOGIL = ("xmlXPathCompiledEval", "xmlXPathEvalExpression", "htmlCtxtReadMemory")


def child(path: str, rounds: int) -> None:
    from worker.ingest.extract import extract_article

    pages = [(p["new_html"].encode(), p["url"]) for p in json.loads(Path(path).read_text())]
    for page in pages[:3]:  # warm-up, in both runs
        extract_article(*page)
    for _ in range(rounds):
        for page in pages:
            extract_article(*page)


def counts(path: str, rounds: int, out: Path) -> dict[str, int]:
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable]
    subprocess.run([*cmd, __file__, "--child", path, str(rounds)], check=True, capture_output=True)
    text = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = {
        "total": int(re.search(r"([\d,]+) \S+\s+PROGRAM TOTALS", text).group(1).replace(",", ""))
    }
    for name in NOGIL:
        hit = re.search(rf"^\s*([\d,]+) .*:{name} ", text, re.M)
        found[name] = int(hit.group(1).replace(",", "")) if hit else 0
    return found


if __name__ == "__main__":
    if sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        sys.exit()
    work = Path(tempfile.mkdtemp(prefix="cg-gil-"))
    none, some = counts(sys.argv[1], 0, work / "none"), counts(sys.argv[1], 1, work / "some")
    total = some["total"] - none["total"]
    print(f"extraction of the pages: {total / 1e6:,.0f} M instructions")
    free = 0
    for name in NOGIL:
        free += some[name] - none[name]
        print(f"  {name:24s} {(some[name] - none[name]) / 1e6:8,.0f} M (GIL released)")
    print(f"without the GIL: {free / total:.0%}")
