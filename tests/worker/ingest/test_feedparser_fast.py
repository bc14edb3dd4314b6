"""feedparser's steps skipped where they give back what they were given
(worker/ingest/feedparser_fast.py): parse_feed returns the same feeds with and without them, on
the test feeds and on random ones, and each wrapper answers as feedparser's own function
(issue 10, round 25)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import feedparser.mixin
import feedparser.urls
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.errors import ParseError
from worker.ingest import feedparser_fast, parse
from worker.ingest.parse import parse_feed

FEEDS = Path(__file__).parents[2] / "data" / "feeds"
URL = "https://news.example.org/feed.xml"
# what sgmllib treats specially, and the text around it
FIELD = st.lists(
    st.sampled_from([*"ab <>&;#x/=\"'!-é\n", "&amp;", "&#150;", "<p>", "</p>", '<a href="/r">']),
    max_size=30,
).map("".join)


def _parse(body: bytes, content_type: str | None = None) -> Any:
    try:
        feed = parse_feed(body, URL, content_type)
    except ParseError as exc:
        return str(exc)
    return feed  # a frozen dataclass: compared field by field, entries included


@pytest.fixture
def without_fast_steps(monkeypatch: pytest.MonkeyPatch) -> Any:
    """parse_feed with feedparser's own functions in place of the wrappers."""

    def unwrap() -> None:
        parse._feedparser()  # installed first, so that nothing installs them after this
        for name in ("resolve_relative_uris", "_urljoin"):
            current = getattr(feedparser.mixin, name)
            monkeypatch.setattr(feedparser.mixin, name, feedparser_fast.original(current))
        monkeypatch.setattr(feedparser.mixin, "copy", feedparser.mixin.copy.module)

    return unwrap


def test_the_steps_are_in_place() -> None:
    parse._feedparser()
    resolve = feedparser.mixin.resolve_relative_uris
    join = feedparser.mixin._urljoin
    assert feedparser_fast.original(resolve) is feedparser.urls.resolve_relative_uris
    assert feedparser_fast.original(join) is feedparser.urls._urljoin
    feedparser_fast.install(feedparser.mixin)  # installed again: nothing wrapped twice
    assert feedparser.mixin.resolve_relative_uris is resolve
    assert feedparser.mixin._urljoin is join


def test_the_test_feeds_parse_the_same_without_them(without_fast_steps: Any) -> None:
    bodies = [p.read_bytes() for p in sorted(FEEDS.iterdir()) if p.suffix != ".md"]
    fast = [_parse(body) for body in bodies]
    without_fast_steps()
    assert [_parse(body) for body in bodies] == fast


@settings(max_examples=60, deadline=None)
@given(
    fields=st.lists(st.tuples(FIELD, FIELD, FIELD), min_size=1, max_size=3),
    atom=st.booleans(),
    base=st.sampled_from(["", ' xml:base="http://other.example/dir/"']),
)
def test_random_feeds_parse_the_same_without_them(
    fields: list[tuple[str, str, str]], atom: bool, base: str
) -> None:
    if atom:
        items = "".join(
            f'<entry><id>urn:{i}</id><title type="html">{escape(title)}</title>'
            f'<summary type="html">{escape(summary)}</summary>'
            f'<content type="html">{escape(content)}</content></entry>'
            for i, (title, summary, content) in enumerate(fields)
        )
        body = f'<feed xmlns="http://www.w3.org/2005/Atom"{base}><title>f</title>{items}</feed>'
    else:
        items = "".join(
            f"<item><guid>g{i}</guid><title>{escape(title)}</title>"
            f"<description>{escape(summary)}</description>"
            f"<content:encoded>{escape(content)}</content:encoded></item>"
            for i, (title, summary, content) in enumerate(fields)
        )
        body = (
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel{base}><title>f</title>{items}</channel></rss>"
        )
    data = body.encode()
    fast = _parse(data)
    with pytest.MonkeyPatch.context() as patch:
        parse._feedparser()
        for name in ("resolve_relative_uris", "_urljoin"):
            own = feedparser_fast.original(getattr(feedparser.mixin, name))
            patch.setattr(feedparser.mixin, name, own)
        patch.setattr(feedparser.mixin, "copy", feedparser.mixin.copy.module)
        assert _parse(data) == fast


@settings(max_examples=300, deadline=None)
@given(html=FIELD, base=st.sampled_from(["", "http://example.org/a/"]))
def test_the_resolver_answers_as_feedparsers(html: str, base: str) -> None:
    own = feedparser.urls.resolve_relative_uris
    fast = feedparser_fast.plain_text_resolver(own)
    for type_ in ("text/html", "application/xhtml+xml"):
        assert fast(html, base, "utf-8", type_) == own(html, base, "utf-8", type_)


@pytest.mark.parametrize(
    ("base", "uri"),
    [("", ""), ("", "/a"), ("", "http:////x.org/a"), ("http://x.org/d/", ""), ("http://x/", "b")],
)
def test_the_join_answers_as_feedparsers(base: str, uri: str) -> None:
    own = feedparser.urls._urljoin
    assert feedparser_fast.empty_base_join(own)(base, uri) == own(base, uri)


def _holds_unstorable_recursively(value: Any) -> bool:
    """The walk _holds_unstorable replaced (round 19 to 24), as the reference."""
    if isinstance(value, str):
        return parse._UNSTORABLE.search(value) is not None
    if isinstance(value, dict):
        return any(_holds_unstorable_recursively(inner) for inner in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_unstorable_recursively(inner) for inner in value)
    return False


LEAVES = (
    st.text(st.sampled_from(["a", "é", "\x00", "\ud800", "\udfff", " "]), max_size=4)
    | st.integers()
    | st.none()
    | st.just(time.gmtime(0))
)
NESTED = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=2), inner, max_size=3)
        | st.tuples(inner, inner)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(value=NESTED)
def test_unstorable_strings_are_found_as_before(value: Any) -> None:
    assert parse._holds_unstorable(value) == _holds_unstorable_recursively(value)


KEYS = st.sampled_from(["type", "language", "base", "value", "description", "url", "guid", "x"])
ATOMS = st.none() | st.text(max_size=3) | st.integers() | st.booleans() | st.floats(allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(st.tuples(KEYS, ATOMS | st.lists(ATOMS, max_size=2)), max_size=6))
def test_content_parameters_are_copied_as_deepcopy_copies_them(items: list[Any]) -> None:
    import copy

    from feedparser.util import FeedParserDict

    params = FeedParserDict()
    for key, value in items:
        params[key] = value
    fast = feedparser_fast.AtomsCopy(copy, FeedParserDict).deepcopy(params)
    slow = copy.deepcopy(params)
    assert type(fast) is type(slow)
    assert list(dict.items(fast)) == list(dict.items(slow))
    assert fast is not params
    for key, value in dict.items(params):  # lists copied, not shared, as deepcopy does
        if isinstance(value, list):
            assert dict.__getitem__(fast, key) is not value


def test_feedparser_sees_the_copy_module() -> None:
    parse._feedparser()
    assert isinstance(feedparser.mixin.copy, feedparser_fast.AtomsCopy)
    assert feedparser.mixin.copy.copy is __import__("copy").copy  # the rest is copy's own
