"""parse_feed over real feeds copied from public test suites, and over hostile bodies."""

from __future__ import annotations

import json
import resource
from datetime import UTC, datetime
from pathlib import Path

import pytest

from worker.errors import ParseError
from worker.ingest.parse import ParsedFeed, parse_feed

FEEDS = Path(__file__).parents[2] / "data" / "feeds"
ALL = sorted(p for p in FEEDS.iterdir() if p.name != "PROVENANCE.md")
BASE = "http://feeds.example.org/dir/feed.xml"

# file -> expected entry count, or the ParseError message it must give.
EXPECTED: dict[str, int | str] = {
    "rss-parser_encoding-gb2312.xml": 20,
    "rss-parser_guardian.rss": 55,
    "diffengine_wapo-national.xml": 20,
    "node-feedparser_iconv-windows-1251.xml": 10,
    "node-feedparser_guid-dupes.xml": 1,
    "netnewswire_bio.rdf": 30,
    "feedparser_json-example.json": 2,
    "node-feedparser_notafeed.html": "HTML page served where a feed was expected",
    "rss-parser_unrecognized.rss": "HTML page served where a feed was expected",
    "node-feedparser_compressed.xml": "body is gzip data",
    "netnewswire_allthis-partial.json": "invalid JSON",
    "feedparser_rss_empty_document.xml": "not a feed",
    # its one item breaks off in a CDATA block: nothing readable (it was `ok`, no entries)
    "feedparser_rss_incomplete_cdata.xml": "malformed XML, no item or entry could be read",
}


def _parse(path: Path) -> ParsedFeed:
    return parse_feed(path.read_bytes(), BASE)


@pytest.mark.parametrize("path", ALL, ids=[p.name for p in ALL])
def test_every_corpus_feed_gives_entries_or_a_clear_parse_error(path: Path) -> None:
    expected = EXPECTED.get(path.name)
    try:
        feed = _parse(path)
    except ParseError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(BASE)
        assert isinstance(expected, str), f"unexpected ParseError: {message}"
        assert expected in message
        return
    assert not isinstance(expected, str), f"expected ParseError {expected!r}"
    if expected is not None:
        assert len(feed.entries) == expected
    for entry in feed.entries:
        assert entry.key
        assert entry.published is None or entry.published.tzinfo is not None
        assert entry.link is None or "#" not in entry.link
    assert len({e.key for e in feed.entries}) == len(feed.entries)


def test_gb2312_news_feed_decodes_to_chinese_with_utc_dates() -> None:
    feed = _parse(FEEDS / "rss-parser_encoding-gb2312.xml")
    first = feed.entries[0]
    assert feed.title == "新闻国内"
    assert first.title == "习近平为何如此强调崇尚英雄？"
    assert first.link == "http://news.qq.com/a/20180918/009846.htm"
    assert first.published == datetime(2018, 9, 18, 14, 38, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("node-feedparser_iconv-windows-1251.xml", "В Бузулуке главные стройплощадки"),
        ("rss-parser_latin2.rss", "ZAŻÓŁĆ GĘSLĄ JAŹŃ"),
        ("feedparser_chardet-gb2312.xml", "不归移民漫画系列：专业工作"),
    ],
)
def test_legacy_encodings_decode(name: str, title: str) -> None:
    assert _parse(FEEDS / name).entries[0].title.startswith(title)


def test_big5_feed_without_declaration_decodes() -> None:
    assert (_parse(FEEDS / "feedparser_chardet-big5.xml").title or "").startswith("我希望")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_feeds_decode(encoding: str) -> None:
    text = (FEEDS / "rss-parser_encoding-gb2312.xml").read_bytes().decode("gb18030")
    text = text.replace('encoding="gb2312"', f'encoding="{encoding}"')
    feed = parse_feed(text.encode(encoding), BASE)
    assert feed.entries[0].title == "习近平为何如此强调崇尚英雄？"


