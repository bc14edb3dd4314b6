"""A local feed farm for benchmarks: N RSS feeds x M article pages served on 127.0.0.x.

Input: feed and page counts, a seed, optional added latency and article paragraphs (default:
the human-annotated article bodies of the scrapinghub article-extraction benchmark in
/work/shared/corpus when present, else the seed report bundled in seeds/). Output: a running
HTTP/1.1 server (keep-alive, gzip, ETag + Last-Modified, 304 on conditional requests) whose
feed and page URLs, hit counters and `edit()` the benchmarks use.

    with Farm(feeds=200, pages=10, seed=1) as farm:
        farm.feed_urls            # RSS 2.0 feeds, M items each
        farm.edit(0.05, random.Random(2))   # -> the page URLs whose text changed

Every response is rendered to bytes up front (and gzipped on first request), so one asyncio
loop in a background thread serves thousands of requests per second. The HTTP handling is
hand-written on asyncio streams because the stdlib http.server spends a thread per connection
and a benchmark server must not be the bottleneck; no third-party server is needed for this.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from email.utils import formatdate, parsedate_to_datetime
from html import escape
from pathlib import Path
from types import TracebackType
from xml.sax.saxutils import escape as xml_escape

REPO = Path(__file__).resolve().parent.parent
AEB_BODIES = Path("/work/shared/corpus/articles/scrapinghub-aeb/ground-truth-subset.json")
SEED_REPORT = REPO / "seeds" / "000_51e97353ff3bef23.txt"
EPOCH = 1_700_000_000.0  # first publication time of the farm's articles (Nov 2023)
_NUMBER = re.compile(r"\b\d+\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class FarmError(Exception):
    """The farm cannot be built or started (no article text, port trouble...)."""


def load_paragraphs(path: Path | None = None, *, min_chars: int = 80) -> list[str]:
    """Paragraphs of real article text: the AEB ground truth (JSON) or a plain-text file."""
    candidates = [path] if path is not None else [AEB_BODIES, SEED_REPORT]
    for candidate in candidates:
        if candidate is None or not candidate.is_file():
            continue
        raw = candidate.read_text(encoding="utf-8")
        if candidate.suffix == ".json":
            bodies = [item.get("articleBody", "") for item in json.loads(raw).values()]
        else:
            bodies = [raw]
        found = [p.strip() for b in bodies for p in b.split("\n") if len(p.strip()) >= min_chars]
        if found:
            return found
    raise FarmError(f"no article paragraphs of {min_chars}+ characters in {candidates}")


@dataclass(frozen=True, slots=True)
class Resource:
    """One pre-rendered response body with its validators."""

    body: bytes
    content_type: str
    etag: str
    modified: float  # Unix time; Last-Modified is this at second resolution

    @classmethod
    def of(cls, body: bytes, content_type: str, modified: float) -> Resource:
        return cls(body, content_type, f'"{hashlib.sha1(body).hexdigest()[:20]}"', modified)

    @property
    def last_modified(self) -> str:
        return formatdate(self.modified, usegmt=True)


@dataclass(frozen=True, slots=True)
class Story:
    """One article's content; pages and feed items are rendered from it."""

    feed: int
    index: int
    title: str
    paragraphs: tuple[str, ...]
    published: float
    updated: float
    revision: int = 0


