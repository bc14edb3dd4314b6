"""Time parse_feed (feedparser) against fastfeedparser over a folder of feeds.

    python bench/bench_parse.py [FOLDER] [--repeat N]

FOLDER defaults to tests/data/feeds; /work/shared/corpus/feeds has ~380. Prints ms per feed for
worker.parse.parse_feed, raw feedparser.parse and, when installed, fastfeedparser.parse, plus how
many feeds each gave entries for and how many fastfeedparser entry lists differ in titles/links.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feedparser

from worker.errors import ParseError
from worker.parse import parse_feed


def _time(fn: Callable[[bytes], Any], bodies: list[bytes], repeat: int) -> tuple[float, list[Any]]:
    results: list[Any] = []
    start = time.perf_counter()
    for _ in range(repeat):
        results = []
        for body in bodies:
            try:
                results.append(fn(body))
            except Exception as exc:  # a benchmark counts failures, it does not stop on them
                results.append(exc)
    return (time.perf_counter() - start) * 1000 / (repeat * len(bodies)), results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default="tests/data/feeds")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(p for p in Path(args.folder).rglob("*") if p.is_file() and p.suffix != ".md")
    bodies = [p.read_bytes() for p in files]
    url = "http://feeds.example.org/feed"
    ms, ours = _time(lambda b: parse_feed(b, url), bodies, args.repeat)
    ok = sum(1 for r in ours if not isinstance(r, Exception) and r.entries)
    errors = sum(1 for r in ours if isinstance(r, ParseError))
    crashes = sum(1 for r in ours if isinstance(r, Exception) and not isinstance(r, ParseError))
    print(f"{len(files)} feeds, {sum(map(len, bodies)) / 1e6:.1f} MB")
    print(
        f"parse_feed        {ms:7.2f} ms/feed  entries={ok} parse_errors={errors} crashes={crashes}"
    )
    ms, raw = _time(lambda b: feedparser.parse(io.BytesIO(b)), bodies, args.repeat)
    print(f"feedparser.parse  {ms:7.2f} ms/feed  entries={sum(1 for r in raw if r.entries)}")
    try:
        import fastfeedparser
    except ImportError:
        print("fastfeedparser not installed")
        return
    ms, fast = _time(fastfeedparser.parse, bodies, args.repeat)
    fast_ok = sum(1 for r in fast if not isinstance(r, Exception) and r.get("entries"))
    differ = sum(
        1
        for o, f in zip(ours, fast, strict=True)
        if not isinstance(o, Exception) and o.entries
        and (isinstance(f, Exception) or len(f.get("entries", [])) != len(o.entries))
    )  # fmt: skip
    print(f"fastfeedparser    {ms:7.2f} ms/feed  entries={fast_ok} entry-count differs={differ}")


if __name__ == "__main__":
    main()
