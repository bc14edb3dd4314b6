"""Hostile feed bodies through the real `wirediff fetch`: a real HTTP server, a real store.

A feed of one element with 100,000 attributes (quadratic in the standard library's SAX
attribute lookup: 80-90 s of CPU before it was refused) and a feed with one bad character
reference in one of seven items (it used to lose all seven with a traceback).
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.support.httpserver import LocalServer
from worker.cli import cli


def rss(items: str, title: str = "Wire") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.org/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def item(i: int, title: str | None = None, text: str | None = None) -> str:
    return (
        f"<item><title>{title or f'Report {i}'}</title><link>http://example.org/r/{i}</link>"
        f"<guid>r-{i}</guid><description>{text or f'The text of report {i}.'}</description></item>"
    )


def fetch_json(db_url: str, tmp_path, urls: list[str]) -> list[dict]:
    config = tmp_path / "wirediff.toml"
    config.write_text(
        f'[storage]\nurl = "{db_url}"\n[fetch]\nrevisit = []\n'
        + "".join(f'[[feeds]]\nurl = "{u}"\nfollow_links = false\n' for u in urls)
    )
    result = CliRunner().invoke(
        cli, ["fetch", "--config", str(config), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_a_feed_of_100000_attributes_is_refused_at_once_and_the_pass_goes_on(
    server: LocalServer, tmp_path
) -> None:
    attributes = " ".join(f'a{i}="x"' for i in range(100_000))
    crowded = server.static("/crowded.xml", rss(f"<item><title {attributes}>t</title></item>"))
    assert len(rss(f"<item><title {attributes}>t</title></item>")) > 1_000_000
    good = server.static("/good.xml", rss(item(1) + item(2)))
    # Before the bound this pass took 80-90 s of CPU in feedparser: pytest's 60 s timeout
    # would stop the test.
    lines = fetch_json(f"sqlite:///{tmp_path / 'w.db'}", tmp_path, [crowded, good])
    feeds = {o["url"]: o for o in lines if o["type"] == "feed"}
    assert feeds[crowded]["status"] == "error"
    assert feeds[crowded]["error"].startswith(crowded)
    assert "more than 200 attributes" in feeds[crowded]["error"]
    assert feeds[good]["status"] == "ok" and feeds[good]["new_versions"] == 2


def test_one_bad_character_reference_costs_nothing_but_that_character(
    server: LocalServer, tmp_path, db_url: str
) -> None:
    from storage.db import Store

    Store(db_url).upgrade()  # PostgreSQL test databases start empty, as `db upgrade` does
    items = [item(i) for i in range(7)]
    items[3] = item(3, title="Report 3 &#xD800; edited")
    # a raw NUL (which PostgreSQL cannot store) and references to no character at all
    items[5] = item(5, text="Text \x00 of &#0; report &#x110000; five.")
    url = server.static("/wire.xml", rss("".join(items)))
    lines = fetch_json(db_url, tmp_path, [url])
    feed = next(o for o in lines if o["type"] == "feed")
    assert feed["status"] == "ok", feed
    assert feed["new_versions"] == 7  # every item kept, the six good ones and the bad one
    assert "replaced with U+FFFD" in feed["warning"] and url in feed["warning"]

    result = CliRunner().invoke(
        cli, ["history", "http://example.org/r/3", "--db", db_url, "--json"]
    )
    assert result.exit_code == 0, result.output
    (version,) = [json.loads(line) for line in result.output.splitlines()]
    assert version["title"] == "Report 3 \ufffd edited"


def test_a_stray_backspace_in_one_items_html_loses_nothing(
    server: LocalServer, tmp_path, db_url: str
) -> None:
    """Libertytimes__20130813t3.html (corpus articles/ronnywang-newsdiff-zh-tw, BSD) ends a
    paragraph with U+0008; in an item's HTML it made html_to_text raise ValueError, and the
    pass reported the feed as an error every time, storing none of its items."""
    from storage.db import Store

    Store(db_url).upgrade()
    paragraph = (
        "&lt;p&gt;如巨型錫箔遊艇（Humongous Tinfoil Catamaran）、潮怪洗車（Hipster Troll "
        "Carwash）等充滿創意的多樣發想。\x08&lt;/p&gt;&lt;p&gt;宏達電提供&lt;/p&gt;"
    )
    url = server.static("/wire.xml", rss(item(1) + item(2, text=paragraph)))
    lines = fetch_json(db_url, tmp_path, [url])
    feed = next(o for o in lines if o["type"] == "feed")
    assert feed["status"] == "ok", feed
    assert feed["new_versions"] == 2
    result = CliRunner().invoke(
        cli, ["history", "http://example.org/r/2", "--db", db_url, "--json"]
    )
    assert result.exit_code == 0, result.output
    (version,) = [json.loads(line) for line in result.output.splitlines()]
    assert version["title"] == "Report 2"
