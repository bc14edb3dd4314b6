"""Parse stage: a feed body (bytes) in, a ParsedFeed of ParsedEntry values out, or ParseError.

RSS 0.9x/1.0/2.0, Atom and RDF go through feedparser; JSON Feed 1.0/1.1 through json. A feed
that feedparser had to recover but that still gave entries is returned with a warning; a body
that is empty, HTML, binary junk or otherwise not a feed is a ParseError with one line saying why.

Hostile bodies are bounded before feedparser sees them: long or nested entity declarations
(expansion bombs) and elements with more than MAX_ATTRIBUTES attributes (the standard library's
SAX attribute lookup is quadratic: 100,000 attributes took 80-90 s) are refused with a
ParseError. Character references no XML character can have (`&#xD800;`, `&#0;`, beyond
U+10FFFF), which make feedparser's fallback parser crash, are replaced with U+FFFD, as are lone
surrogates and NUL in the parsed text (PostgreSQL cannot store NUL); the item is kept and the
feed gets a warning.
"""

from __future__ import annotations

import calendar
import copy
import hashlib
import io
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from worker.errors import ParseError, one_line
from worker.ingest import feedparser_fast
from worker.ingest.extract import html_to_text, tidy_text
from worker.ingest.identity import canonical_link, entry_key

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)
# feedparser drops nested entity declarations ("billion laughs") but keeps every internal
# entity with a literal value, and when expat refuses the amplification its loose parser expands
# them anyway: a 200 KB feed with one 100 KB entity used 20,000 times took 82 s and 5.7 GB.
# So internal entities are allowed only short and flat (e.g. <!ENTITY nbsp "&#160;">).
_ENTITY_DECL = re.compile(r"<!ENTITY\s+([\w.:-]+)\s+([\"'])(.*?)\2", re.S)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*\sencoding\s*=", re.I)
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")
MAX_ENTITY_VALUE = 64
# More attributes than any real feed element has; expat + xml.sax cost grows with the square of
# an element's attribute count (200: ~2 ms; 100,000: 80-90 s). A start tag is matched with at
# least this many quoted attributes in one C-level regex search, linear in the body's size.
MAX_ATTRIBUTES = 200
_CROWDED_TAG = re.compile(
    rb"<[A-Za-z_:][^\s<>/]*(?:\s+[^\s=<>/\"']+\s*=\s*(?:\"[^\"]*\"|'[^']*')){%d}"
    % (MAX_ATTRIBUTES + 1)
)
# Numeric character references, with or without the semicolon (sgmllib accepts both).
_NUMERIC_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates
REPLACEMENT_REF = b"&#xFFFD;"
_UPDATE_PERIODS = {
    "hourly": 3600,
    "daily": 86400,
    "weekly": 604800,
    "monthly": 2592000,
    "yearly": 31536000,
}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
# What a feed body may begin with after blanks and a byte order mark: markup or JSON
_XML_OR_JSON_START = re.compile(rb"(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff|[\s\x00])*[<{\[]")
_DECLARED = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml")  # as feedparser's RE_XML_DECLARATION
_MALFORMED = "malformed XML recovered: "
_SKIP = len(_MALFORMED)
# An RSS/RDF item or Atom entry start tag, prefixed or not (<item>, <rss:item ...>, <entry>)
_ITEM_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s>/]", re.I)
# Not sanitized: every field is made plain text here (html_to_text drops scripts, styles and
# embeds with their content, and all markup), and feedparser's sanitizing re-parsed each entry's
# HTML for that (~19% of parsing real feeds; the same entries, texts and hashes on every feed of
# the corpus: bench/README.md, round 18).
FEEDPARSER_OPTIONS: dict[str, Any] = {"sanitize_html": False}


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    key: str  # identity: GUID/id, else canonical link, else "title|date" (identity.py)
    guid: str | None
    link: str | None  # absolute, canonical (tracking params removed)
    title: str
    published: datetime | None  # timezone-aware UTC
    content: str  # content, else summary, as plain text (paragraphs kept)
    item_hash: str  # sha256 of title, link, published, content: "feed item changed"


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    link: str | None
    entries: tuple[ParsedEntry, ...]
    warning: str | None  # e.g. "malformed XML recovered: <reason>"
    ttl_seconds: int | None  # RSS <ttl>, else sy:updatePeriod/updateFrequency
    ttl_source: str | None = None  # which of them, as a user reads it


