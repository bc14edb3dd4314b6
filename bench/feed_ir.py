"""Warm parses of a set of feeds, to count the instructions of one feed parse under valgrind.

Sets: `farm` (bench/farm.py's 100 feeds, 100 x 5 over 10 hosts, seed 1: what an edited pass
parses) and `corpus` (every feed file of /work/shared/corpus/feeds, bench/corpus_run.py's list).
Each run loads the bodies and parses each once (imports, caches), then parses the whole set
N more times. Instructions per feed = (count with N - count with 0) / (N x feeds). STAGE:
`parse_feed` (all of wirediff's parse stage: the pre-scans, feedparser, the entries' links,
texts, hashes; the default) or `feedparser` (`feedparser.parse` alone, with the keywords and
headers parse_feed passes it, on the same bodies).

  ir() { NOGC=1 PYTHONHASHSEED=0 PYTHONPATH=$1:$1/bench valgrind --tool=cachegrind \
         --cache-sim=no --cachegrind-out-file=/dev/null python $1/bench/feed_ir.py $2 $3 $4 \
         2>&1 | grep "I *refs" | awk '{gsub(",","",$NF); print $NF}'; }
  echo $(( ($(ir $PWD farm 3) - $(ir $PWD farm 0)) / 300 ))      # per farm feed
  echo $(( ($(ir $PWD corpus 1) - $(ir $PWD corpus 0)) / 383 ))  # per corpus feed

NOGC=1 switches the cycle collector off after loading (its collections fall at different points
when the code allocates differently). Without valgrind it prints the CPU ms a feed.
"""

from __future__ import annotations

import gc
import io
import os
import sys
import time
from pathlib import Path
from typing import Any

from corpus_run import TYPES, corpus_feeds
from farm import Farm

from worker.errors import ParseError
from worker.ingest import parse

URL = "http://127.0.0.1:8000/feed.xml"


def bodies(name: str) -> list[tuple[bytes, str | None]]:
    """(body, content type) of every feed of the set."""
    if name == "farm":
        farm = Farm(feeds=100, pages=5, seed=1, hosts=10)
        found = [farm._resources[farm.feed_path(f)] for f in range(farm.n_feeds)]
        return [(resource.body, resource.content_type) for resource in found]
    paths = corpus_feeds(Path("/work/shared/corpus/feeds"))
    return [(p.read_bytes(), TYPES.get(p.suffix.lower(), "application/xml")) for p in paths]


def parse_feed(body: bytes, content_type: str | None) -> Any:
    try:
        return parse.parse_feed(body, URL, content_type)
    except ParseError as exc:
        return exc


def feedparser_alone(body: bytes, content_type: str | None) -> Any:
    """What parse_feed hands feedparser (the bodies it refuses and JSON Feeds skipped)."""
    if parse._looks_like_json(body, content_type):
        return None
    try:
        parse._refuse_entity_bombs(body, URL)
        parse._refuse_crowded_elements(body, URL)
    except ParseError:
        return None
    body, _ = parse._replace_invalid_char_refs(body)
    headers = {"content-type": parse._xml_content_type(content_type, body)}
    try:
        return parse._feedparser().parse(
            io.BytesIO(body), response_headers=headers, **parse.FEEDPARSER_OPTIONS
        )
    except (ValueError, LookupError, OverflowError, RecursionError) as exc:
        return exc


def main() -> None:
    name, passes = sys.argv[1], int(sys.argv[2])
    stage = parse_feed if len(sys.argv) < 4 or sys.argv[3] == "parse_feed" else feedparser_alone
    feeds = bodies(name)
    for body, content_type in feeds:
        stage(body, content_type)
    if os.environ.get("NOGC"):
        gc.collect()
        gc.disable()
    start = time.process_time()
    for _ in range(passes):
        for body, content_type in feeds:
            stage(body, content_type)
    if passes:
        ms = (time.process_time() - start) * 1000 / (passes * len(feeds))
        print(f"{len(feeds)} feeds, {stage.__name__}: {ms:.3f} ms CPU a feed")


if __name__ == "__main__":
    main()