def test_server_charset_overrides_the_declaration() -> None:
    body = (FEEDS / "rss-parser_encoding-gb2312.xml").read_bytes()
    plain = body.replace(b'encoding="gb2312"', b'encoding="utf-8"')
    feed = parse_feed(plain, BASE, "text/xml; charset=GB2312")
    assert feed.entries[0].title == "习近平为何如此强调崇尚英雄？"


def test_malformed_xml_with_entries_is_ok_with_a_warning() -> None:
    feed = _parse(FEEDS / "node-feedparser_saxerror.xml")
    assert feed.entries and feed.warning is not None
    assert feed.warning.startswith("malformed XML recovered:") and "\n" not in feed.warning


@pytest.mark.parametrize(
    "body",
    [
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Cut</title><item><title>A</tit",
        b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Cut</title>"
        b"<entry><id>urn:a</i",
        b"<rss version='2.0'><channel><title>x</titl<<<>><item>&&&\x00",
    ],
    ids=["rss cut in its first item", "atom cut in its first entry", "garbled"],
)
def test_malformed_xml_whose_items_none_could_be_read_is_an_error(body: bytes) -> None:
    """It was `ok` with a warning and no entries: every report of the feed was then marked as
    having left it, and the feed looked healthy."""
    with pytest.raises(ParseError, match="malformed XML, no item or entry could be read") as info:
        parse_feed(body, BASE)
    assert info.value.url == BASE and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (
            b"<rss version='2.0'><channel><title>A &eacute;</title></channel></rss>",
            "line 1, column 38",
        ),
        (
            b"<?xml version='1.0'?>\n<rss><channel><title>A &eacute;</title></channel></rss>",
            "line 2, column 24",
        ),
        (b"<rss>\n\n<channel><title>A &eacute;</title></channel></rss>", "line 3, column 19"),
    ],
    ids=["one line", "declared", "no declaration"],
)
def test_an_xml_error_names_the_line_and_column_of_the_feed_itself(body: bytes, where: str) -> None:
    """It read "<unknown>:2:37: undefined entity": a document name that names nothing, a line
    one too far (feedparser's own declaration before the feed) and a column from 0."""
    feed = parse_feed(body, BASE)
    assert feed.warning == f"malformed XML recovered: {where}: undefined entity"


def test_plain_text_is_said_to_be_plain_text() -> None:
    with pytest.raises(ParseError, match=r"not a feed: plain text, neither XML nor JSON$"):
        parse_feed("会议在北京举行。\n习近平出席会议。".encode(), BASE)


def test_malformed_xml_without_items_is_a_quiet_feed_with_a_warning() -> None:
    """A channel with nothing in it whose title uses an HTML entity: nothing is lost."""
    body = b"<rss version='2.0'><channel><title>Caf&eacute;</title></channel></rss>"
    feed = parse_feed(body, BASE)
    assert feed.entries == () and feed.warning is not None
    assert feed.warning.startswith("malformed XML recovered:")


def test_relative_links_resolve_against_the_feed_url() -> None:
    feed = _parse(FEEDS / "node-feedparser_rss-with-relative-urls.xml")
    assert all(e.link and e.link.startswith("http://feeds.example.org/") for e in feed.entries)


def test_tracking_parameters_are_stripped_from_links() -> None:
    feed = _parse(FEEDS / "rss-parser_heise.atom")
    assert all(e.link and "wt_mc" not in e.link for e in feed.entries)


def test_content_is_plain_text_with_paragraphs() -> None:
    feed = _parse(FEEDS / "rss-parser_guardian.rss")
    content = feed.entries[0].content
    assert content and "<p>" not in content and "<a " not in content


def test_json_feed() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "JF",
            "home_page_url": "https://example.org/",
            "items": [
                {
                    "id": "1",
                    "url": "/a?utm_source=x",
                    "title": "A",
                    "content_html": "<p>One</p><p>Two</p>",
                    "date_published": "2024-05-01T10:00:00+02:00",
                },
                {"id": "2", "content_text": "only text"},
            ],
        }
    ).encode()
    feed = parse_feed(body, "https://example.org/feed.json", "application/feed+json")
    first, second = feed.entries
    assert (feed.title, feed.link) == ("JF", "https://example.org/")
    assert first.link == "https://example.org/a" and first.content == "One\n\nTwo"
    assert first.published == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    assert second.key == "2" and second.content == "only text"


