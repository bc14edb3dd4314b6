"""`wirediff demo`: the whole pipeline, offline, on the bundled seed report.

A server on 127.0.0.1 (port 0) serves an RSS feed with one item and the item's article page.
Between passes the page changes to the next version in seeds/demo.toml. Each pass is the same
`one_pass` that `wirediff fetch` runs, against its own embedded SQLite store.
"""

from __future__ import annotations

import html
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any

from worker.service.seeds import seed_report

ARTICLE_PATH = "/2023-12/28/c_1130000000.htm"


@dataclass
class DemoSite:
    """What the local server currently serves."""

    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    published: datetime = field(default_factory=lambda: datetime(2023, 12, 28, 12, 0, tzinfo=UTC))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set_text(self, text: str) -> None:
        lines = [p.strip() for p in text.split("\n") if p.strip()]
        with self.lock:
            self.title = lines[0].removeprefix("Original title: ")
            self.paragraphs = lines[1:]

    def feed_xml(self, base: str) -> bytes:
        with self.lock:
            lead = "\n\n".join(self.paragraphs)  # full text, as many wire feeds carry it
            items = (
                f"<item><title>{html.escape(self.title)}</title>"
                f"<link>{base}{ARTICLE_PATH}</link><guid>{base}{ARTICLE_PATH}</guid>"
                f"<pubDate>{format_datetime(self.published)}</pubDate>"
                f"<description>{html.escape(lead)}</description></item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Demo wire (replaying the seed report)</title><link>{base}/</link>"
            f"<description>wirediff demo</description>{items}</channel></rss>"
        ).encode()

    def page_html(self) -> bytes:
        with self.lock:
            body = "\n".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
            title = html.escape(self.title)
        return (
            "<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>{title}</title></head><body>"
            "<nav><a href='/'>Home</a> | <a href='/china'>China</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<footer>Copyright demo wire. All rights reserved. Contact us | Privacy</footer>"
            "</body></html>"
        ).encode()


@contextmanager
def serve(site: DemoSite) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{port}"
            if self.path == "/feed.xml":
                body, ctype = site.feed_xml(base), "application/rss+xml"
            elif self.path == ARTICLE_PATH:
                body, ctype = site.page_html(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = httpd.server_port
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass(frozen=True, slots=True)
class DemoVersion:
    note: str
    text: str


def demo_versions() -> list[DemoVersion]:
    """The seed report, then each later version built by applying seeds/demo.toml in turn."""
    text = seed_report()
    out = [DemoVersion("the seed report as first published", text)]
    raw = tomllib.loads(resources.files("seeds").joinpath("demo.toml").read_text("utf-8"))
    for spec in raw["versions"]:
        for old, new in spec["replace"]:
            if old not in text:
                raise ValueError(f"seeds/demo.toml: {old!r} is not in the previous version")
            text = text.replace(old, new)
        out.append(DemoVersion(spec["note"], text))
    return out