def _feedparser() -> Any:
    """feedparser, imported here: a pass where every feed answers 304 never imports it (~0.1 s).

    feedparser asks xml.sax.make_parser for its PREFERRED_XML_PARSERS (["drv_libxml2"], the
    libxml2 bindings' SAX driver) before expat on every parse, and make_parser tries to import
    each: a failed import that searched sys.path again on every feed (0.08-0.3 ms of CPU a
    parse, ~2% of a 5%-edited pass's samples under py-spy, more while threads import: it waits
    for the import lock). The drivers that cannot be found are dropped from that list once,
    so make_parser goes straight to the parser it would have fallen back to (expat); a driver
    that is installed is kept and still tried first. The same parser, the same parse."""
    import importlib.util

    import feedparser
    import feedparser.api
    import feedparser.mixin

    global _DRIVERS_CHECKED
    if not _DRIVERS_CHECKED:
        preferred = feedparser.api.PREFERRED_XML_PARSERS
        preferred[:] = [name for name in preferred if importlib.util.find_spec(name) is not None]
        feedparser_fast.install(feedparser.mixin)  # steps that give back what they were given
        _DRIVERS_CHECKED = True
    return feedparser


_DRIVERS_CHECKED = False


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed body fetched from url; relative links resolve against url."""
    if not body.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        raise ParseError(url, f"{url}: empty body, not a feed")
    if _looks_like_json(body, content_type):
        return _parse_json_feed(body, url)
    _refuse_entity_bombs(body, url)
    _refuse_crowded_elements(body, url)
    body, bad_refs = _replace_invalid_char_refs(body)
    # No content-location: feedparser would resolve GUIDs against it too, making an entry's key
    # depend on the feed's URL. Links are made absolute by canonical_link instead; xml:base
    # inside the document still applies.
    headers = {"content-type": _xml_content_type(content_type, body)}
    feedparser = _feedparser()

    try:
        # A BytesIO, never the bytes: feedparser treats a bytes/str argument as a URL or path.
        result = feedparser.parse(io.BytesIO(body), response_headers=headers, **FEEDPARSER_OPTIONS)
    except (ValueError, LookupError, OverflowError, RecursionError) as exc:
        # feedparser's fallback parser still has corners that raise (an odd encoding, a
        # reference it cannot decode): one line naming the feed, not a traceback
        raise ParseError(url, f"{url}: unreadable feed: {one_line(exc)}") from exc
    scrub = _Scrubber()
    entries = _dedupe(_feed_entry(scrub.item(item), url) for item in result.entries)
    if not result.get("version") and not entries:
        raise ParseError(url, f"{url}: {_not_a_feed_reason(body, result)}")
    warning = _warning(result.get("bozo_exception"), body) if result.get("bozo") else None
    if warning and not entries and warning.startswith(_MALFORMED) and _ITEM_TAG.search(body):
        # items there, none readable: the feed broke (cut short, garbled), nothing is usable;
        # taken as an empty feed it looked healthy and all its reports "left" it
        raise ParseError(
            url, f"{url}: malformed XML, no item or entry could be read: {warning[_SKIP:]}"
        )
    channel = result.feed
    warnings = [warning]
    replaced = bad_refs + scrub.replaced
    if replaced:
        warnings.append(
            f"{replaced} invalid character{'s' if replaced != 1 else ''} (such as &#xD800; or "
            "NUL) replaced with U+FFFD"
        )
    link = channel.get("link")
    ttl = _ttl(channel)
    return ParsedFeed(
        title=_clean_title(scrub.text(channel.get("title"))) or None,
        link=canonical_link(link, url) if link else None,
        entries=entries,
        warning="; ".join(w for w in warnings if w) or None,
        ttl_seconds=ttl[0] if ttl else None,
        ttl_source=ttl[1] if ttl else None,
    )


class _Scrubber:
    """Replaces NUL and lone surrogates in parsed strings with U+FFFD, counting them."""

    def __init__(self) -> None:
        self.replaced = 0

    def text(self, value: Any) -> Any:
        if not isinstance(value, str) or not _UNSTORABLE.search(value):
            return value
        clean, count = _UNSTORABLE.subn("\ufffd", value)
        self.replaced += count
        return clean

    def item(self, value: Any) -> Any:
        """A feedparser entry (dicts, lists, strings) with every string scrubbed: a copy when
        one needs it, else the entry itself. Copying every entry whole was ~8% of parsing a
        feed (0.39 of ~4.7 ms a farm feed) for the rare entry holding NUL or a lone surrogate;
        nothing downstream changes an entry, so the entry read is the same (round 19)."""
        return self._copy(value) if _holds_unstorable(value) else value

    def _copy(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):  # feedparser's FeedParserDict keeps its class and aliases
            clean = copy.copy(value)
            for key, inner in value.items():
                dict.__setitem__(clean, key, self._copy(inner))
            return clean
        if isinstance(value, list | tuple):
            return [self._copy(inner) for inner in value]
        return value


def _holds_unstorable(value: Any) -> bool:
    """Whether a string in a feedparser entry (dicts, lists, strings) holds NUL or a lone
    surrogate: what _Scrubber.text replaces. One walk with a stack, the strings found searched
    as one (a recursive call per value: ~5% of a farm feed's parse under cProfile); a date's struct_time
    holds numbers only."""
    stack = [value]
    strings = []
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            strings.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple) and not isinstance(item, time.struct_time):
            stack.extend(item)
    return _UNSTORABLE.search("".join(strings)) is not None


def _refuse_crowded_elements(body: bytes, url: str) -> None:
    if _CROWDED_TAG.search(_ascii_view(body)):
        raise ParseError(
            url,
            f"{url}: an element has more than {MAX_ATTRIBUTES} attributes, refused "
            "(pathological XML would take minutes to parse)",
        )


def _ascii_view(body: bytes) -> bytes:
    """The body in an ASCII-compatible encoding, for byte-level scans (UTF-16/32 re-encoded)."""
    head = body[:4]
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            return body.decode(encoding, errors="replace").encode("utf-8")
    if len(head) == 4 and b"\x00" in head:  # no BOM but UTF-16/32 layout ("<\0?\0")
        encoding = {0: "utf-16-be", 1: "utf-16-le"}.get(head.index(b"\x00"), "utf-32-le")
        if head[:2] == b"\x00\x00":
            encoding = "utf-32-be"
        return body.decode(encoding, errors="replace").encode("utf-8")
    return body


def _replace_invalid_char_refs(body: bytes) -> tuple[bytes, int]:
    """`&#...;` references to no XML character (surrogates, NUL, beyond U+10FFFF) -> U+FFFD.

    expat refuses them and feedparser's fallback parser crashes on them (UnicodeEncodeError),
    losing the whole feed; replaced, the rest of the item and the feed are read as usual.
    """
    if b"&#" not in body:
        return body, 0
    count = 0

    def fix(match: re.Match[bytes]) -> bytes:
        nonlocal count
        hex_digits, digits = match.groups()
        text = (hex_digits or digits).lstrip(b"0") or b"0"
        value = int(text, 16 if hex_digits else 10) if len(text) <= 8 else 0x110000
        if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            count += 1
            return REPLACEMENT_REF
        return match.group()

    fixed = _NUMERIC_REF.sub(fix, body)
    return fixed, count


def _feed_entry(item: Mapping[str, Any], base: str) -> ParsedEntry | None:
    guid = _text(item.get("id"))
    raw_link = _text(item.get("link"))
    link = canonical_link(raw_link, base) if raw_link else None
    title = _clean_title(item.get("title"))
    published = _struct_to_utc(item.get("published_parsed") or item.get("updated_parsed"))
    content = _entry_text(item)
    if not (guid or link or title or content):
        return None
    return _entry(guid, link, title, published, content)


def _entry(
    guid: str | None, link: str | None, title: str, published: datetime | None, content: str
) -> ParsedEntry:
    key = entry_key(guid, link, title, published)
    if key == "|":  # nothing but content: identify it by its text
        key = "sha256:" + hashlib.sha256(content.encode()).hexdigest()
    tracked = json.dumps(
        [title, link, published.isoformat() if published else None, content], ensure_ascii=False
    )
    return ParsedEntry(
        key=key,
        guid=guid,
        link=link,
        title=title,
        published=published,
        content=content,
        item_hash=hashlib.sha256(tracked.encode()).hexdigest(),
    )


def _entry_text(item: Mapping[str, Any]) -> str:
    """The entry's longest content block, else its summary, as plain text."""
    blocks = [c for c in item.get("content") or [] if _text(c.get("value"))]
    if blocks:
        best = max(blocks, key=lambda c: len(c.get("value", "")))
        return _as_text(best.get("value", ""), best.get("type"))
    detail = item.get("summary_detail") or {}
    return _as_text(item.get("summary") or "", detail.get("type"))


def _as_text(value: str, mime: str | None) -> str:
    if mime and not any(t in mime for t in _HTML_TYPES):
        return tidy_text(value)  # feedparser already decoded the entities of plain text
    return html_to_text(value)


def _dedupe(entries: Iterable[ParsedEntry | None]) -> tuple[ParsedEntry, ...]:
    """Drop empty entries and repeats of a key (feeds do repeat GUIDs); the first one wins."""
    seen: set[str] = set()
    kept = []
    for entry in entries:
        if entry is not None and entry.key not in seen:
            seen.add(entry.key)
            kept.append(entry)
    return tuple(kept)


def _not_a_feed_reason(body: bytes, result: Mapping[str, Any]) -> str:
    head = body[:4096]
    if head.startswith(b"\x1f\x8b"):
        return "body is gzip data, not a feed (served without Content-Encoding?)"
    if _HTML_START.match(head) or b"<html" in head.lower():
        return "HTML page served where a feed was expected"
    if not _XML_OR_JSON_START.match(head):
        return "not a feed: plain text, neither XML nor JSON"
    if result.get("bozo"):
        return f"not a feed: {_xml_error(result.get('bozo_exception'), body)}"
    return "not a feed: no RSS, Atom or RDF root element"


def _warning(exc: object, body: bytes) -> str:
    import feedparser  # imported by parse_feed already

    if isinstance(exc, feedparser.CharacterEncodingOverride | feedparser.CharacterEncodingUnknown):
        return f"encoding problem recovered: {one_line(exc)}"
    return f"{_MALFORMED}{_xml_error(exc, body)}"


def _xml_error(exc: object, body: bytes) -> str:
    """expat's complaint as "line 2, column 14: unclosed token", counted from 1 in the feed's
    own text, as editors count (expat's text began with "<unknown>", the name of the document
    it was given, counted columns from 0, and feedparser puts an XML declaration and a newline
    before a body that does not begin with one)."""
    import xml.sax

    if isinstance(exc, xml.sax.SAXParseException):
        added = 0 if _DECLARED.match(body) else 1
        line = max(1, (exc.getLineNumber() or 1) - added)
        column = (exc.getColumnNumber() or 0) + 1
        return f"line {line}, column {column}: {exc.getMessage()}"
    return one_line(exc)


def _xml_content_type(content_type: str | None, body: bytes) -> str:
    """The server's charset only: feedparser reads text/* without charset as US-ASCII
    (RFC 3023) and flags any non-XML type, though feeds are routinely served as text/html."""
    charset = None
    for param in (content_type or "").split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'")
    charset = charset or _detect_charset(body)
    return f"application/xml; charset={charset}" if charset else "application/xml"


def _detect_charset(body: bytes) -> str | None:
    """A charset for a body that declares none and is not UTF-8 (feedparser's own fallback
    needs the chardet package and otherwise reads such feeds as windows-1252)."""
    if body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in body[:4]:
        return None  # a BOM or UTF-16/32 layout: feedparser sniffs these itself
    if _XML_ENCODING.match(body):
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        import charset_normalizer  # only for bodies that declare no usable encoding

        best = charset_normalizer.from_bytes(body).best()
        return best.encoding if best is not None else None
    return None


def _refuse_entity_bombs(body: bytes, url: str) -> None:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        if "<!ENTITY".encode(encoding) not in body:
            continue
        text = body.decode(encoding, errors="replace")
        for match in _ENTITY_DECL.finditer(text):
            value = match.group(3)
            if len(value) > MAX_ENTITY_VALUE or "&" in _CHAR_REF.sub("", value) or "%" in value:
                raise ParseError(
                    url,
                    f"{url}: DOCTYPE declares a long or nested XML entity "
                    f"{match.group(1)!r}, refused (entity expansion bomb)",
                )


def _looks_like_json(body: bytes, content_type: str | None) -> bool:
    if content_type and "json" in content_type.lower():
        return True
    return body.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"{"


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        doc = json.loads(body.decode("utf-8-sig"), strict=False)  # control chars happen
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ParseError(url, f"{url}: invalid JSON: {one_line(exc)}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise ParseError(url, f"{url}: JSON but not a JSON Feed (no 'items' list)")
    if "jsonfeed.org/version/" not in str(doc.get("version", "")):
        raise ParseError(url, f"{url}: JSON but not a JSON Feed (no jsonfeed.org version)")
    scrub = _Scrubber()  # JSON's "\\ud800" and "\\u0000" escapes decode to the same trouble
    doc = scrub.item(doc)
    base = _text(doc.get("feed_url")) or url
    entries = _dedupe(_json_entry(item, base) for item in doc["items"] if isinstance(item, dict))
    home = _text(doc.get("home_page_url"))
    warning = (
        f"{scrub.replaced} invalid character{'s' if scrub.replaced != 1 else ''} "
        "(lone surrogate or NUL) replaced with U+FFFD"
        if scrub.replaced
        else None
    )
    return ParsedFeed(
        title=_plain_line(doc.get("title")) or None,
        link=canonical_link(home, base) if home else None,
        entries=entries,
        warning=warning,
        ttl_seconds=None,
    )


def _json_entry(item: Mapping[str, Any], base: str) -> ParsedEntry | None:
    guid = _text(item.get("id"))
    raw_link = _text(item.get("url")) or _text(item.get("external_url"))
    link = canonical_link(raw_link, base) if raw_link else None
    title = _plain_line(item.get("title"))
    published = _iso_to_utc(_text(item.get("date_published")) or _text(item.get("date_modified")))
    # JSON Feed 1.1: content_html is HTML; content_text, summary and title are plain text, so
    # "x<y AT&amp;T" stays exactly that (read as HTML it lost "<y ..." and the "amp;").
    if _text(item.get("content_html")):
        content = html_to_text(str(item["content_html"]))
    else:
        content = tidy_text(_text(item.get("content_text")) or _text(item.get("summary")) or "")
    if not (guid or link or title or content):
        return None
    return _entry(guid, link, title, published, content)


def _ttl(channel: Mapping[str, Any]) -> tuple[int, str] | None:
    """The feed's own update hint: seconds, and where it came from."""
    ttl = _text(channel.get("ttl"))
    if ttl and ttl.isdigit() and int(ttl) > 0:
        return int(ttl) * 60, f"the feed's <ttl> of {ttl} min"
    name = (_text(channel.get("sy_updateperiod")) or "").lower()
    period = _UPDATE_PERIODS.get(name)
    if period is None:
        return None
    frequency = _text(channel.get("sy_updatefrequency")) or "1"
    if frequency.isdigit() and int(frequency) > 1:
        return period // int(frequency), f"the feed's sy:updatePeriod {name} / {frequency}"
    return period, f"the feed's sy:updatePeriod {name}"


def _struct_to_utc(value: Any) -> datetime | None:
    """feedparser's parsed dates are UTC struct_time values."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _iso_to_utc(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _clean_title(value: Any) -> str:
    text = _text(value)
    return " ".join(html_to_text(text).split()) if text else ""


def _plain_line(value: Any) -> str:
    """A plain-text field (JSON Feed's titles) on one line; nothing in it is markup."""
    text = _text(value)
    return " ".join(text.split()) if text else ""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