class Farm:
    """The feed farm. start() binds 127.0.0.1..127.0.0.<hosts> on free ports; stop() ends it."""

    def __init__(
        self,
        feeds: int = 10,
        pages: int = 10,
        *,
        seed: int = 0,
        hosts: int = 1,
        latency: float = 0.0,
        paragraphs: Sequence[str] | None = None,
        compress: bool = True,
    ) -> None:
        if feeds < 1 or pages < 1:
            raise FarmError(f"feeds and pages must be at least 1, got {feeds} x {pages}")
        if not 1 <= hosts <= 254:
            raise FarmError(f"hosts must be 1..254 (127.0.0.1..127.0.0.254), got {hosts}")
        self.n_feeds, self.n_pages, self.n_hosts = feeds, pages, hosts
        self.latency = latency
        self.compress = compress
        self.hits: Counter[str] = Counter()  # feed, page, not_modified, other, bytes
        self.path_hits: Counter[str] = Counter()
        # time.perf_counter() of the first request since the last reset_hits(): when a tool
        # started working (perf_counter is one clock for every thread and process here)
        self.first_hit: float | None = None
        self._paragraphs = list(paragraphs) if paragraphs is not None else load_paragraphs()
        self._rng = random.Random(seed)
        self._resources: dict[str, Resource] = {}
        self._gzipped: dict[str, tuple[str, bytes]] = {}  # path -> (etag, gzip body)
        self._stories: dict[tuple[int, int], Story] = {}
        self._ports: list[int] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._servers: list[asyncio.Server] = []
        self._build()

    # -- content ------------------------------------------------------------------------------

    def _build(self) -> None:
        for f in range(self.n_feeds):
            for j in range(self.n_pages):
                count = self._rng.randint(5, 12)
                paras = tuple(self._rng.sample(self._paragraphs, min(count, len(self._paragraphs))))
                published = EPOCH + f * 3600 + j * 60
                title = _title_of(paras[0], f, j)
                story = Story(f, j, title, paras, published, published)
                self._stories[(f, j)] = story
                self._resources[self.page_path(f, j)] = self._render_page(story)
            self._resources[self.feed_path(f)] = self._render_feed(f)

    def _render_page(self, story: Story) -> Resource:
        body = _page_html(story, self._related(story)).encode("utf-8")
        return Resource.of(body, "text/html; charset=utf-8", story.updated)

    def _related(self, story: Story) -> list[tuple[str, str]]:
        rng = random.Random(story.feed * 100_003 + story.index)
        picks = [(story.feed, (story.index + k) % self.n_pages) for k in range(1, 6)]
        picks += [(rng.randrange(self.n_feeds), rng.randrange(self.n_pages)) for _ in range(5)]
        return [
            (self.page_path(f, j), self._stories[(f, j)].title)
            for f, j in picks
            if (f, j) in self._stories
        ]

    def _render_feed(self, f: int) -> Resource:
        stories = [self._stories[(f, j)] for j in range(self.n_pages)]
        stories.sort(key=lambda s: s.updated, reverse=True)
        host = self.host_of(f)
        body = _rss(f, host, [(self.page_path(f, s.index), s) for s in stories]).encode("utf-8")
        return Resource.of(body, "application/rss+xml; charset=utf-8", stories[0].updated)

    def edit(self, fraction: float, rng: random.Random, *, feed_item: bool = True) -> list[str]:
        """Change a number or a sentence in `fraction` of all articles; return their page URLs.

        feed_item=True also re-lists the item with a new pubDate (as CMSs that republish on
        update do), so the feed's ETag changes; False edits the pages silently.
        """
        if not 0.0 <= fraction <= 1.0:
            raise FarmError(f"edit fraction must be in [0, 1], got {fraction}")
        keys = sorted(self._stories)
        chosen = rng.sample(keys, round(fraction * len(keys)))
        now = max(time.time(), max(s.updated for s in self._stories.values()) + 1)
        touched: set[int] = set()
        for key in chosen:
            story = self._stories[key]
            paras = list(story.paragraphs)
            k = rng.randrange(len(paras))
            paras[k] = _edited(paras[k], rng, self._paragraphs)
            updated = replace(
                story, paragraphs=tuple(paras), updated=now, revision=story.revision + 1
            )
            if feed_item:
                updated = replace(updated, published=now)
                touched.add(story.feed)
            self._stories[key] = updated
            self._resources[self.page_path(*key)] = self._render_page(updated)
        for f in touched:
            self._resources[self.feed_path(f)] = self._render_feed(f)
        return [self.page_url(f, j) for f, j in chosen]

    # -- addresses ----------------------------------------------------------------------------

    def host_of(self, feed: int) -> str:
        h = feed % self.n_hosts
        port = self._ports[h] if self._ports else 0
        return f"127.0.0.{h + 1}:{port}"

    @staticmethod
    def feed_path(feed: int) -> str:
        return f"/feeds/{feed}.xml"

    @staticmethod
    def page_path(feed: int, index: int) -> str:
        return f"/news/{feed}/{index}.html"

    def feed_url(self, feed: int) -> str:
        return f"http://{self.host_of(feed)}{self.feed_path(feed)}"

    def page_url(self, feed: int, index: int) -> str:
        return f"http://{self.host_of(feed)}{self.page_path(feed, index)}"

    @property
    def feed_urls(self) -> list[str]:
        return [self.feed_url(f) for f in range(self.n_feeds)]

    @property
    def page_urls(self) -> list[str]:
        return [self.page_url(f, j) for f in range(self.n_feeds) for j in range(self.n_pages)]

    def story(self, feed: int, index: int) -> Story:
        return self._stories[(feed, index)]

    def page_bytes(self, feed: int, index: int) -> bytes:
        return self._resources[self.page_path(feed, index)].body

    def reset_hits(self) -> Counter[str]:
        """The counters so far; the farm's counters start again from zero."""
        old = self.hits
        self.hits, self.path_hits = Counter(), Counter()
        self.first_hit = None
        return old

    # -- server -------------------------------------------------------------------------------

    def start(self) -> Farm:
        if self._thread is not None:
            return self
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="feed-farm", daemon=True)
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._listen(), loop)
        try:
            self._servers = future.result(timeout=10)
        except OSError as err:
            self.stop()
            raise FarmError(f"feed farm: cannot listen on 127.0.0.x: {err}") from err
        self._ports = [s.sockets[0].getsockname()[1] for s in self._servers]
        for f in range(self.n_feeds):  # item links carry the host:port known only now
            self._resources[self.feed_path(f)] = self._render_feed(f)
        return self

    async def _listen(self) -> list[asyncio.Server]:
        return [
            await asyncio.start_server(self._serve, f"127.0.0.{h + 1}", 0, backlog=1024)
            for h in range(self.n_hosts)
        ]

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return

        async def close() -> None:
            for server in self._servers:
                server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
        self._loop, self._thread, self._servers = None, None, []

    def __enter__(self) -> Farm:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                request = _parse_head(head)
                if request is None:
                    writer.write(_response(400, {}, b"bad request\n", head_only=False))
                    return
                method, path, version, headers = request
                length = headers.get("content-length", "0")
                if length.isdigit() and int(length):
                    await reader.readexactly(int(length))
                keep = _keep_alive(version, headers)
                status, extra, body = self._answer(method, path, headers)
                if self.latency:
                    await asyncio.sleep(self.latency)
                extra["Connection"] = "keep-alive" if keep else "close"
                data = _response(status, extra, body, head_only=method == "HEAD")
                self.hits["bytes"] += len(data)
                writer.write(data)
                await writer.drain()
                if not keep:
                    return
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()

    def _answer(
        self, method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        if self.first_hit is None:
            self.first_hit = time.perf_counter()
        path = path.split("?", 1)[0].split("#", 1)[0]
        resource = self._resources.get(path)
        if method not in ("GET", "HEAD"):
            self.hits["other"] += 1
            return (
                405,
                {"Allow": "GET, HEAD", "Content-Type": "text/plain"},
                b"method not allowed\n",
            )
        if resource is None:
            self.hits["other"] += 1
            return 404, {"Content-Type": "text/plain"}, b"not found\n"
        self.hits["feed" if path.startswith("/feeds/") else "page"] += 1
        self.path_hits[path] += 1
        validators = {"ETag": resource.etag, "Last-Modified": resource.last_modified}
        if _not_modified(resource, headers):
            self.hits["not_modified"] += 1
            return 304, validators, b""
        extra = {"Content-Type": resource.content_type, "Cache-Control": "no-cache", **validators}
        if self.compress and "gzip" in headers.get("accept-encoding", ""):
            extra["Content-Encoding"] = "gzip"
            extra["Vary"] = "Accept-Encoding"
            return 200, extra, self._gzip(path, resource)
        return 200, extra, resource.body

    def _gzip(self, path: str, resource: Resource) -> bytes:
        cached = self._gzipped.get(path)
        if cached is not None and cached[0] == resource.etag:
            return cached[1]
        data = gzip.compress(resource.body, compresslevel=6, mtime=0)
        self._gzipped[path] = (resource.etag, data)
        return data


# -- HTTP helpers -----------------------------------------------------------------------------

_REASONS = {
    200: "OK",
    304: "Not Modified",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
}


def _parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]] | None:
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return parts[0], parts[1], parts[2], headers


