"""Extract stage: an article page (bytes) in, its main text out; and feed HTML to plain text.

extract_article runs trafilatura, which decodes the bytes itself (BOM, <meta charset>, then
detection), so GB2312 pages from Xinhua decode without a header. The result records the
extractor and its version, so a change in extraction can be told from an edit of the report.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType
from typing import TYPE_CHECKING

from worker.detect.model import Person
from worker.errors import ExtractError

if TYPE_CHECKING:
    import lxml.html

    from worker.ingest.extract_fast import Options

EXTRACTOR = "trafilatura"
try:  # trafilatura itself is imported on the first page: a pass with none never pays ~0.3 s
    EXTRACTOR_VERSION: str = version("trafilatura")
except PackageNotFoundError:
    EXTRACTOR_VERSION = "unknown"
# Measured on 28 trafilatura eval news pages (82 must-contain, 91 must-not-contain snippets):
# precision 76 kept / 89 boilerplate dropped, default 78 / 86, recall 76 / 85. Boilerplate
# in the text shows up as false "changes", so precision wins.
FAVOR_PRECISION = True
# trafilatura's pruning expressions evaluated in Python (worker/ingest/prune_paths.py): the
# same elements, ~40% fewer instructions a page; False leaves them all to libxml2
PRUNE_IN_PYTHON = True
# four of trafilatura's steps with less work and the same result (worker/ingest/extract_fast.py):
# ~8% fewer instructions a farm page; False leaves them as trafilatura does them
FAST_STEPS = True

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "aside",
        "hr",
        "address",
        "main",
        "nav",
        "details",
        "summary",
    }
)
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")
# C0 controls but tab, newline and carriage return: no XML text may hold them
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_HELD = 0xF0000  # Supplementary Private Use Area-A: control c is held as U+F0000 + c
_RELEASE = {_HELD + c: c for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# runs of spaces, each made one " " by tidy_text; a lone " " (between most words) is one
# already, so only the runs that differ from it are matched: the same text, a match per
# word fewer (half of tidy_text's time; issue 10, round 21)
_SPACES = re.compile(r"[\t\r\f\v\u00a0\u3000][ \t\r\f\v\u00a0\u3000]*| [ \t\r\f\v\u00a0\u3000]+")


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    extractor: str  # "trafilatura" or "feed" ...
    extractor_version: str
    reading: TextReading | None = None  # read where it was extracted (a pool worker)


@dataclass(frozen=True, slots=True)
class TextReading:
    """The main text as the pipeline stores and reads it: normalized, with its language and
    the people in it (worker/ingest/extract_pool.py reads them beside the extraction)."""

    text: str
    language: str
    people: tuple[Person, ...]
    key: str | None = None  # the reading's (worker.ingest.reading_key), kept with them


def extract_article(html_bytes: bytes, url: str) -> Extracted:
    """Main text of an article page; ExtractError when the page has none."""
    if not html_bytes.strip():
        raise ExtractError(f"{url}: empty page, no text to extract")
    import lxml.etree

    trafilatura = _set_up()
    try:
        document = trafilatura.bare_extraction(
            html_bytes,
            url=url,
            include_comments=False,
            include_tables=True,
            favor_precision=FAVOR_PRECISION,
            # The title comes from the feed; skipping metadata extraction saves ~25% per page
            # (5.1 -> 3.9 ms on farm pages, 19.6 -> 16.5 ms on real ones) with the same text.
            with_metadata=False,
            # the Extractor these arguments make, copied from one built once (extract_fast)
            options=_options().for_page(url) if FAST_STEPS else None,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:  # trafilatura's own parse fails
        raise ExtractError(f"{url}: page could not be parsed: {exc}") from exc
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ExtractError(f"{url}: no main text found in the page")
    title = getattr(document, "title", None)
    return Extracted(
        text=tidy_text(text),
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
    )


def _set_up() -> ModuleType:
    """_trafilatura(), set up by one thread: a pass's first pages are extracted in several
    threads at once, and each found the cache empty and set trafilatura up again (six times in
    the fetch benchmark's 5%-edited pass, the pruning paths translated each time; round 25)."""
    with _SETTING_UP:
        return _trafilatura()


_SETTING_UP = threading.Lock()


@cache
def _trafilatura() -> ModuleType:
    """trafilatura (imported on the first page, see EXTRACTOR_VERSION), its HTML parser handing
    out lxml.html's element classes without a call into Python per element.

    lxml.html's parsers pick each element's Python class in Python (`HtmlElementClassLookup.
    lookup`, ~1,600 calls a farm page: every element trafilatura walks, copies or prunes); a
    C-level default lookup gives the same HtmlElement, HtmlComment, HtmlProcessingInstruction
    and HtmlEntity classes. What goes is lxml.html's form classes (FormElement, InputElement,
    SelectElement, TextareaElement, LabelElement: <form> and its fields become plain
    HtmlElements), whose extra methods neither trafilatura nor its justext and readability
    fallbacks call. The same text and title on 586 pages (500 farm pages and the 86 of
    /work/shared/corpus); 11% fewer instructions a page (bench/README.md, issue 10 round 14).

    And the XPath expressions trafilatura prunes boilerplate with are evaluated by Python
    functions that find the same elements (worker/ingest/prune_paths.py; issue 10, round 21),
    and four of its steps done with less work (worker/ingest/extract_fast.py; rounds 24, 26).
    """
    import lxml.html
    import trafilatura
    import trafilatura.utils
    import trafilatura.xpaths
    from lxml.etree import ElementDefaultClassLookup

    from worker.ingest.prune_paths import speed_up

    lookup = ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
    trafilatura.utils.HTML_PARSER.set_element_class_lookup(lookup)
    if PRUNE_IN_PYTHON:
        speed_up(trafilatura.xpaths)
    if FAST_STEPS:
        from worker.ingest import extract_fast

        extract_fast.speed_up(trafilatura)
    return trafilatura


@cache
def _options() -> Options:
    """The Extractor `bare_extraction` builds from extract_article's arguments, built once."""
    from trafilatura.settings import Extractor

    from worker.ingest.extract_fast import Options

    return Options(
        Extractor,
        output_format="python",
        fast=False,
        precision=FAVOR_PRECISION,
        recall=False,
        comments=False,
        formatting=None,
        links=False,
        images=False,
        tables=True,
        dedup=False,
        lang=None,
        url=None,
        with_metadata=False,
        only_with_metadata=False,
        author_blacklist=None,
        url_blacklist=None,
        date_params=None,
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block, separated by blank lines.

    html_to_text("<p>One <b>two</b></p><p>Three</p>") -> "One two\\n\\nThree"
    """
    if "<" not in fragment:
        return tidy_text(html.unescape(fragment))
    import lxml.etree  # on the first feed with HTML in it: a pass with none never loads lxml
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        # lxml refuses some inputs (e.g. an XML declaration in a str): drop tags by pattern.
        return tidy_text(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    try:
        return tidy_text(_blocks_text(root))
    except ValueError:
        # lxml's parser keeps a C0 control character (a stray U+0008) in a text but refuses
        # it in a text set back on an element: each stands in as a private-use character
        held = _CONTROL.sub(lambda m: chr(_HELD + ord(m.group())), fragment)
        root = lxml.html.fragment_fromstring(held, create_parent="div")
        return tidy_text(_blocks_text(root).translate(_RELEASE))


def _blocks_text(root: lxml.html.HtmlElement) -> str:
    """The tree's text, blocks set apart by blank lines, line breaks kept, _DROP's gone."""
    # listed first: dropping an element while iterating ends the walk in the detached
    # subtree, which left a <script> after a <noscript><iframe>...</noscript> in the text
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())


def tidy_text(text: str) -> str:
    """Collapse spaces inside lines, drop empty lines, keep paragraphs apart by a blank line."""
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)
