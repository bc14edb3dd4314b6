"""The benchmark feed farm serves valid feeds and pages, answers 304s, and edits articles."""

from __future__ import annotations

import gzip
import random
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bench.farm import SEED_REPORT, Farm, FarmError, load_paragraphs
from worker.ingest.extract import extract_article
from worker.ingest.parse import parse_feed


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture
def farm() -> Iterator[Farm]:
    # The repo's own seed report, so the test does not need /work/shared.
    with Farm(3, 4, seed=7, hosts=2, paragraphs=load_paragraphs(SEED_REPORT)) as running:
        yield running


def test_feeds_list_every_article_and_pages_carry_its_text(farm: Farm) -> None:
    assert len(farm.feed_urls) == 3 and len(farm.page_urls) == 12
    assert {u.split("/")[2].split(":")[0] for u in farm.feed_urls} == {"127.0.0.1", "127.0.0.2"}
    status, headers, body = get(farm.feed_urls[1])
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    parsed = parse_feed(body, farm.feed_urls[1], headers["Content-Type"])
    links = sorted(e.link for e in parsed.entries if e.link)
    assert links == sorted(farm.page_url(1, j) for j in range(4))
    assert all(e.guid and e.published and e.content for e in parsed.entries)
    status, _, page = get(links[0])
    extracted = extract_article(page, links[0])
    j = int(links[0].rsplit("/", 1)[1].split(".")[0])
    assert farm.story(1, j).paragraphs[-1][:60] in extracted.text
    assert "cookies" not in extracted.text and "Most read" not in extracted.text


def test_conditional_requests_get_304_and_gzip_is_honoured(farm: Farm) -> None:
    url = farm.page_urls[5]
    _, headers, body = get(url)
    assert get(url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(url, {"If-None-Match": '"other"'})[0] == 200
    _, zipped_headers, zipped = get(url, {"Accept-Encoding": "gzip"})
    assert zipped_headers["Content-Encoding"] == "gzip" and gzip.decompress(zipped) == body
    assert get(url.replace(".html", "-missing.html"))[0] == 404
    assert farm.hits["not_modified"] == 2 and farm.hits["page"] == 5


def test_edit_changes_exactly_the_chosen_pages_and_their_feeds(farm: Farm) -> None:
    before = {u: get(u)[1]["ETag"] for u in farm.page_urls + farm.feed_urls}
    edited = farm.edit(0.25, random.Random(3))
    assert len(edited) == 3
    for url in farm.page_urls:
        changed = get(url, {"If-None-Match": before[url]})[0] == 200
        assert changed == (url in edited), url
    edited_feeds = {u.rsplit("/news/", 1)[1].split("/")[0] for u in edited}
    for f, url in enumerate(farm.feed_urls):
        changed = get(url, {"If-None-Match": before[url]})[0] == 200
        assert changed == (str(f) in edited_feeds), url
    feeds_now = {u: get(u)[1]["ETag"] for u in farm.feed_urls}
    pages_now = {u: get(u)[1]["ETag"] for u in farm.page_urls}
    silent = farm.edit(0.25, random.Random(4), feed_item=False)
    assert all(get(u, {"If-None-Match": feeds_now[u]})[0] == 304 for u in farm.feed_urls)
    assert all(get(u, {"If-None-Match": pages_now[u]})[0] == 200 for u in silent)


def test_bad_parameters_are_refused_with_a_clear_error() -> None:
    with pytest.raises(FarmError, match="at least 1"):
        Farm(0, 10, paragraphs=["x" * 100])
    with pytest.raises(FarmError, match="edit fraction"):
        Farm(1, 1, paragraphs=["x" * 100]).edit(1.5, random.Random(0))
