"""feedparser's per-entry HTML passes measured: what `parse_feed` returns with each turned off.

    PYTHONPATH=.:bench python bench/feed_options.py [--corpus /work/shared/corpus]
        [--repeat 3] [--show 5] [--dump OUT.json [--dump-only]]

feedparser runs two sgmllib passes over every HTML-ish field of an entry (title, summary,
content...): `resolve_relative_uris` (rewrites href/src against xml:base) and `sanitize_html`
(drops unsafe elements and attributes, re-serializes the markup). `parse_feed` then turns the
field into plain text itself (`html_to_text`), so the passes matter only where they change the
text. Each variant below forces both keywords of `feedparser.parse` (whatever `parse_feed`
passes) and parses every input; every field of the ParsedFeed (title, link, each entry's key,
guid, link, title, date, content, item hash, the warning, the ttl) or the ParseError's message is
compared with the variant "both on" (feedparser's defaults, what wirediff shipped up to round
18).

Inputs: every feed file of the corpus (bench/corpus_run.py's list), the farm's 100 feeds
(bench/farm.py, seed 1), and every HTML page of the corpus's articles/ and versions/ wrapped
whole as one RSS item's description (messy real-world markup through the same path). --dump
writes what this tree's `parse_feed` gives, no keyword forced (for comparing two trees: run
it in each with --dump-only, which skips the variants, and compare the files).
CPU: time.process_time of parsing all inputs, each variant --repeat times, alternated; the
figure is the median.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import feedparser
from corpus_run import TYPES, corpus_feeds
from farm import Farm

from worker.errors import ParseError
from worker.ingest.parse import parse_feed

VARIANTS = {
    "both on (feedparser's defaults)": (True, True),
    "sanitize_html=False": (False, True),
    "resolve_relative_uris=False": (True, False),
    "both off": (False, False),
}
REFERENCE = "both on (feedparser's defaults)"
_ORIGINAL_PARSE = feedparser.parse


def inputs(corpus: Path) -> list[tuple[str, bytes, str | None]]:
    """(name, body, content type) of every input."""
    found: list[tuple[str, bytes, str | None]] = []
    for path in corpus_feeds(corpus / "feeds"):
        found.append((str(path.relative_to(corpus)), path.read_bytes(), _type(path)))
    farm = Farm(feeds=100, pages=5, seed=1, hosts=10)
    for f in range(farm.n_feeds):
        resource = farm._resources[farm.feed_path(f)]
        found.append((f"farm/feed{f}", resource.body, resource.content_type))
    for folder in ("articles", "versions"):
        for path in sorted((corpus / folder).rglob("*.htm*")):
            page = path.read_bytes().decode("utf-8", "replace")
            body = (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t'
                "</title><item><guid>g</guid><title>t</title><description>"
                f"{escape(page)}</description></item></channel></rss>"
            ).encode()
            found.append((f"page-as-entry/{path.relative_to(corpus)}", body, "application/xml"))
    return found


def _type(path: Path) -> str | None:
    return TYPES.get(path.suffix.lower(), "application/xml")


def outcome(body: bytes, content_type: str | None) -> Any:
    try:
        feed = parse_feed(body, "http://127.0.0.1:8000/feed.xml", content_type)
    except ParseError as exc:
        return {"error": str(exc)}
    except ValueError as exc:  # not a ParseError: a crash, shown as one
        return {"error": f"CRASH {type(exc).__name__}: {exc}"}
    return {
        "title": feed.title,
        "link": feed.link,
        "warning": feed.warning,
        "ttl": [feed.ttl_seconds, feed.ttl_source],
        "entries": [
            [
                e.key,
                e.guid,
                e.link,
                e.title,
                e.published.isoformat() if e.published else None,
                e.content,
                e.item_hash,
            ]
            for e in feed.entries
        ],
    }


def group(name: str) -> str:
    return name.split("/")[0]  # feeds, farm, page-as-entry


def run(
    variant: str, items: list[tuple[str, bytes, str | None]]
) -> tuple[list[Any], dict[str, float]]:
    """Every input's outcome and the CPU seconds by group of inputs."""
    sanitize, resolve = VARIANTS[variant]

    def forced(*args: Any, **keywords: Any) -> Any:  # whatever parse_feed passes
        keywords |= {"sanitize_html": sanitize, "resolve_relative_uris": resolve}
        return _ORIGINAL_PARSE(*args, **keywords)

    feedparser.parse = forced
    results = []
    seconds: dict[str, float] = {}
    try:
        for name, body, ctype in items:
            start = time.process_time()
            results.append(outcome(body, ctype))
            seconds[group(name)] = seconds.get(group(name), 0.0) + time.process_time() - start
        return results, seconds
    finally:
        feedparser.parse = _ORIGINAL_PARSE  # type: ignore[assignment]


def show(differing: list[tuple[str, Any, Any]], limit: int) -> None:
    for name, ref, got in differing[:limit]:
        print(f"    {name}")
        for key in ("title", "link", "warning", "ttl", "error"):
            if ref.get(key) != got.get(key):
                print(f"      {key}: {ref.get(key)!r:.200} -> {got.get(key)!r:.200}")
        for a, b in zip(ref.get("entries", []), got.get("entries", []), strict=False):
            for label, x, y in zip(
                ("key", "guid", "link", "title", "date", "content", "hash"), a, b, strict=True
            ):
                if x != y and label != "hash":
                    print(f"      entry {label}: {x!r:.300}\n        -> {y!r:.300}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--show", type=int, default=5, help="differing inputs shown per variant")
    parser.add_argument("--dump-only", action="store_true")
    args = parser.parse_args()
    items = inputs(args.corpus)
    if args.dump:  # this tree's parse_feed as it is, no keyword forced
        as_is = [outcome(body, ctype) for _, body, ctype in items]
        named = {name: result for (name, _, _), result in zip(items, as_is, strict=True)}
        args.dump.write_text(json.dumps(named, ensure_ascii=False, indent=0, sort_keys=True))
        if args.dump_only:
            return
    results: dict[str, list[Any]] = {}
    times: dict[str, list[dict[str, float]]] = {v: [] for v in VARIANTS}
    for _ in range(args.repeat):
        for variant in VARIANTS:
            results[variant], seconds = run(variant, items)
            times[variant].append(seconds)
    reference = results[REFERENCE]
    groups = sorted({group(name) for name, _, _ in items})
    count = {g: sum(1 for name, _, _ in items if group(name) == g) for g in groups}
    print("inputs: " + ", ".join(f"{g} {count[g]}" for g in groups))
    for variant in VARIANTS:
        differing = [
            (name, ref, got)
            for (name, _, _), ref, got in zip(items, reference, results[variant], strict=True)
            if ref != got
        ]
        by_group = {g: sum(1 for name, _, _ in differing if group(name) == g) for g in groups}
        cpu = {g: statistics.median(t.get(g, 0.0) for t in times[variant]) for g in groups}
        print(
            f"{variant:34} differing: "
            + ", ".join(f"{g} {by_group[g]}" for g in groups)
            + "; CPU ms (median): "
            + ", ".join(f"{g} {cpu[g] * 1000:.1f}" for g in groups)
        )
        show(differing, args.show)


if __name__ == "__main__":
    main()
