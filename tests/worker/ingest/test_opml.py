"""OPML import and export: nested categories, round trip, hostile files."""

from __future__ import annotations

import pytest

from worker.ingest.opml import OpmlError, OpmlFeed, parse_opml, write_opml

READER_EXPORT = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline text="China">
        <outline type="rss" text="Xinhua" title="Xinhua" xmlUrl="http://www.xinhuanet.com/politics/news_politics.xml"/>
        <outline type="rss" text="People's Daily" xmlUrl="http://www.people.com.cn/rss/politics.xml"/>
      </outline>
      <outline type="rss" text="Guardian" xmlUrl="https://www.theguardian.com/world/rss"/>
    </outline>
    <outline type="rss" text="Top" xmlUrl="https://example.org/feed"/>
    <outline type="rss" text="Top again" xmlUrl="https://example.org/feed"/>
    <outline text="Empty folder"/>
  </body>
</opml>"""


def test_nested_outlines_become_categories() -> None:
    feeds = parse_opml(READER_EXPORT, "subs.opml")
    assert feeds == [
        OpmlFeed("http://www.xinhuanet.com/politics/news_politics.xml", "Xinhua", "News/China"),
        OpmlFeed("http://www.people.com.cn/rss/politics.xml", "People's Daily", "News/China"),
        OpmlFeed("https://www.theguardian.com/world/rss", "Guardian", "News"),
        OpmlFeed("https://example.org/feed", "Top", None),
    ]


def test_write_then_parse_round_trips() -> None:
    feeds = parse_opml(READER_EXPORT, "subs.opml")
    text = write_opml(feeds, "wirediff feeds")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert parse_opml(text.encode(), "export.opml") == feeds


def test_names_with_markup_characters_survive() -> None:
    feeds = [OpmlFeed("https://example.org/?a=1&b=2", 'A <b> & "c"', "x/y")]
    assert parse_opml(write_opml(feeds, "t & t").encode(), "o") == feeds


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"<opml><body>", "not well-formed XML"),
        (b"<rss version='2.0'><channel/></rss>", "not <opml>"),
        (b"<opml version='2.0'><head/></opml>", "no <body>"),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<opml><body><outline text="&b;" xmlUrl="http://x/"/></body></opml>',
            "declares entities",
        ),
    ],
    ids=["empty", "truncated", "not-opml", "no-body", "entities"],
)
def test_bad_files_give_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(OpmlError, match=message) as info:
        parse_opml(data, "feeds.opml")
    assert str(info.value).startswith("feeds.opml: ") and "\n" not in str(info.value)
