"""Instructions per page of each stage a new article goes through outside the store: the
extraction (trafilatura), normalizing, the language, people reading, and (with [events] on)
grouping's features, on the fetch benchmark's farm pages (100 x 5, seed 1).

Each stage runs in a fresh process under `valgrind --tool=cachegrind --cache-sim=no`, once
over page 0 alone and once over page 0 and the next N pages; the difference over N is the
stage's instructions per page, warm (imports, the roster and the first page's caches taken
out). `features` is grouping's `report_features` reading the people again, `features-read`
the same given the pipeline's people; both runs read the people of their pages first, so
their difference is what the reading given saves.

    PYTHONPATH=.:bench python bench/cg_stages.py [--pages 100] [STAGE ...]
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

STAGES = ("extract", "normalize", "language", "people", "features", "features-read")
REPO = Path(__file__).resolve().parents[1]


def pages(path: Path) -> None:
    """The farm's pages with their text, normalized text and language, as JSON."""
    from bench.farm import Farm
    from worker.detect.lang import detect_language
    from worker.detect.normalize import normalize_text
    from worker.ingest.extract import extract_article

    farm = Farm(100, 5, seed=1, hosts=10)
    out = []
    for f in range(100):
        for j in range(5):
            body, url = farm.page_bytes(f, j), farm.page_url(f, j)
            text = extract_article(body, url).text
            norm = normalize_text(text)
            lang = detect_language(norm)
            out.append(
                {"html": body.decode(), "url": url, "text": text, "norm": norm, "lang": lang}
            )
    path.write_text(json.dumps(out), encoding="utf-8")


def stage(name: str, path: Path, n: int) -> None:
    """Run `name` over page 0 and the next `n` pages (the child process's work)."""
    from worker.detect.events import report_features
    from worker.detect.lang import detect_language
    from worker.detect.normalize import normalize_text
    from worker.detect.people import extract_people
    from worker.ingest.extract import extract_article
    from worker.service.seeds import load_roster

    roster = load_roster()
    day = datetime.date(2026, 12, 1)
    chosen: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))[: n + 1]
    if name.startswith("features"):
        for p in chosen:
            p["people"] = extract_people(p["norm"], roster, language=p["lang"])
    for p in chosen:
        if name == "extract":
            extract_article(p["html"].encode(), p["url"])
        elif name == "normalize":
            normalize_text(p["text"])
        elif name == "language":
            detect_language(p["norm"])
        elif name == "people":
            extract_people(p["norm"], roster, language=p["lang"])
        else:
            read = (p["lang"], p["people"]) if name == "features-read" else None
            report_features(p["norm"].split("\n")[0][:120], p["norm"], day, roster, read=read)


def instructions(name: str, path: Path, n: int, out: Path) -> int:
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}"]
    cmd += [sys.executable, __file__, "--child", name, "--pages", str(n), "--data", str(path)]
    subprocess.run(cmd, cwd=REPO, check=True, capture_output=True)
    found = re.search(r"^summary: (\d+)", out.read_text(), re.M)
    assert found is not None
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("stages", nargs="*", default=list(STAGES), help=", ".join(STAGES))
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        stage(args.child, args.data, args.pages)
        return
    unknown = set(args.stages) - set(STAGES)
    if unknown:
        ap.error(f"no stage {', '.join(sorted(unknown))}; stages: {', '.join(STAGES)}")
    work = Path(tempfile.mkdtemp(prefix="cg-stages-"))
    data = work / "pages.json"
    pages(data)
    for name in args.stages:
        alone = instructions(name, data, 0, work / f"{name}.0")
        more = instructions(name, data, args.pages, work / f"{name}.n")
        print(
            f"{name:14s} {(more - alone) / args.pages / 1e6:8.2f} M instructions a page", flush=True
        )


if __name__ == "__main__":
    main()
