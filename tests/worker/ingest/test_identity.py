"""Entry identity: the same report keeps one key however its link is decorated."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.ingest.identity import canonical_link, entry_key


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("/a?id=3&utm_source=x#top", "https://News.Example/feed", "https://news.example/a?id=3"),
        (
            "https://EXAMPLE.org:443/p?fbclid=1&gclid=2&mc_cid=3&mc_eid=4",
            None,
            "https://example.org/p",
        ),
        (
            "http://example.org:8080/p?spm=a.b&from=timeline&page=2",
            None,
            "http://example.org:8080/p?page=2",
        ),
        ("https://example.org", None, "https://example.org/"),
        ("https://example.org/x?q=a%20b&utm_medium=rss", None, "https://example.org/x?q=a%20b"),
        (
            "c_1125597921.htm",
            "http://www.xinhuanet.com/local/2020-02/19/",
            "http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm",
        ),
        ("tag:github.com,2008:Repository/1#x", None, "tag:github.com,2008:Repository/1"),
        ("http://[::1]:99999/", None, "http://[::1]:99999/"),
    ],
)
def test_canonical_link(url: str, base: str | None, expected: str) -> None:
    assert canonical_link(url, base) == expected


def test_canonical_link_is_idempotent() -> None:
    once = canonical_link("HTTPS://Example.org/a/../b?x=1&utm_campaign=y#f")
    assert canonical_link(once) == once


def test_entry_key_prefers_guid_then_link_then_title_and_date() -> None:
    when = datetime(2024, 12, 28, 8, 0, tzinfo=UTC)
    assert entry_key(" g-1 ", "https://x/a", "T", when) == "g-1"
    assert entry_key(None, "https://x/a", "T", when) == "https://x/a"
    assert entry_key("", "", "Title", when) == "Title|2024-12-28T08:00:00+00:00"
    assert entry_key(None, None, "Title", None) == "Title|"