def test_empty_channel_is_a_feed_with_no_entries() -> None:
    body = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title><ttl>30</ttl></channel></rss>"
    feed = parse_feed(body, BASE)
    assert feed.entries == () and feed.title == "Quiet" and feed.ttl_seconds == 1800


def test_item_hash_changes_when_an_item_is_edited_and_key_does_not() -> None:
    def feed(title: str) -> bytes:
        return (
            "<rss version='2.0'><channel><title>t</title><item><guid>g1</guid>"
            f"<title>{title}</title><link>http://x.example/a</link></item></channel></rss>"
        ).encode()

    before, after = (
        parse_feed(feed("Before"), BASE).entries[0],
        parse_feed(feed("After"), BASE).entries[0],
    )
    assert before.key == after.key == "g1"
    assert before.item_hash != after.item_hash
    assert parse_feed(feed("Before"), BASE).entries[0].item_hash == before.item_hash


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty body"),
        (b"  \r\n ", "empty body"),
        (
            b"<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>",
            "HTML page",
        ),
        (bytes(range(256)) * 40, "not a feed"),
        (b"\x1f\x8b\x08\x00junk", "gzip data"),
        (b'{"hello": "world"}', "not a JSON Feed"),
        (b"{not json", "invalid JSON"),
        (b"/etc/hostname", "not a feed"),  # feedparser would open a path given as bytes
    ],
    ids=["empty", "blank", "html", "binary", "gzip", "json-not-feed", "bad-json", "path"],
)
def test_unusable_bodies_give_one_line_parse_errors(body: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_feed(body, BASE)
    assert info.value.url == BASE and "\n" not in str(info.value)


def _lol(levels: int) -> bytes:
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return (
        '<?xml version="1.0"?><!DOCTYPE rss [' + "".join(decls) + "]>"
        f"<rss version='2.0'><channel><item><title>&lol{levels - 1};</title></item></channel></rss>"
    ).encode()


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(ParseError, match="entity expansion bomb"):
        parse_feed(_lol(10), BASE)


def test_quadratic_entity_blowup_is_refused_in_bounded_memory() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    big = "A" * 100_000
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "{big}">]><rss version="2.0">'
        f"<channel><item><title>x</title><description>{'&big;' * 20000}</description></item>"
        "</channel></rss>"
    ).encode()
    with pytest.raises(ParseError, match="entity expansion bomb"):
        parse_feed(body, BASE)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KiB


def test_short_flat_entities_are_still_allowed() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY co "Example Co">]>'
        b"<rss version='2.0'><channel><item><title>&co; news</title><guid>1</guid></item></channel></rss>"
    )
    assert parse_feed(body, BASE).entries[0].title == "Example Co news"


def _attributes_feed(count: int) -> str:
    attributes = " ".join(f'a{i}="v{i}"' for i in range(count))
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>'
        f"<item><title {attributes}>t</title><guid>1</guid></item></channel></rss>"
    )


def test_an_element_with_too_many_attributes_is_refused_in_any_encoding() -> None:
    assert parse_feed(_attributes_feed(200).encode(), BASE).entries[0].title == "t"
    for encoding in ("utf-8", "utf-16", "utf-32"):
        with pytest.raises(ParseError, match="more than 200 attributes"):
            parse_feed(_attributes_feed(201).encode(encoding), BASE)


def test_invalid_character_references_become_replacement_characters() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>'
        b"<item><guid>1</guid><title>a &#xD800; b &#55296 c &#x0000; d &#65;</title></item>"
        b"<item><guid>2</guid><title>fine</title></item></channel></rss>"
    )
    feed = parse_feed(body, BASE)
    assert [e.title for e in feed.entries] == ["a \ufffd b \ufffd c \ufffd d A", "fine"]
    assert feed.warning is not None and "3 invalid characters" in feed.warning
