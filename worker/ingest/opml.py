"""OPML import/export: an OPML document (bytes) in, a list of OpmlFeed out, and back.

Nested outlines are categories: a feed inside "News" > "China" gets category "News/China".
Parsing goes through defusedxml, which refuses DTD entity declarations (no "billion laughs")
and external references.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import formatdate

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from worker.errors import WorkerError


class OpmlError(WorkerError):
    """An OPML file that cannot be read."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    name: str | None
    category: str | None  # nested outline titles joined with "/"


def parse_opml(data: bytes, source: str) -> list[OpmlFeed]:
    """Feeds (outlines with xmlUrl) in document order; the first of a repeated URL wins."""
    if not data.strip():
        raise OpmlError(f"{source}: empty file, not OPML")
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True)
    except DefusedXmlException as exc:
        raise OpmlError(f"{source}: refused, XML declares entities ({type(exc).__name__})") from exc
    except ET.ParseError as exc:
        raise OpmlError(f"{source}: not well-formed XML: {exc}") from exc
    if _local(root.tag) != "opml":
        raise OpmlError(f"{source}: root element is <{_local(root.tag)}>, not <opml>")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError(f"{source}: OPML has no <body>")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    _walk(body, [], feeds, seen)
    return feeds


def _walk(parent: ET.Element, path: list[str], feeds: list[OpmlFeed], seen: set[str]) -> None:
    for outline in parent:
        if _local(outline.tag) != "outline":
            continue
        label = (outline.get("title") or outline.get("text") or "").strip()
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            if url not in seen:
                seen.add(url)
                feeds.append(OpmlFeed(url, label or None, "/".join(path) or None))
            continue
        _walk(outline, [*path, label] if label else path, feeds, seen)


def write_opml(feeds: Iterable[OpmlFeed], title: str) -> str:
    """OPML 2.0 text; categories become nested outlines, so parse_opml reads the same feeds."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for feed in feeds:
        parent = _folder(folders, tuple(p for p in (feed.category or "").split("/") if p))
        attrs = {"type": "rss", "text": feed.name or feed.url, "xmlUrl": feed.url}
        if feed.name:
            attrs["title"] = feed.name
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _folder(folders: dict[tuple[str, ...], ET.Element], path: tuple[str, ...]) -> ET.Element:
    if path not in folders:
        parent = _folder(folders, path[:-1])
        folders[path] = ET.SubElement(parent, "outline", text=path[-1], title=path[-1])
    return folders[path]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
