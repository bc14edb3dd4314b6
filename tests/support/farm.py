"""A small farm of feeds and article pages on the test server, with ETags and edits."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from tests.support.httpserver import LocalServer, Request, Response


@dataclass
class Page:
    title: str
    paragraphs: list[str]
    status: int = 200
    redirect_to: str | None = None

    def html(self) -> bytes:
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        return (
            "<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>{html.escape(self.title)}</title></head><body>"
            "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/china'>China</a></nav>"
            f"<article><h1>{html.escape(self.title)}</h1>{body}</article>"
            "<footer>Copyright test wire. Contact | Privacy | Terms</footer></body></html>"
        ).encode()


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


@dataclass
class Farm:
    server: LocalServer
    pages: dict[str, Page] = field(default_factory=dict)
    feed_items: dict[str, list[str]] = field(default_factory=dict)  # feed path -> page paths
    descriptions: dict[str, str] = field(default_factory=dict)

    def add_page(self, path: str, title: str, paragraphs: list[str]) -> str:
        self.pages[path] = Page(title, list(paragraphs))
        self.server.route(path, self._serve_page)
        return self.server.url(path)

    def add_feed(self, path: str, page_paths: list[str]) -> str:
        self.feed_items[path] = list(page_paths)
        self.server.route(path, self._serve_feed)
        return self.server.url(path)

    def feed_xml(self, path: str) -> bytes:
        items = []
        for page_path in self.feed_items[path]:
            page = self.pages[page_path]
            url = self.server.url(page_path)
            desc = self.descriptions.get(page_path, page.paragraphs[0] if page.paragraphs else "")
            items.append(
                f"<item><title>{html.escape(page.title)}</title><link>{url}</link>"
                f"<guid>{url}</guid><pubDate>{format_datetime(datetime(2026, 11, 28, tzinfo=UTC))}</pubDate>"
                f"<description>{html.escape(desc)}</description></item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test wire</title>'
            f"<link>{self.server.base}/</link><description>t</description>{''.join(items)}</channel></rss>"
        ).encode()

    def _serve_feed(self, req: Request, _h: object) -> Response:
        body = self.feed_xml(req.path.split("?")[0])
        return _conditional(req, body, "application/rss+xml")

    def _serve_page(self, req: Request, _h: object) -> Response:
        page = self.pages[req.path.split("?")[0]]
        if page.redirect_to:
            return Response(302, b"", {"Location": page.redirect_to})
        if page.status != 200:
            return Response(page.status, b"gone")
        return _conditional(req, page.html(), "text/html; charset=utf-8")


def _conditional(req: Request, body: bytes, ctype: str) -> Response:
    etag = _etag(body)
    if req.headers.get("if-none-match") == etag:
        return Response(304, b"", {"ETag": etag})
    return Response(200, body, {"Content-Type": ctype, "ETag": etag})


REPORT = [
    "Beijing, Nov. 28 (Xinhua) -- The annual conference on economic work was held in Beijing "
    "from Nov. 26 to 28. Xi Jinping delivered an important speech at the meeting.",
    "Li Qiang, Zhao Leji, Wang Huning, Cai Qi, Ding Xuexiang and Li Xi attended the meeting.",
    "The meeting said the economy grew 5.2 percent in the first three quarters, and set the target "
    "for next year at around 5 percent. It called for more support for consumption and for "
    "private businesses, and for steady progress in reforms of state-owned enterprises.",
    "Officials from all provinces, autonomous regions and municipalities took part in the "
    "discussions, which covered employment, housing, local government debt and the financial "
    "sector. The meeting stressed that risks must be defused in an orderly way.",
]


def three_reports(server: LocalServer) -> Farm:
    """The pipeline tests' farm: one feed listing three reports, /news/2026/0.html to 2.html."""
    f = Farm(server)
    for i in range(3):
        f.add_page(f"/news/2026/{i}.html", f"Report {i}", [f"Item {i}.", *REPORT])
    f.add_feed("/rss.xml", [f"/news/2026/{i}.html" for i in range(3)])
    return f