def _keep_alive(version: str, headers: dict[str, str]) -> bool:
    connection = headers.get("connection", "").lower()
    if version == "HTTP/1.0":
        return connection == "keep-alive"
    return connection != "close"


def _not_modified(resource: Resource, headers: dict[str, str]) -> bool:
    # RFC 9110 13.1.3: If-None-Match, when present, decides; If-Modified-Since only without it.
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or resource.etag in tags
    since = headers.get("if-modified-since")
    if not since:
        return False
    try:
        return int(resource.modified) <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError):
        return False


def _response(status: int, headers: dict[str, str], body: bytes, *, head_only: bool) -> bytes:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}", "Server: wirediff-bench-farm"]
    lines.append(f"Date: {formatdate(usegmt=True)}")
    if status != 304:
        lines.append(f"Content-Length: {len(body)}")
    lines += [f"{k}: {v}" for k, v in headers.items()]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if head_only or status == 304 else head + body


# -- rendering --------------------------------------------------------------------------------


def _title_of(paragraph: str, feed: int, index: int) -> str:
    words = paragraph.split()[:9]
    return " ".join(words).rstrip(",.;:") + f" ({feed}-{index})"


def _edited(paragraph: str, rng: random.Random, pool: Sequence[str]) -> str:
    """A number in the paragraph changed, else one of its sentences replaced by another."""
    numbers = list(_NUMBER.finditer(paragraph))
    if numbers:
        m = rng.choice(numbers)
        return (
            paragraph[: m.start()] + str(int(m.group()) + rng.randint(1, 9)) + paragraph[m.end() :]
        )
    sentences = _SENTENCE_END.split(paragraph)
    donor = _SENTENCE_END.split(rng.choice(pool))
    k = rng.randrange(len(sentences))
    replacement = rng.choice(donor)
    sentences[k] = (
        replacement if replacement != sentences[k] else sentences[k] + " Officials confirmed this."
    )
    return " ".join(sentences)


