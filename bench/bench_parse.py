"""Time parse_feed (feedparser) against fastfeedparser over a folder of feeds.

    python bench/bench_parse.py [FOLDER] [--repeat N]
    python bench/bench_parse.py --hostile [--attributes 100000] [--unbounded]

FOLDER defaults to tests/data/feeds; /work/shared/corpus/feeds has ~380. Prints ms per feed for
worker.ingest.parse.parse_feed, raw feedparser.parse and, when installed, fastfeedparser.parse, plus how
many feeds each gave entries for and how many fastfeedparser entry lists differ in titles/links.

--hostile: CPU seconds for a feed of one element with --attributes attributes, refused by
parse_feed's pre-scan, and (with --unbounded) what feedparser alone spends on it, which is what
parse_feed spent before the bound; then what the pre-scans cost on an ordinary feed of ~10 MB.
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
from worker.ingest.parse import parse_feed


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


def _cpu(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    try:
        result = fn()
    except Exception as exc:  # the point is often the error
        result = exc
    return time.process_time() - start, result


def hostile(attributes: int, unbounded: bool) -> None:
    from worker.ingest.parse import _refuse_crowded_elements, _replace_invalid_char_refs

    names = " ".join(f'a{i}="x"' for i in range(attributes))
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>'
        f"<item><title {names}>t</title><guid>1</guid></item></channel></rss>"
    ).encode()
    url = "http://feeds.example.org/crowded.xml"
    seconds, result = _cpu(lambda: parse_feed(body, url))
    print(
        f"{attributes} attributes ({len(body) / 1e6:.1f} MB): parse_feed {seconds:.4f} s CPU -> {result}"
    )
    if unbounded:
        seconds, result = _cpu(lambda: feedparser.parse(io.BytesIO(body)))
        print(f"  feedparser.parse alone (parse_feed before the bound): {seconds:.1f} s CPU")
    item = (
        "<item><title>Report {0}</title><link>http://example.org/r/{0}</link><guid>{0}</guid>"
        '<description><![CDATA[<p class="lead" id="p{0}">Text &amp; more text, &#8220;quoted&#8221;.</p>]]>'
        "</description></item>"
    )
    big = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>'
        + "".join(item.format(i) for i in range(60_000))
        + "</channel></rss>"
    ).encode()
    scan, _ = _cpu(lambda: (_refuse_crowded_elements(big, url), _replace_invalid_char_refs(big)))
    whole, _ = _cpu(lambda: parse_feed(big, url))
    print(
        f"ordinary feed of {len(big) / 1e6:.1f} MB: pre-scans {scan:.3f} s CPU of "
        f"{whole:.1f} s for the whole parse_feed ({scan / whole:.1%})"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default="tests/data/feeds")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--hostile", action="store_true", help="the pathological-structure figures")
    ap.add_argument("--attributes", type=int, default=100_000)
    ap.add_argument("--unbounded", action="store_true", help="also time feedparser alone (minutes)")
    args = ap.parse_args()
    if args.hostile:
        hostile(args.attributes, args.unbounded)
        return
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
