"""check_feed_url remembers the URLs that passed (a pass checks each feed's URL twice)."""

from __future__ import annotations

import pytest

from worker.ingest import feedurl
from worker.ingest.feedurl import FeedURLError, check_feed_url


def test_a_url_that_passed_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedurl, "_PASSED", {})
    parsed: list[str] = []
    real = feedurl.httpx.URL

    def counted(url: str) -> object:
        parsed.append(url)
        return real(url)

    monkeypatch.setattr(feedurl.httpx, "URL", counted)
    for _ in range(3):
        assert check_feed_url(" https://example.org/feed.xml ") == "https://example.org/feed.xml"
        assert check_feed_url("https://example.org/feed.xml") == "https://example.org/feed.xml"
    assert parsed == ["https://example.org/feed.xml"] * 2  # once per string as given


@pytest.mark.parametrize(
    "raw", ["", "file:///etc/passwd", "https:/x.org/f", "http://exa mple.org/", "http://[::1/"]
)
def test_a_url_that_failed_fails_every_time(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedurl, "_PASSED", {})
    messages = set()
    for _ in range(2):
        with pytest.raises(FeedURLError) as err:
            check_feed_url(raw)
        messages.add(str(err.value))
    assert len(messages) == 1 and not feedurl._PASSED


def test_the_remembered_urls_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedurl, "_PASSED", {})
    monkeypatch.setattr(feedurl, "_PASSED_MAX", 3)
    urls = [f"https://example.org/{i}.xml" for i in range(5)]
    assert [check_feed_url(u) for u in urls] == urls
    assert list(feedurl._PASSED) == urls[:3]