_SECTIONS = ("World", "Politics", "Business", "Technology", "Science", "Health", "Sport",
             "Culture", "Opinion", "Climate", "Asia", "Europe", "Americas", "Africa", "Video")  # fmt: skip
_STYLE = "body{font-family:Georgia,serif;margin:0}.nav a{padding:0 .5em}" * 12
# A mega-menu and an inline app-state script, as most news pages carry: ~30 KB a page in all.
_MEGA = "".join(
    f'<li><a href="/section/{s.lower()}/{k}">{s} topic {k}</a></li>'
    for s in _SECTIONS
    for k in range(12)
)
_STATE = json.dumps({"config": {f"flag_{k}": {"enabled": k % 3 == 0, "variant": f"v{k % 7}",
    "ads": [f"slot-{k}-{m}" for m in range(6)]} for k in range(150)}})  # fmt: skip


def _page_html(story: Story, related: list[tuple[str, str]]) -> str:
    """An article page as news sites ship them: nav, breadcrumbs, byline, article, aside, footer."""
    nav = "".join(f'<li><a href="/section/{s.lower()}">{s}</a></li>' for s in _SECTIONS)
    sub = "".join(
        f'<li><a href="/section/{s.lower()}/latest">Latest {s}</a></li>' for s in _SECTIONS
    )
    paras = "".join(f"<p>{escape(p)}</p>\n" for p in story.paragraphs)
    aside = "".join(f'<li><a href="{href}">{escape(title)}</a></li>' for href, title in related)
    footer = "".join(f'<li><a href="/about/{s.lower()}">About {s}</a></li>' for s in _SECTIONS)
    published = formatdate(story.published, usegmt=True)
    updated = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(story.updated))
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": story.title,
        "datePublished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(story.published)),
        "dateModified": updated, "author": {"@type": "Person", "name": "Staff Reporter"},
    })  # fmt: skip
    title = escape(story.title)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Farm News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{title}"><meta property="og:type" content="article">
<meta name="description" content="{escape(story.paragraphs[0][:200])}">
<script type="application/ld+json">{ld}</script>
<style>{_STYLE}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
</head><body>
<header class="site-header"><a class="logo" href="/">Farm News</a>
<nav class="nav"><ul>{nav}</ul></nav><nav class="subnav"><ul>{sub}</ul></nav>
<div class="mega-menu" hidden><ul>{_MEGA}</ul></div>
<form action="/search"><input name="q" placeholder="Search"><button>Search</button></form>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Privacy policy</a> <button>Accept</button></div>
</header>
<main>
<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/section/world">World</a></li></ol>
<article class="story">
<h1>{title}</h1>
<p class="byline">By Staff Reporter | Published <time datetime="{updated}">{published}</time></p>
<div class="story-body">
{paras}</div>
<div class="share">Share: <a href="/share/mail">Email</a> <a href="/share/print">Print</a></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol>{aside}</ol></aside>
<section class="newsletter"><h2>Sign up for our newsletter</h2><p>The day's top stories in your inbox every morning.</p></section>
</main>
<footer><ul>{footer}</ul><p>&copy; 2024 Farm News. All rights reserved. Terms of use | Cookie settings | Contact us</p></footer>
<script>window.__APP_STATE__={_STATE};</script>
<script src="/static/app.js" defer></script>
</body></html>
"""


def _rss(feed: int, host: str, items: list[tuple[str, Story]]) -> str:
    parts = []
    for path, story in items:
        link = xml_escape(f"http://{host}{path}")
        lead = story.paragraphs[0]
        parts.append(
            f"<item><title>{xml_escape(story.title)}</title><link>{link}</link>"
            f'<guid isPermaLink="false">farm-{story.feed}-{story.index}</guid>'
            f"<pubDate>{formatdate(story.published, usegmt=True)}</pubDate>"
            f"<description>{xml_escape(lead[:300])}</description></item>"
        )
    built = formatdate(max(s.updated for _, s in items), usegmt=True)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Farm feed {feed}</title><link>http://{host}/</link>"
        f"<description>Bench feed {feed}</description><lastBuildDate>{built}</lastBuildDate>"
        + "".join(parts)
        + "</channel></rss>\n"
    )
